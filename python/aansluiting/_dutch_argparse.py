"""An argparse parser that speaks Dutch: usage, headings, --help and its errors.

argparse writes its own texts in English through gettext, and Python ships no Dutch
catalogue for them. Installing one would change gettext for the whole process, so this
parser sets its own headings and rewrites the few error messages a user of the command
line can meet; anything else argparse says passes through unchanged.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's error messages (Python 3.9-3.13) and their Dutch versions.
_ERRORS = [
    (re.compile(r"the following arguments are required: (.*)"), r"deze argumenten ontbreken: \1"),
    (re.compile(r"invalid choice: (.*?) \(choose from (.*)\)"), r"onbekende keuze \1 (kies uit \2)"),
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekende argumenten: \1"),
    (re.compile(r"expected one argument"), r"hier hoort een waarde bij"),
    (re.compile(r"expected at least one argument"), r"hier hoort minstens een waarde bij"),
    (re.compile(r"ambiguous option: (.*?) could match (.*)"), r"dubbelzinnige optie \1: past bij \2"),
    (re.compile(r"invalid (\w+) value: (.*)"), r"ongeldige waarde \2"),
    (re.compile(r"ignored explicit argument (.*)"), r"overbodige waarde \1"),
]
_ARGUMENT = re.compile(r"^argument (.*?): (.*)$", re.S)


def in_dutch(message: str) -> str:
    """The Dutch version of an argparse error message (unchanged when unknown)."""
    prefix, rest = "", message
    if m := _ARGUMENT.match(message):
        prefix, rest = f"argument {m[1]}: ", m[2]
    for pattern, dutch in _ERRORS:
        if pattern.fullmatch(rest):
            return prefix + pattern.sub(dutch, rest)
    return message


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 (argparse's signature)
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """``ArgumentParser`` with Dutch headings, ``-h/--help`` text and error messages.

    Subcommand parsers made with ``add_subparsers().add_parser`` are of this class too.
    """

    def __init__(self, *args, parents=(), add_help: bool = True, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="toon deze hulp en stop")
        # Parents are added after the headings are renamed, as ArgumentParser.__init__ would,
        # so that their options join the group of the same (Dutch) title.
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def add_subparsers(self, **kwargs):  # noqa: ANN003, ANN201 (argparse's signature)
        kwargs.setdefault("title", "opdrachten")
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {in_dutch(message)}\n")
