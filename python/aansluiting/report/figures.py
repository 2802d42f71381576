"""Figures of the report as base64 PNG data URIs, so that the HTML file stands alone.

Figures are made with ``matplotlib.figure.Figure`` directly, not pyplot: no
global state, no window, nothing left open after a long report.
"""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING, Callable

from .. import plots

if TYPE_CHECKING:
    import pandas as pd

DPI = 110


def _render(draw: Callable, size: tuple[float, float]) -> str:
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    draw(fig.add_subplot())
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def heatmap_png(domain_matrix: "pd.DataFrame", title: str, sending: str = "domein", receiving: str = "domein") -> str:
    """``sending``, ``receiving``: the words for each side's domains on the axes (kerntaak for mbo)."""
    return _render(lambda ax: plots.domain_heatmap(domain_matrix, title, ax=ax, sending=sending, receiving=receiving),
                   plots.heatmap_size(domain_matrix))


def gap_bars_png(gaps: "pd.DataFrame", title: str, by: str = "domain", receiving: str | None = None) -> str:
    return _render(lambda ax: plots.gap_bars(gaps, title, ax=ax, by=by, receiving=receiving),
                   plots.gap_bars_size(gaps, by, width=10.0))
