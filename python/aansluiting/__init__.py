"""aansluiting: how Dutch curricula connect at the transitions between school types.

The work is done by the C++ core (``aansluiting._core``); this package re-exports
it and adds conversions to pandas, plots and reports.
"""

from __future__ import annotations

from ._core import (
    Alignment,
    Catalogue,
    Curation,
    Goal,
    InputError,
    NotFoundError,
    Programme,
    Source,
    TextAnalyser,
    Warning,
    __version__,
    goal_kinds,
    levels,
    likely_levels,
    parse_level,
)
from ._curation_warning import CurationWarning
from ._loading import find_data_folder, load, load_csv, load_sbb, load_slo
from .alignment import align, goal_vectors, leaves, matcher_options, text_analyser
from .results import Comparison, PairResult, TransitionResult
from .transition import Pair, Transition, Variant, compare_levels, shipped_transitions
from . import _tables, alignment as _alignment, plots, report

_tables.install()
_alignment.install()

__all__ = [
    "Alignment",
    "Catalogue",
    "Comparison",
    "Curation",
    "CurationWarning",
    "Pair",
    "PairResult",
    "TextAnalyser",
    "Transition",
    "TransitionResult",
    "Variant",
    "align",
    "compare_levels",
    "goal_vectors",
    "leaves",
    "matcher_options",
    "shipped_transitions",
    "text_analyser",
    "Goal",
    "InputError",
    "NotFoundError",
    "Programme",
    "Source",
    # Not Warning: "from aansluiting import *" would hide Python's own (aansluiting.Warning still works).
    "__version__",
    "find_data_folder",
    "goal_kinds",
    "levels",
    "likely_levels",
    "load",
    "load_csv",
    "load_sbb",
    "load_slo",
    "parse_level",
    "plots",
    "report",
]
