"""`newsprint import FILE [--into EDITION --page N] [--id ID]`: a reporter's .docx (or .txt,
.md) turned into a story file (layout.edition.importing); with --into, the article added
at the end of page N's list in the edition file, its comments and layout kept
(layout.edition.insert)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from layout.cli.report import print_diags
from layout.base.diagnostics import Phrase, has_errors
from layout.cli.arguments import about
from layout.cli.bounds import WHOLE
from layout.cli.messages import msg

_ID = re.compile(r"^[a-z0-9-]+$")


def add_parser(sub) -> None:
    i = sub.add_parser("import", **about("import"))
    i.add_argument("file", metavar="FILE", help=msg("help.import.file"))
    i.add_argument("--into", metavar="EDITION", help=msg("help.import.into"))
    i.add_argument("--page", type=WHOLE, metavar="N", help=msg("help.import.page"))
    i.add_argument("--id", metavar="ID", help=msg("help.import.id"))
    i.add_argument("--headline", metavar="TEXT", help=msg("help.import.headline"))
    i.add_argument("-o", "--output", metavar="FILE", help=msg("help.import.output"))
    i.add_argument("--force", action="store_true", help=msg("help.import.force"))
    i.set_defaults(func=run)


def _fail(code: str, **args) -> int:
    """The import refused: `newsprint: why; nothing was written` (why: the catalogue entry `code`)."""
    print(msg("import.failed", why=Phrase(code, **args)), file=sys.stderr)
    return 1


def run(args) -> int:
    from layout.edition.importing import read_copy
    from layout.edition.story import story_text

    source = Path(args.file)
    if not source.is_file():
        return _fail("import.no-file", path=source)
    if bool(args.into) != (args.page is not None):
        return _fail("import.into-and-page")
    copy = read_copy(source)
    if args.headline:
        copy.headline = [args.headline]
    print_diags(copy.diags)
    if has_errors(copy.diags):
        return 1
    if not copy.paragraphs:
        return _fail("import.no-text", path=source)
    if args.into and not copy.headline:
        return _fail("import.no-headline", path=source)
    text = story_text(kicker=copy.kicker, headline=tuple(copy.headline), subhead=copy.subhead,
                      byline=copy.byline, author=copy.author, paragraphs=tuple(copy.paragraphs))
    if args.into:
        return _into(args, copy, text)
    if args.id:
        return _fail("import.id-needs-into")
    target = Path(args.output) if args.output else source.with_suffix(".txt")
    if target.resolve() == source.resolve():
        return _fail("import.onto-source", path=source)
    if target.exists() and not args.force:
        return _fail("import.exists", path=target)
    from layout.base.files import atomic_write

    atomic_write(target, text.encode("utf-8"))
    print(msg("import.wrote", path=target, n=len(copy.paragraphs)))
    return 0


def _into(args, copy, text: str) -> int:
    from layout.edition import load_edition
    from layout.edition.ids import readable_id
    from layout.edition.insert import InsertError, add_article
    from layout.base.files import atomic_write

    edition, diags = load_edition(args.into)
    if edition is None or has_errors(diags):
        print_diags(diags)
        return _fail("import.edition-errors", path=args.into)
    if not 1 <= args.page <= len(edition.pages):
        return _fail("import.no-page", page=args.page, pages=len(edition.pages))
    taken = {a.id for p in edition.pages for a in p.articles}
    if args.id:
        if not _ID.fullmatch(args.id):
            return _fail("import.bad-id", id=args.id)
        if args.id in taken:
            return _fail("import.id-taken", id=args.id)
        article_id = args.id
    else:
        article_id = readable_id(copy.headline, taken)
    edition_file = Path(edition.path)
    story = Path(edition.dir) / "stories" / f"{article_id}.txt"
    if story.exists() and not args.force:
        return _fail("import.story-exists", path=story)
    raw = edition_file.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    try:
        updated = add_article(raw[len(bom):].decode("utf-8"), args.page,
                              [f"- id: {article_id}", f"  story: stories/{article_id}.txt"])
    except InsertError as exc:
        print(msg("import.failed", why=exc.args[0]), file=sys.stderr)
        return 1
    atomic_write(story, text.encode("utf-8"))
    atomic_write(edition_file, bom + updated.encode("utf-8"))
    print(msg("import.wrote", path=story, n=len(copy.paragraphs)))
    print(msg("import.added", id=article_id, page=args.page, path=edition_file))
    _, after = load_edition(edition_file)
    print_diags([d for d in after if d.pos and Path(d.pos.path).resolve() == story.resolve()])
    return 0
