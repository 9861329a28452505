"""Readers' typography: Chinese punctuation in Chinese text, titles without print-line spaces."""

import pytest

from importers.parsing.typography import punctuate, title_for_readers


@pytest.mark.parametrize(
    ("printed", "for_readers"),
    [
        # 株洲日报 dumps print half-width marks in Chinese text
        ("一批商协会调解品牌。其中,市温州商会", "一批商协会调解品牌。其中，市温州商会"),
        (
            "株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳) 1月22日,我市",
            "株洲日报讯（全媒体记者/成姣兰 通讯员/王海艳） 1月22日，我市",
        ),
        ("如何才能让工作与家庭两不误?这件事", "如何才能让工作与家庭两不误？这件事"),
        ("地址:荷塘区;电话", "地址：荷塘区；电话"),
        # the search corpus gave 人民日报 and 新华社 text half-width too
        ("省会(首府)城市已放开,线上线下多渠道参保", "省会（首府）城市已放开，线上线下多渠道参保"),
        ("从4月12日(星期日)开始", "从4月12日（星期日）开始"),
    ],
)
def test_chinese_text_gets_chinese_punctuation(printed, for_readers):
    assert punctuate(printed) == for_readers


@pytest.mark.parametrize(
    "kept",
    [
        "增加值9333.54亿元,占比达30.7%",  # the comma becomes full-width, numbers stay: checked below
        "上午10:30开始",
        "共1,000人",
        "详见 http://www.example.cn/a?id=1,2 网页",
        "COVID-19, WHO (World Health Organization)",
    ],
)
def test_numbers_times_urls_and_latin_keep_their_marks(kept):
    out = punctuate(kept)
    for piece in ("9333.54", "30.7%", "10:30", "1,000", "http://www.example.cn/a?id=1,2", "COVID-19, WHO (World"):
        if piece in kept:
            assert piece in out


@pytest.mark.parametrize(
    ("printed", "for_readers"),
    [
        # seed 003: a title printed on four lines, dumped on one with spaces
        (
            "聂方红主持召开市政协党组(扩大)会议 暨十届十七次主席会议 协商审议2023年度 督办重点提案安排等",
            "聂方红主持召开市政协党组（扩大）会议暨十届十七次主席会议协商审议2023年度督办重点提案安排等",
        ),
        # parallel phrases of one line keep one space (株洲日报, 人民日报)
        ("坚定信心 抢抓机遇 深化政银合作", "坚定信心 抢抓机遇 深化政银合作"),
        ("守住好生态  牧民富口袋", "守住好生态 牧民富口袋"),
        ("你的平安  我来守护（建设更高水平的平安中国）", "你的平安 我来守护（建设更高水平的平安中国）"),
        # a title on two print lines (新华社 kicker)
        (
            "出席中印领导人第二次非正式会晤\n并对尼泊尔进行国事访问",
            "出席中印领导人第二次非正式会晤并对尼泊尔进行国事访问",
        ),
        # a title set letter-spaced, one character a part (陕西工人报's notice), and a full-width space
        ("公 告", "公告"),
        ("声\u3000明", "声明"),
    ],
)
def test_titles_for_readers(printed, for_readers):
    assert title_for_readers(printed) == for_readers
