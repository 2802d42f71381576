"""Curated decisions from Python, on the real data: what a confirmation says,
bad confidences, saving into a new folder, and how a Curation shows itself."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import pytest

import aansluiting as a
from aansluiting.transition import Transition

# The goals of the user guide's example (docs/gebruikershandleiding.md, chapter 8).
VMBO_CODE = "WI/V/1/12b"
HAVO_CODE = "WI/B/H/DomeinB/B1/4"


@pytest.fixture(scope="module")
def goals(full: a.Catalogue) -> tuple[a.Goal, a.Goal]:
    return full.find_code(VMBO_CODE)[0], full.find_code(HAVO_CODE)[0]


def _wiskunde_b(curation: Path) -> Transition:
    return Transition.from_dict({
        "name": "vmbo tl → havo 4 (wiskunde B)", "sending_level": "vmbo tl", "receiving_level": "havo",
        "options": {"receiving_exam": ["CE", "SE"], "curation": str(curation)},
        "pair": [{"name": "Wiskunde → wiskunde B", "sending": ["Wiskunde"], "receiving": ["Wiskunde B"]}],
    })


def _analyse(full: a.Catalogue, curation: Path, havo: a.Goal):
    pair = _wiskunde_b(curation).analyse(full, with_variants=False).pairs[0]
    coverage = pair.coverage.set_index("receiving_id").loc[havo.id]
    overlaps = pair.overlaps[pair.overlaps["receiving_id"] == havo.id]
    return coverage, overlaps


def test_confirming_a_link_covers_and_only_sameness_makes_an_overlap(full, goals, tmp_path) -> None:
    vmbo, havo = goals
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo, comment="formules en functies hanteren", author="J. de Vries")
    cur.save()
    assert cur._columns()["predicate_id"] == ["skos:relatedMatch"]
    coverage, overlaps = _analyse(full, path, havo)
    assert coverage["status_code"] == "covered" and coverage["origin"] == "confirmed"
    assert overlaps.empty, "confirming says the link is right, not that the goals are the same"

    cur.confirm(vmbo, havo, predicate="closeMatch", confidence=1, comment="zelfde inhoud")
    cur.save()
    assert len(cur) == 1 and cur._columns()["predicate_id"] == ["skos:closeMatch"]
    coverage, overlaps = _analyse(full, path, havo)
    assert coverage["status_code"] == "covered"
    assert list(overlaps["sending_id"]) == [vmbo.id]


@pytest.mark.parametrize("confidence", [5, -0.5, 1.01, math.nan, math.inf])
def test_a_confidence_outside_zero_to_one_is_refused_when_confirming(full, goals, confidence) -> None:
    vmbo, havo = goals
    cur = a.Curation(full)
    with pytest.raises(ValueError, match=r"confidence must be a number from 0 to 1, not "):
        cur.confirm(vmbo, havo, confidence=confidence)
    assert len(cur) == 0


def test_every_accepted_confidence_reads_back(full, goals, tmp_path) -> None:
    vmbo, havo = goals
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo, confidence=0)
    cur.save()
    assert len(a.Curation(full, path)) == 1


def test_save_makes_missing_folders(full, goals, tmp_path) -> None:
    vmbo, havo = goals
    path = tmp_path / "curricula" / "transitions" / "curation" / "vmbo-tl-havo4.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo)
    cur.save()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    assert len(a.Curation(full, path)) == 1
    # A file where a folder should be is still an error naming the file.
    blocker = tmp_path / "bestand"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OSError) as info:
        cur.save(blocker / "x.sssom.tsv")
    assert info.value.filename == str(blocker / "x.sssom.tsv")


def test_repr_counts_the_decisions(full, goals, tmp_path) -> None:
    vmbo, havo = goals
    other = full.find_code("WI/K/7/10a")[0]
    cur = a.Curation(full)
    assert repr(cur) == "<Curation (not saved yet) 0 decisions: 0 confirmed, 0 rejected>"
    cur.confirm(vmbo, havo)
    assert repr(cur) == "<Curation (not saved yet) 1 decision: 1 confirmed, 0 rejected>"
    cur.reject(other, havo, comment="alleen dezelfde woorden")
    path = tmp_path / "d.sssom.tsv"
    cur.save(path)
    assert repr(cur) == f"<Curation {str(path)!r} 2 decisions: 1 confirmed, 1 rejected>"
    assert repr(a.Curation(full, path)) == repr(cur)


def test_the_decisions_table_joins_the_other_tables_by_goal_id(full, goals) -> None:
    """A user test: subject_id is a CURIE (slo:<uuid>), every other table names goals by id, so a
    join found nothing for SLO goals; and a confirmation's confidence was not shown."""
    vmbo, havo = goals
    cur = a.Curation(full)
    cur.confirm(vmbo, havo, confidence=0.3)
    df = cur.to_pandas()
    assert list(df["source_id"]) == [vmbo.id] and list(df["target_id"]) == [havo.id]
    assert df["subject_id"][0] != vmbo.id  # the CURIE stays, for the file
    assert df["source_id"].isin(full.to_pandas().index).all()
    assert df["confidence"][0] == 0.3 and df["mapping_justification"][0] == "semapv:ManualMappingCuration"


def test_a_decision_that_names_no_loaded_goal_is_reported(full, goals, tmp_path) -> None:
    from aansluiting import report

    vmbo, havo = goals
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo, comment="formules en functies hanteren")
    cur.save()
    # A typo in a goal id (or a goal gone in a new data release): the row stays, but applies to nothing.
    text = path.read_text(encoding="utf-8")
    curie = cur._columns()["subject_id"][0]
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith(curie)) + 1
    path.write_text(text.replace(curie, curie[:-4] + "XXXX"), encoding="utf-8")

    # A notebook shows it as a warning that points at the user's own line, with the row.
    with pytest.warns(a.CurationWarning, match="1 curatiebeslissing niet toegepast") as caught:
        result = _wiskunde_b(path).analyse(full, with_variants=False)
    assert caught[0].filename == __file__
    assert result.meta["curation_unapplied"] == [
        f"{path}, regel {row}: de beslissing noemt een doel dat niet geladen is; ze blijft bewaard maar wordt niet "
        f"toegepast ({curie[:-4]}XXXX)"]
    assert result.meta["curation_unapplied"][0] in str(caught[0].message)
    assert result.pairs[0].summary["links_confirmed"] == 0
    html = report.render_html(result)
    assert 'id="curatie-niet-toegepast"' in html and "1 curatiebeslissing niet toegepast" in html
    assert f"{curie[:-4]}XXXX" in html


def test_applying_a_curation_in_a_notebook_says_what_changed_nothing_and_what_was_mended(full, goals, tmp_path) -> None:
    """A session's own finding: Curation.apply (and align(curation=...)) kept the file's notes and its
    decisions about goals not loaded to itself; only a transition showed them. Now the curation has
    .warnings, the alignment a curation_report, and a CurationWarning names the rows."""
    vmbo, havo = goals
    links = a.align(full.find_programme("wiskunde", "vmbo tl"), full.find_programme("wiskunde B", "havo"),
                    source_level="vmbo tl")
    assert links.curation_report is None
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo)
    cur.save()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a clean file: nothing to say
        clean = cur.apply(links)
    assert clean.curation_report["confirmed"] == 1 and clean.curation_report["notes"] == []

    header, row = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    gone = list(row)
    gone[header.index("object_id")] = "slo:00000000-0000-0000-0000-000000000000"  # a goal not in the data
    gone[header.index("mapping_date")] = "29-11-2026"  # as a spreadsheet writes it
    with path.open("a", encoding="utf-8") as f:
        f.write("\t".join(gone) + "\n")
    line = len(path.read_text(encoding="utf-8").splitlines())
    reread = a.Curation(full, path)
    (note,) = reread.warnings
    assert (note.file, note.line, note.code) == (str(path), line, "sssom.date_read")
    for call in (lambda: reread.apply(links),
                 lambda: a.align(full.find_programme("wiskunde", "vmbo tl"), full.find_programme("wiskunde B", "havo"),
                                 source_level="vmbo tl", curation=path)):
        with pytest.warns(a.CurationWarning) as caught:
            curated = call()
        (w,) = caught
        assert w.filename == __file__  # the user's line, not the package's
        text = str(w.message)
        assert "1 curatiebeslissing niet toegepast, 1 opmerking bij het curatiebestand" in text
        assert f"{path}, regel {line}: de beslissing noemt een doel dat niet geladen is" in text
        assert f"{path}, regel {line}: mapping_date '29-11-2026' is gelezen als 2026-11-29" in text
        report = curated.curation_report
        assert report["confirmed"] == 1 and [u.line for u in report["unresolved"]] == [line]
        assert [n.code for n in report["notes"]] == ["sssom.date_read"]


def test_a_decision_that_changes_nothing_in_the_transition_is_reported(full, goals, tmp_path) -> None:
    """User tests: decisions that were silently dropped. A goal of another dossier with the same
    code (find_code(...)[0]), subject and object swapped, a justification in the wrong letter case.
    The full semapv IRI is the same justification as its CURIE, and counts."""
    vmbo, havo = goals
    other = next(g for g in full.find_code(VMBO_CODE[:-1] + "a") if g.id != vmbo.id)  # a sending goal too
    unrelated = full.find_code("P2-K1-W2")  # werkproces of several dossiers, none in this pair
    assert len(unrelated) > 1
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo)                # applied
    cur.confirm(havo, other)               # swapped
    cur.confirm(vmbo, unrelated[0])        # not a goal of this pair
    cur.save()
    text = path.read_text(encoding="utf-8")
    confirmed = "semapv:ManualMappingCuration"
    lines = text.splitlines()
    rows = [i + 1 for i, line in enumerate(lines) if confirmed in line and not line.startswith("#")]
    assert len(rows) == 3
    # Row 1 with the full IRI; a fourth row with the letter case wrong.
    first = lines[rows[0] - 1]
    lines[rows[0] - 1] = first.replace(confirmed, "https://w3id.org/semapv/vocab/ManualMappingCuration")
    objects = cur._columns()["object_id"]  # the rows in the order confirmed
    lines.append(lines[rows[2] - 1].replace(objects[2], objects[0]).replace(confirmed, "semapv:manualMappingCuration"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with pytest.warns(a.CurationWarning, match="3 curatiebeslissingen niet toegepast"):
        result = _wiskunde_b(path).analyse(full, with_variants=False)
    assert result.pairs[0].summary["links_confirmed"] == 1  # the IRI row
    unapplied = result.meta["curation_unapplied"]
    assert [line.split(": ", 1)[0] for line in unapplied] == [f"{path}, regel {r}" for r in (rows[1], rows[2], len(lines))]
    assert "subject_id en object_id zijn verwisseld" in unapplied[0]
    assert "gaat niet over een doel van de vooropleiding en een doel van het vervolg" in unapplied[1]
    assert "'semapv:manualMappingCuration' is niet 'semapv:ManualMappingCuration'" in unapplied[2]


def test_a_rejection_that_applies_in_a_variant_only_is_counted_there(full, tmp_path) -> None:
    """A user test: rejections of links from Informatietechnologie (a variant's programme) were
    missing from the report's count ("0 afgewezen")."""
    import dataclasses

    from aansluiting import report

    shipped = a.shipped_transitions()["nieuwe-leerweg-mbo4"]
    closed = shipped.analyse(full).comparisons["met Informatietechnologie"].closed
    row = closed.iloc[0]
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.reject(full[row.gained_sending_id], full[row.receiving_id], comment="alleen dezelfde woorden")
    cur.save()
    result = dataclasses.replace(shipped, curation=path).analyse(full)
    assert result.summary["links_rejected"] == 0
    assert result.variants["met Informatietechnologie"].summary["links_rejected"] == 1
    text = " ".join(report.render_html(result).split())
    assert "Een curator heeft voor deze analyse 0 koppelingen bevestigd en 0 afgewezen." in text
    assert "In de variant met Informatietechnologie: 0 bevestigd en 1 afgewezen" in text


def test_a_decimal_comma_from_a_spreadsheet_is_read_and_noted(full, goals, tmp_path) -> None:
    """A user test: a Dutch spreadsheet saved every confidence as "0,254", and the first one stopped
    the analysis. Read as 0.254, with one note the command line and the report show."""
    vmbo, havo = goals
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo, confidence=0.75)
    cur.save()
    text = path.read_text(encoding="utf-8")
    assert text.count("0.75") == 1
    path.write_text(text.replace("0.75", "0,75"), encoding="utf-8")
    with pytest.warns(a.CurationWarning, match="1 opmerking bij het curatiebestand"):
        result = _wiskunde_b(path).analyse(full, with_variants=False)
    assert result.pairs[0].summary["links_confirmed"] == 1
    assert result.pairs[0].coverage.set_index("receiving_id").loc[havo.id, "coverage"] == pytest.approx(0.75)
    (note,) = result.meta["curation_notes"]
    assert note.startswith(f"{path}, regel ") and "'0,75'" in note and "decimale komma" in note
    assert result.meta["curation_unapplied"] == []


def test_a_curator_writes_the_relation_and_the_name_as_they_come(full, goals, tmp_path) -> None:
    """A user test: predicate="closematch" was refused, "J. de Vries: docent" went into author_id
    (meant for ids such as orcid:...), and a goal could be confirmed as a link to itself."""
    vmbo, havo = goals
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo, predicate="closematch", author="J. de Vries: docent wiskunde")
    with pytest.raises(ValueError, match="linked to itself"):
        cur.confirm(havo, havo)
    cur.save()
    header, row = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
                   if not line.startswith("#")]
    cells = dict(zip(header, row))
    assert cells["predicate_id"] == "skos:closeMatch"
    assert cells.get("author_id", "") == "" and cells["author_label"] == "J. de Vries: docent wiskunde"


def test_a_colleagues_comment_above_the_metadata_keeps_every_key(full, goals, tmp_path) -> None:
    """A user test: "# Piet: besproken op 12 maart" typed as the file's first line dropped the rest
    of the metadata without a word, and the next save wrote only that line as the header: the slo:
    prefix, the id, the title and the license were gone. The line is a comment, kept on saving."""
    vmbo, havo = goals
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo, comment="formules en functies hanteren", author="J. de Vries")
    cur.save()
    saved = path.read_text(encoding="utf-8")
    assert "#  slo: " in saved and "#mapping_set_id: " in saved and "#license: " in saved
    path.write_text("# Piet: besproken op 12 maart\n" + saved, encoding="utf-8")

    edited = a.Curation(full, path)
    assert len(edited) == 1
    edited.save()
    first, rest = path.read_text(encoding="utf-8").split("\n", 1)
    assert first == "## Piet: besproken op 12 maart"  # a YAML comment, which every SSSOM reader skips
    assert rest == saved
    again = a.Curation(full, path)
    assert again._columns() == cur._columns()
    coverage, _ = _analyse(full, path, havo)
    assert coverage["status_code"] == "covered" and coverage["origin"] == "confirmed"


# Ids as a curator copies them: an authored programme's goal and a werkproces of one dossier (user guide §7).
ZORG_ID = "csv:zorg_en_welzijn_vmbo/P/ZW/4.2"
WERKPROCES_ID = "sbb:2755/P2-K1-W2"


def test_a_curator_names_goals_by_the_id_or_curie_they_copied(full, goals, tmp_path) -> None:
    """A user test: goal ids copied from the Excel Id column or a table, cur.confirm("csv:...", "sbb:..."),
    gave pybind11's TypeError. An id as in every table and a CURIE as in the file both name the goal."""
    vmbo, havo = goals
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(ZORG_ID, WERKPROCES_ID, comment="uit de kolom Id")
    cur.reject(f"slo:{vmbo.id}", f"{havo.id}\n", comment="een CURIE en een id uit een spreadsheetcel")
    cur.save()

    saved = a.Curation(full, path).to_pandas()
    assert list(zip(saved["source_id"], saved["target_id"], saved["rejected"])) == [
        (ZORG_ID, WERKPROCES_ID, False), (vmbo.id, havo.id, True)]
    assert list(saved["comment"]) == ["uit de kolom Id", "een CURIE en een id uit een spreadsheetcel"]
    # The CURIEs copied from the file name the same pair: the later decision replaces the rejection.
    again = a.Curation(full, path)
    again.confirm(saved["subject_id"][1], saved["object_id"][1], comment="toch goed")
    again.save()
    reread = a.Curation(full, path).to_pandas()
    assert len(reread) == 2 and reread.set_index("source_id").loc[vmbo.id, "rejected"] == False  # noqa: E712
    assert reread.set_index("source_id").loc[vmbo.id, "comment"] == "toch goed"


def test_an_id_of_no_goal_in_the_curations_catalogue_is_refused_in_dutch(full, slo, goals) -> None:
    vmbo, havo = goals
    cur = a.Curation(full)
    with pytest.raises(a.NotFoundError) as info:
        cur.confirm("csv:zorg_en_welzijn_vmbo/P/ZW/9.9", havo)
    assert info.value.code == "no_goal_with_id"
    assert info.value.message_nl == "geen doel met id 'csv:zorg_en_welzijn_vmbo/P/ZW/9.9'"
    assert info.value.__notes__ == [f"In het Nederlands: {info.value.message_nl}"]
    assert len(cur) == 0
    # Resolved in the catalogue the curation was opened with: the SLO data alone holds no werkproces.
    with pytest.raises(a.NotFoundError, match=f"no goal with id '{WERKPROCES_ID}'"):
        a.Curation(slo).reject(vmbo.id, WERKPROCES_ID)


def _curated_file(full: a.Catalogue, goals, path: Path) -> Path:
    """A curation file with one confirmation and one rejection."""
    vmbo, havo = goals
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo, confidence=0.9, comment="klopt")
    cur.reject(full.find_code("WI/K/7/10a")[0], havo, comment="alleen dezelfde woorden")
    cur.save()
    return path


def _rewrite(path: Path, edit) -> None:
    """The table part of a curation file through `edit(rows)` (rows of cells, header first),
    as a colleague's spreadsheet would save it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    meta = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    rows = edit(rows)
    path.write_text("\n".join(meta + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("column", [None, "Predicate_Modifier", "afgewezen"])
def test_a_lost_modifier_column_stops_the_load_instead_of_confirming_every_rejection(
        full, goals, tmp_path, column) -> None:
    """A user test: a colleague deleted (or renamed) the column predicate_modifier in a spreadsheet,
    and every rejection counted as a confirmation, without a word; the next save made it final."""
    path = _curated_file(full, goals, tmp_path / "besluiten.sssom.tsv")

    def edit(rows):
        at = rows[0].index("predicate_modifier")
        if column is None:
            return [r[:at] + r[at + 1:] for r in rows]
        rows[0][at] = column
        return rows

    _rewrite(path, edit)
    with pytest.raises(a.InputError) as caught:
        a.Curation(full, path)
    assert caught.value.file == str(path)
    assert caught.value.line == 1 + sum(line.startswith("#") for line in path.read_text().splitlines())
    note = caught.value.__notes__[-1]
    assert "predicate_modifier" in note and "afwijzing als bevestiging" in note and "2 beslissingen" in note
    assert (f"de kolom '{column}' lijkt erop" in note) == (column == "Predicate_Modifier")
    # The analysis stops too, before counting anything.
    with pytest.raises(a.InputError):
        _wiskunde_b(path).analyse(full, with_variants=False)


def test_a_rejection_typed_on_a_suggestion_row_is_said_with_the_row(full, goals, tmp_path) -> None:
    """A user test: 'Not' typed in an exported links file (its rows still semapv:LexicalMatching)
    was ignored without a word. Such a row is no decision (SSSOM allows a negated suggestion), so
    it still does not count, but the analysis says so with the row and what to write."""
    path = tmp_path / "koppelingen.sssom.tsv"
    links = a.align(full.find_programme("wiskunde", "vmbo tl"), full.find_programme("wiskunde B", "havo"),
                    source_level="vmbo tl")
    links.to_sssom(path)

    def edit(rows):
        rows[3][rows[0].index("predicate_modifier")] = "Not"
        return rows

    _rewrite(path, edit)
    line = 1 + 3 + sum(line.startswith("#") for line in path.read_text().splitlines())
    with pytest.warns(a.CurationWarning, match="predicate_modifier 'Not'"):
        result = _wiskunde_b(path).analyse(full, with_variants=False)
    (note,) = result.meta["curation_notes"]
    assert note.startswith(f"{path}, regel {line}: predicate_modifier 'Not'")
    assert "semapv:ManualMappingCuration" in note and "zulke rijen: 1" in note
    assert result.pairs[0].summary["links_rejected"] == 0


def test_saving_after_a_spreadsheet_dropped_the_metadata_writes_it_again(full, goals, tmp_path) -> None:
    """A user test: a file saved back without its '#' block (pandas, a spreadsheet) was saved without
    curie_map or mapping_set_id, and other SSSOM tools refused it (missing prefix slo)."""
    path = _curated_file(full, goals, tmp_path / "besluiten.sssom.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line for line in lines if not line.startswith("#")) + "\n", encoding="utf-8")
    cur = a.Curation(full, path)
    assert len(cur) == 2
    cur.save()
    text = path.read_text(encoding="utf-8")
    assert "#curie_map:" in text and "urn:aansluiting:mappings:curated" in text and "#license:" in text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the sssom package warns about its own dependencies
        from sssom.parsers import parse_sssom_table
        from sssom.validators import validate

        msdf = parse_sssom_table(path)
        validate(msdf, fail_on_error=True)
    assert len(msdf.df) == 2


def test_a_file_written_by_sssom_py_keeps_its_metadata_and_decisions(full, goals, tmp_path) -> None:
    """sssom-py writes its '#' block as '# key: value' (as the SSSOM examples do), and declares
    extension slots in a list of mappings: both were misread (every key taken for a comment line,
    the list refused)."""
    path = _curated_file(full, goals, tmp_path / "besluiten.sssom.tsv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from sssom.parsers import parse_sssom_table
        from sssom.writers import write_table

        msdf = parse_sssom_table(path)
        msdf.metadata["extension_definitions"] = [
            {"slot_name": "besluit", "property": "urn:aansluiting:besluit", "type_hint": "xsd:string"}]
        py_path = tmp_path / "sssom_py.sssom.tsv"
        with py_path.open("w", encoding="utf-8") as out:
            write_table(msdf, out)
    assert py_path.read_text(encoding="utf-8").startswith("# ")
    cur = a.Curation(full, py_path)
    assert repr(cur).endswith("2 decisions: 1 confirmed, 1 rejected>")
    cur.save()
    text = py_path.read_text(encoding="utf-8")
    assert "#mapping_set_id: \"urn:aansluiting:mappings:curated\"" in text
    assert "#extension_definitions:" in text and "slot_name: besluit" in text
    assert "##" not in text  # no key was taken for a comment line
    assert repr(a.Curation(full, py_path)) == repr(cur)


def test_an_html_report_that_lists_decisions_is_no_curation_file(full, goals, tmp_path) -> None:
    """A user test: a report whose list of decisions not applied quotes semapv:ManualMappingCuration
    was taken for a curation file, so the next run refused to write the report over it."""
    from aansluiting import _core

    path = _curated_file(full, goals, tmp_path / "besluiten.sssom.tsv")
    page = tmp_path / "rapport.html"
    page.write_text("<!DOCTYPE html><html><body><p>Niet toegepast: regel 7, "
                    "semapv:manualMappingCuration is bijna semapv:ManualMappingCuration</p></body></html>",
                    encoding="utf-8")
    assert not _core._is_curation_file(str(page))
    assert _core._is_curation_file(str(path))
    conflict = tmp_path / "conflict.sssom.tsv"  # a merge conflict above the block: still the curator's file
    conflict.write_text("<<<<<<< HEAD\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert _core._is_curation_file(str(conflict))
    broken = tmp_path / "utf16.sssom.tsv"  # a curator's file Excel saved as UTF-16 is still protected
    broken.write_text(path.read_text(encoding="utf-8"), encoding="utf-16")
    assert _core._is_curation_file(str(broken))


def test_a_transitions_curation_file_may_be_given_as_text(full, goals, tmp_path) -> None:
    """A user test: dataclasses.replace(t, curation="besluiten.tsv") failed at the analysis
    ('str' object has no attribute 'is_file'); only a Path worked."""
    import dataclasses

    vmbo, havo = goals
    path = _curated_file(full, goals, tmp_path / "besluiten.sssom.tsv")
    t = dataclasses.replace(_wiskunde_b(tmp_path / "elders.tsv"), curation=str(path))
    assert t.curation == path
    coverage = t.analyse(full, with_variants=False).pairs[0].coverage.set_index("receiving_id").loc[havo.id]
    assert coverage["origin"] == "confirmed"


def test_a_shared_file_applies_to_an_alignment_only_the_decisions_about_its_goals(full, goals, tmp_path) -> None:
    """A user test: a team's file with a Wiskunde confirmation added that link to a Biologie alignment
    (confirmed, score 1.0) and counted it. Decisions about other goals now stay out, counted as 'outside'
    and not warned about (a shared file holds them by design)."""
    vmbo, havo = goals
    path = tmp_path / "team.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo)
    cur.save()
    bio_vmbo, bio_havo = full.find_programme("Biologie", "vmbo tl"), full.find_programme("Biologie", "havo")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bio = a.align(bio_vmbo, bio_havo, source_level="vmbo tl", curation=path)
    report = bio.curation_report
    assert (report["confirmed"], report["confirmed_added"]) == (0, 0)
    assert [w.line for w in report["outside"]] == [_first_row(path)]
    assert (bio.to_pandas()["origin"] == "automatic").all()
    # The Wiskunde alignment still takes it.
    wi = a.align(full.find_programme("wiskunde", "vmbo tl"), full.find_programme("wiskunde B", "havo"),
                 source_level="vmbo tl", curation=path)
    assert wi.curation_report["confirmed"] == 1 and wi.curation_report["outside"] == []


def _first_row(path: Path) -> int:
    """Line number of the first row under the header of a curation file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines) if not line.startswith("#")) + 2


def test_a_file_pandas_read_with_comment_hash_and_without_the_modifier_column_is_refused(full, goals, tmp_path):
    """A user test: pd.read_csv(comment="#") drops the '#' block (and with it the set id that marks a file of
    ours); the modifier column dropped as well turned 9 rejections into confirmations with only a note."""
    import pandas as pd

    path = _curated_file(full, goals, tmp_path / "besluiten.sssom.tsv")
    df = pd.read_csv(path, sep="\t", comment="#")
    df.drop(columns=["predicate_modifier"]).to_csv(path, sep="\t", index=False)
    with pytest.raises(a.InputError) as info:
        a.Curation(full, path)
    assert info.value.code == "sssom.no_modifier_column"


def test_a_wrong_decision_is_removed_also_when_its_goal_is_not_loaded(full, goals, tmp_path) -> None:
    """A user test: Curation had no way to take a decision back; a typo row had to be edited out by hand."""
    vmbo, havo = goals
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    cur.confirm(vmbo, havo)
    cur.reject(havo, vmbo)
    cur.save()
    curie = cur._columns()["object_id"][0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(curie, curie[:-4] + "XXXX", 1), encoding="utf-8")  # a typo in the first row
    again = a.Curation(full, path)
    assert again.remove(vmbo, havo) == 0  # that row names a goal that is not loaded now
    assert again.remove(vmbo.id, curie[:-4] + "XXXX") == 1  # as written in the file
    assert again.remove(havo, vmbo.id) == 1  # a goal and an id
    again.save()
    assert len(a.Curation(full, path)) == 0


def test_a_bare_goal_id_in_a_curation_file_is_told_to_carry_its_prefix(full, goals, tmp_path) -> None:
    """A user test: ids copied from r.gaps into a pandas row stopped the load with 'is not a CURIE'."""
    vmbo, havo = goals
    path = _curated_file(full, goals, tmp_path / "besluiten.sssom.tsv")
    text = path.read_text(encoding="utf-8")
    curie = a.Curation(full, path)._columns()["subject_id"][0]
    path.write_text(text.replace(curie, curie.split(":", 1)[1], 1), encoding="utf-8")
    with pytest.raises(a.InputError) as info:
        a.Curation(full, path)
    assert "slo:<id>" in info.value.detail_nl and "Curation.confirm()" in str(info.value)


def test_a_curation_file_name_with_a_typo_gets_the_likely_file(full, tmp_path) -> None:
    """A Curation of a file that is not there starts empty and save() makes it; a typo in the name
    would put the decisions where no transition reads them (a user test: .tvs for .tsv)."""
    a.Curation(full).save(tmp_path / "hzw.sssom.tsv")
    with pytest.warns(a.CurationWarning, match=r"bedoelt u .*hzw\.sssom\.tsv\?"):
        a.Curation(full, tmp_path / "hzw.sssom.tvs")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a.Curation(full, tmp_path / "nieuw.sssom.tsv")  # a new file of its own name: nothing to say
        a.Curation(full, path=tmp_path / "hzw.sssom.tsv")
    with pytest.raises(TypeError, match="expects a catalogue"):
        a.Curation("hzw.sssom.tsv")
