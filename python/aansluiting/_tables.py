"""Result tables as pandas DataFrames. pandas is imported only when a table is asked for.

Every table of the package is made by :func:`frame`, so that one rule decides each column's type
(see there); the C++ core returns plain lists with None where a value is missing.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ._core import Catalogue, Programme
from ._errors import dutch_error

if TYPE_CHECKING:
    import pandas as pd

_CATALOGUE_TABLES = ("goals", "edges", "programmes", "warnings")

#: The status of a receiving goal, best first: the order of the report's counts and of the user
#: guide (gedekt, deels gedekt, hiaat). Columns ``status``, ``status_before`` and ``status_after``
#: are ordered Categoricals of these, ``status_code`` of :data:`STATUS_CODES` in the same order.
STATUSES = ("gedekt", "deels gedekt", "hiaat")
STATUS_CODES = ("covered", "partly", "gap")
_STATUS_COLUMNS = {"status": STATUSES, "status_before": STATUSES, "status_after": STATUSES,
                   "status_code": STATUS_CODES}

# What a column holds when its values cannot say (an empty table, a column missing in every row):
# by name, as docs/transitions.md defines the columns. Any other such column is text.
_FLAGS = frozenset({"leaf", "ce", "se", "kern", "keuze", "capped", "leads_nowhere", "rejected",
                    "programme_on_both_sides"})
#: Flags about a link, missing where there is no link: always pandas' nullable "boolean".
_NULLABLE_FLAGS = frozenset({"best_capped", "gained_capped", "lost_capped"})
_NUMBERS = frozenset({"coverage", "direct", "best_score", "candidate_score", "score", "coverage_before",
                      "coverage_after", "share_before", "share_after", "share_delta", "mean_before", "mean_after",
                      "coverage_share", "mean_coverage", "mean_score", "max_score", "confidence", "weight"})
_COUNTS = frozenset({"n_support", "leaves", "covered", "partly", "gaps", "links", "gaps_before", "gaps_after",
                     "vertex", "position", "line", "column", "only_a", "only_b", "both"})


def _missing(value: object) -> bool:
    """None (as the core says it), NaN or pandas' NA."""
    return value is None or (isinstance(value, float) and math.isnan(value)) or type(value).__name__ == "NAType"


def _kind(name: str, present: list) -> str:
    """'flag', 'count', 'number', 'text' or 'other' (lists, goals): from the values, else from the name."""
    if not present:
        if name in _FLAGS or name in _NULLABLE_FLAGS:
            return "flag"
        return "number" if name in _NUMBERS else "count" if name in _COUNTS else "text"
    if all(isinstance(v, bool) for v in present):
        return "flag"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "number" if name in _NUMBERS else "count"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "number"
    if all(isinstance(v, str) for v in present):
        return "text"
    return "other"


def _categories(values: list, known: Sequence[str]) -> list[str]:
    """``known`` and after them any other value (a label the core added later is kept, not made NaN)."""
    return list(known) + sorted({v for v in values if not _missing(v) and v not in known})


def _column(name: str, values: Sequence[Any]) -> "pd.Series":
    import numpy as np
    import pandas as pd

    values = list(values)
    present = [v for v in values if not _missing(v)]
    missing = len(present) < len(values)
    if name in _STATUS_COLUMNS:
        return pd.Series(pd.Categorical(values, categories=_categories(values, _STATUS_COLUMNS[name]), ordered=True))
    kind = _kind(name, present)
    if kind == "flag":
        if missing or name in _NULLABLE_FLAGS:
            return pd.Series([None if _missing(v) else bool(v) for v in values], dtype="boolean")
        return pd.Series(values, dtype=bool)
    if kind == "count" and not missing:
        return pd.Series(values, dtype="int64")
    if kind in ("count", "number"):
        return pd.Series([np.nan if _missing(v) else float(v) for v in values], dtype="float64")
    if kind == "text":
        return pd.Series([np.nan if _missing(v) else v for v in values], dtype="str")
    return pd.Series(values, dtype=object)


def frame(columns: Mapping[str, Sequence[Any]]) -> "pd.DataFrame":
    """A table of the core (column name -> values) as a DataFrame, each column typed by one rule:

    - numbers (coverage, scores, shares) are float64, NaN where missing; counts are int64 (float64
      with NaN only if a count could be missing, which none of the core's is);
    - flags are bool, or pandas' nullable ``"boolean"`` (``pd.NA`` where missing) for the flags of a
      link a goal may not have (``best_capped``, ``gained_capped``, ``lost_capped``): ``df[df.best_capped]``
      keeps the capped rows (NA counts as not), ``.sum()`` counts them;
    - text is pandas' string dtype (``str``). **Missing text is NaN** (never None; ``isna()`` finds it,
      ``.str`` methods give False or NaN for it); text the core gives as empty (a goal without a
      code, a link without an author) stays ``""``;
    - ``status``, ``status_before`` and ``status_after`` are ordered Categoricals (gedekt < deels
      gedekt < hiaat), ``status_code`` likewise (covered < partly < gap): groupby, crosstab and
      sort_values follow that order; compare with ``==``, cast with ``astype(str)`` to join text;
    - ``pair`` is text, so that it joins other text (``df["domain"] + " (" + df["pair"] + ")"``); the
      rows come in the order of the definition, which ``groupby("pair", sort=False)`` keeps;
    - anything else (lists of goals) stays as it is (object).

    An empty table or a column missing in every row is typed by the column's name, so that the
    empty ``opened`` of a comparison has the dtypes of its ``closed``.
    """
    import pandas as pd

    return pd.DataFrame({name: _column(name, values) for name, values in columns.items()})


def _goal_table(columns: dict) -> "pd.DataFrame":
    """Goals indexed by id, the column ``id`` kept: ``df.loc[goal_id]`` and ``df["id"]`` both work. The
    index has no name, so that ``reset_index()``, ``sort_values("id")`` and ``merge(on="id")`` do not
    find "id" twice."""
    return frame(columns).set_index("id", drop=False).rename_axis(index=None)


def catalogue_to_pandas(self: Catalogue, table: str = "goals") -> "pd.DataFrame":
    """One table of the catalogue: ``goals`` (default), ``edges``, ``programmes`` or ``warnings``.

    ``goals`` is indexed by id as :meth:`Programme.to_pandas` is (an index without a name beside the
    column ``id``); column types: :func:`frame`."""
    if table == "goals":
        return _goal_table(self._goal_columns())
    if table == "edges":
        return frame(self._edge_columns())
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
        return frame({k: [r[k] for r in rows] for k in
                       ("id", "code", "title", "subject", "kind", "levels", "version", "source_file")})
    if table == "warnings":
        ws = self.warnings
        return frame({
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
    """The programme's goals (root included) in source order, indexed by id. The index has no name:
    the column ``id`` holds the same ids, and ``reset_index()`` adds the index as ``index``, not as a
    second ``id`` (column types: :func:`frame`)."""
    return _goal_table(self._columns())


def install() -> None:
    Catalogue.to_pandas = catalogue_to_pandas
    Programme.to_pandas = programme_to_pandas
