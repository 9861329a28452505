"""Property-based test of the loader: importing the same page twice leaves the database as after once.

The pages are those of the parser's property tests (seed lines, byline and furniture fragments,
any Unicode), under a page header so that most of them land on a printed page.
"""

from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Issue, Page, PageCredit, Person
from articles.search import TABLE
from articles.search.postgres import DOCUMENTS
from importers.models import RawSource
from importers.runner import Importer
from tests.importers.parsing.test_properties import PAGE

HEADERS = st.sampled_from(["", "综合·城区\n02版\n2024年1月22日 星期一\n\n", "要闻\n第1版\n2023年2月28日 星期二\n\n"])


def database_state() -> dict:
    """Every row an import writes, except the run and raw-source bookkeeping."""
    article_fields = [f.attname for f in Article._meta.concrete_fields]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"SELECT rowid, title, body FROM {TABLE} ORDER BY rowid")
        else:
            cursor.execute(
                f"SELECT s.article_id, d.document::text FROM {TABLE} AS s "
                f"FULL JOIN {DOCUMENTS} AS d USING (article_id) ORDER BY 1"
            )
        index = cursor.fetchall()
    return {
        "articles": list(Article.objects.order_by("pk").values_list(*article_fields)),
        "bylines": list(Byline.objects.order_by("pk").values_list()),
        "people": list(Person.objects.order_by("pk").values_list()),
        "tags": list(Tag.objects.order_by("pk").values_list()),
        "tagged": list(
            TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(Article))
            .order_by("pk")
            .values_list()
        ),
        "issues": list(Issue.objects.order_by("pk").values_list()),
        "pages": list(Page.objects.order_by("pk").values_list()),
        "credits": list(PageCredit.objects.order_by("pk").values_list()),
        "index": index,
    }


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(header=HEADERS, text=PAGE, publish=st.booleans())
def test_importing_the_same_page_twice_is_importing_it_once(header, text, publish):
    raw = (header + text).encode("utf-8")
    importer = Importer(publish=publish)
    first = importer.import_bytes(raw, path=Path("page.txt"))
    once = database_state()

    again = importer.import_bytes(raw, path=Path("page.txt"))
    # The same text in other bytes (with a BOM): no checksum short cut, everything is found again.
    other_bytes = b"\xef\xbb\xbf" + raw
    third = importer.import_bytes(other_bytes, path=Path("page.txt"))

    assert first.error == again.error
    assert database_state() == once
    if first.ok:
        assert again.result.unchanged
        assert third.ok and third.result.articles.created == third.result.articles.updated == 0
        assert RawSource.objects.filter(raw=other_bytes).exists()  # the other bytes are kept, verbatim
