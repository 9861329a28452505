"""The printed page on the e-paper: an upload checked, a PDF rendered to an image, the page's articles placed on it.

``prepare()`` takes the page's PDF or a scan. A PDF (found by its ``%PDF-`` header, never by its name)
must open with pypdfium2 and have exactly one page; that page is rendered ``RENDER_WIDTH`` pixels wide
to the JPEG readers see, and its text positions are read with pdfplumber
(``importers.parsing.page_areas``). A scan is checked and cleaned like a photo (``articles.photos``:
JPEG, PNG or WebP, size and pixel limits) and brought down to the same width; it has no text to read,
so its areas are drawn by an editor. Anything else, a damaged or encrypted PDF, or one of several
pages, is refused with a Chinese message and nothing is stored.

``attach()`` stores the files (through Django's storage API) and places the page's articles
(``ArticleArea``): areas an editor drew or corrected are kept, the automatic ones made again. The report
says how many of the page's articles were placed.
"""

from __future__ import annotations

import dataclasses
import io
import math
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from . import page_fonts, photos

PDF_HEADER = b"%PDF-"
RENDER_WIDTH = 1800
JPEG_QUALITY = 85
ACCEPT_ATTRIBUTE = f"application/pdf,{photos.ACCEPT_ATTRIBUTE}"

if TYPE_CHECKING:
    from importers.parsing.page_areas import ArticleText, PageLayout


def max_bytes() -> int:
    return settings.NEWSROOM_PAGE_FILE_MAX_BYTES


@dataclasses.dataclass
class Prepared:
    """A checked upload: the image readers see, the PDF (None for a scan) and its text positions."""

    image: ContentFile
    width: int
    height: int
    pdf: ContentFile | None = None
    layout: PageLayout | None = None
    font_warning: str = ""  # the page's Chinese will be drawn as boxes here (articles.page_fonts)


@dataclasses.dataclass
class Report:
    total: int  # the page's articles
    placed: list[str] = dataclasses.field(default_factory=list)  # headlines placed automatically
    kept: list[str] = dataclasses.field(default_factory=list)  # headlines whose editor's area was kept
    unplaced: list[str] = dataclasses.field(default_factory=list)
    has_text: bool = True  # False for a scan: nothing to place by
    font_warning: str = ""  # the image shows boxes for Chinese (articles.page_fonts)

    @property
    def placed_count(self) -> int:
        return len(self.placed) + len(self.kept)

    def message(self) -> str:
        if not self.has_text:
            return f"扫描图没有文字位置:本版 {self.total} 篇稿件的区域请在下方手工填写。"
        text = f"本版 {self.total} 篇稿件中 {self.placed_count} 篇已定位"
        if self.kept:
            text += f"(其中 {len(self.kept)} 篇保留编辑画的区域)"
        if self.unplaced:
            text += ";未定位:" + "、".join(self.unplaced[:10]) + ("等" if len(self.unplaced) > 10 else "")
        return text + "。" + self.font_warning


def prepare(upload) -> Prepared:
    """Check an uploaded page file (any Django ``File``); a ValidationError with a Chinese message if refused."""
    limit = max_bytes()
    data = photos.read_upload(upload, limit, lambda size: f"文件太大:不能超过 {limit // 1024 // 1024} MB。")
    if data.lstrip()[: len(PDF_HEADER)] == PDF_HEADER:
        return _from_pdf(data)
    try:
        scan = photos.prepare(upload)
    except ValidationError as error:
        raise ValidationError(
            [f"{message}(版面文件只接受 PDF 或 JPEG、PNG、WebP 扫描图。)" for message in error.messages]
        ) from error
    with Image.open(scan.content) as image:
        return _as_jpeg(image)


def _from_pdf(data: bytes) -> Prepared:
    import pypdfium2

    from importers.parsing import page_areas

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise ValidationError("PDF 文件已损坏或有密码,无法读取。", code="broken") from error
    try:
        if len(document) != 1:
            raise ValidationError(f"这个 PDF 有 {len(document)} 页:每版请上传只有一页的 PDF。", code="pages")
        page = document[0]
        width, height = page.get_size()
        if not (width > 0 and height > 0 and 0.2 < height / width < 5):
            raise ValidationError(f"PDF 的页面尺寸不像报纸版面({width:.0f}×{height:.0f} 点)。", code="shape")
        bitmap = page.render(scale=RENDER_WIDTH / width)
        rendered = _as_jpeg(bitmap.to_pil())
        rendered.font_warning = page_fonts.boxes_warning(page)
    except pypdfium2.PdfiumError as error:
        raise ValidationError("PDF 文件已损坏,无法显示。", code="broken") from error
    finally:
        document.close()
    try:
        rendered.layout = page_areas.read_pdf(data)
    except Exception as error:  # pdfminer raises its own errors on damaged files, of many kinds
        raise ValidationError("PDF 文件已损坏,读不出文字位置。", code="broken") from error
    rendered.pdf = ContentFile(data, name=f"{uuid.uuid4().hex}.pdf")
    return rendered


def _as_jpeg(image: Image.Image) -> Prepared:
    """The image readers see: at most ``RENDER_WIDTH`` wide, a JPEG."""
    if image.width > RENDER_WIDTH:
        image = image.resize((RENDER_WIDTH, round(image.height * RENDER_WIDTH / image.width)), Image.LANCZOS)
    if image.mode != "RGB":
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return Prepared(ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.jpg"), image.width, image.height)


def upload_to(instance, filename: str) -> str:
    """``pages/2024/01/<random>.pdf``: by the month it was stored, under the name ``prepare()`` chose."""
    return f"pages/{timezone.localdate():%Y/%m}/{filename}"


def article_texts(articles) -> list[ArticleText]:
    from importers.parsing.page_areas import ArticleText

    return [
        ArticleText(a.pk, a.headline, a.kicker, a.subheadline, a.body, credits=f"{a.bylines_text}\n{a.dateline}")
        for a in articles
    ]


@transaction.atomic
def attach(page_image, prepared: Prepared) -> Report:
    """Store ``prepared`` as the files of ``page_image`` (a ``PageImage``, new or not) and place its page's articles.

    The files it had are deleted once this is committed.
    """
    old_names = _file_names(page_image)
    page_image.image = prepared.image
    page_image.pdf = prepared.pdf or ""
    page_image.pdf_size = prepared.pdf.size if prepared.pdf else 0
    page_image.save()
    _delete_on_commit(page_image.image.storage, old_names)
    report = place(page_image, prepared.layout)
    report.font_warning = prepared.font_warning
    return report


def place(page_image, layout: PageLayout | None = None) -> Report:
    """Place the page's articles on its image anew (the PDF is read again when no ``layout`` is given).

    Areas an editor drew are kept; the automatic ones are made again from the text positions.
    """
    from importers.parsing import page_areas

    from .models import Article, ArticleArea

    if layout is None and page_image.pdf:
        with page_image.pdf.open("rb") as pdf:
            layout = page_areas.read_pdf(pdf.read())
    articles = list(Article.objects.filter(page_id=page_image.page_id).order_by("position", "pk"))
    report = Report(total=len(articles), has_text=layout is not None)
    areas = ArticleArea.objects.filter(page_image=page_image)
    by_editor = set(areas.filter(placed_by=ArticleArea.PlacedBy.EDITOR).values_list("article_id", flat=True))
    areas.exclude(article_id__in=by_editor).delete()
    found = {}
    if layout is not None:
        page = page_image.page
        found = page_areas.place_articles(layout, article_texts(articles), furniture=[page.name, page.label])
    new = []
    for article in articles:
        if article.pk in by_editor:
            report.kept.append(article.headline)
        elif article.pk in found:
            placement = found[article.pk]
            box = placement.box
            x, y = round(box.x0, 4), round(box.top, 4)  # 0.1 mm on a broadsheet: what an editor reads and types
            new.append(
                ArticleArea(
                    page_image=page_image,
                    article=article,
                    x=x,
                    y=y,
                    width=max(math.floor((box.x1 - x) * 10_000) / 10_000, 0.001),  # never past the page's edge
                    height=max(math.floor((box.bottom - y) * 10_000) / 10_000, 0.001),
                    score=placement.score,
                )
            )
            report.placed.append(article.headline)
        else:
            report.unplaced.append(article.headline)
    ArticleArea.objects.bulk_create(new)
    return report


@dataclasses.dataclass
class PrintedPage:
    """What the e-paper page shows of its printed page: the image and PDF, and the areas that link somewhere."""

    page_image: object
    areas: list

    @property
    def srcset(self) -> str:
        image = self.page_image
        if image.width <= 900:
            return ""
        return f"{image.image_w900.url} 900w, {image.image.url} {image.width}w"


def printed_page(page, articles) -> PrintedPage | None:
    """``page``'s printed page, with an area for each of ``articles`` (those readers may open) it has; two queries."""
    from .models import PageImage

    page_image = PageImage.objects.filter(page=page).first()
    if page_image is None:
        return None
    linked = {article.pk: article for article in articles}
    areas = []
    for area in page_image.areas.order_by("y", "x", "pk"):
        if area.article_id in linked:
            area.article = linked[area.article_id]
            areas.append(area)
    return PrintedPage(page_image, areas)


def _delete_on_commit(storage, names) -> None:
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


def _file_names(page_image) -> list[str]:
    """The page's PDF, its image and the image's rendition (whether made yet or not)."""
    names = [f.name for f in (page_image.image, page_image.pdf) if f]
    return [*names, page_image.image_w900.name] if page_image.image else names


def _page_image_deleted(sender, instance, using, **kwargs):
    names = _file_names(instance)
    storage = instance.image.storage
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names], using=using)


def connect() -> None:
    from django.db.models.signals import post_delete

    from .models import PageImage

    post_delete.connect(_page_image_deleted, sender=PageImage, dispatch_uid="page_files.deleted")
