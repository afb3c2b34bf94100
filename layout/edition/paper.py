"""The paper file (standing design) -> `Paper`."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from yaml.nodes import Node, SequenceNode

from layout.base.diagnostics import Phrase, has_errors
from layout.edition.assets import confined_image
from layout.edition.invisible import RULES as INVISIBLE_RULES
from layout.edition.fields import (Collector, Fields, as_written, did_you_mean, expect_list, scalar_number,
                                   scalar_text)
from layout.edition.model import (Color, Folio, Grid, Hotline, Margins, Masthead, PageSize, Paper,
                                  TextStyle)
from layout.edition.source import node_pos

PAPER_KEYS = ("name", "slug", "page", "margins", "bleed", "grid", "punctuation",
              "normalize_ascii_punct", "invisible_chars", "jump_to", "jump_from", "ink_limit",
              "min_text_size", "fonts", "colors", "styles", "masthead", "folio", "issue_resets", "ads", "index")
STYLE_ROLES = ("body", "byline", "kicker", "headline", "subhead", "commentary",
               "commentary_headline", "caption", "credit", "folio", "jump", "hotline",
               "dateline", "masthead_title", "masthead_small")
OPTIONAL_ROLES = {"verse": "commentary", "ad_label": "credit", "index_title": "subhead", "index": "body"}   # role -> the role it copies when the paper omits it
STYLE_KEYS = ("font", "size", "leading", "align", "indent", "tracking", "color", "min_size", "latin_space",
              "direction")
DIRECTIONS = ("horizontal", "vertical")     # a headline style's: 竖排题 for every headline in it
ALIGNMENTS = ("justify", "left", "center", "right")
PUNCTUATION = ("quanjiao", "kaiming", "banjiao")
ISSUE_RESETS = ("yearly", "never")     # 第N期 starts again at 1 with each year, or counts on
DATELINE_FIELDS = ("year", "month", "day", "weekday", "issue", "total_issue", "pages", "lunar")
FOLIO_FIELDS = ("paper", "date", "page", "section", "editor", "art_editor")
BLACK = Color("black", 0.0, 0.0, 0.0, 1.0)

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def build_paper(out: Collector, root: Node, path: Path, font_ids=()) -> Paper | None:
    """Read the paper mapping; None if it has errors (they are in `out`)."""
    before = len(out.diags)
    f = Fields(out, root, PAPER_KEYS, Phrase("what.paper-file"))
    slug = f.text("slug", required=True, printed=False)
    if slug and not _SLUG.fullmatch(slug):
        out.error("slug", f.get("slug"), slug=slug)
    fonts = _fonts(out, f, font_ids)
    colors = _colors(out, f)
    ink_limit = f.number("ink_limit", 240.0, low=100, high=400)
    paper = Paper(
        name=f.text("name", required=True),
        slug=slug,
        page=_page_size(f),
        margins=_margins(f),
        bleed_mm=f.number("bleed", 3.0, low=0, high=20),
        grid=_grid(f),
        styles=_styles(out, f, fonts, colors),
        fonts=fonts,
        colors=colors,
        masthead=_masthead(out, f, path.parent, ink_limit),
        folio=_folio(f),
        punctuation=f.choice("punctuation", PUNCTUATION, "quanjiao"),
        normalize_ascii_punct=f.boolean("normalize_ascii_punct", True),
        invisible_chars=f.choice("invisible_chars", INVISIBLE_RULES, "strip"),
        issue_resets=f.choice("issue_resets", ISSUE_RESETS, "yearly"),
        jump_to_format=f.template("jump_to", ("page",), "(下转{page}版)"),
        jump_from_format=f.template("jump_from", ("page",), "(上接{page}版)"),
        ink_limit_pct=ink_limit,
        min_text_pt=f.number("min_text_size", 6.0, low=1, high=72),
        path=str(path),
        dir=str(path.parent),
        pos=node_pos(root),
    )
    paper = _index(f, _ads(f, paper))
    _check_page_area(out, f, paper)
    return None if has_errors(out.diags[before:]) else paper


def _page_size(f: Fields) -> PageSize:
    g = f.sub("page", ("width", "height"), required=True)
    if g is None:
        return PageSize(0.0, 0.0)
    return PageSize(g.number("width", 0.0, required=True, low=50, high=2000),
                    g.number("height", 0.0, required=True, low=50, high=2000))


def _margins(f: Fields) -> Margins:
    g = f.sub("margins", ("top", "bottom", "inner", "outer"), required=True)
    if g is None:
        return Margins(0.0, 0.0, 0.0, 0.0)
    return Margins(*(g.number(k, 0.0, required=True, low=0, high=200)
                     for k in ("top", "bottom", "inner", "outer")))


def _grid(f: Fields) -> Grid:
    g = f.sub("grid", ("columns", "gutter"), required=True)
    if g is None:
        return Grid(1, 0.0)
    return Grid(g.integer("columns", 1, required=True, low=1, high=24),
                g.number("gutter", 0.0, required=True, low=0, high=50))


def _check_page_area(out: Collector, f: Fields, paper: Paper) -> None:
    p, m = paper.page, paper.margins
    if p.width_mm and p.height_mm and (m.inner_mm + m.outer_mm >= p.width_mm
                                        or m.top_mm + m.bottom_mm >= p.height_mm):
        out.error("no-type-area", f.get("margins") or f.node, width=p.width_mm, height=p.height_mm)


def _fonts(out: Collector, f: Fields, known=()) -> dict[str, tuple[str, ...]]:
    """Role -> fallback chain of font ids; with `known`, every id must be a shipped font."""
    fonts = {}
    for key, value in f.mapping_items("fonts", required=True):
        items = list(value.value) if isinstance(value, SequenceNode) else [value]
        ids, unknown = [], False
        for n in items:
            t = scalar_text(out, n, f"fonts.{key.value}", printed=False)
            if t and known and t not in known:
                out.error("unknown-font", n, key=f"fonts.{key.value}", font=t, **did_you_mean(t, known))
                unknown = True
            elif t:
                ids.append(t)
        ids = tuple(ids)
        if not ids and not unknown:
            out.error("no-font", value, key=f"fonts.{key.value}")
        fonts[key.value] = ids
    return fonts


def _colors(out: Collector, f: Fields) -> dict[str, Color]:
    colors = {"black": BLACK}
    for key, value in f.mapping_items("colors"):
        c = Fields(out, value, ("cmyk", "spot"), f"colors.{key.value}")
        spot = c.text("spot", printed=False)
        cmyk = _cmyk(out, c.get("cmyk", required=True))
        # a broken colour still gets its name, so styles using it raise no second error
        colors[key.value] = Color(key.value, *(cmyk or (0.0, 0.0, 0.0, 1.0)), spot=spot)
    return colors


def _cmyk(out: Collector, node: Node | None) -> tuple[float, ...] | None:
    """C, M, Y, K in 0..1 from a list of four percentages."""
    if node is None:
        return None
    parts = expect_list(out, node, "cmyk")
    if isinstance(node, SequenceNode) and len(parts) != 4:
        out.error("cmyk-count", node, n=len(parts))
        return None
    values = [scalar_number(out, n, "cmyk") for n in parts]
    if len(values) != 4 or None in values:
        return None
    bad = [(n, v) for n, v in zip(parts, values) if not 0 <= v <= 100]
    for n, v in bad:
        out.error("range", n, key="cmyk", value=as_written(n, v), low=0, high=100)
    return None if bad else tuple(v / 100 for v in values)


def _styles(out: Collector, f: Fields, fonts: dict, colors: dict) -> dict[str, TextStyle]:
    styles = {}
    misspelt = False
    for key, value in f.mapping_items("styles", required=True):
        role = key.value
        if role not in STYLE_ROLES and role not in OPTIONAL_ROLES:
            out.error("unknown-style", key, style=role, **did_you_mean(role, STYLE_ROLES + tuple(OPTIONAL_ROLES)))
            misspelt = True
            continue
        s = Fields(out, value, STYLE_KEYS, f"styles.{role}")
        font = s.text("font", required=True, printed=False)
        if font and fonts and font not in fonts:
            out.error("unknown-font-role", s.get("font"), role=font, **did_you_mean(font, fonts))
        color = s.text("color", "black", printed=False)
        if color not in colors:
            out.error("unknown-color", s.get("color"), color=color, **did_you_mean(color, colors))
        size = s.number("size", 10.0, required=True, low=1, high=500)
        min_size = s.number("min_size", 0.0, low=0, high=500)
        if min_size > size:
            out.error("min-size", s.get("min_size"), min_size=min_size, size=size)
        leading = s.number("leading", 0.0, low=0, high=1000)
        if 0 < leading < size:              # lines set closer than their size print on each other
            out.error("leading-below-size", s.get("leading"), role=role, leading=f"{leading:g}",
                      size=f"{size:g}")
        styles[role] = TextStyle(
            name=role, font=font, size_pt=size,
            leading_pt=leading,
            align=s.choice("align", ALIGNMENTS, "justify"),
            indent_chars=s.number("indent", 0.0, low=0, high=20),
            tracking_em=s.number("tracking", 0.0, low=-0.5, high=2),
            color=color, min_size_pt=min_size,
            latin_space_em=s.number("latin_space", 0.25, low=0, high=1),
            direction=s.choice("direction", DIRECTIONS, "horizontal"),
            pos=node_pos(value))
    styles_node = f.get("styles")
    missing = [r for r in STYLE_ROLES if r not in styles]
    if styles_node is not None and missing and not misspelt:
        out.error("missing-styles", styles_node, missing=tuple(missing), roles=STYLE_ROLES)
    for role, base in OPTIONAL_ROLES.items():
        if role not in styles and base in styles:
            styles[role] = replace(styles[base], name=role)
    return styles


MASTHEAD_KEYS = ("title", "logo", "sponsor", "permit", "website", "qr", "dateline", "hotlines", "rows")


def _masthead(out: Collector, f: Fields, paper_dir: Path, ink_limit: float) -> Masthead:
    m = f.sub("masthead", MASTHEAD_KEYS, required=True)
    if m is None:
        return Masthead(title="")
    logo = m.text("logo", printed=False)
    if logo:
        logo = confined_image(out, m.get("logo"), logo, paper_dir,
                              {"folder.paper": paper_dir}, Phrase("what.logo"), colour=True,
                              ink_limit=ink_limit)
    site = m.sub("website", ("name", "url"))
    qr = m.sub("qr", ("url", "caption"))
    hot = m.sub("hotlines", ("title", "entries"))
    hotlines = []
    for node in hot.items("entries") if hot else ():
        h = Fields(out, node, ("label", "number"), Phrase("what.hotline"))
        hotlines.append(Hotline(h.text("label", required=True), h.text("number", required=True), h.pos))
    defaults = Masthead(title="")
    return Masthead(
        title=m.text("title", required=True),
        logo=logo,
        sponsor=m.text("sponsor"),
        permit=m.text("permit"),
        website_name=site.text("name") if site else "",
        website_url=site.text("url") if site else "",
        qr_url=_qr_payload(out, qr),
        qr_caption=qr.text("caption") if qr else "",
        hotline_title=hot.text("title", defaults.hotline_title) if hot else defaults.hotline_title,
        hotlines=tuple(hotlines),
        dateline_format=m.template("dateline", DATELINE_FIELDS, defaults.dateline_format),
        rows=m.integer("rows", defaults.rows, low=0, high=500),
        pos=m.pos,
        field_pos=tuple((k, node_pos(m.get(k))) for k in MASTHEAD_KEYS if m.has(k)),
    )


def _ads(f: Fields, paper: Paper) -> Paper:
    """ads: the word over an advertisement (广告) and the thin rule above it (pt); none by default."""
    g = f.sub("ads", ("label", "rule"))
    if g is None:
        return paper
    return replace(paper, ad_label=g.text("label"), ad_rule_pt=g.number("rule", 0.0, low=0, high=4))


def _index(f: Fields, paper: Paper) -> Paper:
    """index: the 导读 box's default title and how an entry names its page (第{page}版)."""
    g = f.sub("index", ("title", "page"))
    if g is None:
        return paper
    return replace(paper, index_title=g.text("title", paper.index_title),
                   index_page_format=g.template("page", ("page",), paper.index_page_format))


QR_ERROR_LEVEL = "m"     # the masthead's code: error correction M, as furniture draws it


def _qr_payload(out: Collector, qr: Fields | None) -> str:
    """qr.url, if a QR code can hold it (the largest, version 40 at level M, holds 2,331
    bytes of a URL); else "" after an error at its position."""
    url = qr.text("url") if qr else ""
    if not url:
        return ""
    import segno

    try:
        segno.make(url, error=QR_ERROR_LEVEL)
    except segno.DataOverflowError:
        out.error("qr-too-long", qr.get("url"), key="qr.url", n=len(url.encode("utf-8")))
        return ""
    return url


def _folio(f: Fields) -> Folio:
    d = Folio()
    g = f.sub("folio", ("left", "center", "right", "height"))
    if g is None:
        return d
    return Folio(left=g.template("left", FOLIO_FIELDS, d.left),
                 center=g.template("center", FOLIO_FIELDS, d.center),
                 right=g.template("right", FOLIO_FIELDS, d.right),
                 height_mm=g.number("height", d.height_mm, low=0, high=100), pos=g.pos)
