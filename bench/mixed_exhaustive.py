"""How far the breaker is from the best the break rules allow on the mixed-text proof set:
for every paragraph and measure, every legal set of breaks searched
(tests/fixtures/legal_breaks.py), each line classed by the breaker's own cost as short
(set short of the measure), loose (a gap beyond ¼ em) or within the limits.

    python bench/mixed_exhaustive.py [-v]

Prints, by measure, the loose and short lines of newsprint's setting, of the legal
setting with the fewest short lines and then the fewest loose ones (what the breaker
aims at), and of the one with the fewest loose lines whatever it sets short (what the
goal of ≤ 1 % loose lines would take). `-v` lists the lines. A figure to read, not a test.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from mixed_proof import EM, MEASURES, SONG, paragraphs  # noqa: E402

from fixtures.legal_breaks import SHORT, classed, exhaustive  # noqa: E402

from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph, normalize_text  # noqa: E402
from layout.compose.prepare import prepare  # noqa: E402
from layout.fonts import FontSet  # noqa: E402


def main() -> None:
    verbose = "-v" in sys.argv
    fonts = FontSet.load()
    style, para = CharStyle(SONG, EM), ParaStyle(indent_em=2.0)
    texts = [normalize_text(t, ascii_punct=True)[0] for t in paragraphs()]
    settings = {"newsprint": None,
                "fewest short, then loose": lambda t: (t[0], t[1], t[2]),
                "fewest loose": lambda t: (t[1], t[0], t[2])}
    print("measure  " + "  ".join(f"{name:>26}" for name in settings) + "   (loose / short lines)")
    for m in MEASURES:
        counts = {name: [0, 0] for name in settings}
        for t in texts:
            p = prepare([Span(t, style)], para, fonts)
            cp = compose_paragraph([Span(t, style)], m * EM, para, fonts)
            for name, key in settings.items():
                lines = classed(p, cp, m * EM, 2 * EM) if key is None else exhaustive(p, m * EM, 2 * EM, key)[1]
                for s, e, k in lines:
                    if k:
                        counts[name][k == SHORT] += 1
                        if verbose:
                            print(f"  {m:>2} {name:<26} {k:<5} {t[s:e]} | {t[e:e + 12]}")
        print(f"{m:>7}  " + "  ".join(f"{lo:>20} / {sh:>3}" for lo, sh in counts.values()))


if __name__ == "__main__":
    main()
