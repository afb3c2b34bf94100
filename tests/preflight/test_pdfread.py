"""layout.preflight.pdfread: preflight reads the build's plain PDFs without pypdf, and its
reports are pypdf's to the letter (differential: the same files, and mutants of them,
through both readers); anything else goes to pypdf."""
from __future__ import annotations

import random
import re
import zlib
from pathlib import Path

import pytest

from layout.cli import main
from layout.preflight import checks, pdfread, scan

ROOT = Path(__file__).resolve().parents[2]
PEER = ROOT / "bench" / "peer" / "2020-03-02"


def pypdf_report(path):
    """The report as pypdf's reader alone gives it (nothing remembered)."""
    checks._WALK_SEEN.clear()
    scan._INK_SEEN.clear()
    with checks._quiet_pypdf():
        try:
            return checks._preflight(str(path), 240.0, 6.0)
        except Exception as exc:
            return checks.PreflightReport(str(path), (checks.Check(
                "readable", False, "unreadable", f"preflight stopped: {type(exc).__name__}: {exc}"),))


def plain_report(path):
    """The report from pdfread, or None where it hands the file to pypdf."""
    checks._WALK_SEEN.clear()
    scan._INK_SEEN.clear()
    doc = pdfread.open_plain(path)
    if doc is None:
        return None
    try:
        report = checks._checks(str(path), doc, False, doc.pages, 240.0, 6.0)
    except Exception:
        return None
    return None if doc.unsupported else report


def _same(a, b) -> bool:
    """Equal reports (pypdf names a looping object by its id() in memory)."""
    norm = lambda r: re.sub(r"IndirectObject\((\d+), (\d+), \d+\)", r"IndirectObject(\1, \2)", repr(r))
    return a == b or norm(a) == norm(b)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The peer edition built plain, with marks, and with marks and proof."""
    out = tmp_path_factory.mktemp("pdfread")
    files = []
    for flags in ([], ["--marks", "--proof"]):
        target = out / ("x" + "".join(flags))
        assert main(["build", str(PEER), "-o", str(target), "-q", *flags]) in (0, 1)
        files += sorted(target.rglob("*.pdf"))
    assert len(files) == 11
    return files


def test_the_builds_files_are_read_without_pypdf_and_report_as_with_it(built):
    for path in built:
        fast = plain_report(path)
        assert fast is not None, path                   # the build's files are all plain
        assert fast == pypdf_report(path)
        assert checks.preflight(path) == fast


_SWAPS = [(b"/DeviceGray", b"/DeviceRGB"), (b"/DeviceCMYK", b"/DeviceGray"), (b"true", b"false"),
          (b"/Type /Page\n", b"/Type /Pages\n"), (b"/FlateDecode", b"/LZWDecode"), (b"/BleedBox", b"/BleedBax"),
          (b" 0 R", b" 1 R"), (b"/Length ", b"/Length 1"), (b"endobj", b"endobx"), (b"/Resources", b"/Resourcex"),
          (b"/FontFile2", b"/FontFilx"), (b"/XObject", b"/XObjecx"), (b"[", b"[ null "), (b"/OPM 1", b"/OPM 1 /OPM 2"),
          (b"/OPM 1", b"/CA 0.5"), (b"/OPM 1", b"/ca .5"), (b"/OPM 1", b"/BM [/Multiply]"), (b"/OPM 1", b"/SMask /None"),
          (b"/Kids [", b"/Kids [ 1 0 R "), (b"<<", b"<< % c\n"), (b"<<", b"<< /A (x\\)y)"), (b"<<", b"<< /A <41>"),
          (b"<<", b"<< /A 1.2.3"), (b"<<", b"<< /A#41 1"), (b"<<", b"<< /A#e4 1"), (b"<<", b"<< /A 5."),
          (b"/Pages", b"/Pages /Rotate 90 /X"), (b"trailer", b"trailer\n<< /Prev 0 >>\n"), (b"/Contents ", b"/Contents [ "),
          (b"/S /GTS_PDFX", b"/S /GTS_PDFA1"), (b"/OutputConditionIdentifier (", b"/OutputConditionIdentifier (\\101"),
          (b"/Subtype /Form", b"/Subtype /Image"), (b"/BitsPerComponent 8", b"/BitsPerComponent 4"),
          (b"/Filter [ /FlateDecode ]", b"/Filter /FlateDecode"), (b"/MediaBox [", b"/MediaBox [ 1 "),
          (b"/Type /XObject", b"/Type /XObject /SMask 1 0 R"), (b"stream\n", b"stream \n"), (b"/Matrix [", b"/Matrix [ 2 ")]


def _mutants(data: bytes, rnd: random.Random, n: int):
    for _ in range(n):
        d = data
        if rnd.random() < 0.7:
            a, b = rnd.choice(_SWAPS)
            spots = [m.start() for m in re.finditer(re.escape(a), d)]
            if spots:
                at = rnd.choice(spots)
                d = d[:at] + b + d[at + len(a):]
        else:                                           # a byte of the file's structure changed
            at = rnd.choice([m.start() for m in re.finditer(rb"[\d/<>\[\] R]", d[:100000])])
            d = d[:at] + bytes((rnd.choice(b"0123456789 /<>[]R\n%"),)) + d[at + 1:]
        yield d


def test_mutants_report_as_pypdf_reports_them(built, tmp_path):
    rnd = random.Random(7)
    path = tmp_path / "m.pdf"
    taken = 0
    for source in (built[0], built[1], built[-1]):      # edition file, a plate, a marked plate
        for data in _mutants(source.read_bytes(), rnd, 25):
            path.write_bytes(data)
            checks._WALK_SEEN.clear()
            scan._INK_SEEN.clear()
            got = checks.preflight(path)
            assert _same(got, pypdf_report(path)), data[:0]
            taken += plain_report(path) is not None
    assert 10 < taken < 70                              # both readers had their share


def _plain_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _doc(tmp_path, objects, trailer=b""):
    path = tmp_path / "t.pdf"
    path.write_bytes(_plain_pdf(objects, trailer))
    return pdfread.open_plain(path)


PAGE = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Resources 4 0 R >>"]


def test_objects_come_as_pypdf_gives_them(tmp_path):
    data = zlib.compress(b"0 0 1 rg")
    doc = _doc(tmp_path, PAGE + [
        b"<< /A 1 /B -2.50 /C +.5 /D /N#20a /E (text) /F [1 2 5 0 R] /G true /H false /I 5 0 R >>",
        b"<< /Length %d /Filter [/FlateDecode] >>\nstream\n%s\nendstream" % (len(data), data)])
    res = doc.pages[0]["/Resources"]                    # [] resolves a reference …
    assert res.__class__ is pdfread.Dict and res.get("/I").__class__ is pdfread.Ref     # … get() does not
    assert (res["/A"], res["/B"], res["/C"], res["/D"], res["/E"]) == (1, -2.5, 0.5, "/N a", "text")
    assert type(res["/A"]) is int and type(res["/B"]) is float
    assert res["/F"][:2] == [1, 2] and res["/F"][2].get_object() is res["/I"]
    assert res["/G"] and res["/H"] and res["/H"] == False and repr(res["/H"]) == "False"   # noqa: E712
    assert res["/I"].get_data() == b"0 0 1 rg"


@pytest.mark.parametrize("obj", [b"<< /A <414243> >>", b"<< /A null >>", b"<< /A (a\\)b) >>", b"<< /A (\xe4) >>",
                                 b"<< /A#e4 1 >>", b"<< /A 1 /A 2 >>", b"<< /A 1.2.3 >>", b"<< % note\n/A 1 >>",
                                 b"<< /A 1 R >>", b"<< /A 9 0 R >>", b"<< /Length 3 >>\nstream\nabcdef\nendstream",
                                 b"<< /Length 3 /Filter /ASCIIHexDecode >>\nstream\n414\nendstream"])
def test_what_pypdf_alone_reads_is_refused(tmp_path, obj):
    doc = _doc(tmp_path, PAGE + [b"<< /X 5 0 R >>", obj])
    res = doc.pages[0]["/Resources"]
    with pytest.raises(pdfread.Unsupported):
        value = res["/X"]
        if value.__class__ is pdfread.Stream:
            value.get_data()
        res["/X"]["/A"]
    assert doc.unsupported


@pytest.mark.parametrize("trailer", [b" /Encrypt 4 0 R", b" /Prev 0", b" /XRefStm 9"])
def test_files_that_are_not_plain_are_left_to_pypdf(tmp_path, trailer):
    assert _doc(tmp_path, PAGE + [b"<< >>"]) is not None
    assert _doc(tmp_path, PAGE + [b"<< >>"], trailer) is None


def test_a_page_tree_that_passes_values_down_is_left_to_pypdf(tmp_path):
    tree = [PAGE[0], b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << >> >>", PAGE[2]]
    assert _doc(tmp_path, tree + [b"<< >>"]) is None


def test_an_array_of_contents_is_joined_as_pypdf_joins_it(tmp_path):
    page = PAGE[2].replace(b">>", b"/Contents [5 0 R 6 0 R] >>")
    doc = _doc(tmp_path, PAGE[:2] + [page, b"<< >>", b"<< /Length 3 >>\nstream\n0 g\nendstream",
                                     b"<< /Length 4 >>\nstream\n1 g\n\nendstream"])
    from pypdf import PdfReader
    want = PdfReader(tmp_path / "t.pdf").pages[0].get_contents().get_data()
    assert pdfread.contents(doc, doc.pages[0]).get_data() == want == b"0 g\n1 g\n"


def test_a_file_pdfread_stops_at_is_preflighted_by_pypdf(tmp_path):
    content = b"/Im1 Do"
    objs = [PAGE[0], PAGE[1],
            PAGE[2].replace(b">>", b"/BleedBox [0 0 10 10] /TrimBox [0 0 10 10] /Contents 5 0 R >>"),
            b"<< /XObject << /Im1 6 0 R >> >>", b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
            b" /Length 1 /Filter /ASCIIHexDecode >>\nstream\n0\nendstream"]
    path = tmp_path / "t.pdf"
    path.write_bytes(_plain_pdf(objs))
    assert pdfread.open_plain(path) is not None and plain_report(path) is None
    assert checks.preflight(path) == pypdf_report(path)


def test_nul_between_numbers_is_white_space_and_nothing_odd_raises(tmp_path):
    """NUL separates numbers as a space does (PDF white space); a file whose trailer or page
    tree cannot be read for any reason is pypdf's, never an exception."""
    doc = _doc(tmp_path, PAGE + [b"<< /W [1\x002 3] >>"])
    assert doc.pages[0]["/Resources"]["/W"] == [1, 2, 3]
    path = tmp_path / "broken.pdf"
    path.write_bytes(_plain_pdf(PAGE + [b"<< >>"]).replace(b"/Count 1", b"/Count \x00"))
    pdfread.open_plain(path)                             # a Document or None, never raises
    assert checks.preflight(path).checks
