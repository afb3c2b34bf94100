"""Characters composed per second on the seed front page (normalized), ~20,000 characters.

    python3 bench/compose_bench.py [--synthetic]

Uses layout.fonts.FontSet (the shipped fonts) when it loads, else synthetic metrics.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from layout.compose import CharStyle, ParaStyle, Span, compose_paragraph, normalize_text  # noqa: E402
from layout.compose.synthetic import SyntheticMetrics  # noqa: E402

SEED = Path("/work/shared/seed/front-page-1892.yaml")
BODY_PT = 9.0          # 小五
COLUMN_CHARS = 11      # 四开 基本栏


def seed_paragraphs() -> list[str]:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    return [normalize_text(p, ascii_punct=True)[0]
            for a in data["articles"] for p in a["paragraphs"]]


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
    paras = seed_paragraphs()
    style = CharStyle(chain, BODY_PT)
    measure = COLUMN_CHARS * BODY_PT
    work = []
    while sum(len(p) for p in work) < 20000:
        work.extend(paras)
    chars = sum(len(p) for p in work)
    for p in paras:                 # warm the metrics caches
        compose_paragraph([Span(p, style)], measure, ParaStyle(), metrics)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        lines = 0
        for p in work:
            lines += len(compose_paragraph([Span(p, style)], measure, ParaStyle(), metrics).lines)
        best = min(best, time.perf_counter() - t0)
    print(f"{name}: {chars} characters, {lines} lines of {COLUMN_CHARS} x {BODY_PT} pt "
          f"in {best:.3f} s = {chars / best:,.0f} characters/s")


if __name__ == "__main__":
    main()
