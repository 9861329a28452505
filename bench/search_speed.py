"""Search at scale (issues 5 and 22): the public search page on queries sampled as readers ask them.

    .venv/bin/python bench/search_speed.py [--rounds 3] [--repeat 100] [--seed 22] [--per-band 45]

Needs ``newsroom_bench`` (bench/build_site_db.py, 1,000,000 articles; ``BENCH_SITE_DB`` names
another), or ``--database-url`` (SQLite: 10,000 generated pages imported, bench/README.md). Each query goes through the public search page (``/search/?q=...``, Django's test
client in this process, DEBUG off, the page cache off; the process starts as a web worker does,
through newsroom.wsgi): relevance-ranked, rendered.

The sample (fixed seed): two-, three- and four-character strings cut from the headlines and
bodies of random articles of the database, drawn until each band of match counts (0, 1-99,
100-999, 1,000-9,999, 10,000 or more published articles, counted as the search matches: all the
query's words, or all its bigrams) holds ``--per-band`` of them; band 0 from two real pieces of
different articles put together, since a piece of a real article is found. Then person names and
tag names, as readers look for a reporter or a subject, in the band their counts put them. Each
sampled query is asked ``--rounds`` times (every round in a new order), for the first page and for
page 5; the script prints p50, p95 and max per band and overall.

Then the nine fixed queries of the earlier runs (common, rare and absent of each length), first
page, ``--repeat`` times each: median and p95. Targets: p95 under 50 ms in every band and overall
on both pages; the fixed queries under 25 ms. The load average is printed at the start and end.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import _benchdb  # noqa: E402
import _timings  # noqa: E402
from _collector import Pauses  # noqa: E402

DATABASE = _benchdb.SITE
FIXED = [
    ("2 chars common", "社区"),
    ("2 chars rare", "营商"),
    ("2 chars absent", "鲲鹏"),
    ("3 chars common", "株洲市"),
    ("3 chars rare", "和营商"),
    ("3 chars absent", "量子码"),
    ("4 chars common", "基层治理"),
    ("4 chars rare", "营商环境"),
    ("4 chars absent", "星辰大海"),
]
# Bands of published matches: (label, lowest count).
BANDS = [("0", 0), ("1-99", 1), ("100-999", 100), ("1,000-9,999", 1_000), ("10,000+", 10_000)]
CAP = 10_000
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
PAGE_FIVE = 5


def band_of(count: int) -> str:
    return [label for label, lowest in BANDS if count >= lowest][-1]


def matches(query: str, cap: int = CAP) -> int:
    """Published articles that ``query`` matches as the search matches it, counted up to ``cap``."""
    from django.db import connection
    from django.utils import timezone

    from articles.search import matching

    ids = matching(query)
    if ids is None:
        return 0
    sql, params = ids.sql, list(ids.params)
    # From the index's side, up to the cap. PostgreSQL's planner would rather scan the articles whole
    # for an IN, and SQLite runs a join the other way round (the index probed once per article).
    where = "a.status = 'published' AND a.published_at <= %s"
    if connection.vendor == "postgresql":
        found = f"SELECT 1 FROM ({sql}) AS m JOIN articles_article AS a ON a.id = m.id WHERE {where} LIMIT %s"
    else:
        found = f"SELECT 1 FROM articles_article AS a WHERE a.id IN ({sql}) AND {where} LIMIT %s"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({found}) AS found", [*params, timezone.now(), cap])
        return cursor.fetchone()[0]


def pieces(rng: random.Random, text: str) -> str | None:
    """A random 2-4 character piece of one run of Chinese characters of ``text``."""
    runs = HAN_RUN.findall(text)
    if not runs:
        return None
    run = rng.choice(runs)
    length = min(rng.choice((2, 3, 4)), len(run))
    start = rng.randrange(len(run) - length + 1)
    return run[start : start + length]


def sample(rng: random.Random, per_band: int) -> dict[str, list[tuple[str, str, int]]]:
    """``{band: [(query, where it came from, matches)]}``, ``per_band`` strings in each band."""
    from django.db import connection

    from articles.models import Article

    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM articles_article")
        (last,) = cursor.fetchone()
    bands: dict[str, list] = {label: [] for label, _ in BANDS}
    seen: set[str] = set()
    drawn = 0
    while any(len(found) < per_band for found in bands.values()) and drawn < 200 * per_band:
        ids = [rng.randint(1, last) for _ in range(50)]
        texts = list(Article.objects.filter(pk__in=ids).order_by("pk").values_list("headline", "body"))
        for headline, body in texts:
            drawn += 1
            for where, text in (("headline", headline), ("body", body)):
                query = pieces(rng, text)
                if rng.random() < 0.15:  # two pieces of different articles: mostly absent
                    other = pieces(rng, rng.choice(texts)[rng.randrange(2)])
                    query, where = (query or "")[:2] + (other or "")[:2], "two articles"
                if not query or len(query) < 2 or query in seen:
                    continue
                seen.add(query)
                band = band_of(matches(query))
                if len(bands[band]) < per_band:
                    bands[band].append((query, where, None))
    return bands


def names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` person names and ``count`` tag names, at random."""
    from django.db import connection

    chosen = []
    with connection.cursor() as cursor:
        for table, kind in (("articles_person", "person"), ("taggit_tag", "tag")):
            cursor.execute(f"SELECT name FROM {table} ORDER BY id")  # noqa: S608 (fixed names)
            every = [row[0] for row in cursor.fetchall() if len(row[0]) >= 2]
            chosen += [(name, kind) for name in rng.sample(every, min(count, len(every)))]
    return chosen


def sample_cache(args) -> Path:
    """Where the sample drawn from this very database is kept (/tmp, never committed): drawing it
    counts the matches of a few hundred strings, minutes at 1,000,000 articles."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT oid FROM pg_database WHERE datname = current_database()")
            identity = f"{connection.settings_dict['NAME']}-{cursor.fetchone()[0]}"
    else:
        identity = f"sqlite-{Path(connection.settings_dict['NAME']).stat().st_ino}"
    name = f"search-sample-{identity}-{args.seed}-{args.per_band}-{args.names}.json"
    return Path(tempfile.gettempdir()) / "newsroom-bench" / name


def timed(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def summary(timings: list[float]) -> str:
    if not timings:
        return "  (none)"
    return (
        f"p50 {statistics.median(timings):6.1f}  p95 {_timings.p95(timings):6.1f}  max {max(timings):6.1f} ms"
        f"  ({len(timings)} requests)"
    )


def loadavg() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--per-band", type=int, default=45, help="sampled strings in each band of match counts")
    parser.add_argument("--names", type=int, default=15, help="person names and as many tag names")
    parser.add_argument("--rounds", type=int, default=3, help="times each sampled query is asked, per page")
    # 100: see _timings.p95.
    parser.add_argument("--repeat", type=int, default=100, help="requests for each fixed query")
    parser.add_argument("--list", action="store_true", help="print each sampled query with its band and timings")
    parser.add_argument(
        "--thaw", action="store_true", help="unfreeze the startup objects (what web workers did before gc.freeze())"
    )
    parser.add_argument("--database-url", help="another database, e.g. sqlite:////tmp/newsroom-100k.sqlite3")
    args = parser.parse_args()
    # The page cache off: a repeated request would be a cache hit (~0.3 ms), not a search.
    settings = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
        "NEWSROOM_PAGE_CACHE_SECONDS": "0",
    }
    if args.database_url:
        os.environ.update(settings, DATABASE_URL=args.database_url, DJANGO_SETTINGS_MODULE="newsroom.settings")
    elif not _benchdb.exists(DATABASE):
        sys.exit(f"{DATABASE} does not exist: run bench/build_site_db.py first")
    else:
        os.environ.update(_benchdb.env(DATABASE, **settings))
    os.environ.pop("REDIS_URL", None)
    # Started as a web worker starts (newsroom.wsgi): Django set up, its startup objects frozen.
    importlib.import_module("newsroom.wsgi")

    if args.thaw:
        gc.unfreeze()
    from urllib.parse import urlencode

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    assert settings.NEWSROOM_PAGE_CACHE_SECONDS == 0, "the page cache must be off: search, not cache hits"
    client = Client()
    print(f"{connection.settings_dict['NAME']} ({connection.vendor}): load average {loadavg()} at the start")
    started = time.perf_counter()
    cache = sample_cache(args)
    if cache.exists():
        queries = [tuple(query) for query in json.loads(cache.read_text(encoding="utf-8"))]
        print(f"the sample of an earlier run on this database: {cache}")
    else:
        rng = random.Random(args.seed)
        bands = sample(rng, args.per_band)
        queries = [(query, where, band) for band, found in bands.items() for query, where, _ in found]
        for name, kind in names(rng, args.names):
            queries.append((name, kind, band_of(matches(name))))
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    print(
        f"sampled {len(queries)} queries in {time.perf_counter() - started:.0f} s (seed {args.seed}): "
        + ", ".join(f"{label} {sum(1 for q in queries if q[2] == label)}" for label, _ in BANDS)
        + f"; of them {sum(1 for q in queries if q[1] in ('person', 'tag'))} person and tag names"
    )

    pauses = Pauses().start()
    by_query: dict[tuple[str, int], list[float]] = {}
    for round_ in range(args.rounds):
        order = list(queries)
        random.Random(args.seed + 1 + round_).shuffle(order)
        for query, _, _ in order:
            for page in (1, PAGE_FIVE):
                params = {"q": query} if page == 1 else {"q": query, "page": page}
                by_query.setdefault((query, page), []).append(timed(client, f"/search/?{urlencode(params)}"))
    print(f"\nsampled queries, {args.rounds} rounds, first page and page {PAGE_FIVE}:")
    worst = 0.0
    for page in (1, PAGE_FIVE):
        print(f" page {page}:")
        for label, _ in [*BANDS, ("names", None), ("overall", None)]:
            if label == "overall":
                chosen = queries
            elif label == "names":
                chosen = [q for q in queries if q[1] in ("person", "tag")]
            else:
                chosen = [q for q in queries if q[2] == label]
            timings = [t for query, _, _ in chosen for t in by_query[(query, page)]]
            if timings and label != "names":
                worst = max(worst, _timings.p95(timings))
            print(f"  {label:>12} {len(chosen):4} queries  {summary(timings)}")
    if args.list:
        for query, where, band in sorted(queries, key=lambda q: -max(by_query[(q[0], 1)] + by_query[(q[0], 5)])):
            first, fifth = by_query[(query, 1)], by_query[(query, PAGE_FIVE)]
            print(
                f"    {query:6} {where:12} {band:>12}  page 1 max {max(first):6.1f}  page 5 max {max(fifth):6.1f} ms"
            )
    print(f"worst p95 of a band or overall: {worst:.1f} ms (target < 50 ms)")

    print(f"\nfixed queries, {args.repeat} requests each, first page:")
    fixed_worst = 0.0
    for kind, word in FIXED:
        url = f"/search/?{urlencode({'q': word})}"
        timed(client, url)
        timings = [timed(client, url) for _ in range(args.repeat)]
        p95 = _timings.p95(timings)
        fixed_worst = max(fixed_worst, p95)
        count = matches(word)
        shown = f"{count:,}+" if count >= CAP else f"{count:,}"
        print(
            f"  {kind:16} {word:6} matches {shown:>8}  median {statistics.median(timings):6.1f} ms  p95 {p95:6.1f} ms"
        )
    print(pauses.summary())
    print(f"worst p95 of the fixed queries: {fixed_worst:.1f} ms (target < 25 ms)")
    print(f"load average {loadavg()} at the end")


if __name__ == "__main__":
    main()
