"""The multi-node configuration: settings read from the environment as README's "Running several web nodes" sets it."""

import json
import os
import subprocess
import sys
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
    assert found["cache"] == "LocMemCache" and found["page_cache"] == 0
    assert found["proxy"] is None and found["static_url"] == "/static/"


def test_gunicorn_configuration_reads_the_environment():
    config = {}
    source = (ROOT / "gunicorn.conf.py").read_text(encoding="utf-8")

    with mock.patch.dict(os.environ, {"WEB_CONCURRENCY": "3", "PORT": "9000", "GUNICORN_ACCESSLOG": ""}):
        exec(compile(source, "gunicorn.conf.py", "exec"), config)

    assert config["workers"] == 3 and config["bind"] == "0.0.0.0:9000"
    assert config["worker_class"] == "sync" and config["accesslog"] is None


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
