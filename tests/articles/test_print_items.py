"""Advertising and notices are printed with their page and shown there, labelled, and nowhere else.

With the real seeds: 004 prints the 中国银行 ad ``E抵贷``, 002 the public-service ad ``燃气安全用 安心每一天``
and 003 the notice ``株洲群星合唱团 招募新团员``.
"""

import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import search as search_index
from articles import stats
from articles.models import Article, Byline, Person, Role, Section
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db

AD, PSA, NOTICE = "E抵贷", "燃气安全用 安心每一天", "株洲群星合唱团 招募新团员"


@pytest.fixture
def seeds():
    call_command("import_pages", *map(str, SEED_FILES), "--publish", stdout=io.StringIO())
    printed = {
        kind: Article.objects.get(kind=kind)
        for kind in (Article.Kind.ADVERTISEMENT, Article.Kind.PSA, Article.Kind.NOTICE)
    }
    assert printed[Article.Kind.ADVERTISEMENT].headline == AD
    assert printed[Article.Kind.PSA].headline == PSA
    assert printed[Article.Kind.NOTICE].headline == NOTICE
    assert all(a.is_public and a.page_id for a in printed.values())
    return printed


@pytest.fixture
def ad(seeds):
    return seeds[Article.Kind.ADVERTISEMENT]


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_each_is_on_its_epaper_page_labelled(client, seeds):
    for kind, label in (
        (Article.Kind.ADVERTISEMENT, "广告"),
        (Article.Kind.PSA, "公益广告"),
        (Article.Kind.NOTICE, "公告"),
    ):
        item = seeds[kind]
        page = html(client, item.page.get_absolute_url())
        box = page.split(f'aria-label="{label}"', 1)[1].split("</aside>", 1)[0]
        assert f'<p class="print-label">{label}</p>' in box
        assert f'<h3 class="item-title">{item.headline}</h3>' in box
        assert item.get_absolute_url() not in page  # shown whole, linking nowhere
    notice = html(client, seeds[Article.Kind.NOTICE].page.get_absolute_url())
    assert "急需招募男团员20人、女团员10人" in notice
    # An ad's short slogans and figures run together in one paragraph, not a column of fragments.
    ad_page = html(client, seeds[Article.Kind.ADVERTISEMENT].page.get_absolute_url())
    assert "<p>一键随心 经验安心 个人普惠金融贷款 E抵贷 房产抵押贷，经营不等待 1000万 最高额度" in ad_page
    # The issue's table of contents lists it with its page, labelled, unlinked.
    contents = html(client, seeds[Article.Kind.ADVERTISEMENT].page.issue.get_absolute_url())
    assert f'<span class="print-label">广告</span> {AD}</li>' in contents


def test_the_editorial_stories_of_the_same_page_still_link(client, ad):
    page = html(client, ad.page.get_absolute_url())
    neighbour = Article.objects.get(page=ad.page, headline="茶陵退役军人织密防溺水“安全网”")
    assert f'<a href="{neighbour.get_absolute_url()}">' in page
    assert page.count('class="print-label"') == 1


def test_not_on_home_section_person_tag_or_search_pages(client, seeds, ad):
    # Even once an editor files the ad under a person and a tag, no list shows it.
    person = Person.objects.create(name="广告设计", slug="guanggaosheji")
    Byline.objects.create(article=ad, person=person, role=Role.DESIGNER)
    ad.tags.add("株洲")
    Byline.objects.create(
        article=Article.objects.get(headline="茶陵退役军人织密防溺水“安全网”"), person=person, role=Role.DESIGNER
    )
    pages = ["/", "/search/?q=株洲", person.get_absolute_url()]
    pages += [reverse("articles:tag", kwargs={"slug": Tag.objects.get(name="株洲").slug})]
    pages += [section.get_absolute_url() for section in Section.objects.all()]
    tagged_news = Article.objects.listed().filter(tags__name="株洲").exists()
    responses = {}
    for url in pages:
        response = responses[url] = client.get(url)
        if url.startswith("/tags/") and not tagged_news:
            assert response.status_code == 404
            continue
        text = response.content.decode()
        for item in seeds.values():
            assert item.get_absolute_url() not in text, (url, item.headline)
            assert item.headline not in text, (url, item.headline)
    # The search index holds them, but the search finds only the stories.
    hidden = {item.pk for item in seeds.values()}
    assert client.get("/search/?q=株洲").context["results"]
    for query in ("中国银行", AD, "燃气安全", "招募新团员"):
        assert {pk for pk, _ in search_index.ranked(Article.objects.published(), query)} & hidden, query
        assert not {r.pk for r in client.get("/search/", {"q": query}).context["results"]} & hidden, query
    # The designer's page counts the one story, not the ad.
    assert responses[person.get_absolute_url()].context["roles"] == [(Role.DESIGNER, "设计", 1)]


def test_no_page_of_its_own(client, seeds):
    for item in seeds.values():
        assert client.get(item.get_absolute_url()).status_code == 404
        assert client.get(reverse("articles:article_short", kwargs={"pk": item.pk})).status_code == 404
        assert client.get(reverse("articles:api_article_detail", kwargs={"pk": item.pk})).status_code == 404


def test_not_in_feeds_sitemap_or_api(client, seeds):
    headlines = {item.headline for item in seeds.values()}
    urls = ["/feeds/latest/", "/feeds/latest/atom/"]
    urls += [f"/feeds/sections/{item.section.slug}/" for item in seeds.values()]
    for url in urls:
        text = html(client, url)
        assert not any(h in text for h in headlines), url
    sitemap = html(client, "/sitemap.xml")
    for item in seeds.values():
        assert f"{item.get_absolute_url()}</loc>" not in sitemap
    assert ET.fromstring(sitemap.encode())  # still a valid sitemap, with the news in it
    assert Article.objects.listed().first().get_absolute_url() in sitemap
    listed = client.get("/api/articles/", {"limit": 100}).json()["results"]
    assert len(listed) == Article.objects.listed().count() == Article.objects.published().count() - 3
    assert not {a["headline"] for a in listed} & headlines
    assert client.get("/api/articles/", {"kind": "advertisement"}).json()["results"] == []
    found = client.get("/api/articles/", {"q": "中国银行"}).json()["results"]
    assert seeds[Article.Kind.ADVERTISEMENT].pk not in {a["id"] for a in found}


def test_never_counted_in_stats(ad):
    designer = Person.objects.create(name="美编甲", slug="meibianjia")
    Byline.objects.create(article=ad, person=designer, role=Role.DESIGNER)
    day = timezone.localdate(ad.published_at)
    assert stats.output_stats(start=day, end=day, person="美编甲") == []
    story = Article.objects.listed().filter(page=ad.page).first()
    Byline.objects.create(article=story, person=designer, role=Role.DESIGNER)
    rows = stats.output_stats(start=day, end=day, person="美编甲")
    assert [(r.role, r.articles) for r in rows] == [(Role.DESIGNER, 1)]
    assert [t.articles for t in stats.person_totals(start=day, end=day, person="美编甲")] == [1]


def test_a_notice_the_editor_withdraws_leaves_its_page(client, seeds):
    notice = seeds[Article.Kind.NOTICE]
    url = notice.page.get_absolute_url()
    assert "公告" in html(client, url)
    notice.status = Article.Status.DRAFT
    notice.save()
    assert NOTICE not in html(client, url)
    notice.status, notice.published_at = Article.Status.PUBLISHED, timezone.now() - datetime.timedelta(minutes=1)
    notice.save()
    assert f'<h3 class="item-title">{NOTICE}</h3>' in html(client, url)


def test_the_admin_views_it_on_its_epaper_page(admin_client, client, ad):
    change = admin_client.get(reverse("admin:articles_article_change", args=[ad.pk])).content.decode()
    address = f"{ad.page.get_absolute_url()}#a-{ad.pk}"
    assert f'href="{address}"' in change
    assert f'<aside id="a-{ad.pk}" class="item print-item print-advertisement"' in html(
        client, ad.page.get_absolute_url()
    )


def test_the_epaper_page_costs_the_same_queries_with_more_ads(client, ad):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cost(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = [ad.page.get_absolute_url(), ad.page.issue.get_absolute_url()]
    before = [cost(url) for url in urls]
    for n in range(5):
        Article.objects.create(
            kind=Article.Kind.ADVERTISEMENT, headline=f"广告{n}", body="一键随心", page=ad.page, position=90 + n,
            status=Article.Status.PUBLISHED, published_at=ad.published_at,
        )  # fmt: skip
    assert [cost(url) for url in urls] == before
    assert client.get(urls[0]).content.decode().count('<p class="print-label">广告</p>') == 6
