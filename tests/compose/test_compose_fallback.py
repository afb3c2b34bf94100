"""Fallback fonts with the shipped fonts: each character from the first font of its chain
that has it; a character in no font is reported (compose, makeup, `newsprint check`)
and never drawn (no tofu)."""
import shutil
from pathlib import Path

import pytest

from layout.cli import main
from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph
from layout.edition import load_paper
from layout.fonts import FontSet
from layout.makeup.styles import line_runs

ROOT = Path(__file__).resolve().parents[2]
PAPER = ROOT / "editions" / "shijingshan" / "paper.yaml"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
NO_FONT = "\ua66e"       # ꙮ CYRILLIC LETTER MULTIOCULAR O: in none of the shipped fonts


@pytest.fixture(scope="module")
def fonts():
    return FontSet.load()


@pytest.fixture(scope="module")
def song():
    paper, diags = load_paper(PAPER)
    assert paper is not None, diags
    return CharStyle(tuple(paper.fonts["song"]), 9.0)


def glyph_fonts(fonts, style, text, measure=108.0):
    para = compose_paragraph([Span(text, style)], measure, ParaStyle(indent_em=0), fonts)
    return para, {g.char: g.font for ln in para.lines for g in ln.glyphs}


def test_the_sample_papers_song_chain_sets_hangul_in_the_serif_face(fonts, song):
    """Hangul inside Song text comes from Noto Serif CJK (a serif, like the text around it),
    not from the heavier Noto Sans further down the chain."""
    assert song.fonts[0] == "noto-serif-sc-regular"
    assert fonts.covers(song.fonts[0], "한")
    para, used = glyph_fonts(fonts, song, "她会说한국어，也会说汉语。")
    assert para.missing == ()
    assert {used[c] for c in "한국어"} == {"noto-serif-sc-regular"}
    assert used["汉"] == used["她"] == "noto-serif-sc-regular"


def test_rare_name_characters_come_from_the_body_face(fonts, song):
    para, used = glyph_fonts(fonts, song, "记者吉𠮷、王堃、李喆、周昇报道。")
    assert para.missing == ()
    for ch in "𠮷堃喆昇":
        assert used[ch] == "noto-serif-sc-regular", ch
    # 𠮷 is outside the BMP: one character, one glyph, one em
    g = next(g for ln in para.lines for g in ln.glyphs if g.char == "𠮷")
    assert g.advance == pytest.approx(9.0)


def test_a_latin_only_word_is_set_proportionally_from_the_body_face(fonts, song):
    para, used = glyph_fonts(fonts, song, "Shijingshan", measure=200.0)
    assert para.missing == () and set(used.values()) == {"noto-serif-sc-regular"}
    (line,) = para.lines
    widths = [g.advance for g in line.glyphs]
    assert len(set(round(w, 2) for w in widths)) > 3      # proportional, not monospaced
    assert sum(widths) < 0.75 * 9.0 * len(widths)


def test_a_character_in_no_font_is_missing_and_never_drawn(fonts, song):
    text = f"新冠{NO_FONT}病毒"
    para, used = glyph_fonts(fonts, song, text)
    assert [(m.char, m.index) for m in para.missing] == [(NO_FONT, 2)]
    assert used[NO_FONT] == ""
    (line,) = para.lines
    runs = line_runs(line, 0.0, 10.0)
    assert all(r.font for r in runs)
    assert "".join(r.chars for r in runs) == "新冠病毒"
    # its place is kept (the line does not close up over the hole)
    xs = {g.char: g.x for g in line.glyphs}
    assert xs["病"] - xs["冠"] > 1.5 * 9.0


def test_check_names_article_paragraph_character_and_code_point(tmp_path, capsys):
    dst = tmp_path / "minimal"
    shutil.copytree(MINIMAL, dst)
    ed = dst / "2020-02-24" / "edition.yaml"
    text = ed.read_text(encoding="utf-8")
    old = "          - 会议指出,要抓好落实。"
    assert old in text
    line = text[:text.index(old)].count("\n") + 1
    ed.write_text(text.replace(old, f"          - 会议指出,要抓好{NO_FONT}落实。"), encoding="utf-8")
    assert main(["check", str(ed)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    hits = [ln for ln in err.splitlines() if "U+A66E" in ln]
    assert len(hits) == 1, err
    assert f"edition.yaml:{line}:" in hits[0]
    assert "article lead-story, paragraph 2" in hits[0]
    assert f"'{NO_FONT}' (U+A66E)" in hits[0]
    assert "error" in hits[0]
