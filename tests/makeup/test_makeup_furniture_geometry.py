"""Geometry of the 报眼 on the sample edition's page 1: the hotline entries centred in
their box as one block, the QR code's caption centred under the code."""
from pathlib import Path

import pytest

from layout.edition import load_edition
from layout.fonts import FontSet
from layout.makeup import make_up
from layout.makeup.model import BoxItem, QRItem, TextRun

EDITION = Path(__file__).resolve().parents[2] / "editions" / "shijingshan" / "2020-02-24"


@pytest.fixture(scope="module")
def page1():
    edition, diags = load_edition(EDITION)
    assert edition is not None, diags
    fonts = FontSet.load()
    return edition, fonts, make_up(edition, fonts).pages[0]


def extent(runs, fonts):
    """Left of the first pen and right of the last advance over the runs."""
    left = min(r.x + r.xs[0] for r in runs)
    right = max(r.x + r.xs[-1] + fonts.advance(r.font, r.chars[-1]) * r.size_pt for r in runs)
    return left, right


def test_qr_caption_is_centred_under_the_code(page1):
    edition, fonts, page = page1
    qr = next(i for i in page.items if isinstance(i, QRItem))
    cap = [i for i in page.items if isinstance(i, TextRun) and i.chars == edition.paper.masthead.qr_caption]
    assert cap
    left, right = extent(cap, fonts)
    assert (left + right) / 2 == pytest.approx(qr.rect.x + qr.rect.w / 2, abs=0.3)


def test_hotline_entries_are_centred_in_their_box(page1):
    edition, fonts, page = page1
    mh = edition.paper.masthead
    box = next(i.rect for i in page.items if isinstance(i, BoxItem)
               and any(isinstance(t, TextRun) and t.chars == mh.hotline_title
                       and i.rect.x <= t.x <= i.rect.right and i.rect.y <= t.baseline <= i.rect.bottom
                       for t in page.items))
    inside = [t for t in page.items if isinstance(t, TextRun) and t.chars != mh.hotline_title
              and box.x <= t.x <= box.right and box.y <= t.baseline <= box.bottom]
    numbers = [t for t in inside if any(t.chars.endswith(h.number) for h in mh.hotlines)]
    assert len(numbers) == len(mh.hotlines)
    left, right = extent(inside, fonts)
    assert left - box.x == pytest.approx(box.right - right, abs=0.3)
