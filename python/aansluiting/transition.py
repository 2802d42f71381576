"""Transitions: which programmes a pupil leaves and enters, from a definition file or built in code.

The analysis itself runs in the C++ core (``_core._run_transition``); this
module resolves the definition to programmes and turns the core's tables into
:class:`~aansluiting.results.TransitionResult`.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    import pandas as pd

from . import _core, _tables
from ._core import Catalogue, Curation, NotFoundError, Programme
from ._curation_warning import dutch_lines, warn_about_curation
from ._definition_file import check_definition, input_error, pair_name, quoted_position, read_definition, subject_names
from ._errors import dutch_error
from ._loading import shipped_programme_file, similar_file
from .alignment import text_analyser
from .results import Comparison, PairResult, TransitionResult, summary_series, total_summary

Progress = Callable[[str, int, int], None]


def _canonical_level(level):
    """A level by its name in ``aansluiting.levels()`` ("MBO-2" is "mbo 2"); anything else as given (an unknown
    level is refused with the list of known ones where it is used)."""
    return (_core.parse_level(level) or level) if isinstance(level, str) else level


@dataclass
class Pair:
    """One subject pair: the sending and the receiving programmes, by subject name or title."""

    name: str
    sending: list[str]
    receiving: list[str]

    def __post_init__(self) -> None:
        # One name may be given as a string, as in a definition file (a str is not a list of names).
        self.sending, self.receiving = subject_names(self.sending), subject_names(self.receiving)


@dataclass
class Variant:
    """An alternative sending side, analysed the same way and compared with the base."""

    name: str
    sending_level: str | None = None
    add_sending: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.add_sending = subject_names(self.add_sending)
        self.sending_level = _canonical_level(self.sending_level)


@dataclass(repr=False)
class Transition:
    """A transition: pairs of sending and receiving programmes, levels, options and variants."""

    id: str
    name: str
    sending_level: str
    receiving_level: str
    pairs: list[Pair]
    description: str = ""
    receiving_exam: list[str] = field(default_factory=list)
    receiving_parts: list[str] = field(default_factory=list)
    sending_exam: list[str] = field(default_factory=list)
    curation: Path | None = None
    #: Thresholds that differ from a transition's defaults, by the names of ``meta["thresholds"]``
    #: (``{"covered": 0.30}``); checked by the core when the transition is made.
    thresholds: dict[str, float] = field(default_factory=dict)
    variants: list[Variant] = field(default_factory=list)
    add_sending: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    path: Path | None = None

    def __post_init__(self) -> None:
        # "MBO-2", "kader": the title, the report and the command line name the level as the core does.
        self.sending_level = _canonical_level(self.sending_level)
        self.receiving_level = _canonical_level(self.receiving_level)
        # A path as text, as a notebook passes it (dataclasses.replace(t, curation="besluiten.tsv")).
        if self.curation is not None and not isinstance(self.curation, Path):
            self.curation = Path(self.curation) if str(self.curation) else None  # "": none
        self.thresholds = dict(self.thresholds or {})
        _core._transition_thresholds(self.thresholds)  # a ValueError now, not after the first pair is aligned

    def __repr__(self) -> str:
        # One line: shipped_transitions() shows five of these, and the description is a page.
        variants = f"; variants {', '.join(repr(v.name) for v in self.variants)}" if self.variants else ""
        return (f"<Transition {self.id!r} ({self.sending_level} → {self.receiving_level}): "
                f"{len(self.pairs)} pairs{variants}>")

    # --- definition files -------------------------------------------------

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> "Transition":
        """Read a definition file (TOML, format in docs/transitions.md).

        A bare id of a shipped transition ("vmbo-tl-havo4") reads that file, as the command line does;
        so does the path of a shipped file relative to a clone ("curricula/transitions/vmbo-tl-havo4.toml")
        when it is not there, as in a notebook outside the clone (the package holds the same files).
        """
        path = Path(path)
        if not path.exists() and not path.is_absolute():
            folder = transitions_folder()
            bare_id = not path.suffix and len(path.parts) == 1
            shipped = path.parts[:-1] in (("curricula", "transitions"), ("transitions",))  # as the README writes it
            name = f"{path}.toml" if bare_id else path.name
            if folder and (bare_id or shipped) and (folder / name).is_file():
                path = folder / name
        return cls._from_checked(read_definition(path), path)

    @classmethod
    def from_dict(cls, data: dict, path: Path | None = None) -> "Transition":
        """A transition from the contents of a definition file, checked as a file's would be."""
        check_definition(data, path or "<definition>")
        return cls._from_checked(data, path)

    @classmethod
    def _from_checked(cls, data: dict, path: Path | None) -> "Transition":
        """A transition from contents that check_definition (or read_definition) accepted."""
        options = data.get("options", {})

        pairs = [Pair(pair_name(p), subject_names(p["sending"]), subject_names(p["receiving"])) for p in data["pair"]]
        curation = options.get("curation")
        base = path.parent if path else Path.cwd()
        return cls(
            id=data.get("id") or (path.stem if path else "transition"),
            name=data["name"],
            description=data.get("description", ""),
            sending_level=data["sending_level"],
            receiving_level=data["receiving_level"],
            pairs=pairs,
            receiving_exam=list(options.get("receiving_exam", [])),
            receiving_parts=list(options.get("receiving_parts", [])),
            sending_exam=list(options.get("sending_exam", [])),
            curation=(base / curation) if curation else None,
            thresholds=dict(options.get("thresholds", {})),
            variants=[Variant(v["name"], v.get("sending_level"), list(v.get("add_sending", [])))
                      for v in data.get("variant", [])],
            add_sending=list(data.get("add_sending", [])),
            sources=list(data.get("sources", [])),
            path=path,
        )

    # --- analysis ---------------------------------------------------------

    def _sides(self, catalogue: Catalogue, level: str, extra: Sequence[str]) -> list[tuple[list, list]]:
        """Each pair's sending and receiving programmes at ``level``, ``extra`` added to the sending side."""
        extra_programmes = self._programmes(catalogue, extra, level) if extra else []
        return [(self._programmes(catalogue, pair.sending, level, i) + extra_programmes,
                 self._programmes(catalogue, pair.receiving, self.receiving_level, i))
                for i, pair in enumerate(self.pairs)]

    def _programmes(self, catalogue: Catalogue, names: Sequence[str], level: str,
                    pair: int | None = None) -> list[Programme]:
        found = []
        # A subject or a full title, at this level: the core ranks titles first and, among
        # equal matches, an exam programme before its syllabi (a syllabus is named by its title).
        kinds = ["programme", "qualification", "framework", "syllabus"]
        for name in names:
            try:
                found.append(catalogue.find_programme(name, level, kinds=kinds))
            except NotFoundError as e:
                detail, detail_nl = str(e), e.message_nl
                shipped = shipped_programme_file(name, level, kinds)
                if shipped is not None:  # an own curricula folder without the shipped programme
                    detail += (f"; '{name}' is a programme shipped with aansluiting ({shipped.name}) that your "
                               f"curricula folder lacks: copy {shipped} into its programmes/")
                    detail_nl += (f"; '{name}' is een meegeleverd programma ({shipped.name}) dat niet in uw "
                                  f"curricula-map staat: kopieer {shipped} naar de map programmes/ ervan")
                raise self._not_found(detail, detail_nl, e.code, quoted_position(self.path, name, pair)) from None
        return found

    def _not_found(self, detail: str, detail_nl: str, code: str, position: tuple[int, int] = (0, 0)) -> NotFoundError:
        where = f"{self.path}:{position[0]}:{position[1]}" if self.path and position[0] else (self.path or self.id)
        return dutch_error(NotFoundError, code, f"{where}: {detail}", f"{where}: {detail_nl}")

    def _curation(self, catalogue: Catalogue) -> Curation | None:
        if self.curation is None:
            return None
        if not self.curation.is_file():  # a typo here would drop the curator's work without a word
            where = self.path or self.id
            other = similar_file(self.curation)
            hint_en, hint_nl = ((f"; did you mean {other}?", f"; bedoelt u {other}?") if other else
                                ("", " (controleer 'curation' in [options]; een nieuw bestand maakt u in Python met "
                                     "Curation(catalogus, pad).save(), zie hoofdstuk 8 van de handleiding)"))
            raise input_error(where, "curation_not_found", f"curation file not found: {self.curation}{hint_en}",
                              f"curatiebestand niet gevonden: {self.curation}{hint_nl}")
        return Curation(catalogue, os.fspath(self.curation))

    def _check_sides(self, pair: Pair, run, sending_level: str) -> None:
        """A side without goals at its level makes an empty pair: most likely a programme of another level."""
        empty = _core._side_without_goals(run)  # the core decides; this names the side in the definition's words
        for side, level, programmes, parts, nl in (
            ("sending", sending_level, pair.sending, self.sending_exam, "de vooropleiding"),
            ("receiving", self.receiving_level, pair.receiving, self.receiving_exam + self.receiving_parts,
             "het vervolg"),
        ):
            if empty == side:
                names = ", ".join(programmes)
                exam = f" ({', '.join(parts)})" if parts else ""
                raise self._not_found(
                    f"pair '{pair.name}': the {side} programmes ({names}) have no goals at level '{level}'{exam}",
                    f"paar '{pair.name}': {nl} ({names}) heeft geen doelen op niveau '{level}'{exam}",
                    "transition.no_goals_at_level")

    def analyse(
        self,
        catalogue: Catalogue,
        *,
        progress: Progress | None = None,
        with_variants: bool = True,
    ) -> TransitionResult:
        """Analyse every pair (and every variant); returns tables and plots."""
        if not isinstance(catalogue, Catalogue):  # a name or a path would fail deep inside, in English
            raise dutch_error(TypeError, "argument.not_a_catalogue",
                              f"analyse() expects a catalogue, not {type(catalogue).__name__}: "
                              "load one with aansluiting.load(data_folder)",
                              f"analyse() verwacht een catalogus, niet {type(catalogue).__name__}: "
                              "laad er een met aansluiting.load(gegevensmap)")
        start = time.perf_counter()
        if progress:
            progress("corpus", 0, 0)  # the word weights of all loaded goals: seconds, once per catalogue
        # Every programme the base and the variants name, before anything is aligned: a
        # misspelt subject in a late pair or a variant is reported at once.
        for level, extra in [(self.sending_level, self.add_sending)] + (
                [(v.sending_level or self.sending_level, self.add_sending + v.add_sending) for v in self.variants]
                if with_variants else []):
            self._sides(catalogue, level, extra)
        analyser = text_analyser(catalogue)
        curation = self._curation(catalogue)
        # Progress names each pair's run as "stap k van n", over the base and every variant (a pair per variant too).
        runs_done = [0, len(self.pairs) * (1 + (len(self.variants) if with_variants else 0))]
        base = self._analyse_side(catalogue, analyser, curation, self.sending_level, self.add_sending, progress,
                                  counter=runs_done)
        result = self._result(catalogue, base, label=None)
        variant_sides = []
        if with_variants:
            for variant in self.variants:
                level = variant.sending_level or self.sending_level
                extra = self.add_sending + variant.add_sending
                v_base = self._analyse_side(catalogue, analyser, curation, level, extra, progress, label=variant.name,
                                            counter=runs_done)
                variant_sides.append([v[3] for v in v_base])
                v_transition = replace(self, sending_level=level, add_sending=extra, variants=[])
                result.variants[variant.name] = v_transition._result(catalogue, v_base, label=variant.name)
                result.comparisons[variant.name] = _compare(variant.name, self.pairs, [b[3] for b in base],
                                                            [v[3] for v in v_base])
        # Decisions that name goals not loaded are kept in the file but change nothing: say so.
        runs = [b[3] for b in base]
        for variant_runs in variant_sides:
            runs += variant_runs
        result.meta["curation_unapplied"] = _unapplied_decisions(runs)
        notes = {(w.file, w.line, w.column): w for run in runs for w in run.curation_report["notes"]}
        result.meta["curation_notes"] = dutch_lines(w for _, w in sorted(notes.items()))
        warn_about_curation(result.meta["curation_unapplied"], result.meta["curation_notes"],
                            "TransitionResult.meta", stacklevel=2)
        result.seconds = time.perf_counter() - start
        return result

    def _analyse_side(self, catalogue, analyser, curation, level, extra, progress, label=None, counter=None):
        sides = self._sides(catalogue, level, extra)
        done = []
        for pair, (sending, receiving) in zip(self.pairs, sides):
            where = ""
            if counter is not None:
                counter[0] += 1
                where = f"stap {counter[0]} van {counter[1]}: "
            step = f"{where}{label + ': ' if label else ''}{pair.name}"
            callback = (lambda d, t, step=step: progress(step, d, t)) if progress else None
            run = _core._run_transition(
                catalogue, analyser,
                [p.root for p in sending], [p.root for p in receiving],
                sending_level=level, receiving_level=self.receiving_level,
                sending_exam=self.sending_exam, receiving_exam=self.receiving_exam + self.receiving_parts,
                curation=curation, thresholds=self.thresholds, progress=callback,
            )
            self._check_sides(pair, run, level)
            done.append((pair, sending, receiving, run))
        return done

    def _result(self, catalogue: Catalogue, analysed, label: str | None) -> TransitionResult:
        import pandas as pd

        pairs = []
        # The sources: every programme or syllabus that supplied goals, as the run names its roots
        # (the given programmes and the newest syllabus it adds to a programme).
        roots = {p.root.id: p for p in catalogue.programmes}
        used: dict[str, Programme] = {}
        chosen = []  # what each name in the definition was taken for: a part of a name picks a programme too
        for pair, sending, receiving, run in analysed:
            for side, names, programmes in (("sending", pair.sending + self.add_sending, sending),
                                            ("receiving", pair.receiving, receiving)):
                chosen += [{"pair": pair.name, "side": side, "given": given, "title": p.title, "code": p.root.code,
                            "kind": p.kind, "levels": ", ".join(p.levels), "id": p.root.id,
                            "named_by": catalogue._named_by(given, p) or "part"} for given, p in zip(names, programmes)]

            def frame(columns: dict) -> pd.DataFrame:
                # "pair" first (_tables.frame types every column).
                rows = len(next(iter(columns.values()), []))
                return _tables.frame({"pair": [pair.name] * rows, **columns})

            for root_id in run.roots:
                used.setdefault(root_id, roots[root_id])
            pairs.append(PairResult(
                name=pair.name,
                sending=[p.title for p in sending],
                receiving=[p.title for p in receiving],
                summary=summary_series(run._summary(), name=pair.name),
                coverage=frame(run._receiving()),
                overlaps=frame(run._overlaps()),
                by_domain=frame(run._domains()),
                domain_matrix=frame(run._matrix()),
                continuations=frame(run._sending()),
                order_correlation=run.alignment.order_correlation,
                alignment=run.alignment,
            ))
        programmes = list(used.values())

        def source(attr: str) -> list[str]:
            return [getattr(p.source, attr) if p.source else "" for p in programmes]

        sources = _tables.frame({
            "id": [p.root.id for p in programmes],
            "title": [p.title for p in programmes],
            "kind": [p.kind for p in programmes],
            "levels": [", ".join(p.levels) for p in programmes],
            "version": source("version"),
            "start_date": source("start_date"),
            "url": source("url"),
            "publisher": source("publisher"),
            "file": source("file"),
        })
        name = self.name if label is None else f"{self.name} ({label})"
        return TransitionResult(
            id=self.id, name=name, description=self.description, sending_level=self.sending_level,
            receiving_level=self.receiving_level, pairs=pairs, sources=sources,
            meta={"definition": str(self.path) if self.path else None,
                  "curation": str(self.curation) if self.curation else None,  # a shared report names it (a user test)
                  "definition_sources": self.sources,
                  "programmes": chosen,
                  "thresholds": dict(analysed[0][3].thresholds) if analysed else {}},
            totals=total_summary([run for *_, run in analysed]),
        )


def _unapplied_decisions(runs) -> list[str]:
    """Dutch lines for curated decisions that change nothing, in file order: they name goals not
    loaded, look like decisions but are not, or concern no pair of the transition (outside every
    run). Which decisions those are, the core decides (transition::unapplied_decisions)."""
    return dutch_lines(_core._unapplied_decisions(runs), with_record=True)


def _compare(name: str, pairs: list[Pair], before_runs, after_runs) -> Comparison:
    import pandas as pd

    # One comparison over all pairs: a goal of two pairs is one row, so the lists add up to
    # the change of the totals.
    c = _core._compare_runs(before_runs, after_runs)
    names = [p.name for p in pairs]

    def table(key: str) -> pd.DataFrame:
        columns = dict(c[key])
        columns["pair"] = [names[i] for i in columns["pair"]]
        if "pairs" in columns:  # a goal two pairs share (two qualifications' common kerntaak): both names
            columns["pairs"] = ["; ".join(names[i] for i in held) for held in columns["pairs"]]
        return _tables.frame(columns)

    return Comparison(
        name=name,
        closed=table("closed"),
        opened=table("opened"),
        improved=table("improved"),
        worsened=table("worsened"),
        by_domain=table("by_domain"),
        new_nowhere=_tables.frame(c["new_nowhere"]),
        sending_only_base=_tables.frame(c["sending_only_before"]),
        sending_only_variant=_tables.frame(c["sending_only_after"]),
        # Rows before/after: each column keeps its own dtype (counts int), so .diff() works.
        summary=pd.DataFrame([c["before"], c["after"]], index=["before", "after"]),
    )


def transitions_folder(curricula: str | os.PathLike | None = None) -> Path | None:
    from ._loading import find_curricula_folder

    base = Path(curricula) if curricula else find_curricula_folder()
    return base / "transitions" if base else None


def shipped_transitions(curricula: str | os.PathLike | None = None) -> dict[str, Transition]:
    """Every usable transition definition in ``curricula/transitions``, by id.

    A file with a mistake is left out with a warning that names it and the position.
    """
    import warnings

    from ._transition_files import scan_transitions

    found, broken = scan_transitions(transitions_folder(curricula))
    for error in broken:
        warnings.warn(f"transition file skipped: {error}", stacklevel=2)
    return {tid: Transition._from_checked(f.data, f.path) for tid, f in found.items()}  # read and checked in the scan


def compare_levels(catalogue: Catalogue, a: str = "vmbo gl", b: str = "vmbo tl") -> "pd.DataFrame":
    """Two leerwegen side by side: per exam programme, the eindtermen for ``a`` only, ``b`` only and both.

    A programme with only ``a``-only or only ``b``-only eindtermen is taken by one leerweg
    only (the composition of the leerweg); ``differing`` names the goals that differ by their codes (a
    goal without one by its title), ``differing_ids`` by their ids (``catalogue[id]``), each as one text
    joined by "; ", so that the table goes to CSV and Excel as it is.
    """
    # Columns are named by the canonical level ('vmbo GL' -> only_vmbo gl); one level twice would name both alike.
    # (An unknown level stays as given: the core raises a ValueError that lists known levels.)
    a, b = _core.parse_level(a) or a, _core.parse_level(b) or b
    if a == b and _core.parse_level(a):
        raise dutch_error(ValueError, "argument.same_level_twice",
                          f"compare_levels needs two different levels, got '{a}' twice",
                          f"compare_levels vraagt twee verschillende niveaus, niet twee keer '{a}'")
    cols = _core._compare_levels(catalogue, a, b)
    df = _tables.frame(cols).rename(columns={"only_a": f"only_{a}", "only_b": f"only_{b}"})
    return df
