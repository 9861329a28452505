"""The issue date of a page: from the file name, else from the text."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

_FILE_DATE = re.compile(
    r"(?<!\d)(20\d{2}|19\d{2})[-_.年]?(0[1-9]|1[0-2]|[1-9])[-_.月]?(0[1-9]|[12]\d|3[01]|[1-9])(?!\d)"
)
_FULL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})年(\d{1,2})月(\d{1,2})日")
_DOTTED_DATE = re.compile(r"(?<![\d.])(20\d{2}|19\d{2})\.(\d{1,2})\.(\d{1,2})(?![\d.])")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
# A date opening a paragraph or following a lead's credit: `1月22日,我市…`,
# `株洲日报讯(…) 1月19日,…`. Dates inside sentences are often other days.
_EVENT_DATE = re.compile(r"(?:^|[)\uff09][ \t\u3000]*)(\d{1,2})月(\d{1,2})日", re.MULTILINE)
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})年")


def from_file_name(name: str) -> date | None:
    """`2024-01-23_03.txt`, `20240123-A3.txt`, `株洲日报2024年1月23日.txt`."""
    stem = name.replace("\\", "/").rsplit("/", 1)[-1]
    for match in _FILE_DATE.finditer(stem):
        found = _date(*match.groups())
        if found:
            return found
    return None


def from_page_date(line: str) -> date | None:
    """The date printed in the page's head: `2023年9月12日 星期二`, `2013.8.17 星期六`."""
    match = _FULL_DATE.search(line) or _DOTTED_DATE.search(line)
    return _date(*match.groups()) if match else None


def from_text(text: str) -> date | None:
    """The latest event date the stories name (`1月22日,…` opening a paragraph),
    with the year the text gives for that month; None when the text names no date."""
    events = [(int(m), int(d)) for m, d in _EVENT_DATE.findall(text)]
    if not events:
        events = [(int(m), int(d)) for m, d in _MONTH_DAY.findall(text)]
    events = [(m, d) for m, d in events if 1 <= m <= 12 and 1 <= d <= 31]
    if not events:
        return None
    month, day = max(Counter(events).keys(), key=lambda md: (md[0], md[1]))
    # Stories late in December and early in January: December is last year.
    if {m for m, _ in events} >= {1, 12}:
        month, day = max(((m, d) for m, d in events if m <= 6), default=(month, day))
    year = _year_for(text, month)
    return _date(year, month, day) if year else None


def _year_for(text: str, month: int) -> int | None:
    full = [int(y) for y, m, _ in _FULL_DATE.findall(text) if int(m) == month]
    if full:
        return Counter(full).most_common(1)[0][0]
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


def _date(year, month, day) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
