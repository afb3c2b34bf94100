"""PDF/X-1a:2001 finishing on a reportlab canvas: document info, output intent with its
embedded profile, documented dates, CMYK-only colour policing.

PDF/X-1a:2001 is based on PDF 1.3, so the canvas is made at version 1.3 and
no colour carries an alpha (which would make reportlab ask for 1.4).  In
X-1a:2001 the info keys are GTS_PDFXVersion "PDF/X-1:2001" plus
GTS_PDFXConformance "PDF/X-1a:2001" (ISO 15930-1); both are written.
"""
from __future__ import annotations

import time
import zlib
from functools import lru_cache
from pathlib import Path

from layout.base.catalogue import Phrase
from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFInfo, PDFName, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas

PDF_VERSION = (1, 3)
PDFX_VERSION = "PDF/X-1:2001"
PDFX_CONFORMANCE = "PDF/X-1a:2001"
# The output condition: coldset offset on newsprint as characterised by ANSI CGATS/SNAP
# TR 002-2007 (registered at color.org as "CGATS TR 002"), with the profile built from
# its data embedded (layout/press/icc/README.md: source, licence, recipe, and why not
# ISO 12647-3's WAN-IFRAnewspaper26v5).
OUTPUT_CONDITION = "CGATS TR 002"
OUTPUT_CONDITION_TEXT = "Coldset offset lithography on newsprint, ANSI CGATS/SNAP TR 002-2007"
OUTPUT_INFO = "CGATS TR 002, coldset newsprint; profile newsprint-TR002.icc made from TR 002 data"
REGISTRY = "http://www.color.org"
OUTPUT_PROFILE = Path(__file__).resolve().parent / "icc" / "newsprint-TR002.icc"


def cmyk_only(color):
    """enforceColorSpace hook: let CMYK and spot colours through, refuse anything else."""
    if isinstance(color, CMYKColor):
        return color
    if isinstance(color, (tuple, list)) and len(color) == 4:
        return CMYKColor(*color, alpha=None)
    raise ValueError(f"colour {color!r} is not CMYK: press output is CMYK/spot only")


def pdf_date(date_iso: str, epoch: int | None = None) -> str:
    """The plates' CreationDate and ModDate: `epoch` (SOURCE_DATE_EPOCH, seconds since
    1970 UTC) when given, else the edition date at midnight UTC ('2024-03-08' →
    'D:20240308000000Z'); never the clock, so a build can be repeated byte for byte."""
    if epoch is not None:
        return time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(epoch))
    y, m, d = (int(p) for p in date_iso.split("-"))
    return f"D:{y:04d}{m:02d}{d:02d}000000Z"


def source_date_epoch(environ) -> int | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) from `environ`: None when unset or empty;
    ValueError (its argument a Phrase) when it is not a whole number of seconds between 1970 and 9999."""
    raw = environ.get("SOURCE_DATE_EPOCH", "")
    if not raw:
        return None
    if not raw.isdigit() or int(raw) > 253402300799:
        raise ValueError(Phrase("epoch.not-seconds", value=raw))
    return int(raw)


@lru_cache(maxsize=1)
def output_profile() -> bytes:
    """The embedded output profile, Flate-compressed once per process."""
    return zlib.compress(OUTPUT_PROFILE.read_bytes(), 9)


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
                 date_iso: str, initial_font: str | None, epoch: int | None = None) -> Canvas:
    """A deterministic CMYK-only canvas carrying PDF/X-1a:2001 identification; dates
    as pdf_date(date_iso, epoch)."""
    kw = {"initialFontName": initial_font} if initial_font else {}
    c = Canvas(target, pagesize=pagesize, invariant=1, pdfVersion=PDF_VERSION,
               enforceColorSpace=cmyk_only, pageCompression=1, **kw)
    return pdfx_finish(c, title=title, author=author, subject=subject, date_iso=date_iso, epoch=epoch)


def pdfx_finish(c: Canvas, *, title: str, author: str, subject: str, date_iso: str,
                epoch: int | None = None) -> Canvas:
    """Give a canvas the PDF/X-1a:2001 document info and output intent (with the profile)."""
    doc = c._doc                      # reportlab has no public hook for these two
    doc.info = _PDFXInfo(pdf_date(date_iso, epoch))
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    c.setCreator("newsprint")
    c.setProducer("newsprint")
    intent = PDFDictionary({
        "Type": PDFName("OutputIntent"),
        "S": PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
        "OutputCondition": PDFString(OUTPUT_CONDITION_TEXT),
        "RegistryName": PDFString(REGISTRY),
        "Info": PDFString(OUTPUT_INFO),
        "DestOutputProfile": doc.Reference(PDFStream(
            PDFDictionary({"N": 4, "Filter": PDFName("FlateDecode")}), output_profile()),
            "OutputProfile"),
    })
    cat = doc.Catalog
    cat.OutputIntents = PDFArray([intent])
    # PDFCatalog writes only the keys it lists; list ours on this instance.
    cat.__NoDefault__ = list(type(cat).__NoDefault__) + ["OutputIntents"]
    return c
