"""Scratch PostgreSQL databases for the benchmarks: created, migrated and dropped by the scripts.

The server is ``BENCH_POSTGRES`` (default ``postgres://postgres@127.0.0.1:5432``); a bench
database is never the one in ``DATABASE_URL``, and nothing in it is committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
# The 1,000,000-article database of build_site_db.py and the scripts after it; BENCH_SITE_DB names
# another, so that two work trees on one server do not drop each other's.
SITE = os.environ.get("BENCH_SITE_DB", "newsroom_bench")


def url(name: str) -> str:
    return f"{SERVER}/{name}"


def _admin():
    return psycopg.connect(url("postgres"), autocommit=True)


def exists(name: str) -> bool:
    with _admin() as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def drop(name: str) -> None:
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create(name: str) -> str:
    """A new, migrated database named ``name`` (an old one of that name is dropped first)."""
    drop(name)
    with _admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    manage(name, "migrate", "--noinput", "-v", "0")
    return url(name)


def env(name: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url(name), "DJANGO_SETTINGS_MODULE": "newsroom.settings", **extra}


def manage(name: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env(name), cwd=ROOT, check=True, **kwargs
    )


def connect(name: str):
    return psycopg.connect(url(name), autocommit=True)
