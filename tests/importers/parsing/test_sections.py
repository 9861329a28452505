"""Which section an item goes to: commentary, the page header, then the editors' keywords."""

from importers.parsing.sections import assign

KEYWORDS = {
    "要闻": ["要闻", "头版"],
    "时政": ["时政", "政协", "国务院", "主持召开", "座谈会", "市委书记"],
    "经济": ["经济", "企业", "金融", "贷款"],
    "城区": ["城区", "街道", "社区"],
    "社会": ["社会", "民警", "派出所", "志愿服务"],
    "评论": ["评论", "短评"],
}


def section(kind="news", title="", text="", header=""):
    return assign(kind, title, text, header=header, keywords=KEYWORDS, default="综合")


def test_commentary_goes_to_the_commentary_section_on_any_page():
    # 株洲日报 prints commentary on its 综合 page; 人民日报 on 要闻 pages too
    assert section("commentary", "根植人民团结干", "团结就是力量。", header="综合·城区") == "评论"
    assert section("commentary", "锦绣潇湘 芳华正茂", "……", header="要闻") == "评论"


def test_a_page_header_naming_a_section_decides():
    assert section(title="月塘街道: 社区有了“红色合伙人”", header="综合·城区") == "城区"  # 株洲日报
    assert section(title="龙永高速计划2017年通车", header="要闻") == "要闻"  # 湖南日报 `2  要闻`
    assert section(title="创新开展“青年之声”线下活动", text="企业 企业", header="综合新闻") == "综合"  # 中国青年报


def test_party_and_government_meetings_go_to_politics():
    # 株洲日报: a meeting chaired by the party secretary, not 经济 for the companies it names
    title = "曹慧泉主持召开党建引领基层治理座谈会时强调"
    assert section(title=title, text="会上,企业代表发言。") == "时政"
    # 新华社: a State Council notice
    assert section(title="国务院办公厅发出公告", text="国务院办公厅关于1987年夏时制的公告") == "时政"


def test_title_words_weigh_more_than_body_words():
    text = "企业 企业 民警"
    assert section(title="派出所民警守护平安", text=text) == "社会"
    assert section(title="", text=text) == "经济"


def test_nothing_matches_gives_the_default():
    assert section(title="春风十里", text="不如你。") == "综合"
