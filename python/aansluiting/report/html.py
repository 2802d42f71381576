"""The Dutch HTML report: one self-contained file (inline CSS, figures as data URIs)."""

from __future__ import annotations

import datetime as _dt
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from . import figures, tables
from ._files import write_atomically

if TYPE_CHECKING:
    import pandas as pd

    from ..results import PairResult, TransitionResult

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: ``progress(done, total)``, called after each figure and once when the file is written.
Progress = Callable[[int, int], None]


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _records(df: "pd.DataFrame") -> list[dict[str, Any]]:
    """Rows as dicts, NaN/NA as None so that templates can test them."""
    if df is None or len(df) == 0:
        return []
    return [{k: (None if _missing(v) else v) for k, v in row.items()} for row in df.to_dict("records")]


def _number(value: Any, digits: int = 2) -> str:
    if _missing(value):
        return "–"
    return f"{float(value):.{digits}f}".replace(".", ",")


def _score(value: Any) -> str:
    """A coverage or link score, cut (not rounded) to two decimals: 0.249 reads 0,24, below the 0,25 it misses."""
    return _number(tables.floor2(value))


def _percent(value: Any) -> str:
    """A share in whole percents, as Excel stores it (tables.percent_points)."""
    if _missing(value):
        return "–"
    return f"{tables.percent_points(value)}%"


def _signed_percent(value: Any) -> str:
    if _missing(value):
        return "–"
    return f"{tables.percent_points(value):+d} procentpunt".replace("+0 ", "0 ")


def _integer(value: Any) -> str:
    if _missing(value):
        return "–"
    return f"{int(value):,}".replace(",", ".")


def _text(value: Any) -> str:
    return "" if _missing(value) else str(value)


def _web_link(value: Any) -> str:
    """A URL worth linking to: http(s) only, so a data file cannot inject javascript: links."""
    text = _text(value).strip()
    return text if text.lower().startswith(("https://", "http://")) else ""


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(num=_number, score=_score, pct=_percent, dpct=_signed_percent, int=_integer, text=_text,
                       exam_pair=lambda flags: tables.exam_label(*flags) or "–",
                       relation=tables.predicate_label, origin=tables.origin_label, paragraphs=tables.paragraphs,
                       web_link=_web_link, count=tables.count, noun=tables.noun, kind=tables.kind_label)
    env.globals.update(code_or_id=tables.code_or_id)
    return env


#: The exam parts the report counts gaps by: summary key, the column that shows it, the word on a
#: pair's card, the words after "hiaten" on a card of the summary (kern and keuze: columns only).
EXAM_PARTS = (("gaps_ce", "Hiaten CE", "CE", "in het centraal examen (CE)"),
              ("gaps_se", "Hiaten SE", "SE", "in het schoolexamen (SE)"),
              ("gaps_no_exam", "Hiaten zonder examendeel", "zonder examendeel", "zonder examendeel (niet in CE of SE)"),
              ("gaps_kern", "Hiaten kern", None, None),
              ("gaps_keuze", "Hiaten keuze", None, None))


def _exam_parts(summary: dict[str, Any], shown: set[str]) -> list[tuple[str, Any]]:
    """The gaps per exam part these goals have ((word, count), as :data:`EXAM_PARTS`): with the
    goals without an exam part they add up to the gaps (a goal both CE and SE counts in both)."""
    return [(word, summary.get(key)) for key, column, word, _ in EXAM_PARTS if word and column in shown]


def _leaf_gaps(coverage: "pd.DataFrame") -> "pd.DataFrame":
    leaves = tables.leaves(coverage)
    return leaves[leaves["status_code"] == "gap"] if len(leaves) else leaves


def _pair_context(n: int, pair: "PairResult", heatmap: str) -> dict[str, Any]:
    # Every list holds leaf goals only, the goals the summary counts, so that their lengths match its numbers.
    cov = pair.coverage
    leaves = tables.leaves(cov)
    gaps = _leaf_gaps(cov)
    partly = leaves[leaves["status_code"] == "partly"] if len(leaves) else leaves
    cont = tables.leaves(pair.continuations)
    nowhere = cont[cont["leads_nowhere"].astype(bool)] if len(cont) else cont
    summary = {k: (None if _missing(v) else v) for k, v in pair.summary.items()}
    exam = tables.exam_columns(cov)
    return {
        "n": n,
        "name": pair.name,
        "has_exam": "Examen" in exam,
        "exam_parts": _exam_parts(summary, exam),
        "kinds": tables.kind_counts(cov),
        "sending": list(pair.sending),
        "receiving": list(pair.receiving),
        "summary": summary,
        "heatmap": heatmap,
        "gaps": _records(gaps),
        "partly": _records(partly),
        "overlaps": _records(pair.overlaps),
        # One row per link: a goal with two overlapping sending goals has two (the summary counts goals).
        "overlap_goals": int(pair.overlaps["receiving_id"].nunique()) if len(pair.overlaps) else 0,
        "domains": _records(pair.by_domain),
        "nowhere": _records(nowhere),
        "order_correlation": pair.order_correlation,
    }


def _domain_changed(row: dict[str, Any]) -> bool:
    """Whether a domain's figures differ as the report shows them. A user test: a mean of 0.181 -> 0.190
    reads 0,18 | 0,18 (cut), and a row of equal numbers listed as a change says nothing; such a row
    counts as unchanged, in the note below the table as well."""
    return any(show(row.get(f"{key}_before")) != show(row.get(f"{key}_after"))
               for key, show in (("share", _percent), ("mean", _score), ("gaps", _integer)))


_added_programmes = tables.added_programmes  # the programmes a variant adds (HTML and Excel)


def _comparison_context(name: str, comparison, base: "TransitionResult",
                        variant: "TransitionResult | None") -> dict[str, Any]:
    summary = comparison.summary
    before = summary.loc["before"].to_dict() if "before" in summary.index else {}
    after = summary.loc["after"].to_dict() if "after" in summary.index else {}
    if variant is not None:  # totals weighted the same way as the summary block
        before = base.summary.to_dict()
        after = variant.summary.to_dict()
    domains = _records(comparison.by_domain)
    for d in domains:  # the change as the two shown shares differ (Excel: the same rule)
        d["share_delta"] = tables.shown_share_delta(d.get("share_before"), d.get("share_after"))
    changed = [d for d in domains if _domain_changed(d)]
    closed_capped, improved_capped = tables.capped_notes(comparison, tables.capped_at(base))
    # The added programmes' goals that lead nowhere, each once (None: no programme added at the base's level).
    nowhere = tables.added_without_continuation(base, variant, comparison)
    return {
        "name": name,
        "description": variant.description if variant is not None else "",
        "sending_level": variant.sending_level if variant is not None else "",
        "added": _added_programmes(base, variant),
        "before": before,
        "after": after,
        "closed": _records(comparison.closed),
        # What the closed gaps became, next to their number in the heading.
        "closed_covered": comparison.closed_covered,
        "closed_partly": comparison.closed_partly,
        # Changes that rest on one shared word (the cap is the partial threshold of a transition).
        "closed_capped": closed_capped,
        "improved_capped": improved_capped,
        "opened": _records(comparison.opened),
        "improved": _records(comparison.improved),
        "worsened": _records(comparison.worsened),
        "domains": changed,
        "unchanged": len(domains) - len(changed),  # what the note below the table counts
        "added_nowhere": None if nowhere is None else _records(nowhere),
        "added_nowhere_heading": tables.added_without_continuation_heading(base, variant),
        # A variant of another leerweg: the sending goals only one of the two has (gl lacks three
        # biology eindtermen of tl), which explain changes no link does. None for the same level.
        "level_other": tables.other_leerweg(base, variant),
        "only_base": _records(tables.of_shared_programmes(comparison.sending_only_base)),
        "only_variant": _records(tables.of_shared_programmes(comparison.sending_only_variant)),
        "added_programmes": tables.added_programmes(base, variant),
    }


all_sources = tables.all_sources  # the report's one list of sources (HTML and Excel)

#: Dutch names of the settings in ``result.meta`` (a flat dict's keys joined with a dot).
SETTING_LABELS = {
    "definition": "Definitiebestand",
    "curation": "Curatiebestand",
    "thresholds.covered": "Drempel gedekt",
    "thresholds.partly": "Drempel deels gedekt",
    "thresholds.min_link_score": "Laagste score die meetelt",
    "thresholds.max_combined": "Koppelingen die samen optellen (ten hoogste)",
    "thresholds.combined_cap": "Hoogste dekking van koppelingen samen",
    # max_combined 1: one best link decides; said so instead of "(ten hoogste) 1" and a cap that applies to nothing.
    "thresholds.single": "Koppelingen die samen optellen",
    "thresholds.overlap": "Drempel overlapping",
}


def _setting_value(value: Any) -> str:
    """A setting as a Dutch reader writes it: 0,35 (decimal comma, two decimals as the reading guide
    writes thresholds: 0,80, not 0,8), ja/nee."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return _number(value)
    return str(value)


def _scalar_meta(meta: dict[str, Any]) -> list[tuple[str, str]]:
    """Settings worth printing, with Dutch labels: scalars and flat dicts of scalars (e.g. the thresholds).

    With ``max_combined`` 1 (one best link decides) a user test read "Koppelingen die samen optellen
    (ten hoogste) 1" and "Hoogste dekking ... 0,75" as contradicting the guide's "Zwakke koppelingen
    tellen niet bij elkaar op": the row says so in words and the cap, which then applies to nothing, is left out.
    """
    rows: list[tuple[str, Any]] = []
    for key, value in meta.items():
        if isinstance(value, dict):
            rows += [(f"{key}.{k}", v) for k, v in value.items() if isinstance(v, (str, int, float, bool))]
        elif isinstance(value, (str, int, float, bool)):
            rows.append((str(key), value))
    single = any(key == "thresholds.max_combined" and not isinstance(value, bool) and value == 1 for key, value in rows)
    if single:
        rows = [("thresholds.single", "geen: alleen de beste koppeling telt") if key == "thresholds.max_combined"
                else (key, value) for key, value in rows if key != "thresholds.combined_cap"]
    return [(SETTING_LABELS.get(key, key), _setting_value(value)) for key, value in rows]


def render_html(result: "TransitionResult", progress: Progress | None = None, *,
                data: str | os.PathLike | None = None, curricula: str | os.PathLike | None = None) -> str:
    """The report as a string (``write_html`` writes it to a file).

    Files are named relative to the ``data`` and ``curricula`` folders (found when not given), as
    :func:`tables.report_folders` says: a report is sent to colleagues, not kept on this machine.
    """
    from .. import __version__

    total = len(result.pairs) + 2
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    gaps = result.gaps
    several = len(result.pairs) > 1
    # Each side's domains named for what they are: vmbo domains, mbo kerntaken (tables.domain_words).
    sending, receiving = tables.domain_words(result)
    gap_figure = figures.gap_bars_png(gaps, "Hiaten per vakkenpaar" if several else
                                      f"Hiaten per {receiving.one} van het vervolg",
                                      by="pair" if several else "domain", receiving=receiving.one)
    step()
    pairs = []
    for n, pair in enumerate(result.pairs):
        context = _pair_context(n, pair, figures.heatmap_png(pair.domain_matrix, pair.name, sending.one, receiving.one))
        context["gap_figure"] = (figures.gap_bars_png(_leaf_gaps(pair.coverage),
                                                      f"Hiaten per {receiving.one}: {pair.name}",
                                                      receiving=receiving.one)
                                 if several and context["gaps"] else None)
        pairs.append(context)
        step()

    summary = {k: (None if _missing(v) else v)
               for k, v in result.summary.items()}
    comparisons = [_comparison_context(name, c, result, result.variants.get(name))
                   for name, c in result.comparisons.items()]
    side_by_side = tables.closed_side_by_side(result)
    closing = [] if side_by_side is None else side_by_side.attrs["variants"]
    folders = tables.report_folders(result, data, curricula)
    meta = dict(result.meta or {})
    for key in ("definition", "curation"):
        if meta.get(key):
            meta[key] = tables.shown_file(meta[key], folders)
    # Each exam column only where some receiving goal has its part, as in Excel (tables.exam_columns).
    exam = tables.exam_columns(result.coverage)
    curated_links = tables.curated_links(result)
    curated = _records(curated_links)
    context = {
        "result": result,
        "summary": summary,
        "sending_word": sending,
        "receiving_word": receiving,
        "kinds": tables.kind_counts(result.coverage),
        "has_exam": tables.has_exam(result.coverage, ("ce", "se")),
        "exam_columns": [{"key": key, "column": column, "card": card}
                         for key, column, _, card in EXAM_PARTS if column in exam],
        "pair_rows": _records(tables.summary_table(result)) if result.pairs else [],
        "total_note": tables.total_note(several, {"Hiaten CE", "Hiaten SE"} <= exam),
        "summary_labels": tables.SUMMARY_LABELS,
        "curation": tables.curation_counts(summary),
        "curation_variants": tables.variant_curation(result, summary),
        "curated": curated,
        # Who decided and when: columns only when the links say so of some decision (tables.CURATOR_COLUMNS).
        "curated_author": tables.has_curator_column(curated_links, "author"),
        "curated_date": tables.has_curator_column(curated_links, "mapping_date"),
        "curation_file": meta.get("curation") or "",
        "curation_unapplied": list((result.meta or {}).get("curation_unapplied") or []),
        "curation_notes": list((result.meta or {}).get("curation_notes") or []),
        "thresholds": (result.meta or {}).get("thresholds") or None,
        "gap_figure": gap_figure,
        "pairs": pairs,
        "comparisons": comparisons,
        "side_by_side": None if side_by_side is None else _records(side_by_side),
        "side_by_side_variants": closing,
        "closed_only_by": {} if side_by_side is None else tables.closed_only_by(side_by_side, closing),
        # Per variant: the sending goal that closes each gap and whether it rests on one shared word.
        "side_by_side_goals": {} if side_by_side is None else side_by_side.attrs["goals"],
        "side_by_side_counts": {} if side_by_side is None else tables.side_by_side_counts(side_by_side),
        "one_word_cap": tables.cap_text(tables.capped_at(result)),
        "sources": _records(tables.sources_table(tables.all_sources(result), folders)),
        "definition_sources": list((result.meta or {}).get("definition_sources") or (result.meta or {}).get("sources") or []),
        "settings": _scalar_meta(meta),
        "generated": _dt.datetime.now().strftime("%d-%m-%Y %H:%M"),
        "version": __version__,
    }
    html = _environment().get_template("report.html.j2").render(**context)
    step()
    return html


def render_notebook_html(result: "TransitionResult") -> str:
    """The short Dutch summary a notebook shows for a result (``TransitionResult._repr_html_``)."""
    summary = {k: (None if _missing(v) else v) for k, v in result.summary.items()}
    # Each variant's counts in the line the command line prints: the closed gaps split into now
    # covered and partly covered, and how many rest on one shared word (tables.comparison_line).
    cap = tables.capped_at(result)
    comparisons = [{"name": name, "line": tables.comparison_line(c, cap)} for name, c in result.comparisons.items()]
    return _environment().get_template("notebook.html.j2").render(
        result=result,
        pair_rows=_records(tables.summary_table(result)) if result.pairs else [],
        total_note=tables.total_note(len(result.pairs) > 1, False),  # no CE/SE columns here
        comparisons=comparisons,
        curation=tables.curation_counts(summary),
    )


def write_html(result: "TransitionResult", path: str | os.PathLike, progress: Progress | None = None, *,
               data: str | os.PathLike | None = None, curricula: str | os.PathLike | None = None) -> Path:
    """Write the Dutch report of ``result`` to ``path`` (one file, no external resources).

    The file is written next to its target and renamed over it, so a failed
    run never leaves half a report; an OSError names ``path``. Returns the path written.
    ``data`` and ``curricula``: see :func:`render_html`.
    """
    target = Path(path)
    html = render_html(result, progress=None if progress is None else
                       (lambda d, t: progress(d, t + 1)), data=data, curricula=curricula)
    write_atomically(target, lambda tmp: Path(tmp).write_text(html, encoding="utf-8"))
    if progress is not None:
        progress(len(result.pairs) + 3, len(result.pairs) + 3)
    return target
