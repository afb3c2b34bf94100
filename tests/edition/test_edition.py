"""The edition stage: paper + edition YAML -> model, or diagnostics with file:line:col."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from fixtures.editing import edit  # noqa: F401
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.base.diagnostics import Diagnostic, has_errors
from layout.edition import check_placements, load_edition, load_paper
from layout.edition.model import Edition, Placement
from layout.edition.source import MAX_FILE_BYTES

TESTS = Path(__file__).parents[1]
MINIMAL = TESTS / "fixtures" / "minimal"
BAD = TESTS / "bad_editions"
EDITION = "2020-02-24/edition.yaml"
ROWS = 60          # rows per page used for the corpus' placement checks (see bad_editions/README.md)


def messages(diags) -> list[str]:
    return [str(d) for d in diags]


# ---------------------------------------------------------------- the valid fixture

def test_minimal_edition_loads_into_the_model():
    edition, diags = load_edition(MINIMAL / "2020-02-24")
    assert diags == (), messages(diags)
    assert isinstance(edition, Edition)
    assert edition.date == dt.date(2020, 2, 24) and edition.weekday == "星期一"
    assert (edition.issue, edition.total_issue, edition.lunar_date) == (15, 1892, "庚子年二月初二")
    assert [p.number for p in edition.pages] == [1, 2]
    lead = edition.article("lead-story")
    assert lead.headline == ("石景山区召开会议", "研究部署工作")
    assert lead.byline == "本报讯(记者李思婵)"                     # ASCII brackets kept
    assert [p.text for p in lead.paragraphs] == ["2月23日,区委召开会议。", "会议指出,要抓好落实。"]
    assert lead.place == Placement(1, 4, 1, 40, pos=lead.place.pos)
    assert (lead.place.pos.line, lead.place.pos.col) == (22, 16)
    assert lead.pos.path.endswith("edition.yaml") and lead.pos.line == 15
    assert (lead.body_columns, lead.continues_on, lead.boxed, lead.kind) == (3, 2, False, "news")
    commentary = edition.article("commentary")
    assert commentary.boxed is True and commentary.headline == ("拐点未到",)
    assert commentary.author == "本报评论员"
    photo = edition.article("photo-of-the-week")
    assert photo.headline == () and photo.paragraphs == ()
    assert os.path.isabs(photo.photo.file) and Path(photo.photo.file).is_file()
    assert (photo.photo.caption, photo.photo.credit, photo.photo.rows) == ("春天来了", "摄影: 王五", 10)
    brief = edition.article("brief-one")
    assert (brief.place.row, brief.place.rows) == (1, 0)
    (cont,) = edition.pages[1].continuations
    assert (cont.article_id, cont.headline, cont.place.span) == ("lead-story", "会议", 2)
    assert edition.pages[0].section == "要闻" and edition.pages[0].editor == "张三"
    assert Path(edition.dir) == (MINIMAL / "2020-02-24").resolve()


def test_minimal_paper_loads_into_the_model():
    paper, diags = load_paper(MINIMAL / "paper.yaml")
    assert diags == (), messages(diags)
    assert (paper.name, paper.slug, paper.bleed_mm) == ("测试报", "test-paper", 3)
    assert (paper.page.width_mm, paper.page.height_mm) == (275, 390)
    assert (paper.grid.columns, paper.grid.gutter_mm) == (6, 3)
    assert paper.fonts["kai"] == ("lxgw-wenkai-regular",)          # a single id is a chain of one
    assert paper.fonts["hei-bold"] == ("noto-sans-sc-bold", "noto-sans-sc-regular")
    red, grey = paper.colors["red"], paper.colors["grey"]
    assert (red.c, red.m, red.y, red.k) == (0, 1, 1, 0)              # 0..100 -> 0..1
    assert grey.k == pytest.approx(0.4) and grey.spot == "PANTONE Cool Gray 7 C"
    assert paper.colors["black"].k == 1                             # built in
    body = paper.styles["body"]
    assert (body.font, body.size_pt, body.leading_pt, body.indent_chars) == ("song", 9, 13.5, 2)
    assert paper.styles["headline"].min_size_pt == 18
    assert paper.styles["masthead_title"].tracking_em == 0.05
    assert paper.styles["credit"].color == "grey" and paper.styles["body"].color == "black"
    assert [(h.label, h.number) for h in paper.masthead.hotlines] == [("区政府", "12345"),
                                                                     ("供电", "95598")]
    assert paper.masthead.website_url == "http://example.org" and paper.masthead.logo == ""
    assert paper.folio.center == "第{page}版  {section}"
    assert paper.jump_to_format == "(下转{page}版)" and paper.punctuation == "quanjiao"


def test_minimal_placements_fit_and_do_not_overlap():
    edition, _ = load_edition(MINIMAL / EDITION)
    assert check_placements(edition, ROWS) == ()


# ---------------------------------------------------------------- the corpus of bad editions

_EXPECT = re.compile(r"^# expect: (?:([\w.-]+):)?(\d+):(\d+): (.+)$")


def _expectations(case: Path) -> list[tuple[str, int, int, str]]:
    text = (case / "edition.yaml").read_bytes().decode("utf-8", "replace")
    found = []
    for line in text.splitlines():
        match = _EXPECT.match(line)
        if match:
            file, row, col, fragment = match.groups()
            found.append((file or "edition.yaml", int(row), int(col), fragment))
    return found


CASES = sorted(p for p in BAD.iterdir() if p.is_dir())


def test_the_corpus_covers_the_required_cases():
    names = {p.name for p in CASES}
    for required in ("misspelt-key", "string-for-number", "missing-image", "overlapping-placements",
                     "outside-grid-columns", "outside-grid-rows", "weekday-contradicts-date",
                     "impossible-date", "page-count-mismatch", "duplicate-key", "tab-indentation",
                     "gbk-encoded", "yaml-syntax", "alias-bomb", "path-dotdot", "path-absolute",
                     "continuation-without-continues-on", "continues-on-without-continuation",
                     "unknown-font-role", "duplicate-article-id"):
        assert required in names


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_bad_edition_reports_the_expected_error(case):
    expected = _expectations(case)
    assert expected, f"{case.name}: no '# expect:' line"
    edition, diags = load_edition(case, root=TESTS)      # the corpus' paper is in tests/fixtures
    if edition is not None:
        diags += check_placements(edition, ROWS)
    assert has_errors(diags)
    for file, line, col, fragment in expected:
        hits = [d for d in diags if d.pos and Path(d.pos.path).resolve() == (case / file).resolve()
                and (d.pos.line, d.pos.col) == (line, col) and fragment in d.message]
        assert hits, f"expected {file}:{line}:{col}: {fragment}\ngot:\n" + "\n".join(messages(diags))
    assert len(diags) == len(expected), "extra diagnostics:\n" + "\n".join(messages(diags))


def test_message_format_is_file_line_col_severity(monkeypatch):
    monkeypatch.chdir(TESTS.parent)
    _, diags = load_edition("tests/bad_editions/misspelt-key", root=TESTS)
    assert str(diags[0]) == ("tests/bad_editions/misspelt-key/edition.yaml:12:9: error: "
                             "unknown key 'headlin' (did you mean 'headline'?)")
    assert diags[0].code == "unknown-key"
    monkeypatch.chdir(BAD / "misspelt-key")
    _, diags = load_edition("edition.yaml", root=TESTS)
    assert diags[0].pos.path == "edition.yaml"


# ---------------------------------------------------------------- cases built in tmp_path

def test_all_errors_are_reported_in_one_pass(copy):
    edit(copy, "issue: 15", "issue: abc")
    edit(copy, "headline: 拐点未到", "headlin: 拐点未到")
    edit(copy, "page_count: 2", "page_count: 3")
    edit(copy, "images/photo.png", "images/none.png")
    edit(copy, "size: 8}", "size: small}", file="paper.yaml")
    edition, diags = load_edition(copy / "2020-02-24")
    assert edition is None
    text = "\n".join(messages(diags))
    for fragment in ("issue: expected a whole number", "unknown key 'headlin'", "page_count: 3",
                     "'images/none.png' not found", "size: expected a number, got the string 'small'"):
        assert fragment in text
    assert [d.pos.line for d in diags if d.pos.path.endswith("edition.yaml")] == sorted(
        d.pos.line for d in diags if d.pos.path.endswith("edition.yaml"))


def test_file_larger_than_the_limit_is_refused(copy):
    path = copy / EDITION
    path.write_text(path.read_text(encoding="utf-8") + "#" * MAX_FILE_BYTES, encoding="utf-8")
    edition, diags = load_edition(path)
    assert edition is None and "larger than the limit of 2 MB" in diags[0].message


def test_article_text_larger_than_the_limit_is_refused(copy):
    edit(copy, "paragraphs: [一则简讯。]", "paragraphs: [" + "字" * 100_001 + "]")
    edition, diags = load_edition(copy / EDITION)
    assert edition is None
    assert any("more than the limit of 100000" in d.message and d.pos.line == 38 for d in diags)


def test_more_than_64_pages_is_refused(copy):
    pages = "".join(f"  - number: {n}\n" for n in range(3, 70))
    path = edit(copy, "page_count: 2", "page_count: 69")
    path.write_text(path.read_text(encoding="utf-8") + pages, encoding="utf-8")
    edition, diags = load_edition(path)
    assert edition is None and any("more than the limit of 64" in d.message for d in diags)


def test_symbolic_link_out_of_the_folders_is_refused(copy, tmp_path):
    outside = tmp_path / "secret.png"
    shutil.copy(copy / "2020-02-24/images/photo.png", outside)
    (copy / "2020-02-24/images/link.png").symlink_to(outside)
    edit(copy, "images/photo.png", "images/link.png")
    edition, diags = load_edition(copy / EDITION)
    assert edition is None
    assert "is a symbolic link to" in diags[0].message and str(outside) in diags[0].message


def test_photo_may_live_in_the_papers_folder(copy):
    (copy / "assets").mkdir()
    shutil.move(copy / "2020-02-24/images/photo.png", copy / "assets/standing.png")
    edit(copy, "images/photo.png", "../assets/standing.png")
    edition, diags = load_edition(copy / EDITION)
    assert diags == ()
    assert edition.article("photo-of-the-week").photo.file == str((copy / "assets/standing.png").resolve())


def test_logo_is_resolved_inside_the_papers_folder(copy):
    (copy / "assets").mkdir()
    shutil.copy(copy / "2020-02-24/images/photo.png", copy / "assets/logo.png")
    edit(copy, "logo: null", "logo: assets/logo.png", file="paper.yaml")
    paper, diags = load_paper(copy / "paper.yaml")
    assert diags == () and paper.masthead.logo == str((copy / "assets/logo.png").resolve())


def test_a_file_that_is_not_an_image_is_refused(copy):
    (copy / "2020-02-24/images/photo.png").write_text("not a picture")
    _, diags = load_edition(copy / EDITION)
    assert "is not an image file" in diags[0].message


def test_weekday_is_derived_when_omitted(copy):
    edit(copy, "date: 2020-02-24\nweekday: 星期一\n", "date: 2021-01-03\n")
    edit(copy, "lunar: 庚子年二月初二\n", "")
    edition, diags = load_edition(copy / EDITION)
    assert diags == () and edition.weekday == "星期日" and edition.lunar_date == "庚子年冬月二十"


def test_quoted_date_is_accepted_and_garbage_is_not(copy):
    edit(copy, "date: 2020-02-24", "date: '2020-02-24'")
    assert load_edition(copy / EDITION)[0].date == dt.date(2020, 2, 24)
    edit(copy, "date: '2020-02-24'", "date: next monday")
    _, diags = load_edition(copy / EDITION)
    assert "expected a date like 2020-02-24, got the string 'next monday'" in diags[0].message


def test_unknown_weekday_lists_the_allowed_names(copy):
    edit(copy, "weekday: 星期一", "weekday: 周一")
    _, diags = load_edition(copy / EDITION)
    assert "unknown value '周一'" in diags[0].message and "星期日" in diags[0].message


def test_quoted_number_gets_a_hint(copy):
    edit(copy, "total_issue: 1892", "total_issue: '1892'")
    _, diags = load_edition(copy / EDITION)
    assert diags[0].message == ("total_issue: expected a whole number, got the string '1892' "
                                "(remove the quotes)")


def test_text_fields_keep_the_characters_as_written(copy):
    edit(copy, "number: 95598", "number: 012345", file="paper.yaml")     # not octal 5349
    edit(copy, "author: 本报评论员", "author: '  本报 评论员 '")
    edition, diags = load_edition(copy / EDITION)
    assert diags == ()
    assert edition.paper.masthead.hotlines[1].number == "012345"
    assert edition.article("commentary").author == "  本报 评论员 "


def test_utf8_bom_is_accepted(copy):
    path = copy / EDITION
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    edition, diags = load_edition(path)
    assert diags == () and edition is not None


def test_utf16_file_is_recognised(copy):
    path = copy / EDITION
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    _, diags = load_edition(path)
    assert "looks like UTF-16" in diags[0].message


def test_missing_edition_and_paper_are_diagnostics(copy, tmp_path):
    _, diags = load_edition(tmp_path / "nowhere.yaml")
    assert diags[0].message == "file not found" and diags[0].pos.path.endswith("nowhere.yaml")
    (tmp_path / "empty").mkdir()
    _, diags = load_edition(tmp_path / "empty")                   # a folder without edition.yaml
    assert diags[0].message == "file not found" and diags[0].pos.path.endswith("edition.yaml")
    edit(copy, "paper: ../paper.yaml", "paper: ../papers.yaml")
    edition, diags = load_edition(copy / EDITION)
    assert edition is None
    assert (diags[0].pos.line, diags[0].pos.col) == (2, 8)
    assert "paper: file '../papers.yaml' not found" in diags[0].message


def test_duplicate_continuation_and_continuation_to_an_earlier_page(copy):
    edit(copy, "    continuations:\n", "    continuations:\n      - article: lead-story\n"
         "        headline: 又一\n        place: {column: 5, span: 2, row: 1, rows: 5}\n")
    _, diags = load_edition(copy / EDITION)
    assert [(d.pos.line, d.message) for d in diags] == [
        (47, "second continuation for article 'lead-story' on page 2 (first at 44:9)")]
    edit(copy, "continues_on: 2", "continues_on: 1")
    _, diags = load_edition(copy / EDITION)
    assert any("continues_on: page 1 is not after this article's page 1" in d.message for d in diags)


def test_ids_and_slugs_may_not_end_in_a_newline(copy):
    edit(copy, "id: brief-one", 'id: "brief-one\\n"')
    edit(copy, "slug: test-paper", 'slug: "test-paper\\n"', file="paper.yaml")
    _, diags = load_edition(copy / EDITION)
    assert sorted(d.code for d in diags) == ["article-id", "slug"]


def test_missing_styles_are_named(copy):
    edit(copy, "  hotline: {font: hei, size: 9}\n", "", file="paper.yaml")
    paper, diags = load_paper(copy / "paper.yaml")
    assert paper is None and "styles: missing hotline" in diags[0].message


def test_colour_values_must_be_four_numbers_in_0_to_100(copy):
    edit(copy, "cmyk: [0, 100, 100, 0]", "cmyk: [0, 100, 120]", file="paper.yaml")
    _, diags = load_paper(copy / "paper.yaml")
    assert "expected 4 numbers" in diags[0].message
    edit(copy, "cmyk: [0, 100, 120]", "cmyk: [0, 100, 120, 0]", file="paper.yaml")
    _, diags = load_paper(copy / "paper.yaml")
    assert "120 is out of range; must be between 0 and 100" in diags[0].message
    edit(copy, "cmyk: [0, 0, 0, 40]", "cmyk: []", file="paper.yaml")   # grey, used by a style
    _, diags = load_paper(copy / "paper.yaml")
    assert [d.message for d in diags][1:] == ["cmyk: expected 4 numbers (C, M, Y, K in 0..100), got 0"]


def test_the_documented_example_is_valid(tmp_path):
    doc = (TESTS.parent / "docs" / "edition-format.md").read_text(encoding="utf-8")
    example = doc[doc.index("## Complete example"):]
    paper, edition = re.findall(r"```yaml\n(.*?)```", example, re.S)[:2]
    (tmp_path / "paper.yaml").write_text(paper, encoding="utf-8")
    (tmp_path / "2020-02-24/images").mkdir(parents=True)
    (tmp_path / EDITION).write_text(edition, encoding="utf-8")
    shutil.copy(MINIMAL / "2020-02-24/images/photo.png", tmp_path / "2020-02-24/images/park-spring.png")
    loaded, diags = load_edition(tmp_path / "2020-02-24")
    assert diags == (), messages(diags)
    assert check_placements(loaded, 60) == ()
    assert loaded.article("commentary-inflection-point-not-yet").boxed


# ---------------------------------------------------------------- check_placements

def test_rows_per_page_may_differ_by_page():
    edition, _ = load_edition(MINIMAL / EDITION)
    diags = check_placements(edition, {1: 41, 2: 60})       # page 1: 42 rows used by the photo
    assert len(diags) == 1 and "photo-of-the-week" in diags[0].message
    assert "rows 31-42, outside the page's rows 1-41" in diags[0].message
    assert check_placements(edition, {2: 60}) == ()          # page 1 not checked for rows


def test_blocks_sized_from_content_are_not_checked_for_overlap(copy):
    edit(copy, "place: {column: 3, span: 2}", "place: {column: 1, span: 2}")
    edition, diags = load_edition(copy / EDITION)
    assert diags == () and check_placements(edition, ROWS) == ()
    edit(copy, "place: {column: 1, span: 2}", "place: {column: 1, span: 2, row: 15, rows: 10}")
    edition, _ = load_edition(copy / EDITION)
    (diag,) = check_placements(edition, ROWS)
    assert (diag.pos.line, diag.pos.col) == (46, 16)               # the later of the two
    assert diag.message == ("continuation of 'lead-story' overlaps article 'brief-one' (at 42:16) "
                            "on page 2: columns 1-2 and 1-2, rows 15-24 and 1-20")


# ---------------------------------------------------------------- never raises

_NOISE = st.text(alphabet=list(":-[]{}&*!|>'\"#,?% \n\t\\@`~") + ["标", "题", "\u3000", "\x00", "\ufeff"]
                 + list("abc019."), max_size=12)


@st.composite
def _mutated(draw):
    source = draw(st.sampled_from([EDITION, "paper.yaml"]))
    text = (MINIMAL / source).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        end = min(len(text), at + draw(st.integers(0, 30)))
        text = text[:at] + draw(_NOISE) + text[end:]
    return source, text


def _loads_or_reports(source: str, text: str) -> None:
    """A copy of the fixture with `source` replaced by `text` gives an Edition or errors."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "m"
        shutil.copytree(MINIMAL, folder)
        (folder / source).write_text(text, encoding="utf-8", errors="surrogatepass")
        edition, diags = load_edition(folder / EDITION)
        assert all(isinstance(d, Diagnostic) for d in diags)
        assert (edition is None) == has_errors(diags)
        if edition is not None:
            assert isinstance(edition, Edition)
            check_placements(edition, ROWS)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_mutated_yaml_never_raises(case):
    _loads_or_reports(*case)


_ANY_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 100) | st.floats(allow_nan=True)
    | st.text(max_size=6) | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6)


def _paths(value, prefix=()):
    yield prefix
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield from _paths(child, prefix + (key,))


@st.composite
def _retyped(draw):
    """The fixture with one value anywhere replaced by a value of any type."""
    source = draw(st.sampled_from([EDITION, "paper.yaml"]))
    data = yaml.safe_load((MINIMAL / source).read_text(encoding="utf-8"))
    path = draw(st.sampled_from(list(_paths(data))[1:]))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = draw(_ANY_VALUE)
    return source, yaml.safe_dump(data, allow_unicode=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_retyped())
def test_values_of_the_wrong_type_never_raise(case):
    _loads_or_reports(*case)
