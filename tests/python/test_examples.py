"""The examples in docs/examples run as users run them (in a fresh folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "docs" / "examples").glob("*.py"))


@pytest.mark.slow
@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path, data_dir: Path, curricula_dir: Path) -> None:
    env = {**os.environ, "AANSLUITING_DATA": str(data_dir), "AANSLUITING_CURRICULA": str(curricula_dir),
           "MPLBACKEND": "Agg"}
    r = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "Hiaten gesloten met T&T" in r.stdout and "Hiaten gesloten met ITTL" in r.stdout
    assert (tmp_path / "rapport-voorbeeld.html").stat().st_size > 10_000
    assert (tmp_path / "koppelingen-voorbeeld.sssom.tsv").read_text(encoding="utf-8").startswith("#curie_map")
