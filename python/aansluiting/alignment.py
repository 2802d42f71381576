"""Aligning two programmes (or two lists of goals) and curating the links."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence, Union

from . import _core
from ._core import Alignment, Catalogue, Curation, Goal, Programme, TextAnalyser
from ._curation_warning import CurationWarning, dutch_lines, warn_about_curation, warn_about_merge
from ._errors import dutch_error
from ._loading import similar_file

if TYPE_CHECKING:
    import pandas as pd
    import scipy.sparse

GoalsLike = Union[Programme, Goal, Sequence[Goal]]
Progress = Callable[[int, int], None]

# A few recent catalogues only: the cache holds them alive, and a notebook that
# reloads its data should not keep every earlier catalogue in memory.
_ANALYSERS: dict[int, tuple[Catalogue, int, TextAnalyser]] = {}
_ANALYSER_CACHE_SIZE = 2


def text_analyser(catalogue: Catalogue) -> TextAnalyser:
    """The catalogue's text analyser (learned once, then reused while the catalogue is unchanged)."""
    key = id(catalogue)
    cached = _ANALYSERS.get(key)
    if cached is not None and cached[0] is catalogue and cached[1] == catalogue.num_goals:
        return cached[2]
    analyser = TextAnalyser(catalogue)
    _ANALYSERS.pop(key, None)
    while len(_ANALYSERS) >= _ANALYSER_CACHE_SIZE:
        del _ANALYSERS[next(iter(_ANALYSERS))]  # oldest first (dicts keep insertion order)
    _ANALYSERS[key] = (catalogue, catalogue.num_goals, analyser)
    return analyser


def _goals(goals: object, call: str) -> Programme | Goal | list[Goal]:
    """``goals`` as align() and leaves() take them (an iterable as a list); anything
    else, such as a subject's name, a TypeError that says what is accepted."""
    if isinstance(goals, (Programme, Goal)):
        return goals
    given = given_nl = type(goals).__name__
    if not isinstance(goals, (str, bytes)):  # a name is iterable, by its letters
        try:
            items = list(goals)  # type: ignore[call-overload]
        except TypeError:
            items = None
        if items is not None:
            wrong = next((g for g in items if not isinstance(g, Goal)), None)
            if wrong is None:
                return items
            given = f"a {given} with a {type(wrong).__name__} in it"
            given_nl = f"een {given_nl} met een {type(wrong).__name__} erin"
    raise dutch_error(
        TypeError, "argument.not_goals",
        f"{call} expects programmes, goals or lists of goals, not {given}: "
        "find a programme with catalogue.find_programme(subject, level)",
        f"{call} verwacht programma's, doelen of lijsten van doelen, niet {given_nl}: "
        "zoek een programma op met catalogus.find_programme(vak, niveau)")


def _catalogue_of(goals: GoalsLike) -> Catalogue:
    if isinstance(goals, Programme):
        return goals.root.catalogue
    if isinstance(goals, Goal):
        return goals.catalogue
    first = next(iter(goals), None)
    if first is None:
        raise dutch_error(ValueError, "argument.no_goals", "an empty list of goals cannot be aligned",
                          "een lege lijst van doelen kan niet gekoppeld worden")
    return first.catalogue


def leaves(goals: GoalsLike, level: str | None = None, exam: Iterable[str] = ()) -> list[Goal]:
    """The leaf goals (eindtermen, specifications, werkprocessen, ...) of a programme,
    a goal or a list of goals, that apply to ``level`` and the ``exam`` parts
    ("CE", "SE", "kern", "keuze"). A leaf in a list stands for itself, any other goal
    for the leaves below it; each goal comes once. An unknown level or part raises
    ``ValueError``, anything but goals a ``TypeError``."""
    goals = _goals(goals, "leaves()")
    if isinstance(goals, Programme):
        roots = [goals.root]
    elif isinstance(goals, Goal):
        roots = [goals]
    else:
        roots = list(goals)
        if not roots:
            return []
    return _core._select_leaves(roots[0].catalogue, roots, level, list(exam))


def matcher_options() -> "pd.DataFrame":
    """The matcher options that :func:`align` takes (``options=``): one row per
    name, with its default and a description. docs/matching.md explains them."""
    import pandas as pd

    rows = _core._matcher_options()
    return pd.DataFrame(
        {"default": [d for _, d, _ in rows], "description": [t for _, _, t in rows]},
        index=pd.Index([n for n, _, _ in rows], name="option"),
    )


def _numbers(options: Mapping[str, float | bool] | None) -> dict[str, float]:
    out = {}
    for name, value in (options or {}).items():
        try:
            out[str(name)] = float(value)
        except (TypeError, ValueError):
            # A decimal comma, as a Dutch spreadsheet writes it, is the likely slip.
            comma = isinstance(value, str) and re.fullmatch(r"\s*-?\d*,\d+\s*", value) is not None
            raise dutch_error(
                ValueError, "argument.matcher_option_not_a_number",
                f"matcher option '{name}' needs a number or True/False, not {value!r}"
                + (" (write a decimal point, not a comma)" if comma else ""),
                f"instelling '{name}' van de koppelaar moet een getal of True/False zijn, niet {value!r}"
                + (" (schrijf een decimale punt, geen komma)" if comma else "")) from None
    return out


def align(
    source: GoalsLike,
    target: GoalsLike,
    *,
    source_level: str | None = None,
    target_level: str | None = None,
    top_k: int = 20,
    min_score: float = 0.05,
    one_to_one: bool = False,
    max_links: int = 3,
    threads: int = 0,
    curation: Curation | str | os.PathLike | None = None,
    options: Mapping[str, float | bool] | None = None,
    progress: Progress | None = None,
) -> Alignment:
    """Align the leaf goals of ``source`` to those of ``target``.

    ``source``/``target`` are programmes, goals or lists of goals; their leaves
    (see :func:`leaves`) that apply to ``source_level``/``target_level`` are
    aligned. Every link has a score, a SKOS predicate and an explanation that
    names the shared terms. ``curation`` (a :class:`Curation` or an SSSOM file)
    overrides the matcher: confirmed links are kept, rejected ones removed.
    ``options`` sets matcher options by name, e.g. ``{"order": False}`` or
    ``{"char_weight": 0.0}``; :func:`matcher_options` lists them with their
    defaults. An unknown name or a value out of range raises ``ValueError``;
    anything but goals as ``source`` or ``target`` a ``TypeError``.
    """
    source, target = _goals(source, "align()"), _goals(target, "align()")
    catalogue = _catalogue_of(source)
    result = _core._align(
        catalogue,
        leaves(source, source_level),
        leaves(target, target_level),
        text_analyser(catalogue),
        top_k=top_k,
        min_score=min_score,
        one_to_one=one_to_one,
        max_links=max_links,
        threads=threads,
        options=_numbers(options),
        progress=progress,
    )
    if curation is not None:
        if not isinstance(curation, Curation):
            curation = Curation(catalogue, os.fspath(curation))
        result = _apply_curation(curation, result, stacklevel=3)
    return result


def goal_vectors(goals: Sequence[Goal], *, char_weight: float | None = None) -> "scipy.sparse.csr_matrix":
    """The weighted, L2-normalised vectors the matcher compares (one row per goal).

    Word terms (BM25, plus ancestor titles) and character 3-5-grams, weighted
    ``1 - char_weight`` and ``char_weight`` (default: the matcher's); ``char_weight=0``
    gives the word channel alone.
    """
    import scipy.sparse

    goals = list(goals)
    catalogue = _catalogue_of(goals)
    indptr, indices, values, n_cols = _core._goal_vectors(catalogue, text_analyser(catalogue), goals, char_weight)
    return scipy.sparse.csr_matrix((values, indices, indptr), shape=(len(goals), n_cols))


def alignment_to_pandas(self: Alignment) -> "pd.DataFrame":
    """One row per link: source, target, score, predicate, origin, shared terms (of both goals'
    own texts), context terms (shared only through their headings), explanation, and for a
    curated link who decided and when (author: the name, else the id; mapping_date; empty for the
    matcher's links). Column types as in every table (``aansluiting._tables.frame``)."""
    from ._tables import frame

    return frame(self._columns())


def _curation_rows(curation: Curation, decisions: bool) -> "pd.DataFrame":
    """The rows that are (or are not) a curator's decision; the core says which (MappingRow::curated)."""
    from ._tables import frame

    columns = curation._columns()
    keep = [i for i, d in enumerate(curation._decisions()) if d == decisions]
    return frame({name: [values[i] for i in keep] for name, values in columns.items()})


def curation_to_pandas(self: Curation) -> "pd.DataFrame":
    """One row per decision (confirmed or rejected; as many rows as ``len()`` and the repr count):
    the CURIEs of the file (subject_id, object_id), the goal ids as every other table names goals
    (source_id, target_id; NaN when not loaded), predicate_id, rejected, confidence,
    mapping_justification, author, mapping_date and comment. The file's other rows (the matcher's
    links in a file written by ``to_sssom``) are in :meth:`Curation.other_rows`."""
    return _curation_rows(self, decisions=True)


def curation_other_rows(self: Curation) -> "pd.DataFrame":
    """The rows of the file that are no decision, such as the matcher's links in a file written by
    ``TransitionResult.to_sssom`` (mapping_justification semapv:LexicalMatching): the repr's "other
    rows", with the columns of :meth:`Curation.to_pandas`. They apply to no analysis; they are kept
    when the file is saved."""
    return _curation_rows(self, decisions=False)


def _apply_curation(curation: Curation, alignment: Alignment, stacklevel: int) -> Alignment:
    """Curation.apply, with a CurationWarning for decisions that changed nothing and the file's notes."""
    result = curation._apply(alignment)
    report = result.curation_report
    # Decisions about other goals (report["outside"]) are expected in a team's shared file: counted, not warned.
    warn_about_curation(dutch_lines(report["unresolved"], with_record=True),
                        dutch_lines(report["notes"]), "Alignment.curation_report", stacklevel)
    return result


def curation_apply(self: Curation, alignment: Alignment) -> Alignment:
    """The alignment with the curated decisions applied (confirmed links kept, rejected ones
    removed); its ``curation_report`` says what they did. Decisions that changed nothing and
    what the reader noted in the file are also said as a :class:`CurationWarning`."""
    return _apply_curation(self, alignment, stacklevel=3)


def curation_save(self: Curation, path: str | os.PathLike | None = None, *, keep: str | None = None) -> None:
    """Writes the file atomically (a failed write leaves the old file intact), making missing folders.

    Colleagues may keep the same file: when it was saved by someone else since this Curation read it (or
    last saved it), the decisions made here since then are merged into the file as it is now, the others'
    decisions are kept, and a :class:`CurationWarning` says so. A link that both decided differently
    stops the save with a ``ValueError`` that names it; ``keep="mine"`` saves with your decisions
    there (the warning names what they replaced). Saving to another path writes that file anew."""
    if keep not in (None, "mine"):
        raise dutch_error(ValueError, "argument.curation_keep",
                          f"keep must be None or \"mine\", not {keep!r}",
                          f"keep moet None of \"mine\" zijn, niet {keep!r}")
    result = self._save(path, keep_mine=keep == "mine")
    if result["merged"]:
        warn_about_merge(self.path, result["kept_from_others"], result["overridden"], stacklevel=2)


def _warn_about_a_likely_typo(path: str | os.PathLike) -> None:
    """A curation file that is not there starts empty, and save() makes it: right for a new file, but a
    typo in the name ("besluiten.sssom.tvs") would put the decisions in a file no transition reads."""
    other = similar_file(path)
    if other is None:
        return
    given = Path(path)
    warnings.warn(CurationWarning(
        f"{given} does not exist: this curation starts empty and save() makes the file; did you mean {other}?\n"
        f"In het Nederlands: {given} bestaat niet: deze curatie begint leeg en save() maakt het bestand; "
        f"bedoelt u {other}?"), stacklevel=3)


_core_curation_init = Curation.__init__


def curation_init(self: Curation, *args, **kwargs) -> None:
    _core_curation_init(self, *args, **kwargs)  # the core's TypeError for wrong arguments
    path = args[1] if len(args) > 1 else kwargs.get("path")
    if path is not None and not os.path.exists(path):
        _warn_about_a_likely_typo(path)


def install() -> None:
    Curation.__init__ = curation_init
    Curation.apply = curation_apply
    Curation.save = curation_save
    Alignment.to_pandas = alignment_to_pandas
    Curation.to_pandas = curation_to_pandas
    Curation.other_rows = curation_other_rows
