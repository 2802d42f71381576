"""The HTML report as a browser shows it: headless Chromium renders it, we check DOM and screenshot.

The screenshot is kept in tests/output/ (git-ignored) for a human to look at.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from aansluiting import report
from report_case import OUTPUT, ResourceScan, analysed

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTH, HEIGHT = 1400, 3000


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("headless Chromium not found: install it with AANSLUITING_WITH_BROWSER=1 bash scripts/setup.sh "
                "(Debian package chromium), or deselect with -m 'not browser'")


def run_chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    profile = cwd / "chromium-profile"  # never the user's profile
    return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", f"--user-data-dir={profile}", *args],
                          cwd=cwd, capture_output=True, timeout=180)


@pytest.fixture(scope="module")
def page(full) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return report.write_html(analysed(full), OUTPUT / "rapport-nieuwe-leerweg-havo4.html")


def test_rendered_dom_has_the_blocks(page, tmp_path):
    r = run_chromium("--dump-dom", page.resolve().as_uri(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-2000:]
    scan = ResourceScan()
    scan.feed(r.stdout.decode("utf-8"))
    assert {"samenvatting", "heatmap-0", "hiaten-0", "bronnen"} <= scan.ids
    assert scan.images["heatmap-0"].startswith("data:image/png;base64,")


def test_screenshot_is_not_blank(page, tmp_path):
    from PIL import Image

    shot = OUTPUT / "rapport-nieuwe-leerweg-havo4.png"
    shot.unlink(missing_ok=True)
    r = run_chromium(f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page.resolve().as_uri(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-2000:]
    assert shot.is_file() and shot.stat().st_size > 50_000
    with Image.open(shot) as image:
        assert image.size == (WIDTH, HEIGHT)
        pixels = np.asarray(image.convert("RGB"), dtype=np.int16)
    # the page is drawn: a coloured header band, text and figures, not one flat colour
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 200
    top = pixels[:60].reshape(-1, 3).mean(axis=0)
    assert top[2] > top[0] + 40, "the blue header band is missing"
    rows_with_ink = (np.abs(pixels - pixels[-1, -1]).sum(axis=2) > 60).any(axis=1)
    assert rows_with_ink.mean() > 0.5, "most of the first screen should show content"
