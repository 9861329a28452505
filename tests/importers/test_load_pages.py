"""``load_pages``: files loaded in one call store what loading them one call each stores (``import_pages --batch N``)."""

import dataclasses
import datetime
import os
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import DatabaseError, connection
from taggit.models import Tag

from articles import search
from articles.models import Article, Byline, Issue, Page, PageCredit, Person
from articles.search import rebuild_index
from importers import load_warnings, loading, runner, tuning
from importers.models import RawSource
from importers.parallel import parse_bytes
from importers.prepared import prepare
from tests.conftest import SEED_FILES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from generate import generate  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)


_NUMBER = re.compile(r"\(编号 (\d+)\)")


def snapshot():
    key_of = dict(Article.objects.values_list("pk", "import_key"))

    def warnings(article):
        # a warning names the stored article it may repeat by its number, which differs between two loads
        return tuple(_NUMBER.sub(lambda m: f"(编号 {key_of.get(int(m.group(1)))})", w) for w in article.warnings)

    articles = sorted(
        (
            a.import_key,
            a.headline,
            a.body,
            a.kind,
            a.section_id is not None,
            a.page.source_name if a.page else None,
            a.position,
            (a.printed_on, a.page_number),
            a.parent.headline if a.parent else None,
            a.continues.headline if a.continues else None,
            warnings(a),
            tuple((b.person.name, b.role, b.order) for b in a.bylines.all()),
            tuple(sorted(t.name for t in a.tags.all())),
        )
        for a in Article.objects.select_related("page", "parent", "continues").prefetch_related(
            "bylines__person", "tags"
        )
    )
    pages = sorted(Page.objects.values_list("issue__printed_on", "number", "label", "name", "source_name"))
    credits = sorted(PageCredit.objects.values_list("page__source_name", "person__name", "role", "order"))
    people = sorted(Person.objects.values_list("name", "slug"))
    sources = sorted(RawSource.objects.values_list("file_name", "counts", "warnings", "page__source_name"))
    return articles, pages, credits, people, sources, Issue.objects.count(), search_documents()


def search_documents():
    """The search index, each row keyed by its article's import key instead of its id."""
    key_of = dict(Article.objects.values_list("pk", "import_key"))
    if connection.vendor == "sqlite":
        select = "SELECT rowid, * FROM articles_search"
    else:  # every column but the id, whatever columns articles.search keeps, with the ranked document
        select = (
            "SELECT article_id, (to_jsonb(s) - 'article_id')::text, (to_jsonb(d) - 'article_id')::text "
            "FROM articles_search AS s FULL JOIN articles_search_document AS d USING (article_id)"
        )
    with connection.cursor() as cursor:
        cursor.execute(select)
        rows = cursor.fetchall()
    return sorted((key_of.get(pk), *map(str, rest)) for pk, *rest in rows)


def reset():
    for model in (Article, RawSource, PageCredit, Page, Issue, Byline, Person, Tag):
        model.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM articles_search")


@pytest.fixture(autouse=True)
def empty_search_index():
    """The index is no model table: flushing the database between tests leaves its rows."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM articles_search")


@pytest.fixture
def pages(tmp_path):
    generate(tmp_path / "generated", 20)
    return [*SEED_FILES, SEED_FILES[0], *sorted((tmp_path / "generated").glob("*.txt"))]


def test_batches_store_what_one_by_one_stores(pages, tmp_path):
    copy = tmp_path / "copy_of_first_seed.txt"
    copy.write_bytes(SEED_FILES[0].read_bytes())  # same bytes again: unchanged, loaded alone
    files = [*pages, copy]
    one_by_one = runner.Importer(batch=1).run(files)
    expected = snapshot()
    reset()

    batched = runner.Importer(batch=8).run(files)

    assert snapshot() == expected
    assert [r.path for r in batched.files] == [r.path for r in one_by_one.files]
    assert [r.result.counts() if r.result else r.error for r in batched.files] == [
        r.result.counts() if r.result else r.error for r in one_by_one.files
    ]
    assert batched.totals() == one_by_one.totals()


def test_reimporting_after_a_batch_changes_nothing(pages):
    runner.Importer(batch=8).run(pages)
    before = snapshot()

    again = runner.Importer(batch=8).run(pages)

    assert again.totals()["unchanged"] == len(set(pages))
    assert snapshot() == before


def test_a_failing_call_is_loaded_file_by_file(pages, monkeypatch):
    real = loading.load_pages

    def fail_with_many(files, **kwargs):
        if len(files) > 1:
            raise DatabaseError("batch insert failed")
        return real(files, **kwargs)

    monkeypatch.setattr(runner, "load_pages", fail_with_many)

    report = runner.Importer(batch=8).run(pages)

    assert report.totals()["failed"] == 0
    assert RawSource.objects.count() == len(set(pages)) and Article.objects.exists()


def test_two_dumps_of_one_page_in_one_call_are_stored_one_after_the_other(tmp_path):
    text = SEED_FILES[0].read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    changed = text.replace("首批商协会调解组织挂牌成立", "首批八家商协会调解组织挂牌成立")
    assert changed != text
    (tmp_path / "b.txt").write_text(changed, encoding="utf-8")

    report = runner.Importer(batch=8).run([tmp_path / "a.txt", tmp_path / "b.txt"])

    assert [r.result.articles.created for r in report.files] == [10, 0]
    assert report.files[1].result.articles.updated == 1
    assert Page.objects.count() == 1


def test_documents_made_in_the_workers_are_what_the_search_module_makes(pages):
    runner.Importer(batch=8, jobs=2).run(pages)
    written = search_documents()

    rebuild_index()

    assert written and search_documents() == written
    assert all(a.printed_on and a.page_number for a in Article.objects.exclude(page__number=None))


def test_workers_or_the_writer_preparing_the_articles_store_the_same(pages):
    runner.Importer(batch=8, jobs=2).run(pages)
    expected = snapshot()
    reset()

    runner.Importer(batch=8, jobs=1).run(pages)

    assert snapshot() == expected


def test_a_document_made_for_other_text_is_made_again(pages):
    files = []
    for path in pages[-3:]:
        raw = path.read_bytes()
        parsed = parse_bytes(raw, str(path), runner.Importer()._parse_options(), 10**7).parsed
        prepared = prepare(parsed)
        # As if the stored headline were not the parsed one (a column cut it): the document is stale.
        prepared[0] = dataclasses.replace(prepared[0], headline="别的标题", document=("别的", "", ["别的"]))
        files.append(loading.PageFile(parsed, raw, path.name, prepared))

    loading.load_pages(files)
    written = search_documents()
    rebuild_index()

    assert search_documents() == written
    assert not any("别的" in str(row) for row in written)


def test_a_failed_search_index_write_keeps_the_batch(pages, monkeypatch):
    def broken(documents, published_at):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM articles_search_does_not_exist")

    monkeypatch.setattr(loading.search, "add_documents", broken)

    report = runner.Importer(batch=8).run(pages)

    assert report.totals()["failed"] == 0
    assert Article.objects.count() > 0
    warned = [w for warnings in RawSource.objects.values_list("warnings", flat=True) for w in warnings]
    assert any("rebuild_search_index" in w for w in warned)


def test_the_candidate_window_of_a_bulk_import_is_the_walk_over_the_rows():
    now = datetime.datetime(2023, 1, 23, 12, tzinfo=datetime.UTC)
    day = datetime.date(2023, 1, 20)
    rows = [(pk, now, pk // 10, f"f{pk // 10}.txt", day, now) for pk in range(5000, 0, -1)]
    index = SimpleNamespace(entries={})

    def allowed(candidates, page_pk, first):
        return candidates.allowed(
            file_name=f"f{page_pk}.txt", issue_date=day, page_pk=page_pk, first_new=first, headlines={"题"}
        )

    fast = load_warnings.Candidates(rows, index, since=now - datetime.timedelta(days=3))
    walk = load_warnings.Candidates(rows, index, since=now - datetime.timedelta(days=3))
    walk.all_recent = False
    for page_pk, first in ((500, 5001), (499, 4990), (300, 3001), (100, 4000), (7, 70)):
        assert allowed(fast, page_pk, first) == allowed(walk, page_pk, first)
    assert len(allowed(fast, 500, 5001)) == load_warnings.DUPLICATE_CANDIDATE_LIMIT
    assert allowed(fast, 100, 4000).isdisjoint(range(1000, 1010))  # the file's own page is never a candidate


@pytest.fixture
def statements(monkeypatch):
    """The SQL run through ``connection.cursor()`` from here on."""
    statements = []
    original = connection.cursor

    def recording_cursor(*args, **kwargs):
        cursor = original(*args, **kwargs)
        execute = cursor.execute

        def record(sql, params=None):
            statements.append(sql)
            return execute(sql, params)

        cursor.execute = record
        return cursor

    monkeypatch.setattr(connection, "cursor", recording_cursor)
    return statements


def test_statistics_are_refreshed_each_time_the_articles_double(monkeypatch, statements):
    monkeypatch.setattr(tuning.TableStatistics, "FIRST", 10)
    statistics = tuning.TableStatistics()
    analyzed = [statistics.add(n) for n in (4, 5, 1, 9, 0, 21)]

    if connection.vendor == "postgresql":
        assert analyzed == [False, False, True, False, False, True]  # at 10, then at 2 x 10 = 20 and beyond
        assert sum(s.startswith("ANALYZE") for s in statements) == 2
        assert '"articles_article"' in statements[-1] and '"articles_byline"' in statements[-1]
        assert "articles_search" not in statements[-1]  # analyzed once, at the end (finish_search_index)
    else:
        assert not any(analyzed) and not statements


def test_a_batch_import_merges_the_search_index_pending_entries_once_at_the_end(pages, monkeypatch):
    merged = []
    merge = tuning.finish_search_index
    monkeypatch.setattr(tuning, "finish_search_index", lambda: merged.append(Article.objects.count()) or merge())

    runner.Importer(batch=8).run(pages)
    runner.Importer(batch=8).run(pages)  # nothing new: nothing to merge

    assert merged == [Article.objects.count()]
    assert search.search(Article.objects.all(), "株洲")


def test_the_search_index_is_merged_and_analyzed_when_a_batch_import_is_done(statements):
    tuning.finish_search_index()

    if connection.vendor == "postgresql":
        assert any("gin_clean_pending_list" in s for s in statements)
        assert statements[-1] == f"ANALYZE {connection.ops.quote_name(search.TABLE)}"
    else:
        assert not statements


def test_the_search_index_pending_entries_are_left_to_autovacuum_without_the_index_ownership(caplog):
    if connection.vendor != "postgresql":
        tuning.finish_search_index()  # nothing to merge elsewhere
        return
    role = f"newsroom_test_reader_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role}")
        cursor.execute(f"SET ROLE {role}")
    try:
        with caplog.at_level("INFO", logger="importers.tuning"):
            tuning.finish_search_index()
        assert "autovacuum" in caplog.text
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")
            cursor.execute(f"DROP ROLE {role}")
