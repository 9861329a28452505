"""Which page a dump is, from the heads papers print (人民日报, 株洲日报, evening papers) and file names."""

import pytest

from importers.parsing.furniture import classify
from importers.parsing.pagehead import number_of, page_info


def info(lines, source=""):
    return page_info(tuple(f for f in map(classify, lines) if f), source)


@pytest.mark.parametrize(
    ("lines", "label", "number", "name"),
    [
        (["10  政治", "2025年1月10日\u3000星期五"], "10", 10, "政治"),  # 人民日报
        (["14  社会"], "14", 14, "社会"),
        (["要闻  2"], "2", 2, "要闻"),
        (["A02  长沙新闻"], "A02", 2, "长沙新闻"),
        (["湘江晚报 A05", "文化"], "A05", 5, "文化"),
        (["综合·城区"], "", None, "综合·城区"),  # 株洲日报 prints its page's name only
        (["第3版"], "第3版", 3, ""),
        (["第三版  要闻"], "第三版", 3, "要闻"),
        (["02版"], "02版", 2, ""),
    ],
)
def test_page_head(lines, label, number, name):
    page = info(lines)
    assert (page.label, page.number, page.name) == (label, number, name)


def test_number_from_the_file_name_only_after_a_date():
    assert info(["综合·城区"], "rmrb_20250110_05.txt").number == 5
    assert info(["综合·城区"], "pages/20240123-A3.txt").number == 3
    assert info(["综合·城区"], "000_a19f70ba52195d0f.txt").number is None  # a seed's serial, not a page
    assert info(["要闻  2"], "x_20250110_05.txt").number == 2  # what the page prints wins


@pytest.mark.parametrize(
    ("label", "number"), [("A02", 2), ("第十二版", 12), ("第二十版", 20), ("十", 10), ("X", None)]
)
def test_number_of(label, number):
    assert number_of(label) == number


@pytest.mark.parametrize(
    ("lines", "masthead"),
    [
        (["6  北京新闻", "北京日报  2019年12月4日  星期三"], "北京日报"),  # bjrb_20191204_06
        (["A06  城市", "新京报  2025年6月22日  星期日"], "新京报"),  # xjb_20250622_A06
        (["A04  长沙新闻", "长沙晚报  2018年9月25日  星期二"], "长沙晚报"),  # cswb_20180925_A04
        (["湘江晚报 A05", "文化"], "湘江晚报"),
        (["10  政治", "2025年1月10日\u3000星期五"], ""),  # 人民日报 prints only the date
        (["综合·城区"], ""),  # 株洲日报's dumps print no masthead
    ],
)
def test_the_papers_name_printed_in_the_page_head(lines, masthead):
    assert info(lines).masthead == masthead


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # the night's editor in charge opens the staff line (烟台晚报 2021, 哈尔滨日报 2025)
        ("值班主任:姜  海  责任编辑:林晓萌  美编:曲  岩", "staff"),
        ("值班编委 孙立群 责任编辑 乔 楠 美术编辑 于 洋", "staff"),
        # the paper's name after the date (长江日报 2018), or a name not ending in 报 (人民日报海外版 2013)
        ("2018年8月21日 星期二  长江日报", "page_date"),
        ("人民日报海外版  2013年8月30日  星期五", "page_date"),
        # the registration number in the masthead (湘潭日报 2022)
        ("国内统一刊号:CN43-0003 湘潭日报社出版", "masthead"),
        # after the publishers' names (贵州日报 2025), as 人民日报 prints it
        ("贵州日报报刊社 贵州日报当代融媒体集团 出版 国内统一刊号:CN52-0013 代号65-1", "masthead"),
        ("人民日报社出版 国内统一连续出版物号 CN11-0065 代号1-1", "masthead"),
    ],
)
def test_more_lines_of_a_page_s_head(line, kind):
    from importers.parsing.furniture import classify

    assert classify(line).kind == kind


def test_the_staff_line_closes_the_page_s_head():
    """烟台晚报's front page: `A01` / the staff line / `风雪中 最美的坚守` over the photos: the short line
    under the staff line is the photos' title, not the page's name."""
    from importers.parsing.furniture import page_head

    lines = [
        "烟台晚报",
        "2021年12月18日 星期六",
        "A01",
        "值班主任:姜  海  责任编辑:林晓萌  美编:曲  岩",
        "风雪中 最美的坚守",
    ]
    assert [f.kind if f else None for f in page_head(lines)] == [
        "masthead",
        "page_date",
        "page_label",
        "staff",
        None,
    ]


@pytest.mark.parametrize(
    ("page", "label", "name", "number"),
    [
        # e-papers print the number and the name with a colon between (解放军报, 洛阳晚报, 法治日报)
        ("jfjb/jfjb_20180224_07", "第07版", "长征", 7),
        ("lywb/lywb_20090106_A06", "A06版", "洛阳·热线", 6),
        ("fzrb/fzrb_20250916_01", "01版", "要闻", 1),
        # a name of two joined by a plus sign (湛江日报) or a slash (海峡都市报)
        ("zhjrb/zhjrb_20250727_04", "第4版", "新闻+ 本地", 4),
        ("hdb/hdb_20150423_A44", "A44", "城事/综合", 44),
    ],
)
def test_a_page_s_number_and_name_with_a_colon_between(page, label, name, number):
    from pathlib import Path

    from importers.parsing import parse_page

    path = Path(__file__).resolve().parents[1] / "corpus" / f"{page}.txt"
    info = parse_page(path.read_bytes(), source=path.name).page
    assert (info.label, info.name, info.number) == (label, name, number)


@pytest.mark.parametrize(
    ("lines", "kinds"),
    [
        # 光明日报 2014: a title of two phrases under the bare number is the first story's, not the page's name
        (["03", "赴壮美林海 悟坝上精神"], ["page_label", None]),
        # the same with other papers' headlines of two phrases (株洲日报 2023, 烟台晚报 2021) set under a bare number
        (["3", "春运启动 交警护航"], ["page_label", None]),
        (["7", "风雪中 最美的坚守"], ["page_label", None]),
        # 浙江日报: the page's name under its number, one word
        (["17", "美丽乡村"], ["page_label", "page_header"]),
    ],
)
def test_a_page_s_name_under_its_number_is_one_word(lines, kinds):
    from importers.parsing.furniture import page_head

    assert [f.kind if f else None for f in page_head(lines)] == kinds


@pytest.mark.parametrize(
    ("lines", "masthead"),
    [
        (["浙江日报", "2016年1月12日 星期二", "17", "美丽乡村"], "浙江日报"),
        # papers whose name does not end in 报, alone over the date line
        (["参考消息", "1990年12月7日  星期五  第1版"], "参考消息"),  # ckxx_19901207_01
        (["新华每日电讯", "2022年11月11日 星期五", "5 新闻观察"], "新华每日电讯"),  # xhmrdx_20221111_05
    ],
)
def test_the_papers_name_on_a_line_of_its_own(lines, masthead):
    from importers.parsing.furniture import page_head

    assert page_info(tuple(f for f in page_head(lines) if f), "").masthead == masthead
