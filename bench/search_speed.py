"""Search at scale (issue 5): p95 of the first page of results for 2-, 3- and 4-character queries.

    .venv/bin/python bench/search_speed.py [--repeat 100]

Needs ``newsroom_bench`` (bench/build_site_db.py, 1,000,000 articles). Each query goes through
the public search page (``/search/?q=...``, Django's test client in this process, DEBUG off; the
process starts as a web worker does, through newsroom.wsgi): relevance-ranked, first page,
rendered. Queries are classed by how many published articles match as the search matches them
(all the query's words, or all its bigrams; common: 10,000 or more, rare: 1 to 999, absent:
none), counted once with a bounded query. Prints median and p95 per query (target: p95 under
50 ms), and the garbage collector's passes during the requests.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import _benchdb  # noqa: E402
import _timings  # noqa: E402
from _collector import Pauses  # noqa: E402

DATABASE = _benchdb.SITE
# Candidates by length; the script finds which are common, rare or absent in the database.
CANDIDATES = {
    2: ["社区", "企业", "株洲", "发展", "商会", "妈妈", "水痘", "合唱", "营商", "鲲鹏", "氢能"],
    3: ["株洲市", "合伙人", "工商联", "专项债", "荷塘区", "早餐会", "合唱团", "退役军", "和营商", "量子码", "云计算"],
    4: [
        "基层治理",
        "民营经济",
        "乡村振兴",
        "人民调解",
        "营商环境",
        "楼栋长来",
        "围炉煮茶",
        "四好商会",
        "星辰大海",
        "量子纠缠",
    ],
}
COMMON, RARE = 10_000, 1_000


def matches(word: str, cap: int) -> int:
    """Published articles that match ``word`` as the search does (all its words or all its bigrams)."""
    from django.db import connection

    from articles import search as search_index

    terms = search_index.query_terms(word)
    if not terms:
        return 0
    expression = search_index._backend().expression(terms, search_index._query_grams(word))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {search_index.TABLE} s JOIN articles_article a ON a.id = s.article_id "
            "WHERE s.lexemes @@ to_tsquery('simple', %s) AND a.status = 'published' LIMIT %s) found",
            [expression, cap],
        )
        return cursor.fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 100: see _timings.p95.
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument(
        "--thaw", action="store_true", help="unfreeze the startup objects (what web workers did before gc.freeze())"
    )
    args = parser.parse_args()
    if not _benchdb.exists(DATABASE):
        sys.exit(f"{DATABASE} does not exist: run bench/build_site_db.py first")
    os.environ.update(
        _benchdb.env(
            DATABASE, DJANGO_DEBUG="0", DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECRET_KEY="bench-only-" + "x" * 40
        )
    )
    os.environ.pop("REDIS_URL", None)
    # Started as a web worker starts (newsroom.wsgi): Django set up, its startup objects frozen.
    importlib.import_module("newsroom.wsgi")

    if args.thaw:
        gc.unfreeze()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    chosen = []
    for length, words in CANDIDATES.items():
        found = {}
        for word in words:
            count = matches(word, COMMON)
            kind = "common" if count >= COMMON else ("rare" if 0 < count < RARE else ("absent" if count == 0 else ""))
            if kind and kind not in found:
                found[kind] = (word, count)
        for kind in ("common", "rare", "absent"):
            if kind in found:
                chosen.append((length, kind, *found[kind]))
    print(f"{DATABASE}: {args.repeat} requests per query, first page of /search/")
    pauses = Pauses().start()
    worst = 0.0
    for length, kind, word, count in chosen:
        url = f"/search/?q={word}"
        response = client.get(url)
        assert response.status_code == 200
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        p95 = _timings.p95(timings)
        worst = max(worst, p95)
        shown = f"{count:,}+" if count >= COMMON else f"{count:,}"
        print(
            f"  {length} chars {kind:6} {word:6} matches {shown:>8}  median {statistics.median(timings):6.1f} ms"
            f"  p95 {p95:6.1f} ms"
        )
    print(pauses.summary())
    print(f"worst p95: {worst:.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
