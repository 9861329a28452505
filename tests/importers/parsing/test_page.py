"""parse_page end to end: real seed pages and small pages made of seed text."""

import codecs
import re
from datetime import date
from pathlib import Path

import pytest

from importers.parsing import PageDecodeError, ParseError, parse_page

SEEDS = sorted((Path(__file__).resolve().parents[3] / "seeds").glob("*.txt"))
WS = re.compile(r"\s+")


def parse(text, **kwargs):
    return parse_page(text.encode("utf-8"), source=kwargs.pop("source", "page.txt"), **kwargs)


def blob(page) -> str:
    """Everything the parser kept, as the coverage checker sees it."""
    parts = [f.text for f in page.furniture] + list(page.unassigned)
    for item in page.items:
        parts += [item.kicker + item.headline + item.subheadline, item.series, *item.bylines, item.dateline]
        parts += [block.text for block in item.blocks]
    return WS.sub("", "\u0000".join(parts))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_seed_line_is_accounted_for(path):
    data = path.read_bytes()
    page = parse_page(data, source=path.name)
    kept = blob(page)
    printed = sorted({WS.sub("", b) for item in page.items for b in item.bylines}, key=len, reverse=True)
    for line in data.decode("utf-8").splitlines():
        rest = WS.sub("", line)
        for byline in printed:
            rest = rest.replace(byline, "")
        assert rest in kept, line


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_parsing_is_deterministic(path):
    data = path.read_bytes()
    assert parse_page(data, source=path.name) == parse_page(data, source=path.name)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_item_has_a_headline_and_editorial_items_have_tags(path):
    page = parse_page(path.read_bytes(), source=path.name)
    for item in page.items:
        assert item.headline
        if item.kind in {"news", "photo", "commentary"} and len(item.text) > 100:
            assert 3 <= len(item.tags) <= 8, (item.headline, item.tags)


def test_column_break_is_joined_with_nothing_between():
    page = parse(
        "全市商协会人民调解组织集中成立授牌\n\n"
        "株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳) 1月22日,我市商协会人民调解组织开展集中成立授牌仪式。\n\n"
        "至此,全市共有20家商协会成立人民调解委员会。其中,市温\n\n"
        "州商会人民调解委员会先后获评“全国模范人民调解委员会”。\n"
    )
    (item,) = page.items
    assert item.paragraphs == [
        "1月22日,我市商协会人民调解组织开展集中成立授牌仪式。",
        "至此,全市共有20家商协会成立人民调解委员会。其中,市温州商会人民调解委员会先后获评“全国模范人民调解委员会”。",
    ]
    assert item.dateline == "株洲日报讯"
    assert [(p.name, p.role) for p in item.people] == [("成姣兰", "reporter"), ("王海艳", "correspondent")]


def test_repeated_paragraphs_are_kept_once_and_counted():
    text = (
        "敢担当善作为 科学高效推进项目建设\n\n"
        "株洲日报讯(全媒体记者/罗欣) 12月19日,市委书记深入荷塘区调研项目建设工作。\n\n"
        "曹慧泉强调,要敢于担当、善于协调,努力以高效率的项\n\n目建设推动株洲高质量发展。\n\n"
        "曹慧泉强调,要树牢大抓项目导向,保障项目用地。\n\n"
        "曹慧泉强调,要敢于担当、善于协调,努力以高效率的项\n\n目建设推动株洲高质量发展。\n\n"
        "曹慧泉强调,要树牢大抓项目导向,保障项目用地。\n\n"
        "曹慧泉强调,要敢于担当、善于协调,努力以高效率的项\n\n目建设推动株洲高质量发展。\n"
    )
    (item,) = parse(text).items
    assert item.paragraphs == [
        "12月19日,市委书记深入荷塘区调研项目建设工作。",
        "曹慧泉强调,要敢于担当、善于协调,努力以高效率的项目建设推动株洲高质量发展。",
        "曹慧泉强调,要树牢大抓项目导向,保障项目用地。",
    ]
    assert item.duplicates_dropped == 3


def test_headline_floating_into_its_body():
    text = (
        "株洲日报全媒体记者/易楚瞳 通讯员/谭俊\n\n"
        "时针指向8时20分,李晓来到了工作岗位。\n\n"
        "“不上班,家里就少了一份经济来源,但\n\n"
        "天元区妇联试点开设“妈妈岗” 70名“宝妈”上班顾家两不误\n\n"
        "入职企业、工厂、商场等岗位,工作又都是固定时间。”\n"
    )
    (item,) = parse(text).items
    assert item.headline == "天元区妇联试点开设“妈妈岗” 70名“宝妈”上班顾家两不误"
    assert item.paragraphs[-1] == "“不上班,家里就少了一份经济来源,但入职企业、工厂、商场等岗位,工作又都是固定时间。”"
    assert any("标题出现在正文中间" in w for w in item.warnings)


def test_caption_inside_a_cut_paragraph():
    text = (
        "芦淞区“放大招” 推动服饰城从业人员二次创业\n\n"
        "株洲日报(全媒体记者/杨凌凌 通讯员/罗金鹏)从“创业期”走到“创新期”。\n\n"
        "该区还联合农业银行芦淞支行举办专场银企对接会,推出一批\n\n"
        "湖南欧微时尚集团忙碌的生产线。记者/杨凌凌摄\n\n"
        "创新金融产品,现场为芦淞服饰城综合授信20亿元。\n"
    )
    (item,) = parse(text).items
    assert (
        item.paragraphs[-1]
        == "该区还联合农业银行芦淞支行举办专场银企对接会,推出一批创新金融产品,现场为芦淞服饰城综合授信20亿元。"
    )
    assert item.captions == ["湖南欧微时尚集团忙碌的生产线。"]
    assert ("杨凌凌", "photographer") in [(p.name, p.role) for p in item.people]
    assert item.bylines == ("株洲日报(全媒体记者/杨凌凌 通讯员/罗金鹏)", "记者/杨凌凌摄")


def test_two_line_subhead_stays_one_entry():
    text = (
        "金融“组合拳”纾困小微企业\n\n"
        "株洲日报讯(全媒体记者/廖明) 12月16日,市政府金融办联合印发实施方案。\n\n"
        "增量、降价、提质、拓面\n引更多金融活水浇灌小微企业\n\n"
        "市政府金融办副主任周文安介绍了方案。\n\n"
        "▶ 下转 02版\n"
    )
    page = parse(text)
    (item,) = page.items
    assert item.subheads == ["增量、降价、提质、拓面\n引更多金融活水浇灌小微企业"]
    assert item.continued_to == "02版"
    assert [f.kind for f in page.furniture] == ["continuation"]


def test_photo_news_and_commentary():
    text = (
        "喜迎新年送春联\n\n"
        "1月21日,荷塘区开展写春联活动。一上午的时间,文化志愿者们送去近200副春联。\n\n"
        "株洲日报全媒体记者/旷昆红 通讯员 张虹霞/摄\n\n"
        "根植人民团结干\n\n"
        "——“以二十大精神指引办好株洲的事”系列评论之五\n\n"
        "朱理平\n\n"
        "扎实推进共同富裕,解决好急难愁盼问题,不断实现人民对美好生活的向往。\n"
    )
    photo, commentary = parse(text).items
    assert photo.kind == "photo"
    assert (
        photo.captions
        == photo.paragraphs
        == ["1月21日,荷塘区开展写春联活动。一上午的时间,文化志愿者们送去近200副春联。"]
    )
    assert [(p.name, p.role) for p in photo.people] == [("旷昆红", "photographer"), ("张虹霞", "photographer")]
    assert commentary.kind == "commentary"
    assert commentary.series == "——“以二十大精神指引办好株洲的事”系列评论之五"
    assert [(p.name, p.role) for p in commentary.people] == [("朱理平", "author")]


def test_ads_notices_and_furniture_are_not_news():
    text = (
        "综合·城区\n\n责任编辑/胡乐 美术编辑/张武\n\n"
        "株洲群星合唱团 招募新团员\n\n"
        "株洲群星合唱团是株洲市文化馆团体。现因团体演出赛事需要,急需招募男团员20人。\n"
        "报名热线:\n15674154189(胡先生)\n\n"
        "▶立即关闭燃气总阀,切断电源\n\n▶迅速开窗通风换气\n\n燃气安全用 安心每一天\n\n株洲日报宣\n\n公益广告\n"
    )
    page = parse(text)
    assert [item.kind for item in page.items] == ["notice", "psa"]
    assert page.items[1].headline == "燃气安全用 安心每一天"
    assert page.page.name == "综合·城区"
    assert [(p.name, p.role) for p in page.page.staff] == [("胡乐", "editor"), ("张武", "art_editor")]
    assert {f.kind for f in page.furniture} == {"page_header", "staff", "publisher_credit", "ad_label"}


def test_trailing_byline_and_person_in_body():
    text = (
        "一辈子守护一片林\n\n"
        "清晨六点,记者张三跟着护林员李四走在巡山的路上。\n\n"
        "他说:“这片林子就是我的命。”\n\n"
        "(本报记者 孙七)\n"
    )
    (item,) = parse(text).items
    assert [(p.name, p.role) for p in item.people] == [("孙七", "reporter")]
    assert item.paragraphs == ["清晨六点,记者张三跟着护林员李四走在巡山的路上。", "他说:“这片林子就是我的命。”"]


def test_no_byline_and_truncated_paragraph_warnings():
    text = "十三届市委第二轮巡察启动\n\n今年3月至5月,市委巡察机构对15个单位党组织开展了常规巡察;7月至9月,对21个乡镇党组织\n"
    (item,) = parse(text).items
    assert "没有找到署名" in item.warnings
    assert any("句中断开" in w for w in item.warnings)


def test_issue_date_sources():
    text = (
        "株洲市湖北商会成立\n\n株洲日报讯(全媒体记者/邹家虎) 1月19日,株洲市湖北商会成立庆典暨2024年迎新联谊会举行。\n"
    )
    assert parse(text).issue_date == date(2024, 1, 19)
    assert parse(text).issue_date_source == "text"
    assert parse(text, source="2024-01-23_03.txt").issue_date == date(2024, 1, 23)
    assert parse(text, issue_date=date(2024, 2, 1)).issue_date_source == "option"
    assert parse("没有日期的一行标题\n").issue_date is None


def test_section_from_header_then_keywords_then_default():
    keywords = {"城区": ["荷塘", "芦淞"], "经济": ["贷款", "金融"]}
    story = "金融支持实体经济持续加力\n\n株洲日报讯(全媒体记者/刘芳) 近日,全市贷款余额创新高,金融机构加大投放。\n"
    assert parse(story, section_keywords=keywords).items[0].section == "经济"
    assert parse("综合·城区\n\n" + story, section_keywords=keywords).items[0].section == "城区"
    assert parse(story, section="要闻", section_keywords=keywords).items[0].section == "要闻"
    assert parse(story.replace("贷款", "").replace("金融", ""), default_section="综合").items[0].section == "综合"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: t.encode("utf-16"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16", "utf16-be", "crlf", "cr"],
)
def test_encodings_and_line_endings(encode):
    text = "株洲市湖北商会成立\n\n株洲日报讯(全媒体记者/邹家虎) 1月19日,株洲市湖北商会成立庆典举行。\n\n市领导参加活动。\n"
    page = parse_page(encode(text), source="p.txt")
    (item,) = page.items
    assert item.headline == "株洲市湖北商会成立"
    assert item.paragraphs == ["1月19日,株洲市湖北商会成立庆典举行。", "市领导参加活动。"]


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, bytes(range(256)) * 8, b"\x00\x01\x02" * 1000],
    ids=["png", "random", "nul"],
)
def test_binary_input_is_refused(data):
    with pytest.raises(PageDecodeError):
        parse_page(data, source="image.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\n \t\n", "\u3000\n".encode()])
def test_empty_input_is_refused(data):
    with pytest.raises(ParseError, match="空"):
        parse_page(data, source="empty.txt")


def test_invalid_utf8_bytes_inside_valid_text_are_replaced_and_warned():
    text = "株洲市湖北商会成立\n\n株洲日报讯(全媒体记者/邹家虎) 1月19日,株洲市湖北商会成立庆典举行。\n"
    data = text.encode("utf-8").replace("庆典".encode(), b"\xff\xfe")
    page = parse_page(data, source="p.txt")
    assert page.items[0].headline == "株洲市湖北商会成立"
    assert any("无效的 UTF-8" in w for w in page.warnings)


def test_continued_from_another_page():
    text = (
        "金融“组合拳”纾困小微企业\n\n"
        "(上接01版)\n\n"
        "如在优先展期续贷支持方面,《方案》指出,不得盲目限贷、抽贷、断贷。\n\n"
        "十三届市委第二轮巡察启动\n\n"
        "株洲日报讯(全媒体记者/陈正明) 12月19日,十三届市委第二轮巡察动员部署会召开。\n"
    )
    continued, other = parse(text).items
    assert continued.headline == "金融“组合拳”纾困小微企业"
    assert continued.continued_from == "01版"
    assert continued.paragraphs == ["如在优先展期续贷支持方面,《方案》指出,不得盲目限贷、抽贷、断贷。"]
    assert other.continued_from == other.continued_to == ""


def test_a_page_of_another_paper():
    """Masthead and page date, a boxed 相关链接, a photo, a wire brief, a commentary, a notice."""
    text = (
        "湘江晚报 A05\n\n城事\n\n2023年9月12日 星期二\n\n"
        "老旧小区改造惠及三万户\n\n今年计划完成改造项目42个\n\n"
        "本报讯（记者 李明 通讯员 王芳）记者昨日从市住建局获悉，今年全市计划完成老旧小区改造项目42个。\n\n"
        "加装电梯提速\n\n今年以来，全市已完成既有住宅加装电梯120台。\n\n"
        "相关链接\n\n什么是老旧小区改造\n\n老旧小区改造是指对建成年代较早的住宅小区进行改造。\n\n"
        "秋日稻田一片金黄\n\n9月11日，攸县皇图岭镇的万亩稻田进入收割期。\n\n本报记者 张伟 摄\n\n"
        "据新华社电 国家统计局11日发布数据显示，8月份全国居民消费价格同比上涨0.1%。\n\n"
        "“菜篮子”稳了 民心就稳了\n\n■ 李华\n\n菜价关乎千家万户。保供稳价，既要抓生产，也要抓流通。\n\n"
        "寻物启事\n\n本人于9月10日遗失黑色钱包一个。请拾到者与本人联系。联系电话：13800000000。\n"
    )
    page = parse(text)
    assert (page.issue_date, page.issue_date_source) == (date(2023, 9, 12), "page")
    assert (page.page.label, page.page.name) == ("A05", "城事")
    assert not page.unassigned
    kinds = [(i.kind, i.kicker, i.headline, i.subheadline) for i in page.items]
    assert kinds == [
        ("news", "", "老旧小区改造惠及三万户", "今年计划完成改造项目42个"),
        ("sidebar", "相关链接", "什么是老旧小区改造", ""),
        ("photo", "", "秋日稻田一片金黄", ""),
        ("news", "", page.items[3].headline, ""),
        ("commentary", "", "“菜篮子”稳了 民心就稳了", ""),
        ("notice", "", "寻物启事", ""),
    ]
    story, box, photo, brief, commentary, _ = page.items
    assert story.subheads == ["加装电梯提速"]
    assert box.parent_headline == "老旧小区改造惠及三万户"
    assert [(p.name, p.role) for p in photo.people] == [("张伟", "photographer")]
    assert brief.dateline == "据新华社电" and brief.bylines == ()
    assert brief.paragraphs == ["国家统计局11日发布数据显示，8月份全国居民消费价格同比上涨0.1%。"]
    assert [(p.name, p.role) for p in commentary.people] == [("李华", "author")]
