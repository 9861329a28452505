import pytest

from importers.parsing.titles import has_column_tag, is_title_like, split_title


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["全市商协会人民调解组织集中成立授牌"], ("", "全市商协会人民调解组织集中成立授牌", "")),
        (["月塘街道: 社区有了“红色合伙人”"], ("月塘街道:", "社区有了“红色合伙人”", "")),
        (["荷塘区:“三重”招考 提升基层治理战斗力"], ("荷塘区:", "“三重”招考 提升基层治理战斗力", "")),
        (
            ["胡长春听取市慈善总会工作汇报时强调 汇聚爱心力量 让更多群众受益"],
            ("胡长春听取市慈善总会工作汇报时强调", "汇聚爱心力量 让更多群众受益", ""),
        ),
        (["一纸规范合同 救活农业项目"], ("", "一纸规范合同 救活农业项目", "")),
        (
            ["曹慧泉主持召开党建引领基层治理座谈会时强调", "聚焦解决实际问题 持续提升基层治理能力"],
            ("曹慧泉主持召开党建引领基层治理座谈会时强调", "聚焦解决实际问题 持续提升基层治理能力", ""),
        ),
        (
            ["金融支持实体经济持续加力", "去年全市贷款增量、增速均创新高"],
            ("", "金融支持实体经济持续加力", "去年全市贷款增量、增速均创新高"),
        ),
        (
            ["盘存量、扩增量、强变量", "芦淞区“放大招” 推动服饰城从业人员二次创业"],
            ("盘存量、扩增量、强变量", "芦淞区“放大招” 推动服饰城从业人员二次创业", ""),
        ),
        (
            ["天元区三门镇", "“一课一片一实践”助力二十大精神走深走实"],
            ("天元区三门镇", "“一课一片一实践”助力二十大精神走深走实", ""),
        ),
        (
            ["曹慧泉会见部分金融机构负责人", "坚定信心 抢抓机遇 深化政银合作"],
            ("曹慧泉会见部分金融机构负责人", "坚定信心 抢抓机遇 深化政银合作", ""),
        ),
        (["一辈子守护一片林", "——记全国劳动模范欧阳瑞丰"], ("", "一辈子守护一片林", "——记全国劳动模范欧阳瑞丰")),
        # a title printed twice: split over two lines, then again on one line
        (
            [
                "全省和谐社区建设示范单位发布",
                "我市有7个社区(村)上榜",
                "全省和谐社区建设示范单位发布 我市有7个社区(村)上榜",
            ],
            ("", "全省和谐社区建设示范单位发布", "我市有7个社区(村)上榜"),
        ),
    ],
)
def test_split_title(lines, expected):
    assert split_title(lines) == expected


@pytest.mark.parametrize(
    "text",
    [
        "枫溪街道:",
        "筑牢妇儿维权保护网",
        "金融赋能民营经济 畅通市场循环活力",
        "增量、降价、提质、拓面\n引更多金融活水浇灌小微企业",
        "●百余人成座上宾",
    ],
)
def test_title_like(text):
    assert is_title_like(text)


@pytest.mark.parametrize(
    "text",
    [
        "新增贷款流向何处?金融如何更好助力实体经济发展?",
        "176.2亿元,同比多增41.7亿元。",
        "楼栋长主要工作概括为四个字,即",
        "“不上班,家里就少了一份经济来源,但",
    ],
)
def test_not_title_like(text):
    assert not is_title_like(text)


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        # a body or a site the headline is about (人民日报 1956 and 2002, 陕西工人报 1988, 郑州晚报 2011)
        ("鞍山炼钢建筑工程公司", "组织技术人员对施工方案展开自由争论"),
        ("黄河干流上游大型水利工程", "公伯峡水电站成功截流"),
        ("西安市新城区工会", "重视工人报刊发行工作"),
        ("绿城广场", "碰到他"),
        # when (人民日报 2002, 中国教育报 2019)
        ("经历连续两年调减后", "今年粮食种植面积趋稳"),
        ("2019年3月22日", "在一线感知教育改革"),
    ],
)
def test_who_where_or_when_over_a_headline_is_its_kicker(upper, lower):
    assert split_title([upper, lower]) == (upper, lower, "")


def test_a_complete_headline_over_its_detail_stays_headline_and_subheadline():
    # 人民日报 1985, 湖南日报 2016: no line says who, where or when
    assert split_title(["里根总统举行国宴欢迎李主席", "李先念同里根举行会谈"]) == (
        "",
        "里根总统举行国宴欢迎李主席",
        "李先念同里根举行会谈",
    )
    assert split_title(["长沙黄花机场旅客吞吐量创历史新高", "一天突破7万人次"]) == (
        "",
        "长沙黄花机场旅客吞吐量创历史新高",
        "一天突破7万人次",
    )


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        # a column's name, two names joined by a dot (人民日报 2017, 大众日报 2020)
        ("新春走基层·感受除夕夜", "秦腔吼出新年景"),
        ("外眼看山东·央媒一周图片撷英", "济泰高速公路通车 胶州湾“二隧”开建"),
    ],
)
def test_a_dotted_column_name_over_a_headline_is_its_kicker(upper, lower):
    assert split_title([upper, lower]) == (upper, lower, "")


def test_a_line_naming_the_kind_of_piece_over_a_headline_is_its_kicker():
    # 绵阳日报 2025: `…新闻发布会侧记` over the headline; printed under it with a dash it is the 副题
    upper, lower = "第十三届中国(绵阳)科技城国际科技博览会新闻发布会侧记", "以科技之名相约绵阳"
    assert split_title([upper, lower]) == (upper, lower, "")
    assert split_title([lower, "——" + upper]) == ("", lower, "——" + upper)


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        # the readers' column of an anniversary issue (深圳特区报 2022, 扬州日报 2023)
        ("我与特区报的故事", "特区报是我生命不可或缺的卷轴"),
        ("我与《扬州日报》的故事", "那些年,我们一起剪过的报"),
        # a colon's lead-in over a long headline with a comma (北京日报 2022): not a headline over its 副题
        ("直击:", "丰台集中连片管控区解封,今晨多小区恢复正常出入"),
    ],
)
def test_a_column_of_readers_or_a_colon_s_lead_in_over_a_headline_is_its_kicker(upper, lower):
    assert split_title([upper, lower]) == (upper, lower, "")


def test_i_and_anything_else_stays_a_headline():
    assert split_title(["我与祖国共成长", "记一位老兵"]) == ("", "我与祖国共成长", "记一位老兵")


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # the upper line leads in with a dash (洛阳晚报 2012): the two lines under it are the headline
        (
            "451个征迁户将陆续得到总计近6万元的过节物资——\n添些粮油,献些爱心\n备好年货,过个好年",
            ("451个征迁户将陆续得到总计近6万元的过节物资——", "添些粮油,献些爱心\n备好年货,过个好年", ""),
        ),
        # the middle line trails off into the headline (华商报 2020): the two lines over it are the kicker
        (
            "五个扎实谱新篇 追赶超越再出发特别报道\n安防升级、建文化长廊、法治广场……\n老小区二O五所5年换新颜",
            ("五个扎实谱新篇 追赶超越再出发特别报道\n安防升级、建文化长廊、法治广场……", "老小区二O五所5年换新颜", ""),
        ),
        # no line leads in (洛阳日报 2008, 新华社 copy): a headline over a 副题 of two lines
        (
            "中共中央隆重举行十一届三中全会20周年纪念大会\n江泽民发表重要讲话李鹏主持大会\n"
            "朱镕基李瑞环尉健行李岚清和首都各界6000人出席",
            (
                "",
                "中共中央隆重举行十一届三中全会20周年纪念大会",
                "江泽民发表重要讲话李鹏主持大会\n朱镕基李瑞环尉健行李岚清和首都各界6000人出席",
            ),
        ),
    ],
)
def test_a_title_on_three_lines_of_one_block_is_two_levels(block, expected):
    assert split_title([block]) == expected


def test_a_line_trailing_off_in_an_ellipsis_is_a_kicker():
    # 惠州日报 2025 (two lines apart), as 华商报's middle line above
    upper, lower = "清明时节,草长莺飞、百花争艳……", "市民纷纷外出踏青放松身心"
    assert split_title([upper, lower]) == (upper, lower, "")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # 人民日报海外版 2013, 2014: the column's tag closes the lower line, the headline; the line over it leads in
        (
            ["在游子与读者间架一座桥", "我们在这里相遇(编辑部故事)"],
            ("在游子与读者间架一座桥", "我们在这里相遇(编辑部故事)", ""),
        ),
        (["她像启明星", "照亮了我的心坎(我与海外版)"], ("她像启明星", "照亮了我的心坎(我与海外版)", "")),
        # 人民日报 2017, 2019: the tag closes the upper line, the headline, over its 副题
        (
            ["让真情大义像春风一样吹遍神州大地(新春走基层·特别报道)", "——本报“新春走基层”活动回眸"],
            ("", "让真情大义像春风一样吹遍神州大地(新春走基层·特别报道)", "——本报“新春走基层”活动回眸"),
        ),
        (
            ["解码“模范自治区”(人民眼·民族区域自治)", "——听亲历者讲述内蒙古七十年"],
            ("", "解码“模范自治区”(人民眼·民族区域自治)", "——听亲历者讲述内蒙古七十年"),
        ),
        # a number in brackets under a headline is no column's tag (人民日报 2002)
        (["中华人民共和国财政部公告", "(2002年第3号)"], ("", "中华人民共和国财政部公告", "(2002年第3号)")),
    ],
)
def test_the_title_line_closed_by_its_columns_tag_is_the_headline(lines, expected):
    assert split_title(lines) == expected


@pytest.mark.parametrize(
    ("line", "tagged"),
    [
        ("下沉市场助力消费升级（人民时评）", True),  # 人民日报 2025
        ("守山夫妻(点赞新时代)", True),  # 人民日报 2019
        ("照亮了我的心坎(我与海外版)", True),  # 人民日报海外版 2014
        ("(2002年第3号)", False),
        ("中华人民共和国财政部公告", False),
    ],
)
def test_a_columns_tag_in_round_brackets(line, tagged):
    assert has_column_tag(line) is tagged
