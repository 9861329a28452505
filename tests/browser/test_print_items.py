"""The 中国银行 ad of seed 004, imported and published, is seen only on its e-paper page, labelled 广告."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, Section
from tests.browser.conftest import WIDTHS
from tests.conftest import SEED_FILES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AD = "E抵贷"


@pytest.fixture
def ad():
    # The sections the migrations bring are gone after an earlier transactional test: then one takes everything.
    if not Section.objects.filter(is_default=True).exists():
        Section.objects.create(name="综合", slug="zonghe", is_default=True)
    seed = next(path for path in SEED_FILES if path.name.startswith("004_"))
    call_command("import_pages", str(seed), "--publish", stdout=io.StringIO())
    ad = Article.objects.select_related("page__issue", "section").get(kind=Article.Kind.ADVERTISEMENT)
    assert ad.headline == AD and ad.is_public and ad.section
    return ad


def test_the_ad_is_on_its_epaper_page_labelled(browser, live_server, screenshot, ad):
    for name, (width, height) in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
        assert page.goto(live_server.url + ad.page.get_absolute_url()).status == 200
        box = page.locator(".print-item", has_text=AD)
        assert box.count() == 1
        assert box.is_visible()
        assert box.get_attribute("aria-label") == "广告"
        assert box.locator(".print-label").inner_text() == "广告"
        assert box.locator(".print-label").is_visible()
        assert box.locator("a").count() == 0  # no page of its own to go to
        assert page.locator(".page-tabs a").all_inner_texts() == ["第1版"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"epaper-page-ad-{name}")
        page.close()


def test_the_ad_is_nowhere_else(browser, live_server, ad):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    elsewhere = ["/", ad.section.get_absolute_url(), "/feeds/latest/", "/sitemap.xml", "/api/articles/"]
    for path in elsewhere:
        assert page.goto(live_server.url + path).status == 200, path
        assert AD not in page.content(), path
    for query in ("株洲", AD):
        page.goto(live_server.url + "/")
        page.fill("#site-q", query)
        page.press("#site-q", "Enter")
        page.wait_for_url("**/search/?q=*")
        results = page.locator(".results")
        assert results.count() == 0 or AD not in results.inner_text(), query
    assert page.locator(".empty").inner_text() == f"没有找到包含“{AD}”的稿件。"
    assert page.goto(live_server.url + ad.get_absolute_url()).status == 404
    # The issue lists it with its page, labelled and unlinked; its neighbours on the page keep their links.
    page.goto(live_server.url + ad.page.issue.get_absolute_url())
    assert page.locator("li", has_text=AD).inner_text() == f"广告 {AD}"
    page.locator(".issue-page h2 a").click()
    page.wait_for_url(f"**{ad.page.get_absolute_url()}")
    assert page.locator(".print-item .print-label").all_inner_texts() == ["广告"]
    assert page.locator(".list .item-title a").count() == Article.objects.listed().filter(page=ad.page).count() > 0
    page.close()
