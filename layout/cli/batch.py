"""Batch builds: every edition under a folder, in a pool of worker processes.

    newsprint build --all editions/ [--jobs N]

An edition is a folder holding edition.yaml.  Each one is built by layout.pipeline.build
in a worker process (fork: the parent has already imported the heavy modules, so workers
start warm) and told as `newsprint build` tells it, into text that is shown in edition order
once it is done, so parallel builds never interleave lines.
"""
from __future__ import annotations

import io
import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path

from layout.pipeline import BuildOptions, build

MAX_EDITIONS = 1000


@dataclass(frozen=True)
class EditionResult:
    edition: str          # the edition's folder
    code: int             # exit code of its build (0 ok, 1 input/preflight errors, 70 a bug)
    stdout: str
    stderr: str


@dataclass(frozen=True)
class BatchOptions:
    output: str = "output"
    build: BuildOptions = BuildOptions()
    quiet: bool = False


def find_editions(root: str | Path) -> list[Path]:
    """Folders holding edition.yaml at or below root, sorted (hidden folders and output/ skipped)."""
    root = Path(root)
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "output")
        if "edition.yaml" in filenames:
            found.append(Path(dirpath))
    return sorted(found)[:MAX_EDITIONS]


def same_folder(editions: list[Path], output: str | Path) -> list[tuple[Path, Path, Path]]:
    """(first edition, second edition, folder) for editions that would write into one output
    folder (same paper slug and date): one would replace the other's plates."""
    seen: dict[Path, Path] = {}
    clashes = []
    for edition in editions:
        target = _target(edition)
        if target is None:              # unreadable: its own build says why
            continue
        folder = Path(output) / target[0] / target[1]
        if folder in seen:
            clashes.append((seen[folder], edition, folder))
        else:
            seen[folder] = edition
    return clashes


def _target(edition: Path) -> tuple[str, str] | None:
    """(paper slug, date) as the build's out_dir names them, read from the two files' nodes."""
    import datetime as dt

    from yaml.nodes import MappingNode, ScalarNode

    from layout.edition.source import read_yaml

    def value(node, key):
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == key and isinstance(v, ScalarNode):
                    return v.value.strip()
        return None

    root, _ = read_yaml(edition / "edition.yaml")
    rel, date = value(root, "paper"), value(root, "date")
    if not rel or not date:
        return None
    paper, _ = read_yaml(Path(os.path.normpath(edition / rel)))
    slug = value(paper, "slug")
    try:
        date = dt.date.fromisoformat("-".join(f"{int(x):02d}" for x in date.split("-"))).isoformat()
    except ValueError:
        return None
    return (slug, date) if slug else None


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def build_one(edition: str, options: BatchOptions) -> EditionResult:
    """One edition built in this process, what `newsprint build` says of it as text."""
    from layout.cli.build import show
    from layout.cli.failures import explain

    out, err = io.StringIO(), io.StringIO()
    try:
        code = show(build(edition, options.output, options.build), options.quiet, out, err)
    except Exception as exc:                      # as `newsprint build` would tell it
        code = explain(exc, err)
    return EditionResult(edition, code, out.getvalue(), err.getvalue())


def build_all(editions: list[Path], options: BatchOptions, jobs: int) -> list[EditionResult]:
    """Build each edition (in order of the list) with at most `jobs` processes at once.

    Every edition gets a fresh worker (maxtasksperchild=1): reportlab keeps each
    registered font subset for the life of a process, so one process building many
    editions would grow by ~13 MiB an edition."""
    names = [str(e) for e in editions]
    jobs = max(1, min(jobs, len(names)))
    if len(names) == 1:
        return [build_one(names[0], options)]
    _preload()
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ctx.Pool(jobs, maxtasksperchild=1) as pool:
        return pool.starmap(build_one, [(n, options) for n in names], chunksize=1)


def _preload() -> None:
    """Import what every build needs before forking, so each worker does not import it again."""
    import layout.cli.build  # noqa: F401
    import layout.makeup  # noqa: F401
    import layout.press.write  # noqa: F401
    import layout.preflight.checks  # noqa: F401


__all__ = ["BatchOptions", "EditionResult", "find_editions", "build_all", "build_one", "default_jobs",
           "same_folder"]
