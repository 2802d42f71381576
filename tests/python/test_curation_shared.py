"""One curation file kept by two people, each in a notebook of their own (two processes here): a save
merges what the other saved meanwhile, and opposing decisions on one link stop the save. A user test
lost a colleague's confirmation when both saved the same file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

import aansluiting as a

VMBO_CODES = ["WI/V/1/12b", "WI/V/1/12c"]
HAVO_CODES = ["WI/B/H/DomeinB/B1/4", "WI/B/H/DomeinB/B1/4"]

# A colleague's session: read the file, wait until told, decide, save.
COLLEAGUE = textwrap.dedent("""
    import sys, aansluiting as a
    path, verdict, vmbo, havo = sys.argv[1:5]
    cat = a.load()
    cur = a.Curation(cat, path)
    print("opened", flush=True)
    sys.stdin.readline()
    s, t = cat.find_code(vmbo)[0], cat.find_code(havo)[0]
    (cur.confirm if verdict == "confirm" else cur.reject)(s, t, author="Piet")
    cur.save()
    print("saved", flush=True)
""")


@pytest.fixture(scope="module")
def pairs(full: a.Catalogue) -> list[tuple[a.Goal, a.Goal]]:
    return [(full.find_code(v)[0], full.find_code(h)[0]) for v, h in zip(VMBO_CODES, HAVO_CODES)]


def _colleague(path: Path, verdict: str, vmbo: str, havo: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    p = subprocess.Popen([sys.executable, "-c", COLLEAGUE, str(path), verdict, vmbo, havo], env=env,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "opened"
    return p


def _finish(p: subprocess.Popen) -> None:
    out, _ = p.communicate("go\n", timeout=120)
    assert p.returncode == 0 and "saved" in out


def _decisions(full: a.Catalogue, path: Path) -> dict[tuple[str, str], tuple[bool, str]]:
    df = a.Curation(full, path).to_pandas()
    return {(s, t): (bool(r), au) for s, t, r, au in zip(df.source_id, df.target_id, df.rejected, df.author)}


def test_a_colleagues_save_in_between_is_kept(full, pairs, tmp_path) -> None:
    path = tmp_path / "besluiten.sssom.tsv"
    a.Curation(full).save(path)  # the team's file, empty
    mine = a.Curation(full, path)
    piet = _colleague(path, "reject", VMBO_CODES[1], HAVO_CODES[1])
    _finish(piet)  # Piet saves first
    (s, t), (ps, pt) = pairs
    mine.confirm(s, t, author="Anna")
    with pytest.warns(a.CurationWarning, match="samengevoegd; 1 koppeling die daar intussen besloten is"):
        mine.save()
    assert _decisions(full, path) == {(s.id, t.id): (False, "Anna"), (ps.id, pt.id): (True, "Piet")}
    assert len(mine) == 2  # the session shows what it wrote


def test_opposing_decisions_stop_the_save_until_one_keeps_their_own(full, pairs, tmp_path) -> None:
    path = tmp_path / "besluiten.sssom.tsv"
    a.Curation(full).save(path)
    mine = a.Curation(full, path)
    (s, t), _ = pairs
    piet = _colleague(path, "reject", VMBO_CODES[0], HAVO_CODES[0])
    _finish(piet)
    before = path.read_bytes()
    mine.confirm(s, t, author="Anna")
    with pytest.raises(ValueError, match="your decision differs") as caught:
        mine.save()
    assert "er is niets opgeslagen" in caught.value.message_nl
    assert path.read_bytes() == before
    with pytest.warns(a.CurationWarning, match=r"uw beslissing \(bevestigd skos:relatedMatch\) vervangt die van de "
                                               r"ander \(afgewezen skos:relatedMatch\)"):
        mine.save(keep="mine")
    assert _decisions(full, path) == {(s.id, t.id): (False, "Anna")}


def test_a_save_nobody_interfered_with_says_nothing(full, pairs, tmp_path) -> None:
    path = tmp_path / "besluiten.sssom.tsv"
    cur = a.Curation(full, path)
    (s, t), (s2, t2) = pairs
    cur.confirm(s, t)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cur.save()
        cur.reject(s2, t2)
        cur.save()
    assert len(_decisions(full, path)) == 2


def test_keep_takes_only_mine(full) -> None:
    with pytest.raises(ValueError, match="keep must be None or \"mine\"") as caught:
        a.Curation(full).save("x.tsv", keep="theirs")
    assert "keep moet None of \"mine\" zijn" in caught.value.message_nl
