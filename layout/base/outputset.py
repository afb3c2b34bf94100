"""An output set (the plates, the copyfit, the proof of one edition in one folder) replaced
whole or not at all.

    with OutputSet(folder) as s:          # waits for any other build into `folder` (a lock)
        write files into s.stage          # a sibling folder, .<name>.new-<pid>
        ... preflight them there ...
        s.commit()                        # or leave the block: nothing replaced

commit() writes the set's manifest (MANIFEST: each file's size and SHA-256), carries over
what is in the folder but not of any set (preview PNGs), and exchanges the stage with the
folder in one rename (Linux renameat2 RENAME_EXCHANGE); the old set, now in the stage's
place, is then deleted. Files of the old set the new one lacks (plates of pages that no
longer exist) go with it. Where the exchange is not available the folder is renamed aside
first (.<name>.old) and put back by the next OutputSet on that folder if a kill came between
the two renames. A kill, an interrupt or an error at any moment leaves either the complete
previous set or the complete new one in `folder`; is_whole() says so from the manifest.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

MANIFEST = "outputset.json"           # the output set's own manifest (not the plates')
FORMAT = 1


def _step(what: str) -> None:
    """Called between the steps of a commit (tests kill the build here)."""


class OutputSet:
    def __init__(self, folder: str | Path, is_set_file=None):
        """`is_set_file(name)`: does a file of this name belong to an edition's set (so it is
        not carried over)? Default: everything but preview PNGs belongs."""
        self.folder = Path(folder)
        self.stage = self.folder.parent / f".{self.folder.name}.new-{os.getpid()}"
        self._aside = self.folder.parent / f".{self.folder.name}.old"
        self._lock_path = self.folder.parent / f".{self.folder.name}.lock"
        self._is_set_file = is_set_file or (lambda name: not name.startswith("preview-"))
        self._lock_fd: int | None = None
        self.committed = False

    # ------------------------------------------------------------ lock and recovery

    def __enter__(self) -> "OutputSet":
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        self._lock()
        try:
            recover(self.folder)
            _remove(self.stage)
            self.stage.mkdir()
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, kind, exc, tb) -> None:
        try:
            if not self.committed:
                _remove(self.stage)
        finally:
            self._unlock()
        if isinstance(exc, KeyboardInterrupt):     # the CLI says which set is there
            exc.newsprint_outcome = "replaced" if self.committed or self._swapped() else "kept"
            exc.newsprint_folder = str(self.folder)

    def _swapped(self) -> bool:
        """Does the folder hold this set (an interrupt right after the exchange)?"""
        try:
            return (self.folder / MANIFEST).read_bytes() == self._manifest
        except (OSError, AttributeError):
            return False

    def _lock(self) -> None:
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        try:
            import fcntl
        except ImportError:                 # pragma: no cover - not POSIX
            self._lock_fd = fd
            return
        fcntl.flock(fd, fcntl.LOCK_EX)     # another build into this folder: wait for it
        self._lock_fd = fd

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)         # closing releases the lock
            self._lock_fd = None

    # ------------------------------------------------------------ the swap

    def path(self, name: str) -> Path:
        """Where a file of the set is written (in the stage) — its final place is folder/name."""
        return self.stage / name

    def final(self, staged: str | Path) -> Path:
        """The final place of a staged file."""
        return self.folder / Path(staged).relative_to(self.stage)

    def commit(self) -> None:
        """Replace the folder's set with the stage's, whole."""
        names = sorted(p.name for p in self.stage.iterdir() if p.is_file())
        self._manifest = _write_manifest(self.stage, names)
        _step("manifest")
        self._carry_over()
        _step("carried")
        _fsync_dir(self.stage)
        if self.folder.exists():
            if not _exchange(self.stage, self.folder):
                os.replace(self.folder, self._aside)       # (no exchange here) two renames
                _step("aside")
                os.replace(self.stage, self.folder)
                self.committed = True
                _step("renamed")
                _remove(self._aside)
                return
            self.committed = True
            _step("exchanged")
            _fsync_dir(self.folder.parent)
            _remove(self.stage)                           # the previous set
        else:
            os.replace(self.stage, self.folder)
            self.committed = True
            _step("renamed")
            _fsync_dir(self.folder.parent)

    def _carry_over(self) -> None:
        """What is in the folder but of no set (preview PNGs) stays: linked into the stage."""
        if not self.folder.is_dir():
            return
        for old in self.folder.iterdir():
            if old.is_file() and not old.is_symlink() and not self._is_set_file(old.name) \
                    and not (self.stage / old.name).exists():
                try:
                    os.link(old, self.stage / old.name)
                except OSError:
                    shutil.copy2(old, self.stage / old.name)


def recover(folder: str | Path) -> None:
    """Undo what a killed commit left around `folder`: the set renamed aside is put back
    when the folder is missing; stale stages and an old set beside a whole folder go."""
    folder = Path(folder)
    aside = folder.parent / f".{folder.name}.old"
    if aside.exists():
        if folder.exists():
            _remove(aside)
        else:
            os.replace(aside, folder)
    if folder.parent.is_dir():            # (the caller holds the lock: no stage is in use)
        for stale in folder.parent.glob(f".{folder.name}.new-*"):
            _remove(stale)


def is_whole(folder: str | Path) -> bool:
    """The folder holds exactly the files its manifest lists, each with its size and digest."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        listed = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    for name, entry in listed.items():
        path = folder / name
        if not path.is_file() or path.stat().st_size != entry["size"] \
                or _sha256(path) != entry["sha256"]:
            return False
    return True


def set_files(folder: str | Path) -> list[str]:
    """The names the folder's manifest lists (none when there is no manifest)."""
    try:
        return sorted(json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return []


# ---------------------------------------------------------------- helpers

def _write_manifest(stage: Path, names: list[str]) -> bytes:
    files = {n: {"size": (stage / n).stat().st_size, "sha256": _sha256(stage / n)}
             for n in names if n != MANIFEST}
    data = json.dumps({"format": FORMAT, "files": files}, indent=2, sort_keys=True) + "\n"
    with open(stage / MANIFEST, "wb") as f:
        f.write(data.encode("utf-8"))
        f.flush()
        os.fsync(f.fileno())
    return data.encode("utf-8")


def _sha256(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


_renameat2 = None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic rename; False where the system cannot."""
    global _renameat2
    if _renameat2 is None:
        _renameat2 = False
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            func = libc.renameat2
            func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                             ctypes.c_uint]
            _renameat2 = func
        except (OSError, AttributeError):
            pass
    if not _renameat2:
        return False
    import ctypes

    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    if _renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink(missing_ok=True)
