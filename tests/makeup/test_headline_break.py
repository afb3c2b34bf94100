"""Where a one-line 主题 breaks into two set lines (layout.makeup.headline_break)."""
from hypothesis import given, settings, strategies as st

from layout.compose.classes import LINE_END_PROHIBITED, LINE_START_PROHIBITED
from layout.makeup.headline_break import two_line_breaks


def first(text):
    return two_line_breaks(text)[0]


def test_a_headline_without_a_space_breaks_between_words_near_the_middle():
    assert first("区委书记专题会研究造林绿化工作") == ("区委书记专题会", "研究造林绿化工作")
    assert first("社会建设工作领导小组会议") == ("社会建设工作", "领导小组会议")
    assert first("八角街道组织志愿者上岗值守") == ("八角街道组织", "志愿者上岗值守")


def test_a_break_after_a_pause_mark_comes_first():
    assert first("老师变身“主播”，家长当起“助教”") == ("老师变身“主播”，", "家长当起“助教”")
    assert first("疫情防控不放松，复工复产加速跑") == ("疫情防控不放松，", "复工复产加速跑")
    # but not at any price: a pause mark far from the middle loses to a balanced break
    assert first("线上办、不见面助企业有序复工") == ("线上办、不见面", "助企业有序复工")


def test_a_phrase_edge_beats_a_word_boundary_nearer_the_middle():
    # the number begins the second phrase (2020年区政府全体会议), as an editor breaks it
    assert first("石景山区召开2020年区政府全体会议") == ("石景山区召开", "2020年区政府全体会议")


def test_never_inside_a_quotation_a_number_or_a_latin_word():
    for text in ("区商务局推出“一企一策”服务包", "我区2020年GDP增长5.2%", "发布《石景山区垃圾分类指引》"):
        for a, b in two_line_breaks(text, 10):
            assert a + b == text
            assert a.count("“") == a.count("”") and a.count("《") == a.count("》"), (a, b)
            assert not (a[-1].isdigit() and (b[0].isdigit() or b[0] in "年%.")), (a, b)
            assert not (a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha()), (a, b)


def test_a_headline_with_a_space_breaks_only_there():
    assert two_line_breaks("公园限流 市民错峰赏早春", 10) == (("公园限流", "市民错峰赏早春"),)


def test_one_word_and_a_single_character_line_are_not_offered():
    assert two_line_breaks("众志成城") == ()
    assert all(len(a) >= 2 and len(b) >= 2 for a, b in two_line_breaks("区商务局推出“一企一策”服务包", 10))


HEADLINE_CHARS = st.sampled_from(list("区委书记专题会研究造林绿化工作我市推出服务包年月日") +
                                 list("，、：“”《》（）") + list("2020GDP5%"))


@settings(max_examples=150, deadline=None)
@given(st.text(HEADLINE_CHARS, min_size=2, max_size=22))
def test_every_break_keeps_the_text_and_the_line_break_rules(text):
    for a, b in two_line_breaks(text, 10):
        assert a + b == text
        assert b[0] not in LINE_START_PROHIBITED and a[-1] not in LINE_END_PROHIBITED, (a, b)
        depth = 0
        for ch in a:
            depth += (ch in "“《（") - (ch in "”》）")
        assert depth <= 0, (a, b)        # no quotation or bracket left open across the break
