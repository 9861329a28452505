"""Bylines, datelines and photo credits, from the seeds and from other papers' forms."""

import pytest

from importers.parsing.bylines import is_name, parse_credit, parse_lead, parse_staff, split_caption_credit


def people(credits):
    return [(p.name, p.role) for p in credits or ()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # seeds
        (
            "株洲日报全媒体记者/刘芳 通讯员/徐芳 张海峰",
            [("刘芳", "reporter"), ("徐芳", "correspondent"), ("张海峰", "correspondent")],
        ),
        ("全媒体记者/杨如通讯员/周奕江", [("杨如", "reporter"), ("周奕江", "correspondent")]),
        ("记者/杨凌凌摄", [("杨凌凌", "photographer")]),
        ("记者/杨如 摄", [("杨如", "photographer")]),
        ("株洲日报全媒体记者/旷昆红 通讯员 张虹霞/摄", [("旷昆红", "photographer"), ("张虹霞", "photographer")]),
        (
            "株洲日报全媒体记者/易楚瞳 通讯员/胡琼 摄影报道",
            [("易楚瞳", "reporter"), ("胡琼", "correspondent"), ("易楚瞳", "photographer"), ("胡琼", "photographer")],
        ),
        (
            "株洲日报全媒体记者/杨如 通讯员/谭红冰 文钦 摄",
            [("杨如", "photographer"), ("谭红冰", "photographer"), ("文钦", "photographer")],
        ),
        # other papers and wires
        ("本报记者 张 胜 男", [("张胜男", "reporter")]),
        # names padded to the width of three characters, separated by the same spaces (人民日报)
        ("本报记者  贺  勇  曹继炜", [("贺勇", "reporter"), ("曹继炜", "reporter")]),
        ("本报记者  胡婧怡", [("胡婧怡", "reporter")]),
        ("（记者 王五 实习生 赵六）", [("王五", "reporter"), ("赵六", "intern")]),
        ("新华社记者 欧阳瑞丰 李四", [("欧阳瑞丰", "reporter"), ("李四", "reporter")]),
        ("全媒体首席记者 张三", [("张三", "reporter")]),
        ("本报特约记者 张三", [("张三", "reporter")]),
        ("见习记者 张三 融媒体记者 李四", [("张三", "reporter"), ("李四", "reporter")]),
        ("本报驻湘记者 李四 发自长沙", [("李四", "reporter")]),
        ("摄影记者 王五", [("王五", "photographer")]),
        ("湖南日报·新湖南客户端记者 张三 通讯员 李四", [("张三", "reporter"), ("李四", "correspondent")]),
        ("记者张三 通讯员李四", [("张三", "reporter"), ("李四", "correspondent")]),
        ("新华社记者张三、李四", [("张三", "reporter"), ("李四", "reporter")]),
        ("文/张三 图/李四", [("张三", "author"), ("李四", "photographer")]),
        ("张三/文 李四/图", [("张三", "author"), ("李四", "photographer")]),
        ("文/图 张三", [("张三", "author"), ("张三", "photographer")]),
        ("文/图 本报记者 吴九", [("吴九", "reporter"), ("吴九", "photographer")]),
        ("图/本报记者 张三", [("张三", "photographer")]),
        ("文/本报记者 张三", [("张三", "reporter")]),
        ("本报记者 张三 摄", [("张三", "photographer")]),
        ("（张三 摄）", [("张三", "photographer")]),
        ("特约评论员 王五", [("王五", "author")]),
        ("记者 张三 报道", [("张三", "reporter")]),
    ],
)
def test_credit(text, expected):
    assert people(parse_credit(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "记者从市教育局考试院获悉,2023年研考为聚集性重大活动",  # body text naming 记者
        "昨天记者张三说",
        "朱理平",  # a bare name is an author line, not a credit
        "本报评论员",  # a role with nobody
        "文钦",
    ],
)
def test_not_a_credit(text):
    assert parse_credit(text) is None


@pytest.mark.parametrize(
    ("text", "dateline", "byline", "rest", "expected"),
    [
        (
            "株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳) 1月22日,我市商协会",
            "株洲日报讯",
            "株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳)",
            "1月22日,我市商协会",
            [("成姣兰", "reporter"), ("王海艳", "correspondent")],
        ),
        (
            "株洲日报(全媒体记者/杨凌凌 通讯员/罗金鹏)从“创业期”走到",
            "株洲日报",
            "株洲日报(全媒体记者/杨凌凌 通讯员/罗金鹏)",
            "从“创业期”走到",
            [("杨凌凌", "reporter"), ("罗金鹏", "correspondent")],
        ),
        (
            "本报讯 记者 张三 通讯员 李四 昨日,市里",
            "本报讯",
            "本报讯 记者 张三 通讯员 李四",
            "昨日,市里",
            [("张三", "reporter"), ("李四", "correspondent")],
        ),
        (
            "新华社北京1月2日电（记者王五、赵六）日前，",
            "新华社北京1月2日电",
            "新华社北京1月2日电（记者王五、赵六）",
            "日前，",
            [("王五", "reporter"), ("赵六", "reporter")],
        ),
        (
            "新华社北京一月二日电(记者 王五)日前",
            "新华社北京一月二日电",
            "新华社北京一月二日电(记者 王五)",
            "日前",
            [("王五", "reporter")],
        ),
        (
            "新华社北京１月２日电（记者王五）日前",
            "新华社北京１月２日电",
            "新华社北京１月２日电（记者王五）",
            "日前",
            [("王五", "reporter")],
        ),
        (
            "(记者/张三 通讯员/李四) 日前",
            "",
            "(记者/张三 通讯员/李四)",
            "日前",
            [("张三", "reporter"), ("李四", "correspondent")],
        ),
        ("本报讯 近日,我市召开", "本报讯", "", "近日,我市召开", []),
    ],
)
def test_lead(text, dateline, byline, rest, expected):
    lead = parse_lead(text)
    assert (lead.dateline, lead.byline, lead.rest, people(lead.people)) == (dateline, byline, rest, expected)


@pytest.mark.parametrize("text", ["市民来电反映问题,很多", "记者从市教育局考试院获悉,2023年研考", "1月22日,我市"])
def test_not_a_lead(text):
    assert parse_lead(text) is None


def test_caption_with_credit():
    caption, credit, credits = split_caption_credit("雷打石镇老街社区迎春联欢活动现场。记者/杨如摄")
    assert (caption, credit, people(credits)) == (
        "雷打石镇老街社区迎春联欢活动现场。",
        "记者/杨如摄",
        [("杨如", "photographer")],
    )


def test_page_staff():
    assert people(parse_staff("责任编辑/胡乐 美术编辑/张武")) == [("胡乐", "editor"), ("张武", "art_editor")]
    assert people(parse_staff("设计/左骏")) == [("左骏", "designer")]
    # 人民日报: labels with a colon, names padded to three characters' width
    assert people(parse_staff("本版责编：孟  祥  吕  晓")) == [("孟祥", "editor"), ("吕晓", "editor")]
    assert people(parse_staff("版式设计：许佳宁")) == [("许佳宁", "designer")]


def test_author_line():
    assert is_name("朱理平")
    assert is_name("□ 钱十一")
    assert is_name("朱  磊")  # 人民日报 pads a two-character name
    assert not is_name("枫溪街道:")
    assert not is_name("情暖退役军人")
