"""Property-based tests: whatever text arrives, the parser answers, keeps every
line somewhere, and answers the same way twice."""

import contextlib
import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from importers.parsing import ParseError, parse_page
from importers.parsing.decoding import INVISIBLE

SEED_LINES = [
    line
    for path in sorted((Path(__file__).resolve().parents[3] / "seeds").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
]
FRAGMENTS = [
    "株洲日报讯(全媒体记者/成姣兰 通讯员/王海艳)",
    "株洲日报全媒体记者/杨如 通讯员/谭红冰 文钦 摄",
    "本报讯 记者 张三 通讯员 李四",
    "(本报记者 孙七)",
    "记者/杨凌凌摄",
    "综合·城区",
    "责任编辑/胡乐 美术编辑/张武",
    "▶ 下转 02版",
    "株洲日报宣",
    "公益广告",
    "广告",
    "——“以二十大精神指引办好株洲的事”系列评论之五",
    "新时代 新征程 新伟业",
]
WS = re.compile(r"\s+")
# Characters that survive a UTF-8 round trip (no lone surrogates).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
LINE = st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(FRAGMENTS), TEXT)
# A seed line cut anywhere: what column breaks do.
CUT = st.builds(lambda line, at: line[: at % (len(line) + 1)], st.sampled_from(SEED_LINES), st.integers(0, 400))
PAGE = st.builds(
    lambda lines, sep: sep.join(lines),
    st.lists(st.one_of(LINE, CUT), max_size=40),
    st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n"]),
)


def everything_kept(page) -> str:
    parts = [f.text for f in page.furniture] + list(page.unassigned)
    for item in page.items:
        parts += [item.kicker + item.headline + item.subheadline, item.series, item.dateline, *item.bylines]
        parts += [block.text for block in item.blocks]
    return WS.sub("", "\u0000".join(parts))


def parse_or_none(text):
    try:
        return parse_page(text.encode("utf-8"), source="page.txt")
    except ParseError:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE)
@example("0\u2060")  # a word joiner, dropped on decoding (found by this test)
@example("\u2060")
def test_never_raises_and_loses_no_line(text):
    page = parse_or_none(text)
    # NUL (PostgreSQL cannot store it) and invisible zero-width or direction marks are dropped on decoding
    decoded = INVISIBLE.sub("", text.replace("\x00", ""))
    if page is None:
        controls = sum(1 for c in text if (ord(c) < 32 or c == "\x7f") and c not in "\t\n\r")
        # so a page of NULs, invisible marks and blanks is an empty page
        assert not decoded.strip() or controls > 8, "only an empty or binary-looking page may be refused"
        return
    text = decoded
    kept = everything_kept(page)
    printed = sorted({WS.sub("", b) for item in page.items for b in item.bylines}, key=len, reverse=True)
    for line in text.replace("\r", "\n").split("\n"):
        rest = WS.sub("", line)
        if rest in kept:
            continue
        for byline in printed:
            rest = rest.replace(byline, "")
        assert rest in kept, line


@settings(max_examples=100, deadline=None)
@given(PAGE)
def test_parsing_is_deterministic(text):
    assert parse_or_none(text) == parse_or_none(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_page_or_a_parse_error(data):
    with contextlib.suppress(ParseError):
        parse_page(data, source="noise.txt")
