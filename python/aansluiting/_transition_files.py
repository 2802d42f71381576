"""Finding transition definition files (``curricula/transitions/*.toml``) by id, for the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class TransitionFile:
    id: str
    name: str
    path: Path
    data: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # the checked contents


def scan_transitions(folder: Path | None) -> tuple[dict[str, TransitionFile], list[ValueError]]:
    """The usable transitions in ``folder`` by id (sorted), and an InputError per file that is not."""
    from ._definition_file import read_definition

    found: dict[str, TransitionFile] = {}
    broken: list[ValueError] = []
    if folder is None or not Path(folder).is_dir():
        return found, broken
    for path in sorted(Path(folder).glob("*.toml")):
        try:
            doc = read_definition(path)
        except ValueError as e:  # InputError: file, line, column, detail_nl
            broken.append(e)
            continue
        tid = str(doc.get("id") or path.stem)
        found[tid] = TransitionFile(tid, str(doc.get("name", tid)), path, doc)
    return dict(sorted(found.items())), broken


def available_transitions(folder: Path | None) -> dict[str, TransitionFile]:
    """The usable transitions in ``folder`` by id, sorted by id (see scan_transitions for the others)."""
    return scan_transitions(folder)[0]


def resolve_transition(spec: str, folder: Path | None) -> tuple[Path | None, str]:
    """The file for ``spec`` (an id or a path to a .toml file), or None and a Dutch message."""
    as_path = Path(spec)
    if as_path.suffix == ".toml" or as_path.is_file():
        if as_path.is_file():
            return as_path, ""
        return None, f"Het overgangsbestand {spec} bestaat niet."
    found = available_transitions(folder)
    if spec in found:
        return found[spec].path, ""
    by_stem = {t.path.stem: t for t in found.values()}
    if spec in by_stem:
        return by_stem[spec].path, ""
    if found:
        listing = "\n".join(f"  {t.id:<28} {t.name}" for t in found.values())
        return None, (f"Onbekende overgang '{spec}'. Beschikbare overgangen (in {folder}):\n{listing}\n"
                      "Of geef het pad naar een eigen .toml-bestand.")
    return None, (f"Onbekende overgang '{spec}': er zijn geen overgangen gevonden"
                  f"{f' in {folder}' if folder else ''}. Geef met --curricula MAP de map op die "
                  "transitions/*.toml bevat, of het pad naar een .toml-bestand.")
