import datetime
import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.models import Article, Byline, Issue, Page, PageCredit, Person, Section
from articles.people import pinyin_slug
from importers.identity import normalize_headline, printed_number
from importers.loading import import_key, load_page
from importers.models import RawSource
from importers.parsing.model import BodyBlock, Furniture, PageInfo, ParsedItem, ParsedPage, PersonCredit
from tests.factories import ArticleFactory, BylineFactory, PersonAliasFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

ISSUE_DATE = datetime.date(2023, 1, 23)


def make_item(headline="全市商协会人民调解组织集中成立授牌", **overrides):
    fields = {
        "kind": "news",
        "headline": headline,
        "dateline": "株洲日报讯",
        "bylines": ("株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳)",),
        "people": (PersonCredit("成姣兰", "reporter"), PersonCredit("王海艳", "correspondent")),
        "blocks": (
            BodyBlock("paragraph", "1月22日,我市商协会人民调解组织开展集中成立授牌仪式和业务培训。"),
            BodyBlock("subhead", "调解品牌"),
            BodyBlock("paragraph", "至此,全市共有20家商协会、民营企业成立人民调解委员会。"),
            BodyBlock("caption", "授牌仪式现场。"),
        ),
        "section": "",
        "tags": ("人民调解", "商协会"),
        "lines": (3, 5, 7),
    }
    fields.update(overrides)
    return ParsedItem(**fields)


def make_page(*items, issue_date=ISSUE_DATE, label="", name="综合·城区", staff=None, source="page.txt", **extra):
    if staff is None:
        staff = (PersonCredit("胡乐", "editor"), PersonCredit("张武", "art_editor"))
    return ParsedPage(
        source=source,
        encoding="utf-8",
        sha256="",
        issue_date=issue_date,
        page=PageInfo(label=label, name=name, staff=staff),
        items=items or (make_item(),),
        furniture=(Furniture("page_header", name, line=1),),
        **extra,
    )


def load(parsed, raw=b"dump one", file_name="page.txt", **kwargs):
    return load_page(parsed, raw=raw, file_name=file_name, **kwargs)


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Article, Byline, Person, Page, Issue, RawSource, PageCredit, Tag)
    } | {"articles": sorted(Article.objects.values_list("pk", "imported_hash", "updated_at", "warnings"))}


def test_load_page_stores_the_whole_page():
    result = load(make_page(make_item(), make_item("第二篇稿件", people=(PersonCredit("成姣兰", "reporter"),))))

    assert result.counts() == {
        "articles": {"created": 2, "updated": 0, "unchanged": 0, "skipped": 0},
        "people": {"created": 4, "updated": 0, "unchanged": 0, "skipped": 0},
        "tags": {"created": 2, "updated": 0, "unchanged": 0, "skipped": 0},
    }
    article = Article.objects.get(headline="全市商协会人民调解组织集中成立授牌")
    assert article.status == Article.Status.DRAFT and article.published_at is None
    assert article.page.issue.printed_on == ISSUE_DATE
    assert article.page.name == "综合·城区" and article.page.source_name == "page.txt"
    assert article.position == 1
    assert article.section.name == "城区"  # from the page header, the specific part of 综合·城区
    assert article.body == (
        "1月22日,我市商协会人民调解组织开展集中成立授牌仪式和业务培训。\n\n## 调解品牌\n\n"
        "至此,全市共有20家商协会、民营企业成立人民调解委员会。\n\n> 授牌仪式现场。"
    )
    assert article.bylines_text == "株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳)"
    assert article.source_lines == [3, 5, 7]
    assert article.source == result.source
    assert [(b.person.name, b.role, b.order) for b in article.bylines.order_by("order")] == [
        ("成姣兰", "reporter", 0),
        ("王海艳", "correspondent", 1),
    ]
    assert sorted(article.tags.names()) == ["人民调解", "商协会"]
    assert [(c.person.name, c.role) for c in article.page.credits.all()] == [
        ("胡乐", "editor"),
        ("张武", "art_editor"),
    ]
    assert Person.objects.get(name="成姣兰").slug == "chengjiaolan"
    source = result.source
    assert source.raw == b"dump one" and source.text == "dump one"
    assert source.sha256 == hashlib.sha256(b"dump one").hexdigest()
    assert source.page == article.page
    assert source.counts["articles"]["created"] == 2
    assert source.furniture == [{"kind": "page_header", "text": "综合·城区", "line": 1}]


def test_reimport_of_the_same_bytes_changes_nothing():
    parsed = make_page()
    load(parsed)
    before = snapshot()

    result = load(parsed)

    assert result.unchanged
    assert result.counts()["articles"] == {"created": 0, "updated": 0, "unchanged": 1, "skipped": 0}
    assert result.people.created == 0 and result.tags.created == 0
    assert snapshot() == before


def test_changed_dump_of_the_same_page_updates_by_import_key():
    load(make_page(make_item(), make_item("另一篇")), raw=b"v1")
    first = Article.objects.get(headline="全市商协会人民调解组织集中成立授牌")

    changed = make_item(blocks=(BodyBlock("paragraph", "修正后的正文。"),))
    result = load(make_page(changed, make_item("另一篇")), raw=b"v2")

    assert result.counts()["articles"] == {"created": 0, "updated": 1, "unchanged": 1, "skipped": 0}
    first.refresh_from_db()
    assert first.body == "修正后的正文。"
    assert Article.objects.count() == 2
    assert RawSource.objects.count() == 2
    assert first.bylines.count() == 2


def test_headline_spacing_and_punctuation_do_not_change_the_key():
    assert normalize_headline("芦淞区“放大招” 推动服饰城") == normalize_headline('芦淞区"放大招"推动服饰城')
    assert import_key(ISSUE_DATE, "page:2", "标题 一", 1) == import_key(ISSUE_DATE, "page:2", "标题一", 1)
    assert import_key(ISSUE_DATE, "page:2", "标题", 1) != import_key(ISSUE_DATE, "page:3", "标题", 1)


def test_page_number_from_the_head_else_the_printed_label():
    assert printed_number(make_page(label="02版")) == 2
    assert printed_number(make_page(label="A05")) == 5
    assert printed_number(make_page(label="")) is None


def test_edited_article_is_never_overwritten():
    load(make_page(), raw=b"v1")
    article = Article.objects.get()
    article.headline = "编辑改过的标题"
    article.body = "编辑改过的正文。"
    article.is_edited = True
    article.save()

    result = load(make_page(make_item(blocks=(BodyBlock("paragraph", "新正文。"),))), raw=b"v2")

    assert result.articles.skipped == 1 and result.articles.updated == 0
    assert any("编辑修改" in w for w in result.warnings)
    article.refresh_from_db()
    assert (article.headline, article.body) == ("编辑改过的标题", "编辑改过的正文。")


def test_publish_sets_status_and_time():
    load(make_page(), publish=True)

    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at is not None
    assert list(Article.objects.published()) == [article]


def test_a_past_edition_goes_online_at_its_own_date():
    """An archive import keeps the paper's dates: the edition's morning, not the day it was imported."""
    from django.utils import timezone

    load(make_page(issue_date=datetime.date(2024, 1, 23)), publish=True)
    published = timezone.localtime(Article.objects.get().published_at)
    assert (published.date(), published.hour) == (datetime.date(2024, 1, 23), 6)


def test_an_edition_dated_in_the_future_goes_online_now():
    from django.utils import timezone

    before = timezone.now()
    load(make_page(issue_date=datetime.date.today() + datetime.timedelta(days=3)), publish=True)
    assert before <= Article.objects.get().published_at <= timezone.now()


def test_publish_on_reimport_leaves_archived_articles_archived():
    load(make_page(make_item(), make_item("另一篇")), raw=b"v1")
    Article.objects.filter(headline="另一篇").update(status=Article.Status.ARCHIVED)

    changed = make_page(make_item(blocks=(BodyBlock("paragraph", "新正文。"),)), make_item("另一篇", tags=("新标签",)))
    load(changed, raw=b"v2", publish=True)

    assert Article.objects.get(headline="另一篇").status == Article.Status.ARCHIVED
    assert Article.objects.get(body="新正文。").status == Article.Status.PUBLISHED


def test_section_option_overrides_the_parser():
    sport = SectionFactory(name="体育测试", slug="tiyu-ceshi")

    load(make_page(make_item(section="经济")), section="体育测试")

    assert Article.objects.get().section == sport


def test_section_from_item_else_default():
    load(make_page(make_item(section="经济"), make_item("无栏目稿件", section="不存在的栏目"), name=""))

    assert Article.objects.get(headline__startswith="全市").section.name == "经济"
    assert Article.objects.get(headline="无栏目稿件").section == Section.objects.get(is_default=True)


def test_unknown_section_option_fails_cleanly():
    with pytest.raises(ValueError, match="没有名为"):
        load(make_page(), section="没有这个栏目")
    assert not RawSource.objects.exists()


def test_page_found_again_by_number_and_issue():
    load(make_page(label="02版"), raw=b"v1", file_name="a.txt")
    load(make_page(label="02版"), raw=b"v2", file_name="b.txt")

    page = Page.objects.get()
    assert page.number == 2 and page.label == "02版"
    assert Article.objects.count() == 1


def test_without_issue_date_no_page_and_a_warning():
    result = load(make_page(issue_date=None))

    article = Article.objects.get()
    assert article.page is None
    assert not Issue.objects.exists() and not Page.objects.exists()
    assert any("出版日期" in w for w in result.warnings)
    assert result.source.warnings == result.warnings


def test_alias_maps_to_the_canonical_person():
    canonical = PersonFactory(name="成姣兰", slug="chengjiaolan")
    PersonAliasFactory(person=canonical, name="成炫兰")

    result = load(make_page(make_item(people=(PersonCredit("成炫兰", "reporter"),))))

    assert Article.objects.get().people.get() == canonical
    assert not Person.objects.filter(name="成炫兰").exists()
    assert result.people.unchanged == 1


def test_person_slugs_are_unique_ascii():
    PersonFactory(name="张伟", slug="zhangwei")
    PersonFactory(name="章伟", slug="zhangwei-2")

    load(make_page(make_item(people=(PersonCredit("张炜", "reporter"),)), staff=()))

    assert Person.objects.get(name="张炜").slug == "zhangwei-3"
    assert pinyin_slug("王 海艳") == "wanghaiyan"
    assert pinyin_slug("曾小明") == "zengxiaoming"  # the surname reading, not 曾经's ceng
    assert pinyin_slug("单雄") == "shanxiong"
    assert pinyin_slug("★") == "person"


def test_variant_of_a_known_person_sharing_a_co_byline_is_flagged():
    known = ArticleFactory(headline="我市商协会调解组织授牌")
    BylineFactory(article=known, person=PersonFactory(name="成姣兰"), role="reporter")
    BylineFactory(article=known, person=PersonFactory(name="王海艳"), role="correspondent")

    load(
        make_page(
            make_item(
                "我市五家商会获评全国“四好”商会",
                people=(PersonCredit("成炫兰", "reporter"), PersonCredit("王海艳", "correspondent")),
            )
        )
    )

    warnings = Article.objects.get(headline__contains="四好").warnings
    assert any("成炫兰" in w and "成姣兰" in w and "王海艳" in w for w in warnings)


def test_one_character_apart_without_shared_co_byline_is_not_flagged():
    known = ArticleFactory(headline="别的稿件")
    BylineFactory(article=known, person=PersonFactory(name="成姣兰"))
    BylineFactory(article=known, person=PersonFactory(name="李四"))

    load(make_page(make_item(people=(PersonCredit("成炫兰", "reporter"), PersonCredit("王海艳", "correspondent")))))

    assert not any("误写" in w for w in Article.objects.get(import_key__isnull=False).warnings)


def test_variants_in_one_file_flag_each_other():
    load(
        make_page(
            make_item("甲稿", people=(PersonCredit("成姣兰", "reporter"), PersonCredit("王海艳", "correspondent"))),
            make_item("乙稿", people=(PersonCredit("成炫兰", "reporter"), PersonCredit("王海艳", "correspondent"))),
        )
    )

    assert any("成姣兰" in w for w in Article.objects.get(headline="乙稿").warnings)
    assert any("成炫兰" in w for w in Article.objects.get(headline="甲稿").warnings)


def test_same_headline_from_another_source_is_a_possible_duplicate():
    stored = ArticleFactory(headline="全市商协会人民调解组织集中成立授牌", body="完全不同的正文内容。")

    load(make_page(make_item("全市商协会 人民调解组织集中成立授牌")))

    warnings = Article.objects.get(import_key__isnull=False).warnings
    assert any("重复" in w and str(stored.pk) in w for w in warnings)


def test_similar_body_from_another_source_is_a_possible_duplicate():
    text = (
        "1月22日,我市商协会人民调解组织开展集中成立授牌仪式和业务培训。副市长、市工商联主席杨胜跃参加并讲话。"
        "2020年11月,市工商联首批商协会调解组织挂牌成立。本次授牌是市工商联继2020年之后,第二次开展的集中授牌。"
    )
    load(make_page(make_item("原稿标题", blocks=(BodyBlock("paragraph", text),))), raw=b"one", file_name="one.txt")

    load(
        make_page(
            make_item("转载稿换了标题", blocks=(BodyBlock("paragraph", text + "另有补充。"),)),
            issue_date=ISSUE_DATE + datetime.timedelta(days=1),
        ),
        raw=b"two",
        file_name="two.txt",
    )

    assert any("原稿标题" in w for w in Article.objects.get(headline="转载稿换了标题").warnings)


def test_unrelated_articles_are_not_duplicates():
    ArticleFactory(headline="另一条新闻", body="今天天气晴朗,市民出行方便,公园里游客很多,大家都在散步。" * 3)

    load(make_page())

    assert not any("重复" in w for w in Article.objects.get(import_key__isnull=False).warnings)


def test_advertisements_are_never_duplicates():
    ArticleFactory(headline="广告", kind="advertisement")

    load(make_page(make_item("广告", kind="advertisement", people=())))

    assert Article.objects.get(import_key__isnull=False).warnings == []


def test_sidebar_links_to_its_parent():
    load(
        make_page(
            make_item(),
            make_item("链接:什么是人民调解", kind="sidebar", parent_headline="全市商协会人民调解组织集中成立授牌"),
        )
    )

    sidebar = Article.objects.get(kind="sidebar")
    assert sidebar.parent.headline == "全市商协会人民调解组织集中成立授牌"


def test_continuation_links_the_two_halves():
    load(make_page(make_item("跨版稿件", continued_to="02版"), label="01版"), raw=b"p1", file_name="p1.txt")
    load(make_page(make_item("跨版稿件", continued_from="01版"), label="02版"), raw=b"p2", file_name="p2.txt")

    tail = Article.objects.get(page__number=2)
    assert tail.continues == Article.objects.get(page__number=1)


def test_query_count_does_not_grow_with_the_page():
    def queries_for(n):
        items = [
            make_item(f"稿件{n}-{i}", tags=(f"标签{n}-{i}",), people=(PersonCredit(f"记者{n}{i}", "reporter"),))
            for i in range(n)
        ]
        with CaptureQueriesContext(connection) as captured:
            load(make_page(*items, label=f"{n:02d}版"), raw=str(n).encode(), file_name=f"{n}.txt")
        return len(captured.captured_queries)

    small, large = queries_for(3), queries_for(60)
    assert large <= small + 3  # SQLite splits big inserts into batches


def test_a_byline_with_a_character_dropped_is_flagged_as_the_duplicate_list_would_pair_it():
    known = ArticleFactory(headline="别的稿件")
    BylineFactory(article=known, person=PersonFactory(name="王海艳"), role="correspondent")
    BylineFactory(article=known, person=PersonFactory(name="成姣兰"), role="reporter")

    load(make_page(make_item(people=(PersonCredit("成姣兰", "reporter"), PersonCredit("王海", "correspondent")))))

    warnings = Article.objects.get(import_key__isnull=False).warnings
    assert any("王海" in w and "王海艳" in w and "成姣兰" in w for w in warnings)
