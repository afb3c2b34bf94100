"""The `newsprint` command: build | check | place | preview | preflight | fonts | watch | new | import.

Only the CLI prints. Exit codes: 0 success, 1 errors in the input or output,
2 usage errors (argparse), 70 internal error (a bug; NEWSPRINT_DEBUG=1 shows the
traceback), 130 interrupted.
"""
from __future__ import annotations

import argparse
import os
import sys

from layout.cli import build, check, fonts, importdoc, new, place, preflight, preview, watch
from layout.cli.desk import command as serve
from layout.cli.failures import explain

COMMANDS = (build, check, place, preview, preflight, fonts, watch, serve, new, importdoc)   # the order `--help` lists them


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("newsprint: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as exc:
        return explain(exc, sys.stderr)


def run() -> None:
    """The `newsprint` program (console script and `python -m layout`): main(), then exit at
    once.  Every file is written, fsynced and closed by then, so the interpreter's teardown
    (module cleanup and a last garbage collection, ~30 ms a build) is skipped; under a
    profiler, tracer or coverage, or with NEWSPRINT_DEBUG set, the exit is the normal one."""
    try:
        code = main()
    except SystemExit as exc:                 # argparse: usage errors, --help
        code = exc.code
    if code is None or not isinstance(code, int):
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    if sys.getprofile() is not None or sys.gettrace() is not None or os.environ.get("NEWSPRINT_DEBUG"):
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):         # a closed pipe (newsprint … | head): nothing to add
            pass
    os._exit(code)


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsprint", description="Typeset a Chinese newspaper edition as print-ready PDF.")
    sub = p.add_subparsers(dest="command")
    for command in COMMANDS:
        command.add_parser(sub)
    return p
