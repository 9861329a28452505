"""Where each article sits on a printed page, from the text positions of the page's PDF.

Pure Python (pdfplumber reads the PDF; nothing here imports Django). ``read_pdf`` turns the first page
of a PDF into text lines with their boxes, in points from the top left, and the boxes of its pictures;
``place_articles`` finds each article on it:

- every line of text is looked up in the articles' own text (kicker, headline, subheadline, byline lines
  and body, as stored, compared by their letters and digits alone): a line found in exactly one
  article belongs to it (a headline line in one article's titles belongs to that one, whatever the
  bodies say); a line found nowhere is matched loosely (rapidfuzz), and kept only if one article is
  clearly best; a short or shared line between two lines of the same article in its column is that
  article's too;
- an article's lines far from the rest of them (a phrase another story quotes) are dropped: what is
  kept is the largest group of its lines that touch when grown by a few lines' height;
- a picture belongs to the article whose lines are nearest to it (its caption, its headline), if the
  article's box grown to hold it takes in no line of another article;
- the article's area is the box around what it kept. Its score is the share of its text found on the page.

Pages set in columns of horizontal text are what this reads; vertical headlines (竖排) are read as
short lines, and an article whose text is not on the page (a scan, another edition) is not placed.
"""

from __future__ import annotations

import io
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# A line is part of a headline when its characters are this much larger than the body text's.
TITLE_SIZE_RATIO = 1.2
# Lines shorter than this (without spaces) are too common to place by themselves ("。", "记者").
MIN_LINE_CHARS = 4
# A loose match counts from this rapidfuzz partial_ratio, when the next best article is this far behind.
LOOSE_MATCH = 85
LOOSE_MARGIN = 10
# Lines of one article belong together when their boxes, grown by this many body sizes, touch.
NEAR = 3.0


@dataclass(frozen=True)
class Box:
    """A rectangle in points (or fractions of the page), ``top`` < ``bottom``, origin at the top left."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0), min(self.top, other.top), max(self.x1, other.x1), max(self.bottom, other.bottom)
        )

    def intersection(self, other: Box) -> float:
        width = min(self.x1, other.x1) - max(self.x0, other.x0)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return width * height if width > 0 and height > 0 else 0.0

    def overlap(self, other: Box) -> float:
        """Intersection over union: 1 for the same box, 0 for boxes apart."""
        shared = self.intersection(other)
        return shared / (self.area + other.area - shared) if shared else 0.0

    def grown(self, by: float) -> Box:
        return Box(self.x0 - by, self.top - by, self.x1 + by, self.bottom + by)

    def distance(self, other: Box) -> float:
        dx = max(0.0, other.x0 - self.x1, self.x0 - other.x1)
        dy = max(0.0, other.top - self.bottom, self.top - other.bottom)
        return (dx * dx + dy * dy) ** 0.5

    def contains_point(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2

    def scaled(self, width: float, height: float) -> Box:
        """In fractions of a page ``width`` × ``height``, kept inside it."""

        def clamp(value: float) -> float:
            return min(1.0, max(0.0, value))

        return Box(
            clamp(self.x0 / width), clamp(self.top / height), clamp(self.x1 / width), clamp(self.bottom / height)
        )


@dataclass(frozen=True)
class TextLine:
    text: str
    box: Box
    size: float  # the characters' font size, in points


@dataclass(frozen=True)
class PageLayout:
    width: float
    height: float
    lines: tuple[TextLine, ...]
    pictures: tuple[Box, ...] = ()


@dataclass(frozen=True)
class ArticleText:
    """What an article prints: ``key`` is the caller's (an article's id); ``body`` as stored, paragraphs and all."""

    key: object
    headline: str
    kicker: str = ""
    subheadline: str = ""
    body: str = ""
    credits: str = ""  # the byline lines as printed


@dataclass(frozen=True)
class Placement:
    key: object
    box: Box  # in fractions of the page's width and height
    score: float  # the share of the article's text found in its area, 0 to 1
    lines: int = 0


@dataclass
class _Article:
    text: ArticleText
    titles: str
    body: str
    lines: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    pictures: list[Box] = field(default_factory=list)

    @property
    def length(self) -> int:
        return len(self.titles) + len(self.body)


def normalized(text: str) -> str:
    """Compared form: letters and digits only (full-width forms folded by NFKC, Latin in lower case).

    Punctuation and spaces are left out: fonts map them to different characters, or to none (a ``·``
    set in a CID font comes back from the PDF as nothing), and body markup (``## ``, ``> ``) goes with them.
    """
    return "".join(char for char in unicodedata.normalize("NFKC", text).lower() if char.isalnum())


# Reading a PDF --------------------------------------------------------------------------------------


def read_pdf(data: bytes) -> PageLayout:
    """The first page of a PDF as lines of text and pictures (pdfplumber's characters, images and filled boxes)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        lines = tuple(_lines(page.chars))
        pictures = [Box(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
        pictures += [
            Box(r["x0"], r["top"], r["x1"], r["bottom"])
            for r in page.rects
            if r.get("fill") and r["width"] >= 20 and r["height"] >= 20
        ]
        pictures = [p for p in pictures if not any(p.contains_point(*line.box.centre) for line in lines)]
        return PageLayout(width=float(page.width), height=float(page.height), lines=lines, pictures=tuple(pictures))


def _lines(chars: Iterable[dict]) -> list[TextLine]:
    """Characters into lines: same size and baseline, no gap wider than a character (a gutter splits columns)."""
    rows: dict[tuple[float, float], list[dict]] = {}
    for char in chars:
        if not char.get("upright", True) and char["text"].strip():
            key = (round(char["size"], 1), round(char["x0"], 0), True)  # vertical text: a column is a line
        else:
            key = (round(char["size"], 1), round(char["bottom"] * 2) / 2)
        rows.setdefault(key, []).append(char)
    lines = []
    for (size, *_), row in rows.items():
        row.sort(key=lambda c: (c["x0"], c["top"]))
        current: list[dict] = []
        for char in row:
            if current and char["x0"] - current[-1]["x1"] > 0.8 * size:
                lines.append(_line(current, size))
                current = []
            current.append(char)
        if current:
            lines.append(_line(current, size))
    return [line for line in lines if line.text.strip()]


def _line(chars: list[dict], size: float) -> TextLine:
    printed = [c for c in chars if c["text"].strip()] or chars
    box = Box(
        min(c["x0"] for c in printed),
        min(c["top"] for c in printed),
        max(c["x1"] for c in printed),
        max(c["bottom"] for c in printed),
    )
    return TextLine("".join(c["text"] for c in chars), box, float(size))


# Placing articles -------------------------------------------------------------------------------------


def place_articles(
    layout: PageLayout, articles: Sequence[ArticleText], *, furniture: Iterable[str] = ()
) -> dict[object, Placement]:
    """Each article found on the page, by its key, with its area in fractions of the page; the others are left out.

    ``furniture``: what the page prints around its articles (its name, its label): a line that says only that
    is nobody's, even where a headline has the same words.
    """
    from rapidfuzz import fuzz

    found = [
        _Article(a, normalized(" ".join((a.kicker, a.headline, a.subheadline))), normalized(f"{a.credits} {a.body}"))
        for a in articles
    ]
    if not layout.lines or not found:
        return {}
    texts = [normalized(line.text) for line in layout.lines]
    furniture = {normalized(text) for text in furniture} - {""}
    body_size = _body_size(layout.lines)
    owner: list[int | None] = [None] * len(layout.lines)
    for n, (line, text) in enumerate(zip(layout.lines, texts, strict=True)):
        if text in furniture:
            continue
        if len(text) < MIN_LINE_CHARS and not (line.size >= TITLE_SIZE_RATIO * body_size and len(text) >= 2):
            continue
        in_titles = [i for i, a in enumerate(found) if text in a.titles]
        if line.size >= TITLE_SIZE_RATIO * body_size and len(in_titles) == 1:
            owner[n] = in_titles[0]
            continue
        anywhere = [i for i, a in enumerate(found) if text in a.titles or text in a.body]
        if len(anywhere) == 1:
            owner[n] = anywhere[0]
        elif not anywhere and len(text) >= MIN_LINE_CHARS:
            scores = sorted(
                (
                    (max(fuzz.partial_ratio(text, a.titles), fuzz.partial_ratio(text, a.body)), i)
                    for i, a in enumerate(found)
                ),
                reverse=True,
            )
            best, runner_up = scores[0], scores[1] if len(scores) > 1 else (0, None)
            if best[0] >= LOOSE_MATCH and best[0] - runner_up[0] >= LOOSE_MARGIN:
                owner[n] = best[1]
    _fill_between(layout.lines, owner, texts, found)
    for n, i in enumerate(owner):
        if i is not None:
            found[i].lines.append(n)
    for article in found:
        owned, article.lines = article.lines, _main_group(layout.lines, article.lines, NEAR * body_size, body_size)
        article.dropped = [n for n in owned if n not in article.lines]
    _give_pictures(layout, found)
    for article in found:
        _take_back(layout, article, found, NEAR * body_size, body_size)
    boxes = _snap([_box_of(layout, a) if a.lines else None for a in found], body_size)
    placements = {}
    for article in found:
        if not article.lines:
            continue
        box = boxes[found.index(article)]
        matched = sum(len(texts[n]) for n in article.lines)
        score = min(1.0, matched / article.length) if article.length else 0.0
        placements[article.text.key] = Placement(
            article.text.key, box.scaled(layout.width, layout.height), round(score, 3), len(article.lines)
        )
    return placements


def _body_size(lines: Sequence[TextLine]) -> float:
    """The most common character size, counted by characters: the body text's."""
    sizes: list[float] = []
    for line in lines:
        sizes += [round(line.size, 1)] * len(line.text)
    return statistics.mode(sizes)


def _fill_between(lines: Sequence[TextLine], owner: list[int | None], texts: list[str], found: list[_Article]) -> None:
    """A line nobody owns, between two lines of one article above and below it (their columns overlap), is theirs;
    so is the end of a paragraph (``诚信``) that goes on from the line above it in that article's text."""
    for n, line in enumerate(lines):
        if owner[n] is not None:
            continue
        above = below = None
        for m, other in enumerate(lines):
            if owner[m] is None or min(line.box.x1, other.box.x1) <= max(line.box.x0, other.box.x0):
                continue
            if other.box.bottom <= line.box.top and (above is None or other.box.bottom > lines[above].box.bottom):
                above = m
            elif other.box.top >= line.box.bottom and (below is None or other.box.top < lines[below].box.top):
                below = m
        if (
            above is not None
            and below is not None
            and owner[above] == owner[below]
            and lines[below].box.top - lines[above].box.bottom < 6 * max(line.size, lines[above].size)
        ):
            owner[n] = owner[above]
    for n, line in enumerate(lines):  # a paragraph's last line: just under a line of the same column
        if owner[n] is not None or not texts[n]:
            continue
        for m, other in enumerate(lines):
            if owner[m] is None or not 0 <= line.box.top - other.box.bottom < line.size:
                continue
            if abs(line.box.x0 - other.box.x0) > 3 * line.size:
                continue
            article = found[owner[m]]
            if texts[m] + texts[n] in article.body or texts[m] + texts[n] in article.titles:
                owner[n] = owner[m]
                break


def _main_group(lines: Sequence[TextLine], members: list[int], reach: float, size: float) -> list[int]:
    """The largest group (by characters) of these lines whose boxes, grown by ``reach`` (more for larger
    characters than ``size``), touch one another."""
    if len(members) < 2:
        return members
    parent = {n: n for n in members}

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    grown = {n: lines[n].box.grown(reach / 2 * max(1.0, lines[n].size / size)) for n in members}
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if grown[a].intersection(grown[b]) > 0 or grown[a].distance(grown[b]) == 0:
                parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for n in members:
        groups.setdefault(root(n), []).append(n)
    return max(groups.values(), key=lambda group: (sum(len(lines[n].text) for n in group), -min(group)))


def _box_of(layout: PageLayout, article: _Article) -> Box:
    box = layout.lines[article.lines[0]].box
    for n in article.lines[1:]:
        box = box.union(layout.lines[n].box)
    for picture in article.pictures:
        box = box.union(picture)
    return box


def _take_back(layout: PageLayout, article: _Article, articles: list[_Article], reach: float, size: float) -> None:
    """Lines the article dropped that are near it once it holds its pictures (a headline above its photo) come back,
    unless its box would then take in another article's line."""
    others = [layout.lines[n].box.centre for a in articles if a is not article for n in a.lines]
    changed = bool(article.lines and article.pictures)
    while changed and article.dropped:
        changed = False
        box = _box_of(layout, article)
        for n in list(article.dropped):
            line = layout.lines[n]
            grown = box.union(line.box)
            if line.box.distance(box) <= reach * max(1.0, line.size / size) and not any(
                grown.contains_point(*centre) for centre in others
            ):
                article.lines.append(n)
                article.dropped.remove(n)
                changed = True


def _snap(boxes: list[Box | None], reach: float) -> list[Box | None]:
    """Each box grown to its module's edges: every side moves out by ``reach`` at most, and by half the gap at
    most towards a neighbouring box beside it, so that areas meet in the gutters and never overlap."""
    snapped = []
    for i, box in enumerate(boxes):
        if box is None:
            snapped.append(None)
            continue
        left = right = up = down = reach
        for j, other in enumerate(boxes):
            if other is None or j == i:
                continue
            if min(box.bottom, other.bottom) > max(box.top, other.top):  # side by side
                if other.x1 <= box.x0:
                    left = min(left, (box.x0 - other.x1) / 2)
                elif other.x0 >= box.x1:
                    right = min(right, (other.x0 - box.x1) / 2)
            if min(box.x1, other.x1) > max(box.x0, other.x0):  # one above the other
                if other.bottom <= box.top:
                    up = min(up, (box.top - other.bottom) / 2)
                elif other.top >= box.bottom:
                    down = min(down, (other.top - box.bottom) / 2)
        snapped.append(Box(box.x0 - left, box.top - up, box.x1 + right, box.bottom + down))
    return snapped


def _give_pictures(layout: PageLayout, articles: list[_Article]) -> None:
    """Each picture to the article with the nearest line, unless that article's box would then take in another's line."""
    placed = [a for a in articles if a.lines]
    for picture in layout.pictures:
        nearest = sorted(
            (min(picture.distance(layout.lines[n].box) for n in a.lines), i) for i, a in enumerate(placed)
        )
        if not nearest:
            return
        article = placed[nearest[0][1]]
        grown = _box_of(layout, article).union(picture)
        others = {n for a in placed if a is not article for n in a.lines}
        if not any(grown.contains_point(*layout.lines[n].box.centre) for n in others):
            article.pictures.append(picture)
