"""Article.printed_on / page_number: copies of the page's issue date and number, always true.

The admin's print order (latest paper first, page, position) reads them from one index; a stale
copy would list an article under the wrong day. Every way an article, page or issue is written
must keep them.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import F

from articles.models import Article, Issue, Page
from tests.factories import ArticleFactory, IssueFactory, PageFactory

pytestmark = pytest.mark.django_db


def copies(article):
    article.refresh_from_db()
    return article.printed_on, article.page_number


def test_save_copies_the_page_date_and_number():
    page = PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 3, 5)), number=3)
    article = ArticleFactory(page=page)
    assert copies(article) == (datetime.date(2024, 3, 5), 3)


def test_moving_to_another_page_or_off_the_paper_updates_them():
    article = ArticleFactory(page=PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 3, 5)), number=3))
    article.page_id = PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 4, 1)), number=7).pk
    article.save(update_fields=["page"])
    assert copies(article) == (datetime.date(2024, 4, 1), 7)
    article.page = None
    article.save()
    assert copies(article) == (None, None)


def test_renumbering_a_page_or_redating_an_issue_updates_its_articles():
    issue = IssueFactory(printed_on=datetime.date(2024, 3, 5))
    page = PageFactory(issue=issue, number=3)
    articles = [ArticleFactory(page=page) for _ in range(3)]
    page.number = 4
    page.save()
    assert {copies(a) for a in articles} == {(datetime.date(2024, 3, 5), 4)}
    issue.printed_on = datetime.date(2024, 3, 6)
    issue.save()
    assert {copies(a) for a in articles} == {(datetime.date(2024, 3, 6), 4)}
    page.issue = IssueFactory(printed_on=datetime.date(2024, 5, 1))
    page.save()
    assert {copies(a) for a in articles} == {(datetime.date(2024, 5, 1), 4)}


def test_bulk_create_and_bulk_update_fill_them():
    page = PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 3, 5)), number=2)
    other = PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 3, 9)), number=5)
    created = Article.objects.bulk_create([Article(headline=f"稿{i}", page=page) for i in range(2)])
    assert {copies(a) for a in created} == {(datetime.date(2024, 3, 5), 2)}
    for article in created:
        article.page = other
    Article.objects.bulk_update(created, ["page"])
    assert {copies(a) for a in created} == {(datetime.date(2024, 3, 9), 5)}


def test_importing_the_seeds_leaves_no_stale_copy(settings):
    call_command("import_pages", str(settings.BASE_DIR / "seeds"), "--publish", verbosity=0)
    articles = Article.objects.exclude(page=None)
    assert articles.count() > 40
    assert not articles.exclude(printed_on=F("page__issue__printed_on")).exists()
    assert not articles.exclude(page_number=F("page__number")).exclude(page_number=None).exists()
    assert not articles.filter(page_number=None).exclude(page__number=None).exists()


def test_the_admin_lists_in_print_order(admin_client):
    old = PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 1, 1)), number=1)
    new_front = PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 2, 1)), number=1)
    new_back = Page.objects.create(issue=Issue.objects.get(printed_on=datetime.date(2024, 2, 1)), number=2)
    loose = ArticleFactory(page=None, headline="无版面")
    ArticleFactory(page=old, position=1, headline="旧一版")
    ArticleFactory(page=new_back, position=1, headline="新二版")
    ArticleFactory(page=new_front, position=2, headline="新一版第二篇")
    ArticleFactory(page=new_front, position=1, headline="新一版第一篇")
    response = admin_client.get("/admin/articles/article/")
    listed = [a.headline for a in response.context["cl"].result_list]
    assert listed == ["新一版第一篇", "新一版第二篇", "新二版", "旧一版", loose.headline]


def test_a_raw_save_of_an_old_version_gets_the_copies():
    """History reverts, fixtures and import_content deserialize without Article.save()."""
    from django.core import serializers

    article = ArticleFactory(page=PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 3, 5)), number=6))
    data = serializers.serialize("json", [article])
    Article.objects.filter(pk=article.pk).update(printed_on=None, page_number=None)
    stale = data.replace('"printed_on": "2024-03-05"', '"printed_on": null').replace(
        '"page_number": 6', '"page_number": null'
    )
    assert stale != data
    for restored in serializers.deserialize("json", stale):
        restored.save()
    assert copies(article) == (datetime.date(2024, 3, 5), 6)


def test_renumbering_a_page_and_redating_an_issue_recopy_in_one_update():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = PageFactory(number=3)
    articles = ArticleFactory.create_batch(3, page=page)
    page.number = 5
    with CaptureQueriesContext(connection) as ctx:
        page.save()
    updates = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith('UPDATE "articles_article"')]
    assert len(updates) == 1
    issue = page.issue
    issue.printed_on = datetime.date(2024, 3, 1)
    issue.save()
    assert {(a.printed_on, a.page_number) for a in Article.objects.filter(pk__in=[a.pk for a in articles])} == {
        (datetime.date(2024, 3, 1), 5)
    }
