"""Where a command writes: output/<paper>/<date>/ and the names of the files in it."""
from __future__ import annotations

from pathlib import Path


def out_dir(root: str, edition) -> Path:
    return Path(root) / edition.paper.slug / edition.date.isoformat()


def edition_stem(edition) -> str:
    """<paper>-<date>, the start of every file name of an edition."""
    return f"{edition.paper.slug}-{edition.date.isoformat()}"


def preview_name(page: int, proof: bool) -> str:
    return f"preview-p{page}{'-proof' if proof else ''}.png"


def remove_stale_temps(out: Path) -> None:
    """Temp files of a killed build (files.atomic_write names them .<file>.<random>.tmp)."""
    if out.is_dir():
        for tmp in out.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
