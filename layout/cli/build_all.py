"""`newsprint build --all DIR [--jobs N]`: every edition under DIR in a process pool (cli.batch)."""
from __future__ import annotations

import sys

from layout.cli.messages import msg
from layout.cli.report import print_json


def run_all(args) -> int:
    json = getattr(args, "json", False)

    def refuse(text: str, code: int) -> int:
        print_json("build", code) if json else print(text, file=sys.stderr)
        return code

    if (args.all is None) == (args.edition is None):
        return refuse(msg("all.neither"), 2)
    if args.jobs is not None and args.jobs < 1:
        return refuse(msg("all.jobs"), 2)
    from layout.cli.batch import BatchOptions, build_all, default_jobs, find_editions, same_folder
    from layout.cli.build import options

    editions = find_editions(args.all)
    if not editions:
        return refuse(msg("all.none", path=args.all), 1)
    clashes = same_folder(editions, args.output)
    if clashes:
        return refuse("\n".join(msg("same-folder", first=a, second=b, folder=f) for a, b, f in clashes), 1)
    try:
        opts = options(args)
    except ValueError as exc:                     # SOURCE_DATE_EPOCH malformed
        return refuse(msg("epoch.bad", why=exc.args[0]), 1)
    results = build_all(editions, BatchOptions(args.output, opts, args.quiet),
                        args.jobs or default_jobs())
    code = max(r.code for r in results)
    if json:
        print_json("build", code)
        return code
    for r in results:
        sys.stdout.write(r.stdout)
        sys.stderr.write(r.stderr)
    failed = [r for r in results if r.code]
    print(msg("all.summary", built=len(results) - len(failed), failed=len(failed)))
    for r in failed:
        print(msg("all.failed", edition=r.edition, code=r.code), file=sys.stderr)
    return code
