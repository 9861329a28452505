"""ranked() against its definition, on both databases, over an archive of a few hundred articles.

The definition: of the articles of the queryset that the query matches, the ``SEARCH_WINDOW``
newest (publication time, never-published last, then id, both descending), ordered by the
backend's rank (``ts_rank`` of the document on PostgreSQL, ``bm25`` on SQLite), equal ranks newest
first. Worked out here with one plain statement per query; the search must give the same ids in
the same order with the same ranks, however it reads the index (by days, all at once, the
filtered articles first), so that a faster plan changes no result.
"""

import datetime
import random

import pytest
from django.db import connection
from django.db.models import F
from django.utils import timezone

from articles import search
from articles.filters import ArticleFilter
from articles.models import Article, Role
from articles.search.postgres import DOCUMENTS, PostgresBackend
from tests import factories
from tests.articles.public_data import story

pytestmark = pytest.mark.django_db

WORDS = ["社区", "商会", "调解", "民营经济", "营商环境", "基层治理", "乡村振兴", "合唱团", "专项债", "荷塘区"]
FILLER = ["今天", "记者", "获悉", "会议", "召开", "表示", "工作", "推进", "群众", "服务"]
QUERIES = [
    "社区",
    "商会",
    "民营经济",
    "营商",
    "商环",
    "基层治理",
    "合唱",
    "荷塘区",
    "社区商会",
    "鲲鹏",
    "杨凌凌",
    "科技",
]


def expression(query):
    terms, grams = search.query_terms(query), search.query_grams(query)
    return search._backend().expression(terms, [] if grams == terms else grams)


def reference(queryset, query):
    """``(id, rank)`` as the definition has them: one statement for the window, one for the ranks."""
    if not search.query_terms(query):
        return []
    newest = list(
        queryset.filter(pk__in=search.matching(query))
        .order_by(F("published_at").desc(nulls_last=True), F("pk").desc())
        .values_list("pk", flat=True)[: search.SEARCH_WINDOW]
    )
    if not newest:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT article_id, ts_rank(document, to_tsquery('simple', %s)) FROM {DOCUMENTS} "
                "WHERE article_id = ANY(%s)",
                [expression(query), newest],
            )
        else:
            cursor.execute(
                f"SELECT rowid, -bm25({search.TABLE}, 3.0, 1.0, 0.2) FROM {search.TABLE} "
                f"WHERE {search.TABLE} MATCH %s AND rowid IN ({', '.join(['%s'] * len(newest))})",
                [expression(query), *newest],
            )
        ranks = dict(cursor.fetchall())
    return sorted(((pk, ranks[pk]) for pk in newest), key=lambda row: -row[1])


@pytest.fixture
def archive():
    """~300 articles over eight years, denser lately; words common and rare; a few never published."""
    rng = random.Random(22)
    now = timezone.now()
    sections = [factories.SectionFactory(), factories.SectionFactory()]
    people = [factories.PersonFactory(name=name) for name in ("杨凌凌", "成姣兰", "王海艳")]
    for n in range(300):
        age = rng.random() ** 3 * 8 * 365  # days
        words = [w for i, w in enumerate(WORDS) if rng.random() < 0.6 / (i + 1)]
        text = "".join(rng.choice(FILLER) for _ in range(rng.randint(3, 12)))
        body = "。".join(text[i:] + w for i, w in enumerate(words)) + "。" + text
        roll = rng.random()
        status = Article.Status.PUBLISHED if roll < 0.9 else Article.Status.DRAFT
        fields = {"published_at": now - datetime.timedelta(days=age)} if status == Article.Status.PUBLISHED else {}
        if roll > 0.97:
            fields = {"published_at": now + datetime.timedelta(days=2)}  # scheduled
        story(
            headline=(rng.choice(WORDS) if rng.random() < 0.3 else "") + rng.choice(FILLER) + f"消息{n}",
            body=body,
            status=status,
            section=rng.choice(sections),
            kind=rng.choice([Article.Kind.NEWS] * 4 + [Article.Kind.COMMENTARY]),
            people=[(rng.choice(people), Role.REPORTER)] if rng.random() < 0.5 else [],
            tags=["科技"] if rng.random() < 0.1 else [],
            **fields,
        )
    return sections, people


WINDOWS = [5, 40, 500]


@pytest.fixture(autouse=True, params=["as deployed", "by days", "by days, few at once"])
def plan(request, monkeypatch):
    """PostgreSQL reads the index as deployed (here the first days say the rest is few: all at
    once), or by days (at most 60 or 12 matches at once, days of 100 or 10 rows: the filtered
    articles lead sooner)."""
    if request.param != "as deployed":
        monkeypatch.setattr(PostgresBackend, "FIRST_DAYS", 2)
        monkeypatch.setattr(PostgresBackend, "BATCH", 60 if request.param == "by days" else 12)
        monkeypatch.setattr(PostgresBackend, "RANGE_ROWS", 100 if request.param == "by days" else 10)
    return request.param


def test_ranked_is_the_newest_window_by_rank(archive, monkeypatch):
    for window in WINDOWS:
        monkeypatch.setattr(search, "SEARCH_WINDOW", window)
        for query in QUERIES:
            for queryset in (Article.objects.published(), Article.objects.all()):
                assert search.ranked(queryset, query) == reference(queryset, query), (window, query)


def test_ranked_with_the_readers_filters(archive, monkeypatch):
    sections, people = archive
    filters = [
        {"section": sections[0].slug},
        {"kind": "commentary"},
        {"person": people[0].slug},
        {"person": "杨凌凌", "role": "reporter"},
        {"date_from": (timezone.localdate() - datetime.timedelta(days=400)).isoformat()},
        {"date_to": (timezone.localdate() - datetime.timedelta(days=900)).isoformat(), "kind": "commentary"},
    ]
    for window in WINDOWS:
        monkeypatch.setattr(search, "SEARCH_WINDOW", window)
        for query in ["社区", "营商", "民营经济", "杨凌凌"]:
            for data in filters:
                queryset = ArticleFilter(data, queryset=Article.objects.published()).qs
                assert search.ranked(queryset, query) == reference(queryset, query), (window, query, data)


def test_the_results_page_prints_the_window_page_by_page(archive, client, monkeypatch):
    monkeypatch.setattr(search, "SEARCH_WINDOW", 100)
    expected = [pk for pk, _ in reference(Article.objects.published(), "社区")]
    assert len(expected) == 100
    shown = []
    for page in range(1, 6):
        response = client.get("/search/", {"q": "社区", "page": page})
        shown += [r.pk for r in response.context["results"]]
        assert (response.context["next_url"] is not None) == (page < 5)
        assert "<mark>社区</mark>" in response.content.decode()
    assert shown == expected


def test_the_matcher_finds_what_the_expression_finds(archive):
    """Matching reads a shorter expression where it can (基层治理: 基层 & 治理); the articles are the same."""
    backend = search._backend()
    shortened = 0
    for query in [*QUERIES, "营商环境", "社区商会调解", "商会 调解"]:
        terms, grams = search.query_terms(query), search.query_grams(query)
        grams = [] if grams == terms else grams
        found = []
        for match in (
            backend.expression(terms, grams),
            backend.matcher(terms, grams) or backend.expression(terms, grams),
        ):
            with connection.cursor() as cursor:
                cursor.execute(backend.matches, [match])
                found.append(sorted(row[0] for row in cursor.fetchall()))
        assert found[0] == found[1], query
        shortened += backend.matcher(terms, grams) is not None
    assert shortened >= (3 if connection.vendor == "postgresql" else 0)
