"""End to end: build the sample edition and check the PDF itself."""
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml

from layout.cli import main
from layout.compose import normalize_text
from layout.preflight import preflight

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "editions" / "shijingshan" / "2020-02-24"
SEED = ROOT / "tests" / "data" / "seed" / "front-page-1892.yaml"     # a copy of the shared seed
MM = 72 / 25.4
WS = re.compile(r"\s+")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(EDITION), "-o", str(out), "--quiet"]) == 0
    folder = out / "shijingshan" / "2020-02-24"
    return folder


@pytest.fixture(scope="module")
def page_texts(built):
    pdf = pdfium.PdfDocument(str(built / "shijingshan-2020-02-24.pdf"))
    try:
        return [WS.sub("", pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()


def edition_articles():
    """(page number, article as a dict) as loaded: copy from the YAML and the story files."""
    from layout.edition import load_edition

    edition, diags = load_edition(EDITION)
    assert edition is not None, [str(d) for d in diags]
    for page in edition.pages:
        for art in page.articles:
            yield page.number, {"id": art.id, "paragraphs": [p.text for p in art.paragraphs],
                                "headline": list(art.headline), "continues_on": art.continues_on}


def norm(text):
    return WS.sub("", normalize_text(text, ascii_punct=True)[0])


def test_files_one_plate_per_page(built):
    names = sorted(p.name for p in built.glob("*.pdf"))
    assert names == ["shijingshan-2020-02-24-p1.pdf", "shijingshan-2020-02-24-p2.pdf",
                     "shijingshan-2020-02-24-p3.pdf", "shijingshan-2020-02-24-p4.pdf",
                     "shijingshan-2020-02-24.pdf"]
    assert (built / "shijingshan-2020-02-24-copyfit.json").is_file()
    assert not list(built.glob(".*tmp"))
    pdf = pdfium.PdfDocument(str(built / "shijingshan-2020-02-24.pdf"))
    assert len(pdf) == 4
    pdf.close()


def test_front_page_furniture(page_texts):
    p1 = page_texts[0]
    assert "石景山报" in p1
    assert "2020年2月24日星期一第15期（总第1892期）本期4版" in p1
    assert "服务热线" in p1 and "●区政府：12345" in p1 and "●供电：95598" in p1


def test_every_paragraph_is_printed_in_order(page_texts):
    """Each paragraph is one run of text on its page, or two runs joined by the jump lines."""
    whole = "".join(page_texts)
    for number, art in edition_articles():
        paras = [norm(p) for p in art.get("paragraphs") or []]
        for para in paras:
            if para in page_texts[number - 1]:
                continue
            # split by a jump: head ends the page-1 part before （下转N版）, tail follows （上接N版）
            target = art.get("continues_on")
            assert target, f"{art['id']}: paragraph not found: {para[:20]}…"
            ok = any(para[:k] + f"（下转{target}版）" in page_texts[number - 1]
                     and re.search(re.escape(f"（上接{number}版）") + re.escape(para[k:]), page_texts[target - 1])
                     for k in range(1, len(para)))
            if not ok:   # whole paragraph on the continuation page
                ok = re.search(re.escape(para), page_texts[target - 1]) is not None
            assert ok, f"{art['id']}: paragraph not printed whole and in order: {para[:20]}…"
        assert all(norm(h) in whole for h in (art.get("headline") or []) if isinstance(art.get("headline"), list))


def test_every_seed_paragraph_is_in_the_printed_page_one(page_texts):
    """The seed's paragraphs are page 1's (so the test above prints every one of them)."""
    seed = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    page1 = {p for number, art in edition_articles() if number == 1 for p in art.get("paragraphs") or []}
    count = 0
    for art in seed["articles"]:
        for para in art["paragraphs"]:
            assert para in page1, para[:20]
            count += 1
    assert count >= 20


def test_fonts_embedded_and_boxes_and_colour(built):
    for pdf in sorted(built.glob("*.pdf")):
        report = preflight(pdf)
        assert report.passed, str(report)
        for name in ("fonts-embedded", "no-rgb", "no-rich-black-text", "page-boxes", "ink-limit"):
            assert report.check(name).passed
    from pypdf import PdfReader

    reader = PdfReader(str(built / "shijingshan-2020-02-24-p1.pdf"))
    page = reader.pages[0]
    trim = [float(v) for v in page["/TrimBox"]]
    bleed = [float(v) for v in page["/BleedBox"]]
    assert (trim[2] - trim[0]) / MM == pytest.approx(275, abs=0.01)
    assert (trim[3] - trim[1]) / MM == pytest.approx(390, abs=0.01)
    assert (trim[0] - bleed[0]) / MM == pytest.approx(3, abs=0.01)


def overlapping_glyphs(pdf_path, limit=0.3):
    """Pairs of glyphs whose ink boxes overlap by more than `limit` pt both ways, per page."""
    found = []
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        for i in range(len(pdf)):
            tp = pdf[i].get_textpage()
            boxes = []
            for k in range(tp.count_chars()):
                ch = tp.get_text_range(k, 1)
                if not ch.strip():
                    continue
                l, b, r, t = tp.get_charbox(k)
                if r - l >= 0.2 and t - b >= 0.2:
                    boxes.append((ch, l, b, r, t))
            cells = defaultdict(list)
            for idx, (_, l, b, r, t) in enumerate(boxes):
                for cx in range(int(l // 20), int(r // 20) + 1):
                    for cy in range(int(b // 20), int(t // 20) + 1):
                        cells[cx, cy].append(idx)
            seen = set()
            for members in cells.values():
                for a_i, a in enumerate(members):
                    for b_i in members[a_i + 1:]:
                        _, l1, b1, r1, t1 = boxes[a]
                        _, l2, b2, r2, t2 = boxes[b_i]
                        if min(r1, r2) - max(l1, l2) > limit and min(t1, t2) - max(b1, b2) > limit \
                                and (a, b_i) not in seen:
                            seen.add((a, b_i))
                            found.append((i + 1, boxes[a][0], boxes[b_i][0]))
    finally:
        pdf.close()
    return found


def test_no_overlapping_glyphs(built):
    assert overlapping_glyphs(built / "shijingshan-2020-02-24.pdf") == []


def test_overlap_check_finds_overlapping_glyphs(tmp_path, built):
    """The check above can fail: two glyphs set 3 pt apart in a 9 pt font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from layout.fonts import FontSet

    font = FontSet.load().subset_for_embedding("noto-serif-sc-regular", "国家")
    pdfmetrics.registerFont(TTFont("OverlapTest", str(font)))
    bad = tmp_path / "bad.pdf"
    c = Canvas(str(bad))
    c.setFont("OverlapTest", 9)
    c.drawString(100, 100, "国")
    c.drawString(103, 100, "家")
    c.save()
    assert overlapping_glyphs(bad) == [(1, "国", "家")]


def test_build_is_deterministic(built, tmp_path):
    assert main(["build", str(EDITION), "-o", str(tmp_path), "--quiet"]) == 0
    again = tmp_path / "shijingshan" / "2020-02-24"
    for pdf in sorted(built.glob("*.pdf")):
        assert (again / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name


def test_cli_runs_as_a_module_and_check_passes():
    r = subprocess.run([sys.executable, "-m", "layout", "check", str(EDITION)],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "OK" in r.stdout
    assert "Traceback" not in r.stderr
