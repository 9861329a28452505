"""The search index's ranked documents in a table of their own, each in its row (PostgreSQL).

``articles_search`` keeps what finding the matches reads (article id, date, lexemes: ~70 bytes a
row, migration 0017). Ranking read each of the few hundred documents it ranks through that table's
primary key and its row, then TOAST's index and one or two TOAST pages: four pages a document, at
1,000,000 articles mostly not in ``shared_buffers`` (bench/README.md, search, session 11). Now
``articles_search_document (article_id, document)`` holds them in their rows (``STORAGE MAIN``:
out of line only when a row would not fit on a page), in article order: ranking reads its primary
key and one page a document. A document follows its index row: the foreign key deletes it with
the row (``ON DELETE CASCADE``), so whatever empties ``articles_search`` empties both.

This copies every document (at 1,000,000 articles ~3.5 GB written, minutes) and drops the old
column, whose space the table gives back when it is rewritten (``VACUUM FULL articles_search`` in a
maintenance window, not inside ``migrate``). SQLite's FTS5 index is unchanged.
"""

from django.db import migrations

TABLE = "articles_search"
DOCUMENTS = "articles_search_document"

FORWARDS = [
    f"CREATE TABLE {DOCUMENTS} (article_id bigint NOT NULL, document tsvector NOT NULL)",
    f"ALTER TABLE {DOCUMENTS} ALTER COLUMN document SET STORAGE MAIN",
    f"INSERT INTO {DOCUMENTS} (article_id, document) SELECT article_id, document FROM {TABLE} ORDER BY article_id",
    f"ALTER TABLE {DOCUMENTS} ADD PRIMARY KEY (article_id)",
    f"ALTER TABLE {DOCUMENTS} ADD FOREIGN KEY (article_id) REFERENCES {TABLE} (article_id) ON DELETE CASCADE",
    f"ALTER TABLE {TABLE} DROP COLUMN document",
    f"ANALYZE {DOCUMENTS}",
]

BACKWARDS = [
    f"ALTER TABLE {TABLE} ADD COLUMN document tsvector",
    f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE EXTERNAL",
    f"UPDATE {TABLE} AS s SET document = d.document FROM {DOCUMENTS} AS d WHERE d.article_id = s.article_id",
    f"UPDATE {TABLE} SET document = ''::tsvector WHERE document IS NULL",
    f"ALTER TABLE {TABLE} ALTER COLUMN document SET NOT NULL",
    f"DROP TABLE {DOCUMENTS}",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARDS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARDS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0024_section_keywords_reading"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
