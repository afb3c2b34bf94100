"""YAML syntax that silently takes text away from a text field (a ' #' comment after an
unquoted text, a tag or an anchor at its start) is reported where it is, with the fix."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from layout.base.diagnostics import Severity
from layout.edition import load_edition
from layout.edition import source
from layout.cli.messages import diag_message

MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"
SAMPLE = Path(__file__).parents[2] / "editions" / "shijingshan" / "2020-02-24"


@pytest.fixture
def edition(tmp_path):
    target = tmp_path / "minimal"
    shutil.copytree(MINIMAL, target)
    return target / "2020-02-24" / "edition.yaml"


def _set(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _eaten(path: Path):
    _, diags = load_edition(path)
    return [d for d in diags if d.code.startswith("yaml-eats-text")]


@pytest.fixture(params=["fast", "pure"])
def loader(request, monkeypatch):
    """Both YAML readers (libyaml under our composer, and PyYAML's) find the same."""
    if request.param == "pure":
        monkeypatch.setattr(source, "_FastLoader", None)
    elif source._FastLoader is None:
        pytest.skip("PyYAML without libyaml")
    return request.param


def test_hashtag_after_unquoted_headline_is_an_error(edition, loader):
    _set(edition, "headline: 拐点未到", "headline: 话题 #抗疫加油# 继续")
    (d,) = _eaten(edition)
    assert d.severity is Severity.ERROR
    assert "'#抗疫加油# 继续' as a comment" in d.message and 'quote the text ("…")' in d.message
    line = edition.read_text(encoding="utf-8").splitlines()[d.pos.line - 1]
    assert line[d.pos.col - 1:].startswith("#抗疫加油#")


def test_a_comment_written_as_a_comment_is_a_warning_with_both_fixes(edition, loader):
    _set(edition, "author: 本报评论员", "author: 本报评论员   # 待定")
    (d,) = _eaten(edition)
    assert d.severity is Severity.WARNING
    assert "on a line of its own" in d.message and "quote the text" in d.message


def test_quoted_and_block_text_keep_their_hash(edition, loader):
    _set(edition, "headline: 拐点未到", 'headline: "话题 #抗疫加油# 继续"')
    _set(edition, "paragraphs: [春风徐来。]", "paragraphs:\n          - |\n            春天 #来了#")
    edition_obj, diags = load_edition(edition)
    assert not [d for d in diags if d.code.startswith("yaml-eats-text")]
    assert edition_obj.article("commentary").headline[0] == "话题 #抗疫加油# 继续"


def test_tag_and_unused_anchor_at_the_start_are_errors(edition, loader):
    _set(edition, "lunar: 庚子年二月初二", "lunar: !foo bar")
    _set(edition, "author: 本报评论员", "author: &A 本报评论员")
    found = {d.message.split(" at the start")[0]: d for d in _eaten(edition)}
    assert set(found) == {"lunar: YAML reads '!foo'", "author: YAML reads '&A'"}
    assert all(d.severity is Severity.ERROR for d in found.values())


def test_an_anchor_used_by_an_alias_is_meant(edition, loader):
    _set(edition, "author: 本报评论员", "author: &cap 本报评论员")
    _set(edition, "section: 综合新闻", "section: *cap")
    assert _eaten(edition) == []


def test_names_and_paths_are_not_text_for_the_page(edition, loader):
    _set(edition, "kind: commentary", "kind: commentary   # 评论")
    assert _eaten(edition) == []


def test_next_line_hashtag_in_a_continued_paragraph(edition, loader):
    _set(edition, "- 会议指出,要抓好落实。", "- 会议指出,要抓好落实。\n            #抗疫# 会议指出")
    (d,) = _eaten(edition)
    assert "'#抗疫# 会议指出'" in d.message and d.severity is Severity.ERROR


def test_message_in_chinese(edition):
    _set(edition, "headline: 拐点未到", "headline: 话题 #抗疫加油#")
    (d,) = _eaten(edition)
    assert diag_message(d, "zh") == "headline：YAML 把“#抗疫加油#”当作注释，它不属于文字；要印出它，请给文字加引号（\"…\"）"


def test_the_sample_edition_has_nothing_eaten():
    assert _eaten(SAMPLE) == []
