"""The print forms of several papers, each rule shown on pages of at least two of them
(tests/importers/corpus: real article text laid out as printed)."""

from functools import cache
from pathlib import Path

import pytest

from importers.parsing import parse_page
from importers.parsing.text import squeeze

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@cache
def items(page: str):
    path = next(CORPUS.glob(f"*/{page}.txt"))
    return parse_page(path.read_bytes(), source=path.name).items


def item(page: str, headline: str):
    found = [i for i in items(page) if squeeze(headline) in squeeze(i.kicker + i.headline + i.subheadline)]
    assert found, [i.headline for i in items(page)]
    return found[0]


def people(i):
    return {(p.name, p.role) for p in i.people}


@pytest.mark.parametrize(
    ("page", "kicker", "headline", "subheadline"),
    [
        # titles with commas over a byline
        (
            "rmrb_20250109_14",
            "灵活就业人员持居住证可办理",
            "取消户籍限制，就业地能参加医保",
            "可参加职工医保，也可参加居民医保",
        ),
        ("cswb_20170908_A05", "", "“睦邻长廊”里,居民笑敞心门", "芙蓉区朝阳社区提质提档大蝶变,居民自治构筑“乐邻圈”"),
        # a kicker ending in —— over a quoted headline
        ("rmrb_20250110_10", "辽宁抚顺县公安局后安派出所所长张宇航——", "“手机电量太低就会慌，怕群众找不到我”", ""),
        # a byline printed over its headline
        ("zzrb_20130802_03", "", "工业布局:一区五园 城市框架:一城五区", "——茶陵以“湘赣边界中心县”为目标助推发展升级"),
    ],
)
def test_titles(page, kicker, headline, subheadline):
    found = item(page, headline)
    assert squeeze(found.kicker + found.headline + found.subheadline) == squeeze(kicker + headline + subheadline)


@pytest.mark.parametrize(
    ("page", "headline", "expected"),
    [
        # a standalone byline over a bare dateline lead (株洲日报); a bare 本报记者 with the
        # reporters named at the end (人民日报)
        ("zzrb_20210923_02", "蔡溪主持召开市政协九届五十七次主席会议", {("罗欣", "reporter")}),
        (
            "rmrb_20250109_14",
            "取消户籍限制，就业地能参加医保",
            {(n, "reporter") for n in ("孙秀艳", "邵玉姿", "罗阳奇", "张文豪", "张云河")},
        ),
        # padded names (人民日报, 光明日报)
        ("rmrb_20250110_05", "下沉市场助力消费升级", {("朱磊", "author")}),
        ("gmrb_20260228_01", "冰雪旅游人气旺", {("任爽", "reporter"), ("李玉兰", "reporter")}),
        # a photo credit on its caption, after the caption's end or a space (长沙晚报, 人民日报)
        ("cswb_20180925_A04", "月满中秋 欢乐长沙", {("邹麟", "photographer")}),
        (
            "rmrb_20250110_10",
            "你的平安  我来守护",
            {(n, "photographer") for n in ("葛高烽", "沈群", "刘教清", "王江海")},
        ),
    ],
)
def test_people(page, headline, expected):
    assert people(item(page, headline)) == expected


def test_a_photo_spread_under_one_title_is_one_item():
    # 人民日报 prints nine photos with their credits under one title; 长沙晚报 five photo items
    spread = item("rmrb_20230107_05", "建设宜居宜业和美乡村")
    assert spread.kind == "photo" and len(spread.people) == 9
    photos = [i for i in items("cswb_20180925_A04") if i.kind == "photo"]
    assert len(photos) >= 4


def test_a_closing_credit_ends_a_story():
    # 光明日报: the story ends with (本报记者 …), a short commentary follows, signed at its end
    page = items("gmrb_20260228_01")
    assert [i.kind for i in page][:2] == ["news", "commentary"]
    assert people(page[1]) == {("王丹", "author")}


@pytest.mark.parametrize(
    ("page", "headline", "first"),
    [
        # a commentary's deck is its first paragraph, complete without 。 (人民日报, 光明日报)
        ("rmrb_20250110_05", "乡村聚才要巧搭台", "千方百计用好人才资源，确保目标不变、靶心不散，多点发力、同向用力"),
        # a title floated into its body is found again, the paragraph it cut joined (人民日报 1989)
        ("rmrb_19890425_01", "铁路重点区段治安秩序开始好转", None),
    ],
)
def test_bodies(page, headline, first):
    found = item(page, headline)
    paragraphs = [squeeze(p) for p in found.paragraphs]
    if first:
        assert paragraphs[0] == squeeze(first)
    assert not any(squeeze(found.headline) in p for p in paragraphs)


def test_untitled_items_keep_an_empty_printed_title():
    """Photo news with no title (中国青年报) and a signed commentary printed without one (株洲日报):
    the title as printed is empty; the headline is only a suggestion, flagged for the editor."""
    photo = next(i for i in items("zqb_20240322_05") if i.kind == "photo")
    assert not photo.headline_printed and photo.headline.startswith("游人用手机")
    comment = next(i for i in items("zzrb_20220822_03") if i.kind == "commentary")
    assert not comment.headline_printed
    assert people(comment) == {("唐剑华", "author")}
    assert comment.paragraphs[0].startswith("十年寒窗磨一剑")


def test_a_name_alone_between_stories_signs_the_next_piece():
    """`唐剑华` after the last paragraph of a news story opens a commentary; it is not a subhead."""
    news = item("zzrb_20220822_03", "市政协今年第六期“委员大讲堂”开讲")
    assert "唐剑华" not in news.subheads and not any("十年寒窗" in p for p in news.paragraphs)


@pytest.mark.parametrize(
    ("page", "label", "parent"),
    [
        # 开栏的话 boxed before the essay's first paragraph (光明日报); 开栏语 after a story (株洲日报)
        ("gmrb_20240515_05", "开栏的话", "深情贺光明"),
        ("zzrb_20220822_03", "开栏语", None),
    ],
)
def test_column_opening_notes_are_their_own_items(page, label, parent):
    note = next(i for i in items(page) if i.headline == label)
    assert note.paragraphs and all(label not in i.subheads for i in items(page))
    if parent:
        assert note.kind == "sidebar" and note.parent_headline == parent


@pytest.mark.parametrize(
    ("page", "headline", "subheadline"),
    [
        # a number line under an official notice (人民日报); the speaker's post under his words (光明日报)
        ("rmrb_20020418_02", "中华人民共和国财政部公告", "(2002年第3号)"),
        ("gmrb_20140703_04", "罗和安代表:自主招生应向欠发达地区倾斜", "(湘潭大学教授、博士生导师)"),
    ],
)
def test_a_bracketed_line_under_a_title_is_its_subheadline(page, headline, subheadline):
    found = item(page, headline)
    assert found.subheadline == subheadline
    assert not found.paragraphs[0].startswith(("(", "（"))


def test_an_official_notice_closed_by_its_formula_is_a_notice():
    assert item("rmrb_20020418_02", "中华人民共和国财政部公告").kind == "notice"


def test_the_colon_after_a_reported_credit_belongs_to_neither():
    news = item("rmrb_20020418_02", "六十万名学生将免交义务教育杂费")
    assert people(news) == {("温红彦", "reporter")}
    assert news.paragraphs[0].startswith("北京市委、市政府宣布")


def test_a_photo_with_its_story_in_the_caption_is_not_the_title_of_the_lead_below():
    """`新闻摄影比赛` over a caption of several sentences with its credit, then a bare `本报讯`
    lead whose own title floats lower: the photo is its own item (人民日报 1989)."""
    photo = item("rmrb_19890425_01", "新闻摄影比赛")
    assert photo.kind == "photo" and people(photo) == {("彭义锋", "photographer")}
    news = item("rmrb_19890425_01", "铁路重点区段治安秩序开始好转")
    assert news.paragraphs[0].startswith("今年以来") and not news.people


def test_a_role_word_inside_a_phrase_is_no_label():
    from importers.parsing.bylines import parse_credit

    assert parse_credit("新闻摄影比赛") is None
    assert {(p.name, p.role) for p in parse_credit("摄影王雷")} == {("王雷", "photographer")}
    assert {(p.name, p.role) for p in parse_credit("(记者尕玛多吉)")} == {("尕玛多吉", "reporter")}


def test_the_dry_run_json_gives_the_title_as_printed_and_the_suggestion_apart():
    from importers.serialize import item_to_dict

    photo = next(i for i in items("zqb_20240322_05") if i.kind == "photo")
    data = item_to_dict(photo)
    assert data["headline"] == "" and data["suggested_headline"].startswith("游人用手机")
    titled = item_to_dict(item("zqb_20240322_05", "团长春市委举办青年志愿服务重点项目发布会"))
    assert titled["headline"] == "团长春市委举办青年志愿服务重点项目发布会" and "suggested_headline" not in titled


@pytest.mark.parametrize(
    ("page", "kicker", "headline", "subheadline"),
    [
        # a kicker printed on two lines, the second opening with 并 (新华社)
        (
            "xinhua_20191012_01",
            "出席中印领导人第二次非正式会晤\n并对尼泊尔进行国事访问",
            "习近平抵达金奈",
            "与印度总理莫迪举行会见",
        ),
        # a headline over a 副题 of two long clauses (新华社 1987)
        (
            "xinhua_19870409_01",
            "",
            "全国政协六届五次会议闭幕",
            "会议增选汪锋、钱伟长为政协副主席,张春男等十二人为常务委员\n通过政治决议、常委会工作报告决议、提案情况和审查意见的报告",
        ),
        # a short cry over the statement it leads into (长沙晚报)
        ("cswb_20190108_A02", "喜迎八方宾客!", "长沙今晚(26日)增放一场橘洲焰火", ""),
        # a column label over a lead-in ending in ——: one kicker of two lines (光明日报)
        ("gmrb_20241011_07", "【我与光明日报】\n沐光而行75年——", "为发展中国理论、繁荣中国学术作贡献", ""),
    ],
)
def test_title_levels(page, kicker, headline, subheadline):
    found = item(page, headline)
    assert (found.kicker, found.headline, found.subheadline) == (kicker, headline, subheadline)


def test_a_notice_the_story_quotes_is_its_box():
    """`…公告全文如下:` ends the lead; the 公告 printed under it is the story's sidebar (长沙晚报),
    signed off by the office and the date as paragraphs."""
    box = item("cswb_20190108_A02", "关于增加燃放一场烟花的公告")
    assert box.kind == "sidebar" and box.parent_headline == "长沙今晚(26日)增放一场橘洲焰火"
    assert box.paragraphs[-2:] == ["长沙橘子洲烟花燃放活动执行委员会办公室", "2019年6月25日"]
    assert not box.subheads


def test_a_notice_signed_off_with_name_and_date_is_one_item():
    notice = item("rmrb_20020418_02", "中华人民共和国财政部公告")
    assert notice.paragraphs[-3:] == ["特此公告。", "中华人民共和国财政部", "2002年4月17日"]
    assert len([i for i in items("rmrb_20020418_02")]) == 2


def test_a_couplet_title_glued_to_its_caption_opens_its_own_photo():
    """`做卡通花灯 享别样乐趣中秋节期间,…摄影报道` after another photo's credit (长沙晚报): the
    couplet is the title of a photo item of its own; the photo before it keeps its own people."""
    glued = item("cswb_20180925_A04", "做卡通花灯 享别样乐趣")
    assert glued.headline == "做卡通花灯 享别样乐趣" and glued.captions[0].startswith("中秋节期间")
    before = item("cswb_20180925_A04", "烈士公园升起一轮“明月”")
    assert "刘姝伶" not in {p.name for p in before.people}


def test_a_photo_credited_to_other_people_after_a_story_is_its_own_item():
    """A caption and text closed by `株洲日报全媒体记者/谢慧 董介` after a story bylined
    刘琼 孙晓静: an untitled photo item, not the story's tail."""
    story = item("zzrb_20221228_02", "将政协力量更好地融入全市发展大局")
    assert {p.name for p in story.people} == {"刘琼", "孙晓静"}
    photo = next(i for i in items("zzrb_20221228_02") if i.kind == "photo")
    assert not photo.headline_printed and {("董介", "reporter"), ("谢慧", "photographer")} <= people(photo)


def test_photos_and_an_editors_note_head_a_package_story():
    """Four captioned photos and an 编者按 under one headline (人民日报): the package head is a
    story whose photos are captions, not photo news."""
    head = item("rmrb_20250110_10", "你的平安")
    assert head.kind == "news" and len(head.captions) == 4
    assert not any(p.startswith("图") for p in head.paragraphs)


def test_a_photo_supplied_by_an_organisation_is_a_caption_with_its_credit():
    """`发布会现场。团长春市委供图` inside a split paragraph (中国青年报): a caption and a credit
    naming nobody; the paragraph is joined across it."""
    from importers.parsing.bylines import split_caption_credit

    assert split_caption_credit("发布会现场。团长春市委供图") == ("发布会现场。", "团长春市委供图", ())
    news = item("zqb_20240322_05", "团长春市委举办青年志愿服务重点项目发布会")
    assert news.captions == ["发布会现场。"] and "团长春市委供图" in news.bylines
    assert any("基层治理、生态环保" in p for p in news.paragraphs)


def test_a_figure_label_between_paragraphs_is_a_caption():
    news = item("cswb_20240212_A04", "想去长沙解放西?重大活动交通管制!")
    assert "管制路段示意图" in news.captions and "管制路段示意图" not in news.subheads


def test_a_box_sits_in_its_story_section():
    """The 开栏的话 box names 光明日报 often, but it sits in the essay: it goes where the essay goes."""
    path = CORPUS / "gmrb" / "gmrb_20240515_05.txt"
    keywords = {"评论": ["评论"], "综合": ["光明日报"]}
    page = parse_page(path.read_bytes(), source=path.name, section_keywords=keywords, default_section="综合")
    sections = {i.headline: i.section for i in page.items}
    assert sections["深情贺光明"] == "评论" and sections["开栏的话"] == "评论"
