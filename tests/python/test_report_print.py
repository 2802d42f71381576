"""The HTML report on paper and in an advice: print stylesheet, reading guide, Dutch wording.

A user test (an advisor of Platform TL drafting advice on the practical component of the new
vmbo leerweg) printed the report to PDF: wide tables lost their last columns (the summary from
"Hiaten CE" on, the side-by-side table its ITTL column, every Uitleg column) and folded lists
were missing. The same reader stumbled over the jargon of the explanations and a few Dutch
sentences. The browser tests render with headless Chromium and are skipped without it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from aansluiting import report
from report_case import analysed, block

pytestmark = pytest.mark.slow

#: The width a printed page leaves for the report: A4 (210 mm) less the margins of the print
#: stylesheet (2 x 10 mm), in CSS pixels (96 per inch).
A4_PRINTABLE_PX = round((210 - 20) / 25.4 * 96)


@pytest.fixture(scope="module")
def result(full):
    return analysed(full)


@pytest.fixture(scope="module")
def html(result) -> str:
    return report.render_html(result)


def _visible(html: str) -> str:
    return unescape(" ".join(re.sub(r"<[^>]+>", " ", html).split()))


def _print_rules(html: str) -> str:
    """The body of the report's ``@media print`` block."""
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    start = style.index("@media print {")
    depth, i = 0, style.index("{", start)
    for j in range(i, len(style)):
        depth += {"{": 1, "}": -1}.get(style[j], 0)
        if depth == 0:
            return style[i + 1:j]
    raise AssertionError("unclosed @media print")


def test_the_print_stylesheet_fits_tables_to_the_page_and_opens_folded_lists(html):
    rules = " ".join(_print_rules(html).split())
    assert ".table-wrap { overflow: visible; }" in rules, "no sideways scrolling on paper"
    assert "min-width: 0" in rules and "white-space: normal" in rules, "wide columns must wrap"
    assert re.search(r"html \{ font-size: [0-9.]+px; \}", rules), "a smaller font on paper"
    assert "details::details-content { content-visibility: visible; display: block; }" in rules
    assert "nav.toc { display: none; }" in rules
    # Nothing essential hidden: display: none only for the table of contents and the summary marker.
    hidden = re.findall(r"([^{}]+)\{[^{}]*display: none", rules)
    assert sorted(h.strip() for h in hidden) == ["details > summary::-webkit-details-marker", "nav.toc"]
    # Folded on screen: the partly covered goals, the goals without a continuation, the settings.
    assert html.count("<details") >= 3 and 'title="' not in html, "explanations are in the text, not in tooltips"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.skip("headless Chromium not installed (Debian package chromium)")


def _run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    r = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", *args],
                       capture_output=True, timeout=300, cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-2000:]
    return r


#: A script that lists every table wrapper whose table is wider than the wrapper (sideways scrolling).
_MEASURE = """<script>
window.addEventListener('load', () => {
  const wide = [...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1)
    .map(w => (w.id || (w.closest('[id]') || {}).id) + ' ' + w.clientWidth + '/' + w.scrollWidth);
  const pre = document.createElement('pre'); pre.id = 'wide-tables'; pre.textContent = wide.join('; ');
  document.body.appendChild(pre);
  const folded = [...document.querySelectorAll('details:not([open])')]
    .filter(d => ![...d.children].some(c => c.tagName !== 'SUMMARY' && c.checkVisibility()));
  const hidden = document.createElement('pre'); hidden.id = 'folded';
  hidden.textContent = folded.length + '/' + document.querySelectorAll('details:not([open])').length;
  document.body.appendChild(hidden);
});
</script>"""


def _wide_tables(html: str, width: int, tmp_path: Path, name: str) -> tuple[str, str]:
    """(the tables wider than their wrapper, "folded/all": the closed details whose content is not shown)."""
    page = tmp_path / f"{name}.html"
    page.write_text(html.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    r = _run_chromium(tmp_path, f"--window-size={width},2000", "--virtual-time-budget=5000", "--dump-dom",
                      page.as_uri())
    dom = r.stdout.decode("utf-8")
    wide = re.search(r'<pre id="wide-tables">(.*?)</pre>', dom, re.S)
    folded = re.search(r'<pre id="folded">(.*?)</pre>', dom, re.S)
    assert wide and folded, "the measuring script did not run"
    return unescape(wide.group(1)), folded.group(1)


@pytest.mark.browser
def test_no_table_scrolls_sideways_on_a_1280_px_screen_or_on_a_printed_page(html, tmp_path):
    """At 1280 px the summary's "Zonder vervolg" and the Uitleg columns scrolled sideways; on paper
    the same tables were cut and folded lists were missing. The print rules are applied on screen at
    the printable width of A4."""
    n = html.count("<details")
    assert _wide_tables(html, 1280, tmp_path, "screen") == ("", f"{n}/{n}")  # on screen: folded
    paper = html.replace("@media print {", "@media all {", 1)
    assert _wide_tables(paper, A4_PRINTABLE_PX, tmp_path, "paper") == ("", f"0/{n}")  # on paper: all shown


@pytest.mark.browser
def test_the_printed_pdf_keeps_every_column_and_every_explanation(result, html, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed (Debian package poppler-utils)")
    page = tmp_path / "rapport.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "rapport.pdf"
    _run_chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    words = " ".join(text.split())
    shown = _visible(block(html, "samenvatting", "</section>") + block(html, "vergelijking", "</section>"))
    # The last columns of the summary and of the side-by-side table.
    for header in ("Hiaten CE", "Hiaten SE", "Overlap", "Zonder vervolg", "met Informatietechnologie"):
        assert header in shown and header in words, header
    # Every explanation, whole: no column cut off, no word broken in two ("tekstovereen kom st").
    body = _visible(html[html.index("<body>"):])
    for term in ("Gedeelde termen", "tekstovereenkomst", "onderscheidend woord"):
        assert words.count(term) == body.count(term) > 0, term
    # What is folded on screen is printed (every folded list: test_no_table_scrolls_sideways_...).
    assert "Instellingen van de analyse" in words and "Laagste score die meetelt" in words


def test_the_reading_guide_explains_the_words_of_the_explanations(result, html):
    """"tekstovereenkomst", "begrensd op 0,25", "onderscheidend woord" and a pair of forms such as
    "soorten/tekstsoort" stood in the explanations without a word on what they mean."""
    guide = _visible(block(html, "uitleg-termen", "</ul></li>"))
    cap = f"{result.meta['thresholds']['partly']:.2f}".replace(".", ",")
    for term in ("Gedeelde termen", "Tekstovereenkomst", "Onderscheidend woord", f"Begrensd op {cap}",
                 "Via de bovenliggende titels", "soorten/tekstsoort"):
        assert term in guide, term
    assert "de eerste vorm staat in het doel van de vooropleiding, de tweede in het doel van het vervolg" in guide
    assert f"de score wordt verlaagd tot {cap}, de drempel voor deels gedekt" in guide
    assert "minder dan één op de tien doelen" in guide
    # The words explained are the words the explanations use.
    text = _visible(html)
    assert f"begrensd op {cap}" in text and "tekstovereenkomst" in text and "onderscheidend woord" in text
    assert re.search(r"Gedeelde termen: [^.]*\w/\w", text), "a pair of forms occurs in the report"
    # The side-by-side table points to it.
    assert 'href="#uitleg-termen"' in block(html, "varianten-naast-elkaar", "</p>")


def test_dutch_wording_of_the_variants(html):
    variants = _visible(block(html, "vergelijking", "</section>"))
    assert "door met" not in variants
    assert 'de kolom "Status na" zegt welke, en de kolom "Uitleg" zegt waarop de nieuwe koppeling rust.' in variants
    assert "%-punt" not in html
    shares = re.findall(r"[+-]\d+ procentpunt", variants) + re.findall(r"\b0 procentpunt", variants)
    assert shares, "a change of a share is written in procentpunt"


def test_a_change_of_a_share_is_written_in_procentpunt():
    from aansluiting.report.html import _signed_percent

    assert (_signed_percent(0.07), _signed_percent(-0.02), _signed_percent(0.0)) == \
        ("+7 procentpunt", "-2 procentpunt", "0 procentpunt")


def test_settings_write_thresholds_with_two_decimals_and_say_when_links_do_not_add_up(result, html):
    """"Drempel overlapping 0,8" stood next to "0,80" in the guide; "Koppelingen die samen optellen
    (ten hoogste) 1" and "Hoogste dekking ... 0,75" next to "Zwakke koppelingen tellen niet bij elkaar op"."""
    from aansluiting.report.html import _scalar_meta

    t = result.meta["thresholds"]
    assert t["max_combined"] == 1 and t["overlap"] == 0.8
    settings = " ".join(block(html, "leeswijzer", "</section>").split("Instellingen van de analyse")[1].split())
    assert "<dt>Drempel overlapping</dt><dd>0,80</dd>" in settings
    assert "<dt>Koppelingen die samen optellen</dt><dd>geen: alleen de beste koppeling telt</dd>" in settings
    assert "Hoogste dekking" not in settings and "(ten hoogste)" not in settings
    # Where links do add up, both settings are shown as numbers.
    rows = dict(_scalar_meta({"thresholds": {"covered": 0.35, "max_combined": 2, "combined_cap": 0.75,
                                             "overlap": 0.8}}))
    assert rows == {"Drempel gedekt": "0,35", "Koppelingen die samen optellen (ten hoogste)": "2",
                    "Hoogste dekking van koppelingen samen": "0,75", "Drempel overlapping": "0,80"}
