import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PersonAlias, Role
from tests import factories
from tests.articles.public_data import grow, story

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_page():
    """2024年1月23日 第3版 综合·城区, with three stories."""
    issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 23))
    return factories.PageFactory(issue=issue, number=3, label="03版", name="综合·城区")


@pytest.fixture
def people():
    return factories.PersonFactory(name="成姣兰", slug="chengjiaolan"), factories.PersonFactory(
        name="王海艳", slug="wanghaiyan"
    )


@pytest.fixture
def lead_story(front_page, people):
    reporter, correspondent = people
    return story(
        kicker="服务民营经济",
        headline="全市商协会人民调解组织集中成立授牌",
        subheadline="累计调解矛盾纠纷1200余起",
        body="株洲日报讯 1月22日,我市举行授牌仪式。\n\n## 打造调解品牌\n\n各商协会积极行动。\n\n> 授牌现场。 记者 摄",
        page=front_page,
        position=2,
        people=[(reporter, Role.REPORTER), (correspondent, Role.CORRESPONDENT), (reporter, Role.PHOTOGRAPHER)],
        tags=["商会", "调解"],
    )


def drafts_and_scheduled(**fields):
    """Articles readers must never see, whatever page they look at."""
    return [
        story(headline="草稿不应出现", status=Article.Status.DRAFT, **fields),
        story(headline="待审不应出现", status=Article.Status.REVIEW, **fields),
        story(headline="归档不应出现", status=Article.Status.ARCHIVED, published_at=timezone.now(), **fields),
        story(
            headline="定时不应出现",
            published_at=timezone.now() + datetime.timedelta(hours=2),
            **fields,
        ),
    ]


def assert_no_hidden(content: str):
    for word in ("草稿不应出现", "待审不应出现", "归档不应出现", "定时不应出现"):
        assert word not in content


def test_article_page_shows_print_structure_and_people(client, lead_story, people):
    response = client.get(lead_story.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-CN">' in html
    for text in ("服务民营经济", "全市商协会人民调解组织集中成立授牌", "累计调解矛盾纠纷1200余起"):
        assert text in html
    assert "2024年1月23日 第3版 综合·城区" in html
    assert '<h2 class="subhead">打造调解品牌</h2>' in html
    assert '<p class="caption">授牌现场。 记者 摄</p>' in html
    assert re.search(r'<span class="role">记者</span> <a href="/people/chengjiaolan/">成姣兰</a>', html)
    assert re.search(r'<span class="role">通讯员</span> <a href="/people/wanghaiyan/">王海艳</a>', html)
    assert re.search(r'<span class="role">摄影</span> <a href="/people/chengjiaolan/">成姣兰</a>', html)
    assert f'href="{reverse("articles:tag", kwargs={"slug": "商会"})}"' in html


def test_article_address_is_dated_by_the_printed_edition(lead_story):
    assert lead_story.get_absolute_url() == f"/articles/2024/01/23/{lead_story.pk}/"


def test_article_without_page_is_dated_by_publication_day():
    article = story(headline="网络稿", published_at=datetime.datetime(2024, 3, 1, 23, 30, tzinfo=datetime.UTC))
    # 23:30 UTC is already 2 March in 株洲.
    assert article.get_absolute_url() == f"/articles/2024/03/02/{article.pk}/"


def test_address_survives_headline_edits_and_old_addresses_redirect(client, lead_story):
    url = lead_story.get_absolute_url()
    lead_story.headline = "新标题"
    lead_story.save()
    assert lead_story.get_absolute_url() == url
    assert client.get(url).status_code == 200
    for old in (f"/articles/{lead_story.pk}/", f"/articles/2024/01/24/{lead_story.pk}/"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == url


@pytest.mark.parametrize("status", ["draft", "review", "archived", "scheduled"])
def test_hidden_articles_answer_404_under_every_address(client, status):
    fields = {"status": status}
    if status == "scheduled":
        fields = {"published_at": timezone.now() + datetime.timedelta(hours=1)}
    elif status == "archived":
        fields["published_at"] = timezone.now() - datetime.timedelta(days=1)
    article = story(headline="隐藏", **fields)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(f"/articles/{article.pk}/").status_code == 404


def test_article_text_is_always_escaped(client):
    article = story(
        kicker="<i>引题</i>",
        headline='<script>alert("x")</script>标题',
        body="<img src=x onerror=alert(1)>\n\n## <b>小标题</b>",
        tags=["<em>"],
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>小标题</b>" not in html and "<i>引题</i>" not in html and "<em>" not in html
    assert "&lt;script&gt;alert" in html


def test_json_ld_describes_the_printed_article_and_cannot_break_out(client, lead_story):
    lead_story.headline = "</script><script>alert(1)</script>"
    lead_story.save()
    html = client.get(lead_story.get_absolute_url()).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "</script><script>alert(1)</script>"
    assert data["printEdition"] == "2024-01-23"
    assert data["printPage"] == "3"
    assert data["printSection"] == "综合·城区"
    assert data["articleSection"] == lead_story.section.name
    assert [a["name"] for a in data["author"]] == ["成姣兰", "王海艳", "成姣兰"]
    assert "<script>alert(1)" not in html


def test_canonical_and_opengraph(client, lead_story):
    html = client.get(lead_story.get_absolute_url()).content.decode()
    canonical = f"http://testserver/articles/2024/01/23/{lead_story.pk}/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="article:tag" content="商会">' in html


def test_neighbours_on_the_page_continuations_and_related(client, lead_story, front_page):
    before = story(headline="同版第一篇", page=front_page, position=1)
    after = story(headline="同版第三篇", page=front_page, position=3)
    story(headline="同版草稿", page=front_page, position=4, status=Article.Status.DRAFT)
    second_page = factories.PageFactory(issue=front_page.issue, number=4, label="04版", name="综合")
    continuation = story(headline="授牌(续)", page=second_page, position=1, continues=lead_story)
    lead_story.continued_to = "04版"
    lead_story.save()
    related = story(headline="另一条调解新闻", tags=["调解"])
    story(headline="相关草稿", tags=["调解"], status=Article.Status.DRAFT)
    unrelated = story(headline="无关新闻", tags=["天气"])

    response = client.get(lead_story.get_absolute_url())
    assert response.context["previous_article"] == before
    assert response.context["next_article"] == after
    assert response.context["continued_to"] == continuation
    assert response.context["related"] == [related]
    html = response.content.decode()
    assert "（下转04版：授牌(续)）" in html
    assert unrelated.headline not in html
    assert "草稿" not in html

    response = client.get(continuation.get_absolute_url())
    assert response.context["continued_from"] == lead_story


def test_home_features_the_front_page_and_lists_latest_per_section(client, lead_story):
    page_one = factories.PageFactory(issue=lead_story.page.issue, number=1, label="01版", name="要闻")
    second, first = (
        story(headline="头版二条", page=page_one, position=2),
        story(headline="头条", page=page_one, position=1),
    )
    drafts_and_scheduled(page=page_one)
    section = factories.SectionFactory(name="经济", slug="jingji")
    economy = story(headline="经济新闻", section=section)
    drafts_and_scheduled(section=section)

    response = client.get("/")
    assert response.status_code == 200
    assert response.context["featured"] == [first, second]
    blocks = dict(response.context["section_blocks"])
    assert blocks[section] == [economy]
    assert lead_story in blocks[lead_story.section]
    html = response.content.decode()
    assert lead_story.headline in html and economy.headline in html
    assert_no_hidden(html)


def test_home_without_printed_pages_features_the_latest(client):
    older = story(headline="较早", published_at=timezone.now() - datetime.timedelta(hours=5))
    newer = story(headline="较新")
    drafts_and_scheduled()
    response = client.get("/")
    assert response.context["featured"] == [newer, older]
    assert_no_hidden(response.content.decode())


def test_section_page_lists_only_public_articles_and_pages_by_keyset(client):
    section = factories.SectionFactory(name="经济", slug="jingji")
    articles = grow(25, section=section)
    drafts_and_scheduled(section=section)
    response = client.get("/sections/jingji/")
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 20
    assert_no_hidden(response.content.decode())
    second = client.get(response.context["next_url"].replace("?", "/sections/jingji/?"))
    shown = list(response.context["page_obj"]) + list(second.context["page_obj"])
    assert sorted(a.pk for a in shown) == sorted(a.pk for a in articles)
    assert second.context["next_url"] is None


def test_person_page_filters_by_role_and_counts_only_public(client, lead_story, people):
    reporter, _ = people
    drafts = drafts_and_scheduled()
    for article in drafts:
        factories.BylineFactory(article=article, person=reporter, role=Role.AUTHOR)
    response = client.get("/people/chengjiaolan/")
    assert response.status_code == 200
    assert response.context["roles"] == [("reporter", "记者", 1), ("photographer", "摄影", 1)]
    assert list(response.context["page_obj"]) == [lead_story]
    assert_no_hidden(response.content.decode())
    assert list(client.get("/people/chengjiaolan/?role=photographer").context["page_obj"]) == [lead_story]
    assert list(client.get("/people/chengjiaolan/?role=correspondent").context["page_obj"]) == []
    assert list(client.get("/people/wanghaiyan/?role=correspondent").context["page_obj"]) == [lead_story]


def test_person_with_only_hidden_articles_is_not_public(client):
    person = factories.PersonFactory(slug="yincang")
    for article in drafts_and_scheduled():
        factories.BylineFactory(article=article, person=person)
    assert client.get("/people/yincang/").status_code == 404


def test_tag_page_counts_only_public_articles(client, lead_story):
    for article in drafts_and_scheduled():
        article.tags.add("商会")
    response = client.get(reverse("articles:tag", kwargs={"slug": "商会"}))
    assert response.status_code == 200
    assert response.context["count"] == 1
    assert list(response.context["page_obj"]) == [lead_story]
    assert_no_hidden(response.content.decode())
    story(headline="只有草稿", tags=["秘密"], status=Article.Status.DRAFT)
    assert client.get(reverse("articles:tag", kwargs={"slug": "秘密"})).status_code == 404


def test_epaper_calendar_issue_and_page(client, lead_story, front_page):
    hidden_issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 24))
    hidden_page = factories.PageFactory(issue=hidden_issue, number=1)
    drafts_and_scheduled(page=hidden_page)
    drafts_and_scheduled(page=front_page)

    response = client.get("/epaper/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/epaper/2024/01/23/"' in html
    assert "/epaper/2024/01/24/" not in html

    response = client.get("/epaper/2024/01/23/")
    assert response.status_code == 200
    html = response.content.decode()
    assert lead_story.headline in html and front_page.get_absolute_url() in html
    assert_no_hidden(html)
    assert client.get("/epaper/2024/01/24/").status_code == 404
    assert client.get("/epaper/2024/02/30/").status_code == 404

    response = client.get(front_page.get_absolute_url())
    assert response.status_code == 200
    assert list(response.context["articles"]) == [lead_story]
    assert_no_hidden(response.content.decode())
    assert client.get(hidden_page.get_absolute_url()).status_code == 404


def test_search_page_highlights_and_hides_unpublished(client, lead_story):
    drafts_and_scheduled(body="商会调解")
    response = client.get("/search/", {"q": "调解"})
    assert response.status_code == 200
    assert [r.pk for r in response.context["results"]] == [lead_story.pk]
    html = response.content.decode()
    assert "<mark>调解</mark>" in html
    assert_no_hidden(html)
    assert client.get("/search/", {"q": "调"}).context["too_short"]
    assert client.get("/search/").status_code == 200


def test_search_page_escapes_the_query(client, lead_story):
    html = client.get("/search/", {"q": '<script>"商会'}).content.decode()
    assert '<script>"商会' not in html


def test_search_page_filters(client, lead_story, people):
    story(headline="另一篇调解稿", kind=Article.Kind.COMMENTARY)
    response = client.get("/search/", {"q": "调解", "kind": "commentary"})
    assert [a.headline for a in response.context["results"]] == ["另一篇调解稿"]
    response = client.get("/search/", {"q": "调解", "person": "wanghaiyan", "role": "correspondent"})
    assert [r.pk for r in response.context["results"]] == [lead_story.pk]
    response = client.get("/search/", {"q": "调解", "date_from": "2000-01-01", "date_to": "2000-01-02"})
    assert response.context["results"] == []


def test_search_person_filter_takes_a_name_or_another_spelling(client, lead_story, people):
    reporter, correspondent = people
    other = story(headline="又一篇调解稿", people=[(reporter, Role.REPORTER)])
    PersonAlias.objects.create(person=correspondent, name="王海燕")
    for person in ("wanghaiyan", "王海艳", " 王海艳 ", "王海燕"):
        response = client.get("/search/", {"q": "调解", "person": person})
        assert [r.pk for r in response.context["results"]] == [lead_story.pk], person
    found = client.get("/search/", {"q": "调解", "person": "成姣兰"}).context["results"]
    assert {r.pk for r in found} == {lead_story.pk, other.pk}
    assert client.get("/search/", {"q": "调解", "person": "王海"}).context["results"] == []


def test_search_filters_show_the_filters_of_each_request(client, lead_story):
    plain = client.get("/search/", {"q": "调解"}).content.decode()
    assert '<details class="search-filters">' in plain and 'value="commentary" selected' not in plain

    chosen = client.get("/search/", {"q": "商会", "kind": "commentary"}).content.decode()
    assert '<details class="search-filters" open>' in chosen and 'value="commentary" selected' in chosen

    again = client.get("/search/", {"q": "民营经济"}).content.decode()
    assert '<details class="search-filters">' in again and 'value="commentary" selected' not in again
    assert "“民营经济”的搜索结果" in again and 'value="民营经济"' in again


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_404_page_is_in_chinese(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_500_page_is_in_chinese():
    from django.template.loader import render_to_string

    assert "服务器出错" in render_to_string("500.html")


def test_static_css_is_served(client, settings):
    from django.contrib.staticfiles import finders

    assert finders.find("articles/site.css")


def test_home_leaves_advertising_out(client):
    story(headline="E抵贷 一键随心", kind=Article.Kind.ADVERTISEMENT)
    story(headline="公益广告", kind=Article.Kind.PSA)
    news = story(headline="新闻")
    response = client.get("/")
    assert response.context["featured"] == [news]
    assert "E抵贷" not in response.content.decode()


def test_dateline_leads_the_first_paragraph_once(client):
    printed = story(headline="甲", dateline="株洲日报讯", body="1月22日,我市举行仪式。")
    html = client.get(printed.get_absolute_url()).content.decode()
    assert '<p><strong class="dateline">株洲日报讯</strong> 1月22日,我市举行仪式。</p>' in html
    in_body = story(headline="乙", dateline="株洲日报讯", body="株洲日报讯 1月22日,我市举行仪式。")
    assert "dateline" not in client.get(in_body.get_absolute_url()).content.decode().split('class="story-body"')[1]


def test_issue_page_names_the_weekday_in_chinese(client, lead_story):
    html = client.get("/epaper/2024/01/23/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2024年1月23日 星期二" in html


def test_a_story_withdrawn_by_the_workflow_leaves_related_lists_at_once(client, lead_story):
    from articles import workflow

    related = story(headline="另一条调解新闻", tags=["调解"])
    url = lead_story.get_absolute_url()
    assert "另一条调解新闻" in client.get(url).content.decode()

    workflow.unpublish_articles(articles=Article.objects.filter(pk=related.pk), by=None)  # update(): no signal

    assert "另一条调解新闻" not in client.get(url).content.decode()
