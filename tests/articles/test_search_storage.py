"""Where PostgreSQL keeps the search index: narrow rows to match, documents apart to rank (migration 0025).

Finding the matches reads each match's row of ``articles_search`` for its article id and date, so
those rows hold no document (~70 bytes). Ranking reads the documents of the few hundred articles
it ranks from ``articles_search_document``, each in its row: a primary key and a page a document,
not TOAST's index and pages besides. SQLite's FTS5 index is not concerned.
"""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from articles import search
from articles.models import Article
from articles.search.postgres import DOCUMENTS
from tests.articles.public_data import story
from tests.conftest import SEEDS_DIR

pytestmark = [
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's storage"),
    pytest.mark.django_db,
]
apart = importlib.import_module("articles.migrations.0025_search_documents_apart")
SEED = SEEDS_DIR / "001_d2a89e1a3a1b2016.txt"


def one(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def relation_bytes(table):
    """A table's own pages, without its TOAST table."""
    return one("SELECT pg_relation_size(%s)", [table])


def out_of_line_bytes(table):
    return one(
        "SELECT coalesce(pg_relation_size(nullif(reltoastrelid, 0)), 0) FROM pg_class WHERE relname = %s", [table]
    )


def columns(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped ORDER BY attnum",
            [table],
        )
        return dict(cursor.fetchall())


def long_articles(count, length=800):
    """Articles whose documents are a few KB (a document over a page still goes out of line)."""
    text = SEED.read_text(encoding="utf-8")
    return [story(headline=f"商会调解{n}", body=text[n * 100 : n * 100 + length]) for n in range(count)]


def test_documents_are_ranked_from_their_own_table_in_their_rows_and_index_rows_stay_small():
    assert "document" not in columns(search.TABLE)
    assert columns(DOCUMENTS)["document"] == "m"  # MAIN: in the row
    index_before, toast_before = relation_bytes(search.TABLE), out_of_line_bytes(DOCUMENTS)
    articles = long_articles(40)
    # 40 documents of a few KB: not a page of index rows, and nothing of them out of line.
    assert relation_bytes(search.TABLE) - index_before <= 8192
    assert out_of_line_bytes(DOCUMENTS) == toast_before
    assert relation_bytes(DOCUMENTS) >= 40 * 2000
    found = search.ranked(Article.objects.published(), "商会")
    assert {pk for pk, _ in found} == {a.pk for a in articles}
    assert len({rank for _, rank in found}) > 1  # ranked on the documents


def test_a_document_goes_with_its_index_row():
    kept, removed = long_articles(2)
    search.remove_from_index([removed.pk])
    assert one(f"SELECT array_agg(article_id ORDER BY 1) FROM {DOCUMENTS}") == [kept.pk]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {search.TABLE}")  # as rebuild_index() and the tests empty it
    assert one(f"SELECT count(*) FROM {DOCUMENTS}") == 0


def test_0025_moves_the_documents_and_back_and_the_ranks_stay():
    long_articles(12)
    found = search.ranked(Article.objects.published(), "商会")
    with connection.schema_editor() as editor:  # inside the test's transaction: rolled back with it
        apart.backwards(apps, editor)
        assert columns(search.TABLE)["document"] == "e"
        assert one("SELECT to_regclass(%s)", [DOCUMENTS]) is None
        assert one(f"SELECT count(*) FROM {search.TABLE} WHERE length(document) > 0") == 12
        apart.forwards(apps, editor)
    assert "document" not in columns(search.TABLE)
    assert one(f"SELECT count(*) FROM {DOCUMENTS}") == 12
    assert search.ranked(Article.objects.published(), "商会") == found
