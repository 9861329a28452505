"""Character bigrams in the search index (see articles.search); the index is rebuilt.

SQLite's FTS5 table gains a ``grams`` column; PostgreSQL's table keeps its shape and
its documents gain the bigrams. The index is derived data, so it is rebuilt with the
current articles.search.
"""

from django.db import migrations

SQLITE = (
    [
        "DROP TABLE IF EXISTS articles_search",
        "CREATE VIRTUAL TABLE articles_search USING fts5(title, body, grams, tokenize = 'unicode61 remove_diacritics 0')",
    ],
    [
        "DROP TABLE IF EXISTS articles_search",
        "CREATE VIRTUAL TABLE articles_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0')",
    ],
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE[0]:
            schema_editor.execute(statement)
    if apps.get_model("articles", "Article").objects.exists():
        from articles.search import rebuild_index

        rebuild_index()


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE[1]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_search_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
