"""What the command says when a run stops on an exception: the fonts folder, the file
system, or a bug in newsprint (exit 70, traceback only with NEWSPRINT_DEBUG=1)."""
from __future__ import annotations

import os

from layout.base.catalogue import msg, os_reason


def explain(exc: Exception, err) -> int:
    """Tell `exc` on `err`; its exit code.  Re-raised for a bug when NEWSPRINT_DEBUG is set."""
    from layout.fonts import FontError

    if isinstance(exc, FontError):            # fonts/ folder, manifest or a font file broken
        print(msg("fail.fonts", reason=exc), file=err)
        print(msg("fail.fonts-hint"), file=err)
        return 1
    if isinstance(exc, OSError):              # e.g. output folder read-only, disk full
        print(msg("fail.os", file=exc.filename or None, reason=os_reason(exc)), file=err)
        return 1
    if os.environ.get("NEWSPRINT_DEBUG"):     # a bug: say so, no traceback unless asked
        raise exc
    print(msg("fail.bug", kind=type(exc).__name__, reason=exc), file=err)
    print(msg("fail.bug-hint"), file=err)
    return 70
