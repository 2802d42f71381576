"""The command line, as a user runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import aansluiting

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "aansluiting", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=600)


def test_overview_on_the_real_data(data_dir: Path) -> None:
    r = run("overzicht", "--data", str(data_dir))
    assert r.returncode == 0, r.stderr
    counts = {line.rsplit(None, 1)[0].strip(): int(line.rsplit(None, 1)[1])
              for line in r.stdout.splitlines() if line.startswith("  ") and line.split()[-1].isdigit()}
    assert counts["eindtermen"] >= 2784 and counts["specificaties"] == 3608
    assert "kwalificaties" in r.stdout
    assert "vmbo tl" in r.stdout and "Waarschuwingen" in r.stdout
    # The warnings are written for Dutch readers too: the real data has dangling references.
    assert "verwijst naar geen enkel record van" in r.stdout
    assert "points to no record" not in r.stdout


def test_without_data_says_how_to_get_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "AANSLUITING_DATA"}
    r = subprocess.run([sys.executable, "-m", "aansluiting"], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "--data" in r.stderr and "Geen datamap" in r.stderr


def test_malformed_data_is_named_without_a_traceback(tmp_path: Path) -> None:
    programmes = tmp_path / "data" / "slo" / "examenprogramma"
    programmes.mkdir(parents=True)
    (programmes / "examenprogramma.json").write_text('[\n  {"id": "a", "title": "Wiskunde"}\n  {"id": "b"}\n]\n',
                                                     encoding="utf-8")
    r = run("overzicht", "--data", str(tmp_path / "data"), "--curricula", str(tmp_path))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "De curricula konden niet worden geladen" in r.stderr
    assert "examenprogramma.json, regel 3, kolom 3" in r.stderr
    assert "ongeldige JSON: een komma, haakje, dubbele punt of sleutel ontbreekt" in r.stderr
    assert "malformed JSON" not in r.stderr


def test_report_on_malformed_data_stops_with_the_position(tmp_path: Path) -> None:
    sbb = tmp_path / "data" / "sbb"
    sbb.mkdir(parents=True)
    (sbb / "dossier.xml").write_text('<?xml version="1.0"?>\n<kwalificatiedossier>\n  <naam>Zorg\n', encoding="utf-8")
    r = run("rapport", "vmbo-kb-mbo2-hzw", "--data", str(tmp_path / "data"), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "dossier.xml, regel" in r.stderr
    assert "ongeldige XML" in r.stderr and "is het bestand afgebroken?" in r.stderr
    assert not (tmp_path / "r.html").exists()


def test_a_folder_without_slo_or_sbb_is_not_loaded_as_empty(tmp_path: Path) -> None:
    (tmp_path / "examenprogramma").mkdir()
    r = run("overzicht", "--data", str(tmp_path))
    assert r.returncode == 1
    assert "geen map slo/ of sbb/" in r.stderr
    assert "Aantallen per soort" not in r.stdout


def test_report_that_cannot_be_written_says_where(tmp_path: Path, data_dir: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    r = run("rapport", "vmbo-kb-mbo2-hzw", "--data", str(data_dir), "-o", str(blocker / "r.html"))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith(f"Kan niet schrijven naar {blocker / 'r.html'}: ")
    assert "een deel van het pad is geen map" in r.stderr  # not strerror's English
    assert "Curricula laden" not in r.stderr  # found before the analysis
    assert blocker.read_text(encoding="utf-8") == "geen map"


def test_a_transition_with_an_unknown_subject_is_explained_in_dutch(tmp_path: Path, data_dir: Path) -> None:
    definition = tmp_path / "overgang.toml"
    definition.write_text(
        'name = "Proef"\nsending_level = "vmbo tl"\nreceiving_level = "havo"\n'
        '[[pair]]\nsending = ["Sterrenkunde"]\nreceiving = ["wiskunde B"]\n', encoding="utf-8")
    r = run("rapport", str(definition), "--data", str(data_dir), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "geen programma voor vak 'Sterrenkunde' op niveau 'vmbo tl'" in r.stderr
    assert not (tmp_path / "r.html").exists()


def test_help_is_in_dutch() -> None:
    for args in ([], ["rapport"], ["overzicht"]):
        r = run(*args, "--help")
        assert r.returncode == 0, r.stderr
        assert r.stdout.startswith("gebruik: aansluiting")
        assert "opties:" in r.stdout and "toon deze hulp en stop" in r.stdout
        for english in ("usage:", "options:", "positional arguments", "show this help"):
            assert english not in r.stdout, (args, english)
    # Options given before or after the command appear once, in one group.
    r = run("rapport", "--help")
    assert r.stdout.count("opties:") == 1 and r.stdout.count("--data MAP") == 2  # usage and options


def test_the_help_of_rapport_names_every_file_it_can_write() -> None:
    # The description named HTML and Excel only; --sssom writes the links as well.
    r = run("rapport", "--help")
    description = " ".join(r.stdout.split("\n\n")[1].split())
    assert "HTML-rapport" in description and "(--xlsx)" in description and "SSSOM-bestand (--sssom)" in description
    assert "(en desgewenst een Excel- bestand)" not in description


def test_times_are_written_with_a_decimal_comma(data_dir: Path) -> None:
    # 'overzicht' said "Geladen in 0.06 s", 'rapport' "3,1 s".
    r = run("overzicht", "--data", str(data_dir))
    assert r.returncode == 0, r.stderr
    assert re.search(r"^Geladen in \d+,\d\d s: ", r.stdout, re.M), r.stdout[:500]
    assert not re.search(r"\d\.\d+ s\b", r.stdout)


def test_argument_errors_are_in_dutch() -> None:
    cases = {
        ("rapprt",): "argument opdracht: onbekende keuze 'rapprt' (kies uit ",
        ("rapport",): "deze argumenten ontbreken: overgang",
        ("overzicht", "--bla"): "onbekende argumenten: --bla",
        ("rapport", "x", "-o"): "argument -o/--output: hier hoort een waarde bij",
    }
    for args, dutch in cases.items():
        r = run(*args)
        assert r.returncode == 2, args
        assert r.stderr.startswith("gebruik: aansluiting"), r.stderr
        assert f"aansluiting{' rapport' if args[0] == 'rapport' else ''}: fout: {dutch}" in r.stderr, r.stderr
        assert "error:" not in r.stderr and "usage:" not in r.stderr


def test_outside_the_project_the_shipped_transitions_are_listed(tmp_path: Path, data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "AANSLUITING_CURRICULA"}
    env["AANSLUITING_DATA"] = str(data_dir)
    r = subprocess.run([sys.executable, "-m", "aansluiting", "overgangen"], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "vmbo-tl-havo4" in r.stdout and "nieuwe-leerweg-mbo4" in r.stdout


def test_an_output_that_cannot_be_written_is_named_before_the_analysis(tmp_path: Path, data_dir: Path) -> None:
    # The user's own path in the message (not the temporary file beside it), and no analysis first.
    r = run("rapport", "vmbo-kb-mbo2-hzw", "--data", str(data_dir), "-o", str(tmp_path))
    assert r.returncode == 1
    assert r.stderr.strip() == f"Kan niet schrijven naar {tmp_path}: dit is een map, geen bestand."
    r = run("rapport", "vmbo-kb-mbo2-hzw", "--data", str(data_dir), "-o", str(tmp_path / "r.html"),
            "--xlsx", "/proc/x.xlsx")
    assert r.returncode == 1
    assert r.stderr.startswith("Kan niet schrijven naar /proc/x.xlsx: ") and ".tmp" not in r.stderr
    assert "Curricula laden" not in r.stderr and not (tmp_path / "r.html").exists()
    r = run("rapport", "vmbo-kb-mbo2-hzw", "--data", str(data_dir), "-o", str(tmp_path / "r.html"),
            "--sssom", str(tmp_path / "r.html"))
    assert r.returncode == 2
    assert "-o en --sssom wijzen naar hetzelfde bestand" in r.stderr and not (tmp_path / "r.html").exists()


def test_warnings_about_the_users_own_files_come_first(tmp_path: Path, data_dir: Path) -> None:
    programmes = tmp_path / "eigen" / "programmes"
    programmes.mkdir(parents=True)
    (programmes / "robotica.csv").write_text(
        "# titel: Robotica\ncode;ouder;soort;titel;niveaus\nA;;domein;Programmeren;\n"
        "A1;A;eindterm;Een robot programmeren;vmbo t\n", encoding="utf-8")
    r = run("overzicht", "--data", str(data_dir), "--curricula", str(tmp_path / "eigen"))
    assert r.returncode == 0, r.stderr
    own = f"Waarschuwingen in uw eigen bestanden ({tmp_path / 'eigen'}): 2"
    assert own in r.stdout
    after = r.stdout.split(own, 1)[1].splitlines()[1:3]
    assert any(s.startswith(f"  {programmes / 'robotica.csv'}:4:") and "onbekend niveau 'vmbo t'" in s for s in after)
    # With its one level unknown, the programme has none: said once, at the header row.
    assert any(s.startswith(f"  {programmes / 'robotica.csv'}:2:") and "telt in geen analyse mee" in s for s in after)
    # The open data's warnings follow, under their own heading.
    assert r.stdout.index(own) < r.stdout.index("Waarschuwingen in de open data: ")
    assert "verwijst naar geen enkel record van" in r.stdout.split("Waarschuwingen in de open data", 1)[1]


def test_a_reader_that_stops_early_ends_the_command_quietly(data_dir: Path) -> None:
    # `aansluiting overzicht | head -4`: the pipe is closed before the command writes to it.
    for args in (["overzicht", "--data", str(data_dir)], ["overgangen"]):
        p = subprocess.Popen([sys.executable, "-m", "aansluiting", *args], cwd=REPO, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        p.stdout.close()
        stderr = p.stderr.read()
        p.stderr.close()
        assert p.wait(timeout=120) == 141, (args, stderr)
        assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, (args, stderr)


def test_an_export_onto_the_curation_file_is_refused(tmp_path: Path, data_dir: Path) -> None:
    # --sssom writes every link, most of them the matcher's: onto the curation file it would
    # replace the curator's decisions (and their comments, dates and extra columns).
    decisions = tmp_path / "curatie.sssom.tsv"
    decisions.write_text("# mapping_set_id: urn:x\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\n",
                         encoding="utf-8")
    definition = tmp_path / "proef.toml"
    definition.write_text('name = "proef"\nsending_level = "vmbo kb"\nreceiving_level = "mbo 2"\n'
                          '[options]\ncuration = "curatie.sssom.tsv"\n'
                          '[[pair]]\nsending = ["Zorg en welzijn"]\nreceiving = ["Helpende Zorg en Welzijn"]\n',
                          encoding="utf-8")
    before = decisions.read_bytes()
    r = run("rapport", str(definition), "--data", str(data_dir), "-o", str(tmp_path / "r.html"),
            "--sssom", str(decisions))
    assert r.returncode == 2
    assert r.stderr.strip().startswith(f"Dit zou het curatiebestand van de overgang overschrijven ({decisions})")
    assert decisions.read_bytes() == before and not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("option", ["-o", "--xlsx", "--sssom"])
def test_an_export_onto_any_curation_file_is_refused(full, tmp_path: Path, data_dir: Path, option: str) -> None:
    """A user test exported the links of vmbo-tl-havo4 onto the curation file of their own transition: only the
    curation file of the transition being run was protected. A file that Curation.save wrote is refused under
    any option; an earlier export (or report) may be replaced."""
    from aansluiting import _core

    decisions = tmp_path / "mijn-besluiten.sssom.tsv"
    curation = aansluiting.Curation(full, decisions)
    wi = full.find_programme("wiskunde", "vmbo tl").goals(kinds=["eindterm"])
    curation.confirm(wi[0], full.find_programme("wiskunde B", "havo").goals(kinds=["eindterm"])[0])
    curation.save()
    before = decisions.read_bytes()
    extra = [] if option == "-o" else ["-o", str(tmp_path / "r.html")]
    r = run("rapport", "vmbo-tl-havo4", "--data", str(data_dir), *extra, option, str(decisions))
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip() == (f"{option} {decisions} is een curatiebestand (met de beslissingen van een curator); "
                                "een rapport of export zou het overschrijven. Kies een andere bestandsnaam.")
    assert decisions.read_bytes() == before and sorted(tmp_path.iterdir()) == [decisions]
    # Also a curator's file under another set id, saved by Excel with a byte order mark (a review): its rows are all
    # decisions. An export holds automatic links, and another export may replace it.
    renamed = tmp_path / "besluiten-excel.sssom.tsv"
    renamed.write_text("\ufeff" + before.decode("utf-8").replace("urn:aansluiting:mappings:curated", "urn:x:mine"),
                       encoding="utf-8")
    export = tmp_path / "koppelingen.sssom.tsv"
    a = aansluiting.align(full.find_programme("wiskunde", "vmbo tl"), full.find_programme("wiskunde B", "havo"))
    a.to_sssom(export)
    assert _core._is_curation_file(decisions) and _core._is_curation_file(renamed)
    assert not _core._is_curation_file(export) and not _core._is_curation_file(tmp_path / "er-niet.tsv")
    a.to_sssom(export)  # an export replaces an export
    with pytest.raises(aansluiting.InputError) as info:
        a.to_sssom(renamed)  # the notebook's way (a user test): refused as the command line refuses it
    assert info.value.code == "sssom.export_onto_curation" and "curatiebestand" in info.value.detail_nl
    assert renamed.read_text(encoding="utf-8").startswith("\ufeff")
    # A curator's file an editor broke (a review: a typo, or Excel's UTF-16) is protected all the same.
    typo = tmp_path / "besluiten-typo.sssom.tsv"
    typo.write_text(before.decode("utf-8").replace("skos:", "skos-", 1).replace("\tskos:", "\tskos:relatdMatch", 1),
                    encoding="utf-8")
    utf16 = tmp_path / "besluiten-utf16.sssom.tsv"
    utf16.write_text(before.decode("utf-8"), encoding="utf-16")
    with pytest.raises(aansluiting.InputError):
        aansluiting.Curation(full, typo)  # it does not parse
    # Excel's "Unicode-tekst" is read (and said so); it is a curator's file all the same.
    assert [w.code for w in aansluiting.Curation(full, utf16).warnings] == ["sssom.read_as_utf16"]
    for broken in (typo, utf16):
        assert _core._is_curation_file(broken)
        kept = broken.read_bytes()
        with pytest.raises(aansluiting.InputError):
            a.to_sssom(broken)
        assert broken.read_bytes() == kept


@pytest.mark.parametrize("option", ["-o", "--xlsx", "--sssom"])
def test_a_report_onto_its_own_definition_file_is_refused(tmp_path: Path, data_dir: Path, option: str) -> None:
    # A user test: "rapport mijn.toml -o mijn.toml" (tab completion) replaced the definition with HTML.
    definition = tmp_path / "mijn.toml"
    definition.write_text('name = "proef"\nsending_level = "vmbo kb"\nreceiving_level = "mbo 2"\n'
                          '[[pair]]\nsending = ["Zorg en welzijn"]\nreceiving = ["Helpende Zorg en Welzijn"]\n',
                          encoding="utf-8")
    before = definition.read_bytes()
    extra = [] if option == "-o" else ["-o", str(tmp_path / "r.html")]
    r = run("rapport", str(definition), "--data", str(data_dir), *extra, option, str(definition))
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip() == (f"{option} {definition} is het overgangsbestand van deze analyse; een rapport of "
                                "export zou het overschrijven. Kies een andere bestandsnaam.")
    assert definition.read_bytes() == before and sorted(tmp_path.iterdir()) == [definition]


def test_a_report_may_replace_an_earlier_report_in_the_curricula_folder(tmp_path: Path, data_dir: Path) -> None:
    # A review: every existing file below the curricula folder counted as an input, so a second
    # run that wrote its report there again was refused.
    own = tmp_path / "eigen"
    (own / "transitions").mkdir(parents=True)
    definition = own / "transitions" / "mijn.toml"
    definition.write_text('name = "proef"\nsending_level = "vmbo kb"\nreceiving_level = "mbo 2"\n'
                          '[[pair]]\nsending = ["Nederlandse taal"]\nreceiving = ["Helpende Zorg en Welzijn"]\n',
                          encoding="utf-8")
    earlier = own / "rapport.html"
    earlier.write_text("<html>vorige versie</html>", encoding="utf-8")
    r = run("rapport", str(definition), "--data", str(data_dir), "--curricula", str(own), "-o", str(earlier))
    assert r.returncode == 0, r.stderr
    assert "vorige versie" not in earlier.read_text(encoding="utf-8")


def test_a_report_onto_a_data_file_is_refused(tmp_path: Path, data_dir: Path) -> None:
    target = data_dir / "slo" / "basis" / "niveaus.json"
    r = run("rapport", "vmbo-kb-mbo2-hzw", "--data", str(data_dir), "-o", str(target))
    assert r.returncode == 2 and "is een invoerbestand van deze analyse" in r.stderr, r.stderr


def test_a_mistyped_folder_is_named(tmp_path: Path, data_dir: Path) -> None:
    # A user test: --curricula pointing nowhere loaded no own programmes without a word.
    r = run("overzicht", "--data", str(data_dir), "--curricula", str(tmp_path / "eigen"))
    assert r.returncode == 2 and r.stderr.strip() == f"De map met eigen curricula {tmp_path / 'eigen'} (--curricula) bestaat niet."
    (tmp_path / "data.txt").write_text("x", encoding="utf-8")
    r = run("overzicht", "--data", str(tmp_path / "data.txt"))
    assert r.returncode == 2 and r.stderr.strip() == f"De datamap {tmp_path / 'data.txt'} (--data) is geen map."


def test_ctrl_c_stops_without_a_traceback(tmp_path: Path, data_dir: Path) -> None:
    import signal
    import time

    p = subprocess.Popen([sys.executable, "-m", "aansluiting", "rapport", "vmbo-tl-havo4", "--data", str(data_dir),
                          "-o", str(tmp_path / "r.html")], cwd=REPO, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # loading or analysing
    p.send_signal(signal.SIGINT)
    _, stderr = p.communicate(timeout=120)
    assert p.returncode == 130, stderr
    assert "Afgebroken." in stderr and "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_goals_in_both_programmes_are_named_and_not_overlaps(tmp_path: Path, data_dir: Path) -> None:
    """A user test: mbo 3 -> mbo 4 of one dossier shares its basis part; those goals were linked to
    themselves by their text and reported as 57 overlaps ("mogelijk dubbel onderwijs")."""
    definition = tmp_path / "pmk-gpm.toml"
    definition.write_text(
        'name = "PMK mbo 3 → GPM mbo 4"\nsending_level = "mbo 3"\nreceiving_level = "mbo 4"\n'
        '[[pair]]\nname = "PMK → GPM"\nsending = ["Pedagogisch medewerker kinderopvang"]\n'
        'receiving = ["Gespecialiseerd pedagogisch medewerker"]\n', encoding="utf-8")
    r = run("rapport", str(definition), "--data", str(data_dir), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 0, r.stderr
    shared = int(re.search(r"Van de gedekte doelen staan er (\d+) in beide programma's \(gedeeld basisdeel\)",
                           r.stdout)[1])
    overlaps = int(re.search(r", (\d+) overlapping(en)? \(dekkingsgraad", r.stdout)[1])
    assert shared > 20 and overlaps < 10


def test_gaps_closed_on_one_shared_word_are_counted_next_to_the_count(tmp_path: Path, data_dir: Path) -> None:
    """A user test: "met Informatietechnologie: 14 hiaten gesloten", 10 of them on one stock word, and
    nothing said so. ITTL's "kan hygiënisch werken" closes "Draagt zorg voor huishoudelijke
    werkzaamheden" on "hygiënisch" alone (a link capped at 0,25): the line, the report and the
    Excel sheet of the variant count such gaps."""
    import pandas as pd

    definition = tmp_path / "bio-gpm.toml"
    definition.write_text(
        'name = "Biologie → GPM"\nsending_level = "vmbo tl"\nreceiving_level = "mbo 4"\n'
        '[[pair]]\nname = "Biologie → GPM"\nsending = ["Biologie"]\n'
        'receiving = ["Gespecialiseerd pedagogisch medewerker"]\n'
        '[[variant]]\nname = "met Informatietechnologie"\nadd_sending = ["Informatietechnologie"]\n',
        encoding="utf-8")
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    r = run("rapport", str(definition), "--data", str(data_dir), "-o", str(html), "--xlsx", str(xlsx))
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if x.startswith("  variant met Informatietechnologie: "))
    m = re.fullmatch(r"  variant met Informatietechnologie: (\d+) hia(?:at|ten) gesloten \([^)]*\), "
                     r"waarvan (\d+) (rust|rusten) op maar één onderscheidend woord \(begrensd op 0,25\); "
                     r"\d+ geopend.*", line)
    assert m, line
    closed, capped = int(m[1]), int(m[2])
    assert 1 <= capped <= closed and m[3] == ("rust" if capped == 1 else "rusten")
    # The Excel sheet of the variant marks the gaps it counted, among them the hygiene one.
    sheet = next(s for n, s in pd.read_excel(xlsx, sheet_name=None, header=None).items() if n.startswith("Met "))
    head = sheet.index[sheet.iloc[:, 0].eq("Paar")][-1]  # the header of the table of changes
    changes = sheet.iloc[head + 1:].set_axis(sheet.iloc[head], axis=1).dropna(subset=["Verandering"])
    gaps = changes[changes["Verandering"] == "hiaat gesloten"]
    assert len(gaps) == closed and gaps["Op één woord"].astype(bool).sum() == capped
    hygiene = gaps[gaps["Doel"] == "Draagt zorg voor huishoudelijke werkzaamheden"]
    assert len(hygiene) == 1 and bool(hygiene["Op één woord"].iloc[0])
    assert "hygiënisch" in hygiene["Nieuw aansluitend doel"].iloc[0]
    note = ("Het gesloten hiaat rust" if closed == 1 else f"{capped} van de {closed} gesloten hiaten {m[3]}") + \
        " op maar één onderscheidend woord"
    assert note in " ".join(map(str, sheet.to_numpy().ravel()))
    # The report says it below the heading of the closed gaps, with the cap.
    text = html.read_text(encoding="utf-8")
    assert note in text and "is begrensd op 0,25" in text


def test_the_command_line_says_what_the_curation_applied(full, tmp_path: Path, data_dir: Path) -> None:
    """A user test: `aansluiting rapport` with a curation file printed the counts of the analysis, never that
    the decisions were applied; only the HTML and Excel said so."""
    vmbo, havo = full.find_code("WI/V/1/12b")[0], full.find_code("WI/B/H/DomeinB/B1/4")[0]
    decisions = tmp_path / "besluiten.sssom.tsv"
    curation = aansluiting.Curation(full, decisions)
    curation.confirm(vmbo, havo)
    curation.save()
    definition = tmp_path / "wi.toml"
    definition.write_text('name = "wi"\nsending_level = "vmbo tl"\nreceiving_level = "havo"\n'
                          '[options]\ncuration = "besluiten.sssom.tsv"\n'
                          '[[pair]]\nsending = ["Wiskunde"]\nreceiving = ["Wiskunde B"]\n', encoding="utf-8")
    r = run("rapport", str(definition), "--data", str(data_dir), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 0, r.stderr
    # The file with its folder, as the warnings about its rows name it (outside the working folder: whole).
    assert f"  curatie ({decisions}): 1 koppeling bevestigd en 0 afgewezen" in r.stdout.splitlines()
    r = run("rapport", "wi.toml", "--data", str(data_dir), "-o", "r.html", cwd=tmp_path)
    assert "  curatie (besluiten.sssom.tsv): 1 koppeling bevestigd en 0 afgewezen" in r.stdout.splitlines()
    plain = tmp_path / "zonder.toml"
    plain.write_text(definition.read_text(encoding="utf-8").replace('curation = "besluiten.sssom.tsv"\n', ""),
                     encoding="utf-8")
    r = run("rapport", str(plain), "--data", str(data_dir), "-o", str(tmp_path / "z.html"))
    assert r.returncode == 0 and "curatie (" not in r.stdout


def test_a_variant_of_another_leerweg_says_which_goals_only_one_has(data_dir: Path, full, tmp_path: Path) -> None:
    """A user test: kb beside bb printed "variant vmbo bb: 0 hiaten gesloten, 0 geopend" and nothing on the
    goals only one leerweg has, which the HTML lists (and which explain why nothing changes)."""
    from aansluiting.report.tables import of_shared_programmes

    r = run("rapport", "vmbo-kb-mbo2-hzw", "--data", str(data_dir), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if x.startswith("  variant vmbo bb: "))
    result = aansluiting.Transition.from_file("vmbo-kb-mbo2-hzw").analyse(full)
    c = result.comparisons["vmbo bb"]
    only_bb, only_kb = len(of_shared_programmes(c.sending_only_variant)), len(of_shared_programmes(c.sending_only_base))
    assert only_bb > 0 and only_kb > 0
    assert line.endswith(f"; {only_bb} doelen alleen in vmbo bb, {only_kb} alleen in vmbo kb"), line
