"""Photos where readers see them: the article's figures, list thumbnails, og:image, JSON-LD and the API."""

import io
import json
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles import photos, renditions
from articles.models import Role
from tests import factories
from tests.articles.test_photos import image_bytes

pytestmark = pytest.mark.django_db


def add(article, size=(2000, 1500), fmt="JPEG", **fields):
    data = image_bytes(fmt, size)
    return photos.add_photo(article, SimpleUploadedFile(f"p.{fmt.lower()}", data), **fields)


@pytest.fixture
def article():
    article = factories.ArticleFactory(published=True, headline="喜迎八方宾客", body="正文第一段。")
    factories.BylineFactory(article=article, person=factories.PersonFactory(name="杨凌凌"), role=Role.PHOTOGRAPHER)
    return article


def test_renditions_are_made_on_save_with_the_sizes_templates_print(article):
    photo = add(article, size=(2000, 1500))
    small = add(article, size=(600, 400), fmt="PNG")
    for each in (photo, small):
        for size in renditions.SIZES:
            for fmt, (pillow_format, _options) in renditions.FORMATS.items():
                name = getattr(each, renditions.field_name(size, fmt)).name
                assert default_storage.exists(name), name
                with default_storage.open(name) as stored:
                    image = Image.open(stored)
                    assert image.format == pillow_format
                    assert image.size == renditions.dimensions(each, size), (size, fmt)
    assert renditions.dimensions(photo, "w960") == (960, 720)
    assert renditions.dimensions(small, "w960") == (600, 400)  # never enlarged
    assert renditions.srcset(small, renditions.ARTICLE_SIZES).count("w,") == 1  # 480w and 600w only


def test_deleting_a_photo_deletes_its_renditions(article, django_capture_on_commit_callbacks):
    photo = add(article)
    names = renditions.names(photo)
    assert all(default_storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert not any(default_storage.exists(name) for name in names)


def test_article_page_shows_figures_with_srcset_size_lazy_caption_and_credit(client, article):
    first = add(article, caption="市民在广场观看演出", order=1)
    second = add(article, size=(800, 1200), caption="第二张", credit="王海艳", order=2)
    html = client.get(article.get_absolute_url()).content.decode()
    figures = re.findall(r"<figure class=\"photo\">.*?</figure>", html, re.S)
    assert len(figures) == 2
    assert figures[0].index("市民在广场观看演出") and "杨凌凌" in figures[0]  # credit from the 摄影 byline
    assert "王海艳" in figures[1] and "第二张" in figures[1]
    img = re.search(r"<img [^>]*>", figures[0]).group(0)
    assert 'loading="lazy"' in img
    assert 'width="960" height="720"' in img
    assert f'src="{renditions.url(first, "w960")}"' in img
    assert f"{renditions.url(first, 'w480')} 480w" in img and f"{renditions.url(first, 'w1600')} 1600w" in img
    assert 'alt="市民在广场观看演出"' in img
    assert f"{renditions.url(first, 'w960', 'webp')} 960w" in figures[0]  # <source type="image/webp">
    assert 'width="800" height="1200"' in figures[1]  # smaller than 960 wide: as it is
    assert figures[0] in html.split('<div class="story-body">')[0]  # above the text
    assert second.caption in html


def test_og_image_and_json_ld_image(client, article):
    photo = add(article)
    html = client.get(article.get_absolute_url()).content.decode()
    share = "http://testserver" + renditions.share_url(photo)
    assert f'<meta property="og:image" content="{share}">' in html
    assert '<meta property="og:image:width" content="1600">' in html
    assert '<meta property="og:image:height" content="1200">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["image"] == [share]


def test_an_article_without_photos_has_no_figure_nor_og_image(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<figure" not in html and "og:image" not in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert "image" not in data


def test_a_photo_added_later_shows_on_the_cached_article_page(client, article, page_cache, commit):
    url = article.get_absolute_url()
    commit()
    assert "<figure" not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    photo = add(article, caption="后来加的")
    commit()
    assert "后来加的" in client.get(url).content.decode()
    photo.caption = "改过的说明"
    photo.save()
    commit()
    assert "改过的说明" in client.get(url).content.decode()
    photo.delete()
    commit()
    assert "<figure" not in client.get(url).content.decode()


def test_lists_show_thumbnails_and_keep_room_for_items_without_one(client, article):
    photo = add(article)
    plain = factories.ArticleFactory(published=True, section=article.section, headline="没有图片的稿件")
    for url in ["/", article.section.get_absolute_url()]:
        html = client.get(url).content.decode()
        items = {}
        for item in re.findall(r'<article class="item[^"]*">(.*?)</article>', html, re.S):
            items[re.search(r'<h3 class="item-title"><a [^>]*>(.*?)</a>', item).group(1)] = item
        with_photo = items[article.headline]
        img = re.search(r"<img [^>]*>", with_photo).group(0)
        assert f'src="{renditions.url(photo, "thumb")}"' in img, url
        assert 'width="240" height="160"' in img and 'loading="lazy"' in img
        assert f"{renditions.url(photo, 'thumb2x')} 2x" in img
        assert "<img" not in items[plain.headline]
        assert 'class="thumb thumb-none"' in items[plain.headline], url


def test_api_gives_image_urls(client, article):
    photo = add(article, caption="说明")
    for url in [f"/api/articles/{article.pk}/", "/api/articles/"]:
        data = client.get(url).json()
        data = data["results"][0] if "results" in data else data
        assert data["image"] == "http://testserver" + renditions.share_url(photo)
        [given] = data["photos"]
        assert given["caption"] == "说明" and given["credit"] == "杨凌凌"
        assert (given["width"], given["height"]) == (2000, 1500)
        assert given["url"] == "http://testserver" + photo.image.url
        assert given["renditions"]["w480"] == {
            "url": "http://testserver" + renditions.url(photo, "w480"),
            "webp": "http://testserver" + renditions.url(photo, "w480", "webp"),
            "width": 480,
            "height": 360,
        }
    other = factories.ArticleFactory(published=True)
    assert client.get(f"/api/articles/{other.pk}/").json()["image"] is None


def test_a_rendition_url_is_served_in_the_demo(client, article):
    photo = add(article, size=(1000, 800))
    response = client.get(renditions.url(photo, "w480", "webp"))
    assert response.status_code == 200
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (480, 384)


def test_a_photo_whose_caption_the_body_prints_is_shown_there_once(client, article):
    article.body = "第一段。\n\n> 雷打石镇老街社区迎春联欢活动现场。\n\n第二段。\n\n> 没有图片的说明。"
    article.save()
    placed = add(article, caption="雷打石镇老街社区迎春联欢活动现场。")
    extra = add(article, caption="编辑另传的一张")
    html = client.get(article.get_absolute_url()).content.decode()
    head, body = html.split('<div class="story-body">')
    assert renditions.url(extra, "w960") in head and renditions.url(placed, "w960") not in head
    assert body.index("第一段。") < body.index(renditions.url(placed, "w960")) < body.index("第二段。")
    assert body.count("雷打石镇老街社区迎春联欢活动现场。") == 2  # the figure's caption and its alt text, no other
    assert '<p class="caption">没有图片的说明。</p>' in body
