"""Search results as the results page prints them: plain values read in two queries.

The page needs a few values of each of its results. Loaded as model instances (article,
section, page, issue, bylines, people: several objects per result) and printed through the shared
list item, building them cost more than the search itself; read as ``values()`` into ``Result``
records and printed by ``includes/search_result.html`` (the list item's markup), they cost a
fraction of that. Each record holds what its article gives: address, page label, section link,
each person once (``tests/articles/test_search_results.py``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import search
from .body import parse_body
from .models import Article, Byline, Page, Section

_FIELDS = (
    "pk",
    "kicker",
    "headline",
    "subheadline",
    "body",
    "published_at",
    "created_at",
    "printed_on",
    "page__number",
    "page__label",
    "page__issue__printed_on",
    "section__name",
    "section__slug",
)


@dataclass
class Result:
    pk: int
    url: str
    kicker: str
    headline: str
    subheadline: str
    text: str  # the body's text, without its markup
    published_at: datetime.datetime | None
    section_name: str
    section_url: str
    page_label: str
    names: list[str]  # each person once, in byline order
    search_rank: float


def results(queryset, query: str, *, start: int = 0, stop: int = 20) -> list[Result]:
    """The articles ranked ``start`` to ``stop`` for ``query`` in ``queryset``, best first."""
    window = search.ranked(queryset, query)[start:stop]
    if not window:
        return []
    chosen = queryset.prefetch_related(None).filter(pk__in=[pk for pk, _ in window])
    rows = {row["pk"]: row for row in chosen.values(*_FIELDS)}
    names: dict[int, list[str]] = {pk: [] for pk in rows}
    for article_pk, name in Byline.of_articles(list(rows)).values_list("article_id", "person__name"):
        if name not in names[article_pk]:
            names[article_pk].append(name)
    section_urls: dict[str, str] = {}
    found = []
    for pk, rank in window:
        row = rows.get(pk)
        if row is None:  # gone since it was ranked
            continue
        slug = row["section__slug"]
        if slug and slug not in section_urls:
            section_urls[slug] = Section.address(slug)
        # Without a page, both printed dates are None (printed_on is the page's copy).
        day = Article.address_date(
            row["printed_on"] or row["page__issue__printed_on"], row["published_at"], row["created_at"]
        )
        found.append(
            Result(
                pk=pk,
                url=Article.address(pk, day),
                kicker=row["kicker"],
                headline=row["headline"],
                subheadline=row["subheadline"],
                text=" ".join(block.text for block in parse_body(row["body"])),
                published_at=row["published_at"],
                section_name=row["section__name"] or "",
                section_url=section_urls.get(slug, ""),
                page_label=Page.label_for(row["page__number"], row["page__label"] or ""),
                names=names[pk],
                search_rank=rank,
            )
        )
    return found
