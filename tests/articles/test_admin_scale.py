"""The article changelist's filters and date drill-down stay cheap at a million rows (bench/admin_speed.py).

These tests pin the behaviour the cheaper queries must keep: the right rows, once each, and
the drill-down choices editors click.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Role
from tests.factories import ArticleFactory, BylineFactory, IssueFactory, PageFactory, PersonFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/articles/article/"


def listed(response):
    return [a.headline for a in response.context["cl"].result_list]


def test_person_filter_lists_an_article_once_whatever_the_roles(admin_client):
    person = PersonFactory(name="杨如")
    both = ArticleFactory(headline="文字和摄影都是她")
    BylineFactory(article=both, person=person, role=Role.REPORTER)
    BylineFactory(article=both, person=person, role=Role.PHOTOGRAPHER)
    BylineFactory(article=ArticleFactory(headline="别人的稿"), person=PersonFactory(name="成姣兰"))
    response = admin_client.get(CHANGELIST, {"person": person.pk})
    assert listed(response) == ["文字和摄影都是她"]
    assert response.context["cl"].result_count == 1


def test_person_filter_joins_no_rows_and_sorts_nothing_distinct(admin_client):
    person = PersonFactory()
    BylineFactory(article=ArticleFactory(), person=person)
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(CHANGELIST, {"person": person.pk})
    assert not [q["sql"] for q in queries if "SELECT DISTINCT" in q["sql"] and "articles_article" in q["sql"]]


def _published_on(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(6)))


def test_date_drill_down_offers_the_years_with_articles_without_a_distinct_scan(admin_client):
    for year in (2019, 2022):
        ArticleFactory(status="published", published_at=_published_on(datetime.date(year, 5, 1)))
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(CHANGELIST)
    choices = _choices(response)
    assert [c["title"] for c in choices] == ["2019", "2022"]  # none for the empty 2020 and 2021
    assert choices[0]["link"] == "?published_at__year=2019"
    assert not [q["sql"] for q in queries if "DISTINCT" in q["sql"] and "published_at" in q["sql"]]
    # Inside a year Django's own drill-down lists that year's months.
    response = admin_client.get(CHANGELIST, {"published_at__year": "2022"})
    assert [c["title"] for c in _choices(response)] == ["2022年5月"]


def test_date_drill_down_of_one_year_opens_at_its_months(admin_client):
    ArticleFactory(status="published", published_at=_published_on(datetime.date(2023, 3, 1)))
    ArticleFactory(status="published", published_at=_published_on(datetime.date(2023, 7, 1)))
    assert [c["title"] for c in _choices(admin_client.get(CHANGELIST))] == ["2023年3月", "2023年7月"]


def test_date_drill_down_runs_the_same_queries_whatever_the_span_of_years(admin_client):
    """One statement for the years, not one probe per year of the archive (44 queries a request at 1M)."""
    for year in (2020, 2021):
        ArticleFactory(status="published", published_at=_published_on(datetime.date(year, 5, 1)))
    with CaptureQueriesContext(connection) as narrow:
        admin_client.get(CHANGELIST)
    # Forty years more, with gaps, and more rows on the page (a query per row would show too).
    for year in (1981, 1982, 1995, 2008, 2008, 2013, 2019):
        ArticleFactory(status="published", published_at=_published_on(datetime.date(year, 12, 31)))
    ArticleFactory(status="draft", published_at=None)
    with CaptureQueriesContext(connection) as wide:
        response = admin_client.get(CHANGELIST)
    assert [c["title"] for c in _choices(response)] == ["1981", "1982", "1995", "2008", "2013", "2019", "2020", "2021"]
    assert len(response.context["cl"].result_list) == 10
    assert len(wide) == len(narrow), [q["sql"] for q in wide]


def _choices(response):
    """The drill-down's choices as the date_hierarchy template got them."""
    return response.context["choices"]


def test_page_number_filter_offers_recent_numbers_and_the_chosen_one(admin_client):
    issue = IssueFactory()
    for number in (1, 2, 5):
        ArticleFactory(page=PageFactory(issue=issue, number=number))
    response = admin_client.get(CHANGELIST, {"page_number": "7"})
    spec = next(f for f in response.context["cl"].filter_specs if getattr(f, "parameter_name", "") == "page_number")
    assert [value for value, _ in spec.lookup_choices] == ["1", "2", "5", "7"]
    assert listed(response) == []
