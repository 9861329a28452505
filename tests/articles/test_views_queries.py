"""Every public page runs a small, constant number of queries, however much there is to show."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Role
from tests import factories
from tests.articles.public_data import grow, story

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
# The pages of issue 5's benchmark: home, article, section, person and tag (the article page: 8 with its photos).
READERS_MAX_QUERIES = 8


@pytest.fixture
def paper():
    issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 23))
    page = factories.PageFactory(issue=issue, number=1, label="01版", name="要闻")
    section = factories.SectionFactory(name="经济", slug="jingji")
    person = factories.PersonFactory(name="成姣兰", slug="chengjiaolan")
    article = story(
        headline="民营经济商会调解",
        page=page,
        section=section,
        people=[(person, Role.REPORTER), (factories.PersonFactory(), Role.CORRESPONDENT)],
        tags=["经济", "商会"],
    )
    continuation = story(headline="续", page=factories.PageFactory(issue=issue, number=2), continues=article)
    add_page_image(page, [article])
    return {
        "issue": issue,
        "page": page,
        "section": section,
        "person": person,
        "article": article,
        "more": continuation,
    }


def urls(paper):
    article, issue, page = paper["article"], paper["issue"], paper["page"]
    return [
        "/",
        article.get_absolute_url(),
        paper["section"].get_absolute_url(),
        paper["person"].get_absolute_url(),
        paper["person"].get_absolute_url() + "?role=reporter",
        reverse("articles:tag", kwargs={"slug": "经济"}),
        "/search/?q=民营经济",
        "/search/?q=调解&section=jingji&person=chengjiaolan&role=reporter&tag=经济&kind=news&date_from=2000-01-01",
        "/epaper/",
        issue.get_absolute_url(),
        page.get_absolute_url(),
        "/feeds/latest/",
        "/feeds/latest/atom/",
        f"/feeds/sections/{paper['section'].slug}/",
        f"/feeds/people/{paper['person'].slug}/",
        reverse("articles:feed_tag", kwargs={"slug": "经济"}),
        "/sitemap.xml",
        "/api/articles/",
        "/api/articles/?q=调解&section=jingji",
        f"/api/articles/{article.pk}/",
        "/robots.txt",
    ]


def add_photos(article, count):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.photos import add_photo
    from tests.articles.test_photos import image_bytes

    for n in range(count):
        add_photo(article, SimpleUploadedFile("p.jpg", image_bytes(size=(40 + n, 30))), caption=f"图{n}")


def add_page_image(page, articles):
    """The printed page (a scan) with an area for each of ``articles``."""
    from django.core.files.base import ContentFile

    from articles.models import ArticleArea, PageImage
    from tests.articles.test_photos import image_bytes

    page_image, _ = PageImage.objects.get_or_create(
        page=page, defaults={"image": ContentFile(image_bytes(size=(60, 84)), name="page.jpg")}
    )
    for n, article in enumerate(articles):
        ArticleArea.objects.create(page_image=page_image, article=article, x=0, y=n / 100, width=0.5, height=0.01)


def add_more(paper, count):
    """More of everything: articles on the same page (each with an area on the printed page), section, person and
    tags, with bylines, tags and photos."""
    more = grow(count, page=paper["page"], section=paper["section"])
    add_page_image(paper["page"], more)
    for n, article in enumerate(more):
        factories.BylineFactory(article=article, person=paper["person"], role=Role.REPORTER, order=9)
        article.tags.add("商会")
        add_photos(article, n % 3)
    if count:
        add_photos(paper["article"], 2)
    for n in range(count // 2):
        other = factories.SectionFactory()
        grow(1, section=other, prefix=f"其他{n}")
        factories.IssueFactory(printed_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n))


def test_public_pages_run_a_constant_number_of_queries(client, paper, django_assert_max_num_queries):
    """Rendered, not cached (tests/test_pagecache.py: a hit runs none)."""
    counts = {}
    for grow_by in (0, 6, 18):
        add_more(paper, grow_by)
        readers = set(urls(paper)[:6])
        for url in urls(paper):
            limit = READERS_MAX_QUERIES if url in readers else MAX_QUERIES
            with django_assert_max_num_queries(limit) as captured:
                response = client.get(url)
            assert response.status_code == 200, url
            counts.setdefault(url, []).append(len(captured.captured_queries))
    for url, seen in counts.items():
        assert len(set(seen)) == 1, f"{url} ran {seen} queries as the data grew"
    print({url: seen[0] for url, seen in counts.items()})


def test_lists_that_print_no_tags_do_not_load_them(client, paper, settings):
    """taggit's prefetch cost more than the rest of loading a page of results; only the article page shows tags."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    lists = ["/", paper["section"].get_absolute_url(), paper["person"].get_absolute_url(), "/search/?q=民营经济"]
    for url in [*lists, paper["page"].get_absolute_url()]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert not [q for q in queries if "taggit_tag" in q["sql"]], url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(paper["article"].get_absolute_url())
    assert [q for q in queries if "taggit_tag" in q["sql"]]
    assert "商会" in response.content.decode()
