"""What the command says when a run stops on an exception: the fonts folder, the file
system, or a bug in newsprint (exit 70, traceback only with NEWSPRINT_DEBUG=1)."""
from __future__ import annotations

import os


def explain(exc: Exception, err) -> int:
    """Tell `exc` on `err`; its exit code.  Re-raised for a bug when NEWSPRINT_DEBUG is set."""
    from layout.fonts import FontError

    if isinstance(exc, FontError):            # fonts/ folder, manifest or a font file broken
        print(f"newsprint: fonts: {exc}", file=err)
        print("newsprint: reinstall the fonts folder (or fix $NEWSPRINT_FONTS_DIR)", file=err)
        return 1
    if isinstance(exc, OSError):              # e.g. output folder read-only, disk full
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"newsprint: {where}{exc.strerror or exc}; no file was left half-written", file=err)
        return 1
    if os.environ.get("NEWSPRINT_DEBUG"):     # a bug: say so, no traceback unless asked
        raise exc
    print(f"newsprint: internal error: {type(exc).__name__}: {exc}", file=err)
    print("newsprint: this is a bug in newsprint, not in the edition; no file was left "
          "half-written. Rerun with NEWSPRINT_DEBUG=1 for the traceback and report it.", file=err)
    return 70
