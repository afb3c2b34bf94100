"""The content scan's short cuts change nothing: operations split by one regular
expression read as token by token, operand text reads as parsed operands, and text
shows the walk skips (they cannot beat what was found) leave the same findings."""
from __future__ import annotations

import math
import random
from types import SimpleNamespace

from hypothesis import given, settings, strategies as st
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from layout.preflight import content_ops, scan
from layout.preflight.content_ops import fast_operations, numbers, operands, raw_operations
from layout.preflight.reader import PypdfReader

TOKENS = [b"0", b"1", b"-0", b"+0", b"-0.0", b"12.5", b".5", b"-.25", b"5.", b"007", b"1e3", b"1.2.3", b"+-1",
          b"9" * 400, b"9" * 400 + b".5", b"9" * 4301, b"/F1", b"/A#20B", b"/A#2", b"/", b"/\xe4\xb8\xad",
          b"(s)", b"(a[b)", b"(a\\)b)", b"(nested (x))", b"<41 42>", b"<<", b">>", b"[", b"]", b"{", b"}",
          b"%c\n", b"q", b"Q", b"cm", b"Tj", b"TJ", b"Td", b"Tm", b"Tf", b"k", b"re", b"f", b"'", b'"', b"T*",
          b"true", b"null", b"BI", b"ID", b"EI", b"d0", b"#", b"\x80", b")"]
GAPS = [b" ", b"", b"\n", b"\r\n", b"\x00", b"\t", b"\x0c", b"  "]


def token_by_token(data: bytes):
    """What the reader gave before the split existed: its token loop, operands parsed."""
    read = content_ops._tokens(data)
    return None if read is None or read[1] else read[0]


def _same(a, b) -> bool:
    return repr(a) == repr(b)              # -0.0 is not 0.0 here


def _outcome(read, data):
    try:
        return read(data)
    except ValueError as exc:              # an integer too long for int(): raised as before
        return repr(exc)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(GAPS)), max_size=30))
def test_split_operations_read_as_token_by_token(parts):
    data = b"".join(t + g for t, g in parts)
    assert _same(_outcome(fast_operations, data), _outcome(token_by_token, data))


def test_the_split_takes_our_plates_and_steps_aside_for_the_rest():
    plate = b"q 1 0 0 1 0 0 cm BT 1 0 0 1 9.5 -20 Tm /F1+0 9 Tf 10.8 TL (\\001\\002) Tj 9.4 0 Td (!\"#) Tj ET Q\n"
    ops = raw_operations(plate)
    assert [op for _, op in ops] == [b"q", b"cm", b"BT", b"Tm", b"Tf", b"TL", b"Tj", b"Td", b"Tj", b"ET", b"Q"]
    assert all(isinstance(args, bytes) for args, _ in ops)          # operands kept as their text
    deep = b"[[[[1]]]] 0 d /PANTONE#20485#20C CS"                     # read token by token
    assert raw_operations(deep) == [([[[[[1]]]], 0], b"d"), (["/PANTONE 485 C"], b"CS")]
    assert raw_operations(b"1 2 3") is None and raw_operations(b"BI /W 1 ID \x00 EI") is None


@given(st.lists(st.sampled_from([b"0", b"-0", b"+0", b"-00", b"-0.0", b"1", b"12.5", b".5", b"-.5", b"5.",
                                 b"+7", b"9" * 320, b"-" + b"9" * 320, b"9" * 320 + b".0", b"1" * 17]),
                max_size=7), st.sampled_from([b" ", b"\n", b"  "]))
def test_numbers_read_as_float_of_the_parsed_operands(nums, gap):
    args = gap + gap.join(nums) + gap
    try:
        expected = tuple(float(v) for v in operands(args))
    except OverflowError:
        expected = None                                   # the caller converts (and fails) itself
    assert _same(numbers(args), expected)


def test_numbers_refuse_what_is_not_all_numbers():
    assert numbers(b" /F1 9 ") is None and numbers(b"(1) 2") is None and numbers(b"1 %c\n") is None
    assert numbers([1, 2]) is None                        # pypdf's operands: converted by the caller
    assert numbers(b" ") == ()


# ---------------------------------------------------------------- the walk's skipped text shows

NUMS = ["0", "1", "-1", "0.5", "2", "-0", "-0.0", "0.001", "7", "1000", ".95", "9.5"]
TEXT_OPS = ["(x) Tj", "[(a) 1 (b)] TJ", "(y) '", "1 2 (z) \"", "T*", "BT", "ET", "q", "Q", "/F1 {} Tf",
            "/F1 {} Tf", "{} {} Td", "{} {} Td", "{} {} {} {} {} {} Tm", "1 0 0 1 {} {} Tm", "{} Tr",
            "{} {} {} {} k", ".95 .3 0 1 k", "0 0 0 1 k", "0 0 0 .5 k", "1 g", "(x) Tj", "(x) Tj"]
OTHER_OPS = ["/DeviceCMYK cs", "n", "{} {} {} {} {} {} cm", "{} {} {} {} {} Tm", "1 0 0 1 {} Tm", "{} {} TD", "{} TL",
             "{} {} {} {} K", "{} g", "{} {} {} rg", "{} {} {} {} scn", "{} w", "{} {} {} {} re f",
             "{} {} {} {} re S", "{} {} m {} {} l S"]


def _stream(rng) -> bytes:
    """Random operations and lines of text as a page sets them (BT Tm colour Tf Tj Td Tj ET)."""
    fill = lambda t: t.format(*(rng.choice(NUMS) for _ in range(6)))
    parts = []
    for _ in range(rng.randrange(30)):
        if rng.random() < 0.5:
            parts.append(fill(rng.choice(TEXT_OPS * 2 + OTHER_OPS)))
        else:
            parts.append(" ".join(fill(t) for t in ["BT", rng.choice(["1 0 0 1 {} {} Tm", "{} {} {} {} {} {} Tm", "1 0 0 1 {} Tm", ""]),
                                                    rng.choice(["0 0 0 1 k", "{} {} {} {} k", "{} g", ""]),
                                                    rng.choice(["/F1 9 Tf", "/F1 {} Tf", ""]), "(x) Tj",
                                                    rng.choice(["{} {} Td", "T*", ""]), "(x) Tj", "ET"]))
            if rng.random() < 0.3:
                parts[-1] = "q " + parts[-1] + " Q"
    return " ".join(parts).encode()


# a pypdf reader of loose content streams (no file around them)
_STREAMS_ONLY = PypdfReader(SimpleNamespace(pages=[], trailer={}))


def _findings(data: bytes, area) -> tuple:
    stream = DecodedStreamObject()
    stream.set_data(data)
    found = scan.Findings()
    try:
        scan.PageScan(_STREAMS_ONLY, 0, area, found).walk(stream, DictionaryObject(), scan.GraphicsState())
        stopped = None
    except Exception as exc:                           # what stopped the walk counts too
        stopped = repr(exc)
    return repr((found.rgb, found.rich_black, found.max_ink, found.min_text, found.min_rule)), stopped


def test_skipped_text_shows_change_no_finding(monkeypatch):
    rng = random.Random(5)
    streams = [(_stream(rng), rng.choice([(0, 0, 300, 400), (50, 50, 60, 60), (-5, -5, 1, 1)])) for _ in range(1500)]
    quick = [_findings(data, area) for data, area in streams]
    real = scan.PageScan._text_bar
    monkeypatch.setattr(scan.PageScan, "_text_bar",             # every show measured
                        lambda self, gs, tm: (real(self, gs, tm), (0.0, math.inf))[1])
    every = [_findings(data, area) for data, area in streams]
    assert quick == every
    assert sum(stopped is None for _, stopped in quick) > 300     # and the others stop somewhere


def test_a_page_of_repeated_lines_measures_few_shows(monkeypatch):
    lines = b"".join(b"BT 1 0 0 1 0 0 Tm 0 0 0 1 k 1 0 0 1 %d 700 Tm /F1 9 Tf 10.8 TL (ab) Tj 9 0 Td (c) Tj ET\n"
                     % x for x in range(40, 240))
    measured = []
    real = scan.PageScan._text
    monkeypatch.setattr(scan.PageScan, "_text", lambda self, gs, tm: (measured.append(1), real(self, gs, tm)))
    stream = DecodedStreamObject()
    stream.set_data(lines)
    found = scan.Findings()
    scan.PageScan(_STREAMS_ONLY, 0, (0, 0, 300, 800), found).walk(stream, DictionaryObject({NameObject("/Font"): {}}),
                                                            scan.GraphicsState())
    assert found.min_text == (9.0, 0) and found.max_ink[0] == 100
    assert len(measured) == 1                          # the first show; the other 399 cannot beat it


def test_blanks_before_something_unreadable_take_no_backtracking():
    # the token pattern once backtracked through every split of a run of blanks
    # (2^n); 200 blanks would not have finished
    for data in (b" " * 200 + b"{", b"q" + b" \n" * 200 + b"<< >> BDC", b"%c\n" * 100 + b"\x80"):
        assert raw_operations(data) is None and content_ops._tokens(data) is None
