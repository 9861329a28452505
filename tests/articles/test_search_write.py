"""write_documents(): what the import and index_articles() store, on both databases."""

import pytest
from django.db import transaction

from articles import search
from tests.articles.public_data import story

pytestmark = pytest.mark.django_db


def found(query):
    from articles.models import Article

    return [a.headline for a in search.search(Article.objects.published(), query)]


def test_documents_written_in_one_transaction_twice_are_all_stored_and_the_latest_wins():
    first = story(headline="民营经济商会调解", body="株洲日报讯 全市商会人民调解组织成立。")
    second = story(headline="荷塘区社区议事", body="株洲日报讯 社区居民议事会开到家门口。")
    with transaction.atomic():
        search.write_documents([(first.pk, *search.document("", "旧标题", "", "旧正文讲的是水利。"))])
        search.write_documents(
            [
                (first.pk, *search.document("", first.headline, "", first.body)),
                (second.pk, *search.document("", second.headline, "", second.body)),
            ]
        )
    assert found("商会") == ["民营经济商会调解"]
    assert found("议事") == ["荷塘区社区议事"]
    assert found("水利") == []


def test_an_article_without_bigrams_or_body_is_stored():
    article = story(headline="GDP", body="")
    search.write_documents([(article.pk, *search.document("", "GDP", "", ""))])
    assert found("gdp") == ["GDP"]
