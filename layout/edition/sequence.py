"""Issue numbers that follow the calendar: 第N期 (which may start again at 1 each year,
the paper's `issue_resets`) and 总第N期 (which always counts on), checked against the
previous edition in the same paper folder (the sibling folders whose edition file names
the same paper file)."""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from layout.edition.source import read_yaml, shown_path

EDITION_FILE = "edition.yaml"
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def next_numbers(date: dt.date, issue: int, total_issue: int, next_date: dt.date,
                 resets: str) -> tuple[int, int]:
    """(第N期, 总第N期) of the edition of `next_date` that follows this one."""
    if resets == "yearly" and next_date.year != date.year:
        return 1, total_issue + 1
    return issue + 1, total_issue + 1


class Previous:
    """The previous edition's date and numbers, and where it is."""

    def __init__(self, path: Path, date: dt.date, issue: int, total_issue: int):
        self.path, self.date, self.issue, self.total_issue = path, date, issue, total_issue


def previous_edition(file: Path, date: dt.date, paper_file: Path) -> Previous | None:
    """The latest edition before `date` among the sibling folders of `file`'s folder whose
    edition file names the same paper. Folders named by date (2020-02-24) are looked at
    newest first and only until one fits; others are all read."""
    here = file.parent.resolve()
    try:
        siblings = [d for d in here.parent.iterdir() if d.is_dir() and d.resolve() != here
                    and (d / EDITION_FILE).is_file()]
    except OSError:
        return None
    dated, undated = [], []
    for folder in siblings:
        named = _as_date(folder.name)
        if named is None:
            undated.append(folder)
        elif named < date:
            dated.append((named, folder))
    found = [p for p in map(lambda f: _read(f / EDITION_FILE, paper_file), undated)
             if p is not None and p.date < date]
    for _, folder in sorted(dated, reverse=True):
        previous = _read(folder / EDITION_FILE, paper_file)
        if previous is not None and previous.date < date:
            found.append(previous)
            break
    return max(found, key=lambda p: p.date, default=None)


def sequence_problems(date: dt.date, issue: int, total_issue: int, resets: str,
                      previous: Previous) -> list[tuple[str, str, dict]]:
    """[(catalogue code, key, arguments)] for 第N期 / 总第N期 that do not follow the previous
    edition."""
    want_issue, want_total = next_numbers(previous.date, previous.issue, previous.total_issue,
                                          date, resets)
    where = {"path": shown_path(previous.path), "date": previous.date.isoformat()}
    problems = []
    if issue != want_issue:
        new_year = resets == "yearly" and previous.date.year != date.year
        problems.append(("issue-sequence", "issue", dict(
            where, issue=issue, previous=previous.issue, expected=want_issue,
            setting="issue_resets: yearly" if new_year else None)))
    if total_issue != want_total:
        problems.append(("total-issue-sequence", "total_issue", dict(
            where, issue=total_issue, previous=previous.total_issue, expected=want_total)))
    return problems


def _as_date(text: str) -> dt.date | None:
    m = _DATE.fullmatch(text.strip())
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups()))
    except ValueError:
        return None


def _read(file: Path, paper_file: Path) -> Previous | None:
    """Date and numbers of another edition file, if it is readable and names `paper_file`."""
    root, _ = read_yaml(file)
    if not isinstance(root, MappingNode):
        return None
    values = {k.value: v.value for k, v in root.value
              if isinstance(k, ScalarNode) and isinstance(v, ScalarNode)}
    paper = values.get("paper", "")
    if not paper or os.path.isabs(paper):
        return None
    try:
        if (file.parent / paper).resolve() != paper_file.resolve():
            return None
        date = _as_date(values.get("date", ""))
        issue, total = int(values.get("issue", "")), int(values.get("total_issue", ""))
    except (OSError, ValueError, RuntimeError):
        return None
    return None if date is None else Previous(file, date, issue, total)
