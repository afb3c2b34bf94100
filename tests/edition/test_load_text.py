"""invisible_in: the quick scan for invisible characters finds exactly what a scan of
every character finds."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from layout.edition.invisible import invisible_in, is_invisible

_CHARS = st.sampled_from(list("中文 abc\t\n\r\u3000，。") + ["\u200b", "\ufeff", "\x00", "\x1e", "\x7f",
                                                             "\u00ad", "\u202e", "\u2028", "𠀀"])


@given(st.one_of(st.text(), st.text(_CHARS)))
def test_same_as_every_character(text):
    assert invisible_in(text) == [(i, ch) for i, ch in enumerate(text) if is_invisible(ch)]


def test_positions_and_white_space():
    assert invisible_in("本报讯\u200b记者\u3000张三\t\n") == [(3, "\u200b")]
    assert invisible_in("a\u00adb\u00ad") == [(1, "\u00ad"), (3, "\u00ad")]
    assert invisible_in("") == [] and invisible_in("\t\r\n") == []
