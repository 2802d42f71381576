"""Reports of a transition analysis for readers: one Dutch HTML file and an Excel workbook.

``write_html(result, path)`` writes a self-contained page (inline CSS, figures as
data URIs, no external resources); ``write_xlsx(result, path)`` writes the same
tables as sheets. Templates: ``report/templates/`` (jinja2, autoescaped).
"""

from .html import render_html, write_html
from .xlsx import write_xlsx

__all__ = ["render_html", "write_html", "write_xlsx"]
