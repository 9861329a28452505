"""Sections of other papers' pages, from their real text (tests/importers/corpus): 城区 and 县市 are the
paper's own area (its city, 株洲, and the places of its gazetteer, 长沙 and 湘潭 among them): the local news
of another place (北京's papers) is 社会; the local news page of 长沙晚报 (长沙新闻) keeps its districts."""

from pathlib import Path

import pytest

from importers.parsing import parse_page
from importers.parsing.sections import assign, is_local_page, own_places, place_of_paper

from .test_sections import KEYWORDS, shipped_keywords

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def sections_of(name: str) -> dict[str, str]:
    """Title and text → section, as parsed with the shipped keywords."""
    path = CORPUS / name.split("_")[0] / name
    page = parse_page(
        path.read_bytes(),
        source=name,
        section_keywords=shipped_keywords(),
        default_section="综合",
        paper="株洲日报",
    )
    return {
        f"{item.kicker}{item.headline}{item.subheadline}".replace(" ", "") + "\n" + item.text: item.section
        for item in page.items
        if item.kind in {"news", "photo", "commentary", "sidebar"}
    }


def section_of(found: dict[str, str], words: str) -> str:
    (key,) = [key for key in found if words in key]
    return found[key]


@pytest.mark.parametrize(
    ("page", "words", "expected"),
    [
        # 北京日报 `北京新闻`: a town of a district (`通州区新华街道`) is Beijing's, not the paper's 城区
        ("bjrb_20220208_05.txt", "通州如意园小区", "社会"),
        ("bjrb_20220208_05.txt", "山水文园", "社会"),  # only 社区 named: no section, local news
        ("bjrb_20191204_06.txt", "永合庄", "社会"),  # no keyword at all: local news
        # 北京晚报 `北京新闻` and `城市`
        ("bjwb_20190219_06.txt", "元宵", "社会"),
        ("bjwb_20190828_12.txt", "公园成北京市民纳凉", "社会"),  # 市民 is city life, but Beijing's
        ("bjwb_20190828_12.txt", "配套缺位", "社会"),
        # the 人代会 opening on Beijing's local page: another place's local news, whatever its subject
        ("bjwb_20190219_06.txt", "驻华使馆", "社会"),
        ("bjrb_20191204_06.txt", "林萃路", "社会"),  # a road works story: 经济's words, Beijing's page
        # 新京报 `北京新闻` (an untitled photo) and `城市`: the paper's name hides its place
        ("xjb_20200127_A05.txt", "东城区左安门大街", "社会"),
        ("xjb_20250622_A06.txt", "海淀公园帐篷区扩容", "社会"),
        ("xjb_20200127_A05.txt", "北京市交通委", "社会"),
    ],
)
def test_local_news_of_a_place_outside_the_papers_area_is_society(page, words, expected):
    assert section_of(sections_of(page), words) == expected


@pytest.mark.parametrize(
    ("page", "words", "expected"),
    [
        ("cswb_20180925_A04.txt", "月满中秋", "城区"),  # no keyword: the city page's own districts
        ("cswb_20180925_A04.txt", "集体过节", "县市"),  # `浏阳市蕉溪镇`: a county of the city
        ("cswb_20180925_A04.txt", "商圈火爆", "城区"),
        # the page decides as a header naming a section does, whatever the subject's words
        ("cswb_20240212_A04.txt", "火宫殿", "城区"),
        ("cswb_20240212_A04.txt", "解放西", "城区"),  # 交警, 交通: 社会's words
        ("zzwb_20210831_A03.txt", "株洲又热闹起来了", "城区"),  # 株洲晚报 `城事`: 商场, 市场 are 经济's
    ],
)
def test_local_news_page_of_a_city_paper_keeps_its_districts(page, words, expected):
    assert section_of(sections_of(page), words) == expected


def test_a_page_of_a_place_outside_the_papers_area_has_no_districts_or_counties():
    # the lead of bjrb_20220208_05 and of cswb_20170908_A05, on pages of each kind
    beijing = "通州区新华街道如意园小区历经17天封管控后,今天终于解封了。"
    changsha = "近日,芙蓉区朝阳街道朝阳社区提质提档。"
    for text in (beijing, changsha):
        assert section(text, header="综合·城区") == "城区"  # the header still decides
        assert section(text, header="北京新闻") == "社会"
        assert section(text, header="城市", masthead="北京晚报") == "社会"
        assert section(text, header="城市", masthead="新京报") == "社会"
        assert section(text, header="长沙新闻", masthead="长沙晚报") == "城区"
        assert section(text, header="", masthead="湖南日报") == "综合"  # a province's paper: no own city
        assert section(text, header="深圳新闻", masthead="深圳特区报") == "社会"  # another city
        assert section(text, header="城市", masthead="株洲日报") == "城区"  # the paper's own city
    assert section(changsha, header="", masthead="") == "城区"  # a 株洲日报 dump names no paper
    assert section(changsha, header="", masthead="人民日报") == "城区"  # nor does 人民日报 name a place


@pytest.mark.parametrize(
    ("masthead", "place"),
    [("北京日报", "北京"), ("长沙晚报", "长沙"), ("新京报", "北京"), ("湖南日报", "湖南"), ("株洲日报", "株洲")]
    + [("陕西工人报", "陕西"), ("人民日报", ""), ("中国青年报", ""), ("光明日报", ""), ("工人日报", ""), ("", "")],
)
def test_the_place_a_paper_is_named_after(masthead, place):
    assert place_of_paper(masthead) == place


def test_a_local_news_page_without_keywords_falls_back_to_its_local_section():
    # 北京晚报's 元宵 story and 长沙晚报's 中秋 fireworks photo name no keyword
    yuanxiao = "元宵佳节,不能少了寓意团圆美满的元宵。昨天上午,在欢快的锣鼓声中,村民们欢聚一堂。"
    fireworks = "昨晚,一场主题为“月满湘江 璀璨星城”的中秋橘洲焰火璀璨绽放。"
    for text in (yuanxiao, fireworks):
        assert section(text, header="北京新闻", masthead="北京晚报") == "社会"
        assert section(text, header="长沙新闻", masthead="长沙晚报") == "城区"
        assert section(text, header="综合新闻", masthead="光明日报") == "综合"  # not a local page
        assert section(text, header="") == "综合"


# the shipped gazetteer and the site's own city, as an import of 株洲日报 has them
AREA = own_places(None, "株洲日报")


def section(text, *, header, masthead=""):
    return assign("news", "", text, header=header, masthead=masthead, area=AREA, keywords=KEYWORDS, default="综合")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("财经", "经济"),
        ("B02  财经新闻", "经济"),
        ("文娱", "文化"),
        ("文娱新闻", "文化"),
        ("观点", "评论"),
        ("法治", "社会"),
        ("社会新闻", "社会"),  # a section's own name inside the header, as before
    ],
)
def test_a_page_header_naming_a_section_in_other_words_decides(header, expected):
    # the lead of hnrb_20170313_06 (经济) and of rmrb_20250110_10 (政治): the header decides for both
    for text in (
        "春风十里,不如干出成绩。湘潭全市上下以撸起袖子加油干的激情,全力推进重大项目建设。",
        "离开家的时候,陈畅的行囊里总会备上2支唇膏,妻子反复叮嘱。",
    ):
        assert section(text, header=header.split()[-1]) == expected


def test_a_photo_naming_no_sections_word_is_everyday_life():
    # 新华社's 雪乡夜醉人 (`图片新闻`) and 中国青年报's untitled cherry-blossom photo (`青年·团讯`)
    snow = "游客在雪乡留影(11月18日摄)。黑龙江省大海林林业局双峰林场冬季雪期长达约7个月,素有“中国雪乡”之称。"
    blossom = "游人用手机在北京玉渊潭公园拍摄绽放的早樱,与朋友分享春天的气息。"
    for text, header in ((snow, "图片新闻"), (blossom, "青年·团讯")):
        assert assign("photo", "", text, header=header, area=AREA, keywords=KEYWORDS, default="综合") == "社会"
        # a story in words is not filed so: nothing said, the default
        assert assign("news", "", text, header=header, area=AREA, keywords=KEYWORDS, default="综合") == "综合"
    # a round-up of photos naming several sections' words stays in none (人民日报 摄影报道)
    round_up = "一家大型肉类加工企业。农民书法协会。社区文化室。贷款扩产。"
    assert assign("photo", "摄影报道", round_up, header="摄影", area=AREA, keywords=KEYWORDS, default="综合") == "综合"


@pytest.mark.parametrize("header", ["长沙新闻", "北京新闻", "城市", "本市", "本地新闻", "深圳新闻"])
def test_local_news_pages(header):
    assert is_local_page(header)


@pytest.mark.parametrize("header", ["综合新闻", "图片新闻", "国内新闻", "国际新闻", "要闻", "青年·团讯", "专版", ""])
def test_not_local_news_pages(header):
    assert not is_local_page(header)


@pytest.mark.parametrize(
    ("page", "words", "expected"),
    [
        ("sxgrb_19881215_01.txt", "我们喜爱", "评论"),  # `01  头版`: a reader's letter is commentary, 评论
        ("sxgrb_19881215_01.txt", "重视工人报刊发行工作", "要闻"),
        ("sxgrb_20190607_01.txt", "比亚迪", "要闻"),  # `01  首版`: an untitled photo
        ("sxgrb_20190607_01.txt", "友谊", "评论"),  # commentary goes to 评论 on any page
        ("gmrb_20260228_01.txt", "新大众", "评论"),  # 光明日报 `头版  01`: its 短评
    ],
)
def test_the_front_page_is_the_news_page(page, words, expected):
    assert section_of(sections_of(page), words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [("工地上的职工书屋", "文化"), ("艺术节请劳模坐前排", "文化"), ("湖北武汉", "社会")],
)
def test_reading_rooms_and_arts_festivals_are_culture(words, expected):
    # 工人日报 `工会新闻` (grrb_20081125_05): keywords of migration 0024 (书屋, 艺术节); its other briefs stay
    assert section_of(sections_of("grrb_20081125_05.txt"), words) == expected


@pytest.mark.parametrize(
    ("page", "words", "expected"),
    [
        # a header with a local part (`新春·城事`, `城市·新闻`) of a paper of another place: 社会
        ("ctdsb_20250202_A05.txt", "汉口里", "社会"),  # 楚天都市报 (湖北): 文化's words
        ("wzrb_20180925_03.txt", "瓯越大桥", "社会"),  # 温州日报
        ("xmrb_20250919_A05.txt", "两岸", "社会"),  # 厦门日报 `城事`
        ("tjb_20181220_02.txt", "凤凰县", "社会"),  # 团结报 `州内新闻` (湘西): its counties are not 株洲's
    ],
)
def test_local_page_of_another_place_decides_society(page, words, expected):
    assert section_of(sections_of(page), words) == expected


@pytest.mark.parametrize(
    ("page", "words"),
    [
        # readers' and writers' essays printed as news, in the first person: commentary (评论)
        ("jjrb_20230101_07.txt", "青春焕彩"),  # 经济日报's anniversary: 经济's words all through
        ("syrb_20240625_04.txt", "我的写作起步之地"),  # 邵阳日报, on a `综合` page
        ("rmfyb_20190726_05.txt", "等待精彩"),  # 人民法院报, on a `法院文化` page
        ("tzrb_20221231_05.txt", "从一线到"),  # 台州日报
    ],
)
def test_an_essay_in_the_first_person_is_commentary(page, words):
    assert section_of(sections_of(page), words) == "评论"


@pytest.mark.parametrize(
    ("page", "words"),
    [
        # a paper's reports on itself (its readers, anniversary) name no section's subject: the default
        ("zzwb2_20111212_B14.txt", "读晚报"),  # 郑州晚报: 文化's words
        ("zqb_20130427_04.txt", "绵延三十年"),  # 中国青年报's gold readers: 社会's words
        ("yzrb_20230615_05.txt", "剪过的报"),  # 扬州日报
    ],
)
def test_a_report_on_the_paper_itself_goes_to_the_default(page, words):
    assert section_of(sections_of(page), words) == "综合"


def test_reports_quoting_people_are_not_essays():
    # 我 inside quotations, or a paper's 我市, is not the writer's own voice
    from importers.parsing.sections import is_first_person

    quoted = "“我家住得近,就骑车过来了。”吴碧霞说,“我骑车来报到并没有特别的想法,我一为锻炼身体,我二是低碳环保。”"
    assert not is_first_person(quoted)
    assert not is_first_person("我市设潍城区实验小学等13处考点。我市参考考生共计12611人。我市我市我市。")
    assert is_first_person("那时,我正在读大学。我订了一份报纸,我每天都读,我的第一篇文章也登在上面。")


@pytest.mark.parametrize(
    ("page", "words", "expected"),
    [
        # a report taken for a commentary (a bare signature) whose lead opens with the day of the event:
        # the page header decides, not 评论
        ("yongzrb_20260107_03.txt", "永州市举办", "要闻"),  # 永州日报 `要闻`, signed `李丽 文佳星 郭建鑫`
        ("zqb_20220826_06.txt", "青年人才周", "综合"),  # 中国青年报 `综合新闻`, signed `张  艺`
        # a reporter's notes, labelled so in the header or the title: 评论
        ("zgjyb_20191230_04.txt", "在一线感知教育改革", "评论"),  # 中国教育报 `新闻·记者手记`
        ("zzrb2_20190306_11.txt", "与“四”字结缘", "评论"),  # 郑州日报, `记者手记` over the title
    ],
)
def test_dated_reports_and_reporters_notes(page, words, expected):
    assert section_of(sections_of(page), words) == expected


@pytest.mark.parametrize(
    ("page", "words", "expected"),
    [
        # foreign news: China's state business (China named in title or lead) is 时政, the rest the default,
        # whatever 经济/社会 words it has
        ("rmrb_19951019_06.txt", "伊比利亚", "综合"),  # 人民日报 `国际`: 教育, 社会 named
        ("rmrb_19990206_03.txt", "泰国王总理会见唐家璇", "时政"),
        ("rmrb_19951019_06.txt", "加强合作共创未来", "时政"),  # China named in the first paragraph's second sentence
        ("ckxx_19990718_01.txt", "车臣", "综合"),  # 参考消息: 恐怖活动, 通缉
        ("ckxx_19990718_01.txt", "赫—伯法", "综合"),  # 企业, 生意
        # 时政 by the gold, but its one 时政 word was `法国外交部` of the brief under it (`利比亚向…支付赔偿金`, `(法新社)`),
        # read as its subhead until that brief was split off (segment._brief_signed_by_others): the story's own words
        # (`中国国家主席江泽民…正式访问`, 经济 twice) name none of 时政's, a miss of the keywords left open
        pytest.param(
            "ckxx_19990718_01.txt",
            "江泽民主席访问蒙古",
            "时政",
            marks=pytest.mark.xfail(strict=True, reason="no 时政 keyword in the story's own text"),
        ),
        # 参考消息's front page, its name alone over the date line (`第1版` in it): foreign news, not 要闻 (F1 over H2)
        ("ckxx_19901207_01.txt", "艾尔沙德取消孟加拉国紧急状态", "综合"),
        ("ckxx_19901207_01.txt", "里根说戈尔巴乔夫", "综合"),
        # a foreign wire photo naming no section's words: the default, not 社会 as a scene at home
        ("xinhua_20240417_A06.txt", "巴黎举行具有百年历史的服务员赛跑", "综合"),  # `A06 国内·国际`
        # 时政's words about other countries' officials, China named nowhere in title or lead: the default
        ("rmrb_20000106_07.txt", "蒙古国乌兰巴托市市长恩赫包力德", "综合"),  # 人民日报 `国际周刊`: 市长
        ("rmrb_19941030_06.txt", "中东北非经济首脑会议今日举行", "综合"),  # 人民日报 `国际`: 首脑, 会议
    ],
)
def test_foreign_news(page, words, expected):
    assert section_of(sections_of(page), words) == expected


def test_important_news_page_is_the_front_news():
    # 重庆晨报 `重要新闻`: 要闻 is not a substring of it
    found = sections_of("cqcb_20200914_03.txt")
    assert section_of(found, "成渝媒体深情对视") == section_of(found, "小游进京记") == "要闻"


@pytest.mark.parametrize(
    ("page", "words"),
    [
        # a place's own page (`A06版:洛阳·热线`, `洛阳·社区`: the page number dropped, the place read) and a
        # county page of another city's paper (信阳日报 `县区新闻`): local news of another place, 社会
        ("lywb_20090106_A06.txt", "惹麻烦"),  # 洛阳晚报: no section's words
        ("lywb_20090106_A06.txt", "热心肠感动外地人"),  # 文物: 文化's words
        ("lywb_20120112_A11.txt", "征迁户"),  # 房地产开发: 经济's words
        ("xyrb_20141117_03.txt", "知名作家"),  # 作家, 文学: 文化's words
        ("xyrb_20141117_03.txt", "潢川"),
    ],
)
def test_local_page_of_a_city_and_its_counties_elsewhere_is_society(page, words):
    assert section_of(sections_of(page), words) == "社会"


@pytest.mark.parametrize(
    ("page", "words", "expected"),
    [
        # page 1 printing no name is the front page: 要闻 (H2)
        ("rmrb_19850725_01.txt", "里根总统举行国宴欢迎李主席", "要闻"),
        ("lhrb_20240814_01.txt", "被漯河这座城市温暖到了", "要闻"),
        ("hebrb_20251109_01.txt", "约会哈尔滨", "要闻"),
        # the cover: 封面新闻 (城市晚报)
        ("cswbcc_20250616_A01.txt", "惠民公益市集", "要闻"),
        # 要闻·综合: the part that is not 综合 names the page (洛阳日报); 综合·城区 keeps 城区 (seed 000)
        ("lyrb_20081203_02.txt", "洛阳牡丹成中国“名片”", "要闻"),
        # another city's news that no section's words name: 社会 (衡阳晚报, 羊城晚报)
        ("hywb_20221126_A04.txt", "江边“烧纸”污染环境", "社会"),
        ("tjrb_20240117_12.txt", "老外交官访津侧记", "社会"),
    ],
)
def test_front_pages_two_part_headers_and_other_cities(page, words, expected):
    assert section_of(sections_of(page), words) == expected


def test_a_local_page_named_with_another_word_joined_by_a_plus_or_a_slash():
    # 湛江日报 `第4版:新闻+ 本地`, 海峡都市报 `A44 城事/综合`: the local part names the page, as after a dot
    # (another city's: 社会), and 综合 beside it does not decide; the paper's own `综合·城区` stays 城区
    text = "近日,芙蓉区朝阳街道朝阳社区提质提档。"
    assert section(text, header="新闻+ 本地", masthead="湛江日报") == "社会"
    assert section(text, header="城事/综合", masthead="海峡都市报") == "社会"
    assert section(text, header="综合·城区", masthead="株洲日报") == "城区"


def test_chinas_party_and_embassies_abroad_are_its_own_business_on_a_foreign_page():
    # a city daily's 国际新闻 2025 (`中共中央政治局委员、中央外办主任王毅`), 人民日报 1995 (`我驻美大使`): China named,
    # so the 时政 words may decide, as for `中国`
    from importers.parsing.sections import _CHINA

    assert _CHINA.search("中共中央政治局委员、中央外办主任王毅10日在巴西出席金砖国家安全事务高级代表会议")
    assert _CHINA.search("看望我驻泰使馆人员")
    assert not _CHINA.search("朝鲜报纸发表元旦联合社论")
    found = sections_of("xinhua_20250501_A07.txt")
    assert section_of(found, "王毅谈金砖国家反恐") == "时政"
