"""aansluiting.align on the real data: links, explanations, pandas, SSSOM, curation."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import aansluiting as a


@pytest.fixture(scope="module")
def pair(full: a.Catalogue):
    return full.find_programme("economie", "vmbo tl"), full.find_programme("economie", "havo")


@pytest.fixture(scope="module")
def links(pair) -> a.Alignment:
    vmbo, havo = pair
    return a.align(vmbo, havo, source_level="vmbo tl")


def test_align_returns_explained_skos_links(links: a.Alignment, pair) -> None:
    vmbo, havo = pair
    df = links.to_pandas()
    assert len(df) == len(links) > 10
    assert {"source_id", "target_id", "score", "predicate", "origin", "shared_terms", "explanation",
            "author", "mapping_date"} <= set(df.columns)
    assert (df["author"] == "").all() and (df["mapping_date"] == "").all()  # no curator decided these
    assert df["predicate"].isin(["skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch",
                                 "skos:relatedMatch"]).all()
    assert df["score"].between(0, 1).all()
    assert (df["origin"] == "automatic").all()
    # Every link says which words carried it, and those words occur in the two goals.
    assert df["explanation"].str.len().gt(0).all()
    sources = {g.id for g in a.leaves(vmbo, "vmbo tl")}
    targets = {g.id for g in a.leaves(havo)}
    assert set(df["source_id"]) <= sources and set(df["target_id"]) <= targets
    best = df.sort_values("score", ascending=False).iloc[0]
    first_term = best["shared_terms"].split(", ")[0].lower()
    assert first_term[:5] in (best["source_title"] + " " + best["target_title"]).lower()


def test_align_is_deterministic_and_threads_do_not_matter(pair) -> None:
    vmbo, havo = pair
    one = a.align(vmbo, havo, source_level="vmbo tl", threads=1).to_pandas()
    two = a.align(vmbo, havo, source_level="vmbo tl", threads=2).to_pandas()
    assert one.equals(two)


def test_one_to_one_selection(pair) -> None:
    vmbo, havo = pair
    df = a.align(vmbo, havo, source_level="vmbo tl", one_to_one=True).to_pandas()
    assert df["source_id"].is_unique and df["target_id"].is_unique


def test_progress_is_reported_and_an_error_in_it_cancels(pair) -> None:
    vmbo, havo = pair
    seen = []
    a.align(vmbo, havo, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]

    def stop(done, total):
        raise RuntimeError("gestopt")

    with pytest.raises(RuntimeError, match="gestopt"):
        a.align(vmbo, havo, progress=stop)


def test_sssom_output_passes_the_sssom_validator(links: a.Alignment, tmp_path: Path) -> None:
    path = tmp_path / "links.sssom.tsv"
    links.to_sssom(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the sssom package warns about its own dependencies (pandas 3)
        from sssom.parsers import parse_sssom_table
        from sssom.validators import validate

        msdf = parse_sssom_table(path)
        validate(msdf, fail_on_error=True)
    assert len(msdf.df) == len(links)
    assert set(msdf.df["predicate_id"]) <= {"skos:exactMatch", "skos:closeMatch", "skos:broadMatch",
                                              "skos:narrowMatch", "skos:relatedMatch"}


def test_curation_survives_reanalysis(full: a.Catalogue, links: a.Alignment, tmp_path: Path) -> None:
    df = links.to_pandas().sort_values("score", ascending=False)
    top, second = df.iloc[0], df.iloc[1]
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.reject(full[top["source_id"]], full[top["target_id"]], author="test", comment="niet hetzelfde")
    # A link the matcher did not make, confirmed by a curator.
    vmbo_goal = full[second["source_id"]]
    # A goal of the aligned havo list that the matcher did not link (a decision about a goal outside the
    # two lists changes nothing: test_curation's shared-file test).
    unrelated = next(g for g in a.leaves(full.find_programme("economie", "havo"))
                     if g.id not in set(df["target_id"]))
    cur.confirm(vmbo_goal, unrelated, predicate="relatedMatch", confidence=0.9)
    cur.save()
    assert path.read_text(encoding="utf-8").startswith("#")

    reread = a.Curation(full, path)
    assert len(reread) == 2
    curated = reread.apply(links).to_pandas()
    pair_of = lambda r: (r["source_id"], r["target_id"])  # noqa: E731
    rows = {pair_of(r): r for _, r in curated.iterrows()}
    assert rows[(top["source_id"], top["target_id"])]["origin"] == "rejected"
    assert rows[(vmbo_goal.id, unrelated.id)]["origin"] == "confirmed"
    # Who decided and when, as the file says (the rejection by "test", today; the confirmation by no one).
    assert rows[(top["source_id"], top["target_id"])]["author"] == "test"
    assert len(rows[(top["source_id"], top["target_id"])]["mapping_date"]) == 10
    assert rows[(vmbo_goal.id, unrelated.id)]["author"] == ""

    # Re-running the matcher (and the analysis) does not bring the rejected link back.
    again = a.align(full.find_programme("economie", "vmbo tl"), full.find_programme("economie", "havo"),
                    source_level="vmbo tl", curation=path).to_pandas()
    rejected = again[(again["source_id"] == top["source_id"]) & (again["target_id"] == top["target_id"])]
    assert (rejected["origin"] == "rejected").all()


def test_curation_file_errors_name_the_line(full: a.Catalogue, tmp_path: Path) -> None:
    bad = tmp_path / "kapot.sssom.tsv"
    bad.write_text("# curie_map:\n#   skos: http://www.w3.org/2004/02/skos/core#\nsubject_id\tpredicate_id\n"
                   "slo:x\tskos:closeMatch\textra\n", encoding="utf-8")
    with pytest.raises(a.InputError) as info:
        a.Curation(full, bad)
    assert info.value.file.endswith("kapot.sssom.tsv") and info.value.line >= 3


@pytest.fixture(scope="module")
def syllabus_pair(full: a.Catalogue):
    syllabus = next(p for p in full.programmes if p.root.title == "Syllabus Economie havo 2024")
    return syllabus, full.find_programme("economie", "havo")


def _linked_share(catalogue: a.Catalogue, alignment: a.Alignment) -> float:
    """Share of specifications whose best link is the eindterm CvTE links them to."""
    best = alignment.to_pandas().sort_values("score", ascending=False).drop_duplicates("source_id")
    hits = total = 0
    for source_id, target_id in zip(best["source_id"], best["target_id"]):
        gold = {g.id for g in catalogue[source_id].specifies()}
        if gold:
            total += 1
            hits += target_id in gold
    return hits / total


def test_matcher_options_change_the_matcher(full: a.Catalogue, syllabus_pair) -> None:
    syllabus, programme = syllabus_pair
    options = a.matcher_options()
    assert {"order", "temperature", "char_weight", "duplicate_share"} <= set(options.index)
    assert options["description"].str.len().gt(0).all()
    default = a.align(syllabus, programme)
    # Every default passed explicitly changes nothing: names and values reach the core as they are.
    explicit = a.align(syllabus, programme, options=options["default"].to_dict())
    assert default.to_pandas().equals(explicit.to_pandas())
    # Without the order model the syllabus loses the structure it shares with its programme.
    unordered = a.align(syllabus, programme, options={"order": False})
    assert default.order_weight > 0.5 and unordered.order_weight == 0
    # The order is measured only when the order model is on.
    assert -1 <= default.order_correlation <= 1 and unordered.order_correlation is None
    assert _linked_share(full, default) > _linked_share(full, unordered) + 0.1


@pytest.mark.parametrize(
    ("options", "message"),
    [({"temprature": 0.1}, "unknown matcher option 'temprature' (known: order, temperature"),
     ({"char_weight": 2}, "'char_weight' must lie in [0, 1], not 2"),
     ({"order": 0.5}, "'order' is a switch"),
     ({"char_weight": "veel"}, "'char_weight' needs a number or True/False, not 'veel'")],
)
def test_bad_matcher_options_are_refused(syllabus_pair, options, message) -> None:
    syllabus, programme = syllabus_pair
    with pytest.raises(ValueError) as info:
        a.align(syllabus, programme, options=options)
    assert message in str(info.value)


def _folded(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


@pytest.mark.parametrize("case", ["wiskunde", "hzw"])
def test_shared_terms_are_words_both_goals_have(full: a.Catalogue, case: str) -> None:
    """A shared term is written as it occurs in both goals, not as a compound that shares
    only a part with the other goal, or a function word inside one. Where the two goals write
    it as different words (a compound that shares a part), both are named, each as its goal
    writes it: a user test looked for "meetresultaten" in a havo goal that says
    "onderzoeksresultaten". A term that reaches a goal only through its headings is named
    apart, as context."""
    if case == "wiskunde":
        vmbo, havo = full.find_programme("wiskunde", "vmbo tl"), full.find_programme("wiskunde B", "havo")
        df = a.align(vmbo, havo, source_level="vmbo tl").to_pandas()
    else:
        df = a.shipped_transitions()["vmbo-kb-mbo2-hzw"].analyse(full, with_variants=False).alignment.to_pandas()
    assert len(df) > 20

    def text(goal_id: str, headings: bool) -> str:
        g = full.goal(goal_id)
        above = [x.title for x in g.ancestors()[:3]] if headings else []
        return _folded(" ".join([g.title, g.description or ""] + above)).replace("\u2019", "'")

    def stem(term: str) -> str:
        return _folded(term)[:max(4, len(term) - 3)].replace("\u2019", "'")  # vaardigheden / vaardigheid

    def found(term: str, texts: tuple[str, str]) -> bool:
        forms = term.split("/")
        if len(forms) == 2:  # one form in each goal
            return any(stem(forms[0]) in x and stem(forms[1]) in y for x, y in (texts, texts[::-1]))
        return all(stem(term) in t for t in texts)

    missing, context_only, pairs = [], 0, 0
    for row in df.itertuples():
        own = text(row.source_id, False), text(row.target_id, False)
        for term in filter(None, row.shared_terms.split(", ")):
            pairs += "/" in term
            if not found(term, own):
                missing.append((row.source_code, row.target_code, term))
        with_headings = text(row.source_id, True), text(row.target_id, True)
        for term in filter(None, row.context_terms.split(", ")):
            context_only += 1
            if not found(term, with_headings):
                missing.append((row.source_code, row.target_code, term))
            assert "via de bovenliggende titels: " in row.explanation
    # Before: "hierboven" (shared "hier" with "hierover"), "onderzoeken" ("onder" in "waaronder"),
    # "terugplaatsen", "verwerkte" (parts of compounds) in 36 of 62 links; and "examenprogramma"
    # named as shared by two eindtermen whose texts do not have it.
    assert missing == []
    assert context_only > 0
    if case == "hzw":  # werkprocessen and vmbo goals often share a part of a compound
        assert pairs > 20


def test_the_text_similarity_in_an_explanation_never_reaches_a_threshold_the_score_misses(full: a.Catalogue) -> None:
    import math
    import re

    # A transition's link score is its text similarity (no order model there); the report
    # says "deels gedekt vanaf 0,25", so 0.249 must not read "tekstovereenkomst 0,25".
    result = a.shipped_transitions()["vmbo-kb-mbo2-hzw"].analyse(full, with_variants=False)
    links = result.pairs[0].alignment.to_pandas()
    # A link sharing one word of its own is capped at 0,25 ("tekstovereenkomst 0,31, begrensd op 0,25: ...").
    shown = [(score, re.search(r"tekstovereenkomst (\d+,\d\d)(?:, begrensd op (\d+,\d\d))?", text)) for score, text in
             zip(links["score"], links["explanation"])]
    capped = [(score, m) for score, m in shown if m and m[2]]
    assert capped and all(score == 0.25 and float(m[1].replace(",", ".")) > 0.25 for score, m in capped)
    shown = [(score, float((m[2] or m[1]).replace(",", "."))) for score, m in shown if m]
    assert len(shown) > 500
    assert all(value == math.floor(score * 100 + 1e-9) / 100 for score, value in shown)
    assert any(round(score, 2) != value for score, value in shown)  # some would have been rounded up


def test_a_werkproces_title_is_not_drowned_by_its_description(full: a.Catalogue) -> None:
    """Two user tests: a werkproces is a short title over 3,000 characters of description, result and
    behaviour, and "Ondersteunt de cliënt bij de persoonlijke verzorging" did not find the vmbo goal
    "Ondersteunen bij persoonlijke verzorging" (another goal came first). The title now counts once
    more (title_weight); without it the same call still ranks another goal first."""
    werkproces = full["sbb:4156/B1-K1-W2"]
    assert len(werkproces.description) > 2000
    zorg = full.find_programme("Zorg en welzijn", "vmbo gl")

    def best(**options):
        links = a.align(zorg, [werkproces], source_level="vmbo gl", options=options).to_pandas()
        return links.sort_values("score", ascending=False).iloc[0]

    assert best()["source_code"] == "P/ZW/4.2"
    assert best(title_weight=0.0)["source_code"] != "P/ZW/4.2"
    # Goals with one text (every SLO eindterm and specification) are unchanged.
    syllabus = full.find_programme("Syllabus Wiskunde A 2024", "havo")
    eindtermen = full.find_programme("wiskunde A", "havo")
    with_title = a.align(syllabus, eindtermen, options={"order": False}).to_pandas()
    without = a.align(syllabus, eindtermen, options={"order": False, "title_weight": 0.0}).to_pandas()
    assert with_title[["source_id", "target_id"]].equals(without[["source_id", "target_id"]])
    assert with_title["score"].tolist() == pytest.approx(without["score"].tolist())
