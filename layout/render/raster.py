"""Rasterising: a page's PDF (as its plate draws it) to PNG through PDFium, for previews."""
from __future__ import annotations

import struct
import zlib


def rasterise(pdf: bytes, bleed_pt: float, dpi: float = 100.0) -> bytes:
    """PNG bytes of the first page of `pdf`, trimmed by `bleed_pt` on each side, at dpi."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        scale = dpi / 72.0
        crop = (bleed_pt, bleed_pt, bleed_pt, bleed_pt)   # show the trimmed page, not the bleed
        image = page.render(scale=scale, crop=crop).to_pil()
        return png_bytes(image.convert("RGB") if image.mode != "RGB" else image)
    finally:
        doc.close()


def png_bytes(image, level: int = 1) -> bytes:
    """An RGB image as PNG: rows unfiltered, zlib at `level` (1).  On a rendered page (flat
    colour, sharp type) that is ~2x faster than Pillow's encoder at level 1 (0.025 s
    against 0.048 s for an A3 page at 100 dpi) and smaller (670 kB against 880 kB).
    Level 0 (stored, ~5 MB, a few ms) is for an image that only crosses the loopback."""
    width, height = image.size
    raw = image.tobytes()
    stride = 3 * width
    rows = b"".join(b"\x00" + raw[i:i + stride] for i in range(0, len(raw), stride))
    data = zlib.compress(rows, level)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)   # 8-bit RGB, no interlace
    # one join, the CRC run over the pieces: a stored page is ~5 MB, each copy ~1 ms
    return b"".join((b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", header), struct.pack(">I", len(data)), b"IDAT",
                     data, struct.pack(">I", zlib.crc32(data, zlib.crc32(b"IDAT"))), _chunk(b"IEND", b"")))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
