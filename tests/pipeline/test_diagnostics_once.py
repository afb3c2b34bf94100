"""The same diagnostic never appears twice in what a stage returns (the CLI hides nothing)."""
import shutil
from collections import Counter
from pathlib import Path

import pytest

from layout.pipeline import run

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = [ROOT / "editions/shijingshan/2020-02-24", ROOT / "bench/peer/2020-03-02",
            ROOT / "tests/fixtures/minimal/2020-02-24",
            *sorted(p.parent for p in (ROOT / "tests").glob("bad_editions*/*/edition.yaml"))]


def repeated(diags):
    return [str(d) for d, n in Counter(diags).items() if n > 1]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_diagnostic_twice(edition, monkeypatch):
    monkeypatch.setenv("NEWSPRINT_ROOT", str(ROOT))      # the corpora's paper is in tests/fixtures
    loaded = run.load(edition)
    assert not repeated(loaded.diagnostics)
    if loaded.ok:
        assert not repeated(run.make_up(loaded).diagnostics)


def test_a_problem_in_two_headline_lines_is_two_places(tmp_path):
    shutil.copytree(ROOT / "tests/fixtures/minimal", tmp_path / "minimal")
    path = tmp_path / "minimal/2020-02-24/edition.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("headline: [石景山区召开会议, 研究部署工作]",
                        'headline: ["石景山区\\u200b召开会议", "研究\\u200b部署工作"]')
    path.write_text(text, encoding="utf-8")
    loaded = run.load(path.parent)
    found = [d for d in loaded.diagnostics if d.code == "invisible-removed"]
    assert len(found) == 2 and found[0].pos != found[1].pos
