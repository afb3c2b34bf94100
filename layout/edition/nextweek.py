"""`newsprint new`: next week's edition file from this week's.

Date + 7 days (weekday and 农历 computed for it), 第N期 + 1 (or 1 in a new year when
the paper's issue_resets is yearly), 总第N期 + 1; the same pages, sections, editors, placements and jumps (转版); every
article emptied to the placeholder 【待填写】, which `check` reports as an error (with
its line and column) until it is replaced. Photos are dropped. Articles named with
`keep` (standing blocks such as a 征稿启事) are copied as they are.

The source is read twice: validated through the loader, and as plain YAML text values
(yaml.BaseLoader: every scalar a string, nothing reinterpreted) for copying.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
from pathlib import Path

import yaml

from layout.base.diagnostics import SourcePos, error

PLACEHOLDER = "【待填写】"
WEEKDAYS = "一二三四五六日"
# keys whose values are numbers, booleans or dates: written plain, not quoted
_PLAIN_KEYS = {"number", "issue", "total_issue", "page_count", "column", "span", "row", "rows",
               "continues_on", "body_columns", "headline_size", "boxed", "column_rules", "date"}
_PLAIN_VALUE = re.compile(r"^(-?[0-9]+(\.[0-9]+)?|true|false|\d{4}-\d\d-\d\d)$", re.IGNORECASE)
# article keys carried over as layout (everything else is copy, replaced by placeholders)
STANDING_KINDS = ("ad", "index")   # kept as they are: a booked ad runs on, the 导读 makes itself
_LAYOUT_KEYS = ("place", "continues_on", "body_columns", "boxed", "border", "column_rules",
                "headline_size", "headline_align")


class NewEditionError(Exception):
    pass


def placeholder_diagnostics(path: str | Path) -> list:
    """An error at each 【待填写】 left in an edition file (comments aside)."""
    path = Path(path)
    if path.is_dir():
        path = path / "edition.yaml"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []      # the loader reports unreadable files
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("#"):
            continue
        col = line.find(PLACEHOLDER)
        while col >= 0:
            out.append(error("placeholder", SourcePos(str(path), n, col + 1), text=PLACEHOLDER))
            col = line.find(PLACEHOLDER, col + 1)
    return out


def next_edition_text(source_file: Path, target_file: Path, edition, keep: set[str] = frozenset()):
    """(YAML text of the next edition, [(image source, image target)] to copy).

    edition: the loaded (valid) source edition; keep: ids of articles copied verbatim.
    """
    with open(source_file, encoding="utf-8-sig") as fh:
        raw = yaml.load(fh, Loader=yaml.BaseLoader)
    src_dir, dst_dir = source_file.parent.resolve(), target_file.parent.resolve()
    from layout.edition.lunar import lunar_text
    from layout.edition.sequence import next_numbers

    date = edition.date + _dt.timedelta(days=7)
    weekday = "星期" + WEEKDAYS[date.weekday()]
    issue, total = next_numbers(edition.date, edition.issue, edition.total_issue, date,
                                edition.paper.issue_resets)
    paper = os.path.relpath((src_dir / raw["paper"]).resolve(), dst_dir)
    ids = {}
    copies = []
    pages = []
    taken = set(keep)
    for page in raw.get("pages") or []:
        new_page = {k: page[k] for k in ("number", "section", "editor", "art_editor") if k in page}
        arts = []
        for art in page.get("articles") or []:
            if art.get("id") in keep or art.get("kind") in STANDING_KINDS:
                arts.append(_kept(art, src_dir, dst_dir, copies))
                ids[art["id"]] = art["id"]
                continue
            new_id = slot_id(page, art, taken)
            taken.add(new_id)
            ids[art.get("id")] = new_id
            arts.append(_emptied(art, new_id))
        if arts:
            new_page["articles"] = arts
        conts = []
        for c in page.get("continuations") or []:
            nc = {"article": ids.get(c.get("article"), c.get("article"))}
            if c.get("headline"):
                nc["headline"] = PLACEHOLDER if c.get("article") not in keep else c["headline"]
            nc["place"] = c["place"]
            conts.append(nc)
        if conts:
            new_page["continuations"] = conts
        pages.append(new_page)
    head = [
        f"# {edition.paper.name} 第{issue}期（总第{total}期），{date.isoformat()} {weekday}.",
        f"# Started from {edition.date.isoformat()} by `newsprint new`: replace every placeholder",
        "# (newsprint check lists them).",
    ]
    data = {"paper": paper, "date": date.isoformat(), "weekday": weekday,
            "issue": str(issue), "total_issue": str(total), "page_count": str(len(pages))}
    if lunar_text(date):
        data["lunar"] = lunar_text(date)
    data["pages"] = pages
    return "\n".join(head) + "\n" + "".join(_emit(data, 0)), copies


def slot_id(page: dict, art: dict, taken: set[str]) -> str:
    """A readable id for an emptied article, unique in the edition: the pinyin of the page's
    section (its headline is still 【待填写】), with the kind unless it is news: yao-wen,
    yao-wen-2, yao-wen-commentary (layout.edition.ids, as `import` makes them)."""
    from layout.edition.ids import readable_id, slug

    kind = art.get("kind", "news")
    base = slug(str(page.get("section") or "")) or f"page-{page.get('number')}"
    if kind not in ("news", "photo"):
        base = f"{base}-{kind}"
    return readable_id([base], taken)


def _emptied(art: dict, new_id: str) -> dict:
    kind = art.get("kind", "news")
    out = {"id": new_id, "kind": "news" if kind == "photo" else kind}
    for key in ("kicker", "headline", "subhead", "byline", "author"):
        if art.get(key) or key == "headline":
            out[key] = PLACEHOLDER
    out["paragraphs"] = [PLACEHOLDER]
    for key in _LAYOUT_KEYS:
        if key in art:
            out[key] = art[key]
    if art.get("photo"):
        out["#"] = f"photo dropped (last week: {art['photo'].get('file', '')})"
    return out


def _kept(art: dict, src_dir: Path, dst_dir: Path, copies: list) -> dict:
    """A standing article as it was; its photo and story file re-pointed (or copied) for the
    new folder."""
    art = dict(art)
    photo = art.get("photo")
    if photo and photo.get("file"):
        photo = dict(photo)
        photo["file"] = _carried(photo["file"], src_dir, dst_dir, copies)
        art["photo"] = photo
    if art.get("story"):
        art["story"] = _carried(art["story"], src_dir, dst_dir, copies)
    ad = art.get("ad")
    if ad and ad.get("file"):
        art["ad"] = dict(ad, file=_carried(ad["file"], src_dir, dst_dir, copies))
    if art.get("kind") == "index" and art.get("stories"):
        art.pop("stories")          # last week's stories: the 导读 lists the new leads until told
        art["#"] = "导读: stories dropped (last week's ids); it lists every other page's lead"
    return art


def _carried(rel: str, src_dir: Path, dst_dir: Path, copies: list) -> str:
    """A file of this week's folder is copied along (same relative path); any other (the
    paper's assets) is pointed at from the new folder."""
    src = (src_dir / rel).resolve()
    if src_dir in src.parents:
        copies.append((src, dst_dir / src.relative_to(src_dir)))
        return rel
    return os.path.relpath(src, dst_dir)


def _scalar(key: str, value: str) -> str:
    if key in _PLAIN_KEYS and _PLAIN_VALUE.match(value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _emit(value, indent: int, key: str = ""):
    pad = " " * indent
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "#":
                yield f"{pad}# {v}\n"
            elif isinstance(v, dict) and k == "place":
                inner = ", ".join(f"{kk}: {_scalar(kk, vv)}" for kk, vv in v.items())
                yield f"{pad}{k}: {{{inner}}}\n"
            elif isinstance(v, (dict, list)):
                yield f"{pad}{k}:\n"
                yield from _emit(v, indent + 2, k)
            else:
                yield f"{pad}{k}: {_scalar(k, v)}\n"
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                lines = list(_emit(item, indent + 2, key))
                yield f"{pad}- {lines[0][indent + 2:]}" if lines else f"{pad}- {{}}\n"
                yield from lines[1:]
            else:
                yield f"{pad}- {_scalar(key, item)}\n"


def write_next_edition(target: Path, text: str, copies) -> Path:
    """Write the edition file (atomically) and the kept photos; refuses to overwrite."""
    from layout.base.files import atomic_write

    target.parent.mkdir(parents=True, exist_ok=True)
    for src, dst in copies:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    atomic_write(target, text.encode("utf-8"))
    return target
