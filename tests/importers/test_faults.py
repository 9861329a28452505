"""Faults during an import: the database failing mid-file, the search index failing.

A file whose load fails is rolled back as a whole and named in the report; the other
files still import; running the import again completes it. A failed search index update
never costs an article.
"""

import contextlib
import io
import os
import socket
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, IntegrityError, OperationalError, connection
from django.urls import reverse

from articles.models import Article, Person
from importers import loading, tuning
from importers.models import ImportRun, RawSource
from importers.parsing import parse_page
from tests.conftest import SEED_FILES

try:
    import psycopg
except ImportError:  # SQLite only: the PostgreSQL tests are skipped
    psycopg = None

HOSTILE = Path(__file__).resolve().parent / "hostile"


def run_import(*paths):
    stdout, stderr = io.StringIO(), io.StringIO()
    status = 0
    try:
        call_command("import_pages", *map(str, paths), stdout=stdout, stderr=stderr)
    except CommandError as error:
        stderr.write(str(error))
        status = error.returncode
    assert "Traceback" not in stdout.getvalue() + stderr.getvalue()
    return status, stdout.getvalue(), stderr.getvalue()


@pytest.fixture
def three_pages(tmp_path):
    """Three pages of one issue: 02版 (base), 03版 (markup), and 04版."""
    base = (HOSTILE / "base.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(base, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes((HOSTILE / "script_injection.txt").read_bytes())
    other = base.replace("02版", "04版").replace("全市商协会", "全县商协会").replace("湖北商会", "湖南商会")
    (tmp_path / "c.txt").write_text(other, encoding="utf-8")
    return tmp_path


def failing_on(monkeypatch, file_name, error, times=None):
    """Make the load of ``file_name`` fail half-way (articles written, tags not yet) with ``error``."""
    original = loading._link_sidebars
    calls = {"failed": 0}

    def link_sidebars(files):
        ours = any(f.page_file.file_name == file_name for f in files)
        if ours and (times is None or calls["failed"] < times):
            calls["failed"] += 1
            raise error
        return original(files)

    monkeypatch.setattr(loading, "_link_sidebars", link_sidebars)
    return calls


@pytest.mark.django_db
def test_database_failing_mid_file_rolls_that_file_back_and_a_rerun_completes(three_pages, monkeypatch):
    failing_on(monkeypatch, "b.txt", OperationalError("server closed the connection unexpectedly"))

    status, out, err = run_import(three_pages)

    assert status == 1
    assert "b.txt: 失败:server closed the connection unexpectedly(数据库错误,本文件未写入,可重新导入)" in err
    assert sorted(RawSource.objects.values_list("file_name", flat=True)) == ["a.txt", "c.txt"]
    assert not Article.objects.filter(headline__contains="市民热议").exists()  # nothing half-written
    assert Article.objects.count() == 4
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED

    monkeypatch.undo()
    status, out, err = run_import(three_pages)

    assert status == 0, err
    assert out.count("未变:与") == 2 and "b.txt: 稿件 新建 1" in out
    assert Article.objects.count() == 5


@pytest.mark.django_db
def test_a_conflict_with_another_writer_is_retried(three_pages, monkeypatch):
    calls = failing_on(monkeypatch, "b.txt", IntegrityError("duplicate key value violates unique constraint"), times=2)

    status, out, err = run_import(three_pages)

    assert status == 0, err
    assert calls["failed"] == 2
    assert Article.objects.count() == 5 and RawSource.objects.count() == 3


@pytest.mark.django_db
def test_a_conflict_that_persists_is_reported_after_the_retries(three_pages, monkeypatch):
    calls = failing_on(monkeypatch, "b.txt", IntegrityError("duplicate key value violates unique constraint"))

    status, out, err = run_import(three_pages)

    assert status == 1 and "数据库错误" in err and "b.txt: 失败:" in err
    assert calls["failed"] == 1 + 5  # the call of all three files once, then b.txt alone with its retries
    assert RawSource.objects.count() == 2


@pytest.mark.django_db
def test_a_failed_search_index_update_never_loses_the_article(three_pages, monkeypatch, client):
    def broken_index(ids):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM articles_search_does_not_exist")  # a real database error

    monkeypatch.setattr(loading.search, "index_articles", broken_index)
    monkeypatch.setattr(loading.search, "add_documents", lambda documents, published_at: broken_index(documents))

    status, out, err = run_import(three_pages / "a.txt", "--publish")

    assert status == 0, err
    assert Article.objects.count() == 2
    assert "rebuild_search_index" in " ".join(RawSource.objects.get().warnings)
    article = Article.objects.published().get(headline="全市商协会人民调解组织集中成立授牌")
    assert client.get(article.get_absolute_url()).status_code == 200
    found = client.get(reverse("articles:search"), {"q": "商协会"}).content.decode()
    assert article.get_absolute_url() not in found  # stored and public, not yet searchable

    monkeypatch.undo()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)

    assert "2 篇稿件" in out.getvalue()
    assert article.get_absolute_url() in client.get(reverse("articles:search"), {"q": "商协会"}).content.decode()


@pytest.mark.django_db
def test_an_error_that_is_not_the_database_is_not_retried(three_pages, monkeypatch):
    calls = failing_on(monkeypatch, "b.txt", DatabaseError("disk full"))

    status, out, err = run_import(three_pages)

    assert status == 1 and calls["failed"] == 1 + 1  # the call of all three files, then b.txt alone
    assert "b.txt: 失败:disk full(数据库错误,本文件未写入,可重新导入)" in err


postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_terminate_backend needs PostgreSQL")


def terminate_own_backend():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")


@postgresql_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("times", [1, None])
def test_server_ending_the_session_mid_file(three_pages, monkeypatch, times):
    """The server really drops the connection (pg_terminate_backend) half-way through b.txt.

    Once: the file is retried on a new connection and imports. Every time: it is named, the
    others import, and a re-run completes.
    """
    original = loading._link_sidebars
    calls = {"killed": 0}

    def link_sidebars(files):
        if any(f.page_file.file_name == "b.txt" for f in files) and (times is None or calls["killed"] < times):
            calls["killed"] += 1
            terminate_own_backend()
        return original(files)

    monkeypatch.setattr(loading, "_link_sidebars", link_sidebars)

    status, out, err = run_import(three_pages)

    if times == 1:
        assert status == 0, err
        assert Article.objects.count() == 5 and calls["killed"] == 1
        return
    assert status == 1 and "b.txt: 失败:" in err and "数据库错误,本文件未写入" in err
    assert sorted(RawSource.objects.values_list("file_name", flat=True)) == ["a.txt", "c.txt"]
    assert ImportRun.objects.get().errors[0]["path"].endswith("b.txt")
    monkeypatch.undo()

    status, out, err = run_import(three_pages)

    assert status == 0, err
    assert Article.objects.count() == 5 and Person.objects.filter(name="成姣兰").count() == 1


@contextlib.contextmanager
def connection_dropped_at(points):
    """Drop the import's connection just before the statements ``points`` names, each once.

    ``points``: ``(name, matches(sql), nth, how)``: before the nth statement ``matches`` accepts, the
    connection is dropped ``how``: ``"terminate"`` ends its session from another one
    (``pg_terminate_backend``; the statement then runs on a connection the server has closed), ``"cut"``
    shuts its socket down, as a network failure would (the server says nothing: no SQLSTATE).
    Yields the names of the points reached, in order.
    """
    params = connection.get_connection_params()
    other = psycopg.connect(
        **{key: params[key] for key in ("host", "port", "user", "password", "dbname") if params.get(key)},
        autocommit=True,
    )
    seen, dropped = {}, []

    def drop(execute, sql, params, many, context):
        for name, matches, nth, how in points:
            if matches(sql):
                seen[name] = seen.get(name, 0) + 1
                if seen[name] == nth:
                    pid = connection.connection.info.backend_pid
                    if how == "terminate":
                        other.execute("SELECT pg_terminate_backend(%s)", [pid])
                        while other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
                            time.sleep(0.01)
                    else:
                        with socket.socket(fileno=os.dup(connection.connection.pgconn.socket)) as sock:
                            sock.shutdown(socket.SHUT_RDWR)
                    dropped.append(name)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(drop):
            yield dropped
    finally:
        other.close()


def _sql(text):
    return lambda sql: text in sql


# Nothing runs SQL after a file's commit any more (the page cache's version is renewed in the cache).
ONE_BY_ONE = [
    ("between two files", _sql('FROM "importers_rawsource"'), 2, "terminate"),
    ("in a file's transaction", _sql('FROM "articles_person"'), 3, "terminate"),  # rows go in by COPY
    ("during ANALYZE", lambda sql: sql.startswith("ANALYZE"), 1, "terminate"),
    ("recording the run", _sql('UPDATE "importers_importrun"'), 1, "terminate"),
    ("network, in a file's transaction", _sql('FROM "taggit_tag"'), 4, "cut"),
]
IN_BATCHES = [
    ("before a batch", _sql('FROM "importers_rawsource"'), 2, "terminate"),
    ("in a batch's transaction", _sql("gin_pending_list_limit"), 1, "terminate"),
    ("during ANALYZE", lambda sql: sql.startswith("ANALYZE"), 1, "terminate"),
    ("recording the run", _sql('UPDATE "importers_importrun"'), 1, "terminate"),
    ("network, before a batch", _sql('FROM "importers_rawsource"'), 4, "cut"),
]


@postgresql_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("options", "points"), [(("--batch", "1"), ONE_BY_ONE), (("--batch", "2"), IN_BATCHES)], ids=["files", "batches"]
)
def test_an_import_survives_its_connection_dropped_at_any_moment(tmp_path, monkeypatch, options, points):
    """Issue 17, item 6: the server ended the import's session five times (and the network dropped it once),
    at every kind of moment of an import; every file is stored, once, and the run says so.

    Before, a session ended right after a file's commit made that committed file "fail" (the pages'
    after-commit marks died with an AttributeError), one ended during ANALYZE or before a batch stopped the
    whole import, and a connection lost without the server's word ("server closed the connection
    unexpectedly") was not retried: Django had already opened a fresh connection, which looked usable.
    """
    from importers import tuning

    monkeypatch.setattr(tuning.TableStatistics, "FIRST", 10)  # ANALYZE within a small import
    for path in SEED_FILES:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    expected = sum(len(parse_page(path.read_bytes(), source=str(path)).items) for path in SEED_FILES)

    with connection_dropped_at(points) as dropped:
        status, out, err = run_import(tmp_path, *options)

    assert sorted(dropped) == sorted(name for name, *_ in points)
    assert status == 0, err
    assert "失败:" not in out + err and "失败 0" in out
    assert RawSource.objects.count() == len(SEED_FILES) and Article.objects.count() == expected
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.DONE and run.counts["imported"] == len(SEED_FILES)
    assert run.counts["articles"]["created"] == expected


def synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_connection_opened_again_during_an_import_commits_asynchronously_too():
    with tuning.relaxed_commit():
        assert synchronous_commit() == "off"
        connection.close()  # as importers.retry does after a drop
        assert synchronous_commit() == "off"
    assert synchronous_commit() == "on"
    connection.close()
    assert synchronous_commit() == "on"
