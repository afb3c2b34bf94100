#!/usr/bin/env python3
"""Fonts stage timings: metrics cold (parse the font) vs warm (cache), cache
formats compared, and the embedding subset of a 3,000-character edition.

    python3 bench/fonts_bench.py
"""
from __future__ import annotations

import json
import marshal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from layout.fonts import FontSet  # noqa: E402
from layout.fonts.metrics import extract  # noqa: E402


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def edition_chars(fs: FontSet, font_id: str, n: int) -> str:
    """n distinct Han characters of the font, the commonest (GB2312 order) first."""
    out = []
    for a in range(0xB0, 0xF8):
        for b in range(0xA1, 0xFF):
            try:
                ch = bytes((a, b)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if fs.covers(font_id, ch):
                out.append(ch)
            if len(out) == n:
                return "".join(out)
    return "".join(out)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        cold = FontSet.load(cache_dir=cache)
        print(f"{'font':24} {'cold ms':>8} {'warm ms':>8} {'chars':>6}")
        for font_id in cold.ids():
            _, t_cold = timed(lambda: cold.covers(font_id, "中"))
            warm = FontSet.load(cache_dir=cache)
            _, t_warm = timed(lambda: warm.covers(font_id, "中"))
            n = len(warm.metrics(font_id).advances)
            print(f"{font_id:24} {t_cold * 1e3:8.1f} {t_warm * 1e3:8.1f} {n:6}")

        body = "noto-serif-sc-regular"
        entry = extract(cold.face(body).path)
        packed_m = marshal.dumps(entry)
        as_json = dict(entry, advances={str(k): v for k, v in entry["advances"].items()})
        packed_j = json.dumps(as_json).encode()
        _, t_m = timed(lambda: [marshal.loads(packed_m) for _ in range(20)])
        _, t_j = timed(lambda: [json.loads(packed_j) for _ in range(20)])
        print(f"\n{body} cache entry: marshal {len(packed_m) / 1e3:.0f} kB "
              f"{t_m / 20 * 1e3:.1f} ms/load; json {len(packed_j) / 1e3:.0f} kB "
              f"{t_j / 20 * 1e3:.1f} ms/load")

        for n in (300, 3000):
            text = edition_chars(cold, body, n)
            path, t_first = timed(lambda: cold.subset_for_embedding(body, text))
            _, t_again = timed(lambda: cold.subset_for_embedding(body, text))
            print(f"subset of {n} chars: {t_first:.2f} s first, {t_again * 1e3:.1f} ms cached, "
                  f"{path.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
