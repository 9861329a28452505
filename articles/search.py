"""Chinese full-text search: rjieba segments in the application, the database indexes the tokens.

The index lives in one table, ``articles_search``, created by migrations 0006-0007 for the
database in use, and is read and written only through this module:

- SQLite: an FTS5 table ``(title, body, grams)`` whose rowid is the article id; the
  columns hold space-joined tokens, ranked with ``bm25()`` (title weighs most, grams least).
- PostgreSQL: ``(article_id, document tsvector)`` with a GIN index; the document is
  ``to_tsvector('simple', ...)`` over the same tokens, title weight A, body weight B,
  bigrams weight D, ranked with ``ts_rank()``.

Text is segmented in search mode (``株洲市`` also yields ``株洲``) and a query in
precise mode; an article matches when it holds every query token, or every pair of
neighbouring characters of the query (the index also keeps each article's character
bigrams, so a query that segments differently from the text is still found). Only the
``SEARCH_WINDOW`` most recent matches are ranked: the database walks articles newest
first and stops after that many matches of a common term, or uses the GIN index
for a rare one, so no query ranks every article that mentions 株洲.

The index does not follow saves by itself (no signals): whoever writes article text
calls ``index_articles(ids)`` afterwards, and ``remove_from_index(ids)`` after deleting.
Status and publication time are not indexed: queries join the article table, so
publishing, withdrawing or rescheduling needs no reindexing.
"""

import re
from collections.abc import Iterable

import rjieba
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .body import parse_body

TABLE = "articles_search"
MIN_QUERY_LENGTH = 2
SEARCH_WINDOW = 500
_CHUNK = 500
_TOKEN = re.compile(r"\w+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def tokenize(text: str) -> list[str]:
    """Index tokens: words and the shorter words inside them, lower-cased, punctuation dropped."""
    return [token.lower() for token in rjieba.cut_for_search(text or "") if _TOKEN.fullmatch(token)]


def bigrams(text: str) -> list[str]:
    """Every pair of neighbouring Chinese characters, once each: ``株洲日报`` → 株洲 洲日 日报."""
    grams = dict.fromkeys(run[i : i + 2] for run in _HAN_RUN.findall(text or "") for i in range(len(run) - 1))
    return list(grams)


def query_terms(query: str) -> list[str]:
    """The tokens a query must all match; empty when the query is too short to search."""
    query = (query or "").strip()
    if len(query) < MIN_QUERY_LENGTH:
        return []
    terms = []
    for token in rjieba.cut(query):
        token = token.lower()
        if _TOKEN.fullmatch(token) and token not in terms:
            terms.append(token)
    return terms


def _query_grams(query: str) -> list[str]:
    """The other way a query matches: all bigrams of its Chinese runs (and its other words).

    Catches text that segments differently in the article than in the query: 洲日 is
    no word of 株洲日报, but its bigrams are indexed, so every two-character query finds
    exactly the articles that contain it.
    """
    grams = bigrams(query)
    others = [t.lower() for t in _TOKEN.findall(_HAN_RUN.sub(" ", query)) if not _HAN.search(t)]
    return list(dict.fromkeys(grams + others)) if grams else []


def _document(article) -> tuple[str, str, list[str]]:
    title = " ".join(part for part in (article["kicker"], article["headline"], article["subheadline"]) if part)
    body = "\n".join(block.text for block in parse_body(article["body"]))
    return " ".join(tokenize(title)), " ".join(tokenize(body)), bigrams(f"{title}\n{body}")


def index_articles(ids: Iterable[int]) -> int:
    """(Re)index these articles, whatever their status; ids that no longer exist are removed."""
    from .models import Article

    ids = sorted(set(ids))
    written = 0
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = Article.objects.filter(pk__in=chunk).values("id", "kicker", "headline", "subheadline", "body")
        documents = [(row["id"], *_document(row)) for row in rows]
        found = {doc[0] for doc in documents}
        _backend().write(documents)
        remove_from_index([pk for pk in chunk if pk not in found])
        written += len(documents)
    return written


def remove_from_index(ids: Iterable[int]) -> None:
    ids = sorted(set(ids))
    for start in range(0, len(ids), _CHUNK):
        _backend().delete(ids[start : start + _CHUNK])


def rebuild_index(batch_size: int = 2000) -> int:
    """Index every article from scratch (after a bulk load that skipped index_articles)."""
    from .models import Article

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

    The ``SEARCH_WINDOW`` most recent matches are fetched in one pass over the index
    (newest first, so the database stops early on common terms) and ranked here;
    equal ranks keep the newer first.
    """
    terms = query_terms(query)
    if not terms:
        return []
    backend = _backend()
    expression = backend.expression(terms, _query_grams(query))
    if connection.vendor == "postgresql":
        # A bounded probe of the GIN index first: walking articles newest first for a term that
        # matches nothing (or little) would read the whole archive before giving up.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT article_id FROM {TABLE} WHERE {backend.match} LIMIT %s", [expression, SEARCH_WINDOW + 1]
            )
            found = [row[0] for row in cursor.fetchall()]
        if not found:
            return []
        if len(found) <= SEARCH_WINDOW:
            queryset = queryset.filter(pk__in=found)
    rows = (
        queryset.order_by()
        .extra(
            tables=[TABLE],
            where=[backend.join, backend.match],
            params=[expression],
            select={"search_rank": backend.rank},
            select_params=[expression],
        )
        .order_by("-published_at", "-pk")
        .values_list("pk", "search_rank")[:SEARCH_WINDOW]
    )
    return sorted(rows, key=lambda row: -row[1])


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


def highlight_terms(query: str) -> list[str]:
    """What to mark in results: the query as typed and its tokens of two or more characters."""
    query = (query or "").strip()
    terms = [term for term in query_terms(query) if len(term) >= MIN_QUERY_LENGTH]
    if len(query) >= MIN_QUERY_LENGTH and query not in terms and not re.search(r"\s", query):
        terms.insert(0, query)
    return terms


def _pattern(terms: Iterable[str]):
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None


def highlight(text: str, terms: Iterable[str]) -> SafeString:
    """``text`` HTML-escaped, each occurrence of a term wrapped in ``<mark>``."""
    text = text or ""
    pattern = _pattern(terms)
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def excerpt(text: str, terms: Iterable[str], width: int = 120) -> SafeString:
    """About ``width`` characters of ``text`` around a match, highlighted."""
    text = " ".join((text or "").split())
    # Centre on the whole query where the text has it, else on its first word that matches.
    found = next(
        (i for term in sorted(terms, key=len, reverse=True) if (i := text.lower().find(term.lower())) >= 0), None
    )
    start = max(0, found - width // 4) if found is not None else 0
    piece = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    return mark_safe(prefix + highlight(piece, terms) + suffix)


class _SQLiteBackend:
    join = f"{TABLE}.rowid = articles_article.id"
    match = f"{TABLE} MATCH %s"
    # bm25() is lower-is-better; negated so that both backends rank descending.
    rank = f"-bm25({TABLE}, 3.0, 1.0, 0.2)"

    @staticmethod
    def expression(terms, grams):
        def all_of(words):
            return "(" + " AND ".join('"{}"'.format(word.replace('"', '""')) for word in words) + ")"

        return " OR ".join(all_of(words) for words in (terms, grams) if words)

    def write(self, documents):
        if not documents:
            return
        with connection.cursor() as cursor:
            self._delete(cursor, [doc[0] for doc in documents])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body, grams) VALUES (%s, %s, %s, %s)",
                [(pk, title, body, " ".join(grams)) for pk, title, body, grams in documents],
            )

    def delete(self, ids):
        if ids:
            with connection.cursor() as cursor:
                self._delete(cursor, ids)

    @staticmethod
    def _delete(cursor, ids):
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)


class _PostgresBackend:
    join = f"{TABLE}.article_id = articles_article.id"
    match = f"{TABLE}.document @@ to_tsquery('simple', %s)"
    rank = f"ts_rank({TABLE}.document, to_tsquery('simple', %s))"

    @staticmethod
    def expression(terms, grams):
        def all_of(words):
            # Quoted lexemes: the tsquery parser keeps each token whole.
            quoted = ("'{}'".format(word.replace("\\", "\\\\").replace("'", "''")) for word in words)
            return "(" + " & ".join(quoted) + ")"

        return " | ".join(all_of(words) for words in (terms, grams) if words)

    def write(self, documents):
        if not documents:
            return
        # Words carry positions and weigh A (title) or B (body); bigrams are a bare set at weight D.
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (article_id, document) VALUES (%s, "
                "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') "
                "|| setweight(array_to_tsvector(%s::text[]), 'D')) "
                "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document",
                documents,
            )

    def delete(self, ids):
        if ids:
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [list(ids)])


_BACKENDS = {"sqlite": _SQLiteBackend(), "postgresql": _PostgresBackend()}


def _backend():
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"search is not available on {connection.vendor}") from None
