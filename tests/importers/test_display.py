"""An import run's options and counts in Chinese words, on the run's admin page too."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from importers import display
from importers.models import ImportRun

COUNTS = {
    "files": 5,
    "imported": 5,
    "unchanged": 0,
    "failed": 0,
    "articles": {"created": 44, "updated": 0, "unchanged": 0, "skipped": 0},
    "people": {"created": 62, "updated": 0, "unchanged": 7, "skipped": 0},
}
OPTIONS = {"dry_run": False, "issue_date": None, "section": "城区", "publish": True}


def test_counts_are_a_table_of_chinese_labels():
    plain, columns, table = display.count_rows(COUNTS)
    assert plain == [("文件", 5), ("已导入", 5), ("未变", 0), ("失败", 0)]
    assert columns == ["新建", "更新", "未变", "跳过"]
    assert table == [("稿件", [44, 0, 0, 0]), ("人员", [62, 0, 7, 0])]


def test_options_in_words():
    assert display.option_rows(OPTIONS) == [
        ("试运行", "否"),
        ("出版日期", "(未指定)"),
        ("栏目", "城区"),
        ("导入后直接发布", "是"),
    ]


@pytest.mark.django_db
def test_run_page_shows_no_keys_nor_json(admin_client):
    run = ImportRun.objects.create(origin="command", options=OPTIONS, counts=COUNTS, status="done")
    # 14:24 UTC is 22:24 in Zhuzhou: the title says what the start time says.
    ImportRun.objects.filter(pk=run.pk).update(started_at=datetime.datetime(2024, 1, 23, 14, 24, tzinfo=datetime.UTC))
    run.refresh_from_db()
    assert str(run) == f"#{run.pk} 2024-01-23 22:24"
    text = admin_client.get(reverse("admin:importers_importrun_change", args=[run.pk])).text
    assert "命令行" in text and "导入后直接发布" in text and "<th>新建</th>" in text
    for english in ("command", "created", "files", "dry_run", "&quot;articles&quot;", "14:24"):
        assert english not in text, english
    listing = admin_client.get(reverse("admin:importers_importrun_changelist")).text
    assert ">command<" not in listing and ">命令行<" in listing
    assert timezone.get_current_timezone_name() == "Asia/Shanghai"


@pytest.mark.django_db
def test_run_page_leads_to_each_pages_review(admin_client):
    from django.core.management import call_command

    from tests.conftest import SEED_FILES

    call_command("import_pages", str(SEED_FILES[0]), verbosity=0)
    run = ImportRun.objects.get()
    page = run.sources.get().page
    text = admin_client.get(reverse("admin:importers_importrun_change", args=[run.pk])).text
    assert reverse("desk:page_review", args=[page.pk]) in text
