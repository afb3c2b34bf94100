"""农历: the Chinese calendar date of a publication date, as a masthead prints it
(庚子年二月初二, 庚子年闰四月初一), and the reading of a typed one to check it.

The conversion is lunardate's (a table of the months 1900-2099, as published by the
Purple Mountain Observatory); the names are the usual ones: 正月 … 十月, 冬月, 腊月 for
the months, 初一 … 初十, 十一 … 二十, 廿一 … 廿九, 三十 for the days. A typed date may use
the other common spellings (一月, 十一月, 十二月, 二十一, 卅 …): they mean the same.
"""
from __future__ import annotations

import datetime as dt
import re

STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_DIGITS = "一二三四五六七八九十"
FIRST, LAST = dt.date(1900, 1, 31), dt.date(2100, 2, 8)    # 1900 正月初一 .. 2099 腊月三十


def ganzhi_year(lunar_year: int) -> str:
    """The 干支 name of a lunar year: 2020 -> 庚子 (1984 was 甲子)."""
    return STEMS[(lunar_year - 4) % 10] + BRANCHES[(lunar_year - 4) % 12]


def day_name(day: int) -> str:
    if day <= 10:
        return "初" + _DIGITS[day - 1]
    if day < 20:
        return "十" + _DIGITS[day - 11]
    if day == 20:
        return "二十"
    if day < 30:
        return "廿" + _DIGITS[day - 21]
    return "三十"


def lunar_parts(date: dt.date) -> tuple[str, bool, int, int] | None:
    """(干支 year, leap month?, month 1-12, day 1-30), or None outside 1900-2099."""
    if not FIRST <= date <= LAST:
        return None
    from lunardate import LunarDate     # imported when a date is converted

    lunar = LunarDate.from_solar_date(date.year, date.month, date.day)
    return ganzhi_year(lunar.year), bool(lunar.is_leap_month), lunar.month, lunar.day


def lunar_text(date: dt.date) -> str:
    """庚子年二月初二 for 2020-02-24; "" outside the years the table covers."""
    parts = lunar_parts(date)
    if parts is None:
        return ""
    year, leap, month, day = parts
    return f"{year}年{'闰' if leap else ''}{MONTHS[month - 1]}月{day_name(day)}"


_TYPED = re.compile(r"(?:农历)?\s*(?:(?P<year>[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])年)?\s*"
                    r"(?P<leap>闰)?(?P<month>正|冬|腊|十[一二]|[一二三四五六七八九十])月\s*"
                    r"(?P<day>初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?"
                    r"|廿[一二三四五六七八九]|三十|卅)")


def read_typed(text: str) -> tuple[str, bool, int, int] | None:
    """(干支 year or "", leap, month, day) of a typed 农历 date, or None when it is none."""
    m = _TYPED.search(text)
    if not m:
        return None
    month = m["month"]
    month_number = {"正": 1, "冬": 11, "腊": 12, "十一": 11, "十二": 12}.get(month)
    if month_number is None:
        month_number = _DIGITS.index(month) + 1
    day = m["day"]
    if day in ("三十", "卅"):
        day_number = 30
    elif day.startswith("初"):
        day_number = _DIGITS.index(day[1]) + 1
    elif day.startswith("廿"):
        day_number = 20 + _DIGITS.index(day[1]) + 1
    elif day.startswith("二十"):
        day_number = 20 + (_DIGITS.index(day[2]) + 1 if len(day) == 3 else 0)
    else:                                   # 十一 … 十九
        day_number = 10 + _DIGITS.index(day[1]) + 1
    return m["year"] or "", bool(m["leap"]), month_number, day_number


def contradiction(typed: str, date: dt.date) -> tuple[str, dict] | None:
    """(catalogue code, its arguments) when a typed 农历 date does not fit the publication
    date; None when it fits, or cannot be checked (the table does not cover the year)."""
    computed = lunar_parts(date)
    if computed is None:
        return None
    read = read_typed(typed)
    args = {"typed": typed, "date": date.isoformat(), "computed": lunar_text(date)}
    if read is None:
        return "lunar-unreadable", args
    year, leap, month, day = read
    if (year and year != computed[0]) or (leap, month, day) != computed[1:]:
        return "lunar-contradicts", args
    return None
