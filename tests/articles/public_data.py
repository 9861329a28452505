"""Building blocks for the public-site tests: a printed page of stories with people and tags."""

import datetime

from django.utils import timezone

from articles.models import Article, Role
from articles.search import index_articles
from tests import factories


def story(*, people=(), tags=(), index=True, **fields):
    """A published article (pass status/published_at to change that) with bylines and tags.

    ``people`` is a sequence of (person, role); the article is added to the search index.
    """
    fields.setdefault("status", Article.Status.PUBLISHED)
    if fields["status"] == Article.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    article = factories.ArticleFactory(tags=list(tags), **fields)
    for order, (person, role) in enumerate(people):
        factories.BylineFactory(article=article, person=person, role=role, order=order)
    if index:
        index_articles([article.pk])
    return article


def grow(count, *, page=None, section=None, prefix="稿件"):
    """``count`` more published stories, each with three bylines and three tags."""
    articles = []
    for n in range(count):
        reporter = factories.PersonFactory()
        articles.append(
            story(
                headline=f"{prefix}{n}民营经济",
                body="株洲日报讯 商会调解。\n\n## 小标题\n\n> 图片说明",
                page=page,
                section=section,
                people=[
                    (reporter, Role.REPORTER),
                    (factories.PersonFactory(), Role.CORRESPONDENT),
                    (reporter, Role.PHOTOGRAPHER),
                ],
                tags=[f"标签{n}", "经济", f"产业{n % 3}"],
            )
        )
    return articles
