"""The printed page: a PDF or scan checked, stored and rendered, the page's articles placed on it, shown to readers."""

import datetime
import functools
import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles import page_files
from articles.models import Article, ArticleArea, PageImage
from articles.workflow import EDITOR_GROUP, REPORTER_GROUP
from tests import factories
from tests.articles.test_photos import bomb_png, image_bytes
from tests.page_pdfs import SEEDS, page_from_dump

pytestmark = pytest.mark.django_db


@functools.cache
def generated(n=0):
    return page_from_dump(SEEDS[n])


def printed_page_with_articles(n=0, *, status=Article.Status.PUBLISHED):
    """A page of the issue of 2024-01-23 holding the items of the generated seed page ``n`` as articles."""
    made = generated(n)
    issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 23))
    page = factories.PageFactory(issue=issue, number=n + 1, name=made.page_name)
    published_at = timezone.now() - datetime.timedelta(hours=1) if status == Article.Status.PUBLISHED else None
    articles = {}
    for position, item in enumerate(made.items, start=1):
        articles[item.text.key] = factories.ArticleFactory(
            page=page,
            position=position,
            kind=item.kind,
            kicker=item.text.kicker,
            headline=item.text.headline,
            subheadline=item.text.subheadline,
            dateline="",
            body=item.text.body,
            bylines_text=item.text.credits,
            status=status,
            published_at=published_at,
        )
    return page, articles


def pdf_upload(n=0, name="page.pdf"):
    return SimpleUploadedFile(name, generated(n).pdf, content_type="application/pdf")


def stored_files():
    found = []

    def walk(path):
        directories, files = default_storage.listdir(path)
        found.extend(f"{path}/{f}" for f in files)
        for directory in directories:
            walk(f"{path}/{directory}")

    for top in ("pages", "renditions/pages"):
        if default_storage.exists(top):
            walk(top)
    return found


# Upload and placement ---------------------------------------------------------------------------


def test_a_pdf_is_rendered_kept_and_every_article_placed_over_its_true_box(django_capture_on_commit_callbacks):
    page, articles = printed_page_with_articles(0)
    with django_capture_on_commit_callbacks(execute=True):
        report = page_files.attach(PageImage(page=page), page_files.prepare(pdf_upload()))
    page_image = PageImage.objects.get(page=page)
    assert page_image.pdf.read() == generated(0).pdf
    assert page_image.pdf_size == len(generated(0).pdf)
    with Image.open(page_image.image) as image:
        assert image.format == "JPEG"
        assert image.width == page_files.RENDER_WIDTH
        assert abs(image.height - page_files.RENDER_WIDTH * 1389 / 992) < 1.5  # pdfium rounds up
    assert (page_image.width, page_image.height) == image.size
    assert report.total == report.placed_count == len(articles) == len(generated(0).items) > 5
    assert report.message() == f"本版 {len(articles)} 篇稿件中 {len(articles)} 篇已定位。"
    made = generated(0)
    for item in made.items:
        area = ArticleArea.objects.get(page_image=page_image, article=articles[item.text.key])
        truth = item.box.scaled(made.width, made.height)
        found = type(truth)(area.x, area.y, area.x + area.width, area.y + area.height)
        assert found.overlap(truth) >= 0.8, item.text.headline
        assert area.placed_by == ArticleArea.PlacedBy.AUTO
        assert area.score > 0.5


def test_an_editors_area_is_kept_when_the_page_is_placed_again():
    page, articles = printed_page_with_articles(2)
    page_image = PageImage(page=page)
    page_files.attach(page_image, page_files.prepare(pdf_upload(2)))
    lead = articles[0]
    ArticleArea.objects.filter(article=lead).update(x=0.1, y=0.1, width=0.2, height=0.2, placed_by="editor")
    ArticleArea.objects.exclude(article=lead).update(x=0, y=0, width=0.01, height=0.01)
    report = page_files.place(page_image)  # reads the stored PDF again
    assert report.kept == [lead.headline]
    assert report.placed_count == len(articles)
    assert "其中 1 篇保留编辑画的区域" in report.message()
    kept = ArticleArea.objects.get(article=lead)
    assert (kept.x, kept.width, kept.placed_by) == (0.1, 0.2, "editor")
    assert all(a.width > 0.1 for a in ArticleArea.objects.exclude(article=lead))


def test_a_scan_is_kept_smaller_and_its_areas_are_left_to_the_editor():
    page, articles = printed_page_with_articles(1)
    scan = SimpleUploadedFile("scan.png", image_bytes("PNG", size=(2400, 3360)), content_type="image/png")
    report = page_files.attach(PageImage(page=page), page_files.prepare(scan))
    page_image = PageImage.objects.get(page=page)
    assert not page_image.pdf
    assert (page_image.width, page_image.height) == (1800, 2520)
    assert page_image.image.name.endswith(".jpg")
    assert not report.has_text and report.placed_count == 0
    assert report.message() == f"扫描图没有文字位置:本版 {len(articles)} 篇稿件的区域请在下方手工填写。"
    assert not ArticleArea.objects.exists()


def _pdf_pages(count):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for n in range(count):
        pdf.drawString(100, 700, f"page {n}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _encrypted_pdf():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt="secret")
    pdf.drawString(100, 700, "locked")
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("two.pdf", lambda: _pdf_pages(2), "这个 PDF 有 2 页:每版请上传只有一页的 PDF。"),
        ("cut.pdf", lambda: generated(0).pdf[: len(generated(0).pdf) // 3], "PDF 文件已损坏或有密码,无法读取。"),
        ("locked.pdf", _encrypted_pdf, "PDF 文件已损坏或有密码,无法读取。"),
        ("logo.pdf", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"/>', "无法识别的文件"),
        ("bomb.png", bomb_png, "超过上限"),
        ("empty.pdf", lambda: b"", "文件是空的。"),
        ("narrow.pdf", lambda: b"", None),
    ],
    ids=["two pages", "truncated", "encrypted", "svg", "bomb", "empty", "shape"],
)
def test_refused_uploads_say_why_and_store_nothing(name, data, message, client, django_user_model):
    page, _ = printed_page_with_articles(3)
    before = stored_files()
    if message is None:  # a page 50 times taller than wide
        from reportlab.pdfgen import canvas

        buffer = io.BytesIO()
        narrow = canvas.Canvas(buffer, pagesize=(20, 1000))
        narrow.drawString(1, 500, "x")
        narrow.save()
        data, message = (lambda: buffer.getvalue()), "PDF 的页面尺寸不像报纸版面(20×1000 点)。"
    with pytest.raises(ValidationError) as refused:
        page_files.prepare(SimpleUploadedFile(name, data()))
    assert message in " ".join(refused.value.messages)
    editor = django_user_model.objects.create_user("desk", password=None, is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_pageimage_add"),
        {"page": page.pk, "upload": SimpleUploadedFile(name, data()), **_no_areas()},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (name in html and message in html) if data() else "errorlist" in html
    assert not PageImage.objects.exists()
    assert stored_files() == before


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings):
    settings.NEWSROOM_PAGE_FILE_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="文件太大"):
        page_files.prepare(pdf_upload())


def test_deleting_or_replacing_the_printed_page_deletes_its_files(django_capture_on_commit_callbacks):
    page, _ = printed_page_with_articles(4)
    page_image = PageImage(page=page)
    before = set(stored_files())
    with django_capture_on_commit_callbacks(execute=True):
        page_files.attach(page_image, page_files.prepare(pdf_upload(4)))
    first = set(stored_files()) - before
    assert sorted(name.rsplit(".", 1)[1] for name in first) == ["jpg", "jpg", "pdf"]  # and the phones' image
    with django_capture_on_commit_callbacks(execute=True):
        page_files.attach(page_image, page_files.prepare(pdf_upload(4)))
    second = set(stored_files()) - before
    assert len(second) == 3 and not first & second
    with django_capture_on_commit_callbacks(execute=True):
        page_image.delete()
    assert set(stored_files()) == before


# The admin --------------------------------------------------------------------------------------


def _no_areas():
    return {
        "areas-TOTAL_FORMS": "0",
        "areas-INITIAL_FORMS": "0",
        "areas-MIN_NUM_FORMS": "0",
        "areas-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("desk", password=None, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(user)
    return user


def test_an_editor_uploads_the_pdf_and_is_told_how_many_articles_were_placed(client, editor):
    page, articles = printed_page_with_articles(1)
    response = client.post(
        reverse("admin:articles_pageimage_add"), {"page": page.pk, "upload": pdf_upload(1), **_no_areas()}, follow=True
    )
    assert response.status_code == 200
    assert f"本版 {len(articles)} 篇稿件中 {len(articles)} 篇已定位。" in response.content.decode()
    page_image = PageImage.objects.get(page=page)
    assert page_image.areas.count() == len(articles)
    listing = client.get(reverse("admin:articles_pageimage_changelist"))
    assert f"{len(articles)}/{len(articles)}" in listing.content.decode()
    change = client.get(reverse("admin:articles_pageimage_change", args=[page_image.pk]))
    assert change.status_code == 200
    assert articles[0].headline in change.content.decode()  # the preview names each area


def test_an_area_corrected_in_the_admin_is_the_editors(client, editor):
    page, articles = printed_page_with_articles(2)
    page_image = PageImage(page=page)
    page_files.attach(page_image, page_files.prepare(pdf_upload(2)))
    areas = list(page_image.areas.order_by("pk"))
    data = {
        "page": page.pk,
        "areas-TOTAL_FORMS": str(len(areas)),
        "areas-INITIAL_FORMS": str(len(areas)),
        "areas-MIN_NUM_FORMS": "0",
        "areas-MAX_NUM_FORMS": "1000",
    }
    for n, area in enumerate(areas):
        data.update(
            {
                f"areas-{n}-id": area.pk,
                f"areas-{n}-page_image": page_image.pk,
                f"areas-{n}-article": area.article_id,
                f"areas-{n}-x": area.x,
                f"areas-{n}-y": area.y,
                f"areas-{n}-width": area.width,
                f"areas-{n}-height": area.height,
            }
        )
    data["areas-0-x"], data["areas-0-width"] = "0.05", "0.5"
    response = client.post(reverse("admin:articles_pageimage_change", args=[page_image.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    changed = ArticleArea.objects.get(pk=areas[0].pk)
    assert (changed.x, changed.width, changed.placed_by) == (0.05, 0.5, "editor")
    assert set(ArticleArea.objects.exclude(pk=areas[0].pk).values_list("placed_by", flat=True)) == {"auto"}
    data["areas-0-width"] = "0.99"
    response = client.post(reverse("admin:articles_pageimage_change", args=[page_image.pk]), data)
    assert "区域须在版面之内" in response.content.decode()


def test_a_reporter_cannot_reach_the_printed_pages(client, django_user_model):
    reporter = django_user_model.objects.create_user("rep", password=None, is_staff=True)
    reporter.groups.add(Group.objects.get(name=REPORTER_GROUP))
    client.force_login(reporter)
    assert client.get(reverse("admin:articles_pageimage_changelist")).status_code == 403
    assert client.get(reverse("admin:articles_pageimage_add")).status_code == 403


# Readers ----------------------------------------------------------------------------------------


def test_the_epaper_page_shows_the_image_its_areas_and_the_pdf(client):
    page, articles = printed_page_with_articles(4)
    page_files.attach(PageImage(page=page), page_files.prepare(pdf_upload(4)))
    html = client.get(page.get_absolute_url()).content.decode()
    page_image = PageImage.objects.get(page=page)
    assert f'src="{page_image.image.url}"' in html
    assert f'width="{page_image.width}" height="{page_image.height}"' in html
    assert f"{page_image.image_w900.url} 900w" in html
    assert f'href="{page_image.pdf.url}"' in html and "下载本版 PDF" in html
    for article in articles.values():
        link = f'<a class="print-area" href="{article.get_absolute_url()}"'
        if article.is_editorial:
            assert link in html, article.headline
            area = article.areas.get()
            assert f"left:{area.x * 100:.3f}%" in html
        else:  # the ad on this page is printed, labelled, and links nowhere
            assert link not in html


def test_draft_articles_get_no_area_on_the_public_page(client):
    page, articles = printed_page_with_articles(3)
    page_files.attach(PageImage(page=page), page_files.prepare(pdf_upload(3)))
    hidden = articles[1]
    Article.objects.filter(pk=hidden.pk).update(status=Article.Status.DRAFT)
    html = client.get(page.get_absolute_url()).content.decode()
    assert hidden.headline not in html
    assert html.count('class="print-area"') == ArticleArea.objects.count() - 2  # the draft and the notice


def test_the_epaper_page_reads_its_printed_page_in_two_queries(client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page, _ = printed_page_with_articles(0)
    with CaptureQueriesContext(connection) as without:
        client.get(page.get_absolute_url())
    page_files.attach(PageImage(page=page), page_files.prepare(pdf_upload(0)))
    with django_assert_num_queries(len(without) + 1):
        assert client.get(page.get_absolute_url()).status_code == 200


def test_an_area_changed_in_the_list_of_areas_is_the_editors_too(client, editor):
    page, articles = printed_page_with_articles(2)
    page_image = PageImage(page=page)
    page_files.attach(page_image, page_files.prepare(pdf_upload(2)))
    area = page_image.areas.order_by("pk").first()
    url = reverse("admin:articles_articlearea_change", args=[area.pk])
    assert client.get(reverse("admin:articles_articlearea_changelist")).status_code == 200
    response = client.post(url, {"x": "0.1", "y": "0.2", "width": "0.3", "height": "0.4"})
    assert response.status_code == 302
    area.refresh_from_db()
    assert (area.x, area.y, area.width, area.height, area.placed_by) == (0.1, 0.2, 0.3, 0.4, "editor")
