"""Advertisements (kind: ad): the booking (栏 × cm, or half a page) and the advertiser's file.

An image is read here once: its pixel size, mode and highest ink; RGB or ink over the
paper's limit is an error at the `file:`, and whether it matches the booked space (that
needs the grid) is checked in makeup (layout.makeup.adblock).  A PDF ad is only found
here: no stage before render reads PDF, so its page, box, fonts and colours are checked
by the preflight stage (layout.preflight.adfile, run by the pipeline with the loader).
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from layout.base.diagnostics import Phrase
from layout.base.pictures import max_ink_pct
from layout.edition.assets import confined_file, confined_image
from layout.edition.fields import Fields
from layout.edition.model import Ad, AdArtwork, Paper
from layout.edition.source import node_pos

AD_KEYS = ("file", "size")
SIZE_KEYS = ("span", "height")
NAMED_SIZES = ("half-page",)        # 半版: every column, half the type area's height
MM_PER_PT = 25.4 / 72.0
PRINTABLE_MODES = ("CMYK", "L", "1")
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(cm|mm)\s*$")


def ad_rows(paper: Paper, height_mm: float) -> int:
    """Body lines an ad of that height takes: the artwork's, and one for 广告 and the rule
    when the paper draws them."""
    body = paper.styles.get("body")
    pitch_mm = ((body.leading_pt or body.size_pt * 1.5) if body else 13.5) * MM_PER_PT
    label = 1 if (paper.ad_label or paper.ad_rule_pt) else 0
    return label + max(1, math.ceil(height_mm / pitch_mm - 1e-6))


def read_ad(out, f: Fields, paper: Paper | None, base: Path, roots: dict[str, Path]) -> Ad | None:
    """The `ad:` mapping of a kind ad article; None (after an error) if it is unusable."""
    g = f.sub("ad", AD_KEYS, required=True)
    if g is None or not isinstance(g.node, MappingNode):
        return None
    span, height = _size(out, g, paper)
    rel = g.text("file", required=True, printed=False)
    if not rel:
        return None
    node = g.get("file")
    is_pdf = rel.lower().endswith(".pdf")
    if is_pdf:
        found = confined_file(out, node, rel, base, roots, Phrase("what.ad-file"),
                              things=Phrase("things.images"))
        path = str(found[1]) if found else ""
    else:
        path = confined_image(out, node, rel, base, roots, Phrase("what.ad-file"))
    if not path or not span or not height or paper is None:
        return None
    artwork = AdArtwork("pdf", 0.0, 0.0) if is_pdf else _image_artwork(out, node, rel, path, paper)
    if artwork is None:
        return None
    return Ad(file=path, span=span, height_mm=height, rows=ad_rows(paper, height),
              artwork=artwork, pos=node_pos(node))


def _size(out, g: Fields, paper: Paper | None) -> tuple[int, float]:
    """(栏, height mm) booked: {span: N, height: 8cm} or half-page."""
    node = g.get("size", required=True)
    if node is None:
        return 0, 0.0
    if isinstance(node, ScalarNode) and not isinstance(node, MappingNode):
        if node.value not in NAMED_SIZES:
            out.error("ad-size", node, size=node.value, named=", ".join(NAMED_SIZES))
            return 0, 0.0
        if paper is None:
            return 0, 0.0
        area = paper.page.height_mm - paper.margins.top_mm - paper.margins.bottom_mm
        return paper.grid.columns, area / 2
    s = Fields(out, node, SIZE_KEYS, "size")
    span = s.integer("span", 0, required=True, low=1, high=paper.grid.columns if paper else 24)
    h = s.get("height", required=True)
    if h is None:
        return span, 0.0
    m = _LENGTH.match(str(h.value)) if isinstance(h, ScalarNode) else None
    if m is None or float(m.group(1)) <= 0:
        out.error("ad-height", h, height=getattr(h, "value", ""))
        return span, 0.0
    value = float(m.group(1))
    return span, value * 10 if m.group(2) == "cm" else value


def _image_artwork(out, node, rel: str, path: str, paper: Paper) -> AdArtwork | None:
    from PIL import Image

    with Image.open(path) as im:
        mode, size = im.mode, im.size
        if mode not in PRINTABLE_MODES:
            out.error("ad-colour-space", node, path=rel, mode=mode)
            return None
        ink = max_ink_pct(im) if mode == "CMYK" else (100.0 if mode in ("L", "1") else 0.0)
    if ink > paper.ink_limit_pct + 0.5:
        out.error("ad-ink", node, path=rel, ink=ink, limit=paper.ink_limit_pct)
        return None
    w, h = size
    return AdArtwork("image", float(w), float(h), pixels=size, mode=mode, max_ink_pct=ink)
