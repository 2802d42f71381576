"""Command line: ``aansluiting [overzicht|rapport] ...`` (messages in Dutch)."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from ._loading import find_curricula_folder, find_data_folder, load

NO_DATA = (
    "Geen datamap gevonden. Geef de map met de open curriculumdata op met --data MAP "
    "(een map met slo/ en sbb/, zoals shared/data), of zet de omgevingsvariabele "
    "AANSLUITING_DATA. De SLO-data staat op opendata.slo.nl, de kwalificatiedossiers op "
    "kwalificatiesmbo.nl (SBB)."
)

KIND_NL = {
    "programme": "examenprogramma's",
    "domain": "domeinen",
    "subdomain": "subdomeinen",
    "eindterm": "eindtermen",
    "syllabus": "syllabi",
    "specification": "specificaties",
    "explanation": "toelichtingen",
    "concept": "vakbegrippen",
    "dossier": "kwalificatiedossiers",
    "qualification": "kwalificaties",
    "kerntaak": "kerntaken",
    "werkproces": "werkprocessen",
    "knowledge_skill": "vakkennis en vaardigheden",
    "framework": "referentiekaders",
    "topic": "onderwerpen (referentiekader)",
    "goal": "overige doelen",
}


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, help="map met de open data (slo/, sbb/); standaard shared/data")
    p.add_argument("--curricula", type=Path, help="map met eigen programma's en overgangen; standaard curricula/")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aansluiting",
        description="Analyseer hoe curricula aansluiten bij de overgang tussen schoolsoorten.",
    )
    _add_common(parser)
    # Options may stand before or after the command; SUPPRESS keeps the first.
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    _add_common(common)
    sub = parser.add_subparsers(dest="command", metavar="opdracht")
    sub.add_parser("overzicht", parents=[common], help="vat samen wat er geladen is (standaard)")
    return parser


def _overview(args: argparse.Namespace) -> int:
    data = args.data or find_data_folder()
    if data is None or not Path(data).is_dir():
        print(NO_DATA, file=sys.stderr)
        return 2
    curricula = args.curricula or find_curricula_folder()
    t0 = time.perf_counter()
    cat = load(data, curricula)
    seconds = time.perf_counter() - t0

    print(f"aansluiting {__import__('aansluiting').__version__} — overzicht van de geladen curricula")
    print(f"Data: {Path(data).resolve()}")
    if curricula:
        print(f"Eigen programma's: {Path(curricula).resolve() / 'programmes'}")
    print(f"Geladen in {seconds:.2f} s: {len(cat)} doelen, {cat.num_edges} verbindingen, "
          f"{len(cat.sources)} bronnen.\n")

    print("Aantallen per soort:")
    for kind, label in KIND_NL.items():
        n = cat.count(kind)
        if n:
            print(f"  {label:<32} {n:>6}")

    per_level: Counter[str] = Counter()
    for p in cat.programmes:
        for level in p.levels:
            per_level[(p.kind, level)] += 1
    print("\nProgramma's per niveau:")
    order = {name: i for i, name in enumerate(__import__("aansluiting").levels())}
    for (kind, level), n in sorted(per_level.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99))):
        print(f"  {KIND_NL.get(kind, kind):<24} {level:<10} {n:>4}")

    warnings = cat.warnings
    print(f"\nWaarschuwingen: {len(warnings)}")
    for w in warnings[:10]:
        print(f"  {w}")
    if len(warnings) > 10:
        print(f"  ... en nog {len(warnings) - 10} (zie Catalogue.to_pandas('warnings'))")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in (None, "overzicht"):
        return _overview(args)
    return 2
