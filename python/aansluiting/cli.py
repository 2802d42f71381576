"""Command line: ``aansluiting [overzicht|overgangen|rapport] ...`` (messages in Dutch)."""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

from . import _core
from ._curation_warning import CurationWarning
from ._dutch_argparse import DutchArgumentParser
from ._dutch_reasons import os_reason
from ._kind_names import KINDS
from ._loading import (CURRICULA_ENV, CurriculaFolderWarning, curricula_folder_problem, find_curricula_folder,
                       find_data_folder, load)
from ._progress import ProgressLine
from .report.tables import (capped_at, comparison_line, count, curation_counts, noun, of_shared_programmes,
                            other_leerweg, variant_curation)

NO_DATA = (
    "Geen datamap gevonden. Geef de map met de open curriculumdata op met --data MAP "
    "(een map met slo/ en sbb/, zoals shared/data), of zet de omgevingsvariabele "
    "AANSLUITING_DATA. De SLO-data staat op opendata.slo.nl, de kwalificatiedossiers op "
    "kwalificatiesmbo.nl (SBB)."
)

NOT_A_DATA_FOLDER = (
    "In {folder} staat geen map slo/ of sbb/. Geef met --data de map op die slo/ en sbb/ bevat "
    "(zoals shared/data)."
)

CANNOT_WRITE = "Kan niet schrijven naar {file}: {reason}."

#: What the data and curricula folders hold as input (a report written there before is not one).
INPUT_SUFFIXES = {".json", ".xml", ".csv", ".toml", ".tsv"}
OVERWRITES_INPUT = (
    "{option} {file} is {what} van deze analyse; een rapport of export zou het overschrijven. "
    "Kies een andere bestandsnaam."
)
OVERWRITES_CURATION = (
    "Dit zou het curatiebestand van de overgang overschrijven ({file}): de export bevat alle koppelingen, "
    "niet alleen de beslissingen van de curator. Kies een andere bestandsnaam."
)
OVERWRITES_A_CURATION = (
    "{option} {file} is een curatiebestand (met de beslissingen van een curator); een rapport of export zou het "
    "overschrijven. Kies een andere bestandsnaam."
)

#: Exit status after Ctrl-C, as a shell reports it (128 + SIGINT).
INTERRUPTED = 130

SAME_FILE = "{first} en {second} wijzen naar hetzelfde bestand ({file}); geef elk een eigen naam."

ALL_WRITES_ITS_OWN_FILES = (
    "Bij 'rapport alle' {can} {options} niet worden gebruikt: per overgang worden al een Excel-bestand "
    "(rapport-<id>.xlsx) en de koppelingen (koppelingen-<id>.sssom.tsv) geschreven, in de map van -o "
    "(standaard rapporten/). Laat {options} weg, of maak het rapport van één overgang met "
    "'aansluiting rapport <id> {example}'."
)

ALL_OUTPUT_IS_A_FOLDER = (
    "Bij 'rapport alle' is -o de map voor de rapporten, geen bestand: {path}. "
    "Geef een map op, bijvoorbeeld -o rapporten."
)

#: Suffixes that show that -o of 'rapport alle' names a file where a folder is meant.
FILE_SUFFIXES = {".html", ".htm", ".xlsx", ".xls", ".tsv", ".csv", ".pdf"}

BAD_INPUT = "De curricula konden niet worden geladen. Fout in {file}{where}: {detail}"

NO_TRANSITIONS = (
    "Geen overgangen gevonden in {folder}. Geef met --curricula MAP de map op die transitions/*.toml bevat "
    "(in de projectmap is dat curricula/)."
)

# The overview's names: the report's plurals, with a word more where a count alone would mislead.
KIND_NL = {kind: many for kind, (_, many) in KINDS.items()} | {
    "topic": "onderwerpen (referentiekader)",
    "goal": "overige doelen",
}


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, metavar="MAP",
                   help="map met de open data (slo/, sbb/); standaard $AANSLUITING_DATA, anders shared/data "
                        "in of boven de huidige map")
    p.add_argument("--curricula", type=Path, metavar="MAP",
                   help="map met eigen programma's en overgangen; standaard $AANSLUITING_CURRICULA, anders "
                        "curricula/ in of boven de huidige map, anders de map die met het pakket is geïnstalleerd")


def _parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="aansluiting",
        description="Analyseer hoe curricula aansluiten bij de overgang tussen schoolsoorten.",
    )
    _add_common(parser)
    # Options may stand before or after the command; SUPPRESS keeps the first.
    common = DutchArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    _add_common(common)
    sub = parser.add_subparsers(dest="command", metavar="opdracht")
    sub.add_parser("overzicht", parents=[common], help="vat samen wat er geladen is (standaard)")
    sub.add_parser("overgangen", parents=[common], help="toon de overgangen die kunnen worden geanalyseerd")
    rapport = sub.add_parser(
        "rapport", parents=[common], help="analyseer een overgang en schrijf het rapport",
        description="Analyseer een overgang en schrijf een HTML-rapport; desgewenst ook een Excel-bestand met "
                    "de tabellen (--xlsx) en de koppelingen als SSSOM-bestand (--sssom). Bij 'alle' schrijft "
                    "het per overgang alle drie.")
    rapport.add_argument("transition", metavar="overgang",
                         help="id van een overgang (zie 'aansluiting overgangen'), pad naar een .toml-bestand, "
                              "of 'alle' voor een rapport per overgang")
    rapport.add_argument("-o", "--output", type=Path, metavar="BESTAND",
                         help="HTML-rapport; standaard rapport-<id>.html in de huidige map "
                              "(bij 'alle': de map voor de rapporten, standaard rapporten/)")
    rapport.add_argument("--xlsx", type=Path, metavar="BESTAND",
                         help="schrijf de tabellen ook naar dit Excel-bestand (niet bij 'alle': dat schrijft "
                              "per overgang al een Excel-bestand)")
    rapport.add_argument("--sssom", type=Path, metavar="BESTAND",
                         help="schrijf de koppelingen ook naar dit SSSOM-bestand (tabgescheiden uitwisselformaat, "
                              "met score, relatie en uitleg per koppeling; niet bij 'alle': dat schrijft per "
                              "overgang al een SSSOM-bestand)")
    return parser


def _load_or_say(data: Path, curricula: Path | None):
    """The catalogue, or None after saying in Dutch why the data cannot be loaded."""
    from . import InputError

    try:
        with warnings.catch_warnings():  # said in Dutch before loading (_check_curricula_option)
            warnings.simplefilter("ignore", CurriculaFolderWarning)
            return load(data, curricula)
    except (FileNotFoundError, NotADirectoryError) as e:
        if str(getattr(e, "code", "")).startswith("load.curricula"):  # $AANSLUITING_CURRICULA names a wrong folder
            print(_sentence(e.message_nl), file=sys.stderr)  # type: ignore[attr-defined]
        else:
            print(NOT_A_DATA_FOLDER.format(folder=Path(data).resolve()), file=sys.stderr)
    except InputError as e:
        where = f", regel {e.line}, kolom {e.column}" if e.line else ""
        if e.record:
            where += f" (record {e.record})"
        print(BAD_INPUT.format(file=e.file, where=where, detail=e.detail_nl), file=sys.stderr)
    return None


def _location(file: str, line: int, column: int, record: str) -> str:
    """file:line:column (record id), leaving out what is unknown."""
    out = file or "<invoer>"
    if line:
        out += f":{line}" + (f":{column}" if column else "")
    return out + (f" (record {record})" if record else "")


def _in_dutch(error: Exception) -> str:
    """The Dutch text of an error the core (or a definition file) raised; other errors as they are."""
    if getattr(error, "detail_nl", None):
        return f"{_location(error.file, error.line, error.column, error.record)}: {error.detail_nl}"
    return getattr(error, "message_nl", None) or str(error)


def _cannot_write(error: OSError, path: Path) -> int:
    """Says in Dutch which file could not be written and why; the exit status."""
    print(CANNOT_WRITE.format(file=error.filename or path, reason=os_reason(error)), file=sys.stderr)
    return 1


def _check_outputs(outputs: dict[str, Path | None]) -> int | None:
    """The exit status after saying why an output (option -> path) cannot be written, or None when all can.

    Run before loading and analysing, so that a wrong path does not cost the user the whole run.
    """
    from .report._files import check_writable

    seen: dict[Path, str] = {}
    for option, path in outputs.items():
        if path is None:
            continue
        key = path.absolute()
        if key in seen:
            print(SAME_FILE.format(first=seen[key], second=option, file=path), file=sys.stderr)
            return 2
        seen[key] = option
        try:
            check_writable(path)
        except OSError as e:
            return _cannot_write(e, path)
    return None


def _check_not_an_input(outputs: dict[str, Path | None], definition: Path, data: Path,
                        curricula: Path | None) -> int | None:
    """The exit status after refusing an output that is one of the run's own input files, or None.

    One slip of tab completion (``-o mijn.toml``) would otherwise replace the user's definition
    file, a programme or a data file with a report.
    """
    own = definition.resolve()
    folders = [Path(f).resolve() for f in (data, curricula) if f is not None]
    for option, path in outputs.items():
        if path is None:
            continue
        target = Path(path).resolve()
        if target == own:
            print(OVERWRITES_INPUT.format(option=option, file=path, what="het overgangsbestand"), file=sys.stderr)
            return 2
        if target.is_file() and target.suffix.lower() in INPUT_SUFFIXES and any(target.is_relative_to(f) for f in folders):
            print(OVERWRITES_INPUT.format(option=option, file=path, what="een invoerbestand"), file=sys.stderr)
            return 2
        # Any curator's file, not only the transition's own (a user test exported over the file of another).
        if target.is_file() and _core._is_curation_file(target):
            print(OVERWRITES_A_CURATION.format(option=option, file=path), file=sys.stderr)
            return 2
    return None


def _overview(args: argparse.Namespace) -> int:
    data = args.data or find_data_folder()
    if data is None or not Path(data).is_dir():
        print(NO_DATA, file=sys.stderr)
        return 2
    curricula = args.curricula or find_curricula_folder()
    t0 = time.perf_counter()
    cat = _load_or_say(data, curricula)
    if cat is None:
        return 1
    seconds = time.perf_counter() - t0

    print(f"aansluiting {__import__('aansluiting').__version__} — overzicht van de geladen curricula")
    print(f"Data: {Path(data).resolve()}")
    if curricula and (Path(curricula) / "programmes").is_dir():
        print(f"Eigen programma's: {Path(curricula).resolve() / 'programmes'}")
    elif curricula:  # a folder with transitions/ only
        print(f"Eigen programma's: geen (in {Path(curricula).resolve()} staat geen map programmes/)")
    print(f"Geladen in {_seconds(seconds, 2)}: {count(len(cat), 'doel', 'doelen')}, "
          f"{count(cat.num_edges, 'verbinding', 'verbindingen')}, {count(len(cat.sources), 'bron', 'bronnen')}.\n")

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

    own, open_data = _split_warnings(cat.warnings, curricula)
    if own:  # the user can fix these; the open data's are only reported
        print(f"\nWaarschuwingen in uw eigen bestanden ({Path(curricula).resolve()}): {len(own)}")
        _print_warnings(own, MAX_OWN_WARNINGS)
    print(f"\nWaarschuwingen{' in de open data' if own else ''}: {len(open_data)}")
    _print_warnings(open_data, MAX_DATA_WARNINGS)
    return 0


MAX_OWN_WARNINGS = 50
MAX_DATA_WARNINGS = 10


def _split_warnings(warnings: list, curricula: Path | None) -> tuple[list, list]:
    """The warnings about files in the user's curricula folder, and the others (the open data's)."""
    if curricula is None:
        return [], list(warnings)
    mine = Path(curricula).resolve()
    ours: dict[str, bool] = {}  # per file: half a million warnings name a handful of files
    own, others = [], []
    for w in warnings:
        if w.file not in ours:
            ours[w.file] = bool(w.file) and Path(w.file).resolve().is_relative_to(mine)
        (own if ours[w.file] else others).append(w)
    return own, others


def _print_warnings(warnings: list, limit: int, file=None) -> None:
    for w in warnings[:limit]:
        print(f"  {_location(w.file, w.line, w.column, w.record)}: {w.message_nl}", file=file)
    if len(warnings) > limit:
        print(f"  ... en nog {len(warnings) - limit} (zie Catalogue.to_pandas('warnings'))", file=file)


def _transitions_folder(args: argparse.Namespace) -> Path | None:
    from .transition import transitions_folder

    return transitions_folder(args.curricula)


def _shipped(args: argparse.Namespace):
    """The usable transition files of the curricula folder, or None after saying (in Dutch) that there are none.

    A file with a mistake is named with its position on stderr, so that it is not silently missing.
    """
    from ._transition_files import scan_transitions

    folder = _transitions_folder(args)
    found, broken = scan_transitions(folder) if folder else ({}, [])
    for error in broken:
        print(f"Overgangsbestand overgeslagen: {_in_dutch(error)}", file=sys.stderr)
    if not found:
        print(NO_TRANSITIONS.format(folder=folder or "curricula/transitions"), file=sys.stderr)
        return None
    return folder, found, len(broken)


def _list_transitions(args: argparse.Namespace) -> int:
    shipped = _shipped(args)
    if shipped is None:
        return 2
    folder, found, _ = shipped
    print(f"Overgangen in {folder.resolve()}:")
    width = max(len(t) for t in found)
    for tid, info in found.items():
        print(f"  {tid:<{width}}  {info.name}")
    print("\nMaak een rapport met: aansluiting rapport <id>")
    return 0


def _report_all(args: argparse.Namespace) -> int:
    """One report (HTML, Excel and the links as SSSOM) per shipped transition, in one folder."""
    given = [option for option, value in (("--xlsx", args.xlsx), ("--sssom", getattr(args, "sssom", None))) if value]
    if given:  # each transition has its own files: one name for all would be overwritten or ignored
        example = " ".join(f"{option} BESTAND" for option in given)
        print(ALL_WRITES_ITS_OWN_FILES.format(can=noun(len(given), "kan", "kunnen"), options=" en ".join(given),
                                              example=example), file=sys.stderr)
        return 2
    if args.output is not None and args.output.suffix.lower() in FILE_SUFFIXES and not args.output.is_dir():
        print(ALL_OUTPUT_IS_A_FOLDER.format(path=args.output), file=sys.stderr)
        return 2
    shipped = _shipped(args)
    if shipped is None:
        return 2
    _, found, broken = shipped
    out_dir = args.output or Path("rapporten")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        return _cannot_write(e, out_dir)
    status = 0
    for k, (tid, info) in enumerate(found.items(), start=1):
        print(f"Overgang {k} van {len(found)}: {tid}", file=sys.stderr)
        one = argparse.Namespace(**{**vars(args), "transition": str(info.path),
                                    "output": out_dir / f"rapport-{tid}.html",
                                    "xlsx": out_dir / f"rapport-{tid}.xlsx",
                                    "sssom": out_dir / f"koppelingen-{tid}.sssom.tsv"})
        status = max(status, _report(one))
    return max(status, 2 if broken else 0)  # a skipped file is a failure of "alle", named above


def _report(args: argparse.Namespace) -> int:
    from ._transition_files import resolve_transition

    if args.transition == "alle":
        return _report_all(args)
    started = time.perf_counter()
    folder = _transitions_folder(args)
    path, message = resolve_transition(args.transition, folder)
    if path is None:
        print(message, file=sys.stderr)
        return 2
    data = args.data or find_data_folder()
    if data is None or not Path(data).is_dir():
        print(NO_DATA, file=sys.stderr)
        return 2

    from . import InputError, NotFoundError, report
    from .transition import Transition

    progress = ProgressLine(unit="programmaparen")
    try:
        transition = Transition.from_file(path)
    except (InputError, ValueError) as e:  # an InputError's Dutch text starts with file:line:column
        where = "" if getattr(e, "detail_nl", None) else f"{path}: "
        print(f"Fout in het overgangsbestand {where}{_in_dutch(e)}", file=sys.stderr)
        return 2
    output = args.output or Path(f"rapport-{transition.id or path.stem}.html")
    sssom = getattr(args, "sssom", None)
    status = _check_outputs({"-o": output, "--xlsx": args.xlsx, "--sssom": sssom})
    if status is not None:
        return status
    if transition.curation is not None and any(
            path is not None and Path(path).resolve() == transition.curation.resolve()
            for path in (output, args.xlsx, sssom)):
        # The export holds every link, most of them the matcher's: it would replace the curator's decisions.
        print(OVERWRITES_CURATION.format(file=transition.curation), file=sys.stderr)
        return 2
    curricula = args.curricula or _curricula_of(path) or find_curricula_folder()
    status = _check_not_an_input({"-o": output, "--xlsx": args.xlsx, "--sssom": sssom}, path, data, curricula)
    if status is not None:
        return status

    t0 = time.perf_counter()
    progress.message(_loading_message(data, curricula))
    cat = _load_or_say(data, curricula)
    if cat is None:
        progress.finish()
        return 1
    t_load = time.perf_counter() - t0
    # What is wrong with the user's own files comes before the analysis that may fail on it
    # (a programme without levels is "not found" at every level).
    own, _ = _split_warnings(cat.warnings, curricula)
    if own:
        progress.message(f"Let op: {count(len(own), 'melding', 'meldingen')} over uw eigen bestanden:")
        _print_warnings(own, 10, file=sys.stderr)

    t0 = time.perf_counter()
    progress.message(f"Overgang {transition_name(transition, path)} analyseren ...")
    try:
        with warnings.catch_warnings():  # said below, in the command line's own words
            warnings.simplefilter("ignore", CurationWarning)
            result = transition.analyse(cat, progress=progress)
    except (NotFoundError, InputError) as e:
        progress.finish()
        print(f"De overgang {path.name} kan niet worden geanalyseerd: {_in_dutch(e)}", file=sys.stderr)
        return 2
    progress.finish()
    t_analyse = time.perf_counter() - t0

    t0 = time.perf_counter()
    report_progress = ProgressLine(label="Rapport maken", unit="stappen")
    written = []
    try:
        # Files are named relative to these folders: the report is shared, not kept on this machine.
        report.write_html(result, output, progress=report_progress, data=data, curricula=curricula)
        report_progress.finish()
        written.append(output)
        if args.xlsx:
            report.write_xlsx(result, args.xlsx, data=data, curricula=curricula)
            written.append(args.xlsx)
        if sssom:
            sssom.parent.mkdir(parents=True, exist_ok=True)  # as write_html and write_xlsx do
            result.to_sssom(sssom)
            written.append(sssom)
    except OSError as e:
        report_progress.finish()
        return _cannot_write(e, Path(e.filename) if e.filename else output)
    t_report = time.perf_counter() - t0

    s = result.summary
    print(f"{result.name}: {count(s.get('receiving_leaves', 0), 'doel', 'doelen')} in het vervolg, "
          f"{int(s.get('covered', 0))} gedekt, {int(s.get('partly', 0))} deels gedekt, "
          f"{count(s.get('gaps', 0), 'hiaat', 'hiaten')}, "
          f"{count(s.get('overlaps', 0), 'overlapping', 'overlappingen')} "
          f"(dekkingsgraad {100 * float(s.get('coverage_share', 0)):.0f}%).")
    if int(s.get("shared", 0)):  # mbo 3 -> mbo 4 of one dossier: the basis part is in both
        n = int(s.get("shared", 0))
        print(f"  Van de gedekte doelen {'staat er' if n == 1 else 'staan er'} {n} in beide programma's "
              "(gedeeld basisdeel): ze dekken zichzelf en tellen niet als overlapping.")
    if int(s.get("placeholders", 0)):  # "n.v.t." records of a few havo and vwo programmes
        n = int(s.get("placeholders", 0))
        print(f"  Niet meegeteld: {count(n, 'doel', 'doelen')} van het vervolg {'zegt' if n == 1 else 'zeggen'} "
              "in de bron alleen dat er geen doel is ('n.v.t.'); zo'n doel is geen hiaat.")
    for line in _chosen_lines(result):  # a part of a name or a crebo number: which programme it became
        print(f"  {line}")
    cap = capped_at(result)
    for name, comparison in result.comparisons.items():
        # The closed gaps split into now covered and only partly covered, and what rests on one
        # shared word, as a notebook says them (report.tables.comparison_line).
        line = comparison_line(comparison, cap)
        variant = result.variants.get(name)
        if other_leerweg(result, variant):  # a user test: kb beside bb said "0 gesloten, 0 geopend" and no more
            only_base = len(of_shared_programmes(comparison.sending_only_base))
            only_variant = len(of_shared_programmes(comparison.sending_only_variant))
            line += (f"; {count(only_variant, 'doel', 'doelen')} alleen in {variant.sending_level}, "
                     f"{only_base} alleen in {result.sending_level}")
        print(f"  variant {name}: {line}")
    if result.meta.get("curation"):  # a user test: the command line never said the decisions were applied
        summary = dict(result.summary.items())
        counts = curation_counts(summary) or {"confirmed": 0, "rejected": 0}  # as the report says them
        # The path as the warnings below name the file (a user test: the name alone hid which folder).
        print(f"  curatie ({_shown_path(result.meta['curation'])}): "
              f"{count(counts['confirmed'], 'koppeling', 'koppelingen')} bevestigd en {counts['rejected']} afgewezen"
              + "".join(f"; in variant {v['name']}: {v['confirmed']} bevestigd en {v['rejected']} afgewezen"
                        for v in variant_curation(result, summary)))
    unapplied = result.meta.get("curation_unapplied", [])
    if unapplied:
        print(f"Let op: {count(len(unapplied), 'curatiebeslissing', 'curatiebeslissingen')} niet toegepast:",
              file=sys.stderr)
        for line in unapplied:
            print(f"  {line}", file=sys.stderr)
    for line in result.meta.get("curation_notes", []):  # read, but worth a look (a decimal comma)
        print(f"Opmerking bij het curatiebestand: {line}", file=sys.stderr)
    for w in written:
        print(f"Geschreven: {Path(w).resolve()}")
    total = time.perf_counter() - started
    # Loading takes hundredths of a second: "laden 0,0 s" read as "not loaded" (a user test).
    print(f"Klaar in {_seconds(total)} (laden {_seconds(t_load, 2)}, analyse {_seconds(t_analyse)}, "
          f"rapport {_seconds(t_report)}).", file=sys.stderr)
    return 0


def _shown_path(path: str | os.PathLike) -> str:
    """A path relative to the working folder when it lies below it, else as it is."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _chosen_lines(result) -> list[str]:
    """Per pair, the programmes taken for names that are not their exact title or subject (result.meta
    ["programmes"]): "Pedagogisch medewerker" at mbo 4 is Gespecialiseerd pedagogisch medewerker."""
    shown: dict[str, list[str]] = {}
    for label, r in [("", result)] + [(f" (variant {name})", v) for name, v in result.variants.items()]:
        for c in r.meta.get("programmes", []):
            if c["named_by"] in ("part", "code", "abbreviation"):
                crebo = f", crebo {c['code']}" if c["kind"] == "qualification" and c["code"] else ""
                text = f"'{c['given']}' (gekozen: {c['title']}{crebo})"
                if not any(text in t for t in shown.get(c["pair"], [])):  # a variant's own picks only
                    shown.setdefault(c["pair"], []).append(text + label)
    return [f"{pair}: {'; '.join(texts)}" for pair, texts in shown.items()]


def _loading_message(data: Path, curricula: Path | None) -> str:
    """What is loaded from where: the open data, and the user's own programmes when there are any."""
    own = Path(curricula).resolve() / "programmes" if curricula else None
    if own is not None and own.is_dir():
        return f"Curricula laden: open data uit {Path(data).resolve()}, eigen programma's uit {own} ..."
    return f"Curricula laden: open data uit {Path(data).resolve()} ..."


def _curricula_of(path: Path) -> Path | None:
    """The curricula folder a definition file lives in (``<curricula>/transitions/x.toml``)."""
    folder = path.resolve().parent
    if folder.name == "transitions" and (folder.parent / "programmes").is_dir():
        return folder.parent
    return None


def _check_curricula_option(folder: Path | None, how: str) -> int | None:
    """Exit status 2 after saying that --curricula names a missing folder or the programmes (or transitions)
    folder itself; a warning, and None, when it names a folder with nothing to read; None when it is fine."""
    if folder is None:
        return None
    problem = curricula_folder_problem(folder, how)
    if problem is None:
        return None
    kind, _, _, dutch = problem
    if issubclass(kind, Warning):
        print(f"Let op: {dutch}.", file=sys.stderr)
        return None
    print(_sentence(dutch), file=sys.stderr)
    return 2


def _sentence(text: str) -> str:
    """A message as a sentence: a capital first letter and a full stop."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _seconds(value: float, digits: int = 1) -> str:
    """A duration as a Dutch reader writes it: 3,1 s (decimal comma)."""
    return f"{value:.{digits}f} s".replace(".", ",")


def transition_name(transition: object, path: Path) -> str:
    return str(getattr(transition, "name", "") or path.stem)


def main(argv: list[str] | None = None) -> int:
    try:
        status = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
    except BrokenPipeError:
        # The reader stopped (`aansluiting overzicht | head`): stop quietly, as other commands do.
        # Python would try to flush stdout again at exit; point it at devnull first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE
    except KeyboardInterrupt:  # Ctrl-C: the user knows why; no traceback (output is written atomically)
        print("\nAfgebroken.", file=sys.stderr)
        return INTERRUPTED
    return status


#: The exit status of a command ended by SIGPIPE in a shell (128 + 13).
BROKEN_PIPE = 141


def _run(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    # A mistyped folder is said as such: "no data folder found" (--data) or nothing at all
    # (--curricula: no own programmes, silently) sent users looking elsewhere.
    for option, folder, what in (("--data", getattr(args, "data", None), "De datamap"),
                                 ("--curricula", getattr(args, "curricula", None), "De map met eigen curricula")):
        if folder is not None and not Path(folder).is_dir():
            state = "is geen map" if Path(folder).exists() else "bestaat niet"
            print(f"{what} {folder} ({option}) {state}.", file=sys.stderr)
            return 2
    # A folder without programmes/ and transitions/ (often curricula/programmes itself) read nothing, silently.
    status = _check_curricula_option(getattr(args, "curricula", None), "--curricula")
    if status is None and getattr(args, "curricula", None) is None and os.environ.get(CURRICULA_ENV):
        status = _check_curricula_option(Path(os.environ[CURRICULA_ENV]), f"${CURRICULA_ENV}")
    if status is not None:
        return status
    if args.command in (None, "overzicht"):
        return _overview(args)
    if args.command == "overgangen":
        return _list_transitions(args)
    if args.command == "rapport":
        return _report(args)
    return 2
