"""History without noise, 发稿统计 on the years that have articles, year links only for those years: test_admin_scale (issue 20)."""

import datetime

import pytest
from django.urls import reverse

from articles import stats
from articles.admin.history import _history_text
from articles.models import Article
from tests.articles.test_admin import _article_form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def test_the_same_text_and_instant_compare_equal():
    assert _history_text("第一段。\r\n\r\n第二段。") == _history_text("第一段。\n\n第二段。")
    utc = datetime.datetime(2024, 1, 22, 14, 24, tzinfo=datetime.UTC)
    assert _history_text(utc) == _history_text(utc.astimezone(SHANGHAI)) == "2024-01-22 22:24:00"
    assert _history_text("2024-01-22T14:24:00Z") == "2024-01-22 22:24:00"
    assert _history_text(None) == ""


def test_the_form_saves_lines_as_the_importer_does(admin_client):
    article = ArticleFactory(body="第一段。\n\n第二段。")
    url = reverse("admin:articles_article_change", args=[article.pk])
    admin_client.post(
        url, _article_form_data(article, body="第一段。\r\n\r\n第二段。", bylines_text="记者 甲\r\n通讯员 乙")
    )
    article.refresh_from_db()
    assert article.body == "第一段。\n\n第二段。"
    assert article.bylines_text == "记者 甲\n通讯员 乙"
    history = admin_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    changed = [change["field"] for entry in history.context["diffs"] for change in entry["changes"]]
    assert "正文" not in changed


def test_stats_open_on_the_year_before_the_latest_article():
    ArticleFactory(published=True, published_at=datetime.datetime(2019, 8, 1, 8, tzinfo=SHANGHAI))
    assert stats.default_range() == (datetime.date(2018, 9, 1), datetime.date(2019, 8, 1))


def test_stats_open_on_the_last_twelve_months_when_nothing_is_published():
    Article.objects.all().delete()
    start, end = stats.default_range()
    assert end == datetime.date.today() or (end - datetime.date.today()).days in (-1, 1)


def test_people_are_listed_in_pinyin_order(admin_client):
    from articles.people import pinyin_slug
    from tests.factories import PersonFactory

    for name in ("何春林", "余敏", "冯晓倩", "刘芳"):
        PersonFactory(name=name, slug=pinyin_slug(name))
    response = admin_client.get(reverse("admin:articles_person_changelist"))
    assert [person.name for person in response.context["cl"].result_list] == ["冯晓倩", "何春林", "刘芳", "余敏"]


def test_readers_never_see_the_preview_banner(client, admin_client):
    article = ArticleFactory(published=True, headline="已发布的稿件")
    assert "preview-banner" in admin_client.get(reverse("admin:articles_article_preview", args=[article.pk])).text
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200 and "已发布的稿件" in response.text
    assert "preview-banner" not in response.text and "预览" not in response.text
