"""The words Chinese papers print around their stories, as data.

Every table here was checked against pages of several papers (株洲日报, 人民日报 and the
papers of ``tests/importers/corpus/``); the parser's rules read them and hold no word lists
of their own. Add a paper's word here, with a test that shows it in that paper's text.
"""

from __future__ import annotations

# Roles of people named in a story's credit, then of a page's staff: the paper's vocabulary.
from articles.vocabulary import (  # noqa: F401  (the parser's modules name roles from here)
    ART_EDITOR,
    AUTHOR,
    CORRESPONDENT,
    DESIGNER,
    EDITOR,
    INTERN,
    PHOTOGRAPHER,
    REPORTER,
)

# 记者, 通讯员 and 评论员 take any run of these modifiers (全媒体首席记者, 本报特约记者,
# 驻湘记者); the modifier 摄影 makes a photographer, 实习 an intern.
ROLE_MODIFIERS = (
    "全媒体",
    "融媒体",
    "新媒体",
    "见习",
    "特约",
    "首席",
    "驻站",
    "分站",  # 红网保靖站…讯(分站记者 彭司进)
    "驻地",
    "主任",
    "高级",
    "本报",
    "本刊",
    "本台",
    "本网",
    "特派",
    "资深",
    "签约",
    "专职",
    "文字",
    "视频",
    "摄影",
    "实习",
    "客户端",
    "全媒",  # 湖北日报全媒记者
    "融媒",  # 丽江融媒记者
    "本版",  # 本版摄影
    "小",  # a school's reporter: “两会”小记者 王梓璇
)
# A base takes modifiers: 全媒体首席记者, 特约摄影, 本版摄影.
BASE_ROLES = {"记者": REPORTER, "通讯员": CORRESPONDENT, "评论员": AUTHOR, "摄影": PHOTOGRAPHER}
ROLE_WORDS = {
    "实习生": INTERN,
    "见习生": INTERN,
    "作者": AUTHOR,
    "读者": AUTHOR,  # a reader's letter signed at its end: 读者 薛芳玲
    "报道员": CORRESPONDENT,  # 新华社's and the army's: 报道员:时秀霞、穆智慧、吴国强
    "撰文": AUTHOR,
    "主笔": AUTHOR,  # a magazine's lead writer: 主笔◎王恺 (三联生活周刊)
    "文字": AUTHOR,  # 文字:郑东 摄影:中新社记者刘震 (中新社); 文字记者 stays a reporter (a modifier)
    "撰稿": AUTHOR,
    "文案": AUTHOR,  # who wrote a video's or a poster's words: 文案/张晓宁、胡蓝月 (中国航天报), 文 案:张瑞雨 (长城网)
    "采写": AUTHOR,  # 采写:南方+记者 陈斐仪 (the label that follows says which text role)
    "主持人": AUTHOR,  # a column's host: N栏目主持 高敏
    "主持": AUTHOR,
    "摄像": PHOTOGRAPHER,
    "摄影师": PHOTOGRAPHER,  # (“青岛观”摄影师李勇智 摄)
    "拍摄者": PHOTOGRAPHER,  # 拍摄者:本报记者 张方志
    "拍摄": PHOTOGRAPHER,
    "拍客": PHOTOGRAPHER,
    "拍友": PHOTOGRAPHER,  # a reader who sends in photos: 拍友 包响亮 摄 (浙江日报)
    "航拍": PHOTOGRAPHER,  # from a drone: 杨冰杰 航拍 (温州日报), 航拍/记者李忠 (湛江日报)  # 摄影:南方+拍客 余树勋
    "组图": PHOTOGRAPHER,  # 组图/记者杨旭
    "图片": PHOTOGRAPHER,
    "图文": "both",
    "文图": "both",
    # spelt out: 本报记者 包丽敏文并摄 (中国青年报), 撰文并摄影 徐力群 (人民画报); not 文摄 (黑龙江日报's
    # `□文摄 秦勇`): a name ending in 文 runs into 摄 (新华社发(宋文摄))
    "文并摄": "both",
    "撰文并摄影": "both",
    "文": AUTHOR,
    "图": PHOTOGRAPHER,
    "摄": PHOTOGRAPHER,
}
# The text role of names printed with no label before `摄影报道` (`张军 全明阳 摄影报道`): a name
# with no label is an author (../shared/corpus/README.md), and 摄影报道 adds the photographer.
UNLABELED_PHOTO_REPORT = AUTHOR
# Labels that name no role of their own: the names after them take the label before
# (视频拍摄/制作:王姗姗 is a photographer), or the role word after them (视频/记者白迪文 湛江云媒,
# 视频:通讯员陈红旭 新湖南); a job on a video names nobody by itself (摄影/剪辑/采写:南方+记者 叶志文 南方日报,
# 文字/拍摄/剪辑:胡雪怡 新湖南客户端). 视频 before 记者 stays a modifier (视频记者).
NEUTRAL_LABELS = ("制作", "执行", "视频", "剪辑")
# Marks of who made a graphic, printed after the names as 文 and 摄 are: `涂涌/文 周滔/制图` (贵州日报),
# `杜明阳 制图` (烟台晚报), `扬子晚报/紫牛新闻记者 张可/文 张笑疾/制作` (扬子晚报). Before the names they are
# labels (`制图:汪哲平`, a staff word; `视频拍摄/制作:王姗姗`, a neutral label).
DESIGN_MARKS = {"制图": DESIGNER, "制作": DESIGNER}
# Labels of a series' or a package's editors, printed with a qualifier before them and a colon
# after: 系列报道策划:秦晖, 本篇统筹:夏强, 总策划:….
QUALIFIED_EDITOR_LABELS = ("策划", "统筹")

# The labels of a page's staff line: `责任编辑/胡乐 美术编辑/张武`, `本版责编：胡  燕`,
# `版式设计：许佳宁`, `本期统筹：…`.
STAFF_ROLE_WORDS = {
    "责任编辑": EDITOR,
    "本版责编": EDITOR,
    "本版责任编辑": EDITOR,
    "本版编辑": EDITOR,
    "执行编辑": EDITOR,
    "值班编辑": EDITOR,
    "值班主任": EDITOR,  # the night's editor in charge (烟台晚报 `值班主任:姜  海`)
    "值班编委": EDITOR,  # 哈尔滨日报 `值班编委 孙立群`
    "值班总编": EDITOR,  # 许昌日报 `值班总编:孙  伟   责任编辑:周  静   校对:马  超`
    "值班副总编": EDITOR,
    "版面编辑": EDITOR,
    "图片编辑": EDITOR,
    "本期统筹": EDITOR,
    "统筹": EDITOR,
    "策划": EDITOR,
    "责编": EDITOR,
    "编辑": EDITOR,
    "校对": EDITOR,
    "审读": EDITOR,
    "责辑": EDITOR,
    # who passed the piece, on web-era credits: `排版/蒋雯 责辑/周祎 主审/肖涛 终审/石军`; numbered on
    # 红网's and 华声在线's pages: `一审:黄思婷`, `二审:曾益`, `三审:刘建光`
    "初审": EDITOR,
    "一审": EDITOR,
    "二审": EDITOR,
    "三审": EDITOR,
    "复审": EDITOR,
    "主审": EDITOR,
    "终审": EDITOR,
    "美术编辑": ART_EDITOR,
    "美编": ART_EDITOR,
    "版式设计": DESIGNER,
    "美术设计": DESIGNER,
    "视觉设计": DESIGNER,
    "版面设计": DESIGNER,
    "版式": DESIGNER,
    "设计": DESIGNER,
    "组版": DESIGNER,
    "排版": DESIGNER,
    "制图": DESIGNER,
}

# Papers whose name does not end in 报 (`株洲日报`, `新京报` do), printed alone at the head of their pages.
PAPERS_NOT_NAMED_BAO = ("参考消息", "新华每日电讯")

# Names of pages and desks a page header prints (`综合·城区`, `10  政治`, `A02  长沙新闻`).
PAGE_NAMES = {
    "要闻",
    "综合",
    "城区",
    "县市",
    "经济",
    "社会",
    "文化",
    "体育",
    "评论",
    "时政",
    "政治",
    "国内",
    "国际",
    "副刊",
    "专版",
    "专题",
    "民生",
    "教育",
    "健康",
    "法治",
    "视点",
    "聚焦",
    "财经",
    "科技",
    "旅游",
    "乡村振兴",
    "广告专版",
}

# The section commentary goes to, whatever page it is printed on.
COMMENTARY_SECTION = "评论"
# The section of mixed news: in a header of two parts the other part names the page (`综合·城区` → 城区,
# `要闻·综合` → 要闻).
MIXED_SECTION = "综合"
# The section of a party or government leader's official business (sections.is_leaders_business):
# a lead sentence naming one of LEADERS (a leader's title as the end of a word: 市委书记, 常务副市长;
# or a leading body: 市政协, 国务院), then one of LEADER_ACTS. Leaders of a county and above: a
# village's 党支部书记 is not 时政.
POLITICS_SECTION = "时政"
LEADERS = (
    "市委书记",
    "省委书记",
    "县委书记",
    "区委书记",
    "总书记",
    "市长",
    "省长",
    "县长",
    "区长",
    "州长",
    "主席",
    "总理",
    "部长",
    "委员长",
    "常委",
    "人大常委会主任",
    "政协",
    "人大常委会",
    "国务院",
    "市委",
    "省委",
    "县委",
    "市政府",
    "省政府",
)
LEADER_ACTS = (
    "会见",
    "会谈",
    "主持",
    "出席",
    "调研",
    "考察",
    "视察",
    "看望",
    "慰问",
    "走访",
    "座谈",
    "讲话",
    "召开",
    "听取",
    "率队",
    "率团",
    "督导",
)
# A title ending in 长 before one of these is the start of a place: 湖南省长沙市, 吉林省长春市, 长江.
LEADER_NOT_BEFORE = "沙春治江"
# What a front page that prints no name of its own is called (sections.page_header).
FRONT_PAGE = "头版"
# Page headers of other papers that name one of the sections in other words (sections.from_header;
# a section's own name in a header, `社会新闻`, `体育新闻`, needs no entry).
HEADER_SECTIONS = {
    "头版": "要闻",  # the front page (陕西工人报 `01  头版`, `01  首版`; 要闻's shipped keywords name 头版)
    "首版": "要闻",
    "封面": "要闻",  # `封面新闻` (城市晚报 A01), the cover
    "重要新闻": "要闻",  # 重庆晨报's `重要新闻` (要闻 is not a substring of it)
    "财经": "经济",
    "产经": "经济",
    "文娱": "文化",
    "文艺": "文化",
    "娱乐": "文化",
    "副刊": "文化",
    "观点": "评论",
    "言论": "评论",
    "时评": "评论",
    "法治": "社会",
    "民生": "社会",
}
# Pages of foreign news (sections.is_foreign_page): only 时政's words count there (China's state
# business abroad: `泰国王总理会见唐家璇`); the rest is the default section. 参考消息 prints its name
# as its page head.
FOREIGN_PAGES = ("国际", "环球", "世界", "参考消息")
FOREIGN_PAGE_PREFIX = "国际"  # `国际周刊`, `国际观察` (`世界杯` is sport, not foreign news)
# Labels of a reporter's own account (sections.is_notes): commentary, as essays are.
NOTES_LABELS = ("记者手记", "采访手记", "编辑手记")
# The sections of the paper's own area: a town or street named after its county or district,
# with no province before it (a paper names its own area so: `浏阳市蕉溪镇`, `天元区三门镇`),
# places a story there when its lead names it (sections.local_section).
COUNTY_SECTION = "县市"
DISTRICT_SECTION = "城区"
# Cities governed as provinces: a paper named after one is a city's (天津日报), not a province's.
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
PROVINCES = (
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "台湾",
    "香港",
    "澳门",
)

# The local news of a place outside the paper's own area (北京's papers; a province's paper such as
# 湖南日报; another city's) is 社会, not 城区 or 县市 (sections.decide).
SOCIETY_SECTION = "社会"
# Papers whose name does not begin with their place: the place they report on.
MASTHEAD_PLACES = {
    "新京报": "北京",
    "京华时报": "北京",
    "新民晚报": "上海",
    "文汇报": "上海",
    "解放日报": "上海",
    "今晚报": "天津",
    "潇湘晨报": "湖南",
    "三湘都市报": "湖南",
    "南方日报": "广东",
    "南方都市报": "广东",
    "羊城晚报": "广东",
    "大众日报": "山东",
    "齐鲁晚报": "山东",
    "华西都市报": "四川",
    "楚天都市报": "湖北",
    "扬子晚报": "江苏",
    "钱江晚报": "浙江",
    "团结报": "湘西",
    "信阳日报": "信阳",  # rjieba tags 信阳 a noun, not a place
}
# A paper's page of local news: a place then 新闻 (`长沙新闻`, `北京新闻`), or one of these names.
LOCAL_PAGES = ("城市", "本市", "城事", "都市", "本地", "州内", "区域", "县区")

# The ends of roads: a piece of a road's name (黄河|北路, 珠江|南路), never a tag by itself.
ROAD_ENDS = frozenset({"东路", "西路", "南路", "北路", "中路"})
# What ends a name the segmenter cuts in two (野鸭|冲社区, 空灵|岸, 锦绣|社区, 神农|大剧院, 黄河|北路):
# a word just before one of these is a piece of that name, never a tag.
NAME_ENDS = ROAD_ENDS | frozenset(
    {"冲", "岸", "村", "湾", "洲", "桥", "街", "巷", "路", "社区", "街道", "小区", "大桥", "大道", "剧院", "大剧院"}
)

AD_LABELS = {"广告", "公益广告", "商业广告", "广告专版", "公益"}

# Two-character surnames: a name that starts with one of them may have four characters.
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "令狐",
    "钟离",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "万俟",
    "闻人",
    "澹台",
    "公冶",
    "宗政",
    "濮阳",
    "太叔",
    "申屠",
    "赫连",
    "拓跋",
    "完颜",  # 摄影:记者完颜文豪 (济宁日报)
)

# Common Chinese surnames, most frequent first (after the national census rankings; characters
# that are far more often the start of a common word than a surname, such as 时, 国, 海, 明, are
# left out; some rarer surnames of the corpus follow), then the traditional forms of the commonest. A name with no role label before it
# (`(吕劲)`, `王星海 耿志清`) counts as a name only when it starts with one of these, and names run
# together with no space (`卢磊邓少华`) are split where each piece starts with one; the rank
# decides between two splits (卢磊|邓少华, not 卢磊邓|少华).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江洪赖尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
    "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成"
    "苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜"
    "冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆冀"
    "郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘闻厉仝郜阚权帅屠豆朴盖练廉禹井祖漆巴丰卿狄晋相初门容敬扈晁芮普阙浦"
    "戈伏鹿薄邸雍辜羊母裘亓修邰赫杭鲜逯隆茹诸慕亢嵇湛宾戎勾茅於尉冶檀昝寸旷巨励全扶贝钮宣郄郅"
    "劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧蔣鍾譚陸賈韋鄒龐顏莊聶龔錢嚴湯溫閻"
)

# Newsrooms that sign with a short name carrying none of the suffixes below (报, 社, 网, 台…):
# 南都记者 薛凯莹 (南方都市报).
OUTLETS = ("南都", "新湖南", "YMG")  # newsrooms whose names end in no suffix of ORG_SUFFIXES (YMG: 烟台日报传媒集团)
# How a workplace or an address ends when a writer signs with it before the name.
WORKPLACE_ENDINGS = (
    "信箱",
    "厂",
    "矿",
    "所",
    "公司",
    "分公司",
    "车间",
    "工段",
    "站",
    "段",
    "局",
    "处",
    "学校",
    "医院",
    "中学",
    "小学",
)
# How a newsroom's desk ends, glued to the label after it: `人民日报社经济社会部农村采访室记者 陈仁泽`.
DESK_ENDINGS = ("部", "室", "组", "中心")
# The office a guest writer signs with before the name, on the author line under a title:
# `美中关系全国委员会会长 何立强` (人民日报), `平利县融媒体中心总编辑  陈力` (陕西日报).
OFFICE_ENDINGS = (
    "会长",
    "理事长",
    "秘书长",
    "主任",
    "主席",
    "院长",
    "所长",
    "校长",
    "教授",
    "研究员",
    "书记",
    "局长",
    "厅长",
    "处长",
    "省长",
    "市长",
    "县长",
    "区长",
    "部长",
    "社长",
    "总编辑",
    "董事长",
    "总经理",
    "主编",
    "馆长",
)
# How a place's name commonly ends (唐山, 岳阳, 徐州, 吴江, 长沙): of a short word before 报道, where
# a story was filed from rather than who filed it (bylines._named_reporter).
PLACE_NAME_ENDS = "州山阳江城县市区镇京海沙门口庆安宁林原南北东西川湖河岛港坪乡村"
# What a photo was taken with, printed before 摄 after the name: `李安,无人机摄于2019年7月4日`.
SHOOTING_DEVICES = ("无人机", "手机")
# How the name of a place or a body ends: who supplied a photo (`兴坪镇供图`, `市文联供图`) is
# then no person, where `颜永莉供图` names its photographer.
INSTITUTION_ENDINGS = (
    "省",
    "市",
    "县",
    "区",
    "镇",
    "乡",
    "村",
    "街道",
    "社区",
    "委",
    "办",
    "部",
    "厅",
    "院",
    "馆",
    "队",
    "会",
    "园",
    "校",
    "中心",
)
# How a newsroom's name ends when it is glued to a role word: 新华社记者, 光明网记者,
# 丽江融媒记者, 南方+记者, 市六小记者站 王世佺, N栏目主持.
ORG_SUFFIXES = (
    "报",
    "社",
    "网",
    "台",
    "视",
    "新闻",
    "客户端",
    "媒体",
    "融媒",
    "财经",
    "时报",
    "中心",
    "频道",
    "传媒",
    "之声",
    "广播",
    "时刻",
    "号",
    "+",
    "栏目",
    "记者站",
    "分站",  # 红网君山分站记者
    "头条",
    "电讯",  # 新华每日电讯记者
    "观察",  # a city's news app: 宜宾观察 曹洋, 雅安观察 黄刚
    "在线",  # 四川在线记者
    "周刊",  # a weekly: 湘阴周刊记者郭雨滴摄, 中国经济周刊
)
# How the reporting was done, printed after the names: 记者 常琳报道, 本报记者 李银刚 整理,
# (本报记者X参与采写).
REPORTING_WORDS = ("报道", "采写", "采访", "整理", "供稿")
# A credit for several photos at once: 以上图片均由 X 摄, 本版图片均由 X 摄, 均为 X 摄.
PHOTO_SET_QUALIFIERS = ("以上", "本版", "本组", "上")
PHOTO_SET_WORDS = ("图片", "照片")
# Characters after 电 and 讯 that make a word of them, not a dateline's end: 中央电视台, 来电话,
# 通讯员, 讯息.
NOT_DATELINE_AFTER = {"电": "视台话脑力网子影器车站梯商信价费", "讯": "员息"}
# Characters before 电 or 讯 that make a word of it: 广电 (a broadcaster: 岳阳广电全媒体讯), 资讯
# (兴安资讯网讯(记者 X) is dated at 网讯).
NOT_DATELINE_BEFORE = {"电": "广", "讯": "资"}
# Characters after a role word that make a place of it: 记者站, 编辑部, 通讯组.
NOT_A_ROLE_AFTER = "站部组"
# Where a photo came from, printed after its credit: 摄/光明图片, 摄 视觉重庆, 摄(中经视觉).
PHOTO_AGENCY_WORDS = ("视觉", "图片", "影像", "图库")

# Words that stand where a name would and are none: the time words that follow a credit in an
# unbracketed lead (本报讯 记者 张三 昨日,…), and what credits print instead of a person.
NOT_NAMES = frozenset(
    {
        "今年",
        "去年",
        "明年",
        "近年",
        "日内",
        "目前",
        "当前",
        "此外",
        "同时",
        "随后",
        "据悉",
        "据了解",
        "近日",
        "昨日",
        "今日",
        "日前",
        "昨天",
        "今天",
        "近期",
        "当天",
        "当日",
        "此前",
        "本报",
        "记者",
        "编辑",
        "制作",
        "供图",
        "提供",
        "来源",
        "报道",
        "整理",
        "采写",
        "摄影",
        "新闻",
        # labels that stand between a title and its body where an author line would (a credit
        # never names them; bylines.is_name still takes 编者按 for an author line, see the report)
        "编者按",
        "编后",
        "编后语",
        "按语",
        "导语",
        "提要",
        "短评",
        "快评",
        "时评",
        "点评",
        "述评",
        "社论",
    }
)

# Traditional forms of the characters of role words, datelines and newsroom names (記者, 攝, 電,
# 訊, 報道, 責任編輯), for natively traditional outlets (中評社, 香港文匯網). Only the words
# around a name are read through this table; names stay as printed.
TRADITIONAL = {
    "记": "記",
    "讯": "訊",
    "员": "員",
    "摄": "攝",
    "电": "電",
    "报": "報",
    "导": "導",
    "编": "編",
    "辑": "輯",
    "责": "責",
    "网": "網",
    "图": "圖",
    "实": "實",
    "习": "習",
    "见": "見",
    "约": "約",
    "闻": "聞",
    "体": "體",
    "发": "發",
    "视": "視",
    "频": "頻",
    "广": "廣",
    "时": "時",
    "论": "論",
    "评": "評",
    "设": "設",
    "计": "計",
    "采": "採",
    "写": "寫",
    "组": "組",
    "专": "專",
    "职": "職",
    "签": "簽",
    "资": "資",
    "级": "級",
    "驻": "駐",
    "术": "術",
    "对": "對",
    "审": "審",
    "读": "讀",
    "筹": "籌",
    "划": "劃",
    "统": "統",
    "华": "華",
}
