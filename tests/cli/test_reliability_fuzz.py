"""Property tests: mutated editions through `newsprint check` end in exit 0 or a clean exit 1,
never an exception; the composer, fed any Unicode (astral, controls, combining marks, RTL),
never raises and loses no character."""
from __future__ import annotations

import io
import re
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from fixtures.mutations import mutated
from layout.cli import main
from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph, normalize_text
from layout.fonts import FontSet

MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"
EDITION = "2020-02-24/edition.yaml"
FILES = (EDITION, "paper.yaml")

# ---------------------------------------------------------------- editions through the CLI

def check(folder: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", str(folder / EDITION)])
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_editions_end_in_ok_or_clean_errors(change):
    name, data = change
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "m"
        shutil.copytree(MINIMAL, folder)
        (folder / name).write_bytes(data)
        code, out, err = check(folder)
    event(f"exit {code}")
    assert "Traceback" not in err and "internal error" not in err, err
    assert code in (0, 1), err
    if code == 0:
        assert ": OK (" in out
    else:
        assert re.search(r"^\d+ error\(s\)$", err, re.M), err
        located = re.compile(r"^\S.*:\d+:\d+: (error|warning|info): |^\S+: (error|warning): ")
        assert all(located.match(line) or re.fullmatch(r"\d+ error\(s\)", line)
                   or line.startswith((" ", "newsprint: ")) for line in err.splitlines()), err


# ---------------------------------------------------------------- the composer, any text

FONTS = FontSet.load()
BODY = CharStyle(("noto-serif-sc-regular",), 9.0)
LEAD = CharStyle(("noto-sans-sc-bold", "noto-sans-sc-regular"), 9.0, tracking_em=0.05)

_CHUNKS = st.sampled_from([
    "石景山区召开会议", "，", "。", "“", "”", "——", "……", "（", "）", "12,345", "3.5%", " ",
    "\u3000", "\n", "\t", "\x07", "\x0b", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u202e",
    "e\u0301", "\u0301", "\u0363", "مرحبا", "שלום", "\u200f", "𠀀𠀁", "😀", "👩\u200d👩\u200d👧",
    "\ue000", "\U0002ebf0", "\U000e0041", "\ufffd", "\uffff", "한국어", "ｱｲｳ", "Ω", "ﬁ", '"', "(", ","])
_TEXT = st.lists(st.one_of(_CHUNKS, st.text(st.characters(blacklist_categories=("Cs",)), max_size=6)),
                 min_size=1, max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 6), st.sampled_from([20.0, 45.0, 90.0, 200.0]),
       st.sampled_from(["justify", "left", "center", "right"]),
       st.sampled_from(["quanjiao", "kaiming", "banjiao"]), st.booleans())
def test_composer_never_raises_and_loses_no_character(raw, lead, measure, align, punct, ascii):
    text, changes = normalize_text(raw, ascii_punct=ascii)
    removed = [c for c in changes if c.new == ""]
    assert len(text) == len(raw) - len(removed)              # only reported removals shorten it
    assert all(raw[c.index] == c.old for c in removed)
    spans = [Span(text[:lead], LEAD), Span(text[lead:], BODY)]
    para = ParaStyle(align=align, punctuation=punct, indent_em=2.0)
    composed = compose_paragraph(spans, measure, para, FONTS)
    glyphs = [g for line in composed.lines for g in line.glyphs]
    placed = {g.src for g in glyphs}
    missing = {m.index for m in composed.missing}
    for i, ch in enumerate(text):
        assert ch.isspace() or i in placed or i in missing, (i, ch, text)
    for g in glyphs:
        assert g.char == text[g.src]
        assert g.font or g.src in missing, g                  # no font: reported, never drawn
