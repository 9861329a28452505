"""The e-paper page with its printed page: the image beside the list, areas to click or tab to (screenshots in artifacts/)."""

import pytest

from articles import page_files
from articles.models import PageImage
from tests.articles.test_page_files import pdf_upload, printed_page_with_articles
from tests.browser.conftest import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def printed():
    page, articles = printed_page_with_articles(0)
    page_files.attach(PageImage(page=page), page_files.prepare(pdf_upload(0)))
    return page, articles


@pytest.mark.parametrize("size", WIDTHS.values(), ids=WIDTHS.keys())
def test_clicking_an_area_of_the_printed_page_opens_its_article(browser, live_server, screenshot, printed, size):
    page, articles = printed
    width, height = size
    tab = browser.new_page(viewport={"width": width, "height": height})
    assert tab.goto(live_server.url + page.get_absolute_url()).status == 200
    tab.wait_for_function(
        "() => { const i = document.querySelector('.print-image img'); return i.complete && i.naturalWidth > 0; }"
    )
    image = tab.locator(".print-image img").bounding_box()
    assert image["width"] <= width and image["height"] > image["width"]  # a whole page, upright, on the screen
    if width >= 1280:  # beside the list of articles
        assert tab.locator(".epaper-page .list").bounding_box()["x"] > image["x"] + image["width"]
    assert tab.locator(".print-area").count() == len(articles)
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    # Every area lies over the image.
    for box in [tab.locator(".print-area").nth(n).bounding_box() for n in range(len(articles))]:
        assert box["x"] >= image["x"] - 1 and box["x"] + box["width"] <= image["x"] + image["width"] + 1
        assert box["y"] >= image["y"] - 1 and box["y"] + box["height"] <= image["y"] + image["height"] + 1
    lead = articles[0]
    area = tab.locator(f'.print-area[href="{lead.get_absolute_url()}"]')
    area.hover()
    title = area.locator(".print-area-title")
    assert title.inner_text() == lead.headline
    assert float(title.evaluate("e => getComputedStyle(e).opacity")) == 1  # the headline shows on hover
    screenshot(tab, f"epaper-printed-page-{width}")
    area.click()
    tab.wait_for_url(live_server.url + lead.get_absolute_url())
    assert tab.locator("h1").inner_text() == lead.headline
    tab.close()


def test_the_areas_are_reached_with_the_keyboard(browser, live_server, printed):
    page, articles = printed
    tab = browser.new_page(viewport=dict(zip(("width", "height"), WIDTHS["desktop"], strict=True)))
    tab.goto(live_server.url + page.get_absolute_url())
    reached = []
    for _ in range(80):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(
            "() => { const e = document.activeElement; return e.classList.contains('print-area') ?"
            " [e.getAttribute('href'), getComputedStyle(e.querySelector('.print-area-title')).opacity] : null; }"
        )
        if focused:
            reached.append(focused)
    assert {href for href, _ in reached} == {a.get_absolute_url() for a in articles.values()}
    assert {opacity for _, opacity in reached} == {"1"}  # its headline shows on focus too
    tab.close()
