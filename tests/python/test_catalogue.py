"""The Python package over the real data: loaders, queries, tables, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import aansluiting as a


def test_counts_equal_the_source_files(slo: a.Catalogue, data_dir: Path) -> None:
    ep = data_dir / "slo" / "examenprogramma"
    assert slo.count("programme") == len(json.loads((ep / "examenprogramma.json").read_text()))
    assert slo.count("eindterm") == len(json.loads((ep / "eindtermen.json").read_text()))
    specs = json.loads((data_dir / "slo" / "syllabus" / "specifieke_eindtermen.json").read_text())
    assert slo.count("specification") == len(specs)
    assert (slo.count("programme"), slo.count("eindterm"), slo.count("specification")) == (107, 2784, 3608)


def test_vmbo_tl_wiskunde_has_its_domains_and_eindtermen(slo: a.Catalogue) -> None:
    p = slo.find_programme("wiskunde", "vmbo tl")
    assert p.title == "Examenprogramma Wiskunde vmbo"
    assert "vmbo tl" in p.levels
    domains = [d.title for d in p.children()]
    assert "Algebraïsche verbanden" in domains and "Meetkunde" in domains
    tl = p.goals(kinds=["eindterm"], level="vmbo tl")
    every = p.goals(kinds=["eindterm"])
    assert 0 < len(tl) < len(every)
    assert all("vmbo tl" in g.levels for g in tl)
    algebra = [g for g in tl if g.code.startswith("WI/K/4/")]
    assert algebra and all(g.title.startswith("De kandidaat") for g in algebra)
    first = algebra[0]
    assert first.path_to_root()[-1] == p.root


@pytest.mark.parametrize("subject", ["wiskunde A", "wiskunde B"])
def test_havo_wiskunde_a_and_b(slo: a.Catalogue, subject: str) -> None:
    p = slo.find_programme(subject, "havo")
    assert p.title == f"Examenprogramma {subject[0].upper() + subject[1:]} havo"
    domains = p.children()
    assert any(d.title.startswith("Domein A") for d in domains)
    assert len(p.goals(kinds=["eindterm"])) > 5


def test_ambiguous_and_unknown_subjects_raise(slo: a.Catalogue) -> None:
    with pytest.raises(a.NotFoundError, match="ambiguous|Wiskunde"):
        slo.find_programme("wiskunde", "havo", kinds=["programme"])
    with pytest.raises(a.NotFoundError) as info:
        slo.find_programme("sterrenkunde", "havo")
    assert info.value.code == "no_programme_at_level"
    assert info.value.message_nl == ("geen programma voor vak 'sterrenkunde' op niveau 'havo'; de geladen "
                                     "programma's: 'aansluiting overzicht', of catalogus.to_pandas(\"programmes\")")
    with pytest.raises(ValueError, match="unknown level"):
        slo.find_programme("wiskunde", "groep 9")


def test_find_programme_takes_the_programme_a_user_means(slo: a.Catalogue) -> None:
    # An exam programme before its syllabi, and the one whose own record names the level:
    # the havo and vwo programmes share goals, so both reach both levels.
    assert slo.find_programme("Aardrijkskunde", "havo").title == "Examenprogramma Aardrijkskunde havo"
    assert slo.find_programme("Aardrijkskunde", "vwo").title == "Examenprogramma Aardrijkskunde vwo"
    # A full title is the way to name one programme, at a level it applies to.
    assert slo.find_programme("examenprogramma wiskunde b vwo", "vwo").title == "Examenprogramma Wiskunde B vwo"
    with pytest.raises(a.NotFoundError) as info:
        slo.find_programme("Examenprogramma Wiskunde B vwo", "havo")
    assert info.value.message_nl.endswith("bedoelt u een van deze? Examenprogramma Wiskunde B havo; "
                                          "Examenprogramma Wiskunde D havo; Examenprogramma Wiskunde A havo")
    # The vwo programme shares a goal with havo, which does not make it a havo programme.
    assert "Examenprogramma Aardrijkskunde vwo" not in [p.title for p in slo.find_programmes("aardrijkskunde", "havo")]
    # Still ambiguous when the user's words fit several programmes equally well.
    with pytest.raises(a.NotFoundError) as info:
        slo.find_programme("wiskunde", "havo")
    assert info.value.code == "ambiguous_subject_at_level"
    assert "Syllabus" not in info.value.message_nl


def test_a_programme_has_the_levels_of_its_own_goals(slo: a.Catalogue) -> None:
    """The preamble every vmbo programme lists applies to bb, kb, gl and tl; a gl/tl programme
    that contains it is still not a bb programme (a user test: a variant adding
    Informatietechnologie at vmbo bb silently added nothing)."""
    gltl = ["vmbo gl", "vmbo tl"]
    for title in ("Examenprogramma Informatietechnologie vmbo", "Examenprogramma Natuur- en scheikunde II vmbo"):
        programme = next(p for p in slo.programmes if p.title == title)
        assert programme.levels == gltl, title
        shared = [g for g in programme.goals() if len(g.parents()) > 1]
        assert any("vmbo bb" in x.levels for g in shared for x in g.subtree()), "the shared part does reach bb"
    assert slo.find_programme("Wiskunde", "vmbo bb").levels == ["vmbo bb", "vmbo kb", "vmbo gl", "vmbo tl"]
    with pytest.raises(a.NotFoundError) as info:
        slo.find_programme("Informatietechnologie", "vmbo bb")
    assert info.value.message_nl.endswith("het vak bestaat wel op: vmbo gl, vmbo tl")


def test_a_dossier_named_for_a_qualification_lists_its_qualifications(full: a.Catalogue) -> None:
    """A user test: receiving = ["Dienstverlening"] at mbo 2 silently became "Medewerker
    facilitaire dienstverlening" (part of its name); the dossier has three qualifications there."""
    kinds = ["programme", "qualification", "framework", "syllabus"]
    with pytest.raises(a.NotFoundError) as info:
        full.find_programme("Dienstverlening", "mbo 2", kinds=kinds)
    assert info.value.code == "dossier_not_qualification"
    names = info.value.message_nl.split(": ", 1)[1].split("; ")
    assert "Helpende Zorg en Welzijn" in names and "Medewerker facilitaire dienstverlening" in names
    assert all(full.find_programme(n, "mbo 2", kinds=kinds).title == n for n in names)
    # Without kinds the dossier itself is a programme that may be asked for.
    assert full.find_programme("Dienstverlening", "mbo 2").title == "Dienstverlening"
    # A dossier with no qualification at the level: where it does exist, not an empty list.
    with pytest.raises(a.NotFoundError) as info:
        full.find_programme("Dienstverlening", "mbo 4", kinds=kinds)
    assert info.value.code != "dossier_not_qualification" and not info.value.message_nl.endswith(": ")


def test_the_levels_a_subject_exists_at_are_those_of_the_programmes_it_names(full: a.Catalogue) -> None:
    # A user test: "Zorg en welzijn" at vmbo tl said it exists at "... mbo 2", because the
    # qualification Helpende Zorg en Welzijn contains the words.
    with pytest.raises(a.NotFoundError) as info:
        full.find_programme("Zorg en welzijn", "vmbo tl", kinds=["programme", "qualification"])
    assert info.value.code == "no_programme_at_other_levels"
    assert info.value.message_nl.endswith("het vak bestaat wel op: vmbo bb, vmbo kb, vmbo gl")


def test_an_unknown_subject_gets_suggestions(slo: a.Catalogue) -> None:
    # vmbo has no natuurkunde: it has nask1 and nask2.
    with pytest.raises(a.NotFoundError) as info:
        slo.find_programme("Natuurkunde", "vmbo tl")
    assert info.value.code == "no_programme_at_level_similar"
    assert info.value.message_nl == ("geen programma voor vak 'Natuurkunde' op niveau 'vmbo tl'; bedoelt u een van "
                                     "deze? Examenprogramma Natuur- en scheikunde I vmbo; "
                                     "Examenprogramma Natuur- en scheikunde II vmbo")
    # Nothing alike at this level, but the subject exists elsewhere.
    with pytest.raises(a.NotFoundError) as info:
        slo.find_programme("filosofie", "vmbo tl")
    assert info.value.code == "no_programme_at_other_levels"
    assert info.value.message_nl.endswith("het vak bestaat wel op: havo, vwo")


def test_goal_queries(slo: a.Catalogue) -> None:
    found = slo.find_code("WI/K/4/4a")
    assert len(found) == 1
    et = found[0]
    assert et.kind == "eindterm" and et.title.startswith("De kandidaat")
    assert slo.find_code("WI/K/4/3") == []
    assert slo[et.id] == et
    assert et.ancestors()[0].kind == "domain"
    assert et in et.parents()[0].children()
    specs = et.specified_by()
    assert all(s.kind == "specification" for s in specs)


def test_tables(slo: a.Catalogue) -> None:
    goals = slo.to_pandas()
    assert len(goals) == len(slo)
    assert {"id", "code", "title", "kind", "levels", "ce", "se", "parent_id"} <= set(goals.columns)
    assert (goals["kind"] == "eindterm").sum() == 2784
    edges = slo.to_pandas("edges")
    assert set(edges["kind"]) >= {"contains", "specifies", "at_level"}
    assert len(edges) == slo.num_edges
    progs = slo.to_pandas("programmes")
    assert "Examenprogramma Wiskunde B havo" in set(progs["title"])
    p = slo.find_programme("wiskunde B", "havo").to_pandas()
    assert p.iloc[0]["kind"] == "programme"
    with pytest.raises(ValueError):
        slo.to_pandas("nope")
    warnings = slo.to_pandas("warnings")
    assert len(warnings) == len(slo.warnings) == 72
    # Every warning has a message name and a Dutch text built from the same arguments.
    assert warnings["code"].str.len().gt(0).all()
    assert set(warnings["code"]) == {"slo.dangling_reference", "slo.references_outside_data"}
    dangling = warnings[warnings["code"] == "slo.dangling_reference"].iloc[0]
    assert "points to no record" in dangling["message"]
    assert "verwijst naar geen enkel record" in dangling["message_nl"]


def test_one_catalogue_holds_all_sources(full: a.Catalogue) -> None:
    assert full.count("programme") >= 107
    hzw = full.find_programme("Helpende Zorg en Welzijn", "mbo 2")
    assert hzw.kind == "qualification"
    assert hzw.goals(kinds=["kerntaak"]) and hzw.goals(kinds=["werkproces"])
    assert full.find_programmes("Technologie", "vmbo tl")
    # A qualification keeps its own level even though it shares kerntaken with level-4 ones.
    pmk = full.find_programme("Pedagogisch medewerker kinderopvang")
    assert pmk.levels == ["mbo 3"]
    assert not full.find_programmes("Pedagogisch medewerker kinderopvang", "mbo 4")
    # The programmes table gives a qualification's crebo (a user test: an advisor could not look one up),
    # and that number finds it again.
    progs = full.to_pandas("programmes").set_index("id")
    crebo = progs.loc[hzw.root.id, "code"]
    assert crebo.isdigit() and len(crebo) == 5
    assert full.find_programme(crebo).root == hzw.root


def test_bad_input_raises_input_error_with_position(tmp_path: Path) -> None:
    slo = tmp_path / "slo" / "examenprogramma"
    slo.mkdir(parents=True)
    (slo / "examenprogramma.json").write_text('[\n  {"id": "x", "title": "kapot"\n', encoding="utf-8")
    with pytest.raises(a.InputError) as info:
        a.load_slo(tmp_path / "slo")
    assert info.value.file.endswith("examenprogramma.json")
    assert info.value.line >= 1
    assert "examenprogramma.json" in str(info.value)
    assert info.value.code == "json.punctuation"
    assert info.value.detail_nl == ("ongeldige JSON: een komma, haakje, dubbele punt of sleutel ontbreekt "
                                    "of is te veel")


def test_missing_and_truncated_files(tmp_path: Path, data_dir: Path) -> None:
    with pytest.raises(a.InputError, match="not found|bestaat niet"):
        a.load_sbb(tmp_path / "nope.xml")
    src = (data_dir / "sbb" / "2755_Dienstverlening.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(src[: len(src) // 2])
    with pytest.raises(a.InputError) as info:
        a.load_sbb(cut)
    assert info.value.line > 1


def test_failed_load_leaves_catalogue_unchanged(slo: a.Catalogue, tmp_path: Path) -> None:
    cat = a.load_csv(Path(__file__).resolve().parents[2] / "curricula" / "programmes")
    before = (len(cat), cat.num_edges, len(cat.programmes))
    bad = tmp_path / "bad.xml"
    bad.write_text("<sbb><dossiers><dossier", encoding="utf-8")
    with pytest.raises(a.InputError):
        cat.load_sbb(bad)
    assert (len(cat), cat.num_edges, len(cat.programmes)) == before


def test_load_refuses_a_data_folder_without_slo_or_sbb(tmp_path: Path) -> None:
    (tmp_path / "syllabus").mkdir()  # an SLO folder given where its parent was meant
    with pytest.raises(FileNotFoundError, match="no slo/ or sbb/") as err:
        a.load(tmp_path, curricula=tmp_path)
    assert "geen map slo/ of sbb/" in err.value.message_nl  # a notebook user reads the Dutch note too


def test_load_without_any_data_folder_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AANSLUITING_DATA", raising=False)
    with pytest.raises(FileNotFoundError, match="no data folder found") as err:
        a.load()  # an empty catalogue would only fail later, at the first find_programme
    assert "AANSLUITING_DATA" in str(err.value) and str(tmp_path) in str(err.value)
    assert err.value.message_nl.startswith("geen datamap gevonden")
    assert any(n.startswith("In het Nederlands: geen datamap gevonden") for n in err.value.__notes__)


def test_the_installed_package_carries_the_curricula(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A notebook outside the project finds the shipped transitions and programmes (``pip install .`` copies them)."""
    from aansluiting._loading import PACKAGED_CURRICULA, find_curricula_folder

    repo = Path(__file__).resolve().parents[2] / "curricula"
    shipped = sorted(p.relative_to(repo) for p in repo.rglob("*") if p.is_file())
    installed = sorted(p.relative_to(PACKAGED_CURRICULA) for p in PACKAGED_CURRICULA.rglob("*") if p.is_file())
    assert installed == shipped
    assert all((PACKAGED_CURRICULA / p).read_bytes() == (repo / p).read_bytes() for p in shipped)

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AANSLUITING_CURRICULA", raising=False)
    assert find_curricula_folder() == PACKAGED_CURRICULA
    assert sorted(a.shipped_transitions()) == sorted(p.stem for p in (repo / "transitions").glob("*.toml"))


def test_a_programme_table_names_its_own_programme(slo: a.Catalogue) -> None:
    """The vmbo PREAMBULE goals are shared by many exam programmes: in a programme's table they sit in that programme.

    The root row carries the programme's levels: SLO's own record of Examenprogramma Wiskunde vmbo names
    only vmbo bb, its eindtermen all four leerwegen.
    """
    p = slo.find_programme("wiskunde", "vmbo tl")
    table = p.to_pandas()
    assert list(table["id"]) == [g.id for g in p.root.subtree()]
    assert set(table["root"]) == {p.title}
    assert table["parent_id"].iloc[1:].isin(set(table["id"])).all() and table["parent_id"].isna().iloc[0]
    shared = table[table["code"].str.startswith("PREAMBULE")]
    assert len(shared) == 48
    preambule = shared.iloc[0]
    assert preambule["parent_id"] == p.root.id
    assert preambule["position"] == [c.id for c in p.root.children()].index(preambule["id"])
    # The catalogue-wide table has each goal once: a shared goal sits in the programme that lists it first.
    goals = slo.to_pandas()
    assert set(goals.loc[shared.index, "root"]) == {"Examenprogramma Natuur- en scheikunde II vmbo"}
    assert p.root.levels == ["vmbo bb"]
    assert table.iloc[0]["levels"] == goals.loc[p.root.id, "levels"] == ", ".join(p.levels)
    assert p.levels == ["vmbo bb", "vmbo kb", "vmbo gl", "vmbo tl"]


def test_compare_levels_names_columns_by_the_canonical_level(slo: a.Catalogue) -> None:
    # The user's spelling ('vmbo GL') names the columns as a.parse_level does ('vmbo gl'), so
    # code written for one spelling works for the other and matches the rest of the package.
    given = a.compare_levels(slo, "vmbo GL", "Vmbo TL")
    canonical = a.compare_levels(slo, "vmbo gl", "vmbo tl")
    assert [c for c in given.columns if c.startswith("only_")] == ["only_vmbo gl", "only_vmbo tl"]
    assert given.equals(canonical)
    # One level twice (in any spelling) compares nothing and would name two columns alike.
    for b in ("vmbo gl", "VMBO GL"):
        with pytest.raises(ValueError, match="two different levels"):
            a.compare_levels(slo, "vmbo gl", b)
    with pytest.raises(ValueError, match="unknown level 'vmbo xx'"):
        a.compare_levels(slo, "vmbo xx", "vmbo xx")


def test_compare_levels_names_the_differing_goals_as_text(slo: a.Catalogue, tmp_path: Path) -> None:
    """A user test: ``differing`` held lists of Goal objects, which printed as a wall of text and did not
    go to CSV or Excel. Now codes and ids as text, one of each per differing goal."""
    table = a.compare_levels(slo, "vmbo bb", "vmbo kb")
    row = table[table["differing"].str.len() > 0].iloc[0]
    codes, ids = row["differing"].split("; "), row["differing_ids"].split("; ")
    assert len(codes) == len(ids) == row["only_vmbo bb"] + row["only_vmbo kb"]
    assert all(slo[i].code == c or slo[i].title == c for c, i in zip(codes, ids))
    table.to_csv(tmp_path / "leerwegen.csv")
    assert pd.read_csv(tmp_path / "leerwegen.csv")["differing"].fillna("").tolist() == table["differing"].fillna("").tolist()


def test_a_star_import_hides_no_builtin() -> None:
    # A notebook user's "from aansluiting import *" made warnings.warn("x", Warning) a TypeError.
    import builtins

    assert not set(a.__all__) & set(dir(builtins))
    assert all(hasattr(a, name) for name in a.__all__)
    assert a.Warning is not builtins.Warning  # still there by its full name


def test_an_error_shows_its_dutch_text_beneath_the_english(slo: a.Catalogue, tmp_path) -> None:
    """A user test: a notebook showed only the English message. str(e) stays English (the API);
    the Dutch text is a note, which tracebacks and Jupyter print beneath it."""
    import traceback

    with pytest.raises(a.NotFoundError) as info:
        slo.find_programme("Natuurkunde", "vmbo tl")
    assert info.value.__notes__ == [f"In het Nederlands: {info.value.message_nl}"]
    assert str(info.value).startswith("no programme for subject")
    shown = "".join(traceback.format_exception(info.value))
    assert "In het Nederlands: geen programma voor vak 'Natuurkunde'" in shown

    bad = tmp_path / "slo" / "basis"
    bad.mkdir(parents=True)
    (bad / "niveaus.json").write_text("[{", encoding="utf-8")
    with pytest.raises(a.InputError) as info:
        a.load_slo(tmp_path / "slo")
    assert info.value.__notes__ == [f"In het Nederlands: {info.value.detail_nl}"]
    with pytest.raises(a.InputError) as info:
        a.Transition.from_file(tmp_path / "bestaat-niet.toml")
    assert info.value.__notes__ == ["In het Nederlands: bestand niet gevonden"]


def test_loading_a_changed_file_again_warns_that_the_first_version_stays(tmp_path) -> None:
    """A user test: in a notebook, cat.load_csv(path) after editing the file kept the old titles
    without a word (only an entry in cat.warnings)."""
    source = Path(__file__).resolve().parents[2] / "curricula" / "programmes" / "technologie_en_toepassing.csv"
    path = tmp_path / "tt.csv"
    path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    cat = a.load_csv(path)
    domain = next(g for g in cat.find_programme("Technologie & Toepassing", "vmbo tl").goals() if g.kind == "domain")
    path.write_text(path.read_text(encoding="utf-8").replace(domain.title, "Nieuwe titel", 1), encoding="utf-8")
    with pytest.warns(UserWarning, match=r"tt\.csv.*already loaded.*load it into a new Catalogue"):
        cat.load_csv(path)
    assert cat[domain.id].title == domain.title  # the first version stays, as the warning says
    assert a.load_csv(path)[domain.id].title == "Nieuwe titel"
