"""Printed pages made for the tests and the benchmark: a page dump's items set as a newspaper page in a PDF.

``page_from_dump`` parses a dump (the seeds, the corpus) and lays its items out on a broadsheet page
(350 × 490 mm) in six columns: the first item leads, four columns wide with a large headline and a photo
box; the others take one to three columns, each module placed where the columns are shortest; a photo
news item gets a picture over its caption. Text is set in reportlab's built-in CID font STSong-Light (no
font file needed), body text 9 pt in columns, headlines 16-26 pt, page furniture at the top and the
bottom, rules between modules. An item that does not fit is left off the page, one whose body overflows
is cut (as a 下转 would). Each placed item comes with its true box (the module it was set in), so a test
can measure how well ``place_articles`` finds it.
"""

from __future__ import annotations

import functools
import io
import math
from dataclasses import dataclass
from pathlib import Path

from importers.parsing import parse_page
from importers.parsing.page_areas import ArticleText, Box

FONT = "STSong-Light"
WIDTH, HEIGHT = 992.0, 1389.0  # 350 × 490 mm in points
MARGIN = 36.0
HEAD = 64.0
FOOT = 30.0
COLUMNS = 6
GUTTER = 12.0
COLUMN = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * GUTTER) / COLUMNS
BODY, LEADING = 9.0, 13.0
PAD = 4.0
ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS = sorted((ROOT / "tests" / "importers" / "corpus").glob("*/*.txt"))


@dataclass(frozen=True)
class PlacedItem:
    kind: str
    text: ArticleText  # key: the item's place in the dump
    box: Box  # the module it was set in, in points
    bylines: tuple[str, ...] = ()


@dataclass(frozen=True)
class GeneratedPage:
    name: str
    pdf: bytes
    width: float
    height: float
    items: tuple[PlacedItem, ...]
    page_name: str = ""


@functools.cache
def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, _font(), size)


def wrap(text: str, width: float, size: float, indent: str = "") -> list[str]:
    """``text`` cut into lines no wider than ``width`` at ``size`` (character by character, as Chinese is set)."""
    lines, current = [], indent
    for char in text:
        if current and _width(current + char, size) > width:
            lines.append(current)
            current = ""
        current += char
    if current.strip():
        lines.append(current)
    return lines


def stored_body(item) -> str:
    """The body as the importer stores it: paragraphs apart, ``## `` subheads, ``> `` captions."""
    marks = {"subhead": "## ", "caption": "> "}
    return "\n\n".join(marks.get(block.kind, "") + block.text for block in item.blocks)


def page_from_dump(path: Path) -> GeneratedPage:
    parsed = parse_page(Path(path).read_bytes(), source=Path(path).name)
    return lay_out(parsed.items, name=Path(path).name, page_name=parsed.page.name or "综合")


# Composing a module -------------------------------------------------------------------------------


@dataclass
class _Module:
    index: int
    item: object
    span: int
    head: list[tuple[str, float, float]]  # (line, size, leading) across the module
    picture: float  # its height, 0 for none
    caption: list[str]  # under the picture, across the module
    body: list[tuple[str, float]]  # (line, size) in the module's columns

    @property
    def inner(self) -> float:
        return module_width(self.span) - 2 * PAD

    def fixed_height(self) -> float:
        heads = sum(leading for _, _, leading in self.head)
        return 2 * PAD + heads + (self.picture + 4 if self.picture else 0) + len(self.caption) * LEADING + 4

    def height(self, rows: int | None = None) -> float:
        return self.fixed_height() + (self.rows() if rows is None else rows) * LEADING

    def rows(self) -> int:
        return math.ceil(len(self.body) / self.span)


def module_width(span: int) -> float:
    return span * COLUMN + (span - 1) * GUTTER


def _span(index: int, item) -> int:
    length = sum(len(block.text) for block in item.blocks)
    if index == 0 and length > 800:
        return 4
    if item.kind == "photo":
        return 2
    if length > 1400:
        return 3
    return 2 if length > 260 else 1


def _compose(index: int, item) -> _Module:
    span = _span(index, item)
    inner = module_width(span) - 2 * PAD
    headline_size = 26.0 if index == 0 else 14.0 if item.kind == "photo" else 16.0 if span == 1 else 19.0
    head = []
    for text, size in ((item.kicker, 11.0), (item.headline, headline_size), (item.subheadline, 11.0)):
        if text:
            head += [(line, size, size * 1.3) for line in wrap(text, inner, size)]
    if item.bylines:
        head += [(line, BODY, LEADING + 2) for line in wrap("  ".join(item.bylines), inner, BODY)]
    captions = [block.text for block in item.blocks if block.kind == "caption"]
    picture, caption = 0.0, []
    if item.kind == "photo" or (index == 0 and captions) or (captions and span > 1):
        picture = round(inner * (0.62 if span > 2 else 0.7))
        if captions:
            caption = wrap(captions[0], inner, BODY)
    column = (inner - (span - 1) * GUTTER) / span
    body = []
    for block in item.blocks:
        if block.kind == "caption" and caption and block.text == captions[0]:
            continue
        if block.kind == "subhead":
            body += [(line, 10.0) for line in wrap(block.text, column, 10.0)]
        else:
            body += [(line, BODY) for line in wrap(block.text, column, BODY, indent="\u3000\u3000")]
    return _Module(index, item, span, head, picture, caption, body)


# Laying out the page ------------------------------------------------------------------------------


def lay_out(items, *, name: str, page_name: str = "综合") -> GeneratedPage:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(WIDTH, HEIGHT), pageCompression=1)
    pdf.setTitle(name)
    _furniture(pdf, page_name)
    skyline = [MARGIN + HEAD] * COLUMNS
    bottom = HEIGHT - MARGIN - FOOT
    placed = []
    for index, item in enumerate(items):
        if not item.headline.strip():
            continue  # a fragment the parser could not title: no article of its own
        module = _compose(index, item)
        starts = range(COLUMNS - module.span + 1)
        column = min(starts, key=lambda c: (max(skyline[c : c + module.span]), c))
        top = max(skyline[column : column + module.span])
        rows = module.rows()
        if top + module.height() > bottom:
            rows = int((bottom - top - module.fixed_height()) // LEADING)
            if rows < 3:
                continue
        x = MARGIN + column * (COLUMN + GUTTER)
        box = Box(x, top, x + module_width(module.span), top + module.height(rows))
        _draw(pdf, module, box, rows)
        for c in range(column, column + module.span):
            skyline[c] = box.bottom + GUTTER
        text = ArticleText(
            index, item.headline, item.kicker, item.subheadline, stored_body(item), "\n".join(item.bylines)
        )
        placed.append(PlacedItem(item.kind, text, box, tuple(item.bylines)))
    pdf.showPage()
    pdf.save()
    return GeneratedPage(name, buffer.getvalue(), WIDTH, HEIGHT, tuple(placed), page_name)


def _y(top: float) -> float:
    return HEIGHT - top


def _text(pdf, x: float, baseline: float, text: str, size: float) -> None:
    pdf.setFont(_font(), size)
    pdf.drawString(x, _y(baseline), text)


def _furniture(pdf, page_name: str) -> None:
    _text(pdf, MARGIN, MARGIN + 30, page_name, 28)
    _text(pdf, WIDTH - MARGIN - 220, MARGIN + 28, "株洲日报  2024年1月23日  星期二", 11)
    pdf.setLineWidth(1.5)
    pdf.line(MARGIN, _y(MARGIN + HEAD - 12), WIDTH - MARGIN, _y(MARGIN + HEAD - 12))
    _text(pdf, MARGIN, HEIGHT - MARGIN, "责任编辑：胡乐  美术编辑：张武  校对：李明", 8)


def _draw(pdf, module: _Module, box: Box, rows: int) -> None:
    x, y = box.x0 + PAD, box.top + PAD
    for line, size, leading in module.head:
        _text(pdf, x, y + size, line, size)
        y += leading
    if module.picture:
        _picture(pdf, x, y, module.inner, module.picture)
        y += module.picture + 4
        for line in module.caption:
            _text(pdf, x, y + BODY, line, BODY)
            y += LEADING
    column = (module.inner - (module.span - 1) * GUTTER) / module.span
    for n, (line, size) in enumerate(module.body[: rows * module.span]):
        c, row = divmod(n, rows)
        _text(pdf, x + c * (column + GUTTER), y + BODY + row * LEADING, line, size)
    pdf.setLineWidth(0.5)
    pdf.line(box.x0, _y(box.bottom + GUTTER / 2), box.x1, _y(box.bottom + GUTTER / 2))


def _picture(pdf, x: float, top: float, width: float, height: float) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = Image.linear_gradient("L").resize((64, 40)).convert("RGB")
    pdf.drawImage(ImageReader(image), x, _y(top + height), width, height)
