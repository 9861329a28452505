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
