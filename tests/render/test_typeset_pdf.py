"""The sample edition's body text, read back from the PDF's own glyph positions (clreq).

Nothing here looks at the composer's output: glyphs come from PDFium (character,
origin, advance box, ink box, size), grouped into set lines by baseline and into
columns by the x-extent of the lines in each article's frame. The source text
tells where paragraphs end. Asserted: no line starts or ends with a prohibited
character, every non-final line of a justified paragraph is flush on both sides,
columns are whole characters wide, and body lines sit on the page's line grid.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from fixtures.pdfglyphs import END_PROHIBITED, START_PROHIBITED, G, SetLine, lines_of, read_glyphs  # noqa: F401
from layout.cli import main
from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_grid, make_up
from layout.makeup.styles import Typesetter

ROOT = Path(__file__).resolve().parents[2]
EDITION = ROOT / "editions" / "shijingshan" / "2020-02-24"
TOL = 0.05   # pt: coordinates written to and read back from the PDF

INK_LEFT_HALF = set("）］｝〕〉》」』】〙〗〟’”｠、，。．：；？！")   # set half-width at a line end
INK_RIGHT_HALF = set("（［｛〔〈《「『【〘〖〝‘“｟")
JUMP = re.compile(r"^（[上下][接转]\d+版）$")
SPACE = re.compile(r"\s+")


def slot(g: G) -> tuple[float, float]:
    """The part of the line a glyph may occupy: a full-width mark's blank half may be cut."""
    half = 0.5 * g.size
    if g.right - g.left < 0.75 * g.size:      # a proportional mark (e.g. the Kai face's “)
        return g.left, g.right
    if g.ch in INK_LEFT_HALF and g.ink_right <= g.left + half + TOL:
        return g.left, g.left + half
    if g.ch in INK_RIGHT_HALF and g.ink_left >= g.right - half - TOL:
        return g.right - half, g.right
    return g.left, g.right


def split_columns(lines: list[SetLine], em: float) -> list[tuple[float, float]]:
    """Columns: the x-extents left after taking the union of every line's glyph slots;
    a gap of at least ¾ em that no line crosses is a gutter."""
    spans = sorted(slot(g) for ln in lines for g in ln.glyphs)
    cols: list[list[float]] = []
    for l, r in spans:
        if cols and l < cols[-1][1] + 0.75 * em:
            cols[-1][1] = max(cols[-1][1], r)
        else:
            cols.append([l, r])
    return [(l, r) for l, r in cols]


def narrow(g: G) -> bool:
    """A proportional glyph of a mark set in a full em (the Kai face's “ ”): the PDF's
    advance box is the glyph's, narrower than the em it is set in."""
    return g.right - g.left < 0.75 * g.size


def starts_at(g: G, x: float) -> bool:
    """A line's first glyph starts at x (an opening mark: its blank left half may be cut)."""
    if narrow(g) and g.ch in INK_RIGHT_HALF:     # drawn at the right of its em (or half em)
        return g.right - g.size - TOL <= x <= g.right - 0.5 * g.size + TOL and g.ink_left >= x - TOL
    lo, _ = slot(g)
    return g.left - TOL <= x <= lo + TOL and g.ink_left >= x - TOL


def ends_at(g: G, x: float) -> bool:
    """A line's last glyph ends at x (a closing mark or stop: set half-width, ink in the left half)."""
    if narrow(g) and g.ch in INK_LEFT_HALF:      # drawn at the left of its half em
        return g.right - TOL <= x <= g.left + 0.5 * g.size + TOL and g.ink_right <= x + TOL
    _, hi = slot(g)
    return hi - TOL <= x <= g.right + TOL and g.ink_right <= x + TOL


@dataclass
class Checked:
    article: str
    page: int
    cols: list[tuple[float, float]]
    lines: list[tuple[SetLine, int, bool, bool]]    # line, column, first of paragraph, last
    author: str = ""                                 # the signature line's text


def source_stream(ts: Typesetter, article) -> tuple[str, set[int], set[int]]:
    """The article's body as set (no spaces), with paragraph start and end offsets
    (the signature line, set flush right, counts as a paragraph of its own)."""
    text, starts, ends = "", set(), set()
    for i, p in enumerate(article.paragraphs):
        body = ts.text(p.text)
        if i == 0 and article.byline:
            body = ts.text(article.byline) + body
        starts.add(len(text))
        text += SPACE.sub("", body)
        ends.add(len(text))
    if article.author:
        starts.add(len(text))
        text += SPACE.sub("", ts.text(article.author))
        ends.add(len(text))
    return text, starts, ends


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    assert main(["build", str(EDITION), "-o", str(out), "--quiet"]) == 0
    pdf = out / "shijingshan" / "2020-02-24" / "shijingshan-2020-02-24.pdf"
    edition, diags = load_edition(EDITION)
    assert edition is not None, diags
    fonts = FontSet.load()
    layout = make_up(edition, fonts)      # only for the frames' rects (which glyphs are whose)
    ts = Typesetter(edition.paper, fonts)
    pages = read_glyphs(pdf)
    articles = {a.id: a for p in edition.pages for a in p.articles}
    checked: list[Checked] = []
    for pl, glyphs in zip(layout.pages, pages):
        for fr in pl.frames:
            if fr.kind not in ("article", "continuation"):
                continue
            art = articles[fr.id]
            role = "commentary" if art.kind == "commentary" else "body"
            em = edition.paper.styles[role].size_pt
            r = fr.rect
            mine = [g for g in glyphs if abs(g.size - em) < 0.01
                    and r.x - TOL <= (g.left + g.right) / 2 <= r.right + TOL
                    and r.y <= g.base <= r.bottom + TOL]
            lines = lines_of(mine)
            caption = ""
            if art.photo and fr.kind == "article":
                caption = SPACE.sub("", ts.text(art.photo.caption) + ts.text(art.photo.credit))
            lines = [ln for ln in lines if not (caption and ln.text in caption)]
            cols = split_columns(lines, em)
            lines = [SetLine(part, ln.base) for ln in lines for l, r in cols
                     if (part := [g for g in ln.glyphs if l - TOL <= (g.left + g.right) / 2 <= r + TOL])]
            checked.append(_match(ts, art, pl.number, cols, lines, em))
    return edition, layout, checked, pages


def _match(ts, art, page, cols, lines, em) -> Checked:
    """Put the frame's lines in reading order and find each in the source text."""
    stream, starts, ends = source_stream(ts, art)
    by_col = []
    for ln in lines:
        mid = (ln.glyphs[0].left + ln.glyphs[-1].right) / 2
        c = next(i for i, (l, r) in enumerate(cols) if l - TOL <= mid <= r + TOL)
        by_col.append((c, ln.base, ln))
    by_col.sort(key=lambda t: (t[0], t[1]))
    out = []
    pos = None
    for c, _, ln in by_col:
        if JUMP.match(ln.text):
            continue
        if pos is None:    # the first line: anywhere (a continuation starts mid-article)
            pos = stream.find(ln.text)
        assert stream[pos:pos + len(ln.text)] == ln.text, \
            f"page {page}, article {art.id}: line '{ln.text}' is not the next text ('{stream[pos:pos + 30]}…')"
        end = pos + len(ln.text)
        out.append((ln, c, pos in starts, end in ends))
        pos = end
    author = SPACE.sub("", ts.text(art.author)) if art.author else ""
    return Checked(art.id, page, cols, out, author)


def test_every_article_is_found(setting):
    edition, _, checked, _ = setting
    ids = {a.id for p in edition.pages for a in p.articles if a.kind not in ("ad", "index")}   # no body text
    assert {c.article for c in checked} == ids
    assert sum(len(c.lines) for c in checked) > 1000


def in_dotted_name(before: str, after: str) -> bool:
    """A break before the . or @ of a URL or e-mail address (a letter or digit on both sides):
    allowed there as the last resort (never after the period, where it reads as a full stop)."""
    return (after[:1] in (".", "@") and len(after) > 1 and after[1].isascii() and after[1].isalnum()
            and before[-1:].isascii() and before[-1:].isalnum())


def test_no_line_starts_or_ends_with_a_prohibited_character(setting):
    _, _, checked, _ = setting
    bad = [f"p{c.page} {c.article}: '{ln.text}'" for c in checked
           for (prev, *_), (ln, *_) in zip([(SetLine([G(" ", 0, 0, 0, 0, 0, 0)], 0),)] + c.lines, c.lines)
           if (ln.text[0] in START_PROHIBITED and not in_dotted_name(prev.text, ln.text))
           or ln.text[-1] in END_PROHIBITED]
    assert bad == []


def test_captions_keep_the_line_breaking_rules(setting):
    edition, layout, _, pages = setting
    ts = Typesetter(edition.paper, None)
    n = 0
    for page in edition.pages:
        for art in page.articles:
            if art.photo and art.photo.caption:
                cap = SPACE.sub("", ts.text(art.photo.caption) + ts.text(art.photo.credit))
                r = next(f.rect for f in layout.pages[page.number - 1].frames if f.id == art.id)
                mine = [g for g in pages[page.number - 1]            # this block's glyphs only: its
                        if r.x - TOL <= (g.left + g.right) / 2 <= r.right + TOL   # caption shares
                        and r.y <= g.base <= r.bottom + TOL]        # baselines with the next column
                for ln in lines_of(mine):
                    if len(ln.text) > 3 and ln.text in cap:
                        n += 1
                        assert ln.text[0] not in START_PROHIBITED and ln.text[-1] not in END_PROHIBITED
    assert n >= 3


def test_justified_lines_are_flush_on_both_sides(setting):
    edition, _, checked, _ = setting
    bad = []
    n = 0
    for c in checked:
        art = next(a for p in edition.pages for a in p.articles if a.id == c.article)
        role = "commentary" if art.kind == "commentary" else "body"
        st = edition.paper.styles[role]
        for ln, col, first, last in c.lines:
            left, right = c.cols[col]
            if last:
                continue
            n += 1
            want = left + (st.indent_chars * st.size_pt if first else 0.0)
            g0, g1 = ln.glyphs[0], ln.glyphs[-1]
            if not (starts_at(g0, want) and ends_at(g1, right)):
                bad.append(f"p{c.page} {c.article} col {col + 1}: '{ln.text}' "
                           f"starts {g0.left - want:+.2f}, ends {g1.right - right:+.2f} pt")
    assert n > 1000
    assert bad == [], f"{len(bad)} of {n} lines not flush:\n" + "\n".join(bad[:20])


def test_columns_are_whole_characters_wide(setting):
    _, _, checked, _ = setting
    n = 0
    for c in checked:
        for col, (l, r) in enumerate(c.cols):
            justified = [ln for ln, k, _, last in c.lines if k == col and not last]
            if justified:
                chars = (r - l) / justified[0].glyphs[0].size
                assert abs(chars - round(chars)) < 0.01, (c.page, c.article, l, r)
                n += 1
    assert n > 30


def is_author(c: Checked, ln: SetLine) -> bool:
    return bool(c.author) and ln.text == c.author


def test_body_lines_sit_on_the_line_grid(setting):
    edition, _, checked, _ = setting
    grid = make_grid(edition.paper)
    body = edition.paper.styles["body"].size_pt
    first = grid.baseline(grid.area.y, body)
    n = 0
    for c in checked:
        heads = []
        for col in range(len(c.cols)):
            bases = [ln.base for ln, k, *_ in c.lines if k == col and not is_author(c, ln)]
            if not bases:
                continue
            heads.append(min(bases))   # the column's first line
            for b in bases:
                if abs(c.lines[0][0].glyphs[0].size - body) < 0.01:
                    off = (b - first) / grid.pitch
                    assert abs(off - round(off)) * grid.pitch < TOL, (c.page, c.article, b)
                    n += 1
        # neighbouring columns of a block start on the same line
        assert not heads or max(heads) - min(heads) < TOL, (c.page, c.article, heads)
    assert n > 1000


def test_dash_pairs_are_unbroken_two_em_lines_at_the_em_centre(setting):
    """—— (GB/T 15834): 2 em, one continuous stroke, at the height of the em box's centre
    (0.38 em above the baseline in the shipped CJK faces: ascender 0.88, descender 0.12)."""
    *_, pages = setting
    found, bad = 0, []
    for page_no, glyphs in enumerate(pages, 1):
        dashes = sorted((g for g in glyphs if g.ch in "—―"), key=lambda g: (round(g.base), g.left))
        for d1, d2 in zip(dashes, dashes[1:]):
            if abs(d1.base - d2.base) > 0.01 or d2.left > d1.right + 0.5 * d1.size:
                continue
            found += 1
            em = d1.size
            prev = max((g for g in glyphs if g.ch not in "—―" and g.right <= d1.left + TOL
                        and abs(g.base - d1.base) < 0.3 * em), key=lambda g: g.right)
            mid = (d1.ink_top + d1.ink_bottom) / 2
            problems = [what for what, ok in (
                ("gap", abs(d2.ink_left - d1.ink_right) < 0.02 * em),
                ("length", abs(d2.ink_right - d1.ink_left - 2 * em) < 0.02 * em),
                ("height", abs(mid - (prev.base - 0.38 * em)) < 0.04 * em)) if not ok]
            if problems:
                bad.append(f"p{page_no} after '{prev.ch}': {problems} ink {d1.ink_left:.2f}-{d1.ink_right:.2f}, "
                           f"{d2.ink_left:.2f}-{d2.ink_right:.2f}, centre {prev.base - mid:.2f} above the baseline")
    assert found >= 2
    assert bad == []


def _wide(ch: str) -> bool:
    return ord(ch) > 0x2E7F or ch in "“”‘’"


def _box(g: G) -> tuple[float, float]:
    """A glyph's advance box (a full-width mark's blank half belongs to it: a mid-line ，
    keeps its em); a quote drawn by a narrow glyph (the Kai face's “ is 0.35 em) is set in
    an em: an opening quote's glyph at its right, a closing one's at its left."""
    if narrow(g) and g.ch in "“‘":
        return g.right - g.size, g.right
    if narrow(g) and g.ch in "”’":
        return g.left, g.left + g.size
    return g.left, g.right


def _after_space(ts: Typesetter, article) -> tuple[str, set[int]]:
    """source_stream's text and the offsets in it of the characters a space preceded (a
    word space may widen past ½ em: the proof set bounds it)."""
    text, after = "", set()
    for i, p in enumerate(article.paragraphs):
        body = ts.text(p.text)
        if i == 0 and article.byline:
            body = ts.text(article.byline) + body
        gap = False
        for ch in body:
            if ch.isspace():
                gap = True
                continue
            if gap:
                after.add(len(text))
            text += ch
            gap = False
    return text, after


def test_no_justified_line_has_a_gap_wider_than_half_an_em(setting):
    """Issue 15: no justified line of the sample has a gap wider than ½ em between two
    characters (the natural ¼ em between Han and a Latin letter or digit not counted, nor
    a word space)."""
    edition, _, checked, _ = setting
    ts = Typesetter(edition.paper, None)
    articles = {a.id: a for p in edition.pages for a in p.articles}
    widest, where, n = 0.0, "", 0
    for c in checked:
        stream, after = _after_space(ts, articles[c.article])
        pos = None
        for ln, col, first, last in c.lines:
            pos = stream.find(ln.text, pos or 0) if pos is None else pos
            start, pos = pos, pos + len(ln.text)
            if last:
                continue
            n += 1
            for k, (a, b) in enumerate(zip(ln.glyphs, ln.glyphs[1:])):
                if start + k + 1 in after:
                    continue
                natural = 0.25 if (_wide(a.ch) != _wide(b.ch) and (a.ch + b.ch).isalnum()) else 0.0
                gap = (_box(b)[0] - _box(a)[1]) / a.size - natural
                if gap > widest:
                    widest, where = gap, f"p{c.page} {c.article}: '{ln.text}'"
    assert n > 1000
    assert widest <= 0.5 + 0.01, (round(widest, 3), where)


def test_the_columns_of_every_block_are_balanced(setting):
    """Issue 15 item 4, read back from the PDF: the body columns of every block hold line
    counts within one of each other, never a later column longer than an earlier one."""
    _, _, checked, _ = setting
    bad, n = [], 0
    for c in checked:
        counts = [0] * len(c.cols)
        for _, col, _, _ in c.lines:
            counts[col] += 1
        if len(counts) < 2:
            continue
        n += 1
        if max(counts) - min(counts) > 1 or any(a < b for a, b in zip(counts, counts[1:])):
            bad.append(f"p{c.page} {c.article}: {counts}")
    assert n >= 10
    assert bad == []
