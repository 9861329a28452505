"""The gazetteer editors keep in the admin (地名) decides the place tags of imports."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from importers.models import Place

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_a19f70ba52195d0f.txt"


@pytest.mark.django_db
def test_shipped_places_are_loaded_for_editors():
    assert Place.objects.filter(name="荷塘区").exists()


@pytest.mark.django_db
def test_places_editors_add_become_tags():
    Place.objects.create(name="皑皑白雪")
    call_command("import_pages", str(SEED), "--issue-date=2024-01-23", stdout=StringIO())
    article = Article.objects.get(headline="北大学子情暖留守儿童")
    assert "皑皑白雪" in set(article.tags.names())
