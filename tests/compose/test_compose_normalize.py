"""normalize_text: ASCII punctuation inside Chinese text, quotes, invisible characters."""
import pytest

from layout.compose import Change, normalize_text


def norm(text):
    return normalize_text(text, ascii_punct=True)[0]


@pytest.mark.parametrize("src,want", [
    ("2月23日上午,区委书记", "2月23日上午，区委书记"),
    ("本报讯(记者李思婵)", "本报讯（记者李思婵）"),
    ("社区(村)党委(党组)", "社区（村）党委（党组）"),
    ("(下转2版)", "（下转2版）"),
    ("指出:要认真;好吗?好!", "指出：要认真；好吗？好！"),
    ("使用Python,然后", "使用Python，然后"),
    ("他说:\"好\"。", "他说：“好”。"),
])
def test_maps_in_chinese_context(src, want):
    assert norm(src) == want


@pytest.mark.parametrize("src", [
    "共12,345人", "增长3.5%", "http://www.sjs.gov.cn", "2003-L0007", "e.g. this",
    "10:30开会", "Hello, world!", "iPhone (A1234) model",
])
def test_keeps_ascii_inside_latin_and_numbers(src):
    assert norm(src) == src.replace('"', "")


def test_quotes_paired_in_order_and_unpaired_reported():
    text, changes = normalize_text('"甲"乙"丙"丁"戊', ascii_punct=True)
    assert text == "“甲”乙“丙”丁“戊"
    unpaired = [c for c in changes if "unpaired" in c.reason]
    assert len(unpaired) == 1 and unpaired[0].index == 8 and unpaired[0].new == "“"


def test_changes_report_original_positions():
    text, changes = normalize_text("甲\u200b乙,丙", ascii_punct=True)
    assert text == "甲乙，丙"
    assert changes == (Change(1, "\u200b", "", "zero-width character removed"),
                       Change(3, ",", "，", "ASCII punctuation in Chinese text"))


def test_strips_all_zero_width_characters():
    text, changes = normalize_text("\ufeff甲\u200c乙\u200d丙\u200b", ascii_punct=False)
    assert text == "甲乙丙" and len(changes) == 4


def test_control_characters_reported_not_dropped():
    text, changes = normalize_text("甲\x07乙", ascii_punct=False)
    assert text == "甲\x07乙"
    assert [c.index for c in changes] == [1] and "control" in changes[0].reason


def test_without_ascii_punct_leaves_punctuation():
    assert normalize_text('甲,乙"丙"', ascii_punct=False) == ('甲,乙"丙"', ())


def test_pure_and_idempotent():
    src = '本报讯(记者李思婵)2月23日,"好"!'
    once = norm(src)
    assert norm(once) == once and norm(src) == once


# ---- `newsprint check` reports what was normalised, one note per article

def _minimal_copy(tmp_path, normalise=True, extra=""):
    import shutil
    from pathlib import Path
    src = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
    dst = tmp_path / "minimal"
    shutil.copytree(src, dst)
    if not normalise:
        paper = dst / "paper.yaml"
        paper.write_text(paper.read_text(encoding="utf-8").replace(
            "normalize_ascii_punct: true", "normalize_ascii_punct: false"), encoding="utf-8")
    ed = dst / "2020-02-24" / "edition.yaml"
    old = "          - 会议指出,要抓好落实。"
    ed.write_text(ed.read_text(encoding="utf-8").replace(old, old + extra), encoding="utf-8")
    return ed


def _check(capsys, ed):
    from layout.cli import main
    code = main(["check", str(ed)])
    err = capsys.readouterr().err
    return code, [ln for ln in err.splitlines() if ": info: " in ln]


def test_check_reports_normalisation_per_article(tmp_path, capsys):
    ed = _minimal_copy(tmp_path, extra='\n          - \'他说:"好",又说:"行"。\'')
    code, notes = _check(capsys, ed)
    assert code == 0
    lead = [n for n in notes if "article lead-story:" in n]
    assert len(lead) == 1
    # byline (记者…) -> （）, two "," and two ":" in the paragraphs, one in the new one
    assert "edition.yaml:15:9: info: article lead-story: normalised 7 ASCII punctuation marks " \
           "to full width (，×3 （）×2 ：×2), paired 4 straight quotes as “ ”" in lead[0]
    assert any("article photo-of-the-week: normalised 1 ASCII punctuation mark to full width (：×1)" in n
               for n in notes)


def test_no_note_when_the_paper_keeps_ascii_punctuation(tmp_path, capsys):
    code, notes = _check(capsys, _minimal_copy(tmp_path, normalise=False))
    assert code == 0 and notes == []
