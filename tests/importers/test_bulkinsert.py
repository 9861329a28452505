"""``importers.bulkinsert``: COPY on PostgreSQL stores what ``bulk_create`` stores, keys from the sequence."""

import datetime

import pytest
from django.db import connection
from django.db.models import QuerySet

from articles.models import Article, Byline, Issue, Page, Person
from importers import bulkinsert
from importers.models import RawSource

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")

FIELDS = [
    "kind",
    "headline",
    "body",
    "page_id",
    "position",
    "printed_on",
    "page_number",
    "source_id",
    "import_key",
    "warnings",
    "source_lines",
    "status",
    "published_at",
    "is_edited",
]


@pytest.fixture
def page():
    issue = Issue.objects.create(printed_on=datetime.date(2023, 1, 23))
    return Page.objects.create(issue=issue, number=2, label="02版", name="综合·城区")


@pytest.fixture
def source(page):
    return RawSource.objects.create(
        file_name="p.txt", sha256="0" * 64, raw=b"\x00\xff raw", text="版面", size=7, page=page, counts={"a": 1}
    )


def articles(page, source, tag):
    built = []
    for n in range(3):
        article = Article(
            headline=f"标题{n}",
            body="第一段。\n\n> 图片说明\n\n“引号”\\反斜杠\t制表符",
            page=page,
            position=n + 1,
            source=source,
            import_key=f"{tag}{n}",
            warnings=["可能重复", {"嵌套": [1, None]}],
            source_lines=[n, n + 1],
            published_at=datetime.datetime(2023, 1, 23, 6, tzinfo=datetime.UTC) if n else None,
        )
        article.copy_print_order()
        built.append(article)
    return built


def stored(pks):
    return [
        {k: v for k, v in row.items() if k != "import_key"}
        for row in Article.objects.filter(pk__in=pks).order_by("pk").values(*FIELDS)
    ]


def test_insert_stores_what_bulk_create_stores(page, source):
    created = Article.objects.bulk_create(articles(page, source, "b"))
    inserted = articles(page, source, "i")

    bulkinsert.insert(inserted)

    assert all(a.pk and not a._state.adding for a in inserted)
    assert [a.pk for a in inserted] == sorted(a.pk for a in inserted)
    assert stored([a.pk for a in inserted]) == stored([a.pk for a in created])
    assert all(a.created_at and a.updated_at for a in Article.objects.filter(pk__in=[a.pk for a in inserted]))
    assert Article.objects.get(pk=inserted[0].pk).printed_on == datetime.date(2023, 1, 23)


def test_insert_rows_and_binary_and_json_columns(page, source):
    people = [Person(name="成姣兰", slug="chengjiaolan"), Person(name="王海艳", slug="wanghaiyan")]
    bulkinsert.insert(people)
    article = articles(page, source, "r")[0]
    bulkinsert.insert([article])
    copy = RawSource(file_name="q.txt", sha256="1" * 64, raw=b"\x00\\\xff", text="a\tb\nc", size=3, counts={"x": [1]})
    bulkinsert.insert([copy])

    bulkinsert.insert_rows(
        Byline,
        ["article_id", "person_id", "role", "order"],
        [(article.pk, p.pk, "reporter", i) for i, p in enumerate(people)],
    )

    assert list(article.bylines.order_by("order").values_list("person__name", "role")) == [
        ("成姣兰", "reporter"),
        ("王海艳", "reporter"),
    ]
    stored_copy = RawSource.objects.get(pk=copy.pk)
    assert (bytes(stored_copy.raw), stored_copy.text, stored_copy.counts) == (b"\x00\\\xff", "a\tb\nc", {"x": [1]})


def test_nothing_to_insert_sends_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        bulkinsert.insert([])
        bulkinsert.insert_rows(Byline, ["article_id", "person_id", "role", "order"], [])


@postgresql_only
def test_postgresql_copies_with_keys_from_the_sequence(page, source, monkeypatch):
    before = Article.objects.create(headline="之前", page=page)

    def refuse(*args, **kwargs):
        raise AssertionError("bulk_create used on PostgreSQL")

    monkeypatch.setattr(QuerySet, "bulk_create", refuse)
    inserted = articles(page, source, "c")
    bulkinsert.insert(inserted)
    monkeypatch.undo()
    after = Article.objects.create(headline="之后", page=page)

    pks = [a.pk for a in inserted]
    assert before.pk < pks[0] < pks[1] < pks[2] < after.pk
    assert Article.objects.filter(pk__in=pks).count() == 3


@postgresql_only
def test_take_ids_are_new_and_ascending():
    ids = bulkinsert.take_ids(Article, 5)

    assert ids == sorted(set(ids)) and len(ids) == 5
    assert bulkinsert.take_ids(Article, 1)[0] > ids[-1]
    assert bulkinsert.take_ids(Article, 0) == []


def test_sqlite_uses_bulk_create():
    assert bulkinsert.uses_copy() == (connection.vendor == "postgresql")
