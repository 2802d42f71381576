"""The shipped transition definitions (curricula/transitions/*.toml) parse and name real programmes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import aansluiting
from report_case import TRANSITIONS

FILES = sorted(TRANSITIONS.glob("*.toml"))
REQUIRED = ("id", "name", "description", "sending_level", "receiving_level", "pair")


def load(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def resolve(catalogue, subject: str, level: str):
    """As the definition format says: an exact programme title or a subject, at that level."""
    return catalogue.find_programme(subject, level, kinds=["programme", "qualification"])


def test_the_five_transitions_are_shipped():
    assert {p.stem for p in FILES} >= {"vmbo-tl-havo4", "vmbo-gl-havo4", "vmbo-kb-mbo2-hzw",
                                       "nieuwe-leerweg-havo4", "nieuwe-leerweg-mbo4"}


def test_a_pair_or_variant_takes_one_name_as_a_string():
    # As a definition file does; before, "Zorg en welzijn" was taken letter by letter.
    pair = aansluiting.Pair("p", "Zorg en welzijn", "Helpende Zorg en Welzijn")
    assert (pair.sending, pair.receiving) == (["Zorg en welzijn"], ["Helpende Zorg en Welzijn"])
    assert aansluiting.Variant("v", add_sending="Technologie & Toepassing").add_sending == ["Technologie & Toepassing"]
    assert aansluiting.Pair("q", ("a", "b"), ["c"]).sending == ["a", "b"]


def test_a_transition_shows_itself_on_one_line():
    """shipped_transitions() in a notebook: one line each, not the page-long description."""
    shipped = aansluiting.shipped_transitions()
    text = repr(shipped["vmbo-tl-havo4"])
    assert text == "<Transition 'vmbo-tl-havo4' (vmbo tl → havo): 10 pairs; variants 'vmbo gl'>"
    assert all("\n" not in repr(t) and len(repr(t)) < 200 for t in shipped.values())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_file_is_complete(path: Path):
    doc = load(path)
    for key in REQUIRED:
        assert doc.get(key), f"{path.name}: '{key}' is missing"
    assert doc["id"] == path.stem
    levels = set(aansluiting.levels())
    assert aansluiting.parse_level(doc["sending_level"]) in levels
    assert aansluiting.parse_level(doc["receiving_level"]) in levels
    assert len(doc["description"].split()) >= 40, "the description tells the reader what is analysed"
    assert doc.get("sources"), "sources are named"
    names = [p["name"] for p in doc["pair"]]
    assert len(names) == len(set(names))
    for pair in doc["pair"]:
        assert pair["sending"] and pair["receiving"]
    for variant in doc.get("variant", []):
        assert variant["name"] and (variant.get("sending_level") or variant.get("add_sending"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_programmes_exist_at_the_stated_levels(path: Path, full):
    doc = load(path)
    receiving_level = doc["receiving_level"]
    sending_levels = {doc["sending_level"]} | {v.get("sending_level", doc["sending_level"])
                                               for v in doc.get("variant", [])}
    for pair in doc["pair"]:
        for subject in pair["receiving"]:
            programme = resolve(full, subject, receiving_level)
            assert receiving_level in programme.levels
            assert len(programme.goals()) > 5
        for level in sending_levels:
            for subject in pair["sending"]:
                assert level in resolve(full, subject, level).levels
    for variant in doc.get("variant", []):
        level = variant.get("sending_level", doc["sending_level"])
        for subject in variant.get("add_sending", []):
            assert level in resolve(full, subject, level).levels


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_analysis_reads_the_file(path: Path):
    from aansluiting.transition import Transition

    t = Transition.from_file(path)
    doc = load(path)
    assert t.id == doc["id"] and t.name == doc["name"]


SHIPPED = TRANSITIONS / "vmbo-tl-havo4.toml"


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = text.splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if line.startswith(needle)]
    return hits[occurrence - 1]


@pytest.mark.parametrize("name, edit, code, where, dutch", [
    # A misspelt option would silently drop what it names (here: the exam parts).
    ("typo", lambda t: t.replace("receiving_exam =", "recieving_exam =", 1), "unknown_key",
     ("recieving_exam", 1), "onbekende sleutel 'recieving_exam' in [options]"),
    ("typo_hint", lambda t: t.replace("receiving_level =", "recieving_level =", 1), "unknown_key",
     ("recieving_level", 1), "; bedoelt u 'receiving_level'?"),
    ("table_plural", lambda t: t.replace("[[pair]]", "[[pairs]]", 1), "unknown_key", ("[[pairs]]", 1),
     "onbekende sleutel 'pairs' (bekend: add_sending, description, id, name, options, pair, receiving_level, "
     "sending_level, sources, variant); bedoelt u 'pair'?"),
    # Keys are the user's own text, braces and all.
    ("braces", lambda t: t.replace("receiving_exam =", '"{where}x{}" =', 1), "unknown_key",
     ("[options]", 1), "onbekende sleutel '{where}x{}' in [options]"),
    ("type", lambda t: t.replace('sending = ["Wiskunde"]', "sending = 3", 1), "wrong_type",
     ("sending = 3", 1), "'sending' in [[pair]] nummer 3 moet een lijst van teksten zijn"),
    ("missing", lambda t: t.replace('receiving = ["Moderne vreemde talen Engels"]\n', "", 1), "missing_key",
     ("[[pair]]", 2), "de sleutel 'receiving' ontbreekt in [[pair]] nummer 2"),
    ("no_level", lambda t: t.replace('receiving_level = "havo"\n', "", 1), "missing_key",
     None, "de sleutel 'receiving_level' ontbreekt"),
    ("level", lambda t: t.replace('sending_level = "vmbo tl"', 'sending_level = "vmbo xl"', 1), "unknown_level",
     ("sending_level", 1), "onbekend niveau 'vmbo xl' bij 'sending_level' (bekend: vmbo bb, vmbo kb, vmbo gl, "
     "vmbo tl, havo, vwo, mbo 1, mbo 2, mbo 3, mbo 4)"),
    ("toml", lambda t: t.replace('sending_level = "vmbo tl"', "sending_level = vmbo tl", 1), "bad_toml",
     ("sending_level", 1), "ongeldige TOML: ongeldige waarde (staat een tekst wel tussen aanhalingstekens?)"),
    ("toml_equals", lambda t: t.replace('sending_level = "vmbo tl"', 'sending_level "vmbo tl"', 1), "bad_toml",
     ("sending_level", 1), "ongeldige TOML: na een sleutel hoort '=' met een waarde"),
    # Results are kept by name: a second pair or variant of one name would hide the first.
    ("duplicate_pair", lambda t: t.replace('name = "Engels → Engels"', 'name = "Nederlands → Nederlands"', 1),
     "duplicate_name", ('name = "Nederlands → Nederlands"', 2),
     "de naam 'Nederlands → Nederlands' in [[pair]] nummer 2 is al gebruikt door [[pair]] nummer 1"),
    ("duplicate_variant", lambda t: t + '\n[[variant]]\nname = "vmbo gl"\nsending_level = "vmbo kb"\n',
     "duplicate_name", ('name = "vmbo gl"', 2), "de naam 'vmbo gl' in [[variant]] nummer 2 is al gebruikt door [[variant]] nummer 1"),
    ("empty_variant", lambda t: t + '\n[[variant]]\nname = "niets"\nsending_level = "vmbo tl"\n',
     "empty_variant", ("[[variant]]", 2), "variant 'niets' in [[variant]] nummer 2 verandert niets"),
    ("empty_list", lambda t: t.replace('sending = ["Wiskunde"]', "sending = []", 1), "empty_list",
     ("sending = []", 1), "'sending' in [[pair]] nummer 3 is leeg: noem minstens één vak"),
    # The core would only refuse it after loading all data, in English.
    ("exam_part", lambda t: t.replace('receiving_exam = ["CE", "SE"]', 'receiving_exam = ["CE", "XX"]', 1),
     "unknown_exam_part", ("receiving_exam", 1),
     "onbekend examendeel 'XX' bij 'receiving_exam' in [options] (bekend: CE, SE, kern, keuze)"),
    # Thresholds are checked by the core's rules before any data is loaded, placed at their key.
    ("threshold_name", lambda t: t.replace('receiving_exam = ["CE", "SE"]',
                                           'receiving_exam = ["CE", "SE"]\nthresholds = { coverd = 0.3 }', 1),
     "bad_threshold", ("thresholds", 1), "onbekende drempel 'coverd' (bekend: covered, partly, min_link_score"),
    ("threshold_order", lambda t: t.replace('receiving_exam = ["CE", "SE"]',
                                            'receiving_exam = ["CE", "SE"]\nthresholds = { partly = 0.4 }', 1),
     "bad_threshold", ("thresholds", 1), "drempel 'partly' (0.4) mag niet hoger zijn dan 'covered' (0.35)"),
    ("threshold_type", lambda t: t.replace('receiving_exam = ["CE", "SE"]',
                                           'receiving_exam = ["CE", "SE"]\nthresholds = { covered = "0,3" }', 1),
     "wrong_type", ("thresholds", 1), "moet een tabel van getallen zijn, zoals { covered = 0.30 }"),
    # A misspelt table name is found at its header.
    ("table_typo", lambda t: t.replace("[[variant]]", "[[varaint]]", 1), "unknown_key", ("[[varaint]]", 1),
     "onbekende sleutel 'varaint'"),
])
def test_mistakes_in_a_definition_name_file_line_and_key(tmp_path: Path, name, edit, code, where, dutch):
    from aansluiting.transition import Transition

    text = edit(SHIPPED.read_text(encoding="utf-8"))
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(aansluiting.InputError) as info:
        Transition.from_file(path)
    error = info.value
    assert error.code == f"transition.{code}"
    assert error.file == str(path) and dutch in error.detail_nl
    if where:
        assert error.line == _line_of(text, *where) and error.column >= 1
        assert str(error).startswith(f"{path}:{error.line}:{error.column}: ")


def test_a_definition_that_is_not_utf8_names_line_and_column(tmp_path: Path):
    from aansluiting.transition import Transition

    text = SHIPPED.read_text(encoding="utf-8")
    path = tmp_path / "latin1.toml"
    path.write_bytes(text.replace("→", "->").encode("utf-8").replace(b"Wiskunde", b"Wisk\xfcnde", 1))
    with pytest.raises(aansluiting.InputError) as info:
        Transition.from_file(path)
    lines = text.replace("→", "->").splitlines()
    line = next(i + 1 for i, s in enumerate(lines) if "Wiskunde" in s)
    assert info.value.code == "invalid_utf8_in"
    assert (info.value.line, info.value.column) == (line, lines[line - 1].index("Wiskunde") + 5)  # the ü
    assert "lijkt opgeslagen als windows-1252, waarin dit 'ü' is (sla het bestand op als UTF-8)" in info.value.detail_nl


def test_a_shipped_id_reads_the_shipped_file():
    from aansluiting.transition import Transition, transitions_folder

    t = Transition.from_file("nieuwe-leerweg-havo4")
    assert t.path == transitions_folder() / "nieuwe-leerweg-havo4.toml" and t.id == "nieuwe-leerweg-havo4"
    with pytest.raises(aansluiting.InputError, match="file not found"):
        Transition.from_file("nieuwe-leerweg-havo5")


def test_the_readme_path_works_outside_a_clone(tmp_path: Path, monkeypatch):
    """The README and the user guide write curricula/transitions/<id>.toml: in a notebook elsewhere that path does
    not exist, and the package's own copy is read; a file that is there is read itself, an unknown name still fails."""
    from aansluiting.transition import Transition, transitions_folder

    monkeypatch.chdir(tmp_path)
    t = Transition.from_file("curricula/transitions/vmbo-tl-havo4.toml")
    assert t.path == transitions_folder() / "vmbo-tl-havo4.toml"
    own = tmp_path / "curricula" / "transitions" / "vmbo-tl-havo4.toml"
    own.parent.mkdir(parents=True)
    own.write_text(t.path.read_text(encoding="utf-8").replace('name = "', 'name = "Eigen ', 1), encoding="utf-8")
    mine = Transition.from_file("curricula/transitions/vmbo-tl-havo4.toml")
    assert mine.path.resolve() == own.resolve() and mine.name.startswith("Eigen ")
    with pytest.raises(aansluiting.InputError, match="file not found"):
        Transition.from_file("curricula/transitions/vmbo-tl-havo9.toml")
    with pytest.raises(aansluiting.InputError, match="file not found"):
        Transition.from_file("elders/vmbo-tl-havo4.toml")  # not a shipped path: no guessing
    with pytest.raises(aansluiting.InputError, match="file not found"):
        Transition.from_file("mijnprojct/curricula/transitions/vmbo-tl-havo4.toml")  # a typo is not the shipped file


def test_a_definition_saved_as_utf16_says_so(tmp_path: Path):
    """Notepad's "Unicode" is UTF-16: before, "ongeldige UTF-8 bij byte 0"."""
    from aansluiting.transition import Transition

    path = tmp_path / "utf16.toml"
    path.write_bytes(SHIPPED.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(aansluiting.InputError) as info:
        Transition.from_file(path)
    assert (info.value.code, info.value.line, info.value.column) == ("saved_as_utf16", 1, 1)
    assert info.value.detail_nl == "het bestand is opgeslagen als UTF-16LE, niet als UTF-8 (sla het op als UTF-8)"


def test_a_definition_saved_with_a_byte_order_mark_is_read(tmp_path: Path):
    """Notepad's "UTF-8 met BOM" gave "bom.toml:1:1: ongeldige TOML"; positions stay those without the mark."""
    import codecs

    from aansluiting.transition import Transition

    text = SHIPPED.read_text(encoding="utf-8")
    path = tmp_path / "bom.toml"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    transition = Transition.from_file(path)
    assert transition.id == "vmbo-tl-havo4" and len(transition.pairs) == len(load(SHIPPED)["pair"])
    # A mistake on the first line is named where an editor shows it, with and without the mark.
    for name, body in (("toml", b"id = vmbo-tl\n"), ("utf8", b'id = "vmbo-\xfcl"\n')):
        positions = []
        for mark in (b"", codecs.BOM_UTF8):
            path = tmp_path / f"{name}{len(mark)}.toml"
            path.write_bytes(mark + body + text.split("\n", 2)[2].encode("utf-8"))
            with pytest.raises(aansluiting.InputError) as info:
                Transition.from_file(path)
            positions.append((info.value.code, info.value.line, info.value.column))
        assert positions[0] == positions[1] and positions[0][1:] == (1, 6 if name == "toml" else 12), positions


def test_one_subject_may_be_written_without_brackets(tmp_path: Path):
    from aansluiting.transition import Transition

    path = tmp_path / "kort.toml"
    path.write_text(SHIPPED.read_text(encoding="utf-8").replace('sending = ["Wiskunde"]', 'sending = "Wiskunde"', 1),
                    encoding="utf-8")
    pair = Transition.from_file(path).pairs[2]
    assert pair.sending == ["Wiskunde"] and pair.name == "Wiskunde → wiskunde A"


def test_shipped_transitions_warns_about_a_file_it_leaves_out(tmp_path: Path):
    folder = tmp_path / "transitions"
    folder.mkdir()
    text = SHIPPED.read_text(encoding="utf-8")
    (folder / "goed.toml").write_text(text, encoding="utf-8")
    (folder / "kapot.toml").write_text(text.replace('id = "vmbo-tl-havo4"', 'id = "kapot"')
                                       .replace('receiving_level = "havo"\n', ""), encoding="utf-8")
    with pytest.warns(UserWarning, match=r"kapot\.toml.*receiving_level"):
        found = aansluiting.shipped_transitions(tmp_path)
    assert list(found) == ["vmbo-tl-havo4"]


def test_every_tomllib_reason_we_translate_is_one_tomllib_gives():
    """The Dutch table follows tomllib's own messages: each pattern matches a message in its source."""
    import inspect
    import re
    import tomllib

    from aansluiting._dutch_reasons import _TOML_REASONS

    source = inspect.getsource(tomllib._parser)
    messages = re.findall(r'(?:suffixed_err\([^"]*|f?)"((?:[A-Z][a-z]+ )[^"]*)"', source)
    for pattern, _ in _TOML_REASONS:
        plain = re.sub(r"\(\.\+\)", "{x}", pattern).replace("\\", "")
        assert any(plain.split("{x}")[0] in m for m in messages), pattern


def _one_pair(tmp_path: Path, receiving: str, extra: str = "") -> Path:
    path = tmp_path / "een-paar.toml"
    path.write_text(f"""
name = "proef"
sending_level = "vmbo tl"
receiving_level = "havo"
{extra}
[[pair]]
name = "W"
sending = ["Wiskunde"]
receiving = ["{receiving}"]
""", encoding="utf-8")
    return path


def test_a_programme_title_of_another_level_is_refused_with_suggestions(tmp_path: Path, full):
    from aansluiting.transition import Transition

    # The vwo programme named at havo: before, the exact title was taken whatever its level,
    # and the pair silently had no havo goals.
    t = Transition.from_file(_one_pair(tmp_path, "Examenprogramma Wiskunde B vwo"))
    with pytest.raises(aansluiting.NotFoundError) as info:
        t.analyse(full, with_variants=False)
    assert info.value.code == "no_programme_at_level_similar"
    assert "op niveau 'havo'; bedoelt u een van deze? Examenprogramma Wiskunde B havo" in info.value.message_nl
    # Where the name stands in the file, as for the file's other mistakes.
    lines = t.path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, s in enumerate(lines) if "Wiskunde B vwo" in s)
    column = lines[line].index('"Examenprogramma') + 1
    assert info.value.message_nl.startswith(f"{t.path}:{line + 1}:{column}: geen programma")
    # The right title at its level is found, and the analysis has goals on both sides.
    t = Transition.from_file(_one_pair(tmp_path, "Examenprogramma Wiskunde B havo"))
    summary = t.analyse(full, with_variants=False).pairs[0].summary
    assert summary["receiving_leaves"] > 0 and summary["sending_leaves"] > 0


def test_a_side_without_goals_at_its_level_is_an_error(full):
    from aansluiting.transition import Transition

    # Technologie & Toepassing is a school-exam subject: with only the CE, nothing is left of it.
    t = Transition.from_dict({"name": "proef", "sending_level": "vmbo tl", "receiving_level": "havo",
                              "options": {"sending_exam": ["CE"]},
                              "pair": [{"name": "T", "sending": ["Technologie & Toepassing"],
                                        "receiving": ["Natuurkunde"]}]})
    with pytest.raises(aansluiting.NotFoundError) as info:
        t.analyse(full, with_variants=False)
    assert info.value.code == "transition.no_goals_at_level"
    assert info.value.message_nl == ("transition: paar 'T': de vooropleiding (Technologie & Toepassing) heeft geen "
                                     "doelen op niveau 'vmbo tl' (CE)")


def test_a_curation_file_that_is_not_there_is_an_error(tmp_path: Path, full):
    from aansluiting.transition import Transition

    t = Transition.from_file(_one_pair(tmp_path, "Wiskunde B", '[options]\ncuration = "curatie/typo.sssom.tsv"\n'))
    with pytest.raises(aansluiting.InputError) as info:
        t.analyse(full, with_variants=False)
    assert info.value.code == "transition.curation_not_found"
    assert f"curatiebestand niet gevonden: {tmp_path / 'curatie' / 'typo.sssom.tsv'}" in info.value.detail_nl
    assert "Curation(catalogus, pad).save(), zie hoofdstuk 8 van de handleiding" in info.value.detail_nl
    # A file of nearly that name beside it: a typo, said as such (a user test wrote .tvs for .tsv).
    aansluiting.Curation(full).save(tmp_path / "curatie" / "typo.sssom.tvs")
    with pytest.raises(aansluiting.InputError) as info:
        t.analyse(full, with_variants=False)
    assert info.value.detail_nl.endswith(f"; bedoelt u {tmp_path / 'curatie' / 'typo.sssom.tvs'}?")


def test_a_definition_nested_too_deeply_is_an_error_not_a_crash(tmp_path: Path):
    """A user test: x = [[[...]]] 500 levels deep crashed every command with a RecursionError,
    also "rapport vmbo-tl-havo4" when the file merely sat in the transitions folder."""
    from aansluiting.transition import Transition, shipped_transitions

    folder = tmp_path / "curricula" / "transitions"
    folder.mkdir(parents=True)
    (folder / "vmbo-tl-havo4.toml").write_bytes(SHIPPED.read_bytes())
    path = folder / "diep.toml"
    path.write_text('name = "Diep"\nx = ' + "[" * 600 + "]" * 600 + "\n", encoding="utf-8")
    with pytest.raises(aansluiting.InputError) as info:
        Transition.from_file(path)
    assert (info.value.code, info.value.line, info.value.column) == ("transition.too_deep", 2, 104)
    assert "te diep genest" in info.value.detail_nl
    with pytest.warns(UserWarning, match="diep.toml:2:104"):
        assert list(shipped_transitions(tmp_path / "curricula")) == ["vmbo-tl-havo4"]


def test_a_misspelt_subject_in_a_late_pair_is_reported_before_any_pair_is_aligned(full):
    from aansluiting.transition import Transition

    t = Transition.from_dict({
        "name": "twee paren", "sending_level": "vmbo tl", "receiving_level": "havo",
        "pair": [{"name": "W", "sending": ["Wiskunde"], "receiving": ["Wiskunde B"]},
                 {"name": "S", "sending": ["Wiskunde"], "receiving": ["Sterrenkunde"]}],
    })
    steps = []
    with pytest.raises(aansluiting.NotFoundError, match="Sterrenkunde"):
        t.analyse(full, progress=lambda step, done, total: steps.append(step))
    assert set(steps) <= {"corpus"}  # no pair was aligned first
    # A variant's programme as well: "T&X" is no subject name (nor an abbreviation of one, as "T&T" is).
    t = Transition.from_dict({
        "name": "variant", "sending_level": "vmbo tl", "receiving_level": "havo",
        "pair": [{"name": "W", "sending": ["Wiskunde"], "receiving": ["Wiskunde B"]}],
        "variant": [{"name": "met T&X", "add_sending": ["T&X"]}],
    })
    steps.clear()
    with pytest.raises(aansluiting.NotFoundError, match="T&X"):
        t.analyse(full, progress=lambda step, done, total: steps.append(step))
    assert set(steps) <= {"corpus"}


def test_an_unknown_subject_is_placed_in_its_own_pair(tmp_path: Path, full):
    """A review: the position named the first "Wiskunde B" in the file, in a pair that was fine."""
    from aansluiting.transition import Transition

    path = tmp_path / "twee.toml"
    path.write_text('name = "twee"\nsending_level = "vmbo tl"\nreceiving_level = "vwo"\n'
                    '[[pair]]\nname = "A"\nsending = ["Wiskunde"]\nreceiving = ["Wiskunde A"]\n'
                    '[[pair]]\nname = "B"\nsending = ["Wiskunde A"]\nreceiving = ["Wiskunde B"]\n',
                    encoding="utf-8")
    with pytest.raises(aansluiting.NotFoundError) as info:  # no Wiskunde A at vmbo tl: pair B's, on line 10
        Transition.from_file(path).analyse(full, with_variants=False)
    assert info.value.message_nl.startswith(f"{path}:10:12: ")


def _crebo_pair(tmp_path: Path, crebo: str, level: str) -> Path:
    path = tmp_path / "crebo.toml"
    path.write_text(f'name = "crebo"\nsending_level = "vmbo kb"\nreceiving_level = "{level}"\n'
                    f'[[pair]]\nname = "P"\nsending = ["Zorg en welzijn"]\nreceiving = ["{crebo}"]\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("crebo, level, code, dutch", [
    # A user test: a mistyped crebo number was pointed to 'aansluiting overzicht', which only counts programmes.
    ("25497", "mbo 2", "no_crebo_at_level_similar",
     "geen kwalificatie met crebonummer '25497' op niveau 'mbo 2'; bedoelt u 25498 (Helpende Zorg en Welzijn); "
     "25499 (Medewerker facilitaire dienstverlening)?"),
    ("25497", "mbo 4", "no_crebo_at_level_similar",  # two digits swapped
     "geen kwalificatie met crebonummer '25497' op niveau 'mbo 4'; bedoelt u 25477 (Persoonlijk begeleider "
     "gehandicaptenzorg); 25479 (Thuisbegeleider)?"),
    ("25501", "mbo 1", "no_crebo_at_level_similar",  # none at the level: any level, with its level
     "geen kwalificatie met crebonummer '25501' op niveau 'mbo 1'; bedoelt u 25500 (Medewerker sport en recreatie, "
     "mbo 2)?"),
    ("12345", "mbo 2", "no_crebo_at_level",  # none near: the numbers at the level
     "geen kwalificatie met crebonummer '12345' op niveau 'mbo 2'; de kwalificaties op dit niveau: 25498 (Helpende "
     "Zorg en Welzijn); 25499 (Medewerker facilitaire dienstverlening); 25500 (Medewerker sport en recreatie)"),
    ("25479", "mbo 2", "crebo_at_other_level_similar",  # a number of another level: which qualification that is
     "geen kwalificatie met crebonummer '25479' op niveau 'mbo 2' (25479 is Thuisbegeleider, mbo 4); bedoelt u "
     "25499 (Medewerker facilitaire dienstverlening)?"),
])
def test_a_mistyped_crebo_number_gets_the_nearest_numbers_with_their_names(tmp_path: Path, full, crebo, level,
                                                                           code, dutch):
    from aansluiting.transition import Transition

    path = _crebo_pair(tmp_path, crebo, level)
    with pytest.raises(aansluiting.NotFoundError) as info:
        Transition.from_file(path).analyse(full, with_variants=False)
    assert info.value.code == code
    assert info.value.message_nl == f"{path}:7:14: {dutch}"
    assert "aansluiting overzicht" not in info.value.message_nl and "crebo number" in str(info.value)
    # The catalogue says the same in a notebook (the core owns the hint).
    with pytest.raises(aansluiting.NotFoundError) as info:
        full.find_programme(crebo, level)
    assert info.value.message_nl == dutch


def test_a_subject_that_is_only_part_of_a_name_elsewhere_is_a_guess(tmp_path: Path, data_dir: Path):
    """A user test: without the own vmbo profile, "Zorg en welzijn" at vmbo gl was said to exist at mbo 2:
    that is Helpende Zorg en Welzijn, whose name contains the words, not the subject."""
    from aansluiting.transition import Transition

    (tmp_path / "transitions").mkdir()
    open_data = aansluiting.load(data_dir, curricula=tmp_path)  # the open data only
    t = Transition.from_dict({"name": "proef", "sending_level": "vmbo gl", "receiving_level": "mbo 2",
                              "pair": [{"name": "Z", "sending": ["Zorg en welzijn"],
                                        "receiving": ["Helpende Zorg en Welzijn"]}]})
    with pytest.raises(aansluiting.NotFoundError) as info:
        t.analyse(open_data, with_variants=False)
    assert info.value.code == "no_programme_similar_at_other_levels"
    assert info.value.message_nl.startswith(
        "transition: geen programma voor vak 'Zorg en welzijn' op niveau 'vmbo gl'; "
        "bedoelt u een van deze (op een ander niveau)? Helpende Zorg en Welzijn (mbo 2); ")
    assert "similar names at other levels: Helpende Zorg en Welzijn (mbo 2); " in str(info.value)
    # The own folder lacks the shipped vmbo profile: the message says which file to copy.
    assert "'Zorg en welzijn' is een meegeleverd programma (zorg_en_welzijn_vmbo.csv)" in info.value.message_nl
    # The subject itself at another level is still said to exist there.
    with pytest.raises(aansluiting.NotFoundError) as info:
        open_data.find_programme("Helpende Zorg en Welzijn", "mbo 3", kinds=["programme", "qualification"])
    assert info.value.code == "no_programme_at_other_levels"
    assert info.value.message_nl.endswith("het vak bestaat wel op: mbo 2")


def test_a_shipped_programme_missing_from_an_own_curricula_folder_is_named_with_its_file(tmp_path: Path,
                                                                                         data_dir: Path):
    """A user test: with an own curricula folder (which replaces the shipped one), a variant adding
    Technologie & Toepassing said "bedoelt u ... Informatietechnologie", not that T&T is shipped and
    was not copied. The error names the shipped file to copy; the Dutch text says the same."""
    own = tmp_path / "curricula"
    (own / "programmes").mkdir(parents=True)
    (own / "transitions").mkdir()
    catalogue = aansluiting.load(data_dir, own)

    def refusal(added: str) -> aansluiting.NotFoundError:
        t = aansluiting.Transition(
            id="t", name="t", sending_level="vmbo tl", receiving_level="havo",
            pairs=[aansluiting.Pair("W", ["Wiskunde"], ["Wiskunde B"])],
            variants=[aansluiting.Variant("met", add_sending=[added])])
        with pytest.raises(aansluiting.NotFoundError) as e:
            t.analyse(catalogue)
        return e.value

    error = refusal("Technologie & Toepassing")
    assert "technologie_en_toepassing.csv" in str(error)
    assert "is een meegeleverd programma (technologie_en_toepassing.csv) dat niet in uw curricula-map staat" \
        in error.message_nl
    # A subject that nothing ships, or only part of a shipped programme's name, gets no such hint.
    assert "meegeleverd" not in refusal("Sterrenkunde").message_nl
    assert "meegeleverd" not in refusal("Toepassing").message_nl


def test_thresholds_of_a_definition_are_those_the_analysis_uses(tmp_path: Path, full):
    """A sensitivity question ("what if 0,30 already counts as gedekt?") is a definition of its own."""
    from aansluiting.transition import Transition

    base = Transition.from_file(_one_pair(tmp_path, "Wiskunde B"))
    lower = Transition.from_file(_one_pair(tmp_path, "Wiskunde B", "[options]\nthresholds = { covered = 0.26, partly = 0.18 }"))
    assert lower.thresholds == {"covered": 0.26, "partly": 0.18}
    r_base, r_lower = base.analyse(full), lower.analyse(full)
    assert r_lower.meta["thresholds"]["covered"] == 0.26 and r_lower.meta["thresholds"]["partly"] == 0.18
    assert r_base.meta["thresholds"]["covered"] == 0.35
    assert r_lower.summary["gaps"] < r_base.summary["gaps"]
    assert r_lower.summary["receiving_leaves"] == r_base.summary["receiving_leaves"]


def test_thresholds_given_in_python_are_checked_at_once():
    from aansluiting.transition import Pair, Transition

    with pytest.raises(ValueError, match="unknown threshold 'coverd'") as info:
        Transition("t", "t", "vmbo tl", "havo", [Pair("W", ["Wiskunde"], ["Wiskunde B"])], thresholds={"coverd": 0.3})
    assert "onbekende drempel 'coverd'" in info.value.message_nl
