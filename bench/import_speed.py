"""Import throughput against a raw COPY of the same rows, in one run (issue 5).

    .venv/bin/python bench/import_speed.py [--pages N] [--jobs J] [--keep]

1. Generates N synthetic page dumps (bench/generate.py; cached in /tmp/newsroom-bench/pages-N).
2. Creates the PostgreSQL database ``newsroom_bench_import`` (dropped first, dropped again at the
   end unless --keep), and imports the pages exactly as ``import_pages --jobs J`` does, in a child
   process that reports its wall time, the time spent loading (the database phase: ``load_page``)
   and its peak memory (ru_maxrss of the writer and of the parsing workers).
3. Copies every row the import wrote (articles, bylines, tag links, tags, people, pages,
   issues, raw sources, search index) out of the database, then times ``COPY ... FROM STDIN``
   of those rows into scratch tables made ``LIKE`` the real ones (same indexes), in one transaction.
4. Prints both throughputs and their ratios: end to end / COPY and database phase / COPY.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import _benchdb  # noqa: E402

DATABASE = os.environ.get("BENCH_IMPORT_DB", "newsroom_bench_import")  # another name keeps two work trees apart
TABLES = [
    "importers_rawsource",
    "articles_issue",
    "articles_page",
    "articles_person",
    "articles_pagecredit",
    "articles_article",
    "articles_byline",
    "taggit_tag",
    "taggit_taggeditem",
    "articles_search",
]


def pages_dir(pages: int) -> Path:
    directory = Path(tempfile.gettempdir()) / "newsroom-bench" / f"pages-{pages}"
    if not (directory / ".complete").exists():
        from generate import generate

        generate(directory, pages)
        (directory / ".complete").touch()
    return directory


def child(directory: Path, jobs: int, batch: int) -> None:
    """Runs in the child process: ``manage.py import_pages DIR``, with load_pages timed."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from importers import runner

    loading = {"seconds": 0.0}

    def timed(function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                loading["seconds"] += time.perf_counter() - started

        return wrapper

    # The database phase: everything the writer does to store parsed pages (and to ANALYZE as it goes,
    # and to merge the search index's pending entries at the end).
    runner.load_pages = timed(runner.load_pages)
    runner.tuning.TableStatistics.add = timed(runner.tuning.TableStatistics.add)
    runner.tuning.finish_search_index = timed(runner.tuning.finish_search_index)
    out = io.StringIO()
    started = time.perf_counter()
    with open(os.devnull, "w") as devnull, contextlib.suppress(CommandError):  # failed files: counted below
        overrides = {name: value for name, value in (("jobs", jobs), ("batch", batch)) if value}
        call_command("import_pages", str(directory), **overrides, stdout=devnull, stderr=out)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "load_seconds": loading["seconds"],
                "failed": out.getvalue().count("失败"),
                "writer_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "workers_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def copy_baseline(scratch: Path) -> tuple[float, dict[str, int]]:
    rows = {}
    with _benchdb.connect(DATABASE) as conn:
        for table in TABLES:
            with (
                conn.cursor().copy(f"COPY {table} TO STDOUT (FORMAT binary)") as copy,
                open(scratch / table, "wb") as out,
            ):
                for data in copy:
                    out.write(data)
            rows[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            conn.execute(f"DROP TABLE IF EXISTS bench_copy_{table}")
            conn.execute(f"CREATE TABLE bench_copy_{table} (LIKE {table} INCLUDING ALL)")
        conn.execute("CHECKPOINT")
        started = time.perf_counter()
        with conn.transaction():
            for table in TABLES:
                with (
                    conn.cursor().copy(f"COPY bench_copy_{table} FROM STDIN (FORMAT binary)") as copy,
                    open(scratch / table, "rb") as source,
                ):
                    while data := source.read(1 << 20):
                        copy.write(data)
        seconds = time.perf_counter() - started
        for table in TABLES:
            conn.execute(f"DROP TABLE bench_copy_{table}")
    return seconds, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages to import (the issue's full run: 10000)")
    parser.add_argument(
        "--jobs", type=int, default=0, help="parsing processes (import_pages --jobs; 0: the command's own)"
    )
    parser.add_argument(
        "--batch", type=int, default=0, help="files per load_pages call (import_pages --batch; 0: the command's own)"
    )
    parser.add_argument("--keep", action="store_true", help=f"keep the database {DATABASE} afterwards")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.jobs, args.batch)
        return

    directory = pages_dir(args.pages)
    chosen = (
        " ".join(f"--{n} {v}" for n, v in (("jobs", args.jobs), ("batch", args.batch)) if v)
        or "the command's defaults"
    )
    print(f"pages: {args.pages} in {directory}; database {DATABASE}; {chosen}; load average {os.getloadavg()}")
    _benchdb.create(DATABASE)
    try:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(directory),
                "--jobs",
                str(args.jobs),
                "--batch",
                str(args.batch),
            ],
            env=_benchdb.env(
                DATABASE,
                DJANGO_DEBUG="0",
                DJANGO_SECURE_SSL_REDIRECT="0",
                DJANGO_SECRET_KEY="bench-only-secret-key-" + "x" * 40,
            ),
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        with tempfile.TemporaryDirectory() as scratch:
            copy_seconds, rows = copy_baseline(Path(scratch))
    finally:
        if not args.keep:
            _benchdb.drop(DATABASE)

    articles = rows["articles_article"]
    total_rows = sum(rows.values())
    end_to_end, loading = result["seconds"], result["load_seconds"]
    print(f"rows written: {total_rows:,} ({', '.join(f'{t} {n:,}' for t, n in rows.items())})")
    print(f"files: {args.pages:,}, failed {result['failed']}")
    print(f"COPY of the same rows:   {copy_seconds:8.1f} s  {articles / copy_seconds:9,.0f} articles/s")
    print(f"import, database phase:  {loading:8.1f} s  {articles / loading:9,.0f} articles/s")
    print(
        f"import, end to end:      {end_to_end:8.1f} s  {articles / end_to_end:9,.0f} articles/s"
        f"  ({args.pages / end_to_end:,.0f} pages/s)"
    )
    print(f"ratio end to end / COPY:     {copy_seconds / end_to_end:6.1%}  (target >= 25%)")
    print(f"ratio database phase / COPY: {copy_seconds / loading:6.1%}  (target >= 50%)")
    print(f"load average at the end: {os.getloadavg()}")
    print(
        f"peak memory: writer {result['writer_maxrss_mb']:.0f} MB, each parsing worker "
        f"<= {result['workers_maxrss_mb']:.0f} MB (target < 500 MB, flat in N)"
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    main()
