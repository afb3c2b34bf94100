"""Makeup's messages about a story file's text give the exact line:column of the character
in the story file (a paragraph spans lines; invisible characters taken out before it; a
verse stanza; after the byline set before paragraph 1), not the paragraph's first line plus
"at character N"."""
import pytest

from fixtures.builder import article, page, place, write_edition
from layout.pipeline import load, make_up


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


def made_with_story(tmp_path, story: str, kind="news"):
    lead = article("lead", "会议", kind=kind, story="stories/lead.txt", byline="本报讯",
                   place=place(1, 3, 1, 30))
    lead.pop("headline")
    folder = write_edition(tmp_path, [page(1, [lead])])
    (folder / "stories").mkdir()
    (folder / "stories" / "lead.txt").write_text(story, encoding="utf-8")
    return make_up(load(folder))


def found(result, code):
    return [(d.pos.path.rsplit("/", 1)[-1], d.pos.line, d.pos.col, d.message)
            for d in result.diagnostics if d.code == code]


def test_unpaired_quote_on_the_second_line_of_a_paragraph_of_the_first(tmp_path):
    result = made_with_story(tmp_path, "headline: 会议\n\n第一段，\n  他说:\"没有收尾。\n")
    ((name, line, col, message),) = found(result, "unpaired-quote")
    assert (name, line, col) == ("lead.txt", 4, 6)               # after the indent of 2 and 他说:
    assert "at character" not in message


def test_a_character_no_font_has_after_an_invisible_one_taken_out(tmp_path):
    result = made_with_story(tmp_path, "headline: 会议\n\n第一段。\n\n第二\u200b段有\U000F0001字。\n")
    ((name, line, col, _),) = found(result, "missing-glyph")
    assert (name, line, col) == ("lead.txt", 5, 6)               # the zero-width space counted as typed


def test_in_a_verse_stanza(tmp_path):
    result = made_with_story(tmp_path, "headline: 诗\n\n春风\n又绿\U000F0001江南岸\n", kind="verse")
    ((name, line, col, _),) = found(result, "missing-glyph")
    assert (name, line, col) == ("lead.txt", 4, 3)


def test_paragraphs_written_in_the_edition_file_keep_the_character_number(tmp_path):
    lead = article("lead", "会议", ["他说:\"没有收尾。"], place=place(1, 3, 1, 30))
    result = make_up(load(write_edition(tmp_path, [page(1, [lead])])))
    ((name, _, _, message),) = found(result, "unpaired-quote")
    assert name == "edition.yaml" and "at character 4" in message
