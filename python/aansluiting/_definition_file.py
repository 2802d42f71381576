"""Reading and checking a transition definition file (TOML, format in docs/transitions.md).

A mistake in a hand-edited file is reported as an InputError that names the file, the
line where it can be found, and what is wrong, in English and in Dutch. Unknown keys are
errors too: a misspelt ``curation`` would otherwise silently drop a curator's work.
"""

from __future__ import annotations

import ast
import codecs
import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import Any, NoReturn, Sequence

from . import _core
from ._dutch_reasons import os_reason, toml_reason

TOP_KEYS = {"id", "name", "description", "sending_level", "receiving_level", "sources", "options", "pair",
            "variant", "add_sending"}
OPTION_KEYS = {"receiving_exam", "receiving_parts", "sending_exam", "curation", "thresholds"}
PAIR_KEYS = {"name", "sending", "receiving"}
VARIANT_KEYS = {"name", "sending_level", "add_sending"}
EXAM_PARTS = {"ce", "se", "kern", "keuze"}  # as the core's exam filter reads them (any case)
ARRAY_TABLES = {"pair", "variant"}  # written [[pair]], [[variant]]: one table per pair or variant

#: The end of tomllib's messages: "(at line L, column C)", or "(at end of document)".
_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def input_error(file: str | os.PathLike, code: str, detail: str, detail_nl: str,
                line: int = 0, column: int = 0) -> _core.InputError:
    """An InputError with the attributes the core's errors carry (``code``: ``transition.*``)."""
    where = f"{os.fspath(file)}:{line}:{column}" if line else os.fspath(file)
    error = _core.InputError(f"{where}: {detail}")
    error.file, error.line, error.column, error.record = os.fspath(file), line, column, ""
    error.detail, error.detail_nl, error.code, error.message_args = detail, detail_nl, f"transition.{code}", []
    error.add_note(f"In het Nederlands: {detail_nl}")  # shown beneath the traceback, as the core's errors do
    return error


def read_definition(path: Path) -> dict[str, Any]:
    """The checked contents of a definition file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise input_error(path, "file_not_found", "file not found", "bestand niet gevonden") from None
    except OSError as e:
        raise input_error(path, "unreadable", f"cannot read: {e.strerror}", f"kan niet lezen: {os_reason(e)}") from None
    # Notepad's "UTF-8 met BOM": drop the mark first, so that byte offsets and columns are the editor's.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    _core._require_utf8(os.fspath(path), raw)  # names the encoding it seems to be in (Latin-1, UTF-16)
    text = raw.decode("utf-8")
    # tomllib recurses once per nesting level: 500 levels crashed the command line with a
    # RecursionError (or worse, with a raised recursion limit). No definition nests near 100.
    line, column = _deep_nesting(text)
    if line:
        raise input_error(path, "too_deep", "invalid TOML: nested too deeply",
                          "ongeldige TOML: te diep genest (lijsten of tabellen in elkaar)", line, column)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise toml_syntax_error(path, text, e) from None
    check_definition(data, path, text)
    return data


def toml_syntax_error(path: str | os.PathLike, text: str, error: tomllib.TOMLDecodeError) -> _core.InputError:
    """The InputError for tomllib's error: its reason in Dutch, where it is (the last line when tomllib
    says "end of document") and, where it helps, where the unclosed list or text began or how to write it."""
    message = str(error)
    m = _TOML_POSITION.search(message)
    reason = message[:m.start()].strip() if m else message.strip()
    if m and m[1]:
        line, column = int(m[1]), int(m[2])
        offset = _offset(text, line, column)
    elif m:  # the end of the document: the last line that holds anything, just after its last character
        line, column = _last_line(text)
        offset = len(text)
    else:
        line = column = offset = 0
    if reason == 'Expected "\'"' and m and not m[1]:
        # A one-line text in single quotes, never closed: tomllib looked for the quote to the end of the
        # document; the mistake is where the text begins.
        opened = _opening(text, len(text))
        if opened is not None:
            line, column = _line_column(text, opened)
            offset = opened
    english, dutch = _explain_toml(reason, text, offset, line)
    return input_error(path, "bad_toml", f"invalid TOML: {english}", f"ongeldige TOML: {dutch}", line, column)


def _offset(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return len(text)
    return min(start + column - 1, len(text))


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset (the inverse of :func:`_offset`)."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _last_line(text: str) -> tuple[int, int]:
    """The last line that is not blank, and the column just after its last character."""
    lines = text.splitlines() or [""]
    number = len(lines)
    while number > 1 and not lines[number - 1].strip():
        number -= 1
    return number, len(lines[number - 1].rstrip()) + 1


def _key_name(key: str) -> str:
    """tomllib names a key as a Python tuple, ``('pair', 'name')``: as it is written, ``pair.name``."""
    try:
        parts = ast.literal_eval(key)
    except (ValueError, SyntaxError):
        return key
    if isinstance(parts, tuple) and all(isinstance(p, str) for p in parts):
        return ".".join(parts)
    return key


def _header_line(text: str, name: str, array: bool, before: int = 0) -> int:
    """The line of the first ``[name]`` (or ``[[name]]``) header, above line ``before`` when given (0 if none)."""
    opening, closing = (r"\[\[", r"\]\]") if array else (r"\[(?!\[)", r"\](?!\])")
    header = re.compile(r"^\s*" + opening + r"\s*" + re.escape(name) + r"\s*" + closing + r"\s*(#.*)?$")
    for number, line in enumerate(text.splitlines(), 1):
        if before and number >= before:
            break
        if header.match(line):
            return number
    return 0


#: tomllib's messages that _dutch_reasons.toml_reason leaves in English, in Dutch.
_MORE_TOML_REASONS = [
    (r"""Expected "'\"""", "een tekst tussen enkele aanhalingstekens (') wordt op deze regel niet afgesloten"),
    (r"Found invalid character '\\n'",
     "een tekst tussen enkele aanhalingstekens (') wordt op deze regel niet afgesloten (een tekst over meer regels "
     "staat tussen ''' en ''')"),
    (r"""Expected "'''\"""", "een tekst tussen ''' wordt niet afgesloten met '''"),
    (r"Illegal character '\\n'",
     'een tekst tussen dubbele aanhalingstekens (") wordt op deze regel niet afgesloten (een tekst over meer '
     'regels staat tussen """ en """)'),
    (r"Unescaped '\\' in a string",
     r"een backslash (\) in een tekst tussen dubbele aanhalingstekens: schrijf \\ of zet de tekst tussen "
     "enkele aanhalingstekens"),
    (r"Invalid hex value", r"ongeldige \u- of \U-code in een tekst"),
    (r"Escaped character is not a Unicode scalar value", r"ongeldige \u- of \U-code in een tekst"),
    (r"Duplicate inline table key '(.+)'", "de sleutel '{0}' staat twee keer tussen dezelfde {{ }}"),
]

#: Reasons after which it helps to say where the unclosed list, table or text began.
_UNCLOSED = re.compile(r"""Unclosed array|Unclosed inline table|Unterminated string|Expected "'+"|"""
                       r"Illegal character '\\n'")


def _explain_toml(reason: str, text: str, offset: int, line: int) -> tuple[str, str]:
    """tomllib's reason in English and Dutch, with a hint where one helps."""
    m = re.fullmatch(r"Cannot declare (.+) twice", reason)
    if m:
        name = _key_name(m[1])
        first = _header_line(text, name, array=True, before=line)
        if first:  # [variant] after [[variant]]: more tables of an array are written [[variant]] too
            return (f"[{name}] after [[{name}]] (line {first}): write every {name} as [[{name}]], "
                    "with double brackets",
                    f"[{name}] na [[{name}]] (regel {first}): schrijf elke {name} als [[{name}]], met dubbele haken")
        first = _header_line(text, name, array=False, before=line)
        where_en, where_nl = (f" (first at line {first})", f" (eerst op regel {first})") if first else ("", "")
        if name in ARRAY_TABLES:  # two variants (or pairs), each as [variant]: not one to merge
            dutch = {"pair": ("vakkenpaar", "elk"), "variant": ("variant", "elke")}[name]
            return (f"the table [{name}] is given twice{where_en}: with more than one {name}, write each {name} as "
                    f"[[{name}]], with double brackets (one table per {name})",
                    f"de tabel [{name}] wordt twee keer gegeven{where_nl}: schrijf bij meer dan één {dutch[0]} "
                    f"{dutch[1]} {dutch[0]} als [[{name}]], met dubbele haken (een tabel per {dutch[0]})")
        return (f"the table [{name}] is given twice{where_en}: give its keys under one [{name}]",
                f"de tabel [{name}] wordt twee keer gegeven{where_nl}: zet de sleutels onder één [{name}]")
    m = re.fullmatch(r"Cannot (mutate immutable|redefine) namespace (.+)", reason)
    if m:
        name = _key_name(m[2])
        if m[1] == "redefine":
            return (f"'{name}' is already given as the table [{name}]",
                    f"'{name}' is al gegeven als de tabel [{name}]")
        return (f"'{name}' is already given in full (as a list or between {{ }}) and cannot be added to",
                f"'{name}' is al helemaal gegeven (als lijst of tussen {{ }}) en kan niet worden aangevuld")
    if reason == "Cannot overwrite a value":
        lines = text.splitlines()
        here = lines[line - 1] if 0 < line <= len(lines) else ""
        header = re.match(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]", here)
        first = _header_line(text, header[1], array=False, before=line) if header else 0
        if header and first:  # [[variant]] after [variant]
            name = header[1]
            return (f"[[{name}]] after [{name}] (line {first}): write every {name} as [[{name}]], "
                    "with double brackets",
                    f"[[{name}]] na [{name}] (regel {first}): schrijf elke {name} als [[{name}]], met dubbele haken")
        key = re.match(r"^\s*([A-Za-z0-9_-]+)\s*=", here)
        if key:
            return (f"the key '{key[1]}' is given a second time in the same table",
                    f"de sleutel '{key[1]}' wordt een tweede keer gegeven in dezelfde tabel")
    dutch = toml_reason(reason)
    for pattern, nl in _MORE_TOML_REASONS:
        m = re.fullmatch(pattern, reason)
        if m:
            dutch = nl.format(*m.groups())
            break
    english = reason
    if reason == "Unclosed array" and offset < len(text) and text[offset] not in "\r\n#[":
        # ["a" "b"]: tomllib met a value where it expected ',' or ']'
        english += " (or a comma between two values is missing)"
        dutch += " (of er ontbreekt een komma tussen twee waarden)"
    if _UNCLOSED.fullmatch(reason):
        opened = _opening(text, offset)
        if opened is not None:
            at_line, at_column = _line_column(text, opened)
            if at_line != line:
                english += f" (begun at line {at_line}, column {at_column})"
                dutch += f" (begonnen op regel {at_line}, kolom {at_column})"
    return english, dutch


def _opening(text: str, end: int) -> int | None:
    """Where the innermost list, inline table or text that is still open at ``end`` begins (None if none is)."""
    stack: list[int] = []
    i, n = 0, min(end, len(text))
    while i < n:
        c = text[i]
        if c == "#":
            newline = text.find("\n", i)
            i = n if newline < 0 else newline + 1
            continue
        if c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                if len(quote) == 1 and text[j] == "\n":
                    break  # a one-line text still open at the end of its line
                j += 2 if c == '"' and text[j] == "\\" else 1
            if j >= n or not text.startswith(quote, j):
                return i
            i = j + len(quote)
            continue
        if c in "[{":
            stack.append(i)
        elif c in "]}" and stack:
            stack.pop()
        i += 1
    return stack[-1] if stack else None


def _deep_nesting(text: str, depth: int = 100) -> tuple[int, int]:
    """Line and column where brackets outside strings and comments first nest ``depth`` deep ((0, 0) if nowhere)."""
    level, quote, line, start, comment = 0, "", 1, 0, False
    for i, c in enumerate(text):
        if c == "\n":
            line, start, comment = line + 1, i + 1, False
        elif comment:
            continue
        elif quote:
            quote = "" if c == quote else quote
        elif c == "#":
            comment = True
        elif c in "\"'":
            quote = c
        elif c in "[{":
            level += 1
            if level >= depth:
                return line, i - start + 1
        elif c in "]}":
            level -= 1
    return 0, 0


def check_definition(data: dict[str, Any], file: str | os.PathLike, text: str | None = None) -> None:
    """Raises an InputError for a missing key, a value of the wrong type or an unknown key."""
    Checker(file, text).check(data)


class Checker:
    def __init__(self, file: str | os.PathLike, text: str | None) -> None:
        self.file, self.text = file, text

    def fail(self, code: str, detail: str, detail_nl: str, table: str = "", index: int = 0,
             key: str = "") -> NoReturn:
        line = self._line(table, index, key)
        raise input_error(self.file, code, detail, detail_nl, line, 1 if line else 0)

    def _line(self, table: str, index: int, key: str) -> int:
        """The line of ``key`` in the index-th ``[table]`` / ``[[table]]`` (0 when not found)."""
        if not self.text:
            return 0
        lines = self.text.splitlines()
        headers = [i for i, s in enumerate(lines) if s.lstrip().startswith("[") and "=" not in s.split("#")[0]]
        start, end = 0, headers[0] if headers else len(lines)
        if table:
            header = re.compile(r"^\s*\[\[?\s*" + re.escape(table) + r"\s*\]\]?\s*(#.*)?$")
            starts = [i for i in headers if header.match(lines[i])]
            if index >= len(starts):
                return 0
            start = starts[index]
            end = next((i for i in headers if i > start), len(lines))
        if key:
            assignment = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
            for i in range(start, end):
                if assignment.match(lines[i]):
                    return i + 1
            if not table:  # a misspelt table name: [[varaint]]
                header = re.compile(r"^\s*\[\[?\s*" + re.escape(key) + r"\s*\]\]?\s*(#.*)?$")
                return next((i + 1 for i in headers if header.match(lines[i])), 0)
        return start + 1 if table else 0

    def check(self, data: dict[str, Any]) -> None:
        self.keys(data, TOP_KEYS, "", 0)
        for key in ("name", "sending_level", "receiving_level"):
            self.need(data, key, "", 0)
            self.string(data, key, "", 0)
        for key in ("sending_level", "receiving_level"):
            self.level(data, key, "", 0)
        for key in ("id", "description"):
            self.string(data, key, "", 0)
        for key in ("sources", "add_sending"):
            self.strings(data, key, "", 0)
        options = data.get("options", {})
        if not isinstance(options, dict):
            self.fail("wrong_type", "'options' must be a table ([options])",
                      "'options' moet een tabel zijn ([options])", "", 0, "options")
        self.keys(options, OPTION_KEYS, "options", 0)
        for key in ("receiving_exam", "receiving_parts", "sending_exam"):
            self.strings(options, key, "options", 0)
            self.exam_parts(options, key)
        self.string(options, "curation", "options", 0)
        self.thresholds(options)
        pairs = self.tables(data, "pair", required=True)
        for i, pair in enumerate(pairs):
            self.keys(pair, PAIR_KEYS, "pair", i)
            for key in ("sending", "receiving"):
                self.need(pair, key, "pair", i)
                self.strings(pair, key, "pair", i, allow_one=True)
            self.string(pair, "name", "pair", i)
        self.unique_names(pairs, "pair", pair_name)
        variants = self.tables(data, "variant", required=False)
        for i, variant in enumerate(variants):
            self.keys(variant, VARIANT_KEYS, "variant", i)
            self.need(variant, "name", "variant", i)
            self.string(variant, "name", "variant", i)
            self.string(variant, "sending_level", "variant", i)
            self.level(variant, "sending_level", "variant", i)
            self.strings(variant, "add_sending", "variant", i)
            self.changes_something(variant, data["sending_level"], i)
        self.unique_names(variants, "variant", lambda v: v["name"])

    def exam_parts(self, options: dict[str, Any], key: str) -> None:
        for part in options.get(key, []):
            if part.lower() not in EXAM_PARTS:
                self.fail("unknown_exam_part", f"unknown exam part '{part}' in '{key}' in [options] "
                          "(known: CE, SE, kern, keuze)",
                          f"onbekend examendeel '{part}' bij '{key}' in [options] (bekend: CE, SE, kern, keuze)",
                          "options", 0, key)

    def thresholds(self, options: dict[str, Any]) -> None:
        """``thresholds = { covered = 0.30 }``: names and values as the core accepts them."""
        if "thresholds" not in options:
            return
        value = options["thresholds"]
        if not isinstance(value, dict) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values()):
            self.fail("wrong_type", "'thresholds' in [options] must be a table of numbers, like { covered = 0.30 }",
                      "'thresholds' in [options] moet een tabel van getallen zijn, zoals { covered = 0.30 }",
                      "options", 0, "thresholds")
        try:
            _core._transition_thresholds(value)
        except ValueError as e:
            self.fail("bad_threshold", f"{e} in 'thresholds' in [options]",
                      f"{e.message_nl} bij 'thresholds' in [options]", "options", 0, "thresholds")

    def unique_names(self, tables: list[dict[str, Any]], table: str, name_of) -> None:
        """Results are kept by name: a second pair or variant of the same name would hide the first."""
        seen: dict[str, int] = {}
        for i, t in enumerate(tables):
            name = name_of(t)
            if name in seen:
                en, nl = self._where(table, i)
                self.fail("duplicate_name", f"name '{name}'{en} is already used by [[{table}]] number {seen[name] + 1}",
                          f"de naam '{name}'{nl} is al gebruikt door [[{table}]] nummer {seen[name] + 1}",
                          table, i, "name")
            seen[name] = i

    def changes_something(self, variant: dict[str, Any], base_level: str, index: int) -> None:
        """A variant without another level or extra programmes is the base again: most likely a slip."""
        level = variant.get("sending_level")
        if variant.get("add_sending") or (level is not None and _core.parse_level(level) != _core.parse_level(base_level)):
            return
        en, nl = self._where("variant", index)
        self.fail("empty_variant", f"variant '{variant['name']}'{en} changes nothing: give another 'sending_level' "
                  "or 'add_sending'",
                  f"variant '{variant['name']}'{nl} verandert niets: geef een ander 'sending_level' of 'add_sending'",
                  "variant", index)

    @staticmethod
    def _where(table: str, index: int) -> tuple[str, str]:
        if not table:
            return "", ""
        if table == "options":
            return " in [options]", " in [options]"
        return f" in [[{table}]] number {index + 1}", f" in [[{table}]] nummer {index + 1}"

    def keys(self, table: dict[str, Any], known: set[str], name: str, index: int) -> None:
        for key in table:
            if key not in known:
                en, nl = self._where(name, index)
                listing = ", ".join(sorted(known))
                # A typo ("recieving_level", [[pairs]]) is said as the level's is: with the likely key.
                close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.75)
                hint_en, hint_nl = (f"; did you mean '{close[0]}'?", f"; bedoelt u '{close[0]}'?") if close else ("", "")
                self.fail("unknown_key", f"unknown key '{key}'{en} (known: {listing}){hint_en}",
                          f"onbekende sleutel '{key}'{nl} (bekend: {listing}){hint_nl}", name, index, key)

    def need(self, table: dict[str, Any], key: str, name: str, index: int) -> None:
        if key not in table:
            en, nl = self._where(name, index)
            self.fail("missing_key", f"missing key '{key}'{en}", f"de sleutel '{key}' ontbreekt{nl}", name, index)

    def string(self, table: dict[str, Any], key: str, name: str, index: int) -> None:
        if key in table and not isinstance(table[key], str):
            en, nl = self._where(name, index)
            self.fail("wrong_type", f"'{key}'{en} must be a text in quotes", f"'{key}'{nl} moet een tekst tussen aanhalingstekens zijn",
                      name, index, key)

    def level(self, table: dict[str, Any], key: str, name: str, index: int) -> None:
        """A level the core knows ("vmbo tl", "havo", "mbo 2", ...), checked before any data is loaded."""
        if key in table and _core.parse_level(table[key]) is None:
            en, nl = self._where(name, index)
            # School types only: a reference level (2F, B1) is a level of goals, not of a school a pupil leaves.
            known = ", ".join(_core.levels(school_types_only=True))
            guesses = _core.likely_levels(str(table[key]))  # the core's "did you mean"
            hint_en = f"; did you mean {' or '.join(guesses)}?" if guesses else ""
            hint_nl = f"; bedoelt u {' of '.join(guesses)}?" if guesses else ""
            self.fail("unknown_level", f"unknown level '{table[key]}' in '{key}'{en} (known: {known}){hint_en}",
                      f"onbekend niveau '{table[key]}' bij '{key}'{nl} (bekend: {known}){hint_nl}", name, index, key)

    def strings(self, table: dict[str, Any], key: str, name: str, index: int, allow_one: bool = False) -> None:
        if key not in table:
            return
        value = table[key]
        if allow_one and isinstance(value, str):
            value = [value]
        en, nl = self._where(name, index)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail("wrong_type", f"'{key}'{en} must be a list of texts, like [\"wiskunde\"]",
                      f"'{key}'{nl} moet een lijst van teksten zijn, zoals [\"wiskunde\"]", name, index, key)
        if allow_one and not value:
            self.fail("empty_list", f"'{key}'{en} is empty: name at least one subject, like [\"wiskunde\"]",
                      f"'{key}'{nl} is leeg: noem minstens één vak, zoals [\"wiskunde\"]", name, index, key)

    def tables(self, data: dict[str, Any], key: str, required: bool) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail("wrong_type", f"'{key}' must be tables written as [[{key}]]",
                      f"'{key}' moet uit tabellen bestaan, geschreven als [[{key}]]", "", 0, key)
        if required and not value:
            self.fail("missing_key", f"no [[{key}]]: at least one is needed",
                      f"geen [[{key}]]: er is er minstens één nodig")
        return value


def quoted_position(path: Path | None, text: str, pair: int | None = None) -> tuple[int, int]:
    """Line and column of the first "text" (or 'text') in a definition file, within its ``pair``-th
    ``[[pair]]`` table when given; (0, 0) when not there."""
    try:
        content = path.read_bytes().removeprefix(codecs.BOM_UTF8).decode("utf-8") if path else ""
    except (OSError, UnicodeDecodeError):
        return 0, 0
    start = 0
    if pair is not None:
        headers = [m.start() for m in re.finditer(r"(?m)^\s*\[\[\s*pair\s*\]\]", content)]
        start = headers[pair] if pair < len(headers) else 0
    found = [i for i in (content.find(f'"{text}"', start), content.find(f"'{text}'", start)) if i >= 0]
    if not found:
        return 0, 0
    return _line_column(content, min(found))


def subject_names(value: str | Sequence[str]) -> list[str]:
    """A pair's ``sending`` or ``receiving``: one subject may be written without brackets."""
    return [value] if isinstance(value, str) else list(value)


def pair_name(pair: dict[str, Any]) -> str:
    """A pair's name: its own, or made from its subjects ("wiskunde → wiskunde B")."""
    sending, receiving = subject_names(pair["sending"]), subject_names(pair["receiving"])
    return pair.get("name") or " + ".join(sending) + " → " + " + ".join(receiving)
