"""The full-text index of articles.search, created for the database in use.

No foreign key to the article table: the index is written only by
articles.search, which removes deleted articles, and queries join on the id.
"""

from django.db import migrations

SQL = {
    "sqlite": (
        ["CREATE VIRTUAL TABLE articles_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0')"],
        ["DROP TABLE IF EXISTS articles_search"],
    ),
    "postgresql": (
        [
            "CREATE TABLE articles_search (article_id bigint PRIMARY KEY, document tsvector NOT NULL)",
            "CREATE INDEX articles_search_document ON articles_search USING gin (document)",
        ],
        ["DROP TABLE IF EXISTS articles_search"],
    ),
}


def create(apps, schema_editor):
    for statement in SQL.get(schema_editor.connection.vendor, ([], []))[0]:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in SQL.get(schema_editor.connection.vendor, ([], []))[1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_default_sections"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
