"""Content types of models this app no longer has (``rendering``, deleted by 0018): the admin listed them, by their
bare English model name, wherever content types are offered (the tag admin's tagged items)."""

from django.db import migrations


def remove_stale(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    current = {model._meta.model_name for model in apps.get_app_config("articles").get_models()}
    ContentType.objects.filter(app_label="articles").exclude(model__in=current).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_article_search_check"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(remove_stale, migrations.RunPython.noop)]
