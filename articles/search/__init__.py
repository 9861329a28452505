"""Chinese full-text search of articles: one public interface over one index table.

- ``text``: what the index holds of an article and what a query asks for (rjieba tokens and
  character bigrams); ``highlight``: marking the terms in results. Pure Python.
- ``sqlite`` and ``postgres``: one module per database behind the same calls (``base`` says
  which), as the migrations 0006-0025 created the ``articles_search`` tables for each.
- Here: indexing (``index_articles``, ``remove_from_index``, ``rebuild_index`` and the import's
  ``write_documents``/``add_documents``) and searching (``ranked``, ``search``, ``matching``).

Only the ``SEARCH_WINDOW`` most recent matches are ranked, so no query ranks every article that
mentions 株洲; a bigram-only match ranks by the words it has (often none), below word matches.

The index does not follow saves by itself (no signals): whoever writes article text
calls ``index_articles(ids)`` afterwards, and ``remove_from_index(ids)`` after deleting.
Status and publication time are read from the article table at query time, so publishing,
withdrawing or rescheduling needs no reindexing.
"""

import datetime
from collections.abc import Iterable

from django.db import connection
from django.db.models.expressions import RawSQL

from .base import TABLE
from .highlight import excerpt, highlight, highlight_terms
from .postgres import PostgresBackend, vectors
from .sqlite import SQLiteBackend
from .text import (
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    MIN_QUERY_LENGTH,
    bigrams,
    capped_query,
    document,
    query_grams,
    query_terms,
    tokenize,
)

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TERMS",
    "MIN_QUERY_LENGTH",
    "capped_query",
    "SEARCH_WINDOW",
    "TABLE",
    "add_documents",
    "article_names",
    "articles_named",
    "bigrams",
    "document",
    "excerpt",
    "highlight",
    "highlight_terms",
    "index_articles",
    "matching",
    "query_grams",
    "query_terms",
    "ranked",
    "rebuild_index",
    "remove_from_index",
    "search",
    "tokenize",
    "vectors",
    "write_documents",
]

SEARCH_WINDOW = 500
_CHUNK = 500


def write_documents(documents: list[tuple]) -> None:
    """Store ``(article_id, title_tokens, body_tokens, bigrams)`` documents, replacing any for those ids.

    A fifth item, the document's ``vectors()`` made beforehand, spares PostgreSQL building them.
    """
    _backend().write(documents)


def add_documents(documents: list[tuple], published_at: dict[int, datetime.datetime | None]) -> None:
    """Store the documents of articles that have none yet (created in this transaction), one each,
    as ``write_documents()`` would; ``published_at`` gives each article's publication time.

    The batch import's path: on PostgreSQL, documents whose vectors come made go straight into the
    index table, without the staging table and the conflict check that a replacement needs.
    """
    _backend().add(documents, published_at)


def index_articles(ids: Iterable[int]) -> int:
    """(Re)index these articles, whatever their status, with the names of their people and tags;
    ids that no longer exist are removed."""
    from ..models import Article

    ids = sorted(set(ids))
    written = 0
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = Article.objects.filter(pk__in=chunk).values("id", "kicker", "headline", "subheadline", "body")
        names = article_names(chunk)
        documents = [
            (row["id"], *document(row["kicker"], row["headline"], row["subheadline"], row["body"], names[row["id"]]))
            for row in rows
        ]
        found = {doc[0] for doc in documents}
        write_documents(documents)
        remove_from_index([pk for pk in chunk if pk not in found])
        written += len(documents)
    return written


def article_names(ids: list[int]) -> dict[int, list[str]]:
    """The names the index holds for each of these articles: its people in byline order, then its tags."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import TaggedItem

    from ..models import Article, Byline

    names: dict[int, list[str]] = {pk: [] for pk in ids}
    for pk, name in Byline.of_articles(ids).values_list("article_id", "person__name"):
        names[pk].append(name)
    tagged = TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(Article), object_id__in=ids)
    for pk, name in tagged.order_by("object_id", "tag__name").values_list("object_id", "tag__name"):
        names[pk].append(name)
    return names


def articles_named(*, people: Iterable[int] = (), tags: Iterable[int] = ()) -> list[int]:
    """The articles whose index holds the name of one of these people or tags (to re-index after a
    rename or a merge)."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import TaggedItem

    from ..models import Article, Byline

    ids = set(Byline.objects.filter(person_id__in=list(people)).values_list("article_id", flat=True))
    ids.update(
        TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Article), tag_id__in=list(tags)
        ).values_list("object_id", flat=True)
    )
    return sorted(ids)


def remove_from_index(ids: Iterable[int]) -> None:
    ids = sorted(set(ids))
    for start in range(0, len(ids), _CHUNK):
        _backend().delete(ids[start : start + _CHUNK])


def rebuild_index(batch_size: int = 2000) -> int:
    """Index every article from scratch (after a bulk load that skipped index_articles)."""
    from ..models import Article

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
    count = 0
    last = 0
    while True:
        ids = list(Article.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not ids:
            return count
        count += index_articles(ids)
        last = ids[-1]


def ranked(queryset, query: str) -> list[tuple[int, float]]:
    """``(id, rank)`` of the matches of ``query`` in ``queryset`` (filters applied), best first.

    The ``SEARCH_WINDOW`` most recent matches are ranked; equal ranks keep the newer first.
    """
    terms = query_terms(query)
    if not terms:
        return []
    grams = query_grams(query)
    grams = [] if grams == terms else grams
    backend = _backend()
    expression = backend.expression(terms, grams)
    return backend.ranked(queryset, expression, SEARCH_WINDOW, match=backend.matcher(terms, grams))


def matching(query: str) -> RawSQL | None:
    """The ids of the articles ``query`` matches (whatever their status), as a subquery; None when
    the query is too short to search. For counting (the benchmark), not for ranking."""
    terms = query_terms(query)
    if not terms:
        return None
    grams = query_grams(query)
    backend = _backend()
    grams = [] if grams == terms else grams
    return RawSQL(backend.matches, [backend.matcher(terms, grams) or backend.expression(terms, grams)])


def search(queryset, query: str, *, start: int = 0, stop: int = 20) -> list:
    """The articles ranked ``start`` to ``stop`` for ``query``, each with ``search_rank`` set.

    ``queryset`` decides what may be found and how rows are loaded (``with_related()``).
    """
    window = ranked(queryset, query)[start:stop]
    if not window:
        return []
    articles = queryset.in_bulk([pk for pk, _ in window])
    results = []
    for pk, rank in window:
        if pk in articles:
            articles[pk].search_rank = rank
            results.append(articles[pk])
    return results


_BACKENDS = {"sqlite": SQLiteBackend(), "postgresql": PostgresBackend()}


def _backend():
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"search is not available on {connection.vendor}") from None
