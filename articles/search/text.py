"""What the search index holds of a text and what a query asks for: pure Python, no database.

Text is segmented by rjieba in search mode (``株洲市`` also yields ``株洲``) and a query in
precise mode; an article matches when it holds every query token, or every pair of
neighbouring characters of the query (the index also keeps each article's character bigrams, so
a query that segments differently from the text is still found). The import's parsing workers
call ``document()``.
"""

import re
from collections.abc import Iterable

import rjieba

from ..body import parse_body

MIN_QUERY_LENGTH = 2
# The most of a query that is searched (capped_query): readers' searches, the API and the admin.
MAX_QUERY_CHARS = 100
MAX_QUERY_TERMS = 10
_TOKEN = re.compile(r"\w+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def tokenize(text: str) -> list[str]:
    """Index tokens: words and the shorter words inside them, lower-cased, punctuation dropped."""
    return [token.lower() for token in rjieba.cut_for_search(text or "") if _TOKEN.fullmatch(token)]


def bigrams(text: str) -> list[str]:
    """Every pair of neighbouring Chinese characters, once each: ``株洲日报`` → 株洲 洲日 日报."""
    grams = dict.fromkeys(run[i : i + 2] for run in _HAN_RUN.findall(text or "") for i in range(len(run) - 1))
    return list(grams)


def capped_query(query: str) -> str:
    """What of a query is searched: its first ``MAX_QUERY_TERMS`` words within its first ``MAX_QUERY_CHARS`` characters.

    A search costs with every word (each one more condition on the index, each bigram too): a query of
    thousands of words would hold a web worker for seconds. Readers' searches, the API and the admin's
    searches all stop here.
    """
    query = (query or "").strip()[:MAX_QUERY_CHARS]
    length = words = 0
    for token in rjieba.cut(query):
        if _TOKEN.fullmatch(token):
            words += 1
            if words > MAX_QUERY_TERMS:
                return query[:length].strip()
        length += len(token)
    return query


def query_terms(query: str) -> list[str]:
    """The tokens a query must all match; empty when the query is too short to search."""
    query = capped_query(query)
    if len(query) < MIN_QUERY_LENGTH:
        return []
    terms = []
    for token in rjieba.cut(query):
        token = token.lower()
        if _TOKEN.fullmatch(token) and token not in terms:
            terms.append(token)
    return terms


def query_grams(query: str) -> list[str]:
    """The other way a query matches: all bigrams of its Chinese runs (and its other words).

    Catches text that segments differently in the article than in the query: 洲日 is
    no word of 株洲日报, but its bigrams are indexed, so every two-character query finds
    exactly the articles that contain it.
    """
    query = capped_query(query)
    grams = bigrams(query)
    others = [t.lower() for t in _TOKEN.findall(_HAN_RUN.sub(" ", query)) if not _HAN.search(t)]
    return list(dict.fromkeys(grams + others)) if grams else []


def document(
    kicker: str, headline: str, subheadline: str, body: str, names: Iterable[str] = ()
) -> tuple[str, str, list[str]]:
    """What the index stores of an article: title tokens, body tokens (space-joined) and what else
    it matches: its bigrams, and the tokens and bigrams of ``names``, the people of its bylines and
    its tags (readers look for a reporter by name; ranked by the text alone).

    Pure Python, no database: the import's parsing workers call it, and ``write_documents()``
    stores ``(article_id, *document(...))`` tuples.
    """
    title = " ".join(part for part in (kicker, headline, subheadline) if part)
    text = "\n".join(block.text for block in parse_body(body))
    grams = bigrams(f"{title}\n{text}")
    for name in sorted(set(names)):
        grams += tokenize(name) + bigrams(name)
    return " ".join(tokenize(title)), " ".join(tokenize(text)), list(dict.fromkeys(grams))
