"""The report's tables with Dutch column names, shared by the HTML and the Excel report.

Each function takes the result tables of docs/transitions.md and returns a new
DataFrame with the columns a reader needs, in reading order, values unformatted
(shares stay 0-1 so that Excel can compute with them).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from ..results import Comparison, TransitionResult

#: Dutch labels of the summary figures (keys: docs/transitions.md, `summary`).
SUMMARY_LABELS = {
    "receiving_leaves": "Doelen vervolg",
    "covered": "Gedekt",
    "partly": "Deels gedekt",
    "gaps": "Hiaten",
    "coverage_share": "Dekkingsgraad",
    "mean_coverage": "Gemiddelde dekking",
    "gaps_ce": "Hiaten CE",
    "gaps_se": "Hiaten SE",
    "gaps_kern": "Hiaten kern",
    "gaps_keuze": "Hiaten keuze",
    "overlaps": "Overlappingen",
    "sending_leaves": "Doelen vooropleiding",
    "sending_nowhere": "Zonder vervolg",
    "links_used": "Gebruikte koppelingen",
    "links_rejected": "Afgewezen koppelingen",
}

SHARE_COLUMNS = {"Dekkingsgraad", "Gemiddelde dekking", "Dekking", "Dekking voor", "Dekking na",
                 "Dekkingsgraad voor", "Dekkingsgraad na", "Verschil dekkingsgraad", "Gemiddeld voor",
                 "Gemiddeld na", "Gemiddelde score", "Hoogste score", "Score", "Beste score",
                 "Aandeel gedekt"}

PREDICATES = {
    "skos:exactMatch": "gelijk",
    "skos:closeMatch": "vrijwel gelijk",
    "skos:broadMatch": "vervolg is breder",
    "skos:narrowMatch": "vervolg is smaller",
    "skos:relatedMatch": "verwant",
}


def exam_label(ce: object, se: object) -> str:
    """'CE en SE', 'CE', 'SE' or '' (mbo goals have no exam flags)."""
    ce, se = bool(ce), bool(se)
    return "CE en SE" if ce and se else "CE" if ce else "SE" if se else ""


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None or NaN


def predicate_label(predicate: object) -> str:
    if _blank(predicate):
        return ""
    return PREDICATES.get(str(predicate), str(predicate))


def paragraphs(text: object) -> list[str]:
    """Paragraphs of a text written in a definition file: blank lines separate, single breaks do not."""
    if _blank(text):
        return []
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", str(text)) if block.strip()]


def _col(df: "pd.DataFrame", name: str, default: object = ""):
    import pandas as pd

    return df[name] if name in df else pd.Series([default] * len(df), index=df.index)


def summary_table(result: "TransitionResult") -> "pd.DataFrame":
    """One row per pair plus a row 'Totaal'."""
    import pandas as pd

    rows = result.pair_summaries()
    if len(rows):
        rows.loc["Totaal"] = result.summary
    keys = [k for k in SUMMARY_LABELS if k in rows.columns]
    out = rows[keys].rename(columns=SUMMARY_LABELS)
    out.index.name = "Paar"
    for column in out.columns:
        if column not in SHARE_COLUMNS:
            out[column] = pd.to_numeric(out[column], errors="coerce").fillna(0).astype(int)
    return out.reset_index()


def coverage_table(coverage: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    c = coverage
    return pd.DataFrame({
        "Paar": _col(c, "pair"),
        "Code": _col(c, "code"),
        "Doel": _col(c, "title"),
        "Soort": _col(c, "kind"),
        "Domein": _col(c, "domain"),
        "Examen": [exam_label(a, b) for a, b in zip(_col(c, "ce", False), _col(c, "se", False))],
        "Kern": _col(c, "kern", False).astype(bool),
        "Keuze": _col(c, "keuze", False).astype(bool),
        "Dekking": _col(c, "coverage", 0.0),
        "Status": _col(c, "status"),
        "Beste aansluitende doel (code)": _col(c, "best_sending_code"),
        "Beste aansluitende doel": _col(c, "best_sending_title"),
        "Score": _col(c, "best_score", 0.0),
        "Relatie": [predicate_label(p) for p in _col(c, "predicate")],
        "Uitleg": _col(c, "explanation"),
        "Ondersteunende koppelingen": _col(c, "n_support", 0),
        "Id": _col(c, "receiving_id"),
    })


def gap_table(gaps: "pd.DataFrame") -> "pd.DataFrame":
    return coverage_table(gaps).drop(columns=["Status", "Soort"])


def overlap_table(overlaps: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    o = overlaps
    return pd.DataFrame({
        "Paar": _col(o, "pair"),
        "Code vervolg": _col(o, "receiving_code"),
        "Doel vervolg": _col(o, "receiving_title"),
        "Code vooropleiding": _col(o, "sending_code"),
        "Doel vooropleiding": _col(o, "sending_title"),
        "Score": _col(o, "score", 0.0),
        "Relatie": [predicate_label(p) for p in _col(o, "predicate")],
        "Herkomst": _col(o, "origin"),
        "Uitleg": _col(o, "explanation"),
    })


def domain_table(by_domain: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    d = by_domain
    return pd.DataFrame({
        "Paar": _col(d, "pair"),
        "Domein": _col(d, "domain"),
        "Doelen": _col(d, "leaves", 0),
        "Gedekt": _col(d, "covered", 0),
        "Deels gedekt": _col(d, "partly", 0),
        "Hiaten": _col(d, "gaps", 0),
        "Dekkingsgraad": _col(d, "coverage_share", 0.0),
        "Gemiddelde dekking": _col(d, "mean_coverage", 0.0),
    })


def matrix_table(domain_matrix: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    m = domain_matrix
    return pd.DataFrame({
        "Paar": _col(m, "pair"),
        "Domein vooropleiding": _col(m, "sending_domain"),
        "Domein vervolg": _col(m, "receiving_domain"),
        "Koppelingen": _col(m, "links", 0),
        "Gemiddelde score": _col(m, "mean_score", 0.0),
        "Hoogste score": _col(m, "max_score", 0.0),
        "Dekking": _col(m, "coverage", 0.0),
    })


def continuation_table(continuations: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    c = continuations
    return pd.DataFrame({
        "Paar": _col(c, "pair"),
        "Code": _col(c, "code"),
        "Doel vooropleiding": _col(c, "title"),
        "Domein": _col(c, "domain"),
        "Beste score": _col(c, "best_score", 0.0),
        "Zonder vervolg": _col(c, "leads_nowhere", False).astype(bool),
        "Gaat verder in": _col(c, "continues_in"),
    })


def change_table(changes: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    c = changes
    return pd.DataFrame({
        "Paar": _col(c, "pair"),
        "Code": _col(c, "code"),
        "Doel": _col(c, "title"),
        "Domein": _col(c, "domain"),
        "Status voor": _col(c, "status_before"),
        "Status na": _col(c, "status_after"),
        "Dekking voor": _col(c, "coverage_before", 0.0),
        "Dekking na": _col(c, "coverage_after", 0.0),
    })


def comparison_domain_table(by_domain: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    d = by_domain
    return pd.DataFrame({
        "Paar": _col(d, "pair"),
        "Domein": _col(d, "domain"),
        "Dekkingsgraad voor": _col(d, "share_before", 0.0),
        "Dekkingsgraad na": _col(d, "share_after", 0.0),
        "Verschil dekkingsgraad": _col(d, "share_delta", 0.0),
        "Gemiddeld voor": _col(d, "mean_before", 0.0),
        "Gemiddeld na": _col(d, "mean_after", 0.0),
        "Hiaten voor": _col(d, "gaps_before", 0),
        "Hiaten na": _col(d, "gaps_after", 0),
    })


def comparison_summary_table(comparison: "Comparison", before: "pd.Series | None" = None,
                             after: "pd.Series | None" = None) -> "pd.DataFrame":
    """Totals before and after; ``before``/``after`` (the results' own summaries) replace the comparison's."""
    import pandas as pd

    s = comparison.summary
    if before is not None and after is not None:
        s = pd.DataFrame({"before": before, "after": after}).T
    keys = [k for k in SUMMARY_LABELS if k in s.columns]
    out = s[keys].rename(columns=SUMMARY_LABELS,
                         index={"before": "Zonder variant (basis)", "after": f"Met variant: {comparison.name}"})
    out.index.name = "Situatie"
    return out.reset_index()


def sources_table(sources: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    s = sources
    start = s["start_date"] if "start_date" in s else _col(s, "start date")
    return pd.DataFrame({
        "Programma": _col(s, "title"),
        "Uitgever": _col(s, "publisher"),
        "Versie": _col(s, "version"),
        "Ingangsdatum": start,
        "Adres": _col(s, "url"),
        "Bestand": _col(s, "file"),
    })
