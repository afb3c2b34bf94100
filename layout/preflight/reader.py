"""The one interface preflight reads a PDF through, whichever reader opened it: the plain
reader (pdfread.Document: the build's own files, no pypdf) or pypdf (any other file).
The checks and the content walk ask only this; none of them tests a reader's class."""
from __future__ import annotations

import abc


class Reader(abc.ABC):
    """A PDF open for preflight: its pages, its trailer, each page's content stream."""

    pages: list
    trailer: dict
    unsupported: bool = False     # the plain reader met something it does not read: pypdf reads the file again

    @abc.abstractmethod
    def contents(self, page):
        """The page's content as one stream (get_data()), or None."""

    def content_stream(self, content):
        """A content stream (page or form) as the walk reads it: get_data(), and
        .operations for what content_ops cannot split."""
        return content

    @abc.abstractmethod
    def info(self) -> dict:
        """The document info dictionary: key → text, or '/Name' for a name."""

    def refuse(self, why: str) -> None:
        """Something this reader must not read: the plain reader gives up (raises), pypdf reads on."""

    def doubt(self) -> None:
        """An exception met while checking: the plain reader hands the file to pypdf, whose
        messages are the report's; for pypdf the exception is the report's."""


class PypdfReader(Reader):
    """pypdf's PdfReader behind the interface (pypdf is imported by whoever opens it)."""

    def __init__(self, pdf):
        self.pdf = pdf
        self.pages = list(pdf.pages)
        self.trailer = pdf.trailer

    def contents(self, page):
        return page.get_contents()

    def info(self) -> dict:
        info = self.pdf.trailer.get("/Info")
        info = info.get_object() if info is not None else None
        return {str(k): str(v.get_object()) for k, v in info.items()} if info else {}

    def content_stream(self, content):
        import pypdf.generic

        if not isinstance(content, pypdf.generic.ContentStream):
            content = pypdf.generic.ContentStream(content, self.pdf)
        return content
