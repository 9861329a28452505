"""The search's check of its matches (is each one listed?) is answered from one index (migration 0022).

A search checks a few hundred matches spread over the whole archive against the article table;
``article_search_check`` holds the id with every column that check reads, so PostgreSQL answers it
without reading the articles' rows (bench/README.md, search, session 10). If the rule of what is
listed came to read another column, the check would read the rows again: this test says so.
"""

import pytest
from django.db import connection

from articles.models import Article
from tests.articles.public_data import story

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's index-only scans"),
]


def test_the_listed_check_of_matches_reads_only_the_index():
    ids = [story(headline=f"商会调解{n}").pk for n in range(3)]
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE articles_article")  # index-only scans need the visibility map
        # As on a large table: the planner's other ways out closed, so the plan shows what the index covers.
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_bitmapscan = off")
        try:
            plan = Article.objects.listed().filter(pk__in=ids).values_list("pk", "published_at").explain()
        finally:
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_bitmapscan")
    assert "Index Only Scan using article_search_check" in plan, plan
