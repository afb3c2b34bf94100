"""PDF/X-1a:2001 finishing on a reportlab canvas: document info, output intent,
fixed dates, CMYK-only colour policing.

PDF/X-1a:2001 is based on PDF 1.3, so the canvas is made at version 1.3 and
no colour carries an alpha (which would make reportlab ask for 1.4).  In
X-1a:2001 the info keys are GTS_PDFXVersion "PDF/X-1:2001" plus
GTS_PDFXConformance "PDF/X-1a:2001" (ISO 15930-1); both are written.
"""
from __future__ import annotations

from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

PDF_VERSION = (1, 3)
PDFX_VERSION = "PDF/X-1:2001"
PDFX_CONFORMANCE = "PDF/X-1a:2001"
# Newspaper output condition registered at color.org (ISO 12647-3, 26 % dot gain).
OUTPUT_CONDITION = "IFRA26"
OUTPUT_INFO = "ISOnewspaper26v4"
REGISTRY = "http://www.color.org"


def cmyk_only(color):
    """enforceColorSpace hook: let CMYK and spot colours through, refuse anything else."""
    if isinstance(color, CMYKColor):
        return color
    if isinstance(color, (tuple, list)) and len(color) == 4:
        return CMYKColor(*color, alpha=None)
    raise ValueError(f"colour {color!r} is not CMYK: press output is CMYK/spot only")


def pdf_date(date_iso: str) -> str:
    """'2024-03-08' → 'D:20240308000000Z' (the edition date, not the clock)."""
    y, m, d = (int(p) for p in date_iso.split("-"))
    return f"D:{y:04d}{m:02d}{d:02d}000000Z"


class _PDFXInfo(PDFInfo):
    """Document info with fixed dates and the PDF/X identification keys."""

    def __init__(self, date: str):
        super().__init__()
        self.date = date

    def format(self, document):
        d = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "CreationDate": PDFString(self.date),
            "ModDate": PDFString(self.date),
            "Trapped": PDFName("False"),
            "GTS_PDFXVersion": PDFString(PDFX_VERSION),
            "GTS_PDFXConformance": PDFString(PDFX_CONFORMANCE),
        }
        return PDFDictionary(d).format(document)


def press_canvas(target, pagesize, *, title: str, author: str, subject: str,
                 date_iso: str, initial_font: str | None) -> Canvas:
    """A deterministic CMYK-only canvas carrying PDF/X-1a:2001 identification."""
    kw = {"initialFontName": initial_font} if initial_font else {}
    c = Canvas(target, pagesize=pagesize, invariant=1, pdfVersion=PDF_VERSION,
               enforceColorSpace=cmyk_only, pageCompression=1, **kw)
    doc = c._doc                      # reportlab has no public hook for these two
    doc.info = _PDFXInfo(pdf_date(date_iso))
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    c.setCreator("newsprint")
    c.setProducer("newsprint")
    intent = PDFDictionary({
        "Type": PDFName("OutputIntent"),
        "S": PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
        "OutputCondition": PDFString("Newsprint, coldset, 26% dot gain"),
        "RegistryName": PDFString(REGISTRY),
        "Info": PDFString(OUTPUT_INFO),
    })
    cat = doc.Catalog
    cat.OutputIntents = PDFArray([intent])
    # PDFCatalog writes only the keys it lists; list ours on this instance.
    cat.__NoDefault__ = list(type(cat).__NoDefault__) + ["OutputIntents"]
    return c
