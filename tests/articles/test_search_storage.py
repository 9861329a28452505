"""Where PostgreSQL keeps the search index's ranked documents: in their rows (migration 0013).

Ranking reads the document of each of the newest matches; kept out of line (TOAST) each one
was an index probe and two chunks more. SQLite's FTS5 index is not concerned.
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
SEED = SEEDS_DIR / "001_d2a89e1a3a1b2016.txt"


def out_of_line_bytes():
    """The size of the search table's TOAST table, where values too big for their row go."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = '{search.TABLE}'")
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
def test_documents_are_kept_in_their_rows():
    assert storage() == "m"  # MAIN: out of line only when the row could not fit a page otherwise


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_documents_written_before_it_into_their_rows():
    text = SEED.read_text(encoding="utf-8")
    # Long articles: each document is several KB, too big for a row under the default storage.
    articles = [story(headline=f"商会调解{n}", body=text[n * 500 : n * 500 + 2500]) for n in range(6)]
    found = search.ranked(Article.objects.published(), "商会")
    try:
        run(migration.backwards)
        assert storage() == "x"
        before = out_of_line_bytes()
        run(migration.forwards)
        assert storage() == "m"
        after = out_of_line_bytes()
    finally:
        run(migration.forwards)
    # Only the bare lexemes (matched through the GIN index, never read by a search) stay out of line.
    assert after < before
    assert search.ranked(Article.objects.published(), "商会") == found
    assert {pk for pk, _ in found} == {a.pk for a in articles}


@postgres_only
@pytest.mark.django_db
def test_a_large_index_is_left_to_a_maintenance_window(monkeypatch, capsys):
    """Past REWRITE_ROWS documents the migration only sets the storage and says how to move the rest."""
    story(headline="商会调解")
    monkeypatch.setattr(migration, "REWRITE_ROWS", 0)
    run(migration.forwards)  # inside the test's transaction: a VACUUM here would fail
    assert storage() == "m"
    assert f"VACUUM FULL {search.TABLE}" in capsys.readouterr().out
