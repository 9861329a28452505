"""``import_pages`` stores the page PDF or scan that comes beside a dump (same name) as the page's 版面图."""

import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ArticleArea, PageImage
from tests.articles.test_photos import image_bytes, stored_files
from tests.conftest import SEEDS_DIR
from tests.page_pdfs import page_from_dump

pytestmark = pytest.mark.django_db

SEED = SEEDS_DIR / "003_e722be8e290ff127.txt"


def import_pages(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_pages", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "2024-01-22_03.txt"
    shutil.copy(SEED, path)
    return path


def test_a_pdf_beside_the_dump_becomes_the_page_file_and_places_its_articles(dump):
    dump.with_suffix(".pdf").write_bytes(page_from_dump(SEED).pdf)

    out, _ = import_pages(dump)

    page_image = PageImage.objects.get()
    articles = Article.objects.filter(page=page_image.page)
    assert articles.count() == 12
    assert page_image.pdf and page_image.pdf_size == dump.with_suffix(".pdf").stat().st_size
    assert page_image.width == 1800 and page_image.height > page_image.width
    placed = ArticleArea.objects.filter(page_image=page_image).count()
    assert placed >= 10
    assert f"版面文件 2024-01-22_03.pdf 已保存,本版 {articles.count()} 篇稿件中 {placed} 篇已定位" in out

    # The same page and PDF again: nothing is stored anew.
    before = stored_files()
    out, _ = import_pages(dump)
    assert "版面文件 2024-01-22_03.pdf 与已有的相同,未变" in out
    assert stored_files() == before and PageImage.objects.get().pk == page_image.pk


def test_a_scan_beside_the_dump_is_the_page_image_without_a_pdf(dump):
    dump.with_suffix(".png").write_bytes(image_bytes("PNG", size=(900, 1260), color=(240, 240, 235)))

    out, _ = import_pages("--format", "json", dump)

    page_image = PageImage.objects.get()
    assert not page_image.pdf and page_image.width == 900
    report = json.loads(out)["files"][0]["page_file"]
    assert report == {
        "file": "2024-01-22_03.png",
        "unchanged": False,
        "stored": True,
        "articles": 12,
        "placed": 0,
        "has_text": False,
    }
    out, _ = import_pages(dump)  # a scan is stored again (its JPEG is made anew, not compared)
    assert "版面文件 2024-01-22_03.png 已保存(扫描图,没有文字位置:本版 12 篇稿件的区域请在后台“版面图”中画出)" in out


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("2024-01-22_03.pdf", b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF", "PDF 文件已损坏"),
        ("2024-01-22_03.jpg", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "版面文件只接受 PDF"),
    ],
)
def test_an_unreadable_page_file_fails_the_dump_with_nothing_written(dump, name, content, reason):
    (dump.parent / name).write_bytes(content)
    before = stored_files()

    with pytest.raises(CommandError, match="1 个文件导入失败"):
        import_pages(dump)

    assert not Article.objects.exists() and not PageImage.objects.exists()
    assert stored_files() == before


def test_the_failure_says_which_file_and_why(dump, capsys):
    dump.with_suffix(".pdf").write_bytes(b"%PDF-1.7 truncated")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_pages", str(dump), stdout=io.StringIO(), stderr=err)
    assert "失败:版面文件 2024-01-22_03.pdf 不能用:PDF 文件已损坏" in err.getvalue()
    assert "(本版未导入)" in err.getvalue()


def test_a_dry_run_checks_the_page_file_and_stores_nothing(dump):
    dump.with_suffix(".pdf").write_bytes(page_from_dump(SEED).pdf)
    before = stored_files()
    out, _ = import_pages("--dry-run", dump)
    assert "版面文件 2024-01-22_03.pdf 可用(试运行,未保存)" in out
    assert stored_files() == before and not PageImage.objects.exists()
