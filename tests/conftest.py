"""Fixtures shared by the whole suite."""

import os
from pathlib import Path

import pytest

from tests import factories

PROJECT_DIR = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_DIR / "seeds"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A test database of its own per run on a server (test_test_<pid>), so runs side by side never collide.

    SQLite test databases are in memory and need nothing.
    """
    from django.conf import settings
    from pytest_django.fixtures import _set_suffix_to_test_databases

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        _set_suffix_to_test_databases(os.environ.get("NEWSROOM_TEST_DB_SUFFIX") or str(os.getpid()))


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploaded photos go to a temporary folder, never into the project's media/."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory):
    """The shared file cache in a temporary folder, never the project's var/cache."""
    from django.test import override_settings

    location = tmp_path_factory.mktemp("cache")
    backend = "django.core.cache.backends.filebased.FileBasedCache"
    with override_settings(CACHES={"default": {"BACKEND": backend, "LOCATION": str(location)}}):
        yield


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Pages rendered on each request: a test's writes are never committed, so the version would not change.

    tests/test_pagecache.py turns the cache on and runs the commit hooks.
    """
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _cjk_font(monkeypatch):
    """Page PDFs render as on a server with a CJK font (README), whatever this machine has installed.

    tests/articles/test_page_fonts.py says what an editor is told on a server without one.
    """
    from articles import page_fonts

    monkeypatch.setattr(page_fonts, "cjk_font_installed", lambda: True)


@pytest.fixture
def page_cache(settings):
    """The readers' page cache on, empty (tests/test_pagecache.py)."""
    from django.core.cache import cache

    settings.NEWSROOM_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commit(db):
    """``commit()`` runs what the commit of the test's transaction would: the hooks waiting so far, once.

    (The test's transaction never commits, and a hook already waiting in it is not asked for again.)
    Returns the hooks it ran.
    """
    from django.db import connection

    def run():
        waiting = connection.run_on_commit[:]
        connection.run_on_commit.clear()
        for _, hook, _ in waiting:
            hook()
        return [hook for _, hook, _ in waiting]

    return run


@pytest.fixture
def seed_files() -> list[Path]:
    return SEED_FILES


@pytest.fixture
def section(db):
    return factories.SectionFactory(name="要闻", slug="yaowen", is_default=False)


@pytest.fixture
def default_section(db):
    """The section the importer falls back to (the data migration ships one; reuse it)."""
    from articles.models import Section

    existing = Section.objects.filter(is_default=True).first()
    return existing or factories.SectionFactory(name="综合", slug="zonghe", is_default=True)


@pytest.fixture
def published_article(db):
    return factories.ArticleFactory(published=True)


@pytest.fixture
def draft_article(db):
    return factories.ArticleFactory(draft=True)
