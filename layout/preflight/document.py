"""The checks of a file as a whole (not of what its pages draw): PDF/X-1a identification,
the output intent, LZW compression, printing annotations and form fields, and every font
object embedded.  Each returns one Check; the same for either reader."""
from __future__ import annotations

from layout.preflight import rules
from layout.preflight.pdfobj import AnyArray, AnyDict, AnyRef, resolve
from layout.preflight.scan import MAX_FORM_DEPTH

MAX_OBJECTS = 200_000        # objects visited looking for LZW: a bound on hostile files


def _check(name, passed, figure, message="", severity="error"):
    from layout.preflight.checks import Check
    return Check(name, passed, figure, message, severity)


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
        problems.append(f"GTS_PDFXVersion is {pdfx!r}, not PDF/X-1:2001 or PDF/X-1a:2003" if pdfx
                        else "no GTS_PDFXVersion")
    else:
        needed, highest = _PDFX[pdfx]
        if needed and conformance != needed:
            problems.append(f"GTS_PDFXConformance is {conformance!r}, not {needed!r}")
        if not version or version > highest:
            problems.append(f"PDF version {version or '?'} is above {highest} ({pdfx})")
    if not info.get("/Title", ""):
        problems.append("no Title")
    if trapped not in ("/True", "/False"):
        problems.append(f"Trapped is {trapped or 'missing'}, not /True or /False")
    if not (isinstance(ids, AnyArray) and len(ids) == 2):
        problems.append("no /ID in the trailer")
    figure = (f"PDF {version or '?'}, {pdfx or 'no PDF/X version'}"
              + (f" ({conformance})" if conformance else "")
              + f", Trapped {trapped[1:] if trapped.startswith('/') else trapped or '-'}")
    return _check("pdfx-identification", not problems, figure, "; ".join(problems))


def check_output_intent(reader) -> object:
    """A GTS_PDFX output intent that names a registered characterization or embeds a profile."""
    intents = resolve(resolve(reader.trailer["/Root"]).get("/OutputIntents"))
    pdfx = [resolve(i) for i in (intents or []) if resolve(i).get("/S") == "/GTS_PDFX"]
    if not pdfx:
        return _check("output-intent", False, "none", "no PDF/X output intent in the catalog")
    intent = pdfx[0]
    ident = str(resolve(intent.get("/OutputConditionIdentifier", "")) or "")
    profile = resolve(intent.get("/DestOutputProfile"))
    if profile is not None:
        n = resolve(profile.get("/N")) if isinstance(profile, AnyDict) else None
        if n != 4:
            return _check("output-intent", False, f"GTS_PDFX {ident or '(no identifier)'}, profile",
                          f"the output profile is not a CMYK one (/N {n})")
        return _check("output-intent", True, f"GTS_PDFX {ident or '(no identifier)'}, ICC profile embedded")
    if ident in rules.REGISTERED_CONDITIONS:
        return _check("output-intent", True, f"GTS_PDFX {ident} (registered), no ICC profile")
    return _check("output-intent", False, f"GTS_PDFX {ident or '(no identifier)'}, no ICC profile",
                  f"{ident or 'no identifier'} is not a registered characterization and no profile is embedded")


def check_lzw(reader, inline_pages) -> object:
    """No LZW compression anywhere reachable from the catalog (PDF/X-1a), inline images included."""
    found: list[str] = []
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
            raise ValueError("too many objects to look through")
        if isinstance(obj, AnyDict):
            filters = resolve(obj.get("/Filter"))
            names = [str(resolve(f)) for f in filters] if isinstance(filters, AnyArray) else [str(filters)]
            if any(f in ("/LZWDecode", "/LZW") for f in names):
                found.append(f"object {num}" if num is not None else "a direct object")
            todo += [(v, depth + 1) for k, v in obj.items() if k != "/Parent"]
        elif isinstance(obj, AnyArray):
            todo += [(v, depth + 1) for v in obj]
    found += [f"an inline image on page {p}" for p in sorted(inline_pages)]
    return _check("no-lzw", not found, f"{len(found)} LZW streams",
                  f"LZW compression (not allowed in PDF/X-1a): {', '.join(found[:6])}" if found else "")


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
                bad.append(f"page {n}: {'form field' if kind == 'Widget' else kind + ' annotation'}")
    return _check("no-printing-annotations", not bad, f"{total} annotations, {len(bad)} printing inside the trim",
                  "; ".join(bad[:6]))
