"""When an article is public, scheduled or listed: queryset methods on Article, the one place the rule is written."""

import pytest

from articles.models import Article, Byline, Role
from tests.factories import ArticleFactory, BylineFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    return {
        "public": ArticleFactory(published=True, headline="已发布"),
        "scheduled": ArticleFactory(scheduled=True, headline="定时"),
        "draft": ArticleFactory(headline="草稿"),
        "ad": ArticleFactory(published=True, kind=Article.Kind.ADVERTISEMENT, headline="广告"),
    }


def headlines(queryset):
    return sorted(queryset.values_list("headline", flat=True))


def test_published_scheduled_and_listed(articles):
    assert headlines(Article.objects.published()) == ["已发布", "广告"]
    assert headlines(Article.objects.scheduled()) == ["定时"]
    assert headlines(Article.objects.listed()) == ["已发布"]


def test_is_public_asks_the_same_rule(articles, django_assert_num_queries):
    assert {name: article.is_public for name, article in articles.items()} == {
        "public": True,
        "scheduled": False,
        "draft": False,
        "ad": True,
    }
    with django_assert_num_queries(1):
        read = {a.headline: a.is_public for a in Article.objects.with_is_public()}
    assert read == {"已发布": True, "定时": False, "草稿": False, "广告": True}


def test_a_persons_listed_bylines_are_those_of_listed_articles(articles):
    person = PersonFactory()
    for article in articles.values():
        BylineFactory(article=article, person=person, role=Role.REPORTER)
    assert list(person.bylines.listed().values_list("article__headline", flat=True)) == ["已发布"]
    assert Byline.objects.listed().count() == 1
