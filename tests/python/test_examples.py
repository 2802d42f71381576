"""The example notebooks in docs/examples run from top to bottom as users run them.

Each runs in a fresh folder outside the project, with only the data folder named
(``AANSLUITING_DATA``): the transitions and authored programmes must come from the
installed package, as they do for a user's own notebook.
"""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "docs" / "examples").glob("*.ipynb"))


def run_notebook(path: Path, cwd: Path):
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}}).execute()
    return nb


def outputs(nb, mime: str) -> list[str]:
    """Every output of the notebook in one representation (stdout counts as text/plain)."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and mime == "text/plain":
                found.append(out["text"])
            elif mime in out.get("data", {}):
                found.append(out["data"][mime])
    return found


def test_there_is_an_example_notebook() -> None:
    assert [p.name for p in NOTEBOOKS] == ["overgang_tl_havo.ipynb"]


@pytest.mark.slow
def test_transition_notebook_runs(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AANSLUITING_DATA", str(data_dir))
    monkeypatch.delenv("AANSLUITING_CURRICULA", raising=False)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = run_notebook(NOTEBOOKS[0], tmp_path)

    text = "".join(outputs(nb, "text/plain"))
    assert "Hiaten gesloten met T&T" in text and "Hiaten gesloten met ITTL" in text
    # The result shows itself as the report's Dutch summary, with its variants.
    html = [h for h in outputs(nb, "text/html") if "aansluiting-resultaat" in h]
    assert len(html) == 1
    assert "Hiaten" in html[0] and "Dekkingsgraad" in html[0] and "met ITTL:" in html[0]
    assert len(outputs(nb, "image/png")) == 2  # heatmap and gap bars, drawn inline
    assert (tmp_path / "rapport-voorbeeld.html").stat().st_size > 10_000
    assert (tmp_path / "koppelingen-voorbeeld.sssom.tsv").read_text(encoding="utf-8").startswith("#curie_map")
