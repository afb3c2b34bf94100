"""The masthead's date line: the documented {lunar} placeholder takes the 农历 date (it was a
KeyError, exit 70), and without it the 农历 date follows the line, once either way."""
from fixtures.builder import article, page, place, write_edition
from layout.makeup.model import TextRun
from layout.pipeline import load, make_up

LEAD = article("lead", "标题", ["正文。"], place=place(1, 2, 1, 10))


def dateline_text(folder) -> str:
    made = make_up(load(folder))
    assert made.ok, [str(d) for d in made.diagnostics]
    texts = ["".join(r.chars for r in made.layout.pages[0].items if isinstance(r, TextRun)
                     and r.font and r.size_pt == 10.0 and abs(r.baseline - b) < 0.01)
             for b in {r.baseline for r in made.layout.pages[0].items
                       if isinstance(r, TextRun) and "年" in r.chars and r.size_pt == 10.0}]
    (line,) = texts
    return line


def test_the_lunar_placeholder_is_filled(tmp_path):
    folder = write_edition(tmp_path, [page(1, [LEAD])], lunar="庚子年二月初二",
                           paper={"masthead": {"dateline": "{year}年{month}月{day}日 农历{lunar} 第{issue}期"}})
    line = dateline_text(folder)
    assert line == "2020年2月24日 农历庚子年二月初二 第15期"     # spaces in the text layer too
    assert line.count("农历") == 1


def test_a_typed_lunar_with_its_own_nongli_is_not_doubled(tmp_path):
    folder = write_edition(tmp_path, [page(1, [LEAD])], lunar="农历庚子年二月初二",
                           paper={"masthead": {"dateline": "{year}年{month}月{day}日 农历{lunar}"}})
    assert dateline_text(folder) == "2020年2月24日 农历庚子年二月初二"


def test_without_the_placeholder_the_lunar_date_follows_the_line(tmp_path):
    folder = write_edition(tmp_path, [page(1, [LEAD])],
                           paper={"masthead": {"dateline": "{year}年{month}月{day}日 第{issue}期"}})
    assert dateline_text(folder) == "2020年2月24日 第15期  农历庚子年二月初二"   # computed from the date
