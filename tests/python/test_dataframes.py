"""The result tables as a notebook user works with them, on the real data (a user test).

Columns of object dtype that mixed None and NaN broke ordinary pandas (round, nlargest, describe,
a boolean mask); status and pair sorted alphabetically in groupby and crosstab; a programme's goal
table could not be reset_index()'ed; a curation file exported from a result counted the matcher's
links as decisions in len() and to_pandas().
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import aansluiting as a
from aansluiting.transition import Transition
from report_case import TRANSITIONS, analysed

STATUSES = ["gedekt", "deels gedekt", "hiaat"]
STATUS_CODES = ["covered", "partly", "gap"]
CHANGES = ("closed", "opened", "improved", "worsened")


@pytest.fixture(scope="module")
def result(full: a.Catalogue):
    """vmbo gl → havo 4: ten pairs, and variants whose closed gaps lose no link (lost_* all missing)."""
    return analysed(full, TRANSITIONS / "vmbo-gl-havo4.toml")


def _tables(result):
    """Every table of a result, by name."""
    for name in ("coverage", "gaps", "overlaps", "by_domain", "domain_matrix", "continuations", "sources"):
        yield name, getattr(result, name)
    for variant, c in result.comparisons.items():
        for name in (*CHANGES, "by_domain", "new_nowhere", "sending_only_base", "sending_only_variant"):
            yield f"{variant}: {name}", getattr(c, name)


def test_no_table_has_a_column_of_object_dtype_or_a_none(result) -> None:
    for name, table in _tables(result):
        assert [c for c in table.columns if table[c].dtype == object] == [], name
        for column in table.columns:
            assert not any(v is None for v in table[column]), (name, column)


def test_the_candidate_columns_work_with_ordinary_pandas(result) -> None:
    """The user's calls: round, nlargest, describe on candidate_score; the candidate's text missing as NaN."""
    gaps = result.gaps
    assert gaps["candidate_score"].dtype == "float64"
    assert gaps["candidate_score"].notna().any() and gaps["candidate_score"].isna().any()
    rounded = gaps["candidate_score"].round(2)
    assert rounded.isna().equals(gaps["candidate_score"].isna())
    top = gaps.nlargest(3, "candidate_score")
    assert len(top) == 3 and top["candidate_score"].is_monotonic_decreasing
    assert "candidate_score" in gaps.describe().columns
    for column in ("candidate_sending_id", "candidate_sending_code", "candidate_sending_title",
                   "candidate_explanation"):
        assert pd.api.types.is_string_dtype(gaps[column]), column
        assert gaps[column].isna().equals(gaps["candidate_score"].isna()), column
    # The text columns filter like any other: a missing candidate is no match.
    found = gaps[gaps["candidate_sending_code"].str.startswith("BI")]
    assert found["candidate_score"].notna().all()


def test_a_link_flag_is_a_nullable_boolean_that_masks(result) -> None:
    coverage = result.coverage
    assert coverage["best_capped"].dtype == "boolean"
    assert coverage["best_capped"].isna().equals(coverage["best_sending_id"].isna())
    capped = coverage[coverage["best_capped"]]  # no link: not capped
    assert len(capped) == coverage["best_capped"].fillna(False).sum() > 0
    assert len(result.gaps[result.gaps["best_capped"]]) == result.gaps["best_capped"].fillna(False).sum()
    for flag in ("leaf", "ce", "se", "kern", "keuze"):
        assert coverage[flag].dtype == bool, flag
    for c in result.comparisons.values():
        for name in CHANGES:
            table = getattr(c, name)
            assert table["capped"].dtype == bool, name
            assert table["gained_capped"].dtype == table["lost_capped"].dtype == "boolean", name
            assert len(table[table["lost_capped"]]) == table["lost_capped"].fillna(False).sum()
            for column in ("lost_sending_id", "lost_sending_code", "lost_sending_title", "lost_sending_programme",
                           "lost_explanation"):
                assert pd.api.types.is_string_dtype(table[column]), (name, column)
    # The case of the user test: closed gaps that lose no link (every lost_* missing).
    closed = result.comparisons["met Technologie & Toepassing"].closed
    assert len(closed) and closed["lost_sending_id"].isna().all() and closed["lost_capped"].isna().all()
    # A bare code ("D2") comes with the programme that has it.
    assert closed["gained_sending_programme"].str.startswith("Technologie & Toepassing").all()


def test_an_empty_change_table_has_the_types_of_a_full_one(result) -> None:
    empty = 0
    for c in result.comparisons.values():
        tables = [getattr(c, name) for name in CHANGES]
        empty += sum(len(t) == 0 for t in tables)
        assert all(list(t.dtypes) == list(tables[0].dtypes) for t in tables), c.name
        assert c.new_nowhere["best_score"].dtype == "float64"
    assert empty > 0  # otherwise this test says nothing


def test_status_is_ordered_from_covered_to_gap(result) -> None:
    coverage = result.coverage
    assert coverage["status"].dtype == pd.CategoricalDtype(STATUSES, ordered=True)
    assert coverage["status_code"].dtype == pd.CategoricalDtype(STATUS_CODES, ordered=True)
    assert list(coverage.groupby("status", observed=True).size().index) == STATUSES
    assert list(pd.crosstab(coverage["pair"], coverage["status"]).columns) == STATUSES
    assert list(coverage.pivot_table(index="status_code", values="coverage", observed=True).index) == STATUS_CODES
    # Ordered: "worse than covered" is a comparison, and it agrees with the codes.
    assert (coverage["status"] > "gedekt").equals(coverage["status_code"] != "covered")
    assert (result.gaps["status"] == "hiaat").all()
    for c in result.comparisons.values():
        for name in CHANGES:
            for column in ("status_before", "status_after"):
                assert getattr(c, name)[column].dtype == coverage["status"].dtype, (name, column)


def test_pair_is_text_in_the_order_of_the_definition(result) -> None:
    """pair is text, so that it joins other text as a label (a Categorical would not), and the rows
    come in the order of the definition, which groupby(sort=False) keeps."""
    names = [p.name for p in result.pairs]
    assert names != sorted(names)  # alphabetical order would pass unnoticed
    for name, table in _tables(result):
        if "pair" in table:
            assert pd.api.types.is_string_dtype(table["pair"]), name
    assert list(result.coverage.groupby("pair", sort=False).size().index) == names
    assert list(result.by_domain.groupby("pair", sort=False)["gaps"].sum().index) == names
    labels = result.gaps["domain"] + " (" + result.gaps["pair"] + ")"
    assert labels.notna().all()


def test_the_plots_and_the_report_take_the_typed_tables(result, tmp_path: Path) -> None:
    """The plots join pair and domain names into labels (a heatmap of all pairs at once); gap bars
    per pair keep the pair order."""
    from matplotlib.figure import Figure

    from aansluiting import plots, report

    assert pd.api.types.is_string_dtype(result.domain_matrix["pair"])
    ax = plots.domain_heatmap(result.domain_matrix, "alle paren", ax=Figure().add_subplot())
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert any(label.startswith(f"{result.pairs[0].name}: ") for label in rows)
    ax = plots.gap_bars(result.gaps, "hiaten", ax=Figure().add_subplot(), by="pair")
    shown = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert shown == [p.name for p in result.pairs if (result.gaps["pair"] == p.name).any()]
    result.plot_heatmap(ax=Figure().add_subplot())
    result.plot_gaps(ax=Figure().add_subplot())
    report.write_xlsx(result, tmp_path / "rapport.xlsx")
    status = pd.read_excel(tmp_path / "rapport.xlsx", sheet_name="Dekking")["Status"]
    assert status.value_counts().to_dict() == {
        k: v for k, v in result.summary[["covered", "partly", "gaps"]].set_axis(STATUSES).items() if v}
    html = report.render_html(result)
    assert "Hiaten die de variant sluit" in html


@pytest.mark.parametrize("table", ["programme", "catalogue"])
def test_a_goal_table_is_indexed_by_id_and_resets(full: a.Catalogue, table: str) -> None:
    """A user test: df.reset_index() raised "cannot insert id, already exists"."""
    df = full.find_programme("wiskunde", "vmbo tl").to_pandas() if table == "programme" else full.to_pandas()
    goal = df["id"].iloc[3]
    assert df.loc[goal, "code"] == df["code"].iloc[3]  # by id, as before
    flat = df.reset_index()
    assert list(flat["id"]) == list(df["id"]) == list(df.index)
    assert df.sort_values("id")["id"].is_monotonic_increasing
    assert len(df.merge(df[["id"]].head(5), on="id")) == 5
    assert pd.api.types.is_string_dtype(df["parent_id"]) and df["parent_id"].isna().any()


# The goals of the user guide's example (docs/gebruikershandleiding.md, chapter 8), as in test_curation.
VMBO_CODE, HAVO_CODE, OTHER_CODE = "WI/V/1/12b", "WI/B/H/DomeinB/B1/4", "WI/K/7/10a"


def test_a_file_exported_from_a_result_holds_its_decisions_and_other_rows_apart(full: a.Catalogue,
                                                                               tmp_path: Path) -> None:
    """A user test: on a file written by r.to_sssom(...) the repr said "2 decisions ... 4493 other rows",
    while len() was 4495 and to_pandas() ("one row per decision") returned 4495 rows."""
    vmbo, havo, other = (full.find_code(code)[0] for code in (VMBO_CODE, HAVO_CODE, OTHER_CODE))
    decisions = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, decisions)
    cur.confirm(vmbo, havo, comment="formules en functies hanteren")
    cur.reject(other, havo, comment="alleen dezelfde woorden")
    cur.save()
    transition = Transition.from_dict({
        "name": "vmbo tl → havo 4 (wiskunde B)", "sending_level": "vmbo tl", "receiving_level": "havo",
        "options": {"receiving_exam": ["CE", "SE"], "curation": str(decisions)},
        "pair": [{"name": "Wiskunde → wiskunde B", "sending": ["Wiskunde"], "receiving": ["Wiskunde B"]}],
    })
    export = tmp_path / "export.sssom.tsv"
    transition.analyse(full, with_variants=False).to_sssom(export)

    c = a.Curation(full, export)
    others = c.other_rows()
    assert repr(c).endswith(f"2 decisions: 1 confirmed, 1 rejected, {len(others)} other rows>")
    assert len(others) > 100
    table = c.to_pandas()
    assert len(c) == len(table) == 2
    assert set(zip(table["source_id"], table["target_id"], table["rejected"])) == {
        (vmbo.id, havo.id, False), (other.id, havo.id, True)}
    assert list(others.columns) == list(table.columns)
    assert not others["mapping_justification"].isin(table["mapping_justification"]).any()
    assert len(c._columns()["subject_id"]) == len(c) + len(others)  # the file's every row is still read
