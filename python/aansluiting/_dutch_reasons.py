"""Dutch wording for the reasons that library errors give in English.

Users read the command line's messages and the ``detail_nl`` of an InputError in
Dutch; the operating system (``strerror``) and ``tomllib`` speak English. The
reasons a user can meet are translated here; any other reason is kept as it is,
so that nothing is lost.
"""

from __future__ import annotations

import errno
import re

_OS_REASONS = {
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "het schijfquotum is bereikt",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EEXIST: "er staat al een bestand met deze naam waar een map nodig is",  # mkdir on a file
    errno.EIO: "lees- of schrijffout van het apparaat",
}


def os_reason(error: OSError) -> str:
    """Why an OSError happened, in Dutch where the errno is a common one."""
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    return error.strerror or str(error)


# tomllib's messages (CPython Lib/tomllib/_parser.py), without their "(at line L, column C)".
_TOML_REASONS = [
    (r"Expected '=' after a key in a key/value pair", "na een sleutel hoort '=' met een waarde"),
    (r"Invalid value", "ongeldige waarde (staat een tekst wel tussen aanhalingstekens?)"),
    (r"Invalid statement", "ongeldige regel"),
    (r"Expected newline or end of document after a statement", "na een waarde hoort een nieuwe regel"),
    (r"Unterminated string", "een tekst wordt niet afgesloten met een aanhalingsteken"),
    (r"Unclosed array", "een lijst wordt niet afgesloten met ']'"),
    (r"Unclosed inline table", "een tabel wordt niet afgesloten met '}'"),
    (r"Expected '\]' at the end of a table declaration", "na de naam van een tabel hoort ']'"),
    (r"Expected '\]\]' at the end of an array declaration", "na de naam van een tabellijst hoort ']]'"),
    (r"Invalid initial character for a key part", "een sleutel begint met een ongeldig teken"),
    (r"Cannot overwrite a value", "een waarde wordt een tweede keer gegeven"),
    (r"Cannot declare (.+) twice", r"\1 wordt twee keer gegeven"),
    (r"Illegal character (.+)", r"ongeldig teken \1"),
    (r"Found invalid character (.+)", r"ongeldig teken \1"),
    (r"Invalid date or datetime", "ongeldige datum of tijd"),
]


def toml_reason(reason: str) -> str:
    """tomllib's reason for a syntax error in Dutch (as given when unknown)."""
    for pattern, dutch in _TOML_REASONS:
        m = re.fullmatch(pattern, reason)
        if m:
            return m.expand(dutch)
    return reason
