"""Result tables as pandas DataFrames. pandas is imported only when a table is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._core import Catalogue, Programme
from ._errors import dutch_error

if TYPE_CHECKING:
    import pandas as pd

_CATALOGUE_TABLES = ("goals", "edges", "programmes", "warnings")


def _frame(columns: dict) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame(columns)


def catalogue_to_pandas(self: Catalogue, table: str = "goals") -> "pd.DataFrame":
    """One table of the catalogue: ``goals`` (default), ``edges``, ``programmes`` or ``warnings``."""
    if table == "goals":
        return _frame(self._goal_columns()).set_index("id", drop=False)
    if table == "edges":
        return _frame(self._edge_columns())
    if table == "programmes":
        rows = [
            {
                "id": p.root.id,
                "code": p.root.code,  # a qualification's crebo number, which advisors look it up by
                "title": p.title,
                "subject": p.subject,
                "kind": p.kind,
                "levels": ", ".join(p.levels),
                "version": p.source.version if p.source else "",
                "source_file": p.source.file if p.source else "",
            }
            for p in self.programmes
        ]
        return _frame({k: [r[k] for r in rows] for k in
                       ("id", "code", "title", "subject", "kind", "levels", "version", "source_file")})
    if table == "warnings":
        ws = self.warnings
        return _frame({
            "file": [w.file for w in ws],
            "line": [w.line for w in ws],
            "column": [w.column for w in ws],
            "record": [w.record for w in ws],
            "code": [w.code for w in ws],
            "message": [w.message for w in ws],
            "message_nl": [w.message_nl for w in ws],
        })
    raise dutch_error(ValueError, "argument.unknown_table",
                      f"unknown table {table!r}; choose one of {', '.join(_CATALOGUE_TABLES)}",
                      f"onbekende tabel {table!r}; kies uit {', '.join(_CATALOGUE_TABLES)}")


def programme_to_pandas(self: Programme) -> "pd.DataFrame":
    """The programme's goals (root included) in source order."""
    return _frame(self._columns()).set_index("id", drop=False)


def install() -> None:
    Catalogue.to_pandas = catalogue_to_pandas
    Programme.to_pandas = programme_to_pandas
