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


def heatmap_png(domain_matrix: "pd.DataFrame", title: str) -> str:
    return _render(lambda ax: plots.domain_heatmap(domain_matrix, title, ax=ax),
                   plots.heatmap_size(domain_matrix))


def gap_bars_png(gaps: "pd.DataFrame", title: str, by: str = "domain") -> str:
    bars = plots.gap_bar_count(gaps, by)
    return _render(lambda ax: plots.gap_bars(gaps, title, ax=ax, by=by), (10.0, min(30.0, 1.8 + 0.42 * bars)))
