"""The one page cache (newsroom/pagecache.py) on the shared file cache: hits, what invalidates, what never is kept."""

import datetime
import io
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article
from newsroom import pagecache
from tests.conftest import SEED_FILES
from tests.factories import ArticleFactory, BylineFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def version():
    return cache.get(pagecache.VERSION_KEY)


def cached_page(client, url):
    """Asks twice: the page as the cache keeps it (the second answer must be a hit)."""
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


def test_second_request_is_a_hit_without_a_query(client, django_assert_num_queries):
    article = ArticleFactory(published=True, headline="缓存前的标题")
    url = article.get_absolute_url()
    first = client.get(url)

    with django_assert_num_queries(0):
        second = client.get(url)

    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content and "缓存前的标题" in second.content.decode()
    assert second["ETag"] == first["ETag"] and second["Last-Modified"]
    assert not hasattr(second.wsgi_request, "session")  # the rest of the stack never ran
    assert not hasattr(second.wsgi_request, "user")


def test_lists_are_kept_too(client):
    article = ArticleFactory(published=True)
    for url in ("/", article.section.get_absolute_url(), reverse("articles:epaper")):
        assert cached_page(client, url).status_code == 200


def test_publishing_shows_after_the_commit_and_not_before(client, admin_client, commit):
    shown = ArticleFactory(published=True)
    draft = ArticleFactory(draft=True, headline="刚刚发布的稿件", section=shown.section)
    commit()
    cached_page(client, "/")

    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_action", "_selected_action": [draft.pk], "apply": "1", "published_at": ""},
    )
    assert response.status_code == 302
    assert client.get("/")["X-Page-Cache"] == "hit"  # not committed yet: readers keep the old page
    assert commit() == [pagecache._new_version]

    page = client.get("/")
    assert page["X-Page-Cache"] == "miss" and "刚刚发布的稿件" in page.content.decode()


def test_withdrawing_ends_the_page(client, admin_client, commit):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    commit()
    cached_page(client, url)

    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish_action", "_selected_action": [article.pk]},
    )
    commit()

    assert client.get(url).status_code == 404


def test_an_edit_through_a_model_save_ends_the_page(client, commit):
    article = ArticleFactory(published=True, headline="旧标题")
    url = article.get_absolute_url()
    commit()
    cached_page(client, url)

    article.headline = "新标题"
    article.save()
    BylineFactory(article=article)
    assert client.get(url)["X-Page-Cache"] == "hit"

    assert commit() == [pagecache._new_version]  # one new version however many rows the transaction wrote
    page = client.get(url)
    assert page["X-Page-Cache"] == "miss" and "新标题" in page.content.decode()


def test_tagging_in_the_workflow_ends_the_page(client, admin_user, commit):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    commit()
    cached_page(client, url)

    workflow.add_tags(articles=Article.objects.filter(pk=article.pk), tags=["新标签"], by=admin_user)
    commit()

    page = client.get(url)
    assert page["X-Page-Cache"] == "miss" and "新标签" in page.content.decode()


def test_an_import_ends_the_pages(client, commit):
    commit()
    cached_page(client, "/")
    before = version()

    call_command("import_pages", str(SEED_FILES[0]), "--publish", stdout=io.StringIO())
    assert version() == before
    commit()

    assert version() != before
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_a_rolled_back_write_changes_nothing(client, commit):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    commit()
    cached_page(client, url)
    before = version()

    with pytest.raises(RuntimeError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(headline="不会保存的标题")
        pagecache.content_changed()
        raise RuntimeError
    commit()

    assert version() == before and client.get(url)["X-Page-Cache"] == "hit"


def test_a_failed_admin_login_leaves_the_cache_alone(client, django_user_model, commit):
    """Anyone can send the login form: neither a failure nor a success empties the readers' cache."""
    django_user_model.objects.create_user("chief1", password="correct horse battery", is_staff=True)
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    commit()
    cached_page(client, url)
    before = version()

    failed = Client().post(reverse("admin:login"), {"username": "chief1", "password": "guess"})
    signed_in = Client().post(reverse("admin:login"), {"username": "chief1", "password": "correct horse battery"})
    assert commit() == []

    assert failed.status_code == 200 and signed_in.status_code == 302
    assert version() == before
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_scheduled_publication_appears_at_its_time(client):
    ArticleFactory(published=True)
    ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(seconds=2),
        headline="定时发布的稿件",
    )
    page = cached_page(client, "/")
    assert "定时发布的稿件" not in page.content.decode()

    time.sleep(2.1)

    page = client.get("/")
    assert page["X-Page-Cache"] == "miss" and "定时发布的稿件" in page.content.decode()


def test_signed_in_users_and_the_admin_are_never_served_from_the_cache(admin_client):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    admin_client.get(url)

    assert "X-Page-Cache" not in admin_client.get(url)
    assert "X-Page-Cache" not in admin_client.get(reverse("admin:index"))


def test_only_gets_and_heads_are_kept(client):
    url = reverse("articles:search")
    cached_page(client, url)

    assert "X-Page-Cache" not in client.post(url)
    assert "X-Page-Cache" not in client.options(url)
    assert client.head(url)["X-Page-Cache"] == "hit"


def test_off_with_zero_seconds(client, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    article = ArticleFactory(published=True)

    assert "X-Page-Cache" not in client.get(article.get_absolute_url())


@pytest.mark.parametrize("cached", [True, False])
def test_conditional_get_answers_304(client, settings, cached):
    if not cached:
        settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    first = client.get(url)
    etag = first["ETag"]

    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200
    if cached:
        hit = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
        assert hit.status_code == 304 and hit["X-Page-Cache"] == "hit" and hit["ETag"] == etag


def test_a_hit_carries_the_headers_of_the_stored_page(client):
    """Served before the security middlewares run, a hit still has their headers (stored with the page)."""
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()

    first, second = client.get(url), client.get(url)

    assert second["X-Page-Cache"] == "hit"
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert first[name]
    assert {k: v for k, v in first.items() if k != "X-Page-Cache"} == {
        k: v for k, v in second.items() if k != "X-Page-Cache"
    }


def test_a_version_changed_by_another_process_ends_the_page(client):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    cached_page(client, url)

    cache.set(pagecache.VERSION_KEY, "written-elsewhere")

    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_lost_version_ends_every_page(client):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    cached_page(client, url)

    cache.delete(pagecache.VERSION_KEY)  # evicted, or the cache restarted without its pages

    assert client.get(url)["X-Page-Cache"] == "miss"


def test_hosts_and_schemes_are_cached_apart(client):
    """The page holds absolute addresses (canonical, og:url): one host's page is never served to another."""
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    client.get(url, headers={"host": "localhost"})

    other = client.get(url, headers={"host": "127.0.0.1"})

    assert other["X-Page-Cache"] == "miss"
    assert "http://127.0.0.1/" in other.content.decode() and "http://localhost/" not in other.content.decode()
    assert client.get(url, secure=True, headers={"host": "127.0.0.1"})["X-Page-Cache"] == "miss"


def test_static_files_the_api_and_sessions_bypass_the_page_cache(rf):
    assert not pagecache.is_public_read(rf.get("/static/articles/site.css"))
    assert not pagecache.is_public_read(rf.get("/api/articles/"))
    assert not pagecache.is_public_read(rf.get("/", HTTP_COOKIE="sessionid=x"))
    assert pagecache.is_public_read(rf.get("/"))


def test_errors_and_private_pages_are_not_kept(client):
    assert "X-Page-Cache" not in client.get(reverse("healthz"))
    missing = client.get("/articles/2024/01/01/999999/")
    assert missing.status_code == 404 and "X-Page-Cache" not in missing


@pytest.mark.django_db(transaction=True)
def test_the_version_changes_when_the_workflow_commits(admin_user):
    article = ArticleFactory(draft=True)
    cache.set(pagecache.VERSION_KEY, "before")
    before = version()

    with transaction.atomic():
        workflow.publish_articles(articles=Article.objects.filter(pk=article.pk), by=admin_user)
        assert version() == before

    assert version() != before


def test_the_redis_cache_reuses_its_client():
    """Django makes a redis client per call; ours keeps one per connection pool (no server needed to see it)."""
    backend = pagecache.RedisCache("redis://127.0.0.1:6379/15", {})

    assert backend._cache.get_client() is backend._cache.get_client(write=True)
