"""The editor's workbench on the CLI: preview --open, proof view, new edition, messages."""
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from PIL import Image

from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAPER_DIR = ROOT / "editions" / "shijingshan"
MM = 72 / 25.4


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Messages in English unless a test asks for Chinese."""
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


@pytest.fixture
def copy(tmp_path):
    dst = tmp_path / "shijingshan"
    shutil.copytree(PAPER_DIR, dst, ignore=shutil.ignore_patterns("*.py"))
    return dst / "2020-02-24" / "edition.yaml"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_preview_open_hands_the_png_to_the_viewer(capsys, copy, tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    seen = tmp_path / "opened.txt"
    viewer = bin_dir / "xdg-open"
    viewer.write_text(f'#!/bin/sh\necho "$1" > {seen}\n')
    viewer.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    png = tmp_path / "p4.png"
    code, out, err = run(capsys, "preview", copy, "--page", 4, "--dpi", 20, "-o", png, "--open")
    assert code == 0, err
    for _ in range(100):        # the viewer runs detached; wait for it (bounded)
        if seen.exists() and seen.read_text().strip():
            break
        time.sleep(0.05)
    assert seen.read_text().strip() == str(png)


def test_preview_open_without_a_viewer_is_no_error(capsys, copy, tmp_path, monkeypatch):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    png = tmp_path / "p4.png"
    code, out, err = run(capsys, "preview", copy, "--page", 4, "--dpi", 20, "-o", png, "--open")
    assert code == 0, err
    assert png.is_file()
    assert "no viewer" in err


def break_it(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _cmyk_ish(px) -> bool:
    """A proof colour on screen: cyan or magenta, clearly not grey."""
    r, g, b = px[:3]
    return max(r, g, b) - min(r, g, b) > 60


def test_proof_preview_draws_frames_in_proof_colour(capsys, copy, tmp_path):
    # make page 1's lead article overflow: its frame must turn magenta with 超出N字
    break_it(copy, "place: {column: 1, span: 4, row: 1, rows: 25}", "place: {column: 1, span: 4, row: 1, rows: 14}")
    plain, proof = tmp_path / "plain.png", tmp_path / "proof.png"
    dpi = 40
    assert run(capsys, "preview", copy, "--page", 1, "--dpi", dpi, "-o", plain)[0] == 0
    code, out, err = run(capsys, "preview", copy, "--page", 1, "--dpi", dpi, "-o", proof, "--proof")
    assert code == 0, err
    assert out.strip() == str(proof)
    from layout.pipeline import load, make_up
    page = make_up(load(str(copy)), only={1}).layout.pages[0]
    frame = next(f for f in page.frames if f.id == "epidemic-leading-group-31st-meeting")
    assert frame.overflow_chars > 0
    with Image.open(plain) as a, Image.open(proof) as b:
        assert a.size == b.size
        a, b = a.convert("RGB"), b.convert("RGB")
        s = dpi / 72
        # the frame's left edge, halfway down: plain page has no colour there, the proof has
        x, y = round(frame.rect.x * s), round((frame.rect.y + frame.rect.h / 2) * s)
        near = [(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-2, 0, 2)]
        assert not any(_cmyk_ish(a.getpixel(p)) for p in near)
        assert any(_cmyk_ish(b.getpixel(p)) for p in near)
        # overflow: magenta (red high, green low) along the frame's foot
        yb = round((frame.rect.bottom - 1) * s)
        foot = [b.getpixel((xx, yy)) for xx in range(round(frame.rect.x * s) + 5, round(frame.rect.right * s) - 5, 7)
                for yy in (yb - 1, yb)]
        assert sum(1 for r, g, bl in foot if r > 180 and g < 120) > len(foot) // 4
        assert not any(a.getpixel((xx, yb))[1] < 120 and a.getpixel((xx, yb))[0] > 180
                       for xx in range(round(frame.rect.x * s) + 5, round(frame.rect.right * s) - 5, 7))


def test_build_proof_is_a_separate_file_and_plates_are_unchanged(capsys, copy, tmp_path):
    import json

    out_b = tmp_path / "b"
    code, out, err = run(capsys, "build", copy, "-o", out_b, "--proof", "--json")
    assert code == 0, err
    report = json.loads(out)                     # --json: one object, nothing else on stdout
    assert report["ok"] is True and report["exit"] == 0 and report["command"] == "build"
    assert all(Path(p).is_file() for p in report["written"])
    assert len(report["preflight"]) == 5 and all(r["passed"] for r in report["preflight"])
    assert {c["name"] for c in report["preflight"][0]["checks"]} >= {"no-rgb", "fonts-embedded"}
    assert len(report["copyfit"]) >= 28 and {"article_id", "overflow_chars", "short_lines"} <= set(report["copyfit"][0])
    assert all(d["severity"] != "error" for d in report["diagnostics"])
    out = "\n".join(report["written"])
    # the plates as a build without --proof writes them
    from layout.pipeline import load, make_up
    from layout.press import write_edition
    made = make_up(load(str(copy)))
    da, db = tmp_path / "a", out_b / "shijingshan" / "2020-02-24"
    write_edition(made.layout, made.fonts, da)
    proof = db / "shijingshan-2020-02-24-proof.pdf"
    assert proof.is_file() and "proof" in out
    assert not (da / proof.name).exists()
    for plate in sorted(da.glob("*.pdf")):       # the printer's files: byte for byte the same
        assert (db / plate.name).read_bytes() == plate.read_bytes(), plate.name
    from layout.preflight import preflight
    report = preflight(proof)
    assert report.passed, str(report)          # CMYK only, fonts embedded: no RGB even in a proof
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(proof))
    try:
        assert len(pdf) == 4
        text = pdf[0].get_textpage().get_text_range()
        assert "epidemic-leading-group-31st-meeting" in text and "缺" in text
    finally:
        pdf.close()


def test_compose_cache_reused_by_a_second_make_up(copy):
    from layout.makeup import make_up
    from layout.makeup.styles import COMPOSE_CACHE
    from layout.pipeline import load

    loaded = load(str(copy))
    edition, fonts = loaded.edition, loaded.fonts
    COMPOSE_CACHE.clear()
    first = make_up(edition, fonts)
    composed = COMPOSE_CACHE.misses
    assert composed > 20 and COMPOSE_CACHE.hits < composed
    COMPOSE_CACHE.hits = COMPOSE_CACHE.misses = 0
    second = make_up(edition, fonts)
    assert COMPOSE_CACHE.misses == 0 and COMPOSE_CACHE.hits >= composed
    assert second.pages == first.pages and second.copyfit == first.copyfit
    # one paragraph edited: only it (and what its new length moves) is composed again
    break_it(copy.parent / "stories" / "checkpoint-volunteers-bajiao.txt", "63岁的退休教师马秀芬", "64岁的退休教师马秀芬")
    edition = load(str(copy), fonts).edition
    COMPOSE_CACHE.hits = COMPOSE_CACHE.misses = 0
    make_up(edition, fonts)
    assert 1 <= COMPOSE_CACHE.misses <= 3


def test_watch_rebuilds_after_a_change_and_reports_copyfit(capsys, copy, tmp_path):
    import threading

    png = tmp_path / "out" / "shijingshan" / "2020-02-24" / "preview-p1.png"
    edited = threading.Event()

    def editor():
        for _ in range(400):                 # wait (bounded) for the first build
            if png.exists():
                break
            time.sleep(0.05)
        time.sleep(0.3)
        break_it(copy, "place: {column: 1, span: 4, row: 1, rows: 25}",
                 "place: {column: 1, span: 4, row: 1, rows: 14}")
        edited.set()

    t = threading.Thread(target=editor, daemon=True)
    t.start()
    code, out, err = run(capsys, "watch", copy.parent, "--page", 1, "--dpi", 20, "-o", tmp_path / "out",
                         "--max-builds", 2, "--timeout", 25)
    t.join(5)
    assert code == 0, err
    assert edited.is_set()
    assert out.count("built (") == 2, out
    assert "edition.yaml" in out                 # the second build names the file that changed
    assert "copyfit changes:" in out
    assert re.search(r"epidemic-leading-group-31st-meeting: (fits|\d+ lines short ≈ \d+ chars) → \d+ chars over ≈ \d+ lines", out), out
    assert "watch stopped after 2 build(s)" in out


def test_new_edition_from_this_week(capsys, copy):
    import re
    import datetime as dt
    from layout.edition import load_edition

    nxt = copy.parent.parent / "2020-03-02"
    code, out, err = run(capsys, "new", nxt, "--from", copy.parent, "--keep", "jottings-video-new-year")
    assert code == 0, err
    assert "2020-03-02 Monday, issue 16 (total 1893)" in out
    target = nxt / "edition.yaml"
    text = target.read_text(encoding="utf-8")
    assert (nxt / "stories" / "jottings-video-new-year.txt").read_bytes() == \
        (copy.parent / "stories" / "jottings-video-new-year.txt").read_bytes()   # the kept story
    assert "\nlunar: '庚子年二月初九'\n" in text           # 农历 computed for the new date
    # check loads it and reports each placeholder with its place, exit 1
    code, out, err = run(capsys, "check", nxt)
    assert code == 1
    hits = re.findall(r"edition\.yaml:(\d+):(\d+): error: placeholder text not replaced", err)
    lines = text.splitlines()
    assert len(hits) == text.count("【待填写】") > 27 * 2
    for line, col in hits:
        assert lines[int(line) - 1][int(col) - 1:].startswith("【待填写】")
    # filled in: a valid next edition, same pages, placements and jumps
    target.write_text(text.replace("【待填写】", "本周稿件"), encoding="utf-8")
    code, out, err = run(capsys, "check", nxt)
    assert code == 0, err
    old, _ = load_edition(str(copy))
    new, _ = load_edition(str(nxt))
    assert new.date == old.date + dt.timedelta(days=7) and new.weekday == "星期一"
    assert (new.issue, new.total_issue) == (old.issue + 1, old.total_issue + 1)
    assert new.lunar_date == "庚子年二月初九"
    assert [(p.number, p.section, p.editor, p.art_editor) for p in new.pages] == \
           [(p.number, p.section, p.editor, p.art_editor) for p in old.pages]
    assert [[(_same_place(a.place), a.continues_on, a.kind if a.kind != "photo" else "news") for a in p.articles]
            for p in new.pages] == \
           [[(_same_place(a.place), a.continues_on, a.kind if a.kind != "photo" else "news") for a in p.articles]
            for p in old.pages]
    assert [[c.place.column for c in p.continuations] for p in new.pages] == \
           [[c.place.column for c in p.continuations] for p in old.pages]
    assert all(new.article(c.article_id) is not None for p in new.pages for c in p.continuations)
    kept = new.article("jottings-video-new-year")
    assert kept.paragraphs and kept.paragraphs[0].text == old.article("jottings-video-new-year").paragraphs[0].text
    assert not any(a.photo for p in new.pages for a in p.articles)
    # never overwrites
    code, _, err = run(capsys, "new", nxt, "--from", copy.parent)
    assert code == 1 and "exists" in err


def _same_place(place):
    from dataclasses import replace
    return replace(place, pos=None)


def test_new_refuses_a_broken_source_and_unknown_keep(capsys, copy):
    code, _, err = run(capsys, "new", copy.parent.parent / "x", "--from", copy.parent, "--keep", "no-such-article")
    assert code == 1 and "no-such-article" in err
    break_it(copy, "issue: 15", "issue: fifteen")
    code, _, err = run(capsys, "new", copy.parent.parent / "y", "--from", copy)
    assert code == 1 and "Nothing was written" in err
    assert not (copy.parent.parent / "y").exists()


# ---------------------------------------------------------------- messages, --json, --quiet

def test_messages_in_chinese_under_zh_cn(capsys, copy, monkeypatch):
    monkeypatch.delenv("LC_ALL")
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, err = run(capsys, "check", copy)
    assert code == 0 and "通过（4 版，30 篇稿件）" in out, out
    break_it(copy, "        headline: ['石景山区召开', '2020年", "        headlin: ['石景山区召开', '2020年")
    code, out, err = run(capsys, "check", copy)
    assert code == 1
    assert "错误: 未知的键“headlin”（是否应为“headline”？）" in err, err
    assert "处错误" in err
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, err = run(capsys, "check", copy)
    assert "error: unknown key 'headlin' (did you mean 'headline'?)" in err and "error(s)" in err


def test_overflow_and_preflight_words_in_chinese(capsys, copy, tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    break_it(copy, "place: {column: 1, span: 4, row: 1, rows: 25}", "place: {column: 1, span: 4, row: 1, rows: 14}")
    code, out, err = run(capsys, "check", copy, "--strict")
    assert code == 1
    assert re.search(r"警告: 稿件 epidemic-leading-group-31st-meeting：第1版超出\d+字（多 \d+ 行）", err), err
    assert "错误: 使用 --strict 时不允许超出" in err
    from reportlab.pdfgen import canvas
    bad = tmp_path / "rgb.pdf"
    c = canvas.Canvas(str(bad))
    c.setFillColorRGB(1, 0, 0)
    c.rect(10, 10, 50, 50, fill=1)
    c.save()
    code, out, err = run(capsys, "preflight", bad)
    assert code == 1 and "：未通过" in out.splitlines()[0] and "\n  未通过 无 RGB 颜色：1 页中有 1 页用了 RGB——第1页：rg 运算符" in out, out
    monkeypatch.setenv("LC_ALL", "C")
    code, out, err = run(capsys, "preflight", bad)
    assert ": FAIL" in out.splitlines()[0] and "\n  FAIL no-rgb" in out


def test_locale_precedence():      # the catalogue's entries: tests/base/test_catalogue.py
    from layout.cli.messages import language

    assert language({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert language({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert language({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"}) == "zh"
    assert language({}) == "en"


def test_check_json_and_quiet(capsys, copy):
    import json

    line = copy.read_text(encoding="utf-8").splitlines().index("issue: 15") + 1
    break_it(copy, "issue: 15", "issue: fifteen")
    code, out, err = run(capsys, "check", copy, "--json")
    assert code == 1 and err == ""
    report = json.loads(out)
    assert report["ok"] is False and report["exit"] == 1
    d = next(d for d in report["diagnostics"] if d["severity"] == "error")
    assert d["file"].endswith("edition.yaml") and d["line"] == line and d["col"] == 8
    assert d["code"] == "type" and "fifteen" in d["message"]
    break_it(copy, "issue: fifteen", "issue: 15")
    code, out, err = run(capsys, "check", copy, "--quiet")
    assert code == 0 and out == "" and "warning" not in err


def test_progress_line_on_stderr(capsys, monkeypatch):
    from types import SimpleNamespace
    from layout.cli.progress import Progress

    monkeypatch.setenv("NEWSPRINT_PROGRESS", "1")
    p = Progress(SimpleNamespace(quiet=False), after=0.0)
    p.step("step.preflight", i=2, n=5)
    p.done()
    assert "newsprint: preflight 2/5…" in capsys.readouterr().err
    p = Progress(SimpleNamespace(quiet=True), after=0.0)
    p.step("step.plates")
    p = Progress(SimpleNamespace(quiet=False), after=60.0)     # a quick build shows nothing
    p.step("step.plates")
    assert capsys.readouterr().err == ""


def test_fonts_missing_lists_characters_no_font_has(capsys, copy):
    code, out, err = run(capsys, "fonts", "--missing", copy)
    assert code == 0 and "0 character(s) no font has" in out
    break_it(copy.parent / "stories" / "checkpoint-volunteers-bajiao.txt", "63岁的退休教师马秀芬", "63岁的退休教师马秀\U000F0001芬")    # a private-use char: in no font
    code, out, err = run(capsys, "fonts", "--missing", copy)
    assert code == 1, err
    assert "U+F0001" in out and "1 character(s) no font has" in out
    code, out, err = run(capsys, "fonts")
    assert code == 0 and "noto-serif-sc-regular" in out
