"""The per-article text work of a load, done where the page is parsed: ``import_pages --jobs N``.

For each parsed item: the body as stored (``articles.body.render_body``), the sample of body
shingles the duplicate check compares, and the search document with its PostgreSQL vectors
(``articles.search`` makes both; their format is that module's business). In ``--jobs`` runs
this happens in the parsing worker processes, so the one writing process only writes. Nothing
here touches the database or needs ``django.setup()``.

A document is made for the item's text and names (its people and tags) as the parser gives
them; the writer uses it only when the stored fields and the names it resolved are those same
(``matches``), and makes a new one otherwise (a headline cut to the column's length, a byline
under another spelling of a person's name, say).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass

from articles import search
from articles.body import render_body

SHINGLE = 6
_NOT_TEXT = re.compile(r"[\W_]+")
UNTITLED = "(无标题)"


def shingles(text: str) -> frozenset[int]:
    """A sample of the body's 6-character shingles, comparable across punctuation and spacing."""
    text = _NOT_TEXT.sub("", unicodedata.normalize("NFKC", text or "").lower())
    data = memoryview(text.encode("utf-32-le"))  # four bytes a character: a shingle is a fixed-width slice
    width = SHINGLE * 4
    sample = set()
    for start in range(0, len(data) - width + 1, 4):
        value = zlib.crc32(data[start : start + width])
        if value % 4 == 0:
            sample.add(value)
    return frozenset(sample)


@dataclass(frozen=True)
class PreparedItem:
    kicker: str
    headline: str
    subheadline: str
    body: str
    shingles: frozenset[int]
    names: frozenset[str]
    document: tuple

    def matches(self, fields: dict, names) -> bool:
        """Whether the document was made from these stored fields and names."""
        return (
            self.names == frozenset(names)
            and fields["body"] == self.body
            and fields["headline"] == self.headline
            and fields["kicker"] == self.kicker
            and fields["subheadline"] == self.subheadline
        )


def prepare_item(item) -> PreparedItem:
    body = render_body(item.blocks)
    headline = item.headline.strip() or UNTITLED
    names = frozenset([credit.name.strip() for credit in item.people] + [tag.strip() for tag in item.tags])
    names -= {""}
    document = search.document(item.kicker, headline, item.subheadline, body, names)
    return PreparedItem(
        kicker=item.kicker,
        headline=headline,
        subheadline=item.subheadline,
        body=body,
        shingles=shingles(body),
        names=names,
        document=(*document, search.vectors(*document)),  # a row of search.write_documents() but its id
    )


def prepare(parsed) -> list[PreparedItem]:
    """One ``PreparedItem`` per item of a ``ParsedPage``, in order."""
    return [prepare_item(item) for item in parsed.items]
