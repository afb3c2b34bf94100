"""导读 (kind: index): the front page's box lists the inner pages' lead stories (or the ones
chosen) with 第N版, made from the edition at makeup, so a moved story moves in it too."""
from __future__ import annotations

from fixtures.builder import article, page, place, write_edition

from layout.cli import main
from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import TextRun

TEXT = ["本报讯 " + "社区志愿者坚守卡口，为居民测量体温、登记信息。" * 8]


def index_box(**fields) -> dict:
    return {"id": "daodu", "kind": "index", "place": place(5, 2, 1, 12), **fields}


def edition(tmp_path, pages_of: dict[str, int], index: dict, paper=None):
    """Page 1 with the 导读; each story on the page `pages_of` names (3 inner pages)."""
    pages = [page(1, [article("lead", "头条", TEXT, place=place(1, 4, 1, 30)), index])]
    for n in (2, 3, 4):
        arts = [article(i, f"{i}的标题", TEXT, place=place(1, 6, 1 + 10 * k, 10), short=f"{i}短题")
                for k, i in enumerate(i for i, p in pages_of.items() if p == n)]
        pages.append(page(n, arts, section=f"第{n}版"))
    return write_edition(tmp_path, pages, paper=paper or {})


def rows_of(layout, frame_id: str) -> list[str]:
    """The text of a frame's lines, top to bottom (runs on one baseline joined left to right)."""
    p1 = layout.pages[0]
    frame = next(f for f in p1.frames if f.id == frame_id)
    lines: dict[float, list[TextRun]] = {}
    for it in p1.items:
        if isinstance(it, TextRun) and frame.rect.x - 1 <= it.x <= frame.rect.right and \
                frame.rect.y <= it.baseline <= frame.rect.bottom:
            lines.setdefault(round(it.baseline, 2), []).append(it)
    return ["".join(r.chars for r in sorted(runs, key=lambda r: r.x)) for _, runs in sorted(lines.items())]


def made_up(folder):
    ed, diags = load_edition(folder)
    assert ed is not None, diags
    return make_up(ed, FontSet.load())


def test_every_inner_lead_with_its_page_and_a_moved_story_follows(tmp_path):
    folder = edition(tmp_path, {"alpha": 2, "beta": 2, "gamma": 3, "delta": 4}, index_box())
    rows = rows_of(made_up(folder), "daodu")
    assert rows[0] == "导读"                                   # the paper's default title
    assert rows[1:] == ["alpha短题第2版", "gamma短题第3版", "delta短题第4版"]   # leads only, in page order
    # the page number stands flush right in the box, the title flush left
    layout = made_up(folder)
    frame = next(f for f in layout.pages[0].frames if f.id == "daodu")
    label = next(r for r in layout.pages[0].items if isinstance(r, TextRun) and r.chars == "第2版")
    end = label.x + label.xs[-1] + label.size_pt
    assert frame.rect.right - 2 * label.size_pt < end <= frame.rect.right      # flush right, inside the box
    # gamma moves to page 4 (after delta): the index says so at the next makeup
    moved = edition(tmp_path / "moved", {"alpha": 2, "beta": 2, "delta": 4, "gamma": 4}, index_box())
    assert rows_of(made_up(moved), "daodu")[1:] == ["alpha短题第2版", "delta短题第4版"]
    chosen = edition(tmp_path / "chosen", {"alpha": 2, "beta": 2, "delta": 4, "gamma": 4},
                     index_box(stories=["gamma", "beta"], headline="本期导读"))
    assert rows_of(made_up(chosen), "daodu") == ["本期导读", "gamma短题第4版", "beta短题第2版"]


def test_paper_styles_the_index(tmp_path):
    paper = {"index": {"title": "今日导读", "page": "{page}版"},
             "styles": {"index": {"font": "hei", "size": 10, "leading": 13.5}}}
    layout = made_up(edition(tmp_path, {"alpha": 2}, index_box(), paper=paper))
    rows = rows_of(layout, "daodu")
    assert rows == ["今日导读", "alpha短题2版"]
    entry = next(r for r in layout.pages[0].items if isinstance(r, TextRun) and r.chars.startswith("alpha"))
    assert entry.size_pt == 10 and entry.font == "noto-sans-sc-regular"


def test_an_index_of_an_unknown_story_is_an_error_at_its_place(tmp_path, capsys):
    folder = edition(tmp_path, {"alpha": 2}, index_box(stories=["alpah"]))
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "index daodu: no article 'alpah' in the edition (did you mean 'alpha'?)" in err
    line = next(ln for ln in err.splitlines() if "alpah" in ln)
    row, col = map(int, line.split(": error:")[0].rsplit(":", 2)[1:])
    assert (folder / "edition.yaml").read_text(encoding="utf-8").splitlines()[row - 1][col - 1:].startswith("alpah")


def test_automatic_makeup_places_an_index_box(tmp_path):
    folder = edition(tmp_path, {"alpha": 2, "gamma": 3}, {"id": "daodu", "kind": "index"})
    layout = made_up(folder)
    placed = next(b for b in layout.pages[0].placements if b.article_id == "daodu")
    assert placed.automatic
    assert rows_of(layout, "daodu")[1:] == ["alpha短题第2版", "gamma短题第3版"]
