"""The content scan of preflight: one page's content stream (and the forms it draws)
walked with the graphics state, so the colour of each fill, stroke, piece of text and
image is known: RGB, rich black, ink, text size, rule width, transparency.  Paint wholly
outside the page's printed area (marks, slug) is not counted."""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

from layout.base.catalogue import Phrase
from layout.preflight import pdfread, rules
from layout.preflight.rules import is_black, is_white, process_inks, strongest_ink
from layout.preflight.content_ops import numbers, operands, raw_operations
from layout.preflight.pdfobj import AnyArray, AnyRef, resolve

_STROKE_OPS = {b"S", b"s", b"B", b"B*", b"b", b"b*"}
_MAX_IMAGE_PIXELS = 40_000_000     # bigger images are not decoded for ink (named in the figure)
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_FILL_OPS = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_PATH_END_OPS = _FILL_OPS | {b"S", b"s", b"n"}
MAX_FORM_DEPTH = 12


def _mul(a, b):
    """Matrix product a×b of PDF matrices [a b c d e f] (apply a, then b)."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def _apply(m, x, y):
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _subpath(path: list) -> list:
    """The open subpath (a path that starts without m gets one)."""
    if not path:
        path.append([])
    return path[-1]


def colour_space_kind(cs, resources) -> tuple[str, int]:
    """(kind, components) of a colour space: kind in gray, cmyk, rgb, lab, spot, devicen,
    pattern, unknown.  Indexed spaces report their base."""
    cs = resolve(cs)
    if isinstance(cs, str):
        name = str(cs)
        simple = {"/DeviceGray": ("gray", 1), "/G": ("gray", 1), "/CalGray": ("gray", 1),
                  "/DeviceRGB": ("rgb", 3), "/RGB": ("rgb", 3), "/CalRGB": ("rgb", 3),
                  "/DeviceCMYK": ("cmyk", 4), "/CMYK": ("cmyk", 4), "/Pattern": ("pattern", 0),
                  "/Lab": ("lab", 3)}
        if name in simple:
            return simple[name]
        named = resolve((resources or {}).get("/ColorSpace", {})) if resources is not None else {}
        if name in named:
            return colour_space_kind(named[name], None)
        return ("unknown", 0)
    if isinstance(cs, AnyArray) and cs:
        family = str(resolve(cs[0]))
        if family == "/ICCBased":
            n = int(resolve(cs[1]).get("/N", 0))
            return ({1: "gray", 3: "rgb", 4: "cmyk"}.get(n, "unknown"), n)
        if family in ("/Indexed", "/I"):
            kind, _ = colour_space_kind(cs[1], resources)
            return (kind, 1)
        if family == "/Separation":
            return ("spot", 1)
        if family == "/DeviceN":
            return ("devicen", len(resolve(cs[1])))
        if family == "/Pattern":
            return ("pattern", 0)
        if family in ("/CalRGB", "/CalGray", "/Lab"):
            return colour_space_kind(resolve(cs[0]), None)
    return ("unknown", 0)


def ink_pct(kind: str, values) -> float:
    """Total ink of a colour in % (CMYK sum, grey on K, tints of spot/DeviceN inks)."""
    if kind == "cmyk" and len(values) == 4:
        return 100 * sum(values)
    if kind == "gray" and values:
        return 100 * (1 - values[0])
    if kind in ("spot", "devicen"):
        return 100 * sum(values)
    return 0.0


# ---------------------------------------------------------------- content scan

_FONT_SIZES: dict = {}        # Tf operand text -> font size


def _font_size(args) -> float:
    """Tf's size operand (its second), as float() of it."""
    size = _FONT_SIZES.get(args) if args.__class__ is bytes else None
    if size is None:
        size = float(operands(args)[1])
        if args.__class__ is bytes:
            if len(_FONT_SIZES) > 1024:
                _FONT_SIZES.clear()
            _FONT_SIZES[args] = size
    return size


@dataclass
class GraphicsState:
    ctm: tuple = _IDENTITY
    fill_kind: str = "gray"
    fill: tuple = (0.0,)
    stroke_kind: str = "gray"
    stroke: tuple = (0.0,)
    font_size: float = 0.0
    leading: float = 0.0
    render_mode: int = 0
    line_width: float = 1.0
    op_fill: bool = False         # overprint of fills and text (ExtGState /op, else /OP)
    op_stroke: bool = False       # overprint of strokes (/OP)
    opm: int = 0                  # overprint mode (/OPM)

    def copy(self) -> "GraphicsState":
        return GraphicsState(**self.__dict__)


@dataclass
class Findings:
    rgb: dict = field(default_factory=dict)          # page → set of what was RGB
    rich_black: dict = field(default_factory=dict)   # page → worst (c, m, y, k)
    max_ink: tuple = (0.0, 0, "")                    # (ink %, page, what)
    min_text: tuple = (math.inf, 0)                  # (pt, page)
    min_rule: tuple = (math.inf, 0)                  # (pt, page): thinnest stroke
    image_ink: dict = field(default_factory=dict)    # image object key → max ink % (None: not measured)
    unmeasured: set = field(default_factory=set)     # images too big or undecodable for ink
    broken: dict = field(default_factory=dict)       # page → why its content could not be read
    images: dict = field(default_factory=dict)       # page → list of bad image descriptions
    transparency: dict = field(default_factory=dict)  # page → set of reasons
    image_count: int = 0
    knocked_out: dict = field(default_factory=dict)  # page → set: 100 K text/rules not overprinting
    white_overprint: dict = field(default_factory=dict)  # page → set: white set to overprint
    device_controls: dict = field(default_factory=dict)  # page → set: TR/TR2/HT/BG/BG2/UCR/UCR2
    min_ppi: tuple = (math.inf, 0, "")               # (effective ppi, page, image)
    hairlines: dict = field(default_factory=dict)    # page → thinnest (width, inks) multi-ink stroke
    colour_text: dict = field(default_factory=dict)  # page → smallest (size, what) coloured/reverse text
    tint_text: dict = field(default_factory=dict)    # page → smallest tinted one-ink text size
    lzw: set = field(default_factory=set)            # pages with an LZW inline image
    operations: int = 0                              # content operations walked (MAX_OPERATIONS)
    form_draws: int = 0                              # forms drawn (MAX_FORM_DRAWS)


class TooComplex(Exception):
    """More work than preflight does for one file (rules.MAX_OPERATIONS, MAX_FORM_DRAWS);
    its argument is the Phrase saying which bound."""


_A_FILL, _A_STROKE = Phrase("pf.what.fill"), Phrase("pf.what.stroke")     # what has the most ink


def _why_not_overprinting(overprint: bool, opm: int) -> Phrase:
    return Phrase("pf.black.opm", opm=opm) if overprint else Phrase("pf.black.knocks-out")


class PageScan:
    """Walks one page's content (and the forms it draws) with the graphics state."""

    def __init__(self, reader, page_no: int, area, found: Findings):
        self.reader = reader
        self.page_no = page_no
        self.area = area          # (x0, y0, x1, y1) in default user space: what gets printed
        self.found = found

    # -- where things land
    def _inside(self, pts) -> bool:
        if not pts:
            return True
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, y0, x1, y1 = self.area
        return max(xs) >= x0 and min(xs) <= x1 and max(ys) >= y0 and min(ys) <= y1

    # -- findings
    def _rgb(self, what: Phrase) -> None:
        self.found.rgb.setdefault(self.page_no, set()).add(what)

    def _ink(self, kind, values, what: Phrase = _A_FILL) -> None:
        pct = ink_pct(kind, values)
        if pct > self.found.max_ink[0]:
            self.found.max_ink = (pct, self.page_no, what)

    def _painted(self, gs: "GraphicsState", subpaths) -> bool:
        """Does any subpath reach the printed area?  (Marks share one path but lie outside.)"""
        return any(self._inside([_apply(gs.ctm, *p) for p in sp]) for sp in subpaths) or not subpaths

    def _stroke(self, gs: "GraphicsState", subpaths) -> None:
        width = gs.line_width * math.sqrt(abs(gs.ctm[0] * gs.ctm[3] - gs.ctm[1] * gs.ctm[2]))
        kind, values = gs.stroke_kind, gs.stroke
        ruled = ((gs.op_stroke and is_white(kind, values))
                 or (width < rules.BLACK_RULE_OVERPRINT_PT and is_black(kind, values)
                     and not (gs.op_stroke and gs.opm == 1))
                 or (width < rules.MULTI_INK_RULE_MIN_PT and process_inks(kind, values) >= 2))
        if not (ruled or width < self.found.min_rule[0] or ink_pct(kind, values) > self.found.max_ink[0]):
            return                    # changes nothing, wherever it lands
        if not self._painted(gs, subpaths):
            return
        if ruled:
            self._stroke_rules(gs, width, kind, values)
        self._ink(gs.stroke_kind, gs.stroke, _A_STROKE)
        if width < self.found.min_rule[0]:
            self.found.min_rule = (width, self.page_no)

    def _stroke_rules(self, gs, width: float, kind: str, values) -> None:
        page = self.page_no
        if gs.op_stroke and is_white(kind, values):
            self.found.white_overprint.setdefault(page, set()).add(Phrase("pf.white.stroke"))
        elif is_black(kind, values) and width < rules.BLACK_RULE_OVERPRINT_PT:
            self.found.knocked_out.setdefault(page, set()).add(
                Phrase("pf.black.rule", width=width, why=_why_not_overprinting(gs.op_stroke, gs.opm)))
        inks = process_inks(kind, values)
        if inks >= 2 and width < rules.MULTI_INK_RULE_MIN_PT:
            worst = self.found.hairlines.get(page)
            if worst is None or width < worst[0]:
                self.found.hairlines[page] = (width, inks)

    def _fill_rules(self, gs) -> None:
        """A path fill: white must not overprint (it would vanish)."""
        if gs.op_fill and is_white(gs.fill_kind, gs.fill):
            self.found.white_overprint.setdefault(self.page_no, set()).add(Phrase("pf.white.fill"))

    def _text_rules(self, gs, size: float, kind: str, values, overprint: bool) -> None:
        """Overprint of black and white text, coloured and reverse text sizes."""
        page = self.page_no
        if is_black(kind, values):
            if size < rules.BLACK_TEXT_OVERPRINT_PT and not (overprint and gs.opm == 1):
                self.found.knocked_out.setdefault(page, set()).add(
                    Phrase("pf.black.text", size=rules.BLACK_TEXT_OVERPRINT_PT,
                           why=_why_not_overprinting(overprint, gs.opm)))
            return
        if is_white(kind, values):
            if overprint:
                self.found.white_overprint.setdefault(page, set()).add(Phrase("pf.white.text"))
            if size < rules.REVERSE_TEXT_MIN_PT:
                self._small_colour(size, Phrase("pf.what.reverse-text"))
            return
        inks = process_inks(kind, values)
        if inks >= 2 and size < rules.MULTI_INK_TEXT_MIN_PT:
            self._small_colour(size, Phrase("pf.what.inks-text", inks=inks))
        elif inks == 1 and strongest_ink(kind, values) < 0.999 and size < rules.TINT_TEXT_MIN_PT:
            worst = self.found.tint_text.get(page)
            if worst is None or size < worst:
                self.found.tint_text[page] = size

    def _small_colour(self, size: float, what: Phrase) -> None:
        worst = self.found.colour_text.get(self.page_no)
        if worst is None or size < worst[0]:
            self.found.colour_text[self.page_no] = (size, what)

    def _text(self, gs: GraphicsState, tm) -> None:
        if gs.render_mode in (3, 7):                  # invisible text (OCR layers)
            return
        m = _mul(tm, gs.ctm)
        if not self._inside([(m[4], m[5])]):
            return
        size = gs.font_size * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
        if 0 < size < self.found.min_text[0]:
            self.found.min_text = (size, self.page_no)
        stroke_only = gs.render_mode in (1, 5)
        kind, values = (gs.stroke_kind, gs.stroke) if stroke_only else (gs.fill_kind, gs.fill)
        self._text_rules(gs, size, kind, values, gs.op_stroke if stroke_only else gs.op_fill)
        self._ink(kind, values)
        if kind == "cmyk" and len(values) == 4:
            c, m_, y, k = values
            if k >= 0.9 and max(c, m_, y) > 0:
                worst = self.found.rich_black.get(self.page_no)
                if worst is None or c + m_ + y > sum(worst[:3]):
                    self.found.rich_black[self.page_no] = (c, m_, y, k)

    def _image_ink(self, xobj, key, kind: str, name: str) -> None:
        """Max ink of an image: CMYK by its darkest pixel's C+M+Y+K, grey as K only."""
        if kind not in ("gray", "cmyk"):
            return
        if key not in self.found.image_ink:
            self.found.image_ink[key] = remembered_image_ink(xobj, kind, self.reader)
        pct = self.found.image_ink[key]
        if pct is None:
            self.found.unmeasured.add(key)
        elif pct > self.found.max_ink[0]:
            self.found.max_ink = (pct, self.page_no, Phrase("pf.what.image", name=name))

    def _image(self, xobj, name: str, resources, key=None, ctm=_IDENTITY) -> None:
        self.found.image_count += 1
        if xobj.get("/SMask") is not None or int(xobj.get("/SMaskInData", 0) or 0):
            self.found.transparency.setdefault(self.page_no, set()).add(Phrase("pf.what.image-soft-mask", name=name))
        if xobj.get("/ImageMask"):
            return
        cs = xobj.get("/ColorSpace")
        if cs is None:
            self.found.images.setdefault(self.page_no, []).append(Phrase("pf.what.no-colour-space", name=name))
            return
        kind, _ = colour_space_kind(cs, resources)
        if kind not in ("gray", "cmyk", "spot", "devicen"):
            self.found.images.setdefault(self.page_no, []).append(Phrase("pf.in", where=name, what=kind.upper()))
            if kind == "rgb":
                self._rgb(Phrase("pf.what.image", name=name))
        if isinstance(resolve(cs), AnyArray) and str(resolve(resolve(cs)[0])) in ("/Indexed", "/I"):
            return                        # a palette image: its ink is not measured
        corners = [_apply(ctm, x, y) for x in (0, 1) for y in (0, 1)]   # the unit square, placed
        if self._inside(corners):
            self._resolution(xobj, name, ctm)
            self._image_ink(xobj, key if key is not None else id(xobj), kind, name)

    def _resolution(self, xobj, name: str, ctm) -> None:
        """Effective resolution at the placed size: pixels per inch along each side, the lower."""
        w_in = math.hypot(ctm[0], ctm[1]) / 72
        h_in = math.hypot(ctm[2], ctm[3]) / 72
        if w_in <= 0 or h_in <= 0:
            return
        ppi = min(int(xobj.get("/Width", 0)) / w_in, int(xobj.get("/Height", 0)) / h_in)
        if ppi < self.found.min_ppi[0]:
            self.found.min_ppi = (ppi, self.page_no, name)

    def _inline_image(self, settings: dict, resources) -> None:
        self.found.image_count += 1
        filters = resolve(settings.get("/F", settings.get("/Filter")))
        names = [str(resolve(f)) for f in filters] if isinstance(filters, AnyArray) else [str(filters)]
        if any(f in ("/LZW", "/LZWDecode") for f in names):
            self.found.lzw.add(self.page_no)
        if settings.get("/IM") or settings.get("/ImageMask"):
            return
        cs = settings.get("/CS", settings.get("/ColorSpace"))
        kind = colour_space_kind(cs, resources)[0] if cs is not None else "gray"
        if kind not in ("gray", "cmyk", "spot", "devicen"):
            self.found.images.setdefault(self.page_no, []).append(
                Phrase("pf.in", where=Phrase("pf.what.inline-image"), what=kind.upper()))
            if kind == "rgb":
                self._rgb(Phrase("pf.what.inline-image"))

    def _text_bar(self, gs: GraphicsState, tm) -> tuple[float, float]:
        """(size, ink) of text shown now, as _text measures them: a show that beats
        neither cannot change the findings, wherever it lands.  Td and T* keep them
        (they move the text, not its scale).  Invisible text: nothing to beat; rich
        black or a size that is not finite: (0, inf), every show is measured."""
        if gs.render_mode in (3, 7):
            return (0.0, -math.inf)
        m = _mul(tm, gs.ctm)
        size = gs.font_size * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
        kind, values = (gs.stroke_kind, gs.stroke) if gs.render_mode in (1, 5) else (gs.fill_kind, gs.fill)
        if size - size != 0 or (kind == "cmyk" and len(values) == 4 and values[3] >= 0.9
                                and max(values[:3]) > 0):
            return (0.0, math.inf)
        if self._text_rule_to_check(gs, size, kind, values):
            return (0.0, math.inf)    # the next show is measured (and the bar made again)
        return (size, ink_pct(kind, values))

    def _text_rule_to_check(self, gs, size: float, kind: str, values) -> bool:
        """Could text of this size and colour add to the plant-rule findings of the page?"""
        page = self.page_no
        overprint = gs.op_stroke if gs.render_mode in (1, 5) else gs.op_fill
        if is_black(kind, values):
            return (size < rules.BLACK_TEXT_OVERPRINT_PT and not (overprint and gs.opm == 1)
                    and page not in self.found.knocked_out)
        if is_white(kind, values):
            return ((overprint and page not in self.found.white_overprint)
                    or (size < rules.REVERSE_TEXT_MIN_PT and size < self.found.colour_text.get(page, (math.inf,))[0]))
        inks = process_inks(kind, values)
        return ((inks >= 2 and size < rules.MULTI_INK_TEXT_MIN_PT
                 and size < self.found.colour_text.get(page, (math.inf,))[0])
                or (inks == 1 and size < rules.TINT_TEXT_MIN_PT and strongest_ink(kind, values) < 0.999
                    and size < self.found.tint_text.get(page, math.inf)))

    # -- the walk
    def walk(self, content, resources, gs: GraphicsState, depth: int = 0) -> None:
        if content is None:
            return
        if depth > MAX_FORM_DEPTH:                    # not skipped unchecked: too complex
            raise TooComplex(Phrase("pf.too-deep", n=MAX_FORM_DEPTH))
        resources = resolve(resources) if resources is not None else pdfread.Dict()
        content = self.reader.content_stream(content)
        ops = raw_operations(content.get_data())      # None: a stream only pypdf reads
        if ops is None:
            self.reader.refuse("a content stream only pypdf reads")
            ops = content.operations
        found = self.found
        stack: list[GraphicsState] = []
        path: list = []
        tm = tlm = _IDENTITY
        bar = None                    # _text_bar of the current state, None: to be measured
        # (it is kept while the state it depends on keeps its values)
        # Operands come as text (numbers() and operands() read them) or parsed (pypdf);
        # where numbers() cannot take them they are converted as they always were.
        found.operations += len(ops)
        if found.operations > rules.MAX_OPERATIONS:
            raise TooComplex(Phrase("pf.too-many-ops", n=rules.MAX_OPERATIONS))
        for args, op in ops:
            if op == b"Tj" or op == b"TJ":
                if bar is None:
                    bar = self._text_bar(gs, tm)
                if 0 < bar[0] < found.min_text[0] or bar[1] > found.max_ink[0]:
                    self._text(gs, tm)
                    if bar[1] == math.inf:
                        bar = None
            elif op == b"Td" or op == b"TD":
                v = numbers(args)
                if v is None or len(v) != 2:
                    o = operands(args)
                    v = (float(o[0]), float(o[1]))
                if op == b"TD":
                    gs.leading = -v[1]
                tx, ty = v
                if len(tlm) == 6:               # _mul((1, 0, 0, 1, tx, ty), tlm), inline
                    a, b, c, d, e, f = tlm
                    tm = tlm = (1 * a + 0 * c, 1 * b + 0 * d, 0 * a + 1 * c, 0 * b + 1 * d,
                                tx * a + ty * c + e, tx * b + ty * d + f)
                else:
                    tm = tlm = _mul((1, 0, 0, 1, tx, ty), tlm)
            elif op == b"Tm":
                v = numbers(args)
                if v is None:
                    v = tuple(float(x) for x in operands(args))
                if bar is not None and (len(v) != 6 or v[:4] != tlm[:4]):
                    bar = None
                tm = tlm = v
            elif op == b"Tf":
                size = _font_size(args)
                if size != gs.font_size:
                    bar = None
                gs.font_size = size
            elif op == b"TL":
                v = numbers(args)
                gs.leading = v[0] if v else float(operands(args)[0])
            elif op == b"BT":
                if bar is not None and tlm[:4] != _IDENTITY[:4]:
                    bar = None
                tm = tlm = _IDENTITY
            elif op == b"ET":
                pass
            elif op in (b"k", b"K", b"g", b"G"):
                kind = "cmyk" if op in (b"k", b"K") else "gray"
                vals = numbers(args)
                if vals is None:
                    vals = tuple(float(v) for v in operands(args))
                if op in (b"k", b"g"):
                    if vals != gs.fill or kind != gs.fill_kind:
                        bar = None
                    gs.fill_kind, gs.fill = kind, vals
                else:
                    gs.stroke_kind, gs.stroke = kind, vals
                    bar = None
            elif op == b"q":
                stack.append(gs.copy())
            elif op == b"Q":
                if stack:
                    gs = stack.pop()
                    bar = None
            elif op == b"cm":
                v = numbers(args)
                gs.ctm = _mul(v if v is not None else tuple(float(x) for x in operands(args)), gs.ctm)
                bar = None
            # colour
            elif op in (b"rg", b"RG"):
                self._rgb(Phrase("pf.what.operator", op=op.decode()))
                vals = numbers(args)
                if vals is None:
                    vals = tuple(float(v) for v in operands(args))
                if op == b"rg":
                    gs.fill_kind, gs.fill = "rgb", vals
                else:
                    gs.stroke_kind, gs.stroke = "rgb", vals
                bar = None
            elif op in (b"cs", b"CS"):
                name = operands(args)[0]
                kind, n = colour_space_kind(name, resources)
                if kind in ("rgb", "lab"):
                    self._rgb(Phrase("pf.what.colour-space", space=kind.upper(), name=name))
                initial = {"cmyk": (0.0, 0.0, 0.0, 1.0), "gray": (0.0,)}.get(kind, (1.0,) * n)
                if op == b"cs":
                    gs.fill_kind, gs.fill = kind, initial
                else:
                    gs.stroke_kind, gs.stroke = kind, initial
                bar = None
            elif op in (b"sc", b"scn", b"SC", b"SCN"):
                vals = numbers(args)
                o = None
                if vals is None:
                    o = operands(args)
                    vals = tuple(float(v) for v in o if not isinstance(v, str))
                if op in (b"sc", b"scn"):
                    gs.fill = vals
                else:
                    gs.stroke = vals
                bar = None
                if op in (b"scn", b"SCN") and o and isinstance(o[-1], str):
                    self._pattern(resources, o[-1])
            # paths
            elif op == b"m":
                v = numbers(args)
                if v is None or len(v) != 2:
                    o = operands(args)
                    v = (float(o[0]), float(o[1]))
                path.append([v])
            elif op == b"l":
                v = numbers(args)
                if v is None or len(v) != 2:
                    o = operands(args)
                    v = (float(o[0]), float(o[1]))
                _subpath(path).append(v)
            elif op in (b"c", b"v", b"y"):
                vals = numbers(args)
                if vals is None:
                    vals = [float(v) for v in operands(args)]
                _subpath(path).extend(zip(vals[0::2], vals[1::2]))
            elif op == b"re":
                v = numbers(args)
                if v is not None and len(v) == 4:
                    x, y, w, h = v
                else:
                    x, y, w, h = (float(v) for v in operands(args))
                path.append([(x, y), (x + w, y + h)])
            elif op in _PATH_END_OPS:
                if (op in _FILL_OPS and ink_pct(gs.fill_kind, gs.fill) > found.max_ink[0]
                        and self._painted(gs, path)):
                    self._ink(gs.fill_kind, gs.fill)
                if op in _FILL_OPS and gs.op_fill and self._painted(gs, path):
                    self._fill_rules(gs)
                if op in _STROKE_OPS:
                    self._stroke(gs, path)
                path = []
            elif op == b"w":
                v = numbers(args)
                gs.line_width = v[0] if v else float(operands(args)[0])
            # text
            elif op == b"Tr":
                gs.render_mode = int(operands(args)[0])
                bar = None
            elif op == b"T*" or op in (b"'", b'"'):
                tm = tlm = _mul((1, 0, 0, 1, 0, -gs.leading), tlm)
                if op != b"T*":
                    self._text(gs, tm)
            elif op == b"gs":
                self._extgstate(resources, operands(args)[0], gs)
                bar = None
            elif op == b"Do":
                self._do(resources, str(operands(args)[0]), gs, depth)
            elif op == b"INLINE IMAGE":
                self._inline_image(operands(args).get("settings", {}), resources)
            elif op == b"sh":
                name = operands(args)[0]
                self._shading(resolve(resolve(resources.get("/Shading", {})).get(name)), str(name), resources)

    def _shading(self, shading, name: str, resources) -> None:
        if shading is None:
            return
        kind, _ = colour_space_kind(shading.get("/ColorSpace"), resources)
        if kind in ("rgb", "lab"):
            self._rgb(Phrase("pf.what.shading", space=kind.upper(), name=name))

    def _pattern(self, resources, name: str) -> None:
        pattern = resolve(resolve(resources.get("/Pattern", {})).get(name))
        if pattern is not None and "/Shading" in pattern:
            self._shading(resolve(pattern["/Shading"]), name, resources)

    def _extgstate(self, resources, name, gs: GraphicsState) -> None:
        egs = resolve(resolve(resources.get("/ExtGState", {})).get(name))
        if egs is not None:
            for reason in extgstate_transparency(egs):
                self.found.transparency.setdefault(self.page_no, set()).add(Phrase("pf.in", where=name, what=reason))
            for key in device_controls(egs):
                self.found.device_controls.setdefault(self.page_no, set()).add(
                    Phrase("pf.in", where=name, what=key[1:]))
            if "/OP" in egs:
                gs.op_stroke = gs.op_fill = resolve(egs["/OP"]) == True   # noqa: E712 (either reader's Bool)
            if "/op" in egs:
                gs.op_fill = resolve(egs["/op"]) == True                  # noqa: E712
            if "/OPM" in egs:
                gs.opm = int(resolve(egs["/OPM"]))

    def _do(self, resources, name: str, gs: GraphicsState, depth: int) -> None:
        ref = resolve(resources.get("/XObject", {})).get(name)
        xobj = resolve(ref)
        if xobj is None:
            return
        subtype = xobj.get("/Subtype")
        if subtype == "/Image":
            key = (ref.idnum, ref.generation) if isinstance(ref, AnyRef) else None
            self._image(xobj, name, resources, key, gs.ctm)
        elif subtype == "/Form":
            self.found.form_draws += 1
            if self.found.form_draws > rules.MAX_FORM_DRAWS:
                raise TooComplex(Phrase("pf.too-many-forms", n=rules.MAX_FORM_DRAWS))
            inner = gs.copy()
            if "/Matrix" in xobj:
                inner.ctm = _mul(tuple(float(v) for v in xobj["/Matrix"]), gs.ctm)
            group = resolve(xobj.get("/Group"))
            if group is not None and group.get("/S") == "/Transparency":
                self.found.transparency.setdefault(self.page_no, set()).add(
                    Phrase("pf.what.form-group", name=name))
            self.walk(xobj, xobj.get("/Resources", resources), inner, depth + 1)


_DEVICE_KEYS = ("/TR", "/TR2", "/HT", "/BG", "/BG2", "/UCR", "/UCR2")


def device_controls(egs) -> list[str]:
    """Keys of an ExtGState that take the press's own controls away (PDF/X-1a, GWG): transfer
    functions, halftones, black generation, undercolour removal (TR2 /Default is allowed)."""
    return [k for k in _DEVICE_KEYS if k in egs and not (k == "/TR2" and resolve(egs[k]) == "/Default")]


def extgstate_transparency(egs) -> list[Phrase]:
    """What in an ExtGState makes transparency (soft mask, alpha < 1, blend mode)."""
    reasons = []
    smask = egs.get("/SMask")
    if smask is not None and resolve(smask) != "/None":
        reasons.append(Phrase("pf.what.soft-mask"))
    for key in ("/CA", "/ca"):
        if key in egs and float(egs[key]) < 1:
            reasons.append(Phrase("pf.what.alpha", key=key[1:], value=float(egs[key])))
    bm = egs.get("/BM")
    if bm is not None:
        modes = [str(resolve(b)) for b in (resolve(bm) if isinstance(resolve(bm), AnyArray) else [bm])]
        if not set(modes) <= {"/Normal", "/Compatible"}:
            reasons.append(Phrase("pf.what.blend-mode", mode=modes[0][1:]))
    return reasons


_INK_SEEN: dict = {}          # (kind, entries, sha256 of the stream bytes) -> image_max_ink
_INK_SEEN_MAX = 512


def remembered_image_ink(xobj, kind: str, reader=None) -> float | None:
    """image_max_ink, remembered by the image's stream bytes and dictionary: a build
    preflights each photo twice (in the edition file and in its page's plate).  Images
    whose dictionary points elsewhere (indirect objects) are always measured afresh."""
    raw = getattr(xobj, "_data", None)
    items = [(str(k), v) for k, v in xobj.items() if k != "/Length"]
    if not isinstance(raw, bytes) or any(isinstance(v, AnyRef) for _, v in items):
        return image_max_ink(xobj, kind, reader)
    key = (kind, type(xobj).__name__, repr(sorted(items)), hashlib.sha256(raw).digest())
    if key not in _INK_SEEN:
        ink = image_max_ink(xobj, kind, reader)
        if reader is not None and reader.unsupported:
            return ink                # pypdf reads the file again: nothing remembered
        if len(_INK_SEEN) >= _INK_SEEN_MAX:
            _INK_SEEN.clear()
        _INK_SEEN[key] = ink
    return _INK_SEEN[key]


def _plain_flate_image(xobj):
    """The PIL image of an 8-bit grey or CMYK image that is only Flate-compressed (how
    reportlab writes photos), straight from its decoded bytes; None for anything else.
    pypdf's decode_as_image gets the same pixels by way of a PNG it encodes and decodes."""
    from PIL import Image

    filters = resolve(xobj.get("/Filter"))
    if isinstance(filters, AnyArray):
        filters = filters[0] if len(filters) == 1 else None
    mode = {"/DeviceGray": "L", "/DeviceCMYK": "CMYK"}.get(str(resolve(xobj.get("/ColorSpace"))))
    if (str(filters) != "/FlateDecode" or mode is None or int(xobj.get("/BitsPerComponent", 0)) != 8
            or any(k in xobj for k in ("/DecodeParms", "/Decode", "/SMask", "/Mask", "/ImageMask"))):
        return None
    size = (int(xobj["/Width"]), int(xobj["/Height"]))
    data = xobj.get_data()
    if len(data) != size[0] * size[1] * len(mode):
        return None
    return Image.frombytes(mode, size, data)


def image_max_ink(xobj, kind: str, reader=None) -> float | None:
    """Highest total ink of any pixel of an image XObject in %, or None if it cannot be
    decoded (or is too big to decode here).  Values are taken as pypdf decodes them."""
    try:
        if int(xobj.get("/Width", 0)) * int(xobj.get("/Height", 0)) > _MAX_IMAGE_PIXELS:
            return None
        im = _plain_flate_image(xobj) or xobj.decode_as_image()
        if kind == "cmyk" and im.mode == "CMYK":
            from layout.base.pictures import max_ink_pct

            return max_ink_pct(im)
        if kind == "gray" and im.mode in ("L", "1", "LA", "I", "I;16"):
            lo = im.convert("L").getextrema()[0]
            return 100 * (255 - lo) / 255
    except Exception:                 # undecodable image data: reported as not measured
        if reader is not None:
            reader.doubt()
        return None
    return None
