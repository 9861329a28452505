"""An article with a photo, and a list with its thumbnail, at phone and desktop widths (screenshots in artifacts/)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Role
from articles.photos import add_photo
from tests import factories
from tests.articles.test_photos import image_bytes
from tests.browser.conftest import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article():
    section = factories.SectionFactory(name="城区", slug="chengqu")
    article = factories.ArticleFactory(
        published=True, section=section, headline="喜迎新年送春联", body="1月21日,文化志愿者送去近200副春联。"
    )
    factories.BylineFactory(article=article, person=factories.PersonFactory(name="旷昆红"), role=Role.PHOTOGRAPHER)
    data = image_bytes("JPEG", (2400, 1600), color=(180, 40, 40))
    add_photo(article, SimpleUploadedFile("a.jpg", data), caption="志愿者现场书写春联。")
    factories.ArticleFactory(published=True, section=section, headline="没有图片的稿件")
    return article


@pytest.mark.parametrize("size", WIDTHS.values(), ids=WIDTHS.keys())
def test_article_photo_fits_the_screen_and_loads_a_rendition(browser, live_server, screenshot, article, size):
    width, height = size
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
    assert page.goto(live_server.url + article.get_absolute_url()).status == 200
    page.wait_for_function(
        "() => { const i = document.querySelector('.photo img'); return i.complete && i.naturalWidth > 0; }"
    )
    shown = page.evaluate(
        "() => { const i = document.querySelector('.photo img'); const r = i.getBoundingClientRect();"
        " return {src: i.currentSrc, natural: i.naturalWidth, width: r.width, height: r.height}; }"
    )
    assert shown["src"].endswith(".webp")  # chromium takes WebP
    assert "/renditions/" in shown["src"]
    assert shown["width"] <= min(width, 720)
    assert abs(shown["height"] - shown["width"] * 2 / 3) <= 2  # kept its 3:2 shape
    assert shown["natural"] >= shown["width"]  # a rendition at least as wide as it is shown
    assert shown["natural"] <= 960 if width == 375 else True  # the phone does not fetch the 1,600 px one
    assert "志愿者现场书写春联。" in page.locator(".photo figcaption").inner_text()
    assert "旷昆红" in page.locator(".photo figcaption").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"article-photo-{width}")
    page.close()


@pytest.mark.parametrize("size", WIDTHS.values(), ids=WIDTHS.keys())
def test_list_thumbnail_and_room_for_an_item_without_one(browser, live_server, screenshot, article, size):
    width, height = size
    page = browser.new_page(viewport={"width": width, "height": height})
    assert page.goto(live_server.url + article.section.get_absolute_url()).status == 200
    page.wait_for_function(
        "() => { const i = document.querySelector('.thumb img'); return i.complete && i.naturalWidth > 0; }"
    )
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('.item-title')].map(t => t.getBoundingClientRect().width)"
    )
    assert len(boxes) == 2 and abs(boxes[0] - boxes[1]) <= 1  # both headlines get the same width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"section-thumbnail-{width}")
    page.close()
