"""Preflight (印前检查) of any PDF for newspaper press: the checks a printer's
RIP would reject a plate for, each with the figure it measured.

Files are read by pdfread where they are plain (what the build writes: no pypdf
import) and by pypdf otherwise, or wherever pdfread stops or meets an exception
(the same report either way; tests/test_pdfread.py compares them).
Content streams are parsed (content_ops; pypdf what it leaves) with the graphics
state tracked, so the colour of each fill and each piece of text is known.  Paint that lies wholly
outside a page's BleedBox (printer's marks, slug line) is trimmed off and not
counted for ink, rich black, text size or rule width.

Images count for ink too: a CMYK image by its darkest pixel (C+M+Y+K), a
greyscale image as K only.  A page whose content cannot be parsed is a FAIL
of its own; nothing in a broken file makes preflight raise.
"""
from __future__ import annotations

import abc
import hashlib
import logging
import math
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from layout.diagnostics import Diagnostic, Severity
from layout.press import pdfread
from layout.press.content_ops import numbers, operands, raw_operations
from layout.press.pdfread import Document

MM = 72 / 25.4
MIN_RULE_MM = 0.1
_STROKE_OPS = {b"S", b"s", b"B", b"B*", b"b", b"b*"}
_MAX_IMAGE_PIXELS = 40_000_000     # bigger images are not decoded for ink (named in the figure)
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_FILL_OPS = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_PATH_END_OPS = _FILL_OPS | {b"S", b"s", b"n"}
_MAX_FORM_DEPTH = 12


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    figure: str               # what was measured ("max 212 %", "2 fonts, all embedded")
    message: str = ""         # what is wrong and where; "" when passed
    severity: str = "error"   # error: the plate is refused; warning: look at it

    def __str__(self) -> str:
        mark = "PASS" if self.passed else ("FAIL" if self.severity == "error" else "WARN")
        tail = f" — {self.message}" if self.message else ""
        return f"{mark} {self.name}: {self.figure}{tail}"


@dataclass(frozen=True)
class PreflightReport:
    path: str
    checks: tuple[Check, ...]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks if c.severity == "error")

    def failures(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.passed and c.severity == "error")

    def warnings(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.passed and c.severity != "error")

    def check(self, name: str) -> Check:
        for c in self.checks:
            if c.name == name:
                return c
        raise KeyError(name)

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Failed checks as diagnostics for the CLI (code preflight-<name>)."""
        return tuple(Diagnostic(Severity.ERROR if c.severity == "error" else Severity.WARNING,
                                f"{Path(self.path).name}: {c.name}: {c.message} ({c.figure})",
                                code=f"preflight-{c.name}")
                     for c in self.checks if not c.passed)

    def __str__(self) -> str:
        head = f"preflight {self.path}: {'PASS' if self.passed else 'FAIL'}"
        return "\n".join([head, *(f"  {c}" for c in self.checks)])


# ---------------------------------------------------------------- small helpers

def _pypdf_generic():
    """pypdf.generic, imported when a file needs pypdf (see pdfread)."""
    import pypdf.generic
    return pypdf.generic


def __getattr__(name: str):
    if name in ("ArrayObject", "BooleanObject", "ContentStream", "DictionaryObject", "IndirectObject",
                "NameObject", "NullObject"):
        return getattr(_pypdf_generic(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _kind(ours: tuple, theirs: str):
    """An isinstance() class for pdfread's objects and pypdf's (once pypdf is imported)."""
    class Kind(abc.ABC):
        @classmethod
        def __subclasshook__(cls, other):
            if issubclass(other, ours):
                return True
            generic = sys.modules.get("pypdf.generic")
            return True if generic is not None and issubclass(other, getattr(generic, theirs)) else NotImplemented
    return Kind


_Ref = _kind((pdfread.Ref,), "IndirectObject")
_Dict = _kind((pdfread.Dict,), "DictionaryObject")
_Array = _kind((pdfread.Array,), "ArrayObject")
_Bool = _kind((pdfread.Bool,), "BooleanObject")
_Null = _kind((), "NullObject")


def _res(obj):
    return obj.get_object() if isinstance(obj, _Ref) else obj


def _doubt(reader) -> None:
    """An exception met reading a pdfread Document: pypdf reads the file again (its
    messages are the report's)."""
    if reader.__class__ is Document:
        reader.unsupported = True


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


def _pages_text(pages) -> str:
    pages = sorted(set(pages))
    if len(pages) > 8:
        return f"pages {', '.join(map(str, pages[:8]))} … ({len(pages)} pages)"
    return ("page " if len(pages) == 1 else "pages ") + ", ".join(map(str, pages))


def colour_space_kind(cs, resources) -> tuple[str, int]:
    """(kind, components) of a colour space: kind in gray, cmyk, rgb, lab, spot, devicen,
    pattern, unknown.  Indexed spaces report their base."""
    cs = _res(cs)
    if isinstance(cs, str):
        name = str(cs)
        simple = {"/DeviceGray": ("gray", 1), "/G": ("gray", 1), "/CalGray": ("gray", 1),
                  "/DeviceRGB": ("rgb", 3), "/RGB": ("rgb", 3), "/CalRGB": ("rgb", 3),
                  "/DeviceCMYK": ("cmyk", 4), "/CMYK": ("cmyk", 4), "/Pattern": ("pattern", 0),
                  "/Lab": ("lab", 3)}
        if name in simple:
            return simple[name]
        named = _res((resources or {}).get("/ColorSpace", {})) if resources is not None else {}
        if name in named:
            return colour_space_kind(named[name], None)
        return ("unknown", 0)
    if isinstance(cs, _Array) and cs:
        family = str(_res(cs[0]))
        if family == "/ICCBased":
            n = int(_res(cs[1]).get("/N", 0))
            return ({1: "gray", 3: "rgb", 4: "cmyk"}.get(n, "unknown"), n)
        if family in ("/Indexed", "/I"):
            kind, _ = colour_space_kind(cs[1], resources)
            return (kind, 1)
        if family == "/Separation":
            return ("spot", 1)
        if family == "/DeviceN":
            return ("devicen", len(_res(cs[1])))
        if family == "/Pattern":
            return ("pattern", 0)
        if family in ("/CalRGB", "/CalGray", "/Lab"):
            return colour_space_kind(_res(cs[0]), None)
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
class _Gs:
    ctm: tuple = _IDENTITY
    fill_kind: str = "gray"
    fill: tuple = (0.0,)
    stroke_kind: str = "gray"
    stroke: tuple = (0.0,)
    font_size: float = 0.0
    leading: float = 0.0
    render_mode: int = 0
    line_width: float = 1.0

    def copy(self) -> "_Gs":
        return _Gs(**self.__dict__)


@dataclass
class _Findings:
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


class _PageScan:
    """Walks one page's content (and the forms it draws) with the graphics state."""

    def __init__(self, reader, page_no: int, area, found: _Findings):
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
    def _rgb(self, what: str) -> None:
        self.found.rgb.setdefault(self.page_no, set()).add(what)

    def _ink(self, kind, values, what: str = "a fill") -> None:
        pct = ink_pct(kind, values)
        if pct > self.found.max_ink[0]:
            self.found.max_ink = (pct, self.page_no, what)

    def _painted(self, gs: "_Gs", subpaths) -> bool:
        """Does any subpath reach the printed area?  (Marks share one path but lie outside.)"""
        return any(self._inside([_apply(gs.ctm, *p) for p in sp]) for sp in subpaths) or not subpaths

    def _stroke(self, gs: "_Gs", subpaths) -> None:
        width = gs.line_width * math.sqrt(abs(gs.ctm[0] * gs.ctm[3] - gs.ctm[1] * gs.ctm[2]))
        if not (width < self.found.min_rule[0] or ink_pct(gs.stroke_kind, gs.stroke) > self.found.max_ink[0]):
            return                    # changes nothing, wherever it lands
        if not self._painted(gs, subpaths):
            return
        self._ink(gs.stroke_kind, gs.stroke, "a stroke")
        if width < self.found.min_rule[0]:
            self.found.min_rule = (width, self.page_no)

    def _text(self, gs: _Gs, tm) -> None:
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
            self.found.image_ink[key] = remembered_image_ink(xobj, kind)
        pct = self.found.image_ink[key]
        if pct is None:
            self.found.unmeasured.add(key)
        elif pct > self.found.max_ink[0]:
            self.found.max_ink = (pct, self.page_no, f"image {name}")

    def _image(self, xobj, name: str, resources, key=None, ctm=_IDENTITY) -> None:
        self.found.image_count += 1
        if xobj.get("/SMask") is not None or int(xobj.get("/SMaskInData", 0) or 0):
            self.found.transparency.setdefault(self.page_no, set()).add(f"image {name} has a soft mask")
        if xobj.get("/ImageMask"):
            return
        cs = xobj.get("/ColorSpace")
        if cs is None:
            self.found.images.setdefault(self.page_no, []).append(f"{name}: no colour space")
            return
        kind, _ = colour_space_kind(cs, resources)
        if kind not in ("gray", "cmyk", "spot", "devicen"):
            self.found.images.setdefault(self.page_no, []).append(f"{name}: {kind.upper()}")
            if kind == "rgb":
                self._rgb(f"image {name}")
        if isinstance(_res(cs), _Array) and str(_res(_res(cs)[0])) in ("/Indexed", "/I"):
            return                        # a palette image: its ink is not measured
        corners = [_apply(ctm, x, y) for x in (0, 1) for y in (0, 1)]   # the unit square, placed
        if self._inside(corners):
            self._image_ink(xobj, key if key is not None else id(xobj), kind, name)

    def _inline_image(self, settings: dict, resources) -> None:
        self.found.image_count += 1
        if settings.get("/IM") or settings.get("/ImageMask"):
            return
        cs = settings.get("/CS", settings.get("/ColorSpace"))
        kind = colour_space_kind(cs, resources)[0] if cs is not None else "gray"
        if kind not in ("gray", "cmyk", "spot", "devicen"):
            self.found.images.setdefault(self.page_no, []).append(f"inline image: {kind.upper()}")
            if kind == "rgb":
                self._rgb("inline image")

    def _text_bar(self, gs: _Gs, tm) -> tuple[float, float]:
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
        return (size, ink_pct(kind, values))

    # -- the walk
    def walk(self, content, resources, gs: _Gs, depth: int = 0) -> None:
        if content is None or depth > _MAX_FORM_DEPTH:
            return
        resources = _res(resources) if resources is not None else pdfread.Dict()
        if self.reader.__class__ is not Document:
            generic = _pypdf_generic()
            if not isinstance(content, generic.ContentStream):
                content = generic.ContentStream(content, self.reader)
        ops = raw_operations(content.get_data())      # None: a stream only pypdf reads
        if ops is None:
            if self.reader.__class__ is Document:
                self.reader.refuse("a content stream only pypdf reads")
            ops = content.operations
        found = self.found
        stack: list[_Gs] = []
        path: list = []
        tm = tlm = _IDENTITY
        bar = None                    # _text_bar of the current state, None: to be measured
        # (it is kept while the state it depends on keeps its values)
        # Operands come as text (numbers() and operands() read them) or parsed (pypdf);
        # where numbers() cannot take them they are converted as they always were.
        for args, op in ops:
            if op == b"Tj" or op == b"TJ":
                if bar is None:
                    bar = self._text_bar(gs, tm)
                if 0 < bar[0] < found.min_text[0] or bar[1] > found.max_ink[0]:
                    self._text(gs, tm)
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
                self._rgb(f"{op.decode()} operator")
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
                    self._rgb(f"{kind.upper()} colour space {name}")
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
                self._extgstate(resources, operands(args)[0])
            elif op == b"Do":
                self._do(resources, str(operands(args)[0]), gs, depth)
            elif op == b"INLINE IMAGE":
                self._inline_image(operands(args).get("settings", {}), resources)
            elif op == b"sh":
                name = operands(args)[0]
                self._shading(_res(_res(resources.get("/Shading", {})).get(name)), str(name), resources)

    def _shading(self, shading, name: str, resources) -> None:
        if shading is None:
            return
        kind, _ = colour_space_kind(shading.get("/ColorSpace"), resources)
        if kind in ("rgb", "lab"):
            self._rgb(f"{kind.upper()} shading {name}")

    def _pattern(self, resources, name: str) -> None:
        pattern = _res(_res(resources.get("/Pattern", {})).get(name))
        if pattern is not None and "/Shading" in pattern:
            self._shading(_res(pattern["/Shading"]), name, resources)

    def _extgstate(self, resources, name) -> None:
        egs = _res(_res(resources.get("/ExtGState", {})).get(name))
        if egs is not None:
            for reason in extgstate_transparency(egs):
                self.found.transparency.setdefault(self.page_no, set()).add(f"{name}: {reason}")

    def _do(self, resources, name: str, gs: _Gs, depth: int) -> None:
        ref = _res(resources.get("/XObject", {})).get(name)
        xobj = _res(ref)
        if xobj is None:
            return
        subtype = xobj.get("/Subtype")
        if subtype == "/Image":
            key = (ref.idnum, ref.generation) if isinstance(ref, _Ref) else None
            self._image(xobj, name, resources, key, gs.ctm)
        elif subtype == "/Form":
            inner = gs.copy()
            if "/Matrix" in xobj:
                inner.ctm = _mul(tuple(float(v) for v in xobj["/Matrix"]), gs.ctm)
            group = _res(xobj.get("/Group"))
            if group is not None and group.get("/S") == "/Transparency":
                self.found.transparency.setdefault(self.page_no, set()).add(
                    f"form {name} is a transparency group")
            self.walk(xobj, xobj.get("/Resources", resources), inner, depth + 1)


def extgstate_transparency(egs) -> list[str]:
    """What in an ExtGState makes transparency (soft mask, alpha < 1, blend mode)."""
    reasons = []
    smask = egs.get("/SMask")
    if smask is not None and _res(smask) != "/None":
        reasons.append("soft mask")
    for key in ("/CA", "/ca"):
        if key in egs and float(egs[key]) < 1:
            reasons.append(f"{key[1:]} {float(egs[key]):g}")
    bm = egs.get("/BM")
    if bm is not None:
        modes = [str(_res(b)) for b in (_res(bm) if isinstance(_res(bm), _Array) else [bm])]
        if not set(modes) <= {"/Normal", "/Compatible"}:
            reasons.append(f"blend mode {modes[0][1:]}")
    return reasons


_INK_SEEN: dict = {}          # (kind, entries, sha256 of the stream bytes) -> image_max_ink
_INK_SEEN_MAX = 512


def remembered_image_ink(xobj, kind: str) -> float | None:
    """image_max_ink, remembered by the image's stream bytes and dictionary: a build
    preflights each photo twice (in the edition file and in its page's plate).  Images
    whose dictionary points elsewhere (indirect objects) are always measured afresh."""
    raw = getattr(xobj, "_data", None)
    items = [(str(k), v) for k, v in xobj.items() if k != "/Length"]
    if not isinstance(raw, bytes) or any(isinstance(v, _Ref) for _, v in items):
        return image_max_ink(xobj, kind)
    key = (kind, type(xobj).__name__, repr(sorted(items)), hashlib.sha256(raw).digest())
    if key not in _INK_SEEN:
        ink = image_max_ink(xobj, kind)
        doc = getattr(xobj, "doc", None)
        if doc.__class__ is Document and doc.unsupported:
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

    filters = _res(xobj.get("/Filter"))
    if isinstance(filters, _Array):
        filters = filters[0] if len(filters) == 1 else None
    mode = {"/DeviceGray": "L", "/DeviceCMYK": "CMYK"}.get(str(_res(xobj.get("/ColorSpace"))))
    if (str(filters) != "/FlateDecode" or mode is None or int(xobj.get("/BitsPerComponent", 0)) != 8
            or any(k in xobj for k in ("/DecodeParms", "/Decode", "/SMask", "/Mask", "/ImageMask"))):
        return None
    size = (int(xobj["/Width"]), int(xobj["/Height"]))
    data = xobj.get_data()
    if len(data) != size[0] * size[1] * len(mode):
        return None
    return Image.frombytes(mode, size, data)


def image_max_ink(xobj, kind: str) -> float | None:
    """Highest total ink of any pixel of an image XObject in %, or None if it cannot be
    decoded (or is too big to decode here).  Values are taken as pypdf decodes them."""
    try:
        if int(xobj.get("/Width", 0)) * int(xobj.get("/Height", 0)) > _MAX_IMAGE_PIXELS:
            return None
        im = _plain_flate_image(xobj) or xobj.decode_as_image()
        if kind == "cmyk" and im.mode == "CMYK":
            from PIL import ImageMath      # only files with CMYK pictures pay for it

            c, m, y, k = (band.convert("I") for band in im.split())
            if hasattr(ImageMath, "lambda_eval"):         # Pillow ≥ 11
                total = ImageMath.lambda_eval(lambda e: e["c"] + e["m"] + e["y"] + e["k"],
                                              c=c, m=m, y=y, k=k)
            else:
                total = ImageMath.eval("c + m + y + k", c=c, m=m, y=y, k=k)
            return 100 * total.getextrema()[1] / 255
        if kind == "gray" and im.mode in ("L", "1", "LA", "I", "I;16"):
            lo = im.convert("L").getextrema()[0]
            return 100 * (255 - lo) / 255
    except Exception:                 # undecodable image data: reported as not measured
        _doubt(getattr(xobj, "doc", None))
        return None
    return None


# ---------------------------------------------------------------- fonts

def _fonts_in(resources, seen: set, out: dict, depth: int = 0) -> None:
    """Collect font dicts (by name) from resources, descending into forms."""
    resources = _res(resources)
    if not resources or depth > _MAX_FORM_DEPTH:
        return
    for ref in _res(resources.get("/Font", {})).values():
        key = (ref.idnum, ref.generation) if isinstance(ref, _Ref) else id(ref)
        if key in seen:
            continue
        seen.add(key)
        font = _res(ref)
        out[str(font.get("/BaseFont", "(unnamed)"))[1:] or "(unnamed)"] = font
    for ref in _res(resources.get("/XObject", {})).values():
        key = ("x", ref.idnum, ref.generation) if isinstance(ref, _Ref) else id(ref)
        xobj = _res(ref)
        if key in seen or xobj.get("/Subtype") != "/Form":
            continue
        seen.add(key)
        _fonts_in(xobj.get("/Resources"), seen, out, depth + 1)


def font_embedded(font) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True                        # glyphs are content streams in the font itself
    parts = ([_res(d) for d in _res(font.get("/DescendantFonts", []))] if subtype == "/Type0"
             else [font])
    if not parts:
        return False
    for part in parts:
        desc = _res(part.get("/FontDescriptor"))
        if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            return False
    return True


# ---------------------------------------------------------------- the checks

def _box(page, key):
    box = page.get(key)
    return [float(v) for v in _res(box)] if box is not None else None


def _size_mm(box) -> str:
    return f"{abs(box[2] - box[0]) / MM:.1f}×{abs(box[3] - box[1]) / MM:.1f} mm"


def _within(inner, outer, eps=0.01) -> bool:
    return (min(inner[0], inner[2]) >= min(outer[0], outer[2]) - eps
            and min(inner[1], inner[3]) >= min(outer[1], outer[3]) - eps
            and max(inner[0], inner[2]) <= max(outer[0], outer[2]) + eps
            and max(inner[1], inner[3]) <= max(outer[1], outer[3]) + eps)


def _check_boxes(pages) -> Check:
    lacking: dict = {}                # what is missing → pages
    outside, sizes = [], []
    for n, page in enumerate(pages, 1):
        media, trim, bleed = _box(page, "/MediaBox"), _box(page, "/TrimBox"), _box(page, "/BleedBox")
        lacks = [k for k, v in (("TrimBox", trim), ("BleedBox", bleed)) if v is None]
        if lacks:
            lacking.setdefault(" or ".join(lacks), []).append(n)
            continue
        if not (_within(trim, bleed) and (media is None or _within(bleed, media))):
            outside.append(n)
        sizes.append(f"trim {_size_mm(trim)}, bleed {_size_mm(bleed)}")
    figure = "; ".join(sorted(set(sizes))) or "no page with both boxes"
    problems = [f"no {what} on {_pages_text(ns)}" for what, ns in sorted(lacking.items())]
    if outside:
        problems.append(f"TrimBox ⊄ BleedBox ⊄ MediaBox on {_pages_text(outside)}")
    return Check("page-boxes", not problems, figure, "; ".join(problems))


def _check_fonts(reader) -> Check:
    fonts: dict = {}
    seen: set = set()
    for page in reader.pages:
        _fonts_in(page.get("/Resources"), seen, fonts)
    bad = sorted(name for name, f in fonts.items() if not font_embedded(f))
    figure = f"{len(fonts)} fonts, {len(fonts) - len(bad)} embedded"
    return Check("fonts-embedded", not bad, figure,
                 f"not embedded: {', '.join(bad)}" if bad else "")


@contextmanager
def _quiet_pypdf():
    """pypdf logs its repairs of broken files; preflight reports instead of logging."""
    logger = logging.getLogger("pypdf")
    saved = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(saved)


def _guarded(name: str, make, reader=None) -> Check:
    """make() → Check; a file too broken for this check is its FAIL, not a traceback."""
    try:
        return make()
    except Exception as exc:
        _doubt(reader)
        return Check(name, False, "could not be checked", f"{type(exc).__name__}: {exc}")


def preflight(pdf_path, *, ink_limit_pct: float = 240.0, min_text_pt: float = 6.0) -> PreflightReport:
    """Check a PDF for newspaper press; never raises for a bad PDF, reports it.
    A plain file (pdfread) is read without pypdf; pypdf reads any other, and any
    file pdfread stops at or meets an exception in (the same report either way)."""
    path = str(pdf_path)
    doc = pdfread.open_plain(path)
    if doc is not None:
        try:
            report = _checks(path, doc, False, doc.pages, ink_limit_pct, min_text_pt)
        except Exception:
            doc.unsupported = True
        if not doc.unsupported:
            return report
    with _quiet_pypdf():
        try:
            return _preflight(path, ink_limit_pct, min_text_pt)
        except Exception as exc:                  # last resort: whatever the file does
            return PreflightReport(path, (Check("readable", False, "unreadable",
                                                f"preflight stopped: {type(exc).__name__}: {exc}"),))


def _preflight(path: str, ink_limit_pct: float, min_text_pt: float) -> PreflightReport:
    try:
        from pypdf import PdfReader
        reader = PdfReader(path)
        encrypted = reader.is_encrypted
        if encrypted and not reader.decrypt(""):
            return PreflightReport(path, (Check("encryption", False, "encrypted",
                                                "needs a password; nothing else could be checked"),))
        pages = list(reader.pages)
    except Exception as exc:                      # not a PDF, truncated, …
        return PreflightReport(path, (Check("readable", False, "unreadable", f"{exc}"),))
    return _checks(path, reader, encrypted, pages, ink_limit_pct, min_text_pt)


def _checks(path: str, reader, encrypted: bool, pages: list, ink_limit_pct: float,
            min_text_pt: float) -> PreflightReport:
    checks = [Check("encryption", not encrypted, "encrypted" if encrypted else "none",
                    "the file is encrypted" if encrypted else "")]
    checks.append(_guarded("page-boxes", lambda: _check_boxes(pages), reader))
    checks.append(_guarded("fonts-embedded", lambda: _check_fonts(reader), reader))

    found = _Findings()
    for n, page in enumerate(pages, 1):
        try:
            area = _box(page, "/BleedBox") or _box(page, "/TrimBox") or _box(page, "/MediaBox")
            group = _res(page.get("/Group"))
            if group is not None and group.get("/S") == "/Transparency":
                found.transparency.setdefault(n, set()).add("page is a transparency group")
            page_found, failure = _page_findings(reader, page, area)
            _merge_page(found, page_found, n)
            if failure is not None:
                raise failure
        except Exception as exc:                  # broken stream, bad operands, …
            _doubt(reader)
            found.broken[n] = f"{type(exc).__name__}: {exc}"[:200]
    broken = sorted(found.broken.items())
    checks.append(Check("content-readable", not broken,
                        f"{len(pages) - len(broken)} of {len(pages)} pages read",
                        "; ".join(f"page {p}: {why}" for p, why in broken[:4])
                        + (" (what these pages hold is not checked)" if broken else "")))

    rgb_pages = sorted(found.rgb)
    rgb_what = sorted(set().union(*found.rgb.values())) if found.rgb else []
    checks.append(Check("no-rgb", not rgb_pages,
                        f"RGB on {len(rgb_pages)} of {len(pages)} pages",
                        f"{_pages_text(rgb_pages)}: {', '.join(rgb_what[:6])}" if rgb_pages else ""))

    bad_images = [(p, d) for p, ds in sorted(found.images.items()) for d in ds]
    checks.append(Check("image-colour", not bad_images,
                        f"{found.image_count} images, {len(bad_images)} not grey/CMYK",
                        "; ".join(f"page {p}: {d}" for p, d in bad_images[:8])))

    tr = [(p, r) for p, rs in sorted(found.transparency.items()) for r in sorted(rs)]
    checks.append(Check("no-transparency", not tr, f"{len(tr)} uses",
                        "; ".join(f"page {p}: {r}" for p, r in tr[:8])))

    rb = sorted(found.rich_black.items())
    checks.append(Check("no-rich-black-text", not rb, f"rich black text on {len(rb)} pages",
                        "; ".join(f"page {p}: text in C{c:.0%} M{m:.0%} Y{y:.0%} K{k:.0%}, black text must be K only"
                                  for p, (c, m, y, k) in rb[:8])))

    ink, ink_page, ink_what = found.max_ink
    over = ink > ink_limit_pct + 0.05
    figure = f"max {ink:.0f} % (limit {ink_limit_pct:.0f} %)"
    if found.unmeasured:
        figure += f", {len(found.unmeasured)} images not measured"
    checks.append(Check("ink-limit", not over, figure,
                        f"page {ink_page}: {ink_what} has {ink:.0f} % total ink, over {ink_limit_pct:.0f} %"
                        if over else ""))

    size, size_page = found.min_text
    small = size < min_text_pt - 0.01
    checks.append(Check("min-text-size", not small,
                        f"smallest {size:.2f} pt" if size != math.inf else "no text",
                        f"page {size_page}: text at {size:.2f} pt is below {min_text_pt:g} pt"
                        if small else "", severity="warning"))

    rule, rule_page = found.min_rule
    thin = rule < MIN_RULE_MM * MM - 0.001
    checks.append(Check("min-rule-width", not thin,
                        f"thinnest {rule:.2f} pt ({rule / MM:.2f} mm)" if rule != math.inf else "no strokes",
                        f"page {rule_page}: a stroke of {rule:.2f} pt ({rule / MM:.2f} mm) is thinner than "
                        f"{MIN_RULE_MM:g} mm and may not print" if thin else "", severity="warning"))

    checks.append(_guarded("output-intent", lambda: _check_intent(reader), reader))
    return PreflightReport(path, tuple(checks))


_WALK_SEEN: dict = {}          # (content digest, resources fingerprint, area) -> page findings
_WALK_SEEN_MAX = 256


def _page_findings(reader, page, area) -> tuple[_Findings, Exception | None]:
    """What one page's content holds, as page 0, and what stopped the walk (what it
    found up to there still counts).  Remembered by the content, the resources it can
    draw (fonts left out: the walk never reads them) and the area: a build preflights
    each page twice, in its plate and in the edition file."""
    contents = pdfread.contents(reader, page) if reader.__class__ is Document else page.get_contents()
    try:
        key = (hashlib.sha256(contents.get_data() if contents is not None else b"").digest(),
               _fingerprint(page.get("/Resources")), tuple(area or ()))
    except Exception:                 # unreadable or too deep: walked, not remembered
        key = None
    if key in _WALK_SEEN:
        return _WALK_SEEN[key], None
    page_found = _Findings()
    try:
        _PageScan(reader, 0, area, page_found).walk(contents, page.get("/Resources"), _Gs())
    except Exception as exc:
        return page_found, exc
    if (key is not None and not page_found.unmeasured       # image keys belong to one file
            and not getattr(reader, "unsupported", False)):
        if len(_WALK_SEEN) >= _WALK_SEEN_MAX:
            _WALK_SEEN.clear()
        _WALK_SEEN[key] = page_found
    return page_found, None


def _merge_page(found: _Findings, page: _Findings, n: int) -> None:
    """Add page 0's findings to the file's as page n (the same comparisons a walk makes)."""
    for mine, theirs in ((found.rgb, page.rgb), (found.images, page.images),
                         (found.transparency, page.transparency)):
        for what in theirs.values():
            into = mine.setdefault(n, type(what)())
            into.update(what) if isinstance(into, set) else into.extend(what)
    if 0 in page.rich_black:
        found.rich_black[n] = page.rich_black[0]
    if page.max_ink[0] > found.max_ink[0]:
        found.max_ink = (page.max_ink[0], n, page.max_ink[2])
    if page.min_text[0] < found.min_text[0]:
        found.min_text = (page.min_text[0], n)
    if page.min_rule[0] < found.min_rule[0]:
        found.min_rule = (page.min_rule[0], n)
    found.image_ink.update(page.image_ink)
    found.unmeasured |= page.unmeasured
    found.image_count += page.image_count


class _NoFingerprint(Exception):
    pass


def _fingerprint(resources) -> tuple:
    """A key that changes whenever anything the walk can read from these resources does:
    every value exactly (type and value: a float to its last bit), streams (images,
    forms) by their bytes too, an object met again as a back-reference to its first
    visit (shared and cyclic objects: linear, and the same graph gives the same key).
    Left out: a resource dictionary's /Font (the walk never reads fonts) and a stream's
    /Length (its bytes are in the key).  Objects too deep or of unknown kinds:
    _NoFingerprint (the page is walked, not remembered)."""
    out: list = []
    seen: dict = {}

    def visit(obj, depth: int, is_resources: bool) -> None:
        if depth > 4 * _MAX_FORM_DEPTH:
            raise _NoFingerprint
        if isinstance(obj, _Ref):
            ref = (obj.idnum, obj.generation)
            if ref in seen:
                out.append(("ref", seen[ref]))
                return
            out.append(("object", len(seen)))          # what later back-references name
            seen[ref] = len(seen)
            obj = obj.get_object()
        if isinstance(obj, _Dict):
            raw = getattr(obj, "_data", None)            # a stream
            items = sorted((str(k), v) for k, v in obj.items())
            out.append(("dict", type(obj).__name__, len(items)))
            for k, v in items:
                out.append(k)
                if (is_resources and k == "/Font") or (raw is not None and k == "/Length"):
                    out.append(("left out",))
                else:
                    visit(v, depth + 1, k == "/Resources")
            if raw is not None:
                out.append(hashlib.sha256(bytes(raw)).digest())
        elif isinstance(obj, _Array):
            out.append(("array", len(obj)))
            for v in obj:
                visit(v, depth + 1, False)
        elif isinstance(obj, (str, bytes, int, float, _Bool)) or obj is None:
            out.append((type(obj).__name__, obj.value if isinstance(obj, _Bool) else obj))
        elif isinstance(obj, _Null):
            out.append(("null",))
        else:
            raise _NoFingerprint

    visit(resources, 0, True)
    return tuple(out)


def _check_intent(reader) -> Check:
    intents = _res(_res(reader.trailer["/Root"]).get("/OutputIntents"))
    pdfx = [_res(i) for i in (intents or []) if _res(i).get("/S") == "/GTS_PDFX"]
    if not pdfx:
        return Check("output-intent", False, "none", "no PDF/X output intent in the catalog",
                     severity="warning")
    ident = str(pdfx[0].get("/OutputConditionIdentifier", "")) or "(no identifier)"
    profile = "with ICC profile" if pdfx[0].get("/DestOutputProfile") is not None else "no ICC profile"
    return Check("output-intent", True, f"GTS_PDFX {ident}, {profile}", severity="warning")
