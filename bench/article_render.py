"""A cold article page: what a reader waits for when the page cache does not have it (issue 23).

    .venv/bin/python bench/article_render.py [--articles 300] [--database newsroom_bench]

In-process (Django's test client, the whole middleware stack, DEBUG off, no page cache), against a
bench database (bench/build_site_db.py; read only). Each of ``--articles`` random published articles
is asked for once, after 20 others to warm the database and the process: p50, p95 and max in ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import _benchdb  # noqa: E402

WARM_UP = 20


def sample(database: str, count: int) -> list[str]:
    with _benchdb.connect(database) as conn:
        conn.execute("SELECT setseed(0.25)")
        return [
            f"/articles/{day:%Y/%m/%d}/{pk}/"
            for pk, day in conn.execute(
                "SELECT a.id, i.printed_on FROM articles_article a TABLESAMPLE BERNOULLI (1) REPEATABLE (7) "
                "JOIN articles_page p ON p.id = a.page_id JOIN articles_issue i ON i.id = p.issue_id "
                "WHERE a.status = 'published' AND a.published_at <= now() "
                "AND a.kind NOT IN ('advertisement', 'psa', 'notice') ORDER BY random() LIMIT %s",
                [count + WARM_UP],
            )
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--database", default=_benchdb.SITE)
    args = parser.parse_args()
    if not _benchdb.exists(args.database):
        sys.exit(f"{args.database} does not exist: run bench/build_site_db.py first")
    paths = sample(args.database, args.articles)
    os.environ.update(
        _benchdb.env(
            args.database,
            DJANGO_DEBUG="0",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_SECRET_KEY="bench-only-secret-key-" + "x" * 40,
            NEWSROOM_PAGE_CACHE_SECONDS="0",
        )
    )
    import django

    django.setup()
    from django.test import Client

    client = Client()
    timings = []
    for n, path in enumerate(paths):
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            sys.exit(f"{path}: status {response.status_code}")
        if n >= WARM_UP:
            timings.append(elapsed)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"cold article page, {len(timings)} random articles of {args.database}: "
        f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms (target <= 25 ms), max {timings[-1]:.1f} ms"
    )
    print(f"load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}")


if __name__ == "__main__":
    main()
