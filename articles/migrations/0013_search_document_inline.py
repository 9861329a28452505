"""The search index keeps each article's ranked ``document`` in its own row, not out of line (PostgreSQL).

A document is several kilobytes and barely compresses, so under the default storage PostgreSQL
moved it to the TOAST table: ranking a query's newest matches read each one from there (an index
probe and chunks). With ``STORAGE MAIN`` it stays in the row unless the row could not fit a page
otherwise; ``lexemes`` (only read through the GIN index) still goes out of line.

``SET STORAGE`` applies to rows written from now on. Rows already in an index built before this
migration move when the table is rewritten: an operator's command for a maintenance window, not
part of ``migrate`` (README.md, Operations: ``VACUUM FULL articles_search``).
"""

from django.db import migrations

TABLE = "articles_search"


def forwards(apps, schema_editor):
    _set_storage(schema_editor, "MAIN")


def backwards(apps, schema_editor):
    _set_storage(schema_editor, "EXTENDED")


def _set_storage(schema_editor, storage):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE {storage}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_article_rendering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
