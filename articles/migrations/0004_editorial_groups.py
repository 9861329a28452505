"""The newsroom roles as auth groups: 记者, 编辑, 主编.

The permission lists are frozen here on purpose: a later change to a role is a
new migration, so every database agrees on what each role may do.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("view", "add", "change", "delete")


def perms(app, model, actions=CRUD):
    return [(app, f"{action}_{model}") for action in actions]


REPORTER = [
    *perms("articles", "article", ("view", "add", "change")),
    *perms("articles", "byline"),
    *perms("articles", "person", ("view",)),
    *perms("articles", "personalias", ("view",)),
    *perms("articles", "section", ("view",)),
    *perms("articles", "issue", ("view",)),
    *perms("articles", "page", ("view",)),
    *perms("articles", "pagecredit", ("view",)),
    *perms("articles", "correction", ("view",)),
    *perms("taggit", "tag", ("view",)),
]
EDITOR = [
    *REPORTER,
    ("articles", "review_article"),
    *perms("articles", "person", ("add", "change")),
    *perms("articles", "issue", ("add", "change")),
    *perms("articles", "page", ("add", "change")),
    *perms("articles", "pagecredit"),
    *perms("articles", "correction"),
    *perms("taggit", "tag", ("add", "change")),
    *perms("importers", "importrun", ("view", "add")),
    *perms("importers", "rawsource", ("view",)),
]
CHIEF = [
    *EDITOR,
    ("articles", "publish_article"),
    ("articles", "delete_article"),
    ("articles", "merge_person"),
    ("articles", "delete_person"),
    *perms("articles", "personalias"),
    *perms("articles", "section"),
    *perms("articles", "issue", ("delete",)),
    *perms("articles", "page", ("delete",)),
    *perms("taggit", "tag", ("delete",)),
    *perms("importers", "importrun", ("change", "delete")),
]
GROUPS = {"记者": REPORTER, "编辑": EDITOR, "主编": CHIEF}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        found = []
        for app_label, codename in dict.fromkeys(wanted):
            found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(found)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_editorial_admin"),
        ("importers", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
