"""The loop of `newsprint watch`: rebuild (or re-preview one page) whenever an edition's files change,
and say how the copyfit moved.  Part of the CLI layer: it prints.

The fonts are loaded once and makeup's compose cache (layout.makeup.styles.COMPOSE_CACHE)
lives for the whole session, so a rebuild recomposes only the paragraphs that changed.
"""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

WATCHED_SUFFIXES = {".yaml", ".yml", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}   # .txt: story files


def copyfit_state(layout) -> dict:
    """(page, article id) -> (overflow chars, short lines, the copyfit in both units)."""
    from layout.cli.copyfit import fit_text

    return {(e.page, e.article_id): (e.overflow_chars, e.short_lines, fit_text(e)) for e in layout.copyfit}


def _fit(state, msg) -> str:
    return state[2] or msg("watch.fits")


def copyfit_changes(old: dict, new: dict, msg) -> list[str]:
    """Lines naming each article whose overflow or shortfall changed."""
    out = []
    for key in sorted(set(old) | set(new)):
        page, art = key
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if a is None:
            out.append(msg("watch.cf.new", page=page, article=art, now=_fit(b, msg)))
        elif b is None:
            out.append(msg("watch.cf.gone", page=page, article=art))
        else:
            out.append(msg("watch.cf.changed", page=page, article=art, was=_fit(a, msg), now=_fit(b, msg)))
    return out


def change_filter(edition_dir: Path):
    """Files that matter: the edition's folder, and the paper's own files beside it (paper.yaml,
    images/); not the other editions of the paper, not hidden or backup files."""
    edition_dir = edition_dir.resolve()
    paper_dir = edition_dir.parent

    def wanted(change, path: str) -> bool:
        p = Path(path)
        if p.name.startswith(".") or p.name.endswith("~") or p.suffix.lower() not in WATCHED_SUFFIXES:
            return False
        return (edition_dir in p.parents or p.parent == paper_dir
                or (paper_dir / "images") in p.parents or (paper_dir / "stories") in p.parents)
    return wanted


def watch(edition_path: str, build, msg, *, max_builds: int = 0, timeout: float = 0.0,
          debounce_ms: int = 300, out=None) -> int:
    """Build once, then again on every change of the edition's or the paper's files.

    build() -> (layout or None, lines to print); max_builds / timeout (s) > 0 stop the
    loop (tests, scripts); Ctrl-C stops it too.
    """
    out = out or sys.stdout
    try:
        import watchfiles
    except ImportError:
        print(msg("watch.no-watchfiles"), file=sys.stderr)
        return 1
    folder = Path(edition_path)
    folder = folder if folder.is_dir() else folder.parent
    roots = [str(folder.resolve().parent)]
    stop = threading.Event()
    timer = None
    if timeout > 0:
        timer = threading.Timer(timeout, stop.set)
        timer.daemon = True
        timer.start()
    previous = None
    builds = 0

    def once(reason: str) -> None:
        nonlocal previous, builds
        t0 = time.perf_counter()
        layout, lines = build()
        builds += 1
        stamp = time.strftime("%H:%M:%S")
        print(msg("watch.built", time=stamp, reason=reason, secs=time.perf_counter() - t0), file=out)
        for line in lines:
            print(f"  {line}", file=out)
        if layout is not None:
            state = copyfit_state(layout)
            if previous is not None:
                changes = copyfit_changes(previous, state, msg)
                print(msg("watch.cf.header") if changes else msg("watch.cf.none"), file=out)
                for line in changes:
                    print(f"  {line}", file=out)
            previous = state
        out.flush()

    try:
        once(msg("watch.first"))
        if max_builds and builds >= max_builds:
            return 0
        print(msg("watch.waiting", paths=", ".join(roots)), file=out)
        out.flush()
        for changes in watchfiles.watch(*roots, watch_filter=change_filter(folder), debounce=debounce_ms,
                                        stop_event=stop, rust_timeout=500, yield_on_timeout=False,
                                        raise_interrupt=False):
            names = sorted({Path(p).name for _, p in changes})
            once(", ".join(names))
            if max_builds and builds >= max_builds:
                break
    except KeyboardInterrupt:
        pass
    finally:
        if timer is not None:
            timer.cancel()
    print(msg("watch.stopped", builds=builds), file=out)
    return 0
