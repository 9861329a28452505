"""Editors' tag rules (admin: 标签规则) reach the importer: stop words are never tags, tags in use are preferred."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from importers.models import TagRule

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_a19f70ba52195d0f.txt"


def first_item_tags():
    out = StringIO()
    call_command("import_pages", str(SEED), dry_run=True, format="json", stdout=out)
    return json.loads(out.getvalue())["files"][0]["items"][0]["tags"]


@pytest.mark.django_db
def test_stop_words_from_the_admin():
    assert "商会" in first_item_tags()
    TagRule.objects.create(word="商会", rule=TagRule.Rule.STOP)
    assert "商会" not in first_item_tags()


@pytest.mark.django_db
def test_preferred_words_and_tags_in_use():
    assert "调解员" not in first_item_tags()
    TagRule.objects.create(word="调解员", rule=TagRule.Rule.PREFER)
    assert "调解员" in first_item_tags()


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["编辑", "主编"])
def test_editors_keep_the_lists_in_the_admin(client, django_user_model, group):
    """The stop and preferred lists and the places are the desk's, not only a superuser's."""
    from django.contrib.auth.models import Group
    from django.urls import reverse

    editor = django_user_model.objects.create_user("desk1", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name=group))
    client.force_login(editor)
    assert client.get(reverse("admin:importers_tagrule_changelist")).status_code == 200
    response = client.post(reverse("admin:importers_tagrule_add"), {"word": "商会", "rule": TagRule.Rule.STOP})
    assert response.status_code == 302
    assert "商会" not in first_item_tags()
    assert client.get(reverse("admin:importers_place_changelist")).status_code == 200
    assert client.post(reverse("admin:importers_place_add"), {"name": "株洲市湖北商会"}).status_code == 302
    assert "株洲市湖北商会" in json.loads(_dry_run_json())["files"][0]["items"][1]["tags"]


@pytest.mark.django_db
def test_a_reporter_does_not_change_the_lists(client, django_user_model):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    reporter = django_user_model.objects.create_user("rep1", password="x", is_staff=True)
    reporter.groups.add(Group.objects.get(name="记者"))
    client.force_login(reporter)
    assert client.get(reverse("admin:importers_tagrule_changelist")).status_code == 403
    assert client.get(reverse("admin:importers_place_changelist")).status_code == 403


def _dry_run_json():
    out = StringIO()
    call_command("import_pages", str(SEED), dry_run=True, format="json", stdout=out)
    return out.getvalue()
