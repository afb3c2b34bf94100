"""Page by page with errors that stop an edition loading: an unknown key or a bad value in
one page's part of the edition file, or in the story file of an article on that page,
holds up only that page (`check --page N`, `preview --page N`, the pipeline's
make_up_pages); YAML that does not parse holds up every page and says so; `build` still
refuses all of them."""
import shutil
from pathlib import Path

import pytest

from test_pagewise import PAPER_DIR, english, run  # noqa: F401  (English messages, a CLI run)


@pytest.fixture
def edition(tmp_path):
    dst = tmp_path / "shijingshan"
    shutil.copytree(PAPER_DIR, dst, ignore=shutil.ignore_patterns("*.py"))
    return dst / "2020-02-24"


def spoil(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# page 3's first article: an unknown key and a value of the wrong kind
UNKNOWN_KEY = ("      - id: classes-online\n        kind: news\n",
               "      - id: classes-online\n        kindd: news\n")
BAD_VALUE = ("      - id: classes-online\n        kind: news\n",
             "      - id: classes-online\n        kind: news\n        boxed: 很\n")


@pytest.mark.parametrize("change", [UNKNOWN_KEY, BAD_VALUE], ids=["unknown-key", "bad-value"])
def test_an_error_in_page_3s_articles_holds_up_page_3_only(capsys, edition, change, tmp_path):
    spoil(edition / "edition.yaml", *change)
    code, out, err = run(capsys, "check", edition, "--page", "1")
    assert code == 0, err
    assert "edition.yaml:" in err and "error" in err          # page 3's error is listed
    assert "page 1 made up" in out
    code, _, err = run(capsys, "check", edition, "--page", "3")
    assert code == 1 and "edition.yaml:" in err
    png = tmp_path / "p1.png"
    code, _, err = run(capsys, "preview", edition, "--page", "1", "--dpi", "20", "-o", png)
    assert code == 0 and png.read_bytes().startswith(b"\x89PNG"), err
    code, _, err = run(capsys, "build", edition, "-o", tmp_path / "out", "-q")
    assert code == 1 and not (tmp_path / "out").exists()


def test_pages_held_and_made_when_every_page_is_asked_for(edition):
    from layout.pipeline import load
    from layout.pipeline.pagewise import make_up_pages

    spoil(edition / "edition.yaml", *UNKNOWN_KEY)
    loaded = load(edition, partial=True)
    assert loaded.edition is not None and not loaded.ok
    assert load(edition).edition is None                        # build's load: nothing
    pages = make_up_pages(loaded, None)
    assert pages.made == (1, 2, 4) and list(pages.held) == [3]
    assert [d.code for d in pages.held[3]] == ["unknown-key"]
    assert [p.number for p in pages.layout.pages] == [1, 2, 4]


def test_an_error_in_a_story_file_belongs_to_the_page_of_its_article(capsys, edition):
    spoil(edition / "stories" / "classes-online.txt", "\nheadline: ", "\nheadlne: ")
    code, _, err = run(capsys, "check", edition, "--page", "1")
    assert code == 0 and "classes-online.txt:2:1: error: unknown key 'headlne'" in err
    code, _, err = run(capsys, "check", edition, "--page", "3")
    assert code == 1 and "classes-online.txt:2:1" in err


def test_yaml_that_does_not_parse_holds_up_every_page_and_says_so(capsys, edition, tmp_path):
    spoil(edition / "edition.yaml", "    section: 社区·民生\n", "    section: [社区·民生\n")
    for argv in (("check", edition, "--page", "1"),
                 ("preview", edition, "--page", "1", "--dpi", "20", "-o", tmp_path / "p1.png")):
        code, _, err = run(capsys, *argv)
        assert code == 1
        assert "YAML syntax" in err
        assert "every page waits for this error: it stops the edition from being read at all" in err
    assert not (tmp_path / "p1.png").exists()
    code, _, err = run(capsys, "check", edition, "--page", "1", "--json")
    assert code == 1
