"""Cut a page's units into items.

Stories are found from their anchors: a lead (`株洲日报讯(…)`), a standalone
byline before a body, a commentary's series or author line, a photo credit
(`…/摄`) closing a photo news. The title is the run of title-like units just
before an anchor. Ads and public-service ads are found from their labels
(`广告`, `公益广告`, `株洲日报宣`); notices from their titles (招募, 公告…);
a boxed sidebar from a lone title inside a story after a cut-off paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from articles.vocabulary import ADVERTISEMENT, AUTHOR, COMMENTARY, NEWS, NOTICE, PHOTO, PSA, SIDEBAR  # noqa: F401

from .bylines import (
    author_name,
    ends_with_dash_signature,
    ends_with_tip,
    is_signature,
    is_source_tag,
    is_surnamed,
    names_in_brackets,
    parse_credit,
    source_name,
    split_glued_credit,
    split_source_tag,
)
from .dates import from_page_date
from .dictionary import words
from .model import Furniture, PersonCredit
from .text import (
    CLOSE_PAREN,
    COLONS,
    COMMAS,
    HAN,
    OPEN_PAREN,
    PAUSES,
    SPACES,
    STOPS,
    ends_sentence,
    runs_on,
    squeeze,
    strip,
    unquoted,
)
from .titles import (
    BOX_LABEL,
    COLUMN_NOTE,
    EDITORS_NOTE,
    ENUMERATED,
    MAX_TITLE_LINES,
    adds_details,
    continues_title_line,
    dedupe_title_lines,
    is_cry,
    is_kicker,
    is_note,
    is_subhead_like,
    starts_with_bullet,
)
from .units import CAPTION, CREDIT, FURNITURE, LEAD, PHOTO_CREDIT, SERIES, TEXT, TITLE, Unit

_NOTICE_WORDS = re.compile(r"招募|招聘|公告|启事|通知|声明|征集|公示|寻人|遗失|招生|通告|告知书|讣告|挂失|拍卖|招标")
_CONTACT = re.compile(r"电话|热线|邮箱|微信|报名|联系人|地址|@|\d{7,}")
# The formula that closes an official notice: `特此公告。`, `特此通知`, `特此声明`.
_NOTICE_CLOSE = re.compile(r"特此(?:公告|通知|通告|声明|公示|告知)")
_MAX_PHOTO_CAPTIONS = 3
_MAX_PHOTOS = 12
_MAX_SUBHEAD_IN_CUT = 16
_MAX_NOTE_UNDER_TITLE = 30


@dataclass
class Draft:
    kind: str
    title: list[Unit] = field(default_factory=list)
    anchor: Unit | None = None
    body: list[Unit] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)  # jump lines inside the item
    parent: Draft | None = None

    @property
    def units(self) -> list[Unit]:
        return self.title + ([self.anchor] if self.anchor else []) + self.body


@dataclass
class Segmentation:
    drafts: list[Draft]
    furniture: list[Furniture]


def segment(units: list[Unit], *, single: bool) -> Segmentation:
    furniture: list[Furniture] = []
    seq: list[Unit] = []
    jumps: dict[int, list[Furniture]] = {}  # unit index → jump lines belonging to its item
    labels: list[tuple[int, Furniture]] = []
    barrier = False
    dated = jumped = False
    _psa_slogans_are_titles(units)
    for unit in units:
        if unit.shape == FURNITURE and unit.furniture.kind == "page_date":
            if dated and "星期" not in unit.text:
                unit.shape, unit.furniture = TEXT, None  # a later bare date signs off a notice
            dated = True
        if unit.shape == FURNITURE:
            furniture.append(unit.furniture)
            if unit.furniture.kind == "continuation":
                # `▶ 下转 02版` ends the item above it; `(上接第1版)` opens the item below.
                owner = len(seq) - 1 if unit.furniture.continued_to else len(seq)
                jumps.setdefault(owner, []).append(unit.furniture)
                jumped = bool(unit.furniture.continued_to)
                if jumped and seq:
                    seq[-1].before_jump = True
            elif unit.furniture.kind in ("ad_label", "publisher_credit"):
                labels.append((len(seq), unit.furniture))
            barrier = True
            continue
        unit.barrier_before = barrier
        unit.after_jump = jumped
        if barrier and jumped and unit.shape == TEXT and (unit.phrase or _unfinished_line(unit)):
            # `（下转第13版）` ends a story: a whole phrase after it heads the next, and so does a line that
            # ends no sentence (`【天眼问政】过街难下脚,贵阳云岩区…地下通道该清扫了`, 贵州日报)
            unit.shape = TITLE
        barrier = jumped = False
        seq.append(unit)

    seq = _join_continued_title_lines(seq)
    _notes_under_titles(seq)
    _closing_signatures(seq)
    _lead_in_kickers(seq)
    _titles_floated_into_captions(seq)
    _titles_floated_into_paragraphs(seq)
    starts = _find_starts(seq, single)
    consumed: set[int] = set()
    placed: list[tuple[int, int, Draft]] = []  # (first unit index, order found, draft)

    for start, end, kind in _ad_regions(seq, labels, starts):
        draft = _ad_draft(seq[start:end], kind)
        placed.append((start, len(placed), draft))
        consumed.update(range(start, end))

    ordered = sorted(s for s in starts if s not in consumed)
    first = ordered[0] if ordered else len(seq)
    leading = [i for i in range(0, first) if i not in consumed]
    # Short lines over the first story that hold no text are the page's own head
    # (masthead, section name), not an item.
    while leading and seq[leading[0]].shape == TITLE and not _opens_anchorless(seq, leading) and ordered:
        unit = seq[leading.pop(0)]
        furniture.append(Furniture("page_header", unit.text, line=unit.lines[0]))
    if leading:
        for draft_start, draft in _anchorless(seq, leading):
            placed.append((draft_start, len(placed), draft))
    for n, start in enumerate(ordered):
        stop = ordered[n + 1] if n + 1 < len(ordered) else len(seq)
        indexes = [i for i in range(start, stop) if i not in consumed]
        if not indexes:
            continue
        kind, anchor_index = starts[start]
        for draft_start, draft in _build(seq, indexes, kind, anchor_index):
            placed.append((draft_start, len(placed), draft))
    drafts = [draft for _, _, draft in sorted(placed, key=lambda p: p[:2]) if draft.units]
    _return_floated_titles(drafts)
    _resume_cut_paragraphs(drafts)
    drafts = _inset_titled_photos(drafts)
    _attach_jumps(drafts, seq, jumps)
    return Segmentation(drafts=drafts, furniture=furniture)


def _psa_slogans_are_titles(units: list[Unit]) -> None:
    """Parallel phrases next to a public-service ad's label (`人民有信仰 民族有希望 国家有力量` over
    `株洲日报宣` / `公益广告`) are the ad's title, not a banner of the page's head."""
    labels = ("ad_label", "publisher_credit")
    for n, unit in enumerate(units):
        if unit.shape != FURNITURE or unit.furniture.kind != "slogan":
            continue
        around = [units[k] for k in (n - 1, n + 1) if 0 <= k < len(units)]
        if any(u.shape == FURNITURE and u.furniture.kind in labels for u in around):
            unit.shape, unit.furniture = TITLE, None


def _inset_titled_photos(drafts: list[Draft]) -> list[Draft]:
    """A titled photo printed inside a story's cut paragraph (`…5G网络已覆盖所有地级市城区,` /
    `冬奥旗手高亭宇破纪录夺冠` / `…“零”的突破。 新华社发` / `超过98%的县城城区…`; `…老旧小` /
    `认真审议 履职行权` / caption / `本报特派北京记者` / `徐丹伟 万 重 摄` / `区改造…`): the title and
    its credited captions are an item of their own, after the story; the story's halves join."""
    result: list[Draft] = []
    for story in drafts:
        result.append(story)
        if story.kind == PHOTO:
            continue
        body = story.body
        for n in range(1, len(body) - 2):
            before, unit = body[n - 1], body[n]
            if unit.shape != TITLE or "\n" in unit.text or before.shape != TEXT or ends_sentence(before.text):
                continue
            end = _photo_under_title(body, n + 1)
            if end is not None and end < len(body) and body[end].shape == TEXT:
                result.append(Draft(kind=PHOTO, title=[unit], body=body[n + 1 : end]))
                del body[n:end]
                break
    return result


def _resume_cut_paragraphs(drafts: list[Draft]) -> None:
    """A titled photo printed inside the cut last paragraph of the story above (`…享丰收,` /
    `秋风吹 稻谷熟` / its text, caption and `乔启明摄` / `农耕农趣农味里,…`): the text after the photo's
    last credit goes on the story's sentence, and it and what follows up to the next title are the
    story's."""
    for story, photo in zip(drafts, drafts[1:], strict=False):
        if photo.kind != PHOTO or story.kind == PHOTO or not photo.title or not story.body:
            continue
        last = max((n for n, u in enumerate(photo.body) if u.shape in (CAPTION, PHOTO_CREDIT)), default=None)
        if last is None or last + 1 >= len(photo.body):
            continue
        end = next((n for n in range(last + 1, len(photo.body)) if photo.body[n].shape == TITLE), len(photo.body))
        if _sentence_goes_on(story.body[-1], photo.body[last + 1]) and all(
            u.shape == TEXT for u in photo.body[last + 1 : end]
        ):
            story.body += photo.body[last + 1 : end]
            del photo.body[last + 1 : end]


def _photo_under_title(body: list[Unit], k: int) -> int | None:
    """Where the photos under a title at ``k - 1`` end: captions with their credit on them
    (`…的突破。 新华社发`), or one to three caption lines closed by a credit that names its
    photographers, printed on one or two lines (`本报特派北京记者` / `徐丹伟 万 重 摄`); text after
    a closed photo is the story again."""
    end, photos, texts = k, 0, 0
    while end < len(body):
        unit = body[end]
        if _credited_photo(unit) and photos < _MAX_PHOTOS:
            # (a caption closed by its credit closes the caption lines over it too: `10月15日,…进行训练。` /
            # `…入门级山峰。…。 新华社记者 普布扎西 摄`, 人民日报)
            texts, photos = 0, photos + 1
        elif unit.shape == TEXT and not photos and texts < _MAX_PHOTO_CAPTIONS and end + 1 < len(body):
            texts += 1
        elif unit.shape == CREDIT and texts and end + 1 < len(body) and body[end + 1].shape == PHOTO_CREDIT:
            pass  # the credit's outlet on a line of its own, over the names
        elif unit.shape == PHOTO_CREDIT and unit.people and texts:
            texts, photos = 0, photos + 1
        else:
            break
        end += 1
    return end if photos and not texts else None


def _return_floated_titles(drafts: list[Draft]) -> None:
    """A photo or a story printed without a title right after a story that holds a title line
    between the two halves of a cut paragraph (`…的慰问职工传统,` / `留守农民工提前吃年夜饭` /
    `转而开展…`), or ends with title lines (`暂别晴暖天气,山东多地迎小雨雪` over the page's tag
    line and the next story's byline): its title, floated up into the story above by the
    extraction."""
    for story, photo in zip(drafts, drafts[1:], strict=False):
        if photo.title or photo.kind not in (PHOTO, NEWS, COMMENTARY) or story.kind == PHOTO:
            continue
        body = story.body
        tail = len(body)
        while tail > 1 and body[tail - 1].shape == TITLE and len(body) - tail < MAX_TITLE_LINES:
            tail -= 1
        last = body[tail - 1] if tail < len(body) else None
        if last is not None and last.shape == TEXT and (ends_sentence(last.text) or split_source_tag(last.text)):
            photo.title, story.body = body[tail:], body[:tail]
            continue
        own = {squeeze(line) for u in story.title for line in u.text.split("\n")}
        # (the first half may be the story's lead: `长沙晚报掌上长沙5月3日讯(…)5月1日晚,一辆载有残留氢` / title /
        # the lead's second half, 长沙晚报)
        units = ([story.anchor] if story.anchor is not None and story.anchor.shape == LEAD else []) + body
        for n in range(1, len(units) - 1):
            before, unit, after = units[n - 1], units[n], units[n + 1]
            cut = before.shape in (TEXT, LEAD) and not ends_sentence(before.text) and after.shape == TEXT
            if unit.shape == TITLE and cut and unit.text.count("\n") < 2 and unit.key not in own:
                # (a line of the story's own title printed again there is a copy, not the next one's title)
                story.body = [u for u in body if u is not unit]
                photo.title = [unit]  # a title of one line, or kicker and headline (江门日报)
                break


def _lead_in_kickers(seq: list[Unit]) -> None:
    """A sentence ending in `——` that opens a span, over a title, is the title's kicker, however long
    (`25年来,黑龙江近190万人次搭乘插秧专列——` / `坐着火车去插秧`; `非典疫情暴发,…增长了4个百分点——` /
    `农民增收4%的背后`; 人民日报 1998, 2003, 2025): after the page's head, a jump line or the item
    above's closing credit, where no paragraph of a story can stand."""
    for k, unit in enumerate(seq[:-1]):
        nxt = seq[k + 1]
        opens = k == 0 or unit.barrier_before or seq[k - 1].shape in (CREDIT, PHOTO_CREDIT)
        if (
            opens
            and unit.shape == TEXT
            and "\n" not in unit.text
            and strip(unit.text).endswith("\u2014\u2014")
            and len(unit.key) <= _MAX_LEAD_IN
            and not nxt.barrier_before
            and (nxt.shape == TITLE or nxt.phrase)
        ):
            unit.shape = TITLE


_MAX_LEAD_IN = 90


def _titles_floated_into_captions(seq: list[Unit]) -> None:
    """A photo's title floated between the halves of the caption above it, cut after a pause
    (`…区位优势,` / `项目建设助就业` / `引导农民…助力乡村振兴。 记者 李若生 摄` / its own caption, 菏泽日报; `…推着装得
    满满的垃圾车,` / `咱们环卫工人过节啦` / `有的在昏暗的路灯下…的清洁。 新华社记者 林宏 摄`, 工人日报): when the second
    half closes with its credit and another photo follows, the title goes back over that photo."""
    k = 1
    while k < len(seq) - 2:
        title, cut, half = seq[k], seq[k - 1], seq[k + 1]
        closing = k + 1 if half.shape == CAPTION and half.people else k + 2
        if (
            title.shape == TITLE
            and "\n" not in title.text
            and not (title.barrier_before or half.barrier_before)
            and cut.shape == TEXT
            and not ends_sentence(cut.text)
            and strip(cut.text)[-1] in PAUSES
            and (closing == k + 1 or (half.shape == TEXT and seq[k + 2].shape == PHOTO_CREDIT and seq[k + 2].people))
            and closing + 1 < len(seq)
            and _photo_follows(seq, closing + 1)
        ):
            seq.insert(closing, seq.pop(k))
            k = closing
        k += 1


def _titles_floated_into_paragraphs(seq: list[Unit]) -> None:
    """The title of a story floated between the halves of the paragraph above, cut after a pause, when
    its own story opens further down with a byline or a lead that has no title over it (`…警醒人们` cut
    after `抗战历程,` / `鲁豫“牵手”!济郑高铁山东段首标段贯通` and its 副题 / `警醒人们铭记历史,…` / … /
    `记者 王瑞超`, 齐鲁晚报; `…两番,` / three title lines / `有19项产品…` / `本报南京11月7日电 记者龚永泉报道:…`,
    人民日报 1989): the title goes back over that byline or lead."""
    k = 1
    while k < len(seq) - 2:
        end = k
        while end < len(seq) and end - k < MAX_TITLE_LINES and seq[end].shape == TITLE:
            end += 1
        if end == k or end >= len(seq) or not _sentence_goes_on(seq[k - 1], seq[end]):
            k += 1
            continue
        anchor = next((a for a in range(end + 1, len(seq)) if seq[a].shape != TEXT), None)
        if (
            anchor is None
            or seq[anchor].shape not in (LEAD, CREDIT)
            or any(u.barrier_before for u in seq[k : anchor + 1])
            or not _text_under(seq, anchor)
            or not _finished_paragraph(seq, anchor - 1)
        ):
            k += 1
            continue
        titles = seq[k:end]
        seq[k:anchor] = seq[end:anchor] + titles
        k = anchor + 1


def _finished_paragraph(seq: list[Unit], k: int) -> bool:
    """A paragraph that ends its sentence, not a title line over what follows (`今日报丨返程注意!…`)."""
    unit = seq[k]
    return unit.shape == TEXT and not unit.phrase and ends_sentence(unit.text) and not _title_phrase(seq, k)


def _text_under(seq: list[Unit], anchor: int) -> bool:
    """Body text under a lead, or under a byline of one or more lines (`记者 王瑞超` / `通讯员 毕美娟`)."""
    below = anchor + 1
    while seq[anchor].shape == CREDIT and below < len(seq) and seq[below].shape == CREDIT:
        below += 1
    return seq[anchor].shape == LEAD or (below < len(seq) and seq[below].shape == TEXT)


def _join_continued_title_lines(seq: list[Unit]) -> list[Unit]:
    """A title line that opens with a conjunction (`并对尼泊尔进行国事访问`, `暨十届…会议`)
    continues the title line above it: one level of the title printed on two lines."""
    joined: list[Unit] = []
    for unit in seq:
        above = joined[-1] if joined else None
        if (
            above is not None
            and unit.shape == TITLE
            and above.shape == TITLE
            and not unit.barrier_before
            and continues_title_line(unit.text)
        ):
            joined[-1] = replace(above, text=f"{above.text}\n{unit.text}", lines=above.lines + unit.lines)
            continue
        joined.append(unit)
    return joined


def _notes_under_titles(seq: list[Unit]) -> None:
    """A line in round brackets right under a title is its last title line, before the body:
    `(2002年第3号)` under a 公告, `(湘潭大学教授、博士生导师)` under a speaker's headline.
    Elsewhere such a line is a note or a credit (`(作者为本报记者)`), never a title."""
    for i in range(1, len(seq) - 1):
        unit = seq[i]
        if (
            unit.shape == TEXT
            and seq[i - 1].shape == TITLE
            and not unit.barrier_before
            and is_note(unit.text)
            and len(unit.key) <= _MAX_NOTE_UNDER_TITLE
            and seq[i + 1].shape in (TEXT, LEAD)
            and parse_credit(unit.text) is None
        ):
            unit.shape = TITLE


_MAX_HEADING = 60


def _unfinished_line(unit: Unit) -> bool:
    """A line that ends no sentence, as a title does; not one cut at a comma (`…面前时,`), which a column
    break cut out of a paragraph (哈尔滨日报: the first half of a story's first paragraph after a jump line)."""
    text = strip(unit.text)
    return (
        len(unit.key) <= _MAX_HEADING
        and not ends_sentence(text)
        and "\n" not in text
        and text[-1:] not in COMMAS + "\u3001"
    )


def _closing_signatures(seq: list[Unit]) -> None:
    """A name alone under a story's finished last paragraph, with no text of its own under it (the page
    ends, or a title follows): the story's signature (`…。` / `郑临临` / next title, 浙江老年报; `金海亮`,
    `徐林` closing stories of other papers). A name over more text is a signed piece's author line instead
    (_signs_untitled); only a name with a surname of the table that is no word of the dictionary counts."""
    for k, unit in enumerate(seq):
        nxt = seq[k + 1] if k + 1 < len(seq) else None
        if (
            k > 0
            and unit.shape == TITLE
            and unit.is_name
            and not unit.barrier_before
            and seq[k - 1].shape == TEXT
            and ends_sentence(seq[k - 1].text)
            and (nxt is None or nxt.barrier_before or nxt.shape == TITLE)
            and is_signature(unit.text)
            and author_name(unit.text) not in words()
        ):
            unit.shape, unit.credit = CREDIT, unit.text
            unit.people = (PersonCredit(author_name(unit.text), AUTHOR),)


def _find_starts(seq: list[Unit], single: bool) -> dict[int, tuple[str, int]]:
    """Start index of every anchored item → (kind, index of its anchor)."""
    starts: dict[int, tuple[str, int]] = {}
    for i, unit in enumerate(seq):
        kind = None
        if unit.shape == LEAD and _printed_again(seq, i):
            continue  # a lead printed twice (`本报石城讯 “黄小俊,加油!…` twice, 江西日报): the copy opens nothing
        if unit.shape == LEAD and not _second_dispatch(seq, i) and _part_under_byline(seq, i) is None:
            kind = NEWS
        elif unit.shape == CREDIT and _opens_story(seq, i) and not _over_lead(seq, i):
            authors = [p.role == AUTHOR for p in unit.people] or [unit.text.endswith("评论员")]
            reported = any(_part_under_byline(seq, k) == i for k in range(i + 2, min(i + 4, len(seq))))
            kind = COMMENTARY if all(authors) and not reported else NEWS
        elif unit.shape == SERIES and not (i + 1 < len(seq) and seq[i + 1].shape == TITLE):
            # (a series line over the title, `深化改革系列述评之十一` / `加快投资体制改革`, is the title's)
            kind = series_kind(unit.text)
        elif unit.shape == TITLE and unit.is_name and _is_author_line(seq, i):
            if _over_lead(seq, i):
                # the writer's name between the title and a lead that names no one signs the story the lead opens
                # (a lead that names the writer already gives the role)
                unit.shape, unit.credit = CREDIT, unit.text
                unit.people = () if seq[i + 1].people else (PersonCredit(author_name(unit.text), AUTHOR),)
                continue
            kind = COMMENTARY
        elif unit.shape == PHOTO_CREDIT or _closes_photo(seq, i):
            start = _untitled_after_photo(seq, i)
            if start is None:
                start = _photo_start(seq, i, single)
            if start is None:
                start = _after_other_photo(seq, i)
            if start is None:
                start = _untitled_after_story(seq, i)
            if start is None and _heads_photo_story(seq, i):
                start = _title_start(seq, i, single)
            if start is not None:
                starts[start] = (PHOTO, i)
            continue
        if kind:
            start = _title_start(seq, i, single)
            # A series line's or author's title may already have been claimed by the series line.
            if start in starts and starts[start][0] == COMMENTARY and kind == COMMENTARY:
                continue
            if kind == COMMENTARY and unit.shape == TITLE and (i - 1) in {a for _, a in starts.values()}:
                continue
            starts[start] = (kind, i)
    return starts


_REPORT_SERIES = re.compile("报道")


def _printed_again(seq: list[Unit], i: int) -> bool:
    """The unit at i repeats one of the few just above it, word for word: the extraction printed it twice."""
    return any(seq[k].key == seq[i].key for k in range(max(0, i - _REPEAT_REACH), i))


_REPEAT_REACH = 3


def series_kind(series: str) -> str:
    """What a series line says its pieces are: `系列报道` reports (news), `系列评论`, `系列述评` comment."""
    return NEWS if _REPORT_SERIES.search(series) else COMMENTARY


_MAX_PART_TITLE = 2


def _part_under_byline(seq: list[Unit], i: int) -> int | None:
    """The byline (its index) whose story a lead naming no one goes on under a part's title: `范晓林 吴胜` /
    `全省昨降“牛背暴雨”` / `今明两天南京最高35℃` / `本报讯 昨天是夏至,…` (扬子晚报's package); None otherwise."""
    if seq[i].shape != LEAD or seq[i].people or seq[i].barrier_before:
        return None
    k = i - 1
    while k >= 0 and i - k <= _MAX_PART_TITLE and seq[k].shape == TITLE and not seq[k].barrier_before:
        k -= 1
    if k == i - 1 or k < 1 or seq[k].shape != CREDIT or not seq[k].people or seq[k - 1].shape != TITLE:
        return None
    return k


def _second_dispatch(seq: list[Unit], i: int) -> bool:
    """A dispatch under the title of another from the same source, with no title of its own: one story
    (`本报曼谷2月5日电记者成元生报道:泰国国王…` … `本报曼谷2月5日电记者成元生报道:泰国总理…`, `据新华社纽约2月22日电
    (记者李红旗)…` … `据新华社伦敦2月22日电 (记者黄兴伟)…` under one title, 人民日报)."""
    source = _dispatch_source(seq[i])
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    if (
        nxt is not None
        and nxt.shape == TITLE
        and not _place_subhead(seq, i + 1)
        and not _titles_next_story(seq, i + 1)
    ):
        return False  # a lead over its own headline, floated under it (`新华社北京3月28日电(记者罗辉)…` / `李鹏会见…`)
    k = i - 1
    placed = k > 0 and _place_subhead(seq, k)
    if placed:
        k -= 1  # the place as a subhead over its dispatch: `南京` / `本报南京10月6日电 记者顾兆农报道:…`
    elif k >= 0 and seq[k].phrase:
        return False
    while source and k >= 0 and not seq[k + 1].barrier_before:
        if seq[k].shape == LEAD:
            # (a round-up of places under one title tells of none of them: `各地群众欢度佳节` / `山东` / …)
            return _dispatch_source(seq[k]) == source and (placed or _title_tells_of(seq, k, seq[i]))
        if seq[k].shape not in (TEXT, CAPTION, PHOTO_CREDIT):
            return False
        k -= 1
    return False


def _title_tells_of(seq: list[Unit], k: int, lead: Unit) -> bool:
    """Whether the title over the lead at k (if printed) shares words with the later dispatch's text: one
    story in two dispatches (`国家防总针对四省份…` / `水利部部署暴雨洪水防范应对工作` over `…(记者王浩)7月22日,
    水利部安排部署…`), not a headless story of the same newsroom under another's title (`2024年贵州“村超”决出
    总冠军` over `…(记者韩鑫)8月13日,随着一件由菜鸟速递承运的快件…`, 人民日报)."""
    title = []
    while k > 0 and seq[k - 1].shape == TITLE and not seq[k].barrier_before:
        k -= 1
        title.append(seq[k].key)
    text = lead.lead.rest if lead.lead else lead.text
    return not title or any(_shares_words(line, text) for line in title)


def _titles_next_story(seq: list[Unit], k: int) -> bool:
    """The title lines at k head the story whose lead or byline follows them, not the dispatch above
    (`据新华社贝尔格莱德2月14日电 (记者江亚平)…` / `世界遗产大会召开` / `中国申报“三江并流”景观` / `新华社巴黎…电`)."""
    while k < len(seq) and seq[k].shape == TITLE:
        k += 1
    return k < len(seq) and seq[k].shape in (LEAD, CREDIT)


_MAX_PLACE_SUBHEAD = 4


def _place_subhead(seq: list[Unit], k: int) -> bool:
    """A short line naming the place of the dispatch under it: `南京` / `本报南京10月6日电 …`."""
    lead = seq[k + 1] if k + 1 < len(seq) else None
    return (
        lead is not None
        and lead.shape == LEAD
        and seq[k].shape in (TITLE, TEXT)
        and len(seq[k].key) <= _MAX_PLACE_SUBHEAD
        and seq[k].key in squeeze(lead.lead.dateline)
    )


_DISPATCH = re.compile("^据?(?P<source>本报|新华社|中新社|中新网)[^电讯]{2,20}电$")


def _dispatch_source(unit: Unit) -> str:
    """Who filed a dispatch dated at a place (`本报曼谷2月5日电`, `据新华社伦敦2月22日电`), or ''."""
    found = _DISPATCH.match(squeeze(unit.lead.dateline)) if unit.lead else None
    return found.group("source") if found else ""


def _over_lead(seq: list[Unit], i: int) -> bool:
    """`株洲日报记者 罗欣` over `株洲日报讯 9月22日,…`: the byline of the story the lead opens."""
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    return nxt is not None and nxt.shape == LEAD and not nxt.barrier_before


def _opens_story(seq: list[Unit], i: int) -> bool:
    """A standalone byline opens a story when body text follows it and it does not
    close the story before it (a trailing byline follows body text)."""
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    if nxt is None or nxt.shape not in (TEXT, TITLE, CAPTION):
        return False
    prev = seq[i - 1] if i > 0 else None
    if prev is None or prev.shape in (TITLE, PHOTO_CREDIT, CREDIT, SERIES) or seq[i].barrier_before:
        return True
    if _title_phrase(seq, i - 1):
        return True
    return prev.shape == CAPTION or prev.shape == TEXT and _title_over_captions(seq, i - 1) is not None


def _is_author_line(seq: list[Unit], i: int) -> bool:
    """`朱理平` under a commentary's title (or series line), above its body, or above a box's label
    (`武夷山` / `开栏的话`) or another line printed before the body."""
    prev = seq[i - 1] if i > 0 else None
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    after = seq[i + 2] if i + 2 < len(seq) else None
    box = nxt is not None and nxt.shape == TITLE and BOX_LABEL.match(nxt.key) is not None
    photo_then_text = nxt is not None and _credited_photo(nxt) and after is not None and after.shape == TEXT
    # or above a subhead or a short first line over the body (`罗成友` / `记者梦`, 重庆日报; `龚延明` /
    # `《中华读书报》20岁了!`, 中华读书报)
    line_then_text = (
        nxt is not None
        and nxt.shape == TITLE
        and not nxt.barrier_before
        and after is not None
        and after.shape == TEXT
        and not after.barrier_before
    )
    # or above a lead that names no one (`秦睿` / `青海新闻网·大美青海客户端讯 又是一年…`, 青海日报) or only the
    # writer again (`肖广军` / `本报讯(记者 肖广军)6月12日,…`, 淇滨晚报)
    bare_lead = nxt is not None and nxt.shape == LEAD and not _names_others(nxt, seq[i])
    body = nxt is not None and (nxt.shape == TEXT or box or photo_then_text or line_then_text or bare_lead)
    # the title above may be a phrase with a comma: `那岁月,不只因为怀念而美好`
    titled = prev is not None and (prev.shape in (TITLE, SERIES) or _title_phrase(seq, i - 1))
    if titled and prev.is_name and i >= 2 and _is_author_line(seq, i - 1) and not is_surnamed(seq[i].text):
        return False  # the subhead under the author line (`罗成友` / `记者梦`), no second writer
    return bool(titled and body and not seq[i].barrier_before)


def _names_others(lead: Unit, name: Unit) -> bool:
    """Whether the lead names anyone but the writer whose name stands over it."""
    return any(p.name != author_name(name.text) for p in lead.people)


def _title_start(seq: list[Unit], i: int, single: bool) -> int:
    """Index of the first title unit above the anchor at i (captions may sit between).

    A line that reads as a whole phrase with commas in it (`取消户籍限制，就业地能参加医保`) is
    a title here, over a byline, when what stands above it does not run on into it."""
    j = i
    titles = 0
    while j > 0 and not seq[j].barrier_before:
        prev = seq[j - 1]
        stacked = prev.shape == CREDIT and all(seq[k].shape == CREDIT for k in range(j, i + 1))
        if (prev.shape == SERIES or prev.shape == CREDIT and _over_lead(seq, j - 1)) and j == i or stacked:
            j -= 1  # a series line, or a byline over its lead or over another byline line
            continue
        if j == i - 1 and prev.shape == CREDIT and _byline_pair(seq, j):
            j -= 1  # the first line of a byline printed on two
            continue
        top = (
            _title_over_captions(seq, j - 2)
            if j == i and seq[i].shape == LEAD and prev.shape == PHOTO_CREDIT
            else None
        )
        if top is not None and _shares_words(seq[top].key, seq[i].lead.rest if seq[i].lead else seq[i].text):
            # the story's photo between its title and its lead, the caption over its credit line, when the
            # title tells of the lead (`武大靖获中国团首金` / `图为武大靖在庆祝夺冠。` / `本报记者 史家民摄` /
            # `本报韩国江陵2月22日电…`, 人民日报), not photo news over a brief of its own
            for k in range(top + 1, j - 1):
                seq[k].shape, seq[k].caption = CAPTION, seq[k].text
            j = top + 1
            continue
        if (
            titles == 0
            and seq[i].shape == LEAD
            and prev.shape == TEXT
            and EDITORS_NOTE.match(prev.key)
            and j - 1 == i - 1
        ):
            j -= 1  # `编者按:…` between the title and the lead (长沙晚报): the story's, over its text
            continue
        if titles == 0 and prev.shape == TEXT and _title_over_captions(seq, j - 1) is not None:
            prev.shape, prev.caption = CAPTION, prev.text
        elif titles == 0 and seq[i].shape == LEAD and j == i and _deck(seq, j - 1):
            prev.shape = TITLE
        if prev.shape == TITLE and prev.opens_paragraph and titles:
            break  # set in like the paragraphs above: their caption or subhead, not a line of this title
        if titles and _closing_cry(seq, j - 1):
            break  # `预祝大会圆满成功!` closes the story above (团结报); a cry over a title stands apart from it
        if (prev.shape == TITLE or _title_phrase(seq, j - 1)) and titles < MAX_TITLE_LINES + 1:
            titles += 1
        elif prev.shape == CAPTION and titles == 0 and not _closes_photo(seq, j - 1):
            pass
        else:
            break
        j -= 1
    if titles and j > 0 and seq[j - 1].shape == SERIES and not seq[j].barrier_before:
        j -= 1  # a series line over the title: `深化改革系列述评之十一` / `加快投资体制改革`
    for k in range(j, i):
        if seq[k].shape == TEXT and seq[k].phrase:
            seq[k].shape = TITLE
    run = [k for k in range(j, i) if seq[k].shape == TITLE]
    if len(run) > MAX_TITLE_LINES:
        keep = _trim_title_run(seq, run, single)
        j = keep[0] if keep else i
    elif single and len(run) > 1:
        keep = _trim_title_run(seq, run, single)
        j = keep[0] if keep else j
    return j


def _title_over_captions(seq: list[Unit], k: int) -> int | None:
    """The title right over short sentences at and above k (as many as a spread's captions), over the story's byline or
    lead (or over their credit line): the captions of the photo set under the title (`开展2019年…志愿者活动`
    / `桂林日报社员工给社区“送福”` / `桂林日报社领导与社区居民一起包饺子。` / … / `本报讯(记者刘教清文/摄)…`;
    `街头桂花飘香 市民莫要采摘` / `花好莫要采。` / `□全媒体记者 王建成 文/图`); None when there is none."""
    top = k
    while (
        seq[top].shape in (TEXT, CAPTION)
        and _short_caption(seq[top], longest=_CAPTION_UNDER_TITLE)
        and strip(seq[top].text).endswith("。")  # a sentence, not a quote under a kicker (`“…找不到我”`)
        and not seq[top].barrier_before
    ):
        if top == 0 or k - top + 1 > _MAX_PHOTOS:
            return None
        top -= 1
    if top == k or seq[top].shape != TITLE:
        return None
    above = seq[top - 1] if top and not seq[top].barrier_before else None
    # not a title floated between the halves of a sentence cut by a column (`…主办,` / title / `…承办。`)
    return top if above is None or above.shape != TEXT or ends_sentence(above.text) else None


def _deck(seq: list[Unit], k: int) -> bool:
    """A long clause with no stop in it under a title line, over the lead or the photos under them:
    the 副题 (新华社 copy as 人民日报 prints it: `…表彰我驻南新闻工作者` / `追授邵云环等三位烈士…,为赵金河等
    八位同志记一等功` / `新华社北京5月27日电 …`; 新京报: `新机场线将北延丽泽商务区` / `工程预计年内启动;…,
    可办理值机` / the photo's caption)."""
    above = seq[k - 1] if k > 0 and not seq[k].barrier_before else None
    return (
        above is not None
        and above.shape == TITLE
        and "\n" not in seq[k].text
        and not ends_sentence(seq[k].text)
        and strip(seq[k].text)[-1] not in PAUSES  # a caption cut by a column (`…主塔成功封顶,`)
        and adds_details(seq[k].text, above.text)
    )


def _byline_pair(seq: list[Unit], k: int) -> bool:
    """A byline printed on two lines over its lead (`□ 株洲日报社全媒体记者 陈正明` / `通讯员 刘汇文` /
    `株洲日报讯 …`; `□本报记者 刘 超` / `通讯员 梁月康`): the second line right under the first, which
    does not sign off text above it."""
    above = seq[k - 2] if k > 1 else None
    signs_off = above is not None and not seq[k - 1].barrier_before and above.shape in (TEXT, CAPTION)
    return seq[k].shape == CREDIT and not seq[k].gap_before and not seq[k].barrier_before and not signs_off


def _title_phrase(seq: list[Unit], k: int) -> bool:
    """A phrase at k that can be a title line: the unit above it ends, or is a title itself."""
    if seq[k].shape != TEXT or not seq[k].phrase or seq[k].opens_paragraph:
        return False  # indented on a page that indents its paragraphs: text, not a title line
    above = seq[k - 1] if k > 0 else None
    return (
        above is None
        or seq[k].barrier_before
        or above.shape in (TITLE, FURNITURE, PHOTO_CREDIT, CREDIT)
        or (above.shape == CAPTION and bool(above.credit))
        or above.phrase
        or ends_sentence(above.text)
    )


def _closing_cry(seq: list[Unit], k: int) -> bool:
    """A short cry run on from the story's paragraphs above it (no jump line or head between)."""
    return (
        k > 0
        and is_cry(seq[k].text)
        and not seq[k].barrier_before
        and seq[k - 1].shape == TEXT
        and ends_sentence(seq[k - 1].text)
    )


def _trim_title_run(seq: list[Unit], run: list[int], single: bool) -> list[int]:
    """Keep the title lines that belong to this item: a title printed twice stays
    whole; otherwise cut at the last blank line (one-paragraph-per-line dumps)."""
    texts = [seq[k].text for k in run]
    if len(dedupe_title_lines(texts)) < len(texts):
        return run[-MAX_TITLE_LINES:]
    if single:
        gaps = [n for n, k in enumerate(run) if seq[k].gap_before]
        if gaps:
            return run[gaps[-1] :][-MAX_TITLE_LINES:]
    return run[-MAX_TITLE_LINES:]


def _closes_photo(seq: list[Unit], i: int) -> bool:
    """A caption with its credit (`…张望。 新华社记者 魏培全 摄`) that ends a run of captions
    under a title, with no story after it: photo news whose credit is on its caption."""
    if seq[i].shape != CAPTION:
        return False
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    caption = _cut_half(seq, i) + seq[i].caption
    if nxt is not None and nxt.shape == LEAD and _tells_a_story(caption):
        return True  # the photo's own story is told in its caption; the lead opens another
    if nxt is not None and nxt.shape == LEAD and _DATED.match(caption) and _titled_elsewhere(seq, i, nxt):
        # dated captions under a title the lead tells nothing of (`15日湖南多地降雪 雪后美景分外妖娆` / `12月15日,
        # 溆浦县…` … / `华声在线8月19日讯(…)贫困人口大幅减少…`, 湖南日报): photo news, and another story
        return True
    if nxt is not None and _tells_a_story(caption) and _photo_follows(seq, i + 1):
        return True  # untitled photos in a row, each telling its news (焦作日报, 信阳日报, 湖南日报)
    return nxt is None or nxt.barrier_before or nxt.shape not in (CAPTION, TEXT, LEAD, CREDIT, PHOTO_CREDIT)


_STORY_CAPTION = 60


def _titled_elsewhere(seq: list[Unit], i: int, lead: Unit) -> bool:
    """The captions at and above i stand under a title that shares no more than one word with the first
    sentence of the lead under them, its news (a province's name is one: `湖南`)."""
    top = i
    while top > 0 and seq[top].shape == CAPTION and i - top < _MAX_PHOTO_CAPTIONS and not seq[top].barrier_before:
        top -= 1
    if seq[top].shape != TITLE or top == i:
        return False
    news = re.split("[\u3002!?\uff01\uff1f]", lead.lead.rest if lead.lead else lead.text, maxsplit=1)[0]
    return sum(pair in news for pair in set(_pairs(seq[top].key))) <= 1


def _cut_half(seq: list[Unit], i: int) -> str:
    """The text right above the caption at i when a line break cut the caption there, after a pause
    (`1月5日晚,…作为…分会场,` / `辽宁沈阳、…龙年春晚。…辜鹏博 摄`), else ""."""
    before = seq[i - 1] if i > 0 else None
    if before is None or seq[i].barrier_before or before.shape != TEXT or ends_sentence(before.text):
        return ""
    return before.text if strip(before.text)[-1] in PAUSES else ""


def _photo_follows(seq: list[Unit], k: int) -> bool:
    """Another photo at k: a caption with its credit on it, or one to three caption lines closed by a
    photo credit."""
    if seq[k].barrier_before:
        return False
    if seq[k].shape == CAPTION and seq[k].people:
        return True
    texts = 0
    while k < len(seq) and seq[k].shape == TEXT and texts < _MAX_PHOTO_CAPTIONS:
        texts, k = texts + 1, k + 1
    return texts > 0 and k < len(seq) and seq[k].shape == PHOTO_CREDIT and bool(seq[k].people)


def _tells_a_story(caption: str) -> bool:
    """A caption of photo news: several sentences, or `图为…` after the news it shows."""
    return len(caption) >= _STORY_CAPTION and ("图为" in caption or caption.count("。") >= 2)


def _photo_start(seq: list[Unit], i: int, single: bool) -> int | None:
    """Photo news: a title, then photos, each one to three caption units closed by its credit
    (or a caption with its credit on it), or a run of short one-sentence captions (a spread whose
    photographers sign once); i is the last credit. A spread of several photos under one title is
    one item."""
    j = i - 1
    texts = photos = 0
    while j >= 0 and photos < _MAX_PHOTOS:
        if seq[j + 1].barrier_before and (j + 1 != i or seq[i].after_jump):
            break  # (a photo right under a jump line that ends a story is not that story's: `▶ 下转 03版` / `图为…`)
        if seq[j].shape in (CAPTION, PHOTO_CREDIT):
            texts, photos = 0, photos + 1
        elif (
            seq[j].shape == TEXT
            and (texts < _MAX_PHOTO_CAPTIONS or _short_caption(seq[j]) and texts < _MAX_PHOTOS)
            and not split_glued_credit(seq[j].text)
        ):
            texts += 1
        else:
            break
        j -= 1
    no_caption = j + 1 == i and seq[i].shape != CAPTION  # a credit needs a caption above it
    if no_caption or j < 0 or seq[j].shape != TITLE:
        return None
    if j + 2 < i and _floated_over(seq, j) and not _goes_on_after(seq, j, i):
        # the photo's title floated between the halves of the story's cut paragraph above (`…色车身,` /
        # `省直中医院云龙院区预计5月启用` / `造型硬朗,…` / caption / credit, 株洲日报): the second half goes back
        seq[j], seq[j + 1] = seq[j + 1], seq[j]
        j += 1
    captioned = seq[i].shape == CAPTION or j + 2 < i  # the photo keeps a caption under the deck
    if j + 1 < i and captioned and seq[j + 1].shape == TEXT and _deck(seq, j + 1):
        seq[j + 1].shape = TITLE
    return _title_start(seq, j + 1, single)


def _goes_on_after(seq: list[Unit], j: int, i: int) -> bool:
    """The paragraph cut over the photo's title at j can go on right under its last credit at i: the
    photo stands inside the cut paragraph, its title and captions whole (`…村民加入合作社,` /
    `合作社铺就致富路` / two captions / credit / `“抱团发展”的积极性…`, 日照日报), as _resume_cut_paragraphs
    joins it."""
    return i + 1 < len(seq) and not seq[i + 1].barrier_before and _sentence_goes_on(seq[j - 1], seq[i + 1])


def _floated_over(seq: list[Unit], j: int) -> bool:
    """The title at j stands between the halves of a paragraph cut after a pause, or in a word."""
    if j == 0 or seq[j].barrier_before or seq[j + 1].barrier_before:
        return False
    return _sentence_goes_on(seq[j - 1], seq[j + 1]) and not _retells_title(seq[j].key, seq[j + 1].text)


def _retells_title(title: str, text: str) -> bool:
    """The text opens with the title's words: it is the title's own (`秋风吹 稻谷熟` / `秋风吹,稻谷熟,我国…`)."""
    opening, pairs = squeeze(text)[: len(title) + 4], _pairs(title)
    return len(pairs) >= 2 and sum(pair in opening for pair in pairs[:3]) >= 2


def _sentence_goes_on(before: Unit, after: Unit) -> bool:
    """Text cut by a column mid-sentence, after a pause or inside a word (`…其中,市温` / `州商会…`), that
    the text after goes on with, whatever stands between them."""
    cut = before.shape == TEXT and not ends_sentence(before.text) and after.shape == TEXT
    return cut and (strip(before.text)[-1] in PAUSES or runs_on(before.text, after.text))


_SHORT_CAPTION = 30


def _short_caption(unit: Unit, longest: int = _SHORT_CAPTION) -> bool:
    """One short sentence (`石首市委书记、市长石必成代表回答记者提问。`): in a run of them over a
    photo's credit, the captions of a spread of photos under one title, not a story's text."""
    return len(unit.key) <= longest and unit.key.count("。") <= 1 and ends_sentence(unit.text)


# Under a title, over its byline or lead, a caption may be a little longer than a spread's
# (`为了省事图方便,在行道树和水泥电线杆之间搭设的简易“晾晒架”。`, 衡阳晚报, 32 characters).
_CAPTION_UNDER_TITLE = 40


def _heads_photo_story(seq: list[Unit], i: int) -> bool:
    """`■蔡婉芃 吴忠泽 本报特约记者 仇成梁摄影报道` under its title, over the text: the byline of a
    photo story, whose captions follow the text."""
    prev = seq[i - 1] if i > 0 else None
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    return (
        seq[i].shape == PHOTO_CREDIT
        and _PHOTO_REPORT.search(seq[i].key) is not None
        and prev is not None
        and prev.shape == TITLE
        and nxt is not None
        and nxt.shape == TEXT
        and not nxt.barrier_before
    )


_PHOTO_REPORT = re.compile("(?:摄影报道|图文报道|图/文)$")


def _after_other_photo(seq: list[Unit], i: int) -> int | None:
    """An untitled photo: its caption text stands between another photo's credit and its own
    (`…记者 浦峰 摄影报道` / `昨日10时许,…` / `本报记者 吴江 汤旸 摄影报道`), or after a story
    signed at the end of its last paragraph (`…为顾问。本报记者齐连声`) or on a line under it
    (`(黄心豪  刘勇)` / `…的训练。新华社记者 唐奕 摄`), or a caption with its credit on it opening the page
    or its column (`12月16日8时许,…开工建设。本报记者 李英俊 摄`, 焦作日报)."""
    if seq[i].shape == CAPTION and seq[i].people and (i == 0 or seq[i].barrier_before):
        return i
    top = i - 1
    if top > 0 and seq[top].shape == CREDIT and not seq[top].people and not seq[i].barrier_before:
        top -= 1  # the credit's label on a line of its own: `本报记者` / `王大明 摄` (信阳日报)
    j = top
    while (
        j >= 0
        and top - j < _MAX_PHOTO_CAPTIONS
        and seq[j].shape == TEXT
        and not seq[j + 1].barrier_before
        and not split_glued_credit(seq[j].text)
        and ends_sentence(seq[j].text)  # a caption is sentences; a paragraph cut by a column is the story's
    ):
        j -= 1
    own_caption = seq[i].shape == CAPTION  # `…今年不回家过春节。胡社友 摄`: the caption is on the credit
    if (
        own_caption
        and j == top == i - 1 > 0
        and _cut_half(seq, i)
        and not seq[j].barrier_before
        and (seq[j - 1].shape == PHOTO_CREDIT or seq[j - 1].shape == CAPTION and seq[j - 1].people)
    ):
        return j  # the caption's first half right under another photo's credit (湖南日报)
    if (j == top and not own_caption) or j < 0 or seq[j + 1].barrier_before:
        return None
    closed = (
        seq[j].shape == PHOTO_CREDIT
        or (seq[j].shape == CAPTION and bool(seq[j].people))
        or (seq[j].shape == TEXT and split_glued_credit(seq[j].text) is not None)  # a story signed at its end
        # a story's closing credit line right above the caption: `(黄心豪  刘勇)` / `…训练。新华社记者 唐奕 摄`
        or (own_caption and j == i - 1 and _closing_credit_line(seq, j))
    )
    return j + 1 if closed else None


def _last_photo_by_another(seq: list[Unit], own: int, i: int) -> bool:
    """A caption with its credit (at ``own``..``i``, on it or on the next line) right under a photo whose credit
    stands on a line of its own, naming none of that credit's people, and the last photo before the next item (a
    title, a lead, the page's end): another photographer's untitled photo (济宁日报: `…和谐共生` / caption / `■ 记者 李晖 摄` / `今年以来,
    …。■记者 陈硕 摄` / `本报济宁讯…`; 咸宁日报: `记者 夏正锋 摄` / `24日,无人机拍摄的金桂湖,…。` / `…记者袁灿摄。`)."""
    before, after = seq[own - 1], seq[i + 1] if i + 1 < len(seq) else None
    # the photo above is the only one under its title (a spread's photographers differ: 烟台晚报, 滁州日报)
    k = own - 2
    while k >= 0 and seq[k].shape in (TEXT, CAPTION) and not seq[k].people and not seq[k + 1].barrier_before:
        k -= 1
    return (
        k >= 0
        and seq[k].shape == TITLE
        and before.shape == PHOTO_CREDIT
        and bool(before.people)
        and not {p.name for p in before.people} & {p.name for p in seq[i].people}
        and not seq[own].barrier_before
        and (after is None or after.barrier_before or after.shape in (TITLE, LEAD))
    )


def _untitled_after_photo(seq: list[Unit], i: int) -> int | None:
    """A caption with its credit on it that tells its own news, right under another photo's credit
    (`及时清理街道淤泥` / `8月26日下午,…` / `本报记者 李鸿荣 通讯员卢刚 摄` / `5月15日,…进行了互动发言。本报记者 何鎏 摄`,
    梧州日报): an untitled photo of its own, not the next photo of a spread under the title above."""
    unit = seq[i]
    if i == 0 or not unit.people:
        return None
    if unit.shape == PHOTO_CREDIT:
        # the caption on lines of its own over the credit (`8月1日,…图为选手在比赛中。` / `…摄影报道`)
        own = _after_other_photo(seq, i)
        if own is None:
            return None
        caption = "".join(dict.fromkeys(seq[k].text for k in range(own, i)))  # (a caption printed twice once)
    elif unit.shape == CAPTION:
        half = _cut_half(seq, i)  # the caption's first half on the unit above (湖南日报)
        own = i - 1 if half else i
        caption = half + unit.caption
    else:
        return None
    if own == 0:
        return None
    if _last_photo_by_another(seq, own, i):
        return own
    if not _tells_a_story(caption):
        return None
    before = seq[own - 1]
    closed = before.shape == PHOTO_CREDIT or before.shape == CAPTION and bool(before.people)
    if not closed or seq[own].barrier_before:
        return None
    j = own - 1
    while j >= 0 and seq[j].shape in (CAPTION, PHOTO_CREDIT, TEXT) and not seq[j + 1].barrier_before:
        j -= 1
    first = j + 1  # the first photo under the title: its caption units to its credit
    title = ""
    while j >= 0 and seq[j].shape == TITLE:
        title, j = seq[j].key + title, j - 1
    end = next(k for k in range(first, own) if seq[k].shape in (CAPTION, PHOTO_CREDIT))
    first_caption = "".join(seq[k].caption if seq[k].shape == CAPTION else seq[k].text for k in range(first, end + 1))
    # a spread's captions tell of what its title names (`留锡过年也温暖` / `春节期间,…就地过年…`,
    # 无锡日报; `李鹏总理访问…` / `十月九日,…李鹏抵达利马`, 人民日报), and a label over a round-up
    # (`摄影报道`) names none of them: one item with it
    return own if title and _shares_words(title, first_caption) and not _shares_words(title, caption) else None


_DATED = re.compile(
    "^[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日"
)  # `3月27日,…`, `十月九日,…`


def _untitled_after_story(seq: list[Unit], i: int) -> int | None:
    """A dated caption with its credit on it, closing a finished story whose title it names nothing of:
    an untitled photo of its own (`2月21日,太和县郭庙镇…鸡毛掸子。…特约摄影 董浩` under 阜阳日报's `做好“水”文章`;
    `3月27日,赣县五云镇信阳村农民在播种生姜。新华社记者 周科 摄` under 赣南日报's `示范争先书新卷`)."""
    unit = seq[i]
    if unit.shape != CAPTION or not unit.people or i == 0 or unit.barrier_before or not _DATED.match(unit.caption):
        return None
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    if nxt is not None and not nxt.barrier_before and nxt.shape in (TEXT, CAPTION, PHOTO_CREDIT):
        return None  # the story goes on under it
    if seq[i - 1].shape != TEXT or not ends_sentence(seq[i - 1].text):
        return None
    j = i - 1
    while j >= 0 and seq[j].shape in (TEXT, LEAD, CREDIT, CAPTION, PHOTO_CREDIT) and not seq[j + 1].barrier_before:
        j -= 1
    title = ""
    while j >= 0 and seq[j].shape == TITLE:
        title, j = seq[j].key + title, j - 1
    return i if title and not _shares_words(title, unit.caption) else None


_WORD = re.compile(f"[{HAN}]{{2}}")


def _pairs(title: str) -> list[str]:
    """The title's runs of two Han characters, in order: its words, roughly."""
    return [title[k : k + 2] for k in range(len(title) - 1) if _WORD.fullmatch(title[k : k + 2])]


def _shares_words(title: str, text: str) -> bool:
    """Whether the text holds two characters running of the title."""
    return any(pair in text for pair in _pairs(title))


def _closing_credit_line(seq: list[Unit], j: int) -> bool:
    """A credit line under a story's finished last paragraph: it closes that story."""
    return seq[j].shape == CREDIT and j > 0 and seq[j - 1].shape == TEXT and ends_sentence(seq[j - 1].text)


def _ad_regions(seq, labels, starts):
    """(start, end, kind) of ads and public-service ads around their labels."""
    regions = []
    taken: set[int] = set()
    story_starts = sorted(starts)
    for position, label in labels:
        kind = PSA if ("公益" in label.text or label.kind == "publisher_credit") else ADVERTISEMENT
        following = [s for s in story_starts if s >= position]
        end = following[0] if following else len(seq)
        signed = [p for p, f in labels if f.kind == "publisher_credit" and position < p <= end]
        if label.kind == "ad_label" and signed:
            end = signed[0]  # `公益广告` / slogan / `益阳日报社宣`: the box ends where its publisher signs it
        ad_follows = label.kind == "ad_label" and end > position and not (set(range(position, end)) & taken)
        if ad_follows and not _is_story_region(seq, position, end):
            regions.append((position, end, kind))
            taken.update(range(position, end))
            continue
        start = position
        # back over the ad's copy, to the jump line (`（下转A03版）`) that ends the story above, if any
        while start > 0 and not _after_jump(seq, start) and _is_ad_unit(seq[start - 1]) and (start - 1) not in taken:
            start -= 1
        if start < position and not (set(range(start, position)) & taken):
            regions.append((start, position, kind))
            taken.update(range(start, position))
    return regions


_WORD_PAIRS = re.compile(f"^[{HAN}]{{2}}(?:[{SPACES}]+[{HAN}]{{2}}){{3}}$")


def _titles_a_psa(unit: Unit) -> bool:
    """The line a public-service ad is called by: the first title line that is neither its list of
    values, four words of two (`富强 民主 文明 和谐`, `富强、民主、…`), nor a sentence with commas
    (`一言一行讲文明,做人做事讲诚信`): `创文明城 做文明人`, `讲文明 树新风`, `人民有信仰 民族有希望 国家有力量`."""
    text = unit.text.strip(SPACES)
    return "\n" not in text and not re.search(f"[{COMMAS}\u3001]", text) and not _WORD_PAIRS.match(text)


def _after_jump(seq: list[Unit], k: int) -> bool:
    return k < len(seq) and seq[k].after_jump


def _is_story_region(seq, start, end) -> bool:
    return any(seq[k].shape in (LEAD, CREDIT) for k in range(start, end))


_REACH = re.compile(r"\d{7,}|@|热线|报名|联系人")


def _is_ad_unit(unit: Unit) -> bool:
    """Ad copy: slogans and bullet tips, not sentences of a story nor a notice's contacts."""
    if _REACH.search(unit.text):
        return False
    if unit.shape == TITLE:
        return True
    return unit.shape == TEXT and (starts_with_bullet(unit.text) or not ends_sentence(unit.text))


def _ad_draft(units: list[Unit], kind: str) -> Draft:
    titles = [u for u in units if u.shape == TITLE and not starts_with_bullet(u.text)]
    if kind == PSA:
        slogans = [u for u in titles if _titles_a_psa(u)]
        titles = slogans or titles[-1:]
    headline = titles[0] if titles else None
    body = [u for u in units if u is not headline]
    return Draft(kind=kind, title=[headline] if headline else [], body=body)


def _anchorless(seq: list[Unit], indexes: list[int]):
    """Items with no byline: a title followed by text (notices, boxed items)."""
    groups: list[list[int]] = []
    jumped = _continued_elsewhere(seq, indexes)
    subheads: set[int] = set()
    for n, k in enumerate(indexes):
        if groups and _long_phrase_heading(seq, indexes, n):
            seq[k].shape = TITLE
        if groups and k not in subheads:
            subheads.update(_subhead_series(seq, groups[-1], indexes, n))
        if k in subheads:
            groups[-1].append(k)  # a part title of the story above (_subhead_series)
            continue
        if groups and _subhead_of_jumped(seq, groups[-1], indexes[n:]) and (jumped or _runs_to_jump(seq, indexes, n)):
            groups[-1].append(k)
            continue
        if groups and seq[k].after_jump and seq[k].shape in (TEXT, TITLE) and _has_text(seq, groups[-1]):
            groups.append([k])  # `▶下转06版` ended the story above: the text after it is another's
            continue
        last = seq[groups[-1][-1]] if groups else None
        if (
            last is not None
            and seq[k].shape == TEXT
            and (_signed_at_end(last) or last.shape == TEXT and is_source_tag(last.text))
            and _has_text(seq, groups[-1])
        ):
            # `…圆满成功。记者 樊欣欣 通讯员 赵帅` signed the story above, `据新华社` on its own line closed it (齐鲁晚报;
            # `(新华社)`, 人民日报): the text after it is another's
            groups.append([k])
            continue
        if not groups or (
            _opens_anchorless(seq, indexes[n:])
            and _has_text(seq, groups[-1])
            and not _label_in_text(seq, groups[-1][-1], indexes[n:])
            and not _labelled_block(seq, groups[-1][-1], indexes[n:])
        ):
            previous = seq[groups[-1][-1]] if groups else None
            if groups and _label_over_subhead(seq, groups[-1], indexes[n - 1 :]):
                groups[-1].append(k)  # `人民日报社:` / `唱响众志成城抗击疫情最强音` inside the story
                continue
            if (
                previous is None
                or previous.shape in (TITLE, CREDIT)
                or _credited_photo(previous)
                or ends_sentence(previous.text)
                or split_source_tag(previous.text)  # `…。 据中新社`
                or ends_with_dash_signature(previous.text)  # `…了。——木禾`
                or seq[k].after_jump  # `（下转05版）` ended the story above, cut as it is
            ):
                groups.append([k])
                continue
        groups[-1].append(k)
    for group in groups:
        units = [seq[k] for k in group]
        title = []
        while units and units[0].shape == TITLE and len(title) < MAX_TITLE_LINES:
            if title and BOX_LABEL.match(units[0].key):
                break  # `编者按` under a title opens the body
            if title and _label_line(units[0]):
                break  # as a label over its first part does: `市民反映:`
            title.append(units.pop(0))
        if title and all(is_kicker(u.text) for u in title) and units and units[0].shape == TEXT and units[0].phrase:
            units[0].shape = TITLE  # the headline under a kicker, with a comma in it
            title.append(units.pop(0))
        elif not title and len(units) > 1 and units[0].phrase and units[0].shape == TEXT and units[1].shape == TEXT:
            # a whole phrase with commas opening an item, over its first paragraph: its title
            units[0].shape = TITLE
            title.append(units.pop(0))
        if len(title) == 1 and title[0].is_name and is_signature(title[0].text) and units:
            yield group[0], Draft(kind=COMMENTARY, title=[], anchor=title[0], body=units)
            continue
        standing_note = bool(title) and COLUMN_NOTE.match(title[0].key)
        kind = NOTICE if standing_note or _is_notice(title, units) else NEWS
        credit, signed = _closing_credit(units[-1]) if units else ("", ())
        briefs = any(u.shape == CREDIT for u in units[:-1])  # a column of briefs, each signed: news
        if kind == NEWS and signed and all(p.role == AUTHOR for p in signed) and not briefs:
            # `(作者:王丹)` signs a commentary at its end; bare names in brackets (`(陈 茜)`, `(彭文珺)`) sign a
            # brief (滁州日报, 文艺报, 濮阳日报)
            kind = NEWS if names_in_brackets(credit) else COMMENTARY
        yield group[0], Draft(kind=kind, title=title, body=units)


_MIN_PHRASE_HEADLINE = 20


def _continued_elsewhere(seq: list[Unit], indexes: list[int]) -> bool:
    """The span ends on a jump line (`(下转A06版)`): it is one story, continued on another page."""
    return seq[indexes[-1]].before_jump


def _subhead_of_jumped(seq: list[Unit], group: list[int], following: list[int]) -> bool:
    """One title line after a finished paragraph of a titled story with no byline that a jump line
    ends: a subhead of that story (株洲晚报: `这个小区办了一份“自己的报纸”` … `小区居民自己写稿子`,
    `校园,趁你不在,悄悄在变` … `●景弘中学搬到新华路原景炎老校址`); a page's next story is not cut off
    by the jump of the one above."""
    unit, before = seq[following[0]], seq[group[-1]]
    nxt = seq[following[1]] if len(following) > 1 else None
    return (
        seq[group[0]].shape == TITLE
        and unit.shape == TITLE
        and "\n" not in unit.text
        and before.shape == TEXT
        and ends_sentence(before.text)
        and nxt is not None
        and nxt.shape == TEXT
    )


def _subhead_series(seq: list[Unit], group: list[int], indexes: list[int], n: int) -> list[int]:
    """The subheads of a titled story with no byline, from the title line at ``indexes[n]`` on: two or more
    short lines of about one length, each between a finished paragraph and text, shorter than the story's
    title (扬子晚报: `今晨,上班路上体验“尴尬”` … `汽车灰头土脸` … `行人戴上口罩` … `高速路逆驶增多`; 哈尔滨日报:
    `路上冰城:有人气` … `…:有底气` …); the next story's title, longer, ends the series. [] when none."""
    # (the story's title, or the first half of its first paragraph printed over it: `…面前时,` / title / `…`)
    head = next((seq[k] for k in group[:2] if seq[k].shape == TITLE or seq[k].phrase), None)
    if head is None or not _subhead_slot(seq, indexes, n):
        return []
    first = _line_length(seq[indexes[n]])
    series = []
    for m in range(n, len(indexes)):
        unit = seq[indexes[m]]
        if unit.shape != TITLE:
            continue
        if not _subhead_slot(seq, indexes, m) or abs(_line_length(unit) - first) > _SERIES_SPREAD:
            break
        series.append(indexes[m])
    longest = max((_line_length(seq[k]) for k in series), default=0)
    fits = longest <= _MAX_SERIES_SUBHEAD and len(head.key) >= longest + _SERIES_SPREAD
    return series if len(series) > 1 and fits else []


def _line_length(unit: Unit) -> int:
    return max(len(squeeze(line)) for line in unit.text.split("\n"))


def _subhead_slot(seq: list[Unit], indexes: list[int], m: int) -> bool:
    """A title where a subhead stands: one line or two (`楼房进行统一改造` / `新装人脸识别功能摄像头`, 华商报), in
    the column of a finished paragraph, over text."""
    if not 0 < m < len(indexes) - 1:
        return False
    before, unit, after = (seq[k] for k in indexes[m - 1 : m + 2])
    return (
        unit.shape == TITLE
        and unit.text.count("\n") < 2
        and not unit.barrier_before
        and before.shape == TEXT
        and ends_sentence(before.text)
        and after.shape == TEXT
    )


_MAX_SERIES_SUBHEAD = 13
_SERIES_SPREAD = 3


def _runs_to_jump(seq: list[Unit], indexes: list[int], n: int) -> bool:
    """The text after the unit at ``indexes[n]`` reaches a jump line (`(下转第7版)`) before any other title:
    the story it is in goes on elsewhere, as when the whole span is jumped (北京晚报: `熟悉面孔 再难寻觅`
    between the paragraphs of a feature with no byline that `(下转第7版)` ends, the page's briefs after it)."""
    for m in range(n + 1, len(indexes)):
        unit = seq[indexes[m]]
        if unit.before_jump:
            return True
        if unit.shape == TITLE and not _between_cut_halves(seq, indexes, m):
            return False
    return False


def _between_cut_halves(seq: list[Unit], indexes: list[int], m: int) -> bool:
    """A line at ``indexes[m]`` set between a paragraph the column cut mid-sentence and its second half
    (a caption or a title the extraction floated there: `…之后这个门牌号变成` / `这就是我以前住的四合院` /
    `噼里啪啦地…`)."""
    if not 0 < m < len(indexes) - 1:
        return False
    before, after = seq[indexes[m - 1]], seq[indexes[m + 1]]
    return before.shape == TEXT and not ends_sentence(before.text) and after.shape == TEXT


def _long_phrase_heading(seq: list[Unit], indexes: list[int], n: int) -> bool:
    """A long whole phrase with commas or marks inside, between a finished paragraph and text
    (`通州如意园小区今日解封!居民:解封后想第一时间见到他们`): the headline of the next item; a
    subhead is shorter."""
    unit = seq[indexes[n]]
    if unit.shape != TEXT or not unit.phrase or len(unit.key) < _MIN_PHRASE_HEADLINE or n + 1 >= len(indexes):
        return False
    before, after = seq[indexes[n - 1]], seq[indexes[n + 1]]
    return before.shape == TEXT and ends_sentence(before.text) and after.shape == TEXT


_MAX_BARE_DATE = 16  # `2002年4月17日`, `2019年3月22日 星期五`: a date alone, not a paragraph opening with one


def _opens_anchorless(seq: list[Unit], following: list[int]) -> bool:
    """One to three title lines, then text: the head of an item with no byline."""
    titles = 0
    for k in following:
        unit = seq[k]
        if titles == 0 and unit.shape == TITLE and ENUMERATED.match(unit.text):
            return False  # `(一)寒潮蓝色预警信号`: a numbered subhead of the item above
        if unit.shape == TITLE and not unit.text.endswith(tuple(COLONS)):
            titles += 1
            if titles > MAX_TITLE_LINES:
                return False
            continue
        if titles and unit.shape == TITLE and _label_line(unit):
            return True  # a label over the body's first part: `市民反映:` / `记者核实:` (郑州晚报's hotline)
        # a name over a bare date signs off what stands above (`中华人民共和国财政部` / `2002年4月17日`)
        bare_date = from_page_date(unit.text) is not None and len(unit.key) <= _MAX_BARE_DATE
        return titles > 0 and unit.shape in (TEXT, CAPTION) and not bare_date
    return False


_MAX_LABEL = 4
_LABEL = re.compile(f"[{HAN}]{{2,{_MAX_LABEL}}}")


def _label_line(unit: Unit) -> bool:
    """A short label ending in a colon over a part of the text: `市民反映:`, `记者核实:`."""
    return unit.text.endswith(tuple(COLONS)) and len(unit.key) <= _MAX_LABEL + 1


def _unsigned_paragraph(unit: Unit) -> bool:
    """A finished paragraph that signs nothing off: the story it belongs to goes on."""
    return (
        unit.shape == TEXT
        and ends_sentence(unit.text)
        and parse_credit(unit.text) is None
        and split_glued_credit(unit.text) is None
    )


def _label_in_text(seq: list[Unit], before: int, following: list[int]) -> bool:
    """Two to four characters between two paragraphs of a story with no byline (`比赛现场`,
    `选手风采`) label a photo or a part of it and head no story of their own. After a story's
    sign-off (`(本报记者 任爽)`, `兴平市66号信箱杨晓勇`) a column's name (`工会动态`, `【短评】`) opens
    the next item, and so do a box's label (`相关链接`) and a notice's word (`公告`)."""
    unit, prev = seq[following[0]], seq[before]
    return (
        unit.shape == TITLE
        and _LABEL.fullmatch(unit.key) is not None
        and len(following) > 1
        and seq[following[1]].shape == TEXT
        and _unsigned_paragraph(prev)
        and not (BOX_LABEL.match(unit.key) or COLUMN_NOTE.match(unit.key) or _NOTICE_WORDS.search(unit.key))
    )


def _has_text(seq: list[Unit], group: list[int]) -> bool:
    """Something to read: text, or a photo with its caption and credit (an untitled photo is complete)."""
    return any(seq[k].shape == TEXT or _credited_photo(seq[k]) for k in group)


def _credited_photo(unit: Unit) -> bool:
    return unit.shape == CAPTION and bool(unit.credit)


def looks_like_notice(heading: str, text: str) -> bool:
    """招募, 公告, 启事…: a notice names its subject in the title and a way to reach someone, or
    is titled by the word alone (`公 告`)."""
    if _NOTICE_WORDS.fullmatch(heading):
        return True
    return bool(_NOTICE_WORDS.search(heading) and (_CONTACT.search(text + heading) or _NOTICE_CLOSE.search(text)))


def _is_notice(title: list[Unit], body: list[Unit]) -> bool:
    return looks_like_notice("".join(u.key for u in title), "\n".join(u.text for u in body))  # `公 告`: print spacing


def _build(seq: list[Unit], indexes: list[int], kind: str, anchor_index: int):
    """One anchored item, and any notice or sidebar that its span turns out to hold."""
    title = [seq[k] for k in indexes if k < anchor_index]
    anchor = seq[anchor_index] if anchor_index in indexes else None
    rest = [k for k in indexes if k > anchor_index]
    if kind == PHOTO:
        # Text after the last photo, before any title, is the photo story's own text.
        own = next((n for n, k in enumerate(rest) if seq[k].shape == TITLE), len(rest))
        draft = Draft(kind=PHOTO, title=[u for u in title if u.shape == TITLE], anchor=anchor)
        draft.body = (
            [u for u in title if u.shape != TITLE] + ([anchor] if anchor else []) + [seq[k] for k in rest[:own]]
        )
        draft.anchor = None
        yield indexes[0], draft
        if rest[own:]:
            yield from _anchorless(seq, rest[own:])
        return
    # `（下转第2版）` ends the story on this page: what follows is another item, whatever the span holds
    jump = next(
        (n for n, k in enumerate(rest) if n and seq[k].after_jump and seq[k].shape in (TITLE, TEXT, CAPTION)), None
    )
    if jump is not None:
        yield from _build(seq, [k for k in indexes if k < rest[jump]], kind, anchor_index)
        yield from _anchorless(seq, rest[jump:])
        return
    draft = Draft(kind=kind, title=title, anchor=anchor)
    inset = _inset_photo(seq, rest, anchor, " ".join(u.key for u in title if u.shape == TITLE))
    if inset is not None:
        # Another photo's captions printed inside a paragraph the column break cut: its own item.
        yield rest[inset[0]], Draft(kind=PHOTO, title=[], body=[seq[k] for k in rest[inset[0] : inset[1]]])
        rest = rest[: inset[0]] + rest[inset[1] :]
    foreign = _foreign_tail(seq, rest, anchor)
    if foreign is None:
        foreign = _foreign_photo_tail(seq, rest, anchor)
    if foreign is not None:
        # Another team's photo or story, closed by their own credit, printed after this story.
        draft.body = [seq[k] for k in rest[:foreign]]
        yield indexes[0], draft
        if seq[rest[foreign]].shape == TITLE:
            yield from _anchorless(seq, rest[foreign:])
        else:
            yield rest[foreign], Draft(kind=PHOTO, title=[], body=[seq[k] for k in rest[foreign:]])
        return
    own = {p.name for p in anchor.people} if anchor is not None else set()
    found = (
        _after_closing_credit(seq, rest, titled=bool(title), own=own),
        _brief_signed_by_others(seq, rest, anchor, own),
    )
    closed = min((n for n in found if n is not None), default=None)
    if closed is not None:
        # The story ends with its credit (`(本报记者 任 爽 李玉兰)`), or a brief signed by others follows it; what
        # follows is another.
        draft.body = [seq[k] for k in rest[:closed]]
        yield indexes[0], draft
        yield from _anchorless(seq, rest[closed:])
        return
    split_at = _split_point(seq, rest, has_title=any(u.shape == TITLE for u in title))
    body, tail = (rest, []) if split_at is None else (rest[: rest.index(split_at)], rest[rest.index(split_at) :])
    draft.body = [seq[k] for k in body]
    if not tail:
        yield indexes[0], draft
        return
    child_kind = _tail_kind(seq, tail, quoted=_introduces_quote(draft))
    heads = 1
    while heads < min(len(tail) - 1, MAX_TITLE_LINES) and seq[tail[heads]].shape == TITLE:
        heads += 1  # 相关链接 / 什么是老旧小区改造: a label over the box's own title
    child = Draft(kind=child_kind, title=[seq[k] for k in tail[:heads]], body=[seq[k] for k in tail[heads:]])
    if child_kind == SIDEBAR:
        child.parent = draft
        if not draft.body and COLUMN_NOTE.match(child.title[0].key):
            # `开栏的话` between a signed piece's author line and its text: the paper speaks in the
            # note, the writer in the piece (`我与《科技日报》`), which resumes at its first `我`
            resumes = next((n for n, u in enumerate(child.body) if n and _FIRST_PERSON.search(unquoted(u.text))), None)
            if resumes is not None:
                draft.body, child.body = child.body[resumes:], child.body[:resumes]
    yield indexes[0], draft
    yield tail[0], child


_FIRST_PERSON = re.compile("(?<![你自])我(?![们国省市区县乡镇校院所军党方])")  # the writer, not `我们`, `我国`, `你我`


def _foreign_tail(seq: list[Unit], rest: list[int], anchor: Unit | None) -> int | None:
    """Position in ``rest`` where another item begins when the span ends with a credit naming none of
    the story's own people: a captioned photo after a finished paragraph (an untitled photo item), or a
    title after a finished paragraph over text (a story signed at its end)."""
    if anchor is None or not anchor.people or len(rest) < 3:
        return None
    closing = _signed_by(seq[rest[-1]])
    own = {p.name for p in anchor.people}
    if not closing or own & {p.name for p in closing}:
        return None
    for n in range(len(rest) - 2, 0, -1):
        unit, before = seq[rest[n]], seq[rest[n - 1]]
        finished = before.shape == TEXT and ends_sentence(before.text)
        if unit.shape == TITLE and finished and n + 1 < len(rest) and seq[rest[n + 1]].shape == TEXT:
            return n  # another story, signed at its end (`……。本报记者丁肇文 孟环`)
        if unit.shape not in (TEXT, CAPTION):
            return None
        if unit.shape == CAPTION and unit.people and finished:
            return n
    return None


def _foreign_photo_tail(seq: list[Unit], rest: list[int], anchor: Unit | None) -> int | None:
    """As _foreign_tail, a captioned photo after the story's finished last paragraph whose credit, on a
    line of its own, names none of the story's people (`…还有很大的开发空间。` / `10月1日,…73周年。` /
    `本报通讯员覃庆和摄`, 柳州日报): an untitled photo item, as it is with the credit on the caption."""
    if anchor is None or not anchor.people or len(rest) < 3:
        return None
    credit, caption, before = (seq[k] for k in (rest[-1], rest[-2], rest[-3]))
    foreign = (
        credit.shape == PHOTO_CREDIT
        and credit.people
        and not {p.name for p in anchor.people} & {p.name for p in credit.people}
    )
    finished = before.shape == TEXT and ends_sentence(before.text)
    return len(rest) - 2 if foreign and finished and caption.shape == TEXT and ends_sentence(caption.text) else None


def _inset_photo(seq: list[Unit], rest: list[int], anchor: Unit | None, title: str) -> tuple[int, int] | None:
    """``(start, end)`` in ``rest`` of an untitled photo set inside the story's cut paragraph
    (`…一扇窗户,` / `5月20日,汉中市…举行。…` / `…送上防暑降温物资。周健 摄` / `朝我的心里…`): its
    caption tells its own news in sentences, and its credit names none of the story's people."""
    own = {p.name for p in anchor.people} if anchor is not None else set()
    for m, k in enumerate(rest):
        unit = seq[k]
        if not unit.people or own & {p.name for p in unit.people} or m + 1 >= len(rest):
            continue
        if unit.shape != CAPTION and not _credit_under_caption(seq, rest, m):
            continue
        start = m
        while start > 0 and m - start < _MAX_PHOTO_CAPTIONS - 1:
            before = seq[rest[start - 1]]
            if before.shape != TEXT or not ends_sentence(before.text):
                break
            start -= 1
        cut = start > 0 and seq[rest[start - 1]].shape == TEXT and not ends_sentence(seq[rest[start - 1]].text)
        caption = "".join(seq[j].text for j in rest[start:m]) + (unit.caption if unit.shape == CAPTION else "")
        resumes = seq[rest[m + 1]].shape == TEXT and not any(
            seq[j].shape in (CREDIT, PHOTO_CREDIT) for j in rest[m + 1 :]
        )  # the story goes on after the photo; a credit after it would close the photo's own text
        # (a caption alone with its credit on it must tell of other news than the title: `10月11日,国家主席习近平
        # 乘专机抵达金奈,…` under `习近平抵达金奈…` is the story's own photo)
        alone = start == m and unit.shape == CAPTION and not (title and _shares_words(title, caption))
        # (or of a day, as a news photo's caption opens, of other news than the title: `8月30日,在北京慕田峪长城
        # …慈善募捐仪式上,…` / `新华社记者 李明放摄` inside `“特困专线”不休息`, 人民日报 2002)
        dated = _DATED.match(caption) is not None and not (title and _shares_words(title, caption))
        if cut and resumes and (start < m or alone) and (_tells_a_story(caption) or dated):
            return start, m + 1
    return None


def _credit_under_caption(seq: list[Unit], rest: list[int], m: int) -> bool:
    """The unit at ``rest[m]`` is a photo's credit on a line of its own under a caption that ends its
    sentence (`…工人正在加紧作业。…` / `湖南日报·新湖南客户端记者 童臻熙 报道`; `图为…村民正在收割水稻。` /
    `乔启明摄(影像中国)`)."""
    unit, before = seq[rest[m]], seq[rest[m - 1]] if m else None
    return (
        unit.shape in (PHOTO_CREDIT, CREDIT)
        and (unit.shape == PHOTO_CREDIT or unit.key.endswith("报道"))
        and before is not None
        and before.shape == TEXT
        and ends_sentence(before.text)
    )


def _signed_at_end(unit: Unit) -> bool:
    """A paragraph that ends a story with its reporters' credit glued after the last sentence
    (`…圆满成功。记者 樊欣欣 通讯员 赵帅`); a bare name in brackets signs a brief of a column
    (`…(牛全海)`), which goes on."""
    glued = split_glued_credit(unit.text) if unit.shape == TEXT else None
    return glued is not None and any(p.role != AUTHOR for p in glued[2])


def _closing_credit(unit: Unit) -> tuple[str, tuple]:
    """The credit a closing unit signs with, as printed, and its people: a credit line, or a credit
    glued after the last sentence (`…。本报记者齐连声`, `…。(刘丽萍 顾威)`); ("", ()) for none."""
    if unit.shape == CREDIT:
        return unit.text, unit.people
    glued = split_glued_credit(unit.text) if unit.shape == TEXT else None
    return (glued[1], glued[2]) if glued else ("", ())


def _signed_by(unit: Unit) -> tuple:
    """The people a closing unit signs with (_closing_credit)."""
    return _closing_credit(unit)[1]


def _after_closing_credit(
    seq: list[Unit], rest: list[int], *, titled: bool = True, own: set[str] = frozenset()
) -> int | None:
    """Position in ``rest`` where another item with no byline above its body begins: a title
    after the story's closing credit (a short commentary signed at its end), a title of two or
    three lines after a finished paragraph (an in-body subhead is one line), a title over a photo
    credited to none of the story's ``own`` people, or the span's one title line when it cannot be
    a subhead (``_lone_title``; in a titled story that a jump line ends it is one, as in
    ``_subhead_of_jumped``: a story long enough to go on elsewhere has subheads)."""
    for n in range(1, len(rest) - 1):
        before, unit = seq[rest[n - 1]], seq[rest[n]]
        if unit.shape != TITLE or not _opens_anchorless(seq, rest[n:]):
            continue
        if _signs_untitled(seq, rest, n) or _voice_changes(seq, rest, n):
            return n
        if _over_others_photo(seq, rest, n, own):
            return n
        if before.shape == TEXT and (
            split_source_tag(before.text)
            or _CLOSING_NOTE.search(before.text)
            or ends_with_dash_signature(before.text)
            or ends_with_tip(before.text)
        ):
            # `…。 据中新社`, `…共同承办。(轧学超)`, `…了。——木禾`, `…修好。线索提供 王辉`: the story ends with
            # its source, its signature or its tipster
            return n
        if before.shape == CREDIT:
            earlier = seq[rest[n - 2]] if n >= 2 else None
            if earlier is not None and earlier.shape == TEXT and ends_sentence(earlier.text):
                return n
        elif (
            before.shape == TEXT
            and ends_sentence(before.text)
            and (
                (seq[rest[n + 1]].shape == TITLE and not _parallel_lines(unit, seq[rest[n + 1]]))
                or (
                    _lone_title(seq, rest, n, titled=titled)
                    and not _labelled_block(seq, rest[n - 1], rest[n:])
                    and not (titled and _continued_elsewhere(seq, rest))
                )
            )
            and not BOX_LABEL.match(unit.key)
            and not ENUMERATED.match(unit.text)
        ):
            return n
    return None


# A name or a note in brackets after the story's last sentence: `…共同承办。(轧学超)`, `…举行。(完)`.
_CLOSING_NOTE = re.compile(f"[{STOPS}\u201d][{SPACES}]*[{OPEN_PAREN}][{HAN}{SPACES}、]{{1,12}}[{CLOSE_PAREN}]$")
_MAX_PARALLEL = 8
_SUBHEAD_LABEL = re.compile(f"^(?:[{HAN}]{{2,4}}|[{HAN}]{{2,8}}[{COLONS}])$")


def _labelled_block(seq: list[Unit], before: int, following: list[int]) -> bool:
    """A subhead and its label kept in one block (`陶然亭` over `传统景点 化身锻炼圣地`, 北京晚报; `现场` over
    `传承看报习惯`, 厦门日报) after a finished paragraph of an unsigned story, over more of its text."""
    unit, prev = seq[following[0]], seq[before]
    lines = unit.text.split("\n")
    return (
        unit.shape == TITLE
        and len(lines) == 2
        and _SUBHEAD_LABEL.match(squeeze(lines[0])) is not None
        and not BOX_LABEL.match(squeeze(lines[0]))
        and len(following) > 1
        and seq[following[1]].shape == TEXT
        and _unsigned_paragraph(prev)
    )


def _label_over_subhead(seq: list[Unit], group: list[int], following: list[int]) -> bool:
    """The group's last unit labels the subhead that follows, after a finished paragraph of its story."""
    if len(group) < 2 or following[0] != group[-1]:
        return False
    before = seq[group[-2]]
    return before.shape == TEXT and ends_sentence(before.text) and _labelled_subhead(seq, following)


def _labelled_subhead(seq: list[Unit], following: list[int]) -> bool:
    """A subhead under a short label of its own, between the paragraphs of an unsigned story: a place
    or a name over the phrase (`陶然亭` / `传统景点 化身锻炼圣地`, 北京晚报; `现场` / `传承看报习惯`, 厦门日报), or
    a speaker with a colon (`人民日报社:` / `唱响众志成城抗击疫情最强音`, 学习时报). A kicker over the next story's
    title follows a story that was signed or closed (`(晓溪)` / `湖南岳阳` / `艺术节请劳模坐前排`)."""
    if len(following) < 3:
        return False
    label, phrase, after = (seq[k] for k in following[:3])
    return (
        "\n" not in label.text + phrase.text
        and _SUBHEAD_LABEL.match(label.key) is not None
        and phrase.shape == TITLE
        and after.shape == TEXT
        and not BOX_LABEL.match(label.key)
    )


def _parallel_lines(first: Unit, second: Unit) -> bool:
    """Two short title lines of one length (`道不尽的厚重` / `看得见的短板`): a subhead printed on two
    lines, as a blank-line dump keeps in one block; a kicker and a headline differ in length."""
    a, b = first.key, second.key
    return len(a) == len(b) <= _MAX_PARALLEL and "\n" not in first.text + second.text


_COUPLET = re.compile(f"^[^{SPACES}]{{4,}}[{SPACES}]+[^{SPACES}]{{4,}}$")


def _lone_title(seq: list[Unit], rest: list[int], n: int, *, titled: bool) -> bool:
    """The span's one title line after a finished paragraph heads a story printed with no byline
    when it cannot be a subhead: in a story printed without a title (opened by its byline, which
    has no subheads to speak of: `我也想跟广州“终生合伙”`), or as two phrases set apart by a space
    (`游泳小将宋泯臻 省运会独揽三金`); subheads come in series (`弹性就业 互惠共赢` is the second of
    two), and a lone subhead is one phrase."""
    if [k for k in rest[1:] if seq[k].shape == TITLE] != [rest[n]]:
        return False
    line = seq[rest[n]].text
    return not titled or ("\n" not in line and bool(_COUPLET.match(line)))


def _voice_changes(seq: list[Unit], rest: list[int], n: int) -> bool:
    """A title after a finished paragraph of a story told in the third person, over text where a
    writer says `我` (`…进行体验式采访。` / `《邵阳日报》:我的写作起步之地` / `真没想到,…做了多年家庭主妇的
    我,…`): another piece, a reader's or a writer's, not a subhead of the story."""
    before, after = seq[rest[n - 1]], seq[rest[n + 1]]
    if before.shape != TEXT or not ends_sentence(before.text) or after.shape != TEXT or "\n" in seq[rest[n]].text:
        return False
    if _SPEAKER.match(after.text):
        return False  # `答:我觉得…`, `张三:我…`: someone the story quotes, in its own voice
    story = " ".join(seq[k].text for k in rest[:n])
    return bool(_FIRST_PERSON.search(unquoted(after.text))) and not _FIRST_PERSON.search(unquoted(story))


_SPEAKER = re.compile(f"^[{SPACES}]*[^{SPACES}{COMMAS}\u3002]{{1,8}}[{COLONS}]")


def _over_others_photo(seq: list[Unit], rest: list[int], n: int, own: set[str]) -> bool:
    """A title after a finished paragraph of a signed story, right over a captioned photo credited to
    none of its people, then text: another story under its photo (株洲晚报: `…育人环境。` / `冷在风里` /
    `近日,栗雨湖,残荷傲立寒冬。 通讯员/张顺湘 摄` / `初冬的第一周,…`); a subhead is followed by its text."""
    before, photo = seq[rest[n - 1]], seq[rest[n + 1]]
    after = seq[rest[n + 2]] if n + 2 < len(rest) else None
    return (
        bool(own)
        and before.shape == TEXT
        and ends_sentence(before.text)
        and "\n" not in seq[rest[n]].text
        and photo.shape == CAPTION
        and bool(photo.people)
        and not own & {p.name for p in photo.people}
        and after is not None
        and after.shape == TEXT
    )


def _brief_signed_by_others(seq: list[Unit], rest: list[int], anchor: Unit | None, own: set[str]) -> int | None:
    """Position in ``rest`` of a title over one paragraph that closes with a source or a credit of its own, naming
    none of the story's people and not its newsroom, after a finished paragraph of a story opened by a lead or a
    byline, with another title or the span's end under it: a brief of its own, not a part of the story
    (`本报讯 记者许仲英报道:…农村集市繁荣。` / `上海电报局转发外地电报自动化` / `…试制成功的。(据新华社)`, 人民日报;
    `…访华。` / `利比亚向…支付赔偿金` / `…两亿法郎。(法新社)` under `【路透社乌兰巴托7月17日电】`, 参考消息;
    `市城市管理局:全员上路铲雪保畅通` / `…(全媒体记者 李博)` under `本报讯(记者纪雨童)`, 三门峡日报). A credit there
    under an opening that names no one may sign the whole story: it counts only against people the opening names."""
    if anchor is None or anchor.shape not in (LEAD, CREDIT):
        return None
    for n in range(len(rest) - 1):
        before = seq[rest[n - 1]] if n else anchor
        unit, brief = seq[rest[n]], seq[rest[n + 1]]
        after = seq[rest[n + 2]] if n + 2 < len(rest) else None
        finished = ends_sentence(before.lead.rest if before.shape == LEAD and before.lead else before.text)
        if (
            unit.shape != TITLE
            or "\n" in unit.text
            or BOX_LABEL.match(unit.key)  # `相关链接` over a box of the story, whoever wrote it
            or before.shape not in (TEXT, LEAD)
            or not finished
            or brief.shape != TEXT
            or (after is not None and after.shape != TITLE)
        ):
            continue
        tag = split_source_tag(brief.text)
        if tag is not None:
            if source_name(tag[1]) not in squeeze(anchor.text):
                return n
            continue
        glued = split_glued_credit(brief.text)
        if glued is not None and own and not own & {p.name for p in glued[2]}:
            return n
    return None


def _signs_untitled(seq: list[Unit], rest: list[int], n: int) -> bool:
    """A name alone after a finished paragraph, over more text: the author line of a signed piece
    printed without a title (a commentary), not a subhead of the story above."""
    before, unit, after = seq[rest[n - 1]], seq[rest[n]], seq[rest[n + 1]]
    return (
        unit.is_name
        and is_signature(unit.text)
        and before.shape == TEXT
        and ends_sentence(before.text)
        and after.shape == TEXT
    )


def _split_point(seq: list[Unit], rest: list[int], *, has_title: bool) -> int | None:
    """Where a notice or a boxed sidebar starts inside an item's span, if anywhere."""
    for n, k in enumerate(rest):
        unit = seq[k]
        if unit.shape != TITLE:
            continue
        if n == 0 and EDITORS_NOTE.match(unit.key):
            continue  # `编者按` over the story's first paragraph is the story's own note (光明日报, 株洲日报)
        if BOX_LABEL.match(unit.key) and n + 1 < len(rest):
            return k  # a box may open the story's column, before its first paragraph
        following = [seq[j] for j in rest[n + 1 :]]
        if _NOTICE_WORDS.search(unit.text) and following and _is_notice([unit], following):
            return k
        if n == 0:
            continue
    if not has_title:
        return None
    candidates = [k for n, k in enumerate(rest) if seq[k].shape == TITLE and n > 0]
    if len(candidates) != 1:
        return None
    k = candidates[0]
    n = rest.index(k)
    prev, nxt = seq[rest[n - 1]], (seq[rest[n + 1]] if n + 1 < len(rest) else None)
    cut_off = prev.shape == TEXT and not ends_sentence(prev.text) and nxt is not None and nxt.shape == TEXT
    if cut_off and _sentence_goes_on(prev, nxt):
        return None  # the text after the title goes on with the cut sentence: a title floated there
    # A short line there is a subhead after a cut paragraph; a long one titles a boxed item.
    if cut_off and (not is_subhead_like(seq[k].text) or len(seq[k].key) > _MAX_SUBHEAD_IN_CUT):
        return k
    return None


_QUOTE_INTRO = re.compile(f"(?:全文|原文|内容)?如下[{''.join(COLONS)}]$")


def _introduces_quote(draft: Draft) -> bool:
    """The story ends by introducing what follows: `…公告全文如下:`."""
    last = draft.body[-1] if draft.body else draft.anchor
    text = (last.lead.rest if last is not None and last.shape == LEAD and last.lead else last.text) if last else ""
    return bool(_QUOTE_INTRO.search(text.rstrip()))


def _tail_kind(seq: list[Unit], tail: list[int], *, quoted: bool = False) -> str:
    """A box of the story: a sidebar, or a notice printed on its own. A notice the story
    quotes (`公告全文如下:`) is the story's box."""
    units = [seq[k] for k in tail]
    if BOX_LABEL.match(units[0].key) or quoted:
        return SIDEBAR
    if _is_notice(units[:1], units[1:]):
        return NOTICE
    return SIDEBAR


def _attach_jumps(drafts: list[Draft], seq: list[Unit], jumps: dict[int, list[Furniture]]) -> None:
    """Jump lines belong to the item they end or open."""
    owner = {}
    for draft in drafts:
        for unit in draft.units:
            owner[id(unit)] = draft
    for index, lines in jumps.items():
        if not 0 <= index < len(seq):
            continue
        draft = owner.get(id(seq[index]))
        if draft is not None:
            draft.furniture.extend(lines)
