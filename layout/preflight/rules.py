"""The figures of the plant's rules that preflight holds a plate to (印前检查标准), each with
its source; layout.preflight.scan finds what breaks them, layout.preflight.checks and
layout.preflight.document report them.  Sources: /work/shared/design/typesetting-facts.md §4
(NIAD, Tribune, USA Today, TCM, WBJ specifications; GWG) and ISO 15930-1 (PDF/X-1a)."""
from __future__ import annotations

BLACK_TEXT_OVERPRINT_PT = 12.0   # 100 K text below this must overprint with OPM 1 (GWG: black text < 12 pt)
BLACK_RULE_OVERPRINT_PT = 2.0    # 100 K strokes thinner than this must overprint (our figure: every rule
#                                  the build draws is under it)
MULTI_INK_RULE_MIN_PT = 1.0      # a stroke in two or more inks: misregistration fringes thinner ones
MULTI_INK_TEXT_MIN_PT = 10.0     # NIAD: 4-colour type ≥ 10 pt
TINT_TEXT_MIN_PT = 8.0           # NIAD: tinted one-colour type ≥ 8 pt (a warning)
REVERSE_TEXT_MIN_PT = 10.0       # USA Today, Tribune: reverse (white) type ≥ 10 pt
MIN_IMAGE_PPI = 150.0            # effective resolution at the placed size: below is refused
LOW_IMAGE_PPI = 200.0            # below this, a warning
MAX_OPERATIONS = 2_000_000       # content operations walked per page, forms drawn again included
MAX_FORM_DRAWS = 5_000           # forms drawn per page; beyond either: "too complex to check"

# Output conditions registered in the ICC characterization data registry (color.org) that a
# newspaper plate may name without embedding a profile.
REGISTERED_CONDITIONS = frozenset({
    "CGATS TR 001", "CGATS TR 002", "CGATS TR 003", "CGATS TR 005", "CGATS TR 006",
    "CGATS21-2-CRPC1", "CGATS21-2-CRPC2", "CGATS21-2-CRPC3", "CGATS21-2-CRPC4",
    "CGATS21-2-CRPC5", "CGATS21-2-CRPC6", "CGATS21-2-CRPC7",
    "FOGRA27", "FOGRA28", "FOGRA29", "FOGRA30", "FOGRA39", "FOGRA40", "FOGRA45", "FOGRA47",
    "FOGRA51", "FOGRA52", "FOGRA53", "IFRA26", "IFRA30", "JC200103", "JCN2002", "JCW2003",
    "SNAP 2007"})


def process_inks(kind: str, values) -> int:
    """How many process inks a CMYK colour lays down (a spot colour or grey: one)."""
    if kind in ("cmyk", "devicen"):
        return sum(1 for v in values if v > 0)
    if kind == "gray":
        return 1 if values and values[0] < 1 else 0
    return 1 if kind == "spot" and values and values[0] > 0 else 0


def strongest_ink(kind: str, values) -> float:
    """The heaviest single ink of a colour, 0..1 (grey: its K)."""
    if kind == "gray":
        return 1 - values[0] if values else 0.0
    return max(values) if values else 0.0


def is_black(kind: str, values) -> bool:
    """100 % K and nothing else: the black that overprints (黑色压印)."""
    return kind == "cmyk" and len(values) == 4 and values[3] >= 0.999 and max(values[:3]) <= 0


def is_white(kind: str, values) -> bool:
    """No ink at all: paper white (reverse type, knock-outs)."""
    if kind == "cmyk" and len(values) == 4:
        return max(values) <= 0
    return kind == "gray" and len(values) == 1 and values[0] >= 1
