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
    """As the definition format says: an exact programme title at that level, else a subject."""
    for p in catalogue.programmes:
        if p.title == subject and level in p.levels:
            return p
    return catalogue.find_programme(subject, level, kinds=["programme", "qualification"])


def test_the_five_transitions_are_shipped():
    assert {p.stem for p in FILES} >= {"vmbo-tl-havo4", "vmbo-gl-havo4", "vmbo-kb-mbo2-hzw",
                                       "nieuwe-leerweg-havo4", "nieuwe-leerweg-mbo4"}


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
     ("sending_level", 1), "onbekend niveau 'vmbo xl' bij 'sending_level' (bekend: vmbo bb, vmbo kb"),
    ("toml", lambda t: t.replace('sending_level = "vmbo tl"', "sending_level = vmbo tl", 1), "bad_toml",
     ("sending_level", 1), "ongeldige TOML: ongeldige waarde (staat een tekst wel tussen aanhalingstekens?)"),
    ("toml_equals", lambda t: t.replace('sending_level = "vmbo tl"', 'sending_level "vmbo tl"', 1), "bad_toml",
     ("sending_level", 1), "ongeldige TOML: na een sleutel hoort '=' met een waarde"),
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
    assert info.value.code == "transition.bad_utf8"
    assert (info.value.line, info.value.column) == (line, lines[line - 1].index("Wiskunde") + 5)  # the ü
    assert "sla het bestand op als UTF-8" in info.value.detail_nl


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
