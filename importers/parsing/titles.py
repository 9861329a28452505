"""Title lines: which look like a title, and how they split into kicker (引题),
headline and subheadline (副题).

One line is split only at a lead-in:
    曹慧泉调研全市项目建设工作时强调 敢担当善作为 …   → kicker …时强调
    月塘街道: 社区有了“红色合伙人”                    → kicker 月塘街道:
    荷塘区:“三重”招考 提升基层治理战斗力             → kicker 荷塘区:
Of two lines the upper is the kicker when it is a lead-in (…时强调, a place,
a colon, a list such as 盘存量、扩增量、强变量) or when the lower is a message
of parallel phrases (坚定信心 抢抓机遇 深化政银合作); otherwise the lower
is the subheadline (金融支持实体经济持续加力 / 去年全市贷款增量、增速均创新高).
"""

from __future__ import annotations

import re

from .text import COLONS, COMMAS, HAN, SEMICOLONS, SPACES, ends_sentence, squeeze, strip

_LEAD_IN_VERBS = "强调|指出|要求|表示|提出|时说|寄语|希望|批示|讲话"
_LEAD_IN = re.compile(f"^(?P<kicker>.{{4,40}}?时(?:{_LEAD_IN_VERBS}))[{SPACES}]+(?P<headline>.+)$")
_COLON_LEAD_IN = re.compile(f"^(?P<kicker>[^{SPACES}{COLONS}]{{2,10}}[{COLONS}])[{SPACES}]*(?P<headline>.+)$")
_PLACE = re.compile(f"^[{HAN}]{{2,12}}(?:省|市|区|县|镇|乡|街道|村|社区|园区|新区)$")
_KICKER_END = re.compile(f"(?:时(?:{_LEAD_IN_VERBS})|[{COLONS}])$")
_BULLET = "●■◆▲★☆◎○•·▶►"
# Labels printed over a boxed item inside a story; over a title they are its kicker.
BOX_LABEL = re.compile(
    r"^[【\[]?(?:相关链接|新闻链接|背景链接|知识链接|链接|延伸阅读|小贴士|温馨提示|记者手记|编者按|记者观察|数说|资料)"
    r"[】\]]?[:\uff1a]?$"
)
_MAX_TITLE = 60
_MAX_LINES = 3


def is_title_like(text: str) -> bool:
    """Could this unit be a title or an in-body subhead?

    Short, no sentence inside it, not stopped mid-sentence. Commas are allowed
    only in a block of several short lines (a two-line subhead).
    """
    if len(text) > _MAX_TITLE * 3:
        return False
    lines = [strip(line) for line in text.split("\n") if strip(line)]
    if not lines or len(lines) > _MAX_LINES:
        return False
    flat = squeeze(text)
    if not 2 <= len(flat) <= _MAX_TITLE or len(re.findall(f"[{HAN}A-Za-z]", flat)) < 2:
        return False
    if "\u3002" in flat:  # 。
        return False
    last = lines[-1]
    if last[-1] in COMMAS + SEMICOLONS + "\u3001":
        return False
    if ends_sentence(last) and last[-1] not in "!?\uff01\uff1f\u201d\u2026":
        return False
    if last[-1] in "!?\uff01\uff1f" and len(flat) > 20:
        return False
    if len(lines) == 1:
        if any(c in flat for c in COMMAS + SEMICOLONS):
            return False
        colon = next((i for i, c in enumerate(flat) if c in COLONS), None)
        if colon is not None and colon > 10 and colon != len(flat) - 1:
            return False
        if "?" in flat[:-1] or "\uff1f" in flat[:-1]:
            return False
    elif any(len(squeeze(line)) > 30 for line in lines):
        return False
    return True


def is_subhead_like(text: str) -> bool:
    """In-body subheads are shorter than titles."""
    return is_title_like(text) and all(len(squeeze(line)) <= 30 for line in text.split("\n"))


def starts_with_bullet(text: str) -> bool:
    return bool(text) and text[0] in _BULLET


def dedupe_title_lines(lines: list[str]) -> list[str]:
    """A title printed twice: split over two lines, then again on one line."""
    if len(lines) >= 3:
        for i, line in enumerate(lines):
            others = [other for j, other in enumerate(lines) if j != i]
            for a in range(len(others) - 1):
                if squeeze(others[a]) + squeeze(others[a + 1]) == squeeze(line):
                    return others
    unique: list[str] = []
    for line in lines:
        if squeeze(line) not in {squeeze(u) for u in unique}:
            unique.append(line)
    return unique


def split_title(lines: list[str]) -> tuple[str, str, str]:
    """(kicker, headline, subheadline) from the title lines of one item."""
    lines = [strip(line) for line in dedupe_title_lines([line for line in lines if strip(line)])]
    if not lines:
        return "", "", ""
    if len(lines) == 1:
        return _split_one(lines[0])
    if len(lines) == 2:
        upper, lower = lines
        if lower.startswith(("\u2014", "-")):  # ——记……: a subheadline
            return "", upper, lower
        if upper.startswith(("\u2014", "-")):
            return "", lower, upper
        if _is_lead_in(upper) or (_is_message(lower) and not _is_message(upper)):
            return upper, lower, ""
        kicker, headline, _ = _split_one(upper)
        if kicker:
            return kicker, headline, lower
        return "", upper, lower
    kicker, headline, subheadline = lines[0], lines[1], "\n".join(lines[2:])
    return kicker, headline, subheadline


def _split_one(line: str) -> tuple[str, str, str]:
    for pattern in (_LEAD_IN, _COLON_LEAD_IN):
        match = pattern.match(line)
        if match and strip(match.group("headline")):
            return strip(match.group("kicker")), strip(match.group("headline")), ""
    return "", line, ""


def _is_lead_in(line: str) -> bool:
    flat = squeeze(line)
    return bool(
        _KICKER_END.search(flat)
        or BOX_LABEL.match(flat)
        or _PLACE.match(flat)
        or ("\u3001" in flat and len(flat) <= 16 and not re.search(f"[{SPACES}]", line))
    )


def _is_message(line: str) -> bool:
    """Parallel phrases separated by spaces: `坚定信心 抢抓机遇 深化政银合作`."""
    parts = [p for p in re.split(f"[{SPACES}]+", strip(line)) if p]
    return len(parts) >= 2 and all(len(p) >= 2 for p in parts)
