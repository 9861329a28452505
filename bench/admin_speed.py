"""Editorial admin at scale (issue 5): article changelist with filters, and the review queue.

    .venv/bin/python bench/admin_speed.py [--repeat 100]

Needs ``newsroom_bench`` (bench/build_site_db.py, 1,000,000 articles). Runs in this process
through Django's test client, logged in as a superuser it creates there, DEBUG off; each
address is fetched once to warm up, then ``--repeat`` times; prints median and p95 in ms
(target: under 200 ms), the number of SQL queries and the garbage collector's passes. The process
starts as a web worker does (newsroom.wsgi).
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 100: see _timings.p95.
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    if not _benchdb.exists(DATABASE):
        sys.exit(f"{DATABASE} does not exist: run bench/build_site_db.py first")
    os.environ.update(
        _benchdb.env(
            DATABASE, DJANGO_DEBUG="0", DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECRET_KEY="bench-only-" + "x" * 40
        )
    )
    # Started as a web worker starts (newsroom.wsgi): Django set up, its startup objects frozen.
    importlib.import_module("newsroom.wsgi")
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["testserver"]
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM articles_section ORDER BY id LIMIT 1 OFFSET 2")
        section = cursor.fetchone()[0]
        cursor.execute(
            "SELECT person_id FROM articles_byline GROUP BY person_id ORDER BY count(*) DESC LIMIT 1 OFFSET 5"
        )
        person = cursor.fetchone()[0]
    base = "/admin/articles/article/"
    pages = {
        "changelist, no filter": base,
        "changelist, published": f"{base}?status__exact=published",
        "changelist, published + section + kind": f"{base}?status__exact=published&section__id__exact={section}"
        "&kind__exact=news",
        "changelist, person": f"{base}?person={person}",
        "changelist, page 200 of published": f"{base}?status__exact=published&p=200",
        "review queue (待审)": f"{base}?status__exact=review",
        "review queue, with warnings, unreviewed": f"{base}?status__exact=review&warnings=yes&reviewed=no",
    }
    print(f"{DATABASE}: {args.repeat} requests each, logged in as a superuser")
    pauses = Pauses().start()
    worst = 0.0
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        timings = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
        p95 = _timings.p95(timings)
        worst = max(worst, p95)
        print(
            f"  {name:42} median {statistics.median(timings):6.0f} ms  p95 {p95:6.0f} ms  "
            f"{len(queries.captured_queries)} queries"
        )
    print(pauses.summary())
    print(f"worst p95: {worst:.0f} ms (target < 200 ms)")


if __name__ == "__main__":
    main()
