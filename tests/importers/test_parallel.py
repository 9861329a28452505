"""``import_pages --jobs N``: parsing in worker processes gives the same import as one process."""

import io
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Byline
from importers import parallel, runner
from importers.models import ImportRun, RawSource
from tests.conftest import SEED_FILES

SEEDS = SEED_FILES[0].parent

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot():
    return sorted(
        (a.import_key, a.headline, a.body, tuple(a.warnings), tuple(sorted(b.person.name for b in a.bylines.all())))
        for a in Article.objects.prefetch_related("bylines__person")
    )


def test_jobs_import_the_same_articles_in_the_same_order(tmp_path):
    (tmp_path / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "missing.txt").symlink_to(tmp_path / "nowhere.txt")
    paths = [*SEED_FILES, tmp_path / "broken.txt", tmp_path / "missing.txt"]

    sequential = runner.Importer(jobs=1).run(paths)
    expected = snapshot()
    Article.objects.all().delete()
    RawSource.objects.all().delete()
    parallel_report = runner.Importer(jobs=2).run(paths)

    assert [r.path for r in parallel_report.files] == [r.path for r in sequential.files]
    assert [r.error for r in parallel_report.files] == [r.error for r in sequential.files]
    assert parallel_report.totals()["articles"] == sequential.totals()["articles"]
    assert parallel_report.totals()["failed"] == 2
    assert snapshot() == expected
    assert Byline.objects.exists()
    assert ImportRun.objects.latest("started_at").status == ImportRun.Status.FAILED


def test_parse_in_workers_keeps_order_and_reports_errors():
    items = [(i, f"标题{i}\n\n正文。".encode(), f"{i}.txt") for i in range(12)]
    items[3] = (3, None, "3.txt")
    items[5] = (5, b"\xff\xfe\x00\x00\x00\xd8", "5.txt")

    results = list(parallel.parse_in_workers(items, jobs=2, options={}, max_bytes=10_000))

    assert [key for key, _ in results] == list(range(12))
    assert results[3][1] is None
    assert results[5][1].error and results[5][1].parsed is None
    assert all(outcome.parsed is not None for key, outcome in results if key not in (3, 5))


def test_command_rejects_zero_jobs():
    with pytest.raises(CommandError, match="--jobs"):
        call_command("import_pages", *map(str, SEED_FILES), jobs=0, stdout=io.StringIO())


def test_command_with_jobs_reports_every_file():
    out = io.StringIO()
    call_command("import_pages", *map(str, SEED_FILES), jobs=2, stdout=out, stderr=io.StringIO())

    assert sum(line.startswith(str(SEEDS)) for line in out.getvalue().splitlines()) == len(SEED_FILES)
    assert Article.objects.count() > 0


def test_the_workers_have_the_next_batch_while_the_caller_loads_one():
    """The caller stops after each batch to load it: by then the next batch is already handed to the workers."""
    read = []

    def items():
        for i in range(40):
            read.append(i)
            yield i, f"标题{i}\n\n正文。".encode(), f"{i}.txt"

    batch, window = 10, 2 * parallel.IN_FLIGHT_PER_JOB
    results = parallel.parse_in_workers(items(), jobs=2, options={}, max_bytes=10_000, ahead=batch)
    first_batch = [next(results) for _ in range(batch)]

    assert [key for key, _ in first_batch] == list(range(batch))
    assert len(read) == 2 * batch + window - 1  # the whole next batch is with the workers
    assert [key for key, _ in results] == list(range(batch, 40))


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="Linux only")
def test_the_default_workers_are_the_cores_this_process_may_use(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    assert runner.auto_jobs(1000) == 2  # two of the machine's sixteen cores allowed
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(8)))
    assert runner.auto_jobs(1000) == 4
    assert runner.auto_jobs(5) == 1  # a few files: starting processes costs more than it saves
