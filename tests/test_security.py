"""Security: deployment checks, headers, escaping on every surface, hidden articles, login throttle, SQL.

Article text arrives from page dumps nobody vets, so every surface that shows it is fetched
here with script payloads in the headline and body; drafts and scheduled articles are looked
for on every public address.
"""

import datetime
import io
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Section
from importers.models import RawSource
from tests import factories
from tests.conftest import PROJECT_DIR

HOSTILE = PROJECT_DIR / "tests" / "importers" / "hostile"
PAYLOADS = ["<script>alert(1)</script>", "</script><script>alert(4)</script>", "<img src=x onerror=alert(3)>"]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "",  # filled per test
    "DJANGO_ALLOWED_HOSTS": "www.zzdaily.example,zzdaily.example",
}


def manage(*args, env=None, tmp_path: Path):
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEWSROOM_"))},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": str(PROJECT_DIR),
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, str(PROJECT_DIR / "manage.py"), *args],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production(**extra):
    return {**PRODUCTION, "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), **extra}


# Deployment settings


def test_check_deploy_is_clean_with_production_environment(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production(), tmp_path=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_development_settings(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env={"DJANGO_DEBUG": "1"}, tmp_path=tmp_path)

    assert result.returncode != 0
    for warning in ("security.W018", "security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage("check", env={**PRODUCTION}, tmp_path=tmp_path)

    assert result.returncode != 0 and "DJANGO_SECRET_KEY must be set" in result.stderr


def test_behind_a_proxy_that_redirects_to_https(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)"
    )
    env = production(DJANGO_BEHIND_PROXY="1", DJANGO_SECURE_SSL_REDIRECT="0")
    result = manage("shell", "-c", code, env=env, tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "False",
        "True",
        "31536000",
    ]


@pytest.mark.django_db
def test_http_is_redirected_unless_the_proxy_says_https(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client()  # a new handler reads the settings above

    assert client.get("/robots.txt").status_code == 301
    assert client.get("/robots.txt", headers={"x-forwarded-proto": "https"}).status_code == 200


# Content Security Policy


def inline_scripts(html: str) -> list[str]:
    """``<script>`` elements that would execute inline code: no ``src`` and not a JSON-LD data block."""
    found = []
    for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S | re.I):
        if "src=" in attributes or "application/ld+json" in attributes:
            continue
        found.append(body)
    return found


@pytest.mark.django_db
def test_every_page_carries_a_policy_that_forbids_inline_script(client, admin_client):
    article = factories.ArticleFactory(published=True)
    for response in (
        client.get("/"),
        client.get(article.get_absolute_url()),
        client.get(reverse("articles:search"), {"q": "株洲"}),
        client.get(reverse("admin:login")),
        admin_client.get(reverse("admin:articles_article_change", args=[article.pk])),
    ):
        policy = response.headers["Content-Security-Policy"]
        script_src = re.search(r"script-src ([^;]*)", policy).group(1)
        assert script_src.split() == ["'self'"]
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert inline_scripts(response.content.decode()) == []


# Escaping on every surface


@pytest.fixture
def hostile_article(db):
    """The markup page imported and published, plus an article with payloads in every text field."""
    call_command("import_pages", str(HOSTILE / "script_injection.txt"), "--publish", stdout=io.StringIO())
    imported = Article.objects.get()
    section = Section.objects.filter(is_default=True).first() or factories.SectionFactory()
    crafted = factories.ArticleFactory(
        published=True,
        headline="</script><script>alert(4)</script>",
        kicker="<script>alert(1)</script>",
        subheadline='"><img src=x onerror=alert(3)>',
        body="<script>alert(1)</script>正文\n\n## </script><script>alert(4)</script>\n\n> <img src=x onerror=alert(3)>",
        section=section,
        page=imported.page,
    )
    crafted.tags.add("<script>alert(1)</script>")
    person = factories.PersonFactory(name="<script>alert(1)</script>", slug="script-person")
    factories.BylineFactory(article=crafted, person=person)
    return imported, crafted, person


def assert_no_markup_from_text(html: str):
    """No payload survives as markup; escaped (``&lt;script&gt;``, ``\\u003Cscript``) it is only text."""
    for payload in PAYLOADS:
        assert payload not in html, payload
    for tag in ("<script>alert", "<img src=x", "<svg onload"):
        assert tag not in html, tag


def public_addresses(imported, crafted, person):
    issue_day = imported.page.issue.printed_on
    day = {"year": issue_day.year, "month": issue_day.month, "day": issue_day.day}
    tag = crafted.tags.get()
    return [
        "/",
        imported.get_absolute_url(),
        crafted.get_absolute_url(),
        crafted.section.get_absolute_url(),
        person.get_absolute_url(),
        reverse("articles:tag", kwargs={"slug": tag.slug}),
        reverse("articles:epaper"),
        reverse("articles:issue", kwargs=day),
        reverse("articles:page", kwargs={**day, "page_id": imported.page_id}),
        reverse("articles:search") + "?q=市民热议",
        reverse("articles:search") + "?q=alert",
        reverse("articles:search") + "?q=<script>alert(1)</script>",
        reverse("articles:feed_latest"),
        reverse("articles:feed_latest_atom"),
        reverse("articles:feed_section", kwargs={"slug": crafted.section.slug}),
        reverse("articles:feed_person", kwargs={"slug": person.slug}),
        reverse("articles:feed_tag", kwargs={"slug": tag.slug}),
        reverse("sitemap"),
    ]


def test_article_text_is_escaped_on_every_public_surface(client, hostile_article):
    for address in public_addresses(*hostile_article):
        response = client.get(address)
        assert response.status_code == 200, address
        assert_no_markup_from_text(response.content.decode())


def test_json_ld_cannot_be_closed_from_inside(client, hostile_article):
    _, crafted, _ = hostile_article
    html = client.get(crafted.get_absolute_url()).content.decode()

    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert "</script><script>alert(4)</script>" in json.dumps(data, ensure_ascii=False)  # the text, intact


def test_api_answers_json_never_html(client, hostile_article):
    _, crafted, _ = hostile_article
    for address in (reverse("articles:api_article_list"), reverse("articles:api_article_detail", args=[crafted.pk])):
        response = client.get(address)
        assert response.headers["Content-Type"].startswith("application/json")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "</script><script>alert(4)</script>" in json.dumps(response.json(), ensure_ascii=False)


def test_article_text_is_escaped_in_the_admin(admin_client, hostile_article):
    imported, crafted, person = hostile_article
    source = RawSource.objects.get()
    addresses = [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_changelist") + "?q=alert",
        reverse("admin:articles_article_change", args=[imported.pk]),
        reverse("admin:articles_article_change", args=[crafted.pk]),
        reverse("admin:articles_article_preview", args=[crafted.pk]),
        reverse("admin:articles_article_history", args=[crafted.pk]),
        reverse("admin:importers_rawsource_change", args=[source.pk]),
        reverse("admin:articles_person_changelist"),
        reverse("admin:articles_person_change", args=[person.pk]),
        reverse("admin:articles_page_change", args=[imported.page_id]),
    ]
    for address in addresses:
        response = admin_client.get(address)
        assert response.status_code == 200, address
        html = response.content.decode()
        # Django's own admin scripts are loaded by src; none of the article's markup is live.
        assert_no_markup_from_text(html)


# Drafts and scheduled articles


@pytest.fixture
def hidden_articles(db):
    """A draft, an article in review, an archived one and one scheduled for tomorrow, sharing a marker."""
    page = factories.PageFactory(issue__printed_on=datetime.date(2024, 5, 6))
    section = factories.SectionFactory(name="隐藏栏目", slug="hidden-section")
    person = factories.PersonFactory(name="隐身记者", slug="yinshen")
    visible = factories.ArticleFactory(published=True, headline="公开稿件", page=page, section=section)
    hidden = [
        factories.ArticleFactory(draft=True, headline="蓝鲸秘密稿件", page=page, section=section),
        factories.ArticleFactory(status=Article.Status.REVIEW, headline="白鹭秘密稿件", page=page, section=section),
        factories.ArticleFactory(
            status=Article.Status.ARCHIVED, published_at=timezone.now(), headline="赤狐秘密稿件", section=section
        ),
        factories.ArticleFactory(
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() + datetime.timedelta(days=1),
            headline="黑熊秘密稿件",
            page=page,
            section=section,
        ),
    ]
    for article in hidden:
        article.tags.add("秘密标签")
        factories.BylineFactory(article=article, person=person)
    visible.tags.add("公开标签")
    from articles.search import index_articles

    index_articles([a.pk for a in [visible, *hidden]])
    return visible, hidden, person


def test_hidden_articles_are_absent_from_every_public_surface(client, hidden_articles):
    visible, hidden, person = hidden_articles
    day = visible.page.issue.printed_on
    kwargs = {"year": day.year, "month": day.month, "day": day.day}
    addresses = [
        "/",
        visible.section.get_absolute_url(),
        reverse("articles:epaper"),
        reverse("articles:issue", kwargs=kwargs),
        reverse("articles:page", kwargs={**kwargs, "page_id": visible.page_id}),
        reverse("articles:search") + "?q=秘密稿件",
        reverse("articles:search") + "?q=稿件",
        reverse("articles:feed_latest"),
        reverse("articles:feed_latest_atom"),
        reverse("articles:feed_section", kwargs={"slug": visible.section.slug}),
        reverse("sitemap"),
        reverse("articles:api_article_list"),
        reverse("articles:api_article_list") + "?q=秘密稿件",
    ]
    secrets_shown = ["蓝鲸", "白鹭", "赤狐", "黑熊", "秘密标签", "隐身记者", *(a.get_absolute_url() for a in hidden)]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        html = response.content.decode()
        assert not [secret for secret in secrets_shown if secret in html], address
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
        assert client.get(reverse("articles:article_short", args=[article.pk])).status_code == 404
        assert client.get(reverse("articles:api_article_detail", args=[article.pk])).status_code == 404
    # A person and a tag known only from hidden articles are not public either.
    assert client.get(person.get_absolute_url()).status_code == 404
    assert client.get(reverse("articles:feed_person", kwargs={"slug": person.slug})).status_code == 404
    assert client.get(reverse("articles:tag", kwargs={"slug": "秘密标签"})).status_code == 404
    assert client.get(reverse("articles:feed_tag", kwargs={"slug": "秘密标签"})).status_code == 404
    # Counts on the section page count the public article only.
    api = client.get(reverse("articles:api_article_list")).json()
    assert [item["headline"] for item in api["results"]] == ["公开稿件"]


# Admin login throttle


@pytest.fixture
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_admin_login_is_throttled_after_repeated_failures(client, django_user_model, settings, fresh_throttle):
    django_user_model.objects.create_user("chief", password="correct horse battery", is_staff=True)
    login = reverse("admin:login")
    for _ in range(settings.NEWSROOM_LOGIN_FAILURES_PER_USER):
        response = client.post(login, {"username": "chief", "password": "guess"})
        assert response.status_code == 200  # the form again, with the error

    blocked = client.post(login, {"username": "chief", "password": "correct horse battery"})

    assert blocked.status_code == 429 and "登录失败次数过多" in blocked.content.decode()
    assert int(blocked.headers["Retry-After"]) == settings.NEWSROOM_LOGIN_LOCKOUT_SECONDS
    assert "_auth_user_id" not in client.session
    # Another account from the same address may still log in, until the address's own limit.
    django_user_model.objects.create_user("editor", password="another good one", is_staff=True)
    assert client.post(login, {"username": "editor", "password": "another good one"}).status_code == 302


@pytest.mark.django_db
def test_one_address_cannot_try_many_accounts(client, settings, fresh_throttle):
    settings.NEWSROOM_LOGIN_FAILURES_PER_ADDRESS = 6
    login = reverse("admin:login")
    for n in range(6):
        assert client.post(login, {"username": f"user{n}", "password": "x"}).status_code == 200

    assert client.post(login, {"username": "user99", "password": "x"}).status_code == 429
    other_address = Client(REMOTE_ADDR="10.0.0.9")
    assert other_address.post(login, {"username": "user99", "password": "x"}).status_code == 200


@pytest.mark.django_db
def test_a_successful_login_clears_the_account_failures(client, django_user_model, settings, fresh_throttle):
    django_user_model.objects.create_user("chief", password="correct horse battery", is_staff=True)
    login = reverse("admin:login")
    for _ in range(settings.NEWSROOM_LOGIN_FAILURES_PER_USER - 1):
        client.post(login, {"username": "chief", "password": "guess"})
    assert client.post(login, {"username": "chief", "password": "correct horse battery"}).status_code == 302
    client.logout()

    for _ in range(settings.NEWSROOM_LOGIN_FAILURES_PER_USER - 1):
        assert client.post(login, {"username": "chief", "password": "guess"}).status_code == 200


@pytest.mark.django_db
def test_look_alike_user_names_count_as_the_account_they_log_in_to(
    client, django_user_model, settings, fresh_throttle
):
    """Issue 17, item 4: Django's login form reads ``ｃｈｉｅｆ1`` (full-width) as ``chief1``; so does the throttle."""
    django_user_model.objects.create_user("chief1", password="correct horse battery", is_staff=True)
    login = reverse("admin:login")
    assert client.post(login, {"username": "ｃｈｉｅｆ1", "password": "correct horse battery"}).status_code == 302
    client.logout()
    for _ in range(settings.NEWSROOM_LOGIN_FAILURES_PER_USER):
        assert client.post(login, {"username": "chief1", "password": "guess"}).status_code == 200

    for spelling in ("ｃｈｉｅｆ1", "chief１", " chief1\u3000", "Chief1", "CHIEF1"):
        response = client.post(login, {"username": spelling, "password": "correct horse battery"})
        assert response.status_code == 429, spelling
    assert "_auth_user_id" not in client.session


def through_proxy(client_address, proxy="10.0.0.1", forwarded=None):
    """A client of the proxy at ``proxy``, which appends the address it got the request from."""
    chain = f"{forwarded}, {client_address}" if forwarded else client_address
    return Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=chain)


@pytest.mark.django_db
def test_behind_a_trusted_proxy_failures_count_per_client_not_per_proxy(django_user_model, settings, fresh_throttle):
    """Issue 17, item 5: 20 failed logins from one client behind the proxy lock out that client, not every editor."""
    settings.NEWSROOM_TRUSTED_PROXIES = ["10.0.0.0/8"]
    django_user_model.objects.create_user("editor1", password="another good one", is_staff=True)
    login = reverse("admin:login")
    attacker = through_proxy("203.0.113.7")
    for n in range(settings.NEWSROOM_LOGIN_FAILURES_PER_ADDRESS):
        assert attacker.post(login, {"username": f"user{n}", "password": "x"}).status_code == 200

    assert attacker.post(login, {"username": "user99", "password": "x"}).status_code == 429
    # What the attacker writes into X-Forwarded-For stands left of what the proxy appended: never read.
    forged = through_proxy("203.0.113.7", forwarded="198.51.100.2")
    assert forged.post(login, {"username": "user99", "password": "x"}).status_code == 429
    # Two proxies (both trusted): the client is the first address from the right that is not one of them.
    chained = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2")
    assert chained.post(login, {"username": "user99", "password": "x"}).status_code == 429
    editor = through_proxy("198.51.100.2")
    assert editor.post(login, {"username": "editor1", "password": "another good one"}).status_code == 302


@pytest.mark.django_db
def test_forwarded_for_is_ignored_unless_the_proxy_is_trusted(settings, fresh_throttle):
    settings.NEWSROOM_LOGIN_FAILURES_PER_ADDRESS = 3
    login = reverse("admin:login")

    settings.NEWSROOM_TRUSTED_PROXIES = []  # the default: REMOTE_ADDR is the client, whatever the header says
    for n in range(3):
        client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        assert client.post(login, {"username": f"user{n}", "password": "x"}).status_code == 200
    assert (
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.50").post(login, {"username": "u"}).status_code
        == 429
    )

    settings.NEWSROOM_TRUSTED_PROXIES = ["10.0.0.1"]  # a client that is not the proxy cannot pick its address
    direct = Client(REMOTE_ADDR="192.0.2.9")
    for n in range(3):
        spoofed = Client(REMOTE_ADDR="192.0.2.9", HTTP_X_FORWARDED_FOR=f"203.0.113.{100 + n}")
        assert spoofed.post(login, {"username": f"user{n}", "password": "x"}).status_code == 200
    assert direct.post(login, {"username": "u", "password": "x"}).status_code == 429


def test_client_address_reads_the_chain_from_the_right(rf, settings):
    from newsroom.security import client_address

    settings.NEWSROOM_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8", "::1"]

    def address(remote, forwarded=None):
        extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
        return client_address(rf.post("/admin/login/", REMOTE_ADDR=remote, **extra))

    assert address("127.0.0.1", "198.51.100.2") == "198.51.100.2"
    assert address("127.0.0.1", "evil, 203.0.113.7, 10.1.2.3") == "203.0.113.7"
    assert address("::1", "2001:DB8::0:1") == "2001:db8::1"
    assert address("127.0.0.1", "") == "127.0.0.1"  # the proxy's own request
    assert address("127.0.0.1", "10.0.0.5") == "127.0.0.1"
    assert address("127.0.0.1", "not-an-address") == "not-an-address"
    assert address("192.0.2.1", "198.51.100.2") == "192.0.2.1"


# NUL


NUL_ADDRESSES = [
    "/tags/%00/",
    "/feeds/tags/%00/",
    "/feeds/tags/%00/atom/",
    "/people/a%00b/",
    "/search/?q=%00",
    "/search/?q=%E6%A0%AA%E6%B4%B2%00%E5%95%86%E4%BC%9A",
    "/api/articles/?q=%E6%A0%AA%E6%B4%B2%00",
    "/api/articles/?tag=%00",
    "/?page=%00",
    "/search/?q=%E5%95%86%E4%BC%9A&a%00b=1",
]
NUL_ADMIN_ADDRESSES = [
    "/admin/articles/article/?status=%00",
    "/admin/articles/article/?q=%00",
    "/admin/articles/article/%00/change/",
    "/admin/autocomplete/?app_label=articles&model_name=byline&field_name=article&term=%00",
    "/admin/articles/person/?q=%E6%88%90%00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("address", NUL_ADDRESSES)
def test_a_nul_in_a_public_address_is_refused(client, address):
    """Issue 17, item 7: on PostgreSQL /tags/%00/ and /feeds/tags/%00/ answered 500 (NUL in a text value)."""
    factories.ArticleFactory(published=True, tags=["商会"])

    response = client.get(address)

    assert response.status_code == (404 if "?" not in address else 400)


@pytest.mark.django_db
@pytest.mark.parametrize("address", NUL_ADMIN_ADDRESSES)
def test_a_nul_in_an_admin_address_is_refused(admin_client, address):
    factories.ArticleFactory(headline="株洲商会调解")

    response = admin_client.get(address)

    assert response.status_code == (404 if "?" not in address else 400)


# Search size


HUGE_SEARCH = " ".join(f"词{n}" for n in range(3000))  # 3,000 terms, ~17 KB: held a worker 20 s in the admin


@pytest.mark.django_db
def test_an_admin_search_uses_its_first_terms_only(admin_client):
    """Issue 17, item 8: the admin list and autocomplete search at most MAX_QUERY_TERMS words."""
    from articles.search import MAX_QUERY_TERMS

    factories.ArticleFactory(headline="词0 词1 词2 词3 词4 词5 词6 词7 词8 词9 的报道")  # every word AND-ed
    factories.ArticleFactory(headline="词0 词1 的报道")
    changelist = reverse("admin:articles_article_changelist")

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(changelist, {"q": HUGE_SEARCH})

    assert response.status_code == 200
    assert [a.headline for a in response.context["cl"].result_list] == [
        "词0 词1 词2 词3 词4 词5 词6 词7 词8 词9 的报道"
    ]
    assert "只按前 10 个词" in response.text
    likes = max(query["sql"].count(" LIKE ") for query in queries.captured_queries)
    assert 0 < likes <= MAX_QUERY_TERMS * 6  # six search fields
    with CaptureQueriesContext(connection) as queries:
        found = admin_client.get(
            reverse("admin:autocomplete"),
            {"app_label": "articles", "model_name": "byline", "field_name": "article", "term": HUGE_SEARCH},
        )
    assert [r["text"] for r in found.json()["results"]] == ["词0 词1 词2 词3 词4 词5 词6 词7 词8 词9 的报道"]
    assert max(query["sql"].count(" LIKE ") for query in queries.captured_queries) <= MAX_QUERY_TERMS * 6


def test_every_admin_search_is_capped():
    from django.contrib import admin

    from articles.admin.search import CappedSearchMixin

    searching = {model.__name__ for model, model_admin in admin.site._registry.items() if model_admin.search_fields}
    capped = {
        model.__name__
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, CappedSearchMixin)
    }
    assert {"Article", "Byline", "Person", "User", "Tag", "RawSource"} <= searching
    assert searching <= capped


@pytest.mark.django_db
def test_a_readers_search_uses_its_first_terms_only(client, monkeypatch):
    from articles import search

    article = factories.ArticleFactory(published=True, headline="株洲商会调解", body="株洲市商会人民调解委员会成立。")
    search.index_articles([article.pk])
    searched = []
    backend = type(search._backend())
    expression = backend.expression
    monkeypatch.setattr(
        backend,
        "expression",
        staticmethod(lambda terms, grams: searched.append((terms, grams)) or expression(terms, grams)),
    )
    query = "株洲 商会 " + " ".join(f"词{n}" for n in range(3000))

    page = client.get(reverse("articles:search"), {"q": query})
    api = client.get(reverse("articles:api_article_list"), {"q": "株洲 商会 " * 1500})

    assert page.status_code == 200 and api.status_code == 200
    assert [result["headline"] for result in api.json()["results"]] == ["株洲商会调解"]
    assert len(searched) == 2
    for terms, grams in searched:
        assert len(terms) <= search.MAX_QUERY_TERMS and len(grams) < search.MAX_QUERY_CHARS
    assert searched[1][0] == ["株洲", "商会"]


# SQL


SQL_METACHARACTERS = [
    "'",
    '"',
    "\\",
    "' OR 1=1 --",
    '" OR ""="',
    "株洲'; DROP TABLE articles_article; --",
    "商会%",
    "商_会",
    "商会) OR (1=1",
    "NEAR(株洲 商会)",
    "株洲 AND OR NOT",
    "株洲:* & !商会 | 调解",
    "株洲*",
    "^商会",
    "{株洲}",
    "%27%20OR%201%3D1",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", SQL_METACHARACTERS)
def test_search_with_sql_and_query_syntax_is_just_text(client, query):
    article = factories.ArticleFactory(published=True, headline="株洲商会调解", body="株洲市商会人民调解委员会成立。")
    from articles.search import index_articles

    index_articles([article.pk])

    page = client.get(reverse("articles:search"), {"q": query})
    api = client.get(reverse("articles:api_article_list"), {"q": query})

    assert page.status_code == 200
    assert api.status_code in (200, 400)  # 400: too short to search, said in JSON
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("query", SQL_METACHARACTERS)
def test_admin_search_with_sql_metacharacters(admin_client, query):
    factories.ArticleFactory(headline="株洲商会调解")

    response = admin_client.get(reverse("admin:articles_article_changelist"), {"q": query})

    assert response.status_code == 200
