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


def warn_about_merge(path: str, kept_from_others: int, overridden: list[tuple[str, str, str, str]],
                     stacklevel: int) -> None:
    """Says what a save merged: the file had been saved by someone else since it was read."""
    n = kept_from_others
    english = (f"{path} had changed since it was read (someone else saved it): your decisions were merged into it"
               + (f"; {n} link{'s' if n != 1 else ''} decided there meanwhile {'were' if n != 1 else 'was'} kept"
                  if n else ""))
    lines = [f"{path} was gewijzigd sinds het gelezen is (iemand anders heeft het opgeslagen): uw beslissingen zijn "
             "erin samengevoegd"
             + (f"; {n} {'koppelingen' if n != 1 else 'koppeling'} die daar intussen besloten "
                f"{'zijn' if n != 1 else 'is'}, {'zijn' if n != 1 else 'is'} behouden" if n else "")]
    words_nl = {"confirmed": "bevestigd", "rejected": "afgewezen", "removed": "verwijderd", "suggested": "voorgesteld"}

    def dutch(stance: str) -> str:
        word, _, predicate = stance.partition(" ")
        return f"{words_nl.get(word, word)} {predicate}".strip()

    for subject, obj, mine, theirs in overridden[:_SHOWN]:
        lines.append(f"{subject} -> {obj}: uw beslissing ({dutch(mine)}) vervangt die van de ander ({dutch(theirs)})")
    if len(overridden) > _SHOWN:
        lines.append(f"... en nog {len(overridden) - _SHOWN}")
    shown = "".join(f"\n  {line}" for line in lines[1:])
    warnings.warn(CurationWarning(f"{english}\nIn het Nederlands: {lines[0]}{shown}"), stacklevel=stacklevel + 1)
