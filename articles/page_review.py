"""A page dump line by line, each line said where it went: to which article, page furniture, a dropped
duplicate, or nowhere (unassigned). Plain Python over what the import stored; the desk's review page
shows it beside the articles.

What the import stores (``importers.loading``): each article's ``source_lines`` (1-based numbers of the
dump's lines it was made from), the dump's ``furniture`` (``{"kind", "text", "line"}``, line 0 when not
known) and ``unassigned`` (texts of lines the parser could place nowhere). A line in none of these whose
text is another line's that did go somewhere is a duplicate the parser dropped (pages print a paragraph
twice when a column is repeated).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FURNITURE_LABELS = {
    "page_header": "版名",
    "page_label": "版号",
    "page_date": "日期",
    "staff": "版面编辑",
    "publisher_credit": "制作单位",
    "ad_label": "广告标记",
    "continuation": "转版",
    "slogan": "标语",
    "masthead": "报头",
    "teaser": "导读",
}

ARTICLE, FURNITURE, DUPLICATE, UNASSIGNED, BLANK, OTHER = (
    "article",
    "furniture",
    "duplicate",
    "unassigned",
    "blank",
    "other",
)
KIND_LABELS = {
    ARTICLE: "稿件",
    FURNITURE: "版面元素",
    DUPLICATE: "删除的重复",
    UNASSIGNED: "未归属",
    BLANK: "",
    OTHER: "未采用",
}


@dataclass(frozen=True)
class SourceArticle:
    pk: int
    title: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    kind: str
    article: int | None = None
    note: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _key(text: str) -> str:
    return "".join(text.split())


def lines(
    text: str, *, articles: Iterable[SourceArticle], furniture: Iterable[dict], unassigned: Iterable[str]
) -> list[Line]:
    """Every line of ``text`` with where it went (first article wins where two claim a line)."""
    raw = text.splitlines()
    owner: dict[int, SourceArticle] = {}
    for article in articles:
        for number in article.lines:
            if isinstance(number, int):
                owner.setdefault(number, article)
    furniture_at: dict[int, str] = {}
    furniture_text: dict[str, str] = {}
    for item in furniture:
        label = FURNITURE_LABELS.get(item.get("kind", ""), item.get("kind", ""))
        if item.get("line"):
            furniture_at[item["line"]] = label
        elif item.get("text"):
            furniture_text.setdefault(_key(item["text"]), label)
    unassigned_keys = {_key(line) for line in unassigned if _key(line)}
    placed: dict[str, int] = {}
    for number, line in enumerate(raw, start=1):
        if number in owner or number in furniture_at:
            placed.setdefault(_key(line), number)

    result = []
    for number, line in enumerate(raw, start=1):
        key = _key(line)
        if number in owner:
            result.append(Line(number, line, ARTICLE, owner[number].pk, owner[number].title))
        elif number in furniture_at:
            result.append(Line(number, line, FURNITURE, note=furniture_at[number]))
        elif not key:
            result.append(Line(number, line, BLANK))
        elif key in furniture_text:
            result.append(Line(number, line, FURNITURE, note=furniture_text[key]))
        elif key in unassigned_keys:
            result.append(Line(number, line, UNASSIGNED))
        elif key in placed:
            result.append(Line(number, line, DUPLICATE, note=f"与第{placed[key]}行相同"))
        else:
            result.append(Line(number, line, OTHER))
    return result


def summary(rows: Iterable[Line]) -> dict[str, int]:
    """How many lines of each kind (blank lines not counted)."""
    counts: dict[str, int] = {}
    for row in rows:
        if row.kind != BLANK:
            counts[row.kind] = counts.get(row.kind, 0) + 1
    return counts
