"""Faults during an import: the database failing mid-file, the search index failing.

A file whose load fails is rolled back as a whole and named in the report; the other
files still import; running the import again completes it. A failed search index update
never costs an article.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, IntegrityError, OperationalError, connection
from django.urls import reverse

from articles.models import Article, Person
from importers import loading
from importers.models import ImportRun, RawSource

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
    original = loading._replace_tags
    calls = {"failed": 0}

    def replace_tags(written, tags, **kwargs):
        article = written[0][0] if written else None
        ours = article is not None and article.source.file_name == file_name
        if ours and (times is None or calls["failed"] < times):
            calls["failed"] += 1
            raise error
        return original(written, tags, **kwargs)

    monkeypatch.setattr(loading, "_replace_tags", replace_tags)
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
    assert calls["failed"] == 5
    assert RawSource.objects.count() == 2


@pytest.mark.django_db
def test_a_failed_search_index_update_never_loses_the_article(three_pages, monkeypatch, client):
    def broken_index(ids):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM articles_search_does_not_exist")  # a real database error

    monkeypatch.setattr(loading, "index_articles", broken_index)

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

    assert status == 1 and calls["failed"] == 1
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
    original = loading._replace_tags
    calls = {"killed": 0}

    def replace_tags(written, tags, **kwargs):
        if written and written[0][0].source.file_name == "b.txt" and (times is None or calls["killed"] < times):
            calls["killed"] += 1
            terminate_own_backend()
        return original(written, tags, **kwargs)

    monkeypatch.setattr(loading, "_replace_tags", replace_tags)

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
