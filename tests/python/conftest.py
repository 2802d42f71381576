"""Shared fixtures: the real data folder and catalogues loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import aansluiting

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = Path(os.environ.get("AANSLUITING_DATA", REPO.parent / "shared" / "data"))
    if not (path / "slo").is_dir():
        pytest.fail(f"real data not found at {path} (set AANSLUITING_DATA)")
    return path


@pytest.fixture(scope="session")
def curricula_dir() -> Path:
    return REPO / "curricula"


@pytest.fixture(scope="session")
def slo(data_dir: Path) -> aansluiting.Catalogue:
    return aansluiting.load_slo(data_dir / "slo")


@pytest.fixture(scope="session")
def full(data_dir: Path, curricula_dir: Path) -> aansluiting.Catalogue:
    return aansluiting.load(data_dir, curricula_dir)
