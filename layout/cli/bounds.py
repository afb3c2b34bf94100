"""Options that take a number: a whole one (WHOLE), or one within bounds: anything else (nan, inf, out of range, not a
number) is a usage error (exit 2) naming the bounds, never a hang or a crash later."""
from __future__ import annotations

import argparse
import math


def number_within(low: float, high: float, zero_too: bool = False):
    """An argparse `type`: a finite number from low to high (and 0 with `zero_too`)."""
    def parse(text: str) -> float:
        from layout.cli.messages import msg

        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if math.isfinite(value) and (low <= value <= high or (zero_too and value == 0)):
            return value
        raise argparse.ArgumentTypeError(
            msg("usage.bounds.zero" if zero_too else "usage.bounds", value=text, low=f"{low:g}",
                high=f"{high:g}"))
    parse.__name__ = "number"            # argparse names the type in its messages
    return parse


DPI = number_within(10, 600)             # 600 dpi: a 四开 page is 6,500 x 9,200 pixels (180 MB)
TIMEOUT = number_within(0.1, 7 * 24 * 3600, zero_too=True)
INK_LIMIT = number_within(100, 400)      # % total area coverage: 400 is every ink solid


def whole_number(text: str) -> int:
    """An argparse `type`: a whole number, as int() takes it; otherwise a usage error in the
    catalogue's words (argparse's own would name Python's type)."""
    from layout.cli.messages import msg

    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg("usage.whole", value=text)) from None


WHOLE = whole_number                     # --page, --jobs, --port, --variants, --max-builds
