"""Writing files atomically: readers (a printer's hot folder, a cache) see the old file or
the whole new one, never half of it; on failure the old file stays and no temp is left.
And where newsprint keeps what it derives from its inputs (the cache folder)."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """$NEWSPRINT_CACHE_DIR, else $XDG_CACHE_HOME/newsprint, else ~/.cache/newsprint."""
    explicit = os.environ.get("NEWSPRINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "newsprint"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once (temp file in the same folder, fsync, rename)."""
    import tempfile

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())      # mkstemp makes 0600; output goes to other people
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
