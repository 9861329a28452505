"""Photos for the newsroom roles: every role may add, change and delete an article's photos.

The article's own rules still decide: a photo is edited on its article's form, which a reporter may
only change while it is their own unsubmitted draft (articles/admin.py, ParentPermissionInline).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("记者", "编辑", "主编")
CODENAMES = ("view_photo", "add_photo", "change_photo", "delete_photo")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(content_type__app_label="articles", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*found)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(content_type__app_label="articles", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*found)


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_article_photos"), ("articles", "0004_editorial_groups")]

    operations = [migrations.RunPython(grant, revoke)]
