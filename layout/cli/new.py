"""`newsprint new NEXT --from EDITION`: next week's edition started from this one (layout.edition.nextweek)."""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from layout.cli.report import print_diags
from layout.base.diagnostics import Phrase, has_errors
from layout.cli.arguments import about
from layout.cli.messages import msg


def add_parser(sub) -> None:
    n = sub.add_parser("new", **about("new"))
    n.add_argument("next", metavar="NEXT", help=msg("help.new.next"))
    n.add_argument("--from", dest="source", required=True, metavar="EDITION", help=msg("help.new.from"))
    n.add_argument("--keep", action="append", default=[], metavar="ID",
                   help=msg("help.new.keep"))
    n.add_argument("--force", action="store_true", help=msg("help.new.force"))
    n.set_defaults(func=run)


def run(args) -> int:
    from layout.edition import load_edition
    from layout.edition.nextweek import PLACEHOLDER, STANDING_KINDS, next_edition_text, write_next_edition

    edition, diags = load_edition(args.source)
    if edition is None or has_errors(diags):
        print_diags(diags)
        print(msg("new.source-errors", path=args.source), file=sys.stderr)
        return 1
    ids = {a.id for p in edition.pages for a in p.articles}
    unknown = [k for k in args.keep if k not in ids]
    if unknown:
        print(msg("new.no-article", ids=tuple(unknown), path=args.source), file=sys.stderr)
        return 1
    if edition.date > dt.date.max - dt.timedelta(days=7):
        print(msg("new.no-next-week", path=args.source, date=edition.date.isoformat()), file=sys.stderr)
        return 1
    target = Path(args.next)
    if target.suffix.lower() not in (".yaml", ".yml"):
        target = target / "edition.yaml"
    if _same_file(target, Path(edition.path)):      # even with --force: it is this week's edition
        print(msg("new.onto-itself", target=target, source=edition.path), file=sys.stderr)
        return 1
    if target.exists() and not args.force:
        print(msg("new.exists", path=target), file=sys.stderr)
        return 1
    text, copies = next_edition_text(Path(edition.path), target, edition, set(args.keep))
    write_next_edition(target, text, copies)
    from layout.edition.sequence import next_numbers

    nxt = edition.date + dt.timedelta(days=7)
    issue, total = next_numbers(edition.date, edition.issue, edition.total_issue, nxt,
                                edition.paper.issue_resets)
    print(msg("new.wrote", path=target, paper=edition.paper.name, date=nxt.isoformat(),
              weekday=Phrase(f"weekday.{nxt.weekday()}"), issue=issue, total=total))
    todo = sum(1 for p in edition.pages for a in p.articles      # ads and the 导读 are kept as they are
               if a.id not in args.keep and a.kind not in STANDING_KINDS)
    print(msg("new.todo", n=todo, placeholder=PLACEHOLDER))
    return 0


def _same_file(a: Path, b: Path) -> bool:
    """Is `a` the file `b` (the same path, or a link to it, or a hard link)?"""
    try:
        return a.exists() and os.path.samefile(a, b)
    except OSError:
        return False
