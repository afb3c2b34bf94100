"""The edition's files watched (watchfiles: the system's own notifications); every change
is a rebuild, published at once; after a partial make-up the whole edition is made up
again when the files have been quiet a moment, and anything that differs is published."""
from __future__ import annotations

import os
import threading
from pathlib import Path

STEP_MS = 5            # how long watchfiles waits for more changes of one save
CONFIRM_AFTER_MS = 150  # quiet time before the full make-up that confirms a partial one


def watch_in_thread(desk, publish, stop: threading.Event, on_build=None) -> threading.Thread:
    """Start the watch; publish(snapshot) after each build, on_build(snapshot) too (the
    terminal line).  It stops when `stop` is set."""
    thread = threading.Thread(target=_loop, args=(desk, publish, stop, on_build),
                              name="desk-watch", daemon=True)
    thread.start()
    return thread


def _loop(desk, publish, stop, on_build) -> None:
    import watchfiles

    from layout.cli.watch_loop import change_filter

    folder = Path(desk.path)
    folder = folder if folder.is_dir() else folder.parent
    root = str(folder.resolve().parent)             # the paper's folder: paper.yaml, images/
    for changes in watchfiles.watch(root, watch_filter=change_filter(folder), step=STEP_MS,
                                    debounce=1600, stop_event=stop, rust_timeout=CONFIRM_AFTER_MS,
                                    yield_on_timeout=True, raise_interrupt=False):
        def early(snap):                        # the page in view, before the others
            publish(snap)
            if on_build:
                on_build(snap)

        try:
            snap = desk.rebuild(early) if changes else desk.confirm()
        except Exception as exc:               # a bug: shown on the desk, the watch goes on
            if os.environ.get("NEWSPRINT_DEBUG"):
                raise
            snap = desk.failed(exc)
        if snap is None:
            continue
        publish(snap)
        if on_build:
            on_build(snap)
