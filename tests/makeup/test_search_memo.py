"""The makeup search's fast path (search_memo.MemoSearch, dead ends remembered) finds what
the plain search (auto._Search) finds, step for step: the same layout, and in every search
the same steps counted, groupings tried and makeups scored — on the sample without place:
(page 2 as its next-best variant) and on generated pages where the limits bite (seed 197: the step budget, MAX_ASSIGNMENTS
and MAX_SOLUTIONS; seed 112: the budget; seed 96: groupings cut off because their slots'
tops would meet, which the memo keys by what the earlier slots' groups decide)."""
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

from layout.makeup import auto, search_memo
from layout.makeup.dump import dump_layout
from layout.makeup.styles import COMPOSE_CACHE
from layout.pipeline import load, make_up

ROOT = Path(__file__).resolve().parents[2]
PLACE = re.compile(r"^[ ]*place: \{[^\n]*\}[^\n]*(\n|$)", re.M)


def _generator():
    spec = importlib.util.spec_from_file_location("makeup_editions", ROOT / "bench" / "makeup_editions.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["makeup_editions"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet
    return FontSet.load()


@pytest.fixture(scope="module")
def editions(tmp_path_factory, fonts):
    tmp = tmp_path_factory.mktemp("memo")
    sample = tmp / "shijingshan"
    shutil.copytree(ROOT / "editions" / "shijingshan", sample)
    ed = sample / "2020-02-24" / "edition.yaml"
    ed.write_text(PLACE.sub("", ed.read_text(encoding="utf-8")), encoding="utf-8")
    out = {"sample": (load(str(ed.parent), fonts), None, (2, 1))}     # page 2: its next-best makeup
    gen = _generator()
    root = gen.prepare_root(tmp / "gen")
    for seed in (197, 112, 96):
        spec = gen.generate_page(seed)
        out[f"seed {seed}"] = (load(str(gen.write_edition(spec, root)), fonts), {spec.number}, None)
    return out


def _made_up(loaded, only, variant, search, monkeypatch):
    """The layout and, per search run, (steps, groupings, makeups scored, best blocks)."""
    runs = []

    class Recorded(search):
        def run(self):
            best = super().run()
            runs.append((self.nodes, self.assignments, self.solutions, best,
                         sorted(score for score, _ in self.arrangements.values())))
            return best

    monkeypatch.setattr(search_memo, "MemoSearch", Recorded)
    COMPOSE_CACHE.clear()
    layout = make_up(loaded, only=only, variant=variant).layout
    return dump_layout(layout), runs


@pytest.mark.parametrize("name", ["sample", "seed 197", "seed 112", "seed 96"])
def test_memo_search_is_the_plain_search(editions, name, monkeypatch):
    loaded, only, variant = editions[name]
    fast = _made_up(loaded, only, variant, search_memo.MemoSearch, monkeypatch)
    plain = _made_up(loaded, only, variant, auto._Search, monkeypatch)
    assert fast[0] == plain[0]
    assert len(fast[1]) == len(plain[1]) > 0
    for f, p in zip(fast[1], plain[1]):
        assert f == p
    if name == "seed 197":     # the limits this page is chosen for do bite
        assert any(p[0] > auto.NODE_BUDGET for p in plain[1])
        assert any(p[1] >= auto.MAX_ASSIGNMENTS for p in plain[1])
        assert any(p[2] >= auto.MAX_SOLUTIONS for p in plain[1])
