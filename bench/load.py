"""Readers' pages under load while 1,000 pages are imported (issue 6): gunicorn + wrk + import_pages.

    .venv/bin/python bench/load.py [--seconds 60] [--connections 32] [--pages 1000] [--batch 50] [--keep]

Needs PostgreSQL (``BENCH_POSTGRES``, default postgres://postgres@127.0.0.1:5432) and wrk
(apt-get install -y wrk). Builds a scratch database ``newsroom_load``: the seeds and 100
generated pages (bench/generate.py), published. Then, at the same time:

- gunicorn (gunicorn.conf.py, DEBUG off, production settings, no page cache) serves the site;
- four wrk processes share ``--connections`` connections for ``--seconds`` seconds, one each on
  the home page, article pages, search (several queries) and the archive (e-paper issues and
  pages), counting responses by status in a Lua script;
- ``import_pages --publish --batch 50`` imports ``--pages`` further generated pages (other dates,
  other headlines) into the same database. The wrk rounds of ``--seconds`` repeat until the
  import is done, so every page of it is imported under load.

Prints requests/s, latency, errors and 5xx per kind, and the import's time and exit status;
exits 1 if any request failed or returned 5xx, or the import failed. The database is dropped
afterwards unless ``--keep``.
"""

from __future__ import annotations

import argparse
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import _benchdb  # noqa: E402

DATABASE = "newsroom_load"
PRELOADED = 100
QUERIES = ["株洲", "商会", "人民调解", "民营经济", "志愿服务", "乡村振兴", "图书馆", "天元区"]
LUA = """
local paths = {%(paths)s}
local threads = {}
local counter = 0
setup = function(thread) table.insert(threads, thread) end
init = function(args) ok, client, server = 0, 0, 0 end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
response = function(status, headers, body)
  if status >= 500 then server = server + 1 elseif status >= 400 then client = client + 1 else ok = ok + 1 end
end
done = function(summary, latency, requests)
  local totals = {ok = 0, client = 0, server = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
  end
  io.write(string.format("STATUS ok=%%d 4xx=%%d 5xx=%%d\\n", totals.ok, totals.client, totals.server))
  io.write(string.format("LATENCY p50=%%.1f p99=%%.1f max=%%.1f\\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("ERRORS connect=%%d read=%%d write=%%d timeout=%%d status=%%d\\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
"""


def build(pages: int, folder: Path) -> tuple[Path, Path]:
    generated = folder / "generated"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), str(generated), "--pages", str(PRELOADED + pages)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    files = sorted(generated.glob("*.txt"))
    preload, live = folder / "preload", folder / "live"
    preload.mkdir()
    live.mkdir()
    for path in files[:PRELOADED]:
        path.rename(preload / path.name)
    for path in files[PRELOADED:]:
        path.rename(live / path.name)
    _benchdb.create(DATABASE)
    _benchdb.manage(
        DATABASE, "import_pages", str(ROOT / "seeds"), str(preload), "--publish", stdout=subprocess.DEVNULL
    )
    return preload, live


def addresses() -> dict[str, list[str]]:
    with _benchdb.connect(DATABASE) as conn:
        articles = conn.execute(
            "SELECT a.id, i.printed_on FROM articles_article a JOIN articles_page p ON p.id = a.page_id "
            "JOIN articles_issue i ON i.id = p.issue_id WHERE a.status = 'published' ORDER BY a.id LIMIT 200"
        ).fetchall()
        pages = conn.execute(
            "SELECT p.id, i.printed_on FROM articles_page p JOIN articles_issue i ON i.id = p.issue_id "
            "ORDER BY p.id LIMIT 100"
        ).fetchall()
    day = "{:%Y/%m/%d}".format
    return {
        "home": ["/"],
        "article": [f"/articles/{day(printed)}/{pk}/" for pk, printed in articles],
        "search": [f"/search/?q={quote(q)}" for q in QUERIES] + [f"/search/?q={quote(q)}&page=2" for q in QUERIES[:3]],
        "archive": ["/epaper/"]
        + sorted({f"/epaper/{day(printed)}/" for _, printed in pages})
        + [f"/epaper/{day(printed)}/pages/{pk}/" for pk, printed in pages],
    }


def serve(port: int, log: Path) -> subprocess.Popen:
    env = _benchdb.env(
        DATABASE,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESSLOG="",
        NEWSROOM_PAGE_CACHE_SECONDS="0",
    )
    env.pop("REDIS_URL", None)
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "newsroom.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not start; see {log}")


def warm(port: int, urls: dict[str, list[str]]) -> None:
    for paths in urls.values():
        for path in paths[:5]:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30).read()


def wrk(port: int, kind: str, paths: list[str], *, connections: int, seconds: int, folder: Path) -> subprocess.Popen:
    script = folder / f"{kind}.lua"
    script.write_text(LUA % {"paths": ", ".join(f'"{p}"' for p in paths)}, encoding="utf-8")
    return subprocess.Popen(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def figures(output: str) -> dict:
    found = {}
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        found["rps"] = float(match.group(1))
    if match := re.search(r"(\d+) requests in", output):
        found["requests"] = int(match.group(1))
    for name in ("STATUS", "LATENCY", "ERRORS"):
        if match := re.search(rf"^{name} (.*)$", output, flags=re.M):
            found.update((k, float(v)) for k, v in (part.split("=") for part in match.group(1).split()))
    return found


def combine(rounds: list[dict]) -> dict:
    """Several wrk runs as one: counts added, rates averaged, latency percentiles at their worst."""
    total = {key: sum(r.get(key, 0) for r in rounds) for key in ("requests", "ok", "4xx", "5xx")}
    total.update({key: sum(r.get(key, 0) for r in rounds) for key in ("connect", "read", "write", "timeout")})
    total["rps"] = sum(r.get("rps", 0) for r in rounds) / len(rounds)
    total.update({key: max(r.get(key, 0) for r in rounds) for key in ("p50", "p99", "max")})
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=50, help="import_pages --batch (new pages written N at a time)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep", action="store_true", help="keep the newsroom_load database")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")

    folder = Path(tempfile.mkdtemp(prefix="newsroom-load-"))
    server = None
    try:
        started = time.monotonic()
        _, live = build(args.pages, folder)
        print(f"database {DATABASE}: seeds + {PRELOADED} pages published in {time.monotonic() - started:.0f} s")
        urls = addresses()
        server = serve(args.port, folder / "gunicorn.log")
        warm(args.port, urls)

        per_kind = max(1, args.connections // len(urls))
        import_started = time.monotonic()
        import_log = folder / "import.out"
        importer = subprocess.Popen(  # output to files: a full pipe would stop the import
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "import_pages",
                str(live),
                "--publish",
                "--batch",
                str(args.batch),
            ],
            env=_benchdb.env(DATABASE),
            cwd=ROOT,
            stdout=import_log.open("w"),
            stderr=(folder / "import.err").open("w"),
        )
        # Rounds of --seconds under load until the import is done: the whole import is served through.
        rounds: list[dict[str, dict]] = []
        import_seconds = None
        while not rounds or import_seconds is None:
            loads = {
                kind: wrk(args.port, kind, paths, connections=per_kind, seconds=args.seconds, folder=folder)
                for kind, paths in urls.items()
            }
            rounds.append({kind: figures(process.communicate()[0]) for kind, process in loads.items()})
            if import_seconds is None and importer.poll() is not None:
                import_seconds = time.monotonic() - import_started
        importer.wait()
        import_out = import_log.read_text(encoding="utf-8")
        import_err = (folder / "import.err").read_text(encoding="utf-8")
        results = {kind: combine([r[kind] for r in rounds]) for kind in urls}
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)

    log = (folder / "gunicorn.log").read_text(encoding="utf-8", errors="replace")
    print(
        f"\nwrk: {per_kind * len(urls)} connections ({per_kind} per kind), {len(rounds)} x {args.seconds} s, "
        "gunicorn workers as"
    )
    print("gunicorn.conf.py (2 x cores + 1), DEBUG off, no page cache, PostgreSQL; import_pages running meanwhile\n")
    print(
        f"{'kind':<8} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'2xx/3xx':>8} {'4xx':>5} {'5xx':>5} {'errors':>6}"
    )
    failed = False
    for kind, data in results.items():
        errors = int(sum(data.get(k, 0) for k in ("connect", "read", "write", "timeout")))
        failed |= errors > 0 or data.get("5xx", 1) > 0 or data.get("4xx", 1) > 0
        print(
            f"{kind:<8} {data.get('requests', 0):>9} {data.get('rps', 0):>8.1f} {data.get('p50', 0):>8.1f} "
            f"{data.get('p99', 0):>8.1f} {data.get('max', 0):>8.1f} {int(data.get('ok', 0)):>8} "
            f"{int(data.get('4xx', 0)):>5} {int(data.get('5xx', 0)):>5} {errors:>6}"
        )
    summary = next((line for line in import_out.splitlines() if line.startswith("完成")), "")
    print(
        f"\nimport_pages --publish --batch {args.batch} of {args.pages} pages: "
        f"exit {importer.returncode}, {import_seconds:.0f} s"
    )
    print(f"  {summary}")
    if importer.returncode != 0:
        print(import_err[-2000:])
        failed = True
    worker_trouble = [line for line in log.splitlines() if "Traceback" in line or "WORKER TIMEOUT" in line]
    if worker_trouble:
        print("gunicorn log:", *worker_trouble[:10], sep="\n  ")
        failed = True
    if not args.keep:
        _benchdb.drop(DATABASE)
    shutil.rmtree(folder, ignore_errors=True)
    print("\nRESULT:", "FAILED" if failed else "OK: 0 errors, 0 5xx; import exit 0")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
