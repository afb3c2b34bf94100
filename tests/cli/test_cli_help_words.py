"""`--help` and usage errors in the locale's language: every command's and option's help
is a catalogue entry, and so are argparse's own words ("usage:", "options", "the following
arguments are required")."""
import argparse
import inspect

import pytest

from fixtures.words import english_words
from layout.base.catalogue import render
from layout.cli import main
from layout.cli.app import COMMANDS, make_parser
from layout.cli.arguments import ARGPARSE, argparse_words

NAMES = ["build", "check", "place", "preview", "preflight", "fonts", "watch", "serve", "new", "import"]


def helped(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_every_command_is_listed():
    assert len(COMMANDS) == len(NAMES)
    with argparse_words("en"):
        listed = make_parser()._subparsers._group_actions[0].choices
    assert list(listed) == NAMES


@pytest.mark.parametrize("command", [None, *NAMES])
def test_help_in_chinese_has_no_english_words(command, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    out = helped(capsys, *([command] if command else []))
    assert out.startswith("用法：newsprint") and "选项:" in out and "显示本帮助并退出" in out, out
    assert not english_words(out), (english_words(out), out)


@pytest.mark.parametrize("command", [None, *NAMES])
def test_help_in_english_is_english(command, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    out = helped(capsys, *([command] if command else []))
    assert out.startswith("usage: newsprint") and "options:" in out and "show this help message" in out
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in out), out


def test_every_option_has_help_and_every_command_a_description():
    with argparse_words("en"):
        parser = make_parser()
    commands = parser._subparsers._group_actions[0]
    for name, sub in commands.choices.items():
        assert sub.description, name
        for action in sub._actions:
            assert action.help, f"{name} {action.option_strings or action.dest}"


@pytest.mark.parametrize("argv, zh", [
    (["preview"], "newsprint preview：错误：缺少以下参数：EDITION"),
    (["preview", "x", "--page", "abc"], "newsprint preview：错误：参数 --page：“abc”不是整数"),
    (["bild"], "newsprint：错误：参数 COMMAND：无效的选择：'bild'"),
    (["check", "x", "--nonsense"], "newsprint：错误：无法识别的参数：--nonsense"),
    (["preflight", "x.pdf", "--ink-limit"], "newsprint preflight：错误：参数 --ink-limit：需要一个参数值"),
])
def test_usage_errors_in_chinese(argv, zh, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    with pytest.raises(SystemExit) as stop:
        main(argv)
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.startswith("用法：newsprint") and zh in err, err
    for given in argv:
        err = err.replace(given, "")
    assert not english_words(err), err


def test_argparse_is_given_back_its_own_words(monkeypatch, capsys):
    """Outside main(), argparse words its messages as it always does."""
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    helped(capsys)
    assert argparse._("usage: ") == "usage: "


def test_the_argparse_entries_are_argparses_own_message_ids():
    """Each English template is the message id argparse asks gettext for (a Python upgrade
    that rewords one shows here, not as an English line in Chinese help)."""
    source = inspect.getsource(argparse)
    for message, code in ARGPARSE.items():
        assert render(code, (), "en") == message
        assert repr(message)[1:-1] in source or message in source, message


def test_the_font_list_in_chinese(capsys, monkeypatch):
    """`newsprint fonts`: after each font's id and names, its coverage in Chinese."""
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert main(["fonts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 6 and all("GBK 汉字" in line and "个字形" in line for line in lines), lines
    for line in lines:
        figures = line[line.index("["):]
        assert not english_words(figures), line


def test_import_refusals_in_chinese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    missing = tmp_path / "nowhere.docx"
    assert main(["import", str(missing)]) == 1
    assert capsys.readouterr().err == f"newsprint：没有这个文件：{missing}；未写出任何文件\n"
    doc = tmp_path / "copy.txt"
    doc.write_text("标题\n\n正文一段。\n", encoding="utf-8")
    assert main(["import", str(doc), "--into", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "newsprint：--into 和 --page 要一起给出；未写出任何文件\n"
