"""Readers' page cache (newsroom/pagecache.py) and conditional GET, with the locmem cache."""

import datetime
import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsroom import pagecache
from tests.conftest import SEED_FILES
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 60
    settings.NEWSROOM_CACHE_VERSION_SECONDS = 0  # every request sees a bump at once
    cache.clear()
    pagecache._local.update(version=None, read_at=0.0)
    pagecache._pages.clear()
    pagecache._fragments.clear()
    yield
    cache.clear()
    pagecache._pages.clear()
    pagecache._fragments.clear()


def test_second_request_is_served_from_the_cache(client):
    article = ArticleFactory(published=True, headline="缓存前的标题")
    url = article.get_absolute_url()

    first, second = client.get(url), client.get(url)

    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content and "缓存前的标题" in second.content.decode()
    assert second["ETag"] == first["ETag"] and second["Last-Modified"]


def test_publishing_in_the_admin_shows_at_once(client, admin_client):
    shown = ArticleFactory(published=True)
    home = reverse("articles:home")
    assert client.get(home)["X-Page-Cache"] == "miss"
    assert client.get(home)["X-Page-Cache"] == "hit"

    draft = ArticleFactory(draft=True, headline="刚刚发布的稿件", section=shown.section)
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_action", "_selected_action": [draft.pk], "apply": "1", "published_at": ""},
    )
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED

    page = client.get(home)
    assert page["X-Page-Cache"] == "miss"
    assert "刚刚发布的稿件" in page.content.decode()


def test_withdrawing_in_the_admin_removes_the_page_at_once(client, admin_client):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish_action", "_selected_action": [article.pk]},
    )

    assert client.get(url).status_code == 404


def test_editing_in_the_admin_invalidates(client, admin_client):
    article = ArticleFactory(published=True, headline="旧标题")
    url = article.get_absolute_url()
    client.get(url)
    version = pagecache.content_version()

    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "add_tags_action", "_selected_action": [article.pk], "apply": "1", "tags": "新标签"},
    )

    assert response.status_code == 302
    assert pagecache.content_version() != version
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_failed_admin_login_leaves_the_cache_alone(client, django_user_model):
    """Issue 17, item 10: the login form again (HTTP 200) wrote nothing; anyone can send it."""
    django_user_model.objects.create_user("chief1", password="correct horse battery", is_staff=True)
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    client.get(url)
    version = pagecache.content_version()

    failed = Client().post(reverse("admin:login"), {"username": "chief1", "password": "guess"})

    assert failed.status_code == 200
    assert pagecache.content_version() == version
    assert client.get(url)["X-Page-Cache"] == "hit"
    signed_in = Client()
    assert (
        signed_in.post(reverse("admin:login"), {"username": "chief1", "password": "correct horse battery"}).status_code
        == 302
    )
    assert pagecache.content_version() != version  # a signed-in user's request may have written: counted as one


def test_a_scheduled_publication_is_not_hidden_by_the_cache(client):
    ArticleFactory(published=True)
    soon = ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(seconds=2),
        headline="定时发布的稿件",
    )
    version = pagecache.content_version()

    assert 0 < pagecache._next_publication_seconds(version) <= 2
    Article.objects.filter(pk=soon.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))
    cache.clear()  # as if the capped entry had expired
    pagecache._pages.clear()
    pagecache._fragments.clear()
    assert "定时发布的稿件" in client.get(reverse("articles:home")).content.decode()


def test_bump_works_without_a_stored_version():
    cache.clear()
    pagecache.bump_content_version()
    first = pagecache.content_version()
    pagecache.bump_content_version()
    assert pagecache.content_version() == first + 1


def test_editors_and_the_admin_are_never_served_from_the_cache(admin_client):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    admin_client.get(url)

    assert "X-Page-Cache" not in admin_client.get(url)
    assert "X-Page-Cache" not in admin_client.get(reverse("admin:index"))


def test_off_by_default_without_redis(client, settings):
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
        since = first["Last-Modified"]
        assert client.get(url, headers={"if-modified-since": since}).status_code == 304


def test_import_command_invalidates():
    version = pagecache.content_version()
    call_command("import_pages", str(SEED_FILES[0]), "--publish", stdout=io.StringIO())

    assert pagecache.content_version() != version


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


def test_a_hit_costs_no_query_and_no_middleware(client, django_assert_num_queries):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    client.get(url)

    with django_assert_num_queries(0):
        response = client.get(url)

    assert response["X-Page-Cache"] == "hit"
    assert not hasattr(response.wsgi_request, "session")  # SessionMiddleware never ran
    assert not hasattr(response.wsgi_request, "user")


def test_a_page_kept_in_the_process_needs_no_trip_to_the_shared_cache(client, settings, monkeypatch):
    settings.NEWSROOM_CACHE_VERSION_SECONDS = 60
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    client.get(url)
    client.get(url)
    trips = []
    real_get = cache.get
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: trips.append(args) or real_get(*args, **kwargs))

    assert client.get(url)["X-Page-Cache"] == "hit"
    assert trips == []


def test_the_copy_in_the_process_ends_with_the_content_version(client, settings):
    """Another node published: this process sees the new version at its next check and drops its copy."""
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    cache.incr(pagecache.VERSION_KEY)  # a write on another node (NEWSROOM_CACHE_VERSION_SECONDS is 0 here)

    assert client.get(url)["X-Page-Cache"] == "miss"


def test_the_copy_in_the_process_lasts_at_most_its_seconds(client, settings):
    settings.NEWSROOM_PAGE_LOCAL_SECONDS = 0
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    client.get(url)

    assert client.get(url)["X-Page-Cache"] == "hit"  # from the shared cache
    assert len(pagecache._pages) == 1 and pagecache._pages.get(next(iter(pagecache._pages._entries))) is None


def test_hosts_and_schemes_are_cached_apart(client):
    """The page holds absolute addresses (canonical, og:url): one host's page is never served to another."""
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    client.get(url, headers={"host": "localhost"})

    other = client.get(url, headers={"host": "127.0.0.1"})

    assert other["X-Page-Cache"] == "miss"
    assert "http://127.0.0.1/" in other.content.decode() and "http://localhost/" not in other.content.decode()
    assert client.get(url, secure=True, headers={"host": "127.0.0.1"})["X-Page-Cache"] == "miss"


def test_static_files_and_the_api_bypass_the_page_cache(rf):
    assert not pagecache.is_public_read(rf.get("/static/articles/site.css"))
    assert not pagecache.is_public_read(rf.get("/api/articles/"))
    assert not pagecache.is_public_read(rf.get("/", HTTP_COOKIE="sessionid=x"))
    assert pagecache.is_public_read(rf.get("/"))


def test_private_pages_are_not_stored(client):
    assert "X-Page-Cache" not in client.get(reverse("healthz"))
    response = client.get(reverse("articles:home"))
    assert response["X-Page-Cache"] == "miss"


def test_last_modified_answers_304_on_a_hit(client):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    first = client.get(url)

    hit = client.get(url, headers={"if-modified-since": first["Last-Modified"]})

    assert hit.status_code == 304 and hit["X-Page-Cache"] == "hit" and hit["ETag"] == first["ETag"]
