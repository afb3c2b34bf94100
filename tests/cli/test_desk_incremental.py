"""What the desk makes up and draws again after a save, and in which order: only the pages
a change reaches (a jump carries only a changed article), the page in view first when
several change, and pictures decoded once for all previews."""
import re

from test_desk import desk, edit, edition, fonts  # noqa: F401  (the desk's fixtures)


def reload(desk):
    from layout.cli.desk.build import load

    return load(desk.path, desk.fonts).edition


def test_an_article_that_does_not_jump_changes_only_its_page(desk, edition):
    """造林绿化 on page 1 has no 转版: page 2, which continues two other page-1 articles, is
    not made up again."""
    from layout.cli.desk.session import changed_pages

    old = desk.snapshot.edition
    edit(edition, "区委副书记田利跃参加会议。'", "区委副书记田利跃等参加会议。'")
    assert changed_pages(old, reload(desk)) == {1}
    snap = desk.rebuild()
    assert snap.changed == (1,)


def test_an_article_that_jumps_takes_its_continuation_page_along(desk, edition):
    """统战 continues on page 2 (continues_on: 2): its edit makes up page 2 too."""
    from layout.cli.desk.session import changed_pages

    old = desk.snapshot.edition
    story = edition.parent / "stories" / "united-front-leading-group-meeting.txt"
    edit(story, "区委副书记田利跃参加会议。", "区委副书记田利跃同志参加会议。")
    assert changed_pages(old, reload(desk)) == {1, 2}


def test_the_page_in_view_is_published_first_when_every_page_reflows(desk, edition):
    """The body size in paper.yaml reflows all four pages: page 3 (in view) comes first on
    its own, the others in a second snapshot, and the whole make-up that confirms them
    changes nothing more."""
    desk.focus = 3
    paper = edition.parent.parent / "paper.yaml"
    text = paper.read_text(encoding="utf-8")
    new = re.sub(r"^(\s*body:\s*\{[^}]*size:\s*)([\d.]+)", lambda m: m.group(1) + "9.4", text, count=1, flags=re.M)
    assert new != text
    paper.write_text(new, encoding="utf-8")
    early = []
    last = desk.rebuild(early.append)
    assert [s.changed for s in early] == [(3,)]
    assert sorted(last.changed) == [1, 2, 4]
    assert all(v.version > 1 for v in last.pages.values())
    final = desk.confirm()
    assert final is not None and final.changed == ()
    from layout.cli.desk.patch import raster

    assert desk.snapshot.pages[1].image.tobytes() == raster(desk.snapshot.layout, desk.fonts, 1, desk.dpi).tobytes()


def test_a_kept_picture_gives_the_same_preview_and_follows_its_file(desk, edition):
    """The preview PDF with the photos kept between calls is byte for byte the one made
    from scratch; a photo changed on disk is read again."""
    from PIL import Image

    from layout.press import page_pdf as pp
    from layout.render.paint import PICTURES

    layout, fonts = desk.snapshot.layout, desk.fonts
    pp.KEPT_IMAGES._kept.clear()
    PICTURES._kept.clear()
    fresh = pp.page_pdf(layout, fonts, 1, fast=True)
    assert pp.KEPT_IMAGES._kept, "page 1's photo is kept"
    assert pp.page_pdf(layout, fonts, 1, fast=True) == fresh
    photo = edition.parent / "images" / "meeting-hall.png"
    with Image.open(photo) as im:
        im.point(lambda v: 255 - v).save(photo)
    assert pp.page_pdf(layout, fonts, 1, fast=True) != fresh


def test_the_browser_says_which_page_is_in_view(desk):
    """POST /api/focus/N sets the page made up first; a page the edition lacks is 404."""
    import asyncio

    from layout.cli.desk.server import Broadcast, make_app

    app = make_app(desk, Broadcast())

    async def status(method, path):
        sent = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
                 "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
                 "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
        await app(scope, receive, send)
        return sent[0]["status"]

    assert asyncio.run(status("POST", "/api/focus/3")) == 204 and desk.focus == 3
    assert asyncio.run(status("POST", "/api/focus/9")) == 404 and desk.focus == 3
    assert asyncio.run(status("GET", "/api/focus/2")) == 405 and desk.focus == 3


def test_a_bad_value_on_page_3_holds_up_page_3_and_the_others_go_on(desk, edition):
    """The desk loads page by page: page 3's error is shown over its last good image while
    an edit of page 1 still comes through; fixing it brings page 3 back."""
    good3 = desk.snapshot.pages[3]
    text = edition.read_text(encoding="utf-8")
    edit(edition, "      - id: classes-online\n        kind: news\n", "      - id: classes-online\n        kind: newz\n")
    snap = desk.rebuild()
    assert [d.code for d in snap.broken] == ["choice"] or all(d.pos.line > 90 for d in snap.broken)
    assert snap.pages[3] is good3
    edit(edition, "区委副书记田利跃参加会议。'", "区委副书记田利跃等参加会议。'")
    early = []
    snap = desk.rebuild(early.append)
    assert [n for s in (*early, snap) for n in s.changed] == [1]
    assert snap.broken and snap.pages[3] is good3 and snap.held == {3}
    state = desk.state("en")
    assert "edition.yaml:" in state["broken"][0]["text"] and state["held"] == [3]
    edition.write_text(text, encoding="utf-8")
    snap = desk.rebuild()
    assert snap.broken == () and snap.held == set()


def test_yaml_that_does_not_parse_says_every_page_waits(desk, edition):
    good = desk.snapshot.pages
    edit(edition, "    section: 社区·民生\n", "    section: [社区·民生\n")
    snap = desk.rebuild()
    assert snap.pages == good
    texts = [d["text"] for d in desk.state("en")["broken"]]
    assert any("YAML syntax" in t for t in texts)
    assert any("every page waits for this error" in t for t in texts)


def test_a_proof_image_outlives_versions_that_leave_its_page_alone(desk, edition):
    proof3 = desk.page_png(3, proof=True)
    edit(edition, "区委副书记田利跃参加会议。'", "区委副书记田利跃等参加会议。'")
    assert desk.rebuild().changed == (1,)
    assert desk.page_png(3, proof=True) is proof3
