"""Which section an item belongs to, from the page header or the editors' keywords."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def from_header(header: str, keywords: Mapping[str, Sequence[str]]) -> str:
    """`综合·城区` → 城区 when a section of that name exists (the most specific part wins)."""
    if not header:
        return ""
    parts = [p for p in header.replace("・", "·").replace("•", "·").split("·") if p]
    for part in reversed(parts):
        if part in keywords:
            return part
    for name in keywords:
        if name in header:
            return name
    return ""


def from_keywords(text: str, keywords: Mapping[str, Sequence[str]]) -> str:
    """The section whose keywords occur most often in the text; ties go to the first in order."""
    best, best_hits = "", 0
    for name, words in keywords.items():
        hits = sum(text.count(word) for word in words if word)
        if hits > best_hits:
            best, best_hits = name, hits
    return best
