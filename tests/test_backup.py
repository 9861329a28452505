"""Backup and restore: ``export_content`` then ``import_content`` into an empty database loses nothing."""

import base64
import datetime
import io
import json
import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from articles.models import Article, Correction, Person, PersonAlias
from articles.workflow import publish_articles
from newsroom import backup
from tests import factories
from tests.conftest import PROJECT_DIR, SEED_FILES

pytestmark = pytest.mark.django_db
HOSTILE = PROJECT_DIR / "tests" / "importers" / "hostile"


def everything() -> dict:
    """Every content row, field by field, keyed by model."""
    user_model = get_user_model()
    rows = {}
    for model in backup.content_models():
        # Accounts are not content: a restore may give them other numbers, never other names.
        fields = [
            f"{f.name}__username" if f.is_relation and f.related_model is user_model else f.attname
            for f in model._meta.concrete_fields
        ]
        values = []
        for row in model._default_manager.order_by("pk").values_list(*fields):
            values.append(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
        rows[model._meta.label_lower] = values
    return rows


@pytest.fixture
def paper(django_user_model):
    """Imported pages (raw bytes in several encodings), then an editor's work on top."""
    chief = django_user_model.objects.create_user("chief", password="x", is_staff=True)
    call_command("import_pages", *map(str, SEED_FILES[:3]), stdout=io.StringIO())
    call_command(
        "import_pages", str(HOSTILE / "gb18030.txt"), str(HOSTILE / "script_injection.txt"), "--publish",
        stdout=io.StringIO(),
    )  # fmt: skip
    publish_articles(articles=Article.objects.filter(pk__in=Article.objects.values("pk")[:5]), by=chief)
    article = Article.objects.listed().first()  # one with a page of its own, not an ad
    article.headline = "编辑改过的标题"
    article.is_edited = True
    article.reviewed_by, article.reviewed_at = chief, timezone.now()
    article.save()
    article.tags.add("编辑加的标签")
    Correction.objects.create(article=article, text="本报1月22日2版……特此更正。", created_by=chief)
    PersonAlias.objects.create(person=Person.objects.first(), name="成炫兰")
    factories.ArticleFactory(scheduled=True, headline="定时发布的稿件")
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - datetime.timedelta(days=3))
    return article


def wipe():
    for model in reversed(backup.content_models()):
        model._default_manager.all().delete()


def test_export_then_import_into_an_empty_database_loses_nothing(paper, tmp_path, client):
    before = everything()
    assert all(before[label] for label in ("articles.article", "articles.byline", "importers.rawsource", "taggit.tag"))
    target = tmp_path / "content.json"

    call_command("export_content", str(target), stderr=io.StringIO())
    wipe()
    get_user_model().objects.all().delete()
    out = io.StringIO()
    call_command("import_content", str(target), stdout=out)

    assert everything() == before
    assert "auth.user (inactive, created) 1" in out.getvalue()
    chief = get_user_model().objects.get(username="chief")
    assert not chief.is_active and not chief.has_usable_password()
    # The site works on the restored data: addresses, search, and new rows get new keys.
    assert client.get(paper.get_absolute_url()).status_code == 200
    assert "/articles/" in client.get("/search/", {"q": "商会"}).content.decode()  # the index was rebuilt
    new = factories.ArticleFactory()
    assert new.pk > max(pk for pk, *_ in before["articles.article"])


def test_the_file_is_portable_json_with_raw_bytes_in_base64(paper, tmp_path):
    target = tmp_path / "content.json"
    call_command("export_content", str(target), stderr=io.StringIO())

    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "newsroom-content" and data["version"] == 1
    sources = [o for o in data["objects"] if o["model"] == "importers.rawsource"]
    gb = next(o for o in sources if o["fields"]["file_name"] == "gb18030.txt")
    assert base64.b64decode(gb["fields"]["raw"]) == (HOSTILE / "gb18030.txt").read_bytes()
    reviewed = next(o for o in data["objects"] if o["model"] == "articles.article" and o["fields"]["reviewed_by"])
    assert reviewed["fields"]["reviewed_by"] == ["chief"]  # accounts by name, not by number
    assert data["counts"]["articles.article"] == Article.objects.count()


def test_restore_refuses_a_database_with_content(paper, tmp_path):
    target = tmp_path / "content.json"
    call_command("export_content", str(target), stderr=io.StringIO())
    before = everything()

    with pytest.raises(CommandError, match="只能恢复到空数据库"):
        call_command("import_content", str(target), stdout=io.StringIO())
    assert everything() == before


def test_restore_of_a_damaged_file_writes_nothing(paper, tmp_path):
    target = tmp_path / "content.json"
    call_command("export_content", str(target), stderr=io.StringIO())
    data = json.loads(target.read_text(encoding="utf-8"))
    data["objects"] = [o for o in data["objects"] if o["model"] != "articles.byline"]  # cut short
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
    wipe()

    with pytest.raises(CommandError, match="备份文件不完整"):
        call_command("import_content", str(target), stdout=io.StringIO())
    with pytest.raises(CommandError, match="无法读取备份文件"):
        call_command("import_content", str(tmp_path / "junk.json"), stdout=io.StringIO())
    assert not Article.objects.exists() and not Person.objects.exists()


def test_restore_into_another_engine(paper, tmp_path):
    """The file from this database (PostgreSQL or SQLite) restores into a new SQLite database by manage.py."""
    target = tmp_path / "content.json"
    call_command("export_content", str(target), stderr=io.StringIO())
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.sqlite3'}", "PYTHONPATH": str(PROJECT_DIR)}
    manage = [sys.executable, str(PROJECT_DIR / "manage.py")]

    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, timeout=300)
    restored = subprocess.run([*manage, "import_content", str(target)], env=env, capture_output=True, text=True)
    again = subprocess.run([*manage, "export_content", str(tmp_path / "again.json")], env=env, capture_output=True)

    assert restored.returncode == 0, restored.stderr
    assert again.returncode == 0
    first = json.loads(target.read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert second["counts"] == first["counts"]
    assert second["objects"] == first["objects"]
