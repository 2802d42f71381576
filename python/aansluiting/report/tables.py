"""The report's tables with Dutch column names, shared by the HTML and the Excel report.

Each function takes the result tables of docs/transitions.md and returns a new
DataFrame with the columns a reader needs, in reading order, values as numbers
(shares stay 0-1 so that Excel can compute with them). Goal lists hold leaf goals
only, the goals the summary counts; coverage and link scores are cut to two
decimals (:func:`floor2`), so that a shown number never reaches a threshold the
goal does not, and shares are in whole percents (:func:`whole_percent`): each
number is the one the report shows.
"""

from __future__ import annotations

import math
import os
import re
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, NamedTuple, Union

from .._kind_names import KINDS
from ..results import closed_split  # (now covered, now partly covered) of a comparison's closed gaps

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
    "gaps_no_exam": "Hiaten zonder examendeel",
    "gaps_kern": "Hiaten kern",
    "gaps_keuze": "Hiaten keuze",
    "overlaps": "Overlappingen",
    "shared": "Gedeeld (in beide programma's)",
    "placeholders": "Zonder inhoud (n.v.t.)",
    "sending_leaves": "Doelen vooropleiding",
    "sending_nowhere": "Zonder vervolg",
    "links_used": "Gebruikte koppelingen",
    "links_rejected": "Afgewezen koppelingen",
    "links_confirmed": "Bevestigde koppelingen",
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


#: Dutch labels of a link's origin (`origin` in the result tables).
ORIGINS = {
    "automatic": "automatisch",
    "confirmed": "bevestigd door curator",
    "rejected": "afgewezen door curator",
}


#: Kinds only an mbo qualification (SBB, or a CSV programme written like one) has.
MBO_KINDS = frozenset({"dossier", "qualification", "kerntaak", "werkproces", "knowledge_skill"})
_MBO_LEVEL = re.compile(r"\s*mbo(?![a-z])", re.I)  # "mbo 2", "MBO-4", "mbo niveau 1"; not "vmbo"


class DomainWord(NamedTuple):
    """How the report names the domains of one side of a transition (:func:`domain_word`)."""

    one: str  # "domein", "kerntaak"
    many: str  # "domeinen", "kerntaken"
    the: str  # "het domein", "de kerntaak"
    each: str  # "elk domein", "elke kerntaak"

    @property
    def title(self) -> str:
        """The word as a column header: "Domein", "Kerntaak"."""
        return self.one[:1].upper() + self.one[1:]


DOMAIN = DomainWord("domein", "domeinen", "het domein", "elk domein")
KERNTAAK = DomainWord("kerntaak", "kerntaken", "de kerntaak", "elke kerntaak")


def domain_word(level: object = None, kinds: Iterable[object] = ()) -> DomainWord:
    """The word for the domains of one side: :data:`KERNTAAK` for an mbo qualification (its level is
    mbo 1-4, or its goals are kerntaken, werkprocessen or vakkennis en vaardigheden), whose domains
    are kerntaken; :data:`DOMAIN` for an exam programme. The one rule of the HTML, Excel and plots."""
    mbo = (not _blank(level) and bool(_MBO_LEVEL.match(str(level)))) \
        or any(str(k) in MBO_KINDS for k in kinds if not _blank(k))
    return KERNTAAK if mbo else DOMAIN


def domain_words(result: "TransitionResult") -> tuple[DomainWord, DomainWord]:
    """(sending, receiving): the words for the domains of each side of ``result`` (:func:`domain_word`).

    The receiving side by its level and the kinds of its goals; the sending side by its level
    (the result tables do not hold the kinds of sending goals).
    """
    coverage = result.coverage
    kinds = coverage["kind"] if coverage is not None and "kind" in coverage else ()
    return domain_word(result.sending_level), domain_word(result.receiving_level, kinds)


def kind_label(kind: object) -> str:
    """A goal kind in Dutch ('knowledge_skill' is 'vakkennis en vaardigheden'); an unknown kind as it is."""
    if _blank(kind):
        return ""
    return KINDS.get(str(kind), (str(kind),))[0]


def kind_counts(coverage: "pd.DataFrame") -> str:
    """The receiving leaf goals per kind, '12 werkprocessen, 33 vakkennis en vaardigheden'; '' when
    they are all of one kind (havo: eindtermen), where "doelen" says it. A goal of several pairs
    counts once, as in the totals."""
    goals = leaves(coverage)
    if goals is None or len(goals) == 0 or "kind" not in goals:
        return ""
    if "receiving_id" in goals:
        goals = goals.drop_duplicates("receiving_id")
    counts = goals["kind"].astype(str).value_counts()
    if len(counts) < 2:
        return ""
    order = [k for k in KINDS if k in counts.index] + sorted(k for k in counts.index if k not in KINDS)
    return ", ".join(count(counts[k], *KINDS.get(k, (k, k))) for k in order)


def noun(n: object, singular: str, plural: str) -> str:
    """The Dutch word for ``n`` things: the singular for exactly one, the plural otherwise (0 hiaten)."""
    return singular if not _blank(n) and int(n) == 1 else plural


def count(n: object, singular: str, plural: str) -> str:
    """``n`` with its word: '1 hiaat', '0 hiaten', '1.234 doelen' (thousands with a dot, as in Dutch)."""
    value = 0 if _blank(n) else int(n)
    return f"{value:,}".replace(",", ".") + " " + noun(value, singular, plural)


def code_or_id(code: object, goal_id: object) -> str:
    """A goal's code, or for a goal without one (an mbo knowledge item) its id when that is
    short and readable (``sbb:2755/kv/986500``): a curator needs something to name it by.

    Every code cell of the report, HTML and Excel alike, shows this: the HTML has no id column,
    and one goal must not be named in one file and blank in the other."""
    if not _blank(code) and str(code).strip():
        return str(code)
    text = "" if _blank(goal_id) else str(goal_id)
    return text if ":" in text and len(text) <= 40 else ""


def closed_detail(closed: "pd.DataFrame") -> str:
    """What the closed gaps became, both counts always: ' (0 nu gedekt, 7 deels gedekt)'; '' for none.

    Most gaps a variant closes become only partly covered; a reader quoting "7 hiaten
    gesloten" should see next to the number how many are now covered (a user test: all 7 of
    T&T's were only partly covered, and "(nu deels gedekt)" was read past).
    """
    if len(closed) == 0:
        return ""
    covered, partly = closed_split(closed)
    return f" ({covered} nu gedekt, {partly} deels gedekt)"


def comparison_line(comparison: "Comparison", cap: object = None) -> str:
    """The counts of a comparison in one Dutch line, as the command line and a notebook say them:
    '7 hiaten gesloten (0 nu gedekt, 7 deels gedekt), waarvan 2 rusten op maar één onderscheidend
    woord (begrensd op 0,25); 0 geopend; 1 doel beter voorbereid'.

    What rests on one shared word is said next to the count it is part of (:func:`capped_detail`);
    the goals that change status without a gap closing or opening only when there are any.
    """
    capped = capped_detail(comparison.closed_capped, cap)
    other = [f"{count(len(frame), 'doel', 'doelen')} {label}{capped_detail(n, cap)}" for frame, label, n in
             ((comparison.improved, "beter voorbereid", comparison.improved_capped),
              (comparison.worsened, "minder goed voorbereid", 0))
             if len(frame)]
    return (f"{count(len(comparison.closed), 'hiaat', 'hiaten')} gesloten{closed_detail(comparison.closed)}"
            f"{capped}{'; ' if capped else ', '}{len(comparison.opened)} geopend"
            + "".join(f"; {o}" for o in other))


def capped_at(result: "TransitionResult") -> object:
    """The score a transition caps one-word links at: its partial threshold (the core's run sets the cap to it);
    None when the result has no thresholds."""
    return ((result.meta or {}).get("thresholds") or {}).get("partly")


def capped_notes(comparison: "Comparison", cap: object = None) -> tuple[str, str]:
    """:func:`capped_note` for the closed gaps and for the improved goals of a comparison."""
    return (capped_note(comparison.closed_capped, len(comparison.closed), "gesloten hiaat", "gesloten hiaten", cap),
            capped_note(comparison.improved_capped, len(comparison.improved), "beter voorbereide doel",
                        "beter voorbereide doelen", cap))


def cap_text(cap: object) -> str:
    """'0,25': the score one-word links are capped at, or '' when not known."""
    return "" if _blank(cap) else f"{floor2(cap):.2f}".replace(".", ",")


def capped_detail(n: object, cap: object = None) -> str:
    """', waarvan 10 rusten op maar één onderscheidend woord (begrensd op 0,25)', or '' for none.

    ``n`` is Comparison.closed_capped or improved_capped; ``cap`` the score such links are
    capped at (a transition's partial threshold). A user test: 10 of the 14 gaps a variant
    closed rested on one stock word, and the count an advisor compares did not say so.
    """
    n = int(n)  # type: ignore[call-overload]
    if n == 0:
        return ""
    limit = f" (begrensd op {cap_text(cap)})" if cap_text(cap) else ""
    return f", waarvan {n} {'rust' if n == 1 else 'rusten'} op maar één onderscheidend woord{limit}"


def capped_note(n: object, total: object, one: str, many: str, cap: object = None) -> str:
    """The report's sentence on the changes that rest on one shared word ('' for none):
    '10 van de 14 gesloten hiaten rusten op maar één onderscheidend woord: ...'.

    ``one``/``many``: what changed, 'gesloten hiaat'/'gesloten hiaten'.
    """
    n, total = int(n), int(total)  # type: ignore[call-overload]
    if n == 0:
        return ""
    who = f"Het {one} rust" if total == 1 else f"{n} van de {total} {many} {'rust' if n == 1 else 'rusten'}"
    limit = f" is begrensd op {cap_text(cap)}" if cap_text(cap) else " is begrensd"
    return (f"{who} op maar één onderscheidend woord: de doelen van de nieuwe koppeling delen geen tweede "
            f"woord dat niet in veel doelen staat, en de score van zo'n koppeling{limit}. Eén gedeeld woord "
            "is zwak bewijs: lees de uitleg van deze koppelingen voordat u varianten op dit aantal vergelijkt "
            "(in Excel: kolom Op één woord).")


def exam_label(ce: object, se: object) -> str:
    """'CE en SE', 'CE', 'SE' or '' (mbo goals have no exam flags)."""
    ce, se = bool(ce), bool(se)
    return "CE en SE" if ce and se else "CE" if ce else "SE" if se else ""


#: The report's columns about exam parts, each with the flags of the receiving goals it is about:
#: a column is shown only when some receiving goal has one of them (mbo has none, havo no kern
#: or keuze). "Hiaten zonder examendeel" is about goals with neither CE nor SE: see exam_columns.
EXAM_COLUMNS = {
    "Examen": ("ce", "se"),
    "Kern": ("kern",),
    "Keuze": ("keuze",),
    "Hiaten CE": ("ce",),
    "Hiaten SE": ("se",),
    "Hiaten zonder examendeel": (),
    "Hiaten kern": ("kern",),
    "Hiaten keuze": ("keuze",),
}


def has_exam(coverage: "pd.DataFrame", flags: tuple[str, ...] = ("ce", "se", "kern", "keuze")) -> bool:
    """Whether some receiving leaf goal carries one of ``flags`` (mbo qualifications have none)."""
    goals = leaves(coverage)
    if goals is None or len(goals) == 0:
        return False
    flags = [c for c in flags if c in goals]
    return bool(flags) and bool(goals[flags].astype(bool).to_numpy().any())


def without_exam_part(coverage: "pd.DataFrame") -> bool:
    """Whether some receiving leaf goal of a programme with exam parts is neither CE nor SE: then
    'Hiaten CE' and 'Hiaten SE' do not add up to the gaps, and 'Hiaten zonder examendeel' says why."""
    goals = leaves(coverage)
    if not has_exam(goals, ("ce", "se")):
        return False
    return bool((~(goals["ce"].astype(bool) | goals["se"].astype(bool))).any())


def exam_columns(coverage: "pd.DataFrame") -> set[str]:
    """The exam columns worth showing for these receiving goals (:data:`EXAM_COLUMNS`): all false
    or zero, a column says nothing (Kern and Keuze for havo)."""
    shown = {column for column, flags in EXAM_COLUMNS.items() if flags and has_exam(coverage, flags)}
    return shown | ({"Hiaten zonder examendeel"} if without_exam_part(coverage) else set())


def without_exam(frame: "pd.DataFrame", shown: "set[str]") -> "pd.DataFrame":
    """``frame`` without the exam columns not in ``shown`` (:func:`exam_columns`)."""
    return frame.drop(columns=[c for c in EXAM_COLUMNS if c not in shown], errors="ignore")


def total_note(several_pairs: bool, exam: bool) -> str:
    """Why the row 'Totaal' is not the sum of the pair rows ('' when it is)."""
    parts = (["een doel dat in meer vakkenparen voorkomt, telt in het totaal één keer"] if several_pairs else []) \
        + (["een doel kan zowel CE als SE zijn"] if exam else [])
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None or NaN


def predicate_label(predicate: object) -> str:
    if _blank(predicate):
        return ""
    return PREDICATES.get(str(predicate), str(predicate))


def origin_label(origin: object) -> str:
    if _blank(origin):
        return ""
    return ORIGINS.get(str(origin), str(origin))


def paragraphs(text: object) -> list[str]:
    """Paragraphs of a text written in a definition file: blank lines separate, single breaks do not."""
    if _blank(text):
        return []
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", str(text)) if block.strip()]


def floor2(value: object) -> object:
    """``value`` cut, not rounded, to two decimals: 0.249 gives 0.24 (a gap below 0.25 must not read 0.25).

    The float's shortest decimal form is cut, so 0.29 stays 0.29 (0.29 * 100 is 28.999...).
    None and NaN pass unchanged.
    """
    if _blank(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
        return value
    return float(Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_FLOOR))  # type: ignore[arg-type]


def percent_points(value: object) -> int:
    """A share (0-1) in whole percent points as the report shows it: 0.1538 is 15, 2/3 is 67.

    Rounded, as the command line rounds the share in its summary line (``f"{100 * v:.0f}"``),
    not cut: a share has no threshold to miss. The one rule of the HTML (``pct``), the notebook
    and the Excel file (:func:`whole_percent`).
    """
    return int(f"{100 * float(value):.0f}")  # type: ignore[arg-type]


def whole_percent(value: object) -> object:
    """A share (0-1) as the report shows it, as a number: 0.1538 gives 0.15 (15%, :func:`percent_points`).

    The Excel file stores shares so (format 0%), as it stores a coverage cut to two decimals
    (:func:`floor2`, format 0.00): a cell holds the number it shows, the number in the HTML.
    None and NaN pass unchanged.
    """
    if _blank(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
        return value
    return percent_points(value) / 100


def shown_share_delta(before: object, after: object) -> object:
    """The change of a share as the report shows it: the difference of the two shown shares (15% -> 17% is
    +2 procentpunt, also when the unrounded change rounds to +1), so that a reader's na - voor agrees."""
    a, b = whole_percent(after), whole_percent(before)
    if _blank(a) or _blank(b):
        return None
    return round(float(a) - float(b), 2)  # type: ignore[arg-type]


def leaves(df: "pd.DataFrame") -> "pd.DataFrame":
    """The rows of leaf goals: those the summary counts (the result tables also hold roots and domains)."""
    if df is None or len(df) == 0 or "leaf" not in df:
        return df
    return df[df["leaf"].astype(bool)]


def _col(df: "pd.DataFrame", name: str, default: object = ""):
    import pandas as pd

    return df[name] if name in df else pd.Series([default] * len(df), index=df.index)


# A report column: the result column of that name (blank when absent), a
# (name, default) pair, or a function of the whole result table.
Column = Union[str, tuple[str, object], Callable[["pd.DataFrame"], object]]


def _renamed(df: "pd.DataFrame", columns: dict[str, Column]) -> "pd.DataFrame":
    """A new table with the Dutch headers of ``columns``, in that order."""
    import pandas as pd

    out = {}
    for header, column in columns.items():
        if callable(column):
            out[header] = column(df)
        else:
            name, default = (column, "") if isinstance(column, str) else column
            out[header] = _col(df, name, default)
    return pd.DataFrame(out)


def _cut(name: str) -> Callable[["pd.DataFrame"], object]:
    """A coverage or score column cut to two decimals (:func:`floor2`)."""
    return lambda df: _col(df, name, 0.0).map(floor2)


def _share(name: str) -> Callable[["pd.DataFrame"], object]:
    """A share column (Dekkingsgraad) in whole percents as the report shows it (:func:`whole_percent`)."""
    return lambda df: _col(df, name, 0.0).map(whole_percent)


def _predicates(df: "pd.DataFrame") -> list[str]:
    return [predicate_label(p) for p in _col(df, "predicate")]


def _origins(df: "pd.DataFrame") -> list[str]:
    return [origin_label(o) for o in _col(df, "origin")]


def _kinds(df: "pd.DataFrame") -> list[str]:
    return [kind_label(k) for k in _col(df, "kind")]


def _codes(code: str, goal_id: str) -> Callable[["pd.DataFrame"], object]:
    """A code column as the HTML shows it: the id of a goal without a code (:func:`code_or_id`)."""
    return lambda df: [code_or_id(c, i) for c, i in zip(_col(df, code), _col(df, goal_id))]


def _shown_keys(rows: "pd.DataFrame") -> list[str]:
    """The summary columns a table shows. Goals in both programmes occur only within one dossier (mbo 3 -> mbo 4),
    "n.v.t." records in a few havo and vwo programmes: no column of zeros elsewhere."""
    import pandas as pd

    keys = [k for k in SUMMARY_LABELS if k in rows.columns]
    return [k for k in keys if k not in ("shared", "placeholders")
            or pd.to_numeric(rows[k], errors="coerce").fillna(0).any()]


def summary_table(result: "TransitionResult") -> "pd.DataFrame":
    """One row per pair plus a row 'Totaal'."""
    import pandas as pd

    rows = result.pair_summaries()
    if len(rows):
        rows.loc["Totaal"] = result.summary
    out = rows[_shown_keys(rows)].rename(columns=SUMMARY_LABELS)
    out.index.name = "Paar"
    for column in out.columns:
        if column not in SHARE_COLUMNS:
            out[column] = pd.to_numeric(out[column], errors="coerce").fillna(0).astype(int)
    return _cut_mean(out).reset_index()


def _cut_mean(table: "pd.DataFrame") -> "pd.DataFrame":
    """The mean coverage cut to two decimals, as every coverage the report shows (:func:`floor2`), and
    the share of covered goals in whole percents (:func:`whole_percent`): each as the report shows it."""
    if "Gemiddelde dekking" in table:
        table["Gemiddelde dekking"] = table["Gemiddelde dekking"].map(floor2)
    if "Dekkingsgraad" in table:
        table["Dekkingsgraad"] = table["Dekkingsgraad"].map(whole_percent)
    return table


def coverage_table(coverage: "pd.DataFrame", receiving: DomainWord = DOMAIN) -> "pd.DataFrame":
    """The receiving leaf goals with their coverage (roots and domains left out).

    ``receiving``: the word for the receiving side's domains (:func:`domain_words`), "Kerntaak" for mbo.
    """
    return _renamed(leaves(coverage), {
        "Paar": "pair",
        "Code": _codes("code", "receiving_id"),
        "Doel": "title",
        "Soort": _kinds,
        receiving.title: "domain",
        "Examen": lambda c: [exam_label(a, b) for a, b in zip(_col(c, "ce", False), _col(c, "se", False))],
        "Kern": lambda c: _col(c, "kern", False).astype(bool),
        "Keuze": lambda c: _col(c, "keuze", False).astype(bool),
        "Dekking": _cut("coverage"),
        "Status": "status",
        "Beste aansluitende doel (code)": _codes("best_sending_code", "best_sending_id"),
        "Beste aansluitende doel": "best_sending_title",
        "Score": _cut("best_score"),
        "Relatie": _predicates,
        "Herkomst": _origins,
        "Uitleg": "explanation",
        "Ondersteunende koppelingen": ("n_support", 0),
        # Without a link that counts: the strongest one below the threshold, for a curator to confirm or reject.
        "Kandidaat onder de drempel (code)": _codes("candidate_sending_code", "candidate_sending_id"),
        "Kandidaat onder de drempel": "candidate_sending_title",
        "Score kandidaat": _cut("candidate_score"),
        # Both ids, for a decision in a curation file (the user guide, chapter 5, says how they become CURIEs).
        "Id": "receiving_id",
        "Beste aansluitende doel (id)": "best_sending_id",
        "Kandidaat (id)": "candidate_sending_id",
    })


def gap_table(gaps: "pd.DataFrame", receiving: DomainWord = DOMAIN, kinds: bool = False) -> "pd.DataFrame":
    """The gaps; ``kinds``: with the column Soort (where the receiving goals are of several
    kinds, :func:`kind_counts`)."""
    return coverage_table(gaps, receiving).drop(columns=["Status"] + ([] if kinds else ["Soort"]))


def overlap_table(overlaps: "pd.DataFrame") -> "pd.DataFrame":
    return _renamed(overlaps, {
        "Paar": "pair",
        "Code vervolg": _codes("receiving_code", "receiving_id"),
        "Doel vervolg": "receiving_title",
        "Code vooropleiding": _codes("sending_code", "sending_id"),
        "Doel vooropleiding": "sending_title",
        "Score": _cut("score"),
        "Relatie": _predicates,
        "Herkomst": _origins,
        "Uitleg": "explanation",
        "Id vervolg": "receiving_id",
        "Id vooropleiding": "sending_id",
    })


def curated_links(result: "TransitionResult") -> "pd.DataFrame":
    """The links a curator confirmed or rejected that the analysis applied, with the status the receiving goal
    now has: one row per pair and link, the base first, then per variant the decisions only it applies
    (about goals the variant adds). A confirmed goal is usually "gedekt" and so in no gap list, and a
    rejected link is in no table at all: without this a reader cannot see which decisions were used."""
    import pandas as pd

    frames, seen = [], set()
    for analysis, res in [("basis", result)] + [(name, v) for name, v in result.variants.items()]:
        for pair in res.pairs:
            if pair.alignment is None:
                continue
            links = pair.alignment.to_pandas()
            links = links[links["origin"].isin(["confirmed", "rejected"])]
            fresh = [(pair.name, s, t) not in seen for s, t in zip(links["source_id"], links["target_id"])]
            links = links[fresh]
            if not len(links):
                continue
            seen.update((pair.name, s, t) for s, t in zip(links["source_id"], links["target_id"]))
            status = leaves(pair.coverage).drop_duplicates("receiving_id").set_index("receiving_id")["status"]
            frames.append(links.assign(pair=pair.name, analysis=analysis,
                                       status=links["target_id"].map(status).fillna("")))
    if not frames:
        return pd.DataFrame(columns=["pair", "analysis", "origin", "source_id", "source_code", "source_title",
                                     "target_id", "target_code", "target_title", "score", "status"])
    return pd.concat(frames, ignore_index=True)


def curated_table(curated: "pd.DataFrame") -> "pd.DataFrame":
    """:func:`curated_links` with Dutch headers; the column Analyse only when a variant adds decisions."""
    table = _renamed(curated, {
        "Paar": "pair",
        "Analyse": lambda df: ["basis" if a == "basis" else f"variant {a}" for a in _col(df, "analysis")],
        "Beslissing": lambda df: [ORIGINS.get(str(o), str(o)).removesuffix(" door curator") for o in _col(df, "origin")],
        "Code vooropleiding": _codes("source_code", "source_id"),
        "Doel vooropleiding": "source_title",
        "Code vervolg": _codes("target_code", "target_id"),
        "Doel vervolg": "target_title",
        "Score": _cut("score"),
        "Status vervolgdoel": "status",
        "Uitleg": "explanation",  # with the curator's comment ("Bevestigd door curator: ...")
        # Who decided and when, as the curation file says: shown when the links carry them (CURATOR_COLUMNS).
        "Auteur": "author",
        "Datum": "mapping_date",
        # Both ids, as on every sheet with goals: a curator changes or withdraws a decision by them.
        "Id vooropleiding": "source_id",
        "Id vervolg": "target_id",
    })
    if (table["Analyse"] == "basis").all():
        table = table.drop(columns=["Analyse"])
    return table.drop(columns=[CURATOR_COLUMNS[c] for c in CURATOR_COLUMNS if not has_curator_column(curated, c)])


#: Who decided and when, as the link table (``Alignment.to_pandas()``) holds them for a curated
#: link, with the Dutch header. A column no decision fills (no author given) is left out, not
#: shown empty.
CURATOR_COLUMNS = {"author": "Auteur", "mapping_date": "Datum"}


def has_curator_column(curated: "pd.DataFrame", column: str) -> bool:
    """Whether the curated links (:func:`curated_links`) say ``column`` (:data:`CURATOR_COLUMNS`) of some decision."""
    return column in curated and any(not _blank(v) and str(v).strip() for v in curated[column])


def domain_table(by_domain: "pd.DataFrame", receiving: DomainWord = DOMAIN) -> "pd.DataFrame":
    return _renamed(by_domain, {
        "Paar": "pair",
        receiving.title: "domain",
        "Doelen": ("leaves", 0),
        "Gedekt": ("covered", 0),
        "Deels gedekt": ("partly", 0),
        "Hiaten": ("gaps", 0),
        "Dekkingsgraad": _share("coverage_share"),
        "Gemiddelde dekking": _cut("mean_coverage"),
    })


def matrix_table(domain_matrix: "pd.DataFrame", sending: DomainWord = DOMAIN,
                 receiving: DomainWord = DOMAIN) -> "pd.DataFrame":
    """Sending domain x receiving domain, each named for what it is: vmbo domain, mbo kerntaak."""
    return _renamed(domain_matrix, {
        "Paar": "pair",
        f"{sending.title} vooropleiding": "sending_domain",
        "Programma vooropleiding": "sending_programme",
        f"{receiving.title} vervolg": "receiving_domain",
        "Programma vervolg": "receiving_programme",
        "Koppelingen": ("links", 0),
        "Gemiddelde score": _cut("mean_score"),
        "Hoogste score": _cut("max_score"),
        "Dekking": _cut("coverage"),
    })


def continuation_table(continuations: "pd.DataFrame", sending: DomainWord = DOMAIN) -> "pd.DataFrame":
    """The sending leaf goals and where they continue (roots and domains left out)."""
    return _renamed(leaves(continuations), {
        "Paar": "pair",
        "Code": _codes("code", "sending_id"),
        "Doel vooropleiding": "title",
        sending.title: "domain",
        "Beste score": _cut("best_score"),
        "Zonder vervolg": lambda c: _col(c, "leads_nowhere", False).astype(bool),
        "Gaat verder in": "continues_in",
        "Id": "sending_id",  # pair and code do not name a goal: a code can occur twice in a programme
    })


def added_programmes(base: "TransitionResult", variant: "TransitionResult | None") -> list[str]:
    """Titles of the programmes ``variant`` adds to the sending side; not the syllabi that come with
    another level (they follow from it)."""
    if variant is None or variant.sources is None or "title" not in variant.sources:
        return []
    known = set(base.sources["title"]) if base.sources is not None and "title" in base.sources else set()
    kinds = variant.sources["kind"] if "kind" in variant.sources else [""] * len(variant.sources)
    added = [t for t, kind in zip(variant.sources["title"], kinds) if t not in known and kind != "syllabus"]
    return list(dict.fromkeys(added))


def curation_counts(summary: "Mapping[str, Any]") -> dict[str, int] | None:
    """Links a curator confirmed (and still in use) and rejected; None when nothing was curated.
    The report, a notebook and the command line say these."""
    counts = {key: int(summary.get(f"links_{key}") or 0) for key in ("confirmed", "rejected")}
    return counts if any(counts.values()) else None


def variant_curation(result: "TransitionResult", summary: "Mapping[str, Any]") -> list[dict[str, Any]]:
    """The curated links of each variant whose counts differ from the base's (``summary``): a decision
    about a goal only a variant adds counts only there (a user test: rejected ITTL links were not counted)."""
    none = {"confirmed": 0, "rejected": 0}
    base = curation_counts(summary) or none
    out = []
    for name, variant in result.variants.items():
        counts = curation_counts(dict(variant.summary.items())) or none
        if counts != base:
            out.append({"name": name, **counts})
    return out


def other_leerweg(base: "TransitionResult", variant: "TransitionResult | None") -> bool:
    """Whether a variant analyses another sending level than its base (vmbo gl beside tl)."""
    return variant is not None and variant.sending_level != base.sending_level


def added_without_continuation(base: "TransitionResult", variant: "TransitionResult | None",
                               comparison) -> "pd.DataFrame | None":
    """The goals of the programmes ``variant`` adds that lead nowhere in the receiving programmes, each
    goal once, with its best score over the pairs: the core's list of sending leaves only the variant
    has that lead nowhere (analysis::Comparison::new_nowhere), columns as the continuations table.
    None for a variant that adds no programme, or that also analyses another level (then the goals
    only it has are not only those of the added programmes)."""
    if variant is None or not added_programmes(base, variant) or other_leerweg(base, variant):
        return None
    fresh = comparison.new_nowhere
    return fresh.rename(columns={"sending_code": "code", "sending_title": "title"}).reset_index(drop=True)


def added_without_continuation_heading(base: "TransitionResult", variant: "TransitionResult | None") -> str:
    """'Doelen van het toegevoegde programma zonder vervolg' (or 'van de toegevoegde programma's')."""
    which = "de toegevoegde programma's" if len(added_programmes(base, variant)) > 1 else "het toegevoegde programma"
    return f"Doelen van {which} zonder vervolg"


def added_without_continuation_table(goals: "pd.DataFrame", sending: DomainWord = DOMAIN) -> "pd.DataFrame":
    """:func:`added_without_continuation` with the headers of the sheet Vervolg (no pair: each goal once),
    and the receiving goal of the best link: a goal at 0,24 nearly continues somewhere (a user test)."""
    return _renamed(goals, {
        "Code": _codes("code", "sending_id"),
        "Doel vooropleiding": "title",
        sending.title: "domain",
        "Beste score": _cut("best_score"),
        "Code beste doel vervolg": _codes("best_receiving_code", "best_receiving_id"),
        "Beste doel vervolg": "best_receiving_title",
        "Id": "sending_id",
    })


def of_shared_programmes(goals: "pd.DataFrame") -> "pd.DataFrame":
    """The rows of Comparison.sending_only_base / sending_only_variant whose programme both sides have:
    another leerweg's own goals, without those of a programme the variant also adds (a user test found
    "alleen in de variant (vmbo tl): 70 doelen" where 6 were tl's and 64 those of T&T and ITTL)."""
    if "programme_on_both_sides" not in goals.columns or not len(goals):
        return goals
    return goals[goals["programme_on_both_sides"].astype(bool)]


def sending_only_table(goals: "pd.DataFrame", sending: DomainWord = DOMAIN) -> "pd.DataFrame":
    """Comparison.sending_only_base / sending_only_variant with the headers of the sheet Vervolg."""
    return _renamed(goals, {
        "Code": _codes("sending_code", "sending_id"),
        "Doel vooropleiding": "sending_title",
        f"{sending.title} vooropleiding": "domain",
        "Beste score": _cut("best_score"),
        "Id": "sending_id",
    })


#: The columns of :func:`closed_side_by_side` beside each variant's status column ``v``: the sending
#: goal that closes the gap there (the strongest link only the variant has) and whether the new status
#: rests on a link capped for sharing one distinctive word (the comparison's ``capped``).
SIDE_BY_SIDE_GOAL = ("{}: sluitend doel (code)", "{}: sluitend doel", "{}: op één woord")
#: How many variants close a gap (1: only the variant whose status column is filled).
SIDE_BY_SIDE_COUNT = "Aantal sluitende varianten"


def closed_side_by_side(result: "TransitionResult") -> "pd.DataFrame | None":
    """The gaps of the base that any variant closes, one row per goal in the order first met, with
    columns per variant: its own (named after it) the status the goal reaches there ("gedekt",
    "deels gedekt"), or "" where it stays a gap; then the sending goal that closes it there (code
    and title, "" where it stays a gap) and whether that rests on one shared distinctive word
    (:data:`SIDE_BY_SIDE_GOAL`); and "Aantal sluitende varianten". A user test (a team that added its own
    practical programme next to T&T) had to work out by hand which gaps only its programme closes;
    another pasted "T&T sluit 11" while 3 of them rested on one word. None when fewer than two
    variants close a gap. ``attrs["variants"]`` lists the status columns, ``attrs["goals"]`` maps
    each to its three goal columns."""
    import pandas as pd

    closing = {name: c.closed for name, c in (result.comparisons or {}).items() if len(c.closed)}
    if len(closing) < 2:
        return None
    goals: dict[str, dict] = {}
    for closed in closing.values():
        for row in change_table(closed).to_dict("records"):
            goals.setdefault(row["Id"], {"Paar": row["Paar"], "Code": row["Code"], "Doel": row["Doel"]})
    frame = pd.DataFrame(list(goals.values()), index=list(goals))
    # A variant named like a fixed column ("Code") gets "Variant " before its name.
    fixed = {"Paar", "Code", "Doel", SIDE_BY_SIDE_COUNT, "Id"}
    columns = [f"Variant {name}" if name in fixed else name for name in closing]
    extra: dict[str, tuple[str, ...]] = {}
    for column, closed in zip(columns, closing.values()):
        ids = closed["receiving_id"]
        status = dict(zip(ids, closed["status_after"].astype(str)))
        frame[column] = pd.Series(status).reindex(frame.index).fillna("")
        code, title, capped = (f.format(column) for f in SIDE_BY_SIDE_GOAL)
        shown = change_table(closed)
        for header, values, empty in ((code, shown["Nieuw aansluitend doel (code)"], ""),
                                      (title, shown["Nieuw aansluitend doel"].fillna("").astype(str), ""),
                                      (capped, shown["Op één woord"], False)):
            frame[header] = pd.Series(dict(zip(ids, values))).reindex(frame.index, fill_value=empty)
        frame[capped] = frame[capped].astype(bool)
        extra[column] = (code, title, capped)
    frame[SIDE_BY_SIDE_COUNT] = (frame[columns] != "").sum(axis=1)
    frame["Id"] = frame.index
    frame = frame.reset_index(drop=True)
    frame.attrs["variants"] = columns  # the variant columns, in the transition's order
    frame.attrs["goals"] = extra
    return frame


def side_by_side_counts(side_by_side: "pd.DataFrame") -> dict[str, dict[str, int]]:
    """Per variant of :func:`closed_side_by_side`: the gaps it closes ("closed"), how many of them rest
    on one shared word ("capped") and how many no other variant closes ("only")."""
    only = closed_only_by(side_by_side, side_by_side.attrs["variants"])
    return {name: {"closed": int((side_by_side[name] != "").sum()),
                   "capped": int(side_by_side[capped].astype(bool).sum()),
                   "only": only[name]}
            for name, (_, _, capped) in side_by_side.attrs["goals"].items()}


def closed_only_by(side_by_side: "pd.DataFrame", variants: list[str]) -> dict[str, int]:
    """Per variant: the gaps it closes that no other variant of the table closes."""
    return {name: int(((side_by_side[name] != "") & (side_by_side[SIDE_BY_SIDE_COUNT] == 1)).sum())
            for name in variants}


def change_table(changes: "pd.DataFrame", receiving: DomainWord = DOMAIN) -> "pd.DataFrame":
    return _renamed(changes, {
        # Every pair that holds the goal: one row for a kerntaak two qualifications share.
        "Paar": lambda c: _col(c, "pairs", "").where(_col(c, "pairs", "") != "", _col(c, "pair")),
        "Code": _codes("code", "receiving_id"),
        "Doel": "title",
        receiving.title: "domain",
        "Status voor": "status_before",
        "Status na": "status_after",
        "Dekking voor": _cut("coverage_before"),
        "Dekking na": _cut("coverage_after"),
        # The new status rests on a link of goals that share one distinctive word (capped).
        "Op één woord": lambda c: _col(c, "capped", False).astype(bool),
        # The link that closes a gap or makes a goal covered (only the variant has it), or that
        # a gap which opens or a goal that is no longer covered loses.
        "Nieuw aansluitend doel (code)": _codes("gained_sending_code", "gained_sending_id"),
        "Nieuw aansluitend doel": "gained_sending_title",
        "Nieuw aansluitend doel (programma)": "gained_sending_programme",
        "Uitleg nieuwe koppeling": "gained_explanation",
        "Vervallen aansluitend doel (code)": _codes("lost_sending_code", "lost_sending_id"),
        "Vervallen aansluitend doel": "lost_sending_title",
        "Vervallen aansluitend doel (programma)": "lost_sending_programme",
        "Uitleg vervallen koppeling": "lost_explanation",
        "Id": "receiving_id",
        "Nieuw aansluitend doel (id)": "gained_sending_id",
        "Vervallen aansluitend doel (id)": "lost_sending_id",
    })


def comparison_domain_table(by_domain: "pd.DataFrame", receiving: DomainWord = DOMAIN) -> "pd.DataFrame":
    return _renamed(by_domain, {
        "Paar": "pair",
        receiving.title: "domain",
        "Dekkingsgraad voor": _share("share_before"),
        "Dekkingsgraad na": _share("share_after"),
        # The change as the HTML says it (+3 procentpunt): the shown shares' difference.
        "Verschil dekkingsgraad": lambda c: [shown_share_delta(b, a) for b, a in
                                             zip(_col(c, "share_before", None), _col(c, "share_after", None))],
        "Gemiddeld voor": _cut("mean_before"),
        "Gemiddeld na": _cut("mean_after"),
        "Hiaten voor": ("gaps_before", 0),
        "Hiaten na": ("gaps_after", 0),
    })


def comparison_summary_table(comparison: "Comparison", before: "pd.Series | None" = None,
                             after: "pd.Series | None" = None) -> "pd.DataFrame":
    """Totals before and after; ``before``/``after`` (the results' own summaries) replace the comparison's."""
    import pandas as pd

    s = comparison.summary
    if before is not None and after is not None:
        s = pd.DataFrame({"before": before, "after": after}).T
    out = s[_shown_keys(s)].rename(columns=SUMMARY_LABELS,
                         index={"before": "Basis (zonder variant)", "after": f"Variant: {comparison.name}"})
    out.index.name = "Situatie"
    return _cut_mean(out).reset_index()


def all_sources(result: "TransitionResult") -> "pd.DataFrame":
    """Every programme and syllabus that supplied goals, to the base or to a variant, each once.

    The one list of sources of the report: the HTML and the Excel file both show it.
    """
    import pandas as pd

    frames = [f for f in [result.sources, *(v.sources for v in result.variants.values())]
              if f is not None and len(f)]
    if not frames:
        return pd.DataFrame(columns=["title"])
    merged = pd.concat(frames, ignore_index=True)
    return merged.drop_duplicates(subset=["id" if "id" in merged else "title"]).reset_index(drop=True)


def report_folders(result: "TransitionResult", data: str | os.PathLike | None = None,
                   curricula: str | os.PathLike | None = None) -> list[Path]:
    """The folders a report names files relative to: the data folder and the curricula folder.

    Not given, they are found as ``load`` finds them; the curricula folder first from the
    definition file (``<curricula>/transitions/x.toml``).
    """
    from .._loading import find_curricula_folder, find_data_folder

    definition = (result.meta or {}).get("definition")
    if curricula is None and definition and Path(definition).resolve().parent.name == "transitions":
        curricula = Path(definition).resolve().parent.parent
    found = [data if data is not None else find_data_folder(),
             curricula if curricula is not None else find_curricula_folder()]
    return [Path(f).resolve() for f in found if f is not None]


def shown_file(file: object, folders: Iterable[Path]) -> str:
    """A file as a report sent to colleagues names it: relative to the data or curricula folder
    (``slo/syllabus/syllabus.json``, ``transitions/x.toml``), else by its name alone, never by
    this machine's absolute path."""
    if _blank(file) or not str(file).strip():
        return ""
    path = Path(str(file)).resolve()
    inside = [f for f in folders if path.is_relative_to(f)]
    if not inside:
        return path.name
    return path.relative_to(max(inside, key=lambda f: len(f.parts))).as_posix()


def sources_table(sources: "pd.DataFrame", folders: Iterable[Path] = ()) -> "pd.DataFrame":
    """The sources; files named by :func:`shown_file` (``folders``: :func:`report_folders`)."""
    folders = list(folders)
    return _renamed(sources, {
        "Programma": "title",
        "Uitgever": "publisher",
        "Versie": "version",
        "Ingangsdatum": lambda s: s["start_date"] if "start_date" in s else _col(s, "start date"),
        "Adres": "url",
        "Bestand": lambda s: [shown_file(f, folders) for f in _col(s, "file")],
    })
