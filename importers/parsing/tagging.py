"""Topic tags: TF-IDF keywords over rjieba's tokens, scored with jieba's IDF table,
plus places of the paper's area from the gazetteer (data/gazetteer.txt).

Tags are nouns and names of things: never numbers, dates, bare verbs, person
names or the bylined staff. The result is deterministic for the same text.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import rjieba

from .bylines import COMPOUND_SURNAMES
from .dictionary import words
from .lexicon import NAME_ENDS, ROAD_ENDS, SURNAMES

_DATA = Path(__file__).parent / "data"
# Parts of speech a tag may have: nouns, places, organisations, other proper nouns, abbreviations;
# set phrases (人民调解) named twice; verbal nouns (服务) only when a story has too few tags otherwise.
_NOUNS = frozenset({"n", "nz", "ns", "nt", "nw", "j", "l"})
_LOOSE = _NOUNS | {"vn"}
_PREFERRED_BOOST = 2.0
# A dictionary word seen fewer times than this in jieba's corpus is treated as unknown.
_RARE = 10
_NUMERIC = re.compile(r"^[\d\.%%〇零一二三四五六七八九十百千万亿第]+$")
# 圈圈, 妈妈, 平平安安: a child's or a speaker's word, never what a story is about.
_REPEATED = re.compile(r"^(?:(.)\1)+$")
_MIN_TAGS, _MAX_TAGS, _MAX_PLACES = 3, 8, 3
_TITLE_WEIGHT = 3
# Below this IDF a word is too common to say what a story is about (发展, 工作, 市场).
_MIN_IDF = 5.0
# A word jieba's table does not know is often a segmentation fragment (织密防, 个村);
# it counts only when long and repeated (妈妈岗, 民营经济).
_UNKNOWN_MIN_LENGTH, _UNKNOWN_MIN_COUNT = 3, 3
_COMPOUND_SURNAMES = frozenset(COMPOUND_SURNAMES)


@lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    spec = importlib.util.find_spec("jieba")
    path = Path(spec.origin).parent / "analyse" / "idf.txt"
    table: dict[str, float] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


def is_known_word(word: str) -> bool:
    """A dictionary word or a place of the gazetteer: what a tag may be."""
    return word in words() or word in gazetteer()


def _word_list(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(_word_list("stopwords.txt"))


@lru_cache(maxsize=1)
def gazetteer() -> tuple[str, ...]:
    return tuple(sorted(set(_word_list("gazetteer.txt")), key=len, reverse=True))


def find_places(text: str, places=None) -> list[str]:
    """Places named in the text, most mentioned first; a longer name hides the shorter inside it."""
    counts: Counter[str] = Counter()
    remaining = text
    ordered = gazetteer() if places is None else sorted(set(places), key=len, reverse=True)
    for place in ordered:
        hits = remaining.count(place)
        if hits:
            counts[place] = hits
            remaining = remaining.replace(place, "\u0000")
    return [place for place, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _candidates(tokens: list[tuple[str, str]], exclude, stop, pos: frozenset[str]) -> list[str]:
    """Nouns of the text (its ``rjieba.tag`` tokens), without numbers, stopwords, names or the pieces
    of a name that the segmenter split (胡 + 长春, 欧阳 + 瑞丰, 刘 + 欲求, 空灵 + 岸, 锦绣 + 社区)."""
    words = []
    skip_next = False
    last = len(tokens) - 1
    for i, (word, tag) in enumerate(tokens):
        if skip_next:
            skip_next = False
        elif _starts_a_name(word, tag) or word in _COMPOUND_SURNAMES:
            skip_next = True
        elif (
            tag in pos
            and len(word) > 1
            and word not in stop
            and word not in exclude
            and word not in ROAD_ENDS
            and (tokens[i + 1][0] if i < last else "") not in NAME_ENDS
            and not _NUMERIC.match(word)
            and not _REPEATED.match(word)
        ):
            words.append(word)
    return words


def _starts_a_name(word: str, tag: str) -> bool:
    """A surname the segmenter left alone: `胡` (nr) before 长春, `刘` before 欲求."""
    return len(word) == 1 and (tag == "nr" or (tag == "zg" and word in SURNAMES))


def extract_tags(
    title: str,
    body: str,
    *,
    exclude=frozenset(),
    places=None,
    stop: frozenset[str] = frozenset(),
    preferred: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """3 to 8 topic words for a story, most telling first.

    Tags are nouns, places and names of organisations the segmenter knows (a word it does
    not know counts only when long and repeated), never adjectives, verbs or fragments;
    ``stop`` holds the editors' words that are never tags, ``preferred`` the tags already in
    use, which win over new words. Verbal nouns and set phrases fill in only when a story
    has fewer than three tags otherwise."""
    never = stopwords() | stop
    # Segmented once: the looser second pass reads the same tokens.
    texts = [(_TITLE_WEIGHT, rjieba.tag(title)), (1, rjieba.tag(body))]
    found_places = [p for p in find_places(title + "\n" + body, places) if p not in exclude and p not in stop]
    tags: list[str] = []
    for place in found_places:
        if len(tags) < _MAX_PLACES and not _overlaps(place, tags):
            tags.append(place)
    _fill(tags, _ranked(texts, exclude, never, preferred, _NOUNS))
    # Counted after the overlaps are dropped: 人大 and 人大常委会 are one tag, not two.
    # A story with fewer fills in with verbal nouns and words named once, and the title's rare
    # dictionary words (预备会议) that its body names again.
    if len(tags) < _MIN_TAGS:
        _fill(tags, _ranked(texts, exclude, never, preferred, _LOOSE, min_count=1, rare_from_title=True))
    return tuple(tags)


def _overlaps(word: str, tags: list[str]) -> bool:
    return any(word in other or other in word for other in tags)


def _fill(tags: list[str], ranked: list[str]) -> None:
    """Add the ranked words, best first, up to the most a story has; a word inside a tag (or the tag
    inside it) says the same thing and is left out."""
    for word in ranked:
        if len(tags) >= _MAX_TAGS:
            break
        if not _overlaps(word, tags):
            tags.append(word)


def _ranked(texts, exclude, stop, preferred, pos, *, min_count=2, rare_from_title=False) -> list[str]:
    """The candidates of ``texts`` (``(weight, tokens)`` pairs: the title's, the body's), best first."""
    idf, median = _idf()
    counts: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    in_title = set()
    for weight, tokens in texts:
        for word in _candidates(tokens, exclude, stop, pos):
            counts[word] += weight
            seen[word] += 1
            if weight == _TITLE_WEIGHT:
                in_title.add(word)
    total = sum(counts.values()) or 1
    scored = []
    dictionary = words()
    for word, count in counts.items():
        weight = idf.get(word)
        if word in preferred:
            weight = max(weight or median, median) * _PREFERRED_BOOST
        elif count < min_count:
            continue  # named once in the body only: not what the story is about
        elif weight is None or dictionary.get(word, 0) < _RARE:
            # A word the segmenter hardly knows is often a piece of two (家商 of 温州商会,
            # 组组长 of 巡察组组长): it counts only when long and repeated.
            long_and_repeated = len(word) >= _UNKNOWN_MIN_LENGTH and seen[word] >= _UNKNOWN_MIN_COUNT
            titled = rare_from_title and word in dictionary and word in in_title and seen[word] >= 2
            if not (long_and_repeated or titled):
                continue
            weight = weight or median
        elif weight < _MIN_IDF:
            continue
        scored.append((count / total * weight, word))
    return [word for _, word in sorted(scored, key=lambda pair: (-pair[0], pair[1]))]
