"""The search index's rows hold only what finding the matches reads (PostgreSQL); SQLite is unchanged.

Finding the newest matches of a query reads, for every match the GIN index yields, the row's
article id and date. With each ranked ``document`` kept in its row (migration 0013, ~3.2 KB), a
row filled half a page, and a query matching a few thousand articles read as many pages (at
1,000,000 articles the table is 3.5 GB, never all in memory). Now the document is kept out of line
(``STORAGE EXTERNAL``, it barely compresses) and ``toast_tuple_target`` moves it there from any row
over 128 bytes, so a row is ~70 bytes and the whole table ~100 MB; ranking reads the documents of
the few hundred articles it ranks from TOAST.

Both settings apply to rows written from now on, and a query finds the same matches either way.
The rows already there stay as they are until they are written again (an edit, a re-import, a
rebuilt index) or the table is rewritten: ``VACUUM FULL articles_search`` in a maintenance window
(about 10 minutes and the table's size in free disk per million articles; searches and article
saves wait for it meanwhile). Nothing here rewrites the table inside ``migrate``.
"""

from django.db import migrations

TABLE = "articles_search"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE EXTERNAL")
        schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE MAIN")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_photo_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
