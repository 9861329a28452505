"""The paper's vocabulary: what an item on a page is, what a person named in it did, what a body block is.

Plain Python, no Django. The models' choices (``articles.models``), the body format (``articles.body``)
and the parser (``importers.parsing``) all read these, so a kind, role or block is added here once:
its stored value, and the label editors and readers see.
"""

# What an item on a page is (``Article.kind``).
NEWS = "news"
PHOTO = "photo"
COMMENTARY = "commentary"
SIDEBAR = "sidebar"
NOTICE = "notice"
PSA = "psa"
ADVERTISEMENT = "advertisement"

KINDS = {
    NEWS: "消息",
    PHOTO: "图片新闻",
    COMMENTARY: "评论",
    SIDEBAR: "链接/边栏",
    NOTICE: "启事/公告",
    PSA: "公益广告",
    ADVERTISEMENT: "广告",
}

# Printed and stored with their page, shown only there, under these labels (``ArticleQuerySet.listed()``).
PRINT_LABELS = {ADVERTISEMENT: "广告", PSA: "公益广告", NOTICE: "公告"}
NOT_EDITORIAL = tuple(PRINT_LABELS)

# What a person named in a story's credit did (``Byline.role``), then a page's staff (``PageCredit.role``).
REPORTER = "reporter"
CORRESPONDENT = "correspondent"
INTERN = "intern"
PHOTOGRAPHER = "photographer"
AUTHOR = "author"
EDITOR = "editor"
ART_EDITOR = "art_editor"
DESIGNER = "designer"

ROLES = {
    REPORTER: "记者",
    CORRESPONDENT: "通讯员",
    INTERN: "实习生",
    PHOTOGRAPHER: "摄影",
    AUTHOR: "作者",
    EDITOR: "责任编辑",
    ART_EDITOR: "美术编辑",
    DESIGNER: "设计",
}

# The blocks of an article's body, and how the plain-text body marks them (``articles.body``).
PARAGRAPH = "paragraph"
SUBHEAD = "subhead"
CAPTION = "caption"

BLOCK_MARKERS = {SUBHEAD: "## ", CAPTION: "> "}
