"""``import_pages`` attaches the images that come beside a page dump to its photo items, in print order."""

import io
import json
import shutil

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from articles import photos, renditions
from articles.models import Article, Photo
from importers import page_photos
from tests.articles.test_photos import image_bytes, stored_files
from tests.conftest import SEEDS_DIR

pytestmark = pytest.mark.django_db

# Page 1 of 2023-01-23: two photo news items (北大学子情暖留守儿童, 喜迎新年送春联) and a story printed with a
# photo (情暖社区联欢会, its caption a "> " line): three photos in print order.
SEED = SEEDS_DIR / "000_a19f70ba52195d0f.txt"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


def import_pages(*args) -> str:
    out = io.StringIO()
    call_command("import_pages", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def page_file(tmp_path, default_section):
    path = tmp_path / "page.txt"
    shutil.copy(SEED, path)
    return path


def slots():
    """(headline, order, width) of every photo slot of the page, in print order (None: no photo)."""
    page = Article.objects.get(headline="北大学子情暖留守儿童").page
    widths = dict(((p.article_id, p.order), p.width) for p in Photo.objects.all())
    return [(a.headline, n, widths.get((a.pk, n))) for a, n, _ in page_photos.photo_slots(page)]


def test_images_named_after_the_page_go_to_its_photo_items_in_print_order(page_file):
    (page_file.parent / "page-2.png").write_bytes(image_bytes("PNG", (30, 20)))
    (page_file.parent / "page-10.jpg").write_bytes(image_bytes("JPEG", (50, 40)))
    (page_file.parent / "page-1.jpg").write_bytes(image_bytes("JPEG", (64, 48)))
    (page_file.parent / "page-11.webp").write_bytes(image_bytes("WEBP", (20, 20)))
    (page_file.parent / "other-1.jpg").write_bytes(image_bytes("JPEG"))  # another page's
    output = import_pages(page_file)
    found = slots()
    assert sorted(h for h, _, _ in found) == sorted(["北大学子情暖留守儿童", "喜迎新年送春联", "情暖社区联欢会"])
    assert [width for _, _, width in found] == [64, 30, 50]  # page-1, page-2, page-10: by number, in print order
    assert Photo.objects.count() == 3
    photo = Article.objects.get(headline="北大学子情暖留守儿童").photos.get()
    assert photo.caption.startswith("1月22日，共青团株洲市委组织北大学子")  # readers' punctuation
    assert photo.credit == photos.photographer_credit(photo.article_id) and "易楚瞳" in photo.credit
    assert Article.objects.get(headline="情暖社区联欢会").photos.get().caption == "雷打石镇老街社区迎春联欢活动现场。"
    assert "图片 配上 3 张" in output
    assert "未能配上:page-11.webp(本版只有 3 处图片)" in output

    again = import_pages(page_file)
    assert "未变" in again and "已有 3 张" in again
    assert Photo.objects.count() == 3


def test_a_folder_of_the_same_name_and_refused_images_named_with_the_reason(page_file):
    folder = page_file.parent / "page"
    folder.mkdir()
    (folder / "01.svg").write_bytes(SVG)
    (folder / "02.jpg").write_bytes(image_bytes("JPEG", (64, 48))[:500])
    (folder / "10.webp").write_bytes(image_bytes("WEBP", (20, 30)))
    (folder / "9.jpg").write_bytes(image_bytes("JPEG", (40, 30)))  # 9 before 10
    (folder / ".DS_Store").write_bytes(b"junk")
    before = stored_files()
    output = json.loads(import_pages(page_file, "--format", "json"))
    report = output["files"][0]["photos"]
    assert [entry["image"] for entry in report["unplaced"]] == ["01.svg", "02.jpg", "10.webp"]
    reasons = [entry["reason"] for entry in report["unplaced"]]
    assert "无法识别" in reasons[0] and "不完整" in reasons[1]
    assert reasons[2:] == ["本版只有 3 处图片"]
    assert [entry["image"] for entry in report["attached"]] == ["9.jpg"]  # the third slot
    assert Photo.objects.count() == 1
    photo = Photo.objects.get()
    # Only the placed image and its renditions were stored; nothing of the refused ones.
    assert stored_files() - before == {default_storage.path(n) for n in [photo.image.name, *renditions.names(photo)]}


def test_slots_follow_images_one_for_one(page_file):
    """Image n goes to slot n whatever happened to the others: a refused image leaves its slot empty."""
    folder = page_file.parent / "page"
    folder.mkdir()
    (folder / "1.svg").write_bytes(SVG)
    (folder / "2.jpg").write_bytes(image_bytes("JPEG", (40, 30)))
    import_pages(page_file)
    assert [width for _, _, width in slots()] == [None, 40, None]


def test_a_dry_run_attaches_nothing(page_file):
    (page_file.parent / "page-1.jpg").write_bytes(image_bytes())
    output = import_pages(page_file, "--dry-run")
    assert "图片" not in output
    assert not Photo.objects.exists()


def test_images_beside_finds_nothing_for_a_page_without_any(tmp_path):
    path = tmp_path / "lonely.txt"
    path.write_text("x")
    (tmp_path / "lonely-a.jpg").write_bytes(b"")  # not numbered
    (tmp_path / "lonely2-1.jpg").write_bytes(b"")
    assert page_photos.images_beside(path) == []
    assert page_photos.attach_beside(path, None) is None


@pytest.mark.parametrize("options", [["--batch", "2"], ["--jobs", "2"]], ids=["batch", "jobs"])
def test_pages_written_in_a_batch_or_parsed_in_workers_get_their_images(tmp_path, default_section, options):
    for name, seed in (("a", SEED), ("b", SEEDS_DIR / "004_652d7e74cdf89847.txt")):
        shutil.copy(seed, tmp_path / f"{name}.txt")
        (tmp_path / f"{name}-1.jpg").write_bytes(image_bytes("JPEG", (64, 48)))
    output = import_pages(tmp_path, *options)
    assert output.count("图片 配上 1 张") == 2
    pages = {photo.article.page_id for photo in Photo.objects.select_related("article")}
    assert len(pages) == 2 and Photo.objects.count() == 2
