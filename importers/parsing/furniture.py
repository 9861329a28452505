"""Page furniture: what the page prints around its articles.

综合·城区                      page_header
02版 / 第2版 / A3版           page_label
2024年1月23日 星期二          page_date
责任编辑/胡乐 美术编辑/张武   staff
设计/左骏                      staff
株洲日报宣                     publisher_credit
公益广告 / 广告                ad_label
▶ 下转 02版 / (上接第1版)     continuation
新时代 新征程 新伟业           slogan
"""

from __future__ import annotations

import re

from .bylines import STAFF_ROLE_WORDS, parse_staff
from .model import Furniture
from .text import CLOSE_PAREN, HAN, OPEN_PAREN, SPACES, squeeze, strip

_NUM = "0-9\uff10-\uff19一二三四五六七八九十"
_JUMP = re.compile(
    f"^[▶►>→»◆]?[{SPACES}{OPEN_PAREN}]*(?P<dir>下转|转|上接|接|续)[{SPACES}]*"
    f"(?P<label>第?[{SPACES}]*[A-Za-z]?[{_NUM}]{{1,3}}[{SPACES}]*版)[{SPACES}{CLOSE_PAREN}]*$"
)
_PAGE_HEADER = re.compile(f"^[{HAN}]{{2,6}}[·・•][{HAN}]{{2,8}}$")
_PAGE_LABEL = re.compile(
    f"^(?:第[{SPACES}]*[{_NUM}]{{1,3}}[{SPACES}]*版|[A-Za-z]?[0-9\uff10-\uff19]{{1,3}}[{SPACES}]*版)$"
)
# A paper's name with the page: `湘江晚报 A05`, `株洲日报 第3版`.
_MASTHEAD = re.compile(
    f"^[{HAN}]{{2,10}}报[{SPACES}·]*(?:[A-Za-z][0-9]{{1,2}}|第?[{SPACES}]*[{_NUM}]{{1,3}}[{SPACES}]*版)(?:版)?$"
)
_PAGE_DATE = re.compile(
    f"^[0-9]{{4}}年[0-9]{{1,2}}月[0-9]{{1,2}}日[{SPACES}]*(?:星期[一二三四五六日天]|周[一二三四五六日])?$"
)
_SECTION_WORDS = set(
    [
        "要闻",
        "综合",
        "城区",
        "县市",
        "经济",
        "社会",
        "文化",
        "体育",
        "评论",
        "时政",
        "国内",
        "国际",
        "副刊",
        "专版",
        "专题",
        "民生",
        "教育",
        "健康",
        "法治",
        "视点",
        "聚焦",
        "财经",
        "科技",
        "旅游",
        "乡村振兴",
        "广告专版",
    ]
)
_AD_LABELS = {"广告", "公益广告", "商业广告", "广告专版", "公益"}
_PUBLISHER = re.compile(f"^[{HAN}]{{1,12}}(?:报|办|部|委|局|台|社|会)[{SPACES}]*(?:宣|宣制|制|供稿)$")
_SLOGAN_SEGMENT = re.compile(f"^[{HAN}]{{2,6}}$")


def classify(text: str) -> Furniture | None:
    """The furniture a one-line unit is, or None when it belongs to an article."""
    line = strip(text)
    if "\n" in line or not line:
        return None
    flat = squeeze(line)
    jump = _JUMP.match(line)
    if jump:
        label = squeeze(jump.group("label")).removeprefix("第")
        direction = "to" if jump.group("dir") in ("下转", "转") else "from"
        return Furniture("continuation", line, continued_to=label if direction == "to" else "")
    if flat in _AD_LABELS:
        return Furniture("ad_label", line)
    if _PAGE_HEADER.match(flat) or flat in _SECTION_WORDS:
        return Furniture("page_header", line)
    if _PAGE_LABEL.match(line) or _MASTHEAD.match(line):
        return Furniture("page_label", line)
    if _PAGE_DATE.match(line):
        return Furniture("page_date", line)
    if _PUBLISHER.match(flat) and len(flat) <= 14:
        return Furniture("publisher_credit", line)
    if any(line.startswith(word) for word in STAFF_ROLE_WORDS):
        people = parse_staff(line)
        if people:
            return Furniture("staff", line, people=people)
    if _is_slogan(line):
        return Furniture("slogan", line)
    return None


def continued_from(furniture: Furniture) -> str:
    """The page label of an `上接 01版` line, else ''."""
    jump = _JUMP.match(furniture.text)
    if jump and jump.group("dir") not in ("下转", "转"):
        return squeeze(jump.group("label")).removeprefix("第")
    return ""


def _is_slogan(line: str) -> bool:
    """A banner of three or more parallel phrases: `新时代 新征程 新伟业`."""
    segments = re.split(f"[{SPACES}]+", line)
    if len(segments) < 3 or not all(_SLOGAN_SEGMENT.match(s) for s in segments):
        return False
    if len({len(s) for s in segments}) != 1:
        return False
    # Parallel phrases share a character at the same place (新时代 新征程 新伟业).
    return any(len({s[i] for s in segments}) == 1 for i in range(len(segments[0])))
