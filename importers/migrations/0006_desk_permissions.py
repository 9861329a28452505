"""The import's lists and waiting revisions are the desk's: 编辑 and 主编 keep the tag rules (停用词, 优先词) and
the places (地名), and list the revisions a re-import left waiting (待审修订) to accept or reject them (the actions
ask for ``articles.review_article``). Before, only a superuser reached these admin pages."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("编辑", "主编")
CODENAMES = [
    *(f"{action}_{model}" for model in ("tagrule", "place") for action in ("view", "add", "change", "delete")),
    "view_importedrevision",
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="importers", codename__in=CODENAMES)


def grant(apps, schema_editor):
    app_config = apps.get_app_config("importers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    found = _permissions(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*found)


def revoke(apps, schema_editor):
    found = _permissions(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("importers", "0005_imported_revision"),
        ("articles", "0004_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
