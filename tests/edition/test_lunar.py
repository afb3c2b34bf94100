"""农历 computed from the publication date (layout.edition.lunar, through load_edition)."""
import datetime as dt
import shutil
from pathlib import Path

import pytest

from layout.edition import load_edition
from layout.edition.lunar import lunar_text, read_typed

MINIMAL = Path(__file__).parents[1] / "fixtures" / "minimal"


@pytest.mark.parametrize("date, lunar", [
    (dt.date(2020, 2, 24), "庚子年二月初二"),      # the sample: 二月初一 was 2020-02-23
    (dt.date(2021, 2, 12), "辛丑年正月初一"),      # 春节 2021
    (dt.date(2020, 5, 23), "庚子年闰四月初一"),    # the leap fourth month of 2020
    (dt.date(2020, 6, 20), "庚子年闰四月廿九"),    # its last day (a 29-day month)
    (dt.date(2020, 6, 21), "庚子年五月初一"),
    (dt.date(2021, 1, 4), "庚子年冬月廿一"),       # still the year 庚子 after 1 January
    (dt.date(2021, 2, 11), "庚子年腊月三十"),      # 除夕
    (dt.date(2023, 3, 22), "癸卯年闰二月初一"),
])
def test_published_lunar_dates(date, lunar):
    assert lunar_text(date) == lunar


def test_outside_the_table_there_is_no_lunar_date():
    assert lunar_text(dt.date(2150, 1, 1)) == ""


@pytest.mark.parametrize("typed", ["庚子年十一月廿一", "农历庚子年冬月二十一", "冬月廿一"])
def test_typed_spellings_read_alike(typed):
    assert read_typed(typed)[1:] == (False, 11, 21)


def _edition(tmp_path, lunar_line):
    dst = tmp_path / "minimal"
    shutil.copytree(MINIMAL, dst)
    file = dst / "2020-02-24" / "edition.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("lunar: 庚子年二月初二\n", lunar_line), encoding="utf-8")
    return file


def test_absent_lunar_is_computed(tmp_path):
    edition, diags = load_edition(_edition(tmp_path, ""))
    assert edition.lunar_date == "庚子年二月初二"
    assert not [d for d in diags if d.code.startswith("lunar")]


def test_typed_lunar_wins_and_a_contradiction_is_a_warning_naming_the_computed_date(tmp_path):
    edition, diags = load_edition(_edition(tmp_path, "lunar: 庚子年二月初三\n"))
    assert edition is not None and edition.lunar_date == "庚子年二月初三"
    (warn,) = [d for d in diags if d.code.startswith("lunar")]
    assert warn.severity.value == "warning"
    assert (warn.pos.line, warn.pos.col) == (8, 8)
    assert "庚子年二月初二" in warn.message


def test_typed_lunar_that_agrees_is_quiet(tmp_path):
    _, diags = load_edition(_edition(tmp_path, "lunar: 农历庚子年二月初二\n"))
    assert not [d for d in diags if d.code.startswith("lunar")]


def test_lunar_that_is_no_date_is_printed_with_a_warning(tmp_path):
    edition, diags = load_edition(_edition(tmp_path, "lunar: 龙抬头\n"))
    assert edition.lunar_date == "龙抬头"
    assert ["lunar-unreadable"] == [d.code for d in diags if d.code.startswith("lunar")]


def test_the_table_s_first_and_last_days():
    assert lunar_text(dt.date(1900, 1, 31)) == "庚子年正月初一"
    assert lunar_text(dt.date(2100, 2, 8)) == "己未年腊月三十"
    assert lunar_text(dt.date(1900, 1, 30)) == ""
