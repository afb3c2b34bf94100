"""The line breaker's fast paths give what its plain definitions give: the inlined line
costs are Fitter.line_cost plus the break penalty (and the widow rule's), and the looseness
search told the natural line count (pruned to the counts it can still reach) finds the same
settings as the search over every count."""
from pathlib import Path

import pytest

from layout.compose import CharStyle, ParaStyle, Span, normalize_text
from layout.compose import breaking
from layout.compose.breaking import (CONTENT, WIDOW_PENALTY, Fitter, _by_count, _lines_from,
                                     breaks_with_looseness, choose_breaks)
from layout.compose.prepare import prepare
from layout.compose.synthetic import SyntheticMetrics

PROOF = Path(__file__).resolve().parents[1] / "fixtures" / "mixed" / "proof.txt"
METRICS = SyntheticMetrics()
STYLE = CharStyle(("song",), 10.0)
TEXTS = [normalize_text(t, ascii_punct=True)[0]
         for t in PROOF.read_text(encoding="utf-8").splitlines() if t.strip()] + [
    "“你好，”他说。“走吧！”——这是……最后一句话。",
    "《人民日报》（海外版）、新华社：今天，石景山区召开会议。",
    "甲" * 37,
    "a" * 60 + "甲乙",
]
SETTINGS = [(m * 10.0, ParaStyle(indent_em=ind, open_start_half=osh, avoid_short_last_line=w))
            for m in (3, 7, 12, 20) for ind, osh, w in ((2.0, False, True), (0.0, True, False))]


@pytest.mark.parametrize("measure,para", SETTINGS)
def test_the_inlined_costs_are_the_line_costs(measure, para):
    for text in TEXTS:
        p = prepare([Span(text, STYLE)], para, METRICS)
        n_eff = len(text.rstrip())
        indent = para.indent_em * 10.0
        fitter = Fitter(p)
        ends, costs = _lines_from(p, n_eff, measure, indent, para.avoid_short_last_line, 6)
        for s in range(n_eff):
            avail = measure - indent if s == 0 else measure
            cands = ends(s)
            assert cands and all(s < e <= n_eff for e, _ in cands)
            for (e, pen), (e2, d) in zip(cands, costs(s, cands)):
                final = e == n_eff
                want = fitter.line_cost(s, e, avail, final) + pen
                if final and para.avoid_short_last_line and s > 0 and \
                        sum(map(CONTENT.__contains__, p.cls[s:e])) <= 1:
                    want += WIDOW_PENALTY
                assert e2 == e and d == want, (text, s, e)


@pytest.mark.parametrize("measure,para", SETTINGS)
def test_the_pruned_looseness_search_finds_the_same_settings(measure, para):
    for text in TEXTS:
        p = prepare([Span(text, STYLE)], para, METRICS)
        args = (p, measure, para.indent_em * 10.0, para.avoid_short_last_line)
        full = _by_count(*args)
        natural = len(choose_breaks(*args))
        for most in (natural - 1, natural, natural + 1, natural + 2):
            pruned = _by_count(*args, most)
            assert pruned == {k: v for k, v in full.items() if k <= most}, (text, most)
        for loose in (1, -1, 2, -1, -2):
            breaking._BY_COUNT.clear()
            alone = breaks_with_looseness(*args, loose, natural)
            breaking._BY_COUNT.clear()
            by_full = full.get(natural + loose)
            if alone is not None:
                assert by_full is not None and alone == by_full[1]
            assert breaks_with_looseness(*args, loose, natural) == alone   # cached
