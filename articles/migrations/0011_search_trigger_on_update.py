"""The search index's date follows an article's publication time on UPDATE only, when it changes.

Migration 0010's trigger also fired on every INSERT into articles_article, where no search row
can exist yet (the index is written from the stored article): one lookup per imported article,
and on a server without autovacuum a plan made while the search table was empty read all of it
each time. ``write()`` sets the date of a new document itself.
"""

from django.db import migrations

TRIGGER = "articles_search_follow_article"

FORWARDS = [
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON articles_article",
    f"CREATE TRIGGER {TRIGGER} AFTER UPDATE OF published_at ON articles_article FOR EACH ROW "
    f"WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at) EXECUTE FUNCTION {TRIGGER}()",
]

BACKWARDS = [
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON articles_article",
    f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OF published_at ON articles_article "
    f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()",
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
        ("articles", "0010_search_split"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
