"""The checks of a file as a whole (not of what its pages draw): PDF/X-1a identification,
the output intent, LZW compression, printing annotations and form fields, and every font
object embedded.  Each returns one Check; the same for either reader."""
from __future__ import annotations

from layout.base.catalogue import Clauses, Phrase
from layout.preflight import rules
from layout.preflight.pdfobj import AnyArray, AnyDict, AnyRef, resolve
from layout.preflight.scan import MAX_FORM_DEPTH, TooComplex

MAX_OBJECTS = 200_000        # objects visited looking for LZW: a bound on hostile files


def _check(name, passed, figure: Phrase, problem: Phrase | None = None, severity="error"):
    from layout.preflight.checks import Check
    return Check(name, passed, figure, problem, severity)


def clauses(items, code: str = "pf.items", **args) -> Phrase | None:
    """Clauses joined by "; " (or "；") in the entry `code` with `args`; None when there are none."""
    return Phrase(code, items=Clauses(items), **args) if items else None


def header_version(path: str) -> str:
    """'1.3' from the file's first line `%PDF-1.3` ('' when there is none)."""
    with open(path, "rb") as fh:
        head = fh.read(16)
    if not head.startswith(b"%PDF-") or len(head) < 8:
        return ""
    version = head[5:8]
    return version.decode("ascii") if version[:1].isdigit() and version[1:2] == b"." and version[2:3].isdigit() else ""


# PDF/X versions a newspaper plate may claim: (GTS_PDFXVersion, GTS_PDFXConformance needed, highest PDF)
_PDFX = {"PDF/X-1:2001": ("PDF/X-1a:2001", "1.3"), "PDF/X-1a:2003": (None, "1.4")}


def check_identification(path: str, reader) -> object:
    """PDF/X-1a identification (ISO 15930-1/-4): header version, GTS_PDFXVersion and
    Conformance, a Title, Trapped /True or /False, and a trailer /ID."""
    info = reader.info()
    version = header_version(path)
    pdfx = info.get("/GTS_PDFXVersion", "")
    conformance = info.get("/GTS_PDFXConformance", "")
    trapped = info.get("/Trapped", "")
    ids = resolve(reader.trailer.get("/ID"))
    problems = []
    if pdfx not in _PDFX:
        problems.append(Phrase("pf.pdfx.version", pdfx=pdfx or None))
    else:
        needed, highest = _PDFX[pdfx]
        if needed and conformance != needed:
            problems.append(Phrase("pf.pdfx.conformance", conformance=conformance, needed=needed))
        if not version or version > highest:
            problems.append(Phrase("pf.pdfx.above", version=version or "?", highest=highest, pdfx=pdfx))
    if not info.get("/Title", ""):
        problems.append(Phrase("pf.pdfx.no-title"))
    if trapped not in ("/True", "/False"):
        problems.append(Phrase("pf.pdfx.trapped", trapped=trapped or None))
    if not (isinstance(ids, AnyArray) and len(ids) == 2):
        problems.append(Phrase("pf.pdfx.no-id"))
    figure = Phrase("pf.pdfx", version=version or "?", pdfx=pdfx or None,
                    conformance=(conformance or None) if pdfx else None,
                    trapped=trapped[1:] if trapped.startswith("/") else trapped or "-")
    return _check("pdfx-identification", not problems, figure, clauses(problems))


def check_output_intent(reader) -> object:
    """A GTS_PDFX output intent that names a registered characterization or embeds a profile."""
    intents = resolve(resolve(reader.trailer["/Root"]).get("/OutputIntents"))
    pdfx = [resolve(i) for i in (intents or []) if resolve(i).get("/S") == "/GTS_PDFX"]
    if not pdfx:
        return _check("output-intent", False, Phrase("pf.intent.none"), Phrase("pf.intent.missing"))
    intent = pdfx[0]
    ident = str(resolve(intent.get("/OutputConditionIdentifier", "")) or "")
    shown = ident or Phrase("pf.intent.no-identifier")
    profile = resolve(intent.get("/DestOutputProfile"))
    if profile is not None:
        n = resolve(profile.get("/N")) if isinstance(profile, AnyDict) else None
        if n != 4:
            return _check("output-intent", False, Phrase("pf.intent.profile", ident=shown),
                          Phrase("pf.intent.not-cmyk", n=str(n)))
        return _check("output-intent", True, Phrase("pf.intent.embedded", ident=shown))
    if ident in rules.REGISTERED_CONDITIONS:
        return _check("output-intent", True, Phrase("pf.intent.registered", ident=ident))
    return _check("output-intent", False, Phrase("pf.intent.no-profile", ident=shown),
                  Phrase("pf.intent.unregistered", ident=ident or None))


def check_lzw(reader, inline_pages) -> object:
    """No LZW compression anywhere reachable from the catalog (PDF/X-1a), inline images included."""
    found: list[Phrase] = []
    seen: set = set()
    todo = [(reader.trailer.get("/Root"), 0)]
    visited = 0
    while todo:
        obj, depth = todo.pop()
        if isinstance(obj, AnyRef):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            num = obj.idnum
            obj = obj.get_object()
        else:
            num = None
        visited += 1
        if visited > MAX_OBJECTS or depth > 4 * MAX_FORM_DEPTH + 32:
            raise TooComplex(Phrase("pf.too-many-objects", n=MAX_OBJECTS))
        if isinstance(obj, AnyDict):
            filters = resolve(obj.get("/Filter"))
            names = [str(resolve(f)) for f in filters] if isinstance(filters, AnyArray) else [str(filters)]
            if any(f in ("/LZWDecode", "/LZW") for f in names):
                found.append(Phrase("pf.lzw.object", num=num) if num is not None else Phrase("pf.lzw.direct"))
            todo += [(v, depth + 1) for k, v in obj.items() if k != "/Parent"]
        elif isinstance(obj, AnyArray):
            todo += [(v, depth + 1) for v in obj]
    found += [Phrase("pf.lzw.inline", page=p) for p in sorted(inline_pages)]
    return _check("no-lzw", not found, Phrase("pf.lzw", n=len(found)),
                  Phrase("pf.lzw.problem", found=tuple(found[:6])) if found else None)


def _overlaps(a, b) -> bool:
    return (min(a[0], a[2]) < max(b[0], b[2]) and min(b[0], b[2]) < max(a[0], a[2])
            and min(a[1], a[3]) < max(b[1], b[3]) and min(b[1], b[3]) < max(a[1], a[3]))


def check_annotations(pages, box) -> object:
    """No annotation or form field (widget) that prints inside the trim (PDF/X-1a)."""
    total, bad = 0, []
    for n, page in enumerate(pages, 1):
        trim = box(page, "/TrimBox") or box(page, "/MediaBox")
        for ref in resolve(page.get("/Annots")) or []:
            annot = resolve(ref)
            if not isinstance(annot, AnyDict):
                continue
            total += 1
            flags = int(resolve(annot.get("/F", 0)) or 0)
            rect = [float(v) for v in resolve(annot.get("/Rect", [0, 0, 0, 0]))]
            if flags & 4 and trim and len(rect) == 4 and _overlaps(rect, trim):
                kind = str(resolve(annot.get("/Subtype", "/?")))[1:]
                what = Phrase("pf.annot.field") if kind == "Widget" else Phrase("pf.annot.kind", kind=kind)
                bad.append(Phrase("pf.on-page", page=n, what=what))
    return _check("no-printing-annotations", not bad, Phrase("pf.annots", total=total, bad=len(bad)),
                  clauses(bad[:6]))
