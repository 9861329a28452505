"""The admin's paginator: exact counts while cheap, PostgreSQL's estimate beyond."""

import pytest
from django.db import connection
from django.urls import reverse

from articles import paginators
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_small_lists_are_counted_exactly():
    ArticleFactory.create_batch(5)

    assert paginators.EstimatedCountPaginator(Article.objects.all(), 2).count == 5


def test_large_lists_are_estimated_on_postgresql(monkeypatch):
    monkeypatch.setattr(paginators, "EXACT_UP_TO", 3)
    ArticleFactory.create_batch(8)

    count = paginators.EstimatedCountPaginator(Article.objects.all(), 2).count

    if connection.vendor == "postgresql":
        assert count >= 4  # never below what the bounded count saw
        assert paginators.estimate(Article.objects.all()) >= 1
    else:
        assert count == 8


def test_changelist_uses_it_and_no_full_count(admin_client):
    ArticleFactory.create_batch(3)
    url = reverse("admin:articles_article_changelist")

    response = admin_client.get(url, {"status__exact": "draft"})

    assert response.status_code == 200
    changelist = response.context["cl"]
    assert isinstance(changelist.paginator, paginators.EstimatedCountPaginator)
    assert changelist.result_count == 3 and changelist.full_result_count is None
