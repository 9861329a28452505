import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Role
from tests import factories
from tests.articles.public_data import story

pytestmark = pytest.mark.django_db

HIDDEN = ("草稿稿件", "定时稿件", "待审稿件")


@pytest.fixture
def content():
    section = factories.SectionFactory(name="经济", slug="jingji")
    person = factories.PersonFactory(name="成姣兰", slug="chengjiaolan")
    fields = {"section": section, "people": [(person, Role.REPORTER)], "tags": ["商会"]}
    visible = story(headline="公开稿件", body="<b>正文</b>第一段。\n\n第二段。", **fields)
    story(headline="草稿稿件", status=Article.Status.DRAFT, **fields)
    story(headline="待审稿件", status=Article.Status.REVIEW, **fields)
    story(headline="定时稿件", published_at=timezone.now() + datetime.timedelta(hours=3), **fields)
    return visible


FEEDS = [
    ("/feeds/latest/", "rss"),
    ("/feeds/latest/atom/", "atom"),
    ("/feeds/sections/jingji/", "rss"),
    ("/feeds/sections/jingji/atom/", "atom"),
    ("/feeds/people/chengjiaolan/", "rss"),
    ("/feeds/people/chengjiaolan/atom/", "atom"),
    (reverse("articles:feed_tag", kwargs={"slug": "商会"}), "rss"),
    (reverse("articles:feed_tag_atom", kwargs={"slug": "商会"}), "atom"),
]


@pytest.mark.parametrize("url,kind", FEEDS)
def test_feeds_list_only_public_articles(client, content, url, kind):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    if kind == "rss":
        assert root.tag == "rss"
        titles = [item.findtext("title") for item in root.iter("item")]
        links = [item.findtext("link") for item in root.iter("item")]
    else:
        ns = {"a": "http://www.w3.org/2005/Atom"}
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        titles = [entry.findtext("a:title", namespaces=ns) for entry in root.findall("a:entry", ns)]
        links = [entry.find("a:link", ns).get("href") for entry in root.findall("a:entry", ns)]
    assert titles == ["公开稿件"]
    assert links == [f"http://testserver{content.get_absolute_url()}"]


def test_feed_description_is_escaped_html(client, content):
    root = ET.fromstring(client.get("/feeds/latest/").content)
    description = next(root.iter("item")).findtext("description")
    assert "&lt;b&gt;正文&lt;/b&gt;" in description
    assert "<b>" not in description


def test_unknown_feed_objects_are_404(client):
    assert client.get("/feeds/sections/nope/").status_code == 404
    assert client.get("/feeds/people/nope/").status_code == 404


def test_sitemap_lists_public_articles_with_news_fields(client, content):
    old = story(headline="旧闻", published_at=timezone.now() - datetime.timedelta(days=30))
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}
    root = ET.fromstring(response.content)
    entries = {url.findtext("s:loc", namespaces=ns): url for url in root.findall("s:url", ns)}
    article_url = f"http://testserver{content.get_absolute_url()}"
    assert article_url in entries
    assert f"http://testserver{old.get_absolute_url()}" in entries
    assert "http://testserver/sections/jingji/" in entries
    news = entries[article_url].find("news:news", ns)
    assert news.findtext("news:title", namespaces=ns) == "公开稿件"
    assert news.findtext("news:publication/news:name", namespaces=ns) == "株洲日报"
    assert news.findtext("news:publication/news:language", namespaces=ns) == "zh-cn"
    assert news.findtext("news:publication_date", namespaces=ns).startswith(
        timezone.localtime(content.published_at).strftime("%Y-%m-%dT%H:%M")
    )
    assert entries[f"http://testserver{old.get_absolute_url()}"].find("news:news", ns) is None
    article_urls = [loc for loc in entries if "/articles/" in loc]
    assert len(article_urls) == 2  # drafts, scheduled and in-review articles are absent


def test_person_and_tag_feeds_without_public_articles_are_404(client):
    person = factories.PersonFactory(slug="yincang")
    hidden = story(headline="草稿稿件", status=Article.Status.DRAFT, people=[(person, Role.REPORTER)], tags=["秘密"])
    assert hidden.pk
    for url in ("/feeds/people/yincang/", "/feeds/people/yincang/atom/"):
        assert client.get(url).status_code == 404
    for name in ("articles:feed_tag", "articles:feed_tag_atom"):
        assert client.get(reverse(name, kwargs={"slug": "秘密"})).status_code == 404


def test_an_articles_lead_photo_is_its_enclosure_with_length_and_type(client, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.photos import add_photo
    from tests.articles.test_photos import image_bytes

    lead = add_photo(content, SimpleUploadedFile("a.png", image_bytes("PNG", size=(80, 60))), caption="首图")
    add_photo(content, SimpleUploadedFile("b.jpg", image_bytes("JPEG", size=(90, 60))), caption="次图")
    without = story(headline="无图稿件")
    assert lead.size == lead.image.size > 0
    root = ET.fromstring(client.get("/feeds/latest/").content)
    items = {item.findtext("title"): item for item in root.iter("item")}
    enclosures = items["公开稿件"].findall("enclosure")
    assert [(e.get("url"), e.get("length"), e.get("type")) for e in enclosures] == [
        (f"http://testserver{lead.image.url}", str(lead.size), "image/png")
    ]
    assert items[without.headline].findall("enclosure") == []
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom = ET.fromstring(client.get("/feeds/latest/atom/").content)
    entry = next(e for e in atom.findall("a:entry", ns) if e.findtext("a:title", namespaces=ns) == "公开稿件")
    link = entry.find("a:link[@rel='enclosure']", ns)
    assert (link.get("href"), link.get("length"), link.get("type")) == (
        f"http://testserver{lead.image.url}",
        str(lead.size),
        "image/png",
    )
