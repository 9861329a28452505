"""Text as readers get it: Chinese punctuation in Chinese running text, titles without the
spaces of their print lines. The raw page is kept as printed (RawSource); only what readers
see goes through here.

    …其中,市温州商会…(记者 李明)     → …其中，市温州商会…（记者 李明）
    10:30  1,000  3.5%  http://a.cn/?q=1  COVID-19, WHO     unchanged
    聂方红主持召开市政协党组(扩大)会议 暨十届十七次主席会议 协商审议2023年度 督办重点提案安排等
                                      → …（扩大）会议暨十届十七次主席会议协商审议2023年度督办重点提案安排等
    守住好生态  牧民富口袋             → 守住好生态 牧民富口袋
    公 告                              → 公告
"""

from __future__ import annotations

import re

from .text import HAN, SPACES

_CHINESE = re.compile(f"[{HAN}\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026]")
_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+")
_MARKS = {",": "\uff0c", ";": "\uff1b", ":": "\uff1a", "?": "\uff1f", "!": "\uff01"}
_SPACE_RUN = re.compile(f"[{SPACES}]+")
# A part of a title that goes on from the part before it: `…会议 暨十届十七次主席会议`.
_GOES_ON = ("暨", "及", "和", "与", "并", "以及", "或")
_PARALLEL_LENGTH, _PARALLEL_SPREAD = 10, 3


def _chinese(char: str) -> bool:
    return bool(char) and _CHINESE.match(char) is not None


def punctuate(text: str) -> str:
    """Half-width `,;:?!()` in Chinese running text become full-width; numbers (`1,000`,
    `10:30`), URLs and Latin text keep theirs."""
    if not text or not any(c in text for c in ",;:?!()"):
        return text
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    chars = list(text)
    for i, char in enumerate(chars):
        if char not in _MARKS or any(start <= i < end for start, end in urls):
            continue
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before.isdigit() and after.isdigit():
            continue  # 1,000 and 10:30
        if char in "?!" and not _chinese(before):
            continue
        if _chinese(before) or _chinese(after):
            chars[i] = _MARKS[char]
    for open_at, close_at in _bracket_pairs(text):
        inside = text[open_at + 1 : close_at]
        before = text[open_at - 1] if open_at > 0 else ""
        after = text[close_at + 1] if close_at + 1 < len(text) else ""
        if any(_chinese(c) for c in inside) or (_chinese(before) and _chinese(after)):
            chars[open_at], chars[close_at] = "\uff08", "\uff09"
    return "".join(chars)


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    pairs, stack = [], []
    for i, char in enumerate(text):
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def title_for_readers(title: str) -> str:
    """One line of title text: print lines joined without spaces; parallel phrases of one
    line (`坚定信心 抢抓机遇 深化政银合作`) keep one space between them."""
    if not title:
        return title
    lines = [_title_line(line) for line in title.split("\n") if line.strip(SPACES)]
    joined = ""
    for line in lines:
        joined += ("" if _chinese(joined[-1:]) or _chinese(line[:1]) else " ") if joined else ""
        joined += line
    return punctuate(joined)


def _title_line(line: str) -> str:
    parts = [p for p in _SPACE_RUN.split(line.strip(SPACES)) if p]
    if len(parts) < 2:
        return "".join(parts)
    lengths = [len(p) for p in parts]
    if max(lengths) == 1:
        return "".join(parts)  # set letter-spaced: `公 告`
    parallel = max(lengths) <= _PARALLEL_LENGTH and max(lengths) - min(lengths) <= _PARALLEL_SPREAD
    if len(parts) >= 3 and not parallel:
        return "".join(parts)  # a title printed on several lines, dumped as one
    out = parts[0]
    for part in parts[1:]:
        latin = not _chinese(out[-1]) and not _chinese(part[0])
        out += (" " if latin or not part.startswith(_GOES_ON) else "") + part
    return out
