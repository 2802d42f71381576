"""The shipped transition definitions (curricula/transitions/*.toml) parse and name real programmes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import aansluiting
from report_case import TRANSITIONS

FILES = sorted(TRANSITIONS.glob("*.toml"))
REQUIRED = ("id", "name", "description", "sending_level", "receiving_level", "pair")


def load(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def resolve(catalogue, subject: str, level: str):
    """As the definition format says: an exact programme title at that level, else a subject."""
    for p in catalogue.programmes:
        if p.title == subject and level in p.levels:
            return p
    return catalogue.find_programme(subject, level, kinds=["programme", "qualification"])


def test_the_five_transitions_are_shipped():
    assert {p.stem for p in FILES} >= {"vmbo-tl-havo4", "vmbo-gl-havo4", "vmbo-kb-mbo2-hzw",
                                       "nieuwe-leerweg-havo4", "nieuwe-leerweg-mbo4"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_file_is_complete(path: Path):
    doc = load(path)
    for key in REQUIRED:
        assert doc.get(key), f"{path.name}: '{key}' is missing"
    assert doc["id"] == path.stem
    levels = set(aansluiting.levels())
    assert aansluiting.parse_level(doc["sending_level"]) in levels
    assert aansluiting.parse_level(doc["receiving_level"]) in levels
    assert len(doc["description"].split()) >= 40, "the description tells the reader what is analysed"
    assert doc.get("sources"), "sources are named"
    names = [p["name"] for p in doc["pair"]]
    assert len(names) == len(set(names))
    for pair in doc["pair"]:
        assert pair["sending"] and pair["receiving"]
    for variant in doc.get("variant", []):
        assert variant["name"] and (variant.get("sending_level") or variant.get("add_sending"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_programmes_exist_at_the_stated_levels(path: Path, full):
    doc = load(path)
    receiving_level = doc["receiving_level"]
    sending_levels = {doc["sending_level"]} | {v.get("sending_level", doc["sending_level"])
                                               for v in doc.get("variant", [])}
    for pair in doc["pair"]:
        for subject in pair["receiving"]:
            programme = resolve(full, subject, receiving_level)
            assert receiving_level in programme.levels
            assert len(programme.goals()) > 5
        for level in sending_levels:
            for subject in pair["sending"]:
                assert level in resolve(full, subject, level).levels
    for variant in doc.get("variant", []):
        level = variant.get("sending_level", doc["sending_level"])
        for subject in variant.get("add_sending", []):
            assert level in resolve(full, subject, level).levels


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_analysis_reads_the_file(path: Path):
    from aansluiting.transition import Transition

    t = Transition.from_file(path)
    doc = load(path)
    assert t.id == doc["id"] and t.name == doc["name"]
