"""``import_pages --batch N``: new pages loaded together store what loading them one by one stores."""

import sys
from pathlib import Path

import pytest
from django.db import DatabaseError
from taggit.models import Tag

from articles.models import Article, Byline, Issue, Page, PageCredit, Person
from importers import bulkload, runner
from importers.models import RawSource
from tests.conftest import SEED_FILES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from generate import generate  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot():
    articles = sorted(
        (
            a.import_key,
            a.headline,
            a.body,
            a.kind,
            a.section_id is not None,
            a.page.source_name if a.page else None,
            a.position,
            a.parent.headline if a.parent else None,
            a.continues.headline if a.continues else None,
            tuple(a.warnings),
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
    return articles, pages, credits, people, sources, Issue.objects.count()


def reset():
    for model in (Article, RawSource, PageCredit, Page, Issue, Byline, Person, Tag):
        model.objects.all().delete()


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


def test_a_failing_batch_is_loaded_file_by_file(pages, monkeypatch):
    def fail(*args, **kwargs):
        raise DatabaseError("batch insert failed")

    monkeypatch.setattr(bulkload, "load_batch", fail)

    report = runner.Importer(batch=8).run(pages)

    assert report.totals()["failed"] == 0
    assert RawSource.objects.count() == len(set(pages)) and Article.objects.exists()


def test_batchable_stops_at_a_page_already_stored(pages):
    runner.Importer().run([pages[0]])
    files = [
        bulkload.PageFile(runner.Importer()._parse(p.read_bytes(), p)[0], p.read_bytes(), p.name) for p in pages[:3]
    ]

    assert bulkload.batchable(files) == 0
    assert bulkload.batchable(files[1:]) == 2
