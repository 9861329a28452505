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

from .bylines import parse_credit, parse_staff
from .lexicon import AD_LABELS, PAGE_NAMES, PAPERS_NOT_NAMED_BAO, STAFF_ROLE_WORDS
from .model import Furniture
from .text import CLOSE_PAREN, COMMAS, HAN, OPEN_PAREN, SLASHES, SPACES, STOPS, ends_sentence, squeeze, strip

_NUM = "0-9\uff10-\uff19一二三四五六七八九十"
# `▶ 下转 02版`, `(上接第1版)`, `(下转6版②)`: the circled number is the story's place on that page
_JUMP_BODY = (
    f"(?P<dir>下转|转|上接|接|续)[{SPACES}]*"
    f"(?P<label>第?[{SPACES}]*[A-Za-z]?[{_NUM}]{{1,3}}[{SPACES}]*版)[\u2460-\u2473]?"
)
# the mark before it may be doubled: `》》》上接01版` (中山日报), `>>>下转3版`
_JUMP = re.compile(f"^[▶►>→»◆》]{{0,3}}[{SPACES}{OPEN_PAREN}]*{_JUMP_BODY}[{SPACES}{CLOSE_PAREN}]*$")
# A jump line printed on at the end of the story's last sentence: `…看一看。 (下转6版②)`.
_GLUED_JUMP = re.compile(f"(?<=[{STOPS}\u201d])[{SPACES}]*(?P<jump>[{OPEN_PAREN}]{_JUMP_BODY}[{CLOSE_PAREN}])$")
# Two names joined by a dot: a page's head (`综合·城区`), or over a headline a column's name (titles.py).
DOTTED_NAME = re.compile(f"^[{HAN}]{{2,6}}[·・•][{HAN}]{{2,8}}$")
_PAGE_LABEL = re.compile(
    f"^(?:第[{SPACES}]*[{_NUM}]{{1,3}}[{SPACES}]*版|[A-Za-z]?[0-9\uff10-\uff19]{{1,3}}[{SPACES}]*版)$"
)
# A paper's name: `株洲日报`, `新京报`, `人民日报海外版`, `参考消息`.
PAPER = f"(?:[{HAN}]{{1,10}}报(?:海外版)?|{'|'.join(PAPERS_NOT_NAMED_BAO)})"
# A paper's name with the page: `湘江晚报 A05`, `株洲日报 第3版`.
_MASTHEAD = re.compile(
    f"^{PAPER}[{SPACES}·]*(?:[A-Za-z][0-9]{{1,2}}|第?[{SPACES}]*[{_NUM}]{{1,3}}[{SPACES}]*版)(?:版)?$"
)
# The page's number and name on one line: `10  政治`, `要闻  2`, `A02  长沙新闻`, `第3版  要闻`.
_PAGE_NO = f"(?:[A-Za-z]?[0-9\uff10-\uff19]{{1,3}}|第[{SPACES}]*[{_NUM}]{{1,3}}[{SPACES}]*版|[0-9]{{1,3}}版)"
# A page's name, of two joined by a slash or a plus sign too (`城事/综合`, 海峡都市报; `新闻+ 本地`, 湛江日报).
_PAGE_NAME = f"[{HAN}·・•]{{2,10}}(?:[{SPACES}]*[/／+＋][{SPACES}]*[{HAN}]{{2,8}})?"
_NUMBERED_HEADER = re.compile(
    f"^(?:{_PAGE_NO}(?:[{SPACES}]*[:\uff1a][{SPACES}]*|[{SPACES}]+)(?:[0-9]{{2,4}}(?=[{HAN}]))?{_PAGE_NAME}"
    f"|{_PAGE_NAME}[{SPACES}]+{_PAGE_NO})$"
)  # `A06　2023南国书香节`; an e-paper's `第07版：长征`, `A06版:洛阳·热线`, `第6版:时评`
# The date in the page's head, with the paper's name or the lunar date around it:
# `2024年1月23日 星期二`, `湖南日报  2024年1月9日  星期二`, `2025年1月10日 星期五 农历甲辰年腊月十一`.
# After the weekday, the lunar date with or without 农历 (`壬寅年正月十三`) and the page (`第1版`, 参考消息).
# The date may be dotted (`南方都市报　2013.8.17　星期六`) and the weekday set off by a slash
# (`2023年8月19日／星期六`, 羊城晚报); the paper's Latin name after its own (`成都日报 CHENGDU DAILY　…`).
_PAGE_DATE = re.compile(
    f"^(?:{PAPER}(?:[{SPACES}]+[A-Z][A-Z'. ]{{3,30}}[A-Z])?[{SPACES}]+)?(?:[0-9]{{4}}年[0-9]{{1,2}}月[0-9]{{1,2}}日|[0-9]{{4}}\\.[0-9]{{1,2}}\\.[0-9]{{1,2}})"
    f"(?:[{SPACES}{SLASHES}]*(?:星期[一二三四五六日天]|周[一二三四五六日]))?"
    f"(?:[{SPACES}]+(?:农历[{HAN}]{{2,12}}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[{HAN}]{{2,8}}))?"
    f"(?:[{SPACES}]+(?:第[{SPACES}]*[{_NUM}]{{1,3}}[{SPACES}]*版|[A-Za-z]?[0-9]{{1,3}}))?"  # `… 星期二  3` (温州日报)
    f"(?:[{SPACES}]+{PAPER})?$"  # the paper's name after the date (`2018年8月21日 星期二  长江日报`)
)
# The paper's registration numbers in its masthead: `国内统一刊号:CN43-0003 湘潭日报社出版`, `邮发代号 41-11`,
# after its publisher's name too (`贵州日报报刊社 贵州日报当代融媒体集团 出版 国内统一刊号:CN52-0013 代号65-1`).
_REGISTRATION = re.compile(
    f"(?:^|出版[{SPACES}]+)(?:国内统一(?:连续出版物号|刊号)|邮发代号)[{SPACES}:\uff1a]*(?:CN)?[0-9]"
)
_PUBLISHER = re.compile(f"^[{HAN}]{{1,12}}(?:报|办|部|委|局|台|社|会)[{SPACES}]*(?:宣|宣制|制|供稿)$")
_SLOGAN_SEGMENT = re.compile(f"^[{HAN}]{{2,6}}$")


def classify(text: str) -> Furniture | None:
    """The furniture a one-line unit is, or None when it belongs to an article."""
    line = strip(text)
    if "\n" in line or not line:
        return None
    if staffed := split_staff_tail(line):
        # `A10 广州·城事　　编辑：林　晓　美编：陈　岚`: the page's head with its staff after it
        head, people = staffed
        found = classify(head)
        if found and found.kind in _HEAD_KINDS:
            return Furniture(found.kind, line, people=people)
    flat = squeeze(line)
    jump = _JUMP.match(line)
    if jump:
        label = squeeze(jump.group("label"))  # as printed: `02版`, `A06版`, `第七版`
        direction = "to" if jump.group("dir") in ("下转", "转") else "from"
        return Furniture("continuation", line, continued_to=label if direction == "to" else "")
    if flat in AD_LABELS:
        return Furniture("ad_label", line)
    if _PAGE_LABEL.match(line) or _MASTHEAD.match(line):
        return Furniture("page_label", line)
    if flat in PAGE_NAMES or _NUMBERED_HEADER.match(line):
        return Furniture("page_header", line)
    if DOTTED_NAME.match(flat) and not parse_credit(line):
        # `综合·城区`; a byline naming a paper and its site is no head (`中青报·中青网记者 杜园春`)
        return Furniture("page_header", line)
    if _PAGE_DATE.match(line):
        return Furniture("page_date", line)
    if _REGISTRATION.search(line) and not any(c in line for c in STOPS + COMMAS):
        return Furniture("masthead", line)
    if _PUBLISHER.match(flat) and len(flat) <= 14:
        return Furniture("publisher_credit", line)
    if any(line.startswith(word) for word in STAFF_ROLE_WORDS):
        people = parse_staff(line)
        if people:
            return Furniture("staff", line, people=people)
    if _is_slogan(line):
        return Furniture("slogan", line)
    return None


_HEAD_KINDS = ("page_header", "page_label", "page_date")
_STAFF_TAIL = re.compile(
    f"[{SPACES}]{{2,}}(?=(?:{'|'.join(sorted(STAFF_ROLE_WORDS, key=len, reverse=True))})[{SPACES}:\uff1a/\uff0f])"
)


def split_staff_tail(line: str) -> tuple[str, tuple] | None:
    """A head line with the page's staff after it (`2025年4月6日　星期日　　编辑　周文静　　美编　万　芳`,
    楚天都市报; `A10 广州·城事　　编辑：林　晓　美编：陈　岚`, 南方都市报): the head, and the staff."""
    tail = _STAFF_TAIL.search(line)
    if not tail:
        return None
    head, people = strip(line[: tail.start()]), parse_staff(strip(line[tail.end() :]))
    return (head, people) if head and people else None


# What a page's head prints on lines of their own, above its first story (新民晚报, 浙江日报, 南方日报,
# 河南日报): the paper's name (`浙江日报`, `XINMIN EVENING NEWS`), the page's number alone (`17`, `A02`),
# the page's name under or over that number (`17` / `美丽乡村`), and a box of what is inside
# (`今日导读` / `▶市疾控建议老年人` …).
_PAPER_NAME = re.compile(f"^{PAPER}$")
_LATIN_NAME = re.compile(r"^[A-Z][A-Z&'.\- ]{3,40}$")
_BARE_NUMBER = re.compile(f"^(?:[A-Za-z]?[0-9\uff10-\uff19]{{1,3}}|第[{SPACES}]*[{_NUM}]{{1,3}}[{SPACES}]*版)$")
_BARE_DIGITS = re.compile("^[A-Za-z]?[0-9\uff10-\uff19]{1,3}$")  # a number alone names no page: `第一版` does
_NUMBERED_NAME = re.compile(f"^[A-Za-z]?[0-9\uff10-\uff19]{{1,3}}[{SPACES}]+[{HAN}0-9·・•]{{2,12}}$")
# A page's name beside its number may hold figures: an anniversary page's `80年纸墨情缘` (黑龙江日报),
# `1949-2024 天津日报75周年` (天津日报), `复刊40周年特刊` (扬州日报).
_BESIDE_NUMBER = re.compile(f"^(?:[0-9]{{4}}[-–—~][0-9]{{4}})?(?=[0-9]*[{HAN}])[{HAN}0-9·・•]{{2,12}}$")
# Two phrases set apart by a space make a title, not a page's name (`03` / `赴壮美林海 悟坝上精神`, 光明日报); a
# name padded letter by letter (`要  闻`) is one word.
_TWO_PHRASES = re.compile(f"[{HAN}]{{2}}[{SPACES}]+[{HAN}]{{2}}")
_SPECIAL_PAGE = re.compile(f"^[{HAN}0-9·・•]{{0,12}}(?:特刊|专刊|专版|周刊|副刊)$")
_TEASER_HEAD = re.compile("^(?:今日|本期|本版|要闻)?导读$")
_TEASER_LINE = re.compile("^[▶►●■◆★☆·•][^\u3002]{2,30}$")


def page_head(lines: list[str]) -> list[Furniture | None]:
    """The page's head among the lines a page opens with (those that are not furniture on their own
    are passed as they are): the furniture each line is, as far as the head goes, then None."""
    found: list[Furniture | None] = []
    teaser = False
    for n, line in enumerate(lines):
        if n < len(found):
            continue  # taken with a banner over the staff line
        flat = squeeze(line)
        after = squeeze(lines[n + 1]) if n + 1 < len(lines) else ""
        if teaser and (_TEASER_LINE.match(flat) or _NUMBERED_HEADER.match(strip(line))):  # `A04 视觉周刊`
            found.append(Furniture("teaser", line))
            continue
        teaser = False
        alone = classify(line)
        if alone and alone.kind == "page_header" and any(f.kind == "page_header" for f in found):
            break  # a second name over the first story (`外眼看山东·央媒一周图片撷英`) is its kicker
        if alone:
            found.append(alone)
        elif _PAPER_NAME.match(flat) or _LATIN_NAME.match(strip(line)):
            found.append(Furniture("masthead", line))
        elif any(f.kind == "staff" for f in found):
            break  # the staff line closes the head: a short line under it is the first story's title
        elif _BARE_NUMBER.match(flat):
            found.append(Furniture("page_label", line))
        elif _NUMBERED_NAME.match(strip(line)) and not any(f.kind == "page_header" for f in found):
            found.append(Furniture("page_header", line))  # `05 复刊40周年特刊` (扬州日报)
        elif (
            _BESIDE_NUMBER.match(flat)
            and not _TWO_PHRASES.search(line)
            and not any(f.kind == "page_header" for f in found)
            and (
                any(f.kind == "page_label" and _BARE_DIGITS.match(squeeze(f.text)) for f in found)
                or _BARE_DIGITS.match(after)
            )
        ):  # `17` / `美丽乡村`; `7` / `光明日报 2022年5月16日 星期一` / `青年`
            found.append(Furniture("page_header", line))
        elif (
            _SPECIAL_PAGE.match(flat)
            and not any(f.kind == "page_header" for f in found)
            and any(f.kind in ("page_label", "page_date") for f in found)
        ):  # `第5版` / `创刊70周年特刊` (台州日报): a special page's name, whatever its number's form
            found.append(Furniture("page_header", line))
        elif _TEASER_HEAD.match(flat):
            teaser = True
            found.append(Furniture("teaser", line))
        elif banner := _banner_over_staff(lines[n:], found):
            found += banner  # `不仅仅是新闻的力量` / `——晚报版两周年纪念` over `责编  刘  红    版式  曾  军`
        else:
            break
    return found + [None] * (len(lines) - len(found))


_MAX_BANNER_LINES = 2


def _banner_over_staff(lines: list[str], found: list[Furniture]) -> list[Furniture]:
    """A page's banner: one or two short lines under its date or name, over its staff line,
    before the first story (益阳日报's anniversary page)."""
    if any(f.kind == "staff" for f in found) or not any(
        f.kind in ("page_date", "page_header", "page_label") for f in found
    ):
        return []
    for n, line in enumerate(lines[: _MAX_BANNER_LINES + 1]):
        staff = classify(line)
        if staff is not None and staff.kind == "staff":
            return [Furniture("page_header", banner) for banner in lines[:n]]
        if staff is not None or len(squeeze(line)) > 20 or ends_sentence(line):
            return []
    return []


def split_glued_jump(line: str) -> tuple[str, str] | None:
    """A line that ends with its story's jump line: (the text, the jump line), else None."""
    glued = _GLUED_JUMP.search(line)
    if not glued:
        return None
    return strip(line[: glued.start()]), glued.group("jump")


def continued_from(furniture: Furniture) -> str:
    """The page label of an `上接 01版` line, else ''."""
    jump = _JUMP.match(furniture.text)
    if jump and jump.group("dir") not in ("下转", "转"):
        return squeeze(jump.group("label"))  # as printed, as continued_to
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
