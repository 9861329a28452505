"""Which section an item belongs to.

In this order: a commentary goes to the commentary section; a page header that names a
section decides for its page (`综合·城区` → 城区, `要闻  2` → 要闻, `综合新闻` → 综合); otherwise
the section whose keywords (editable by editors, in their order) the title and text name most,
title words counting thrice; otherwise the default section.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .lexicon import COMMENTARY_SECTION

_TITLE_WEIGHT = 3


def assign(
    kind: str,
    title: str,
    text: str,
    *,
    header: str,
    keywords: Mapping[str, Sequence[str]],
    default: str = "",
) -> str:
    names = [*keywords, *([default] if default else [])]
    if kind == "commentary" and COMMENTARY_SECTION in names:
        return COMMENTARY_SECTION
    return from_header(header, names) or from_keywords(title, text, keywords) or default


def from_header(header: str, names: Sequence[str]) -> str:
    """`综合·城区` → 城区 when a section of that name exists (the most specific part wins)."""
    if not header:
        return ""
    parts = [p for p in header.replace("・", "·").replace("•", "·").split("·") if p]
    for part in reversed(parts):
        if part in names:
            return part
    for name in names:
        if name in header:
            return name
    return ""


def from_keywords(title: str, text: str, keywords: Mapping[str, Sequence[str]]) -> str:
    """The section whose keywords occur most often; ties go to the first in order."""
    best, best_hits = "", 0
    for name, words in keywords.items():
        hits = sum(_TITLE_WEIGHT * title.count(word) + text.count(word) for word in words if word)
        if hits > best_hits:
            best, best_hits = name, hits
    return best
