"""Which matches get ranked: the SEARCH_WINDOW newest in the queryset, on both databases.

PostgreSQL finds them a few days of the archive at a time (articles.PostgresBackend);
these tests shrink the window and the batches so that every path runs on a few dozen
articles, and compare with the newest matches worked out here.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from articles import search, workflow
from articles.models import Article
from articles.search.postgres import DOCUMENTS, PostgresBackend
from tests import factories
from tests.articles.public_data import story

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's index layout")

WINDOW = 5


@pytest.fixture(autouse=True, params=["batches of 8", "days of few rows"])
def small_window(request, monkeypatch):
    """A small window and batches; on PostgreSQL the reads by days span any number of days, or
    only those that hold two rows of the index."""
    monkeypatch.setattr(search, "SEARCH_WINDOW", WINDOW)
    monkeypatch.setattr(PostgresBackend, "BATCH", 8)
    monkeypatch.setattr(PostgresBackend, "FIRST_DAYS", 2)
    if request.param == "days of few rows":
        monkeypatch.setattr(PostgresBackend, "RANGE_ROWS", 2)


def days_ago(days, hours=0):
    return timezone.now() - datetime.timedelta(days=days, hours=hours)


def newest(articles, count=WINDOW):
    """What ranked() must pick: newest first, never-published last."""
    key = lambda a: (a.published_at is not None, a.published_at or timezone.now(), a.pk)  # noqa: E731
    return {a.pk for a in sorted(articles, key=key, reverse=True)[:count]}


def picked(queryset, query):
    return {pk for pk, _ in search.ranked(queryset, query)}


@pytest.fixture
def archive():
    """Matches of 商会 spread over ten years, denser lately, among articles that do not match."""
    section = factories.SectionFactory()
    matches = []
    for n in range(40):
        age = n * n * 2 + n  # 0, 3, 10, 21, ... up to about 8 years
        matches.append(story(headline=f"商会消息{n}", published_at=days_ago(age, hours=n % 24)))
    for n in range(20):
        story(headline=f"天气预报{n}", published_at=days_ago(n))
    matches.append(story(headline="商会草稿", status=Article.Status.DRAFT))
    matches.append(story(headline="商会待发", published_at=timezone.now() + datetime.timedelta(days=3)))
    filtered = [story(headline="商会专栏", published_at=days_ago(age), section=section) for age in (700, 2000)]
    return matches + filtered, section


def test_the_newest_matches_are_ranked(archive):
    matches, _ = archive
    public = [a for a in matches if a.is_public]
    assert picked(Article.objects.published(), "商会") == newest(public)


def test_all_matches_when_fewer_than_the_window(archive):
    matches, section = archive
    assert picked(Article.objects.published().filter(section=section), "商会") == {a.pk for a in matches[-2:]}
    assert picked(Article.objects.published(), "天气预报") == newest(
        Article.objects.published().filter(headline__startswith="天气预报")
    )


def test_a_larger_window_reaches_back_through_the_years(archive, monkeypatch):
    matches, _ = archive
    public = [a for a in matches if a.is_public]
    monkeypatch.setattr(search, "SEARCH_WINDOW", 30)
    assert picked(Article.objects.published(), "商会") == newest(public, 30)


def test_unpublished_and_scheduled_matches_for_querysets_that_include_them(archive, monkeypatch):
    matches, _ = archive
    assert picked(Article.objects.all(), "商会") == newest(matches)
    monkeypatch.setattr(search, "SEARCH_WINDOW", 100)
    assert picked(Article.objects.all(), "商会") == {a.pk for a in matches}


@pytest.mark.parametrize("max_read", [20, 2])
def test_filters_that_keep_few_matches(archive, monkeypatch, max_read):
    monkeypatch.setattr(PostgresBackend, "MAX_READ", max_read)  # 2: the filtered articles lead
    matches, section = archive
    # One match in seven, and one of the section's: the filter keeps few of what the index finds.
    some = matches[::7] + [matches[-1]]
    kept = Article.objects.published().filter(pk__in=[a.pk for a in some])
    assert picked(kept, "商会") == newest([a for a in some if a.is_public])


def test_filters_that_rule_everything_out(archive, client):
    assert search.search(Article.objects.none(), "商会") == []
    assert client.get("/search/", {"q": "商会", "person": "nobody"}).status_code == 200


def test_many_matches_on_one_day():
    today = [story(headline=f"商会今日{n}", published_at=days_ago(0, hours=1)) for n in range(12)]
    story(headline="商会去年", published_at=days_ago(400))
    assert picked(Article.objects.published(), "商会") == newest(today)


def test_rescheduling_moves_an_article_into_the_window(archive):
    matches, _ = archive
    oldest = min((a for a in matches if a.is_public), key=lambda a: a.published_at)
    assert oldest.pk not in picked(Article.objects.published(), "商会")
    workflow.publish_articles(articles=Article.objects.filter(pk=oldest.pk), by=None, at=days_ago(0, hours=1))
    assert oldest.pk in picked(Article.objects.published(), "商会")
    workflow.unpublish_articles(articles=Article.objects.filter(pk=oldest.pk), by=None)
    assert oldest.pk not in picked(Article.objects.published(), "商会")


def published_on(pk):
    """The date the index holds for an article; None for -infinity (never published)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT CASE WHEN isfinite(published_on) THEN published_on END FROM {search.TABLE} WHERE article_id = %s",
            [pk],
        )
        return cursor.fetchone()[0]


@postgres_only
def test_the_index_keeps_the_publication_date_whoever_writes_it():
    article = story(headline="商会成立", status=Article.Status.DRAFT)
    assert published_on(article.pk) is None
    at = datetime.datetime(2020, 5, 4, 23, 30, tzinfo=datetime.UTC)
    workflow.publish_articles(articles=Article.objects.filter(pk=article.pk), by=None, at=at)
    assert published_on(article.pk) == datetime.date(2020, 5, 4)
    Article.objects.filter(pk=article.pk).update(published_at=at + datetime.timedelta(days=400))
    assert published_on(article.pk) == datetime.date(2021, 6, 8)
    article.refresh_from_db()
    article.published_at = None
    article.status = Article.Status.DRAFT
    article.save()
    assert published_on(article.pk) is None
    # Written by the index itself: the article's date at that moment.
    article.published_at = at
    article.save()
    search.index_articles([article.pk])
    assert published_on(article.pk) == datetime.date(2020, 5, 4)


@postgres_only
def test_the_date_trigger_fires_only_when_the_publication_time_changes():
    """No work per inserted article (an import inserts 100,000): a new article has no document yet."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'articles_search_follow_article'")
        (definition,) = cursor.fetchone()
    assert "AFTER UPDATE OF published_at" in definition and "INSERT" not in definition
    assert "old.published_at is distinct from new.published_at" in definition.lower()


@postgres_only
def test_migration_0010_converts_the_old_documents_into_the_written_ones():
    """0010 turns the old whole document into ``document`` and ``lexemes`` in SQL; same as write()."""
    article = story(headline="全市商会人民调解组织成立", body="株洲日报讯 服务保障民营经济健康发展,GDP增长。")
    title, body, grams = search.document("", article.headline, "", article.body)
    with connection.cursor() as cursor:
        # The document as 0007 wrote it, converted as 0010 does.
        cursor.execute(
            "SELECT ts_filter(old, '{a,b}') = d.document, strip(old) = s.lexemes FROM "
            "(SELECT setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') "
            "|| setweight(array_to_tsvector(%s::text[]), 'D') AS old) AS o, "
            f"{search.TABLE} AS s JOIN {DOCUMENTS} AS d USING (article_id) WHERE s.article_id = %s",
            [title, body, grams, article.pk],
        )
        assert cursor.fetchone() == (True, True)


def test_an_archive_never_published_is_found_where_the_queryset_includes_it():
    drafts = [story(headline=f"商会草稿{n}", status=Article.Status.DRAFT) for n in range(3)]
    assert picked(Article.objects.all(), "商会") == {a.pk for a in drafts}
    assert picked(Article.objects.published(), "商会") == set()
