"""Which page a dump is: its label, number and name, from what the page prints in its head,
else from the file name.

    10  政治                 → label 10,  number 10, name 政治      (人民日报)
    要闻  2                  → label 2,   number 2,  name 要闻
    A02  长沙新闻            → label A02, number 2,  name 长沙新闻  (city evening papers)
    湘江晚报 A05 / 城事      → label A05, number 5,  name 城事
    第3版 / 02版             → label 第3版 / 02版, number 3 / 2
    综合·城区                → name 综合·城区 (株洲日报 prints no number in its dumps)
    rmrb_20250110_05.txt     → number 5 when the page prints none (a number after the date)
"""

from __future__ import annotations

import re

from .furniture import PAPER, split_staff_tail
from .model import Furniture, PageInfo, PersonCredit
from .text import HAN, SPACES, squeeze

_CN_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")}
_NUMBER = re.compile(f"(?P<letter>[A-Za-z]?)(?P<digits>[0-9\uff10-\uff19]{{1,3}}|[{''.join(_CN_DIGITS)}十]{{1,3}})")
_SPLIT_HEADER = re.compile(
    f"^(?:(?P<no1>[A-Za-z]?[0-9\uff10-\uff19]{{1,3}}版?|第[{SPACES}]*[^{SPACES}]{{1,3}}[{SPACES}]*版)"
    f"(?:[{SPACES}]*[:\uff1a][{SPACES}]*|[{SPACES}]+)"  # `第07版：长征`, `A06版:洛阳·热线` (e-papers' names)
    # `05 复刊40周年特刊`, `4  80年纸墨情缘`; two names joined (`新闻+ 本地`, 湛江日报)
    f"(?P<name1>[0-9]{{0,4}}[{HAN}][{HAN}0-9·・•/]{{1,11}}(?:[{SPACES}]*[+＋/／][{SPACES}]*[{HAN}]{{2,8}})?)"
    f"|(?P<name2>[{HAN}·・•]{{2,10}})[{SPACES}]+"
    f"(?P<no2>[A-Za-z]?[0-9\uff10-\uff19]{{1,3}}版?|第[{SPACES}]*[^{SPACES}]{{1,3}}[{SPACES}]*版))$"
)
# A page number after the issue date in a file name: `rmrb_20250110_05.txt`, `20240123-A3.txt`.
_FILE_PAGE = re.compile(r"(?:19|20)\d{6}[-_ ]?(?:第)?(?P<label>[A-Za-z]?\d{1,2})(?:版)?$")


def number_of(label: str) -> int | None:
    """`A02` → 2, `第三版` → 3, `02版` → 2; None when the label holds no number."""
    match = _NUMBER.search(squeeze(label))
    if not match:
        return None
    digits = match.group("digits")
    if digits.isdigit():
        return int(digits) or None
    if digits == "十":
        return 10
    tens, _, units = digits.partition("十")
    if "十" not in digits:
        return _CN_DIGITS.get(digits) if len(digits) == 1 else None
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)


def _masthead_label(text: str) -> str:
    """`湘江晚报 A05` → `A05`; `第3版` → `第3版`."""
    return squeeze(text).split("报")[-1] if "报" in text else squeeze(text)


# The paper's name before the date or the page label: `北京日报  2019年12月4日  星期三`, `湘江晚报 A05`.
_MASTHEAD = re.compile(f"^[{SPACES}]*(?P<name>{PAPER})(?:[{SPACES}]|[0-9A-Za-z\uff10-\uff19])")


def _head(text: str) -> str:
    """A head line without the staff printed after it."""
    staffed = split_staff_tail(text)
    return staffed[0] if staffed else text


def masthead_of(furniture: tuple[Furniture, ...]) -> str:
    """The paper's name printed in the page's date line or label, else ``""``."""
    for f in furniture:
        if f.kind == "masthead" and _MASTHEAD.match(f.text + " "):
            return squeeze(f.text)  # the name on a line of its own: `浙江日报`
        if f.kind in ("page_date", "page_label") and (match := _MASTHEAD.match(f.text)):
            return match["name"]
    return ""


def page_info(furniture: tuple[Furniture, ...], source: str = "") -> PageInfo:
    label = next((_masthead_label(_head(f.text)) for f in furniture if f.kind == "page_label"), "")
    name = ""
    for f in furniture:
        if f.kind != "page_header":
            continue
        text = _head(f.text)
        split = _SPLIT_HEADER.match(text.strip().replace("\n", " "))  # `17` over `美丽乡村`
        if split:
            label = label or squeeze(split.group("no1") or split.group("no2"))
            name = name or split.group("name1") or split.group("name2")
        else:
            name = name or text
    number = number_of(label) if label else None
    if number is None:
        stem = source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        found = _FILE_PAGE.search(stem)
        if found:
            number = number_of(found.group("label"))
    staff: list[PersonCredit] = []
    for f in furniture:
        if f.kind in ("staff", "page_header", "page_label", "page_date"):  # staff after the head's text
            staff.extend(p for p in f.people if p not in staff)
    return PageInfo(label=label, name=name, number=number, staff=tuple(staff), masthead=masthead_of(furniture))
