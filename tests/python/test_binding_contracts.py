"""Contracts of the pybind11 layer on the real data: errors raised in a progress
callback are not lost, a curation only applies to its own catalogue's links,
goals compare with anything, and a list of goals is filtered like a programme."""

from __future__ import annotations

import pytest

import aansluiting as a
from aansluiting import _core


class Stop(Exception):
    pass


def _stop_when_done(done: int, total: int) -> None:
    # The core reports its last step after its last cancel check: the error must still come through.
    if done == total:
        raise Stop(f"{done} van {total}")


@pytest.fixture(scope="module")
def economie(full: a.Catalogue) -> tuple[a.Programme, a.Programme]:
    return full.find_programme("economie", "vmbo tl"), full.find_programme("economie", "havo")


def test_an_error_in_the_last_progress_call_of_a_transition_is_raised(full, economie) -> None:
    vmbo, havo = economie
    args = (full, a.text_analyser(full), [vmbo.root], [havo.root])
    seen = []
    _core._run_transition(*args, sending_level="vmbo tl", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(Stop):
        _core._run_transition(*args, sending_level="vmbo tl", progress=_stop_when_done)


def test_an_error_in_the_last_progress_call_of_an_alignment_is_raised(economie) -> None:
    # The join reports (total, total) after its last cancel check too (and often once before it).
    vmbo, havo = economie
    with pytest.raises(Stop):
        a.align(vmbo, havo, source_level="vmbo tl", progress=_stop_when_done)


def test_a_curation_applies_only_to_links_of_its_own_catalogue(full, slo, economie) -> None:
    vmbo, havo = economie
    links = a.align(vmbo, havo, source_level="vmbo tl")
    # The same decision on the catalogue the links come from works.
    own = a.Curation(full)
    source, target = a.leaves(vmbo, "vmbo tl")[0], a.leaves(havo)[-1]
    own.confirm(source, target)
    rows = own.apply(links).to_pandas()
    confirmed = rows[(rows["source_id"] == source.id) & (rows["target_id"] == target.id)]
    assert list(confirmed["origin"]) == ["confirmed"]

    # A curation of another (here: smaller) catalogue would put its vertex numbers on these links.
    other = a.Curation(slo)
    other.confirm(slo[source.id], slo[target.id])
    with pytest.raises(ValueError, match="catalogue this curation file was opened with"):
        other.apply(links)
    # And the other way round: the larger catalogue's vertices lie outside the smaller one.
    sbb = [p.root for p in full.programmes if p.root.vertex >= slo.num_goals]
    assert sbb, "the full catalogue holds more than the SLO data"
    own.confirm(sbb[0], sbb[0].children()[0])
    small = a.align(slo.find_programme("economie", "vmbo tl"), slo.find_programme("economie", "havo"),
                    source_level="vmbo tl")
    with pytest.raises(ValueError, match="catalogue this curation file was opened with"):
        own.apply(small)
    with pytest.raises(ValueError, match="catalogue this curation file was opened with"):
        a.align(slo.find_programme("economie", "vmbo tl"), slo.find_programme("economie", "havo"), curation=own)


def test_a_goal_compares_with_anything(full, slo, economie) -> None:
    goal = a.leaves(economie[0])[0]
    same = full[goal.id]
    assert goal is not same and goal == same and hash(goal) == hash(same)
    assert {goal: 1}[same] == 1
    assert goal != None  # noqa: E711 (the operator itself is under test)
    assert not (goal == None)  # noqa: E711
    assert goal != goal.id and goal != 0
    assert None not in [goal]
    assert goal in [None, "x", same]
    assert goal not in [None, economie[0].root]
    # The same id in another catalogue is another goal.
    assert slo[goal.id] != goal and slo[goal.id] == slo[goal.id]


@pytest.fixture(scope="module")
def wiskunde(full: a.Catalogue) -> a.Programme:
    return full.find_programme("wiskunde", "vmbo tl")


def test_a_list_of_goals_is_filtered_by_level_and_exam_like_a_programme(wiskunde) -> None:
    goals = a.leaves(wiskunde)
    ids = lambda gs: [g.id for g in gs]  # noqa: E731
    assert ids(a.leaves(goals)) == ids(goals) and len(goals) == 31
    tl = a.leaves(wiskunde, "vmbo tl")
    ce = a.leaves(wiskunde, exam=["CE"])
    assert 0 < len(tl) < len(goals) and 0 < len(ce) < len(goals)
    assert ids(a.leaves(goals, "vmbo tl")) == ids(tl)
    assert ids(a.leaves(goals, exam=["CE"])) == ids(ce)
    assert ids(a.leaves(goals, "vmbo tl", ["CE"])) == ids(a.leaves(wiskunde, "vmbo tl", ["CE"]))
    # A goal above the leaves stands for its leaves, as a programme does.
    assert ids(a.leaves([wiskunde.root], "vmbo tl")) == ids(tl)
    assert a.leaves([]) == []
    for bad in (wiskunde, goals):
        with pytest.raises(ValueError, match="nonsense"):
            a.leaves(bad, "nonsense")
        with pytest.raises(ValueError, match="nonsense"):
            a.leaves(bad, exam=["nonsense"])


def test_align_filters_a_list_of_goals_by_its_level(full, wiskunde) -> None:
    havo = full.find_programme("wiskunde B", "havo")
    from_programme = a.align(wiskunde, havo, source_level="vmbo tl").to_pandas()
    from_list = a.align(a.leaves(wiskunde), a.leaves(havo), source_level="vmbo tl").to_pandas()
    assert from_list.equals(from_programme)
    assert set(from_list["source_id"]) <= {g.id for g in a.leaves(wiskunde, "vmbo tl")}
    with pytest.raises(ValueError, match="nonsense"):
        a.align(a.leaves(wiskunde), havo, source_level="nonsense")


def test_the_checks_of_a_transition_come_from_the_core(full, economie) -> None:
    """_check_sides and the unapplied decisions ask the core (transition/run_checks.hpp)."""
    vmbo, havo = economie
    analyser = a.text_analyser(full)
    run = _core._run_transition(full, analyser, [vmbo.root], [havo.root], sending_level="vmbo tl",
                                receiving_level="havo")
    assert _core._side_without_goals(run) is None
    # The havo programme at vmbo tl: nothing to receive.
    empty = _core._run_transition(full, analyser, [vmbo.root], [havo.root], sending_level="vmbo tl",
                                  receiving_level="vmbo tl")
    assert _core._side_without_goals(empty) == "receiving"
    assert _core._unapplied_decisions([run, empty]) == []
    with pytest.raises(ValueError, match="None"):
        _core._unapplied_decisions([run, None])


def test_goals_at_a_level_and_edge_kinds_are_parsed_in_the_core(full) -> None:
    wiskunde = full.find_programme("wiskunde", "vmbo tl")
    eindtermen = wiskunde.goals(kinds=["eindterm"])
    assert eindtermen and wiskunde.goals(kinds=["eindterm"], level="havo") == []
    # A domain names no level: it applies at every level.
    assert wiskunde.goals(kinds=["domain"], level="havo") == wiskunde.goals(kinds=["domain"])
    # Kinds are checked before the level.
    with pytest.raises(ValueError, match="unknown goal kind"):
        wiskunde.goals(kinds=["nope"], level="nope")
    assert full.count_edges("contains") > 0
    with pytest.raises(ValueError, match="unknown edge kind 'Contains'"):
        full.count_edges("Contains")
    assert _core.goal_kinds()[0] == "programme" and _core.goal_kinds()[-1] == "level"


def test_a_wrong_argument_says_in_dutch_what_is_accepted(full, slo, economie) -> None:
    """A user test: a confidence of 1.5, an unknown matcher option or level gave an English ValueError only,
    where the user guide (§9) promises a line "In het Nederlands:" under every error of aansluiting."""
    import pandas as pd

    vmbo, havo = economie
    sending, receiving = vmbo.goals(kinds=["eindterm"])[0], havo.goals(kinds=["eindterm"])[0]
    curation = a.Curation(full)
    small = a.align(slo.find_programme("economie", "vmbo tl"), slo.find_programme("economie", "havo"),
                    source_level="vmbo tl")
    no_links = a.TransitionResult("t", "t", "", "vmbo tl", "havo", [], pd.DataFrame())
    gaps = pd.DataFrame({"domain": ["A"], "pair": ["Economie"]})
    cases = [
        (lambda: a.align(vmbo, havo, options={"temperature": "0,1"}), "argument.matcher_option_not_a_number",
         "instelling 'temperature' van de koppelaar moet een getal of True/False zijn, niet '0,1' (schrijf een "
         "decimale punt"),
        (lambda: a.align([], havo), "argument.no_goals", "een lege lijst van doelen kan niet gekoppeld worden"),
        (lambda: a.align(vmbo, [slo[receiving.id]]), "argument.goals_of_different_catalogues",
         "doelen uit verschillende catalogi kunnen niet samen gebruikt worden"),
        (lambda: full.to_pandas("doelen"), "argument.unknown_table",
         "onbekende tabel 'doelen'; kies uit goals, edges, programmes, warnings"),
        (lambda: a.transition.compare_levels(full, "vmbo tl", "vmbo TL"), "argument.same_level_twice",
         "compare_levels vraagt twee verschillende niveaus, niet twee keer 'vmbo tl'"),
        (lambda: a.plots.gap_bar_count(gaps, by="vak"), "argument.unknown_bar_grouping",
         "by moet 'domain' of 'pair' zijn, niet 'vak'"),
        (lambda: no_links.alignment, "result.without_links", "dit resultaat bevat geen koppelingen"),
        (lambda: curation.save(), "argument.curation_without_file",
         "deze curatie heeft nog geen bestand: geef een pad, bijvoorbeeld save(\"beslissingen.tsv\")"),
        (lambda: curation.confirm(slo[sending.id], receiving), "argument.goal_of_other_catalogue",
         "de doelen moeten komen uit de catalogus waarmee dit curatiebestand geopend is"),
        (lambda: curation.apply(small), "argument.alignment_of_other_catalogue",
         "de koppelingen moeten komen uit de catalogus waarmee dit curatiebestand geopend is"),
        (lambda: curation.confirm(sending, receiving, confidence=1.5), "argument.confidence_out_of_range",
         "de zekerheid (confidence) moet een getal van 0 tot en met 1 zijn, niet 1.5"),
        (lambda: curation.confirm(sending, sending), "argument.self_link",
         "een doel kan niet aan zichzelf gekoppeld worden"),
        (lambda: curation.confirm(sending, receiving, predicate="gelijk"), "argument.unknown_predicate",
         "onbekende relatie 'gelijk' (gebruik skos:exactMatch"),
        (lambda: a.align(vmbo, havo, options={"temprature": 0.1}), "argument.unknown_matcher_option",
         "onbekende instelling van de koppelaar 'temprature' (bekend: order, temperature"),
        (lambda: a.align(vmbo, havo, options={"order": 0.5}), "argument.matcher_option_is_switch",
         "instelling 'order' van de koppelaar is een schakelaar: gebruik True of False"),
        (lambda: a.align(vmbo, havo, source_level="vmbo xx"), "argument.unknown_level",
         "onbekend niveau 'vmbo xx' (bijvoorbeeld 'vmbo tl'"),
        (lambda: vmbo.goals(kinds=["eindtermen"]), "argument.unknown_goal_kind",
         "onbekende soort doel 'eindtermen' (bekend: programme, domain"),
        (lambda: full.count_edges("Contains"), "argument.unknown_edge_kind", "onbekende soort verbinding 'Contains'"),
    ]
    for call, code, dutch in cases:
        with pytest.raises(ValueError) as info:
            call()
        assert info.value.code == code
        assert info.value.message_nl.startswith(dutch), info.value.message_nl
        assert info.value.__notes__ == [f"In het Nederlands: {info.value.message_nl}"]
        assert not isinstance(info.value, a.InputError)  # not about a file


def test_an_argument_of_the_wrong_type_says_in_dutch_what_is_accepted(full, economie) -> None:
    """A user test: a subject's name for a programme, a path for a catalogue gave an English
    AttributeError or pybind11's list of overloads: a TypeError says what is accepted, in Dutch too."""
    from aansluiting.transition import Transition

    vmbo, havo = economie
    transition = Transition.from_dict({
        "name": "economie", "sending_level": "vmbo tl", "receiving_level": "havo",
        "pair": [{"name": "Economie", "sending": ["Economie"], "receiving": ["Economie"]}]})
    cases = [
        (lambda: a.align("Economie", havo), "argument.not_goals", "find_programme",
         "align() verwacht programma's, doelen of lijsten van doelen, niet str: zoek een programma op met "
         "catalogus.find_programme(vak, niveau)"),
        (lambda: a.leaves(["Economie"]), "argument.not_goals", "not a list with a str in it",
         "leaves() verwacht programma's, doelen of lijsten van doelen, niet een list met een str erin"),
        (lambda: a.Curation("x.tsv"), "argument.curation_arguments", 'Curation(catalogue, "beslissingen.tsv")',
         'Curation() verwacht een catalogus en eventueel het pad van een curatiebestand, bijvoorbeeld '
         'Curation(catalogus, "beslissingen.tsv"), niet Curation(str)'),
        (lambda: a.Curation(full).confirm(a.leaves(vmbo)[0], 42), "argument.not_a_goal", "not int",
         "confirm() verwacht een doel, de id van een doel (zoals in de kolom Id) of een CURIE"),
        (lambda: transition.analyse("cat"), "argument.not_a_catalogue", "aansluiting.load(",
         "analyse() verwacht een catalogus, niet str"),
    ]
    for call, code, english, dutch in cases:
        with pytest.raises(TypeError) as info:
            call()
        assert info.value.code == code
        assert english in str(info.value)
        assert info.value.message_nl.startswith(dutch), info.value.message_nl
        assert info.value.__notes__ == [f"In het Nederlands: {info.value.message_nl}"]
