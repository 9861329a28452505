"""Synthetic page dumps for the import and scale benchmarks, built from the seed pages.

    .venv/bin/python bench/generate.py OUT_DIR [--pages N] [--seed S]

Writes N page dumps (``2001-01-01_01.txt`` ... eight pages an issue, one issue a day)
that look like the seeds: a page header, the page label and date, ~10 items each
(headline, sometimes a kicker or subheadline, a lead with the dateline and byline,
paragraphs of seed sentences), photo news with a 摄影报道 credit, captions, a
paragraph printed twice, a paragraph broken by a column break, an advertisement now
and then, and the staff line. The same N and seed always give the same bytes.
Headlines, names and sentences come from parsing ``seeds/*.txt``.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import rjieba  # noqa: E402

from importers.parsing import ParseError, parse_page  # noqa: E402

PAGES_PER_ISSUE = 8
FIRST_ISSUE = datetime.date(2001, 1, 1)
HEADERS = ["要闻", "综合·城区", "经济·产业", "社会·民生", "县市·新闻", "文化·体育", "评论·观点", "健康·教育"]
WEEKDAYS = "一二三四五六日"
PLACES = ["荷塘区", "芦淞区", "石峰区", "天元区", "渌口区", "醴陵市", "攸县", "茶陵县", "炎陵县", "云龙示范区"]
EDITORS = [("胡乐", "张武"), ("刘宇", "左骏"), ("王翔", "陈雄"), ("易军", "李云")]
_SENTENCE = re.compile(r"[^。!?!?\n]+[。!?!?]")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# Nouns and verbs of seed sentences are swapped for common words of the same kind from
# jieba's dictionary: sentences keep their shape, but articles no longer share their text.
_VARIED_POS = {"n", "v", "vn", "a", "nz"}
_MIN_FREQUENCY = 2000
_UNWANTED = re.compile(r"株洲日报|记者|通讯员|责任编辑|编辑/|摄|[/()()]|\d{1,2}月\d{1,2}日")


@dataclass
class Pool:
    headlines: list[str]
    fragments: list[str]
    reporters: list[str]
    correspondents: list[str]
    sentences: list[str]
    vocabulary: dict[str, list[str]]


def load_pool(seed_dir: Path) -> Pool:
    headlines, reporters, correspondents, sentences = [], [], [], []
    for path in sorted(seed_dir.glob("*.txt")):
        raw = path.read_bytes()
        try:
            parsed = parse_page(raw, source=path.name)
        except ParseError:
            continue
        for item in parsed.items:
            if item.kind in {"news", "photo", "commentary"}:
                headlines.append(item.headline)
            for credit in item.people:
                (reporters if credit.role in {"reporter", "photographer"} else correspondents).append(credit.name)
            for paragraph in item.paragraphs:
                sentences += [
                    s
                    for s in _SENTENCE.findall(paragraph)
                    if 10 <= len(s) <= 90 and "\u4e00" <= s[0] <= "\u9fff" and not _UNWANTED.search(s)
                ]
    vocabulary: dict[str, set[str]] = {pos: set() for pos in _VARIED_POS}
    dictionary = Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, frequency, pos = (line.split(" ") + ["", ""])[:3]
        if pos in vocabulary and frequency.isdigit() and int(frequency) >= _MIN_FREQUENCY and _HAN.match(word):
            vocabulary[pos].add(word)
    fragments = sorted({part for h in headlines for part in re.split(r"[\s::——]+", h) if 4 <= len(part) <= 14})
    return Pool(
        headlines=sorted(set(headlines)),
        fragments=fragments,
        reporters=sorted(set(reporters)),
        correspondents=sorted(set(correspondents) - set(reporters)) or sorted(set(reporters)),
        sentences=sorted(set(sentences)),
        vocabulary={pos: sorted(words) for pos, words in vocabulary.items()},
    )


def file_name(index: int) -> str:
    issue = FIRST_ISSUE + datetime.timedelta(days=index // PAGES_PER_ISSUE)
    return f"{issue:%Y-%m-%d}_{index % PAGES_PER_ISSUE + 1:02d}.txt"


class PageWriter:
    def __init__(self, pool: Pool, rng: random.Random):
        self.pool = pool
        self.rng = rng
        self._tagged: dict[str, list[tuple[str, str]]] = {}

    def vary(self, text: str, rate: float = 0.6) -> str:
        """``text`` with some of its nouns and verbs replaced by other common words of the same kind."""
        tagged = self._tagged.get(text)
        if tagged is None:
            tagged = self._tagged[text] = rjieba.tag(text)
        words = self.pool.vocabulary
        return "".join(
            self.rng.choice(words[pos]) if pos in words and len(word) >= 2 and self.rng.random() < rate else word
            for word, pos in tagged
        )

    def page(self, index: int) -> str:
        rng = self.rng
        issue = FIRST_ISSUE + datetime.timedelta(days=index // PAGES_PER_ISSUE)
        number = index % PAGES_PER_ISSUE + 1
        lines = [
            HEADERS[number - 1],
            f"{number:02d}版",
            f"{issue.year}年{issue.month}月{issue.day}日 星期{WEEKDAYS[issue.weekday()]}",
            "",
        ]
        event = issue - datetime.timedelta(days=1)
        for position in range(rng.randint(7, 13)):
            roll = rng.random()
            if roll < 0.12:
                lines += self.photo(event)
            elif roll < 0.15 and position > 4:
                lines += self.advertisement()
            else:
                lines += self.news(event, continued=number < PAGES_PER_ISSUE and position == 0 and roll > 0.9)
        editor, art_editor = EDITORS[index % len(EDITORS)]
        lines += [f"责任编辑/{editor} 美术编辑/{art_editor}", ""]
        return "\n".join(lines)

    def headline(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            return f"{rng.choice(PLACES)}{self.vary(rng.choice(self.pool.fragments))}"
        return f"{self.vary(rng.choice(self.pool.fragments))} {self.vary(rng.choice(self.pool.fragments))}"

    def paragraph(self, low=2, high=4) -> str:
        return "".join(self.vary(self.rng.choice(self.pool.sentences)) for _ in range(self.rng.randint(low, high)))

    def credit(self) -> str:
        rng = self.rng
        reporter = rng.choice(self.pool.reporters)
        if rng.random() < 0.7:
            return f"全媒体记者/{reporter} 通讯员/{rng.choice(self.pool.correspondents)}"
        return f"全媒体记者/{reporter}"

    def news(self, event: datetime.date, *, continued: bool) -> list[str]:
        rng = self.rng
        lines = [""]
        if rng.random() < 0.2:
            lines += [f"{rng.choice(PLACES)}:", ""]
        lines += [self.headline(), ""]
        if rng.random() < 0.15:
            lines += [rng.choice(self.pool.fragments), ""]
        lines += [f"株洲日报讯({self.credit()}) {event.month}月{event.day}日,{self.paragraph(1, 3)}", ""]
        paragraphs = [self.paragraph() for _ in range(rng.randint(2, 7))]
        if rng.random() < 0.15:  # the same paragraph printed twice
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(paragraphs))
        for paragraph in paragraphs:
            if rng.random() < 0.12 and len(paragraph) > 30:  # broken by a column break
                cut = rng.randrange(10, len(paragraph) - 10)
                lines += [paragraph[:cut], "", paragraph[cut:], ""]
            else:
                lines += [paragraph, ""]
        if rng.random() < 0.1:
            lines += [f"{self.paragraph(1, 1)[:-1]}。记者/{rng.choice(self.pool.reporters)}摄", ""]
        if continued:
            lines += ["▶ 下转 02版", ""]
        return lines

    def photo(self, event: datetime.date) -> list[str]:
        return [
            "",
            self.headline(),
            "",
            f"{event.month}月{event.day}日,{self.paragraph(1, 2)}",
            "",
            f"株洲日报{self.credit()} 摄影报道",
            "",
        ]

    def advertisement(self) -> list[str]:
        return ["", "广告", "", self.rng.choice(self.pool.fragments), "", self.paragraph(1, 2), ""]


def generate(out_dir: Path, pages: int, seed: int = 1) -> list[Path]:
    pool = load_pool(ROOT / "seeds")
    writer = PageWriter(pool, random.Random(seed))
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(pages):
        path = out_dir / file_name(index)
        path.write_text(writer.page(index), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    written = generate(args.out_dir, args.pages, args.seed)
    size = sum(p.stat().st_size for p in written)
    print(f"{len(written)} pages, {size / 1e6:.1f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()
