"""Load a paper file or an edition file (with the paper it names) into the model."""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from collections.abc import Collection
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from layout.base.diagnostics import Diagnostic, Phrase, SourcePos, has_errors
from layout.edition.ads import read_ad
from layout.edition.assets import confined_file, confined_image
from layout.edition.invisible import clean_article, clean_text
from layout.edition.fields import TAG, Collector, Fields, describe, did_you_mean, scalar_text
from layout.edition.model import (Article, Continuation, Edition, Page, Paper, Paragraph, Photo,
                                  Placement)
from layout.edition.paper import build_paper
from layout.edition.source import node_pos, read_yaml, shown_path

EDITION_FILE = "edition.yaml"
EDITION_KEYS = ("paper", "date", "weekday", "issue", "total_issue", "page_count", "lunar", "pages")
PAGE_KEYS = ("number", "section", "editor", "art_editor", "articles", "continuations")
ARTICLE_KEYS = ("id", "kind", "story", "kicker", "headline", "subhead", "byline", "author", "paragraphs",
                "photo", "place", "body_columns", "boxed", "continues_on", "may_continue",
                "headline_size", "headline_align", "border", "column_rules", "body_style", "ad",
                "short", "stories", "headline_direction")
CONTINUATION_KEYS = ("article", "headline", "place")
PHOTO_KEYS = ("file", "caption", "credit", "rows", "span", "side")
PLACE_KEYS = ("column", "span", "row", "rows", "fit")
KINDS = ("news", "commentary", "brief", "photo", "feature", "verse", "ad", "index")
NO_COPY_KINDS = ("photo", "ad", "index")      # kinds that need neither a headline nor text
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
MAX_PAGES = 64
MAX_ARTICLE_CHARS = 100_000

_ARTICLE_ID = re.compile(r"^[a-z0-9-]+$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


# ---------------------------------------------------------------- public API

def load_paper(path: str | Path, font_ids: Collection[str] = ()) -> tuple[Paper | None, tuple[Diagnostic, ...]]:
    """Read a paper file; None (with the reasons) if anything is wrong. With `font_ids`
    (the shipped fonts), every font id in the paper's chains must be one of them."""
    out = Collector()
    paper = _read_paper(out, _absolute(path), font_ids)
    return (None if has_errors(out.diags) else paper), _in_file_order(out.diags)


def load_edition(path: str | Path, font_ids: Collection[str] = (),
                 root: str | Path | None = None) -> tuple[Edition | None, tuple[Diagnostic, ...]]:
    """Read an edition file (or a folder holding edition.yaml) and the paper it names.

    All problems of both files are reported in one pass; the Edition is None if any
    of them is an error. `font_ids`: as for load_paper. `root`: the project root every
    file read must lie in (see project_root).
    """
    edition, diags, _ = load_edition_pages(path, font_ids, root)
    return (None if has_errors(diags) else edition), diags


def load_edition_pages(path: str | Path, font_ids: Collection[str] = (), root: str | Path | None = None) \
        -> tuple[Edition | None, tuple[Diagnostic, ...], dict[Diagnostic, int]]:
    """load_edition for working page by page (layout.pipeline.pagewise): the edition as
    read even when it has errors (None only when it cannot be read at all: its YAML does
    not parse, or its paper or date is wrong), and for each diagnostic found while one
    page's part of the file was read (its story files included) that page's number."""
    out = Collector()
    file = _absolute(path)
    if file.is_dir():
        file = file / EDITION_FILE
    found_on: dict[Diagnostic, int] = {}
    top = project_root(file, root)
    if not _inside_root(file, top):
        out.error("edition-outside-root", SourcePos(shown_path(file)), root=shown_path(top))
        return None, _in_file_order(out.diags), found_on
    edition = _read_edition(out, file, tuple(font_ids), found_on, top)
    return edition, _in_file_order(out.diags), found_on


ROOT_VARIABLE = "NEWSPRINT_ROOT"


def project_root(edition_file: Path, root: str | Path | None = None) -> Path:
    """The folder every file an edition reads must lie in (like Typst's --root): `root`,
    else $NEWSPRINT_ROOT (set by `newsprint --root`), else the folder above the edition's
    folder — the paper's folder of editions/<paper>/<date>/edition.yaml."""
    chosen = root or os.environ.get(ROOT_VARIABLE)
    return _real(Path(os.path.abspath(chosen)) if chosen else edition_file.parent.parent)


def _inside_root(path: Path, root: Path) -> bool:
    """Is `path` in `root`, as written and with its links followed?"""
    return all(p == root or root in p.parents for p in (Path(os.path.normpath(path)), _real(path)))


def _in_file_order(diags: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(diags, key=lambda d: (d.pos.path, d.pos.line, d.pos.col) if d.pos
                        else ("", 0, 0)))


def _absolute(path: str | Path) -> Path:
    return Path(os.path.abspath(path))


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _read_paper(out: Collector, file: Path, font_ids: Collection[str] = ()) -> Paper | None:
    key = _paper_key(file, font_ids)
    kept = _PAPERS.get(key) if key else None
    if kept is not None and kept[2] == _file_stats(kept[0]):
        out.diags.extend(kept[1])
        return kept[0]
    mine = Collector()
    root, diags = read_yaml(file)
    mine.diags.extend(diags)
    paper = None if root is None else build_paper(mine, root, _real(file), font_ids)
    out.diags.extend(mine.diags)
    if key and paper is not None and not has_errors(mine.diags):
        _PAPERS[key] = (paper, tuple(mine.diags), _file_stats(paper))
        while len(_PAPERS) > 8:
            _PAPERS.pop(next(iter(_PAPERS)))
    return paper


# A paper read without errors, kept by its file's bytes (and the fonts, the working folder
# its messages' paths are shown from) with the state of the files it names (its logo): the
# desk and watch read the edition again on every save, the paper rarely changes.
_PAPERS: dict = {}


def _paper_key(file: Path, font_ids) -> tuple | None:
    try:
        return (str(file), os.getcwd(), file.read_bytes(), tuple(font_ids))
    except OSError:
        return None


def _file_stats(paper: Paper) -> tuple:
    logo = paper.masthead.logo
    if not logo:
        return ()
    try:
        st = os.stat(logo)
    except OSError:
        return (logo, None)
    return (logo, st.st_size, st.st_mtime_ns)


# ---------------------------------------------------------------- edition

class _Context:
    """What the page and article readers share while one edition is read."""

    def __init__(self, out: Collector, edition_dir: Path, image_roots: dict[str, Path],
                 grid_columns: int, invisible_chars: str = "strip",
                 style_roles: tuple[str, ...] = (), ink_limit: float | None = None,
                 paper: Paper | None = None):
        self.out = out
        self.ink_limit = ink_limit                  # the paper's, for CMYK photos; None = unknown
        self.paper = paper                          # None: the paper did not load
        self.edition_dir = edition_dir
        self.image_roots = image_roots
        self.grid_columns = grid_columns            # 0 = unknown (the paper did not load)
        self.ids: dict[str, SourcePos] = {}
        self.jump_nodes: dict[str, Node] = {}       # article id -> continues_on node
        self.index_nodes: dict[str, Node] = {}      # 导读 article id -> its stories: node
        self.invisible_chars = invisible_chars      # the paper's rule (layout.edition.invisible)
        self.style_roles = style_roles              # the paper's styles (body_style must name one); () = unknown
        self.found_on: dict = {}                    # diagnostic -> the page being read when it was found


def _read_edition(out: Collector, file: Path, font_ids: Collection[str] = (),
                  found_on: dict | None = None, top: Path | None = None) -> Edition | None:
    root, diags = read_yaml(file)
    out.diags.extend(diags)
    if root is None:
        return None
    f = Fields(out, root, EDITION_KEYS, Phrase("what.edition-file"))
    if not isinstance(root, MappingNode):
        return None
    edition_dir = _real(file.parent)
    paper_file = _paper_file(f, file, top)
    paper = _read_paper(out, paper_file, font_ids) if paper_file else None
    roots = {"folder.edition": edition_dir}
    if paper_file:
        roots["folder.paper"] = _real(paper_file).parent
    ctx = _Context(out, edition_dir, roots, paper.grid.columns if paper else 0,
                   invisible_chars=paper.invisible_chars if paper else "strip",
                   style_roles=tuple(paper.styles) if paper else (),
                   ink_limit=paper.ink_limit_pct if paper else None, paper=paper)
    if found_on is not None:
        ctx.found_on = found_on

    date = _date(f)
    weekday = _weekday(f, date)
    issue = f.integer("issue", 0, required=True, low=1)
    total_issue = f.integer("total_issue", 0, required=True, low=1)
    if issue and total_issue and total_issue < issue:
        out.error("total-issue", f.get("total_issue"), total_issue=total_issue, issue=issue)
    lunar = _lunar(f, date)
    if paper and paper_file and date and issue and total_issue:
        _check_sequence(f, file, paper_file, date, issue, total_issue, paper.issue_resets)
    pages = _pages(ctx, f)
    _check_jumps(ctx, pages)
    _check_index(ctx, pages)
    if paper is None or date is None:
        return None
    return Edition(paper=paper, date=date, weekday=weekday, issue=issue, total_issue=total_issue,
                   pages=pages, lunar_date=lunar, path=str(_real(file)),
                   dir=str(edition_dir), pos=node_pos(root))


def _paper_file(f: Fields, edition_file: Path, top: Path | None = None) -> Path | None:
    """The paper file the edition names, if it exists inside the project root `top` (and
    is not the edition file)."""
    edition_dir = edition_file.parent
    rel = f.text("paper", required=True, printed=False)
    if not rel.strip():
        return None
    node = f.get("paper")
    if os.path.isabs(rel):
        f.out.error("paper-absolute", node, path=rel)
        return None
    file = Path(os.path.normpath(edition_dir / rel))
    if not all(p.suffix.lower() in (".yaml", ".yml") for p in (file, _real(file))):
        f.out.error("paper-not-yaml", node, path=rel)
        return None
    if not file.is_file():
        f.out.error("paper-not-found", node, path=rel, looked=shown_path(file))
        return None
    if _real(file) == _real(edition_file):
        f.out.error("paper-is-edition", node, path=rel)
        return None
    if top is not None and not _inside_root(file, top):
        f.out.error("paper-outside-root", node, path=rel, real=str(_real(file)), root=shown_path(top))
        return None
    return file


def _date(f: Fields) -> dt.date | None:
    node = f.get("date", required=True)
    if node is None:
        return None
    text = node.value.strip() if isinstance(node, ScalarNode) else ""
    match = _DATE.fullmatch(text) if node.tag in (TAG + "timestamp", TAG + "str") else None
    if not match:
        f.out.error("type", node, key="date", expected=Phrase("kind.date"), got=describe(node))
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        import calendar

        if 1 <= month <= 12 and year >= 1:
            days = calendar.monthrange(year, month)[1]
            why = Phrase("date.month-days", year=year, month=month, days=days)
        else:
            why = Phrase("date.month-range")
        f.out.error("date", node, date=text, why=why)
        return None


def _weekday(f: Fields, date: dt.date | None) -> str:
    derived = WEEKDAYS[date.weekday()] if date else ""
    written = f.choice("weekday", WEEKDAYS, derived)
    if date and written != derived:
        f.out.error("weekday", f.get("weekday"), written=written, date=date.isoformat(), weekday=derived)
    return derived


def _lunar(f: Fields, date: dt.date | None) -> str:
    """lunar: as typed (a warning naming the computed date if it contradicts the date), else
    computed from the date (layout.edition.lunar)."""
    typed = f.text("lunar")
    if date is None:
        return typed
    from layout.edition.lunar import contradiction, lunar_text

    if not typed.strip():
        return lunar_text(date)
    why = contradiction(typed, date)
    if why:
        code, args = why
        f.out.warning(code, f.get("lunar"), key="lunar", **args)
    return typed


def _check_sequence(f: Fields, file: Path, paper_file: Path, date: dt.date, issue: int,
                    total_issue: int, resets: str) -> None:
    """A warning when 第N期 / 总第N期 do not follow the previous edition of the paper folder."""
    from layout.edition.sequence import previous_edition, sequence_problems

    previous = previous_edition(file, date, paper_file)
    if previous is not None:
        for code, key, args in sequence_problems(date, issue, total_issue, resets, previous):
            f.out.warning(code, f.get(key), key=key, **args)


def _pages(ctx: _Context, f: Fields) -> tuple[Page, ...]:
    page_count = f.integer("page_count", 0, required=True, low=1, high=MAX_PAGES)
    nodes = f.items("pages", required=True)
    if not nodes and f.has("pages"):
        ctx.out.error("no-pages", f.get("pages"))
    if len(nodes) > MAX_PAGES:
        ctx.out.error("too-many-pages", f.get("pages"), n=len(nodes), limit=MAX_PAGES)
        nodes = nodes[:MAX_PAGES]
    elif page_count and nodes and page_count != len(nodes):
        ctx.out.error("page-count", f.get("page_count"), page_count=page_count, n=len(nodes))
    pages = []
    for number, node in enumerate(nodes, 1):
        before = len(ctx.out.diags)
        pages.append(_page(ctx, node, number))
        for d in ctx.out.diags[before:]:
            ctx.found_on.setdefault(d, number)
    return tuple(pages)


def _page(ctx: _Context, node: Node, expected: int) -> Page:
    f = Fields(ctx.out, node, PAGE_KEYS, Phrase("what.page"))
    number = f.integer("number", expected, required=True, low=1)
    if f.has("number") and number != expected:
        ctx.out.error("page-number", f.get("number"), number=number, expected=expected)
    articles = tuple(a for a in (_article(ctx, n, expected) for n in f.items("articles")) if a)
    continuations = tuple(c for c in (_continuation(ctx, n) for n in f.items("continuations")) if c)
    field_pos = tuple((k, node_pos(f.get(k))) for k in ("section", "editor", "art_editor") if f.has(k))
    return Page(number=expected, section=f.text("section"), editor=f.text("editor"),
                art_editor=f.text("art_editor"), articles=articles,
                continuations=continuations, pos=node_pos(node), field_pos=field_pos)


def _article(ctx: _Context, node: Node, page: int) -> Article | None:
    f = Fields(ctx.out, node, ARTICLE_KEYS, Phrase("what.article"))
    if not isinstance(node, MappingNode):
        return None
    article_id = _article_id(ctx, f)
    kind = f.choice("kind", KINDS, "news")
    story = _story(ctx, f, kind)
    copy = _copy_fields(ctx, f, story, article_id, kind)
    if story is None:
        paragraphs = _paragraphs(ctx, f, required=kind not in NO_COPY_KINDS)
    else:
        if f.has("paragraphs"):
            ctx.out.error("story-and-paragraphs", f.get("paragraphs"), key="paragraphs",
                          article=article_id, story=story.path)
        paragraphs = _story_paragraphs(ctx, story, article_id, required=kind not in NO_COPY_KINDS)
    if kind not in NO_COPY_KINDS and not copy["headline"] and story is not None and not f.has("headline"):
        ctx.out.error("story-no-headline", node, article=article_id, key="headline:",
                      story=story.path)
    photo = _photo(ctx, f)
    if kind == "photo" and not f.has("photo"):
        ctx.out.error("photo-missing", node)
    place = _place(ctx, f.get("place"), booked=kind == "ad")
    ad = None
    if kind == "ad":
        ad = read_ad(ctx.out, f, ctx.paper, ctx.edition_dir, ctx.image_roots)
        place = _ad_place(ctx, f, place, ad)
    elif f.has("ad"):
        ctx.out.error("ad-not-ad", f.get("ad"), article=article_id, kind=kind)
    stories = f.texts("stories") if kind == "index" else ()
    if kind == "index" and f.has("stories"):
        ctx.index_nodes[article_id] = f.get("stories")
    elif f.has("stories"):
        ctx.out.error("stories-not-index", f.get("stories"), article=article_id, kind=kind)
    if photo and place and photo.rows and place.rows and photo.rows > place.rows:
        ctx.out.error("photo-rows", f.get("photo"), rows=photo.rows, place_rows=place.rows)
    body_columns = f.integer("body_columns", 0, low=0, high=24)
    columns = body_columns or (place.span if place and place.span else ctx.grid_columns)
    if photo and photo.span and columns and photo.span > columns:
        ctx.out.error("photo-span", f.get("photo"), span=photo.span, columns=columns)
    if place and body_columns > place.span:     # more columns than grid columns: they overprint
        ctx.out.error("body-columns-over-span", f.get("body_columns"), key="body_columns",
                      columns=body_columns, span=place.span)
    article = Article(
        id=article_id, kind=kind,
        headline=copy["headline"], kicker=copy["kicker"], subhead=copy["subhead"],
        byline=copy["byline"], author=copy["author"],
        paragraphs=paragraphs, photo=photo, place=place,
        body_columns=body_columns,
        boxed=f.boolean("boxed", kind in ("commentary", "index")),
        continues_on=f.integer("continues_on", 0, low=1, high=MAX_PAGES),
        may_continue=f.boolean("may_continue", False),
        headline_size=f.number("headline_size", 0.0, low=4, high=200),
        headline_align=f.choice("headline_align", ("left", "center", "right"), "") if f.has("headline_align") else "",
        border=f.choice("border", ("single", "double", "flower"), "single"),
        column_rules=f.boolean("column_rules", False),
        body_style=_body_style(ctx, f),
        ad=ad, short=f.text("short", copy=True), stories=stories,
        headline_direction=f.choice("headline_direction", ("horizontal", "vertical"), ""),
        pos=node_pos(node))
    article = clean_article(ctx.out, article, f, ctx.invisible_chars)
    if article.continues_on:
        ctx.jump_nodes[article_id] = f.get("continues_on")
    chars = sum(map(len, (article.kicker, article.subhead, article.byline, article.author,
                          *article.headline, *(p.text for p in paragraphs),
                          *((photo.caption, photo.credit) if photo else ()))))
    if chars > MAX_ARTICLE_CHARS:
        ctx.out.error("article-too-long", node, article=article_id, chars=chars, limit=MAX_ARTICLE_CHARS)
    return article


# ---------------------------------------------------------------- story files

def _story(ctx: _Context, f: Fields, kind: str):
    """The article's story file (layout.edition.story), read, if it names one."""
    rel = f.text("story")
    if not rel.strip():
        return None
    found = confined_file(ctx.out, f.get("story"), rel, ctx.edition_dir, ctx.image_roots,
                          Phrase("what.story-file"), Phrase("things.stories"))
    if found is None:
        return None
    from layout.edition.story import read_story

    return read_story(ctx.out, found[0], verse=kind == "verse")


def _copy_fields(ctx: _Context, f: Fields, story, article_id: str, kind: str) -> dict:
    """kicker, headline (a tuple), subhead, byline, author: from the edition file, else from
    the story file's header. Given in both and different: the edition file's is used, and a
    warning at the story file's line says so."""
    values: dict = {"headline": f.texts("headline", required=story is None and kind not in NO_COPY_KINDS)}
    for key in ("kicker", "subhead", "byline", "author"):
        values[key] = f.text(key, copy=True)
    if story is None:
        return values
    from layout.edition.story import clean

    for key, entries in story.fields.items():
        where = Phrase("where.field", article=article_id, field=key)
        told = tuple(clean(ctx.out, e, where, ctx.invisible_chars) for e in entries)
        mine = values[key] if key == "headline" else ((values[key],) if values[key] else ())
        if not f.has(key):
            values[key] = told if key == "headline" else told[0]
        elif mine != told:
            at = node_pos(f.get(key))
            shown = " / ".join(mine)
            ctx.out.warning("story-conflict", entries[0].pos, key=key, edition=shown,
                            at=f"{at.line}:{at.col}", story=" / ".join(told))
    return values


def _story_paragraphs(ctx: _Context, story, article_id: str, required: bool) -> tuple[Paragraph, ...]:
    from layout.edition.story import clean, kept_starts

    paragraphs = tuple(
        Paragraph(clean(ctx.out, p, Phrase("where.paragraph", article=article_id, n=n),
                        ctx.invisible_chars), p.pos, kept_starts(p))
        for n, p in enumerate(story.paragraphs, 1))
    if required and not paragraphs:
        ctx.out.error("story-no-text", SourcePos(story.path, 1, 1))
    return paragraphs


def _body_style(ctx: _Context, f: Fields) -> str:
    """body_style: any style role of the paper ("" = the kind's own: body, commentary, verse)."""
    if not ctx.style_roles:
        return ""
    return f.choice("body_style", ctx.style_roles, "")


def _article_id(ctx: _Context, f: Fields) -> str:
    article_id = f.text("id", required=True, printed=False)
    node = f.get("id")
    if not article_id:
        return article_id
    if not _ARTICLE_ID.fullmatch(article_id):
        ctx.out.error("article-id", node, article=article_id)
    elif article_id in ctx.ids:
        first = ctx.ids[article_id]
        ctx.out.error("duplicate-id", node, article=article_id, line=first.line, col=first.col)
    else:
        ctx.ids[article_id] = node_pos(node)
    return article_id


def _paragraphs(ctx: _Context, f: Fields, required: bool) -> tuple[Paragraph, ...]:
    paragraphs = []
    for node in f.items("paragraphs", required=required):
        text = scalar_text(ctx.out, node, "paragraphs")
        if text is not None and not text.strip():
            ctx.out.error("empty-paragraph", node)
        elif text is not None:
            paragraphs.append(Paragraph(text, node_pos(node)))
    if required and not paragraphs and f.has("paragraphs"):
        ctx.out.error("no-text", f.get("paragraphs"))
    return tuple(paragraphs)


def _photo(ctx: _Context, f: Fields) -> Photo | None:
    p = f.sub("photo", PHOTO_KEYS)
    if p is None or not isinstance(p.node, MappingNode):
        return None
    rel = p.text("file", required=True, printed=False)
    file = rel and confined_image(ctx.out, p.get("file"), rel, ctx.edition_dir,
                                  ctx.image_roots, Phrase("what.photo-file"), ink_limit=ctx.ink_limit)
    return Photo(file=file, caption=p.text("caption", copy=True),
                 credit=p.text("credit", copy=True),
                 rows=p.integer("rows", 0, low=0), pos=p.pos,
                 span=p.integer("span", 0, low=1, high=24), side=p.choice("side", ("left", "right"), "right"))


def _place(ctx: _Context, node: Node | None, booked: bool = False) -> Placement | None:
    if node is None:
        return None
    f = Fields(ctx.out, node, PLACE_KEYS, "place")
    if not isinstance(node, MappingNode):
        return None
    column = f.integer("column", 1, required=True, low=1)
    span = f.integer("span", 0 if booked else 1, required=not booked, low=1)   # an ad's: its booking
    last = column + span - 1
    if span and ctx.grid_columns and last > ctx.grid_columns:
        ctx.out.error("place-columns", node, column=column, span=span, last=last, columns=ctx.grid_columns)
    return Placement(column=column, span=span, row=f.integer("row", 1, low=1),
                     rows=f.integer("rows", 0, low=0), fit=f.boolean("fit", False), pos=node_pos(node))


def _ad_place(ctx: _Context, f: Fields, place: Placement | None, ad) -> Placement | None:
    """An ad's place: column and row as written (none: the foot of the page, set in makeup),
    span and rows from the booking; a span or rows that say otherwise is an error."""
    if place is None or ad is None:
        return place
    node = f.get("place")
    if place.span not in (0, ad.span) or (place.rows and place.rows != ad.rows):
        ctx.out.error("ad-place", node, span=place.span, rows=place.rows, booked_span=ad.span,
                      booked_rows=ad.rows)
    return replace(place, span=ad.span, rows=ad.rows)


def _check_index(ctx: _Context, pages: tuple[Page, ...]) -> None:
    """Every story a 导读 lists is an article of the edition (an id at its place in the list)."""
    known = {a.id for p in pages for a in p.articles}
    for page in pages:
        for art in page.articles:
            node = ctx.index_nodes.get(art.id)
            if node is None:
                continue
            for item, story in zip(node.value, art.stories):
                if story not in known:
                    ctx.out.error("index-unknown-story", item, article=art.id, story=story,
                                  **did_you_mean(story, known, listing=False))


def _continuation(ctx: _Context, node: Node) -> Continuation | None:
    f = Fields(ctx.out, node, CONTINUATION_KEYS, Phrase("what.continuation"))
    if not isinstance(node, MappingNode):
        return None
    article_id = f.text("article", required=True, printed=False)
    headline = clean_text(ctx.out, f.text("headline", required=True, copy=True),
                          node_pos(f.get("headline") or node), Phrase("what.continuation-headline"),
                          ctx.invisible_chars)
    place = _place(ctx, f.get("place"))     # none: placed by automatic makeup
    return Continuation(article_id=article_id, headline=headline, place=place, pos=node_pos(node))


# ---------------------------------------------------------------- 转版: both ends must agree

def _check_jumps(ctx: _Context, pages: tuple[Page, ...]) -> None:
    out = ctx.out
    home = {a.id: (a, p.number) for p in pages for a in p.articles}
    continued: dict[tuple[str, int], SourcePos] = {}
    for page in pages:
        for cont in page.continuations:
            first = continued.setdefault((cont.article_id, page.number), cont.pos)
            if first is not cont.pos:
                out.error("second-continuation", cont.pos, article=cont.article_id, page=page.number,
                          line=first.line, col=first.col)
                continue
            if cont.article_id not in home:
                out.error("continuation-unknown", cont.pos, article=cont.article_id,
                          **did_you_mean(cont.article_id, home))
                continue
            article, _ = home[cont.article_id]
            if article.continues_on != page.number:
                out.error("continuation-unasked", cont.pos, page=page.number, article=article.id,
                          line=article.pos.line, col=article.pos.col, target=article.continues_on or None)
    for article_id, node in ctx.jump_nodes.items():
        article, page = home[article_id]
        target = article.continues_on
        if target <= page:
            out.error("continues-backwards", node, target=target, page=page)
        elif target > len(pages):
            out.error("continues-nowhere", node, target=target, pages=len(pages))
        elif (article_id, target) not in continued:
            out.error("continuation-missing", node, article=article_id, target=target)
