"""One Python warning for curated decisions that changed nothing and for what the reader of a
curation file noted: a notebook shows it, where a result's ``curation_report`` or ``meta`` would
have to be looked up."""

from __future__ import annotations

import warnings

_SHOWN = 8  # lines in the warning; the rest are in curation_report / meta


class CurationWarning(UserWarning):
    """Curated decisions that changed nothing (they name goals that are not loaded, or no pair of
    the run), or something the reader of a curation file accepted but noted (a decimal comma, a
    spreadsheet's date, two rows that disagree). The details are in ``Alignment.curation_report``
    or ``TransitionResult.meta`` (``curation_unapplied``, ``curation_notes``)."""


def dutch_lines(found, with_record: bool = False) -> list[str]:
    """'file, regel n: message' for core Warnings, as the command line prints them."""
    return [f"{w.file}, regel {w.line}: {w.message_nl}" + (f" ({w.record})" if with_record and w.record else "")
            for w in found]


def warn_about_curation(unapplied: list[str], notes: list[str], where: str, stacklevel: int) -> None:
    """Warns once when there is anything to say; ``where`` names the object that holds the details."""
    if not unapplied and not notes:
        return
    english, dutch = [], []
    if unapplied:
        english.append(f"{len(unapplied)} curated decision{'s' if len(unapplied) != 1 else ''} not applied")
        dutch.append(f"{len(unapplied)} curatiebeslissing{'en' if len(unapplied) != 1 else ''} niet toegepast")
    if notes:
        english.append(f"{len(notes)} note{'s' if len(notes) != 1 else ''} on the curation file")
        dutch.append(f"{len(notes)} opmerking{'en' if len(notes) != 1 else ''} bij het curatiebestand")
    lines = unapplied + notes
    shown = "".join(f"\n  {line}" for line in lines[:_SHOWN])
    if len(lines) > _SHOWN:
        shown += f"\n  ... en nog {len(lines) - _SHOWN}, zie {where}"
    warnings.warn(CurationWarning(f"{', '.join(english)} (see {where})\n"
                                  f"In het Nederlands: {', '.join(dutch)}:{shown}"), stacklevel=stacklevel + 1)
