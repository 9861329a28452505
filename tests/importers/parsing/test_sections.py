"""Which section an item goes to: commentary, the page header, the leaders' business, the paper's own
area, then the editors' keywords."""

import importlib
from pathlib import Path

import pytest

from importers.parsing import parse_page
from importers.parsing.sections import assign, is_leaders_business, local_section

SEEDS_DIR = Path(__file__).resolve().parents[3] / "seeds"

KEYWORDS = {
    "要闻": ["要闻", "头版"],
    "时政": ["时政", "政协", "国务院", "主持召开", "座谈会", "市委书记"],
    "经济": ["经济", "企业", "金融", "贷款"],
    "城区": ["城区", "街道", "社区"],
    "县市": ["县市", "乡镇", "乡村振兴"],
    "社会": ["社会", "民警", "派出所", "志愿服务", "留守儿童"],
    "文化": ["文化", "书法", "展览"],
    "评论": ["评论", "短评"],
}


def section(kind="news", title="", text="", header=""):
    return assign(kind, title, text, header=header, keywords=KEYWORDS, default="综合")


def shipped_keywords() -> dict[str, list[str]]:
    """The sections and keywords a fresh database gets from the data migrations, in their order."""
    sections = importlib.import_module("articles.migrations.0005_default_sections").DEFAULT_SECTIONS
    keywords = {name: words for name, _, _, words in sections if name != "综合"}
    for migration in ("0014_section_keywords", "0021_section_keywords_city", "0024_section_keywords_reading"):
        for name, (before, after) in importlib.import_module(f"articles.migrations.{migration}").KEYWORDS.items():
            assert keywords[name] == before, (migration, name)
            keywords[name] = after
    return {name: words.split() for name, words in keywords.items()}


def seed_sections(name: str) -> dict[str, str]:
    page = parse_page(
        (SEEDS_DIR / name).read_bytes(), source=name, section_keywords=shipped_keywords(), default_section="综合"
    )
    return {
        f"{item.kicker}{item.headline}{item.subheadline}".replace(" ", ""): item.section
        for item in page.items
        if item.kind != "advertisement"
    }


def section_of(found: dict[str, str], words: str) -> str:
    (title,) = [title for title in found if words in title]
    return found[title]


def test_commentary_goes_to_the_commentary_section_on_any_page():
    # 株洲日报 prints commentary on its 综合 page; 人民日报 on 要闻 pages too
    assert section("commentary", "根植人民团结干", "团结就是力量。", header="综合·城区") == "评论"
    assert section("commentary", "锦绣潇湘 芳华正茂", "……", header="要闻") == "评论"


def test_a_page_header_naming_a_section_decides():
    assert section(title="月塘街道: 社区有了“红色合伙人”", header="综合·城区") == "城区"  # 株洲日报
    assert section(title="龙永高速计划2017年通车", header="要闻") == "要闻"  # 湖南日报 `2  要闻`
    assert section(title="创新开展“青年之声”线下活动", text="企业 企业", header="综合新闻") == "综合"  # 中国青年报


def test_party_and_government_business_goes_to_politics():
    # 株洲日报 seed 001: the party secretary meets bankers; the story is about loans, the section is 时政
    lead = "12月18日下午,市委书记曹慧泉分别会见部分金融机构负责人,就加强合作深入交流。"
    assert section(title="曹慧泉会见部分金融机构负责人", text=lead + "金融 贷款 企业 金融 贷款 企业") == "时政"
    # 株洲日报 2024-04-05: the deputy mayor inspects projects
    assert is_leaders_business("4月4日,市委常委、常务副市长阳望平率队调研重点项目推进工作。")
    # 株洲日报 2015-12-02: a leading body's inspection
    assert is_leaders_business(
        "12月1日,市政协中共界别组织委员深入芦淞区白关4.0国际服饰产业城、小巨蛋等地,实地调研我市服饰产业发展情况。"
    )
    # 新华社: a State Council notice, by its keywords
    assert section(title="国务院办公厅发出公告", text="国务院办公厅关于1987年夏时制的公告") == "时政"


def test_a_leader_must_come_before_the_act_and_be_a_leader():
    # a community's party secretary is not a leader of the city (株洲日报 2024-04-05)
    assert not is_leaders_business("新塘社区党总支副书记刘强介绍,近年来,社区积极实施乡村振兴战略。")
    # 湖南省长沙市 holds 省长, 长沙 is no leader
    assert not is_leaders_business("7月1日,湖南省长沙市召开新闻发布会。")
    # the leader named in a later sentence does not make the story his (人民日报 2023-01-07)
    assert not is_leaders_business("村干部在花卉基地查看三角梅长势。习近平总书记在党的二十大报告中提出")


def test_a_lead_in_a_town_of_the_papers_own_area_gives_its_county_or_district():
    # 长沙晚报 2018-09-25: a county-level city's town, after an opening quotation
    text = (
        "“这是我们自己做的月饼呢!”昨天是中秋节,爸爸妈妈在外打工,浏阳市蕉溪镇高升村5岁的高紫芯和爷爷在一起感到很开心。"
    )
    assert local_section(text) == "县市"
    assert section(title="集体过节 团团圆圆", text=text + "留守儿童 留守儿童") == "县市"
    # 株洲日报 seed 002: a town of an urban district
    assert local_section("上好乡村振兴实践课……近日,天元区三门镇以“思享汇”为载体,持续推动活动走深走实。") == "城区"
    # 新华社 and 人民日报 name the province: a story from elsewhere in the country
    assert local_section("1月24日,江苏省盱眙县明祖陵镇菜农在大棚上加盖保暖被。") == ""
    assert local_section("2024年12月30日上午，辽宁省抚顺市抚顺县后安镇大集开集，乡亲们都来赶集。") == ""


def test_a_round_up_of_unrelated_photos_goes_to_no_one_section():
    # 人民日报 2003-04-20, 摄影 page: a meat plant, a calligraphy club, flats in Shanghai, a community library
    text = (
        "北京市顺义区顺鑫农业鹏程食品分公司,是一家大型肉类加工企业。"
        "辽宁省凌海市大业乡党委针对该乡农民爱好书法的特点,成立了农民书法协会。"
        "杭州市天水街道通过社区文化室,将万本视听读物供居民免费借阅。"
        "为让市民吃上放心肉,该公司采用国际先进生产加工监测手段,贷款扩产。"
    )
    # 文化 leads (文化, 书法 ×2) but holds less than half of the keywords named (3 of 7)
    assert section(title="摄影报道", text=text) == "综合"


def test_title_words_weigh_more_than_body_words():
    text = "企业 企业 民警"
    assert section(title="派出所民警守护平安", text=text) == "社会"
    assert section(title="", text=text) == "经济"


def test_nothing_matches_gives_the_default():
    assert section(title="春风十里", text="不如你。") == "综合"


@pytest.mark.parametrize(
    "headline, expected",
    [
        # the party secretary's meetings, not 经济 for the banks or 社会 for the grassroots
        ("曹慧泉会见部分金融机构负责人", "时政"),
        ("曹慧泉调研全市项目建设工作时强调", "时政"),
        ("曹慧泉主持召开党建引领基层治理座谈会时强调", "时政"),
        ("十三届市委第二轮巡察启动", "时政"),
        ("金融“组合拳”纾困小微企业", "经济"),
        ("我市五家商会获评全国“四好”商会", "经济"),
        ("研究生将分核酸阴性、阳性考场", "社会"),
        # a commentary, whatever its subject
        ("根植人民团结干", "评论"),
    ],
)
def test_seed_001_goes_where_an_editor_files_it(headline, expected):
    found = seed_sections("001_d2a89e1a3a1b2016.txt")
    assert section_of(found, headline) == expected


def test_seed_002_by_district_and_by_subject():
    found = seed_sections("002_b7995e25826dd731.txt")
    assert section_of(found, "“一课一片一实践”") == "城区"  # 天元区三门镇
    assert section_of(found, "“三重”招考") == "城区"  # 荷塘区
    assert section_of(found, "盛康线上主题活动") == "社会"


def test_seed_000_follows_its_page_header():
    assert set(seed_sections("000_a19f70ba52195d0f.txt").values()) == {"城区"}  # `综合·城区`


def test_seed_003_meetings_and_reports_heard_are_politics():
    found = seed_sections("003_e722be8e290ff127.txt")
    # the deputy party secretary hears the charity's report: 时政, not 社会 for the charity
    assert section_of(found, "胡长春听取市慈善总会工作汇报") == "时政"
    assert section_of(found, "召开第十次会议") == "时政"
    assert section_of(found, "聂方红主持召开市政协党组") == "时政"
    assert section_of(found, "校企专利") == "经济"


def test_a_page_name_set_with_its_characters_spaced_out_decides_as_the_name():
    # 信阳日报's `要  闻` under its page number, as 株洲日报's seed prints `要闻`
    from importers.parsing.model import PageInfo
    from importers.parsing.sections import page_header

    assert page_header(PageInfo(name="要  闻", number=3)) == "要闻"
    page = parse_page(
        (Path(__file__).resolve().parents[1] / "corpus" / "xyrb" / "xyrb_20170520_03.txt").read_bytes(),
        source="x.txt",
        section_keywords={"要闻": [], "经济": ["经济"]},
    )
    assert {item.section for item in page.items} == {"要闻"}
