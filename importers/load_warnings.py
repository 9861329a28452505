"""The warnings an import leaves for editors that need the stored articles.

- *Possible duplicate*: an article with the same normalized headline, or most of the same body
  (shared shingles, ``importers.prepared.shingles``), as one stored from another page and file
  within a few days in print or stored recently. Ads, PSAs and notices repeat by design and are
  never compared.
- *Possible misspelled name*: a byline one edit apart (``articles.people.one_edit_apart``) from a
  known person who shares a co-byline with it (成炫兰 next to 王海艳, where 成姣兰 and 王海艳 have
  signed together).

Both are computed for a whole ``load_pages`` call at once, file after file as if they had
been loaded one by one: a file is compared with the files before it, never after.
"""

from __future__ import annotations

import bisect
import datetime
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import chain

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from articles import people as people_module
from articles.models import Article, Byline

from .identity import normalize_headline
from .prepared import shingles

REPEATING_KINDS = frozenset(Article.NOT_EDITORIAL)
DUPLICATE_WINDOW = datetime.timedelta(days=3)
DUPLICATE_CANDIDATE_LIMIT = 3000
_MIN_SHINGLES = 8
_DUPLICATE_OVERLAP = 0.7


class ShingleIndex:
    """Headlines and body shingles of stored articles, indexed once and reused by the files of a run.

    An entry is keyed by the article's ``updated_at``, so an article changed since is read again.
    """

    def __init__(self, limit: int = DUPLICATE_CANDIDATE_LIMIT + 1000):
        self.limit = limit
        self.entries: dict[int, tuple] = {}  # pk -> (updated_at, normalized headline, shingles, headline)
        # shingle -> pks; lists, not sets: most shingles belong to one article, and a list is a quarter the size
        self.postings: dict[int, list[int]] = {}
        self.headlines: dict[str, set[int]] = defaultdict(set)

    def refresh(self, stamps: dict[int, datetime.datetime]) -> None:
        stale = [pk for pk, stamp in stamps.items() if self.entries.get(pk, (None,))[0] != stamp]
        for start in range(0, len(stale), 1000):
            rows = Article.objects.filter(pk__in=stale[start : start + 1000]).values_list(
                "pk", "updated_at", "headline", "body"
            )
            for pk, stamp, headline, body in rows:
                self.add(pk, stamp, headline, body)
        if len(self.entries) > self.limit:
            for pk in [pk for pk in self.entries if pk not in stamps][: len(self.entries) - self.limit]:
                self.remove(pk)

    def add(self, pk: int, stamp, headline: str, body: str, *, sample: frozenset[int] | None = None) -> None:
        """Index an article; ``sample`` is ``shingles(body)`` when already made."""
        self.remove(pk)
        normalized = normalize_headline(headline)
        sample = shingles(body) if sample is None else sample
        self.entries[pk] = (stamp, normalized, sample, headline)
        if len(normalized) >= 4:
            self.headlines[normalized].add(pk)
        postings = self.postings
        for value in sample:
            found = postings.get(value)
            if found is None:
                postings[value] = [pk]
            else:
                found.append(pk)

    def remove(self, pk: int) -> None:
        entry = self.entries.pop(pk, None)
        if entry is None:
            return
        _, normalized, sample, _ = entry
        # Empty postings are dropped, or a run of 100,000 articles would keep millions of them.
        found = self.headlines.get(normalized)
        if found is not None:
            found.discard(pk)
            if not found:
                del self.headlines[normalized]
        postings = self.postings
        for value in sample:
            found = postings.get(value)
            if found is None:
                continue
            if len(found) == 1:
                if found[0] == pk:
                    del postings[value]
            elif pk in found:
                found.remove(pk)


def duplicate_matches(index: ShingleIndex, headline: str, body: str, *, allowed, sample=None) -> set[int]:
    """Stored articles (among ``allowed``) with the same headline or most of the same body.

    ``sample`` is ``shingles(body)`` when already made.
    """
    matches = {pk for pk in index.headlines.get(normalize_headline(headline), ()) if pk in allowed}
    sample = shingles(body) if sample is None else sample
    if len(sample) < _MIN_SHINGLES:
        return matches
    postings = index.postings
    overlap = Counter(chain.from_iterable(postings[value] for value in sample if value in postings))
    # Most of at least _MIN_SHINGLES shingles: fewer shared than this can never match.
    least = _MIN_SHINGLES * _DUPLICATE_OVERLAP
    for pk, shared in overlap.items():
        if shared >= least and pk in allowed and pk not in matches:
            smaller = min(len(sample), len(index.entries[pk][2]))
            if smaller >= _MIN_SHINGLES and shared / smaller >= _DUPLICATE_OVERLAP:
                matches.add(pk)
    return matches


def duplicate_warning(index: ShingleIndex, pk: int) -> str:
    return f"可能与已入库的稿件重复:《{index.entries[pk][3]}》(编号 {pk})"


class Candidates:
    """Which stored articles a file's articles are compared with: the newest ``DUPLICATE_CANDIDATE_LIMIT``
    stored before the file's first new article, from other pages and files, that were stored recently,
    printed within days of the file, or share a headline.

    ``rows`` are ``(pk, updated_at, page_id, source file name, printed_on, created_at)``, newest first.
    """

    def __init__(self, rows: list[tuple], index: ShingleIndex, *, since):
        self.rows, self.index, self.since = rows, index, since
        self.descending = [-row[0] for row in rows]  # ascending, for bisect
        self.pks = [row[0] for row in rows]
        self.all_recent = all(row[5] >= since for row in rows)
        self.by_page: dict[int, list[int]] = defaultdict(list)
        self.by_source: dict[str, list[int]] = defaultdict(list)
        for position, (_, _, page_id, source_name, _, _) in enumerate(rows):
            self.by_page[page_id].append(position)
            self.by_source[source_name].append(position)

    def allowed(self, *, file_name: str, issue_date, page_pk, first_new: int | None, headlines: set[str]) -> set[int]:
        # rows[start:] were stored before the file's first new article (all of them when it has none)
        start = 0 if first_new is None else bisect.bisect_right(self.descending, -first_new)
        excluded = [p for p in (*self.by_page.get(page_pk, ()), *self.by_source.get(file_name, ())) if p >= start]
        if self.all_recent and not excluded:
            # A bulk import: every row qualifies, the window is the next rows in order.
            return set(self.pks[start : start + DUPLICATE_CANDIDATE_LIMIT])
        low = high = None
        if issue_date is not None:
            low, high = issue_date - DUPLICATE_WINDOW, issue_date + DUPLICATE_WINDOW
        allowed = set()
        for pk, _, page_id, source_name, printed_on, created_at in self.rows[start:]:
            if (page_pk is not None and page_id == page_pk) or source_name == file_name:
                continue
            entry = self.index.entries.get(pk)
            if (
                created_at >= self.since
                or (low and printed_on and low <= printed_on <= high)
                or (entry is not None and entry[3] in headlines)
            ):
                allowed.add(pk)
                if len(allowed) >= DUPLICATE_CANDIDATE_LIMIT:
                    break
        return allowed


def candidates(index: ShingleIndex, *, dates, headlines, exclude: set[int]) -> Candidates:
    """The stored articles files of these dates and headlines may duplicate, read and indexed."""
    nearby = Q(created_at__gte=timezone.now() - DUPLICATE_WINDOW)
    dates = [d for d in dates if d is not None]
    if dates:
        nearby |= Q(page__issue__printed_on__range=(min(dates) - DUPLICATE_WINDOW, max(dates) + DUPLICATE_WINDOW))
    rows = list(
        Article.objects.filter(Q(headline__in=list(headlines)) | nearby)
        .exclude(kind__in=REPEATING_KINDS)
        .order_by("-pk")
        .values_list("pk", "updated_at", "page_id", "source__file_name", "page__issue__printed_on", "created_at")[
            : DUPLICATE_CANDIDATE_LIMIT + len(exclude)
        ]
    )
    index.refresh({pk: stamp for pk, stamp, *_ in rows if pk not in exclude})
    return Candidates(rows, index, since=timezone.now() - DUPLICATE_WINDOW)


def duplicate_check(files, index: ShingleIndex, samples: dict[int, frozenset]) -> Callable[[], dict[int, list[str]]]:
    """Possible duplicates of the written articles: the stored candidates are read here, and the
    comparison is returned to be run with no database, as ``{article pk: [warning]}``.

    ``files`` are ``(file_name, issue_date, page_pk, written articles, pks created)`` in load order.
    """
    written = [a for *_, articles, _ in files for a in articles]
    found = candidates(
        index,
        dates=[issue_date for _, issue_date, *_ in files],
        headlines={a.headline for a in written},
        exclude={a.pk for a in written},
    )

    def compare() -> dict[int, list[str]]:
        warnings: dict[int, list[str]] = defaultdict(list)
        for file_name, issue_date, page_pk, articles, created in files:
            articles = [a for a in articles if a.kind not in REPEATING_KINDS]
            if not articles:
                continue
            allowed = found.allowed(
                file_name=file_name,
                issue_date=issue_date,
                page_pk=page_pk,
                first_new=min(created, default=None),
                headlines={a.headline for a in articles},
            )
            allowed -= {a.pk for a in articles}
            for article in articles:
                sample = samples.get(article.pk)
                for pk in sorted(
                    duplicate_matches(index, article.headline, article.body, allowed=allowed, sample=sample)
                )[:3]:
                    warnings[article.pk].append(duplicate_warning(index, pk))
                # Later files compare against this one without reading it back.
                index.add(article.pk, article.updated_at, article.headline, article.body, sample=sample)
        return warnings

    return compare


def variant_warnings(articles: list[Article], *, visible=None):
    """``(article pk, warning)`` for each byline one edit apart from a known person who shares a co-byline.

    e.g. 成炫兰 (correspondent 王海艳) next to the known 成姣兰 (correspondent 王海艳).
    ``visible(article_pk, variant_pk, other_article_pk)`` hides what the article's file could not
    have seen yet (a later file of the same load).
    """
    article_people: dict[int, dict[int, str]] = defaultdict(dict)
    for article_pk, person_pk, name in Byline.objects.filter(article__in=articles).values_list(
        "article_id", "person_id", "person__name"
    ):
        article_people[article_pk][person_pk] = name
    variants_of = people_module.spelling_variants(
        name for people in article_people.values() for name in people.values()
    )
    variant_pks = {pk for found in variants_of.values() for pk, _ in found}
    if not variant_pks:
        return
    # (variant, co-bylined person) -> the articles they share: each of ``articles``, and one
    # stand-in (None) for any number of others. Only the pairs the articles ask about are looked up,
    # each until a first shared article: what is read grows with the archive only for a pair that
    # never shared one.
    co_bylines: dict[int, dict[int, list[int | None]]] = defaultdict(lambda: defaultdict(list))
    asked = set()
    for people in article_people.values():
        for person_pk, name in people.items():
            for variant_pk, _ in variants_of.get(name, []):
                if variant_pk not in people:
                    asked.update((variant_pk, co_pk) for co_pk in people if co_pk != person_pk)
    for article_pk, people in article_people.items():
        for variant_pk in variant_pks.intersection(people):
            for co_pk in people:
                if (variant_pk, co_pk) in asked:
                    co_bylines[variant_pk][co_pk].append(article_pk)
    for variant_pk, co_pk in _bylined_together_elsewhere(sorted(asked), list(article_people)):
        co_bylines[variant_pk][co_pk].append(None)
    visible = visible or (lambda article_pk, variant_pk, other_pk: True)
    for article_pk, people in article_people.items():
        for person_pk, name in people.items():
            others = {pk: n for pk, n in people.items() if pk != person_pk}
            for variant_pk, variant_name in variants_of.get(name, []):
                if variant_pk in people:
                    continue
                shared = [
                    others[co]
                    for co, seen_on in co_bylines[variant_pk].items()
                    if co in others and any(s != article_pk and visible(article_pk, variant_pk, s) for s in seen_on)
                ]
                if shared:
                    yield (
                        article_pk,
                        f"署名“{name}”可能是已知人员“{variant_name}”的误写(两人都与{'、'.join(sorted(shared))}共同署名),"
                        "请核对;确认后可在人员中合并。",
                    )


def _bylined_together_elsewhere(pairs: list[tuple[int, int]], articles: list[int], chunk: int = 500):
    """The ``(person, other person)`` pairs bylined together on an article not among ``articles``."""
    table = connection.ops.quote_name(Byline._meta.db_table)
    excluded = articles or [0]
    for start in range(0, len(pairs), chunk):
        part = pairs[start : start + chunk]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT p.column1, p.column2 FROM (VALUES {', '.join(['(%s, %s)'] * len(part))}) AS p "
                f"WHERE EXISTS (SELECT 1 FROM {table} AS a JOIN {table} AS b ON b.article_id = a.article_id "
                "WHERE a.person_id = p.column1 AND b.person_id = p.column2 "
                f"AND a.article_id NOT IN ({', '.join(['%s'] * len(excluded))}))",
                [*chain.from_iterable(part), *excluded],
            )
            yield from cursor.fetchall()
