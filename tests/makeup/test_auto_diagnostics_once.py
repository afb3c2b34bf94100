"""Automatic makeup (no place:) tries many arrangements of each page; what it returns still
names each problem once, for the best arrangement and for the next best ones (`place --variants`)."""
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from fixtures.builder import article, page, write_edition
from layout.pipeline import run

ROOT = Path(__file__).resolve().parents[2]
PLACE = re.compile(r"^[ ]*place: \{[^\n]*\}[^\n]*(\n|$)", re.M)
BODY = "石景山区各街道社区加强疫情防控工作，居民自觉配合测温登记。" * 6


def repeated(diags):
    return [str(d) for d, n in Counter(diags).items() if n > 1]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """A page of four articles without place:, one with an unpaired quote, one with an
    invisible character: two warnings that come from planning each article."""
    stories = [article("lead", ["区委召开常委会", "研究部署春季工作"], ['他说"今年的任务很重。' + BODY, BODY]),
               article("second", "社区防控不放松", [BODY, "居民\u200b自觉配合。" + BODY]),
               article("third", "春耕备耕忙", [BODY]),
               article("fourth", "图书馆恢复开放", [BODY[:60]])]
    folder = write_edition(tmp_path_factory.mktemp("auto"), [page(1, stories)], page_count=1)
    loaded = run.load(folder)
    assert loaded.ok, [str(d) for d in loaded.diagnostics]
    return loaded


@pytest.mark.parametrize("variant", [None, (1, 1), (1, 2)])
def test_each_warning_once_in_every_variant(loaded, variant):
    made = run.make_up(loaded, variant=variant)
    assert made.layout is not None and not repeated(made.diagnostics)
    codes = Counter(d.code for d in made.diagnostics)
    assert codes["unpaired-quote"] == 1, [str(d) for d in made.diagnostics if d.code == "unpaired-quote"]
    assert codes["invisible-removed"] == 1, [str(d) for d in made.diagnostics if d.code == "unpaired-quote"]


def test_the_sample_without_places_repeats_nothing(tmp_path):
    """The sample with one more unpaired quote: made up by hand and automatically, the same
    warnings about its text, each once."""
    def warnings(strip_places: bool):
        root = tmp_path / ("auto" if strip_places else "hand") / "shijingshan"
        shutil.copytree(ROOT / "editions" / "shijingshan", root)
        ed_file = root / "2020-02-24" / "edition.yaml"
        text = ed_file.read_text(encoding="utf-8").replace("。", '。"', 1)
        ed_file.write_text(PLACE.sub("", text) if strip_places else text, encoding="utf-8")
        made = run.make_up(run.load(ed_file.parent))
        assert made.layout is not None and not repeated(made.diagnostics)
        return [(d.code, d.message) for d in made.diagnostics   # lines move with place: gone
                if d.code in ("unpaired-quote", "normalised", "invisible-removed")]

    hand, auto = warnings(False), warnings(True)
    assert sum(code == "unpaired-quote" for code, *_ in hand) == 2
    assert Counter(auto) == Counter(hand)
