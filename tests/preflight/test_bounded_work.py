"""Bounded work everywhere: pixel limits on images before decoding, bounds on --dpi,
--timeout and --ink-limit (usage errors, exit 2), and a budget of content operations and
form nesting in preflight (beyond it a FAIL "too complex to check", never a hang)."""
from __future__ import annotations

import shutil
import warnings
import zlib
from pathlib import Path

import pytest

import layout.preflight.rules as rules
import layout.preflight.scan as scan
from layout.cli import main
from layout.edition import load_edition
from layout.preflight import preflight

TESTS = Path(__file__).parents[1]
MINIMAL = TESTS / "fixtures" / "minimal"


# ------------------------------------------------------------ a PDF written by hand

def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (1-based numbers), object 1 the catalog, with a classic xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _fan_out(levels: int, fan: int) -> bytes:
    """A page drawing form F<levels>, each form F<k> drawing F<k-1> `fan` times: fan**levels
    rectangles from a file of a few KB."""
    box = b"[0 0 100 100]"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox %s /TrimBox %s /BleedBox %s "
               b"/Contents 4 0 R /Resources << /XObject << /F 5 0 R >> >> >>" % (box, box, box),
               _stream(b"/F Do")]
    for k in range(levels, -1, -1):                   # object 5 is F<levels>, the last F0
        number = len(objects) + 1
        if k == 0:
            objects.append(_stream(b"0 0 0 1 k 0 0 10 10 re f", b"/Type /XObject /Subtype /Form /BBox " + box))
        else:
            body = b" ".join([b"/G Do"] * fan)
            objects.append(_stream(body, b"/Type /XObject /Subtype /Form /BBox " + box
                                   + b" /Resources << /XObject << /G %d 0 R >> >>" % (number + 1)))
    return _pdf(objects)


def test_preflight_of_a_form_bomb_stops_at_its_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(rules, "MAX_OPERATIONS", 20_000)       # (the real budget: 2,000,000)
    monkeypatch.setattr(rules, "MAX_FORM_DRAWS", 10**9)
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_fan_out(9, 10))                           # 10**9 draws in a few KB
    assert bomb.stat().st_size < 4000
    report = preflight(str(bomb))
    check = report.check("bounded-work")
    assert not check.passed and not report.passed
    assert "too complex to check" in check.message and "20,000" in check.message


def test_forms_nested_past_the_limit_are_too_complex_not_skipped(tmp_path):
    deep = tmp_path / "deep.pdf"
    deep.write_bytes(_fan_out(scan.MAX_FORM_DEPTH + 3, 1))
    report = preflight(str(deep))
    check = report.check("bounded-work")
    assert not check.passed and "nested" in check.message and "too complex to check" in check.message


def test_an_ordinary_file_is_within_the_budget(tmp_path):
    ok = tmp_path / "ok.pdf"
    ok.write_bytes(_fan_out(3, 5))
    report = preflight(str(ok))
    assert report.check("bounded-work").passed


# ------------------------------------------------------------ images: pixels before decoding

def _png_header_only(path: Path, width: int, height: int) -> None:
    """A PNG whose header says width x height (grey) and whose data is a few bytes of a
    zlib stream of zeros: tiny on disk, huge decoded."""
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat)
                     + chunk(b"IEND", b""))


@pytest.mark.parametrize("side", [9000, 13_300])      # below and above Pillow's own bomb limit
def test_a_picture_of_too_many_pixels_is_refused_before_decoding(tmp_path, side, monkeypatch):
    import layout.edition.assets as assets

    copy = shutil.copytree(MINIMAL, tmp_path / "m")
    _png_header_only(copy / "2020-02-24" / "images" / "photo.png", side, side)
    decoded = []
    monkeypatch.setattr(assets, "_decode", lambda im: decoded.append(im.size))
    monkeypatch.setenv("NEWSPRINT_CACHE_DIR", str(tmp_path / "cache"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")                 # Pillow's DecompressionBombWarning
        edition, diags = load_edition(copy / "2020-02-24")
    assert edition is None and decoded == []
    (d,) = [d for d in diags if d.code == "image-too-big"]
    assert f"{side:,} × {side:,} pixels" in d.message and "megapixels" in d.message
    assert d.pos.line == 33


# ------------------------------------------------------------ bounds on the options

@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf", "100000", "2400", "x"])
def test_preview_dpi_out_of_bounds_is_a_usage_error(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["preview", str(MINIMAL / "2020-02-24"), "--dpi", value])
    assert exit_.value.code == 2
    assert "--dpi" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "-0.5"])
def test_watch_timeout_out_of_bounds_is_a_usage_error(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["watch", str(MINIMAL / "2020-02-24"), "--timeout", value])
    assert exit_.value.code == 2 and "--timeout" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["nan", "-1", "0", "1000"])
def test_preflight_ink_limit_out_of_bounds_is_a_usage_error(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["preflight", "x.pdf", "--ink-limit", value])
    assert exit_.value.code == 2 and "--ink-limit" in capsys.readouterr().err


def test_bounds_in_range_are_taken(tmp_path):
    png = tmp_path / "p.png"
    assert main(["preview", str(MINIMAL / "2020-02-24"), "--dpi", "20", "-o", str(png)]) == 0
    assert png.read_bytes()[:4] == b"\x89PNG"
