"""发稿统计 (articles.stats) and likely duplicate people (articles.people)."""

import datetime
import io
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import people, stats
from articles.models import Article, Role
from tests.factories import ArticleFactory, BylineFactory, PageFactory, PersonFactory

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
JAN, FEB = datetime.date(2024, 1, 1), datetime.date(2024, 2, 1)


def at(day, hour=9):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


@pytest.fixture
def liu():
    person = PersonFactory(name="刘芳")
    front, inside = PageFactory(number=1), PageFactory(number=3)
    pieces = [
        (Article.Kind.NEWS, front, "一二三四五", at(datetime.date(2024, 1, 5)), Role.REPORTER),
        (Article.Kind.NEWS, inside, "甲乙\n\n> 图一\n\n> 图二", at(datetime.date(2024, 1, 31), 23), Role.REPORTER),
        (Article.Kind.PHOTO, inside, "", at(datetime.date(2024, 2, 1), 0), Role.PHOTOGRAPHER),
    ]
    for kind, page, body, published_at, role in pieces:
        article = ArticleFactory(
            kind=kind, page=page, body=body, status=Article.Status.PUBLISHED, published_at=published_at
        )
        BylineFactory(article=article, person=person, role=role)
    for trait in ("draft", "scheduled", "in_review"):
        BylineFactory(article=ArticleFactory(**{trait: True}), person=person)
    return person


def test_output_stats_per_role_and_month(liu):
    rows = stats.output_stats(start=JAN, end=datetime.date(2024, 12, 31))
    got = [(r.person, r.role, r.month, r.articles, r.characters, r.photos, r.front_page) for r in rows]
    assert got == [
        ("刘芳", Role.PHOTOGRAPHER, FEB, 1, 0, 1, 0),
        ("刘芳", Role.REPORTER, JAN, 2, len("一二三四五") + len("甲乙> 图一> 图二"), 2, 1),
    ]


def test_month_boundaries_follow_the_newsroom_time_zone(liu):
    """23:00 on 31 January in Zhuzhou is January, although it is 15:00 UTC."""
    form = stats.StatsForm({"month": "2024-01"})
    assert form.is_valid()
    start, end = form.range()
    assert (start, end) == (JAN, datetime.date(2024, 1, 31))
    rows = stats.output_stats(start=start, end=end)
    assert [(r.role, r.articles) for r in rows] == [(Role.REPORTER, 2)]


def test_totals_match_the_public_person_page(liu):
    start, end = JAN, datetime.date(2024, 12, 31)
    totals = stats.person_totals(start=start, end=end)
    assert [(t.person, t.articles) for t in totals] == [("刘芳", Article.objects.published().by_person(liu).count())]


def test_filters_by_person_alias_and_role(liu):
    liu.aliases.create(name="刘 芳")
    assert {r.role for r in stats.output_stats(start=JAN, end=FEB, person="刘 芳")} == {
        Role.REPORTER,
        Role.PHOTOGRAPHER,
    }
    assert [r.role for r in stats.output_stats(start=JAN, end=FEB, role=Role.PHOTOGRAPHER)] == [Role.PHOTOGRAPHER]
    assert stats.output_stats(start=JAN, end=FEB, person="无此人") == []


def test_stats_is_one_query_however_much_is_published(liu):
    with CaptureQueriesContext(connection) as ctx:
        stats.output_stats(start=JAN, end=FEB)
    assert len(ctx.captured_queries) == 1


def test_csv_opens_in_excel(liu):
    out = io.StringIO()
    stats.write_csv(out, stats.output_stats(start=JAN, end=FEB))
    lines = out.getvalue().splitlines()
    assert lines[0] == "人员,网址名,角色,月份,稿件数,字数,图片数,头版稿件数"
    assert any(line.startswith("刘芳,") and ",摄影,2024-02,1," in line for line in lines)


def test_stats_admin_view_with_month(admin_client, liu):
    response = admin_client.get(reverse("admin:articles_article_stats"), {"month": "2024-02"})
    assert response.status_code == 200
    assert [r.role for r in response.context["rows"]] == [Role.PHOTOGRAPHER]
    assert response.context["chart"]["bars"][0]["label"] == "刘芳"
    response = admin_client.get(reverse("admin:articles_article_stats_csv"), {"month": "2024-02"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    assert "fagao-20240201-20240229.csv" in response["Content-Disposition"]


def test_bad_month_falls_back_to_the_default_range(admin_client):
    response = admin_client.get(reverse("admin:articles_article_stats"), {"month": "2024-13"})
    assert response.status_code == 200
    assert response.context["form"].errors


# Likely duplicates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("成姣兰", "成娇兰", True),
        ("王海艳", "王海", True),
        ("王海", "王海艳", True),
        ("王海艳", "王艳海", False),
        ("张三", "张三", False),
        ("张三", "李四", False),
    ],
)
def test_one_edit_apart(a, b, expected):
    assert people.one_edit_apart(a, b) is expected


def test_likely_duplicates_need_a_shared_co_byline():
    photographer = PersonFactory(name="王摄影")
    main, typo, stranger = PersonFactory(name="成姣兰"), PersonFactory(name="成娇兰"), PersonFactory(name="成姣花")
    for person in (main, main, typo):
        article = ArticleFactory()
        BylineFactory(article=article, person=person)
        BylineFactory(article=article, person=photographer, role=Role.PHOTOGRAPHER)
    BylineFactory(person=stranger)
    pairs = people.likely_duplicates()
    assert [(p.first, p.second, p.shared) for p in pairs] == [(main, typo, (photographer,))]


def test_people_on_one_article_are_not_duplicates():
    a, b = PersonFactory(name="李明"), PersonFactory(name="李鸣")
    article = ArticleFactory()
    BylineFactory(article=article, person=a)
    BylineFactory(article=article, person=b)
    other = ArticleFactory()
    BylineFactory(article=other, person=a)
    BylineFactory(article=other, person=b)
    assert people.likely_duplicates() == []


def test_front_page_stories_from_page_numbers_and_unnumbered_first_pages():
    """An issue whose dump printed no page numbers: its first page is the front page (第1版), the others are not."""
    from tests.factories import IssueFactory

    person = PersonFactory(name="成姣兰")
    unnumbered = IssueFactory(printed_on=datetime.date(2024, 1, 22))
    first, second = PageFactory(issue=unnumbered, number=None), PageFactory(issue=unnumbered, number=None)
    numbered = IssueFactory(printed_on=datetime.date(2024, 1, 23))
    page_two, page_one = PageFactory(issue=numbered, number=2), PageFactory(issue=numbered, number=1)
    no_front = PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 1, 24)), number=3)
    for page, day in ((first, 5), (second, 6), (page_two, 7), (page_one, 8), (no_front, 9)):
        article = ArticleFactory(
            page=page, status=Article.Status.PUBLISHED, published_at=at(datetime.date(2024, 1, day))
        )
        BylineFactory(article=article, person=person)
    (row,) = stats.output_stats(start=JAN, end=datetime.date(2024, 1, 31))
    assert (row.articles, row.front_page) == (5, 2)
