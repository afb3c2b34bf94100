"""A progress line on stderr for the slow steps of a build."""
from __future__ import annotations

import os
import sys
import time

from layout.cli.messages import msg


class Progress:
    """A progress line on stderr for steps that start after the command has run a moment
    (0.5 s); only on a terminal (or NEWSPRINT_PROGRESS=1), never with --quiet or --json."""

    def __init__(self, args, after: float = 0.5):
        self.t0 = time.perf_counter()
        self.after = after
        self.tty = sys.stderr.isatty()
        self.on = (not getattr(args, "quiet", False) and not getattr(args, "json", False)
                   and (self.tty or os.environ.get("NEWSPRINT_PROGRESS") == "1"))
        self.shown = False

    def step(self, mid: str, **fields) -> None:
        if not self.on or time.perf_counter() - self.t0 < self.after:
            return
        line = msg("progress", step=msg(mid, **fields))
        print(f"\r\033[K{line}" if self.tty else line, end="" if self.tty else "\n", file=sys.stderr, flush=True)
        self.shown = True

    def done(self) -> None:
        if self.shown and self.tty:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
