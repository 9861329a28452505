"""Placing articles on a printed page from its PDF, on pages the tests set from the seed dumps (tests/page_pdfs.py)."""

import functools

import pytest

from importers.parsing.page_areas import ArticleText, Box, normalized, place_articles, read_pdf
from tests.page_pdfs import SEEDS, page_from_dump


@functools.cache
def generated(path):
    page = page_from_dump(path)
    return page, read_pdf(page.pdf)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_article_of_a_seed_page_gets_its_own_area(path):
    page, layout = generated(path)
    assert len(page.items) >= 4
    found = place_articles(layout, [item.text for item in page.items], furniture=[page.page_name])
    assert set(found) == {item.text.key for item in page.items}
    for item in page.items:
        truth = item.box.scaled(page.width, page.height)
        area = found[item.text.key].box
        shared = area.intersection(truth)
        assert shared / truth.area >= 0.8, f"{item.text.headline}: covers {shared / truth.area:.2f} of its box"
        assert shared / area.area >= 0.8, f"{item.text.headline}: {shared / area.area:.2f} of the area is its own"
        assert area.overlap(truth) >= 0.8, item.text.headline
        assert found[item.text.key].score > 0.3


def test_the_pdf_is_read_as_lines_with_their_sizes_and_pictures():
    page, layout = generated(SEEDS[4])
    assert (layout.width, layout.height) == (page.width, page.height)
    texts = [line.text for line in layout.lines]
    lead = page.items[0].text
    assert any(normalized(text) in normalized(lead.headline) and len(normalized(text)) > 4 for text in texts)
    assert max(line.size for line in layout.lines if normalized(lead.headline)[:6] in normalized(line.text)) == 26
    assert "责任编辑：胡乐  美术编辑：张武  校对：李明" in texts  # furniture is read, and belongs to nobody
    photo_items = [item for item in page.items if item.kind == "photo"]
    assert len(layout.pictures) == len(photo_items) >= 1
    for picture in layout.pictures:
        assert any(item.box.intersection(picture) == picture.area for item in photo_items)


def test_an_article_that_is_not_on_the_page_is_not_placed():
    page, layout = generated(SEEDS[1])
    elsewhere = ArticleText(
        "elsewhere",
        headline="炎陵黄桃今年预计产量8.5万吨",
        body="7月21日,首届炎陵黄桃文化节新闻发布会在长沙举行。记者从会上获悉,今年炎陵黄桃种植面积9.6万亩。",
    )
    found = place_articles(layout, [*[item.text for item in page.items], elsewhere], furniture=[page.page_name])
    assert "elsewhere" not in found
    assert len(found) == len(page.items)


def test_the_page_name_in_the_header_is_nobodys_even_when_a_headline_repeats_it():
    page, layout = generated(SEEDS[0])
    lead = page.items[0].text
    header = next(line for line in layout.lines if normalized(line.text) == normalized(page.page_name))
    same_words = ArticleText(
        lead.key, headline=f"{page.page_name}{lead.headline}", body=lead.body, credits=lead.credits
    )
    found = place_articles(layout, [same_words, *[item.text for item in page.items[1:]]], furniture=[page.page_name])
    area = found[lead.key].box
    assert area.top > header.box.bottom / page.height
    assert area.overlap(page.items[0].box.scaled(page.width, page.height)) >= 0.8


def test_text_is_compared_by_its_letters_and_digits():
    assert (
        normalized("株洲日报讯（全媒体记者/成姣兰）\n\n## 小标题\n\n> 图为ＡＢＣ·１２")
        == "株洲日报讯全媒体记者成姣兰小标题图为abc12"
    )


def test_boxes():
    a, b = Box(0, 0, 10, 10), Box(5, 0, 15, 10)
    assert a.overlap(a) == 1
    assert a.overlap(b) == pytest.approx(50 / 150)
    assert a.overlap(Box(20, 20, 30, 30)) == 0
    assert Box(-5, 10, 50, 200).scaled(100, 100) == Box(0, 0.1, 0.5, 1)


def test_nothing_to_place_places_nothing():
    page, layout = generated(SEEDS[2])
    assert place_articles(layout, []) == {}


def test_placing_needs_no_django():
    import subprocess
    import sys

    code = (
        "import sys; from importers.parsing import page_areas; from tests.page_pdfs import SEEDS, page_from_dump; "
        "page = page_from_dump(SEEDS[2]); "
        "found = page_areas.place_articles(page_areas.read_pdf(page.pdf), [i.text for i in page.items]); "
        "print(len(found), any(m.startswith('django') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == [str(len(generated(SEEDS[2])[0].items)), "False"]
