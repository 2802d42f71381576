"""Plots of a transition analysis (matplotlib only; labels in Dutch).

matplotlib is imported inside the functions so that ``import aansluiting`` stays
fast and works without it. Without a display (a server, CI) the Agg backend is
chosen, unless the user or Jupyter already picked one.
"""

from __future__ import annotations

import difflib
import os
import sys
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from .results import PairResult, TransitionResult

#: Cells up to this many get their value written in them.
ANNOTATE_MAX_CELLS = 150
LABEL_WIDTH = 24
LABEL_LINES = 3
#: Gap bars: inches per bar and for title and x axis; axis room beyond the centre of an end bar.
GAP_BAR = 0.34
GAP_FRAME = 1.3
GAP_PAD = 0.6

# Stacks of the gap bars: (label, colour); exam parts are disjoint so the bars add up.
EXAM_PARTS = (
    ("CE en SE", "#1f5a96"),
    ("alleen CE", "#5b9bd5"),
    ("alleen SE", "#f4a259"),
    ("geen CE/SE", "#b4b4b4"),
)


def _pyplot():
    import matplotlib

    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if (headless and "matplotlib.pyplot" not in sys.modules and not os.environ.get("MPLBACKEND")
            and "ipykernel" not in sys.modules):
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def wrap_label(text: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A long domain title wrapped on word boundaries, at most ``lines`` lines ("…" where cut).

    A word longer than ``width`` (a Dutch compound: "Programmeerparadigma's") gets a line of its
    own, whole up to half again the width and cut with "…" beyond: never broken over two lines,
    which would read as two words.
    """
    longest = width + width // 2
    parts = [line if len(line) <= longest else line[: longest - 1] + "…"
             for line in textwrap.wrap(str(text), width=width, break_long_words=False)] or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(parts)


def _ordered(values) -> list:
    """Unique values in order of first appearance (the order of the programme)."""
    return list(dict.fromkeys(values))


def _domain_labels(dm: "pd.DataFrame", side: str) -> "pd.Series":
    """Domain titles, with the programme added where one title names several domains (each general
    subject of an mbo pair has its own "Oriëntatie op leren en werken"): one row or column each."""
    titles = dm[f"{side}_domain"].astype(str)
    if f"{side}_domain_id" not in dm:
        return titles
    ids = dm[f"{side}_domain_id"]
    shared = ids.groupby(titles).transform("nunique") > 1
    programme = dm[f"{side}_programme"].astype(str).str.removeprefix("Examenprogramma ")
    return titles.where(~shared, titles + " (" + programme + ")")


def heatmap_size(domain_matrix: "pd.DataFrame") -> tuple[float, float]:
    """A figure size (inches) in which labels and annotations stay readable."""
    n_rows = max(1, domain_matrix["sending_domain"].nunique()) if len(domain_matrix) else 1
    n_cols = max(1, domain_matrix["receiving_domain"].nunique()) if len(domain_matrix) else 1
    return (min(24.0, max(8.0, 3.6 + 1.2 * n_cols)), min(30.0, 3.0 + 0.42 * n_rows))


def domain_heatmap(domain_matrix: "pd.DataFrame", title: str, ax: "Axes | None" = None, *,
                   sending: str = "domein", receiving: str = "domein") -> "Axes":
    """Sending domain (rows) x receiving domain (columns), coloured by ``coverage``.

    ``coverage`` of a cell: how much of the receiving domain the sending domain
    prepares (0-1, docs/transitions.md). Several pairs in one table are drawn
    as one matrix with the pair name in the labels. ``sending``, ``receiving``: the Dutch
    word for each side's domains on its axis, "kerntaak" for an mbo qualification
    (:func:`plot_heatmap` takes them from the result: ``report.tables.domain_words``).
    """
    import numpy as np

    if ax is None:
        plt = _pyplot()
        _, ax = plt.subplots(figsize=heatmap_size(domain_matrix), layout="constrained")
    fig = ax.figure

    if len(domain_matrix) == 0:
        ax.text(0.5, 0.5, "Geen domeinen om te tonen", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title)
        return ax

    title = "\n".join(textwrap.wrap(str(title), 70)) or str(title)
    dm = domain_matrix.assign(sending_domain=_domain_labels(domain_matrix, "sending"),
                              receiving_domain=_domain_labels(domain_matrix, "receiving"))
    several = "pair" in dm and dm["pair"].nunique() > 1
    if several:
        dm = dm.assign(sending_domain=dm["pair"] + ": " + dm["sending_domain"].astype(str),
                       receiving_domain=dm["pair"] + ": " + dm["receiving_domain"].astype(str))
    rows = _ordered(dm["sending_domain"])
    cols = _ordered(dm["receiving_domain"])
    grid = (dm.pivot_table(index="sending_domain", columns="receiving_domain", values="coverage",
                           aggfunc="max", sort=False)
            .reindex(index=rows, columns=cols))
    values = grid.to_numpy(dtype=float)

    # Link scores between school types rarely pass 0.5: a 0-1 scale would leave the map pale.
    top = float(np.nanmax(values)) if np.isfinite(values).any() else 0.0
    vmax = max(0.5, top)
    image = ax.imshow(np.ma.masked_invalid(values), cmap="YlGnBu", vmin=0.0, vmax=vmax, aspect="auto",
                      interpolation="nearest")
    if len(cols) <= 4:  # few columns: room for horizontal labels
        ax.set_xticks(range(len(cols)), [wrap_label(c, 16, 4) for c in cols], fontsize=8)
    else:
        ax.set_xticks(range(len(cols)), [wrap_label(c, 18) for c in cols], rotation=40, ha="right",
                      rotation_mode="anchor", fontsize=8)
    ax.set_yticks(range(len(rows)), [wrap_label(r, 32, 2) for r in rows], fontsize=8)
    ax.set_xlabel(f"{_capital(receiving)} van het vervolg")
    ax.set_ylabel(f"{_capital(sending)} van de vooropleiding")
    ax.set_title(title)
    ax.set_xticks(np.arange(-0.5, len(cols), 1), minor=True)
    ax.set_yticks(np.arange(-0.5, len(rows), 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.0)
    ax.tick_params(which="minor", length=0)

    if values.size <= ANNOTATE_MAX_CELLS:
        for (i, j), v in np.ndenumerate(values):
            if np.isfinite(v):
                ax.text(j, i, score_text(v), ha="center", va="center", fontsize=7,
                        color="white" if v > 0.55 * vmax else "#222222")

    bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    bar.formatter = _decimal_comma()
    bar.set_label(f"Dekking (0 = niets; donkerst bij {score_text(vmax)} of meer)")
    return ax


def score_text(value: float) -> str:
    """A coverage as the report writes it: cut (not rounded) to two decimals, with a decimal comma.

    0.348 reads 0,34 as in the HTML and Excel, not 0,35: below the threshold it misses
    (``report.tables.floor2``, user guide §5).
    """
    from .report.tables import floor2

    return f"{floor2(value):.2f}".replace(".", ",")


def _decimal_comma():
    """A tick formatter as matplotlib's default, with a decimal comma (the colour bar: 0,1 … 0,5)."""
    from matplotlib.ticker import ScalarFormatter

    class DecimalComma(ScalarFormatter):
        def __call__(self, x, pos=None):
            return super().__call__(x, pos).replace(".", ",")

    return DecimalComma()


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _exam_part(ce: bool, se: bool) -> str:
    if ce and se:
        return EXAM_PARTS[0][0]
    if ce:
        return EXAM_PARTS[1][0]
    if se:
        return EXAM_PARTS[2][0]
    return EXAM_PARTS[3][0]


def _bar_labels(gaps: "pd.DataFrame", by: str) -> "pd.Series":
    if by == "pair":
        return gaps["pair"].astype(str)
    if by != "domain":
        from ._errors import dutch_error

        raise dutch_error(ValueError, "argument.unknown_bar_grouping", f"by must be 'domain' or 'pair', not {by!r}",
                          f"by moet 'domain' of 'pair' zijn, niet {by!r}")
    if "pair" in gaps and gaps["pair"].nunique() > 1:
        return gaps["domain"].astype(str) + " (" + gaps["pair"].astype(str) + ")"
    return gaps["domain"].astype(str)


def _pair_parts(pairs: "list[str]") -> dict[str, str]:
    """Each pair's name as short as still tells the pairs apart: the receiving side when all pairs
    share their sending side ("Algemene vakken → Onderwijsassistent" is "Onderwijsassistent"), the
    sending side when all share the receiving side, else the whole name."""
    sides = [str(p).split(" → ", 1) for p in pairs]
    if len(pairs) > 1 and all(len(s) == 2 for s in sides):
        for keep in (1, 0):
            shared = {s[1 - keep] for s in sides}
            if len(shared) == 1 and len({s[keep] for s in sides}) == len(pairs):
                return {p: s[keep] for p, s in zip(pairs, sides)}
    return {p: str(p) for p in pairs}


def _fits(text: str, width: int, lines: int) -> bool:
    """Whether :func:`wrap_label` shows ``text`` whole (nothing cut with "…")."""
    return wrap_label(text, width, lines).replace("\n", " ") == " ".join(text.split())


def fitted_label(domain: str, pair: str, width: int = 40, lines: int = 2) -> str:
    """'domain (pair)' wrapped as :func:`wrap_label` wraps it, the pair part kept whole: a long
    domain loses words from its middle ("Begeleiden van … ontwikkeling (Onderwijsassistent)").

    Cut at the end, two domains of the same title in two pairs read alike (a user test:
    "Begeleiden van kinderen bij hun ontwikkeling (Algemene vakken →..." twice for mbo 4).
    """
    words = str(domain).split()
    suffix = f" ({pair})"
    text = " ".join(words) + suffix
    if _fits(text, width, lines):
        return wrap_label(text, width, lines)
    # Fewest words out of the middle: the first word (what is done) and the last (to what) stay.
    for dropped in range(1, len(words) - 1):
        head = (len(words) - dropped + 1) // 2
        tail = len(words) - dropped - head
        text = " ".join(words[:head] + ["…"] + (words[-tail:] if tail else [])) + suffix
        if _fits(text, width, lines):
            return wrap_label(text, width, lines)
    return wrap_label(f"{words[0] if words else ''} …{suffix}", width, lines + 1)  # a very long pair name


def _tick_labels(gaps: "pd.DataFrame", labels: "list[str]", by: str) -> list[str]:
    """The wrapped y labels of the gap bars: one per bar, never two alike (:func:`fitted_label`)."""
    several = by == "domain" and "pair" in gaps and gaps["pair"].nunique() > 1
    if not several:
        return [wrap_label(x, 40, 2) for x in labels]
    parts = _pair_parts(_ordered(gaps["pair"].astype(str)))
    first = dict(zip(_bar_labels(gaps, by), zip(gaps["domain"].astype(str), gaps["pair"].astype(str))))
    shown = [fitted_label(first[x][0], parts[first[x][1]]) for x in labels]
    # Two domains of one pair that differ only in the words left out: those two in full, on more lines.
    return [wrap_label(f"{first[x][0]} ({parts[first[x][1]]})", 40, 4) if shown.count(text) > 1 else text
            for x, text in zip(labels, shown)]


def gap_bar_count(gaps: "pd.DataFrame", by: str = "domain") -> int:
    """How many bars ``gap_bars`` draws (for sizing a figure)."""
    return max(1, _bar_labels(gaps, by).nunique()) if len(gaps) else 1


def gap_bars_size(gaps: "pd.DataFrame", by: str = "domain", width: float = 9.0) -> tuple[float, float]:
    """A figure size (inches) for ``gap_bars``: a fixed part for the title and the x axis, and per bar
    room for its two-line label; at least three bars high, so that the legend fits beside the bars."""
    return (width, min(30.0, GAP_FRAME + GAP_BAR * max(3, gap_bar_count(gaps, by))))


def gap_bars(gaps: "pd.DataFrame", title: str, ax: "Axes | None" = None, by: str = "domain", *,
             receiving: str | None = None) -> "Axes":
    """Number of gaps per receiving domain (or per pair, ``by="pair"``), stacked by exam part (CE/SE).

    ``receiving``: the Dutch word for a receiving domain; by default from the kinds of the gaps
    ("kerntaak" for werkprocessen and vakkennis en vaardigheden, ``report.tables.domain_word``).
    """
    if ax is None:
        plt = _pyplot()
        _, ax = plt.subplots(figsize=gap_bars_size(gaps, by), layout="constrained")

    ax.set_title(title)
    if len(gaps) == 0:
        ax.text(0.5, 0.5, "Geen hiaten", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax

    g = gaps.copy()
    g["label"] = _bar_labels(g, by)
    ce = g["ce"].astype(bool) if "ce" in g else False
    se = g["se"].astype(bool) if "se" in g else False
    g["part"] = [_exam_part(c, s) for c, s in zip(ce, se)]
    labels = _ordered(g["label"])
    counts = g.groupby(["label", "part"]).size().unstack(fill_value=0).reindex(labels, fill_value=0)

    positions = list(range(len(labels)))
    left = [0] * len(labels)
    for part, colour in EXAM_PARTS:
        if part not in counts or counts[part].sum() == 0:
            continue
        widths = counts[part].tolist()
        ax.barh(positions, widths, left=left, color=colour, label=part, edgecolor="white")
        left = [a + b for a, b in zip(left, widths)]
    for y, total in zip(positions, left):
        ax.text(total, y, f" {total}", va="center", fontsize=8)
    ax.set_yticks(positions, _tick_labels(g, labels, by), fontsize=8)
    # First bar on top; above and below the bars the gap between two bars, not matplotlib's 5% of
    # the axis, which grows with the number of bars (two empty bars' height at 47 bars).
    ax.set_ylim(len(labels) - 1 + GAP_PAD, -GAP_PAD)
    ax.set_xlabel("Aantal hiaten (doelen zonder voorbereiding)")
    if receiving is None:
        from .report.tables import domain_word

        receiving = domain_word(kinds=g["kind"] if "kind" in g else ()).one
    ax.set_ylabel("Vakkenpaar" if by == "pair" else f"{_capital(receiving)} van het vervolg")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(left) * 1.12 + 0.5)
    if any(part != EXAM_PARTS[-1][0] for part in counts.columns if counts[part].sum()):
        ax.legend(title="Examen", loc="lower right", fontsize=8, title_fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


class UnknownNameError(KeyError):
    """A pair or variant name that a result does not have; the message lists the names it does have.

    ``message_nl`` holds the Dutch text, as the core's errors do.
    """

    def __init__(self, message: str, message_nl: str) -> None:
        super().__init__(message)
        self.message, self.message_nl = message, message_nl

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return self.message


def _unknown(what: str, what_nl: str, name: object, names: list[str]) -> UnknownNameError:
    listed = ", ".join(repr(n) for n in names)
    folded = {n.casefold(): n for n in names}
    guess = difflib.get_close_matches(str(name).casefold(), list(folded), n=1, cutoff=0.6)
    hint = f"; did you mean {folded[guess[0]]!r}?" if guess else ""
    hint_nl = f"; bedoelde u {folded[guess[0]]!r}?" if guess else ""
    return UnknownNameError(
        f"no {what} named {name!r}; the {what}s of this result are: {listed or '(none)'}{hint}",
        f"geen {what_nl} met de naam {name!r}; kies uit: {listed or '(geen)'}{hint_nl}")


def pair_named(result: "TransitionResult", name: str | None = None) -> "PairResult":
    """The pair of ``result`` called ``name`` (the first when None); UnknownNameError lists the names."""
    if name is None and result.pairs:
        return result.pairs[0]
    chosen = next((p for p in result.pairs if p.name == name), None)
    if chosen is None:
        raise _unknown("pair", "vakkenpaar", name, [p.name for p in result.pairs])
    return chosen


def variant_named(result: "TransitionResult", name: str) -> "TransitionResult":
    """The analysis of variant ``name`` of ``result``; UnknownNameError lists the variants."""
    if name not in result.variants:
        raise _unknown("variant", "variant", name, list(result.variants))
    return result.variants[name]


def plot_heatmap(result: "TransitionResult", pair: str | None = None, ax: "Axes | None" = None, *,
                 variant: str | None = None) -> "Axes":
    """The domain heatmap of one pair (default the first), of the base or of ``variant``; each
    axis named for its side's domains (vmbo domains, mbo kerntaken)."""
    from .report.tables import domain_words

    source = result if variant is None else variant_named(result, variant)
    chosen = pair_named(source, pair)
    sending, receiving = domain_words(source)
    return domain_heatmap(chosen.domain_matrix, title=_titled(chosen.name, variant), ax=ax, sending=sending.one,
                          receiving=receiving.one)


def _titled(name: str, variant: str | None) -> str:
    """A pair's plot title: its name, with the variant's as the variant's result is named ("… (met T&T)")."""
    return name if variant is None else f"{name} ({variant})"


def plot_gaps(result: "TransitionResult", pair: str | None = None, ax: "Axes | None" = None, *,
              variant: str | None = None) -> "Axes":
    """Gaps per receiving domain (kerntaak for mbo): of all pairs, or of ``pair``; of the base or of ``variant``."""
    from .report.tables import domain_words

    source = result if variant is None else variant_named(result, variant)
    receiving = domain_words(source)[1].one
    if pair is None:
        return gap_bars(source.gaps, title=source.name, ax=ax, receiving=receiving)
    chosen = pair_named(source, pair)
    cov = chosen.coverage
    gaps = cov[(cov["status_code"] == "gap") & cov["leaf"].astype(bool)] if len(cov) else cov
    return gap_bars(gaps, title=_titled(chosen.name, variant), ax=ax, receiving=receiving)
