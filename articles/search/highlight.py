"""Marking what a query found in the text of its results: pure Python, no database."""

import re
from collections.abc import Iterable
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import MIN_QUERY_LENGTH, capped_query, query_terms


def highlight_terms(query: str) -> list[str]:
    """What to mark in results: the query as searched and its tokens of two or more characters."""
    query = capped_query(query)
    terms = [term for term in query_terms(query) if len(term) >= MIN_QUERY_LENGTH]
    if len(query) >= MIN_QUERY_LENGTH and query not in terms and not re.search(r"\s", query):
        terms.insert(0, query)
    return terms


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]):
    """One pattern for a page's terms (a results page marks them in every title and excerpt), longest first."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None


def highlight(text: str, terms: Iterable[str]) -> SafeString:
    """``text`` HTML-escaped, each occurrence of a term wrapped in ``<mark>``."""
    text = text or ""
    pattern = _pattern(tuple(terms))
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def excerpt(text: str, terms: Iterable[str], width: int = 120) -> SafeString:
    """About ``width`` characters of ``text`` around a match, highlighted."""
    text = " ".join((text or "").split())
    # Centre on the whole query where the text has it, else on its first word that matches.
    found = next(
        (i for term in sorted(terms, key=len, reverse=True) if (i := text.lower().find(term.lower())) >= 0), None
    )
    start = max(0, found - width // 4) if found is not None else 0
    piece = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    return mark_safe(prefix + highlight(piece, terms) + suffix)
