"""The `newsprint` command: build | check | place | preview | preflight | fonts | watch | new | import.

Only the CLI prints. Exit codes: 0 success, 1 errors in the input or output,
2 usage errors (argparse), 70 internal error (a bug; NEWSPRINT_DEBUG=1 shows the
traceback), 130 interrupted.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys

from layout.cli import build, check, fonts, importdoc, new, place, preflight, preview, watch
from layout.cli.arguments import argparse_words
from layout.cli.desk import command as serve
from layout.cli.failures import explain
from layout.cli.messages import msg

COMMANDS = (build, check, place, preview, preflight, fonts, watch, serve, new, importdoc)   # the order `--help` lists them


def main(argv: list[str] | None = None) -> int:
    with argparse_words():                 # --help and usage errors in the locale's language
        parser = make_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return 2
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Tolerant(sys.stdout), _Tolerant(sys.stderr)
    try:
        with project_root(args.root):
            return _run(args)
    finally:
        sys.stdout, sys.stderr = saved


@contextlib.contextmanager
def project_root(root: str | None):
    """--root: the project root for this run (layout.edition.load.project_root), handed to
    the loader and to worker processes as $NEWSPRINT_ROOT; the caller's value comes back after."""
    from layout.edition.load import ROOT_VARIABLE

    before = os.environ.get(ROOT_VARIABLE)
    if root:
        os.environ[ROOT_VARIABLE] = os.path.abspath(root)
    try:
        yield
    finally:
        if root and before is None:
            os.environ.pop(ROOT_VARIABLE, None)
        elif root:
            os.environ[ROOT_VARIABLE] = before


def _run(args) -> int:
    json = getattr(args, "json", False)
    err = io.StringIO() if json else sys.stderr      # --json: the failure goes into the object
    try:
        return args.func(args)
    except KeyboardInterrupt as exc:
        from layout.cli.messages import msg

        outcome, folder = getattr(exc, "newsprint_outcome", None), getattr(exc, "newsprint_folder", "")
        print(msg(f"interrupted.{outcome}" if outcome else "interrupted", folder=folder), file=err)
        code = 130
    except Exception as exc:
        code = explain(exc, err)
    if json:                                          # one JSON object, whatever happened
        from layout.cli.report import print_json

        print_json(getattr(args, "command", "") or "", code, failure=err.getvalue().splitlines())
        sys.stderr.write(err.getvalue())
    return code


class _Tolerant(io.TextIOBase):
    """stdout/stderr as the commands write them: a reader that went away (newsprint … | head)
    after the work is done is not a failure (the rest of the output is dropped, the exit code
    is the command's), and a stream that cannot encode a character (PYTHONIOENCODING=ascii,
    a C locale) gets it as an escape instead of the command dying after its files are written."""

    def __init__(self, stream):
        self._stream = stream
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                self._stream.write(text)
            except UnicodeEncodeError:
                encoding = getattr(self._stream, "encoding", None) or "ascii"
                self._stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
            except (BrokenPipeError, ValueError):     # closed pipe, closed file
                self._gone = True
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except (BrokenPipeError, ValueError):
                self._gone = True

    def isatty(self) -> bool:
        try:
            return self._stream.isatty()
        except (ValueError, AttributeError):
            return False

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self):
        return getattr(self._stream, "encoding", "utf-8")


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
    p = argparse.ArgumentParser(prog="newsprint", description=msg("help.newsprint"))
    p.add_argument("--root", metavar="DIR", help=msg("help.root"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return p
