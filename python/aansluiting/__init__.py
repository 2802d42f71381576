"""aansluiting: how Dutch curricula connect at the transitions between school types.

The work is done by the C++ core (``aansluiting._core``); this package re-exports
it and adds conversions to pandas, plots and reports.
"""

from __future__ import annotations

from ._core import (
    Catalogue,
    Goal,
    InputError,
    NotFoundError,
    Programme,
    Source,
    Warning,
    __version__,
    goal_kinds,
    levels,
    parse_level,
)
from ._loading import find_data_folder, load, load_csv, load_sbb, load_slo
from . import _tables

_tables.install()

__all__ = [
    "Catalogue",
    "Goal",
    "InputError",
    "NotFoundError",
    "Programme",
    "Source",
    "Warning",
    "__version__",
    "find_data_folder",
    "goal_kinds",
    "levels",
    "load",
    "load_csv",
    "load_sbb",
    "load_slo",
    "parse_level",
]
