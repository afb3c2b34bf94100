"""ToUnicode CMaps that name every character, those beyond the BMP too.

reportlab writes each code of a TrueType subset as `<C5> <20BB7>` (the code point in
hex), which a reader takes as the two UTF-16 units 20BB and 7: 𠮷 (U+20BB7) extracts
as ₻.  A vertical headline draws ，as ︐ (U+FE10, the font's vertical form): its map says
，so the headline copies as typed.  A ToUnicode destination is UTF-16BE (PDF 32000-1 §9.10.3): a character
beyond U+FFFF is written as its surrogate pair, `<D842DFB7>`.  `EmbeddedFont` is
reportlab's TTFont with that map; for a subset wholly in the BMP the map is byte for
byte the one reportlab writes.
"""
from __future__ import annotations

import hashlib
import unicodedata
from contextlib import contextmanager

from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont, makeToUnicodeCMap


def utf16_hex(code: int) -> str:
    """The code point as UTF-16BE hex: 4 digits in the BMP, a surrogate pair (8) beyond."""
    if code < 0x10000:
        return "%04X" % code
    v = code - 0x10000
    return "%04X%04X" % (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))


def horizontal_of(code: int) -> int:
    """A vertical form (U+FE10–FE19, U+FE30–FE4F: what a 竖排题 draws for ，「（ …) as the
    character it stands for, so text copied from a vertical headline reads as typed
    (ASCII in the decomposition becomes full-width: ︐ → ，); any other code as it is."""
    if not (0xFE10 <= code <= 0xFE19 or 0xFE30 <= code <= 0xFE4F):
        return code
    tag, _, base = unicodedata.decomposition(chr(code)).partition(" ")
    if tag != "<vertical>" or not base:
        return code
    base_code = int(base.split()[0], 16)
    return base_code + 0xFEE0 if 0x21 <= base_code <= 0x7E else base_code


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode CMap of one 256-code subset (code i → character subset[i], a vertical
    form → the character it stands for)."""
    subset = [horizontal_of(c) for c in subset]
    cmap = makeToUnicodeCMap(fontname, subset)
    if all(c < 0x10000 for c in subset):
        return cmap
    head, _, rest = cmap.partition("beginbfchar\n")
    _, _, tail = rest.partition("\nendbfchar")
    pairs = "\n".join(f"<{i:02X}> <{utf16_hex(c)}>" for i, c in enumerate(subset))
    return f"{head}beginbfchar\n{pairs}\nendbfchar{tail}"


def subset_tag(face_name: bytes, subset: list[int]) -> bytes:
    """The six capital letters before `+` in a subset's name (ISO 32000-1 §9.6.4), made
    from what decides the font program: the face (its name carries the digest of the
    embedded file) and the codes of the subset.  reportlab numbers subsets from AAAAAA
    in every file, so the edition file, made of the plates, named four different
    programs AAAAAA+…; a reader may merge subsets of one name."""
    h = hashlib.sha256(face_name + b"\n" + ",".join(map(str, subset)).encode("ascii")).digest()
    return bytes(65 + b % 26 for b in h[:6])


@contextmanager
def _tags(tags: list[bytes]):
    """reportlab's subset namer (ttfonts.SUBSETN, read by TTFont.addObjects) giving `tags`."""
    saved = ttfonts.SUBSETN
    ttfonts.SUBSETN = lambda n: tags[n]
    try:
        yield
    finally:
        ttfonts.SUBSETN = saved


class EmbeddedFont(TTFont):
    """reportlab's TTFont whose ToUnicode maps give characters beyond the BMP as UTF-16 and a
    vertical form as the character it stands for, and whose subsets are named by their
    content (subset_tag)."""

    def addObjects(self, doc):
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        tags = [subset_tag(self.face.name, s) for s in subsets]
        with _tags(tags):
            super().addObjects(doc)
        for tag, subset in zip(tags, subsets):
            if all(c < 0x10000 and horizontal_of(c) == c for c in subset):
                continue          # reportlab's map is already right
            base = b"".join((tag, b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            doc.idToObject["toUnicodeCMap:" + base].content = to_unicode_cmap(base, subset)
