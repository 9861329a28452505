"""Lines of a page dump grouped into units, and what each unit looks like.

A dump either separates paragraphs by blank lines (then a block of several
short lines is one unit: a two-line subhead or title) or puts one paragraph
on each line (then every line is a unit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .bylines import (
    Lead,
    credits_no_one,
    is_bare_role,
    is_name,
    is_source_tag,
    parse_credit,
    parse_lead,
    parse_staff_line,
    pen_name_credit,
    split_caption_credit,
)
from .furniture import classify as classify_furniture
from .furniture import page_head, split_glued_jump
from .lexicon import PAGE_NAMES, PHOTOGRAPHER
from .model import Furniture, PersonCredit
from .text import CLOSE_PAREN, COLONS, COMMAS, HAN, OPEN_PAREN, SEMICOLONS, SPACES, ends_sentence, squeeze, strip
from .titles import MAX_TITLE_LINES, could_be_title, is_title_like

FURNITURE = "furniture"
LEAD = "lead"
CREDIT = "credit"
PHOTO_CREDIT = "photo_credit"
CAPTION = "caption"
SERIES = "series"
TITLE = "title"
TEXT = "text"

# `——…系列评论之五`, `——…系列报道`, `深化改革系列述评之十一`; `——…述评` is a deck
_SERIES = re.compile(r"^[\u2014\-]{1,2}.*系列|^\S{2,24}系列(?:评论|述评|报道)之[一二三四五六七八九十百〇零\d]+$")
# (a full stop may close it: `洪福乐摄。`, 人民日报; `咸宁日报全媒体记者袁灿摄。`)
_PHOTO_END = re.compile(
    f"(?:摄|摄影报道|摄影|航拍)[{SPACES}]*(?:[{OPEN_PAREN}][{HAN}]{{2,8}}[{CLOSE_PAREN}])?\u3002?$"
)
# Share of non-blank lines directly followed by another: above it, one paragraph per line.
_SINGLE_NEWLINE_SHARE = 0.3
_MAX_CREDIT_LINE = 40


@dataclass
class Unit:
    text: str
    lines: tuple[int, ...]
    gap_before: bool = True
    shape: str = TEXT
    furniture: Furniture | None = None
    lead: Lead | None = None
    people: tuple[PersonCredit, ...] = ()
    caption: str = ""
    credit: str = ""
    is_name: bool = False
    barrier_before: bool = False  # furniture stood between this unit and the one before
    phrase: bool = False  # text that reads as a whole phrase: a title or deck where it stands so
    opens_paragraph: bool = False  # set in with an indent on a page that indents its paragraphs
    after_jump: bool = False  # printed right after a jump line (`▶ 下转 02版`) that ends a story
    before_jump: bool = False  # the last unit of a story that a jump line (`▶ 下转 02版`) ends

    @property
    def key(self) -> str:
        return squeeze(self.text)


def split_units(text: str) -> tuple[list[Unit], bool]:
    """Units in reading order, and whether the dump puts one paragraph per line."""
    raw_lines = text.split("\n")
    numbered = [(number, strip(line)) for number, line in enumerate(raw_lines, start=1)]
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in numbered:
        if line:
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    nonblank = sum(len(block) for block in blocks)
    # a photo's credit set directly under its caption says nothing of how paragraphs are divided
    adjacent = sum(1 for block in blocks for _, line in block[1:] if not _credit_under_caption(line))
    single = nonblank > 0 and adjacent > _SINGLE_NEWLINE_SHARE * nonblank
    # so many lines under another may still be a page that sets its prose apart by blank lines and prints a few
    # blocks of short lines (a forecast, a poem): there a block of more lines than a title has is one entry
    listed = single and _prose_set_apart(blocks)
    units: list[Unit] = []
    for block in blocks:
        entry = not single or (listed and len(block) > MAX_TITLE_LINES)
        if entry and len(block) > 1 and _is_one_entry(block):
            units.append(Unit("\n".join(line for _, line in block), tuple(n for n, _ in block)))
            continue
        for position, (number, line) in enumerate(block):
            text, *jump = split_glued_jump(line) or (line,)  # `…看一看。 (下转6版②)`: two units
            units.append(Unit(text, (number,), gap_before=position == 0))
            units.extend(Unit(part, (number,)) for part in jump)
    for unit in units:
        classify(unit)
    indented = _indented_lines(raw_lines, units)
    if indented is not None:
        for n, unit in enumerate(units):
            unit.opens_paragraph = unit.lines[0] in indented
            if unit.shape == TEXT and unit.phrase and not unit.opens_paragraph:
                unit.shape = TITLE  # a whole phrase set flush among indented paragraphs: a title line
            elif _set_in_under_title(unit, units[n - 1] if n else None):
                unit.shape = TEXT  # a title's deck is set flush or centred: this opens the text
    _page_head(units)
    _titles_shaped_as_heads(units)
    _join_broken_photo_credits(units)
    return _unglue_photo_titles(units), single


_PROSE_LINE = 40
_PROSE_APART_SHARE = 0.5


def _prose_set_apart(blocks: list[list[tuple[int, str]]]) -> bool:
    """Most lines of prose stand in blocks of their own: the dump sets its paragraphs apart by blank
    lines, however many short lines it prints together (a week's forecast under a story, 株洲晚报; a
    poem's lines, 烟台晚报; title lines over their byline, 淇滨晚报)."""
    prose = [len(block) == 1 for block in blocks for _, line in block if len(squeeze(line)) >= _PROSE_LINE]
    return bool(prose) and sum(prose) > _PROSE_APART_SHARE * len(prose)


_HEAD_REACH = 12  # the page's head is within its first lines


def _titles_shaped_as_heads(units: list[Unit]) -> None:
    """A line shaped like a page's head (`综合·城区`) among the stories, over a lead, is the title of
    the story the lead opens: `芜湖书房·悦享书吧正式开放` / `本报讯(记者 乐培意 …)` (芜湖日报)."""
    started = False
    for unit, nxt in zip(units, units[1:], strict=False):
        if unit.shape != FURNITURE:
            started = True
        elif (
            started
            and unit.furniture.kind == "page_header"
            and nxt.shape == LEAD
            and squeeze(unit.text) not in PAGE_NAMES
        ):
            unit.shape, unit.furniture = TITLE, None


def _credit_under_caption(line: str) -> bool:
    return len(line) <= _MAX_CREDIT_LINE and _PHOTO_END.search(line) is not None


def _page_head(units: list[Unit]) -> None:
    """The lines of the page's head above its first story are furniture even when one alone would
    not be (`浙江日报`, `17` / `美丽乡村`): furniture.page_head says how far the head goes."""
    lines = [(n, line) for n, unit in enumerate(units[:_HEAD_REACH]) for line in unit.text.split("\n")]
    found = page_head([line for _, line in lines])
    for n, unit in enumerate(units[:_HEAD_REACH]):
        kinds = [f for (owner, _), f in zip(lines, found, strict=True) if owner == n]
        if not all(kinds):
            if unit.shape == FURNITURE and unit.furniture.kind == "page_header":
                unit.shape, unit.furniture = TITLE, None  # the head ended above it: a kicker
            return
        if unit.shape != FURNITURE:
            # `17` over `美丽乡村` in one block: the page's number and name, as `17  美丽乡村` is
            kind = next((f for f in kinds if f.kind == "page_header"), kinds[0])
            unit.shape, unit.furniture = FURNITURE, replace(kind, text=unit.text, line=unit.lines[0])
        elif kinds[0].kind == "teaser":
            unit.furniture = replace(unit.furniture, kind="teaser")  # `A04 视觉周刊` in a 导读 box


_INDENT = re.compile(f"^(?:\u3000|[{SPACES}]{{2,}})")
_LONG_LINE = 40
# Under a title, a line set in with the paragraphs' indent that runs on past a pause is the first
# paragraph, not a deck (`庙会上的古风新韵、人机共创的AI春晚、…`); a slogan set in
# (`富强 民主 文明 和谐`) stays as it is.
_SET_IN_TEXT = re.compile(f"^.{{12,}}[{COMMAS}{SEMICOLONS}{COLONS}\u3001\u2026]")
_INDENTED_SHARE = 0.6


def _set_in_under_title(unit: Unit, before: Unit | None) -> bool:
    return (
        unit.shape == TITLE
        and unit.opens_paragraph
        and before is not None
        and before.shape == TITLE
        and bool(_SET_IN_TEXT.search(unit.key))
    )


_MIN_HEADS = 2


def _indented_lines(lines: list[str], units: list[Unit]) -> set[int] | None:
    """Line numbers set in with an indent, when the page indents its paragraphs (most long lines
    start with `　　`) and not its titles: then a line set flush is not a paragraph. None when indents
    say nothing: few long lines set in, or the title lines over the page's leads and bylines (two at
    least) set in as its paragraphs are (a dump that sets in every line)."""
    long = [n for n, line in enumerate(lines, start=1) if len(strip(line)) >= _LONG_LINE]
    indented = {n for n, line in enumerate(lines, start=1) if strip(line) and _INDENT.match(line)}
    if not long or len(indented & set(long)) < _INDENTED_SHARE * len(long):
        return None
    heads = [
        before.lines[0]
        for before, unit in zip(units, units[1:], strict=False)
        if unit.shape in (LEAD, CREDIT) and before.shape == TITLE
    ]
    if len(heads) >= _MIN_HEADS and set(heads) <= indented:
        return None
    return indented


def _join_broken_photo_credits(units: list[Unit]) -> None:
    """A photo credit broken over two lines (`株洲日报全媒体记者/杨如` / `通讯员/彭露 摄`):
    the first line's people took the photos too."""
    for first, second in zip(units, units[1:], strict=False):
        if first.shape == CREDIT and second.shape == PHOTO_CREDIT and first.people:
            together = parse_credit(f"{first.text} {second.text}") or ()
            mine = {p.name for p in first.people}
            if together and all(p.role == PHOTOGRAPHER for p in together):
                first.shape = PHOTO_CREDIT
                first.people = tuple(p for p in together if p.name in mine)


# Two parallel phrases of one length (`做卡通花灯 享别样乐趣`, `月满中秋 欢乐长沙`): a couplet
# title. Glued to its caption by the extraction, it is told apart by the second phrase's length.
_COUPLET_HEAD = re.compile(f"^(?P<first>[{HAN}]{{3,8}})[{SPACES}]+(?P<rest>[{HAN}].+)$")
_MIN_CAPTION_AFTER_TITLE = 20


def _glued_couplet(caption: str) -> tuple[str, str] | None:
    match = _COUPLET_HEAD.match(caption)
    if not match:
        return None
    size = len(match.group("first"))
    second, after = match.group("rest")[:size], match.group("rest")[size:]
    if not re.fullmatch(f"[{HAN}]+", second) or len(after) < _MIN_CAPTION_AFTER_TITLE or after[0] in SPACES:
        return None
    return f"{match.group('first')} {second}", after


def _unglue_photo_titles(units: list[Unit]) -> list[Unit]:
    """In a run of photos, a captioned photo whose couplet title was glued to its caption
    (`做卡通花灯 享别样乐趣中秋节期间,…。长沙晚报记者 周柏平 摄影报道`) opens its own item."""
    out: list[Unit] = []
    for unit in units:
        glued = None
        if unit.shape == CAPTION and out and out[-1].shape in (CAPTION, PHOTO_CREDIT):
            glued = _glued_couplet(unit.caption)
        if glued is None:
            out.append(unit)
            continue
        title, caption = glued
        head = Unit(title, unit.lines, gap_before=unit.gap_before, shape=TITLE)
        unit.text = unit.text.replace(unit.caption, caption, 1)
        unit.caption = caption
        unit.gap_before = False
        out += [head, unit]
    return out


def _is_one_entry(block: list[tuple[int, str]]) -> bool:
    """Lines with no blank line between them, in a dump that sets paragraphs apart by blank lines,
    are one entry with its line breaks (a two-line subhead, a caption printed on two lines: the gold
    conventions), unless one of them is furniture, a lead or a credit, or a short line (a title)
    stands over long ones (its text) or under them, or the block is prose cut by a column (a line of
    it stops mid-sentence: `…调研采访,` / `生动展现…。`), whose lines join as across a blank line.
    A short label closed by a colon over its lines (`线路1:` / `线路名称:…。` / `线路走向:…。`, 株洲晚报;
    `三、投稿内容和要求:` / `1.征文主题:…。` / `2.征文体裁:诗歌、散文。`, 海南日报) holds them whatever their length."""
    lines = [line for _, line in block]
    labelled = len(squeeze(lines[0])) <= _SHORT_LINE and lines[0][-1] in COLONS
    if not labelled and (
        len({len(squeeze(line)) > _SHORT_LINE for line in lines}) > 1
        or (any("。" in line for line in lines) and not all(ends_sentence(line) for line in lines[:-1]))
    ):
        return False
    return not any(
        classify_furniture(line) or parse_lead(line) or parse_credit(line) or is_series(line) for line in lines
    )


def is_series(text: str) -> bool:
    """A series line under a title: `——“以二十大精神指引办好株洲的事”系列评论之五` (株洲日报),
    `——喜迎第十六届食博会系列报道` (漯河日报), printed on its own or right under the title."""
    return bool(_SERIES.match(text)) and len(squeeze(text)) <= _MAX_SERIES


_MAX_SERIES = 60
_SHORT_LINE = 30


def _staff_line(text: str) -> Furniture | None:
    """A staff line bracketed or in traditional characters (`【编辑:张萌】`, `責任編輯: 李知微`)."""
    people = parse_staff_line(text) if "\n" not in text else None
    return Furniture("staff", strip(text), people=people) if people else None


def _source_tag_alone(text: str) -> bool:
    """`据新华社` on a line of its own under a story's last paragraph (齐鲁晚报's copy), as `(新华社)` in brackets
    (人民日报): the newsroom the story was taken from, closing it, not a title (`【我与光明日报】`, a column's name
    in brackets, stays one)."""
    return is_source_tag(text) and strip(text).startswith("据")


def classify(unit: Unit) -> None:
    text = unit.text
    furniture = classify_furniture(text) or _staff_line(text)
    if furniture:
        unit.shape, unit.furniture = FURNITURE, furniture
        return
    if "\n" not in text:
        lead = parse_lead(text)
        if lead and not lead.dateline and not lead.rest:
            lead = None  # `(本报记者 孙七)` alone on its line: a credit, opening or closing a story
        if lead:
            unit.shape, unit.lead, unit.people = LEAD, lead, lead.people
            return
        caption = split_caption_credit(text)
        if caption:
            unit.shape = CAPTION
            unit.caption, unit.credit, unit.people = caption
            return
        # (a pen name alone in brackets on its own line signs the brief above it, as glued to its last sentence)
        people = parse_credit(text) or pen_name_credit(text)
        if is_bare_role(text):
            unit.shape, unit.credit = CREDIT, text
            return
        if people:
            unit.people, unit.credit = people, text
            photo = _PHOTO_END.search(text) or _PHOTO_END.search(text.rstrip(CLOSE_PAREN + SPACES))  # (杜华举摄)
            unit.shape = PHOTO_CREDIT if photo else CREDIT
            return
        if credits_no_one(text):
            unit.shape, unit.credit = PHOTO_CREDIT, text
            return
        if is_series(text):
            unit.shape = SERIES
            return
    elif len(text.split("\n")[-1]) <= _MAX_CREDIT_LINE and (caption := split_caption_credit(text.replace("\n", ""))):
        # a caption over a credit naming no one, with no blank line between: `吴影奶奶生前与“三小只”合影` /
        # `(受访者供图)` (钱江晚报); a credit naming people sets the lines apart already (_is_one_entry)
        unit.shape = CAPTION
        unit.caption, unit.credit, unit.people = caption
        return
    tagged = _source_tag_alone(text)
    if is_title_like(text) and not tagged:
        unit.shape = TITLE
        unit.is_name = "\n" not in text and is_name(text)
        return
    unit.shape = TEXT
    unit.phrase = could_be_title(text) and not tagged
