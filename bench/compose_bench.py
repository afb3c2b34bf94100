"""Characters composed per second on the sample edition's body text (all four pages,
normalised as the paper asks), at the paper's body measure (12 characters of 9 pt), in CPU
time (the best of 3 runs); and the looseness search automatic makeup runs: every paragraph
set a line longer and a line shorter (compose_paragraph(looseness=±1, natural_lines=…)).

    python3 bench/compose_bench.py [--synthetic]

Uses layout.fonts.FontSet (the shipped fonts) when it loads, else synthetic metrics.
A figure to watch, not a test.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph, normalize_text  # noqa: E402
from layout.compose.synthetic import SyntheticMetrics  # noqa: E402

EDITION = Path(__file__).resolve().parents[1] / "editions" / "shijingshan" / "2020-02-24"


def edition_paragraphs():
    """(paragraphs, body font chain, size, measure) of the sample edition."""
    from layout.edition import load_edition
    from layout.makeup import make_grid

    edition, diags = load_edition(EDITION)
    if edition is None:
        sys.exit("\n".join(str(d) for d in diags))
    paper = edition.paper
    ascii_punct = paper.normalize_ascii_punct
    paras = [normalize_text(p.text, ascii_punct=ascii_punct)[0]
             for page in edition.pages for a in page.articles for p in a.paragraphs]
    body = paper.styles["body"]
    return paras, tuple(paper.fonts[body.font]), body.size_pt, make_grid(paper).col_width


def metrics_and_fonts(synthetic: bool):
    if not synthetic:
        try:
            from layout.fonts import FontSet
            fonts = FontSet.load()
            return fonts, ("noto-serif-sc-regular",), "FontSet"
        except Exception as exc:    # the fonts stage may not be ready
            print(f"FontSet unavailable ({exc}); using synthetic metrics")
    return SyntheticMetrics(), ("song",), "synthetic"


def main() -> None:
    metrics, chain, name = metrics_and_fonts("--synthetic" in sys.argv)
    paras, body_chain, size, measure = edition_paragraphs()
    style = CharStyle(body_chain if name == "FontSet" else chain, size)
    work = []
    while sum(len(p) for p in work) < 20000:
        work.extend(paras)
    chars = sum(len(p) for p in work)
    for p in paras:                 # warm the metrics caches
        compose_paragraph([Span(p, style)], measure, ParaStyle(), metrics)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        lines = 0
        for p in work:
            lines += len(compose_paragraph([Span(p, style)], measure, ParaStyle(), metrics).lines)
        best = min(best, time.process_time() - t0)
    print(f"{name}: {chars} characters ({len(paras)} paragraphs of the sample edition, repeated), "
          f"{lines} lines of {measure / size:.0f} x {size} pt in {best:.3f} s = {chars / best:,.0f} characters/s")
    natural = [len(compose_paragraph([Span(p, style)], measure, ParaStyle(), metrics).lines) for p in work]
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        found = 0
        for p, n in zip(work, natural):
            for loose in (1, -1):
                found += compose_paragraph([Span(p, style)], measure, ParaStyle(), metrics, loose, n) is not None
        best = min(best, time.process_time() - t0)
    print(f"looseness: {len(work)} paragraphs set a line longer and shorter ({found} of {2 * len(work)} "
          f"settings found) in {best:.3f} s CPU")


if __name__ == "__main__":
    main()
