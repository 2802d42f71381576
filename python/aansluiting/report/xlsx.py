"""The report as an Excel workbook: the same tables as the HTML report, one per sheet."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from . import tables
from ._files import write_atomically

if TYPE_CHECKING:
    import pandas as pd

    from ..results import TransitionResult

_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MAX_SHEET_NAME = 31  # Excel's limit
MAX_COLUMN_WIDTH = 60


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (31 characters, no []:*?/\\); a long name is cut after a word, with "…"."""
    base = _FORBIDDEN.sub("-", name).strip("'") or "Blad"

    def cut(limit: int) -> str:
        if len(base) <= limit:
            return base
        head = base[: limit - 1]
        words = head.rsplit(" ", 1)[0] if " " in head else head
        return words.rstrip(" &-,;") + "…"

    candidate = cut(MAX_SHEET_NAME)
    n = 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        candidate = cut(MAX_SHEET_NAME - len(suffix)) + suffix
        n += 1
    taken.add(candidate)
    return candidate


def variant_sheet_name(variant: str) -> str:
    """A variant's sheet: its own name ("Met Technologie & Toepassing"), or "Variant gl" for a bare one."""
    first = variant.split(" ", 1)[0].lower()
    return variant[:1].upper() + variant[1:] if first in ("met", "zonder") else f"Variant {variant}"


def matrix_sheet_name(sending: "tables.DomainWord", receiving: "tables.DomainWord") -> str:
    """"Domeinmatrix" between exam programmes; "Matrix domein-kerntaak" from vmbo to mbo (rows first)."""
    if sending == receiving:
        return f"{sending.title}matrix"
    return f"Matrix {sending.one}-{receiving.one}"


#: Number formats of the share columns: a share (Dekkingsgraad) as a percentage, its change with a
#: sign, a coverage or score with two decimals. The tables hold each as the report shows it (whole
#: percents, cut to two decimals: report.tables), so a cell's value is the number it shows.
PERCENT, SIGNED_PERCENT, DECIMALS = "0%", "+0%;-0%;0%", "0.00"


def number_format(column: object) -> str:
    """The format of a column of :data:`tables.SHARE_COLUMNS`."""
    if column == "Verschil dekkingsgraad":
        return SIGNED_PERCENT
    return PERCENT if str(column).startswith("Dekkingsgraad") or column == "Aandeel gedekt" else DECIMALS


def _format_sheet(sheet, frame: "pd.DataFrame", header_row: int = 1) -> None:
    """Readable widths, percentages as percentages, a frozen header and a filter."""
    from openpyxl.utils import get_column_letter

    for i, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(i)
        values = [str(column)] + [str(v) for v in frame[column].head(200).tolist()]
        sheet.column_dimensions[letter].width = min(MAX_COLUMN_WIDTH, max(8, max(len(v) for v in values) + 2))
        if column in tables.SHARE_COLUMNS:
            for row in range(header_row + 1, header_row + 1 + len(frame)):
                sheet.cell(row=row, column=i).number_format = number_format(column)


def _write(writer, name: str, frame: "pd.DataFrame", taken: set[str], note: str = "") -> None:
    """One table with a frozen header and a filter; ``note``: a line below it (outside the filter)."""
    from openpyxl.styles import Font

    title = sheet_name(name, taken)
    frame.to_excel(writer, sheet_name=title, index=False)
    sheet = writer.sheets[title]
    _format_sheet(sheet, frame)
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = sheet.dimensions
    if note:  # in the blank row below the table
        sheet.cell(row=len(frame) + 3, column=1, value=note).font = Font(italic=True)


def side_by_side_sheet(side_by_side: "pd.DataFrame") -> "pd.DataFrame":
    """:func:`tables.closed_side_by_side` as the sheet shows it: a variant that does not close a gap says
    "blijft hiaat" (an empty cell read as "unknown"), its goal columns stay empty, one-word links "ja"."""
    frame = side_by_side.copy()
    for name, (_, _, capped) in side_by_side.attrs["goals"].items():
        frame[name] = frame[name].where(frame[name] != "", "blijft hiaat")
        frame[capped] = ["ja" if c else "" for c in frame[capped]]
    return frame


def side_by_side_note(side_by_side: "pd.DataFrame", cap: object = None) -> str:
    """What the columns of the sheet Varianten naast elkaar mean (below the table)."""
    limit = f" (score begrensd op {tables.cap_text(cap)})" if tables.cap_text(cap) else ""
    return ("Per variant: de status die het hiaat daar krijgt (\"blijft hiaat\": deze variant sluit het niet; dan "
            "zijn de kolommen van het sluitend doel leeg), het doel van de vooropleiding dat het sluit (de beste "
            "koppeling die alleen de variant heeft) en \"op één woord\": ja als die koppeling op maar één gedeeld "
            f"onderscheidend woord rust{limit}, zwak bewijs. {tables.SIDE_BY_SIDE_COUNT}: hoeveel varianten het "
            "hiaat sluiten (1: alleen de variant met een status).")


def _write_blocks(writer, name: str, blocks: list[tuple[str, "pd.DataFrame"]], taken: set[str],
                  notes: dict[str, str] | None = None) -> None:
    """Several titled tables below each other on one sheet; ``notes``: a line below the table of that heading."""
    from openpyxl.styles import Font

    title = sheet_name(name, taken)
    row = 0
    for heading, frame in blocks:
        frame.to_excel(writer, sheet_name=title, index=False, startrow=row + 1)
        sheet = writer.sheets[title]
        sheet.cell(row=row + 1, column=1, value=heading).font = Font(bold=True, size=12)
        _format_sheet(sheet, frame, header_row=row + 2)
        if (notes or {}).get(heading):  # in the blank row below the table
            sheet.cell(row=row + 3 + len(frame), column=1, value=notes[heading]).font = Font(italic=True)
        row += len(frame) + 4


def write_xlsx(result: "TransitionResult", path: str | os.PathLike, *, data: str | os.PathLike | None = None,
               curricula: str | os.PathLike | None = None) -> Path:
    """Write the tables of ``result`` as an Excel workbook (sheets in Dutch), atomically. Returns the path.

    An OSError names ``path``, not the temporary file beside it. Each exam column (CE, SE, kern,
    keuze) is left out when no receiving goal has that flag (mbo has none, havo no kern or keuze),
    as in the HTML report (:func:`tables.exam_columns`).
    ``data`` and ``curricula``: the folders files are named relative to (see ``render_html``).
    The receiving side's domains are named for what they are (sheet Kerntaken for an mbo
    qualification, :func:`tables.domain_words`), its goals' kinds in Dutch; where they are of
    several kinds the gaps have a column Soort and the summary counts them per kind.
    """
    import pandas as pd

    sending, receiving = tables.domain_words(result)
    kinds = tables.kind_counts(result.coverage)
    exam = tables.exam_columns(result.coverage)
    note = tables.total_note(len(result.pairs) > 1, {"Hiaten CE", "Hiaten SE"} <= exam)

    def shown(frame: "pd.DataFrame") -> "pd.DataFrame":
        return tables.without_exam(frame, exam)

    def write(tmp: str) -> None:
        taken: set[str] = set()
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            summary = shown(tables.summary_table(result))
            facts = {"Overgang": result.name, "Beschrijving": "\n\n".join(tables.paragraphs(result.description)),
                     "Vooropleiding": result.sending_level, "Vervolg": result.receiving_level}
            if kinds:  # "45 doelen (12 werkprocessen, 33 vakkennis en vaardigheden)"
                facts["Doelen vervolg"] = (tables.count(result.summary.get("receiving_leaves"), "doel", "doelen")
                                           + f" ({kinds})")
            if (result.meta or {}).get("curation"):  # whose decisions the figures include (a user test)
                facts["Curatiebestand"] = tables.shown_file(result.meta["curation"],
                                                            tables.report_folders(result, data, curricula))
            facts["Analyseduur (s)"] = round(float(result.seconds or 0.0), 2)
            header = pd.DataFrame({"Gegeven": list(facts), "Waarde": list(facts.values())})
            _write_blocks(writer, "Samenvatting", [("Overgang", header), ("Per vakkenpaar", summary)], taken,
                          notes={"Per vakkenpaar": note})
            _write(writer, "Hiaten", shown(tables.gap_table(result.gaps, receiving, kinds=bool(kinds))), taken)
            _write(writer, "Dekking", shown(tables.coverage_table(result.coverage, receiving)), taken)
            _write(writer, "Overlap", tables.overlap_table(result.overlaps), taken)
            _write(writer, receiving.many.capitalize(), tables.domain_table(result.by_domain, receiving), taken)
            _write(writer, matrix_sheet_name(sending, receiving),
                   tables.matrix_table(result.domain_matrix, sending, receiving), taken)
            _write(writer, "Vervolg", tables.continuation_table(result.continuations, sending), taken)
            side_by_side = tables.closed_side_by_side(result)
            if side_by_side is not None:  # which gaps only one variant closes (as the HTML shows it)
                _write(writer, "Varianten naast elkaar", side_by_side_sheet(side_by_side), taken,
                       note=side_by_side_note(side_by_side, tables.capped_at(result)))
            for name, comparison in result.comparisons.items():
                variant = result.variants.get(name)
                parts = [tables.change_table(frame, receiving).assign(Verandering=label)
                         for frame, label in ((comparison.closed, "hiaat gesloten"),
                                              (comparison.improved, "beter voorbereid"),
                                              (comparison.opened, "hiaat ontstaan"),
                                              (comparison.worsened, "minder goed voorbereid")) if len(frame)]
                changes = (pd.concat(parts, ignore_index=True) if parts
                           else tables.change_table(comparison.closed, receiving).assign(Verandering=""))
                # The kind of change next to the pair (column B): a user test found the key column last (column U).
                rest = [c for c in changes.columns if c not in ("Paar", "Verandering")]
                changes = changes[["Paar", "Verandering"] + rest]
                # Below the changes: how many rest on one shared word (column "Op één woord").
                capped = " ".join(n for n in tables.capped_notes(comparison, tables.capped_at(result)) if n)
                blocks = [
                    (f"Variant '{name}' tegenover de basis", shown(tables.comparison_summary_table(
                        comparison, result.summary,
                        None if variant is None else variant.summary))),
                    (f"Verandering per {receiving.one}",
                     tables.comparison_domain_table(comparison.by_domain, receiving)),
                    ("Doelen waarvan de status verandert", changes),
                ]
                notes = {"Doelen waarvan de status verandert": capped}
                # The added programmes' goals that lead nowhere, each once (a variant that adds programmes).
                nowhere = tables.added_without_continuation(result, variant, comparison)
                if nowhere is not None:
                    heading = tables.added_without_continuation_heading(result, variant)
                    blocks.append((heading, tables.added_without_continuation_table(nowhere, sending)))
                    added = ", ".join(tables.added_programmes(result, variant))
                    notes[heading] = (f"Doelen van {added} die in geen vakkenpaar een doel van het vervolg "
                                      "voorbereiden; elk doel één keer." if len(nowhere) else
                                      f"Geen: elk doel van {added} bereidt een doel van het vervolg voor.")
                # A variant of another leerweg: the sending goals only one side has (as the HTML lists them).
                if tables.other_leerweg(result, variant):
                    for label, frame, level in (("Alleen in de basis",
                                                 tables.of_shared_programmes(comparison.sending_only_base),
                                                 result.sending_level),
                                                ("Alleen in de variant",
                                                 tables.of_shared_programmes(comparison.sending_only_variant),
                                                 variant.sending_level)):
                        heading = f"{label} ({level})"
                        blocks.append((heading, tables.sending_only_table(frame, sending)))
                        notes[heading] = f"{tables.count(len(frame), 'doel', 'doelen')} van de vooropleiding."
                _write_blocks(writer, variant_sheet_name(name), blocks, taken, notes=notes)
            curated = tables.curated_links(result)
            if len(curated):  # decisions a curator made and the analysis applied
                _write(writer, "Curatie", tables.curated_table(curated), taken)
            _write(writer, "Bronnen", tables.sources_table(tables.all_sources(result),
                                                           tables.report_folders(result, data, curricula)), taken)

    return write_atomically(path, write, suffix=".xlsx")
