"""The cross-reference table of a PDF with one classic xref table (what the build writes):
the plate joiner (write.py) reads it to join the page files, and preflight's own reader
(layout.preflight.pdfread) to open a plain file."""
from __future__ import annotations

import re

_TAIL = re.compile(rb"startxref[\x00\t\n\x0c\r ]+(\d{1,12})[\x00\t\n\x0c\r ]+%%EOF[\x00\t\n\x0c\r ]*\Z")
_XREF = re.compile(rb"xref[ \t]*\r?\n0 (\d{1,7})[ \t]*\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)")
_TRAILER = re.compile(rb"trailer[\x00\t\n\x0c\r ]*(?=<<)")


def xref_table(data: bytes):
    """(entries: number -> (offset, generation) of objects in use, where the trailer
    dictionary starts, offset of the table) of a file with one classic xref table, or None."""
    tail = _TAIL.search(data, max(0, len(data) - 64))
    if tail is None:
        return None
    xref = int(tail[1])
    head = _XREF.match(data, xref)
    if head is None or data[xref - 1:xref] not in (b"\n", b"\r"):
        return None
    size, pos, entries = int(head[1]), head.end(), {}
    for n in range(size):
        m = _ENTRY.match(data, pos)
        if m is None or (n == 0 and m[0][:18] != b"0000000000 65535 f"):
            return None
        if m[3] == b"n":
            entries[n] = (int(m[1]), int(m[2]))
        pos = m.end()
    trailer = _TRAILER.match(data, pos)
    if trailer is None:
        return None
    return entries, trailer.end(), xref


