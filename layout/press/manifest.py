"""The plate manifest (`<paper>-<date>-manifest.json`): every plate of a build with its
page, file, SHA-256, revision and /ID, so a printer can tell two versions of a page
apart and only the plates that changed are sent to the plant.

A plate has changed when its revision has (what it prints: layout.press.write's
page_revision); a plate whose bytes differ only by its dates (another
SOURCE_DATE_EPOCH) has not.  A manifest that cannot be read counts as no previous
build: every plate is then new.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from layout.base.files import atomic_write

FORMAT = "newsprint-manifest/1"
MAX_BYTES = 1 << 20             # a manifest bigger than this is not read


@dataclass(frozen=True)
class Plate:
    page: int
    file: str                   # file name in the output folder
    sha256: str
    revision: str
    pdf_id: str
    status: str = "new"         # new (no plate of this page before), changed, unchanged


def read_manifest(path: Path) -> dict[int, dict] | None:
    """page → its entry in the manifest at `path`; None when there is none or it is unreadable."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            return None
        return {int(e["page"]): e for e in data["plates"] if isinstance(e, dict)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def compare(plates: tuple[Plate, ...], previous: dict[int, dict] | None) -> tuple[tuple[Plate, ...], tuple[int, ...]]:
    """The plates with their status against the previous manifest, and the pages it had
    that these plates have not."""
    if previous is None:
        return plates, ()
    out = []
    for p in plates:
        before = previous.get(p.page)
        status = "new" if before is None else (
            "unchanged" if before.get("revision") == p.revision else "changed")
        out.append(replace(p, status=status))
    pages = {p.page for p in plates}
    return tuple(out), tuple(sorted(n for n in previous if n not in pages))


def write_manifest(path: Path, layout, plates: tuple[Plate, ...], edition_file: str,
                   edition_sha256: str) -> None:
    data = {
        "format": FORMAT,
        "paper": layout.paper_name,
        "date": layout.date_iso,
        "edition": {"file": edition_file, "sha256": edition_sha256},
        "plates": [{"page": p.page, "file": p.file, "sha256": p.sha256, "revision": p.revision,
                    "id": p.pdf_id} for p in plates],
    }
    atomic_write(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 5] → '1–3, 5' (an en dash, as a page list is written)."""
    out, run = [], []
    for n in sorted(pages):
        if run and n == run[-1] + 1:
            run.append(n)
            continue
        if run:
            out.append(_run(run))
        run = [n]
    if run:
        out.append(_run(run))
    return ", ".join(out)


def _run(run: list[int]) -> str:
    return str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}"
