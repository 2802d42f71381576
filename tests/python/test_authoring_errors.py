"""What a curriculum author meets when writing an own programme CSV and transition TOML (a user test).

A curricula folder that is missing or is the programmes folder itself is said, not silently
skipped; TOML syntax errors of a transition file are said in Dutch with their line and column;
progress written to a log is a handful of lines, not one per pair.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import aansluiting as a
from aansluiting import _loading
from aansluiting._progress import ProgressLine
from report_case import REPO, TRANSITIONS

SHIPPED = TRANSITIONS / "vmbo-tl-havo4.toml"


def run(*args: str, env: dict | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aansluiting", *args], cwd=cwd, env={**os.environ, **(env or {})},
                          capture_output=True, text=True, timeout=600)


# --- 1. The curricula folder -------------------------------------------------------------------------------


def test_load_refuses_a_curricula_folder_that_does_not_exist(data_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "bestaat_niet"
    with pytest.raises(FileNotFoundError) as info:
        a.load(data_dir, curricula=missing)
    error = info.value
    assert error.code == "load.curricula_not_found"
    assert f"de map met eigen curricula {missing} (load(curricula=...)) bestaat niet" in error.message_nl
    assert any(note.startswith("In het Nederlands: ") for note in error.__notes__)


def test_load_refuses_the_programmes_folder_itself(data_dir: Path, curricula_dir: Path) -> None:
    # The user pointed at curricula/programmes: none of its CSV files were loaded, without a word.
    with pytest.raises(FileNotFoundError) as info:
        a.load(data_dir, curricula=curricula_dir / "programmes")
    error = info.value
    assert error.code == "load.curricula_is_a_subfolder"
    assert "CSV-bestanden: dit lijkt zelf een map met programma's" in error.message_nl
    assert f"Geef de map erboven op: {curricula_dir.resolve()}" in error.message_nl
    assert "looks like a programmes folder" in str(error)


def test_load_refuses_a_file_given_as_curricula_folder(data_dir: Path) -> None:
    with pytest.raises(NotADirectoryError) as info:
        a.load(data_dir, curricula=SHIPPED)
    assert "is geen map" in info.value.message_nl


def test_load_warns_about_a_curricula_folder_with_nothing_to_read(data_dir: Path, tmp_path: Path) -> None:
    with pytest.warns(_loading.CurriculaFolderWarning, match="no programmes/ or transitions/") as caught:
        cat = a.load(data_dir, curricula=tmp_path)
    assert "In het Nederlands: in de map met eigen curricula" in str(caught[0].message)
    assert len(cat) > 10_000  # the open data is loaded all the same


def test_load_takes_a_curricula_folder_with_only_transitions(data_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "transitions").mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(a.load(data_dir, curricula=tmp_path)) > 10_000


def test_load_refuses_a_missing_folder_in_the_environment(data_dir: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AANSLUITING_CURRICULA", str(tmp_path / "weg"))
    with pytest.raises(FileNotFoundError, match=r"\$AANSLUITING_CURRICULA"):
        a.load(data_dir)


def test_the_programmes_folder_as_curricula_option_is_refused(data_dir: Path, curricula_dir: Path) -> None:
    for command in (["overzicht"], ["rapport", "vmbo-tl-havo4"]):
        r = run(*command, "--data", str(data_dir), "--curricula", str(curricula_dir / "programmes"))
        assert r.returncode == 2, r.stderr
        assert r.stderr.startswith(f"In de map met eigen curricula {curricula_dir / 'programmes'} (--curricula) "
                                   "staat geen map programmes/ of transitions/, maar wel CSV-bestanden")
        assert f"Geef de map erboven op: {curricula_dir.resolve()}." in r.stderr


def test_a_curricula_option_with_nothing_to_read_is_said(data_dir: Path, tmp_path: Path) -> None:
    r = run("overzicht", "--data", str(data_dir), "--curricula", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith(f"Let op: in de map met eigen curricula {tmp_path} (--curricula) staat geen map "
                               "programmes/ of transitions/: er worden geen eigen programma's uit geladen.")
    assert "Warning" not in r.stderr  # said once, in Dutch, not also as Python's warning
    assert f"Eigen programma's: geen (in {tmp_path.resolve()} staat geen map programmes/)" in r.stdout


def test_a_missing_folder_in_the_environment_is_said_on_the_command_line(data_dir: Path, tmp_path: Path) -> None:
    r = run("overzicht", "--data", str(data_dir), env={"AANSLUITING_CURRICULA": str(tmp_path / "weg")})
    assert r.returncode == 2
    assert r.stderr.startswith(f"De map met eigen curricula {tmp_path / 'weg'} ($AANSLUITING_CURRICULA) bestaat niet")
    assert "In MAP staat geen map slo/" not in r.stderr and "Traceback" not in r.stderr


# --- 2. TOML syntax errors of a transition file ------------------------------------------------------------


def broken(tmp_path: Path, edit) -> tuple[Path, str]:
    text = edit(SHIPPED.read_text(encoding="utf-8"))
    path = tmp_path / "mijn-overgang.toml"
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    return [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith(needle)][occurrence - 1]


def refused(path: Path) -> a.InputError:
    with pytest.raises(a.InputError) as info:
        a.Transition.from_file(path)
    assert info.value.code == "transition.bad_toml"
    return info.value


def test_an_unclosed_list_at_the_end_is_given_the_last_line(tmp_path: Path) -> None:
    path, text = broken(tmp_path, lambda t: t + 'add_sending = ["Technologie & Toepassing"\n\n')
    error = refused(path)
    last = text.rstrip().splitlines()
    assert (error.line, error.column) == (len(last), len(last[-1]) + 1)
    assert error.detail_nl == "ongeldige TOML: een lijst wordt niet afgesloten met ']'"
    assert str(error).startswith(f"{path}:{len(last)}:{len(last[-1]) + 1}: invalid TOML: Unclosed array")


def test_an_unclosed_list_says_where_it_began(tmp_path: Path) -> None:
    path, text = broken(tmp_path, lambda t: t.replace('receiving_exam = ["CE", "SE"]', 'receiving_exam = ["CE", "SE"'))
    error = refused(path)
    begun = line_of(text, "receiving_exam")
    assert error.line > begun
    assert error.detail_nl == ("ongeldige TOML: een lijst wordt niet afgesloten met ']' "
                               f"(begonnen op regel {begun}, kolom 18)")


def test_a_single_variant_table_after_variant_tables_says_to_write_double_brackets(tmp_path: Path) -> None:
    path, text = broken(tmp_path, lambda t: t + '\n[variant]\nname = "vmbo kb"\nsending_level = "vmbo kb"\n')
    error = refused(path)
    assert error.line == line_of(text, "[variant]")
    first = line_of(text, "[[variant]]")
    assert error.detail_nl == (f"ongeldige TOML: [variant] na [[variant]] (regel {first}): schrijf elke variant "
                               "als [[variant]], met dubbele haken")
    assert "('variant',)" not in str(error) and "('variant',)" not in error.detail_nl


def test_variant_tables_after_a_single_variant_table_say_to_write_double_brackets(tmp_path: Path) -> None:
    path, text = broken(tmp_path, lambda t: t.replace("[[variant]]", "[variant]")
                        + '\n[[variant]]\nname = "vmbo kb"\nsending_level = "vmbo kb"\n')
    error = refused(path)
    assert error.detail_nl == (f"ongeldige TOML: [[variant]] na [variant] (regel {line_of(text, '[variant]')}): "
                               "schrijf elke variant als [[variant]], met dubbele haken")


def test_a_table_given_twice_is_named_as_written(tmp_path: Path) -> None:
    path, text = broken(tmp_path, lambda t: t + '\n[options]\ncuration = "curation/x.sssom.tsv"\n')
    error = refused(path)
    assert error.detail_nl == (f"ongeldige TOML: de tabel [options] wordt twee keer gegeven (eerst op regel "
                               f"{line_of(text, '[options]')}): zet de sleutels onder één [options]")


def test_two_single_variant_tables_are_told_to_be_written_as_variant_tables(tmp_path: Path) -> None:
    # A user test: two variants written [variant] were told to put their keys under one [variant],
    # which would make one variant of the two.
    path, text = broken(tmp_path, lambda t: t.replace("[[variant]]", "[variant]")
                        + '\n[variant]\nname = "vmbo kb"\nsending_level = "vmbo kb"\n')
    error = refused(path)
    assert error.line == line_of(text, "[variant]", 2)
    assert error.detail_nl == (f"ongeldige TOML: de tabel [variant] wordt twee keer gegeven (eerst op regel "
                               f"{line_of(text, '[variant]')}): schrijf bij meer dan één variant elke variant als "
                               "[[variant]], met dubbele haken (een tabel per variant)")
    assert "onder één" not in error.detail_nl and "under one" not in str(error)


def test_an_unclosed_text_in_single_quotes_is_found_on_its_line(tmp_path: Path) -> None:
    # A later quote (in the description) made tomllib complain about "invalid character '\n'".
    path, text = broken(tmp_path, lambda t: t.replace('name = "vmbo tl → havo 4"', "name = 'vmbo tl → havo 4", 1))
    error = refused(path)
    assert (error.line, error.column) == (line_of(text, "name = 'vmbo"), len("name = 'vmbo tl → havo 4") + 1)
    assert error.detail_nl == ("ongeldige TOML: een tekst tussen enkele aanhalingstekens (') wordt op deze regel niet "
                               "afgesloten (een tekst over meer regels staat tussen \'\'\' en \'\'\')")


def test_an_unclosed_text_in_single_quotes_at_the_end_is_found_where_it_begins(tmp_path: Path) -> None:
    # No quote after it: tomllib looked to the end of the document; the slip is on the last line.
    path, text = broken(tmp_path, lambda t: t.replace('sending_level = "vmbo gl"', "sending_level = 'vmbo gl"))
    error = refused(path)
    assert (error.line, error.column) == (len(text.splitlines()), len("sending_level = '"))
    assert error.detail_nl == ("ongeldige TOML: een tekst tussen enkele aanhalingstekens (') wordt op deze regel "
                               "niet afgesloten")


@pytest.mark.parametrize("old, new, dutch", [
    ('receiving_exam = ["CE", "SE"]', 'receiving_exam = ["CE" "SE"]', "of er ontbreekt een komma tussen twee waarden"),
    ('sending_level = "vmbo tl"', 'sending_level = "vmbo tl',
     'een tekst tussen dubbele aanhalingstekens (") wordt op deze regel niet afgesloten'),
    ('sending_level = "vmbo tl"', "sending_level = 'vmbo tl",
     "een tekst tussen enkele aanhalingstekens (') wordt op deze regel niet afgesloten"),
    ('sending_level = "vmbo tl"', 'sending_level = """vmbo tl',
     "een tekst wordt niet afgesloten met een aanhalingsteken (begonnen op regel 16, kolom 17)"),
    ('sending_level = "vmbo tl"', r'sending_level = "vmbo\ql"',
     r"schrijf \\ of zet de tekst tussen enkele aanhalingstekens"),
    ('sending_level = "vmbo tl"', 'sending_level = "vmbo tl"\nsending_level = "vmbo gl"',
     "de sleutel 'sending_level' wordt een tweede keer gegeven in dezelfde tabel"),
    ('receiving_exam = ["CE", "SE"]', 'receiving_exam = {a = 1, a = 2}',
     "de sleutel 'a' staat twee keer tussen dezelfde { }"),
    ('receiving_exam = ["CE", "SE"]', 'receiving_exam = ["CE", "SE"]\nreceiving_exam.x = 1',
     "'options.receiving_exam' is al helemaal gegeven (als lijst of tussen { }) en kan niet worden aangevuld"),
])
def test_toml_syntax_errors_are_dutch_with_a_position(tmp_path: Path, old: str, new: str, dutch: str) -> None:
    path, _ = broken(tmp_path, lambda t: t.replace(old, new, 1))
    error = refused(path)
    assert error.line > 0 and error.column > 0
    assert dutch in error.detail_nl
    for english in ("Unclosed", "Expected", "Cannot", "Duplicate", "Unescaped", "Illegal", "invalid", "(at ",
                    "',)", "', '"):  # nor a key as a Python tuple, ('variant',)
        assert english not in error.detail_nl


def test_the_command_line_names_a_toml_syntax_error_with_its_position(tmp_path: Path, data_dir: Path) -> None:
    path, text = broken(tmp_path, lambda t: t + '\n[variant]\nname = "vmbo kb"\nsending_level = "vmbo kb"\n')
    r = run("rapport", str(path), "--data", str(data_dir), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 2
    assert r.stderr.strip() == (f"Fout in het overgangsbestand {path}:{line_of(text, '[variant]')}:9: ongeldige TOML: "
                                f"[variant] na [[variant]] (regel {line_of(text, '[[variant]]')}): schrijf elke "
                                "variant als [[variant]], met dubbele haken")


# --- Levels and programmes as the definition names them ----------------------------------------------------


# The levels a definition lists for an unknown one: the school types a pupil leaves or enters, not the
# reference levels (2F, B1), which are levels of goals (a user test found 1F ... C2 in the list).
SCHOOL_LEVELS = "vmbo bb, vmbo kb, vmbo gl, vmbo tl, havo, vwo, mbo 1, mbo 2, mbo 3, mbo 4"


@pytest.mark.parametrize("key, written, meant", [
    ("receiving_level", "niveau 2", "mbo 2"),
    ("receiving_level", "mbo niveau 2", "mbo 2"),
    ("receiving_level", "MBO-niveau 4", "mbo 4"),
    ("receiving_level", "havo4", "havo"),
    ("sending_level", "vmbo kader", "vmbo kb"),
    ("sending_level", "vmbo gt", "vmbo gl of vmbo tl"),
])
def test_an_unknown_level_gets_the_level_it_most_likely_means(tmp_path: Path, key: str, written: str,
                                                             meant: str) -> None:
    # A user test: "niveau 2" and "mbo niveau 2" got the list of levels, not "mbo 2".
    path, _ = broken(tmp_path, lambda t: re.sub(rf'(?m)^{key} = ".*"$', f'{key} = "{written}"', t, count=1))
    with pytest.raises(a.InputError) as info:
        a.Transition.from_file(path)
    error = info.value
    assert error.code == "transition.unknown_level"
    assert error.detail_nl == (f"onbekend niveau '{written}' bij '{key}' (bekend: {SCHOOL_LEVELS}); "
                               f"bedoelt u {meant}?")
    assert str(error).endswith(f"; did you mean {meant.replace(' of ', ' or ')}?")


def test_an_unknown_level_like_no_level_gets_no_guess(tmp_path: Path) -> None:
    path, _ = broken(tmp_path, lambda t: t.replace('receiving_level = "havo"', 'receiving_level = "groep 9"', 1))
    with pytest.raises(a.InputError) as info:
        a.Transition.from_file(path)
    assert info.value.detail_nl.endswith(f"(bekend: {SCHOOL_LEVELS})")


def test_a_level_written_otherwise_is_named_as_the_core_names_it(tmp_path: Path) -> None:
    # A user test: "VMBO-KB" and "MBO-2" were read, and the report said "Van VMBO-KB naar MBO-2".
    path = tmp_path / "anders.toml"
    path.write_text(KADER_TO_MBO4.replace('"kader"', '"VMBO-KB"').replace('"MBO-4"', '"MBO-2"'), encoding="utf-8")
    t = a.Transition.from_file(path)
    assert (t.sending_level, t.receiving_level, t.variants[0].sending_level) == ("vmbo kb", "mbo 2", "vmbo bb")
    assert repr(t) == "<Transition 'anders' (vmbo kb → mbo 2): 1 pairs; variants 'basis'>"
    # Built in code, as a notebook does, too; a level the core does not know stays as given (refused where used).
    t = a.Transition("x", "x", "kader", "mbo2", [a.Pair("p", "Zorg en welzijn", "25498")])
    assert (t.sending_level, t.receiving_level) == ("vmbo kb", "mbo 2")
    assert a.Transition("x", "x", "groep 9", "mbo 2", []).sending_level == "groep 9"


#: One pair whose receiving name is only part of a qualification's ("Pedagogisch medewerker kinderopvang" is
#: mbo 3; at mbo 4 the name is part of "Gespecialiseerd pedagogisch medewerker"), levels written otherwise.
KADER_TO_MBO4 = """
name = "Kader naar pedagogisch werk"
sending_level = "kader"
receiving_level = "MBO-4"

[[pair]]
name = "Zorg en welzijn → PW"
sending = ["Zorg en welzijn"]
receiving = ["Pedagogisch medewerker"]

[[variant]]
name = "basis"
sending_level = "VMBO-BB"
"""


def test_a_result_names_its_levels_and_the_programmes_it_took(tmp_path: Path, full: a.Catalogue) -> None:
    from aansluiting.report.html import render_html

    path = tmp_path / "pw.toml"
    path.write_text(KADER_TO_MBO4, encoding="utf-8")
    result = a.Transition.from_file(path).analyse(full, with_variants=False)
    assert (result.sending_level, result.receiving_level) == ("vmbo kb", "mbo 4")
    assert "Van vmbo kb naar mbo 4" in render_html(result)
    # Which programme each name became, for a notebook: the partial name is marked as such.
    by_side = {c["side"]: c for c in result.meta["programmes"]}
    assert by_side["receiving"] == {
        "pair": "Zorg en welzijn → PW", "side": "receiving", "given": "Pedagogisch medewerker",
        "title": "Gespecialiseerd pedagogisch medewerker", "code": "25484", "kind": "qualification",
        "levels": "mbo 4", "id": by_side["receiving"]["id"], "named_by": "part"}
    assert result.pairs[0].receiving == ["Gespecialiseerd pedagogisch medewerker"]  # the choice itself is unchanged
    assert (by_side["sending"]["named_by"], by_side["sending"]["title"]) == ("subject", "Zorg en welzijn vmbo (profielvak)")


def test_the_command_line_names_a_programme_taken_for_part_of_its_name(tmp_path: Path, data_dir: Path) -> None:
    # A user test: "<pair>: 102 doelen ..." on Gespecialiseerd pedagogisch medewerker, without naming it.
    path = tmp_path / "pw.toml"
    path.write_text(KADER_TO_MBO4, encoding="utf-8")
    r = run("rapport", str(path), "--data", str(data_dir), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Kader naar pedagogisch werk: 102 doelen in het vervolg")
    assert lines[1] == ("  Zorg en welzijn → PW: 'Pedagogisch medewerker' (gekozen: Gespecialiseerd pedagogisch "
                        "medewerker, crebo 25484)")
    assert sum("gekozen" in line for line in lines) == 1  # the variant took the same programme: said once
    assert "Van vmbo kb naar mbo 4" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_the_command_line_names_no_programme_for_exact_names(tmp_path: Path, data_dir: Path) -> None:
    text = (TRANSITIONS / "vmbo-kb-mbo2-hzw.toml").read_text(encoding="utf-8")
    path = tmp_path / "hzw.toml"
    path.write_text(text.replace('receiving = ["Helpende Zorg en Welzijn"]', 'receiving = ["25498"]'), encoding="utf-8")
    r = run("rapport", str(path), "--data", str(data_dir), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 0, r.stderr
    # A crebo number is exact, but not a name: the qualification is said; the subjects (Wiskunde, ...) are not.
    assert [line for line in r.stdout.splitlines() if "gekozen" in line] == [
        "  Zorg en welzijn en algemene vakken → Helpende Zorg en Welzijn: '25498' (gekozen: Helpende Zorg en "
        "Welzijn, crebo 25498)"]


# --- An own programme as Excel saves it -------------------------------------------------------------------

#: A programme as a Dutch curriculum developer keeps it in Excel: semicolons, Dutch names, a description
#: over three lines (so the rows Excel shows are not the file's lines), exams in words.
ROBOTICA_CSV = ("# titel: Robotica\n# niveaus: vmbo tl\n# examen: schoolexamen\n"
                "code;ouder;soort;titel;omschrijving;leerwegen;examen\n"
                "O;;domein;Oriëntatie op robots;\"De kandidaat kan\nuitleggen wat een robot\nis.\";;\n"
                "O1;O;eindterm;Een robot programmeren;;;Centraal Examen\n"
                "O2;O;eindterm;Een robot testen;;;praktijkexamen\n")


def excel_csv(tmp_path: Path, text: str, encoding: str = "cp1252") -> Path:
    (tmp_path / "eigen" / "programmes").mkdir(parents=True, exist_ok=True)
    path = tmp_path / "eigen" / "programmes" / "robotica.csv"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def test_a_csv_excel_saved_as_windows_1252_loads_with_a_warning(tmp_path: Path) -> None:
    # A user test (blocker): Excel's "CSV (puntkomma's gescheiden)" writes Windows-1252, and the file was refused.
    cat = a.load_csv(excel_csv(tmp_path, ROBOTICA_CSV))
    assert cat["csv:robotica/O"].title == "Oriëntatie op robots"
    first = cat.warnings[0]
    assert first.code == "csv.read_as_windows1252"
    assert first.message_nl.startswith("robotica.csv is niet opgeslagen als UTF-8 en is gelezen als windows-1252")
    assert "'CSV UTF-8 (door komma's gescheiden)'" in first.message_nl
    # The same file saved as UTF-8 loads alike, without that warning.
    same = a.load_csv(excel_csv(tmp_path / "utf8", ROBOTICA_CSV, "utf-8-sig"))
    assert [w.message_nl for w in same.warnings] == [w.message_nl for w in cat.warnings[1:]]


def test_exams_in_dutch_words_are_read_and_an_unknown_one_inherits(tmp_path: Path) -> None:
    # A user test: "schoolexamen" was unknown, and the goal then had neither CE nor SE.
    cat = a.load_csv(excel_csv(tmp_path, ROBOTICA_CSV, "utf-8"))
    assert (cat["csv:robotica/O"].ce, cat["csv:robotica/O"].se) == (False, True)
    assert (cat["csv:robotica/O1"].ce, cat["csv:robotica/O1"].se) == (True, False)
    assert (cat["csv:robotica/O2"].ce, cat["csv:robotica/O2"].se) == (False, True)  # its parent's
    [warning] = cat.warnings
    assert (warning.line, warning.column) == (9, 34)  # the file's line, for an editor
    assert warning.message_nl == ("rij 7 in Excel, kolom 'examen': onbekend examen 'praktijkexamen': het doel krijgt "
                                  "het examen van zijn ouder (SE); gebruik CE, SE of beide als 'CE, SE' (of centraal "
                                  "examen, schoolexamen)")


def test_an_error_in_a_csv_names_the_row_and_column_excel_shows(tmp_path: Path, data_dir: Path) -> None:
    # A user test: "regel 10" while Excel shows the row as 8; and "o" for the code "O" got no hint.
    path = excel_csv(tmp_path, ROBOTICA_CSV + "O3;o;eindterm;Een robot bouwen;;;\n")
    with pytest.raises(a.InputError) as info:
        a.load_csv(path)
    error = info.value
    assert (error.line, error.column) == (10, 4)
    assert error.detail_nl == ("rij 8 in Excel, kolom 'ouder': ouder 'o' is geen code in dit bestand; bedoelt u 'O'? "
                               "(hoofdletters en kleine letters verschillen in codes)")
    r = run("overzicht", "--data", str(data_dir), "--curricula", str(tmp_path / "eigen"))
    assert r.returncode == 1
    assert f"Fout in {path}, regel 10, kolom 4" in r.stderr
    assert "rij 8 in Excel, kolom 'ouder': ouder 'o' is geen code in dit bestand; bedoelt u 'O'?" in r.stderr


def test_metadata_lines_without_a_hash_are_named(tmp_path: Path) -> None:
    # A user test: "titel: ..." in A1 gave only "header row lacks required column(s): code, kind, ...".
    path = excel_csv(tmp_path, ROBOTICA_CSV.replace("# ", ""), "utf-8")
    with pytest.raises(a.InputError) as info:
        a.load_csv(path)
    assert info.value.code == "csv.missing_columns_metadata"
    assert info.value.detail_nl.startswith("rij 1 in Excel: de kopregel mist verplichte kolom(men): ")
    assert "begin metadataregels met #, zoals '# titel: ...'" in info.value.detail_nl


# --- 3. Progress in a log ----------------------------------------------------------------------------------


def analyse_calls(progress, pairs: int = 10, variants: int = 1, per_pair: int = 3) -> None:
    """The calls transition.analyse makes: a stage per pair and variant, "stap k van n: ...", a few steps each."""
    steps = pairs * (1 + variants)
    progress("corpus", 0, 0)
    for k in range(1, steps + 1):
        for done in range(1, per_pair + 1):
            progress(f"stap {k} van {steps}: Paar {k}", done, per_pair)


def test_progress_of_a_transition_in_a_log_is_a_few_lines() -> None:
    out = io.StringIO()  # not a terminal
    analyse_calls(ProgressLine(unit="programmaparen", stream=out), pairs=20, variants=1)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Woordgewichten van alle geladen doelen berekenen..."
    assert lines[1] == "Afstemmen (stap 1 van 40: Paar 1): 1/3 programmaparen"
    assert lines[-1] == "Afstemmen (stap 40 van 40: Paar 40): 3/3 programmaparen"
    assert len(lines) <= 12  # a line per tenth of the run; it was one per call, 121


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_redrawn_as_before() -> None:
    out = Terminal()
    progress = ProgressLine(unit="programmaparen", stream=out, min_interval=0)
    analyse_calls(progress, pairs=5, variants=1)
    progress.finish()
    assert out.getvalue().count("\r\033[K") == 1 + 10 * 3  # every call redraws the line in place
    assert out.getvalue().endswith("\r\033[KAfstemmen (stap 10 van 10: Paar 10): 3/3 programmaparen\n")


@pytest.mark.slow
def test_a_real_analysis_writes_a_short_log(full: a.Catalogue) -> None:
    out = io.StringIO()
    transition = a.Transition.from_file(SHIPPED)
    transition.analyse(full, progress=ProgressLine(unit="programmaparen", stream=out))
    lines = out.getvalue().splitlines()
    steps = len(transition.pairs) * (1 + len(transition.variants))
    assert steps == 20
    assert lines[-1].startswith(f"Afstemmen (stap {steps} van {steps}: ")
    assert len(lines) <= 12  # was 60: every call of every pair


def test_a_level_a_notebook_writes_otherwise_gets_the_same_guess(full) -> None:
    """A review: only transition files got "bedoelt u ...?"; find_programme and a Transition built in a
    notebook gave the bare list. The guess is the core's (likely_levels), so every way in says it."""
    assert a.likely_levels("vmbo kader") == ["vmbo kb"] and a.likely_levels("groep 9") == []
    with pytest.raises(ValueError) as info:
        full.find_programme("wiskunde", "vmbo kader")
    assert info.value.message_nl == "onbekend niveau 'vmbo kader'; bedoelt u vmbo kb?"
    assert str(info.value).startswith("unknown level 'vmbo kader'; did you mean vmbo kb?")
    t = a.Transition(id="t", name="t", sending_level="vmbo gt", receiving_level="havo",
                     pairs=[a.Pair("W", ["Wiskunde"], ["Wiskunde B"])])
    with pytest.raises(ValueError) as info:
        t.analyse(full, with_variants=False)
    assert "bedoelt u vmbo gl of vmbo tl?" in info.value.message_nl
