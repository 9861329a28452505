"""The multi-node configuration: settings read from the environment as README's "Running several web nodes" sets it."""

import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
from django.core.cache import caches
print(json.dumps({
    "databases": sorted(settings.DATABASES),
    "replica_test": settings.DATABASES.get("replica", {}).get("TEST"),
    "replica_host": settings.DATABASES.get("replica", {}).get("HOST"),
    "cache": type(caches["default"]).__name__,
    "cache_location": settings.CACHES["default"]["LOCATION"],
    "page_cache": settings.NEWSROOM_PAGE_CACHE_SECONDS,
    "proxy": settings.SECURE_PROXY_SSL_HEADER,
    "forwarded_host": settings.USE_X_FORWARDED_HOST,
    "csrf": settings.CSRF_TRUSTED_ORIGINS,
    "static_url": settings.STATIC_URL,
    "routers": settings.DATABASE_ROUTERS,
}))
"""


def settings_with(**env):
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    out = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        env={**base, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def test_web_node_behind_a_proxy_with_replica_redis_and_cdn():
    found = settings_with(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://newsroom@db-primary/newsroom",
        DATABASE_REPLICA_URL="postgres://newsroom@db-replica/newsroom",
        REDIS_URL="redis://cache:6379/0",
        DJANGO_BEHIND_PROXY="1",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://www.example.com",
        STATIC_URL="https://cdn.example.com/static/",
    )

    assert found["databases"] == ["default", "replica"]
    assert found["replica_host"] == "db-replica" and found["replica_test"]["MIRROR"] == "default"
    assert found["routers"] == ["newsroom.routers.PrimaryReplicaRouter"]
    assert found["cache"] == "RedisCache" and found["page_cache"] == 300
    assert found["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"] and found["forwarded_host"] is True
    assert found["csrf"] == ["https://www.example.com"]
    assert found["static_url"] == "https://cdn.example.com/static/"


def test_single_process_defaults():
    found = settings_with()

    assert found["databases"] == ["default"]
    # Without Redis every process of the machine shares one page cache: files under var/ (not committed).
    assert found["cache"] == "FileBasedCache" and found["page_cache"] == 300
    assert found["cache_location"] == str(ROOT / "var" / "cache")


def test_the_shared_file_cache_can_live_elsewhere(tmp_path):
    found = settings_with(NEWSROOM_CACHE_DIR=str(tmp_path / "pages"))

    assert found["cache"] == "FileBasedCache" and found["cache_location"] == str(tmp_path / "pages")
    assert found["proxy"] is None and found["static_url"] == "/static/"


def test_gunicorn_configuration_reads_the_environment():
    config = {}
    source = (ROOT / "gunicorn.conf.py").read_text(encoding="utf-8")

    with mock.patch.dict(os.environ, {"WEB_CONCURRENCY": "3", "PORT": "9000", "GUNICORN_ACCESSLOG": ""}):
        exec(compile(source, "gunicorn.conf.py", "exec"), config)

    assert config["workers"] == 3 and config["bind"] == "127.0.0.1:9000"
    assert config["worker_class"] == "sync" and config["accesslog"] is None


def gunicorn_bind(**env) -> str:
    config = {}
    source = (ROOT / "gunicorn.conf.py").read_text(encoding="utf-8")
    with mock.patch.dict(os.environ, env, clear=True):
        exec(compile(source, "gunicorn.conf.py", "exec"), config)
    return config["bind"]


def test_gunicorn_listens_on_the_loopback_interface_unless_told():
    """Issue 17, item 13: 0.0.0.0 was the default."""
    assert gunicorn_bind() == "127.0.0.1:8000"
    assert gunicorn_bind(PORT="9000") == "127.0.0.1:9000"
    assert gunicorn_bind(GUNICORN_BIND="0.0.0.0:8000", PORT="9000") == "0.0.0.0:8000"
    assert gunicorn_bind(GUNICORN_BIND="unix:/run/newsroom.sock") == "unix:/run/newsroom.sock"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_gunicorn(**env):
    """gunicorn with gunicorn.conf.py and the environment given, serving tests/wsgi_echo.py; its port."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "tests.wsgi_echo:application"],
        env={"PATH": "/usr/bin:/bin", "PORT": str(port), "WEB_CONCURRENCY": "1", "GUNICORN_ACCESSLOG": "", **env},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    message = (
                        process.stderr.read().decode() if process.poll() is not None else "gunicorn did not start"
                    )
                    raise AssertionError(message) from None
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()


def _environ_seen(port: int, headers: dict) -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/", headers=headers)
        return json.loads(connection.getresponse().read())
    finally:
        connection.close()


FORWARDED = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}


def test_what_gunicorn_does_with_a_proxys_headers():
    """The README's account of forwarded_allow_ips, tried on gunicorn itself (from 127.0.0.1, as a local proxy).

    It decides whether X-Forwarded-Proto sets the scheme; it never rewrites REMOTE_ADDR, and passes the
    headers on to the application as they came, trusted or not.
    """
    with running_gunicorn() as port:  # FORWARDED_ALLOW_IPS unset: 127.0.0.1 is trusted
        trusted = _environ_seen(port, FORWARDED)
        with socket.socket() as elsewhere:  # bound to 127.0.0.1 alone: another address of this host finds nothing
            elsewhere.settimeout(2)
            assert elsewhere.connect_ex(("127.0.0.2", port)) != 0
    with running_gunicorn(FORWARDED_ALLOW_IPS="10.9.9.9") as port:
        untrusted = _environ_seen(port, FORWARDED)

    assert trusted == {
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "https",
        "HTTP_X_FORWARDED_FOR": "203.0.113.7",
        "HTTP_X_FORWARDED_PROTO": "https",
    }
    assert untrusted == {
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "HTTP_X_FORWARDED_FOR": "203.0.113.7",
        "HTTP_X_FORWARDED_PROTO": "https",
    }


PRINT_GC = """
import gc, importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps({"frozen": gc.get_freeze_count(), "walked": len(gc.get_objects())}))
"""


def test_web_processes_leave_startup_objects_out_of_garbage_collection():
    """gunicorn (preload_app) and ASGI servers load these modules once, before any request."""
    for module in ("newsroom.wsgi", "newsroom.asgi"):
        found = json.loads(
            subprocess.run(
                [sys.executable, "-c", PRINT_GC, module],
                env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )

        # Django, the apps and the URL patterns: tens of thousands of objects a full pass no longer walks.
        assert found["frozen"] > 20_000, module
        assert found["walked"] < found["frozen"] / 10, module
