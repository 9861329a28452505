"""Bylines, datelines and photo credits, from the seeds and from other papers' forms."""

from pathlib import Path

import pytest

from importers.parsing import parse_page
from importers.parsing.bylines import (
    is_name,
    parse_credit,
    parse_lead,
    parse_staff,
    parse_staff_line,
    split_caption_credit,
    split_glued_credit,
    split_source_tag,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


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
        "井盖“张大口”",  # a photo's title (延安日报): names with no label are never quoted
        "张三(右)",  # a name and where they stand, in a caption
        "李明(记者)",
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
        # an unbracketed credit whose name runs into the text: cut where the text opens with a word or a number
        # (光明日报, 新华社, 四川新闻网 leads of the byline corpus)
        (
            "光明日报北京2月28日电 记者陈晨本市近日举行了一次活动。",
            "光明日报北京2月28日电",
            "光明日报北京2月28日电 记者陈晨",
            "本市近日举行了一次活动。",
            [("陈晨", "reporter")],
        ),
        (
            "新华社北京9月21日电 新华社记者 齐中熙日前,我市召开",
            "新华社北京9月21日电",
            "新华社北京9月21日电 新华社记者 齐中熙",
            "日前,我市召开",
            [("齐中熙", "reporter")],
        ),
        (
            "四川新闻网成都2月4日讯记者 李丹2月3日,我市召开",
            "四川新闻网成都2月4日讯",
            "四川新闻网成都2月4日讯记者 李丹",
            "2月3日,我市召开",
            [("李丹", "reporter")],
        ),
        (
            "株洲日报讯 通讯员刘音宝近日,我市召开",
            "株洲日报讯",
            "株洲日报讯 通讯员刘音宝",
            "近日,我市召开",
            [("刘音宝", "correspondent")],
        ),
        (
            "株洲日报讯 记者 成姣兰 通讯员 王海艳日前,我市召开",
            "株洲日报讯",
            "株洲日报讯 记者 成姣兰 通讯员 王海艳",
            "日前,我市召开",
            [("成姣兰", "reporter"), ("王海艳", "correspondent")],
        ),
        # no label, no name run into the text
        ("本报讯 王府井大街日前,我市召开", "本报讯", "", "王府井大街日前,我市召开", []),
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


# ---------------------------------------------------------------------------------------------
# The forms of other papers and wires (issue 18): each rule with real bylines of at least two
# outlets, copied as printed (tests/importers/corpus/bylines/bylines.jsonl names their sources).
# ---------------------------------------------------------------------------------------------

R, C, N, P, A, E = "reporter", "correspondent", "intern", "photographer", "author", "editor"


def lead_of(text):
    lead = parse_lead(text)
    return None if lead is None else (lead.dateline, lead.byline, lead.rest, people(lead.people))


@pytest.mark.parametrize(
    ("text", "dateline", "byline", "expected"),
    [
        # newsrooms joined by ·, •, - and a date or a place before 讯/电/消息
        ("湖南日报·新湖南客户端7月25日讯(见习记者 黄家宸)", "湖南日报·新湖南客户端7月25日讯", None, [("黄家宸", R)]),
        (
            "大众日报淄博融媒体中心•鲁中网11月16日讯(记者 王钰程 见习记者 相紫月)",
            "大众日报淄博融媒体中心•鲁中网11月16日讯",
            None,
            [("王钰程", R), ("相紫月", R)],
        ),
        ("三秦都市报-三秦网讯(记者 杨琪 郭子荻)", "三秦都市报-三秦网讯", None, [("杨琪", R), ("郭子荻", R)]),
        ("现代快报5月8日南京电(记者 丁晟)", "现代快报5月8日南京电", None, [("丁晟", R)]),
        ("海口网6月8日消息 (记者张俊其 摄影报道)", "海口网6月8日消息", None, [("张俊其", R), ("张俊其", P)]),
        ("深圳新闻网坪山讯(记者 杨涛)", "深圳新闻网坪山讯", None, [("杨涛", R)]),
        # traditional characters (中評社, 香港文匯網)
        ("中評社北京1月14日電(記者 徐夢溪)", "中評社北京1月14日電", None, [("徐夢溪", R)]),
        ("(香港文匯網記者 吳千、于海江 哈爾濱報道)", "", None, [("吳千", R), ("于海江", R)]),
        # a lead closed by 报道, the body glued after it (人民日报, 羊城晚报, 北方晨报, 开封日报)
        (
            "本报墨西哥城1月28日电记者张金江报道",
            "本报墨西哥城1月28日电",
            "本报墨西哥城1月28日电记者张金江报道",
            [("张金江", R)],
        ),
        ("本报费城10月30日电记者陈特安、李云飞报道", "本报费城10月30日电", None, [("陈特安", R), ("李云飞", R)]),
        (
            "本报北京9月8日讯 新华社记者杨兆波、本报记者毕全忠报道",
            "本报北京9月8日讯",
            None,
            [("杨兆波", R), ("毕全忠", R)],
        ),
        ("羊城晚报讯 记者李静、陈晓璇报道", "羊城晚报讯", None, [("李静", R), ("陈晓璇", R)]),
        ("本报讯 记者 常琳报道", "本报讯", "本报讯 记者 常琳报道", [("常琳", R)]),
        ("全媒体记者李晨翀报道", "", "全媒体记者李晨翀报道", [("李晨翀", R)]),
        # the place's country in brackets (新华社 in 人民日报 1995)
        ("新华社巴里洛切(阿根廷)10月17日电(记者薛鸿)", "新华社巴里洛切(阿根廷)10月17日电", None, [("薛鸿", R)]),
        # names with no label closed by 报道 after the dateline wrote the story, as in brackets (解放军报)
        ("本报长春5月23日电刘建伟、张广华报道:", "本报长春5月23日电", None, [("刘建伟", A), ("张广华", A)]),
        # the role word outside the bracket (枣庄网视)
        ("枣庄网视讯 通讯员(徐艳 赵国滕)", "枣庄网视讯", None, [("徐艳", C), ("赵国滕", C)]),
        # names with no label in the bracket are authors (江苏工人报, 新湖南客户端, 新华网, 人民网)
        ("本报讯  (赵叶舟)", "本报讯", "本报讯  (赵叶舟)", [("赵叶舟", A)]),
        (
            "湖南日报·新湖南客户端519日讯(李婷 许嘉伟)",
            "湖南日报·新湖南客户端519日讯",
            None,
            [("李婷", A), ("许嘉伟", A)],
        ),
        (
            "新华网昆明4月14日电(刘馨蔚 和新兰 马芸 张晰)",
            "新华网昆明4月14日电",
            None,
            [("刘馨蔚", A), ("和新兰", A), ("马芸", A), ("张晰", A)],
        ),
        ("人民网株洲6月3日电 (彭应兵 实习生 胡子逸)", "人民网株洲6月3日电", None, [("彭应兵", A), ("胡子逸", N)]),
        # names run together (中国宁波网)
        ("中国宁波网讯(记者卢磊邓少华)", "中国宁波网讯", None, [("卢磊", R), ("邓少华", R)]),
        # a label of the names after it, in the middle of a credit (科教新报, 湖南日报)
        (
            "科教新报·新湖南客户端讯(实习生 张文怡 伍荟茹 摄影 王慧晴 李馨玥 徐欢)",
            "科教新报·新湖南客户端讯",
            None,
            [("张文怡", N), ("伍荟茹", N), ("王慧晴", P), ("李馨玥", P), ("徐欢", P)],
        ),
        (
            "湖南日报3月3日讯(全媒体记者 郭宸 摄影 唐俊 易昂 傅聪)",
            "湖南日报3月3日讯",
            None,
            [("郭宸", R), ("唐俊", P), ("易昂", P), ("傅聪", P)],
        ),
        # 广电 (a broadcaster) is a word, not a dateline's 电 (岳阳广电); a place's 广 still ends in 电
        ("岳阳广电全媒体讯(记者 李璐)", "岳阳广电全媒体讯", None, [("李璐", R)]),
        ("新华社广州10月6日电(记者 李璐)", "新华社广州10月6日电", None, [("李璐", R)]),
        # a web outlet's branch office (红网 君山分站, 保靖站) before the reporter's label
        ("红网时刻6月22日讯(君山分站记者 王琼 戴丽萍)", "红网时刻6月22日讯", None, [("王琼", R), ("戴丽萍", R)]),
        ("红网保靖站9月3日讯(分站记者 彭司进 通讯员 田方)", "红网保靖站9月3日讯", None, [("彭司进", R), ("田方", C)]),
    ],
)
def test_lead_forms(text, dateline, byline, expected):
    body = "本市近日举行了一次活动，现场气氛热烈。"
    got = lead_of(text + body)
    assert got == (dateline, byline or text, body, expected)


@pytest.mark.parametrize(
    "text",
    [
        "记者李明报道了这件事的经过,引起关注。",  # 报道 as a verb in body text
        "中央电视台记者 张三 在现场",  # 电视台 is no dateline 电
        "市民来电(12345)反映问题",
        "通讯员 张三",  # 通讯员 is no dateline 讯
    ],
)
def test_not_a_lead_form(text):
    assert parse_lead(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bracketed names with no label: authors (陕西工人报, 达州日报, 福建日报, 今日竹山网, 闽东日报)
        ("(吕劲)", [("吕劲", A)]),
        ("(谢达成)", [("谢达成", A)]),
        ("(郭扬 方扬烨)", [("郭扬", A), ("方扬烨", A)]),
        ("( 余明明、夏甜甜)", [("余明明", A), ("夏甜甜", A)]),
        ("(闽东日报 许伟圣)", [("许伟圣", A)]),
        # a short list of names printed apart, no label: authors (扬子晚报, 羊城晚报, 新民晚报)
        ("王星海 耿志清", [("王星海", A), ("耿志清", A)]),
        ("李静、陈晓璇", [("李静", A), ("陈晓璇", A)]),
        ("周国强 高宇辰 厉苒苒", [("周国强", A), ("高宇辰", A), ("厉苒苒", A)]),
        # a newsroom's name, then names (中国广播报)
        ("中央人民广播电台华夏之声 宋薇", [("宋薇", A)]),
        # names run together, split where each piece starts with a surname (人民日报, 新华社, 滁州日报)
        ("本报记者曾坤颜世贵", [("曾坤", R), ("颜世贵", R)]),
        (
            "◎新华社记者于佳欣胡浩张志龙梁建强",
            [("于佳欣", R), ("胡浩", R), ("张志龙", R), ("梁建强", R)],
        ),
        ("(戴立伟邵宗权张万兵)", [("戴立伟", A), ("邵宗权", A), ("张万兵", A)]),
        ("郭碧燕陈瑞章摄", [("郭碧燕", P), ("陈瑞章", P)]),
        # a newsroom's name glued to the role word anywhere in the credit (南方都市报, 今日女报)
        (
            "采写:南都记者 薛凯莹 周敏萱 王美苏 南方+记者 曾良科 彭琳 张笛扬 刘倩 张子俊 通讯员 粤应宣",
            [(n, R) for n in ("薛凯莹", "周敏萱", "王美苏", "曾良科", "彭琳", "张笛扬", "刘倩", "张子俊")]
            + [("粤应宣", C)],
        ),
        ("文;今日女报/凤网记者 李旦 图:今日女报摄影记者 吴小兵", [("李旦", R), ("吴小兵", P)]),
        ("特约记者励明登", [("励明登", R)]),  # 中国宁波网
        # modifiers: 全媒, 融媒 (湖北日报, 丽江市融媒体中心); 实习记者 is an intern (看看新闻Knews)
        ("(湖北日报全媒记者 柯皓 魏铼 摄)", [("柯皓", P), ("魏铼", P)]),
        ("(丽江融媒记者 赵庆祖 摄)", [("赵庆祖", P)]),
        (
            "(看看新闻Knews记者:黄伊罕 陈瑞 编辑:邢维 实习记者 潘奕婕)",
            [("黄伊罕", R), ("陈瑞", R), ("邢维", E), ("潘奕婕", N)],
        ),
        # editors inside a credit (南方都市报, 人物, 广州日报)
        ("记者/编辑:赵雨琪", [("赵雨琪", R), ("赵雨琪", E)]),
        ("见习记者:林敏儿 编辑:戴越 向丽宇", [("林敏儿", R), ("戴越", E), ("向丽宇", E)]),
        ("文/ 王双兴 编辑/ 姚璐", [("王双兴", A), ("姚璐", E)]),
        (
            "系列报道策划:秦晖、肖桂来 本篇统筹:夏强、廖靖文",
            [("秦晖", E), ("肖桂来", E), ("夏强", E), ("廖靖文", E)],
        ),
        # where the story was reported, after the names (红网, 潇湘晨报, 大众网, 香港文匯網, 时代周报)
        ("红网时刻新闻记者 陈彦兵 株洲报道", [("陈彦兵", R)]),
        ("潇湘晨报记者 曾羽璇 章杨梓昕 岳阳报道", [("曾羽璇", R), ("章杨梓昕", R)]),
        ("大众网·海报新闻记者韦辉 刘元迪 临沂报道", [("韦辉", R), ("刘元迪", R)]),
        ("时代周报记者 李兮言 发自广州", [("李兮言", R)]),
        (
            "(本报记者 尚文超、刘梦、方莉、方曲韵、赵斌艺整理)",
            [(n, R) for n in ("尚文超", "刘梦", "方莉", "方曲韵", "赵斌艺")],
        ),
        ("（本报记者孙秀艳参与采写）", [("孙秀艳", R)]),  # 人民日报
        # notes after the names (春城晚报, 新华社, 南京晨报)
        ("特派记者 谢黎明(春城晚报)", [("谢黎明", R)]),
        ("拍摄:张启明(实习)", [("张启明", P)]),
        ("作者:蒋恒 卢斌/来源:南京晨报", [("蒋恒", A), ("卢斌", A)]),
        # a column's host (海峡都市报)
        ("N栏目主持 高敏", [("高敏", A)]),
        # a bullet after the label, an outlet in book-title marks before the role (解放军报's pages,
        # like `“青岛观”摄影师` in quotes)
        ("作者:■范江怀", [("范江怀", A)]),
        ("作者:■《中国国防报》记者 鲁文帝", [("鲁文帝", R)]),
        ("“青岛观”摄影师李勇智 摄", [("李勇智", P)]),
        # where the picture came from, in brackets after 摄 (中国军网), as `来源:` after names (南京晨报)
        ("周凯威 摄(图片来源:中国军网)", [("周凯威", P)]),
        # text and pictures by one hand, the two marks joined by 、 (今日女报 `文、图/辜鹏博`, 无锡日报 `陶洁/文、摄`)
        ("文、图/辜鹏博", [("辜鹏博", A), ("辜鹏博", P)]),
        ("(陶洁/文、摄)", [("陶洁", A), ("陶洁", P)]),
        ("文化、图书", []),
        # which picture a credit is for, before it (南通日报)
        ("(上图 记者李波摄)", [("李波", P)]),
        # a newsroom named 头条, after its paper's short name and a hyphen (北京青年报)
        ("文/北青-北京头条记者 宋霞", [("宋霞", R)]),
        # the text and photo marks run into the outlet (浏阳日报, 人民日报海外版 with the marks after)
        ("文/图浏阳市融媒体中心记者 彭红霞 陈启智", [("彭红霞", R), ("彭红霞", P), ("陈启智", R), ("陈启智", P)]),
        ("本报记者 吴亚明文/图", [("吴亚明", R), ("吴亚明", P)]),
        # the label, then the outlet and the desk, then the names (株洲日报); a desk cut at 编辑 is no editor
        ("策划/株洲日报编辑传播部 李支国 盛荣", [("李支国", E), ("盛荣", E)]),
        ("摄影/新华社 张三", [("张三", P)]),
        # 执行 before another label takes that label's role (株洲晚报)
        ("策划/邱峰 执行/株洲晚报融媒体记者 王军 杨凌凌", [("邱峰", E), ("王军", R), ("杨凌凌", R)]),
        # quotes around the outlet before a role word are no title (哈尔滨日报)
        ("“哈报手机记者” 门奎摄", [("门奎", P)]),
        # a guest writer's name, then their office or, in brackets, their institution (人民日报海外版, 常德日报, 光明日报)
        ("● 孙宝启  中国农业大学教授", [("孙宝启", A)]),
        ("(刘明 常德市人大常委会原主任)", [("刘明", A)]),
        ("沈丽华(中国社会科学院考古研究所)", [("沈丽华", A)]),
        # an office of a province's department (光明日报's speakers at a report meeting)
        ("周金中(河北省林业厅党组书记、厅长)", [("周金中", A)]),
    ],
)
def test_credit_forms(text, expected):
    assert people(parse_credit(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a photo label first: everyone after it is a photographer, whatever their label
        ("摄影:楚天都市报记者陈凌燕", [("陈凌燕", P)]),  # 楚天都市报
        ("拍摄者:本报记者 张方志", [("张方志", P)]),  # 襄阳晚报
        ("特约摄影 刘佳", [("刘佳", P)]),  # 运城晚报
        (
            "■ 本版摄影 记者 万善朝 梅月 冯树风 王陈陈",
            [(n, P) for n in ("万善朝", "梅月", "冯树风", "王陈陈")],
        ),  # 鹤壁日报
        (
            "本版摄影:高新生 栗卢建 尹春雷 肖继旺 邢兰富",
            [(n, P) for n in ("高新生", "栗卢建", "尹春雷", "肖继旺", "邢兰富")],
        ),
        ("组图/记者杨旭", [("杨旭", P)]),  # 潇湘晨报
        ("图:王湧 汪昊 胡蝶飞", [("王湧", P), ("汪昊", P), ("胡蝶飞", P)]),  # 上海法治报
        ("摄影:南方+拍客 余树勋", [("余树勋", P)]),  # 南方日报
        ("视频拍摄/制作:王姗姗", [("王姗姗", P)]),  # 中国青年报
        # a newsroom's release before the credit (新华社, 新华网, 中国新闻网)
        ("新华社发(高建中 摄)", [("高建中", P)]),
        ("新华网发(高山岳 摄)", [("高山岳", P)]),
        ("中新社发 吴水斌 摄", [("吴水斌", P)]),
        # where the photo came from, after 摄 (经济日报, 人民日报海外版, 光明网, 重庆日报)
        ("胡江涛摄(中经视觉)", [("胡江涛", P)]),
        ("涂 俊摄(中经视觉)", [("涂俊", P)]),
        ("刘贵雄摄(人民视觉)", [("刘贵雄", P)]),
        ("(光明网记者潘迪 摄/光明图片)", [("潘迪", P)]),
        ("记者 齐岚森 摄 视觉重庆", [("齐岚森", P)]),
        # a newsroom's or a group's name before the names (皖南晨刊, 中评社); traditional 攝
        ("市六小记者站 王世佺 摄", [("王世佺", P)]),
        ("(中評社 徐夢溪攝)", [("徐夢溪", P)]),
        ("[通讯员 寸春蕾 摄]", [("寸春蕾", P)]),  # 大理日报
        # names before the first label (赣南日报)
        ("刘霏 记者 刘水莲 摄", [("刘霏", P), ("刘水莲", P)]),
        # a credit for several photos (长沙晚报, 湖南日报)
        ("均为长沙晚报全媒体记者 郭雨滴 摄", [("郭雨滴", P)]),
        ("以上图片均由 湖南日报全媒体记者 唐俊 摄", [("唐俊", P)]),
        # 文/图 after the names: the text role and the photographer (郑州晚报, 扬州日报, 宁夏日报,
        # 人民日报海外版, 金华日报, 新民晚报, 宁波晚报)
        (
            "记者 孙庆辉 通讯员 张燕梅 文/图",
            [("孙庆辉", R), ("张燕梅", C), ("孙庆辉", P), ("张燕梅", P)],
        ),
        ("孙祖良 司新利 文/图", [("孙祖良", A), ("司新利", A), ("孙祖良", P), ("司新利", P)]),
        ("本报记者 左鸣远 文/图", [("左鸣远", R), ("左鸣远", P)]),
        ("本报记者 吴亚明文/图", [("吴亚明", R), ("吴亚明", P)]),
        ("记者 周垚 文/摄", [("周垚", R), ("周垚", P)]),
        ("雍和  图/文", [("雍和", A), ("雍和", P)]),
        ("(宁波晚报记者张培坚文/摄)", [("张培坚", R), ("张培坚", P)]),
        ("(王丽君/文 焦汉平/图)", [("王丽君", A), ("焦汉平", P)]),  # 大河网
        # 图/文 and 文 | 图 before the names (羊城晚报, 新湖南客户端, 国际在线, 华夏经纬网)
        ("□图/文 周国屏", [("周国屏", A), ("周国屏", P)]),
        ("文 | 图 湖南日报全媒体记者 郭立亮", [("郭立亮", R), ("郭立亮", P)]),
        ("(文/图 王华)", [("王华", A), ("王华", P)]),
        ("(文 /张晨 白云水 图/赵亮)", [("张晨", A), ("白云水", A), ("赵亮", P)]),
        # two credits on one line, each closed by its mark (新民晚报)
        (
            "本报记者 周国强 实习生 高宇辰 摄 本报记者 厉苒苒 文",
            [("周国强", P), ("高宇辰", P), ("厉苒苒", R)],
        ),
        # 摄影报道: the text role (author with no label) and the photographer (沧州晚报, 湖南日报,
        # 齐鲁晚报, 新快报, 闽南日报)
        ("吕依霖 摄影报道", [("吕依霖", A), ("吕依霖", P)]),
        ("张军 全明阳 摄影报道", [("张军", A), ("全明阳", A), ("张军", P), ("全明阳", P)]),
        (
            "本报记者 顾松 本报通讯员 许加元 摄影报道",
            [("顾松", R), ("许加元", C), ("顾松", P), ("许加元", P)],
        ),
        (
            "新快报记者 许婉婕 夏世焱 通讯员 江海潮摄影报道",
            [("许婉婕", R), ("夏世焱", R), ("江海潮", C), ("许婉婕", P), ("夏世焱", P), ("江海潮", P)],
        ),
        ("记者邹挺毅摄影报道", [("邹挺毅", R), ("邹挺毅", P)]),
        ("陈治普摄影", [("陈治普", P)]),  # 中国日报: 摄影 glued at the end
        # an aerial photo's credit (温州日报, 湛江日报), a reader's photo (浙江日报; 南方+'s 拍客)
        ("杨冰杰 航拍", [("杨冰杰", P)]),
        ("航拍/记者李忠", [("李忠", P)]),
        ("拍友 包响亮 摄", [("包响亮", P)]),
        # an at sign between the label and the name (新京报, 星球研究所), as ◎ between them
        ("摄影师@张殿文", [("张殿文", P)]),
        ("摄影师@姚远", [("姚远", P)]),
        ("摄影师@阿凡侬侬", [("阿凡侬侬", P)]),
        # a full stop after 摄 (人民日报, 咸宁日报)
        ("洪福乐摄。", [("洪福乐", P)]),
        ("咸宁日报全媒体记者袁灿摄。", [("袁灿", P)]),
        # rarer surnames: 郅 (人民日报 1979), the compound 完颜 (济宁日报)
        ("摄影:记者完颜文豪", [("完颜文豪", P)]),
    ],
)
def test_photo_credit_forms(text, expected):
    assert people(parse_credit(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # credits naming nobody (广州日报, 呼和浩特晚报, 中国青年报, 沧州晚报, 中国日报, 辽宁日报)
        "图/越秀区华乐街道提供",
        "本版图片均据新华社",
        "CFP供图",
        "受访者供图",
        "本报通讯员 摄",
        "(中国日报四川记者站)",
        "新华社发",
        "新华网发(西双版纳州融媒体中心 供图)",
        "光明日报调研组",
        "中共将乐县委通讯组 福建日报记者",
        "据新华社",
        # titles that look like names (长沙晚报, 长沙晚报 page headings) and words
        "游玩购物 商圈火爆",
        "管制路段示意图",
        "石家庄高新区",
        "陈述 申辩",
        "(资料图)",
        "(完)",
        # names run together with no label and no bracket stay text (古都网数字报): `丁艺苑武亚男`
        # cannot be told from a six-character heading
        "丁艺苑武亚男",
    ],
)
def test_names_nobody(text):
    assert parse_credit(text) is None


def test_run_together_names_split_by_surname_rank():
    """Five characters are 2+3 or 3+2: each piece must start with a surname of the table, and of
    two such splits the one whose surnames are commoner wins (刘 ranks above 江)."""
    assert people(parse_credit("记者卢磊邓少华")) == [("卢磊", R), ("邓少华", R)]  # 少 is no surname
    assert people(parse_credit("记者周浩刘江涛")) == [("周浩", R), ("刘江涛", R)]  # not 周浩刘 江涛
    assert people(parse_credit("记者欧阳瑞丰李四")) == [("欧阳瑞丰", R), ("李四", R)]  # compound surname
    assert parse_credit("记者从市教育局考试院获悉") is None  # no split into names: body text


def test_names_with_a_middle_dot():
    # No byline with such a name turned up in the look-up budget (SOURCES.md); the names are
    # real ones printed in 新疆 reports, in the shapes 新华社 uses.
    assert people(parse_credit("记者 伊力江·阿那依提 摄")) == [("伊力江·阿那依提", P)]
    assert people(parse_credit("本报记者 阿依努尔·毛吾力提 李四")) == [("阿依努尔·毛吾力提", R), ("李四", R)]


@pytest.mark.parametrize(
    ("text", "caption", "credit", "expected"),
    [
        # after the caption's last sentence (长沙晚报, 湖南日报)
        (
            "2024火宫殿春节大庙会吸引了众多游人围观。均为长沙晚报全媒体记者 郭雨滴 摄",
            "2024火宫殿春节大庙会吸引了众多游人围观。",
            "均为长沙晚报全媒体记者 郭雨滴 摄",
            [("郭雨滴", P)],
        ),
        (
            "活动现场，市民们正在参观展览。新华社发(高建中 摄)",
            "活动现场，市民们正在参观展览。",
            "新华社发(高建中 摄)",
            [("高建中", P)],
        ),
        (
            "活动现场，市民们正在参观展览。摄影:楚天都市报记者陈凌燕",
            "活动现场，市民们正在参观展览。",
            "摄影:楚天都市报记者陈凌燕",
            [("陈凌燕", P)],
        ),
        # caption and credit in one bracket: each keeps its bracket (湖南日报)
        (
            "(3月28日,沈晓明走访中央广播电视总台湖南总站。以上图片均由 湖南日报全媒体记者 唐俊 摄)",
            "(3月28日,沈晓明走访中央广播电视总台湖南总站。",
            "以上图片均由 湖南日报全媒体记者 唐俊 摄)",
            [("唐俊", P)],
        ),
        # a caption with no closing mark, a space, then a credit opening with its label (株洲日报)
        (
            "神农庙会现场 株洲日报全媒体记者/温琳 摄",
            "神农庙会现场",
            "株洲日报全媒体记者/温琳 摄",
            [("温琳", P)],
        ),
        # a work's title in book-title marks, as an exhibition prints it (达州日报)
        ("《三江交汇》 李开杰 摄", "《三江交汇》", "李开杰 摄", [("李开杰", P)]),
        # the paper glued to the photographer's name; the caption may hold a role word (新疆日报)
        (
            "在位于天山天池景区的哈萨克民族风情园,广东电视台记者(右一)身穿哈萨克族服饰与当地群众一起跳起了民间舞蹈 新疆日报阿扎提 摄",
            "在位于天山天池景区的哈萨克民族风情园,广东电视台记者(右一)身穿哈萨克族服饰与当地群众一起跳起了民间舞蹈",
            "新疆日报阿扎提 摄",
            [("阿扎提", P)],
        ),
    ],
)
def test_caption_credit_forms(text, caption, credit, expected):
    got = split_caption_credit(text)
    assert (got[0], got[1], people(got[2])) == (caption, credit, expected)


@pytest.mark.parametrize(
    "text",
    [
        "记者 孙庆辉 通讯员 张燕梅 文/图",  # a credit, not a caption: a role word before the space
        "活动现场，市民们正在参观展览。本版图片均据新华社",  # names nobody
        "活动现场，市民们正在参观展览。(记者 张三)",  # no photographer: a closing byline
    ],
)
def test_not_a_caption_credit(text):
    assert split_caption_credit(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【编辑:张萌】", [("张萌", E)]),  # 长沙晚报
        ("【责任编辑:姜继葆】", [("姜继葆", E)]),  # 中国青年报
        ("【责任编辑:詹丹】", [("詹丹", E)]),  # 福州新闻网
        ("責任編輯: 李知微", [("李知微", E)]),  # 香港文匯網
        ("责任编辑王德静", [("王德静", E)]),  # 鄂州日报
        ("统筹:姚彤 设计:晁瑾", [("姚彤", E), ("晁瑾", "designer")]),  # 天山网
        # who passed a web page, numbered: 新湖南客户端, 华声在线
        ("一审:黄思婷", [("黄思婷", E)]),
        ("二审:曾益", [("曾益", E)]),
        ("三审:刘建光", [("刘建光", E)]),
        # 执行 names no one: its names take the label before (株洲日报)
        ("策划/执行 李卉 郭亮", [("李卉", E), ("郭亮", E)]),
    ],
)
def test_staff_lines(text, expected):
    assert people(parse_staff_line(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who made the graphic, marked after the name as 文 and 摄 are
        ("涂涌/文 周滔/制图", [("涂涌", "author"), ("周滔", "designer")]),  # 贵州日报
        ("杜明阳 制图", [("杜明阳", "designer")]),  # 烟台晚报
        (
            "扬子晚报/紫牛新闻记者 张可/文 张笑疾/制作",  # 扬子晚报
            [("张可", "reporter"), ("张笑疾", "designer")],
        ),
        # before the names the same words are labels, as they were
        ("制图:汪哲平", [("汪哲平", "designer")]),  # 人民日报
        ("视频拍摄/制作:王姗姗", [("王姗姗", "photographer")]),  # 中国青年报
    ],
)
def test_a_design_mark_after_the_names(text, expected):
    assert people(parse_credit(text)) == expected


def test_names_closed_by_a_design_mark_alone_are_page_staff():
    # 烟台晚报's front page: the graphic's maker, as `制图:汪哲平` before the name is
    assert people(parse_staff_line("杜明阳 制图")) == [("杜明阳", "designer")]
    # with a writer they sign a story: not staff
    assert parse_staff_line("涂涌/文 周滔/制图") is None


def test_a_credit_closed_by_a_design_mark_ends_its_story():
    # 扬子晚报 2024: the trailing credit line is no paragraph, and the title above it no subhead
    path = CORPUS / "yzwb" / "yzwb_20240526_A5.txt"
    items = parse_page(path.read_bytes(), source=path.name).items
    last = items[-1]
    assert last.headline == "南京全市悬挂3.1万多组红灯笼、中国结迎新春"
    assert last.bylines == ("扬子晚报/紫牛新闻记者 张可/文 张笑疾/制作",)
    assert people(last.people) == [("张可", "reporter"), ("张笑疾", "designer")]


def test_staff_lines_are_page_furniture():
    page = parse_page(
        "测试新闻标题在这里\n\n本市近日举行了一次活动，现场气氛热烈。\n\n【编辑:张萌】\n\n責任編輯: 李知微\n".encode(),
        source="page.txt",
    )
    staff = [(f.text, people(f.people)) for f in page.furniture if f.kind == "staff"]
    assert staff == [("【编辑:张萌】", [("张萌", E)]), ("責任編輯: 李知微", [("李知微", E)])]
    assert all(not item.people for item in page.items)


def test_a_release_is_no_dateline():
    # 新华社 and 新华网 photos (xinhua_20211220_A03, bylines.jsonl): credits, not leads
    assert parse_lead("新华社发(王继林 摄)") is None
    assert parse_lead("新华网发(高山岳 摄)") is None
    assert people(parse_credit("新华社发(王继林 摄)")) == [("王继林", P)]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("本报太原专电 全国工人报刊工作会议暨工人报刊研究会第三届年会,于本月10—14日在山西太原召开。", "本报太原专电"),
        (
            "本报莫斯科5月18日电 中共中央总书记、中华人民共和国中央军委主席江泽民结束了富有成果的莫斯科访问",
            "本报莫斯科5月18日电",
        ),
    ],
)
def test_a_newsroom_dateline_with_its_place_opens_a_story_with_no_credit(text, dateline):
    lead = parse_lead(text)
    assert lead is not None and lead.dateline == dateline and not lead.people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("…毕竟职工是企业的主力军。 读者 薛芳玲", {("薛芳玲", "author")}),
        ("…。读者 可以通过", None),
    ],
)
def test_a_reader_signs_a_letter_at_its_end(text, people):
    glued = split_glued_credit(text)
    found = {(p.name, p.role) for p in glued[2]} if glued else None
    assert found == people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("胡社友 摄", [("胡社友", "photographer")]),  # 工人日报: a name with 社 inside
        ("新华社 摄", []),  # an outlet, nobody named
        ("中新社 摄", []),
    ],
)
def test_a_name_holding_an_outlet_suffix_is_still_a_name(text, expected):
    assert people(parse_credit(text)) == expected


def test_names_in_brackets_glued_after_the_last_sentence_sign_the_story():
    """工人日报 prints the authors of a brief glued after its last 。: `(刘丽萍 顾威)`; `(完)` is no one."""
    glued = split_glued_credit(
        "工会组织全局11个文化宫成员陆续走进金州等13个站区,组织职工开展趣味娱乐活动,受到职工欢迎。该活动将持续到6月底。(刘丽萍 顾威)"
    )
    assert glued is not None and people(glued[2]) == [("刘丽萍", "author"), ("顾威", "author")]
    assert glued[0].endswith("6月底。")
    assert split_glued_credit("会议在热烈的掌声中结束。(完)") is None


def test_a_story_signed_in_brackets_ends_before_the_photo_under_it():
    """The brief ends at its glued `(刘丽萍 顾威)`; the caption after it, with `胡社友 摄` glued to its
    last sentence, is a photo of its own (工人日报)."""
    page = parse_page((CORPUS / "grrb" / "grrb_20160111_02.txt").read_bytes(), source="grrb_20160111_02.txt")
    brief = next(i for i in page.items if i.headline == "沈铁局工会送欢乐到基层")
    assert people(brief.people) == [("刘丽萍", "author"), ("顾威", "author")]
    photo = page.items[-1]
    assert photo.kind == "photo" and people(photo.people) == [("胡社友", "photographer")]
    assert photo.paragraphs[0].startswith("1月14日晚") and not any("1月14日晚" in p for p in brief.paragraphs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # real bylines of seven outlets (tests/importers/corpus/bylines/bylines.jsonl)
        ("株洲晚报融媒体记者/谢慧 (图/文)", [("谢慧", "reporter"), ("谢慧", "photographer")]),
        ("新湖南记者 张浩 陈普庄 周洋", [("张浩", "reporter"), ("陈普庄", "reporter"), ("周洋", "reporter")]),
        ("北欧绿色邮报网特派记者陈雪霏安徽黄山报道", [("陈雪霏", "reporter")]),
        ("(曾谙 摄于2016年3月21日)", [("曾谙", "photographer")]),
        ("(“青岛观”摄影师李勇智 摄)", [("李勇智", "photographer")]),
        ("记者 叶海 文\\摄", [("叶海", "reporter"), ("叶海", "photographer")]),
    ],
)
def test_credit_forms_of_more_outlets(text, expected):
    assert people(parse_credit(text)) == expected


def test_a_station_reporter_in_a_dated_lead():
    lead = parse_lead("红网保靖站9月3日讯(分站记者 彭司进 通讯员 田方)近日,")
    assert lead.dateline == "红网保靖站9月3日讯"
    assert people(lead.people) == [("彭司进", "reporter"), ("田方", "correspondent")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("兴平市66号信箱杨晓勇", [("杨晓勇", "author")]),  # a reader's letter, 陕西工人报
        ("□首发集团八达岭分公司京新收费所 吕文静", [("吕文静", "author")]),  # a worker's piece, 劳动午报
        ("西安市新城区工会", []),  # a place over a title, nobody signs
    ],
)
def test_a_writer_signs_with_a_workplace_before_the_name(text, expected):
    assert people(parse_credit(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # real bylines (tests/importers/corpus/bylines/bylines.jsonl)
        ("文丨陈惠芳", [("陈惠芳", "author")]),  # web copy divides label and name with a bar
        ("◇记者 金振华 文/图", [("金振华", "reporter"), ("金振华", "photographer")]),  # ◇ as □ and ■
        ("○记者刘念海文/图", [("刘念海", "reporter"), ("刘念海", "photographer")]),  # ○ too, the marks glued
        ("□大河报 记者孟冉文图", [("孟冉", "reporter"), ("孟冉", "photographer")]),  # 文图 glued to the name
        # the paper glued to a photographer's name that no surname of the table starts (新疆日报, 新疆经济报)
        ("新疆日报阿扎提 摄", [("阿扎提", "photographer")]),
        ("新疆经济报高原玲子 摄", [("高原玲子", "photographer")]),
        ("湘阴周刊记者郭雨滴摄", [("郭雨滴", "photographer")]),  # a weekly's name glued to the label
        ("秦国君 摄于新津区廊桥广场", [("秦国君", "photographer")]),  # where it was taken (成都商报), as when
        ("(周 健 刘星野 曹 莉)", [("周健", "author"), ("刘星野", "author"), ("曹莉", "author")]),  # padded pairs
        ("说 走 就 走", []),  # single characters pair up with no label only as surname and name
    ],
)
def test_bars_diamonds_and_padded_pairs_of_unlabelled_names(text, expected):
    assert people(parse_credit(text) or ()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "wrote and photographed" spelt out: after the names (中国青年报), before them (人民画报)
        ("本报记者 包丽敏文并摄", [("包丽敏", "reporter"), ("包丽敏", "photographer")]),
        ("本报记者 包丽敏 文并摄", [("包丽敏", "reporter"), ("包丽敏", "photographer")]),
        ("撰文并摄影 本报特约记者 徐力群", [("徐力群", "reporter"), ("徐力群", "photographer")]),
        # not 文摄: a name ending in 文 before 摄 (光明日报's 新华社发(宋文摄))
        ("宋文摄", [("宋文", "photographer")]),
    ],
)
def test_wrote_and_photographed_spelt_out(text, expected):
    assert people(parse_credit(text) or ()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two words of how the reporting was done, run together after the names (洛阳晚报, 红网)
        ("(记者 孟国庆 采访整理)", [("孟国庆", "reporter")]),
        ("红网时刻编辑 冯竞萱 整理报道 摄影 彭福宗", [("冯竞萱", "editor"), ("彭福宗", "photographer")]),
    ],
)
def test_two_reporting_words_after_the_names(text, expected):
    assert people(parse_credit(text) or ()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label printed with its characters spaced out, as short names are (衡阳晚报, 大众日报, 长城网)
        ("实  习 生   雷海琼", [("雷海琼", "intern")]),
        (
            "□记 者 孙亚飞 通讯员 赵玉国 耿红妍 报道",
            [("孙亚飞", "reporter"), ("赵玉国", "correspondent"), ("耿红妍", "correspondent")],
        ),
        ("摄 像:张瑞雨 耿佳", [("张瑞雨", "photographer"), ("耿佳", "photographer")]),
        # who wrote a video's or a poster's words (长城网, 中国航天报)
        ("文 案:张瑞雨", [("张瑞雨", "author")]),
        ("文案/张晓宁、胡蓝月", [("张晓宁", "author"), ("胡蓝月", "author")]),
        # a spaced-out pair that is no label stays a name
        ("记者 袁  泉", [("袁泉", "reporter")]),
    ],
)
def test_labels_spaced_out(text, expected):
    assert people(parse_credit(text) or ()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a video's jobs name no role: the role word after them does (湛江云媒, 新湖南), or the label before
        (
            "文/记者曹龙彬 特约通讯员谭总 航拍/记者李忠 视频/记者白迪文",
            [("曹龙彬", "reporter"), ("谭总", "correspondent"), ("李忠", "photographer"), ("白迪文", "reporter")],
        ),
        (
            "视频:通讯员陈红旭 王子骜 沈威",
            [("陈红旭", "correspondent"), ("王子骜", "correspondent"), ("沈威", "correspondent")],
        ),
        # and a job among the labels before the names adds none (南方日报, 新湖南客户端)
        ("摄影/剪辑/采写:南方+记者 叶志文", [("叶志文", "reporter"), ("叶志文", "photographer")]),
        ("文字/拍摄/剪辑:胡雪怡", [("胡雪怡", "author"), ("胡雪怡", "photographer")]),
        # 视频 before a role word is a modifier of it
        ("视频记者 王姗姗", [("王姗姗", "reporter")]),
    ],
)
def test_a_video_s_jobs_name_no_role(text, expected):
    assert people(parse_credit(text) or ()) == expected


def test_an_editor_label_spaced_out():
    assert people(parse_staff_line("编 辑:刘姝彤")) == [("刘姝彤", "editor")]  # 常宁市融媒体中心


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who wrote, then who took the photos, with no slash (郑州日报), or the text mark run on (成都日报, 人民法院报)
        ("郑州全媒体新闻中心记者 裴 蕾 文 廖 谦 图", [("裴蕾", "reporter"), ("廖谦", "photographer")]),
        ("本报记者 刘梦丹文 新华社记者 王 松摄", [("刘梦丹", "reporter"), ("王松", "photographer")]),
        ("杨翘楚文", [("杨翘楚", "author")]),
        ("记者 欧阳雅文", [("欧阳雅文", "reporter")]),  # a compound surname's name ends in 文
    ],
)
def test_a_text_credit_mark_before_a_photo_credit(text, expected):
    assert people(parse_credit(text) or ()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新华每日电讯记者陈聪、魏弘毅", [("陈聪", "reporter"), ("魏弘毅", "reporter")]),  # a newsroom's 电讯
        ("四川在线记者 李强 卢春阳", [("李强", "reporter"), ("卢春阳", "reporter")]),  # a web outlet's 在线
    ],
)
def test_outlets_named_dispatch_and_online(text, expected):
    assert people(parse_credit(text) or ()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name glued to the label starts with a surname; the names listed after it need not
        ("本报记者王明浩、乌梦达、夏子麟", [("王明浩", "reporter"), ("乌梦达", "reporter"), ("夏子麟", "reporter")]),
        (
            "新华每日电讯记者田朝晖、王京雪、徐欧露",
            [("田朝晖", "reporter"), ("王京雪", "reporter"), ("徐欧露", "reporter")],
        ),
        # an outlet with no suffix glued to the label; several outlets before it
        ("读特记者 齐霁 文/ 图", [("齐霁", "reporter"), ("齐霁", "photographer")]),
        ("新安晚报 安徽网 大皖客户端记者 顾亦飞", [("顾亦飞", "reporter")]),
        # a reporter posted abroad
        ("文/图 本报特派斯德哥尔摩记者 张丹", [("张丹", "reporter"), ("张丹", "photographer")]),
        # a trainee's note turns the reporter into an intern, not the photographer
        ("新华日报·交汇点记者 邓宇轩 范宏瑞(实习)", [("邓宇轩", "reporter"), ("范宏瑞", "intern")]),
        ("拍摄:张启明(实习)", [("张启明", "photographer")]),
        # who gave the tip is no credit (洛阳晚报, 郑州晚报)
        ("晚报记者 朱东一 摄 线索提供 许涛", [("朱东一", "photographer")]),
        (
            "晚报记者 董占卿 实习生 袁野/文 晚报记者 张翼飞/图 线索提供 雷先生",
            [("董占卿", "reporter"), ("袁野", "intern"), ("张翼飞", "photographer")],
        ),
    ],
)
def test_lists_outlets_postings_and_notes_in_credits(text, expected):
    assert sorted(people(parse_credit(text))) == sorted(expected)


def test_a_name_glued_before_a_label_stays_a_name():
    assert people(parse_lead("本报讯(陈华见习记者杨一)本市近日").people) == [("陈华", "author"), ("杨一", "reporter")]


@pytest.mark.parametrize(
    ("text", "dateline", "expected"),
    [
        ("兴安资讯网讯(记者黄晓燕)本市近日", "兴安资讯网讯", [("黄晓燕", "reporter")]),  # 讯 of 资讯 is no dateline
        (
            "据《广西日报》消息(记者郭亚琼 通讯员黄诗谊)本市",
            "据《广西日报》消息",
            [("郭亚琼", "reporter"), ("黄诗谊", "correspondent")],
        ),
        ("□快报讯(通讯员 深替 记者 吕远)本市", "快报讯", [("深替", "correspondent"), ("吕远", "reporter")]),
        ("本报讯:(记者 李博 徐洪波)欢呼、雀跃", "本报讯", [("李博", "reporter"), ("徐洪波", "reporter")]),
        ("本报昆明11月20日电 记者宣宇才报道 本市", "本报昆明11月20日电", [("宣宇才", "reporter")]),
    ],
)
def test_datelines_of_sites_quoted_papers_bullets_and_colons(text, dateline, expected):
    lead = parse_lead(text)
    assert lead.dateline == dateline
    assert people(lead.people) == expected


@pytest.mark.parametrize(
    ("text", "byline", "expected", "rest"),
    [
        # 中国妇女报: the credit ends where it was filed from, the text after a space
        (
            "中国妇女报·中国妇女网记者许真学 任然 发自成都 为积极响应号召",
            "中国妇女报·中国妇女网记者许真学 任然 发自成都",
            [("许真学", "reporter"), ("任然", "reporter")],
            "为积极响应号召",
        ),
        # 时代周报 (bylines.jsonl)
        (
            "时代周报记者 李兮言 发自广州 近日,本市",
            "时代周报记者 李兮言 发自广州",
            [("李兮言", "reporter")],
            "近日,本市",
        ),
    ],
)
def test_a_lead_that_says_where_it_was_filed_from(text, byline, expected, rest):
    lead = parse_lead(text)
    assert (lead.byline, people(lead.people), lead.rest) == (byline, expected, rest)


def test_text_that_says_filed_from_is_no_lead():
    assert parse_lead("他说,记者发自内心地 感谢大家") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named person supplied the photo and took it (宝鸡日报; 中国农民合作社, where they work first)
        ("颜永莉供图", [("颜永莉", "photographer")]),
        ("(山东省东平县农村经营管理办公室 井立义 供图)", [("井立义", "photographer")]),
        # a reporter's credit, then the body that supplied the photo (株洲晚报, 株洲日报)
        ("记者/王军 供图", [("王军", "reporter")]),
        # bodies and nobody (桂林日报, 中国青年报, 株洲晚报, 长沙晚报)
        ("(兴坪镇供图)", []),
        ("受访者供图", []),
        ("被访者/供图", []),
        ("通讯员供图", []),
        ("雨花经开区供图", []),
        ("芦淞区委宣传部供图", []),
    ],
)
def test_who_a_supplied_photo_credits(text, expected):
    assert people(parse_credit(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the outlet run into the one name a mark closes (宝鸡日报 printing 西安日报's photo; 人民网)
        ("(西安日报尚洪涛摄)", [("尚洪涛", "photographer")]),
        ("人民网刘军摄", [("刘军", "photographer")]),
        # names with an outlet's suffix inside stay names
        ("胡社友 摄", [("胡社友", "photographer")]),
        ("李报春摄", [("李报春", "photographer")]),
    ],
)
def test_an_outlet_glued_to_the_photographer_s_name(text, expected):
    assert people(parse_credit(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 大众日报: how the reporting was done, then the next label
        (
            "(大众日报客户端记者 杨淑栋 刘斐 通讯员 田辰珉 报道 策划 王金龙 兰传斌)",
            [
                ("杨淑栋", "reporter"),
                ("刘斐", "reporter"),
                ("田辰珉", "correspondent"),
                ("王金龙", "editor"),
                ("兰传斌", "editor"),
            ],
        ),
        # 《瞭望》新闻周刊 (a WeChat-era bar), 中国国防报: the outlet in book-title marks, the rest of its name after them
        ("文 |《瞭望》新闻周刊记者 王皓", [("王皓", "reporter")]),
        ("《中国国防报》记者 王皓", [("王皓", "reporter")]),
        # 团结报: a school reporter, the school in brackets after the name
        ("“两会”小记者 王梓璇(吉大师院附小教育集团附属小学五年级2班)", [("王梓璇", "reporter")]),
        # 湖南理工学院新闻网: who passed the piece
        (
            "(记者/肖涛 排版/蒋雯 责辑/周祎 主审/肖涛 终审/石军)",
            [("肖涛", "reporter"), ("蒋雯", "designer"), ("周祎", "editor"), ("肖涛", "editor"), ("石军", "editor")],
        ),
    ],
)
def test_credits_of_web_era_and_school_reporters(text, expected):
    assert people(parse_credit(text)) == expected


def test_a_caption_glued_to_its_credit_keeps_its_quoted_words():
    """天津日报: `老外交官参观“三五八十”成就展本报记者宋子明祁小龙摄`: the quotes are the caption's, not an outlet's."""
    assert parse_credit("老外交官参观“三五八十”成就展本报记者宋子明祁小龙摄") is None


@pytest.mark.parametrize(
    ("text", "dateline", "byline", "rest"),
    [
        # 人民日报 1956: the day alone in a wire's and the paper's own dateline, no credit
        ("新华社武汉3日电 武汉钢铁联合企业", "新华社武汉3日电", "", "武汉钢铁联合企业"),
        ("本报酒泉3日电 兰州、酒泉和塔尔丁之间", "本报酒泉3日电", "", "兰州、酒泉和塔尔丁之间"),
        # 人民日报 2000: the newsroom's reporters credited as a body
        (
            "据新华社北京3月24日电 综合本社驻外记者报道:塞拉利昂、津巴布韦",
            "据新华社北京3月24日电",
            "据新华社北京3月24日电 综合本社驻外记者报道:",
            "塞拉利昂、津巴布韦",
        ),
    ],
)
def test_datelines_of_the_day_alone_and_collective_credits(text, dateline, byline, rest):
    lead = parse_lead(text)
    assert (lead.dateline, lead.byline, lead.people, lead.rest) == (dateline, byline, (), rest)


@pytest.mark.parametrize(
    ("position", "text", "expected"),
    [
        # a name before 报道 (新疆日报) against a place (潇湘晨报's 岳阳, 大公报's 安阳 glued to the last name)
        ("lead", "新疆日报讯(记者赵西娅 张蓓报道)今天", [("赵西娅", "reporter"), ("张蓓", "reporter")]),
        ("trailing", "潇湘晨报记者 曾羽璇 章杨梓昕 岳阳报道", [("曾羽璇", "reporter"), ("章杨梓昕", "reporter")]),
        (
            "trailing",
            "/大公报实习记者 简峰、龚闰通、彭晨晖、张慧娜、张善雅安阳报道",
            [
                ("简峰", "intern"),
                ("龚闰通", "intern"),
                ("彭晨晖", "intern"),
                ("张慧娜", "intern"),
                ("张善雅", "intern"),
            ],
        ),
        # a boxed dateline in traditional characters, the credit after it (香港商报)
        ("lead", "【香港商報訊】記者郭美勤、黃凌媛報道:今天", [("郭美勤", "reporter"), ("黃凌媛", "reporter")]),
        # the text mark before a semicolon, then the photographers (新疆日报)
        (
            "standalone",
            "记者 吕洋 文;记者 查金辉 王迪 吴章杰 摄",
            [("吕洋", "reporter"), ("查金辉", "photographer"), ("王迪", "photographer"), ("吴章杰", "photographer")],
        ),
        # under a byline's mark the outlet runs into 记者 and the name (半月谈)
        ("standalone", "□半月谈记者邬慧颖", [("邬慧颖", "reporter")]),
        # a site's slash before the credit; the outlet before a slash, a drone before 摄 (大公报, 新华网)
        ("credit", "/实习记者张辰宇摄", [("张辰宇", "photographer")]),
        ("credit", "新华网/李安,无人机摄于2019年7月4日", [("李安", "photographer")]),
        # two names of two characters, none a word, signing a story at its end (芜湖日报, 阜阳日报)
        ("trailing", "李杰 李庆", [("李杰", "author"), ("李庆", "author")]),
        # five names run together before 摄 (石家庄日报; 郄 is a surname)
        (
            "credit",
            "尉战魁郄磊李青张海强崔婉摄",
            [
                ("尉战魁", "photographer"),
                ("郄磊", "photographer"),
                ("李青", "photographer"),
                ("张海强", "photographer"),
                ("崔婉", "photographer"),
            ],
        ),
    ],
)
def test_credits_of_blind_round_one_pages(position, text, expected):
    if position == "lead":
        assert people(parse_lead(text).people) == expected
    else:
        assert people(parse_credit(text)) == expected


def test_two_words_are_no_signature():
    assert parse_credit("陈述 申辩") is None
    assert parse_credit("金融 石油") is None


def test_reporting_staff_of_the_wire_and_the_army():
    # 新华社 and army video credits: 报道员, listed with 、 or spaces
    assert people(parse_credit("报道员:时秀霞、穆智慧、吴国强")) == [
        ("时秀霞", "correspondent"),
        ("穆智慧", "correspondent"),
        ("吴国强", "correspondent"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an outlet's name with a digit and a hyphen glued to the label (第1眼, 重庆广电's app)
        ("第1眼-重庆广电记者 伏毅 李翾", [("伏毅", "reporter"), ("李翾", "reporter")]),
        # a mark between label and name; a magazine's lead writer (三联生活周刊)
        ("主笔◎王恺   摄影◎张雷", [("王恺", "author"), ("张雷", "photographer")]),
        # who wrote and who shot, each labelled (中新社); 文字记者 stays a reporter
        ("文字:郑东 摄影:中新社记者刘震", [("郑东", "author"), ("刘震", "photographer")]),
        ("本报文字记者 王明 摄影记者 李四", [("王明", "reporter"), ("李四", "photographer")]),
        # two names of two characters run together after the label (人民日报 1999); a compound surname's four stay one
        ("本报记者陈昭薛原", [("陈昭", "reporter"), ("薛原", "reporter")]),
        ("记者 欧阳娜娜", [("欧阳娜娜", "reporter")]),
    ],
)
def test_credits_of_apps_and_magazines(text, expected):
    assert people(parse_credit(text)) == expected


@pytest.mark.parametrize(
    ("name", "signs"),
    [
        ("郑临临", True),  # 浙江老年报 (bylines.jsonl)
        ("金海亮", True),
        ("徐林", True),
        ("南京", False),  # a place, a word of the dictionary: a subhead or the next title's kicker
        ("江南", False),
    ],
)
def test_a_name_alone_under_a_story_s_last_paragraph_signs_it(name, signs):
    page = parse_page(
        f"测试新闻标题在这里\n\n本市近日举行了一次活动，现场气氛热烈。\n\n活动吸引了不少市民参加。\n\n{name}\n".encode(),
        source="page.txt",
    )
    assert [people(item.people) for item in page.items] == [[(name, "author")] if signs else []]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a site relaying a paper's report (中国甘肃网 for 西部商报, 兰州晚报)
        ("中国甘肃网11月7日讯 据西部商报报道(记者 华群生 王新存 金奉乾)本市", ["华群生", "王新存", "金奉乾"]),
        ("中国甘肃网5月25日讯 据兰州晚报报道(记者仲玉琦)本市", ["仲玉琦"]),
    ],
)
def test_a_relayed_report_s_credit(text, expected):
    assert [p.name for p in parse_lead(text).people] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(来源:厦门日报 记者 柯笛)", [("柯笛", "reporter")]),  # where it came from, then who wrote it
        ("来源: 钱江晚报 记者 张冰清", [("张冰清", "reporter")]),
        ("唐豆子摄/中新社", [("唐豆子", "photographer")]),  # the newsroom that released the photo
        ("(郅振璞)", [("郅振璞", "author")]),  # a rarer surname (人民日报 1979)
        ("YMG记者 刘向阳", [("刘向阳", "reporter")]),  # 烟台日报传媒集团's initials before the role, as 南都
    ],
)
def test_sources_around_a_credit(text, expected):
    assert people(parse_credit(text)) == expected


@pytest.mark.parametrize("text", ["雅安观察 黄刚", "宜宾观察 曹洋"])
def test_a_city_news_app_before_its_writer(text):
    # 雅安观察, 宜宾观察: cities' news apps, the writer after them
    assert people(parse_credit(text)) == [(text.split()[-1], "author")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a guest writer's office before the name (人民日报 2002 and 2011, 陕西日报)
        ("美中关系全国委员会会长 何立强", [("何立强", "author")]),
        ("人民日报社评论部政论研究室副主编 张 铁", [("张铁", "author")]),
        ("平利县融媒体中心总编辑  陈力", [("陈力", "author")]),
        # a writer signing after a dash, a note on who they are after the name (新疆日报, 梅州日报, 宁波晚报)
        ("——房华", [("房华", "author")]),
        ("——木禾", [("木禾", "author")]),
        ("——午歌(青年作家、海曙区作家协会副主席)", [("午歌", "author")]),
        # a long desk's name glued to the label (人民日报 2011)
        ("人民日报社经济社会部农村采访室记者  陈仁泽", [("陈仁泽", "reporter")]),
    ],
)
def test_an_office_or_a_desk_before_the_name(text, expected):
    assert people(parse_credit(text) or ()) == expected


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        # newsrooms joined by a middle dot, a rank before 记者 (湖南日报, 株洲日报, 大众日报)
        ("湖南日报·新湖南客户端首席记者 郭立亮", [("郭立亮", "reporter")]),
        ("株洲日报·掌上株洲记者/邹怡敏", [("邹怡敏", "reporter")]),
        ("大众报业·大众日报客户端记者 马章安", [("马章安", "reporter")]),
    ],
)
def test_a_long_newsroom_s_credit_glued_after_the_last_sentence(credit, expected):
    glued = split_glued_credit("3月21日,湘潭市工人文化宫项目施工现场,工人正在加紧作业。" + credit)
    assert glued is not None and glued[1] == credit and people(glued[2]) == expected


@pytest.mark.parametrize(
    ("text", "dateline", "expected"),
    [
        ("红网时刻2月15 日讯(记者 颜洪 通讯员 严丹)", "红网时刻2月15 日讯", [("颜洪", R), ("严丹", C)]),
        ("株洲日报2 月5日讯(记者高晓燕 通讯员刘音宝)", "株洲日报2 月5日讯", [("高晓燕", R), ("刘音宝", C)]),
    ],
)
def test_a_space_the_extraction_left_inside_a_dateline_s_date(text, dateline, expected):
    assert lead_of(text)[0] == dateline and lead_of(text)[3] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 中国社会科学报, 滁州 (yybnet): the label heads the credit; the writer marked `/文` is a reporter too
        ("本报记者 王宙/摄 张微/文", [("王宙", P), ("张微", R)]),
        ("(记者卢志永/图 包增光/文)", [("卢志永", P), ("包增光", R)]),
        # each with its own label, as before
        ("本报记者 周国强 摄 本报记者 厉苒苒 文", [("周国强", P), ("厉苒苒", R)]),
        # no label: who wrote is the author, who took the photos the photographer, in either order
        ("裴 蕾 文 廖 谦 图", [("裴蕾", A), ("廖谦", P)]),
        ("杨佐桓摄 赵曦臣文", [("杨佐桓", P), ("赵曦臣", A)]),  # 人民日报 1994, the marks glued
    ],
)
def test_a_label_heading_a_credit_covers_the_writer_marked_after_the_photographer(text, expected):
    assert people(parse_credit(text)) == expected


def test_an_outlet_in_book_title_marks_after_another_outlet_s_names():
    """新华社 copy with a local paper's reporter: `(新华社记者钱咏虹、《内蒙古日报》记者杨佐坤)`."""
    lead = lead_of("新华社呼和浩特4月22日电(新华社记者钱咏虹、《内蒙古日报》记者杨佐坤)")
    assert lead[0] == "新华社呼和浩特4月22日电" and lead[3] == [("钱咏虹", R), ("杨佐坤", R)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where it was filed, before `摄影报道` (封面新闻; 华夏时报's `…记者周南 日喀则摄影报道` in the byline file):
        # no one's name
        ("封面新闻记者 杜江茜 梁家旗 北京摄影报道", [("杜江茜", R), ("梁家旗", R), ("杜江茜", P), ("梁家旗", P)]),
        ("记者周南 日喀则摄影报道", [("周南", R), ("周南", P)]),
        ("湖南日报记者 郭立亮 田超 摄影报道", [("郭立亮", R), ("田超", R), ("郭立亮", P), ("田超", P)]),
    ],
)
def test_the_place_a_photo_report_was_filed_from_is_nobody(text, expected):
    assert people(parse_credit(text)) == expected


@pytest.mark.parametrize(
    ("text", "rest", "tag"),
    [
        ("(新华社)", "", "(新华社)"),  # 人民日报 1998: on a line of its own under a brief
        ("(新华社电)", "", "(新华社电)"),  # 人民日报 2001
        ("……工程日前正式开工。(新华社电)", "……工程日前正式开工。", "(新华社电)"),
        ("…两亿法郎。(法新社)", "…两亿法郎。", "(法新社)"),  # 参考消息, as before
    ],
)
def test_the_newsroom_a_story_was_taken_from_closes_it_names_nobody(text, rest, tag):
    assert split_source_tag(text) == (rest, tag)
    assert split_source_tag("(刘丽萍 顾威)") is None and split_source_tag("(完)") is None


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        # the source that supplied the photo set apart by a space (株洲日报 2022, 新华网 2025)
        ("时代社区居民领到春节爱心大礼包。受访者 供图", "时代社区居民领到春节爱心大礼包。", "受访者 供图"),
        ("雨林里的象群。西双版纳州融媒体中心 供图", "雨林里的象群。", "西双版纳州融媒体中心 供图"),
    ],
)
def test_a_spaced_supplied_credit_ends_a_caption_naming_nobody(text, caption, credit):
    assert split_caption_credit(text) == (caption, credit, ())


@pytest.mark.parametrize(
    ("text", "byline", "rest"),
    [
        # a colon after the bracket closes the credit, as after 报道 (吉林日报 2018, 国际在线 河南频道)
        ("吉林日报5月29日讯(记者 曹梦南):今天晚上,吉林省", "吉林日报5月29日讯(记者 曹梦南):", "今天晚上,吉林省"),
        ("国际在线河南频道消息(张雨晴 实习生 闫丽伟):近日,", "国际在线河南频道消息(张雨晴 实习生 闫丽伟):", "近日,"),
    ],
)
def test_a_colon_after_a_bracketed_lead_stays_with_the_credit(text, byline, rest):
    lead = parse_lead(text)
    assert (lead.byline, lead.rest) == (byline, rest)


def test_an_office_of_two_titles_before_the_writer():
    # 人民日报 2024: `院长、教授` (the 2000 and 2011 forms above have one)
    assert people(parse_credit("复旦大学新闻学院院长、教授 张涛甫")) == [("张涛甫", "author")]


def test_a_media_groups_latin_initials_before_the_role_in_a_lead():
    # 烟台日报传媒集团's YMG (烟台晚报 2021 `YMG全媒体记者 杨春娜摄`; 齐鲁晚报's copy of 烟台日报 `本报讯(YMG记者侯召溪)`)
    assert people(parse_lead("本报讯(YMG记者侯召溪)近日,").people) == [("侯召溪", "reporter")]
    assert parse_credit("邮箱abc@qq.com") is None  # an at sign in an address is no credit


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        # pen names and given names alone, no surname of the table (工人日报, 文艺报 padded, 中国体育报, 陕西工人报)
        ("(晓溪)", [("晓溪", A)]),
        ("(杉 文)", [("杉文", A)]),
        ("(轧学超)", [("轧学超", A)]),
        ("(炳坤 忠斌)", [("炳坤", A), ("忠斌", A)]),
        # notes in brackets closing a text are no one: the end, a cut, a source, an agency, a jump
        ("(完)", None),
        ("(有删节)", None),
        ("(据报道)", None),
        ("(下同)", None),
        ("(人民视觉)", None),
        ("(新华社)", None),
        ("(未完)", None),
        ("(下转)", None),
        ("(续一)", None),
    ],
)
def test_pen_names_closing_a_brief(credit, expected):
    from importers.parsing.bylines import pen_name_credit

    found = pen_name_credit(credit)
    assert (people(found) if found is not None else None) == expected


@pytest.mark.parametrize(
    ("page", "headline", "writer"),
    [
        ("grrb_20081125_05", "艺术节请劳模坐前排", "晓溪"),
        ("wyb_20120615_01", "陆幸生诗歌创作研讨会举行", "杉文"),
        ("zgtyb_20240423_07", "全民健身走(跑)大赛运动赏景两不误", "轧学超"),
    ],
)
def test_a_pen_name_in_brackets_after_the_last_sentence_signs_the_brief(page, headline, writer):
    """工人日报 2008 `…劳动光荣的氛围。(晓溪)`, 文艺报 2012 `…浓郁的诗意。 (杉 文)`, 中国体育报 2024 `…共同承办。(轧学超)`:
    the writer of the brief, and no longer a line of its text."""
    from importers.parsing.text import squeeze

    path = next((Path(__file__).resolve().parents[1] / "corpus").glob(f"*/{page}.txt"))
    found = parse_page(path.read_bytes(), source=path.name).items
    story = next(i for i in found if squeeze(headline) in squeeze(i.kicker + i.headline + i.subheadline))
    assert (writer, A) in people(story.people)
    assert not any(squeeze(p).endswith(")") for p in story.paragraphs[-1:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names alone glued after the last sentence (扬子晚报 2003, 南方日报 2010)
        ("但如果加强了车站的管理,就没有这样的情况发生。”王星海 耿志清", [("王星海", A), ("耿志清", A)]),
        ("本报今起推出,敬请垂注。徐林", [("徐林", A)]),
        # a word, a place, a rare surname running on into a cut sentence (人民日报 1979): no one
        ("感谢大家的支持。谢谢", None),
        ("我们终于到了。张家界", None),
        ("相反倒出现了一大批高产穷队。全地区", None),
        # a labelled credit is split_glued_credit's, as before
        ("活动。本报记者丁肇文 孟环", None),
    ],
)
def test_names_glued_after_the_last_sentence(text, expected):
    from importers.parsing.bylines import split_glued_names

    found = split_glued_names(text)
    assert (people(found[2]) if found else None) == expected


def test_a_name_glued_after_the_last_sentence_signs_the_story():
    """南方日报 2010: `…本报今起推出,敬请垂注。徐林` closes 南方报人虎年春节在基层's note: its writer, not its text."""
    from importers.parsing.text import squeeze

    path = next((Path(__file__).resolve().parents[1] / "corpus").glob("*/nfrb_20100221_A02.txt"))
    found = parse_page(path.read_bytes(), source=path.name).items
    story = next(i for i in found if "南方报人虎年春节在基层" in squeeze(i.headline))
    assert people(story.people) == [("徐林", A)] and story.paragraphs[-1].endswith("敬请垂注。")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # on a line of its own under the brief (文艺报's `(杉 文)`, 人民日报 1990's `(存生)`), full-width brackets too
        ("(杉 文)", [("杉文", A)]),
        ("\uff08存生\uff09", [("存生", A)]),
        ("(都晓辉 吕若林)", [("都晓辉", A), ("吕若林", A)]),
        # a note is still text
        ("(有删节)", []),
    ],
)
def test_a_pen_name_alone_in_brackets_on_its_line_is_a_credit(line, expected):
    from importers.parsing.units import Unit, classify

    unit = Unit(line, (1,))
    classify(unit)
    assert people(unit.people) == expected and (unit.shape == "credit") == bool(expected)
