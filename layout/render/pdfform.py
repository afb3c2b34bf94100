"""A page of another PDF (an advertiser's ad) as a form XObject of the plate: vector stays vector.

reportlab draws but cannot import PDF pages.  pypdf (maintained, pure Python, already
what the project reads PDFs with) reads the page; its objects are copied into
reportlab's document as they are: dictionaries, arrays and references rebuilt as
reportlab objects, every stream's bytes kept encoded as they were (a JPEG in the ad stays
the advertiser's JPEG, a font program the advertiser's font program), and the page's
content becomes the form's stream, its resources the form's resources, its trim box (else
crop box) the form's BBox.  One form per ad file and document, named by a digest of the
file, so a plate draws the same ad twice from one copy and a changed ad changes the
plate's revision.
"""
from __future__ import annotations

import hashlib
import io
from weakref import WeakKeyDictionary

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFObject, PDFStream

_FORMS: WeakKeyDictionary = WeakKeyDictionary()     # document -> {path: form name}


def form_name(doc, path: str) -> tuple[str, tuple[float, float, float, float]]:
    """The name (for canvas.doForm) of the form XObject drawing the first page of the PDF at
    `path` in reportlab document `doc`, made on first use, and its BBox (pt)."""
    made = _FORMS.setdefault(doc, {})
    if path in made:
        return made[path]
    from pypdf import PdfReader

    data = open(path, "rb").read()
    tag = "NPAd" + hashlib.sha256(data).hexdigest()[:16]
    page = PdfReader(io.BytesIO(data)).pages[0]
    copier = _Copier(doc, tag)
    box = shown_box(page)
    form = PDFDictionary({"Type": "/XObject", "Subtype": "/Form", "FormType": 1,
                          "BBox": PDFArray(list(box)),
                          "Resources": copier.copy(page.get("/Resources")) or PDFDictionary()})
    contents = page.get_contents()
    stream = PDFStream(form, contents.get_data() if contents is not None else b"")
    doc.Reference(stream, doc.getXObjectName(tag))
    made[path] = tag, box
    return made[path]


def shown_box(page) -> tuple[float, float, float, float]:
    """What of a pypdf page an ad shows: its trim box, else its crop box (pt)."""
    box = page.trimbox if "/TrimBox" in page else page.cropbox
    return tuple(float(v) for v in (box.left, box.bottom, box.right, box.top))


class _Copier:
    """pypdf objects → reportlab objects in `doc`; each indirect object copied once."""

    def __init__(self, doc, tag: str):
        self.doc = doc
        self.tag = tag
        self.refs: dict[tuple[int, int], object] = {}

    def copy(self, obj):
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key not in self.refs:
                self.refs[key] = self._indirect(obj.get_object(), key)
            return self.refs[key]
        if isinstance(obj, StreamObject):
            return self._stream(obj, PDFStream(PDFDictionary(), b""))
        if isinstance(obj, DictionaryObject):
            return self._fill(obj, PDFDictionary())
        if isinstance(obj, ArrayObject):
            return PDFArray([self.copy(v) for v in obj])
        if obj is None:
            return None
        out = io.BytesIO()
        obj.write_to_stream(out)            # names, numbers, strings, booleans as written
        return out.getvalue()

    def _indirect(self, target, key):
        from pypdf.generic import DictionaryObject, StreamObject

        name = f"{self.tag}.{key[0]}.{key[1]}"
        if isinstance(target, StreamObject):
            made = PDFStream(PDFDictionary(), b"")
            ref = self.doc.Reference(made, name)
            self.refs[key] = ref               # registered before its contents: cycles end here
            self._stream(target, made)
            return ref
        if isinstance(target, DictionaryObject):
            made = PDFDictionary()
            ref = self.doc.Reference(made, name)
            self.refs[key] = ref
            self._fill(target, made)
            return ref
        value = self.copy(target)
        return self.doc.Reference(value, name) if isinstance(value, PDFObject) else value

    def _fill(self, src, into: PDFDictionary) -> PDFDictionary:
        for k, v in src.items():
            if k != "/Length":
                into[k[1:]] = self.copy(v)
        return into

    def _stream(self, src, into: PDFStream) -> PDFStream:
        self._fill(src, into.dictionary)
        if "/Filter" in src:
            into.content = src._data             # pypdf's encoded bytes: kept as they are
        else:
            into.content = src.get_data()         # plain: Flate-compressed as reportlab's own
        return into
