"""The editor's desk in a real browser: Debian's Chromium driven by Playwright (the system
browser; nothing is downloaded).  Open the desk, see every page, click a block and read
its copyfit, edit the YAML and see only that page change, break it and see the error,
fix it and see the pages come back.  Every wait is bounded."""
import os
import shutil
from pathlib import Path

import pytest

from test_desk import PAPER_DIR, lead_story, start_server, stop

WAIT_MS = 20_000


def system_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
CHROMIUM = system_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no system Chromium (apt-get install chromium; .ci/run does)")


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    dst = tmp_path_factory.mktemp("desk-browser") / "shijingshan"
    shutil.copytree(PAPER_DIR, dst, ignore=shutil.ignore_patterns("*.py"))
    return dst / "2020-02-24" / "edition.yaml"


@pytest.fixture(scope="module")
def url(edition):
    proc, base = start_server(edition.parent)
    yield base
    stop(proc)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                              timeout=WAIT_MS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page(browser, url):
    pg = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    pg.set_default_timeout(WAIT_MS)
    pg.goto(url)
    pg.wait_for_function("document.querySelectorAll('#strip .thumb img[data-version]').length === 4"
                         " && document.getElementById('page-img').naturalWidth > 0")
    yield pg
    shots = os.environ.get("NEWSPRINT_DESK_SHOTS")
    if shots:
        pg.screenshot(path=str(Path(shots) / "desk-last.png"))
    pg.close()


def thumbs(pg) -> dict:
    return pg.evaluate("Object.fromEntries([...document.querySelectorAll('#strip .thumb')]"
                       ".map(b => [b.dataset.page, b.querySelector('img').dataset.url]))")


def test_the_desk_shows_every_page_and_its_copyfit(page):
    assert page.title().startswith("编辑台")
    assert page.locator("#strip .thumb").count() == 4
    assert page.locator("#strip .thumb").first.inner_text().startswith("第1版")
    sizes = page.evaluate("[...document.querySelectorAll('#strip .thumb img')].map(i => i.naturalWidth)")
    assert all(w > 100 for w in sizes)
    assert page.locator("#copyfit tr.row").count() > 10
    assert "≈" in page.locator("#copyfit").inner_text()


def test_clicking_a_block_shows_its_copyfit_in_both_units_and_its_source(page, edition):
    page.click("#frames rect[data-id='epidemic-leading-group-31st-meeting']")
    assert page.locator("#sel-id").inner_text() == "epidemic-leading-group-31st-meeting"
    fit = page.locator("#sel-fit").inner_text()
    assert "≈" in fit and ("行" in fit and "字" in fit)
    line = next(i for i, l in enumerate(edition.read_text(encoding="utf-8").splitlines(), 1)
                if "id: epidemic-leading-group-31st-meeting" in l)
    assert page.locator("#sel-src").inner_text().endswith(f"edition.yaml:{line}:9")
    href = page.get_attribute("#sel-open", "href")
    assert href.startswith("vscode://file/") and href.endswith(f"edition.yaml:{line}:9")


def test_the_proof_toggle_shows_the_proof_view(page):
    page.click("#proof-toggle")
    page.wait_for_function("document.getElementById('page-img').src.includes('proof=1')"
                           " && document.getElementById('page-img').complete")
    page.click("#proof-toggle")
    page.wait_for_function("!document.getElementById('page-img').src.includes('proof=1')")


def test_an_edit_on_disk_swaps_only_the_page_it_changed(page, edition):
    before = thumbs(page)
    story = lead_story(edition)
    text = story.read_text(encoding="utf-8")
    assert "吴克瑞、田利跃参加会议。" in text
    story.write_text(text.replace("吴克瑞、田利跃参加会议。", "吴克瑞、田利跃等参加会议。", 1), encoding="utf-8")
    page.wait_for_function(f"document.querySelector('#strip .thumb[data-page=\"1\"] img').dataset.url !== {before['1']!r}")
    after = thumbs(page)
    assert after["1"] != before["1"]
    assert {k: after[k] for k in "234"} == {k: before[k] for k in "234"}


def test_a_broken_file_shows_its_error_over_the_last_pages_and_recovers(page, edition):
    text = edition.read_text(encoding="utf-8")
    shown = thumbs(page)
    edition.write_text(text.replace("paragraphs:", "paragraphs: [", 1), encoding="utf-8")
    page.wait_for_selector("#broken:not([hidden])")
    assert "edition.yaml:" in page.locator("#broken-list").inner_text()
    assert page.locator("#status").get_attribute("data-state") == "broken"
    assert thumbs(page) == shown                       # the last good pages stay
    edition.write_text(text, encoding="utf-8")
    page.wait_for_selector("#broken", state="hidden")
    assert page.locator("#status").get_attribute("data-state") == "live"
    assert page.locator("#strip .thumb").count() == 4


def test_an_error_in_page_3s_part_holds_up_page_3_only(page, edition):
    """A bad value in page 3's articles: page 3's thumbnail is marked and keeps its last
    image, page 1 (in view) shows no overlay and still takes an edit; page 3 shows the
    error over it; the fix brings it back."""
    text = edition.read_text(encoding="utf-8")
    shown = thumbs(page)
    edition.write_text(text.replace("      - id: classes-online\n        kind: news\n",
                                    "      - id: classes-online\n        kind: newz\n", 1), encoding="utf-8")
    page.wait_for_selector("#strip .thumb.held[data-page='3']")
    assert page.locator("#strip .thumb.held").count() == 1
    assert page.locator("#broken").is_hidden()                 # page 1 is not held up
    assert "edition.yaml:" in page.locator("#problems").inner_text()
    story = lead_story(edition)
    lead = story.read_text(encoding="utf-8")
    story.write_text(lead.replace("参加会议。", "出席会议。", 1), encoding="utf-8")
    page.wait_for_function(f"document.querySelector('#strip .thumb[data-page=\"1\"] img').dataset.url !== {shown['1']!r}")
    assert thumbs(page)["3"] == shown["3"]
    page.click("#strip .thumb[data-page='3']")
    page.wait_for_selector("#broken:not([hidden])")
    assert "edition.yaml:" in page.locator("#broken-list").inner_text()
    edition.write_text(text, encoding="utf-8")
    page.wait_for_selector("#strip .thumb.held", state="detached")
    page.wait_for_selector("#broken", state="hidden")
    page.click("#strip .thumb[data-page='1']")
