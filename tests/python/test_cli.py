"""The command line, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_without_data_says_how_to_get_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "AANSLUITING_DATA"}
    r = subprocess.run([sys.executable, "-m", "aansluiting"], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "--data" in r.stderr and "Geen datamap" in r.stderr
