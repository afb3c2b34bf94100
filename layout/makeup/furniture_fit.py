"""Furniture set inside its place or reported: a text of the 报头, 报眼 or 报眉 that is wider
(or a stack taller) than the room the page design gives it is an error at the place in the
paper or edition file that holds it, so it is never printed over other furniture."""
from __future__ import annotations

import string

from layout.base.diagnostics import Phrase, SourcePos, error

MM_PER_PT = 25.4 / 72
SHOWN = 24                  # characters of a text quoted in a message
FOLIO_GAP_EM = 1.0          # room between the 报眉's left, centre and right texts
PAGE_FIELDS = ("section", "editor", "art_editor")


def _shown(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def too_wide(ts, page: int, what: Phrase, text: str, width: float, room: float, pos, hint: str) -> bool:
    """Report `text` (`width` pt) wider than its `room`; True if it was."""
    if width <= room + 0.01:
        return False
    ts.diagnostics.append(error("furniture-too-wide", pos or _paper(ts), page=page, what=what,
                                text=_shown(text), width=f"{width * MM_PER_PT:.1f}",
                                room=f"{max(room, 0.0) * MM_PER_PT:.1f}", hint=_hint(hint)))
    return True


def _hint(code: str, **args) -> Phrase:
    return Phrase(code, key="styles.masthead_title", **args) if code == "hint.title" else Phrase(code, **args)


def too_tall(ts, page: int, what: Phrase, need: float, room: float, pos, hint: str, **args) -> bool:
    """Report a stack `need` pt tall in `room` pt; True if it was."""
    if need <= room + 0.01:
        return False
    ts.diagnostics.append(error("furniture-too-tall", pos or _paper(ts), page=page, what=what,
                                need=f"{need * MM_PER_PT:.1f}", room=f"{max(room, 0.0) * MM_PER_PT:.1f}",
                                hint=_hint(hint, **args)))
    return True


def _paper(ts) -> SourcePos | None:
    return SourcePos(ts.paper.path) if ts.paper.path else None


def folio_fits(ts, page, texts: dict[str, str], widths: dict[str, float], width: float) -> None:
    """The 报眉's left, centre and right texts (by slot) side by side in `width` with a gap
    of an em between them; the one that takes more than its share is reported, where the
    page's field it holds is written (the longest), else at the paper's folio."""
    gap = ts.size("folio") * FOLIO_GAP_EM
    wl, wc, wr = (widths.get(k, 0.0) for k in ("left", "center", "right"))
    if wc:
        rooms = {"left": (width - wc) / 2 - gap, "right": (width - wc) / 2 - gap,
                 "center": width - 2 * (max(wl, wr) + gap)}
    else:
        rooms = {"left": width - wr - gap if wr else width, "right": width - wl - gap if wl else width}
    over = [k for k in texts if widths[k] > rooms[k] + 0.01]
    if not over:
        return
    slot = max(over, key=lambda k: widths[k])      # the long text, not the one it pushes aside
    template = getattr(ts.paper.folio, slot)
    used = [k for _, k, _, _ in string.Formatter().parse(template) if k in PAGE_FIELDS and getattr(page, k)]
    if used:
        key = max(used, key=lambda k: len(getattr(page, k)))
        pos = page.where(key)
    else:
        pos = ts.paper.folio.pos if ts.paper.folio.pos.line else None
    too_wide(ts, page.number, Phrase(f"folio.{slot}"), texts[slot], widths[slot], rooms[slot], pos,
             "hint.shorten")
