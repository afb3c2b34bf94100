"""The editor's desk without a browser: the session (what is rebuilt, what is kept while a
file is broken) and the HTTP app (what it serves, and what it refuses)."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAPER_DIR = ROOT / "editions" / "shijingshan"


@pytest.fixture(scope="module")
def fonts():
    from layout.fonts import FontSet

    return FontSet.load()


@pytest.fixture
def edition(tmp_path):
    dst = tmp_path / "shijingshan"
    shutil.copytree(PAPER_DIR, dst, ignore=shutil.ignore_patterns("*.py"))
    return dst / "2020-02-24" / "edition.yaml"


@pytest.fixture
def desk(edition, fonts):
    from layout.cli.desk.session import Desk

    d = Desk(edition, fonts=fonts, dpi=20, lang="en")
    d.rebuild()
    return d


def lead_story(edition: Path) -> Path:
    """The text of page 1's lead article: its own story file, or the edition file."""
    story = edition.parent / "stories" / "epidemic-leading-group-31st-meeting.txt"
    return story if story.exists() else edition


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_first_build_shows_every_page_with_both_copyfit_units(desk):
    state = desk.state("zh")
    assert [p["number"] for p in state["pages"]] == [1, 2, 3, 4]
    assert all(desk.page_png(n).startswith(b"\x89PNG") for n in (1, 2, 3, 4))
    assert state["broken"] == []
    short = [e for e in state["copyfit"] if e["short_lines"]]
    assert short, "the sample has articles short of lines"
    for e in state["copyfit"]:
        assert e["chars_per_line"] > 0
        assert e["short_chars"] == e["short_lines"] * e["chars_per_line"]
        assert e["overflow_lines"] == -(-e["overflow_chars"] // e["chars_per_line"])
    assert state["strings"]["cf.short"] == "缺{lines}行 ≈ {chars}字"
    art = state["articles"]["epidemic-leading-group-31st-meeting"]
    assert art["line"] > 1 and art["file"].endswith("edition.yaml")
    assert art["editor"].startswith("vscode://file/") and art["editor"].endswith(f":{art['line']}:{art['col']}")


def test_a_paragraph_edit_makes_up_and_renders_only_its_page(desk, edition):
    before = {n: v.version for n, v in desk.snapshot.pages.items()}
    edit(lead_story(edition), "区领导李新、李文起、吴克瑞、田利跃参加会议。", "区领导李新、李文起、吴克瑞、田利跃等参加会议。")
    snap = desk.rebuild()
    assert snap.changed == (1,)
    assert snap.pages[1].version == snap.version
    assert all(snap.pages[n].version == before[n] for n in (2, 3, 4))
    assert desk.confirm() is not None        # the whole make-up agrees: nothing else moves
    assert desk.snapshot.changed == ()


def test_a_patched_page_image_is_the_page_drawn_whole(desk, edition):
    """Only the changed article is drawn again, pasted over the last image: the pixels are
    the ones a whole render gives (and confirm() draws it whole anyway)."""
    from layout.cli.desk.patch import raster

    edit(lead_story(edition), "吴克瑞、田利跃参加会议。", "吴克瑞、田利跃等同志参加会议。")
    snap = desk.rebuild()
    view = snap.pages[1]
    assert view.patched
    whole = raster(snap.layout, desk.fonts, 1, desk.dpi)
    assert view.image.size == whole.size and view.image.tobytes() == whole.tobytes()
    desk.confirm()
    assert not desk.snapshot.pages[1].patched and desk.snapshot.changed == ()


def test_a_line_added_above_a_page_is_no_change_of_that_page(desk, edition):
    """Source positions move down the file; the pages below the edit are not made up again."""
    from layout.cli.desk.session import changed_pages

    old = desk.snapshot.edition
    edit(edition, "      - id: united-front-leading-group-meeting\n",
         "      # a note for the 美编\n      - id: united-front-leading-group-meeting\n")
    from layout.cli.desk.build import load

    new = load(str(edition), desk.fonts).edition
    assert changed_pages(old, new) == set()
    assert desk.rebuild().changed == ()
    # the source position the desk links to has moved with the text
    assert desk.state()["articles"]["united-front-leading-group-meeting"]["line"] == \
        old.article("united-front-leading-group-meeting").pos.line + 1


def test_a_broken_file_keeps_the_last_good_pages_and_recovers(desk, edition):
    good = desk.snapshot
    text = edition.read_text(encoding="utf-8")
    edition.write_text(text.replace("paragraphs:", "paragraphs: [", 1), encoding="utf-8")
    broken = desk.rebuild()
    assert broken.broken and broken.pages == good.pages
    state = desk.state("en")
    assert re.search(r"edition\.yaml:\d+:\d+: error: ", state["broken"][0]["text"])
    assert state["broken"][0]["editor"].startswith("vscode://file/")
    assert [p["number"] for p in state["pages"]] == [1, 2, 3, 4]
    edition.write_text(text, encoding="utf-8")
    fixed = desk.rebuild()
    assert not fixed.broken and fixed.pages == good.pages


def test_proof_view_of_a_page_is_its_own_image(desk):
    plain, proof = desk.page_png(1), desk.page_png(1, proof=True)
    assert proof.startswith(b"\x89PNG") and proof != plain
    assert desk.page_png(1, proof=True) is proof            # rendered once per version
    assert desk.page_png(9) is None


# -- HTTP, against the real server ------------------------------------------------------
def start_server(edition, *extra):
    """`newsprint serve` in a child on a free port: (process, base URL)."""
    proc = subprocess.Popen([sys.executable, "-m", "layout", "serve", str(edition), "--port", "0",
                             "--dpi", "20", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}, cwd=ROOT)
    for _ in range(20):
        line = proc.stdout.readline()
        m = re.search(r"http://\S+/", line)
        if m:
            return proc, m.group(0)
        if not line:
            break
    proc.kill()
    raise AssertionError(f"the desk did not start: {proc.stderr.read()}")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    dst = tmp_path_factory.mktemp("desk") / "shijingshan"
    shutil.copytree(PAPER_DIR, dst, ignore=shutil.ignore_patterns("*.py"))
    proc, url = start_server(dst / "2020-02-24")
    yield url
    stop(proc)


def get(url, path, host=None):
    """(status, body) of a GET with the path sent exactly as written (no client clean-up)."""
    import http.client
    from urllib.parse import urlsplit

    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=20)
    try:
        conn.putrequest("GET", path, skip_host=True)
        conn.putheader("Host", host or u.netloc)
        conn.endheaders()
        r = conn.getresponse()
        return r.status, r.read(), dict(r.getheaders())
    finally:
        conn.close()


def test_the_app_serves_its_page_state_and_images(server):
    import json

    status, body, _ = get(server, "/")
    assert status == 200 and "编辑台" in body.decode() and b"/static/desk.js" in body
    assert get(server, "/static/desk.css")[2]["content-type"].startswith("text/css")
    state = json.loads(get(server, "/api/state?lang=zh")[1])
    assert [p["number"] for p in state["pages"]] == [1, 2, 3, 4]
    status, png, _ = get(server, "/page/2.png?v=1")
    assert status == 200 and png.startswith(b"\x89PNG")
    assert get(server, "/page/2.png?proof=1")[1].startswith(b"\x89PNG")
    assert get(server, "/fonts/noto-sans-sc-regular.ttf")[0] == 200


@pytest.mark.parametrize("path", [
    "/static/../../../pyproject.toml", "/static/..%2f..%2fsession.py", "/static/%2e%2e/%2e%2e/server.py",
    "/static/session.py", "/static/..", "/static/%2e%2e", "/static//etc/passwd", "/static/desk.js/../../session.py",
    "/fonts/../manifest.json", "/fonts/manifest.json", "/fonts/..%2fpyproject.toml", "/fonts/..%2f..%2fpyproject.toml",
    "/page/../../pyproject.toml", "/page/1.png/../../../pyproject.toml", "/page/-1.png", "/page/5.png",
    "/page/x.png", "/editions/shijingshan/paper.yaml", "/edition.yaml", "/images/", "/%2e%2e/pyproject.toml",
    "/../../../../etc/passwd", "//etc/passwd",
])
def test_nothing_outside_the_desk_is_served(server, path):
    status, body, _ = get(server, path)
    assert status in (400, 404), (path, status)
    assert b"[build-system]" not in body and b"import" not in body and b"root:" not in body


def test_another_host_name_is_refused(server):
    """DNS rebinding: a page on another site naming our address gets nothing."""
    assert get(server, "/api/state", host="evil.example")[0] == 400


def test_serve_binds_loopback_and_warns_for_another_host(server, edition):
    assert "http://127.0.0.1:" in server
    proc, url = start_server(edition, "--host", "0.0.0.0")
    try:
        assert "other computers on the network" in proc.stderr.readline()
    finally:
        stop(proc)


def test_a_half_finished_edition_is_shown_page_by_page(edition, fonts, capsys):
    """Next week's edition from `newsprint new`: every page shown (placeholders grey, listed
    as problems, not over the pages); an error on page 3 holds up only page 3."""
    from layout.cli import main
    from layout.cli.desk.session import Desk

    nxt = edition.parent.parent / "2020-03-02"
    assert main(["new", str(nxt), "--from", str(edition.parent), "--keep",
                 "epidemic-leading-group-31st-meeting"]) == 0
    capsys.readouterr()
    d = Desk(nxt, fonts=fonts, dpi=20, lang="en")
    snap = d.rebuild()
    assert sorted(snap.pages) == [1, 2, 3, 4] and snap.broken == ()
    state = d.state()
    assert any("placeholder" in p["text"] for p in state["diagnostics"])
    path = nxt / "edition.yaml"
    text = path.read_text(encoding="utf-8")
    i = text.index("  - number: 3")
    j = text.index(" row: 1, ", i)
    path.write_text(text[:j] + " row: 70, " + text[j + len(" row: 1, "):], encoding="utf-8")
    snap = d.rebuild()
    assert snap.broken and all(":" in str(e.pos) for e in snap.broken)
    assert snap.pages[3] is not None and snap.pages[3].version == 1      # the last good page 3
    path.write_text(text.replace("【待填写】", "今日无事", 1), encoding="utf-8")
    snap = d.rebuild()
    assert snap.broken == () and sorted(snap.pages) == [1, 2, 3, 4]


def test_a_bug_while_building_is_said_over_the_last_pages(desk, monkeypatch):
    import layout.cli.desk.build as build

    good = desk.snapshot
    monkeypatch.setattr(build, "load", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        desk.rebuild()
    snap = desk.failed(ZeroDivisionError("division by zero"))
    assert snap.pages == good.pages
    text = desk.state("en")["broken"][0]["text"]
    assert "internal error while building: ZeroDivisionError" in text
