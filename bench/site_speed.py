"""Readers' pages under load against a static file, in one run (issues 5 and 23): gunicorn + wrk.

    .venv/bin/python bench/site_speed.py [--seconds 10] [--connections 16] [--workers 2]

Needs ``newsroom_bench`` (bench/build_site_db.py, 1,000,000 articles), wrk (apt-get install -y wrk)
and, for the Redis run, a Redis server on 127.0.0.1:6379 (database 15 is used and flushed).
Starts gunicorn (gunicorn.conf.py, 2 sync workers, DEBUG off) three times, with the one page
cache (newsroom/pagecache.py) kept in:

1. Redis (``REDIS_URL`` set), as deployed on several web nodes;
2. files that the processes of this machine share (no ``REDIS_URL``; a new, empty NEWSROOM_CACHE_DIR);
3. nothing (NEWSROOM_PAGE_CACHE_SECONDS=0): every page rendered on every request.

Each time wrk measures a static 10 KB file served by whitenoise, an article page, the same page
over 10,000 different articles (random, so almost nothing is kept between two requests), the home
page, a section, the most prolific person and the most common tag. Prints requests/s and the
ratios the issue asks for.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import _benchdb  # noqa: E402

DATABASE = _benchdb.SITE
STATIC_FILE = ROOT / "staticfiles" / "bench" / "10k.html"
REDIS_URL = "redis://127.0.0.1:6379/15"
MANY = "article (10,000 different)"
REDIS = "page cache in Redis"
FILES = "page cache in shared files"
NONE = "no page cache"
# Each wrk thread asks for random pages from the list (its own seed).
ROTATE_LUA = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads * 7919)
end
function init(args)
  math.randomseed(seed)
  paths = {}
  for line in io.lines("%s") do paths[#paths + 1] = line end
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""


def pick_urls(database: str) -> dict[str, str | list[str]]:
    """Addresses of typical pages of the bench database (found with SQL, as the site builds them)."""
    with _benchdb.connect(database) as conn:
        conn.execute("SELECT setseed(0.5)")
        many = [
            f"/articles/{day:%Y/%m/%d}/{pk}/"
            for pk, day in conn.execute(
                "SELECT a.id, i.printed_on FROM articles_article a TABLESAMPLE BERNOULLI (3) REPEATABLE (5) "
                "JOIN articles_page p ON p.id = a.page_id JOIN articles_issue i ON i.id = p.issue_id "
                "WHERE a.status = 'published' AND a.published_at <= now() ORDER BY random() LIMIT 10000"
            )
        ]
        pk, day = conn.execute(
            "SELECT a.id, i.printed_on FROM articles_article a JOIN articles_page p ON p.id = a.page_id "
            "JOIN articles_issue i ON i.id = p.issue_id WHERE a.status = 'published' "
            "AND a.id >= (SELECT max(id) / 2 FROM articles_article) ORDER BY a.id LIMIT 1"
        ).fetchone()
        section = conn.execute('SELECT slug FROM articles_section ORDER BY "order" LIMIT 1 OFFSET 2').fetchone()[0]
        person = conn.execute(
            "SELECT p.slug FROM articles_person p JOIN articles_byline b ON b.person_id = p.id "
            "GROUP BY p.slug ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        tag = conn.execute(
            "SELECT t.slug FROM taggit_tag t JOIN taggit_taggeditem ti ON ti.tag_id = t.id "
            "GROUP BY t.slug ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    return {
        "static 10 KB (whitenoise)": "/static/bench/10k.html",
        "article": f"/articles/{day:%Y/%m/%d}/{pk}/",
        MANY: many,
        "home": "/",
        "section": f"/sections/{section}/",
        "person (most bylines)": f"/people/{person}/",
        "tag (most used)": f"/tags/{tag}/",
    }


def site_env(database: str, port: int, workers: int, redis: bool, overrides: dict[str, str]) -> dict[str, str]:
    """The environment of the site as deployed (the same for gunicorn and for manage.py commands)."""
    env = _benchdb.env(
        database,
        DJANGO_DEBUG="0",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        WEB_CONCURRENCY=str(workers),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESSLOG="",
        GUNICORN_LOGLEVEL="warning",
    )
    for name in ("REDIS_URL", "NEWSROOM_PAGE_CACHE_SECONDS", "NEWSROOM_CACHE_DIR"):
        env.pop(name, None)
    if redis:
        env["REDIS_URL"] = REDIS_URL
    env.update(overrides)
    return env


class Server:
    def __init__(self, env: dict[str, str], port: int):
        self.port = port
        self.process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "newsroom.wsgi"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )

    def wait_ready(self) -> None:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2).read()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> tuple[float, int]:
    extra = ["-s", str(script)] if script else []
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", *extra, url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, int(errors.group(1)) if errors else 0


def measure(urls: dict[str, str | list[str]], port: int, seconds: int, connections: int) -> dict[str, float]:
    rates = {}
    for name, path in urls.items():
        script = None
        if isinstance(path, list):
            workdir = Path(tempfile.mkdtemp(prefix="site_speed_"))
            (workdir / "paths.txt").write_text("\n".join(path) + "\n", encoding="utf-8")
            script = workdir / "rotate.lua"
            script.write_text(ROTATE_LUA % (workdir / "paths.txt"), encoding="utf-8")
            path = path[0]
        url = f"http://127.0.0.1:{port}{path}"
        status = urllib.request.urlopen(url, timeout=30).status
        wrk(url, 2, connections, script)  # warm up: connections, caches
        rate, errors = wrk(url, seconds, connections, script)
        if script:
            shutil.rmtree(script.parent, ignore_errors=True)
        rates[name] = rate
        note = f"  ({errors} non-2xx!)" if errors else ""
        print(f"  {name:28} {rate:9,.0f} requests/s  status {status}{note}", flush=True)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--database", default=DATABASE, help="another bench database (for trying the script out)")
    args = parser.parse_args()
    database = args.database
    if not _benchdb.exists(database):
        sys.exit(f"{database} does not exist: run bench/build_site_db.py first")
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")

    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=_benchdb.env(database),
        check=True,
    )
    STATIC_FILE.parent.mkdir(parents=True, exist_ok=True)
    STATIC_FILE.write_text("<!doctype html><title>bench</title>" + "x" * (10 * 1024 - 34), encoding="utf-8")
    urls = pick_urls(database)
    cache_dir = Path(tempfile.mkdtemp(prefix="site_speed_cache_"))
    runs = {
        REDIS: (True, {}),
        FILES: (False, {"NEWSROOM_CACHE_DIR": str(cache_dir)}),
        NONE: (False, {"NEWSROOM_PAGE_CACHE_SECONDS": "0"}),
    }
    results = {}
    try:
        for label, (redis, overrides) in runs.items():
            if redis:
                subprocess.run(["redis-cli", "-n", "15", "flushdb"], check=True, capture_output=True)
            env = site_env(database, args.port, args.workers, redis, overrides)
            print(f"{label}: gunicorn {args.workers} sync workers, wrk 2 threads {args.connections} connections")
            server = Server(env, args.port)
            try:
                server.wait_ready()
                results[label] = measure(urls, args.port, args.seconds, args.connections)
            finally:
                server.stop()
    finally:
        shutil.rmtree(STATIC_FILE.parent, ignore_errors=True)
        shutil.rmtree(cache_dir, ignore_errors=True)

    for label, target in ((REDIS, 0.9), (FILES, 0.3), (NONE, None)):
        rates = results[label]
        static = rates["static 10 KB (whitenoise)"]
        print(f"{label}:")
        for name, rate in rates.items():
            if name.startswith("static"):
                continue
            goal = f"(target >= {target:.0%})" if target and name != MANY else ""
            if name == MANY and target:
                goal = "(mostly misses: each page once)"
            print(f"  {name + ' / static':38} {rate / static:6.1%}  {goal}")
    print(f"load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}")


if __name__ == "__main__":
    main()
