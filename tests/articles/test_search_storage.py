"""Where PostgreSQL keeps the search index's ranked documents: out of line (migration 0017).

Finding the matches reads each match's row for its article id and date; with the ~3 KB document
in the row (migration 0013) that was half a page a match. Ranking reads the documents of the few
hundred articles it ranks from TOAST. SQLite's FTS5 index is not concerned.
"""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from articles import search
from articles.models import Article
from tests.articles.public_data import story
from tests.conftest import SEEDS_DIR

postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's storage")
migration = importlib.import_module("articles.migrations.0013_search_document_inline")
narrow = importlib.import_module("articles.migrations.0017_search_rows_narrow")
SEED = SEEDS_DIR / "001_d2a89e1a3a1b2016.txt"


def out_of_line_bytes():
    """The size of the search table's TOAST table, where values too big for their row go."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = '{search.TABLE}'")
        return cursor.fetchone()[0]


def in_row_bytes():
    """The size of the search table itself (its rows, without what went out of line)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size(%s)", [search.TABLE])
        return cursor.fetchone()[0]


def storage():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = %s::regclass AND attname = 'document'",
            [search.TABLE],
        )
        return cursor.fetchone()[0]


def run(step):
    with connection.schema_editor(atomic=False) as editor:
        step(apps, editor)


@postgres_only
@pytest.mark.django_db
def test_documents_are_kept_out_of_line_and_rows_stay_small():
    assert storage() == "e"  # EXTERNAL: out of line, not compressed
    text = SEED.read_text(encoding="utf-8")
    before = in_row_bytes()
    # 40 long articles: in their rows (0013) they took ~20 pages, out of line a fraction of one.
    articles = [story(headline=f"商会调解{n}", body=text[n * 100 : n * 100 + 2500]) for n in range(40)]
    assert in_row_bytes() - before <= 2 * 8192
    found = search.ranked(Article.objects.published(), "商会")
    assert {pk for pk, _ in found} == {a.pk for a in articles}
    assert len({rank for _, rank in found}) > 1  # ranked on the documents read from TOAST


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_documents_written_before_0013_move_into_their_rows_with_the_operators_rewrite():
    """0013 sets the storage; ``VACUUM FULL`` (README.md, not ``migrate``) moves the rows already there."""
    text = SEED.read_text(encoding="utf-8")
    # Long articles: each document is several KB, too big for a row under the default storage.
    articles = [story(headline=f"商会调解{n}", body=text[n * 500 : n * 500 + 2500]) for n in range(6)]
    found = search.ranked(Article.objects.published(), "商会")
    try:
        run(migration.backwards)
        assert storage() == "x"
        before = out_of_line_bytes()
        run(migration.forwards)
        assert storage() == "m" and out_of_line_bytes() == before  # nothing moved by the migration
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM FULL {search.TABLE}")
        after = out_of_line_bytes()
    finally:
        run(migration.forwards)
        run(narrow.forwards)
    # Only the bare lexemes (matched through the GIN index, never read by a search) stay out of line.
    assert after < before
    assert search.ranked(Article.objects.published(), "商会") == found
    assert {pk for pk, _ in found} == {a.pk for a in articles}


@postgres_only
@pytest.mark.django_db
def test_0013_only_sets_the_storage():
    """0013 changes the storage of rows written from now on and rewrites nothing inside ``migrate``
    (moving the rows already there is an operator's ``VACUUM FULL``, README.md)."""
    story(headline="商会调解")
    before = in_row_bytes()
    run(migration.forwards)  # inside the test's transaction: rolled back with it
    assert storage() == "m"
    assert in_row_bytes() == before


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_0014_keeps_new_rows_small_and_rewrites_nothing():
    """0017 only changes the storage of rows written from now on: a large table is never rewritten
    inside ``migrate``, and searches find the same either way."""
    text = SEED.read_text(encoding="utf-8")
    try:
        run(narrow.backwards)
        assert storage() == "m"
        fat = [story(headline=f"商会调解{n}", body=text[n * 100 : n * 100 + 2500]) for n in range(20)]
        found = search.ranked(Article.objects.published(), "商会")
        before = in_row_bytes()
        run(narrow.forwards)
        assert storage() == "e" and in_row_bytes() == before  # nothing moved
        assert search.ranked(Article.objects.published(), "商会") == found
        search.index_articles([a.pk for a in fat])  # rows written again are small
        assert in_row_bytes() - before <= 2 * 8192
        assert search.ranked(Article.objects.published(), "商会") == found
    finally:
        run(narrow.forwards)
