import pytest

from articles import search
from articles.filters import ArticleFilter
from articles.models import Article, Role
from tests import factories
from tests.articles.public_data import story


def test_tokenize_segments_chinese_and_drops_punctuation():
    tokens = search.tokenize("株洲市民营经济发展,商会会长调解纠纷。GDP")
    assert {"株洲", "株洲市", "民营", "经济", "商会", "调解", "gdp"} <= set(tokens)
    assert "," not in tokens and "。" not in tokens


def test_query_terms_need_two_characters():
    assert search.query_terms("商") == []
    assert search.query_terms("  ") == []
    assert search.query_terms("商会") == ["商会"]
    assert search.query_terms("民营经济") == ["民营", "经济"]


def test_highlight_escapes_text_and_marks_terms():
    html = search.highlight('<script>alert("商会")</script>商会', ["商会"])
    assert "<script>" not in html
    assert html.count("<mark>商会</mark>") == 2
    assert "&lt;script&gt;" in html


def test_highlight_cannot_be_tricked_by_markup_in_terms():
    html = search.highlight("a <b> c", ["<b>"])
    assert html == "a <mark>&lt;b&gt;</mark> c"


def test_excerpt_centres_on_first_match():
    text = "开头" * 100 + "民营经济" + "结尾" * 100
    html = search.excerpt(text, ["民营经济"], width=40)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>民营经济</mark>" in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["商会", "调解", "民营经济", "人民调解"])
def test_search_finds_words_in_headline_or_body(query):
    in_headline = story(headline="全市商会人民调解组织集中成立", body="正文与此无关。")
    in_body = story(headline="一条消息", body="株洲日报讯 服务保障民营经济健康发展,商会人民调解委员会。")
    other = story(headline="天气预报", body="明天多云。")
    found = list(search.search(Article.objects.published(), query))
    assert other not in found
    if query in ("商会", "调解", "人民调解"):
        assert in_headline in found
    if query in ("民营经济", "调解", "商会"):
        assert in_body in found


@pytest.mark.django_db
def test_headline_matches_rank_above_body_matches():
    body_only = story(headline="一条消息", body="商会" + "。其他内容" * 30)
    headline = story(headline="株洲市湖北商会成立", body="庆典举行。" * 30)
    found = list(search.search(Article.objects.published(), "商会"))
    assert found == [headline, body_only]
    assert found[0].search_rank > found[1].search_rank


@pytest.mark.django_db
def test_search_only_returns_published_articles_whose_time_has_come():
    visible = story(headline="商会成立")
    story(headline="商会草稿", status=Article.Status.DRAFT)
    story(headline="商会待审", status=Article.Status.REVIEW)
    factories.ArticleFactory(scheduled=True, headline="商会定时")
    search.index_articles(Article.objects.values_list("pk", flat=True))
    assert list(search.search(Article.objects.published(), "商会")) == [visible]


@pytest.mark.django_db
def test_search_combines_with_filters():
    reporter, other = factories.PersonFactory(), factories.PersonFactory()
    wanted = story(headline="商会调解", people=[(reporter, Role.PHOTOGRAPHER)], tags=["经济"])
    story(headline="商会调解二", people=[(reporter, Role.REPORTER)], tags=["经济"])
    story(headline="商会调解三", people=[(other, Role.PHOTOGRAPHER)])
    filterset = ArticleFilter({"person": reporter.slug, "role": "photographer"}, queryset=Article.objects.published())
    assert list(search.search(filterset.qs, "调解")) == [wanted]


@pytest.mark.django_db
def test_edits_reach_the_index_through_index_articles():
    article = story(headline="旧标题", body="旧正文")
    article.headline = "民营企业座谈会"
    article.save()
    assert not search.search(Article.objects.published(), "座谈")
    search.index_articles([article.pk])
    assert list(search.search(Article.objects.published(), "座谈")) == [article]
    assert not search.search(Article.objects.published(), "旧标题")


@pytest.mark.django_db
def test_remove_from_index_and_deleted_ids():
    kept, removed, deleted = story(headline="商会甲"), story(headline="商会乙"), story(headline="商会丙")
    search.remove_from_index([removed.pk])
    deleted_pk = deleted.pk
    deleted.delete()
    search.index_articles([deleted_pk])  # a vanished id is dropped, not an error
    assert list(search.search(Article.objects.all(), "商会")) == [kept]


@pytest.mark.django_db
def test_rebuild_index_indexes_everything():
    article = story(headline="商会成立", index=False)
    assert not search.search(Article.objects.all(), "商会")
    assert search.rebuild_index() == 1
    assert list(search.search(Article.objects.all(), "商会")) == [article]


@pytest.mark.django_db
def test_query_syntax_characters_are_just_text():
    story(headline="商会成立")
    for query in ['"商会', "商会 OR", "商会' & !", "NEAR(商会", "商会:*", "*"]:
        list(search.search(Article.objects.published(), query))  # no database error


@pytest.mark.django_db
def test_imported_pages_are_indexed_by_the_loader():
    import datetime

    from importers.loading import load_page
    from importers.parsing import parse_page

    text = (
        "全市商协会人民调解组织集中成立授牌\n\n"
        "株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳) 1月22日,我市商协会人民调解组织开展集中成立授牌仪式和业务培训。\n\n"
        "杨胜跃指出,这是我市服务保障民营经济健康发展的重要举措。\n"
    )
    parsed = parse_page(text, source="page.txt", issue_date=datetime.date(2024, 1, 23))
    load_page(parsed, raw=text.encode(), file_name="page.txt", publish=True)
    found = list(search.search(Article.objects.published(), "民营经济"))
    assert [a.headline for a in found] == ["全市商协会人民调解组织集中成立授牌"]


def test_bigrams():
    assert search.bigrams("株洲日报讯,GDP增长") == ["株洲", "洲日", "日报", "报讯", "增长"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["洲日", "报讯", "日报讯", "全媒体", "媒体记", "株洲日报讯"])
def test_any_two_characters_of_the_text_are_found(query):
    """Substrings that are not words of the segmented text are still found (through bigrams)."""
    article = story(headline="标题", body="株洲日报讯(全媒体记者/成姣兰)1月22日")
    story(headline="无关", body="株洲 日报 全体 媒介 记录")
    assert search.search(Article.objects.published(), query) == [article]


@pytest.mark.django_db
def test_word_matches_rank_above_bigram_only_matches():
    # 民营经济 as a word; and 民营...营经...经济 scattered, which only the bigrams match.
    scattered = story(headline="消息", body="民营企业。国营经销。经济发展。")
    exact = story(headline="消息", body="服务民营经济。")
    found = search.search(Article.objects.published(), "民营经济")
    assert found == [exact, scattered]
