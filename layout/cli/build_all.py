"""`newsprint build --all DIR [--jobs N]`: every edition under DIR in a process pool (layout.batch)."""
from __future__ import annotations

import sys


def run_all(args) -> int:
    if (args.all is None) == (args.edition is None):
        print("newsprint build: give an EDITION or --all DIR (one of them)", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("newsprint build: --jobs must be 1 or more", file=sys.stderr)
        return 2
    from layout.batch import build_all, default_jobs, find_editions

    editions = find_editions(args.all)
    if not editions:
        print(f"newsprint: no edition (a folder with edition.yaml) under {args.all}", file=sys.stderr)
        return 1
    flags = [f for f, on in (("--marks", args.marks), ("--strict", args.strict), ("-q", args.quiet),
                             ("--proof", getattr(args, "proof", False))) if on]
    results = build_all(editions, ["-o", args.output, *flags], args.jobs or default_jobs())
    for r in results:
        sys.stdout.write(r.stdout)
        sys.stderr.write(r.stderr)
    failed = [r for r in results if r.code]
    print(f"{len(results) - len(failed)} editions built, {len(failed)} failed")
    for r in failed:
        print(f"  FAILED {r.edition} (exit {r.code})", file=sys.stderr)
    return max(r.code for r in results)
