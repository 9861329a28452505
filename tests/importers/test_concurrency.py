"""Concurrent writers on PostgreSQL: two ``import_pages`` processes on the same files, an editor during a re-import.

Unique constraints (raw source checksum, import key, person and tag names, page per issue)
refuse the second copy; the loser's file transaction rolls back and is retried
(``importers.retry``), this time finding what the winner stored. Re-imported articles are
locked while a file loads, so an editor's save is either seen (and the article skipped) or
waits and wins.
"""

import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection
from django.db.models import Count
from taggit.models import Tag

from articles.models import Article, Byline, Issue, Page, Person
from importers.models import RawSource
from importers.parsing import parse_page
from importers.runner import Importer
from tests.conftest import PROJECT_DIR, SEED_FILES

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

HOSTILE = Path(__file__).resolve().parent / "hostile"


def database_url() -> str:
    """The test database (not the one DATABASE_URL names) for processes started by the test."""
    db = connection.settings_dict
    user = quote(db["USER"] or "postgres")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def page_files(tmp_path):
    """The seeds, and each seed again as three other printed pages: many files sharing people and tags."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for seed in SEED_FILES:
        text = seed.read_text(encoding="utf-8")
        (folder / seed.name).write_text(text, encoding="utf-8")
        for number in (1, 2, 3):
            header = f"综合·城区\n0{number}版\n2024年3月{number + SEED_FILES.index(seed) * 3}日 星期一\n\n"
            (folder / f"{seed.stem}_{number}.txt").write_text(header + text, encoding="utf-8")
    return folder


def import_process(*args):
    env = {
        "DATABASE_URL": database_url(),
        "PYTHONPATH": str(PROJECT_DIR),
        "PATH": "/usr/bin:/bin",
        "DJANGO_LOG_LEVEL": "INFO",  # the retries show on stderr
    }
    return subprocess.Popen(
        [sys.executable, str(PROJECT_DIR / "manage.py"), "import_pages", *map(str, args)],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_imports_of_the_same_files_at_once_store_everything_once(page_files):
    files = sorted(page_files.glob("*.txt"))
    expected_articles = sum(len(parse_page(path.read_bytes(), source=str(path)).items) for path in files)

    # In opposite orders, so that the two meet half-way and race for the same people and tags.
    first, second = import_process(page_files, "--publish"), import_process(*reversed(files))
    outputs = [process.communicate(timeout=300) for process in (first, second)]

    for process, (out, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in out + err and "失败 0" in out
    print("retries:", sum(err.count("retrying after") for _, err in outputs))
    assert RawSource.objects.count() == len(files)
    assert Article.objects.count() == expected_articles
    assert not Article.objects.values("page", "position").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert Person.objects.count() == len(set(Person.objects.values_list("name", flat=True)))
    assert Tag.objects.count() == len(set(Tag.objects.values_list("name", flat=True)))
    assert not Byline.objects.values("article", "person", "role").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert Issue.objects.count() == len(set(Issue.objects.values_list("printed_on", flat=True)))
    assert Page.objects.count() == len(files)
    # Each file was written by one of the two; the other found it stored.
    created = [out.count(".txt: 稿件 新建") for out, _ in outputs]
    unchanged = [out.count("未变:与") for out, _ in outputs]
    assert sum(created) + sum(unchanged) == 2 * len(files) and sum(created) == len(files)

    third = import_process(page_files)
    out, err = third.communicate(timeout=300)
    assert third.returncode == 0 and out.count("未变:与") == len(files)


def test_an_editors_save_during_a_reimport_is_not_overwritten(tmp_path):
    base = (HOSTILE / "base.txt").read_text(encoding="utf-8")
    assert Importer().import_bytes(base.encode(), path=Path("02.txt")).ok
    article = Article.objects.get(headline="株洲市湖北商会成立")
    changed = base.replace("当选商会会长。", "当选商会会长,副会长若干。").encode()

    # The editor's save (the admin's UPDATE, is_edited) is in flight when the re-import starts.
    editor = psycopg.connect(
        dbname=connection.settings_dict["NAME"],
        host=connection.settings_dict["HOST"] or "127.0.0.1",
        port=connection.settings_dict["PORT"] or 5432,
        user=connection.settings_dict["USER"] or "postgres",
        password=connection.settings_dict["PASSWORD"] or None,
    )
    editor.execute(
        "UPDATE articles_article SET body = %s, is_edited = true WHERE id = %s", ["编辑改写的正文。", article.pk]
    )
    results = {}

    def reimport():
        try:
            results["report"] = Importer().import_bytes(changed, path=Path("02.txt"))
        finally:
            connection.close()

    thread = threading.Thread(target=reimport)
    thread.start()
    time.sleep(1.0)  # the import has read the page and now waits for the editor's row
    assert thread.is_alive()
    editor.commit()
    editor.close()
    thread.join(timeout=60)

    report = results["report"]
    assert report.ok, report.error
    assert report.result.articles.skipped == 1
    article.refresh_from_db()
    assert article.body == "编辑改写的正文。" and article.is_edited
