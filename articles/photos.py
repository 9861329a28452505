"""Photos: an upload is decoded with Pillow (never judged by its name), checked, and cleaned before it is stored.

``prepare()`` accepts JPEG, PNG and WebP only, within ``NEWSROOM_PHOTO_MAX_BYTES`` and
``NEWSROOM_PHOTO_MAX_PIXELS``; the pixel limit is checked on the header, before anything is
decoded, so a decompression bomb (20,000 × 20,000 pixels in a few kilobytes) costs nothing. The
whole image is then decoded (a truncated file is refused), turned upright as its EXIF orientation
says, and encoded again without location data (the EXIF GPS directory, XMP). Nothing is written to
storage until a ``Photo`` is saved with the result.
"""

import dataclasses
import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import ExifTags, Image, ImageOps, JpegImagePlugin, PngImagePlugin, UnidentifiedImageError, WebPImagePlugin

# Pillow's format name -> the extension stored.
ACCEPTED = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
_PLUGINS = {
    "JPEG": (JpegImagePlugin.JpegImageFile, JpegImagePlugin._accept),
    "PNG": (PngImagePlugin.PngImageFile, PngImagePlugin._accept),
    "WEBP": (WebPImagePlugin.WebPImageFile, WebPImagePlugin._accept),
}
JPEG_QUALITY = 90
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"


def max_bytes() -> int:
    return settings.NEWSROOM_PHOTO_MAX_BYTES


def max_pixels() -> int:
    return settings.NEWSROOM_PHOTO_MAX_PIXELS


@dataclasses.dataclass
class Prepared:
    """A checked, cleaned image ready to be saved in an ImageField (``content.name`` is a fresh name)."""

    content: ContentFile
    format: str
    width: int
    height: int


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _open_header(data: bytes) -> Image.Image:
    """The image's header only (nothing decoded yet), if it is a JPEG, PNG or WebP; else a ValidationError.

    The accepted formats' readers are called directly: ``Image.open`` would refuse a bomb itself,
    without saying how large it claims to be.
    """
    prefix = data[:16]
    for factory, accept in _PLUGINS.values():
        if accept(prefix) is True:
            try:
                return factory(io.BytesIO(data))
            except (OSError, SyntaxError, ValueError, EOFError, IndexError) as error:
                raise ValidationError("图片文件不完整或已损坏,无法读取。", code="broken") from error
    try:
        with Image.open(io.BytesIO(data)) as other:
            found = other.format
    except Image.DecompressionBombError:
        found = None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            "无法识别的文件:不是图片,或不是 JPEG、PNG 或 WebP 格式(SVG 等不接受)。", code="unknown"
        ) from None
    raise ValidationError(
        f"不接受 {found or '这种'} 格式的图片:只接受 JPEG、PNG 或 WebP 图片。",
        code="format",
    )


def read_upload(upload, limit: int, too_big) -> bytes:
    """An upload's bytes, read no further than ``limit`` + 1; refused when larger (``too_big(size)`` words
    the message; size is None when the upload did not say it) or empty."""
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise ValidationError(too_big(size), code="size")
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(too_big(None), code="size")
    if not data:
        raise ValidationError("文件是空的。", code="empty")
    return data


def prepare(upload) -> Prepared:
    """Check and clean an uploaded file (any Django ``File``); a ValidationError with a Chinese message if refused."""
    limit = max_bytes()
    data = read_upload(
        upload,
        limit,
        lambda size: f"图片太大{f'({_megabytes(size)})' if size else ''}:不能超过 {_megabytes(limit)}。",
    )
    image = _open_header(data)
    width, height = image.size
    if width * height > max_pixels():
        raise ValidationError(
            f"图片有 {width}×{height} 像素,超过上限 {max_pixels() // 1_000_000} 百万像素;请缩小后再上传。",
            code="pixels",
        )
    fmt = image.format
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as error:
        raise ValidationError("图片文件不完整或已损坏,无法读取。", code="broken") from error
    return _clean(image, fmt)


def _clean(image: Image.Image, fmt: str) -> Prepared:
    icc_profile = image.info.get("icc_profile")
    upright = ImageOps.exif_transpose(image)  # orientation applied, and removed from the EXIF
    exif = upright.getexif()
    exif.pop(ExifTags.IFD.GPSInfo, None)
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment"):
        upright.info.pop(key, None)
    options = {"exif": exif.tobytes()} if len(exif) else {}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if fmt == "JPEG":
        if upright.mode not in {"L", "RGB", "CMYK"}:
            upright = upright.convert("RGB")
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif fmt == "WEBP":
        options.update(quality=JPEG_QUALITY)
    buffer = io.BytesIO()
    upright.save(buffer, fmt, **options)
    name = f"{uuid.uuid4().hex}.{ACCEPTED[fmt]}"
    return Prepared(ContentFile(buffer.getvalue(), name=name), fmt, upright.width, upright.height)


def upload_to(instance, filename: str) -> str:
    """``photos/2024/01/<random>.jpg``: by the month it was stored, under the name ``prepare()`` chose."""
    return f"photos/{timezone.localdate():%Y/%m}/{filename}"


def content_type(name: str) -> str:
    """``image/jpeg`` for a stored photo's name (``prepare()`` chose its extension from what Pillow read)."""
    return CONTENT_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


def photographer_credit(article_id) -> str:
    """``杨凌凌、王海艳``: the article's photographers (摄影 bylines), in byline order."""
    from .models import Byline, Role

    names = Byline.objects.filter(article_id=article_id, role=Role.PHOTOGRAPHER).order_by("order", "id")
    return "、".join(names.values_list("person__name", flat=True))


def add_photo(article, upload, *, caption: str = "", credit: str = "", order: int | None = None):
    """Check, clean and store ``upload`` as a photo of ``article``; a ValidationError and nothing stored if refused."""
    from django.db.models import Max

    from .models import Photo

    prepared = prepare(upload)
    if order is None:
        order = (article.photos.aggregate(last=Max("order"))["last"] or 0) + 1
    return Photo.objects.create(
        article=article,
        image=prepared.content,
        width=prepared.width,
        height=prepared.height,
        caption=caption,
        credit=credit,
        order=order,
    )


def api_fields(request, article) -> dict:
    """``image`` (the address other sites use, or None) and ``photos`` with every rendition, for the API."""
    from . import renditions

    absolute = request.build_absolute_uri
    given = [
        {
            "url": absolute(photo.image.url),
            "width": photo.width,
            "height": photo.height,
            "caption": photo.caption,
            "credit": photo.credit,
            "renditions": {
                size: {
                    "url": absolute(renditions.url(photo, size)),
                    "webp": absolute(renditions.url(photo, size, "webp")),
                    "width": renditions.dimensions(photo, size)[0],
                    "height": renditions.dimensions(photo, size)[1],
                }
                for size in renditions.SIZES
            },
        }
        for photo in article.photos.all()
    ]
    return {"image": given[0]["renditions"]["w1600"]["url"] if given else None, "photos": given}


# Signals ------------------------------------------------------------------------------------------


def _photo_deleted(sender, instance, using, **kwargs):
    from . import renditions

    names = [instance.image.name, *renditions.names(instance)]
    storage = instance.image.storage

    def delete_files():
        for name in names:
            if name:
                storage.delete(name)

    transaction.on_commit(delete_files, using=using)


def _photo_replacing(sender, instance, raw, using, **kwargs):
    """A photo given a new file: its old file and renditions go once the change is committed."""
    from . import renditions

    if raw or instance.pk is None or getattr(instance.image, "_committed", True):
        return
    old = sender.objects.using(using).filter(pk=instance.pk).values_list("image", flat=True).first()
    if not old:
        return
    names = [old, *renditions.names(sender(image=old))]
    storage = instance.image.storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names], using=using)


def connect() -> None:
    from django.db.models.signals import post_delete, pre_save

    from .models import Photo

    pre_save.connect(_photo_replacing, sender=Photo, dispatch_uid="photos.replacing")
    post_delete.connect(_photo_deleted, sender=Photo, dispatch_uid="photos.deleted")
