"""Result objects of a transition analysis: DataFrames and plots.

The numbers come from the C++ core (``aansluiting._core``); these classes only
hold the tables and draw them. Column definitions: docs/transitions.md.

Column types, the same in every table (``aansluiting._tables.frame``): scores, coverage and
shares float64 and counts int64; missing numbers NaN. Flags bool, the flags of a link a goal
may not have (``best_capped``, ``gained_capped``, ``lost_capped``) pandas' nullable
``"boolean"`` (``pd.NA`` where there is no link). Text is pandas' string dtype; missing text
(no link, no candidate) is NaN, never None; text the core gives as empty (a goal without a
code) stays "". ``status``, ``status_before``, ``status_after`` are ordered Categoricals
(gedekt < deels gedekt < hiaat), ``status_code`` too (covered < partly < gap); cast one with
``astype(str)`` before joining it to text. ``pair`` is text; its rows come in the order the
transition defines its pairs, which ``groupby("pair", sort=False)`` keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import os
    from collections.abc import Sequence

    import pandas as pd
    from matplotlib.axes import Axes

    from ._core import Alignment, TransitionRun


def summary_series(values: "dict[str, Any]", name: str | None = None) -> "pd.Series":
    """A summary dict of the core as a Series: counts stay int, shares and means float.

    (A plain Series of ints and floats would turn every count into a float.)
    """
    import pandas as pd

    return pd.Series(values, name=name, dtype=object)


def total_summary(runs: "Sequence[TransitionRun]") -> "pd.Series":
    """Totals over the pairs of a transition, each goal counted once (the core counts: analysis::total_summary).

    A goal in several pairs (one sending programme in two pairs, an added programme, goals
    shared by programmes) is not counted once per pair: a receiving goal counts with its best
    status, a sending goal leads nowhere only when it does so in every pair.
    """
    import pandas as pd

    from ._core import _total_summary

    if not runs:
        return pd.Series(dtype=object)
    return summary_series(_total_summary(list(runs)))


@dataclass(repr=False)
class Comparison:
    """Base versus variant of the sending side (gl versus tl, with versus without T&T)."""

    name: str
    closed: "pd.DataFrame"      # gaps of the base that the variant closes
    opened: "pd.DataFrame"      # gaps the variant opens
    by_domain: "pd.DataFrame"   # change in coverage per receiving domain
    summary: "pd.DataFrame"     # rows "before" and "after": totals, each goal counted once
    # The other changes of status, same columns as ``closed`` (last, with a default, so that
    # positional construction keeps working; left out, they are empty).
    improved: "pd.DataFrame" = None     # partly before, covered after
    worsened: "pd.DataFrame" = None     # covered before, partly after
    # Sending goals only the variant has (those of a programme it adds) that lead nowhere in any
    # pair, each once: sending_id, sending_code, sending_title, domain, best_score (the core
    # decides: analysis::Comparison::new_nowhere).
    new_nowhere: "pd.DataFrame" = None
    # Sending goals only the base has (sending_only_base: what a variant of another leerweg lacks)
    # and only the variant has (sending_only_variant: another leerweg's own goals, an added
    # programme's goals); same columns as new_nowhere plus leads_nowhere.
    sending_only_base: "pd.DataFrame" = None
    sending_only_variant: "pd.DataFrame" = None

    def __post_init__(self) -> None:
        from ._tables import frame

        if self.improved is None:
            self.improved = self.closed.iloc[0:0].copy()
        if self.worsened is None:
            self.worsened = self.opened.iloc[0:0].copy()
        columns = ["sending_id", "sending_code", "sending_title", "domain", "best_score"]
        if self.new_nowhere is None:  # empty, typed as the core's tables are (frame: by column name)
            self.new_nowhere = frame({c: [] for c in columns})
        for name in ("sending_only_base", "sending_only_variant"):
            if getattr(self, name) is None:
                setattr(self, name, frame({c: [] for c in columns + ["leads_nowhere"]}))

    # Of the closed and the improved goals: those whose new status rests on links the matcher
    # capped because the goals share one distinctive word (column ``capped``; the core decides:
    # analysis::StatusChange::capped).
    @property
    def closed_capped(self) -> int:
        return _capped(self.closed)

    @property
    def improved_capped(self) -> int:
        return _capped(self.improved)

    # What the closed gaps became (column ``status_after``): covered, or only partly covered.
    # The two add up to the closed gaps; a count of closed gaps alone overstates what a variant
    # does when most become only partly covered (a user test: T&T closed 7, none covered).
    @property
    def closed_covered(self) -> int:
        return closed_split(self.closed)[0]

    @property
    def closed_partly(self) -> int:
        return closed_split(self.closed)[1]

    def __repr__(self) -> str:
        covered, partly = closed_split(self.closed)
        detail = f" ({covered} now covered, {partly} partly covered" if len(self.closed) else ""
        capped = self.closed_capped
        if detail:
            detail += f"; {capped} of them on one shared word)" if capped else ")"
        return (f"<Comparison {self.name!r}: {len(self.closed)} gaps closed{detail}, {len(self.opened)} opened, "
                f"{len(self.improved)} improved, {len(self.worsened)} worsened>")


def _capped(changes: "pd.DataFrame") -> int:
    """Rows of a change table marked ``capped`` (a table made without the column has none)."""
    return int(changes["capped"].astype(bool).sum()) if "capped" in changes else 0


def closed_split(closed: "pd.DataFrame") -> tuple[int, int]:
    """(now covered, now partly covered) of the gaps in a comparison's ``closed`` table, by the
    status the core gives each after the change (``status_after``: "gedekt", "deels gedekt")."""
    if len(closed) == 0 or "status_after" not in closed:
        return 0, 0
    after = closed["status_after"].astype(str)
    return int((after == "gedekt").sum()), int((after == "deels gedekt").sum())


class Comparisons(dict):
    """The comparisons of a result by variant name. An unknown name raises
    :class:`~aansluiting.plots.UnknownNameError`, a KeyError that lists the names and suggests the
    closest, as an unknown pair or variant does in the plots."""

    def __missing__(self, name: str) -> Comparison:
        from .plots import _unknown

        raise _unknown("variant", "variant", name, list(self))


def _counts(summary: "pd.Series") -> str:
    """'N receiving goals, N covered, N gaps' for the reprs (the tables themselves are too long to print)."""
    if len(summary) == 0:
        return "nothing analysed"
    return (f"{int(summary['receiving_leaves'])} receiving goals, {int(summary['covered'])} covered, "
            f"{int(summary['partly'])} partly, {int(summary['gaps'])} gaps")


@dataclass(repr=False)
class PairResult:
    """The analysis of one subject pair of a transition."""

    name: str
    sending: list[str]          # titles of the sending programmes
    receiving: list[str]        # titles of the receiving programmes
    summary: "pd.Series"
    coverage: "pd.DataFrame"
    overlaps: "pd.DataFrame"
    by_domain: "pd.DataFrame"
    domain_matrix: "pd.DataFrame"
    continuations: "pd.DataFrame"
    order_correlation: float | None = None
    #: The links the analysis used, after curation (rejected ones kept, marked as such).
    alignment: "Alignment | None" = None

    def __repr__(self) -> str:
        return f"<PairResult {self.name!r}: {_counts(self.summary)}>"


@dataclass(repr=False)
class TransitionResult:
    """Everything a transition analysis found, as tables.

    Column types are the same in every table (module docstring; ``aansluiting._tables.frame``):
    numbers float64 with NaN where missing, counts int64, flags bool or nullable "boolean", text
    with NaN where missing, ``status`` an ordered Categorical (gedekt < deels gedekt < hiaat) and
    ``pair`` text in the order of the transition's pairs.
    """

    id: str
    name: str
    description: str
    sending_level: str
    receiving_level: str
    pairs: list[PairResult]
    sources: "pd.DataFrame"     # programmes used: title, version, start date, url, file, publisher
    variants: dict[str, "TransitionResult"] = field(default_factory=dict)
    comparisons: dict[str, Comparison] = field(default_factory=Comparisons)
    seconds: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)
    #: Totals over the pairs, each goal counted once (see :func:`total_summary`); :attr:`summary`.
    totals: "pd.Series | None" = None

    def __post_init__(self) -> None:
        if not isinstance(self.comparisons, Comparisons):  # a plain dict given: the same helpful KeyError
            self.comparisons = Comparisons(self.comparisons)

    def __repr__(self) -> str:
        variants = f"; variants {', '.join(map(repr, self.variants))}" if self.variants else ""
        return (f"<TransitionResult {self.id!r} ({self.sending_level} → {self.receiving_level}): "
                f"{len(self.pairs)} pairs, {_counts(self.summary)}{variants}>")

    def _repr_html_(self) -> str:
        """A notebook shows the Dutch summary of the report (pairs, coverage, variants)."""
        from .report.html import render_notebook_html

        return render_notebook_html(self)

    def _concat(self, attr: str) -> "pd.DataFrame":
        import pandas as pd

        frames = [getattr(p, attr) for p in self.pairs]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    @property
    def coverage(self) -> "pd.DataFrame":
        return self._concat("coverage")

    @property
    def gaps(self) -> "pd.DataFrame":
        cov = self.coverage
        return cov[(cov["status_code"] == "gap") & cov["leaf"]].reset_index(drop=True) if len(cov) else cov

    @property
    def overlaps(self) -> "pd.DataFrame":
        return self._concat("overlaps")

    @property
    def by_domain(self) -> "pd.DataFrame":
        return self._concat("by_domain")

    @property
    def domain_matrix(self) -> "pd.DataFrame":
        return self._concat("domain_matrix")

    @property
    def continuations(self) -> "pd.DataFrame":
        return self._concat("continuations")

    @property
    def summary(self) -> "pd.Series":
        """Totals over all pairs, each goal counted once: a goal in several pairs is not counted per pair.

        Counts are ints; shares and means are over the distinct receiving goals.
        """
        if self.totals is None:
            import pandas as pd

            return pd.Series(dtype=object)
        return self.totals

    def closed_side_by_side(self) -> "pd.DataFrame | None":
        """Every gap of the base that some variant closes, one row each, with a column per variant
        (the status it reaches there, "" where it stays a gap), the goal that closes it there and
        whether that rests on one shared word, and "Aantal sluitende varianten" (how many variants
        close it): which gaps only one variant closes. None with fewer than two variants that close
        gaps. The report's "Gesloten hiaten naast elkaar"; columns in docs/transitions.md."""
        from .report.tables import closed_side_by_side

        return closed_side_by_side(self)

    def pair_summaries(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame([p.summary for p in self.pairs], index=[p.name for p in self.pairs])

    @property
    def alignment(self) -> "Alignment":
        """The links of every pair in one Alignment (each pair of goals once)."""
        from ._core import _join_alignments

        parts = [p.alignment for p in self.pairs if p.alignment is not None]
        if not parts:
            from ._errors import dutch_error

            raise dutch_error(ValueError, "result.without_links",
                              "this result holds no links (made without the analysis)",
                              "dit resultaat bevat geen koppelingen (gemaakt zonder de analyse)")
        return _join_alignments(parts)

    def to_sssom(self, path: "str | os.PathLike") -> None:
        """Writes the links behind the analysis and its variants as SSSOM/TSV, atomically.

        Every link the matcher made (the analysis counts those of at least its minimum
        link score), with curated decisions marked; each pair of goals once. The variants'
        links are in it too: a curator who doubts the link that closes a gap in a variant
        finds it here. A file that cannot be written raises OSError (FileNotFoundError,
        PermissionError, ...) naming it.
        """
        from ._core import _join_alignments

        alignment = _join_alignments([self.alignment] + [v.alignment for v in self.variants.values()])
        # Each transition its own set id: sets merged in other tools stay apart.
        alignment.to_sssom(path, mapping_set_id=f"urn:aansluiting:mappings:{self.id}",
                                title=f"Koppelingen {self.name} (aansluiting): automatisch gevonden, met de "
                                      "beslissingen van curatoren")

    def plot_heatmap(self, pair: str | None = None, ax: "Axes | None" = None, *,
                     variant: str | None = None) -> "Axes":
        """Coverage of each receiving domain by each sending domain (one pair, default the first),
        of the base or of ``variant``: :func:`aansluiting.plots.plot_heatmap`."""
        from .plots import plot_heatmap

        return plot_heatmap(self, pair, ax, variant=variant)

    def plot_gaps(self, pair: str | None = None, ax: "Axes | None" = None, *,
                  variant: str | None = None) -> "Axes":
        """Number of gaps per receiving domain, split by exam part (all pairs, or ``pair``), of the
        base or of ``variant``: :func:`aansluiting.plots.plot_gaps`.

        The same order of arguments as :meth:`plot_heatmap`.
        """
        from .plots import plot_gaps

        return plot_gaps(self, pair, ax, variant=variant)
