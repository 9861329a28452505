"""Which stored page a dump is, and which stored article each of its items is.

A page is its issue date and page number, or its page name when it prints no number; a dump
that gives neither is the stored page of its issue that holds most of its headlines, and
last the page first imported under the same file name. So a corrected page sent under
another file name finds the page stored before, and its articles: by normalized headline
first, then by how alike headline and body are (RapidFuzz), so a corrected headline or a
changed paragraph is an update of the article, not a new one.
"""

from __future__ import annotations

import datetime
import functools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from articles.models import Article, Page

from .parsing.pagehead import number_of

# How alike (0-100) two printings of one article are at least: the body, or the headline with some of the body.
SAME_BODY = 80
SAME_HEADLINE = 80
SOME_BODY = 50
_COMPARED = 2000  # characters of a body compared: enough to tell two articles apart, cheap on long ones


@functools.lru_cache(maxsize=16384)  # a load asks for each headline several times (keys, matches, sidebars)
def normalize_headline(text: str) -> str:
    """What two printings of one headline share: no spaces, no punctuation, NFKC."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch)[0] in "PSZ")).lower()


def normalize_body(text: str) -> str:
    return normalize_headline((text or "")[: _COMPARED * 2])[:_COMPARED]


def printed_number(parsed) -> int | None:
    """The page's number from its head or its file name (the parser's), else from its printed label."""
    return parsed.page.number or (number_of(parsed.page.label) if parsed.page.label else None)


@dataclass(frozen=True)
class PageKey:
    """What makes two dumps one page within an import: ``(date, "number", 2)``, ``(date, "name", "要闻")``..."""

    issue_date: datetime.date | None
    kind: str
    value: object


def page_key(parsed, file_name: str) -> PageKey:
    number = printed_number(parsed)
    if number is not None:
        return PageKey(parsed.issue_date, "number", number)
    if parsed.page.name:
        return PageKey(parsed.issue_date, "name", parsed.page.name)
    return PageKey(parsed.issue_date, "file", file_name)


def find_pages(dumps: Sequence[tuple[object, str]]) -> list[Page | None]:
    """The stored page of each ``(parsed, file_name)`` (None: a new page), from two queries at most."""
    dates = {parsed.issue_date for parsed, _ in dumps if parsed.issue_date}
    if not dates:
        return [None] * len(dumps)
    by_date: dict[datetime.date, list[Page]] = defaultdict(list)
    for page in Page.objects.filter(issue__printed_on__in=dates).select_related("issue").order_by("pk"):
        by_date[page.issue.printed_on].append(page)
    unnamed = {parsed.issue_date for parsed, _ in dumps if parsed.issue_date in by_date and not printed_number(parsed)}
    headlines: dict[int, Counter] = defaultdict(Counter)
    if unnamed:
        for page_id, headline in Article.objects.filter(page__issue__printed_on__in=unnamed).values_list(
            "page_id", "headline"
        ):
            headlines[page_id][normalize_headline(headline)] += 1
    return [
        _find_page(parsed, file_name, by_date.get(parsed.issue_date, []), headlines) for parsed, file_name in dumps
    ]


def _find_page(parsed, file_name: str, pages: list[Page], headlines: dict[int, Counter]) -> Page | None:
    if parsed.issue_date is None or not pages:
        return None
    number = printed_number(parsed)
    if number is not None:
        found = [p for p in pages if p.number == number]
        if found:
            return found[0]
    name = parsed.page.name
    named = [p for p in pages if name and p.name == name and (number is None or p.number is None)]
    if len(named) == 1:
        return named[0]
    if number is None:
        # The second half of a jumped article (上接01版) repeats its first half's headline on another page.
        mine = Counter(
            normalize_headline(item.headline)
            for item in parsed.items
            if item.headline.strip() and not item.continued_from
        )
        shared = {p.pk: sum((headlines.get(p.pk, Counter()) & mine).values()) for p in named or pages}
        best = max(shared, key=shared.get, default=None)
        if best is not None and shared[best] and 2 * shared[best] >= min(len(mine), sum(headlines[best].values())):
            return next(p for p in pages if p.pk == best)
    same_file = file_name[: _source_length()]
    return next((p for p in pages if p.source_name == same_file and (number is None or p.number is None)), None)


@functools.cache
def _source_length() -> int:
    return Page._meta.get_field("source_name").max_length


def match_articles(
    items: Sequence[tuple[str, str]], stored: Sequence[Article], *, keys: Sequence[set[str]] = ()
) -> list[Article | None]:
    """The stored article each ``(headline, body)`` is (None: new), each stored article matched once.

    The article's import key first (``keys``: the keys each item may have been stored under, which
    finds an article whose headline an editor changed); then the same normalized headline, in print
    order; then the most alike of the rest, if alike enough.
    """
    matched: list[Article | None] = [None] * len(items)
    free = list(stored)
    by_key = {a.import_key: a for a in free if a.import_key}
    for i, item_keys in enumerate(keys):
        found = next((by_key[k] for k in sorted(item_keys) if k in by_key and by_key[k] in free), None)
        if found is not None:
            matched[i] = found
            free.remove(found)
    for i, (headline, _) in enumerate(items):
        if matched[i] is not None:
            continue
        key = normalize_headline(headline)
        found = next((a for a in free if key and normalize_headline(a.headline) == key), None)
        if found is not None:
            matched[i] = found
            free.remove(found)
    rest = [i for i, found in enumerate(matched) if found is None]
    if not rest or not free:
        return matched
    scored = []
    for i in rest:
        headline, body = items[i]
        for article in free:
            score = similarity(headline, body, article.headline, article.body)
            if score is not None:
                scored.append((score, i, article.pk))
    taken: set[int] = set()
    by_pk = {a.pk: a for a in free}
    for _, i, pk in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if matched[i] is None and pk not in taken:
            matched[i] = by_pk[pk]
            taken.add(pk)
    return matched


def similarity(headline: str, body: str, other_headline: str, other_body: str) -> float | None:
    """How alike two printings are (0-100) when they are likely one article, else None."""
    heads = fuzz.ratio(normalize_headline(headline), normalize_headline(other_headline))
    mine, theirs = normalize_body(body), normalize_body(other_body)
    if not mine and not theirs:
        return heads if heads >= SAME_HEADLINE else None
    bodies = fuzz.ratio(mine, theirs)
    if bodies >= SAME_BODY or (heads >= SAME_HEADLINE and bodies >= SOME_BODY):
        return max(bodies, heads)
    return None
