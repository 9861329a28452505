"""The search page's results, read as plain values (articles.results), print what the articles give."""

import pytest

from articles.models import Role
from articles.results import results
from articles.search import ranked
from articles.templatetags.public import people_names
from articles.views import public_articles
from tests import factories
from tests.articles.public_data import story

pytestmark = pytest.mark.django_db


@pytest.fixture
def found_three():
    reporter, correspondent = factories.PersonFactory(name="成姣兰"), factories.PersonFactory(name="王海艳")
    printed = story(
        kicker="服务民营经济",
        headline="全市商协会人民调解组织集中成立授牌",
        subheadline="累计调解矛盾纠纷1200余起",
        body="株洲日报讯 1月22日,我市举行授牌仪式。\n\n## 打造调解品牌\n\n各商协会积极行动。\n\n> 授牌现场。 记者 摄",
        page=factories.PageFactory(number=3),
        # The reporter also took the photos: listed once.
        people=[(reporter, Role.REPORTER), (correspondent, Role.CORRESPONDENT), (reporter, Role.PHOTOGRAPHER)],
    )
    unnumbered = story(headline="特刊上的调解", page=factories.PageFactory(number=None, label="特刊"), section=None)
    online = story(headline="只在网上的调解稿", kicker="", subheadline="")
    return printed, unnumbered, online


def test_each_result_holds_what_its_article_gives(found_three):
    found = results(public_articles(), "调解")

    assert sorted(r.pk for r in found) == sorted(a.pk for a in found_three)
    for result in found:
        article = public_articles().get(pk=result.pk)
        assert result.url == article.get_absolute_url()
        assert (result.kicker, result.headline, result.subheadline) == (
            article.kicker,
            article.headline,
            article.subheadline,
        )
        assert result.text == " ".join(block.text for block in article.blocks)
        assert result.published_at == article.published_at
        assert result.section_name == (article.section.name if article.section else "")
        assert result.section_url == (article.section.get_absolute_url() if article.section else "")
        assert result.page_label == (article.page.display_label if article.page else "")
        assert result.names == people_names(article.bylines.all())
    printed, unnumbered, online = (next(r for r in found if r.pk == a.pk) for a in found_three)
    assert printed.names == ["成姣兰", "王海艳"] and printed.page_label == "第3版"
    assert unnumbered.page_label == "特刊" and unnumbered.section_url == ""
    assert online.page_label == "" and online.url.startswith("/articles/")


def test_results_are_ranked_and_windowed_as_the_search_ranks(found_three):
    queryset = public_articles()

    window = ranked(queryset, "调解")

    assert [r.pk for r in results(queryset, "调解")] == [pk for pk, _ in window]
    assert [(r.pk, r.search_rank) for r in results(queryset, "调解", start=1, stop=2)] == window[1:2]
    assert results(queryset, "没有这个词") == []


def test_search_page_prints_each_result(client, found_three):
    printed = found_three[0]

    html = client.get("/search/", {"q": "调解"}).content.decode()

    assert f'<a href="{printed.get_absolute_url()}">全市商协会人民<mark>调解</mark>组织集中成立授牌</a>' in html
    assert '<span class="by">成姣兰 王海艳</span>' in html and "<span>第3版</span>" in html
    assert f'<a href="{printed.section.get_absolute_url()}">{printed.section.name}</a>' in html
    assert "<span>特刊</span>" in html
