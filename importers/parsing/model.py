"""What the parser produces: frozen dataclasses, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from articles.vocabulary import CAPTION, PARAGRAPH, PHOTO, SUBHEAD


@dataclass(frozen=True)
class PersonCredit:
    name: str
    role: str  # articles.vocabulary.ROLES


@dataclass(frozen=True)
class Furniture:
    kind: str  # page_header, page_label, page_date, masthead, teaser, staff, slogan, publisher_credit, ad_label, continuation
    text: str
    line: int = 0
    people: tuple[PersonCredit, ...] = ()
    continued_to: str = ""


@dataclass(frozen=True)
class BodyBlock:
    kind: str  # articles.vocabulary: PARAGRAPH, SUBHEAD, CAPTION
    text: str


@dataclass(frozen=True)
class ParsedItem:
    kind: str  # articles.vocabulary.KINDS
    headline: str
    kicker: str = ""
    subheadline: str = ""
    series: str = ""
    dateline: str = ""
    bylines: tuple[str, ...] = ()
    people: tuple[PersonCredit, ...] = ()
    blocks: tuple[BodyBlock, ...] = ()
    continued_to: str = ""
    continued_from: str = ""
    duplicates_dropped: int = 0
    parent_headline: str = ""
    section: str = ""
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()  # 1-based source line numbers this item was built from
    # False when the page prints no title (photo news, a signed commentary): `headline` is then
    # a suggestion taken from the text, for the editor to confirm.
    headline_printed: bool = True

    @property
    def paragraphs(self) -> list[str]:
        """The body in reading order; photo news counts its caption as body."""
        keep = {PARAGRAPH, SUBHEAD} | ({CAPTION} if self.kind == PHOTO else set())
        return [b.text for b in self.blocks if b.kind in keep]

    @property
    def subheads(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == SUBHEAD]

    @property
    def captions(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == CAPTION]

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class PageInfo:
    label: str = ""  # as printed: `02版`, `A05`, `10`
    name: str = ""  # `综合·城区`, `政治`
    number: int | None = None
    staff: tuple[PersonCredit, ...] = ()
    masthead: str = ""  # the paper's name as its page head prints it: `北京日报`, `长沙晚报`


@dataclass(frozen=True)
class ParsedPage:
    source: str
    encoding: str
    sha256: str
    issue_date: date | None
    page: PageInfo
    items: tuple[ParsedItem, ...]
    furniture: tuple[Furniture, ...] = ()
    unassigned: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    issue_date_source: str = ""  # option, file_name, text, or "" when unknown
    line_count: int = 0
    duplicates_dropped: int = field(default=0)
