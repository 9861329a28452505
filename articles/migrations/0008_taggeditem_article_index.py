"""An index for "articles with this tag, newest first" on PostgreSQL.

taggit's ``object_id`` is an integer and the article id a bigint, so the join compares
``object_id::bigint``; the plain ``object_id`` index cannot serve it, and a tag page or the
related stories of an article scanned every link of a common tag. This index on the cast
lets PostgreSQL walk the newest articles and probe their tags.
"""

from django.db import migrations

INDEX = "taggeditem_object_bigint"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON taggit_taggeditem (((object_id)::bigint), content_type_id, tag_id)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_search_grams"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
