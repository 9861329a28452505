"""The words Chinese papers print around their stories, as data.

Every table here was checked against pages of several papers (株洲日报, 人民日报 and the
papers of ``tests/importers/corpus/``); the parser's rules read them and hold no word lists
of their own. Add a paper's word here, with a test that shows it in that paper's text.
"""

from __future__ import annotations

# Roles of people named in a story's credit.
REPORTER = "reporter"
CORRESPONDENT = "correspondent"
INTERN = "intern"
PHOTOGRAPHER = "photographer"
AUTHOR = "author"
# Roles of a page's staff.
EDITOR = "editor"
ART_EDITOR = "art_editor"
DESIGNER = "designer"

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
)
BASE_ROLES = {"记者": REPORTER, "通讯员": CORRESPONDENT, "评论员": AUTHOR}
ROLE_WORDS = {
    "实习生": INTERN,
    "见习生": INTERN,
    "作者": AUTHOR,
    "撰文": AUTHOR,
    "撰稿": AUTHOR,
    "摄影": PHOTOGRAPHER,
    "摄像": PHOTOGRAPHER,
    "图片": PHOTOGRAPHER,
    "图文": "both",
    "文图": "both",
    "文": AUTHOR,
    "图": PHOTOGRAPHER,
    "摄": PHOTOGRAPHER,
}

# The labels of a page's staff line: `责任编辑/胡乐 美术编辑/张武`, `本版责编：胡  燕`,
# `版式设计：许佳宁`, `本期统筹：…`.
STAFF_ROLE_WORDS = {
    "责任编辑": EDITOR,
    "本版责编": EDITOR,
    "本版编辑": EDITOR,
    "执行编辑": EDITOR,
    "值班编辑": EDITOR,
    "版面编辑": EDITOR,
    "图片编辑": EDITOR,
    "本期统筹": EDITOR,
    "统筹": EDITOR,
    "责编": EDITOR,
    "编辑": EDITOR,
    "校对": EDITOR,
    "审读": EDITOR,
    "美术编辑": ART_EDITOR,
    "美编": ART_EDITOR,
    "版式设计": DESIGNER,
    "美术设计": DESIGNER,
    "视觉设计": DESIGNER,
    "版面设计": DESIGNER,
    "版式": DESIGNER,
    "设计": DESIGNER,
    "组版": DESIGNER,
    "制图": DESIGNER,
}

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
)
