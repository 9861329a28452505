"""parse_page: a page dump in, a ParsedPage out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from articles.vocabulary import AUTHOR, PARAGRAPH, SUBHEAD

from . import dates, sections, tagging
from .bylines import TEXT_AND_PHOTOS, author_name, is_surnamed
from .decoding import decode_bytes
from .errors import ParseError
from .furniture import continued_from
from .model import BodyBlock, ParsedItem, ParsedPage, PersonCredit
from .pagehead import page_info
from .repair import repair_body
from .segment import COMMENTARY, NEWS, NOTICE, PHOTO, SIDEBAR, Draft, looks_like_notice, segment, series_kind
from .text import ends_sentence, squeeze, strip
from .titles import EDITORS_NOTE, MAX_TITLE_LINES, heads_the_body, split_title
from .typography import punctuate, title_for_readers
from .units import CAPTION, CREDIT, LEAD, PHOTO_CREDIT, SERIES, TEXT, TITLE, split_units

EDITORIAL = {NEWS, PHOTO, COMMENTARY, SIDEBAR}
_GUESSED_HEADLINE_CHARS = 30


def parse_page(
    data: bytes | str,
    *,
    source: str,
    issue_date: date | None = None,
    section: str | None = None,
    section_keywords: Mapping[str, Sequence[str]] | None = None,
    default_section: str = "",
    places: Sequence[str] | None = None,
    tag_stopwords: Iterable[str] = (),
    preferred_tags: Iterable[str] = (),
    for_readers: bool = False,
    paper: str = "",
) -> ParsedPage:
    """Parse one page dump.

    ``data`` is the file's bytes (decoded here) or already decoded text.
    ``issue_date`` and ``section`` override what the page says; otherwise the
    issue date comes from the file name or the text, and each item's section
    from the page header, then from ``section_keywords`` (name → words, in
    the editors' order), then ``default_section``. ``places`` replaces the
    gazetteer shipped in data/gazetteer.txt (editors keep their own list).
    ``tag_stopwords`` are words never made tags, ``preferred_tags`` tags already in use
    or chosen by editors, which win over new words. ``for_readers`` gives titles and text
    as readers get them (typography.py: Chinese punctuation, titles without print-line
    spaces); without it they are as printed, which is what a dry run reports. ``paper`` is the
    paper the pages are imported for (`株洲日报`): its city and ``places`` are its own area, whose
    towns and streets go to 城区 and 县市 (sections.py).
    """
    if isinstance(data, str):
        text, encoding, warnings = data.replace("\r\n", "\n").replace("\r", "\n"), "text", []
        digest = hashlib.sha256(data.encode("utf-8")).hexdigest()
    else:
        digest = hashlib.sha256(data).hexdigest()
        text, encoding, warnings = decode_bytes(data)
    if not strip(text.replace("\n", "")):
        raise ParseError("版面是空的(没有文字)")

    units, single = split_units(text)
    seg = segment(units, single=single)
    furniture = tuple(seg.furniture)
    page = page_info(furniture, source)

    found_date, date_source = issue_date, "option" if issue_date else ""
    if found_date is None:
        found_date = dates.from_file_name(source)
        date_source = "file_name" if found_date else ""
    if found_date is None:
        found_date = next((dates.from_page_date(f.text) for f in furniture if f.kind == "page_date"), None)
        date_source = "page" if found_date else ""
    if found_date is None:
        found_date = dates.from_text(text)
        if found_date:
            date_source = "text"
            warnings.append(f"出版日期 {found_date.isoformat()} 是从正文推断的,请核对")

    items = [_item(draft) for draft in seg.drafts]
    staff_names = {p.name for p in page.staff}
    stop_tags, preferred = frozenset(tag_stopwords), frozenset(preferred_tags)
    area = sections.own_places(places, paper)
    finished = []
    for item in items:
        item_section = section or sections.assign(
            item.kind,
            f"{item.kicker} {item.headline} {item.subheadline}",
            item.text,
            header=sections.page_header(page),
            masthead=page.masthead,
            area=area,
            keywords=section_keywords or {},
            default=default_section,
        )
        tags = ()
        if item.kind in EDITORIAL:
            staff = staff_names | {p.name for p in item.people}
            title = f"{item.kicker} {item.headline} {item.subheadline}"
            tags = tagging.extract_tags(
                title, item.text, exclude=staff, places=places, stop=stop_tags, preferred=preferred
            )
        finished.append(replace(item, section=item_section, tags=tags))
    # A box sits in its story's section.
    by_headline = {item.headline: item.section for item in finished if not item.parent_headline}
    finished = [
        replace(item, section=by_headline[item.parent_headline])
        if item.parent_headline in by_headline and not section
        else item
        for item in finished
    ]

    unassigned = _unaccounted(units, finished, furniture)
    if for_readers:
        finished = [_for_readers(item) for item in finished]
    if unassigned:
        warnings.append(f"{len(unassigned)} 行无法归入任何稿件,见“未归属的行”")
    return ParsedPage(
        source=source,
        encoding=encoding,
        sha256=digest,
        issue_date=found_date,
        issue_date_source=date_source,
        page=page,
        items=tuple(finished),
        furniture=furniture,
        unassigned=tuple(unassigned),
        warnings=tuple(warnings),
        line_count=len([line for line in text.split("\n") if strip(line)]),
        duplicates_dropped=sum(item.duplicates_dropped for item in finished),
    )


def _for_readers(item: ParsedItem) -> ParsedItem:
    """Titles on one line without their print spaces, Chinese punctuation in Chinese text."""
    return replace(
        item,
        kicker=title_for_readers(item.kicker),
        headline=title_for_readers(item.headline),
        subheadline=title_for_readers(item.subheadline),
        blocks=tuple(BodyBlock(b.kind, punctuate(b.text)) for b in item.blocks),
    )


def _unaccounted(units, items, furniture) -> list[str]:
    """Lines that made it into no item and no furniture: the parser's safety net,
    so that nothing printed is ever lost silently."""
    parts = [f.text for f in furniture]
    for item in items:
        parts += [item.kicker + item.headline + item.subheadline, item.series, item.dateline, *item.bylines]
        parts += [block.text for block in item.blocks]
    kept = squeeze("\u0000".join(parts))
    printed = sorted(
        {squeeze(b) for item in items for b in (*item.bylines, item.dateline) if b}, key=len, reverse=True
    )
    missing = []
    for unit in units:
        for line in unit.text.split("\n"):
            rest = squeeze(line)
            if not rest or rest in kept:
                continue
            for byline in printed:
                rest = rest.replace(byline, "")
            if rest and rest not in kept:
                missing.append(strip(line))
    return missing


def _item(draft: Draft) -> ParsedItem:
    title_units = [u for u in draft.title if u.shape == TITLE]
    body_label = title_units.pop().text if heads_the_body([u.text for u in title_units]) else ""
    title_lines = [u.text for u in title_units]
    # captions under the title, and an editor's note between the title and the lead (`编者按:…`): the body's
    leading_captions = []
    for u in draft.title:
        if u.shape == PHOTO_CREDIT and leading_captions and leading_captions[-1].shape == CAPTION:
            # the credit line under the story's photo, between its title and its lead: the caption's
            leading_captions[-1] = replace(leading_captions[-1], people=u.people, credit=u.text)
        elif u.shape == CAPTION or u.shape == TEXT and EDITORS_NOTE.match(u.key):
            leading_captions.append(u)
    series_lines = [u.text for u in draft.title if u.shape == SERIES]
    anchor = draft.anchor
    bylines: list[str] = []
    people: list[PersonCredit] = []
    dateline = ""
    series = "\n".join(series_lines)
    first_text = ""
    body = list(draft.body)
    kind = draft.kind
    if series and kind == NEWS and series_kind(series) == COMMENTARY:
        kind = COMMENTARY  # a signed piece of a series of comment: `深化改革系列述评之十一` / `本报记者 韩钟昆`
    warnings: list[str] = []

    for credit in (u for u in draft.title if u.shape == CREDIT):  # a byline line over its lead
        bylines.append(credit.text)
        people.extend(credit.people)
    if anchor is not None:
        if anchor.shape == LEAD:
            dateline = anchor.lead.dateline
            if anchor.lead.byline:
                bylines.append(anchor.lead.byline)
            people.extend(anchor.people)
            first_text = anchor.lead.rest
        elif anchor.shape in (CREDIT, PHOTO_CREDIT):
            if anchor.shape == PHOTO_CREDIT:
                body.append(anchor)
            else:
                bylines.append(anchor.text)
                people.extend(anchor.people)
        elif anchor.shape == CAPTION:  # photo news whose credit is on its caption
            body.append(anchor)
        elif anchor.shape == SERIES:
            series = "\n".join(series_lines + [anchor.text])
        elif anchor.shape == TITLE:  # a commentary's author line
            bylines.append(anchor.text)
            people.append(PersonCredit(author_name(anchor.text), AUTHOR))
    if not title_lines and anchor is not None and anchor.shape in (CREDIT, LEAD) and kind == NEWS:
        # `■记者 刘芳 通讯员 林子其` printed over its headline: the title lines follow the byline; a lead
        # set over its own headline (`本报哈尔滨1月8日电 …` / `冬运会进入第四天` / `众老将发威 东道主领跑`, 人民日报
        # 2003, under a jump line) is the same, the title floated under the lead's paragraph
        while body and body[0].shape == TITLE and len(title_lines) < MAX_TITLE_LINES and len(body) > 1:
            title_lines.append(body.pop(0).text)
    # a second name line under the author's is another writer when it reads as a name (`记者梦` is a subhead)
    second = anchor is not None and anchor.shape == TITLE
    if (
        kind == COMMENTARY
        and body
        and body[0].shape == TITLE
        and body[0].is_name
        and (not second or is_surnamed(body[0].text))
    ):
        author = body.pop(0)
        bylines.append(author.text)
        people.append(PersonCredit(author_name(author.text), AUTHOR))
    if kind == COMMENTARY and body and body[0].shape == CREDIT:
        credit = body.pop(0)
        bylines.append(credit.text)
        people.extend(credit.people)

    editorial = kind in EDITORIAL
    repaired = (
        repair_body(
            leading_captions + body if editorial else body,
            first_text=first_text,
            has_headline=bool(title_lines),
            photo=kind == PHOTO,
            deck=kind == COMMENTARY,
            title=title_lines if kind != PHOTO else (),
        )
        if editorial
        else None
    )

    if repaired is None:
        blocks = [BodyBlock(PARAGRAPH, u.text if u.shape != CAPTION else u.caption) for u in body]
        if first_text:
            blocks.insert(0, BodyBlock(PARAGRAPH, first_text))
        duplicates = 0
    else:
        blocks = repaired.blocks
        notes = {u.text for u in leading_captions if u.shape == TEXT}
        if notes:  # the editor's note stands over the lead's text, as printed
            blocks = tuple(sorted(blocks, key=lambda block: block.text not in notes))
        duplicates = repaired.duplicates_dropped
        for line in repaired.bylines:
            if line not in bylines:
                bylines.append(line)
        for person in repaired.people:
            if person not in people:
                people.append(person)
        if repaired.floated_headline and not title_lines:
            title_lines = [unit.text for unit in repaired.floated_headline]
            warnings.append("标题出现在正文中间(分栏错位),已移回,请核对标题")

    if body_label:
        blocks = (BodyBlock(SUBHEAD, strip(body_label)), *blocks)
    if kind in (NEWS, PHOTO) and any(EDITORS_NOTE.match(b.text) for b in blocks):
        kind = NEWS  # photos and an 编者按 head a package: the head is a story, its photos captions
    elif (
        kind == NEWS
        and people
        and not dateline
        and {p.name for p in people} <= shooters(people)
        and _told_in_captions(blocks)
        and not any(TEXT_AND_PHOTOS.search(line) for line in bylines)
    ):
        kind = PHOTO  # everyone credited took photos: photo news (`本报记者 李建泉摄`, `记者 浦峰 摄影报道`)
    kicker, headline, subheadline = split_title(title_lines)
    printed = bool(headline)
    if not printed:
        headline = _guess_headline(blocks)
        warnings.append("没有找到标题,已从正文推测,请核对")

    continued_to = next((f.continued_to for f in draft.furniture if f.continued_to), "")
    came_from = next((continued_from(f) for f in draft.furniture if continued_from(f)), "")
    if editorial:
        if kind in (NEWS, COMMENTARY) and not people:
            warnings.append("没有找到署名")
        paragraphs = [b for b in blocks if b.kind == PARAGRAPH]
        for n, block in enumerate(paragraphs):
            if not ends_sentence(block.text) and not (n == len(paragraphs) - 1 and continued_to):
                warnings.append(f"段落在句中断开(可能不完整):…{block.text[-12:]}")
    if kind == NEWS and not people and _looks_like_notice(headline, blocks):
        kind = NOTICE

    lines = sorted({n for u in draft.units for n in u.lines})
    return ParsedItem(
        kind=kind,
        headline=headline,
        kicker=kicker,
        subheadline=subheadline,
        series=series,
        dateline=dateline,
        bylines=tuple(bylines),
        people=tuple(dict.fromkeys(people)),  # a person named twice in one role counts once
        blocks=tuple(blocks),
        continued_to=continued_to,
        continued_from=came_from,
        duplicates_dropped=duplicates,
        parent_headline=_parent_headline(draft),
        warnings=tuple(warnings),
        lines=tuple(lines),
        headline_printed=printed,
    )


_MAX_PHOTO_PARAGRAPHS = 5


def _told_in_captions(blocks) -> bool:
    """Photo news is told in a few captions; a feature whose reporter also took its photo
    (`株洲日报全媒体记者/陈洲平` over ten paragraphs, `陈洲平 摄` on one caption) is a story."""
    return sum(b.kind == PARAGRAPH for b in blocks) <= _MAX_PHOTO_PARAGRAPHS


def shooters(people) -> set[str]:
    return {p.name for p in people if p.role == "photographer"}


def _parent_headline(draft: Draft) -> str:
    if draft.parent is None:
        return ""
    lines = [u.text for u in draft.parent.title if u.shape == TITLE]
    return split_title(lines)[1]


def _guess_headline(blocks) -> str:
    for block in blocks:
        if block.kind == SUBHEAD:
            return block.text
    for block in blocks:
        text = strip(block.text)
        if text:
            for stop in "。!?,,":
                text = text.split(stop)[0]
            return text[:_GUESSED_HEADLINE_CHARS]
    return ""


def _looks_like_notice(headline: str, blocks) -> bool:
    return looks_like_notice(headline, "\n".join(b.text for b in blocks))
