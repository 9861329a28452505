"""Which section an item belongs to.

In this order:

1. a commentary goes to the commentary section (评论), whatever page prints it, unless its lead
   opens with the day of an event as a report's does (is_dated_report); so does an essay
   printed as news but written in the first person (a reader's or a writer's recollections of the
   paper: is_first_person), and a reporter's notes labelled so (`记者手记`);
2. a page header that names a section decides for its page (`综合·城区` → 城区, `要闻·综合` → 要闻,
   `要闻  2` → 要闻, `综合新闻` → 综合), or names it in other words (`头版`, `重要新闻`, `封面新闻` → 要闻,
   `财经` → 经济, `民生` → 社会: lexicon.HEADER_SECTIONS); page 1 printing no name is the front page;
3. so does a local news page (`长沙新闻`, `北京新闻`, `今日牡丹区`, `城市`, `新春·城事`) of a known place: for the
   paper's own area 县市 when the lead names a town of a county, else 城区; for another place 社会,
   whatever the story's subject;
4. the official business of the party and the government goes to 时政: the lead sentence names a
   leader or a leading body (市委书记, 常务副市长, 市政协…), then a meeting, visit or inspection
   (会见, 主持召开, 调研…), so `市委书记曹慧泉分别会见部分金融机构负责人` is 时政 however much it
   says of banks;
5. a paper's report on itself (its anniversary, readers, newsroom: is_about_the_press) has no
   section's subject: the default section; on a page of foreign news (`国际`) only 时政's words
   count, and only when the title or the first paragraph names China (China's state business abroad),
   the rest goes to the default section;
6. a story whose lead places it in a town of a county (`浏阳市蕉溪镇`) or a town or street of a
   district (`天元区三门镇`), named as a paper names its own area (no province before it), goes
   to 县市 or 城区;
7. the section whose keywords (editable by editors, in their order) the title and text name
   most, title words counting thrice, provided it holds at least half of all the keywords
   named: a round-up of unrelated photos (a meat plant, a calligraphy club, flats in Shanghai)
   belongs to no one section;
8. a photo that names no section's keyword at all is a scene of everyday life (tourists in the snow,
   cherry blossoms in a park): 社会, except on a page of foreign news (rule 5: the default section);
9. on a local news page of no known place (a paper whose name is not found), the paper's own: 城区;
10. on a page of another place (its paper or its local page names it: `衡阳晚报`), 社会, as rule 3
    gives that place's local news;
11. the default section.

城区 and 县市 are the paper's own area: its city (株洲日报 → 株洲) and the places of its gazetteer
(the editors' 地名, or data/gazetteer.txt: 长沙 and 湘潭 of 长株潭 are in it). A page of another place
(its local page `北京新闻`, or its paper `北京日报`, `新京报`, `湖南日报`, `深圳特区报`) has neither:
rules 6 and 7 never give them there, and its local news page gives 社会. A page that names
no place (株洲日报's dumps, 人民日报) is taken for the paper's own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import rjieba

from .lexicon import (
    COMMENTARY_SECTION,
    COUNTY_SECTION,
    DISTRICT_SECTION,
    FOREIGN_PAGE_PREFIX,
    FOREIGN_PAGES,
    FRONT_PAGE,
    HEADER_SECTIONS,
    LEADER_ACTS,
    LEADER_NOT_BEFORE,
    LEADERS,
    LOCAL_PAGES,
    MASTHEAD_PLACES,
    MIXED_SECTION,
    MUNICIPALITIES,
    NOTES_LABELS,
    POLITICS_SECTION,
    PROVINCES,
    SOCIETY_SECTION,
)
from .model import PageInfo
from .text import squeeze, unquoted

_TITLE_WEIGHT = 3
_LEAD_CHARS = 120
_SENTENCE_END = re.compile(r"[。!?！？]")
# A lead that opens with a quotation (`“这是我们自己做的月饼呢!”昨天是中秋节,…`) starts after it.
_OPENING_QUOTE = re.compile(r"^“[^”]*”")
_LEADER = re.compile(f"(?:{'|'.join(map(re.escape, LEADERS))})(?![{LEADER_NOT_BEFORE}])")
# `浏阳市蕉溪镇`, `攸县网岭镇`, `天元区三门镇`, `芦淞区建宁街道`: a county or district, then its town.
# How papers' names end, longest first: `长沙晚报`, `南方都市报`, `新京报`.
_PAPER_KINDS = ("都市报", "日报", "晚报", "晨报", "商报", "时报", "报")
# A report's lead: the day, then a comma (`8月25日,在…`, `12月4日上午,`), not `6月1日播出的…`.
_DATED_LEAD = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚|晚间|早上)?[,，]")
# An essay: the writer's 我 outside quotations, not an institution's (我市, 我国, 我校, 我院…).
_OWN_UNIT = re.compile(r"我(?=[市省国县区乡镇村校院局厅部委军团队所州])")
_ESSAY_MIN = 4
_ESSAY_PER_MILLE = 15
# A newspaper named (《扬州日报》, 中国青年报, 报社), its readers or the journalists' day.
_PRESS = re.compile(r"《[^》]{1,12}报》|[\u4e00-\u9fff]{2,4}(?:日报|晚报|晨报|青年报|都市报)|报社|读者|记者节")
_PRESS_MIN = 5
_PRESS_PER_MILLE = 15
_TOWN = re.compile(r"(?P<level>[县市区])[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)")


def assign(
    kind: str,
    title: str,
    text: str,
    *,
    header: str,
    keywords: Mapping[str, Sequence[str]],
    default: str = "",
    masthead: str = "",
    area: Sequence[str] = (),
) -> str:
    return decide(kind, title, text, header=header, keywords=keywords, default=default, masthead=masthead, area=area)[
        0
    ]


def decide(
    kind: str,
    title: str,
    text: str,
    *,
    header: str,
    keywords: Mapping[str, Sequence[str]],
    default: str = "",
    masthead: str = "",
    area: Sequence[str] = (),
) -> tuple[str, str]:
    """The section and the rule that chose it: commentary, essay, header, local, leaders, press, area,
    keywords, photo or default. ``masthead`` is the paper's name its page head prints (`北京日报`), if any; ``area``
    the places of the importing paper's own area (own_places)."""
    names = [*keywords, *([default] if default else [])]
    if kind == "commentary" and COMMENTARY_SECTION in names and not is_dated_report(text):
        return COMMENTARY_SECTION, "commentary"
    if kind == "news" and COMMENTARY_SECTION in names and (is_first_person(text) or is_notes(title, header)):
        return COMMENTARY_SECTION, "essay"
    if found := from_header(header, names):
        return found, "header"
    # a local news page of a known place decides as a header does: its own area's section, or 社会
    local_place = local_page_place(header)
    if local_place is not None and (place := local_place or place_of_paper(masthead)):
        local = (local_section(text) or DISTRICT_SECTION) if is_own_area(place, area) else SOCIETY_SECTION
        if local in names:
            return local, "local"
    if POLITICS_SECTION in names and is_leaders_business(text):
        return POLITICS_SECTION, "leaders"
    if is_about_the_press(title, text) and default:
        return default, "press"
    foreign = is_foreign_page(header)
    if foreign:  # foreign news: China's state business (时政 by its words), else the default
        china = _CHINA.search(f"{title} {text.strip().split(chr(10), 1)[0]}") is not None
        keywords = {name: words for name, words in keywords.items() if name == POLITICS_SECTION and china}
    own_area = is_own_area(place_of_page(header, masthead), area)
    if own_area and (found := local_section(text)) and found in names:
        return found, "area"
    if not own_area:
        keywords = {name: words for name, words in keywords.items() if name not in (COUNTY_SECTION, DISTRICT_SECTION)}
    hits = keyword_hits(title, text, keywords)
    if found := from_keywords(title, text, keywords, hits=hits):
        return found, "keywords"
    if kind == "photo" and not any(hits.values()) and SOCIETY_SECTION in names and not foreign:
        return SOCIETY_SECTION, "photo"
    if local_place is not None and DISTRICT_SECTION in names:  # a local page of no known place: the paper's own
        return DISTRICT_SECTION, "local"
    page_place = place_of_page(header, masthead)
    city = page_place not in PROVINCES or page_place in MUNICIPALITIES
    if page_place and city and not own_area and SOCIETY_SECTION in names:
        # another city's news that no section's words name (衡阳晚报, 天津日报): 社会, as L1 (a province's
        # paper, 湖南日报, prints the paper's own area too)
        return SOCIETY_SECTION, "elsewhere"
    return default, "default"


def page_header(page: PageInfo) -> str:
    """The header a page's sections go by: its printed name, or for page 1 that prints none (`第1版`
    of 人民日报 in the 1980s, `A01` of 烟台晚报, `01` of 漯河日报) the front page's (H2: 要闻). A name set
    with its characters spaced out reads as one word (`要  闻`, 信阳日报; as names in bylines are, `袁  泉`)."""
    if not page.name and is_foreign_page(page.masthead):
        return page.masthead  # 参考消息, a paper of foreign news, names no page: its pages are foreign news (F1)
    return squeeze(page.name) or (FRONT_PAGE if page.number == 1 else "")


def from_header(header: str, names: Sequence[str]) -> str:
    """`综合·城区` → 城区 when a section of that name exists (the most specific part wins: the last,
    and never 综合 when another part names a section: `要闻·综合` → 要闻; nor when another part names a local
    news page, which decides as a local page does: `城事/综合`, 海峡都市报)."""
    if not header:
        return ""
    parts = _header_parts(header)
    mixed = MIXED_SECTION if len(parts) > 1 and local_page_place(header) is not None else None
    for part in sorted(reversed(parts), key=lambda part: part == MIXED_SECTION):
        if part in names and part != mixed:
            return part
    for name in names:
        if name in header and name != mixed:
            return name
    for word, name in HEADER_SECTIONS.items():
        if word in header and name in names:
            return name
    return ""


def is_local_page(header: str) -> bool:
    """A paper's page of local news: `长沙新闻`, `北京新闻` (a place, then 新闻), `城市`, `本市`, or a
    header one of whose parts is one (`新春·城事`, `广州·城事`); not `综合新闻`, `县市新闻` or `图片新闻`."""
    return local_page_place(header) is not None


def local_page_place(header: str) -> str | None:
    """None when ``header`` is not a local news page; else the place it names (`北京新闻` → 北京,
    `广州·城事` → 广州, `洛阳·社区` → 洛阳, `今日牡丹区` → 牡丹区), ``""`` when it names none (`城事`, `城市·新闻`)."""
    local, place = False, ""
    for part in _header_parts(header):
        stem = part.removesuffix("新闻").removeprefix("今日")  # `今日牡丹区` (菏泽日报): that place's page
        if part in LOCAL_PAGES or stem in LOCAL_PAGES:
            local = True
        elif stem != part and _is_place(stem):
            local, place = True, place or stem
        elif _is_place(part):  # a place's own page: `洛阳·社区`, `广州·城事`
            local, place = True, place or part
    return place if local else None


def _header_parts(header: str) -> list[str]:
    """`洛阳·热线` → 洛阳, 热线: the parts of a page's name (pagehead reads the number off `A06版:洛阳·热线`);
    a slash or a plus sign joins two as the dot does (`城事/综合`, 海峡都市报; `新闻+ 本地`, 湛江日报)."""
    return [p.strip() for p in re.split("[·・•/／+＋]", header.strip()) if p.strip()]


def place_of_page(header: str, masthead: str) -> str:
    """The place a page reports on: its local page's (`北京新闻` → 北京), else its paper's, else ``""``."""
    return local_page_place(header) or place_of_paper(masthead)


def place_of_paper(name: str) -> str:
    """`长沙晚报` → 长沙, `北京日报` → 北京, `陕西工人报` → 陕西, `新京报` → 北京 (lexicon.MASTHEAD_PLACES);
    ``""`` for a name that begins with no place (`人民日报`, `中国青年报`, `工人日报`)."""
    if name in MASTHEAD_PLACES:
        return MASTHEAD_PLACES[name]
    stem = next((name.removesuffix(kind) for kind in _PAPER_KINDS if name.endswith(kind)), "")
    province = next((p for p in PROVINCES if stem.startswith(p)), "")
    return province or (stem if stem and _is_place(stem) else "")


def own_places(places: Sequence[str] | None, paper: str) -> tuple[str, ...]:
    """The paper's own area: the editors' places (None: the shipped gazetteer) and the paper's city."""
    from .tagging import gazetteer

    city = place_of_paper(paper)
    return (*(gazetteer() if places is None else places), *([city] if city else []))


def is_own_area(place: str, area: Sequence[str]) -> bool:
    """A page that names no place is the paper's own; else its place must be of the area (长沙 of 长沙市)."""
    return not place or any(own.startswith(place) or place.startswith(own) for own in area)


def _is_place(word: str) -> bool:
    return word.startswith(PROVINCES) or rjieba.tag(word) == [(word, "ns")]


def is_first_person(text: str) -> bool:
    """An essay in the writer's own voice (a reader's or a writer's recollections, a reporter's notes):
    我 at least four times and 15 times in a thousand characters, outside quotations and not in 我市,
    我国, 我校… (an institution speaking, as reports write). `我和《陕西工人报》的友谊`, `青春焕彩再创辉煌`."""
    narrative = _OWN_UNIT.sub("", unquoted(text))
    count = narrative.count("我")
    return count >= _ESSAY_MIN and count * 1000 >= _ESSAY_PER_MILLE * len(narrative)


def is_about_the_press(title: str, text: str) -> bool:
    """A report on a newspaper itself (its anniversary, readers, newsroom, 记者节): papers, 报社, 读者 or
    记者节 named at least five times, title words thrice, and 15 times in a thousand characters:
    `读晚报,就像和邻居聊天一样亲切` (《郑州晚报》), `绵延三十年剪不断的情缘` (中国青年报's readers)."""
    count = _TITLE_WEIGHT * len(_PRESS.findall(title)) + len(_PRESS.findall(text))
    return count >= _PRESS_MIN and count * 1000 >= _PRESS_PER_MILLE * max(len(text), 1)


def is_dated_report(text: str) -> bool:
    """A lead that opens with the day of the event, as a report does and a commentary does not:
    `7月10日,永州市“好记者讲好故事”活动在…举行` (an item taken for a commentary for its bare signature)."""
    return _DATED_LEAD.match(_OPENING_QUOTE.sub("", text.strip()).lstrip()) is not None


def is_notes(title: str, header: str) -> bool:
    """A reporter's notes, labelled so in the title or the page header (`记者手记`): the writer's own account."""
    return any(label in title or label in header for label in NOTES_LABELS)


def is_foreign_page(header: str) -> bool:
    """A page of foreign news: `国际`, `国际新闻`, `环球`, or the head of 参考消息 (a paper of foreign news); a
    weekly or a column of it too (`国际周刊`, 人民日报; `国际观察`)."""
    return any(
        part.removesuffix("新闻") in FOREIGN_PAGES or part.startswith(FOREIGN_PAGE_PREFIX)
        for part in _header_parts(header)
    )


def is_leaders_business(text: str) -> bool:
    """The lead sentence names a leader or leading body, then what it does officially:
    `12月18日下午,市委书记曹慧泉分别会见部分金融机构负责人`,
    `4月4日,市委常委、常务副市长阳望平率队调研重点项目推进工作`."""
    lead = _lead(text)
    leader = _LEADER.search(lead)
    return leader is not None and any(act in lead[leader.end() :] for act in LEADER_ACTS)


def local_section(text: str) -> str:
    """县市 or 城区 when the lead names a town of the paper's own area: `浏阳市蕉溪镇高升村5岁的高紫芯`
    (县市), `近日,天元区三门镇以“思享汇”为载体` (城区); not `河北省阜平县城南庄镇`."""
    lead = _lead(text)
    for match in _TOWN.finditer(lead):
        if not any(province in lead[: match.start()] for province in PROVINCES):
            return DISTRICT_SECTION if match["level"] == "区" else COUNTY_SECTION
    return ""


# China named in a foreign story's title or first paragraph: its own business abroad (`中泰签署联合声明`, `中国国家主席
# 江泽民今天结束了对蒙古…的正式访问`; its party's and its embassies' too: `中共中央政治局委员、中央外办主任王毅`, a city
# daily's 国际新闻 2025; `我驻美大使`, 人民日报 1995), not a foreign mayor's or a foreign summit's (人民日报 `国际周刊`, `国际`).
_CHINA = re.compile("中国|中方|中华|中共|我国|我驻|中[\u4e00-\u9fa5](?:两国|关系|联合|双方)")


def _lead(text: str) -> str:
    """The story's first sentence, after an opening quotation."""
    text = _OPENING_QUOTE.sub("", text.strip()).lstrip()
    return _SENTENCE_END.split(text, maxsplit=1)[0][:_LEAD_CHARS]


def keyword_hits(title: str, text: str, keywords: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """How often each section's keywords occur, title words counting thrice."""
    return {
        name: sum(_TITLE_WEIGHT * title.count(word) + text.count(word) for word in words if word)
        for name, words in keywords.items()
    }


def from_keywords(
    title: str, text: str, keywords: Mapping[str, Sequence[str]], *, hits: Mapping[str, int] | None = None
) -> str:
    """The section whose keywords occur most often, if it holds at least half of all the
    keywords found; ties go to the first in order."""
    hits = keyword_hits(title, text, keywords) if hits is None else hits
    best, best_hits = "", 0
    for name, count in hits.items():
        if count > best_hits:
            best, best_hits = name, count
    return best if best_hits * 2 >= sum(hits.values()) else ""
