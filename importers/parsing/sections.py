"""Which section an item belongs to.

In this order:

1. a commentary goes to the commentary section (评论), whatever page prints it;
2. a page header that names a section decides for its page (`综合·城区` → 城区, `要闻  2` → 要闻,
   `综合新闻` → 综合), or names it in other words (`财经` → 经济, `文娱` → 文化: lexicon.HEADER_SECTIONS);
3. the official business of the party and the government goes to 时政: the lead sentence names a
   leader or a leading body (市委书记, 常务副市长, 市政协…), then a meeting, visit or inspection
   (会见, 主持召开, 调研…), so `市委书记曹慧泉分别会见部分金融机构负责人` is 时政 however much it
   says of banks;
4. a story whose lead places it in a town of a county (`浏阳市蕉溪镇`) or a town or street of a
   district (`天元区三门镇`), named as a paper names its own area (no province before it), goes
   to 县市 or 城区;
5. the section whose keywords (editable by editors, in their order) the title and text name
   most, title words counting thrice, provided it holds at least half of all the keywords
   named: a round-up of unrelated photos (a meat plant, a calligraphy club, flats in Shanghai)
   belongs to no one section;
6. on a paper's local news page (`长沙新闻`, `北京新闻`, `城市`), its local section: 城区;
7. a photo that names no section's keyword at all is a scene of everyday life (tourists in the snow,
   cherry blossoms in a park): 社会;
8. the default section.

城区 and 县市 are the paper's own area: its city (株洲日报 → 株洲) and the places of its gazetteer
(the editors' 地名, or data/gazetteer.txt: 长沙 and 湘潭 of 长株潭 are in it). A page of another place
(its local page `北京新闻`, or its paper `北京日报`, `新京报`, `湖南日报`, `深圳特区报`) has neither:
rules 4 and 5 never give them there, and its local news page falls back to 社会. A page that names
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
    HEADER_SECTIONS,
    LEADER_ACTS,
    LEADER_NOT_BEFORE,
    LEADERS,
    LOCAL_PAGES,
    MASTHEAD_PLACES,
    POLITICS_SECTION,
    PROVINCES,
    SOCIETY_SECTION,
)

_TITLE_WEIGHT = 3
_LEAD_CHARS = 120
_SENTENCE_END = re.compile(r"[。!?！？]")
# A lead that opens with a quotation (`“这是我们自己做的月饼呢!”昨天是中秋节,…`) starts after it.
_OPENING_QUOTE = re.compile(r"^“[^”]*”")
_LEADER = re.compile(f"(?:{'|'.join(map(re.escape, LEADERS))})(?![{LEADER_NOT_BEFORE}])")
# `浏阳市蕉溪镇`, `攸县网岭镇`, `天元区三门镇`, `芦淞区建宁街道`: a county or district, then its town.
# How papers' names end, longest first: `长沙晚报`, `南方都市报`, `新京报`.
_PAPER_KINDS = ("都市报", "日报", "晚报", "晨报", "商报", "时报", "报")
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
    """The section and the rule that chose it: commentary, header, leaders, area, keywords, local, photo
    or default. ``masthead`` is the paper's name its page head prints (`北京日报`), if any; ``area``
    the places of the importing paper's own area (own_places)."""
    names = [*keywords, *([default] if default else [])]
    if kind == "commentary" and COMMENTARY_SECTION in names:
        return COMMENTARY_SECTION, "commentary"
    if found := from_header(header, names):
        return found, "header"
    if POLITICS_SECTION in names and is_leaders_business(text):
        return POLITICS_SECTION, "leaders"
    own_area = is_own_area(place_of_page(header, masthead), area)
    if own_area and (found := local_section(text)) and found in names:
        return found, "area"
    if not own_area:
        keywords = {name: words for name, words in keywords.items() if name not in (COUNTY_SECTION, DISTRICT_SECTION)}
    hits = keyword_hits(title, text, keywords)
    if found := from_keywords(title, text, keywords, hits=hits):
        return found, "keywords"
    local = DISTRICT_SECTION if own_area else SOCIETY_SECTION
    if is_local_page(header) and local in names:
        return local, "local"
    if kind == "photo" and not any(hits.values()) and SOCIETY_SECTION in names:
        return SOCIETY_SECTION, "photo"
    return default, "default"


def from_header(header: str, names: Sequence[str]) -> str:
    """`综合·城区` → 城区 when a section of that name exists (the most specific part wins)."""
    if not header:
        return ""
    parts = [p for p in header.replace("・", "·").replace("•", "·").split("·") if p]
    for part in reversed(parts):
        if part in names:
            return part
    for name in names:
        if name in header:
            return name
    for word, name in HEADER_SECTIONS.items():
        if word in header and name in names:
            return name
    return ""


def is_local_page(header: str) -> bool:
    """A paper's page of local news: `长沙新闻`, `北京新闻` (a place, then 新闻), `城市`, `本市`;
    not `综合新闻`, `县市新闻` or `图片新闻`."""
    name = header.strip()
    place = name.removesuffix("新闻")
    return name in LOCAL_PAGES or (place != name and (place in LOCAL_PAGES or _is_place(place)))


def place_of_page(header: str, masthead: str) -> str:
    """The place a page reports on: its local page's (`北京新闻` → 北京), else its paper's, else ``""``."""
    if is_local_page(header) and (place := header.strip().removesuffix("新闻")) not in LOCAL_PAGES:
        return place
    return place_of_paper(masthead)


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
