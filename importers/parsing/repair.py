"""Repair one item's body: what column breaks and repeated printing did to it.

- A paragraph cut by a column break (`…其中,市温` / `州商会人民调解委员会…`) is
  joined with nothing between, also across a photo caption or a headline that
  floated into the body.
- A paragraph printed two to four times is kept once; the copies are counted.
- Short lines between complete paragraphs are in-body subheads.
- Captions (`…现场。记者/杨如摄`) become caption blocks; their credits bylines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from articles.vocabulary import CAPTION as CAPTION_BLOCK
from articles.vocabulary import PARAGRAPH, SUBHEAD

from .bylines import (
    parse_credit,
    pen_name_credit,
    signs_for_certain,
    split_glued_credit,
    split_glued_names,
    split_source_tag,
)
from .model import BodyBlock, PersonCredit
from .text import CLOSE_PAREN, COLONS, OPEN_PAREN, PAUSES, SEMICOLONS, ends_sentence, runs_on, squeeze, strip
from .titles import ENUMERATED, MAX_TITLE_LINES, is_deck, is_short_phrase, is_subhead_like
from .units import CAPTION, CREDIT, LEAD, PHOTO_CREDIT, SERIES, TEXT, TITLE, Unit

_MIN_CONTAINED = 8


@dataclass
class Repaired:
    blocks: list[BodyBlock] = field(default_factory=list)
    duplicates_dropped: int = 0
    bylines: list[str] = field(default_factory=list)
    people: list[PersonCredit] = field(default_factory=list)
    floated_headline: list[Unit] = field(default_factory=list)


@dataclass
class _Piece:
    kind: str
    text: str
    unit: Unit | None = None


def repair_body(
    units: list[Unit],
    *,
    first_text: str = "",
    has_headline: bool,
    photo: bool = False,
    deck: bool = False,
    title: Sequence[str] = (),
) -> Repaired:
    """``deck``: the first line of the body may be a deck, complete without its 。 (commentary).
    ``title``: the item's title lines; a line of them printed again in the body is a copy (`民宿供不应求
    市场快速恢复` between the halves of its story's cut paragraph, 桂林日报; 郑州日报)."""
    result = Repaired()
    pieces: list[_Piece] = []
    if first_text:
        pieces.append(_Piece(PARAGRAPH, first_text))
    kept = _drop_repeats(
        units, result, seed=([first_text] if first_text else []) + [line for t in title for line in t.split("\n")]
    )
    if not has_headline and not photo:
        result.floated_headline = _floated_title(kept, first_text=first_text)
        kept = [u for u in kept if all(u is not t for t in result.floated_headline)]
    for n, unit in enumerate(kept):
        prev = kept[n - 1] if n > 0 else None
        nxt = kept[n + 1] if n + 1 < len(kept) else None
        if unit.shape == CAPTION:
            pieces.append(_Piece(CAPTION_BLOCK, unit.caption, unit))
            _credit(result, unit.credit, unit.people)
        elif unit.shape in (PHOTO_CREDIT, CREDIT):
            _credit(result, unit.text, unit.people)
            if unit.shape == PHOTO_CREDIT:
                _last_text_is_caption(pieces)
        elif unit.shape == TITLE and not photo:
            sandwiched = (
                prev is not None
                and prev.shape == TEXT
                and len(prev.key) > _MAX_LABEL_ABOVE  # `02:52` / `出摊`: a time over its label, no cut text
                and not ends_sentence(prev.text)
                and nxt is not None
                and nxt.shape == TEXT
            )
            if _FIGURE.search(unit.key) and len(unit.key) <= _MAX_FIGURE_LABEL:
                pieces.append(_Piece(CAPTION_BLOCK, unit.text, unit))  # `管制路段示意图`: a map's caption
            elif sandwiched and strip(prev.text)[-1] in PAUSES:
                # A line that reads as a title inside a sentence cut after a pause: a subhead never stands
                # inside a sentence, so it is a caption whose credit is elsewhere (`…少年青年读者,` /
                # `读者在选购书籍` / `还有…`); the paragraph is joined across it.
                pieces.append(_Piece(CAPTION_BLOCK, unit.text, unit))
            elif sandwiched:
                # Cut inside a word (`…村(社区)党` / title / `经市委批准…`): the halves may not belong
                # together; keep the title line where it is, the paragraph flagged as broken.
                pieces.append(_Piece(SUBHEAD, unit.text, unit))
            elif is_subhead_like(unit.text) or unit.text[:1] in "●■◆▲★":
                pieces.append(_Piece(SUBHEAD, unit.text, unit))
            else:
                pieces.append(_Piece(PARAGRAPH, unit.text, unit))
        elif unit.shape == LEAD:
            _credit(result, unit.lead.byline, unit.people)  # a second lead: a story run on
            if unit.lead.rest:
                pieces.append(_Piece(PARAGRAPH, unit.lead.rest, unit))
        elif unit.shape == SERIES:
            pieces.append(_Piece(PARAGRAPH, unit.text, unit))
        elif deck and not pieces and unit.shape == TEXT and is_deck(unit.text):
            pieces.append(_Piece(SUBHEAD, unit.text, unit))
        elif not photo and _uncredited_caption(unit, prev, nxt):
            pieces.append(_Piece(CAPTION_BLOCK, unit.text, unit))
        elif not photo and _whole_phrase(unit, prev, nxt, first=not pieces):
            # A deck or a subhead with commas in it (`做好医保关系转移接续，保障待遇不中断`):
            # complete without a closing 。, between complete paragraphs.
            pieces.append(_Piece(PARAGRAPH if not pieces else SUBHEAD, unit.text, unit))
        else:
            pieces.append(_Piece(CAPTION_BLOCK if photo else PARAGRAPH, unit.text, unit))
    pieces = _join(pieces, photo=photo)
    pieces = _drop_contained(pieces, result)
    _trailing_credit(pieces, result)
    _sign_off(pieces)
    result.blocks = [BodyBlock(p.kind, p.text) for p in pieces if strip(p.text)]
    return result


_MAX_LABEL_ABOVE = 8
# The caption of a drawn figure printed without credit: `管制路段示意图`, `项目效果图`.
_FIGURE = re.compile("(?:示意图|效果图|平面图|规划图|路线图|线路图|漫画|图表|制图)$")
_MAX_FIGURE_LABEL = 20


def _floated_title(units: list[Unit], *, first_text: str = "") -> list[Unit]:
    """The title lines of a story with none above it that a column break floated into its body:
    one to three title lines between the two halves of a cut paragraph (`…但` / title / `入职企业…`),
    the first half maybe the text of the lead (`…记者张国成报道:正在日本访问的…举办的` / title / `“21世纪…`)."""
    for n, unit in enumerate(units):
        if unit.shape != TITLE:
            continue
        if n == 0:
            if not first_text or ends_sentence(first_text):
                continue
        elif units[n - 1].shape != TEXT or ends_sentence(units[n - 1].text):
            continue
        run = [unit]
        while n + len(run) < len(units) and units[n + len(run)].shape == TITLE and len(run) < MAX_TITLE_LINES:
            run.append(units[n + len(run)])
        after = units[n + len(run)] if n + len(run) < len(units) else None
        if after is not None and after.shape == TEXT:
            return run
    return []


def _whole_phrase(unit: Unit, prev: Unit | None, nxt: Unit | None, *, first: bool) -> bool:
    if unit.shape != TEXT or not unit.phrase or not is_short_phrase(unit.text):
        return False
    if not (first or prev is None or prev.shape != TEXT or ends_sentence(prev.text)):
        return False
    return nxt is None or nxt.shape != TEXT or not runs_on(unit.text, nxt.text)


def _credit(result: Repaired, text: str, people) -> None:
    if text and text not in result.bylines:
        result.bylines.append(text)
    for person in people:
        if person not in result.people:
            result.people.append(person)


def _last_text_is_caption(pieces: list[_Piece]) -> None:
    """Text right above a standalone photo credit is that photo's caption."""
    for piece in reversed(pieces):
        if piece.kind == PARAGRAPH:
            piece.kind = CAPTION_BLOCK
            return
        if piece.kind == SUBHEAD:
            return


def _drop_repeats(units: list[Unit], result: Repaired, *, seed: list[str]) -> list[Unit]:
    """Drop units printed again; a copy of a cut paragraph counts once, not per half."""
    seen = {squeeze(s) for s in seed}
    kept: list[Unit] = []
    previous_dropped: Unit | None = None
    for unit in units:
        if unit.shape in (TEXT, TITLE, CAPTION) and unit.key in seen and len(unit.key) >= 4:
            if not (previous_dropped is not None and not ends_sentence(previous_dropped.text)):
                result.duplicates_dropped += 1
            previous_dropped = unit
            continue
        previous_dropped = None
        seen.add(unit.key)
        kept.append(unit)
    return kept


# Where a person stands in a photo: 钟达文(左二), 死者儿子(右一).
_IN_PHOTO = re.compile(f"[{OPEN_PAREN}](?:左|右|中|前排|后排)[一二三四五六七八九十]?(?:起)?[{CLOSE_PAREN}]|^图为")
_MAX_CAPTION = 60


def _uncredited_caption(unit: Unit, prev: Unit | None, nxt: Unit | None) -> bool:
    """A caption without its credit printed between the halves of a cut paragraph: a short
    sentence that says where someone stands in the picture (`钟达文(左二)在广交会采访现场。`)."""
    return (
        unit.shape == TEXT
        and prev is not None
        and prev.shape == TEXT
        and not ends_sentence(prev.text)
        and nxt is not None
        and nxt.shape == TEXT
        and ends_sentence(unit.text)
        and len(unit.key) <= _MAX_CAPTION
        and _IN_PHOTO.search(unit.text) is not None
    )


def _join(pieces: list[_Piece], *, photo: bool) -> list[_Piece]:
    """Join a paragraph cut mid-sentence with the next one, over captions between."""
    out: list[_Piece] = []
    waiting: list[_Piece] = []  # captions met while a cut paragraph is open
    text_kind = CAPTION_BLOCK if photo else PARAGRAPH
    listing = False  # inside a list introduced by `…分别为:`, its items ended by `;`
    for piece in pieces:
        open_piece = next((p for p in reversed(out) if p.kind == text_kind and not _numbered_caption(p, photo)), None)
        is_open = (
            open_piece is not None
            and out
            and (out[-1] is open_piece or waiting)
            and not ends_sentence(open_piece.text)
        )
        if piece.kind == text_kind:
            listing = is_open and _list_item_follows(open_piece.text, piece, listing=listing)
        # `一、…` opens a paragraph of its own, and so does an item of a list set in with the page's indent
        opens = listing or ENUMERATED.match(piece.text) is not None
        joins = not opens and not _numbered_caption(piece, photo) and (not photo or piece.unit is not None)
        if piece.kind == text_kind and is_open and joins:
            open_piece.text += piece.text
            continue
        if piece.kind == CAPTION_BLOCK and (not photo or _numbered_caption(piece, photo)) and is_open:
            waiting.append(piece)
            continue
        out.extend(waiting)
        waiting = []
        out.append(piece)
    out.extend(waiting)
    return out


# `图③:给养员杨楠(左二)…`, `图1:训练标兵集体合影留念。`: the caption of a numbered photo
_PHOTO_NUMBER = re.compile(f"^图(?:[\u2460-\u2473]|[0-9]{{1,2}}|[一二三四五六七八九十])[{''.join(COLONS)}]")


def _numbered_caption(piece: _Piece, photo: bool) -> bool:
    """In a photo story, whose text is kept as captions, a numbered photo's caption printed inside
    a cut paragraph stands apart from it."""
    return photo and piece.kind == CAPTION_BLOCK and _PHOTO_NUMBER.match(piece.text) is not None


def _list_item_follows(before: str, piece: _Piece, *, listing: bool) -> bool:
    """On a page that indents its paragraphs, a line set in after `…分别为:` opens the first item of
    a list, and one after an item's `;` the next; elsewhere `;` ends a clause cut by a column break."""
    if piece.unit is None or not piece.unit.opens_paragraph:
        return False
    end = before.rstrip()[-1:]
    return end in COLONS or (listing and end in SEMICOLONS)


def _drop_contained(pieces: list[_Piece], result: Repaired) -> list[_Piece]:
    """A second copy of the tail of a cut paragraph: contained in an earlier one."""
    kept: list[_Piece] = []
    for piece in pieces:
        key = squeeze(piece.text)
        if (
            piece.kind == PARAGRAPH
            and len(key) >= _MIN_CONTAINED
            and any(k.kind == PARAGRAPH and key in squeeze(k.text) for k in kept)
        ):
            result.duplicates_dropped += 1
            continue
        kept.append(piece)
    return kept


_MAX_SIGN_OFF = 30


def _sign_off(pieces: list[_Piece]) -> None:
    """Short lines closing the body (`中华人民共和国财政部` / `2002年4月17日` under `特此公告。`)
    sign it off: paragraphs, not subheads, since nothing follows them."""
    n = len(pieces)
    while (
        n > 0
        and pieces[n - 1].kind in (SUBHEAD, PARAGRAPH)
        and len(squeeze(pieces[n - 1].text)) <= _MAX_SIGN_OFF
        and not ends_sentence(pieces[n - 1].text)
    ):
        n -= 1
    if any(p.kind == SUBHEAD for p in pieces[n:]):
        for piece in pieces[n:]:
            piece.kind = PARAGRAPH


def _trailing_credit(pieces: list[_Piece], result: Repaired) -> None:
    """`……。(记者 张三 通讯员 李四)` closing a paragraph is a byline: the story's at the end of its
    last paragraph, each brief's in a column of briefs (`▲佳县总工会…节约资金500多元。 (刘生来)`,
    a round-up's `……。(记者 何勇)`); a credit glued without brackets only closes the last one."""
    last = next((n for n in range(len(pieces) - 1, -1, -1) if pieces[n].kind == PARAGRAPH), None)
    for n, piece in enumerate(pieces):
        if piece.kind != PARAGRAPH:
            continue
        text = strip(piece.text)
        if text and text[-1] in CLOSE_PAREN:
            start = max(text.rfind(c) for c in OPEN_PAREN)
            if start > 0:
                credit = text[start:]
                people = parse_credit(credit) or (pen_name_credit(credit) if n == last else None)
                if people and ends_sentence(text[:start]) and (n == last or signs_for_certain(credit, people)):
                    piece.text = strip(text[:start])
                    _credit(result, credit, people)
        elif text and n == last:
            glued = split_glued_credit(text) or split_glued_names(text)  # `……活动。本报记者丁肇文 孟环`, `…。徐林`
            if glued:
                piece.text, credit, people = glued
                _credit(result, credit, people)
        if n == last or text[-1:] in CLOSE_PAREN:
            source = split_source_tag(piece.text)  # `…。 据中新社`, each brief's `…。(法新社)`
            if source:
                piece.text = source[0]
                _credit(result, source[1], ())
