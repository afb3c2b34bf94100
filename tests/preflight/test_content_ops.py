"""The fast content-stream reader of preflight gives what pypdf gives, or steps aside."""
from __future__ import annotations

import sys

import pytest
from pypdf import PdfReader
from pypdf.generic import (ArrayObject, ByteStringObject, ContentStream, DecodedStreamObject, NameObject,
                           TextStringObject)

from layout.press import write_edition
from layout.preflight import preflight
from layout.preflight.content_ops import fast_operations
from fixtures.testsheet import BoxFonts, sample_layout

preflight_module = sys.modules["layout.preflight.checks"]
scan_module = sys.modules["layout.preflight.scan"]


def _norm(v):
    """pypdf's and our operands in one comparable form (strings by kind only)."""
    if isinstance(v, (bytes, TextStringObject, ByteStringObject)):
        return ("string",)
    if isinstance(v, (NameObject, str)):
        return ("name", str(v))
    if isinstance(v, (int, float)):
        return ("number", round(float(v), 6))
    if isinstance(v, (list, ArrayObject)):
        return ("array", tuple(_norm(x) for x in v))
    raise TypeError(type(v))


def _pypdf_ops(data: bytes):
    stream = DecodedStreamObject()
    stream.set_data(data)
    return ContentStream(stream, None).operations


def _same(fast, slow):
    return [(tuple(map(_norm, o)), op) for o, op in fast] == [(tuple(map(_norm, o)), op) for o, op in slow]


HAND_MADE = (b"q 1 0 0 1 10.5 -20 cm /GS1 gs 0 0 0 1 k 0 g .5 G % a comment\n"
             b"BT /F1 9 Tf 12 TL 1 0 0 1 30 700 Tm (\\(esc\\) \\\\ \\101) Tj 0 -13.5 Td <4e2D> Tj "
             b"[(a) -120 (b) 3.5] TJ T* (x) ' 1 2 (y) \" ET\n"
             b"/CS0 cs 0.2 scn /P1 scn 10 10 m 20 20 l 1 2 3 4 5 6 c 0 0 50 50 re f* S n "
             b"/Im1 Do /Sh0 sh [1 2] 0 d /PANTONE#20485#20C CS Q")


def test_hand_made_stream_reads_like_pypdf():
    fast = fast_operations(HAND_MADE)
    assert fast is not None
    assert _same(fast, _pypdf_ops(HAND_MADE))
    assert fast[0] == ([], b"q")
    assert fast[1] == ([1, 0, 0, 1, 10.5, -20], b"cm")
    assert ([[1, 2], 0], b"d") in fast
    assert (["/PANTONE 485 C"], b"CS") in fast


@pytest.mark.parametrize("data", [
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI",           # inline image
    b"/OC << /MCID 0 >> BDC EMC",                         # dictionary operand
    b"/A#2 cs",                                           # broken #-escape
    b"(nested (parens)) Tj",                              # nested string
    b"[1 2 d",                                            # unclosed array
    b"1 2 ]",                                             # stray bracket
    b"1.0Tf",                                             # no delimiter
    b"{ } q",                                             # PostScript braces
    b"1 2",                                               # operands with no operator
])
def test_what_it_does_not_handle_goes_to_pypdf(data):
    assert fast_operations(data) is None


def test_empty_stream():
    assert fast_operations(b"") == []
    assert fast_operations(b" \n% only a comment\n") == []


def test_our_plate_reads_like_pypdf_and_preflight_agrees(tmp_path, monkeypatch):
    res = write_edition(sample_layout(tmp_path), BoxFonts(tmp_path), tmp_path / "out")
    reader = PdfReader(res.edition_pdf)
    data = reader.pages[0].get_contents().get_data()
    fast = fast_operations(data)
    assert fast is not None and len(fast) > 20
    assert _same(fast, _pypdf_ops(data))
    monkeypatch.setattr(preflight_module, "_WALK_SEEN", {})
    quick = preflight(res.edition_pdf)
    monkeypatch.setattr(scan_module, "raw_operations", lambda data: None)
    preflight_module._WALK_SEEN.clear()                   # walked again, by pypdf's reading
    slow = preflight(res.edition_pdf)
    assert quick.checks == slow.checks


def test_image_ink_measured_once_per_identical_image(tmp_path, monkeypatch):
    res = write_edition(sample_layout(tmp_path), BoxFonts(tmp_path), tmp_path / "out")
    calls = []
    real = scan_module.image_max_ink

    def counting(xobj, kind, reader=None):
        calls.append(kind)
        return real(xobj, kind, reader)

    monkeypatch.setattr(scan_module, "image_max_ink", counting)
    monkeypatch.setattr(scan_module, "_INK_SEEN", {})
    monkeypatch.setattr(preflight_module, "_WALK_SEEN", {})    # pages are remembered too
    reports = [preflight(p) for p in res.paths]          # the edition file and its plate
    assert calls == ["gray"]
    assert len({r.check("ink-limit").figure for r in reports}) == 1
    (tmp_path / "b").mkdir()
    other = write_edition(sample_layout(tmp_path / "b", date_iso="2024-03-09"), BoxFonts(tmp_path / "b"),
                          tmp_path / "out2")
    preflight(other.edition_pdf)
    assert calls == ["gray"]                              # same photo bytes: still remembered
    scan_module._INK_SEEN.clear()
    preflight_module._WALK_SEEN.clear()
    preflight(other.edition_pdf)
    assert calls == ["gray", "gray"]
