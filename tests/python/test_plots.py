"""The plots of a real transition analysis (nieuwe leerweg -> havo 4): what a user reads in them."""

from __future__ import annotations

import dataclasses
import inspect
import re

import pytest

from aansluiting import plots
from aansluiting.report import tables
from report_case import analysed

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result(full):
    return analysed(full)  # the analysis test_report.py uses, computed once per session


def _axes():
    from matplotlib.figure import Figure

    return Figure(layout="constrained").add_subplot()


def test_heatmap_cells_are_cut_as_in_excel_with_a_decimal_comma(result):
    """A user test: 0.348 read 0,35 in the heatmap (the "gedekt" threshold) but 0,34 in Excel."""
    rounded_up = 0
    for pair in result.pairs:
        ax = plots.domain_heatmap(pair.domain_matrix, pair.name, ax=_axes())
        values = ax.images[0].get_array()
        if values.size > plots.ANNOTATE_MAX_CELLS:
            continue
        shown = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in ax.texts}
        assert shown, pair.name
        for (i, j), text in shown.items():
            v = float(values[i, j])
            assert text == f"{tables.floor2(v):.2f}".replace(".", ","), (pair.name, v, text)
            rounded_up += f"{v:.2f}" != f"{tables.floor2(v):.2f}"
        # The same numbers as the Excel sheet of the domain matrix (one cell per row there).
        excel = tables.matrix_table(pair.domain_matrix)["Dekking"]
        assert sorted(shown.values()) == sorted(f"{v:.2f}".replace(".", ",") for v in excel), pair.name
    assert rounded_up, "the real data has cells that rounding would show higher than they are"


def test_the_colour_bar_reads_with_a_decimal_comma(result):
    pair = result.pairs[0]
    ax = plots.domain_heatmap(pair.domain_matrix, pair.name, ax=_axes())
    ax.figure.draw_without_rendering()
    bar = next(a for a in ax.figure.axes if a is not ax)
    ticks = [t.get_text() for t in bar.get_yticklabels() if t.get_text()]
    assert len(ticks) > 2 and all("," in t and "." not in t for t in ticks), ticks
    assert "0,5" in ticks and "." not in bar.get_ylabel()


def test_heatmap_labels_break_between_words(result):
    """A user test: "Keuzethema Program / meerparadigma's", a word broken over two lines."""
    pair = next(p for p in result.pairs if p.name == "Wiskunde → informatica")
    titles = list(dict.fromkeys(pair.domain_matrix["receiving_domain"]))
    ax = plots.plot_heatmap(result, pair.name, ax=_axes())
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(labels) == len(titles)
    for title, label in zip(titles, labels):
        read = re.sub(r"-\n", "-", label).replace("\n", " ")  # a line may end after a hyphen
        assert title.startswith(read.removesuffix("…")), (title, label)
    assert "Domein J:\nKeuzethema\nProgrammeerparadigma’s" in labels  # longer than a line: one of its own
    # Only a word far longer than the width is cut, with "…", never carried on to the next line.
    assert plots.wrap_label("Domein J: Keuzethema Programmeerparadigma’s", 10) \
        == "Domein J:\nKeuzethema\nProgrammeerpar…"


def test_the_gaps_of_all_pairs_fill_their_figure(result):
    """A user test: plot_gaps() of all pairs had two empty bars' height above the first bar and below the last."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    try:
        ax = result.plot_gaps()
        fig = ax.figure
        fig.draw_without_rendering()
        bars = sorted({(round(p.get_y(), 3), p.get_height()) for p in ax.patches})
        assert len(bars) == plots.gap_bar_count(result.gaps) > 40
        to_pixels = ax.transData.transform
        step = abs(to_pixels((0, 1))[1] - to_pixels((0, 0))[1])  # one bar and the gap to the next
        (top_y, h), (bottom_y, _) = bars[0], bars[-1]
        above = ax.bbox.y1 - to_pixels((0, top_y))[1]
        below = to_pixels((0, bottom_y + h))[1] - ax.bbox.y0
        assert 0 < above < 0.5 * step and 0 < below < 0.5 * step, (above, below, step)
        # Sized to the bars: their two-line labels do not overlap, and the figure is no taller than that needs.
        boxes = [t.get_window_extent() for t in ax.get_yticklabels()]
        assert all(a.y0 >= b.y1 for a, b in zip(boxes, boxes[1:]))
        assert step / fig.dpi < 0.4
    finally:
        plt.close("all")


def test_the_plot_methods_of_a_result_take_what_the_plot_functions_take(result):
    """A user test: result.plot_heatmap(pair, variant=...) raised TypeError."""
    from aansluiting.results import TransitionResult

    for method, function in ((TransitionResult.plot_heatmap, plots.plot_heatmap),
                             (TransitionResult.plot_gaps, plots.plot_gaps)):
        assert list(inspect.signature(method).parameters)[1:] == list(inspect.signature(function).parameters)[1:]
    name, variant = "Wiskunde → informatica", "met Informatietechnologie"
    ax = result.plot_heatmap(name, _axes(), variant=variant)
    expected = plots.plot_heatmap(result, name, _axes(), variant=variant)
    base = plots.plot_heatmap(result, name, _axes())
    drawn = ax.images[0].get_array()
    assert (drawn == expected.images[0].get_array()).all()
    assert drawn.shape != base.images[0].get_array().shape or (drawn != base.images[0].get_array()).any()
    pair = next(p for p in result.variants[variant].pairs if p.name == name)
    gaps = pair.coverage[(pair.coverage["status_code"] == "gap") & pair.coverage["leaf"].astype(bool)]
    ax = result.plot_gaps(name, _axes(), variant=variant)
    assert sum(patch.get_width() for patch in ax.patches) == len(gaps)
    with pytest.raises(KeyError, match="no variant named 'met T&T'"):
        result.plot_gaps(variant="met T&T")


def test_an_unknown_comparison_lists_the_variants_there_are(result):
    """A user test: result.comparisons["met T&T"] gave a bare KeyError, an unknown pair lists the names."""
    with pytest.raises(KeyError) as info:
        result.comparisons["met informatietechnologie"]
    assert isinstance(info.value, plots.UnknownNameError)
    message = str(info.value)
    assert message.startswith("no variant named 'met informatietechnologie'; the variants of this result are: ")
    assert all(repr(n) in message for n in result.comparisons)
    assert message.endswith("did you mean 'met Informatietechnologie'?")
    assert info.value.message_nl.startswith("geen variant met de naam 'met informatietechnologie'; kies uit: ")
    # The names that exist still work as in a dict; a result made with a plain dict errs as helpfully.
    assert result.comparisons["met Informatietechnologie"].name == "met Informatietechnologie"
    assert result.comparisons.get("met T&T") is None and "met T&T" not in result.comparisons
    only = dataclasses.replace(result, comparisons={"met Informatietechnologie":
                                                    result.comparisons["met Informatietechnologie"]})
    with pytest.raises(KeyError, match=r"the variants of this result are: 'met Informatietechnologie'$"):
        only.comparisons["met T&T"]


def test_a_variants_plots_are_titled_with_the_variant(result):
    """A user test: r.plot_heatmap(pair, variant=...) had the title of the base's heatmap."""
    name, variant = "Wiskunde → informatica", "met Informatietechnologie"
    base = plots.plot_heatmap(result, name, _axes()).get_title()
    titled = result.plot_heatmap(name, _axes(), variant=variant).get_title()
    assert base == name and titled != base
    assert titled.replace("\n", " ") == f"{name} ({variant})"
    # The gaps of one pair of a variant as well; of all pairs, the variant's result is named so already.
    assert result.plot_gaps(name, _axes(), variant=variant).get_title() == f"{name} ({variant})"
    assert result.plot_gaps(name, _axes()).get_title() == name
    assert result.plot_gaps(ax=_axes(), variant=variant).get_title() == result.variants[variant].name


def test_the_gap_bars_of_two_qualifications_tell_their_rows_apart(full):
    """A user test (mbo 4, two qualifications): labels were cut at the end, so two bars both read
    "Begeleiden van kinderen bij hun ontwikkeling (Algemene vakken →...". The qualification stays whole."""
    from report_case import TRANSITIONS

    mbo = analysed(full, TRANSITIONS / "nieuwe-leerweg-mbo4.toml")
    assert len(mbo.pairs) == 2 and {p.name.split(" → ")[0] for p in mbo.pairs} == {"Algemene vakken"}
    for variant in [None, *mbo.variants]:
        source = mbo if variant is None else mbo.variants[variant]
        ax = mbo.plot_gaps(ax=_axes(), variant=variant)
        labels = [t.get_text() for t in ax.get_yticklabels()]
        bars = list(dict.fromkeys(source.gaps["domain"] + " (" + source.gaps["pair"] + ")"))
        assert len(labels) == len(bars) == len(set(labels)), labels
        domains = list(dict.fromkeys(zip(source.gaps["domain"], source.gaps["pair"])))
        for label, (domain, pair) in zip(labels, domains):
            read = label.replace("\n", " ")
            qualification = pair.split(" → ")[1]
            assert read.endswith(f"({qualification})"), (label, pair)  # whole, not "→..."
            kept = read.removesuffix(f" ({qualification})").split(" … ")
            assert domain.startswith(kept[0]) and domain.endswith(kept[-1]), (label, domain)
    # One title in both pairs: the labels differ in the qualification.
    both = [t.get_text().replace("\n", " ") for t in mbo.plot_gaps(ax=_axes()).get_yticklabels()
            if t.get_text().startswith("Begeleiden van")]
    assert len(both) == 2 and both[0] != both[1]
    assert both[0].endswith("(Onderwijsassistent)") and both[1].endswith("(Gespecialiseerd pedagogisch medewerker)")
