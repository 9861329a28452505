"""jieba's dictionary, the same table rjieba segments with: its words with their counts, and the
words it tags as places (`ns`: 安阳, 株洲, 曼谷), read once."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

_PLACE_TAG = "ns"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], frozenset[str]]:
    spec = importlib.util.find_spec("jieba")
    path = Path(spec.origin).parent / "dict.txt"
    counts: dict[str, int] = {}
    places: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, count, *tag = line.split()
            counts[word] = int(count)
            if tag and tag[0] == _PLACE_TAG:
                places.add(word)
    return counts, frozenset(places)


def words() -> dict[str, int]:
    """Every word of the dictionary and how often jieba's corpus has it."""
    return _table()[0]


def is_place(word: str) -> bool:
    """A place name of the dictionary: `安阳报道` is where a story was filed, `张蓓报道` who filed it."""
    return word in _table()[1]
