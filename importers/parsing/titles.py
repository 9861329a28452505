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

from .furniture import DOTTED_NAME
from .text import (
    CLOSE_PAREN,
    COLONS,
    COMMAS,
    HAN,
    OPEN_PAREN,
    SEMICOLONS,
    SPACES,
    STOPS,
    ends_sentence,
    squeeze,
    strip,
)

_LEAD_IN_VERBS = "强调|指出|要求|表示|提出|时说|寄语|希望|批示|讲话"
_LEAD_IN = re.compile(f"^(?P<kicker>.{{4,40}}?时(?:{_LEAD_IN_VERBS}))[{SPACES}]+(?P<headline>.+)$")
_COLON_LEAD_IN = re.compile(f"^(?P<kicker>[^{SPACES}{COLONS}]{{2,10}}[{COLONS}])[{SPACES}]*(?P<headline>.+)$")
# Who or where the headline under it is about, on a line of its own: a place (`天元区三门镇`), a body or a
# site (`鞍山炼钢建筑工程公司`, `西安市新城区工会`, `绿城广场`, `黄河干流上游大型水利工程`); when (`2019年3月22日`,
# `经历连续两年调减后`).
_PLACE = re.compile(
    f"^[{HAN}]{{2,12}}(?:省|市|区|县|镇|乡|街道|村|社区|园区|新区|公司|集团|工会|工程|广场|工地|学校|医院|大学|中学|小学)$"
)
# A line naming the kind of piece the headline under it heads: `…新闻发布会侧记` / `以科技之名相约绵阳` (绵阳日报).
_GENRE_LINE = re.compile("(?:侧记|纪实|特写|综述|见闻|巡礼|扫描)$")
# The column of readers' pieces in a paper's anniversary issue: `我与特区报的故事` (深圳特区报), `我与《扬州日报》的故事`
# (扬州日报), `我与《科技日报》` (科技日报, with its mark), after the anniversary's motto: `70年春华秋实——我与重庆日报` (重庆日报).
_ME_AND_PAPER = re.compile("^(?:[^—]{2,12}——)?我与(?:《[^》]{2,10}》|[^的《》]{1,8}报)(?:的故事)?$")
_WHEN = re.compile(f"^(?:[0-9]{{4}}年[0-9]{{1,2}}月[0-9]{{1,2}}日|[{HAN}0-9]{{4,16}}(?:之后|过后|后))$")
# A kicker ends in a lead-in verb, a colon or a dash: `…时强调`, `枫溪街道:`, `…所长张宇航——`; or it trails off
# into the headline: `清明时节,草长莺飞、百花争艳……` (惠州日报), `安防升级、建文化长廊、法治广场……` (华商报).
# Who speaks may be a body, with no 时: `伊比利亚美洲首脑会议提出` (人民日报 1995), `北京市委、市政府宣布` (2002).
# Who publishes what, over its title: `《求是》杂志发表习近平总书记重要文章` (新华社 copy in 法治日报).
_KICKER_END = re.compile(
    f"(?:时(?:{_LEAD_IN_VERBS})|(?:提出|指出|强调|宣布|呼吁)|发表[^{COMMAS}\u3002]{{0,20}}(?:文章|讲话)"
    f"|[{COLONS}]|\u2014\u2014|\u2026\u2026)$"
)
_BULLET = "●■◆▲★☆◎○•·▶►"
# Labels printed over a boxed item inside a story; over a title they are its kicker.
BOX_LABEL = re.compile(
    r"^[【\[]?(?:相关链接|新闻链接|背景链接|知识链接|链接|延伸阅读|小贴士|温馨提示|记者手记|编者按|开栏的话|开栏语|记者观察|数说|资料)"
    r"[】\]]?[:\uff1a]?$"
)
# An editor's note heading a story or a package: `编者按:…`, `【编者按】`.
EDITORS_NOTE = re.compile("^[【\\[]?编者按")
# The paper announcing a new column: boxed inside the story it opens, a notice when it stands alone.
COLUMN_NOTE = re.compile(r"^[【\[]?(?:开栏的话|开栏语)[】\]]?[:\uff1a]?$")
# A numbered subhead: `(一)寒潮蓝色预警信号`, `一、…`, `1.…`, `①…`, `第一，…`.
ENUMERATED = re.compile(
    f"^(?:[{OPEN_PAREN}][一二三四五六七八九十0-9]{{1,3}}[{CLOSE_PAREN}]|[一二三四五六七八九十]{{1,3}}[、.．]"
    f"|[0-9]{{1,2}}[、.．](?![0-9])|[\u2460-\u2473]|第[一二三四五六七八九十]{{1,3}}[{COMMAS}、])"
)
_MAX_TITLE = 60
_MAX_DECK = 36
# A title is at most three lines, or units of a page: kicker, headline, subheadline.
MAX_TITLE_LINES = 3


_SHOWS = ("图为", "上图为", "下图为", "左图为", "右图为")


def is_title_like(text: str) -> bool:
    """Could this unit be a title or an in-body subhead?

    Short, no sentence inside it, not stopped mid-sentence. Commas are allowed
    only in a block of several short lines (a two-line subhead).
    """
    if len(text) > _MAX_TITLE * 3:
        return False
    lines = [strip(line) for line in text.split("\n") if strip(line)]
    if not lines or len(lines) > MAX_TITLE_LINES:
        return False
    flat = squeeze(text)
    if is_note(flat) or flat.startswith(_SHOWS):
        return False  # `图为杜志勇参加本报粉丝团活动`: a caption says what the photo shows
    # a title of several lines may be longer than one line's bound: each line's is checked below
    # (`中共中央隆重举行…纪念大会` / `江泽民发表重要讲话李鹏主持大会` / `朱镕基…出席`)
    longest = _MAX_TITLE if len(lines) == 1 else _MAX_TITLE * 3 // 2
    if not 2 <= len(flat) <= longest or len(re.findall(f"[{HAN}A-Za-z]", flat)) < 2:
        return False
    if "\u3002" in flat:  # 。
        return False
    last = lines[-1]
    if last[-1] in COMMAS + SEMICOLONS + "\u3001":
        return False
    if ends_sentence(last) and last[-1] not in "!?\uff01\uff1f\u201d\u2026\u2014":
        return False
    if last[-1] in "!?\uff01\uff1f" and len(flat) > 20:
        return False
    if len(lines) == 1:
        if flat.startswith("【") and flat.endswith("】") and flat.count("【") == 1:
            return True  # a column's name in its brackets, commas and all: `【展现青春风貌,关注青年成长②】`
        if tagged := _COLUMN_TAG.match(flat):
            # a column's tag and a bar before the title, which may hold a comma: `1999|人车路,全力配合“三缺一”`
            # (晶报), `报小拍|十年,徐闻这座小岛变了样` (湛江日报)
            return could_be_title(tagged["title"])
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


_COLUMN_TAG = re.compile("^[^|｜]{1,6}[|｜](?P<title>[^|｜]{4,})$")


def is_note(text: str) -> bool:
    """A line wholly in round brackets is a note or a credit, never a title: `（作者为本报河北分社记者）`.
    (A column label in square brackets, `【短评】`, is a kicker.)"""
    flat = squeeze(text)
    return (
        len(flat) > 2
        and flat[0] in "(\uff08"
        and flat[-1] in ")\uff09"
        and not any(c in OPEN_PAREN + CLOSE_PAREN for c in flat[1:-1])
    )


# Characters a phrase does not end on: a line stopping there was cut by a column break.
_OPEN_END = f"的了和与及或在对将把被从向为以于但而并且等之{COMMAS}{SEMICOLONS}{COLONS}\u3001+-—/（(“\u2018《"


# A number and its measure word wait for the noun they count: `…推出一批` / `创新金融产品`.
_COUNTED = re.compile("[0-9一二三四五六七八九十两几数多每][批个些种项位名家条件次份]$")
_MAX_SUBHEAD_CLAUSE = 14
_MAX_CRY = 20


def is_short_phrase(text: str) -> bool:
    """A subhead with a comma: two short clauses (`做好医保关系转移接续，保障待遇不中断`)."""
    clauses = [c for c in re.split(f"[{COMMAS}]", squeeze(text)) if c]
    return len(clauses) <= 2 and all(len(c) <= _MAX_SUBHEAD_CLAUSE for c in clauses)


def could_be_title(text: str) -> bool:
    """A line that reads as a whole phrase: a title or a deck with commas inside
    (`取消户籍限制，就业地能参加医保`), a quoted headline (`“手机电量太低就会慌，怕群众找不到我”`).
    Whether it is one is decided by where it stands (above a byline, between paragraphs)."""
    if "\n" in text:
        return False
    flat = squeeze(text)
    if not 4 <= len(flat) <= _MAX_DECK or "\u3002" in flat[:-1] or is_note(flat) or flat.startswith(_SHOWS):
        return False
    if re.search(f"[{SEMICOLONS}]", flat) or flat[-1] in _OPEN_END or flat[-1].isdigit() or _COUNTED.search(flat):
        return False
    # A title may end on a quoted word, or be a short cry or question (`喜迎八方宾客!`,
    # `想去长沙解放西?重大活动交通管制!`); any other sentence's end is no title.
    cry = flat[-1] in "!?\uff01\uff1f" and len(flat) <= _MAX_CRY
    if ends_sentence(flat) and flat[-1] not in '”"' and not cry:
        return False
    return len(re.findall(f"[{HAN}]", flat)) >= 4


_MAX_DECK_LINE = 80


def is_deck(text: str) -> bool:
    """The summary printed under a commentary's title: one sentence without its closing 。
    (`千方百计用好人才资源，确保目标不变、靶心不散，多点发力、同向用力`)."""
    flat = squeeze(text)
    return (
        "\n" not in text
        and 8 <= len(flat) <= _MAX_DECK_LINE
        and not re.search(f"[\u3002!?\uff01\uff1f{SEMICOLONS}]", flat)
        and flat[-1] not in _OPEN_END
        and not flat[-1].isdigit()
    )


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
    # a `——` line printed in one block under its title is a level of its own, whatever else stands
    # in the title (`总有一种力量让我们前行` / `——写在第25个中国记者节之际`, 青海日报)
    lines = [piece for line in lines for piece in _split_before_dash(line)]
    while len(lines) > 2 and _COLUMN_LABEL.match(squeeze(lines[0])) and is_kicker(lines[1]):
        # a column label over a lead-in line: one kicker of two lines (`【我与光明日报】` / `沐光而行75年——`)
        lines = [f"{lines[0]}\n{lines[1]}", *lines[2:]]
    if len(lines) == 1 and len(parts := lines[0].split("\n")) == 2:
        # A title on two lines of one block is two of its levels, as on two blocks: `首日直击` over its
        # headline (羊城晚报), a headline over its 副题 (`未检“春风”吹进孩子心里` / `淮安检察机关…`, 检察日报;
        # `联创共建聚合力 党建引领谱新篇` / `市人大常委会积极探索党建工作新路径`, 桂林日报).
        lines = [strip(part) for part in parts]
    if len(lines) == 1 and len(parts := lines[0].split("\n")) == 3:
        return _split_block_of_three([strip(part) for part in parts])
    if len(lines) == 1:
        return _split_one(lines[0])
    if len(lines) == 2:
        upper, lower = lines
        if lower.startswith(("\u2014", "-")):  # ——记……: a subheadline
            return "", upper, lower
        if upper.startswith(("\u2014", "-")):
            return "", lower, upper
        if has_column_tag(lower) and not has_column_tag(upper):
            return upper, lower, ""  # the column's tag is printed on the headline: the line over it leads in
        if _details([lower], upper) and not is_kicker(upper):
            return "", upper, lower  # a 副题 adding details in a long clause (under a headline, not under `直击:`)
        if (
            _is_lead_in(upper)
            or _is_cry(upper, lower)
            or (_is_message(lower) and not _is_message(upper))
            or _is_label_line(upper, lower)
            or _is_phrases_over(upper, lower)
        ):
            return upper, lower, ""
        kicker, headline, _ = _split_one(upper)
        if kicker:
            return kicker, headline, lower
        return "", upper, lower
    if _details(lines[1:], lines[0]):
        return "", lines[0], "\n".join(lines[1:])  # a headline over a 副题 of two lines
    kicker, headline, subheadline = lines[0], lines[1], "\n".join(lines[2:])
    return kicker, headline, subheadline


def _split_block_of_three(parts: list[str]) -> tuple[str, str, str]:
    """A title on three lines of one block is two levels, the block's lines kept together on each side
    of the break: under the line that leads in, the headline (`451个征迁户将陆续得到…过节物资——` / `添些粮油,献些
    爱心` / `备好年货,过个好年`, 洛阳晚报; `五个扎实谱新篇 追赶超越再出发特别报道` / `安防升级、建文化长廊、法治
    广场……` / `老小区二O五所5年换新颜`, 华商报); with no such line, a headline over a 副题 of two lines
    (`中共中央隆重举行十一届三中全会20周年纪念大会` / `江泽民发表重要讲话李鹏主持大会` / `朱镕基…出席`, 洛阳日报)."""
    if _is_lead_in(parts[0]):
        return parts[0], "\n".join(parts[1:]), ""
    if _is_lead_in(parts[1]):
        return "\n".join(parts[:2]), parts[2], ""
    return "", parts[0], "\n".join(parts[1:])


# A column's tag in round brackets closing the headline it is printed on: `下沉市场助力消费升级（人民时评）`,
# `守山夫妻(点赞新时代)`, `解码“模范自治区”(人民眼·民族区域自治)` (人民日报), `照亮了我的心坎(我与海外版)`,
# `我们在这里相遇(编辑部故事)` (人民日报海外版). Han characters only: not a number (`(2002年第3号)`) or a part (`(上)`).
_COLUMN_TAG_END = re.compile(f"[^{SPACES}{OPEN_PAREN}][(\uff08][{HAN}\u00b7]{{2,10}}[)\uff09]$")


def has_column_tag(line: str) -> bool:
    """A title line closed by its column's tag in round brackets."""
    return bool(_COLUMN_TAG_END.search(squeeze(line)))


def _split_before_dash(block: str) -> list[str]:
    """A block's lines, each line that opens with a dash and the lines under it apart from those above."""
    pieces: list[str] = []
    for part in block.split("\n"):
        if pieces and not strip(part).startswith(("\u2014", "-")):
            pieces[-1] += "\n" + part
        else:
            pieces.append(part)
    return [strip(piece) for piece in pieces]


_DETAIL_LINE = 20


def adds_details(line: str, headline: str) -> bool:
    """A line under a title that adds a detail in a clause much longer than it: a 副题 (`追授邵云环等三位
    烈士…称号,为赵金河等八位同志记一等功` under `中宣部人事部表彰我驻南新闻工作者`)."""
    return _details([line], headline) and not re.search(f"[{STOPS}]", line)


def _details(lines: list[str], headline: str) -> bool:
    """Lines that each add a detail in a clause much longer than the title above them
    (`会议增选汪锋、钱伟长为政协副主席,…` / `通过政治决议、…的报告`)."""
    return all(
        len(squeeze(line)) > max(_DETAIL_LINE, 1.5 * len(squeeze(headline)))
        and re.search(f"[{COMMAS}\u3001]", line)
        and not _is_lead_in(line)
        for line in lines
    )


_MAX_LABEL_LINE = 4


def _is_label_line(upper: str, lower: str) -> bool:
    """A place or a column's name on a short line over the title: `湖南岳阳` / `艺术节请劳模坐前排`
    (工人日报), `遂宁` / `纸鸢曼舞` (四川日报), `光明情结` / `从读者到作者` (光明日报); the name of the work a
    review is about counts without its brackets (`《战争论》` / `居安思危谋打赢`, 解放军报)."""
    flat = squeeze(upper)
    if flat.startswith("《") and flat.endswith("》") and flat.count("《") == 1:
        flat = flat[1:-1]
    return len(flat) <= _MAX_LABEL_LINE and len(flat) < len(squeeze(lower))


_PHRASES = re.compile(f"[^{SPACES}][{SPACES}]+[^{SPACES}]")


def _is_phrases_over(upper: str, lower: str) -> bool:
    """A line of parallel phrases set apart by spaces, longer than the line under it, leads into it
    (`落实治理整顿措施 严厉打击犯罪分子` / `铁路重点区段治安秩序开始好转`, 人民日报; `小龙人延续根脉 女子龙吐故纳新
    …` / `赛龙讲龙育龙 文化代代“船”承`, 广州日报); a headline over its 副题 is the shorter line."""
    return bool(_PHRASES.search(upper)) and len(squeeze(upper)) > len(squeeze(lower))


def _is_cry(upper: str, lower: str) -> bool:
    """A short cry over a statement leads into it: `喜迎八方宾客!` / `长沙今晚(26日)增放一场橘洲焰火`."""
    return is_cry(upper) and squeeze(lower)[-1] not in "!?\uff01\uff1f"


_MAX_CRY_KICKER = 12


def is_cry(line: str) -> bool:
    """A short line ending in an exclamation mark: `喜迎八方宾客!`, `预祝大会圆满成功!`."""
    flat = squeeze(line)
    return 0 < len(flat) <= _MAX_CRY_KICKER and flat[-1] in "!\uff01"


def _split_one(line: str) -> tuple[str, str, str]:
    for pattern in (_LEAD_IN, _COLON_LEAD_IN):
        match = pattern.match(line)
        if match and strip(match.group("headline")):
            return strip(match.group("kicker")), strip(match.group("headline")), ""
    return "", line, ""


# A line opening with a conjunction carries on the title line above it.
_CONTINUED = re.compile("^(?:暨|并(?:对|在|向|与|为|就|同|于|出席|参加|会见|访问))")


def continues_title_line(line: str) -> bool:
    return bool(_CONTINUED.match(squeeze(line)))


# A column's label over its title: `【我与光明日报】`, `【短评】` (光明日报); `■我与《科技日报》` (科技日报).
# `【甘报故事《甘肃日报》创刊70周年征文】` (甘肃日报): a call for essays names its column at length
_COLUMN_LABEL = re.compile(r"^(?:【[^【】]{2,24}】|「[^「」]{2,12}」|[■□◆]{1,2}[^■□◆【】]{2,12})$")  # 「金报情缘」


_BRACKETED_LABEL = re.compile(r"^【[^【】]{2,12}】$")


def heads_the_body(lines: list[str]) -> bool:
    """The last of a title's lines, wholly in square brackets under a headline, is the body's first subhead:
    `株洲防洪大堤往事` / `【核心提示】` (株洲日报), as `【规划全景】` heads a part further down. No 副题 is printed
    in brackets (none in the gold of 400 pages of 150 papers); over the headline, the brackets name a column."""
    return len(lines) >= 2 and bool(_BRACKETED_LABEL.match(squeeze(lines[-1])))


def is_kicker(line: str) -> bool:
    """A line that cannot be a whole title: it leads into the headline under it
    (`…时强调`, `枫溪街道:`, `…所长张宇航——`, a column label `【短评】`)."""
    flat = squeeze(line)
    return bool(_KICKER_END.search(flat) or _COLUMN_LABEL.match(flat))


def _is_lead_in(line: str) -> bool:
    flat = squeeze(line)
    return bool(
        _KICKER_END.search(flat)
        or _COLUMN_LABEL.match(flat)
        or BOX_LABEL.match(flat)
        or _PLACE.match(flat)
        or _WHEN.match(flat)
        or DOTTED_NAME.match(
            flat
        )  # a column's name: `新春走基层·感受除夕夜` (人民日报), `外眼看山东·央媒一周图片撷英` (大众日报)
        or _ME_AND_PAPER.match(flat)
        or (_GENRE_LINE.search(flat) and not flat.startswith(("\u2014", "-")))
        or ("\u3001" in flat and len(flat) <= 16 and not re.search(f"[{SPACES}]", line))
    )


def _is_message(line: str) -> bool:
    """Parallel phrases separated by spaces: `坚定信心 抢抓机遇 深化政银合作`."""
    parts = [p for p in re.split(f"[{SPACES}]+", strip(line)) if p]
    return len(parts) >= 2 and all(len(p) >= 2 for p in parts)
