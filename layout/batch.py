"""Batch builds: every edition under a folder, in a pool of worker processes.

    newsprint build --all editions/ [--jobs N]

An edition is a folder holding edition.yaml.  Each one is built by the ordinary
`newsprint build` in a worker process (fork: the parent has already imported the
heavy modules, so workers start warm); its printed output is captured and shown
in edition order once it is done, so parallel builds never interleave lines.
Stages stay pure: this module returns results, the CLI prints them.
"""
from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path

MAX_EDITIONS = 1000


@dataclass(frozen=True)
class EditionResult:
    edition: str          # the edition's folder
    code: int             # exit code of its build (0 ok, 1 input/preflight errors, 70 a bug)
    stdout: str
    stderr: str


def find_editions(root: str | Path) -> list[Path]:
    """Folders holding edition.yaml at or below root, sorted (hidden folders and output/ skipped)."""
    root = Path(root)
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "output")
        if "edition.yaml" in filenames:
            found.append(Path(dirpath))
    return sorted(found)[:MAX_EDITIONS]


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def build_one(edition: str, build_args: list[str]) -> EditionResult:
    """`newsprint build EDITION ARGS...` in this process, its output captured."""
    from layout.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["build", edition, *build_args])
        except SystemExit as exc:                 # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return EditionResult(edition, code, out.getvalue(), err.getvalue())


def build_all(editions: list[Path], build_args: list[str], jobs: int) -> list[EditionResult]:
    """Build each edition (in order of the list) with at most `jobs` processes at once.

    Every edition gets a fresh worker (maxtasksperchild=1): reportlab keeps each
    registered font subset for the life of a process, so one process building many
    editions would grow by ~13 MiB an edition."""
    names = [str(e) for e in editions]
    jobs = max(1, min(jobs, len(names)))
    if len(names) == 1:
        return [build_one(names[0], build_args)]
    _preload()
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ctx.Pool(jobs, maxtasksperchild=1) as pool:
        return pool.starmap(build_one, [(n, build_args) for n in names], chunksize=1)


def _preload() -> None:
    """Import what every build needs before forking, so each worker does not import it again."""
    import layout.cli  # noqa: F401
    import layout.makeup  # noqa: F401
    import layout.press  # noqa: F401


__all__ = ["EditionResult", "find_editions", "build_all", "build_one", "default_jobs"]
