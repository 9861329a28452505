"""Chinese where other apps' admins leave English: permission names, taggit's merge action (issue 20)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from articles.desk_admin import permission_label

pytestmark = pytest.mark.django_db


def test_permissions_are_named_in_chinese():
    add_user = Permission.objects.get(content_type__app_label="auth", codename="add_user")
    assert permission_label(add_user) == "认证和授权 | 用户 | 可以增加用户"
    revision = Permission.objects.get(content_type__app_label="reversion", codename="view_revision")
    assert permission_label(revision) == "历史版本 | 修订 | 可以查看修订"
    publish = Permission.objects.get(codename="publish_article")
    assert permission_label(publish).endswith("| 可以发布、撤下稿件")


def test_group_form_and_tag_list_show_no_english(admin_client):
    group = Group.objects.get(name="编辑")
    text = admin_client.get(reverse("admin:auth_group_change", args=[group.pk])).text
    assert "Can add" not in text and "可以增加稿件" in text
    assert "Hold down" not in text
    from taggit.models import Tag

    Tag.objects.create(name="经济")
    text = admin_client.get(reverse("admin:taggit_tag_changelist")).text
    assert "Merge selected tags" not in text and "合并所选标签" in text
