"""Datelines, bylines and photo credits.

Accepted shapes (full-width and half-width brackets, colons and slashes alike; the traditional
forms of the words around names, 記者, 攝, 電, 報道, as well):

    株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳) 1月22日,……     lead with dateline
    株洲日报(全媒体记者/杨凌凌 通讯员/罗金鹏)从……               dateline without 讯
    本报讯 记者 张三 通讯员 李四 昨日……                          unbracketed lead
    本报讯 记者李茜、刘桂莲报道……   全媒体记者李晨翀报道……        lead closed by 报道
    新华社北京1月2日电(记者王五、赵六)……                          wire dateline
    湖南日报·新湖南客户端7月25日讯(…)   三秦都市报-三秦网讯(…)     composite newsrooms
    枣庄网视讯 通讯员(徐艳 赵国滕)                                 role outside the bracket
    (记者/张三 通讯员/李四)   (吕劲)   本报讯 (赵叶舟)             bracketed credit
    株洲日报全媒体记者/刘芳 通讯员/徐芳 张海峰                    standalone byline
    本报记者 张 胜 男   本报记者  贺  勇  曹继炜                   padded names
    全媒体记者/杨如通讯员/周奕江   本报记者曾坤颜世贵              names run together
    王星海 耿志清   李静、陈晓璇                                   names with no label
    记者/杨凌凌摄   (高建中 摄)   新华社发(高建中 摄)              photo credits
    刘贵雄摄(人民视觉)   (光明网记者潘迪 摄/光明图片)              … with the photo's source
    摄影:楚天都市报记者陈凌燕   本版摄影:高新生 栗卢建             photo label first
    株洲日报全媒体记者/易楚瞳 通讯员/胡琼 摄影报道                wrote and photographed
    文/张三 图/李四   张三/文   记者 孙庆辉 文/图   □图/文 周国屏   text and picture credits
    本报记者 周国强 实习生 高宇辰 摄 本报记者 厉苒苒 文           two credits on one line
    红网时刻新闻记者 陈彦兵 株洲报道   时代周报记者 李兮言 发自广州  where it was reported
    记者:黄伊罕 编辑:邢维   系列报道策划:秦晖                     editors inside a credit
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dictionary import is_place, words
from .lexicon import (
    AUTHOR,
    BASE_ROLES,
    COMPOUND_SURNAMES,
    CORRESPONDENT,
    DESIGN_MARKS,
    DESK_ENDINGS,
    EDITOR,
    INSTITUTION_ENDINGS,
    INTERN,
    NEUTRAL_LABELS,
    NOT_A_ROLE_AFTER,
    NOT_DATELINE_AFTER,
    NOT_DATELINE_BEFORE,
    NOT_NAMES,
    OFFICE_ENDINGS,
    ORG_SUFFIXES,
    OUTLETS,
    PHOTO_AGENCY_WORDS,
    PHOTO_SET_QUALIFIERS,
    PHOTO_SET_WORDS,
    PHOTOGRAPHER,
    PLACE_NAME_ENDS,
    PROVINCES,
    QUALIFIED_EDITOR_LABELS,
    REPORTER,
    REPORTING_WORDS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    SHOOTING_DEVICES,
    STAFF_ROLE_WORDS,
    SURNAMES,
    TRADITIONAL,
    UNLABELED_PHOTO_REPORT,
    WORKPLACE_ENDINGS,
)
from .model import PersonCredit
from .text import CLOSE_PAREN, COLONS, COMMAS, HAN, OPEN_PAREN, SEMICOLONS, SLASHES, SPACES, STOPS, squeeze, strip

__all__ = [
    "COMPOUND_SURNAMES",
    "Lead",
    "author_name",
    "is_bare_role",
    "is_name",
    "is_signature",
    "split_glued_credit",
    "parse_credit",
    "parse_lead",
    "parse_staff",
    "parse_staff_line",
    "split_caption_credit",
]

_SIMPLIFY = str.maketrans({traditional: simple for simple, traditional in TRADITIONAL.items()})


def _simplified(text: str) -> str:
    return text.translate(_SIMPLIFY)


def _word(word: str) -> str:
    """A word as a pattern that also matches its traditional form: 记者 → [记記]者."""
    return "".join(f"[{c}{TRADITIONAL[c]}]" if c in TRADITIONAL else re.escape(c) for c in word)


def _words(words) -> str:
    return "|".join(_word(w) for w in sorted(words, key=len, reverse=True))


_SLASH = SLASHES + "丨｜"  # `文丨陈惠芳`: web copy divides the label from the name with a bar
_BRA = OPEN_PAREN + "["
_KET = CLOSE_PAREN + "]"
_BRA_CLASS, _KET_CLASS = re.escape(_BRA), re.escape(_KET)
_PIPES = "|\uff5c"
# Marks printed before an author line or a byline: `□王新`, `■记者 刘芳`, `◇记者 金振华`.
_AUTHOR_MARKS = "□■○◎●◆◇★☆"
_BULLETS = _AUTHOR_MARKS + "·•—-"
_QUOTE_CHARS = '\u201c\u201d\u300c\u300d\u300e\u300f"'
_QUOTES = str.maketrans({q: " " for q in _QUOTE_CHARS})
_QUOTE_RE = re.compile(f"[{_QUOTE_CHARS}]")
_NUM = "0-9\uff10-\uff19一二三四五六七八九十〇零"
_MAX_CREDIT = 120
_NAME_SEP = re.compile(f"[{SPACES}\u3001{SEMICOLONS}{COMMAS}{SLASHES}{_PIPES}]+")  # space, 、, ;, ,, /, |
_SENTENCE_STOP = re.compile(f"[{STOPS}]")
_NAME_RE = re.compile(f"^[{HAN}]{{2,4}}$|^[{HAN}]{{2,5}}[·•\u30fb\u2027][{HAN}]{{2,6}}$")
_HAN_RE = re.compile(f"[{HAN}]")
_SURNAME_RANK = {c: n for n, c in enumerate(SURNAMES)}
# Names with no label: at most this many on an unbracketed line (a longer run of names is a list
# in the body, such as an award's winners).
_MAX_UNLABELED = 4

# A newsroom's name glued to a role word: 株洲日报全媒体记者, 新华社记者, 湖南日报·新湖南客户端记者,
# 扬子晚报/紫牛新闻记者, 看看新闻Knews记者, 南方+记者, 南都记者.
_ORG = (
    f"(?<![{HAN}A-Za-z0-9·•+\\-])(?:[{HAN}A-Za-z0-9·•+\\-{SLASHES}|]{{0,20}}?(?:{_words(ORG_SUFFIXES)})[{HAN}A-Za-z0-9·•+]{{0,6}}?"
    f"|{_words(OUTLETS)})"
)
# a reporter posted to a place: 驻京记者, 特派斯德哥尔摩记者
_MODIFIERS = "|".join(_word(m) for m in ROLE_MODIFIERS) + (
    f"|{_word('驻')}[{HAN}]{{1,3}}?(?={_word('记者')})|{_word('特派')}[{HAN}]{{1,5}}?(?={_word('记者')})"
)
_ROLE_ENDINGS = sorted({*ROLE_WORDS, *BASE_ROLES, *NEUTRAL_LABELS}, key=len, reverse=True)
_ONE_CHAR_ROLES = "|".join(_word(w) for w in ROLE_WORDS if len(w) == 1)
# `文/`, `图:`, `摄 `; `文、图/辜鹏博`, `文·图/X`: two of them joined before the names
_SINGLE_ROLE = (
    f"(?<![{HAN}])(?:{_ONE_CHAR_ROLES})"
    f"(?=[{SPACES}{_SLASH}{COLONS}{SEMICOLONS}{_PIPES}]|[\u3001·・](?:{_ONE_CHAR_ROLES})[{SPACES}{_SLASH}{COLONS}])"
)
_NOT_A_ROLE_AFTER = (
    f"(?![{HAN}]{{0,2}}[{NOT_A_ROLE_AFTER}])"  # 记者站, 编辑部, 编辑传播部, 通讯组 are places, not people
)


def _credit_roles() -> str:
    long_roles = [w for w in _ROLE_ENDINGS if len(w) > 1]
    staff = [w for w in STAFF_ROLE_WORDS if len(w) > 1]
    qualified = f"[{HAN}]{{0,4}}?(?:{_words(QUALIFIED_EDITOR_LABELS)})(?=[{COLONS}{SPACES}])"
    return (
        f"(?:{_words(staff)}){_NOT_A_ROLE_AFTER}"
        f"|(?:{_MODIFIERS})*(?:{_words(long_roles)}){_NOT_A_ROLE_AFTER}"
        f"|{qualified}"
        f"|{_SINGLE_ROLE}"
    )


_CREDIT_ROLES = _credit_roles()
# The newsroom's name never starts with a role word: in `图/本报记者 张三` 图 is a role.
# A letter or a worker's piece signed with the writer's workplace or address before the name:
# `兴平市66号信箱杨晓勇` (陕西工人报), `□首发集团八达岭分公司京新收费所 吕文静` (劳动午报).
_WORKPLACE_SIGNATURE = re.compile(
    f"^[□■]?[{HAN}0-9]{{2,24}}(?:{_words(WORKPLACE_ENDINGS)})[{SPACES}]*(?P<name>[{HAN}]{{2,3}})$"
)
# An outlet in quotes or in book-title marks before the role: `“青岛观”摄影师`, `《中国国防报》记者`,
# `《瞭望》新闻周刊记者` (the rest of the outlet's name after the marks), also after another outlet's names
# (`新华社记者钱咏虹、《内蒙古日报》记者杨佐坤`).
_QUOTED_OUTLET = re.compile(
    f'(?<![^{SPACES}{SLASHES}{_PIPES}{COLONS}{COMMAS}、{_BRA_CLASS}{_AUTHOR_MARKS}])[\u201c"\u300a][^\u201d"\u300b]{{1,12}}[\u201d"\u300b](?=[{SPACES}]*[{HAN}]{{0,6}}?(?:{_CREDIT_ROLES}))'
)
_ROLE_RE = re.compile(f"(?P<org>(?!{_CREDIT_ROLES}){_ORG})?(?P<role>{_CREDIT_ROLES})")
_STAFF_RE = re.compile(f"(?P<org>)(?P<role>(?:{_words(STAFF_ROLE_WORDS)}){_NOT_A_ROLE_AFTER})")
# What every credit holds, checked before parsing: a role word or a credit mark, or else
# brackets, or a newsroom's name and names, or a short list of names.
_ROLE_HINT = re.compile(
    f"{_words([*ROLE_WORDS, *BASE_ROLES, *STAFF_ROLE_WORDS, *QUALIFIED_EDITOR_LABELS])}"
    f"|[摄攝]|(?<![{HAN}])[文图圖]|[文图圖](?![{HAN}])"
)
_UNLABELED_SHAPE = re.compile(
    f"^(?:[^{SPACES}]{{2,30}}[{SPACES}]+)?[{HAN}]{{2,4}}(?:[{SPACES}\u3001{COMMAS}{SEMICOLONS}]+[{HAN}]{{2,4}}){{0,3}}$"
)
_LEADING_ORG = re.compile(
    f"^[{SPACES}]*{_ORG}(?:[{SPACES}]*[{SLASHES}])?(?=[{SPACES}]|(?<=[{SLASHES}])|$)"
)  # `新华网/李安 摄`
# A word of two to twelve characters glued to the label that follows, with a space before it or
# nothing: the newsroom's name even with no suffix an outlet has (`读特记者`, 深圳特区报's app); or a
# longer one that ends as a newsroom's desk does (`人民日报社经济社会部农村采访室记者`).
_GLUED_OUTLET = re.compile(
    f"(?:[{SPACES}]+|^)(?:[{HAN}][{HAN}0-9A-Za-z·\\-]{{0,10}}[{HAN}]"  # `第1眼-重庆广电记者`
    f"|[{HAN}]{{4,16}}(?:{_words(DESK_ENDINGS)}))"
)

# Where the photo came from, after its credit: 摄(中经视觉), 摄/光明图片, 摄 视觉重庆.
_PHOTO_SOURCE = re.compile(
    f"(?<=[摄攝])[{SPACES}{SLASHES}]*(?:[{_BRA_CLASS}][^{_BRA_CLASS}{_KET_CLASS}]{{1,12}}[{_KET_CLASS}]"
    f"|[{HAN}A-Za-z]{{0,6}}(?:{_words(PHOTO_AGENCY_WORDS)})[{HAN}A-Za-z]{{0,4}}"
    f"|{_ORG}"  # 唐豆子摄/中新社: the newsroom that released it
    f"|于[{_NUM}年月日号]{{2,12}}"  # when it was taken: 曾谙 摄于2016年3月21日
    f"|于[{HAN}]{{2,12}})$"  # or where: 秦国君 摄于新津区廊桥广场 (成都商报)
)
# What the photo was taken with, before 摄: `李安,无人机摄` (a drone), `手机摄`.
_DEVICE = re.compile(f"[{COMMAS}{SPACES}]*(?:{_words(SHOOTING_DEVICES)})(?=[{SPACES}]*[摄攝])")
# A note after the last name: 谢黎明(春城晚报), 张启明(实习), 王梓璇(吉大师院附小教育集团附属小学五年级2班).
_TRAILING_NOTE = re.compile(f"(?<=[{HAN}])[{SPACES}]*[{_BRA_CLASS}][{HAN}][{HAN}0-9]{{0,29}}[{_KET_CLASS}]$")
# The note of a trainee: 范宏瑞(实习), 李四（实习生）.
_TRAINEE_NOTE = re.compile(f"[{_BRA_CLASS}](?:{_word('实习')}|{_word('实习生')})[{_KET_CLASS}]$")
_SOURCE_LABEL = re.compile(f"^{_word('来源')}[{COLONS}][{SPACES}]*(?=[^{SPACES}]+[{SPACES}]+(?:{_CREDIT_ROLES}))")
# Who gave the paper the tip: no credit of the story.
_TIP = f"(?:{_word('线索提供')}|{_word('提供线索')})"
# Where a credit or a picture came from, to the end: `来源:新华社`, `(图片来源:中国军网)`; the tipster after
# a credit: `晚报记者 朱东一 摄 线索提供 许涛` (洛阳晚报, 郑州晚报).
_SOURCE_NOTE = re.compile(
    f"[{SPACES}{SLASHES}]*(?:(?:[{_BRA_CLASS}][{HAN}]{{0,4}})?{_word('来源')}[{COLONS}]"
    f"|(?<=[{SPACES}]){_TIP}[{COLONS}{SPACES}]).*$"
)
# The tipster after the story's last sentence: `…修好。线索提供 王辉` (郑州晚报).
_TIP_AFTER_TEXT = re.compile(f"[{STOPS}\u201d][{SPACES}]*{_TIP}[{COLONS}{SPACES}]*[{HAN}]{{2,4}}$")


def ends_with_dash_signature(text: str) -> bool:
    """A paragraph a writer signs after a dash: `…死不瞑目了。——木禾` (梅州日报)."""
    glued = split_glued_credit(text)
    return glued is not None and _DASH_SIGNATURE.match(glued[1]) is not None


def ends_with_tip(text: str) -> bool:
    """A paragraph closed by the name of whoever tipped the paper off: the story ends there."""
    return _TIP_AFTER_TEXT.search(strip(text)) is not None


# How the reporting was done, after the names: 报道, 采写, 整理, 参与采写, 发自广州; two of them run
# together: 采访整理 (洛阳晚报), 整理报道 (红网).
_REPORTINGS = f"(?:{_words(REPORTING_WORDS)}){{1,2}}"
_REPORTED = re.compile(f"[{SPACES}]*(?:(?:{_word('参与')})?{_REPORTINGS}|{_word('发自')}[{HAN}]{{1,8}})$")
# (or an at sign, as on social media: `摄影师@张殿文`, 新京报; `摄影师@姚远`, 星球研究所)
_MARK_BETWEEN = re.compile(f"(?<=[{HAN}])[{_AUTHOR_MARKS}@＠](?=[{HAN}])")
# How the reporting was done, between one credit's names and the next label: `…通讯员 田辰珉 报道 策划 王金龙`.
_REPORTED_BETWEEN = re.compile(f"(?<=[{HAN}])[{SPACES}]+{_REPORTINGS}[{SPACES}]+(?={_CREDIT_ROLES})")
# A place printed before 报道 after the names: 陈彦兵 株洲报道, 吳千、于海江 哈爾濱報道.
_PLACE_REPORTED = re.compile(f"(?P<before>[^{SPACES}]+)[{SPACES}]+(?P<place>[{HAN}]{{2,5}}){_word('报道')}$")
# A place glued to the last name: `…张善雅安阳报道` (大公报).
_PLACE_GLUED_REPORTED = re.compile(f"(?<![{HAN}])(?P<run>[{HAN}]{{4,7}}){_word('报道')}$")
# A province (and a city of it) glued before 报道 after the names: 陈雪霏安徽黄山报道.
_PROVINCE_REPORTED = re.compile(f"(?<=[{HAN}])(?:{_words(PROVINCES)})[{HAN}]{{0,4}}?{_word('报道')}$")
# A credit printed after its names: 张三 摄, 张三/文, 吴亚明文/图, 吕依霖 摄影报道. 摄, 摄影报道 and the
# compound text-and-picture marks may be glued to the name; 文, 图 and 摄影 stand after a space or a
# slash (文钦, 特约摄影 刘佳), except 摄影 at the very end (陈治普摄影).
# `文/图`, `图|文`, `文、图` and `文、摄` (今日女报, 无锡日报), `文·图`: the names wrote and photographed.
_BOTH_SEP = f"[{SPACES}]*[{SLASHES}{_PIPES}\u3001·・][{SPACES}]*"
_BOTH_MARK = (
    f"{_word('文')}{_BOTH_SEP}(?:{_word('图')}|{_word('摄')})|(?:{_word('图')}|{_word('摄')}){_BOTH_SEP}{_word('文')}"
)
# A byline naming who wrote and who photographed (`■文/图 衡阳晚报全媒体记者 胡亚华`): a story, not photo news.
_BOTH_WORDS = [word for word, role in ROLE_WORDS.items() if role == "both"]
TEXT_AND_PHOTOS = re.compile(f"{_BOTH_MARK}|{_words(_BOTH_WORDS)}")
_BRACKETED_MARK = re.compile(
    f"(?<=[{HAN}])[{SPACES}]*[{_BRA_CLASS}][{SPACES}]*(?P<mark>{_BOTH_MARK})[{SPACES}]*[{_KET_CLASS}]$"
)
_MARKER = re.compile(
    f"(?:(?<=[{HAN}{SPACES}{SLASHES}])(?P<glued>{_BOTH_MARK}|{_words(_BOTH_WORDS)}(?=[{SPACES}]*$)|{_word('摄影报道')}|{_word('航拍')}|{_word('摄')})"
    f"|(?<=[{SPACES}{SLASHES}])(?P<spaced>{_words(['摄影', *_BOTH_WORDS, *DESIGN_MARKS, '文', '图'])})"
    f"|(?<=[{HAN}])(?P<end>{_word('摄影')})(?=[{SPACES}]*$))"
    f"(?=[{SPACES}]*$|[{SPACES}{SEMICOLONS}]+[^{SPACES}])"  # `记者 吕洋 文;记者 查金辉 摄`
)
# A credit for several photos at once: 以上图片均由 湖南日报全媒体记者 唐俊 摄, 均为长沙晚报全媒体记者 X 摄.
_COLLECTIVE = re.compile(
    f"^(?:(?:{_words(PHOTO_SET_QUALIFIERS)})?(?:{_words(PHOTO_SET_WORDS)}){_word('均')}?|{_word('均')})"
    f"[由为][{SPACES}]*(?=[^{SPACES}])"
)
# A newsroom's release before the credit: 新华社发(高建中 摄), 中新社发 吴水斌 摄.
_AGENCY_RELEASE = re.compile(f"^(?:{_ORG})(?:{_word('发')}|{_word('供图')})[{SPACES}{COLONS}]*(?=[{HAN}{_BRA_CLASS}])")

# A lead opens a story: a dateline, then a bracketed credit (or an unbracketed one).
_DATELINE_RE = re.compile(
    f"^(?P<dateline>"
    # the place may name its country in brackets: `新华社巴里洛切(阿根廷)10月17日电`
    f"(?:[{HAN}A-Za-z0-9\uff10-\uff19·•\u30fb+\\-\u2014{SLASHES}\u300a\u300b]|[{OPEN_PAREN}][{HAN}]{{2,8}}[{CLOSE_PAREN}](?=[{HAN}0-9])"
    # a space the extraction left inside the date: `红网时刻2月15 日讯`
    f"|(?<=[0-9\uff10-\uff19])[{SPACES}](?=[0-9\uff10-\uff19]{{0,2}}[月日]))"
    f"{{0,30}}?"
    f"(?:(?<![{NOT_DATELINE_BEFORE['讯']}]){_word('讯')}(?![{NOT_DATELINE_AFTER['讯']}])|(?<![{NOT_DATELINE_BEFORE['电']}]){_word('电')}(?![{NOT_DATELINE_AFTER['电']}])|{_word('消息')})"
    f"|{_ORG}(?=[{SPACES}]*[{OPEN_PAREN}])"
    f")"
)
# `【新华社重庆十四日电】`, `【路透社乌兰巴托7月17日电】` (参考消息)
_BOXED_DATELINE = re.compile(
    f"^【(?P<dateline>(?:据|本报)?[{HAN}A-Za-z0-9·]{{1,24}}?(?:{_word('讯')}|{_word('电')}))】"
)
# Datelines that open a story even with no credit after them.
_NEWS_DATELINE = re.compile(
    f"^(?:本{_word('报')}|据?[{HAN}A-Za-z·•\\-]{{0,16}}?(?:{_words(ORG_SUFFIXES)}))"
    f"(?:[{HAN}]{{0,6}}?(?:(?:[{_NUM}]{{1,2}}月)?[{_NUM}]{{1,3}}日)?)?"  # `新华社武汉3日电` (the day alone, 1950s)
    f"(?:{_word('讯')}|{_word('专')}?{_word('电')}|{_word('消息')})$"
)
# An unbracketed credit that ends with 报道, the body glued after it.
_REPORTED_LEAD = re.compile(
    f"^[^{COMMAS}\u3002{SEMICOLONS}!?\uff01\uff1f{_BRA_CLASS}]{{2,40}}?{_word('报道')}(?![了的着过])"
)


# A credit that says where it was filed from, then the text after a space (national papers' openings):
# `中国妇女报·中国妇女网记者许真学 任然 发自成都 为积极响应…`, `时代周报记者 李兮言 发自广州`.
_DISPATCH_LEAD = re.compile(
    f"^(?P<credit>[^{COMMAS}\u3002{SEMICOLONS}{_BRA_CLASS}]{{2,40}}?{_word('发自')}[{HAN}]{{2,8}})[{SPACES}]+(?=[^{SPACES}])"
)
_OPENS_SOON = re.compile(f"[{OPEN_PAREN}]")
_REPORTED_SOON = re.compile(_word("报道"))


@dataclass(frozen=True)
class Lead:
    """A story's opening credit and where the body text starts after it."""

    dateline: str
    byline: str  # as printed, dateline included
    people: tuple[PersonCredit, ...]
    rest: str  # body text on the same line after the credit


def _unlabeled_name(token: str) -> bool:
    """A name with no label: a surname of the table, two or three characters (four with a
    compound surname: `游玩购物 商圈火爆` is a headline)."""
    if token[:2] in COMPOUND_SURNAMES:
        return len(token) in (3, 4)
    return token[0] in _SURNAME_RANK and len(token) in (2, 3)


def _piece_cost(piece: str) -> int | None:
    """How unlikely a piece of run-together names is as one name, or None when it is none."""
    if piece[:2] in COMPOUND_SURNAMES and len(piece) in (3, 4):
        return 20
    if len(piece) in (2, 3) and piece[0] in _SURNAME_RANK:
        return 20 + _SURNAME_RANK[piece[0]]
    return None


@lru_cache(maxsize=2048)
def _surname_split(token: str) -> tuple[str, ...] | None:
    """Names run together, split so that every piece starts with a surname of the table; of two
    splits the one with the commoner surnames wins (卢磊邓少华 → 卢磊 邓少华)."""
    best: dict[int, tuple[int, tuple[str, ...]]] = {len(token): (0, ())}
    for start in range(len(token) - 2, -1, -1):
        options = []
        for length in (2, 3, 4):
            end = start + length
            if end not in best:
                continue
            cost = _piece_cost(token[start:end])
            if cost is not None:
                options.append((cost + best[end][0], (token[start:end], *best[end][1])))
        if options:
            best[start] = min(options)
    found = best.get(0)
    return found[1] if found and len(found[1]) > 1 else None


def _split_run_together(token: str, *, labelled: bool) -> list[str] | None:
    """`徐芳张海峰` printed without a space: split into names (see _surname_split). With no split
    by surnames, six characters after a role word still make two names of three."""
    if not re.fullmatch(f"[{HAN}]{{5,12}}", token):
        return None
    pieces = _surname_split(token)
    if pieces:
        return list(pieces)
    if not labelled:
        return None
    for compound in COMPOUND_SURNAMES:
        if token.startswith(compound) and len(token) in (6, 7) and _NAME_RE.match(token[4:]):
            return [token[:4], token[4:]]
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


def _two_names(token: str) -> list[str] | None:
    """Four characters with no compound surname, each half opening with a surname of the table: two names."""
    if (
        re.fullmatch(f"[{HAN}]{{4}}", token)
        and token[:2] not in COMPOUND_SURNAMES
        and token[0] in _SURNAME_RANK
        and token[2] in _SURNAME_RANK
        and token[2:] not in COMPOUND_SURNAMES
    ):
        return [token[:2], token[2:]]
    return None


def _names(segment: str, *, strict: bool = False, labelled: bool = True) -> list[str] | None:
    """Names after a role word, or None when the segment is not a list of names.

    ``strict`` (names with no label and no credit mark): every name starts with a surname of the
    table, single padded characters only in pairs (`石胜福 龚利华 曾 铮`). Names with no label (``labelled`` False)
    run together split only by surnames."""
    segment = strip(segment).strip(_SLASH + COLONS + SEMICOLONS + _PIPES + SPACES)
    if not segment:
        return []
    names: list[str] = []
    singles: list[str] = []
    for token in [*_NAME_SEP.split(segment), ""]:
        token = token.strip(_SLASH + COLONS)
        if len(token) == 1 and _HAN_RE.match(token):
            singles.append(token)
            continue
        if singles:
            padded = _padded_names(singles)
            if strict and (len(singles) % 2 or not all(_unlabeled_name(name) for name in padded)):
                return None  # with no label, only pairs that start with a surname: `曾 铮`, `曹 莉`
            if not padded:
                return None
            names.extend(padded)
            singles = []
        if not token:
            continue
        if _simplified(token) in NOT_NAMES:
            return None
        pair = _two_names(token)
        if pair:
            names.extend(pair)  # `本报记者陈昭薛原` (人民日报 1999): two names of two characters run together
            continue
        if _NAME_RE.match(token) and (not strict or _unlabeled_name(token)):
            names.append(token)
            continue
        if strict and len(token) < 5:
            return None
        pieces = _split_run_together(token, labelled=labelled and not strict)
        if pieces is None:
            return None
        names.extend(pieces)
    return names


@lru_cache(maxsize=512)
def _role_of(word: str) -> str:
    """The role a label gives: 全媒体记者 reporter, 摄影记者 photographer, 实习记者 intern,
    本版摄影 photographer, 系列报道策划 editor; '' for a label with no role (制作)."""
    word = _simplified(word)
    if word in STAFF_ROLE_WORDS:
        return STAFF_ROLE_WORDS[word]
    if word.endswith(QUALIFIED_EDITOR_LABELS):
        return EDITOR
    for ending in _ROLE_ENDINGS:
        if word.endswith(ending):
            if ending in NEUTRAL_LABELS:
                return ""
            role = ROLE_WORDS.get(ending) or BASE_ROLES[ending]
            modifiers = word[: -len(ending)]
            if role == REPORTER and "摄影" in modifiers:
                return PHOTOGRAPHER
            if role == REPORTER and "实习" in modifiers:
                return INTERN
            return role
    return AUTHOR


def _combine(pending: list[str], role: str) -> list[str]:
    """Roles printed with no name of their own apply to the names of the label that follows:
    `图文/张三` and `文/图 张三` make author and photographer; `文/图 本报记者 张三` reporter and
    photographer; `图/本报记者 张三` and `摄影:楚天都市报记者 X` photographer; `文/本报记者 张三`
    and `采写:南都记者 X` reporter; `记者/编辑:X` reporter and editor."""
    labels = [r for r in [*pending, role] if r]
    photo_label = PHOTOGRAPHER in pending or "both" in pending
    photo = photo_label or PHOTOGRAPHER in labels or "both" in labels
    text_roles = [r for r in labels if r not in (PHOTOGRAPHER, "both")]
    wrote = AUTHOR in text_roles or "both" in labels
    if photo_label and not wrote:
        return [PHOTOGRAPHER]
    specific = [r for r in text_roles if r != AUTHOR]
    roles = list(dict.fromkeys(specific)) or ([AUTHOR] if wrote else [])
    return roles + ([PHOTOGRAPHER] if photo else [])


def _has_name(text: str) -> bool:
    """Whether anything but role words is left: the names a trailing credit mark closes."""
    return len(_HAN_RE.findall(_ROLE_RE.sub(" ", text))) >= 2


def _name_characters(text: str) -> list[int]:
    """How many Han characters outside role words stand before each position of the text."""
    outside = _ROLE_RE.sub(lambda m: " " * len(m.group(0)), text)
    counts = [0]
    for char in outside:
        counts.append(counts[-1] + (1 if _HAN_RE.match(char) else 0))
    return counts


def _groups(text: str) -> list[tuple[str, str | None]]:
    """A credit cut after each trailing mark: `本报记者 周国强 摄 本报记者 厉苒苒 文` is two."""
    groups: list[tuple[str, str | None]] = []
    start = 0
    names_before = None  # characters of names (not of role words) before each position
    for match in _MARKER.finditer(text):
        if names_before is None:
            names_before = _name_characters(text)
        if names_before[match.start()] - names_before[start] < 2:
            continue  # `文/图 张三`: the mark closes no name
        following = text[match.end() :].lstrip(SPACES)
        text_then_photo = _squeeze_marks(match.group(0)) == "文" and _PHOTO_CLOSES.search(following)
        # `杨佐桓摄 赵曦臣文` (人民日报): who took the photos, then who wrote, as `裴 蕾 文 廖 谦 图` the other way
        photo_then_text = match.group("glued") == "摄" and _TEXT_CLOSES.search(following)
        # `实习生 张文怡 摄影 王慧晴`: a label of the names after it, not a closing mark; but
        # `裴 蕾 文 廖 谦 图`: who wrote, then who took the photos
        if (
            following
            and text[match.start() - 1] not in SLASHES
            and not _ROLE_RE.match(following)
            and not text_then_photo
            and not photo_then_text
        ):
            continue
        mark = _simplified(_squeeze_marks(match.group(0)))
        if mark == "摄影报道":
            kind = "report"
        elif mark in ("摄", "摄影", "图", "航拍"):  # `杨冰杰 航拍`: an aerial photograph
            kind = "photo"
        elif mark == "文":
            kind = "text"
        elif mark in DESIGN_MARKS:
            kind = mark
        else:
            kind = "both"
        groups.append((text[start : match.start()], kind))
        start = match.end()
        while start < len(text) and text[start] in SEMICOLONS:
            start += 1
    rest = text[start:]
    if strip(rest) or not groups:
        groups.append((rest, None))
    return groups


_TEXT_CLOSES = re.compile(f"[{SPACES}]{_word('文')}$")
_PHOTO_CLOSES = re.compile(f"(?:[{SPACES}]{_word('图')}|{_word('摄')})$")
# A three-character name with the text mark run on (`刘梦丹文`, `杨翘楚文`), before the next credit or at the end.
_GLUED_TEXT_MARK = re.compile(f"(?<![{HAN}])(?P<name>[{HAN}]{{3}})(?P<mark>{_word('文')})(?=[{SPACES}]|$)")


def _unglue_text_mark(text: str) -> str:
    return _GLUED_TEXT_MARK.sub(
        lambda m: (
            f"{m['name']} {m['mark']}"
            if _unlabeled_name(m["name"]) and m["name"][:2] not in COMPOUND_SURNAMES  # 欧阳雅文 is a name
            else m.group(0)
        ),
        text,
    )


def _squeeze_marks(mark: str) -> str:
    return re.sub(f"[{SPACES}{SLASHES}{_PIPES}]", "", mark)


def _strip_reported(text: str) -> str:
    place = _PLACE_REPORTED.search(text)
    if place and not _ROLE_RE.fullmatch(place.group("before")) and not _named_reporter(place.group("place")):
        return strip(text[: place.start("before") + len(place.group("before"))])
    province = _PROVINCE_REPORTED.search(text)
    if province:
        return strip(text[: province.start()])  # `…记者陈雪霏安徽黄山报道`: the place glued to the name
    glued = _PLACE_GLUED_REPORTED.search(text)
    cut = _glued_place(glued.group("run")) if glued else 0
    if cut:
        return strip(text[: glued.start("run") + cut])  # `…张善雅安阳报道`
    return strip(_REPORTED.sub("", text))


_COMMON_SURNAMES = 40  # of the table's order, the surnames far commoner than any place's first character


def _named_reporter(token: str) -> bool:
    """`张蓓报道`, `李云飞报道`: a name before 报道, where `株洲报道`, `安阳报道`, `岳阳报道`, `唐山报道` name a
    place. Three characters are a name unless the dictionary has them as a place; two, only with one
    of the commonest surnames, unknown to the dictionary and not ending as places do."""
    if not _unlabeled_name(token) or is_place(token):
        return False
    if len(token) == 3:
        return True
    return (
        _SURNAME_RANK.get(token[0], _COMMON_SURNAMES) < _COMMON_SURNAMES
        and token not in words()
        and token[-1] not in PLACE_NAME_ENDS
    )


def _glued_place(run: str) -> int:
    """Where a place glued to the last name starts in `张善雅安阳` (3), or 0 when there is none."""
    for cut in range(len(run) - 2, 1, -1):
        if _unlabeled_name(run[:cut]) and is_place(run[cut:]):
            return cut
    return 0


def _name_list(text: str, names: list[str]) -> bool:
    """Names with no label and no brackets make a credit only as a short list, each name printed
    apart, one at least of three characters (`王星海 耿志清`, `李静、陈晓璇`) or none a word of the
    dictionary (`李杰 李庆`): words run together (`石家庄高新区`) or two words (`陈述 申辩`) stay text."""
    return (
        2 <= len(names) <= _MAX_UNLABELED
        and len(_NAME_SEP.split(strip(text))) == len(names)
        and (any(len(name) == 3 for name in names) or not any(name in words() for name in names))
    )


def _reads_as_name(token: str) -> bool:
    """A short token that is a name even though an outlet's suffix sits inside it (胡社友, 李报春)."""
    return _unlabeled_name(token) and not token.endswith(ORG_SUFFIXES)


def _parse_group(text: str, mark: str | None, *, bracketed: bool, marked: bool = False) -> list[PersonCredit] | None:
    text = _strip_reported(strip(text))
    if (
        mark == "report"
        and len(parts := text.rsplit(None, 1)) == 2
        and is_place(parts[1])
        and _ROLE_RE.search(parts[0])
    ):
        # `封面新闻记者 杜江茜 梁家旗 北京摄影报道`, `本报…记者周南 日喀则摄影报道`: where it was filed
        text = strip(parts[0])
    strict = mark is None
    entries: list[tuple[list[str], list[str]]] = []
    matches = list(_ROLE_RE.finditer(text))
    head = text[: matches[0].start()] if matches else text
    if strip(head):
        body, org = head, False
        glued = _OUTLET_THEN_NAME.fullmatch(strip(body)) if mark and not matches else None
        if glued:
            # `(西安日报尚洪涛摄)`: the outlet glued to the name, which the credit mark closes, as it does a
            # name with no surname of the table (`新疆日报阿扎提 摄`, `新疆经济报高原玲子 摄`)
            body, org = glued.group("name"), True
        while found := _LEADING_ORG.match(body):
            if not strip(body[found.end() :]) and _reads_as_name(strip(body)):
                break  # `胡社友 摄`: a name with 社 inside, not an outlet
            body, org = body[found.end() :], True  # `新安晚报 安徽网 大皖客户端记者 X`: each outlet
        if (
            matches
            and _GLUED_OUTLET.fullmatch(body)
            and not _unlabeled_name(strip(body))
            and (marked or not _HAN_RE.match(text[matches[0].end() : matches[0].end() + 1]))
        ):
            # `读特记者 齐霁`: a newsroom's name glued to the label, the names apart from it, or the
            # whole run glued under a byline's mark (`□半月谈记者邬慧颖`); `陈华见习记者杨一` is a name,
            # `昨天记者张三说` no credit
            body, org = "", True
        if strip(body):
            # names before the first label: checked against the surname table unless a credit
            # mark closes them with nothing else (泱波摄); `神农庙会现场 株洲日报全媒体记者/温琳 摄`
            # is a caption and its credit, not three people
            names = _names(body, strict=strict or bool(matches), labelled=False)
            if not names:
                return None
            if not matches and strict and not (bracketed or org or _name_list(body, names)):
                return None  # a lone name is an author line (朱理平), not a credit
            entries.append(([AUTHOR], names))
    pending: list[str] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        segment = text[match.end() : end].lstrip(_SLASH + COLONS)
        outlet = _LEADING_ORG.match(segment)
        if outlet and not _reads_as_name(strip(outlet.group(0))):
            segment = segment[outlet.end() :]  # the label, then the outlet: `策划/株洲日报编辑传播部 李支国`
        names = _names(segment)
        if names is None:
            return None
        glued = match.end() < len(text) and _HAN_RE.match(text[match.end()])
        if glued and strict and not bracketed and not (names and _unlabeled_name(names[0])):
            # `新闻摄影比赛`: a role word inside a phrase, not a label before a name; the name glued
            # to the label starts with a surname, the names listed after it need not
            # (`本报记者王明浩、乌梦达、夏子麟`)
            return None
        role = _role_of(match.group("role"))
        if not names:
            if i + 1 < len(matches):
                pending.append(role)
                continue
            return None  # a role with nobody after it ends no credit
        entries.append((_combine(pending, role), names))
        pending = []
    if mark == "photo":
        return [PersonCredit(name, PHOTOGRAPHER) for _, names in entries for name in names]
    if mark in DESIGN_MARKS:
        return [PersonCredit(name, DESIGN_MARKS[mark]) for _, names in entries for name in names]
    if mark in ("report", "both"):
        default = UNLABELED_PHOTO_REPORT if mark == "report" else AUTHOR
        wrote, shot = [], []
        for roles, names in entries:
            text_roles = [r for r in roles if r != PHOTOGRAPHER]
            text_roles = [default if r == AUTHOR else r for r in text_roles] or ([] if roles else [default])
            for name in names:
                wrote += [PersonCredit(name, r) for r in text_roles]
                shot.append(PersonCredit(name, PHOTOGRAPHER))
        return wrote + shot
    return [PersonCredit(name, role) for roles, names in entries for name in names for role in roles]


# The outlet a credit was filed for, before a bar: `北京日报客户端 | 记者 李如意`,
# `来源:北京日报客户端 | 记者 孙延安`; and who tells the story: `讲述人:北京日报记者 李如意`.
_OUTLET_BAR = re.compile(
    f"^(?:{_word('来源')}[{COLONS}][{SPACES}]*)?(?P<outlet>[^{_PIPES}{COLONS}{SPACES}]{{2,20}})[{SPACES}]*[{_PIPES}][{SPACES}]*"
)
# An outlet's name run into the one name of a credit closed by its mark: `西安日报尚洪涛 摄`.
_OUTLET_THEN_NAME = re.compile(f"[{HAN}·]{{1,12}}?(?:{_words(ORG_SUFFIXES)})(?P<name>[{HAN}]{{2,4}})")
_TELLER = re.compile(f"^(?:{_word('讲述人')}|{_word('口述')})[{COLONS}][{SPACES}]*")
# A team's name before its members' credit: `(项目团队:本报记者 李晓、… 本报通讯员 徐梦玲)` (光明日报),
# `报道组:记者 X`; the credit after it labels each member.
_TEAM = re.compile(
    f"^[{HAN}]{{0,6}}(?:团队|报道组|采访组|调研组|小组)[{COLONS}][{SPACES}]*(?=[{HAN}]{{0,12}}(?:记者|通讯员))"
)
# Which picture a credit is for, before it: `(上图 记者李波摄)`, `左图:新华社记者 X 摄`.
_WHICH_PICTURE = re.compile(f"^[上下左右中]{_word('图')}[{COLONS}{SPACES}]+")


_BULLET_AFTER_LABEL = re.compile(f"^(?P<label>[{HAN}]{{1,6}}[{COLONS}])[{SPACES}]*[{_AUTHOR_MARKS}]")


def _unwrap(text: str) -> tuple[str, bool]:
    """The credit inside its bullet, brackets and newsroom's release: `■记者 X`, `(记者 X)`,
    `新华社发(高建中 摄)`; and whether it was bracketed."""
    bracketed = False
    for _ in range(3):
        text = strip(text).lstrip(_BULLETS + SPACES + SLASHES)  # `/实习记者张辰宇摄` (a site's layout)
        outlet = _OUTLET_BAR.match(text)
        if outlet and not _ROLE_RE.search(outlet.group("outlet")):
            text = text[outlet.end() :]
        text = _TELLER.sub("", text)
        text = _TEAM.sub("", text)
        text = _WHICH_PICTURE.sub("", text)
        text = _BULLET_AFTER_LABEL.sub(r"\g<label>", text)  # `作者:■范江怀`
        release = _AGENCY_RELEASE.match(text) or _COLLECTIVE.match(text)
        if release:
            text = text[release.end() :]
        if text and text[0] in _BRA and _matching_close(text) == len(text) - 1:
            text = text[1:-1]
            bracketed = True
            continue
        break
    return strip(text), bracketed


# Text and photo marks run into the outlet after them: `文/图浏阳市融媒体中心记者`, `图/文本报记者`.
_BOTH_GLUED = re.compile(f"^(?P<marks>文[{SLASHES}、]图|图[{SLASHES}、]文)(?=[{HAN}])")


_AUTHOR_WITH_POST = re.compile(
    f"^作者[{COLONS}{SPACES}]*(?P<name>[{HAN}·]{{2,8}})[{SPACES}]*[{_BRA_CLASS}][^{_BRA_CLASS}{_KET_CLASS}]{{2,80}}[{_KET_CLASS}]$"
)
# A writer signing after a dash, a pen name as often as not, who they are in brackets after it:
# `——房华` (新疆日报), `——木禾` (梅州日报), `——午歌(青年作家、海曙区作家协会副主席)` (宁波晚报).
_DASH_SIGNATURE = re.compile(
    f"^——[{SPACES}]*(?P<name>[{HAN}]{{2,3}})(?:[{SPACES}]*[{_BRA_CLASS}][^{_BRA_CLASS}{_KET_CLASS}]{{2,40}}[{_KET_CLASS}])?$"
)


def _spaced_out(word: str) -> str:
    return f"[{SPACES}]+".join(map(re.escape, word))


# A label printed with its characters spaced out, as short names are: `实  习 生   雷海琼` (衡阳晚报),
# `□记 者 孙亚飞` (大众日报), `摄 像:张瑞雨` (长城网), `编 辑:刘姝彤` (常宁市融媒体中心); before a colon,
# a slash or a space.
_SPACED_LABEL = re.compile(
    f"(?<![{HAN}])(?:"
    + "|".join(
        _spaced_out(word)
        for word in sorted({*ROLE_WORDS, *BASE_ROLES, *STAFF_ROLE_WORDS}, key=len, reverse=True)
        if len(word) > 1
    )
    + f")(?=[{SPACES}]*[{COLONS}{SLASHES}]|[{SPACES}]+[^{SPACES}])"
)


def _closed_up(text: str) -> str:
    """``text`` with its spaced-out labels closed up."""
    return _SPACED_LABEL.sub(lambda label: squeeze(label.group(0)), text)


def parse_credit(text: str, *, staff: bool = False) -> tuple[PersonCredit, ...] | None:
    """People named by a credit that holds nothing else, or None.

    `株洲日报全媒体记者/刘芳 通讯员/徐芳 张海峰` → reporter 刘芳, correspondents
    徐芳 and 张海峰. `记者/杨凌凌摄` → photographer 杨凌凌. Body text such as
    `记者从市教育局考试院获悉,…` is not a credit and gives None.
    """
    if len(text) > 2 * _MAX_CREDIT:
        return None
    text = _closed_up(strip(text))
    if text.endswith("摄\u3002"):
        text = text[:-1]  # a full stop after the photo's credit: `洪福乐摄。` (人民日报), `…记者袁灿摄。` (咸宁日报)
    signed = _AUTHOR_WITH_POST.match(text)
    if signed and not staff:
        # `作者:王蒙(作家、中央文史研究馆馆员)`: the author and, in brackets, who they are.
        return parse_credit(f"作者:{signed.group('name')}")
    dashed = _DASH_SIGNATURE.match(text)
    if dashed and not staff:
        return (PersonCredit(dashed.group("name"), AUTHOR),)
    if not text or len(text) > _MAX_CREDIT or _SENTENCE_STOP.search(text):
        return None
    if staff:
        return _parse_staff(text)
    if _QUOTE_RE.search(text) or "\u300a" in text:
        text = _QUOTED_OUTLET.sub("", text)
        if _QUOTE_RE.search(text) and not _ROLE_RE.search(text):
            return None  # names with no label are never quoted: `井盖“张大口”` (延安日报) is a title
        text = text.translate(_QUOTES)
    text = text.replace("\\", "/")  # a backslash typed for a slash: `文\摄`
    workplace = _WORKPLACE_SIGNATURE.match(text)
    if workplace and is_signature(workplace.group("name")):
        return (PersonCredit(workplace.group("name"), AUTHOR),)  # a reader signs with where they work
    if signer := _after_office(text) or _before_post(text):
        # a guest writer signs with their office: `人民日报社评论部政论研究室副主编 张 铁`, `孙宝启 中国农业大学教授`
        return (PersonCredit(signer, AUTHOR),)
    marked = text.startswith(tuple(_AUTHOR_MARKS))  # `□半月谈记者邬慧颖`: a byline's mark before it
    text, bracketed = _unwrap(text)
    text = _SOURCE_LABEL.sub("", text)  # `(来源:厦门日报 记者 柯笛)`: where it came from, and who wrote it
    supplied = _SUPPLIED_TAIL.search(text)
    if supplied:
        return _supplied_by(strip(text[: supplied.start()]))
    text = _BRACKETED_MARK.sub(r" \g<mark>", text)  # `记者/谢慧 (图/文)`: the mark in brackets
    text = _BOTH_GLUED.sub(r"\g<marks> ", text)  # `文/图浏阳市融媒体中心记者 X`: the marks, then the outlet
    text = _unglue_text_mark(text)
    text = _REPORTED_BETWEEN.sub(" ", text)
    text = _MARK_BETWEEN.sub(" ", text)  # `主笔◎王恺   摄影◎张雷` (三联生活周刊): the mark parts label and name
    if not (bracketed or _ROLE_HINT.search(text) or _UNLABELED_SHAPE.match(text)):
        return None  # nothing a credit is made of: most titles and short lines stop here
    text = _SOURCE_NOTE.sub("", text)
    text = _PHOTO_SOURCE.sub("", text)
    text = _DEVICE.sub(" ", text)
    trainee = _TRAINEE_NOTE.search(text)
    text = strip(_TRAILING_NOTE.sub("", text))
    if not text:
        return None
    people: list[PersonCredit] = []
    carried = ""  # the role of the label that heads the credit
    for content, mark in _groups(text):
        group = _parse_group(content, mark, bracketed=bracketed, marked=marked)
        if group is None:
            return None
        label = _ROLE_RE.search(content)
        if label is None and mark == "text" and carried:
            # `本报记者 王宙/摄 张微/文`, `(记者卢志永/图 包增光/文)`: the label heads every name of the credit;
            # the one who wrote is a reporter too
            group = [PersonCredit(p.name, carried) if p.role == AUTHOR else p for p in group]
        elif label is not None and not people:
            carried = role if (role := _role_of(label.group(0))) in _CARRIED_ROLES else ""
        people.extend(group)
    if trainee and people and people[-1].role == REPORTER:
        # `新华日报·交汇点记者 邓宇轩 范宏瑞(实习)`: the last reporter is a trainee (a photographer
        # so marked, `拍摄:张启明(实习)`, stays the photographer)
        people[-1] = PersonCredit(people[-1].name, INTERN)
    return tuple(_unique(people)) or None


_CARRIED_ROLES = (REPORTER, INTERN, CORRESPONDENT)


_NEUTRAL_FIRST = re.compile(
    f"^(?:{_words(NEUTRAL_LABELS)})(?=[{SPACES}{SLASHES}{COLONS}])[{SPACES}{SLASHES}{COLONS}]*"
)


def _parse_staff(text: str) -> tuple[PersonCredit, ...] | None:
    matches = list(_STAFF_RE.finditer(text))
    if not matches:
        return None
    prefix = text[: matches[0].start()]
    if prefix and not re.fullmatch(f"{_ORG}|[{SPACES}]*", prefix):
        return None
    people: list[PersonCredit] = []
    pending: list[str] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        segment = text[match.end() : end].lstrip(_SLASH + COLONS)
        segment = _NEUTRAL_FIRST.sub("", segment)  # `策划/执行 李卉 郭亮` (株洲日报): 执行 takes 策划's role
        outlet = _LEADING_ORG.match(segment)
        if outlet and not _reads_as_name(strip(outlet.group(0))):
            segment = segment[outlet.end() :]  # the label, then the outlet: `策划/株洲日报编辑传播部 李支国`
        names = _names(segment)
        if names is None:
            return None
        role = STAFF_ROLE_WORDS[_simplified(match.group("role"))]
        if not names:
            if i + 1 < len(matches):
                pending.append(role)
                continue
            return None
        for name in names:
            people += [PersonCredit(name, r) for r in dict.fromkeys([*pending, role])]
        pending = []
    return tuple(_unique(people)) or None


def _unique(people):
    seen = set()
    for person in people:
        key = (person.name, person.role)
        if key not in seen:
            seen.add(key)
            yield person


def parse_lead(text: str) -> Lead | None:
    """The dateline and credit a story opens with, or None.

    The credit must name people (a role word and names, or bracketed names); a dateline alone is
    a lead only when it is a newsroom's (`本报讯 近日,…`).
    """
    text = strip(text).lstrip(_AUTHOR_MARKS + SPACES)  # `□快报讯(通讯员 深替 记者 吕远)`
    if not text or _AGENCY_RELEASE.match(text):
        return None  # `新华社发(王继林 摄)`: a newsroom's photo, not a story's dateline
    boxed = _BOXED_DATELINE.match(text)
    if boxed and strip(text[boxed.end() :]):
        # `【新华社重庆十四日电】拉萨讯:…` (older wire copy): the dateline without its brackets, and the
        # credit after it if any (`【香港商報訊】記者郭美勤、黃凌媛報道`)
        credited = _lead_after(text, boxed.group("dateline"), boxed.end())
        if credited and credited.people:
            return credited
        return Lead(boxed.group("dateline"), strip(boxed.group(0)), (), strip(text[boxed.end() :]))
    match = _DATELINE_RE.match(text)
    return _lead_after(text, match.group("dateline") if match else "", match.end() if match else 0)


# An unbracketed credit spans at most this many tokens (and spaces between them) after its dateline.
_MAX_CREDIT_TOKENS = 24


def _colon_after(after: str) -> int:
    """Length of the colon (and spaces around it) that closes a credit at the start of ``after``; 0 if none."""
    colon = len(after) - len(after.lstrip(SPACES + COLONS))
    return colon if any(c in COLONS for c in after[:colon]) else 0


def _lead_after(text: str, dateline: str, end: int) -> Lead | None:
    """The lead of `text` whose dateline (or none) ends at `end`: the credit after it."""
    after = text[end:]
    # `本报讯:(记者 李博 徐洪波)` (三门峡日报): a colon may stand after the dateline
    stripped = after.lstrip(SPACES + (COLONS if dateline else ""))
    relayed = _RELAYED.match(stripped) if dateline else None
    if relayed:  # `中国甘肃网11月7日讯 据西部商报报道(记者 华群生 …)`: the paper the site relays
        stripped = stripped[relayed.end() :].lstrip(SPACES)
    offset = len(text) - len(stripped)
    # `(记者 X)` or, with the role outside, `通讯员(徐艳 赵国滕)`.
    label = _ROLE_RE.match(stripped) if _OPENS_SOON.search(stripped, 1, 16) else None
    opening = label.end() if label and stripped[label.end() : label.end() + 1] in OPEN_PAREN else 0
    if stripped[opening : opening + 1] in OPEN_PAREN:
        close = _matching_close(stripped[opening:])
        if close is None:
            return None
        close += opening
        group = stripped[opening : close + 1]
        people = parse_credit(f"{stripped[:opening]} {group[1:-1]}" if opening else group)
        if not people:
            return None
        # `吉林日报5月29日讯(记者 曹梦南):今天晚上,…`, `国际在线河南频道消息(张雨晴 实习生 闫丽伟):`: the colon
        # after the bracket stays with the credit, as after 报道
        end = close + 1 + _colon_after(stripped[close + 1 :])
        byline = strip(text[: offset + end])
        return Lead(dateline=dateline, byline=byline, people=people, rest=strip(stripped[end:]))
    # `本报讯 记者李茜、刘桂莲报道……`, `全媒体记者李晨翀报道……`: the credit ends at 报道.
    reported = _REPORTED_LEAD.match(stripped) if _REPORTED_SOON.search(stripped, 0, 44) else None
    if reported and (dateline or _ROLE_RE.match(stripped)):
        credit = reported.group(0)
        people = parse_credit(credit) or (_reporting_names(credit) if dateline else None)
        # `据新华社北京3月24日电 综合本社驻外记者报道:`: the newsroom's reporters, no one named
        collective = not people and dateline and _COLLECTIVE_REPORT.match(credit)
        if people or collective:
            # `记者温红彦报道:北京市委…`: the colon after 报道 stays with the credit, not the body.
            end = reported.end() + _colon_after(stripped[reported.end() :])
            byline = strip(text[: offset + end])
            return Lead(dateline=dateline, byline=byline, people=people or (), rest=strip(stripped[end:]))
    dispatched = _DISPATCH_LEAD.match(stripped) if not dateline else None
    if dispatched and (people := parse_credit(dispatched.group("credit"))):
        # `中国妇女报·中国妇女网记者许真学 任然 发自成都 为积极响应…`: the credit ends where it was filed from
        byline = strip(dispatched.group("credit"))
        return Lead(dateline="", byline=byline, people=people, rest=strip(stripped[dispatched.end() :]))
    if not dateline or not _simplified(dateline).endswith(("讯", "电", "消息")):
        return None
    # Unbracketed: `本报讯 记者 张三 通讯员 李四 昨日,……`. Take the longest run of
    # space-separated tokens that still parses as a credit.
    tokens = re.split(f"([{SPACES}]+)", stripped)
    best = None
    for end in range(1, min(len(tokens), _MAX_CREDIT_TOKENS) + 1, 2):
        if any(c in tokens[end - 1] for c in COMMAS):
            break  # body text has begun
        candidate = "".join(tokens[:end])
        people = parse_credit(candidate)
        if people:
            best = (end, people)
    glued = _credit_glued_to_text(tokens)
    if glued and (best is None or len(glued[0]) > len(best[1])):
        # the last name runs into the text (`株洲日报讯 记者 成姣兰 通讯员 王海艳日前,…`)
        people, credit, rest = glued
        return Lead(dateline=dateline, byline=strip(text[:offset] + credit), people=people, rest=rest)
    if best is None:
        if _NEWS_DATELINE.match(dateline) and strip(stripped):
            # `本报讯 近日,……`: a dateline with no credit still opens a story.
            return Lead(dateline=dateline, byline="", people=(), rest=strip(stripped))
        return None
    end, people = best
    rest = strip("".join(tokens[end:]))
    byline = strip(text[:offset] + "".join(tokens[:end]))
    return Lead(dateline=dateline, byline=byline, people=people, rest=rest)


_LONGEST_GLUED_CREDIT = 24
_OPENING_WEIGHT = 10**9  # text that opens with a number or a quote opens for certain
_GLUED_TEXT_OPENS = re.compile(f"[0-9０-９\u201c{_BRA_CLASS}]")


def _opening_word(text: str, length: int) -> int:
    """How common the word of ``length`` characters that ``text`` opens with is (0: none, or all of ``text``)."""
    return words().get(text[:length], 0) if len(text) > length else 0


def _credit_glued_to_text(tokens: list[str]) -> tuple[tuple[PersonCredit, ...], str, str] | None:
    """An unbracketed credit whose last name runs into the text (`光明日报北京2月28日电 记者陈晨本市近日…`,
    `新华社北京9月21日电 新华社记者 齐中熙日前,…`): (its people, the credit, the text). The name is cut where the
    text then opens with a number, a quote or the commonest word (`齐中熙|日前` rather than `齐中|熙日…`)."""
    for end in range(1, min(len(tokens), _MAX_CREDIT_TOKENS) + 1, 2):
        glued = tokens[end - 1]
        before = "".join(tokens[: end - 1])
        best, best_weight = None, 0
        labelled = _ROLE_RE.search(before) or _ROLE_RE.match(glued)  # a name with no label never runs on here
        for cut in range(2, min(len(glued), _LONGEST_GLUED_CREDIT) if labelled else 0):
            people = parse_credit(before + glued[:cut])
            rest = glued[cut:]
            name = people[-1].name if people else ""
            label = glued[: cut - len(name)].rstrip(SPACES + SLASHES + COLONS)
            if (
                not name
                or not glued[:cut].endswith(name)
                or _ROLE_RE.match(glued[cut - len(name) :])  # (`通讯` of 通讯员 is no name)
                or label
                and not any(found.end() == len(label) for found in _ROLE_RE.finditer(label))
            ):
                continue  # the name is the token's only one, after its label if any
            if not _unlabeled_name(name):
                continue  # (nor is `本市近日`)
            weight = (
                _OPENING_WEIGHT
                if _GLUED_TEXT_OPENS.match(rest)
                else max(_opening_word(rest, 2), _opening_word(rest, 3))
            )
            if weight > best_weight:
                best_weight = weight
                best = people, before + glued[:cut], strip(rest + "".join(tokens[end:]))
        if best or any(c in glued for c in COMMAS):
            return best  # (a comma: the text began with no credit before it)
    return None


# The paper a site's dispatch relays, between its dateline and the credit: `据西部商报报道`, `据兰州晚报报道`.
_RELAYED = re.compile(f"^据[{HAN}·]{{2,12}}?{_word('报道')}(?=[{SPACES}]*[{OPEN_PAREN}])")
# Reporters credited as a body: `综合本社驻外记者报道`, `本报记者报道`.
_COLLECTIVE_REPORT = re.compile(f"^(?:{_word('综合')})?[{HAN}]{{0,8}}{_word('记者')}{_word('报道')}$")


def _reporting_names(credit: str) -> tuple[PersonCredit, ...] | None:
    """`本报长春5月23日电刘建伟、张广华报道:` (解放军报): names with no label between the dateline
    and 报道, each with a surname of the table, wrote the story."""
    names = _names(credit.removesuffix("报道"), strict=True, labelled=False)
    return tuple(PersonCredit(name, AUTHOR) for name in names) if names else None


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


_BARE_ROLE = re.compile(
    f"^(?:{_ORG}|本{_word('报')})?(?:{_MODIFIERS})*(?:{_words(['记者', '评论员', '通讯员', '编辑部'])})$"
)


def is_bare_role(text: str) -> bool:
    """`本报记者` on its own line naming nobody (人民日报 names its reporters at the end), or a newsroom
    signing as a body, under its dash (`——本报编辑部` closing a letter to readers: 益阳日报, 人民日报海外版)."""
    return bool(_BARE_ROLE.match(strip(text).lstrip(_AUTHOR_MARKS + SPACES + "\u2014")))


def parse_staff(text: str) -> tuple[PersonCredit, ...] | None:
    """Page staff: `责任编辑/胡乐 美术编辑/张武`, `设计/左骏`, `責任編輯: 李知微`."""
    return parse_credit(text, staff=True)


_DESIGN_CLOSES = re.compile(f"(?:{_words(DESIGN_MARKS)})$")


def parse_staff_line(text: str) -> tuple[PersonCredit, ...] | None:
    """A line that is only a page's staff, bracketed or not: `【编辑:张萌】`, `【责任编辑:詹丹】`,
    `責任編輯: 李知微`."""
    text = _closed_up(strip(text))
    if text[:1] in _BRA and _matching_close(text) == len(text) - 1:
        text = strip(text[1:-1])
    if not _STAFF_RE.match(text):
        # names closed by a design mark and nothing else (`杜明阳 制图`, 烟台晚报), as `制图:汪哲平` before them
        people = parse_credit(text) if _DESIGN_CLOSES.search(text) else None
        return people if people and all(p.role in DESIGN_MARKS.values() for p in people) else None
    return parse_staff(text)


# A caption's credit follows the caption's last sentence: `…现场。记者/杨如摄`.
# (or before a credit in brackets run on after a caption with no stop: `九十九溪田园风光(邱华复 摄)`)
_CAPTION_CUT = re.compile(
    f"[{STOPS}\u201d\u300d\u300b{CLOSE_PAREN}]|(?<=[{HAN}])(?P<space>[{SPACES}]+)"
    f"|(?<=[{HAN}])(?=[{OPEN_PAREN}][^{OPEN_PAREN}{CLOSE_PAREN}]{{2,24}}[{CLOSE_PAREN}]$)"
)
_PHOTO_HINT = re.compile("[摄攝图圖拍]")
_MAX_CAPTION_CREDIT = 60
_MAX_SPACE_CUTS = 4


def split_caption_credit(text: str) -> tuple[str, str, tuple[PersonCredit, ...]] | None:
    """`雷打石镇老街社区迎春联欢活动现场。记者/杨如摄` → caption, credit, people. The credit is the
    longest tail that names a photographer and nothing else, after the caption's last sentence
    (`…。新华社发(高建中 摄)`, `…。摄影:楚天都市报记者陈凌燕`, `…增收21600元。湖南日报记者李健
    通讯员 童建胜 摄影报道`) or after a space (`神农庙会现场 株洲日报全媒体记者/温琳 摄`)."""
    text = strip(text)
    start = max(0, len(text) - _MAX_CAPTION_CREDIT)
    if not (_PHOTO_HINT.search(text, start) or _RELEASED_TAIL.search(text, start)) or parse_credit(text):
        return None  # a credit naming several people is not a caption
    if text[:1] in OPEN_PAREN and _matching_close(text) == len(text) - 1:
        # `(3月28日,…。以上图片均由 湖南日报全媒体记者 唐俊 摄)`: caption and credit in one bracket;
        # each keeps its bracket, so that nothing printed is lost
        inner = _split_caption_credit(text[1:-1], max(0, start - 1))
        return (text[0] + inner[0], inner[1] + text[-1], inner[2]) if inner else None
    return _split_caption_credit(text, start)


def _split_caption_credit(text: str, start: int) -> tuple[str, str, tuple[PersonCredit, ...]] | None:
    spaces_tried = 0
    for cut in _CAPTION_CUT.finditer(text, start):
        credit = strip(text[cut.end() :])
        if not credit:
            continue
        if cut.group("space"):
            # after a plain space: a caption with no role word, then a credit that opens with its
            # label or a newsroom, or names people with no label who read as names (`…赏花 张三 摄`, not
            # `月满中秋 欢乐长沙 张三 摄` from 月满中秋); a few tries only
            spaces_tried += 1
            # `…舞蹈 新疆日报阿扎提 摄`: the paper signs, glued to the name (a role word may stand in the caption)
            newsroom = _OUTLET_THEN_NAME.match(credit) is not None
            caption = text[: cut.start()]
            if spaces_tried > _MAX_SPACE_CUTS or not (
                _caption_then_credit(caption) or newsroom and _has_name(caption)
            ):
                continue
            people = parse_credit(credit)
            if not people or not (_ROLE_RE.match(credit) or newsroom or all(_unlabeled_name(p.name) for p in people)):
                continue
        else:
            people = parse_credit(credit)
            bare = _unwrap(credit)[0]
            if people is None and (_SUPPLIED.match(bare) or _RELEASED.match(bare)):
                # `发布会现场。团长春市委供图`, `…举行。 新华社发`, `…合影(受访者供图)`
                return strip(text[: cut.end()]), credit, ()
        if people and any(p.role == PHOTOGRAPHER for p in people):
            return strip(text[: cut.end()]), credit, people
    return None


# A photo supplied by an organisation or a source, naming no photographer.
_SUPPLIED_TAIL = re.compile(f"[{SPACES}{SLASHES}]*{_word('供图')}$")
_LAST_WORD = re.compile(f"(?:^|[{SPACES}]+)(?P<word>[^{SPACES}]+)$")


def _is_institution(word: str) -> bool:
    return word.endswith(INSTITUTION_ENDINGS + ORG_SUFFIXES + WORKPLACE_ENDINGS)


def _supplied_by(before: str) -> tuple[PersonCredit, ...] | None:
    """Who a `供图` credit names. A person alone supplied and took the photo: `颜永莉供图`, `(山东省东平县
    农村经营管理办公室 井立义 供图)` (where they work, then the name); a reporter's credit, then the body that
    supplied the photo, credits the reporter: `记者/王军 供图`, `…记者/邹怡敏 渌口区公安分局 供图`. A body
    alone names nobody: `兴坪镇供图`, `受访者供图`."""
    last = _LAST_WORD.search(before)
    if not last:
        return None
    word = last.group("word")
    if _ROLE_HINT.search(before):
        rest = strip(before[: last.start()]) if _is_institution(word) else before
        return parse_credit(rest) if rest else None
    if _unlabeled_name(word) and not _is_institution(word) and re.fullmatch(f"[{HAN}]+", word):
        return (PersonCredit(word, PHOTOGRAPHER),)
    return None


# (a space may set the source apart: `受访者 供图`, 株洲日报; `西双版纳州融媒体中心 供图`, 新华网)
_ARCHIVE_PHOTO = ("资料图片", "资料照片")
_SUPPLIED_WORDS = ("供图", "供稿图", "提供图片", *_ARCHIVE_PHOTO)
_SUPPLIED = re.compile(f"^[^{COMMAS}{STOPS}、{SPACES}]{{1,16}}[{SPACES}]*(?:{'|'.join(_SUPPLIED_WORDS)})$")
# How a credit that names no one ends (_SUPPLIED, _RELEASE).
_NO_ONE_ENDINGS = (*_SUPPLIED_WORDS, "发")
# A photo released by a news agency, naming no photographer: `新华社发`, `中新社发`.
_RELEASE = f"(?:{_ORG}){_word('发')}"
_RELEASED = re.compile(f"^{_RELEASE}$")
_RELEASED_TAIL = re.compile(f"[{STOPS}\u201d][{SPACES}]*{_RELEASE}$")


def credits_no_one(text: str) -> bool:
    """A photo's credit line that names no photographer: the newsroom that released it or whoever supplied it
    (`新华社发` under a caption, 人民日报海外版's photos; `CFP供图`, 中国青年报; `受访者供图`)."""
    if not strip(text).rstrip(CLOSE_PAREN + SPACES).endswith(_NO_ONE_ENDINGS):
        return False  # (most lines: a quick look before unwrapping)
    bare = _unwrap(text)[0]
    # (`塞罕坝经历了从荒原到绿洲的巨变 资料照片` is a caption marked as an archive photo)
    return bool(_SUPPLIED.match(bare) and not bare.endswith(_ARCHIVE_PHOTO) or _RELEASED.match(bare))


def _caption_then_credit(caption: str) -> bool:
    """Text before a credit with no closing mark between them: a caption when it holds a name
    of something and no role word (`神农庙会现场 株洲日报全媒体记者/温琳 摄`)."""
    return _has_name(caption) and not _ROLE_RE.search(caption)


# A guest writer's office before the name: `美中关系全国委员会会长 何立强`, `复旦大学新闻学院院长、教授 张涛甫`.
_OFFICE_THEN_NAME = re.compile(
    f"^[{HAN}0-9·、]{{2,24}}(?:{_words(OFFICE_ENDINGS)})[{SPACES}]+(?P<name>[{HAN}](?:[{SPACES}]*[{HAN}]){{1,2}})$"
)


def _after_office(text: str) -> str | None:
    """The name after a guest writer's office (`人民日报社评论部政论研究室副主编 张 铁` → 张铁), else None."""
    office = _OFFICE_THEN_NAME.match(text)
    name = squeeze(office.group("name")) if office else ""
    return name if name and _unlabeled_name(name) else None


# A guest writer's name, then who they are: their office (`孙宝启 中国农业大学教授`, 人民日报海外版; `(刘明
# 常德市人大常委会原主任)`, 常德日报) or, in brackets, their institution (`沈丽华(中国社会科学院考古研究所)`, 光明日报).
_NAME_THEN_POST = re.compile(
    f"^(?P<name>[{HAN}]{{2,3}})(?:[{SPACES}]+[{HAN}0-9·、]{{2,24}}(?:{_words(OFFICE_ENDINGS)})"
    f"|[{SPACES}]*[{_BRA_CLASS}][^{_BRA_CLASS}{_KET_CLASS}]{{1,38}}(?:{_words((*OFFICE_ENDINGS, *WORKPLACE_ENDINGS))})[{_KET_CLASS}])$"
)


def _before_post(text: str) -> str | None:
    """The name before a guest writer's office or institution, else None."""
    text = strip(text).lstrip(_AUTHOR_MARKS + SPACES)
    if text[:1] in _BRA and _matching_close(text) == len(text) - 1:
        text = strip(text[1:-1])
    post = _NAME_THEN_POST.match(text)
    return post.group("name") if post and _unlabeled_name(post.group("name")) else None


def author_name(text: str) -> str:
    """The name on a commentary's author line: `朱理平`, `□ 钱十一`, padded `朱  磊` (朱磊), after an office
    (`美中关系全国委员会会长 何立强`)."""
    name = strip(strip(text).lstrip(_AUTHOR_MARKS))
    name = _after_office(name) or name
    padded = name.split()
    if len(padded) > 1 and all(len(part) == 1 for part in padded):
        return "".join(padded)
    return name


_NOT_AUTHORS = {"编者按", "编后", "开栏语", "开栏的话", "记者手记", "短评", "链接"}


def is_name(text: str) -> bool:
    """A line that is only a person's name (a commentary's author line): 朱理平, □ 欧阳瑞丰, 朱  磊."""
    text = author_name(text)
    if text in _NOT_AUTHORS:
        return False  # 编者按, 开栏语: labels over a note, not a signature
    if text.endswith(ORG_SUFFIXES):
        return False  # a paper's name over a comment it reprints (`新京报`, `荆楚网`, 郑州晚报), no person
    if re.fullmatch(f"[{HAN}]{{2,3}}", text):
        return True
    return len(text) == 4 and text[:2] in COMPOUND_SURNAMES and re.fullmatch(f"[{HAN}]{{4}}", text) is not None


def is_surnamed(text: str) -> bool:
    """A name line whose name starts with a surname of the table (`罗成友`, not `记者梦` nor a pen name)."""
    return _unlabeled_name(author_name(text))


# A credit that opens with its label: 本报记者, 记者, 通讯员, 新华社记者…
_LABELLED = re.compile(
    f"^(?:[{HAN}·]{{0,14}}(?:{_words(['记者', '通讯员', '实习生'])})|{_word('读者')}[{SPACES}]+[{HAN}]{{2,4}}$)"
)


# Names alone in brackets after the last sentence: `……该活动将持续到6月底。(刘丽萍 顾威)`.
_GLUED_NAMES = re.compile(f"^[{_BRA_CLASS}][{HAN}{SPACES}、]{{2,20}}[{_KET_CLASS}]$")
# Names alone, with no label or bracket, after the last sentence: `…就没有这样的情况发生。”王星海 耿志清` (扬子晚报),
# `…敬请垂注。徐林` (南方日报).
_BARE_NAMES = re.compile(f"^[{HAN}]{{2,3}}(?:[{SPACES}]+[{HAN}]{{2,3}}){{0,2}}$")


def names_in_brackets(credit: str) -> bool:
    """A credit of bare names in brackets, no label: `(陈 茜)`, `(刘丽萍 顾威)`."""
    return _GLUED_NAMES.match(strip(credit)) is not None


def _after_last_sentence(text: str) -> tuple[str, int, str]:
    """The stripped text, where its last sentence ends (its stop or closing quote; -1 if none) and what follows it."""
    text = strip(text)
    stop = max(text.rfind(c) for c in STOPS + "\u201d")
    return text, stop, strip(text[stop + 1 :]) if stop > 0 else ""


def split_glued_credit(text: str) -> tuple[str, str, tuple[PersonCredit, ...]] | None:
    """A labelled credit glued after a paragraph's last sentence: `……活动。本报记者丁肇文 孟环`, names
    alone in brackets (`……6月底。(刘丽萍 顾威)`) or after a dash (`…了。——木禾`) → (the paragraph, the
    credit, its people)."""
    text, stop, credit = _after_last_sentence(text)
    bracketed = _GLUED_NAMES.match(credit)
    if not credit or not (_LABELLED.match(credit) or bracketed or _DASH_SIGNATURE.match(credit)):
        return None  # (`……死不瞑目了。——木禾`: a pen name signs after a dash)
    people = parse_credit(credit)
    if people and (credit.startswith("读者") or bracketed) and not all(is_signature(p.name) for p in people):
        return None  # `读者 可以通过…`: a sentence about readers; `(完)`, `(上)`: no signature
    return (strip(text[: stop + 1]), credit, people) if people else None


# Bare names after a last sentence sign only with one of the commoner surnames of the table (耿 is 131st, 全 351st).
_COMMON_SURNAMES = 300


def split_glued_names(text: str) -> tuple[str, str, tuple[PersonCredit, ...]] | None:
    """Writers' names alone, with no label or bracket, glued after the last sentence of a story's last
    paragraph (only there: `…就没有这样的情况发生。”王星海 耿志清`, 扬子晚报; `…敬请垂注。徐林`, 南方日报) →
    (the paragraph, the names, their people); None when a name is a word or a place (`…。谢谢`)."""
    text, stop, credit = _after_last_sentence(text)
    if not _BARE_NAMES.match(credit):
        return None
    names = credit.split()
    if not all(
        is_signature(name)
        and _SURNAME_RANK.get(name[0], len(_SURNAME_RANK)) < _COMMON_SURNAMES  # `…穷队。全地区` runs on
        and name not in words()
        and not is_place(name)
        for name in names
    ):
        return None
    return strip(text[: stop + 1]), credit, tuple(PersonCredit(name, AUTHOR) for name in names)


# Where a story was taken from, after its last sentence: `…7000多万棵。 据中新社` (齐鲁晚报), `…两亿法郎。(法新社)`
# (参考消息), or on a line of its own under it (`(新华社)`, `(新华社电)`, 人民日报 1998, 2001): a byline that names nobody.
_SOURCE_TAG = re.compile(
    f"(?:(?<=[{STOPS}\u201d])|^)[{SPACES}]*(?P<tag>{_word('据')}[{HAN}]{{1,10}}?(?:{_words(ORG_SUFFIXES)})"
    f"|[{_BRA_CLASS}]{_word('据')}?[{HAN}]{{1,10}}?(?:{_words(ORG_SUFFIXES)})(?P<sent>{_word('电')})?[{_KET_CLASS}])$"
)


def split_source_tag(text: str) -> tuple[str, str] | None:
    """A paragraph closed by the name of the newsroom it was taken from, or that name alone: (the
    paragraph, the tag)."""
    found = _SOURCE_TAG.search(strip(text))
    if not found:
        return None
    if _reads_as_name(source_name(found.group("tag"))):
        return None
    return strip(strip(text)[: found.start()]), found.group("tag")


def source_name(tag: str) -> str:
    """The newsroom a source tag names: `(据新华社电)`, `据 新华社` → `新华社`."""
    return squeeze(tag).strip(_BRA + _KET).removeprefix("据").removesuffix("电")


def is_source_tag(text: str) -> bool:
    """The newsroom a story was taken from, alone on its line: `(新华社)`, `据新华社` (split_source_tag)."""
    tag = split_source_tag(text)
    return tag is not None and not tag[0]


# A brief's writer closing it in round brackets by a pen name or given names alone, no surname of the table
# (`…的氛围。(晓溪)`, 工人日报; `…浓郁的诗意。 (杉 文)`, 文艺报; `…共同承办。(轧学超)`, 中国体育报; `(炳坤 忠斌)`,
# 陕西工人报): names of two or three characters that are no word, no body and credit nothing else.
_PEN_NAMES = re.compile(f"^[(\uff08][{SPACES}]*(?P<names>[{HAN}][{HAN}{SPACES}]{{1,14}}?)[{SPACES}]*[)\uff09]$")
_NOT_PEN_NAME = re.compile("[完续图稿转接]$|[一二三四五六七八九十另]|供图|图文|文图")


def pen_name_credit(credit: str) -> tuple[PersonCredit, ...] | None:
    """The people of a bracketed pen name closing a brief, else None: the callers look for it only there, after
    the last sentence or on a line of its own under it (anywhere else `(炳坤 忠斌)` could be any two words)."""
    found = _PEN_NAMES.match(strip(credit))
    if not found:
        return None
    parts = found.group("names").split()
    names = ["".join(parts)] if all(len(part) == 1 for part in parts) else parts  # `杉 文` is 杉文, padded
    if not all(
        2 <= len(name) <= 3
        and not {name, name[:2], name[-2:]} & words().keys()  # `(有删节)`, `(据报道)` hold words
        and not _ROLE_RE.search(name)
        and not _NOT_PEN_NAME.search(name)
        and not _is_institution(name)
        for name in names
    ):
        return None
    return tuple(PersonCredit(name, AUTHOR) for name in names)


def signs_for_certain(credit: str, people) -> bool:
    """A credit that is one for certain, wherever it stands: it has a role word (`(记者 何勇)`,
    `(小汤 摄)`) or its names all start with a surname of the table (`(刘生来)`, not `(炳坤 忠斌)`)."""
    return bool(_ROLE_RE.search(credit)) or all(is_signature(p.name) for p in people)


def is_signature(text: str) -> bool:
    """An author line that is a person's name for certain (a surname of the table), so that it
    can open a signed piece printed without a title, between two stories: `唐剑华`."""
    return is_name(text) and _unlabeled_name(author_name(text))
