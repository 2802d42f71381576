"""A real transition analysis shared by the report tests (run once per session, on demand)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TRANSITIONS = REPO / "curricula" / "transitions"
#: Six havo pairs and two variants (T&T, Informatietechnologie): every block of the report appears.
TRANSITION = TRANSITIONS / "nieuwe-leerweg-havo4.toml"
OUTPUT = REPO / "tests" / "output"

_results: dict[str, object] = {}


def analysed(catalogue, path: Path = TRANSITION):
    """The TransitionResult of ``path`` on ``catalogue`` (computed once)."""
    from aansluiting.transition import Transition

    key = str(path)
    if key not in _results:
        _results[key] = Transition.from_file(path).analyse(catalogue)
    return _results[key]


class ResourceScan(HTMLParser):
    """Collects what a browser would fetch: src/srcset/poster/data of any tag, href of <link>, <script>s."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.scripts = 0
        self.images: dict[str, str] = {}  # figure id -> img src
        self._figure: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "figure":
            self._figure = a.get("id")
        if tag == "script":
            self.scripts += 1
        for name in ("src", "srcset", "poster", "data"):
            if a.get(name):
                self.fetched.append((tag, name, a[name]))
        if tag == "link" and a.get("href"):
            self.fetched.append((tag, "href", a["href"]))
        if tag == "img" and self._figure:
            self.images[self._figure] = a.get("src", "")

    def handle_endtag(self, tag):
        if tag == "figure":
            self._figure = None


def external(url: str) -> bool:
    return bool(re.match(r"^\s*(https?:|//|ftp:)", url, re.I))


def block(html: str, element_id: str, end: str = "</table>") -> str:
    """The HTML from the element with ``element_id`` up to the first ``end`` after it."""
    start = html.index(f'id="{element_id}"')
    stop = html.find(end, start)
    return html[start: stop if stop >= 0 else len(html)]
