"""An index that answers the search's check of its matches without the article rows (PostgreSQL).

A search checks each candidate match against the article table (status, publication time, kind:
``Article.objects.listed()``) before ranking it. Through the primary key that is an index probe
and a heap page per match, and the matches of a term that is neither rare nor common are spread
over the whole archive: at 1,000,000 articles the ~635 checks of such a query each read a page of a
1.4 GB table that is never all in memory. This index holds the id with the three columns the check
reads, so that PostgreSQL answers it from the index alone (an index-only scan; ~40 MB a million
articles). Filters on other columns (section, person, tag) still read the rows they keep.

Building it reads the article table once (seconds a million articles) and blocks writes to the
table meanwhile. SQLite is unchanged.
"""

from django.db import migrations

INDEX = "article_search_check"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_article (id) INCLUDE (status, published_at, kind)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_section_keywords_city"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
