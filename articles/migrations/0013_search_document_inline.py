"""The search index keeps each article's ranked ``document`` in its own row, not out of line (PostgreSQL).

A document is ~3.6 KB and barely compresses, so under the default storage PostgreSQL moved it
to the TOAST table: ranking the 500 newest matches of a query read each one from there (an index
probe and two chunks). With ``STORAGE MAIN`` it stays in the row unless the row could not fit a
page otherwise; ``lexemes`` (only read through the GIN index) still goes out of line. At 1,000,000
articles this halved the ranked read of a search (bench/README.md, search).

``SET STORAGE`` applies to rows written from now on; the rows already there move when the table
is rewritten. This migration rewrites it (``VACUUM FULL``) while it holds at most REWRITE_ROWS
documents. A larger index is left as it is and searched as before: rewrite it in a maintenance
window with ``VACUUM FULL articles_search`` (about 10 minutes and 1 GB more disk per million
articles; searches and article saves wait for it meanwhile), or let edits and imports move their
own documents.
"""

import sys

from django.db import migrations

TABLE = "articles_search"
REWRITE_ROWS = 100_000


def forwards(apps, schema_editor):
    _set_storage(schema_editor, "MAIN")


def backwards(apps, schema_editor):
    _set_storage(schema_editor, "EXTENDED")


def _set_storage(schema_editor, storage):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE {storage}")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} LIMIT %s) AS found", [REWRITE_ROWS + 1])
        (rows,) = cursor.fetchone()
    if rows <= REWRITE_ROWS:
        schema_editor.execute(f"VACUUM FULL {TABLE}")
    else:
        where = "in their rows" if storage == "MAIN" else "out of line"
        sys.stdout.write(
            f"\n  {TABLE} holds over {REWRITE_ROWS:,} documents: new and re-indexed ones are kept {where}"
            f" from now on. Run 'VACUUM FULL {TABLE}' in a maintenance window to move the others.\n"
        )


class Migration(migrations.Migration):
    # VACUUM cannot run inside a transaction.
    atomic = False

    dependencies = [
        ("articles", "0012_article_rendering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
