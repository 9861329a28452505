"""Datelines, bylines and photo credits.

Accepted shapes (full-width and half-width brackets and slashes alike):

    株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳) 1月22日,……     lead with dateline
    株洲日报(全媒体记者/杨凌凌 通讯员/罗金鹏)从……               dateline without 讯
    本报讯 记者 张三 通讯员 李四 昨日……                          unbracketed lead
    新华社北京1月2日电(记者王五、赵六)……                          wire dateline
    (记者/张三 通讯员/李四)                                        bracketed credit
    株洲日报全媒体记者/刘芳 通讯员/徐芳 张海峰                    standalone byline
    本报记者 张 胜 男                                               spaced name
    全媒体记者/杨如通讯员/周奕江                                    names run together
    记者/杨凌凌摄   记者/杨如 摄   通讯员 张虹霞/摄                photo credits
    株洲日报全媒体记者/易楚瞳 通讯员/胡琼 摄影报道                wrote and photographed
    文/张三 图/李四   张三/文                                       text and picture credits
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    AUTHOR,
    BASE_ROLES,
    COMPOUND_SURNAMES,
    INTERN,
    PHOTOGRAPHER,
    REPORTER,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    STAFF_ROLE_WORDS,
)
from .model import PersonCredit
from .text import CLOSE_PAREN, COLONS, COMMAS, HAN, OPEN_PAREN, SEMICOLONS, SLASHES, SPACES, strip

_MODIFIERS = "|".join(ROLE_MODIFIERS) + f"|驻[{HAN}]{{1,3}}?(?=记者)"
_BASE_ROLES = BASE_ROLES
_ROLE_WORDS = ROLE_WORDS


def _role_of(word: str) -> str:
    for base, role in _BASE_ROLES.items():
        if word.endswith(base):
            modifiers = word[: -len(base)]
            if role == REPORTER and "摄影" in modifiers:
                return PHOTOGRAPHER
            if role == REPORTER and "实习" in modifiers:
                return INTERN
            return role
    return _ROLE_WORDS[word]


_SLASH = SLASHES
_BRA = OPEN_PAREN
_KET = CLOSE_PAREN
_NAME_SEP = re.compile(f"[{SPACES}\u3001{SEMICOLONS}{COMMAS}{SLASHES}]+")  # space, 、, ;, ,, /
# Words that follow a credit in unbracketed leads and are not names.
_NOT_NAMES = {"今年", "去年", "明年", "近年", "日内", "目前", "当前", "此外", "同时", "随后", "据悉", "据了解"} | set(
    ["近日", "昨日", "今日", "日前", "昨天", "今天", "近期", "目前", "当天", "当日", "日内", "此前", "本报", "记者"]
)
# A newsroom's name glued to a role word: 株洲日报全媒体记者, 新华社记者,
# 湖南日报·新湖南客户端记者, 扬子晚报/紫牛新闻记者.
_ORG_SUFFIX = "报|社|网|台|视|新闻|客户端|媒体|财经|时报|中心|频道|传媒|之声|广播|时刻|号"
_ORG = f"(?:[{HAN}A-Za-z0-9·•+\\-{SLASHES}|]{{0,20}}?(?:{_ORG_SUFFIX})[{HAN}A-Za-z0-9·•+]{{0,6}}?)"


def _role_pattern(words, bases=()) -> re.Pattern:
    """Role words, longest first; one-character roles (文, 图, 摄) only when they
    stand alone before a slash or space, so that 文钦 and 言文杰 stay names."""
    long_words = sorted((w for w in words if len(w) > 1), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, long_words))
    if bases:
        alternatives = f"(?:{_MODIFIERS})*(?:{'|'.join(bases)})|" + alternatives
    single = "".join(w for w in words if len(w) == 1)
    if single:
        alternatives += f"|(?<![{HAN}])[{single}](?=[{SPACES}{_SLASH}{COLONS}])"
    return re.compile(f"(?:{alternatives})")


_ROLE_RE = _role_pattern(_ROLE_WORDS, _BASE_ROLES)
_STAFF_RE = _role_pattern(STAFF_ROLE_WORDS)
_NAME_RE = re.compile(f"^[{HAN}]{{2,4}}$|^[{HAN}]{{2,5}}[·•\u30fb\u2027][{HAN}]{{2,6}}$")

# A lead opens a story: a dateline, then a bracketed credit (or an unbracketed one).
_DATELINE_RE = re.compile(
    f"^(?P<dateline>"
    f"(?:[{HAN}A-Za-z]{{1,12}}?[0-9\uff10-\uff19一二三四五六七八九十〇零]{{1,2}}月[0-9\uff10-\uff19一二三四五六七八九十〇零]{{1,3}}日(?:电|讯))"
    f"|(?:[{HAN}]{{1,16}}?(?:讯|电|消息))"
    f"|(?:{_ORG})"
    f")"
)
_BOXED_DATELINE = re.compile(f"^【(?P<dateline>(?:据|本报)?[{HAN}A-Za-z·]{{1,20}}?(?:讯|电))】")
_AGENCY_RELEASE = re.compile(f"^(?:{_ORG})(?:发|供图)[{SPACES}{COLONS}]*(?=[{HAN}])")
# Datelines that open a story even with no credit after them.
_NEWS_DATELINE = re.compile(
    f"^(?:本报|据?[{HAN}A-Za-z·]{{0,16}}?(?:{_ORG_SUFFIX}))"
    f"(?:[{HAN}]{{0,6}}?[0-9\uff10-\uff19一二三四五六七八九十〇零]{{1,2}}月[0-9\uff10-\uff19一二三四五六七八九十〇零]{{1,3}}日)?"
    "(?:讯|电|消息)$"
)
# Where a photo came from, printed after its credit: `葛高烽摄（影像中国）`, `王江海摄（人民视觉）`.
_PHOTO_SOURCE = f"(?:[{SPACES}]*[{OPEN_PAREN}][{HAN}]{{2,8}}[{CLOSE_PAREN}])?"
_PHOTO_SUFFIX = re.compile(f"[{SPACES}{_SLASH}]*(?P<suffix>摄影报道|摄影|摄|图){_PHOTO_SOURCE}$")
_REPORT_SUFFIX = re.compile(f"[{SPACES}]*(?:报道|采写|整理|发自[{HAN}]{{1,8}})$")


@dataclass(frozen=True)
class Lead:
    """A story's opening credit and where the body text starts after it."""

    dateline: str
    byline: str  # as printed, dateline included
    people: tuple[PersonCredit, ...]
    rest: str  # body text on the same line after the credit


def _clean_name(token: str) -> str | None:
    token = strip(token).strip(_SLASH + COLONS)
    if _NAME_RE.match(token):
        return token
    return None


def _split_run_together(token: str) -> list[str] | None:
    """`徐芳张海峰` printed without a space: split when both halves are names."""
    if not re.fullmatch(f"[{HAN}]{{5,8}}", token):
        return None
    for compound in COMPOUND_SURNAMES:
        if token.startswith(compound) and len(token) in (6, 7):
            first, second = token[:4], token[4:]
            if _NAME_RE.match(second):
                return [first, second]
    if len(token) == 5:
        return None  # 2+3 or 3+2 cannot be told apart
    if len(token) == 6:
        return [token[:3], token[3:]]
    return None


def _padded_names(chars: list[str]) -> list[str]:
    """Names printed one character at a time: papers pad a two-character name to the width
    of three (`袁  泉`) with the same spaces that separate names, so single characters pair
    up (`孟  祥  吕  晓` is 孟祥 and 吕晓); three alone are one name (`张 胜 男`), and an odd
    run ends with a three-character name."""
    if len(chars) == 3 or (len(chars) == 4 and "".join(chars[:2]) in COMPOUND_SURNAMES):
        return ["".join(chars)]
    names = []
    while len(chars) > 3 or len(chars) == 2:
        names.append("".join(chars[:2]))
        chars = chars[2:]
    if len(chars) == 3:
        names.append("".join(chars))
    return names if not chars or len(chars) == 3 else []


def _names(segment: str) -> list[str] | None:
    """Names after a role word, or None when the segment is not a list of names."""
    segment = strip(segment).strip(_SLASH + COLONS)
    if not segment:
        return []
    names: list[str] = []
    singles: list[str] = []
    for token in [*_NAME_SEP.split(segment), ""]:
        token = token.strip(_SLASH + COLONS)
        if len(token) == 1 and re.fullmatch(f"[{HAN}]", token):
            singles.append(token)
            continue
        if singles:
            padded = _padded_names(singles)
            if not padded:
                return None
            names.extend(padded)
            singles = []
        if not token:
            continue
        name = _clean_name(token)
        if name in _NOT_NAMES:
            return None
        if name:
            names.append(name)
            continue
        pieces = _split_run_together(token)
        if pieces is None:
            return None
        names.extend(pieces)
    return names


def _normalize_trailing_roles(text: str) -> str:
    """`张三/文 李四/图` → `文/张三 图/李四` (a trailing `/摄` credits everyone before it)."""
    return re.sub(
        f"([{HAN}]{{2,4}})[{_SLASH}](文|图)(?=$|[{SPACES}])",
        lambda m: f"{m.group(2)}/{m.group(1)}",
        text,
    )


def parse_credit(text: str, *, staff: bool = False) -> tuple[PersonCredit, ...] | None:
    """People named by a credit that holds nothing else, or None.

    `株洲日报全媒体记者/刘芳 通讯员/徐芳 张海峰` → reporter 刘芳, correspondents
    徐芳 and 张海峰. `记者/杨凌凌摄` → photographer 杨凌凌. Body text such as
    `记者从市教育局考试院获悉,…` is not a credit and gives None.
    """
    text = strip(text)
    if not text or len(text) > 80:
        return None
    if text[0] in _BRA and text[-1] in _KET and _matching_close(text) == len(text) - 1:
        text = strip(text[1:-1])
    text = text.lstrip("□■◎●◆★☆·•—-" + SPACES)
    text = _AGENCY_RELEASE.sub("", text)  # 新华社发 张三 摄
    photo = reporting = False
    if not staff:
        text = _normalize_trailing_roles(text)
        match = _PHOTO_SUFFIX.search(text)
        if match and match.start() > 0:
            suffix = match.group("suffix")
            head = text[: match.start()]
            # `图` alone at the end is a role only after a name and a space or slash (`张三 图`,
            # `张三/图`), never the end of a word (`管制路段示意图`).
            separated = match.group(0)[0] in SPACES + _SLASH
            if suffix != "图" or separated and re.search(f"[{HAN}]{{2,4}}$", head):
                photo = True
                reporting = suffix == "摄影报道"
                text = strip(head)
        text = _REPORT_SUFFIX.sub("", text)
    role_re = _STAFF_RE if staff else _ROLE_RE
    matches = list(role_re.finditer(text))
    if not matches:
        if photo:
            names = _names(text)
            if names:
                return tuple(PersonCredit(n, PHOTOGRAPHER) for n in names)
        return None
    prefix = text[: matches[0].start()]
    if prefix and not re.fullmatch(f"{_ORG}|[{SPACES}]*", prefix):
        return None
    people: list[PersonCredit] = []
    pending: list[str] = []  # roles printed with no name of their own: 文/图 张三, 图/本报记者 张三
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        names = _names(text[match.end() : end])
        if names is None:
            return None
        role = STAFF_ROLE_WORDS[match.group(0)] if staff else _role_of(match.group(0))
        if not names:
            if i + 1 < len(matches):
                pending.append(role)
                continue
            return None  # a role with nobody after it ends no credit
        roles = _roles_with_pending(role, pending)
        pending = []
        for name in names:
            for one in roles:
                people.append(PersonCredit(name, PHOTOGRAPHER if photo and not reporting else one))
    if not people:
        return None
    if reporting:
        people += [PersonCredit(p.name, PHOTOGRAPHER) for p in people if p.role != PHOTOGRAPHER]
    return tuple(_unique(people))


def _roles_with_pending(role: str, pending: list[str]) -> list[str]:
    """Roles printed with no name of their own apply to the names that follow:
    `图文/张三` and `文/图 张三` make author and photographer; `文/图 本报记者 张三`
    reporter and photographer; `图/本报记者 张三` photographer; `文/本报记者 张三` reporter."""
    if role == "both" or "both" in pending:
        return [AUTHOR, PHOTOGRAPHER] if role in ("both", AUTHOR, PHOTOGRAPHER) else [role, PHOTOGRAPHER]
    if PHOTOGRAPHER in pending:
        if AUTHOR in pending:
            return [AUTHOR, PHOTOGRAPHER] if role in (AUTHOR, PHOTOGRAPHER) else [role, PHOTOGRAPHER]
        return [PHOTOGRAPHER]
    if AUTHOR in pending and role == PHOTOGRAPHER:
        return [AUTHOR, PHOTOGRAPHER]
    return [role]


def _unique(people):
    seen = set()
    for person in people:
        key = (person.name, person.role)
        if key not in seen:
            seen.add(key)
            yield person


def parse_lead(text: str) -> Lead | None:
    """The dateline and credit a story opens with, or None.

    The credit must name people (a role word and names); a dateline alone is not a lead.
    """
    text = strip(text)
    boxed = _BOXED_DATELINE.match(text)
    if boxed and strip(text[boxed.end() :]):
        # `【新华社重庆十四日电】拉萨讯:…` (older wire copy): the dateline without its brackets.
        return Lead(boxed.group("dateline"), strip(boxed.group(0)), (), strip(text[boxed.end() :]))
    match = _DATELINE_RE.match(text)
    dateline = ""
    after = text
    if match:
        dateline = match.group("dateline")
        after = text[match.end() :]
    stripped = after.lstrip(SPACES)
    if stripped[:1] in _BRA:
        close = _matching_close(stripped)
        if close is None:
            return None
        inner = stripped[1:close]
        people = parse_credit(inner)
        if not people:
            return None
        rest = strip(stripped[close + 1 :])
        byline = text[: len(text) - len(stripped) + close + 1]
        return Lead(dateline=dateline, byline=strip(byline), people=people, rest=rest)
    if not dateline:
        return None
    # Unbracketed: `本报讯 记者 张三 通讯员 李四 昨日,……`. Take the longest run of
    # space-separated tokens that still parses as a credit.
    if not dateline.endswith(("讯", "电", "消息")):
        return None
    tokens = re.split(f"([{SPACES}]+)", stripped)
    best = None
    for end in range(1, len(tokens) + 1, 2):
        if any(c in tokens[end - 1] for c in COMMAS):
            break  # body text has begun
        candidate = "".join(tokens[:end])
        people = parse_credit(candidate)
        if people:
            best = (end, people)
    if best is None:
        if _NEWS_DATELINE.match(dateline) and strip(stripped):
            # `本报讯 近日,……`: a dateline with no credit still opens a story.
            return Lead(dateline=dateline, byline="", people=(), rest=strip(stripped))
        return None
    end, people = best
    rest = strip("".join(tokens[end:]))
    byline = strip(text[: len(text) - len(stripped)] + "".join(tokens[:end]))
    return Lead(dateline=dateline, byline=byline, people=people, rest=rest)


def _matching_close(text: str) -> int | None:
    depth = 0
    for index, char in enumerate(text):
        if char in _BRA:
            depth += 1
        elif char in _KET:
            depth -= 1
            if depth == 0:
                return index
    return None


_BARE_ROLE = re.compile(f"^(?:{_ORG}|本报)?(?:{_MODIFIERS})*(?:记者|评论员|通讯员)$")


def is_bare_role(text: str) -> bool:
    """`本报记者` on its own line naming nobody (人民日报 names its reporters at the end)."""
    return bool(_BARE_ROLE.match(strip(text).lstrip(_AUTHOR_MARKS + SPACES)))


def parse_staff(text: str) -> tuple[PersonCredit, ...] | None:
    """Page staff: `责任编辑/胡乐 美术编辑/张武`, `设计/左骏`."""
    return parse_credit(text, staff=True)


_CAPTION_END = re.compile(f"[\u3002!?\uff01\uff1f\u201d{CLOSE_PAREN}]|[{SPACES}]+")
_PHOTO_CREDIT_END = re.compile(f"摄(?:影报道|影)?[{SPACES}]*(?:[{OPEN_PAREN}][{HAN}]{{2,8}}[{CLOSE_PAREN}])?$")
_MAX_CREDIT = 60


def split_caption_credit(text: str) -> tuple[str, str, tuple[PersonCredit, ...]] | None:
    """`雷打石镇老街社区迎春联欢活动现场。记者/杨如摄` → caption, credit, people.

    The credit is the longest tail, after a sentence's end or a space, that reads as a
    photo credit and nothing else (`…增收21600元。湖南日报记者李健 通讯员 童建胜 摄影报道`,
    `神农庙会现场 株洲日报全媒体记者/温琳 摄`, `…巡边踏查。  葛高烽摄（影像中国）`)."""
    text = strip(text)
    if not _PHOTO_CREDIT_END.search(text) or parse_credit(text):
        return None  # a credit naming several people is not a caption
    for match in _CAPTION_END.finditer(text, max(0, len(text) - _MAX_CREDIT)):
        caption, credit = strip(text[: match.end()]), strip(text[match.end() :])
        if not caption or not credit or parse_credit(caption):
            continue
        people = parse_credit(credit)
        if people and any(p.role == PHOTOGRAPHER for p in people):
            return caption, credit, people
    return None


_AUTHOR_MARKS = "□■◎●◆★☆"


def author_name(text: str) -> str:
    """The name on a commentary's author line: `朱理平`, `□ 钱十一`, padded `朱  磊` (朱磊)."""
    name = strip(strip(text).lstrip(_AUTHOR_MARKS))
    padded = name.split()
    if len(padded) > 1 and all(len(part) == 1 for part in padded):
        return "".join(padded)
    return name


def is_name(text: str) -> bool:
    """A line that is only a person's name (a commentary's author line): 朱理平, □ 欧阳瑞丰, 朱  磊."""
    text = author_name(text)
    if re.fullmatch(f"[{HAN}]{{2,3}}", text):
        return True
    return len(text) == 4 and text[:2] in COMPOUND_SURNAMES and re.fullmatch(f"[{HAN}]{{4}}", text) is not None
