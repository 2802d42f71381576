"""A curation file as Excel saves it (a user test: no save choice of Excel gave a file the tool
read). A real curation file, made with Curation.confirm/reject/save on the real data, is opened
as Excel opens it and saved as each of its text choices; every one reads back with the same
decisions and a warning that names the file and what was done. A workbook (.xlsx) is named as
one, for a curation file and for a programme's CSV file."""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import zipfile
from pathlib import Path

import pytest

import aansluiting as a

# The goals of the user guide's example (docs/gebruikershandleiding.md, chapter 8).
VMBO_CODE, HAVO_CODE, OTHER_CODE = "WI/V/1/12b", "WI/B/H/DomeinB/B1/4", "WI/K/7/10a"
COMMENT = 'coördinaten; "formules" hanteren'  # an ë, the CSV separator and quotes


@pytest.fixture(scope="module")
def original(slo: a.Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("curatie") / "besluiten.sssom.tsv"
    vmbo, havo, other = (slo.find_code(code)[0] for code in (VMBO_CODE, HAVO_CODE, OTHER_CODE))
    cur = a.Curation(slo, path)
    cur.confirm(vmbo, havo, predicate="closeMatch", confidence=0.9, comment=COMMENT, author="J. de Vries")
    cur.reject(other, havo, comment="alleen dezelfde woorden")
    cur.save()
    return path


def decisions(cur: a.Curation) -> dict[str, list]:
    """Every column of the decisions table (an empty confidence None, as NaN equals nothing)."""
    return {name: [None if isinstance(v, float) and math.isnan(v) else v for v in values]
            for name, values in cur.to_pandas().to_dict("list").items()}


def excel_rows(path: Path) -> list[list[str]]:
    """The file as Excel shows it once opened: a '#' line is one cell (its quotes kept), the
    other lines are cells at the tabs."""
    return [[line] if line.startswith("#") else next(csv.reader([line], delimiter="\t"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def excel_text(rows: list[list[str]], separator: str) -> str:
    """What Excel writes: every row as wide as the widest (so '#curie_map:;;;;'), a cell quoted
    when it holds the separator or a quote, CR LF. Its "CSV" choices on a Dutch Windows write the
    cells as they show: a decimal comma, a date as 30-11-2026."""
    width = max(len(r) for r in rows)
    header = next(r for r in rows if not r[0].startswith("#"))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    below_header = False
    for row in rows:
        cells = row + [""] * (width - len(row))
        if separator == ";" and below_header and not row[0].startswith("#"):
            for k, name in enumerate(header):
                if name == "confidence":
                    cells[k] = cells[k].replace(".", ",")
                elif name == "mapping_date":
                    cells[k] = re.sub(r"^(\d{4})-(\d\d)-(\d\d)$", r"\3-\2-\1", cells[k])
        below_header = below_header or row is header
        writer.writerow(cells)
    return out.getvalue()


# Each text choice of Excel's "Opslaan als", and the warnings it gets besides the Dutch cells'.
CHOICES = {
    "Unicode-tekst (*.txt)": (lambda rows: codecs.BOM_UTF16_LE + excel_text(rows, "\t").encode("utf-16-le"),
                              ["sssom.read_as_utf16"]),
    "Tekst (tab is scheidingsteken)": (lambda rows: excel_text(rows, "\t").encode("cp1252", errors="replace"),
                                       ["sssom.read_as_windows1252"]),
    "CSV UTF-8 (door komma's gescheiden)": (lambda rows: codecs.BOM_UTF8 + excel_text(rows, ";").encode("utf-8"),
                                            ["sssom.read_with_semicolons"]),
    "CSV (puntkomma's gescheiden)": (lambda rows: excel_text(rows, ";").encode("cp1252", errors="replace"),
                                     ["sssom.read_as_windows1252", "sssom.read_with_semicolons"]),
}
SPREADSHEET_CELLS = ["sssom.decimal_comma_read", "sssom.date_read"]  # as before this change


@pytest.mark.parametrize("choice", list(CHOICES))
def test_every_excel_text_choice_reads_back_with_the_same_decisions(slo, original, tmp_path, choice) -> None:
    expected = decisions(a.Curation(slo, original))
    assert expected["comment"][0] == COMMENT and expected["rejected"] == [False, True]
    save, said = CHOICES[choice]
    data = save(excel_rows(original))
    if "CSV" in choice:
        assert re.match(rb"(\xef\xbb\xbf)?#curie_map:;;;+\r\n", data)
        assert re.search(rb'\r\n"#  slo: ""https://opendata\.slo\.nl/curriculum/uuid/""";;;+\r\n', data)
    path = tmp_path / "besluiten.sssom.tsv"
    path.write_bytes(data)

    cur = a.Curation(slo, path)
    assert decisions(cur) == expected
    codes = [w.code for w in cur.warnings]
    assert codes == said + (SPREADSHEET_CELLS if "CSV" in choice else [])
    for w in cur.warnings[:len(said)]:
        assert w.file == str(path) and w.line >= 1  # "regel 0" says nothing on the command line
        assert w.message_nl.startswith("besluiten.sssom.tsv is ")
        assert "'Unicode-tekst (*.txt)'" in w.message_nl, w.message_nl
    first = cur.warnings[0].message_nl
    if choice.startswith("Unicode"):
        assert "opgeslagen als UTF-16LE" in first and "er gaat niets verloren" in first
    elif "windows-1252" in first:
        assert "heeft Excel al door '?' vervangen" in first and "weer als UTF-8" in first
    else:
        assert first.startswith("besluiten.sssom.tsv is gescheiden door ';'") and "schrijft aansluiting het weer met tabs" in first

    # A save writes SSSOM's tab-separated UTF-8 again, which reads without a word.
    cur.save()
    text = path.read_bytes().decode("utf-8")
    assert "\tskos:closeMatch\t" in text and COMMENT.replace('"', '""') in text and ";;" not in text
    again = a.Curation(slo, path)
    assert decisions(again) == expected and list(again.warnings) == []


def _workbook(path: Path, rows: list[list[str]]) -> None:
    """The curation file kept as an Excel workbook: with openpyxl a real one, else a ZIP as .xlsx is."""
    try:
        import openpyxl
    except ImportError:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
            z.writestr("xl/worksheets/sheet1.xml", "\n".join("\t".join(r) for r in rows))
        return
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def test_a_workbook_is_named_as_one(slo, original, tmp_path) -> None:
    """A user test: a curation file saved as .xlsx got "ongeldige UTF-8-byte 0xF2 ...", as if one
    character were wrong; and so did a programme's CSV file. Both say it is a workbook, at 1:1."""
    workbook = tmp_path / "besluiten.xlsx"
    _workbook(workbook, excel_rows(original))
    assert workbook.read_bytes().startswith(b"PK\x03\x04")
    with pytest.raises(a.InputError) as info:
        a.Curation(slo, workbook)
    assert (info.value.code, info.value.file, info.value.line, info.value.column) == (
        "saved_as_workbook", str(workbook), 1, 1)
    assert info.value.detail_nl.startswith("dit is een Excel-werkmap (.xlsx) of een ander ZIP-archief, geen "
                                           "tekstbestand: open het in Excel en sla het met 'Opslaan als' op als tekst")
    assert "een curatiebestand als 'Unicode-tekst (*.txt)'" in info.value.detail_nl

    programmes = tmp_path / "programmes"
    programmes.mkdir()
    renamed = programmes / "ontwerpen.csv"
    renamed.write_bytes(workbook.read_bytes())
    with pytest.raises(a.InputError) as info:
        a.load_csv(programmes)
    assert (info.value.code, info.value.file, info.value.line, info.value.column) == (
        "saved_as_workbook", str(renamed), 1, 1)
