"""What any correct analysis must show on the real programmes (each test names its source).

These are facts about the Dutch programmes, not about our numbers: a matcher
or threshold change that breaks one of them is a regression in substance.
"""

from __future__ import annotations

import pytest

import aansluiting as a

pytestmark = pytest.mark.slow


def run(full: a.Catalogue, sending_level: str, receiving_level: str, pairs, variants=()) -> a.TransitionResult:
    t = a.Transition(id="test", name="test", sending_level=sending_level, receiving_level=receiving_level,
                     pairs=[a.Pair(*p) for p in pairs], variants=list(variants))
    return t.analyse(full)


def test_derivatives_in_havo_wiskunde_b_are_gaps_from_vmbo_tl(full: a.Catalogue) -> None:
    # Source: Examenprogramma wiskunde B havo, domein D Toegepaste analyse (D2, D3: de afgeleide functie);
    # the vmbo wiskunde programme (domeinen K/4-K/8, V/1-V/4) has no differentiation at all.
    r = run(full, "vmbo tl", "havo", [("Wiskunde → wiskunde B", ["wiskunde"], ["wiskunde B"])])
    cov = r.coverage[r.coverage["leaf"]]
    derivatives = cov[cov["title"].str.contains("afgeleide functie")]
    assert len(derivatives) >= 2
    assert (derivatives["status_code"] == "gap").all(), derivatives[["code", "coverage", "best_sending_title"]]
    # ... while the vmbo work on relations, graphs and formulas does prepare something of domain B.
    domain_b = cov[cov["domain"].str.startswith("Domein B")]
    assert (domain_b["status_code"] != "gap").any()


def test_vmbo_tl_and_gl_share_the_general_programmes_almost_entirely(full: a.Catalogue) -> None:
    # Source: the vmbo exam programmes (SLO open data): one programme per subject for all
    # leerwegen; the eindtermen's levels say where they apply, and gl and tl take the same
    # general subjects at the same level (GLOSSARY: "The gl and tl diplomas have the same level").
    levels = a.compare_levels(full, "vmbo gl", "vmbo tl")
    general = levels[levels["both"] > 0]
    shared, total = general["both"].sum(), general[["only_vmbo gl", "only_vmbo tl", "both"]].sum().sum()
    assert total > 500
    assert shared / total > 0.9
    # Checked against an independent count of the leaves of one programme.
    bio = full.find_programme("biologie", "vmbo tl")
    gl = {g.id for g in a.leaves(bio, "vmbo gl")}
    tl = {g.id for g in a.leaves(bio, "vmbo tl")}
    row = levels[levels["programme_title"] == bio.title].iloc[0]
    assert (row["both"], row["only_vmbo gl"], row["only_vmbo tl"]) == (len(gl & tl), len(gl - tl), len(tl - gl))
    # The composition differs: gl takes a vocational profile subject, tl does not.
    zw = levels[levels["programme_title"].str.startswith("Zorg en welzijn")].iloc[0]
    assert zw["only_vmbo gl"] > 0 and zw["only_vmbo tl"] == 0 and zw["both"] == 0
    # The same holds for the transition to havo: gl instead of tl changes almost nothing.
    r = run(full, "vmbo tl", "havo",
            [("Biologie", ["biologie"], ["biologie"]), ("Economie", ["economie"], ["economie"])],
            [a.Variant("vmbo gl", "vmbo gl")])
    c = r.comparisons["vmbo gl"]
    leaves = r.summary["receiving_leaves"]
    assert len(c.closed) + len(c.opened) <= 0.15 * leaves


def test_helpende_zorg_en_welzijn_needs_more_than_the_general_subjects(full: a.Catalogue) -> None:
    # Source: SBB kwalificatiedossier Dienstverlening (2755), Helpende Zorg en Welzijn (crebo 25498):
    # its kerntaken (ondersteuning bij zorg en welzijn, huishoudelijke taken, activiteiten) are
    # vocational; the general vmbo subjects do not prepare them, the profile Zorg en welzijn does.
    general = ["Nederlandse taal", "Moderne vreemde talen Engels", "Wiskunde", "Maatschappijleer"]
    r = run(full, "vmbo kb", "mbo 2", [("algemeen", general, ["Helpende Zorg en Welzijn"])],
            [a.Variant("met Zorg en welzijn", None, ["Zorg en welzijn"])])
    cov = r.coverage[r.coverage["leaf"] & (r.coverage["kind"] == "werkproces")]
    assert len(cov) > 5
    by_kerntaak = cov.groupby("domain")["status_code"].apply(lambda s: (s == "gap").mean())
    assert (by_kerntaak == 1.0).any(), by_kerntaak  # a whole kerntaak without preparation
    assert (cov["status_code"] == "gap").mean() > 0.5
    with_zw = r.variants["met Zorg en welzijn"]
    assert with_zw.summary["gaps"] < r.summary["gaps"]


def test_a_practical_component_only_adds(full: a.Catalogue) -> None:
    # What-if (Technologie & Toepassing added to the sending side) can close gaps but never open one:
    # the other programmes' links do not change when a programme is added.
    r = run(full, "vmbo tl", "havo",
            [("Nask1 → natuurkunde", ["Natuur- en scheikunde I"], ["natuurkunde"]),
             ("Nederlands", ["Nederlandse taal"], ["Nederlandse taal en literatuur"])],
            [a.Variant("met T&T", None, ["Technologie & Toepassing"])])
    c = r.comparisons["met T&T"]
    assert c.opened.empty
    assert r.variants["met T&T"].summary["covered"] >= r.summary["covered"]


def test_every_link_is_explained(full: a.Catalogue) -> None:
    r = run(full, "vmbo tl", "havo", [("Economie", ["economie"], ["economie"])])
    supported = r.coverage[r.coverage["n_support"] > 0]
    assert len(supported) > 0
    assert supported["explanation"].str.len().gt(10).all()
