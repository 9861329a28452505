"""The print forms of several papers, each rule shown on pages of at least two of them
(tests/importers/corpus: real article text laid out as printed)."""

import json
from functools import cache
from pathlib import Path

import pytest

from importers.parsing import parse_page
from importers.parsing.furniture import split_glued_jump
from importers.parsing.text import ends_sentence, squeeze

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


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
    else:
        # standing alone, it is the paper's announcement of a new column, not news
        assert note.kind == "notice"


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
        # a column label in corner brackets over the headline, in one block (金华日报)
        ("jhrb_20241020_04", "「金报情缘」", "曾经的乡愁 如今的朋友", ""),
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


def test_a_photo_released_by_an_agency_is_a_caption_with_its_credit():
    """`…举行。 新华社发` between the halves of a cut paragraph (人民政协报) and `…的突破。 新华社发`
    under a photo's title (齐鲁晚报): the agency's release names no photographer, but it is a
    photo's credit; the paragraph is joined across the caption."""
    from importers.parsing.bylines import split_caption_credit

    released = "“零”的突破。           新华社发"  # 齐鲁晚报, qlwb_20220213_A01
    assert split_caption_credit(released) == ("“零”的突破。", "新华社发", ())

    assert split_caption_credit("在北京人民大会堂新闻发布厅举行。 新华社发") == (
        "在北京人民大会堂新闻发布厅举行。",
        "新华社发",
        (),
    )
    assert split_caption_credit("中新社记者在现场看到,游客络绎不绝。中新社发") == (
        "中新社记者在现场看到,游客络绎不绝。",
        "中新社发",
        (),
    )
    assert split_caption_credit("会议决定,由新华社发布公报。") is None
    news = item("rmzxb_20230305_03", "一起见证活力四射的中国")
    assert news.captions == ["3月4日,全国政协十四届一次会议首场“委员通道”集体采访活动在北京人民大会堂新闻发布厅举行。"]
    assert "新华社发" in news.bylines
    assert any("“近距离”接触,回答社会关心的话题" in p for p in news.paragraphs)


def test_a_titled_photo_inside_a_cut_paragraph_is_its_own_item():
    """齐鲁晚报's front: a photo's title and its credited caption printed between the halves of the
    5G story's cut paragraph, and the next story's title lines over the paper's tag line and its
    byline. The photo is an item of its own, the 5G paragraph is joined, and the titles go to the
    story under them (the untitled photo inside a cut paragraph is `_inset_photo`'s case)."""
    five_g = item("qlwb_20220213_A01", "中国5G基站总量占全球60%以上")
    assert any("覆盖所有地级市城区,超过98%的县城城区" in p for p in five_g.paragraphs)
    assert not five_g.subheads and not five_g.captions
    photo = item("qlwb_20220213_A01", "冬奥旗手高亭宇破纪录夺冠")
    assert photo.kind == "photo" and photo.captions[0].startswith("四年前,在平昌冬奥会") and not photo.people
    weather = item("qlwb_20220213_A01", "暂别晴暖天气,山东多地迎小雨雪")
    assert weather.subheadline.startswith("明日最高温局部降至冰点以下")
    assert people(weather) == {("于民星", "reporter")}


@pytest.mark.parametrize(
    ("page", "line", "staff"),
    [
        ("lnrb_20260128_01", "本版责任编辑:乔文轩  美术编辑:韩 雪", {("乔文轩", "editor"), ("韩雪", "art_editor")}),
        ("whb_20190524_12", "本版责任编辑/李 纯", {("李纯", "editor")}),
        ("rmzxb_20230305_03", "本版责编：杨  珂   校对：刘  洋   排版：陈  晨", {("杨珂", "editor")}),
    ],
)
def test_a_pages_staff_line_under_its_last_story(page, line, staff):
    """`本版责任编辑` (辽宁日报, 文汇报) and a staff line with its proofreader and typesetter (人民政协报):
    page furniture, not the last story's last paragraph."""
    path = next(CORPUS.glob(f"*/{page}.txt"))
    parsed = parse_page(path.read_bytes(), source=path.name)
    found = [f for f in parsed.furniture if f.kind == "staff" and squeeze(f.text) == squeeze(line)]
    assert found and staff <= {(p.name, p.role) for p in found[0].people}
    assert not any(squeeze(line) in squeeze(p) for i in parsed.items for p in i.paragraphs)


def test_a_titled_photo_with_its_credit_on_two_lines_inside_a_cut_paragraph():
    """辽宁日报: `…老旧小` / `认真审议 履职行权` / caption / `本报特派北京记者` / `徐丹伟 万 重 摄` /
    `区改造…`: the photo is its own item with both photographers, the story's paragraph is joined."""
    story = item("lnrb_20260128_01", "不一样的辽宁“两会时间”")
    assert any("老旧小区改造" in p for p in story.paragraphs) and not story.people
    photo = item("lnrb_20260128_01", "认真审议 履职行权")
    assert photo.kind == "photo" and len(photo.captions) == 1
    assert people(photo) == {("徐丹伟", "photographer"), ("万重", "photographer")}


def test_a_spread_of_short_captions_signed_once_is_one_photo_item():
    """湖北日报: `图集丨2020年湖北两会首场“代表通道”直击` over a credited caption, seven one-sentence
    captions (`石首市委书记、市长石必成代表回答记者提问。`) and a last credited caption, after the
    lead story: one photo item, not the story's last paragraphs. (One paper so far.)"""
    spread = item("hbrb_20231026_02", "图集丨2020年湖北两会首场“代表通道”直击")
    assert spread.kind == "photo" and len(spread.captions) == 9
    assert people(spread) == {("柯皓", "photographer"), ("魏铼", "photographer")}
    story = item("hbrb_20231026_02", "鄂州机场高速公路二期工程开建")
    assert people(story) == {("彭磊", "reporter")} and not story.captions


@pytest.mark.parametrize(
    ("page", "issue_date", "label", "name", "staff", "headline"),
    [
        # `南方都市报　2013.8.17　星期六` / `A10 广州·城事　　编辑：林　晓　美编：陈　岚`
        ("nfdsb_20130817_A10", "2013-08-17", "A10", "广州·城事", {"林晓", "陈岚"}, "莫言书展上偶遇广东省领导"),
        # `2023年8月19日／星期六` / `A06　2023南国书香节` / `责编　梁晓雯　美编　何　倩`
        ("ycwb_20230819_A06", "2023-08-19", "A06", "2023南国书香节", {"梁晓雯", "何倩"}, "岭南精品好书荟萃"),
        # `2025年4月6日　星期日　　编辑　周文静　　美编　万　芳` / `A04　　…　　武汉新闻`
        ("ctdsb_20250406_A04", "2025-04-06", "A04", "武汉新闻", {"周文静", "万芳"}, ""),
    ],
)
def test_a_page_head_with_a_dotted_date_or_its_staff_on_the_same_line(page, issue_date, label, name, staff, headline):
    path = next(CORPUS.glob(f"*/{page}.txt"))
    parsed = parse_page(path.read_bytes(), source="page.txt")  # the date from the page, not the file name
    assert str(parsed.issue_date) == issue_date
    assert (parsed.page.label, parsed.page.name) == (label, name)
    assert {p.name for p in parsed.page.staff} == staff
    first = parsed.items[0]
    assert squeeze(headline) in squeeze(first.headline) and name not in first.kicker and "编辑" not in first.kicker


@pytest.mark.parametrize(
    ("page", "story", "signed", "next_title"),
    [
        # 中国体育报: `…共同承办。(轧学超)` / `北京社区居民角逐健身擂台赛` / `日前,…` (轧 is a rare surname)
        ("zgtyb_20240423_07", "全民健身走(跑)大赛运动赏景两不误", "(轧学超)", "北京社区居民角逐健身擂台赛"),
        # 工人日报: `…氛围。(晓溪)` / `浙江舟山` / `劳模体验“乡村游”` / `本报讯 …`
        ("grrb_20081125_05", "", "(晓溪)", "劳模体验“乡村游”"),
    ],
)
def test_a_name_in_brackets_after_the_last_sentence_ends_the_story(page, story, signed, next_title):
    """A one-line title after a paragraph closed by a name in brackets opens the next story,
    whether or not the name starts with a surname of the table."""
    ends = [i for i in items(page) if signed in i.bylines or i.paragraphs and i.paragraphs[-1].endswith(signed)]
    assert ends and (not story or squeeze(story) in squeeze(ends[0].headline))
    following = item(page, next_title)
    assert following is not ends[0] and not any(signed in p for p in following.paragraphs)


def test_an_untitled_photo_after_a_story_closed_by_its_credit_line():
    """中国体育报: `(黄心豪  刘勇)` closes the 海南 story; `重庆市开州区…的训练。新华社记者 唐奕 摄`
    under it, over the next title, is a photo of its own (the form signed at the end of the last
    paragraph, `…为顾问。本报记者齐连声`, is the same rule)."""
    story = item("zgtyb_20240305_05", "数万人次参加海南省社区运动会")
    assert not story.captions and ("唐奕", "photographer") not in people(story)
    photos = [i for i in items("zgtyb_20240305_05") if i.kind == "photo"]
    assert len(photos) == 1 and people(photos[0]) == {("唐奕", "photographer")}
    assert photos[0].captions[0].startswith("重庆市开州区")


@pytest.mark.parametrize(
    "line",
    [
        "图为杜志勇参加本报粉丝团活动",  # 楚天都市报, over its two credit lines
        "图为大会会场。",  # 陕西工人报
        "图为该项目部施工人员在职工书屋里学习",  # 工人日报 (cut where its column ends)
    ],
)
def test_a_line_saying_what_the_photo_shows_is_no_title(line):
    from importers.parsing.titles import could_be_title, is_title_like

    assert not is_title_like(line) and not could_be_title(line)
    page = "ctdsb_20250406_A04"
    assert not [i for i in items(page) if i.headline.startswith("图为")]


def test_an_author_line_under_a_title_with_a_comma_opens_a_signed_piece():
    """常德日报 (one paragraph a line): `那岁月,不只因为怀念而美好` / `汪肯堂` after the 编者按 story's
    last paragraph: a piece signed by its author, not two subheads of the story above."""
    essay = item("cdrb_20191108_05", "那岁月,不只因为怀念而美好")
    assert essay.kind == "commentary" and people(essay) == {("汪肯堂", "author")}
    assert essay.paragraphs[0].startswith("若现在有人问我曾经的职业")


def test_a_title_over_a_writer_saying_i_after_a_reported_story_opens_another_piece():
    """邵阳日报: the reported story (`邵阳日报讯 (记者 欧阳德珍)`, `我市` is the paper's city) ends;
    `《邵阳日报》:我的写作起步之地` over `真没想到,…做了多年家庭主妇的我,…` is a reader's essay; after
    its `（下转05版）` the title `缘聚缘散缘不断` opens another (as after 华商报's `(下转A06版)`)."""
    story = item("syrb_20240625_04", "走访文明邵阳 记录幸福故事")
    assert not story.subheads and len(story.paragraphs) == 3
    essay = item("syrb_20240625_04", "我的写作起步之地")
    assert essay.paragraphs[0].startswith("真没想到") and essay.continued_to
    assert not essay.subheads
    other = item("syrb_20240625_04", "缘聚缘散缘不断")
    assert other.paragraphs[0].startswith("时节如流")
    from importers.parsing.segment import _SPEAKER

    assert _SPEAKER.match("答:我觉得…") and _SPEAKER.match("张三:我认为…")  # a quoted speaker is no new piece
    assert not _SPEAKER.match("真没想到,离开了工作岗位,做了多年家庭主妇的我,")
    after_jump = item("hsb_20181112_A05", "20年回望 诸多第一次成就跨越式发展")
    assert after_jump.paragraphs[0].startswith("7月1日是《华商报》改版20周年")


def test_a_psa_box_inside_a_cut_paragraph_ends_at_its_publishers_credit():
    """益阳日报: `…为构建和谐社会,` / `公益广告` / `迎奥运 讲文明 树新风` / `益阳日报社宣` / `搭建了…`: the
    box is the public-service ad, the paragraph is joined across it, and the eight paragraphs after
    it stay in the editorial; over it, the page's banner and its staff line are the page's head.
    (One paper so far.)"""
    path = next(CORPUS.glob("*/yiyrb_20070105_B1.txt"))
    parsed = parse_page(path.read_bytes(), source=path.name)
    psa = [i for i in parsed.items if i.kind == "psa"]
    assert len(psa) == 1 and psa[0].headline == "迎奥运 讲文明 树新风" and not psa[0].paragraphs
    editorial = item("yiyrb_20070105_B1", "这两年我们一起走过")
    assert not editorial.kicker and any("为构建和谐社会,搭建了一个温暖的平台" in p for p in editorial.paragraphs)
    assert len(editorial.paragraphs) >= 10
    banner = {f.text for f in parsed.furniture if f.kind == "page_header"}
    assert {"不仅仅是新闻的力量", "——晚报版两周年纪念"} <= banner


def test_text_after_a_jump_line_is_never_joined_to_the_story_the_jump_ends():
    """成都日报: `…匆匆瞥一眼锦江,但在锦…乡村也` / `▶下转06版` / `您即将走进的是…`: the jump ends the
    first story; the text after it is the next story's, whose title floated into the first one's cut
    paragraph (`…邹锋笑着说,` / `时光长廊里 回顾《成都日报》历史` / `自己可以说…`). The page's
    one-line head with the paper's Latin name is furniture."""
    path = next(CORPUS.glob("*/chdrb_20210211_05.txt"))
    parsed = parse_page(path.read_bytes(), source=path.name)
    assert parsed.items[0].headline == "锦江 流淌的幸福" and not parsed.items[0].kicker
    first = parsed.items[0]
    assert not any("您即将走进" in p for p in first.paragraphs) and first.continued_to
    gallery = item("chdrb_20210211_05", "时光长廊里 回顾《成都日报》历史")
    assert gallery.paragraphs[0].startswith("您即将走进的是一条特别的“时光长廊”")
    assert ("王李科", "reporter") in people(gallery)


def test_an_author_line_over_the_pieces_photo():
    """泉州晚报: `新闻的种子,长出田园的诗行` / `□陈多多` / `九十九溪田园风光(邱华复 摄)` / text: the caption
    with its credit in brackets run on (no stop before it) sits between the author line and the text."""
    from importers.parsing.bylines import split_caption_credit

    caption, credit, credited = split_caption_credit("九十九溪田园风光(邱华复 摄)")
    assert (caption, credit) == ("九十九溪田园风光", "(邱华复 摄)")
    assert [(p.name, p.role) for p in credited] == [("邱华复", "photographer")]
    assert split_caption_credit("东市以传统文化为主(特色农产品区)") is None
    essay = next(i for i in items("qzwb_20260127_05") if ("陈多多", "author") in people(i))
    assert essay.kind == "commentary" and essay.captions == ["九十九溪田园风光"]
    assert essay.paragraphs[0].startswith("说起来,我与泉州晚报有缘")


@pytest.mark.parametrize(
    ("page", "caption", "joined"),
    [
        ("ycwb_20230819_A06", "读者在选购书籍", "集印章的少年青年读者,还有在书本中漫步欣赏"),  # 羊城晚报
        ("qzwb_20260127_05", "作者珍藏剪报", "传达室跑,这便也养成了"),  # 泉州晚报
    ],
)
def test_a_line_reading_as_a_title_inside_a_cut_sentence_is_a_caption(page, caption, joined):
    """A subhead never stands inside a sentence: a short line between the halves of a paragraph cut
    mid-sentence is a caption whose credit is elsewhere, and the paragraph is joined across it."""
    found = [i for i in items(page) if caption in i.captions]
    assert found and caption not in found[0].subheads
    assert any(squeeze(joined) in squeeze(p) for p in found[0].paragraphs)


def test_a_title_line_inside_a_word_cut_by_a_column_stays_and_the_paragraph_is_flagged():
    """Cut inside a word, not after a pause (`…村(社区)党` / `十三届市委第二轮巡察对12个市直单位开展巡察` /
    `经市委批准…`), the halves may belong to two pieces: nothing is joined across the title line,
    and the story says its paragraph is broken (tests/importers/test_dismissed_warnings.py)."""
    text = (SEEDS / "001_d2a89e1a3a1b2016.txt").read_text(encoding="utf-8").replace("村(社区)党组织\n", "村(社区)党\n")
    story = next(i for i in parse_page(text, source="page.txt").items if i.headline == "十三届市委第二轮巡察启动")
    assert not any("村(社区)党经市委批准" in p for p in story.paragraphs)
    assert "十三届市委第二轮巡察对12个市直单位开展巡察" not in story.captions
    assert any("段落在句中断开" in w for w in story.warnings)


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


def test_a_flush_phrase_among_indented_paragraphs_is_a_title():
    """新京报 indents its paragraphs with `　　`: `海淀公园帐篷区扩容,市民纳凉休闲乐享夏至好时光`,
    set flush and with a comma in it, is the title, not the start of the first paragraph."""
    photo = item("xjb_20250622_A06", "海淀公园帐篷区扩容,市民纳凉休闲乐享夏至好时光")
    assert photo.headline == "海淀公园帐篷区扩容,市民纳凉休闲乐享夏至好时光"
    assert photo.paragraphs[0].startswith("6月21日夏至")


def _set_in(page: str) -> bytes:
    """The page as a dump that indents its paragraphs prints it: each line opening a paragraph
    of the gold set in with `　　`, titles and furniture flush."""
    path = next(CORPUS.glob(f"*/{page}.txt"))
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    openings = {squeeze(p)[:12] for i in gold["items"] for p in i.get("paragraphs", [])}
    lines = path.read_text(encoding="utf-8").split("\n")
    return "\n".join(
        "\u3000\u3000" + line if squeeze(line)[:12] in openings and line.strip() else line for line in lines
    ).encode()


@pytest.mark.parametrize(
    ("page", "headline", "first"),
    [
        # 光明日报: a 短评 opening on a line that trails off in `……`
        ("gmrb_20260228_01", "这“新大众+”的年,气象万千", "庙会上的古风新韵、人机共创的AI春晚"),
        # 人民日报: a 现场评论 whose first line is a summary without its 。
        ("rmrb_20250110_05", "乡村聚才要巧搭台（现场评论）", "千方百计用好人才资源，确保目标不变"),
    ],
)
def test_a_line_set_in_under_a_title_opens_the_text_not_the_title(page, headline, first):
    """A 副题 is set flush or centred under its title; the line under it set in with the paragraphs'
    indent is the first of the text, whatever its punctuation."""
    path = next(CORPUS.glob(f"*/{page}.txt"))
    found = [i for i in parse_page(_set_in(page), source=path.name).items if squeeze(i.headline) == squeeze(headline)]
    assert found and found[0].subheadline == ""
    assert squeeze(found[0].blocks[0].text).startswith(squeeze(first))


def test_an_untitled_photo_between_two_credits_is_its_own_item():
    """`记者 浦峰 摄影报道` closes one photo story; the caption after it, closed by
    `本报记者 吴江 汤旸 摄影报道`, is another photo with no title (新京报)."""
    found = [i for i in items("xjb_20250622_A06") if i.kind == "photo"]
    assert len(found) == 2 and not found[1].headline_printed
    assert {p.name for p in found[0].people} == {"浦峰"} and {p.name for p in found[1].people} == {"吴江", "汤旸"}


def test_a_title_with_a_colon_under_a_captioned_photo_heads_the_lead_below():
    news = item("xjb_20200127_A05", "对外交通基本正常,不会“封城”")
    assert (news.kicker, news.dateline) == ("北京市交通委:", "新京报快讯")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北京日报客户端 | 记者 李如意", {("李如意", "reporter")}),
        ("来源:北京日报客户端 | 记者 孙延安", {("孙延安", "reporter")}),
        ("讲述人:北京日报记者 李如意", {("李如意", "reporter")}),
        ("记者 张三 | 通讯员 李四", {("张三", "reporter"), ("李四", "correspondent")}),
    ],
)
def test_credits_filed_for_an_outlet_before_a_bar(text, expected):
    from importers.parsing.bylines import parse_credit

    assert {(p.name, p.role) for p in parse_credit(text)} == expected


def test_stacked_byline_lines_open_one_story():
    news = item("bjrb_20220609_03", "做协同发展的记录者")
    assert people(news) == {("李如意", "reporter")} and news.kicker == "亲历者说:"
    before = item("bjrb_20220609_03", "丰台集中连片管控区解封,今晨多小区恢复正常出入")
    assert people(before) == {("孙延安", "reporter")} and not before.subheads


def test_a_phrase_after_a_jump_line_heads_the_next_story():
    """`（下转第13版）` ends a story (北京晚报); the phrase after it is the next headline."""
    assert (
        item("bjwb_20190828_12", "炎炎夏日,公园成北京市民纳凉好去处,赏美景别煞风景").paragraphs[0].startswith("不久前")
    )


def test_a_long_phrase_between_stories_without_bylines_is_a_headline():
    news = item("bjrb_20220208_05", "通州如意园小区今日解封!居民:解封后想第一时间见到他们")
    assert news.paragraphs[0].startswith("通州区新华街道")


def test_a_story_signed_at_its_end_by_other_reporters_is_its_own_item():
    """`……。本报记者丁肇文 孟环` glued to the last paragraph (北京晚报): the byline of the story under
    `三十五家驻华使馆的外交官员出席开幕式`, not of the lead story above it."""
    first = item("bjwb_20190219_06", "今年的元宵格外香甜")
    second = item("bjwb_20190219_06", "三十五家驻华使馆的外交官员出席开幕式")
    assert people(first) == {("褚英硕", "reporter")}
    assert people(second) == {("丁肇文", "reporter"), ("孟环", "reporter")}
    assert not second.paragraphs[-1].endswith("孟环")


@pytest.mark.parametrize(
    ("page", "story", "brief", "signed"),
    [
        # a 本报讯 report, then a brief closed by `(据新华社)` (人民日报 1979)
        ("rmrb_19791210_01", "江西农业全面丰收", "上海电报局转发外地电报自动化", "(据新华社)"),
        # a 路透社 dispatch, then the first of the column's briefs, closed by `(法新社)` (参考消息 1999)
        ("ckxx_19990718_01", "中蒙关系进入新时期", "利比亚向一九八九年法航空难受害者亲属支付赔偿金", "(法新社)"),
        # 记者纪雨童's report, then a brief closed by `(全媒体记者 李博)` (三门峡日报 2025)
        ("smxrb_20250125_02", "梁衡散文《坐标之城三门峡》引发热烈反响", "全员上路铲雪保畅通", "(全媒体记者 李博)"),
    ],
)
def test_a_title_over_a_paragraph_signed_by_another_source_opens_a_brief(page, story, brief, signed):
    """A title after a finished paragraph of a story opened by its lead, over one paragraph closed by another
    newsroom's name or other reporters' credit, then the next title: a brief of its own, not the story's subhead."""
    report, short = item(page, story), item(page, brief)
    assert short is not report and brief not in "".join(report.paragraphs)
    assert short.bylines == (signed,) and len(short.paragraphs) == 1


def test_a_list_set_in_after_a_colon_keeps_its_items_apart():
    """On a page that indents its paragraphs, `…分别为:` then one indented line an item, each
    ended by `;` (株洲日报); a `;` line that opens no list is a clause cut by a column break (长沙晚报)."""
    listed = item("zzrb_20230722_03", "今年预计产量8.5万吨 同比增长约20%").paragraphs
    opening = next(n for n, p in enumerate(listed) if p.endswith("分别为:"))
    items_ = listed[opening + 1 : opening + 7]
    assert [p[:5] for p in items_] == ["7月26日", "7月26日", "7月28日", "8月4日至", "7月中旬至", "7月中旬至"]
    assert all(p.endswith(";") for p in items_[:-1]) and items_[-1].endswith("。")
    notice = item("cswb_20190108_A02", "关于增加燃放一场烟花的公告").paragraphs
    assert any("交通管制措施;橘子洲大桥" in p for p in notice)


@pytest.mark.parametrize(
    ("page", "photo_caption", "next_headline"),
    [
        # an untitled photo whose caption ends in a glued `(刘震/摄)`, then a brief (株洲日报)
        ("zzrb_20181212_01", "12月18日,期盼已久的株洲市中心", "市委理论学习中心组举行今年第11次集中学习"),
        # an untitled photo credited on two lines, then a reader's letter (陕西工人报)
        ("sxgrb_19900918_02", "4月22日,西安市总工会召开第十三次代表大会", "这样的报道让职工感动"),
    ],
)
def test_an_untitled_photo_ends_at_its_credit(page, photo_caption, next_headline):
    found = items(page)
    photo = next(i for i in found if i.kind == "photo" and i.paragraphs[0].startswith(photo_caption))
    following = item(page, next_headline)
    assert following is not photo and not any(next_headline in p for p in photo.paragraphs)
    assert following.paragraphs


def test_a_story_signed_at_the_end_of_its_last_paragraph_ends_there():
    """`本报太原专电` opens the story; `…为顾问。本报记者齐连声` signs and ends it; the captions after
    it are an untitled photo's, and `…主力军。 读者 薛芳玲` signs a reader's letter (陕西工人报)."""
    story = item("sxgrb_19900918_02", "全国工人报刊第三届年会在太原召开")
    assert story.dateline == "本报太原专电" and people(story) == {("齐连声", "reporter")}
    assert story.paragraphs[-1].endswith("为顾问。")
    letter = item("sxgrb_19900918_02", "这样的报道让职工感动")
    assert letter.kind == "commentary" and people(letter) == {("薛芳玲", "author")}


@pytest.mark.parametrize(
    ("page", "headline", "kind"),
    [
        # the reporter took the one photo of a ten-paragraph feature: a story (株洲日报)
        ("zzrb_20230920_03", "茶陵未解C位之谜", "news"),
        # reporter and correspondent `摄影报道` over one caption: photo news (湖南日报)
        ("hnrb_20170313_06", "种蔬菜 助脱贫", "photo"),
    ],
)
def test_photo_news_is_told_in_captions(page, headline, kind):
    assert item(page, headline).kind == kind


def test_a_lone_two_phrase_title_after_a_finished_story_heads_the_next():
    """`游泳小将宋泯臻 省运会独揽三金` after the 残运会 report's last paragraph is a story printed
    without a byline (株洲日报, 2022); spaced subheads in a series stay subheads (株洲日报 seed, 2024)."""
    report = item("zzrb_20221205_03", "省第十一届残运会落幕 株洲捧回25金")
    swim = item("zzrb_20221205_03", "游泳小将宋泯臻 省运会独揽三金")
    assert swim is not report and not report.subheads and swim.paragraphs[0].startswith("“这真的是")
    seed = parse_page((SEEDS / "000_a19f70ba52195d0f.txt").read_bytes(), source="000_a19f70ba52195d0f.txt")
    finance = next(i for i in seed.items if i.headline == "金融支持实体经济持续加力")
    assert "金融赋能民营经济 畅通市场循环活力" in finance.subheads


def test_a_photo_title_floated_into_the_story_above_goes_back_to_the_photo():
    """`留守农民工提前吃年夜饭` sits between the halves of the brief's cut paragraph; the untitled
    photo after the brief is its item (工人日报). The brief keeps its paragraph whole."""
    brief = item("grrb_20160111_02", "沈铁局工会送欢乐到基层")
    photo = item("grrb_20160111_02", "留守农民工提前吃年夜饭")
    assert photo.kind == "photo" and photo.headline == "留守农民工提前吃年夜饭"
    assert not brief.subheads and any("传统,转而开展" in p for p in brief.paragraphs)


@pytest.mark.parametrize(
    ("page", "story", "after_jump"),
    [
        # a signed essay jumps to page 2; the notice under the jump line is its own item (陕西工人报)
        ("sxgrb_20190607_01", "我和《陕西工人报》的友谊", "公 告"),
        # an unsigned feature jumps to page 13; the next feature starts under the jump line (北京晚报)
        ("bjwb_20190828_12", "气氛够好 配套缺位", "炎炎夏日,公园成北京市民纳凉好去处,赏美景别煞风景"),
    ],
)
def test_a_jump_line_ends_the_story_on_this_page(page, story, after_jump):
    jumped, following = item(page, story), item(page, after_jump)
    assert following is not jumped
    assert not any(after_jump in p for p in jumped.paragraphs)


def test_a_notice_titled_by_the_word_alone_is_a_notice():
    assert item("sxgrb_20190607_01", "公 告").kind == "notice"


@pytest.mark.parametrize(
    ("page", "story", "photo_caption", "inset"),
    [
        # another photo's captions inside the essay's cut paragraph: its own item (陕西工人报)
        ("sxgrb_20190607_01", "我和《陕西工人报》的友谊", "5月20日,汉中市重点项目劳动竞赛", True),
        # photo news closed by its own byline after a story: the photo keeps its text (株洲日报)
        ("zzrb_20221228_02", "将政协力量更好地融入全市发展大局", "湘江河西段", False),
    ],
)
def test_a_photo_inset_in_a_cut_paragraph(page, story, photo_caption, inset):
    essay = item(page, story)
    photo = next(i for i in items(page) if i.kind == "photo" and i.paragraphs[0].startswith(photo_caption))
    assert not any(photo_caption in p for p in essay.paragraphs)
    if inset:
        assert any("一扇窗户,朝我的心里" in p for p in essay.paragraphs)  # joined across the photo
        assert {p.name for p in essay.people} == {"安黎"}
    else:
        assert any(p.startswith("10月19日下午") for p in photo.paragraphs)


def test_a_subhead_on_two_lines_of_one_length_stays_in_its_story_on_a_page_without_blank_lines():
    """`道不尽的厚重` / `看得见的短板` (株洲日报) keeps its story whole when the dump puts one
    paragraph per line; a kicker over a headline (`政协委员分组审议两个报告` / `将政协力量…`) differ."""
    path = CORPUS / "zzrb" / "zzrb_20230920_03.txt"
    text = "\n".join(line for line in path.read_text(encoding="utf-8").split("\n") if line.strip())
    page = parse_page(text, source=path.name)
    assert [i.headline for i in page.items if i.kind in ("news", "photo")] == ["茶陵未解C位之谜"]
    assert any(sub.startswith("道不尽的厚重") for sub in page.items[0].subheads)
    two_titles = item("zzrb_20221228_02", "将政协力量更好地融入全市发展大局")
    assert "政协委员分组审议两个报告" in two_titles.kicker + two_titles.headline


def test_text_after_a_jump_line_is_another_story_that_takes_back_its_floated_title():
    """`（下转第6版）` ends the 包产到户 story (四川日报); the paragraphs under it are the next story,
    whose title `可以预见四川有更美好未来` floated up between the halves of a cut paragraph above."""
    first = item("scrb_20220906_05", "大胆喊出一个“包”字")
    second = item("scrb_20220906_05", "可以预见四川有更美好未来")
    assert second is not first and second.paragraphs[0].startswith("“马上就要离开美丽的四川了")
    assert not first.subheads and any("产业园,金鱼镇位于" in p for p in first.paragraphs)
    assert first.continued_to


def test_a_title_after_a_story_printed_without_one_heads_the_next_item():
    """`文/广州日报全媒体记者 李鑫` opens an untitled text; the title after its last paragraph heads the
    essay under it (广州日报). The untitled commentary signed `唐剑华` keeps all its paragraphs (株洲日报)."""
    essay = item("gzrb_20231230_A08", "我也想跟广州“终生合伙”")
    untitled = next(i for i in items("gzrb_20231230_A08") if not i.headline_printed)
    assert essay is not untitled and not any("终生合伙”" in p for p in untitled.paragraphs)
    comment = next(i for i in items("zzrb_20220822_03") if i.kind == "commentary")
    assert len(comment.paragraphs) == 6


def test_a_caption_without_credit_inside_a_cut_paragraph():
    """`钟达文(左二)在广交会采访现场。` between `…广州人,` and `我心中涌起…` is the photo's caption,
    and the paragraph is joined across it (广州日报)."""
    essay = item("gzrb_20231230_A08", "我也想跟广州“终生合伙”")
    assert "钟达文(左二)在广交会采访现场。" in essay.captions
    assert any("广州人,我心中" in p for p in essay.paragraphs)


@pytest.mark.parametrize(
    ("page", "kicker", "headline"),
    [
        ("grrb_20081125_05", "浙江舟山", "劳模体验“乡村游”"),  # 工人日报: a place over a brief's title
        ("scrb_20250405_03", "遂宁", "纸鸢曼舞"),  # 四川日报: a city over a photo's title
        ("gmrb_20241011_07", "光明情结", "从读者到作者"),  # 光明日报: a column's name
        ("ycwb_20230819_A06", "首日直击", "岭南精品好书荟萃 进口新书人气旺"),  # 羊城晚报: both lines in one block
    ],
)
def test_a_short_line_over_the_title_is_its_kicker(page, kicker, headline):
    found = item(page, headline)
    assert (found.kicker, found.headline) == (kicker, headline)


@pytest.mark.parametrize(
    ("page", "kicker", "headline"),
    [
        ("rmrb_19890425_01", "落实治理整顿措施 严厉打击犯罪分子", "铁路重点区段治安秩序开始好转"),  # 人民日报
        (
            "gzrb_20230624_A04",
            "小龙人延续根脉 女子龙吐故纳新 广州生猛龙舟文化底蕴深厚生生不息",
            "赛龙讲龙育龙 文化代代“船”承",
        ),
    ],
)
def test_a_longer_line_of_spaced_phrases_over_the_title_is_its_kicker(page, kicker, headline):
    found = item(page, headline)
    assert (found.kicker, found.headline, found.subheadline) == (kicker, headline, "")
    # a headline over a shorter 副题 keeps its order (湖南日报)
    assert item("hnrb_20160807_02", "长沙黄花机场旅客吞吐量创历史新高").subheadline == "一天突破7万人次"


def test_a_column_of_briefs_each_signed_is_news_not_a_commentary():
    """`工会动态`: ▲ briefs, several signed `(牛全海)`, `(郭远慈 包如新)`, the last `(刘文)` (陕西工人报) is
    news; one piece signed once at its end stays a commentary (a reader's letter, 陕西工人报; 光明日报's
    `(作者:王丹)`)."""
    assert item("sxgrb_19881215_01", "工会动态").kind == "news"
    assert item("sxgrb_19900918_02", "这样的报道让职工感动").kind == "commentary"
    signed = [i for i in items("gmrb_20260228_01") if ("王丹", "author") in people(i)]
    assert signed and signed[0].kind == "commentary"


def test_a_photo_report_byline_under_a_title_heads_a_photo_story():
    """`■蔡婉芃 吴忠泽 本报特约记者 仇成梁摄影报道` under `强军路上并肩行`, over the story's text (解放军报):
    a photo story with its title, its text and its numbered captions; `图③:…` printed inside a cut
    paragraph stands apart, and the paragraph is joined over it."""
    story = item("jfjb_20191017_09", "强军路上并肩行")
    assert (story.kind, story.headline) == ("photo", "强军路上并肩行")
    assert ("仇成梁", "photographer") in people(story) and ("蔡婉芃", "author") in people(story)
    texts = [squeeze(b.text) for b in story.blocks]
    assert "图③:给养员杨楠(左二)和炊事班战友一起制定食谱。" in texts
    assert any(t.startswith("杜盼盼") and t.endswith("杜盼盼则被选取为士官参谋。") for t in texts)


def test_the_name_of_the_work_over_a_review_title_is_its_kicker():
    """`《战争论》` over `居安思危谋打赢` (解放军报 书评): the work's name leads into the title, as a
    short column or place name does (`遂宁`, `光明情结`)."""
    review = item("jfjb_20180224_07", "居安思危谋打赢")
    assert (review.kicker, review.headline) == ("《战争论》", "居安思危谋打赢")


def test_a_title_floated_into_the_lead_paragraph_heads_its_story():
    """`本报东京10月29日电记者张国成报道:…举办的` / `荣副主席在日本演讲` / `“21世纪的中国”国际研讨会,…` (人民日报
    1994): the title a column break set inside the lead's own paragraph is the headline, and the
    paragraph is joined over it, as with a title between two halves of a later paragraph (株洲日报)."""
    story = item("rmrb_19941030_06", "荣副主席在日本演讲")
    assert story.headline == "荣副主席在日本演讲"
    assert [b.kind for b in story.blocks].count("subhead") == 0
    assert squeeze(story.blocks[0].text).endswith(
        "举办的“21世纪的中国”国际研讨会,并发表了题为《走向21世纪的中国》的主旨演讲。"
    )
    floated = items("zzrb_20151202_02")[0]
    assert floated.headline and not [b for b in floated.blocks if b.kind == "subhead"]


@pytest.mark.parametrize(
    ("page", "kicker", "headline"),
    [
        # a kicker ending in a verb of saying whose speaker is a body, with no 时 (人民日报 1995, 2002);
        # `…时强调` of 株洲日报 and `…时希望` of 湖南日报 keep theirs
        ("rmrb_19951019_06", "伊比利亚美洲首脑会议提出", "必须把发展教育放在首要地位"),
        ("rmrb_20020418_02", "北京市委、市政府宣布", "六十万名学生将免交义务教育杂费"),
        ("hnrb_20230329_01", "沈晓明走访央媒驻湘机构时希望", "充分发挥优势 讲好湖南故事"),
    ],
)
def test_a_line_ending_in_a_verb_of_saying_is_the_kicker(page, kicker, headline):
    found = item(page, headline)
    assert (found.kicker, found.headline) == (kicker, headline)


def test_long_lines_of_one_block_are_one_entry_on_a_blank_line_page():
    """On a page that sets entries apart by blank lines, a caption printed on two lines with no blank
    line between (`10月16日,李鹏总理…` / `马耳他是李鹏总理此次出访的最后一站。…`, 人民日报 1995) is one
    caption with its line break, as the gold conventions keep a two-line subhead (株洲日报); a title
    with its first paragraph right under it stays a title over its text."""
    photo = item("rmrb_19951019_06", "加强合作共创未来")
    two_lines = [b.text for b in photo.blocks if b.text.startswith("10月16日")]
    assert len(two_lines) == 1 and "\n马耳他是李鹏总理此次出访的最后一站。" in two_lines[0]
    path = CORPUS / "zzrb" / "zzrb_20221205_03.txt"
    page = path.read_text(encoding="utf-8")
    first = next(i for i in items("zzrb_20221205_03") if i.kind == "news")
    tight = page.replace(f"{first.headline}\n\n", f"{first.headline}\n", 1)
    assert tight != page
    again = [i for i in parse_page(tight.encode(), source=path.name).items if i.kind == "news"][0]
    assert (again.headline, [b.text for b in again.blocks]) == (first.headline, [b.text for b in first.blocks])


@pytest.mark.parametrize(
    ("page", "headline", "entry"),
    [
        # a week's forecast under the story (株洲晚报 2015), three days' (株洲晚报 2023)
        (
            "zzwb_20150803_A03",
            "株洲周一到周四最高气温36℃,周六有阵雨来降温",
            ["星期一:晴 28—36℃", "(市气象台2日16时发布)", 8],
        ),
        ("zzwb_20231115_A03", "“小阳春”来了", ["今天 阴天有小雨 9~15℃", "(市气象台11月14日16时发布)", 6]),
        # a poem's lines under its title and its poet (烟台晚报)
        ("ytwb_20251128_A15", "读你", ["外人说", "破房子是我出世的避风港", 11]),
    ],
)
def test_a_block_longer_than_a_title_is_one_entry_where_prose_stands_apart(page, headline, entry):
    """A page whose paragraphs of prose each stand between blank lines, but that prints a few blocks
    of short lines (a forecast, a poem), has so many lines right under another that it would read as
    one paragraph a line: a block of more lines than a title has is one entry with its line breaks,
    as on any page that sets its paragraphs apart by blank lines."""
    first, last, count = entry
    blocks = [b.text for b in item(page, headline).blocks if b.text.startswith(first)]
    assert len(blocks) == 1 and blocks[0].endswith(last) and len(blocks[0].split("\n")) == count


def test_title_lines_printed_together_stay_apart_where_prose_stands_apart():
    """Title lines printed together keep their levels on such a page (淇滨晚报: `货车禁行路段行车` /
    `扰民!`, `淇河禁泳牌下泳者众` / `莫拿生命当儿戏` / `肖广军` over its lead), and a page that
    prints one paragraph a line keeps them apart (株洲日报)."""
    assert (item("qbwb_20070614_A01", "扰民!").headline, item("qbwb_20070614_A01", "扰民!").subheadline) == (
        "货车禁行路段行车",
        "扰民!",
    )
    story = item("qbwb_20070614_A01", "淇河禁泳牌下泳者众")
    assert (story.headline, story.subheadline, people(story)) == (
        "淇河禁泳牌下泳者众",
        "莫拿生命当儿戏",
        {("肖广军", "reporter")},
    )
    assert not [b for i in items("zzrb_20230722_03") for b in i.blocks if "\n" in b.text]


@pytest.mark.parametrize(
    ("page", "headline", "label", "lines"),
    [
        # a bus line's name, route and stops under its number (株洲晚报)
        ("zzwb_20230213_A03", "24日,两条假日旅游公交线将开通", "线路1:", 5),
        ("zzwb_20230213_A03", "24日,两条假日旅游公交线将开通", "线路2:", 2),
        # a call for entries' numbered terms under their heading (海南日报)
        ("hainrb_20250705_B06", "征文暨征集口述者启事", "三、投稿内容和要求:", 6),
    ],
)
def test_a_label_closed_by_a_colon_holds_the_lines_under_it(page, headline, label, lines):
    """A short label closed by a colon over the lines it introduces, with no blank line between, is
    one entry with its line breaks, though the lines under it are longer than the label and end in
    `。` (`线路名称:旅游公交1号线(市民中心—秋瑾故居)。`, `1.征文主题:关于你与…的故事。`)."""
    found = [b.text for b in item(page, headline).blocks if b.text.startswith(label)]
    assert len(found) == 1 and len(found[0].split("\n")) == lines


@pytest.mark.parametrize(
    ("page", "headline"),
    [
        # the core values, then the slogan over `株洲日报宣` / `公益广告` (株洲日报 2013, 2016, 2022)
        ("zzrb_20130802_03", "人民有信仰 民族有希望 国家有力量"),
        ("zzrb_20160122_03", "人民有信仰 民族有希望 国家有力量"),
        ("zzrb_20221228_02", "人民有信仰 民族有希望 国家有力量"),
        # the slogan over its second line (株洲日报, 湘潭日报) or over the values in pairs (北京日报, 中国青年报)
        ("zzrb_20221205_03", "创文明城 做文明人"),
        ("xtrb_20221223_02", "创文明城 做文明人"),
        ("bjrb_20220208_05", "讲文明 树新风"),
        ("zqb_20251010_03", "讲文明 树新风"),
        ("zzrb_20230722_03", "节俭惜福 文明用餐"),
    ],
)
def test_a_public_service_ad_is_called_by_its_slogan(page, headline):
    psa = [i for i in items(page) if i.kind == "psa"]
    assert [i.headline for i in psa] == [headline]


def test_a_long_title_between_the_halves_of_a_cut_list_is_the_next_items():
    """`…惠山区阳山镇、` / `青年职工走进荣巷古镇 感受百年工商文化` / `滨湖区胡埭镇、…` (无锡日报): the text after
    the title goes on with the cut list, so the title floated there from the photo printed after the
    story, as 工人日报's `留守农民工提前吃年夜饭` did; it opens no boxed item."""
    story = item("wxrb_20230721_A02", "二十余家地方媒体总编辑注目无锡")
    assert any("惠山区阳山镇、滨湖区胡埭镇、" in squeeze(b.text) for b in story.blocks)
    assert {(p.name, p.role) for p in story.people} == {("朱冬娅", "author"), ("姚程玉", "reporter")}
    photo = item("wxrb_20230721_A02", "青年职工走进荣巷古镇 感受百年工商文化")
    assert photo.kind == "photo" and ("刘芳辉", "photographer") in people(photo)
    assert item("grrb_20160111_02", "留守农民工提前吃年夜饭").kind in ("photo", "news")


@pytest.mark.parametrize(
    ("page", "headline", "ending", "jump"),
    [
        # a paragraph cut mid-sentence by `（下转A03版）` over a public-service ad (长沙晚报)
        ("cswb_20171231_A02", "小长假首日 迎客90余万", "永州零陵古城( 4.0万人)次、", "A03版"),
        # a whole one by `▶ 下转04版` over one (株洲日报)
        ("zzrb_20230920_03", "茶陵未解C位之谜", "更是彰显了茶陵的古老文化底蕴。", "04版"),
    ],
)
def test_a_jump_line_keeps_the_story_above_out_of_the_ad_below(page, headline, ending, jump):
    story = item(page, headline)
    assert squeeze(story.blocks[-1].text).endswith(squeeze(ending))
    assert story.continued_to == jump
    psa = [i for i in items(page) if i.kind == "psa"][0]
    assert not psa.continued_to and squeeze(ending) not in squeeze("".join(b.text for b in psa.blocks))


@pytest.mark.parametrize(
    "text",
    [
        # a brief signed in brackets after its last sentence (陕西工人报, 工人日报, 人民日报)
        "▲镇坪县总工会通过举办文化补习班和技术培训班的方法,先后培训职工600多人次,荣获安康地区工会“职工教育先进单位”称号。 (刘兴芳)",
        "据了解,邀请一线工人、农民中的劳模参与艺术节活动,目的是让公共文化惠及百姓,在社会上进一步形成劳动光荣的氛围。(晓溪)",
        "这个展览将持续到6月底。(完)",
    ],
)
def test_a_note_in_brackets_after_the_last_sentence_ends_the_paragraph(text):
    assert ends_sentence(text)


@pytest.mark.parametrize(
    "text", ["有特色农产品区(含", "东市以传统文化为主(特色农产品区、中医区)", "2月3日(农历腊月二十四)"]
)
def test_a_bracket_inside_a_sentence_does_not_end_it(text):
    assert not ends_sentence(text)


def test_a_paragraph_trailing_off_in_one_ellipsis_character_is_finished():
    """重庆晨报: `…报道团感受到了东西吸引的磁场…` / `Vlog丨上游新闻吉祥物小游进京记` / text: the story
    trails off in an ellipsis, so the title under it opens the next item, whose credit closes it."""
    assert ends_sentence("报道团感受到了东西吸引的磁场…") and ends_sentence("一片热闹……")
    vlog = item("cqcb_20200914_03", "Vlog丨上游新闻吉祥物小游进京记")
    assert ("陈翔", "reporter") in people(vlog) and vlog.paragraphs[0].startswith("是什么大事")


def test_each_brief_of_a_column_keeps_its_own_signature():
    column = item("sxgrb_19881215_01", "工会动态")
    assert {("刘兴芳", "author"), ("刘生来", "author"), ("郭绍英", "author"), ("黄旭", "author")} <= people(column)
    briefs = [b.text for b in column.blocks if b.text.startswith("▲")]
    assert len(briefs) == 7, briefs  # one paragraph a brief, none run into the next
    assert briefs[1].endswith("“职工教育先进单位”称号。")
    # names with no surname of the table are not taken for certain inside a story
    assert not {"炳坤", "忠斌"} & {p.name for p in column.people}


def test_a_jump_line_printed_on_at_the_end_of_the_last_sentence_ends_the_story():
    # 张家界日报: `…看一看。 (下转6版②)`, the circled number the story's place on page 6
    story = item("zjjrb_20211121_01", "景区有盏“灯” 温暖千万人")
    assert story.continued_to == "6版"
    assert story.blocks[-1].text.endswith("到张家界游一游、看一看。")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("的员工们组织到张家界游一游、看一看。 (下转6版②)", ("的员工们组织到张家界游一游、看一看。", "(下转6版②)")),
        # 人民日报's jump line (its own line on rmrb_20041007_01) run on after the sentence
        (
            "另一方面,一些党支部书记民主法制观念淡薄。(下转第二版)",
            ("另一方面,一些党支部书记民主法制观念淡薄。", "(下转第二版)"),
        ),
        # not a jump: the page named inside a sentence, or no sentence before it
        ("详见本报(转第二版)的报道", None),
        ("(下转第二版)", None),
    ],
)
def test_split_glued_jump(line, expected):
    assert split_glued_jump(line) == expected


def test_a_label_between_paragraphs_of_an_unsigned_story_heads_no_story():
    # 岳阳日报: `比赛现场` and `选手风采` label the story's photos, between its paragraphs
    story = item("yyrb_20240731_02", "岳阳市举办2024年“好记者讲好故事”演讲比赛")
    labels = [b.text for b in story.blocks if b.text in ("比赛现场", "选手风采")]
    assert labels == ["比赛现场", "选手风采"]
    assert not [i for i in items("yyrb_20240731_02") if i.headline in ("比赛现场", "选手风采")]


@pytest.mark.parametrize(
    ("page", "column"),
    [
        ("gmrb_20260228_01", "这“新大众+”的年,气象万千"),  # 【短评】 after `(本报记者 任 爽 李玉兰)` (光明日报)
        ("sxgrb_19881215_01", "工会动态"),  # a column's name after a reader's signature (陕西工人报)
    ],
)
def test_a_column_name_after_a_signed_story_opens_the_next_item(page, column):
    assert item(page, column)


@pytest.mark.parametrize(
    ("page", "label", "name", "masthead", "first"),
    [
        # the paper's name, the page's number and name on lines of their own above the first story
        ("zjrb_20160112_17", "17", "美丽乡村", "浙江日报", "这五年,改变乡村的力量"),  # 浙江日报: `17` over `美丽乡村`
        ("nfrb_20100221_A02", "A02", "要闻", "南方日报", "南方报人虎年春节在基层"),  # 南方日报: `A02` over `要闻`
        ("henanrb_20041212_02", "第2版", "要闻", "河南日报", "“这才是真正的河南!”"),  # 河南日报
        ("xmwb_20220528_01", "第1版", "一版要闻", "新民晚报", "记者在奉贤看到市民生活如往昔"),  # with its English name
        # 光明日报: `7`, the date line, then the page's name `青年`; a column's name in 【】 with a comma titles the story
        ("gmrb_20220516_07", "7", "青年", "光明日报", "【展现青春风貌,关注青年成长②】"),
    ],
)
def test_the_page_head_on_lines_of_its_own_is_no_story(page, label, name, masthead, first):
    path = next(CORPUS.glob(f"*/{page}.txt"))
    parsed = parse_page(path.read_bytes(), source=path.name)
    assert (parsed.page.label, parsed.page.name, parsed.page.masthead) == (label, name, masthead)
    assert squeeze(first) in squeeze(parsed.items[0].kicker + parsed.items[0].headline)
    printed = {i.kicker for i in parsed.items} | {i.headline for i in parsed.items}
    assert not {"新民晚报", "XINMIN EVENING NEWS", "浙江日报", "南方日报", "河南日报", "17", "A02"} & printed


def test_a_front_page_box_of_what_is_inside_is_page_furniture():
    # 新民晚报: `今日导读` over `▶` lines naming stories inside, one a question with `?`
    path = next(CORPUS.glob("*/xmwb_20220528_01.txt"))
    parsed = parse_page(path.read_bytes(), source=path.name)
    teaser = [f for f in parsed.furniture if f.kind == "teaser"]
    assert teaser and "▶盼复工,为何又怕复工?" in teaser[0].text
    assert not any("▶市疾控" in b.text for i in parsed.items for b in i.blocks)


def test_a_second_page_name_over_the_first_story_is_its_kicker():
    # 大众日报: `07  影像` is the page; `外眼看山东·央媒一周图片撷英` over the title is the story's kicker
    first = items("dzrb_20201102_07")[0]
    assert (first.kicker, first.headline) == ("外眼看山东·央媒一周图片撷英", "济泰高速公路通车 胶州湾“二隧”开建")


@pytest.mark.parametrize(
    ("page", "kicker", "headline", "author", "note_starts", "piece_starts"),
    [
        # 科技日报: a column label with a bullet, a bare author line over the box's label
        (
            "kjrb_20140711_08",
            "■我与《科技日报》",
            "《科技日报》伴我成长",
            "武夷山",
            "2014年7月29日",
            "多年来,我的办公室",
        ),
        # 光明日报: the author labelled, the note in the paper's voice (`你我`, `我们` are not the writer)
        (
            "gmrb_20240515_05",
            "【我与光明日报】",
            "深情贺光明",
            "王蒙",
            "一份什么样的报纸",
            "“我与光明日报”,对于我来说",
        ),
    ],
)
def test_a_column_note_between_the_author_and_the_piece_ends_where_the_writer_speaks(
    page, kicker, headline, author, note_starts, piece_starts
):
    piece = item(page, headline)
    note = item(page, "开栏的话")
    assert (piece.kind, piece.kicker, piece.headline) == ("commentary", kicker, headline)
    assert {(author, "author")} == people(piece)
    assert note.kind == "sidebar" and note.blocks[0].text.startswith(note_starts)
    assert piece.blocks[0].text.startswith(piece_starts)


@pytest.mark.parametrize(
    ("page", "headline", "tag", "ends"),
    [
        # where a brief was taken from, after its last sentence (齐鲁晚报; 参考消息's agencies in brackets)
        ("qlwb_20220103_A01", "中国第二台“华龙一号”并网发电", "据中新社", "相当于植树造林7000多万棵。"),
        ("qlwb_20220103_A01", "新冠病毒疫苗接种须知", "据央视", "其间至少间隔14天。"),
        ("ckxx_19990718_01", "", "(法新社)", "亚已转交了两亿法郎。"),
    ],
)
def test_a_story_closed_by_the_newsroom_it_was_taken_from(page, headline, tag, ends):
    story = next(i for i in items(page) if tag in i.bylines and squeeze(headline) in squeeze(i.headline))
    assert story.blocks[-1].text.endswith(ends)
    assert not story.people


def test_a_paragraph_opening_with_a_date_is_no_bare_date_signing_off():
    # 齐鲁晚报: `2020年12月31日,中国新冠病毒疫苗获批上市。…` under a title is its text, so the title opens an item
    assert item("qlwb_20220103_A01", "新冠病毒疫苗接种须知").blocks[0].text.startswith("2020年12月31日")


@pytest.mark.parametrize(
    "line",
    [
        "1999年7月18日  星期日  第1版",  # 参考消息: the page after the weekday
        "2022年2月13日  星期日  壬寅年正月十三",  # 齐鲁晚报: the lunar date without 农历
        "2025年1月10日 星期五 农历甲辰年腊月十一",  # 人民日报
        "温州日报  2018年9月25日 星期二  3",  # 温州日报: the paper, the date and the page's number
    ],
)
def test_page_date_forms(line):
    from importers.parsing.furniture import classify

    assert classify(line).kind == "page_date"


def test_a_box_of_what_is_inside_names_pages_too():
    # 齐鲁晚报: `今日导读` over `A04 视觉周刊` …, then the first story
    path = next(CORPUS.glob("*/qlwb_20220213_A01.txt"))
    parsed = parse_page(path.read_bytes(), source=path.name)
    assert [f.text for f in parsed.furniture if f.kind == "teaser"] == [
        "今日导读",
        "A04 视觉周刊",
        "A07 悦读周刊",
        "A14 乐动",
    ]
    assert (parsed.page.label, parsed.page.name) == ("A01", "重点")
    assert parsed.items[0].headline == "中国5G基站总量占全球60%以上"


def test_a_boxed_wire_dateline_with_its_date_in_figures():
    # 参考消息: `【路透社乌兰巴托7月17日电】` opens the text, as `【新华社重庆十四日电】` does in 1951
    story = item("ckxx_19990718_01", "中蒙关系进入新时期")
    assert story.dateline == "路透社乌兰巴托7月17日电"
    assert story.blocks[0].text.startswith("中国国家主席江泽民")


@pytest.mark.parametrize(
    ("page", "opens", "label", "subhead"),
    [
        # a short label over the subhead, in one block or on lines of their own, inside an unsigned story
        ("bjwb_20190828_12", "“哥儿几个明儿还来啊!", "陶然亭", "传统景点 化身锻炼圣地"),  # 北京晚报: a place
        ("xxsb_20200309_02", "新冠肺炎疫情发生以来", "人民日报社:", "唱响众志成城抗击疫情最强音"),  # 学习时报
        ("xmrb_20250919_A05", "18日下午,集美世茂广场", "现场", "传承看报习惯"),  # 厦门日报, a story with no title
    ],
)
def test_a_labelled_subhead_stays_in_its_story(page, opens, label, subhead):
    found = [i for i in items(page) if i.blocks and i.blocks[0].text.startswith(opens)]
    assert len(found) == 1
    text = squeeze("".join(b.text for b in found[0].blocks)).replace("\n", "")
    assert squeeze(label + subhead) in text
    assert not [i for i in items(page) if i.blocks and squeeze(subhead) in squeeze(i.blocks[0].text)]


def test_a_team_named_before_its_members_credit():
    # 光明日报: `(项目团队:本报记者 李晓、… 本报通讯员 徐梦玲、徐虹雨)` closing the story
    story = item("gmrb_20220516_07", "【展现青春风貌,关注青年成长②】")
    assert {("李晓", "reporter"), ("王斯敏", "reporter"), ("徐虹雨", "correspondent")} <= people(story)
    assert len(story.people) == 10


@pytest.mark.parametrize(
    ("page", "label", "name", "masthead", "first"),
    [
        # 扬州日报: `05 复刊40周年特刊` under the paper's name and the date
        ("yzrb_20230615_05", "05", "复刊40周年特刊", "扬州日报", "我与《扬州日报》的故事"),
        # 黑龙江日报: `4  80年纸墨情缘`, the name opening with figures
        ("hljrb_20251026_04", "4", "80年纸墨情缘", "黑龙江日报", "我和黑龙江日报的缘分"),
        # 天津日报: `12` over `1949-2024 天津日报75周年`
        ("tjrb_20240117_12", "12", "1949-2024 天津日报75周年", "天津日报", "我们和新中国共成长"),
        # 台州日报: `第5版` over `创刊70周年特刊`; 常德日报: `5` / the date / `记者节特刊`
        ("tzrb_20221231_05", "第5版", "创刊70周年特刊", "台州日报", "台州日报创刊70周年丨因为读者"),
        ("cdrb_20191108_05", "5", "记者节特刊", "", "10位新闻工作者讲述新闻背后的感人故事"),
    ],
)
def test_a_page_name_with_figures_in_it(page, label, name, masthead, first):
    path = next(CORPUS.glob(f"*/{page}.txt"))
    parsed = parse_page(path.read_bytes(), source=path.name)
    assert (parsed.page.label, parsed.page.name, parsed.page.masthead) == (label, name, masthead)
    title = parsed.items[0].kicker + parsed.items[0].headline  # the page's name is no kicker
    assert title.startswith(first) and name not in title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("杨冰杰 航拍", [("杨冰杰", "photographer")]),  # 温州日报: an aerial photograph's credit
        ("记者 张三 航拍", [("张三", "photographer")]),
    ],
)
def test_an_aerial_photograph_credit(text, expected):
    from importers.parsing.bylines import parse_credit

    assert [(p.name, p.role) for p in parse_credit(text)] == expected
    assert people(item("wzrb_20180925_03", "家乡,美得不舍再离去")) >= {("杨冰杰", "photographer")}


@pytest.mark.parametrize(
    ("page", "joined"),
    [
        # a column break after a comma inside one block of a blank-line page: 宝鸡日报 2024, 金华日报 2024
        ("baojrb_20240417_03", "有的近嗅花芳,那些摄影采风"),
        ("jhrb_20241020_04", "带回的物品经常会用旧报纸包裹,最常用的当然就是《金华日报》。"),
    ],
)
def test_a_line_cut_mid_sentence_inside_a_block_joins_the_next(page, joined):
    """On a page that sets entries apart by blank lines, a block of prose (a 。 in it) whose line stops
    mid-sentence was cut by a column: the lines join with nothing between, as across a blank line."""
    texts = [b.text for i in items(page) for b in i.blocks]
    assert [t for t in texts if joined in t], [t for t in texts if joined[:8] in t]


def test_a_title_floated_into_a_block_of_the_story_above_heads_the_untitled_story_under_it():
    """永州日报: the next story's title printed between the halves of the last sentence of the story above,
    in one block (`…协会主办,` / `道县:凌晨木棒倾落路面 交警化身“清理工”` / `永州市总工会协办,…`), over a lead
    with no title of its own: the title is that story's, and the sentence joins across it."""
    story = item("yongzrb_20260107_03", "凌晨木棒倾落路面")
    assert (story.kicker, story.kind) == ("道县:", "news")
    assert {(p.name, p.role) for p in story.people} == {("何斌", "correspondent")}
    above = [b.text for i in items("yongzrb_20260107_03") for b in i.blocks if "本次活动由中共永州市委" in b.text]
    assert above == ["本次活动由中共永州市委宣传部、永州市新闻工作者协会主办,永州市总工会协办,永州市融媒体中心承办。"]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # 株洲日报 2018 (zzrb_20180306_03) and 潍坊日报 2014 (bylines.jsonl): a byline printed on two lines
        ("□ 株洲日报社全媒体记者 陈正明", "通讯员 刘汇文", {("陈正明", "reporter"), ("刘汇文", "correspondent")}),
        ("□本报记者 刘 超", "通讯员 梁月康", {("刘超", "reporter"), ("梁月康", "correspondent")}),
    ],
)
def test_a_byline_on_two_lines_over_its_lead_is_one_item(first, second, expected):
    """`□ …记者 X` / `通讯员 Y` right under each other over the lead: one byline of one story, whether
    a title stands over it or not."""
    path = CORPUS / "zzrb" / "zzrb_20180306_03.txt"
    page = path.read_text(encoding="utf-8")
    printed = "□ 株洲日报社全媒体记者 陈正明\n通讯员 刘汇文\n"
    assert printed in page
    for title in ("", "志愿服务进广场\n\n"):
        text = page.replace(printed, f"{title}{first}\n{second}\n")
        news = [i for i in parse_page(text.encode(), source=path.name).items if i.kind == "news"]
        assert len(news) == 1
        assert expected <= people(news[0])
        assert news[0].headline == (title.strip() or news[0].headline)


@pytest.mark.parametrize(
    ("page", "headline", "caption", "expected"),
    [
        # 桂林日报: a two-line title, two captions without credit, then `本报讯(记者刘教清文/摄)…`
        (
            "glrb_20230130_02",
            "桂林日报社员工给社区“送福”",
            "桂林日报社领导与社区居民一起包饺子。",
            {("刘教清", "reporter"), ("刘教清", "photographer")},
        ),
        # 天中晚报: title, `花好莫要采。`, `□全媒体记者 王建成 文/图`, `本报讯 时下,…`
        (
            "tzwb_20221128_03",
            "街头桂花飘香 市民莫要采摘",
            "花好莫要采。",
            {("王建成", "reporter"), ("王建成", "photographer")},
        ),
        # 衡阳晚报: a 32-character caption, then `衡阳晚报讯 (文/图  全媒体记者  胡亚华)  11月23日,…`
        (
            "hywb_20221126_A04",
            "衡祁路人行道冒出“晾晒架”",
            "为了省事图方便,在行道树和水泥电线杆之间搭设的简易“晾晒架”。",
            {("胡亚华", "reporter"), ("胡亚华", "photographer")},
        ),
    ],
)
def test_captions_between_a_title_and_its_byline_are_the_story_s(page, headline, caption, expected):
    """Short sentences right under a title, over the story's byline or lead, are the captions of the
    photos printed under the title: the title stays the story's, the captions its captions."""
    story = item(page, headline)
    assert people(story) == expected
    assert caption in story.captions
    assert not [i for i in items(page) if i is not story and caption in [b.text for b in i.blocks]]


@pytest.mark.parametrize(
    ("page", "headline", "subheadline"),
    [
        # a headline over its 副题 in one block of two lines (检察日报, 桂林日报, 浙江日报)
        ("jcrb_20220222_03", "未检“春风”吹进孩子心里", "淮安检察机关全方位保障未成年人权益防线"),
        ("glrb_20230130_02", "联创共建聚合力 党建引领谱新篇", "市人大常委会积极探索党建工作新路径"),
        ("zjrb_20160112_17", "这五年,改变乡村的力量", "——从200期《美丽乡村》周刊看浙江“三农”变迁"),
    ],
)
def test_a_title_on_two_lines_of_one_block_is_two_levels(page, headline, subheadline):
    found = item(page, headline)
    assert (found.kicker, found.headline, found.subheadline) == ("", headline, subheadline)


@pytest.mark.parametrize(
    ("page", "headline", "subheadline"),
    [
        # a long clause with no stop between the title and the lead (新华社 copy as 人民日报 prints it, 1999)
        (
            "xinhua_19990528_04",
            "中宣部人事部表彰我驻南新闻工作者",
            "追授邵云环等三位烈士和授予吕岩松等七位同志“优秀新闻工作者”称号,为赵金河等八位同志记一等功",
        ),
        # … and between the title and the photo's caption (新京报 2018)
        (
            "xjb_20180424_A01",
            "新机场线将北延丽泽商务区",
            "工程预计年内启动;城市候机楼同步由草桥北移至丽泽商务区,可办理值机",
        ),
    ],
)
def test_a_long_clause_under_a_title_is_its_deck(page, headline, subheadline):
    found = item(page, headline)
    assert (found.headline, found.subheadline) == (headline, subheadline)
    assert subheadline not in [b.text for b in found.blocks]


@pytest.mark.parametrize(
    "line",
    ["中青报·中青网记者 杜园春", "新华日报·交汇点记者 邓宇轩"],  # 中国青年报 2020; 新华日报 (bylines.jsonl)
)
def test_a_byline_naming_a_paper_and_its_site_is_no_page_head(line):
    from importers.parsing.furniture import classify

    assert classify(line) is None
    assert classify("综合·城区").kind == "page_header"


def test_a_byline_under_a_title_opens_its_story():
    """中国青年报: `中青报·中青网记者 杜园春` under the title is the story's byline, its subhead no other story."""
    story = item("zqb_20200910_10", "新学期校园生活主题")
    assert people(story) == {("杜园春", "reporter")}
    assert "新学期返校,65.4%受访大学生表示“盼望已久”" in [b.text for b in story.blocks]


def test_a_caption_cut_after_a_comma_under_a_photo_title_is_no_deck():
    # 长江日报: `世界最高A型桥塔诞生` / `4月10日,…南岸主塔成功封顶,` / `意味着…。记者任勇 摄 …`
    found = item("cjrb_20180411_08", "世界最高A型桥塔诞生")
    assert found.subheadline == ""
    assert any(b.text.startswith("4月10日,武汉“建桥国家队”") for b in found.blocks)


@pytest.mark.parametrize(
    ("page", "headline", "caption", "name"),
    [
        # 衡阳晚报: title, a caption, `■文/图   衡阳晚报全媒体记者  胡亚华`, the text; after a story whose
        # own captions are set in like its paragraphs (`　　游摊散贩占道经营`)
        ("hywb_20181126_A04", "“家门口”欢乐过节", "假期,风景秀美的南湖公园成了游客的热门打卡地。", "胡亚华"),
        # 天中晚报: title, `花好莫要采。`, `□全媒体记者 王建成 文/图`, `本报讯 时下,…`
        ("tzwb_20221128_03", "街头桂花飘香 市民莫要采摘", "花好莫要采。", "王建成"),
    ],
)
def test_a_story_written_and_photographed_by_one_reporter_under_its_captions(page, headline, caption, name):
    """A byline under a title's captions opens the story; `文/图` says its reporter wrote it: news, not
    photo news, however few its paragraphs."""
    story = item(page, headline)
    assert (story.kicker, story.headline, story.kind) == ("", headline, "news")
    assert people(story) == {(name, "reporter"), (name, "photographer")}
    assert caption in story.captions
    before = [i for i in items(page) if i is not story and name in {p.name for p in i.people}]
    assert all(headline not in [b.text for b in i.blocks] for i in before)


@pytest.mark.parametrize(
    ("page", "headline", "subheads"),
    [
        # 株洲晚报 2023 and 2024: unsigned features on 城事 continued on A06, their subheads set like titles
        ("zzwb_20230418_A03", "这个小区办了一份“自己的报纸”", ["小区居民自己写稿子", "一份记录小区“向上”的报纸"]),
        (
            "zzwb_20240829_A03",
            "校园,趁你不在,悄悄在变",
            [
                "●这些学校的校园正在“换新颜”",
                "●景弘中学搬到新华路原景炎老校址",
                "●方便学生出行 景炎中学定制公交专线来啦",
            ],
        ),
    ],
)
def test_title_lines_of_an_unsigned_story_cut_by_a_jump_line_are_its_subheads(page, headline, subheads):
    story = item(page, headline)
    texts = [b.text for b in story.blocks]
    assert all(line in texts for line in subheads)
    assert story.continued_to == "A06版"
    assert not [i for i in items(page) if i.headline in subheads]


def test_a_title_over_another_team_s_photo_after_a_signed_story_opens_a_story():
    """株洲晚报: `…育人环境。` (a story signed 株洲晚报融媒体记者/戴凛) / `冷在风里` / a caption credited
    `通讯员/张顺湘 摄` / the column's text, signed `(王娜)`: another story under its photo."""
    story = item("zzwb_20230418_A03", "冷在风里")
    assert people(story) == {("张顺湘", "photographer"), ("王娜", "author")}
    assert people(item("zzwb_20230418_A03", "我市一批学校上榜省文明校园")) == {("戴凛", "reporter")}


@pytest.mark.parametrize(
    ("page", "credits"),
    [
        # 焦作日报: two captions with their credits on them, then a caption over `本报记者 刘金元 摄`
        ("jzrb_20111219_02", [{"李英俊"}, {"刘昆"}, {"刘金元"}]),
        # 信阳日报: a caption over `本报记者 高晶晶 摄`, then one over `本报记者` / `王大明 摄` on two lines
        ("xyrb_20141117_03", [{"高晶晶"}, {"王大明"}]),
        # 湖南日报: a titled photo and its credit line, then a caption cut after a comma with its credit glued to
        # the second half, then a caption printed twice over `…记者 傅聪 通讯员 张煌 蒋波 摄影报道`
        ("hnrb_20210201_02", [{"辜鹏博"}, {"辜鹏博"}, {"傅聪", "张煌", "蒋波"}]),
    ],
)
def test_untitled_photos_in_a_row_are_one_item_each(page, credits):
    photos = [i for i in items(page) if i.kind == "photo"]
    assert [{p.name for p in i.people} for i in photos][-len(credits) :] == credits


def test_a_series_line_under_a_title_opens_a_story_of_its_kind():
    """A series line printed right under its title (`食博会 美了城市` / `——喜迎第十六届食博会系列报道`,
    漯河日报) or apart from it (`——…系列评论之五`, 株洲日报 seed) opens a story after the one above:
    a series of reports is news, a series of comments commentary; the story's spaced subhead
    before the jump line stays its subhead."""
    above = item("lhrb_20240814_01", "被漯河这座城市温暖到了")
    fair = item("lhrb_20240814_01", "食博会 美了城市")
    assert fair is not above and fair.kind == "news" and fair.series == "——喜迎第十六届食博会系列报道"
    assert fair.subheads == ["以节促建促管 城市面貌大改观"] and fair.continued_to
    seed = parse_page((SEEDS / "001_d2a89e1a3a1b2016.txt").read_bytes(), source="001_d2a89e1a3a1b2016.txt")
    comment = next(i for i in seed.items if i.headline == "根植人民团结干")
    assert comment.kind == "commentary" and "系列评论之五" in comment.series


def test_a_spaced_subhead_of_a_story_that_a_jump_line_ends_stays_its_subhead():
    """`聚焦国是 建言立论` inside a signed 述评 that `(下转第七版)` ends (人民日报 2002), `以节促建促管 城市面貌大改观`
    inside an unsigned series report that `(下转02版)` ends (漯河日报): a story long enough to go on
    elsewhere has subheads; its `——…述评` line is a deck, not a series line."""
    review = item("rmrb_20020309_06", "诤言议国是良策促发展")
    assert review.subheads == ["聚焦国是 建言立论"] and len(review.paragraphs) == 4
    assert review.subheadline == "——人民政协围绕“十五”计划实施建言立论述评" and not review.series
    assert item("lhrb_20240814_01", "食博会 美了城市").subheads == ["以节促建促管 城市面貌大改观"]


def test_a_title_of_three_long_lines_over_a_wire_lead_is_its_title():
    """Three title lines in one block (`中共中央隆重举行…纪念大会` / `江泽民发表重要讲话李鹏主持大会` /
    `朱镕基…出席`, 62 characters in all, 洛阳日报 printing 人民日报's wire) title the story under them,
    not the last paragraph of the story above."""
    wire = item("lyrb_20081203_02", "中共中央隆重举行十一届三中全会20周年纪念大会")
    assert wire.people and wire.paragraphs[0].startswith("今天是")
    above = item("lyrb_20081203_02", "洛阳牡丹成中国“名片”")
    assert not any("纪念大会" in p for p in above.paragraphs)


@pytest.mark.parametrize(
    ("page", "titled", "untitled", "photographer"),
    [
        # 梧州日报: `及时清理街道淤泥` names its one photo; the next caption tells of a 文联 meeting
        ("wuzrb_20250918_03", "及时清理街道淤泥", "5月15日,市委宣传部", "何鎏"),
        # 人民日报 2022: `争分夺秒 全力救援` names its photo; the wetland photos under it are a package of their own
        ("rmrb_20220911_04", "争分夺秒 全力救援", "近年来,江西省鄱阳县", "卓忠伟"),
    ],
)
def test_a_credited_caption_the_title_above_does_not_name_is_an_untitled_photo(page, titled, untitled, photographer):
    above = item(page, titled)
    assert photographer not in {p.name for p in above.people}
    photo = next(i for i in items(page) if i.paragraphs and i.paragraphs[0].startswith(untitled))
    assert photo.kind == "photo" and photographer in {p.name for p in photo.people} and not photo.headline_printed


@pytest.mark.parametrize(
    ("page", "title", "count"),
    [
        ("rmrb_19951019_06", "加强合作共创未来", 2),  # captions of the 李鹏 visits under `——李鹏总理访问…`
        ("wxrb_20220213_A03", "留锡过年也温暖", 3),  # `春节期间,…就地过年…` under `留锡过年也温暖`
        ("rmrb_20030420_05", "摄影报道", 4),  # a round-up under a label that names none of its photos
    ],
)
def test_a_spread_whose_captions_the_title_names_or_a_labelled_round_up_stays_one_item(page, title, count):
    assert len({p.name for p in item(page, title).people}) >= count


@pytest.mark.parametrize(
    ("page", "story", "caption", "photographer"),
    [
        ("lzrb_20221002_05", "老记点评“乡下”亮点", "10月1日,融安县", "覃庆和"),  # 柳州日报
        ("rmrb_19990206_03", "泰国王总理会见唐家璇", "十一月二十六日", "周轶君"),  # 人民日报 1999
    ],
)
def test_a_photo_after_a_finished_story_credited_on_its_own_line_to_another_is_its_own_item(
    page, story, caption, photographer
):
    assert photographer not in {p.name for i in items(page) if story in i.headline for p in i.people}
    photo = next(i for i in items(page) if i.paragraphs and i.paragraphs[0].startswith(caption))
    assert photo.kind == "photo" and {p.name for p in photo.people} == {photographer}


@pytest.mark.parametrize(
    ("page", "story", "signed", "floated"),
    [
        # 濮阳日报: `…圆满成功。记者 樊欣欣 通讯员 赵帅` closes the story; the next story's title floated
        # between the halves of its last paragraph
        ("pyrb_20220425_03", "确保2022濮阳张姓文化节圆满成功", "樊欣欣", "濮阳表彰10名“最美读书人”"),
        # 陕西日报: `…(记者 杨光)` and the next piece's title in the cut before it
        ("shxrb_20220216_06", "西安举行今年第二批重大项目集中开工仪式", "杨光", "在一线获得有价值的新闻"),
    ],
)
def test_a_story_signed_at_its_end_gives_back_the_next_ones_floated_title(page, story, signed, floated):
    first = item(page, story)
    assert signed in {p.name for p in first.people} and floated not in first.subheads + first.captions
    assert item(page, floated) is not first


def test_briefs_signed_with_bare_names_stay_one_column():
    """`工会动态` (陕西工人报 1988): briefs each ending `…(牛全海)` are one item."""
    column = item("sxgrb_19881215_01", "工会动态")
    assert {"牛全海", "刘兴芳"} <= {p.name for p in column.people}


def test_a_numbered_series_line_without_a_dash_over_the_title_is_the_series():
    """`深化改革系列述评之十一` over `加快投资体制改革` / `本报记者 韩钟昆` (人民日报 1995): the series, and a
    述评 series makes the signed piece commentary, as `——…系列评论之五` does (株洲日报 seed)."""
    piece = item("rmrb_19950609_02", "加快投资体制改革")
    assert piece.series == "深化改革系列述评之十一" and piece.kind == "commentary"
    assert piece.headline == "加快投资体制改革" and {p.name for p in piece.people} == {"韩钟昆"}


def test_a_paragraph_cut_by_a_column_is_never_an_untitled_photo_s_caption():
    """中国青年报 2012: under a signed story's first photo, `…中国青年报社六楼礼…,` (cut after a comma) /
    `报社领导与金牌读者、获奖代表合影。` / `本报记者 杨姣摄` / `金灿灿的奖牌下面,…`: the cut paragraph is the story's
    and the photo inside it is the story's, not an untitled photo taking the story's paragraphs (untitled
    photos in a row after a story stay their own: 焦作日报, 信阳日报)."""
    story = item("zqb_20120320_09", "点燃青春激情 共筑精神家园")
    assert "杨姣" in {p.name for p in story.people}
    assert any(p.startswith("今天的北京东直门海运仓2号") for p in story.paragraphs)


@pytest.mark.parametrize(
    ("page", "story", "continued", "photo"),
    [
        # 株洲日报 2023, one paragraph a line: `…色车身,` / `省直中医院云龙院区预计5月启用` / `造型硬朗,…` / caption / credit
        ("zzrb_20230922_02", "“八一号”火车再次开跑", "造型硬朗", "省直中医院云龙院区预计5月启用"),
        # 大众日报 2020: `…计划于10月27日…,` / `2、青岛开建第二条胶州湾海底隧道` / `将促进沿线经济社会发展。…摄影报道`
        ("dzrb_20201102_07", "济泰高速", "将促进沿线经济社会发展", "青岛开建第二条胶州湾海底隧道"),
    ],
)
def test_a_photo_title_floated_into_the_cut_paragraph_above_gives_the_second_half_back(page, story, continued, photo):
    above = item(page, story)
    assert any(continued in p and not p.startswith(continued) for p in above.paragraphs)
    assert not any(b.text.startswith(continued) for b in item(page, photo).blocks)


@pytest.mark.parametrize(
    ("page", "story", "people_expected", "not_a_story"),
    [
        # 人民日报 1999: a second dispatch of the paper's own under the title, and a roundup of two 新华社 dispatches
        ("rmrb_19990206_03", "泰国王总理会见唐家璇", {("成元生", "reporter")}, "泰国总理川·立派今天下午"),
        (
            "rmrb_19990206_03",
            "美英华人华侨支持我对台政策",
            {("李红旗", "reporter"), ("黄兴伟", "reporter")},
            "中国政府21日发表",
        ),
        # 人民日报 2004: dispatches each under a line naming its place
        (
            "rmrb_20041007_01",
            "各地群众欢度佳节",
            {("何勇", "reporter"), ("顾兆农", "reporter"), ("江南", "reporter"), ("侯伟生", "reporter")},
            "10月1日至5日,杭州市各景区",
        ),
    ],
)
def test_dispatches_under_one_title_are_one_story(page, story, people_expected, not_a_story):
    assert people(item(page, story)) == people_expected
    assert any(p.startswith(not_a_story) for p in item(page, story).paragraphs)
    assert not any(
        i.paragraphs and i.paragraphs[0].startswith(not_a_story) for i in items(page) if i is not item(page, story)
    )


def test_a_dispatch_over_its_floated_headline_opens_its_own_story():
    """人民日报 1997 (新华社 copy): `新华社北京3月28日电(记者罗辉)…` / `李鹏会见美国众议长金里奇`: the headline floated
    under its lead, a story of its own though another 新华社 dispatch stands above it."""
    story = item("xinhua_19970329_02", "李鹏会见美国众议长金里奇")
    assert people(story) == {("罗辉", "reporter")}
    assert people(item("xinhua_19970329_02", "外交部发言人谈巴印恢复外秘级会谈")) == set()


@pytest.mark.parametrize(
    ("page", "kicker", "headline"),
    [
        # 人民日报 2021: blank lines everywhere, each credit set under its caption: not a one-paragraph-a-line dump,
        # so the title's two lines stay one title
        ("rmrb_20210713_10", "西藏首条电气化铁路——拉林铁路近日开通运营", "复兴号飞驰在雪域高原"),
    ],
)
def test_credits_under_captions_do_not_make_a_page_one_paragraph_a_line(page, kicker, headline):
    found = item(page, headline)
    assert squeeze(kicker) in squeeze(found.kicker + found.headline + found.subheadline)


def test_a_title_shaped_as_a_page_s_head_over_a_lead_opens_its_story():
    """芜湖日报: `芜湖书房·悦享书吧正式开放` / `本报讯(记者 乐培意 …)` is a title, not the page's head; the story
    above it is signed `李杰 李庆` at its end."""
    story = item("whrb_20251223_A06", "芜湖书房·悦享书吧正式开放")
    assert ("乐培意", "reporter") in people(story)
    assert people(item("whrb_20251223_A06", "书房成为市民“纳凉地”")) == {("李杰", "author"), ("李庆", "author")}


@pytest.mark.parametrize(
    ("page", "story", "photographer", "caption"),
    [
        # 阜阳日报 and 赣南日报: a dated caption with its credit closing a story it names nothing of
        ("fyrb_20241206_03", "做好“水”文章", "董浩", "2月21日,太和县郭庙镇"),
        ("gnrb_20220520_02", "示范争先书新卷", "周科", "3月27日,赣县五云镇"),
    ],
)
def test_a_dated_credited_caption_after_a_finished_story_is_its_own_photo(page, story, photographer, caption):
    assert photographer not in {p.name for p in item(page, story).people}
    photo = [i for i in items(page) if i.kind == "photo" and any(c.startswith(caption) for c in i.captions)]
    assert photo and {p.name for p in photo[0].people} == {photographer}


def test_a_photo_under_a_jump_line_is_not_the_jumped_story_s():
    """安阳日报: `▶ 下转 03版` / `图为红旗渠总干渠从村庄旁绕过 新华网/李安,无人机摄…`: an untitled photo; the story's
    in-body subhead above the jump stays the story's."""
    photo = [i for i in items("ayrb_20111108_02") if i.kind == "photo"]
    assert len(photo) == 1 and not photo[0].headline_printed
    assert "一条“水长城”的呼唤" in item("ayrb_20111108_02", "永不断流的精神长河").subheads


def test_a_cry_closing_a_story_is_no_kicker_of_the_next():
    """团结报: `…画好最大同心圆。` / `预祝大会圆满成功!` / `一次难忘的州“两会”采访`: the cry ends the story above; a cry
    after a jump line still leads into the title under it (长沙晚报's `喜迎八方宾客!`)."""
    assert item("tjb_20260211_03", "一次难忘的州“两会”采访").kicker == ""
    assert any("预祝大会圆满成功" in p for p in item("tjb_20260211_03", "汇聚团结之力").paragraphs)
    assert item("cswb_20190108_A02", "喜迎八方宾客").kicker == "喜迎八方宾客!"


def test_the_editor_on_duty_heads_a_staff_line():
    """许昌日报: `值班总编:孙  伟   责任编辑:周  静   校对:马  超` is the page's staff, not the photo's kicker."""
    photo = item("xcrb_20210402_01", "清明前夕祭英烈")
    assert photo.kicker == "" and photo.headline == "清明前夕祭英烈"


def test_a_part_title_under_the_byline_stays_in_the_story():
    """扬子晚报: `未来三天南京都是“桑拿天”` / deck / `范晓林 吴胜` / `全省昨降“牛背暴雨”` / `今明两天南京最高35℃` /
    `本报讯 昨天是夏至,…`: one report; the part's title is a subhead, and the bare 本报讯 opens no story of its own."""
    story = item("yzwb_20090622_A4", "未来三天南京都是“桑拿天”")
    assert story.kind == "news" and people(story) == {("范晓林", "author"), ("吴胜", "author")}
    assert story.subheads and story.subheads[0].startswith("全省昨降“牛背暴雨”")
    assert story.paragraphs[1].startswith("昨天是夏至")
    assert not [i for i in items("yzwb_20090622_A4") if squeeze(i.headline).startswith("全省昨降")]


def test_a_caption_over_a_credit_naming_no_one_is_a_caption():
    """钱江晚报: `吴影奶奶生前与“三小只”合影` / `(受访者供图)` with no blank line between: a caption and its credit,
    not a title (in the dump its lines are one entry)."""
    story = item("qjwb_20060607_A10", "一次寻报,一次纪念")
    assert "吴影奶奶生前与“三小只”合影" in story.captions
    assert story.subheadline == "7年前的钱报,老人一直当宝贝"


def test_an_editors_note_between_title_and_lead_is_the_story_s():
    """长沙晚报 (星辰在线 copy): title / `编者按:第四届湖南旅游发展大会…` / `星辰在线5月18日讯(星辰全媒体记者 张奇涛)…`:
    one story, the note its first paragraph, the lead's reporter its people."""
    story = item("cswb_20250519_A06", "一组图带你打卡岳阳楼")
    assert story.paragraphs[0].startswith("编者按:第四届湖南旅游发展大会")
    assert ("张奇涛", "reporter") in people(story)


@pytest.mark.parametrize(
    ("page", "headline"),
    [
        ("zzrb_20250901_03", "何以“芦淞”"),  # 株洲日报: title / `记者:…通讯员/…` / `编者按` / the note / the story
        ("gmrb_20180302_07", "新时代新气象新作为·2018新春走基层的故事"),  # 光明日报: title / `编者按` / the note
        ("cdrb_20191108_05", "10位新闻工作者讲述新闻背后的感人故事"),  # 常德日报
    ],
)
def test_an_editors_note_opening_a_story_stays_in_it(page, headline):
    """`编者按` on a line of its own over the story's first paragraph, under the title or the byline: the
    story's own note, not a box of its own (a `相关链接` there opens one)."""
    story = item(page, headline)
    assert story.paragraphs[0] == "编者按" or story.subheads[0] == "编者按"
    assert not [i for i in items(page) if i.headline == "编者按"]
    assert len(story.paragraphs) > 3


def test_a_bracketed_column_label_of_a_call_for_essays_is_a_kicker():
    """甘肃日报: `【甘报故事《甘肃日报》创刊70周年征文】` over the essay's title."""
    assert items("gsrb_20190802_11")[0].kicker == "【甘报故事《甘肃日报》创刊70周年征文】"


def test_a_second_dispatch_over_the_next_story_s_title_stays_with_its_own():
    """人民日报 1996: `波黑局势` / two heads / `据新华社萨格勒布2月14日电 …` / `据新华社贝尔格莱德2月14日电 (记者江亚平)…` /
    `世界遗产大会召开` / … / `新华社巴黎6月30日电(记者卢苏燕)…`: the title under the second dispatch heads the next story,
    so the dispatch is the first story's (a headline floated under its own lead is followed by that story's text)."""
    story = item("rmrb_19960216_06", "波黑局势")
    assert people(story) == {("江亚平", "reporter")}
    assert people(item("rmrb_19960216_06", "世界遗产大会召开")) == {("卢苏燕", "reporter")}


@pytest.mark.parametrize(
    ("page", "title", "person"),
    [
        # 人民日报 2003 under a jump line, and 新华社 copy in 人民日报 1997: a lead set over its own headline
        ("rmrb_20020222_08", "冬运会进入第四天", ("蒋升阳", "reporter")),
        ("xinhua_19970329_02", "李鹏会见美国众议长金里奇", ("罗辉", "reporter")),
    ],
)
def test_a_lead_set_over_its_own_headline_keeps_it(page, title, person):
    story = item(page, title)
    assert story.headline_printed and person in people(story)
    assert not [i for i in items(page) if i.kind == "news" and not i.headline_printed]


def test_a_doubled_mark_before_a_jump_line():
    """中山日报: `》》》上接01版` under the repeated title of a story continued from the front page is a jump line."""
    from importers.parsing.furniture import classify

    assert classify("》》》上接01版").kind == "continuation"
    assert classify("》》》下转03版").continued_to == "03版"
    assert item("zsrb_20240316_A02", "脚步丈量文明成效").headline == "脚步丈量文明成效 实地感知建设成果"


@pytest.mark.parametrize(
    ("page", "title", "author", "first_line"),
    [
        # a guest writer's office before the name (人民日报 国际周刊 2002)
        ("rmrb_20000106_07", "更加自信的中国人", "何立强", "作者简介:何立强"),
        # the author line over a subhead (重庆日报 两江潮副刊) and over a short first line (中华读书报)
        ("cqrb_20220727_09", "《重庆日报》圆了我的三个梦", "罗成友", "记者梦"),
        ("zhdsb_20240925_03", "清正 高效 创新", "龚延明", "《中华读书报》20岁了!"),
    ],
)
def test_an_author_line_under_a_title_signs_the_piece(page, title, author, first_line):
    piece = item(page, title)
    assert piece.headline == title
    assert people(piece) >= {(author, "author")} and not [p for p in piece.people if p.name == first_line]
    assert (piece.subheads + piece.paragraphs)[0].startswith(first_line) or piece.paragraphs[0].startswith(first_line)


def test_the_motto_before_a_me_and_the_paper_column_is_the_kicker_s():
    """`70年春华秋实——我与重庆日报` over an anniversary essay: the column label (as `我与特区报的故事`)."""
    essay = item("cqrb_20220727_09", "《重庆日报》圆了我的三个梦")
    assert essay.kicker == "70年春华秋实——我与重庆日报"


def test_photos_after_a_jump_line_are_their_own_items():
    """新疆日报: a story that `(下转第三版)` ends, then two captions each signed by the paper glued to the
    photographer's name (`…舞蹈 新疆日报阿扎提 摄`): two photos, not the story's captions."""
    page = items("xjrb_20150820_02")
    story = next(i for i in page if i.headline == "中央新闻采访团走进和田阿克苏")
    assert not story.captions and ("阿扎提", "photographer") not in people(story)
    photos = [i for i in page if i.kind == "photo"]
    assert [people(p) for p in photos] == [{("阿扎提", "photographer")}] * 2


@pytest.mark.parametrize(
    ("page", "title", "photographer", "reporter"),
    [
        # the caption over its own credit line (人民日报 2018), or the credit on the caption (株洲日报, 新华社 copy)
        ("rmrb_20180223_14", "武大靖获中国团首金", "史家民", "季芳"),
        ("zzrb_20240207_01", "首届神农庙会火热开市", "温琳", "谭昕吾"),
        ("cswb_20241205_A03", "长沙社区公益书屋凸显诚信力量", "周和平", "周和平"),
    ],
)
def test_a_photo_between_the_title_and_the_lead_is_the_story_s(page, title, photographer, reporter):
    story = item(page, title)
    assert story.kind == "news" and story.captions
    assert {(photographer, "photographer"), (reporter, "reporter")} <= people(story)
    assert not [i for i in items(page) if not i.headline_printed and reporter in {p.name for p in i.people}]


def test_contributor_lines_with_their_offices_head_a_package():
    """人民日报 2011: a package's title and `——` deck over four contributor lines, each with an office or a
    desk before the name (`人民日报社评论部政论研究室副主编 张 铁`, `中国经济周刊记者 李小晓`), over its
    编者按: one item signed by the four; the first essay after it keeps its own title and byline."""
    head = item("rmrb_20130701_05", "带着感情走基层 肩负责任写民情")
    assert people(head) == {("陈仁泽", "reporter"), ("张铁", "author"), ("刘红", "author"), ("李小晓", "reporter")}
    essay = item("rmrb_20130701_05", "广袤田野上的生动一课")
    assert essay.headline == "广袤田野上的生动一课" and people(essay) == {("陈仁泽", "reporter")}


def test_a_kicker_and_headline_floated_into_the_story_above_go_to_the_story_under_it():
    """江门日报: `…击剑6个项目,` / `市青少年锦标赛带来运动盛宴` + `一“跤”高下 “径”彩不断 奋“泳”争先` (one block) /
    `其余13个项目…` / … / `江门日报讯 (文/图 皇智尧) …`: the story under it, printed without a title, gets them back."""
    story = item("jmrb_20241008_A06", "一“跤”高下")
    assert (story.kicker, story.headline) == ("市青少年锦标赛带来运动盛宴", "一“跤”高下 “径”彩不断 奋“泳”争先")
    above = item("jmrb_20241008_A06", "江门市青少年足球锦标赛揭幕")
    assert not above.captions and not [b for b in above.blocks if "运动盛宴" in b.text]


def test_a_jump_line_s_page_is_kept_as_printed():
    """`(下转第七版)` (人民日报) → `第七版`, as `▶ 下转02版` gives `02版`: what follows 下转, as printed."""
    assert item("rmrb_20000106_07", "希望世界和平").continued_to == "第八版"


def test_short_comments_signed_after_a_dash_are_one_item_each():
    """梅州日报 `第6版:时评` / `梅州日报` / date / `微评`: the e-paper's page head, then three short comments,
    each a title, the news, and `点评:…` signed after a dash (`…死不瞑目了。——木禾`): three commentaries."""
    page = parse_page(next(CORPUS.glob("*/mzrb_20230901_06.txt")).read_bytes(), source="mzrb_20230901_06.txt")
    assert (page.page.name, page.page.masthead) == ("时评", "梅州日报")
    assert [(i.kind, i.headline, {p.name for p in i.people}) for i in page.items] == [
        ("commentary", "被骗800多万", {"木禾"}),
        ("commentary", "捕杀流浪猫", {"木禾"}),
        ("commentary", "跟风跳水", {"子絮"}),
    ]


def test_a_tipster_named_after_the_last_sentence_ends_the_story():
    """郑州晚报 `A13 郑州热线`: `…修好。线索提供 王辉` closes the story; the hotline item after it (a title, then
    `市民反映:` and `记者核实:` over its parts, `见习记者 小刘涛 文/图` at its end) is another, with its own people."""
    first = item("zzwb2_20100312_A13", "“摔疼我了!”")
    assert "小刘涛" not in {p.name for p in first.people}
    hotline = item("zzwb2_20100312_A13", "五龙口南路冉屯东路附近")
    assert hotline.headline == "五龙口南路冉屯东路附近 垃圾“穿着”塑料衣" and not hotline.kicker
    assert people(hotline) == {("小刘涛", "reporter"), ("小刘涛", "photographer")}
    assert hotline.subheads[:2] == ["市民反映:", "记者核实:"]


def test_a_paper_s_name_over_a_comment_it_reprints_is_no_author():
    """郑州晚报 `中原时评`: `新京报` / `“神探”为何却办了“冤案”` / …: the source paper is nobody's name."""
    assert not [p for i in items("zzwb2_20130404_A02") for p in i.people if p.name.endswith(("报", "网"))]


def test_an_untitled_photo_credited_on_its_own_line_inside_a_cut_paragraph_is_its_own_item():
    """湖南日报 `6 要闻`: `…作为青年观察员随行采访,` / `3月21日,湘潭市工人文化宫项目施工现场,…。` /
    `湖南日报·新湖南客户端记者 童臻熙 报道` / `共同见证我省广大乡村…`: the photo is an item of its own with its
    reporter; the story's paragraph joins across it."""
    page = items("hnrb_20220527_06")
    story = item("hnrb_20220527_06", "把理想播在希望田野")
    assert "童臻熙" not in {p.name for p in story.people}
    assert story.paragraphs[0].endswith(
        "随行采访,共同见证我省广大乡村打赢脱贫攻坚战、全面建成小康社会、接续推进乡村振兴的生动实践、丰硕成果。"
    )
    photo = next(i for i in page if i.kind == "photo")
    assert people(photo) == {("童臻熙", "reporter")}
    assert photo.captions and photo.captions[0].startswith("3月21日,湘潭市工人文化宫项目施工现场")


def test_a_titled_photo_inside_a_comment_s_cut_paragraph_gives_the_text_after_its_credit_back():
    """人民日报 `新农村`: `…“晒”丰收、庆丰收、享丰收,` / `秋风吹 稻谷熟` / `秋风吹,稻谷熟,我国…` / `图为…` /
    `乔启明摄(影像中国)` / `农耕农趣农味里,…`: the photo keeps its title, text and caption (its text retells its
    title); the comment's paragraph joins across it and keeps the paragraphs after it."""
    comment = item("rmrb_20230922_18", "丰收画卷更多彩")
    assert "享丰收,农耕农趣农味里,是满满的农风农乐农情。" in comment.paragraphs[1]
    assert comment.paragraphs[-1].startswith("强农惠农,为农富农。") and len(comment.paragraphs) == 4
    photo = item("rmrb_20230922_18", "秋风吹 稻谷熟")
    assert photo.paragraphs[0].startswith("秋风吹,稻谷熟,我国从南到北") and len(photo.paragraphs) == 2
    assert people(photo) == {("乔启明", "photographer")}


@pytest.mark.parametrize(
    ("page", "first", "joined", "credit", "second", "its_caption"),
    [
        # 菏泽日报: `…区位优势,` / `项目建设助就业` / `引导农民…助力乡村振兴。 记者 李若生 摄` / its own caption
        ("hezrb_20210512_A3", "多元养殖助增收", "区位优势,引导农民", "李若生", "项目建设助就业", "日前,牡丹区吴店镇"),
        # 菏泽日报: the second half on its line, the credit on the next (`刚刚采摘的西红柿…” 毕保国说。` / `记者 王振宇 摄`)
        ("hezrb_20251031_A3", "菜农忙采摘", "刚刚采摘的西红柿", "王振宇", "机械齐上阵", "9月15日,在定陶区"),
        # 工人日报: `…推着装得满满的垃圾车,` / `咱们环卫工人过节啦` / `有的在昏暗的路灯下…。 新华社记者 林宏 摄`
        (
            "grrb_20251028_02",
            "冬日里的城市",
            "垃圾车,有的在昏暗的路灯下",
            "林宏",
            "咱们环卫工人过节啦",
            "10月26日是浙江省",
        ),
    ],
)
def test_a_photo_title_floated_into_the_caption_above_goes_back_over_its_photo(
    page, first, joined, credit, second, its_caption
):
    """The caption above, cut after a pause, joins across the title and keeps its credit; the title heads
    the photo under it."""
    above, below = item(page, first), item(page, second)
    assert above.kind == below.kind == "photo"
    assert joined in "".join(above.paragraphs) and credit in {p.name for p in above.people}
    assert below.paragraphs[0].startswith(its_caption)


@pytest.mark.parametrize(
    ("page", "headline", "copy"),
    [
        # 桂林日报: `…游客在售票处排起长队,` / `民宿供不应求 市场快速恢复` / `景区入口处,…`
        ("glrb_20201008_01", "民宿供不应求 市场快速恢复", "民宿供不应求"),
        # 郑州 (zzrb2): `…经过两小时的紧张排查,` / `交警深夜助力 找回走失儿童` / `终于发现孩子的身影。…`
        ("zzrb2_20180820_06", "交警深夜助力 找回走失儿童", "交警深夜助力"),
    ],
)
def test_a_story_s_headline_printed_again_inside_its_body_is_a_copy(page, headline, copy):
    """The copy neither titles another item nor stays in the body; the cut paragraph joins across it."""
    story = item(page, headline)
    assert not [b for b in story.blocks if b.text.startswith(copy)]
    assert [i.headline for i in items(page)].count(story.headline) == 1


@pytest.mark.parametrize(
    ("page", "headline", "name"),
    [
        ("chuzrb_20231013_A02", "中都社区积极推进文明城市创建", "陈茜"),  # `…(陈 茜)` on its own line
        ("wyb_20120615_01", "第九届“中华颂”征文颁奖", "彭文珺"),  # 文艺报's briefs
        ("pyrb_20220425_03", "濮阳表彰10名“最美读书人”", "刘阳"),  # 濮阳日报
    ],
)
def test_a_brief_signed_with_bare_names_in_brackets_is_news(page, headline, name):
    brief = item(page, headline)
    assert brief.kind == "news" and people(brief) == {(name, "author")}


def test_a_dispatch_its_title_does_not_tell_of_is_a_headless_story():
    """人民日报 `04 要闻`: under `2024年贵州“村超”决出总冠军` and its story, `本报北京8月13日电 (记者韩鑫)8月13日,随着一件
    由菜鸟速递承运的快件…` is another story printed without its title; the second dispatch under
    `国家防总…` / `水利部部署暴雨洪水防范应对工作` (`…(记者王浩)7月22日,水利部安排部署…`) stays in its story."""
    page = items("rmrb_20230723_04")
    assert [sorted(p.name for p in i.people) for i in page] == [["刘温馨", "王浩"], ["黄娴"], ["韩鑫"]]
    assert page[2].dateline == "本报北京8月13日电" and not page[2].headline_printed


def test_an_untitled_photo_whose_credited_caption_tells_its_own_news_inside_a_cut_paragraph():
    """团结报 `03 州内新闻`: `…特别征` / `1月31日,吉首市人武部组织民兵快速集结,…。…张晓霞 摄` / `又有微观的事件;…`:
    one caption line with its credit glued, telling other news in sentences: a photo item of its own; the
    story keeps its people and its paragraph joins across the photo."""
    story = item("tjb_20250913_03", "州政协召开")
    assert "张晓霞" not in {p.name for p in story.people}
    photo = next(i for i in items("tjb_20250913_03") if i.kind == "photo")
    assert people(photo) == {("张晓霞", "photographer")} and photo.captions[0].startswith("1月31日,吉首市人武部")


@pytest.mark.parametrize(
    ("page", "headline", "dateline"),
    [
        ("jxrb_20090503_A3", "农民工节日竞技", "本报石城讯"),  # 江西日报: the lead paragraph printed twice
        ("xhmrdx_20221111_05", "", "新华社北京7月23日电"),  # 新华每日电讯: the same damage on a wire lead
    ],
)
def test_a_lead_printed_twice_opens_one_story(page, headline, dateline):
    opened = [i for i in items(page) if i.dateline == dateline]
    assert len(opened) == 1 and squeeze(headline) in squeeze(opened[0].headline)
    assert opened[0].duplicates_dropped >= 1


def test_a_photo_of_the_story_inside_its_cut_paragraph_stays_the_story_s():
    """新华社 copy (`习近平抵达金奈…`): `10月11日,国家主席习近平乘专机抵达金奈,…` with its credit, inside the story's
    cut paragraph, tells of the title's news: the story's own photo, not an item of its own."""
    page = items("xinhua_20191012_01")
    assert not [i for i in page if i.kind == "photo"]


@pytest.mark.parametrize(
    ("page", "kicker", "headline"),
    [
        ("rmrb_20250106_11", "25年来,黑龙江近190万人次搭乘插秧专列——", "坐着火车去插秧"),  # after a photo's credit
        ("rmrb_20031229_06", "非典疫情暴发,水旱灾害频仍。", "农民增收4%的背后"),  # right under the page's head
        ("rmrb_19980413_02", "在官厅水库的水面上,常年“定居”着一些外乡人。", "漂泊的人,哭泣的水"),  # after a jump line
    ],
)
def test_a_sentence_ending_in_a_dash_over_a_title_is_its_kicker(page, kicker, headline):
    """人民日报 prints a whole sentence, or several, ending in `——` over a title as its 引题."""
    story = item(page, headline)
    assert story.kicker.startswith(kicker) and story.kicker.endswith("——") and story.headline == headline


def test_a_title_floated_into_a_story_s_cut_lead_goes_to_the_untitled_story_under_it():
    """长沙晚报 `A04 长沙新闻`: `长沙晚报掌上长沙5月3日讯(全媒体记者 何乐)5月1日晚,一辆载有残留氢…` (cut) /
    `长沙城管在“疫”线:“城市卫士”化身“防疫战士”` / the lead's second half / … / `长沙晚报掌上长沙4月1日讯(…唐朝昭…)`
    printed without a title: the title is that story's, as when the first half is a plain paragraph (江门日报)."""
    story = item("cswb_20250504_A04", "城市卫士")
    assert (story.kicker, story.headline) == ("长沙城管在“疫”线:", "“城市卫士”化身“防疫战士”")
    assert {p.name for p in story.people} == {"唐朝昭", "高思玥"}


def test_a_brief_closed_by_its_source_on_a_line_of_its_own_ends_there():
    """人民日报 1998 `经济`: two `新闻简报` briefs, each closed by `(新华社)` on its line: the tag is a byline naming
    nobody, not a paragraph, and the second `新闻简报` is the next brief's kicker."""
    briefs = [i for i in items("rmrb_19980413_02") if i.kicker == "新闻简报"]
    assert [b.headline for b in briefs] == ["穗涉外宾馆定最低限价", "重点工程常熟电厂开工"]
    assert all("(新华社)" in b.bylines and not b.people and "(新华社)" not in b.paragraphs for b in briefs)


def test_a_titled_photo_whose_caption_lines_close_on_a_credited_caption_inside_a_cut_paragraph():
    """人民日报 2019: `…内蒙古人民代表会议,` / `攀登` / `10月15日,…进行训练。` / `…。 新华社记者 普布扎西 摄` /
    `在中国共产党的领导下,…`: the credited caption closes the uncredited line over it, as a credit line
    does (齐鲁晚报, 辽宁日报 above); the photo is its own item, the feature's paragraph is joined."""
    feature = item("rmrb_20190421_01", "解码“模范自治区”")
    assert any("内蒙古人民代表会议,在中国共产党的领导下" in p for p in feature.paragraphs)
    assert not feature.captions and ("普布扎西", "photographer") not in people(feature)
    photo = item("rmrb_20190421_01", "攀登")
    assert photo.kind == "photo" and len(photo.captions) == 2 and people(photo) == {("普布扎西", "photographer")}


@pytest.mark.parametrize(
    ("page", "headline", "subheads"),
    [
        # 扬子晚报 2003: three short part titles of one length in a story printed with no byline
        ("yzwb_20031216_A6", "今晨,上班路上体验“尴尬”", ["汽车灰头土脸", "行人戴上口罩", "高速路逆驶增多"]),
        # 哈尔滨日报 2001: three `X:Y` part titles, the story's first paragraph cut over its title after a jump
        ("hebrb_20010604_02", "人气、底气和大气", ["路上冰城:有人气", "科技升金:讲底气", "城市模样:真大气"]),
    ],
)
def test_a_series_of_short_part_titles_in_a_story_with_no_byline_are_its_subheads(page, headline, subheads):
    story = item(page, headline)
    assert [squeeze(s) for s in story.subheads] == [squeeze(s) for s in subheads]
    assert not any(squeeze(s) in squeeze(i.headline) for i in items(page) for s in subheads)


def test_a_part_title_of_a_story_with_no_byline_that_a_jump_line_ends_is_its_subhead():
    """北京晚报 2018: `熟悉面孔 再难寻觅` between the paragraphs of a feature that `(下转第7版)` ends, a caption
    floated between the halves of a cut paragraph under it, then the page's briefs (株洲晚报's jumped stories
    with subheads as before)."""
    story = item("bjwb_20180219_06", "北京晚报帮忙找到失散老街坊")
    # (the uncredited caption between the halves of the cut paragraph stays a line of the story too)
    assert squeeze(story.subheads[0]) == "熟悉面孔再难寻觅" and story.continued_to
    assert len([i for i in items("bjwb_20180219_06") if i.kind == "news"]) == 3


def test_a_line_cut_at_a_comma_after_a_jump_line_is_no_title():
    """哈尔滨日报: `(下转第3版)` / `哈尔滨有过“难堪”:5个月前…面前时,` / the story's title / `这位谦和的…`: the
    first half of the next story's first paragraph, joined to its second half, not a title line."""
    story = item("hebrb_20010604_02", "人气、底气和大气")
    assert "难堪" not in story.kicker + story.headline
    assert any("面前时,这位谦和的" in squeeze(p) for p in story.paragraphs)


def test_a_dated_caption_of_other_news_inside_a_cut_paragraph_is_its_own_photo():
    """人民日报 2002: `…帮助打电话者寻找` cut by `8月30日,在北京慕田峪长城…慈善募捐仪式上,…` / `新华社记者 李明放摄`: a
    caption of one sentence that opens with its day, of other news than `“特困专线”不休息`, is an untitled photo
    item (as with two sentences or `图为`, _inset_photo), and the story's paragraph is joined."""
    story = item("rmrb_20020215_02", "“特困专线”不休息")
    assert ("李明放", "photographer") not in people(story) and not story.captions
    photos = [i for i in items("rmrb_20020215_02") if i.kind == "photo"]
    assert [people(p) for p in photos] == [{("李明放", "photographer")}]
    assert photos[0].captions[0].startswith("8月30日,在北京慕田峪长城")


def test_a_title_after_a_column_tag_and_a_bar_may_hold_a_comma():
    """晶报 2022 `1999 |人车路,全力配合“三缺一”` after the package's last paragraph opens the 1999 story (its
    `(冯景)` its own), as `2003 |…` after a closing credit did; 湛江日报's `报小拍|十年,徐闻这座小岛变了样` reads as a
    title line too."""
    from importers.parsing.titles import is_title_like

    assert is_title_like("报小拍|十年,徐闻这座小岛变了样") and is_title_like("1999 |人车路,全力配合“三缺一”")
    assert not is_title_like("十年,徐闻这座小岛变了样")  # a comma without the tag: as before
    story = item("jingb_20220826_A10", "人车路,全力配合“三缺一”")
    assert people(story) == {("冯景", "author")}
    assert len([i for i in items("jingb_20220826_A10") if i.kind in ("news", "commentary")]) == 4


def test_dated_credited_captions_under_a_title_the_lead_below_does_not_tell_of_are_photo_news():
    """湖南日报 2017: `15日湖南多地降雪 雪后美景分外妖娆` over three dated captions with their credits on them, then
    `华声在线8月19日讯(…)从救济式扶贫到开发式扶贫,…湖南为消灭贫困…`: the title shares one word with the lead's
    first sentence, a province's name; the photos are an item of their own and the lead opens the story whose title
    floated into its body (as a caption telling its story in two sentences does before a lead, _closes_photo)."""
    photo = item("hnrb_20171211_06", "15日湖南多地降雪")
    assert photo.kind == "photo" and len(photo.captions) == 3
    story = item("hnrb_20171211_06", "脱贫攻坚 奔向小康")
    assert people(story) == {("奉永成", "reporter"), ("何逸杰", "intern")}


def test_a_source_tag_on_a_line_of_its_own_closes_the_story_above_and_is_no_title():
    """齐鲁晚报's wire copy (a city daily's 综合 page, 2025): `据新华社` under a story's last paragraph closes it as
    `(新华社)` does in 人民日报; the text after it is another story (whose title floated into the cut paragraph
    above), and the second `据新华社` is no kicker of the photo's title under it."""
    assert [squeeze(i.headline) for i in items("xinhua_20251012_A04")][2:] == [
        "中办印发《通知》在全党开展深入贯彻中央八项规定精神学习教育",
        "中国人民银行将创设新的结构性货币政策工具",
        "晚秋忙收获",
    ]
    photo = item("xinhua_20251012_A04", "晚秋忙收获")
    assert not photo.kicker


def test_two_line_part_titles_in_a_series_and_a_title_after_a_jump_line():
    """华商报 2020's front: an unsigned lead story under three title lines with two part titles of two lines each
    (`楼房进行统一改造` / `新装人脸识别功能摄像头`, `社区图书馆有藏书1万多册` / `美德和法治宣传融入居民生活`), cut by
    `(下转A2版)`; the title after the jump line opens the next item, however many lines stand over its text."""
    story = item("hsb_20200108_A01", "老小区二O五所5年换新颜")
    assert [squeeze(s)[:8] for s in story.subheads] == ["楼房进行统一改造", "社区图书馆有藏书"]
    assert story.continued_to and not any("香樟树" in p for p in story.paragraphs)
    assert any("香樟树" in i.kicker + i.headline for i in items("hsb_20200108_A01") if i is not story)


@pytest.mark.parametrize(
    ("page", "titled", "photographer", "caption"),
    [
        # 济宁日报 2020: the caption's credit glued (`…车间。■记者 陈硕 摄`), a lead under it
        ("jnrb_20201202_07", "和谐共生", "陈硕", "今年以来,济宁高新区"),
        # 咸宁日报 2014: caption and credit on lines of their own, with a full stop after 摄, a title under them
        ("xnrb_20140109_02", "城区又现脏乱差", "袁灿", "24日,无人机拍摄的金桂湖"),
    ],
)
def test_another_photographers_photo_under_a_titled_photos_credit_line_is_its_own(page, titled, photographer, caption):
    """A caption credited to none of the people of the credit line over it, and the last photo before the next
    item: an untitled photo of its own, not one more photo of the titled spread above."""
    spread = item(page, titled)
    assert (photographer, "photographer") not in people(spread)
    untitled = [i for i in items(page) if i.kind == "photo" and not i.headline_printed]
    assert [people(i) for i in untitled] == [{(photographer, "photographer")}]
    assert untitled[0].captions[0].startswith(caption)


def test_a_bracketed_label_under_a_headline_heads_the_body():
    """株洲日报 2019: `株洲防洪大堤往事` / `【核心提示】` / the text: the label is the body's first subhead, no 副题
    (none is printed in brackets in the corpus); over a headline the brackets name a column, a kicker (科技日报
    `【委员通道】`, 光明日报 `【锦绣中国年】`)."""
    story = item("zzrb_20190729_03", "株洲防洪大堤往事")
    assert story.subheadline == "" and story.blocks[0].text == "【核心提示】" and story.subheads[0] == "【核心提示】"
    assert item("kjrb_20250305_03", "首场“委员通道”展现转型澎湃动能").kicker == "【委员通道】"
    assert item("gmrb_20260228_01", "冰雪旅游人气旺").kicker == "【锦绣中国年】"


def test_a_titled_photo_inside_a_cut_paragraph_keeps_its_captions():
    """日照日报 2023: `…村民加入合作社,` / `合作社铺就致富路` / two captions / credit / `“抱团发展”的积极性…`: the
    story's sentence goes on under the photo's credit, so the photo's title did not float out of the paragraph
    (as `秋风吹 稻谷熟` stands inside 人民日报's cut paragraph); the captions stay the photo's."""
    story = item("rzrb_20230110_B1", "合作社引领乡村蝶变")
    assert story.paragraphs[-1].endswith(
        "村民加入合作社,“抱团发展”的积极性非常高,一幅幅农业高质高效的乡村新画卷正徐徐展开。"
    )
    photo = item("rzrb_20230110_B1", "合作社铺就致富路")
    assert photo.kind == "photo" and photo.paragraphs[0].startswith("8月27日,在莒县")
    assert people(photo) == {("厉倩", "photographer"), ("申国发", "photographer")}
    assert item("rmrb_20230922_18", "秋风吹 稻谷熟").kind == "photo"
    assert any("农耕农趣农味里" in p for p in item("rmrb_20230922_18", "丰收画卷更多彩").paragraphs)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a photo released by a news agency (人民日报海外版's 各地快讯) or supplied by one (中国青年报): the credit
        # closes the photo and names no one, as it does at the end of a caption (`…的突破。 新华社发`)
        ("新华社发", "photo_credit"),
        ("CFP供图", "photo_credit"),
        ("(受访者供图)", "photo_credit"),
        # a newsroom signing as a body under its dash (益阳日报, 人民日报海外版): a byline naming no one
        ("——本报编辑部", "credit"),
        ("——本报评论员", "credit"),
        # a caption marked as an archive photo is still a caption, not a credit
        ("塞罕坝经历了从荒原到绿洲的巨变 资料照片", "title"),
    ],
)
def test_lines_that_credit_no_one(line, kind):
    from importers.parsing.units import Unit, classify

    unit = Unit(line, (1,))
    classify(unit)
    assert (unit.shape, unit.people) == (kind, ())


def test_a_credit_line_naming_no_one_is_no_kicker_of_the_next_title():
    """人民日报海外版 2005 (各地快讯): `新华社发` under the photo's caption, then `北京“地下长城”对外开放`; 中国青年报
    2012: `CFP供图` under a long caption at the page's foot."""
    story = item("xinhua_20061002_A05", "北京“地下长城”对外开放")
    assert not story.kicker and people(story) == {("王晴", "author"), ("容安才", "author")}
    photo = item("xinhua_20061002_A05", "上海“蓝宝石公主号”靠岸")
    assert photo.kind == "photo" and "新华社发" in photo.bylines
    assert not any("CFP" in i.kicker + i.headline + i.subheadline for i in items("zqb_20251031_09"))


@pytest.mark.parametrize(
    ("page", "headline", "last_paragraph"),
    [
        ("rmrbhwb_20150725_06", "了解世界的一扇窗", "读者的话是鼓励,也是鞭策。"),
        ("yiyrb_20070105_B1", "让阳光温暖他人", "祝福2007,也祝福你们,亲爱的读者!"),
    ],
)
def test_a_newsroom_signature_under_a_letter_closes_it(page, headline, last_paragraph):
    """`——本报编辑部` under the last paragraph of the editors' letter to readers, over the next title: the letter's
    signature (a byline naming no one), not a line of the next story's title (人民日报海外版, 益阳日报)."""
    story = item(page, headline)
    assert not story.kicker and not story.subheadline
    letter = next(i for i in items(page) if any(p.startswith(last_paragraph) for p in i.paragraphs))
    assert "——本报编辑部" in [squeeze(b) for b in letter.bylines] and not letter.people


@pytest.mark.parametrize(
    ("page", "headline", "subheadline", "author"),
    [
        # a 记者节 essay: title and its `——` line in one block, the writer's name, a web lead naming no one
        ("qhrb_20241108_04", "总有一种力量让我们前行", "——写在第25个中国记者节之际", "秦睿"),
        # a 侧记 under a 两会 page's title, the same form
        ("qhrb_20240307_03", "问答之间看“立体”青海", "——青海代表团开放团组会议侧记", "乔欣"),
    ],
)
def test_a_dash_line_in_the_title_block_and_the_writer_over_a_bare_lead(page, headline, subheadline, author):
    """青海日报: a `——` line printed in one block under its title is its 副题, whatever else stands in the title;
    the name line between the title and a lead that names no one (`青海新闻网·大美青海客户端讯 …`) signs the story."""
    story = item(page, headline)
    assert (story.kicker, story.subheadline) == ("", subheadline)
    assert (author, "author") in people(story) and story.kind != "photo"


def test_the_writer_over_a_lead_that_names_them_again_is_no_subheadline():
    """淇滨晚报 2007: `淇河禁泳牌下泳者众` / `莫拿生命当儿戏` / `肖广军` / `本报讯(记者 肖广军)6月12日,…`: the name over the
    lead is its writer's, as over a lead naming no one (青海日报, above); the lead gives the role."""
    story = item("qbwb_20070614_A01", "淇河禁泳牌下泳者众")
    assert squeeze(story.kicker + story.headline + story.subheadline) == "淇河禁泳牌下泳者众莫拿生命当儿戏"
    assert people(story) == {("肖广军", "reporter")} and "肖广军" in story.bylines


def test_a_speakers_name_and_office_under_the_title_sign_the_speech():
    """光明日报 2017 (发言摘登): `周金中(河北省林业厅党组书记、厅长)` under the title signs the speech, as
    `沈丽华(中国社会科学院考古研究所)` does (光明日报 2019)."""
    speech = item("gmrb_20170831_05", "牢记使命")
    assert not speech.subheadline and people(speech) == {("周金中", "author")}


@pytest.mark.parametrize(
    ("page", "first", "floated", "cut", "people_"),
    [
        # 齐鲁晚报 2022: headline and 副题 between `…抗战历程,` and `警醒人们…`; the story opens with a two-line byline
        (
            "qlwb_20220919_A01",
            "各地举行活动纪念九一八事变91周年",
            "鲁豫“牵手”!济郑高铁山东段首标段贯通",
            "抗战历程,警醒人们",
            {("王瑞超", "reporter"), ("毕美娟", "correspondent")},
        ),
        # 人民日报 1989: three title lines between `…两番,` and `有19项产品…`; the story opens with a dated lead
        (
            "rmrb_19891108_02",
            "中国船舶工业总公司 海军装备技术部表彰军民共建军工企业",
            "连云港饮食业找出路灵活经营",
            "两番,有19项",
            {("龚永泉", "reporter")},
        ),
    ],
)
def test_a_title_floated_into_the_paragraph_above_goes_back_over_its_story(page, first, floated, cut, people_):
    """A story's title printed between the halves of the cut paragraph of the story above, its own story opening
    further down with a byline or a lead that has no title over it: the halves join, and the title goes back over
    that byline or lead."""
    assert any(cut in p for p in item(page, first).paragraphs)
    story = item(page, floated)
    assert people(story) == people_ and not any(cut in p for p in story.paragraphs)


@pytest.mark.parametrize(
    ("page", "headline", "captions", "people_"),
    [
        # 湛江日报 2025: the title, four one-sentence captions, `文/本报记者范子华` / `图/本报记者欧阳泽`, the story
        (
            "zhjrb_20250707_08",
            "夏夜经济点亮湛江“浦东”",
            4,
            {("范子华", "reporter"), ("欧阳泽", "photographer")},
        ),
        # 团结报 2022: a photo feature, nine captions under its title over `文/图 本报全媒体记者 张 谨 陈 昊`
        (
            "tjb_20220925_05",
            "阅读山乡巨变新篇章",
            9,
            {("张谨", "reporter"), ("张谨", "photographer"), ("陈昊", "reporter"), ("陈昊", "photographer")},
        ),
    ],
)
def test_a_title_over_more_than_three_short_captions_and_its_byline_is_the_storys(page, headline, captions, people_):
    """One-sentence captions of the story's photos between its title and its byline, however many (as a spread's
    run of captions over one credit, _photo_start): the title heads the story under the byline."""
    story = item(page, headline)
    assert len(story.captions) == captions and people(story) == people_
    assert all(i.headline for i in items(page) if i.kind == "news")


@pytest.mark.parametrize("page", ["rmrb_20020309_06", "gmrb_20170831_05", "hebeirb_20181022_02"])
def test_a_dump_that_sets_in_every_line_reads_as_one_that_sets_in_none(page):
    # Some dumps indent every line, titles too: the indents then tell no title from a paragraph,
    # and the page reads as it does printed flush (人民日报, 光明日报, 河北日报).
    path = next(CORPUS.glob(f"*/{page}.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    set_in = "\n".join("\u3000\u3000" + line.lstrip(" \u3000") if line.strip() else line for line in lines)
    flush = "\n".join(line.lstrip(" \u3000") for line in lines)

    def titles(text):
        return [(i.kicker, i.headline, i.subheadline) for i in parse_page(text.encode(), source=path.name).items]

    assert titles(set_in) == titles(flush) == [(i.kicker, i.headline, i.subheadline) for i in items(page)]
