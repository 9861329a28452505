"""The search's check of its matches (is each one listed?) is answered from one index (migration 0022).

A search checks a few hundred matches spread over the whole archive against the article table;
``article_search_check`` holds the id with every column that check reads, so PostgreSQL can answer it
without reading the articles' rows (bench/README.md, search, session 10). If the rule of what is
listed came to read another column, the check would read the rows again: this test says so. (It reads
the index's definition, not a query plan: which plan the planner picks on a tiny test table varies.)
"""

import re

import pytest
from django.db import connection

from articles.models import Article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="a PostgreSQL index"),
]


def index_columns(name: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT a.attname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE c.relname = %s
            """,
            [name],
        )
        return {row[0] for row in cursor.fetchall()}


def test_the_listed_check_of_matches_reads_only_columns_of_the_index():
    sql, _ = Article.objects.listed().filter(pk__in=[1, 2]).values_list("pk").query.sql_with_params()
    where = sql.split(" WHERE ", 1)[1].split(" ORDER BY ")[0]
    read = set(re.findall(r'"articles_article"\."(\w+)"', where))
    assert read, where
    assert read <= index_columns("article_search_check"), (read, where)
