"""Errors raised on the Python side that read like the core's (user guide §9).

The core's errors carry their Dutch text as ``message_nl``, a stable ``code`` and a
note "In het Nederlands: ..." beneath the English message; the ones raised in
Python get the same, here only.
"""

from __future__ import annotations

from typing import TypeVar

E = TypeVar("E", bound=Exception)


def dutch_error(kind: type[E], code: str, english: str, dutch: str) -> E:
    """An exception of ``kind`` with the English message, ``message_nl``, ``code`` and the Dutch note."""
    error = kind(english)
    error.message_nl, error.code = dutch, code  # type: ignore[attr-defined]
    error.add_note(f"In het Nederlands: {dutch}")
    return error
