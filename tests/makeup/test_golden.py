"""Golden layout dumps: the whole layout of three editions as text (layout.makeup.dump),
compared line by line. After an intended change of layout, regenerate them with
`python -m pytest tests/makeup/test_golden.py --update-golden` and review the diff."""
from pathlib import Path

import pytest

from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.dump import dump_layout

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parents[1] / "golden"
EDITIONS = {
    "sample": ROOT / "editions" / "shijingshan" / "2020-02-24",
    "peer": ROOT / "bench" / "peer" / "2020-03-02",
    "minimal": Path(__file__).parents[1] / "fixtures" / "minimal" / "2020-02-24",
}


@pytest.fixture(scope="module")
def fonts():
    return FontSet.load()


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_layout_matches_golden_dump(name, fonts, request):
    edition, diags = load_edition(str(EDITIONS[name]), font_ids=fonts.ids())
    assert edition is not None, [str(d) for d in diags]
    text = dump_layout(make_up(edition, fonts))
    golden = GOLDEN / f"{name}.txt"
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
        return
    assert golden.exists(), f"no golden dump {golden.name}: run with --update-golden"
    want = golden.read_text(encoding="utf-8")
    if text != want:
        import difflib
        diff = "".join(list(difflib.unified_diff(want.splitlines(True), text.splitlines(True),
                                                 f"golden/{name}.txt", "now", n=1))[:80])
        pytest.fail(f"layout of {name} differs from its golden dump:\n{diff}")


def test_dump_shows_every_frame_and_text_run(fonts):
    edition, _ = load_edition(str(EDITIONS["minimal"]), font_ids=fonts.ids())
    layout = make_up(edition, fonts)
    text = dump_layout(layout)
    frames = sum(len(p.frames) for p in layout.pages)
    runs = sum(1 for p in layout.pages for it in p.items if type(it).__name__ == "TextRun")
    assert text.count(" frame ") == frames
    assert text.count("  text ") == runs
    assert "lead-story" in text
