"""Finding transition definition files (``curricula/transitions/*.toml``) by id, for the command line."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TransitionFile:
    id: str
    name: str
    path: Path


def available_transitions(folder: Path | None) -> dict[str, TransitionFile]:
    """The transitions in ``folder`` by id, sorted by id. Files that do not parse are skipped."""
    found: dict[str, TransitionFile] = {}
    if folder is None or not Path(folder).is_dir():
        return found
    for path in sorted(Path(folder).glob("*.toml")):
        try:
            with path.open("rb") as f:
                doc = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        tid = str(doc.get("id") or path.stem)
        found[tid] = TransitionFile(tid, str(doc.get("name", tid)), path)
    return dict(sorted(found.items()))


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
