"""Preflight (印前检查) of any PDF for newspaper press: the checks a printer's
RIP would reject a plate for, each with the figure it measured.

Files are read by pdfread where they are plain (what the build writes: no pypdf
import) and by pypdf otherwise, or wherever pdfread stops or meets an exception
(the same report either way; tests/preflight/test_pdfread.py compares them).
Each page's content is walked by the scan (layout.preflight.scan) with the graphics state
tracked, so the colour of each fill and each piece of text is known; a page seen before
(the edition file repeats its plates) is remembered by everything its findings depend
on.  Paint that lies wholly outside a page's BleedBox (printer's marks, slug line) is
trimmed off and not counted for ink, rich black, text size or rule width.

Images count for ink too: a CMYK image by its darkest pixel (C+M+Y+K), a
greyscale image as K only.  A page whose content cannot be parsed is a FAIL
of its own; nothing in a broken file makes preflight raise.
"""
from __future__ import annotations

import hashlib
import logging
import math
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from layout.base.catalogue import Clauses, Phrase
from layout.base.diagnostics import Diagnostic, error, warning
from layout.base.units import MM
from layout.preflight import pdfread
from layout.preflight.pdfobj import AnyArray, AnyBool, AnyDict, AnyNull, AnyRef, resolve
from layout.preflight.reader import PypdfReader
from layout.preflight import rules
from layout.preflight.document import check_annotations, clauses, check_identification, check_lzw, check_output_intent
from layout.preflight.scan import MAX_FORM_DEPTH, Findings, GraphicsState, PageScan, TooComplex

MIN_RULE_MM = 0.1


@dataclass(frozen=True)
class Check:
    """One rule's verdict; its words are the catalogue's (layout/base/catalogue/preflight.py)."""
    name: str
    passed: bool
    measured: Phrase                # the figure ("max 212 %", "2 font objects, 2 embedded")
    problem: Phrase | None = None   # what is wrong and where; None when passed
    severity: str = "error"         # error: the plate is refused; warning: look at it

    @property
    def figure(self) -> str:
        return self.measured.text("en")

    @property
    def message(self) -> str:
        return self.message_in("en")

    def figure_in(self, lang: str) -> str:
        return self.measured.text(lang)

    def message_in(self, lang: str) -> str:
        return self.problem.text(lang) if self.problem is not None else ""

    def title(self, lang: str) -> str:
        """The check's title: its name in English, words in Chinese."""
        return Phrase(f"check.{self.name}").text(lang)

    @property
    def verdict(self) -> str:
        """PASS, FAIL (the plate is refused) or WARN (look at it): a catalogue code too."""
        return "PASS" if self.passed else ("FAIL" if self.severity == "error" else "WARN")

    def __str__(self) -> str:
        tail = f" — {self.message}" if self.problem is not None else ""
        return f"{self.verdict} {self.name}: {self.figure}{tail}"


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
        """Failed checks as diagnostics for the CLI (code preflight.failed; the argument
        `check` is the title, Phrase("check.<name>"))."""
        return tuple((error if c.severity == "error" else warning)(
                         "preflight.failed", None, file=Path(self.path).name,
                         check=Phrase(f"check.{c.name}"), problem=c.problem, figure=c.measured)
                     for c in self.checks if not c.passed)

    def __str__(self) -> str:
        head = f"preflight {self.path}: {'PASS' if self.passed else 'FAIL'}"
        return "\n".join([head, *(f"  {c}" for c in self.checks)])


# ---------------------------------------------------------------- small helpers

def _pages(pages) -> Phrase:
    """"page 3", "pages 1, 2", "pages 1, …, 8 … (12 pages)" (第3页 …)."""
    pages = tuple(sorted(set(pages)))
    if len(pages) > 8:
        return Phrase("pf.pages", pages=pages[:8], n=len(pages))
    return Phrase("pf.pages", page=pages[0]) if len(pages) == 1 else Phrase("pf.pages", pages=pages)


def _sorted(phrases) -> list:
    """Phrases in a fixed order (their English)."""
    return sorted(phrases, key=str)


def _error_text(exc: BaseException) -> str:
    """An exception as the file's problem: the reader's own words (its class and text)."""
    return f"{type(exc).__name__}: {exc}"



# ---------------------------------------------------------------- fonts

def _fonts_in(resources, seen: set, out: dict, depth: int = 0) -> None:
    """Collect font dicts from resources, descending into forms: one entry per font object
    (its reference), so a font that is not embedded cannot hide behind an embedded one of
    the same name on another page."""
    resources = resolve(resources)
    if not resources or depth > MAX_FORM_DEPTH:
        return
    for ref in resolve(resources.get("/Font", {})).values():
        key = (ref.idnum, ref.generation) if isinstance(ref, AnyRef) else id(ref)
        if key in seen:
            continue
        seen.add(key)
        out[key] = resolve(ref)
    for ref in resolve(resources.get("/XObject", {})).values():
        key = ("x", ref.idnum, ref.generation) if isinstance(ref, AnyRef) else id(ref)
        xobj = resolve(ref)
        if key in seen or xobj.get("/Subtype") != "/Form":
            continue
        seen.add(key)
        _fonts_in(xobj.get("/Resources"), seen, out, depth + 1)


def font_embedded(font) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True                        # glyphs are content streams in the font itself
    parts = ([resolve(d) for d in resolve(font.get("/DescendantFonts", []))] if subtype == "/Type0"
             else [font])
    if not parts:
        return False
    for part in parts:
        desc = resolve(part.get("/FontDescriptor"))
        if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            return False
    return True


# ---------------------------------------------------------------- the checks

def _box(page, key):
    box = page.get(key)
    return [float(v) for v in resolve(box)] if box is not None else None


def _size_mm(box) -> str:          # a measure: figures and the unit only
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
        lacks = tuple(k for k, v in (("TrimBox", trim), ("BleedBox", bleed)) if v is None)
        if lacks:
            lacking.setdefault(lacks, []).append(n)
            continue
        if not (_within(trim, bleed) and (media is None or _within(bleed, media))):
            outside.append(n)
        sizes.append(Phrase("pf.boxes.size", trim=_size_mm(trim), bleed=_size_mm(bleed)))
    sizes = _sorted(set(sizes))
    figure = Phrase("pf.items", items=Clauses(sizes)) if sizes else Phrase("pf.boxes.no-page")
    problems = [Phrase("pf.boxes.lacking", box=what[0], other=what[1] if len(what) > 1 else None,
                       pages=_pages(ns)) for what, ns in sorted(lacking.items())]
    if outside:
        problems.append(Phrase("pf.boxes.outside", pages=_pages(outside)))
    return Check("page-boxes", not problems, figure, clauses(problems))


def _check_fonts(reader) -> Check:
    fonts: dict = {}
    seen: set = set()
    for page in reader.pages:
        _fonts_in(page.get("/Resources"), seen, fonts)
    bad = [f for f in fonts.values() if not font_embedded(f)]
    names = tuple(sorted({str(f.get("/BaseFont", "(unnamed)"))[1:] or "(unnamed)" for f in bad}))
    figure = Phrase("pf.fonts", fonts=len(fonts), embedded=len(fonts) - len(bad))
    return Check("fonts-embedded", not bad, figure,
                 Phrase("pf.fonts.not-embedded", fonts=names) if bad else None)


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
        if reader is not None:
            reader.doubt()
        why = exc.args[0] if isinstance(exc, TooComplex) else Phrase("pf.exception", error=_error_text(exc))
        return Check(name, False, Phrase("pf.could-not-check"), why)


def preflight(pdf_path, *, ink_limit_pct: float = 240.0, min_text_pt: float = 6.0,
              min_image_ppi: float = rules.MIN_IMAGE_PPI) -> PreflightReport:
    """Check a PDF for newspaper press; never raises for a bad PDF, reports it.
    A plain file (pdfread) is read without pypdf; pypdf reads any other, and any
    file pdfread stops at or meets an exception in (the same report either way)."""
    path = str(pdf_path)
    doc = pdfread.open_plain(path)
    if doc is not None:
        try:
            report = _checks(path, doc, False, doc.pages, ink_limit_pct, min_text_pt, min_image_ppi)
        except Exception:
            doc.unsupported = True
        if not doc.unsupported:
            return report
    with _quiet_pypdf():
        try:
            return _preflight(path, ink_limit_pct, min_text_pt, min_image_ppi)
        except Exception as exc:                  # last resort: whatever the file does
            return PreflightReport(path, (Check("readable", False, Phrase("pf.unreadable"),
                                                Phrase("pf.stopped", error=_error_text(exc))),))


def _preflight(path: str, ink_limit_pct: float, min_text_pt: float,
               min_image_ppi: float = rules.MIN_IMAGE_PPI) -> PreflightReport:
    try:
        from pypdf import PdfReader
        pdf = PdfReader(path)
        encrypted = pdf.is_encrypted
        if encrypted and not pdf.decrypt(""):
            return PreflightReport(path, (Check("encryption", False, Phrase("pf.encrypted"),
                                                Phrase("pf.password")),))
        reader = PypdfReader(pdf)
    except Exception as exc:                      # not a PDF, truncated, …
        return PreflightReport(path, (Check("readable", False, Phrase("pf.unreadable"),
                                            Phrase("pf.not-a-pdf", error=str(exc))),))
    return _checks(path, reader, encrypted, reader.pages, ink_limit_pct, min_text_pt, min_image_ppi)


def _checks(path: str, reader, encrypted: bool, pages: list, ink_limit_pct: float,
            min_text_pt: float, min_image_ppi: float = rules.MIN_IMAGE_PPI) -> PreflightReport:
    checks = [Check("encryption", not encrypted, Phrase("pf.encrypted" if encrypted else "pf.not-encrypted"),
                    Phrase("pf.encrypted.problem") if encrypted else None)]
    checks.append(_guarded("page-boxes", lambda: _check_boxes(pages), reader))
    checks.append(_guarded("fonts-embedded", lambda: _check_fonts(reader), reader))

    found = Findings()
    too_complex: dict = {}
    for n, page in enumerate(pages, 1):
        try:
            area = _box(page, "/BleedBox") or _box(page, "/TrimBox") or _box(page, "/MediaBox")
            group = resolve(page.get("/Group"))
            if group is not None and group.get("/S") == "/Transparency":
                found.transparency.setdefault(n, set()).add(Phrase("pf.what.page-group"))
            page_found, failure = _page_findings(reader, page, area)
            _merge_page(found, page_found, n)
            if failure is not None:
                raise failure
        except TooComplex as exc:                 # bounded work: the same for either reader
            too_complex[n] = exc.args[0]
        except Exception as exc:                  # broken stream, bad operands, …
            reader.doubt()
            found.broken[n] = _error_text(exc)[:200]
    broken = sorted(found.broken.items())
    checks.append(Check("content-readable", not broken,
                        Phrase("pf.content.read", read=len(pages) - len(broken), total=len(pages)),
                        clauses([Phrase("pf.on-page", page=p, what=why) for p, why in broken[:4]],
                               "pf.content.broken")))

    rgb_pages = sorted(found.rgb)
    rgb_what = tuple(_sorted(set().union(*found.rgb.values()))[:6]) if found.rgb else ()
    checks.append(Check("no-rgb", not rgb_pages, Phrase("pf.rgb", n=len(rgb_pages), total=len(pages)),
                        Phrase("pf.in", where=_pages(rgb_pages), what=rgb_what) if rgb_pages else None))

    bad_images = [(p, d) for p, ds in sorted(found.images.items()) for d in ds]
    checks.append(Check("image-colour", not bad_images,
                        Phrase("pf.images", images=found.image_count, bad=len(bad_images)),
                        clauses([Phrase("pf.on-page", page=p, what=d) for p, d in bad_images[:8]])))

    tr = [(p, r) for p, rs in sorted(found.transparency.items()) for r in _sorted(rs)]
    checks.append(Check("no-transparency", not tr, Phrase("pf.uses", n=len(tr)),
                        clauses([Phrase("pf.on-page", page=p, what=r) for p, r in tr[:8]])))

    rb = sorted(found.rich_black.items())
    checks.append(Check("no-rich-black-text", not rb, Phrase("pf.rich-black", n=len(rb)),
                        clauses([Phrase("pf.on-page", page=p, what=Phrase("pf.rich-black.text", c=c, m=m, y=y, k=k))
                                for p, (c, m, y, k) in rb[:8]])))

    ink, ink_page, ink_what = found.max_ink
    over = ink > ink_limit_pct + 0.05
    figure = Phrase("pf.ink", ink=ink, limit=ink_limit_pct, unmeasured=len(found.unmeasured) or None)
    checks.append(Check("ink-limit", not over, figure,
                        Phrase("pf.ink.over", page=ink_page, what=ink_what, ink=ink, limit=ink_limit_pct)
                        if over else None))

    size, size_page = found.min_text
    small = size < min_text_pt - 0.01
    checks.append(Check("min-text-size", not small,
                        Phrase("pf.text.smallest", size=size) if size != math.inf else Phrase("pf.text.none"),
                        Phrase("pf.text.small", page=size_page, size=size, minimum=min_text_pt)
                        if small else None, severity="warning"))

    rule, rule_page = found.min_rule
    thin = rule < MIN_RULE_MM * MM - 0.001
    checks.append(Check("min-rule-width", not thin,
                        Phrase("pf.rule.thinnest", pt=rule, mm=rule / MM) if rule != math.inf
                        else Phrase("pf.rule.none"),
                        Phrase("pf.rule.thin", page=rule_page, pt=rule, mm=rule / MM, minimum=MIN_RULE_MM)
                        if thin else None, severity="warning"))

    checks.append(_guarded("output-intent", lambda: check_output_intent(reader), reader))
    checks += _plant_checks(path, reader, pages, found, too_complex, min_image_ppi)
    return PreflightReport(path, tuple(checks))


def _by_page(found: dict, limit: int = 6) -> list:
    items = [(p, w) for p, ws in sorted(found.items()) for w in _sorted(ws)]
    return [Phrase("pf.on-page", page=p, what=w) for p, w in items[:limit]]


def _plant_checks(path, reader, pages, found: Findings, too_complex: dict, min_ppi: float) -> list:
    """The rules of a plant's preflight (layout.preflight.rules) beyond the basic ones."""
    out = [_guarded("pdfx-identification", lambda: check_identification(path, reader), reader)]
    ko = found.knocked_out
    out.append(Check("black-overprint", not ko, Phrase("pf.black", n=len(ko)),
                     clauses(_by_page(ko), "pf.black.problem", text=rules.BLACK_TEXT_OVERPRINT_PT,
                            rule=rules.BLACK_RULE_OVERPRINT_PT)))
    wo = found.white_overprint
    out.append(Check("white-knockout", not wo, Phrase("pf.white", n=len(wo)),
                     clauses(_by_page(wo), "pf.white.problem")))
    dc = found.device_controls
    out.append(Check("no-device-controls", not dc, Phrase("pf.device", n=len(dc)),
                     clauses(_by_page(dc), "pf.device.problem")))
    ppi, ppi_page, ppi_name = found.min_ppi
    if ppi == math.inf:
        out.append(Check("image-resolution", True, Phrase("pf.ppi.no-images")))
    else:
        low = ppi < rules.LOW_IMAGE_PPI
        refused = ppi < min_ppi
        out.append(Check("image-resolution", not low,
                         Phrase("pf.ppi", ppi=ppi, minimum=min_ppi, low=rules.LOW_IMAGE_PPI),
                         Phrase("pf.ppi.low", page=ppi_page, name=ppi_name, ppi=ppi) if low else None,
                         severity="error" if refused else "warning"))
    hl = found.hairlines
    out.append(Check("multi-ink-hairlines", not hl, Phrase("pf.hairlines", n=len(hl)),
                     clauses([Phrase("pf.hairline", page=p, width=w, inks=n, minimum=rules.MULTI_INK_RULE_MIN_PT)
                             for p, (w, n) in sorted(hl.items())[:6]])))
    ct = found.colour_text
    out.append(Check("colour-text-size", not ct, Phrase("pf.colour-text", n=len(ct)),
                     clauses([Phrase("pf.colour-text.small", page=p, what=what, size=size,
                                    minimum=rules.REVERSE_TEXT_MIN_PT if what.code == "pf.what.reverse-text"
                                    else rules.MULTI_INK_TEXT_MIN_PT)
                             for p, (size, what) in sorted(ct.items())[:6]])))
    tt = found.tint_text
    out.append(Check("tint-text-size", not tt, Phrase("pf.tint-text", n=len(tt)),
                     clauses([Phrase("pf.tint-text.small", page=p, size=size, minimum=rules.TINT_TEXT_MIN_PT)
                             for p, size in sorted(tt.items())[:6]]),
                     severity="warning"))
    out.append(_guarded("no-lzw", lambda: check_lzw(reader, found.lzw), reader))
    out.append(_guarded("no-printing-annotations", lambda: check_annotations(pages, _box), reader))
    out.append(Check("bounded-work", not too_complex,
                     Phrase("pf.bounds", operations=rules.MAX_OPERATIONS, forms=rules.MAX_FORM_DRAWS),
                     clauses([Phrase("pf.too-complex", page=p, why=why) for p, why in sorted(too_complex.items())[:4]])))
    return out


_WALK_SEEN: dict = {}          # (content digest, resources fingerprint, area) -> page findings
_WALK_SEEN_MAX = 256


def _page_findings(reader, page, area) -> tuple[Findings, Exception | None]:
    """What one page's content holds, as page 0, and what stopped the walk (what it
    found up to there still counts).  Remembered by the content, the resources it can
    draw (fonts left out: the walk never reads them) and the area: a build preflights
    each page twice, in its plate and in the edition file."""
    contents = reader.contents(page)
    try:
        key = (hashlib.sha256(contents.get_data() if contents is not None else b"").digest(),
               _fingerprint(page.get("/Resources")), tuple(area or ()))
    except Exception:                 # unreadable or too deep: walked, not remembered
        key = None
    if key in _WALK_SEEN:
        return _WALK_SEEN[key], None
    page_found = Findings()
    try:
        PageScan(reader, 0, area, page_found).walk(contents, page.get("/Resources"), GraphicsState())
    except Exception as exc:
        return page_found, exc
    if (key is not None and not page_found.unmeasured       # image keys belong to one file
            and not reader.unsupported):
        if len(_WALK_SEEN) >= _WALK_SEEN_MAX:
            _WALK_SEEN.clear()
        _WALK_SEEN[key] = page_found
    return page_found, None


def _merge_page(found: Findings, page: Findings, n: int) -> None:
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
    for mine, theirs in ((found.knocked_out, page.knocked_out), (found.white_overprint, page.white_overprint),
                         (found.device_controls, page.device_controls)):
        if 0 in theirs:
            mine.setdefault(n, set()).update(theirs[0])
    for mine, theirs in ((found.hairlines, page.hairlines), (found.colour_text, page.colour_text),
                         (found.tint_text, page.tint_text)):
        if 0 in theirs:
            mine[n] = theirs[0]
    if page.min_ppi[0] < found.min_ppi[0]:
        found.min_ppi = (page.min_ppi[0], n, page.min_ppi[2])
    if page.lzw:
        found.lzw.add(n)


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
        if depth > 4 * MAX_FORM_DEPTH:
            raise _NoFingerprint
        if isinstance(obj, AnyRef):
            ref = (obj.idnum, obj.generation)
            if ref in seen:
                out.append(("ref", seen[ref]))
                return
            out.append(("object", len(seen)))          # what later back-references name
            seen[ref] = len(seen)
            obj = obj.get_object()
        if isinstance(obj, AnyDict):
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
        elif isinstance(obj, AnyArray):
            out.append(("array", len(obj)))
            for v in obj:
                visit(v, depth + 1, False)
        elif isinstance(obj, (str, bytes, int, float, AnyBool)) or obj is None:
            out.append((type(obj).__name__, obj.value if isinstance(obj, AnyBool) else obj))
        elif isinstance(obj, AnyNull):
            out.append(("null",))
        else:
            raise _NoFingerprint

    visit(resources, 0, True)
    return tuple(out)
