"""The command line's help in the locale's language: each command's and option's text is
a catalogue entry (layout/base/catalogue/usage.py), and so are argparse's own words
("usage:", "options", "the following arguments are required: …").

argparse translates its words through gettext's `_` and `ngettext`, looked up in its module
when a message is made; `argparse_words()` lends it the catalogue's for as long as the
parser is built and used, and gives gettext's back after."""
from __future__ import annotations

import argparse
from contextlib import contextmanager

from layout.base.catalogue import Phrase, render
from layout.cli.messages import language, msg

# argparse's message ids (Python 3.11) -> catalogue codes; an id not listed stays as argparse
# words it (those left out are a programmer's errors, not a user's)
ARGPARSE = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "the following arguments are required: %s": "argparse.required",
    "one of the arguments %s is required": "argparse.one-of",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "not allowed with argument %s": "argparse.not-allowed",
    "ignored explicit argument %r": "argparse.ignored",
    "expected one argument": "argparse.expected-one",
    "expected at most one argument": "argparse.expected-at-most-one",
    "expected at least one argument": "argparse.expected-at-least-one",
    "expected %s argument": "argparse.expected-n",
    "expected %s arguments": "argparse.expected-n-plural",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "unexpected option string: %s": "argparse.unexpected",
    "invalid %(type)s value: %(value)r": "argparse.invalid-type",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid-choice",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown-parser",
}


def about(command: str) -> dict:
    """A subcommand's help (in `newsprint --help`) and description (in its own --help)."""
    text = msg(f"help.{command}")
    return {"help": text, "description": text}


def json_help(command: str) -> str:
    """--json's help: print one JSON object (what the command puts in it)."""
    return msg("help.json.what", what=Phrase(f"help.{command}.json"))


@contextmanager
def argparse_words(lang: str | None = None):
    """argparse words its messages in `lang` (default: the locale's) inside the block."""
    lang = lang or language()

    def words(message: str) -> str:
        code = ARGPARSE.get(message)
        return render(code, (), lang) if code else message

    def plural_words(singular: str, plural: str, n: int) -> str:
        return words(singular if n == 1 else plural)

    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = words, plural_words
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
