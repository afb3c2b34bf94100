"""Image files named in the YAML: they must exist and stay inside the allowed folders."""
from __future__ import annotations

import os
import re
import struct
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from yaml.nodes import Node

from layout.base.diagnostics import Phrase, os_reason
from layout.edition.fields import Collector
from layout.base.files import cache_dir
from layout.edition.source import node_pos, shown_path

if TYPE_CHECKING:                      # Pillow is imported when an image is named
    from PIL import Image

_ABSOLUTE = re.compile(r"^(/|\\|~|[A-Za-z]:)")


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


class _Damaged(Exception):
    pass


def _decode(im: Image.Image) -> None:
    """Read the whole picture now, so a truncated or corrupt file fails here, not at render.

    JPEG is decoded at 1/8 scale (draft): every byte is still read, at a fraction of the cost.
    """
    from PIL import Image

    try:
        im.draft(im.mode, (max(1, im.width // 8), max(1, im.height // 8)))
        im.load()
    except Image.DecompressionBombError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error) as exc:
        raise _Damaged(str(exc) or type(exc).__name__) from None


def confined_image(out: Collector, node: Node, rel: str, base: Path,
                   roots: dict[str, Path], what: Phrase, *, colour: bool = False,
                   ink_limit: float | None = None) -> str:
    """The real absolute path of image `rel` (relative to folder `base`), or "" after an error.

    `roots` names the folders the file may live in (catalogue code of its name -> resolved
    folder); a path
    that leaves them, lexically with '..' or through a symbolic link, is refused. The picture
    must be one a plate can take (layout.base.pictures; `colour`: set in CMYK, a logo) within
    `ink_limit` %, as the build's preflight will require.
    """
    found = confined_file(out, node, rel, base, roots, what, things=Phrase("things.images"))
    if found is None:
        return ""
    try:
        path = _checked_image(out, node, rel, what, found[1])
        return path and _fit_for_plate(out, node, rel, what, path, colour, ink_limit)
    except (OSError, ValueError, RuntimeError) as exc:   # unreadable
        out.error("image-unreadable", node, what=what, path=rel, reason=os_reason(exc))
        return ""


def _fit_for_plate(out: Collector, node: Node, rel: str, what: Phrase, path: str, colour: bool,
                   ink_limit: float | None) -> str:
    """`path` if the picture converts for the plate (and a CMYK one keeps to the ink limit),
    else "" after an error: what the build would fail on, found by check."""
    from PIL import Image

    from layout.base.pictures import convertible, for_plate, max_ink_pct

    with Image.open(path) as im:
        if not convertible(im.mode):
            out.error("image-mode", node, what=what, path=rel, mode=im.mode)
            return ""
        if ink_limit is None or not (im.mode == "CMYK" or colour):
            return path
        im.load()
        plate = for_plate(im, colour)
        ink = max_ink_pct(plate) if plate.mode == "CMYK" else 0.0
    if ink > ink_limit + 0.5:
        out.error("image-ink", node, what=what, path=rel, ink=f"{ink:.0f}", limit=f"{ink_limit:g}")
        return ""
    return path


def confined_file(out: Collector, node: Node, rel: str, base: Path, roots: dict[str, Path],
                  what: Phrase, things: Phrase) -> tuple[Path, Path] | None:
    """(path as named, real path) of the existing file `rel` inside `roots`, or None after
    an error (see confined_image); `things`: what must stay inside (images, story files)."""
    where = tuple(Phrase("folder.at", folder=Phrase(label), path=shown_path(root)) for label, root in roots.items())
    if _ABSOLUTE.match(rel) or os.path.isabs(rel):
        out.error("image-absolute", node, what=what, path=rel, base=shown_path(base))
        return None
    try:
        lexical = Path(os.path.normpath(base / rel))
        if not any(_within(lexical, root) for root in roots.values()):
            out.error("file-outside", node, what=what, path=rel, folders=where, things=things)
            return None
        real = lexical.resolve()
        if not any(_within(real, root) for root in roots.values()):
            out.error("image-link-outside", node, what=what, path=rel, real=str(real), folders=where)
            return None
        if not real.is_file():
            out.error("image-not-found", node, what=what, path=rel, looked=shown_path(lexical))
            return None
        return lexical, real
    except (OSError, ValueError, RuntimeError) as exc:   # unreadable, NUL in name, link loop
        out.error("image-unreadable", node, what=what, path=rel, reason=os_reason(exc))
        return None


MAX_PIXELS = 60_000_000     # a whole 四开 page at 600 ppi is 42 megapixels


def _checked_image(out: Collector, node: Node, rel: str, what: Phrase, real: Path) -> str:
    """str(real) if Pillow reads the whole picture (now, or these same bytes before), else ""
    after an error."""
    mark, proof = _decoded_mark(real)
    if mark is not None:
        from layout.base.files import read_entry

        payload, status = read_entry(mark, 256)
        if payload == proof:
            return str(real)
        if status != "missing":
            from layout.base.diagnostics import warning

            out.diags.append(warning("cache.damaged-mark", node_pos(node), what=what, file=rel))
    from PIL import Image, UnidentifiedImageError

    try:
        saved, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None   # the size is judged here
        try:
            im = Image.open(real)            # reads the header only
        finally:
            Image.MAX_IMAGE_PIXELS = saved
        with im:
            width, height = im.size
            if width * height > MAX_PIXELS:  # refused before a byte is decoded
                out.error("image-too-big", node, what=what, path=rel, width=f"{width:,}",
                          height=f"{height:,}", megapixels=f"{width * height / 1e6:.0f}",
                          limit=f"{MAX_PIXELS // 1_000_000}")
                return ""
            _decode(im)
    except _Damaged as exc:
        out.error("image-damaged", node, what=what, path=rel, reason=str(exc))
        return ""
    except (UnidentifiedImageError, Image.DecompressionBombError):
        out.error("not-an-image", node, what=what, path=rel)
        return ""
    if mark is not None:
        from layout.base.files import write_entry

        write_entry(mark, proof)      # a read-only cache only costs the decoding next time
    return str(real)


def _decoded_mark(real: Path) -> tuple[Path | None, bytes]:
    """The cache entry saying that these exact bytes decoded whole with this Pillow, and
    what it must hold: a photo is decoded once, not at every build and preview (None: no
    cache folder to use)."""
    import hashlib

    import PIL    # the package only: its version, not the decoders

    digest = hashlib.sha256(real.read_bytes()).hexdigest()
    proof = f"{digest} pillow {PIL.__version__}".encode("ascii")
    try:
        folder = cache_dir()
    except RuntimeError:          # no home folder to put ~/.cache in
        return None, proof
    return folder / "images" / f"{digest}-pillow-{PIL.__version__}.ok", proof
