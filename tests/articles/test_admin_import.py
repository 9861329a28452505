"""Import in the admin: upload, dry run (nothing written), confirm, the run's result."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Person
from importers.models import ImportRun, RawSource
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:importers_importrun_upload")


def seed_upload(path=SEED_FILES[0], name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/plain")


def test_upload_dry_run_then_confirm(admin_client):
    response = admin_client.post(UPLOAD, {"files": [seed_upload(), seed_upload(SEED_FILES[1])]})
    assert response.status_code == 302
    confirm_url = response.url

    response = admin_client.get(confirm_url)
    assert response.status_code == 200
    reports = response.context["reports"]
    assert [r["name"] for r in reports] == [SEED_FILES[0].name, SEED_FILES[1].name]
    assert all(r["items"] for r in reports)
    assert any(r["people"] for r in reports)
    assert "全市商协会人民调解组织集中成立授牌" in response.text
    assert "成姣兰" in response.text
    # The dry run wrote nothing.
    assert not Article.objects.exists()
    assert not RawSource.objects.exists()
    assert not ImportRun.objects.exists()
    assert not Person.objects.exists()

    response = admin_client.post(confirm_url)
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:importers_importrun_change", args=[run.pk])
    assert run.origin == "admin"
    assert run.user.username == "admin"
    assert run.sources.count() == 2
    assert Article.objects.filter(source__run=run).count() == sum(len(r["items"]) for r in reports)
    assert not Article.objects.published().exists()

    response = admin_client.get(response.url)
    assert response.status_code == 200
    assert SEED_FILES[0].name in response.text
    response = admin_client.get(reverse("admin:articles_article_changelist") + f"?run={run.pk}")
    assert response.context["cl"].result_count == Article.objects.count()


def test_confirming_twice_is_an_expired_upload(admin_client):
    confirm_url = admin_client.post(UPLOAD, {"files": [seed_upload()]}).url
    admin_client.post(confirm_url)
    response = admin_client.post(confirm_url)
    assert response.status_code == 302
    assert response.url == UPLOAD
    assert ImportRun.objects.count() == 1


def test_upload_with_publish(admin_client):
    confirm_url = admin_client.post(UPLOAD, {"files": [seed_upload()], "publish": "on"}).url
    admin_client.post(confirm_url)
    assert Article.objects.published().exists()


def test_only_txt_files_are_accepted(admin_client):
    upload = SimpleUploadedFile("page.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = admin_client.post(UPLOAD, {"files": [upload]})
    assert response.status_code == 200
    assert "不是 .txt 文件" in response.text
    assert not ImportRun.objects.exists()


def test_oversized_files_are_refused(admin_client, settings):
    settings.NEWSROOM_MAX_PAGE_BYTES = 100
    response = admin_client.post(UPLOAD, {"files": [seed_upload()]})
    assert response.status_code == 200
    assert "太大" in response.text


def test_undecodable_file_is_reported_in_the_dry_run(admin_client):
    upload = SimpleUploadedFile("binary.txt", bytes(range(256)) * 20, content_type="text/plain")
    confirm_url = admin_client.post(UPLOAD, {"files": [upload]}).url
    response = admin_client.get(confirm_url)
    assert response.status_code == 200
    assert response.context["reports"][0]["error"]
    assert not response.context["can_import"]


def test_too_much_at_once_is_refused(admin_client, monkeypatch, settings):
    from importers import admin as importers_admin

    monkeypatch.setattr(importers_admin, "MAX_TOTAL_BYTES", 10)
    settings.NEWSROOM_MAX_PAGE_BYTES = max(path.stat().st_size for path in SEED_FILES[:2])
    response = admin_client.post(UPLOAD, {"files": [seed_upload(), seed_upload(SEED_FILES[1])]})
    assert response.status_code == 200
    assert "请分批上传" in response.text
