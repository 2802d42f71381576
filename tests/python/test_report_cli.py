"""`aansluiting overgangen` and `aansluiting rapport`, as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from report_case import REPO, TRANSITIONS


def run(*args: str, cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aansluiting", *args], cwd=cwd, env=env or dict(os.environ),
                          capture_output=True, text=True, timeout=900)


def shipped_ids() -> dict[str, str]:
    out = {}
    for path in TRANSITIONS.glob("*.toml"):
        with path.open("rb") as f:
            doc = tomllib.load(f)
        out[doc["id"]] = doc["name"]
    return out


def test_overgangen_lists_the_shipped_transitions():
    r = run("overgangen")
    assert r.returncode == 0, r.stderr
    for tid, name in shipped_ids().items():
        assert any(line.split()[0] == tid and name in line for line in r.stdout.splitlines() if line.strip())


def test_unknown_transition_lists_the_available_ones():
    r = run("rapport", "bestaat-niet")
    assert r.returncode == 2
    assert "Onbekende overgang 'bestaat-niet'" in r.stderr
    for tid in shipped_ids():
        assert tid in r.stderr


def test_missing_file_is_named(tmp_path: Path):
    r = run("rapport", str(tmp_path / "eigen.toml"))
    assert r.returncode == 2 and "eigen.toml bestaat niet" in r.stderr


def test_a_mistake_in_the_definition_is_named_with_its_line(tmp_path: Path):
    text = (TRANSITIONS / "vmbo-tl-havo4.toml").read_text(encoding="utf-8")
    path = tmp_path / "eigen.toml"
    path.write_text(text.replace("receiving_exam =", "recieving_exam =", 1), encoding="utf-8")
    line = next(i + 1 for i, s in enumerate(text.splitlines()) if s.startswith("receiving_exam"))
    r = run("rapport", str(path))
    assert r.returncode == 2
    assert r.stderr.startswith(f"Fout in het overgangsbestand {path}:{line}:1: onbekende sleutel 'recieving_exam'")
    assert "Traceback" not in r.stderr


def test_a_broken_definition_is_named_not_silently_skipped(tmp_path: Path):
    folder = tmp_path / "transitions"
    folder.mkdir()
    good = (TRANSITIONS / "vmbo-tl-havo4.toml").read_text(encoding="utf-8")
    (folder / "goed.toml").write_text(good, encoding="utf-8")
    (folder / "kapot.toml").write_text(good.replace('id = "vmbo-tl-havo4"', 'id = "kapot"')
                                       .replace("[[pair]]", "[[paar]]", 1), encoding="utf-8")
    r = run("overgangen", "--curricula", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "vmbo-tl-havo4" in r.stdout and "kapot" not in r.stdout
    assert f"Overgangsbestand overgeslagen: {folder / 'kapot.toml'}:" in r.stderr
    assert "onbekende sleutel 'paar'" in r.stderr


def test_without_data_says_how_to_get_it(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "AANSLUITING_DATA"}
    r = run("rapport", "vmbo-tl-havo4", "--curricula", str(REPO / "curricula"), cwd=tmp_path, env=env)
    assert r.returncode == 2
    assert "Geen datamap" in r.stderr and "--data" in r.stderr


@pytest.mark.slow
def test_rapport_writes_html_and_xlsx(data_dir: Path, tmp_path: Path):
    html, xlsx = tmp_path / "uit" / "rapport.html", tmp_path / "rapport.xlsx"
    r = run("rapport", "vmbo-kb-mbo2-hzw", "--data", str(data_dir), "-o", str(html), "--xlsx", str(xlsx))
    assert r.returncode == 0, r.stderr
    text = html.read_text(encoding="utf-8")
    assert 'id="samenvatting"' in text and 'id="heatmap-0"' in text and "Helpende Zorg en Welzijn" in text
    gaps = pd.read_excel(xlsx, sheet_name="Hiaten")
    assert f"{len(gaps)} hiaten" in r.stdout
    assert "Geschreven:" in r.stdout and "Klaar in" in r.stderr
    assert "variant vmbo bb" in r.stdout


@pytest.mark.slow
def test_rapport_accepts_a_path(data_dir: Path, tmp_path: Path):
    path = TRANSITIONS / "nieuwe-leerweg-mbo4.toml"
    r = run("rapport", str(path), "--data", str(data_dir), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "rapport-nieuwe-leerweg-mbo4.html").is_file()


def test_progress_line_in_a_log_is_short():
    import io

    from aansluiting._progress import ProgressLine

    out = io.StringIO()
    progress = ProgressLine(stream=out)
    for done in range(0, 101):
        progress("Wiskunde → wiskunde B", done, 100)
    progress(5, 10)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Afstemmen (Wiskunde → wiskunde B): 0/100 doelen"
    assert lines[-2] == "Afstemmen (Wiskunde → wiskunde B): 100/100 doelen"
    assert lines[-1] == "Afstemmen: 5/10 doelen"
    assert len(lines) == 6  # one line per quarter, not one per goal


@pytest.mark.slow
def test_rapport_alle_writes_a_report_per_transition(tmp_path, data_dir):
    r = run("rapport", "alle", "-o", str(tmp_path / "rapporten"), "--data", str(data_dir))
    assert r.returncode == 0, r.stderr
    # Where it is: "Overgang 2 van 5", and within a transition "stap 3 van 12" (pairs times variants).
    ids = shipped_ids()
    said = [line.split(": ", 1) for line in r.stderr.splitlines() if line.startswith("Overgang ") and " van " in line]
    assert [where for where, _ in said] == [f"Overgang {k} van {len(ids)}" for k in range(1, len(ids) + 1)]
    assert {tid for _, tid in said} == set(ids)
    assert "Woordgewichten van alle geladen doelen berekenen..." in r.stderr
    assert "Afstemmen (stap 1 van " in r.stderr
    for tid in shipped_ids():
        html = tmp_path / "rapporten" / f"rapport-{tid}.html"
        assert html.stat().st_size > 10_000
        assert 'id="samenvatting"' in html.read_text(encoding="utf-8")
        assert (tmp_path / "rapporten" / f"rapport-{tid}.xlsx").is_file()
        links = pd.read_csv(tmp_path / "rapporten" / f"koppelingen-{tid}.sssom.tsv", sep="\t", comment="#")
        assert len(links) > 100 and not links.duplicated(["subject_id", "object_id"]).any()


def test_rapport_alle_refuses_options_it_would_ignore(tmp_path: Path):
    r = run("rapport", "alle", "--xlsx", str(tmp_path / "a.xlsx"), "--sssom", str(tmp_path / "a.tsv"), cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.startswith("Bij 'rapport alle' kunnen --xlsx en --sssom niet worden gebruikt: per overgang ")
    assert "'aansluiting rapport <id> --xlsx BESTAND --sssom BESTAND'" in r.stderr
    r = run("rapport", "alle", "--sssom", str(tmp_path / "a.tsv"), cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.startswith("Bij 'rapport alle' kan --sssom niet worden gebruikt")
    # -o names the folder of the reports: a file name is a mistake, not a folder called x.html.
    r = run("rapport", "alle", "-o", str(tmp_path / "uit" / "x.html"), cwd=tmp_path)
    assert r.returncode == 2
    assert f"is -o de map voor de rapporten, geen bestand: {tmp_path / 'uit' / 'x.html'}" in r.stderr
    assert list(tmp_path.iterdir()) == []


ROBOTICA = """# titel: Robotica (vmbo tl)
# vak: Robotica
# niveaus: vmbo tl
# examen: SE
code;ouder;soort;titel;omschrijving
A;;domein;Programmeren;
A1;A;eindterm;Programmeren van een robot;De kandidaat kan een programma schrijven voor een robot met sensoren.
A2;A;eindterm;Functies gebruiken;De kandidaat kan formules en functies hanteren en grafieken tekenen van metingen.
"""

ROBOT = """id = "robot"
name = "vmbo tl → havo 4 met robotica"
sending_level = "vmbo tl"
receiving_level = "havo"
[[pair]]
name = "Wiskunde → wiskunde B"
sending = ["Wiskunde"]
receiving = ["Wiskunde B"]
[[variant]]
name = "met robotica"
add_sending = ["Robotica"]
"""


def _own_folder(tmp_path: Path, programme: str = ROBOTICA) -> Path:
    """A user's own curricula folder (--curricula): the robotica programme and the transition that adds it."""
    own = tmp_path / "eigen"
    (own / "programmes").mkdir(parents=True)
    (own / "programmes" / "robotica.csv").write_text(programme, encoding="utf-8")
    (own / "transitions").mkdir()
    (own / "transitions" / "robot.toml").write_text(ROBOT, encoding="utf-8")
    return own


@pytest.mark.slow
def test_one_of_a_kind_is_said_in_the_singular(data_dir: Path, tmp_path: Path):
    # One pair; the variant closes one gap: "1 vakkenpaar", "1 hiaat gesloten" (not "vakkenpaaren", "1 hiaten").
    (tmp_path / "programmes").mkdir()
    (tmp_path / "programmes" / "robotica.csv").write_text(ROBOTICA, encoding="utf-8")
    (tmp_path / "transitions").mkdir()
    (tmp_path / "transitions" / "robot.toml").write_text(ROBOT, encoding="utf-8")
    html = tmp_path / "r.html"
    r = run("rapport", str(tmp_path / "transitions" / "robot.toml"), "--data", str(data_dir), "-o", str(html))
    assert r.returncode == 0, r.stderr
    assert "  variant met robotica: 1 hiaat gesloten (0 nu gedekt, 1 deels gedekt), 0 geopend" in r.stdout.splitlines()
    header = " ".join(html.read_text(encoding="utf-8").split("</header>")[0].split())
    assert "· 1 vakkenpaar ·" in header


@pytest.mark.slow
def test_own_curricula_are_named_and_listed_as_sources(data_dir: Path, tmp_path: Path):
    # A user's own folder (--curricula) with a CSV programme that a variant adds, as in a user test.
    own = _own_folder(tmp_path)
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    r = run("rapport", "robot", "--curricula", str(own), "--data", str(data_dir), "-o", str(html), "--xlsx", str(xlsx))
    assert r.returncode == 0, r.stderr
    # Says what is loaded from where: the open data and the user's own programmes.
    assert (f"Curricula laden: open data uit {data_dir.resolve()}, eigen programma's uit "
            f"{(own / 'programmes').resolve()} ...") in r.stderr
    # The sources: the variant's own programme and the syllabus the sending side includes, in both files.
    listed = list(pd.read_excel(xlsx, sheet_name="Bronnen")["Programma"])
    assert "Robotica (vmbo tl)" in listed
    assert any(title.startswith("Syllabus Wiskunde vmbo tl") for title in listed)
    sources = html.read_text(encoding="utf-8").split('id="bronnen"', 1)[1]
    assert all(title in sources for title in listed)


@pytest.mark.slow
def test_the_warnings_about_own_files_come_before_the_analysis(data_dir: Path, tmp_path: Path):
    # A user test: a CSV whose levels no name fits was "not found" at every level, and only
    # `overzicht` said why. ("vmbo gl/tl", the case of that test, is now read as two levels.)
    own = _own_folder(tmp_path, ROBOTICA.replace("# niveaus: vmbo tl", "# niveaus: vmbo 4"))
    r = run("rapport", "robot", "--curricula", str(own), "--data", str(data_dir), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 2
    lines = r.stderr.splitlines()
    notice = next(i for i, line in enumerate(lines) if line.startswith("Let op: ") and "eigen bestanden" in line)
    assert str(own / "programmes" / "robotica.csv") in lines[notice + 1]
    assert notice < next(i for i, line in enumerate(lines) if "kan niet worden geanalyseerd" in line)


@pytest.mark.slow
def test_a_report_names_its_files_relative_to_the_folders_given(data_dir: Path, tmp_path: Path):
    # A user test: the shared report showed /tmp/.../transitions/x.toml and /work/shared/data/slo/... .
    own = _own_folder(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("AANSLUITING_DATA", "AANSLUITING_CURRICULA")}
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    r = run("rapport", "robot", "--curricula", str(own), "--data", str(data_dir), "-o", str(html), "--xlsx", str(xlsx),
            cwd=tmp_path, env=env)  # the data folder is known from --data only
    assert r.returncode == 0, r.stderr
    text = html.read_text(encoding="utf-8")
    assert str(tmp_path) not in text and str(data_dir.resolve()) not in text
    assert "<dt>Definitiebestand</dt><dd>transitions/robot.toml</dd>" in text
    files = set(pd.read_excel(xlsx, sheet_name="Bronnen")["Bestand"].dropna())
    assert {"programmes/robotica.csv", "slo/syllabus/syllabus.json"} <= files
    sources = text.split('id="bronnen"', 1)[1]
    assert all(f"<td>{f}</td>" in sources for f in ("programmes/robotica.csv", "slo/syllabus/syllabus.json"))


@pytest.mark.slow
def test_the_closed_gaps_of_a_variant_are_split_into_covered_and_partly_covered(data_dir: Path, tmp_path: Path):
    """A user test: `aansluiting rapport nieuwe-leerweg-havo4` said "met T&T: 7 hiaten gesloten" while
    none became covered. The line says how many of the closed are now covered and how many only
    partly, as the heading in the report does; the number closed stays."""
    import re

    html = tmp_path / "x.html"
    r = run("rapport", "nieuwe-leerweg-havo4", "--data", str(data_dir), "-o", str(html))
    assert r.returncode == 0, r.stderr
    lines = [x for x in r.stdout.splitlines() if x.startswith("  variant ")]
    # Nothing closed: no split to give; another leerweg also says which goals only one of them has.
    assert "  variant vmbo gl: 0 hiaten gesloten, 0 geopend; 0 doelen alleen in vmbo gl, 3 alleen in vmbo tl" in lines
    lines = [x for x in lines if not x.startswith("  variant vmbo gl")]
    assert len(lines) == 2
    text = " ".join(html.read_text(encoding="utf-8").split())
    for line in lines:
        m = re.fullmatch(r"  variant (.+?): (\d+) hiaten gesloten \((\d+) nu gedekt, (\d+) deels gedekt\), waarvan "
                         r"\d+ rusten op maar één onderscheidend woord \(begrensd op 0,25\); \d+ geopend.*", line)
        assert m, line
        closed, covered, partly = int(m[2]), int(m[3]), int(m[4])
        assert covered + partly == closed > 0
        assert f"Hiaten die de variant sluit ({closed}): {covered} nu gedekt, {partly} deels gedekt</h3>" in text
    tt = next(x for x in lines if x.startswith("  variant met Technologie & Toepassing: "))
    assert re.search(r"gesloten \(\d+ nu gedekt, [1-9]\d* deels gedekt\)", tt)  # the user test: some only partly
