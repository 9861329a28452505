"""Photos on articles: uploads decoded with Pillow, refused with a message and nothing stored, cleaned on save."""

import functools
import io
import os
import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from articles import photos
from articles.models import Photo, Role
from tests import factories

pytestmark = pytest.mark.django_db


def image_bytes(fmt="JPEG", size=(64, 48), color=(200, 30, 30), exif=None, mode="RGB") -> bytes:
    buffer = io.BytesIO()
    image = Image.new(mode, size, color)
    kwargs = {"exif": exif.tobytes()} if exif is not None else {}
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def gps_exif(orientation=None) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (27.0, 50.0, 0.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (113.0, 8.0, 0.0)
    return exif


@functools.cache
def bomb_png(width=20_000, height=20_000) -> bytes:
    """A valid PNG of width × height black pixels: some 50 kB that would decode to 400 million pixels."""
    deflate = zlib.compressobj(9)
    row = bytes(1 + (width + 7) // 8)  # filter byte, then 1 bit a pixel
    data = b"".join(deflate.compress(row) for _ in range(height)) + deflate.flush()

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def test_the_bomb_is_a_real_png():
    image = Image.open(io.BytesIO(bomb_png(200, 100)))
    image.load()
    assert (image.format, image.size) == ("PNG", (200, 100))


def stored_files() -> set[str]:
    """Every file in the local storage, by its path."""
    found = set()
    for root, _dirs, files in os.walk(default_storage.location):
        found |= {os.path.join(root, name) for name in files}
    return found


def upload(data: bytes, name: str, content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


# Decoding and cleaning ---------------------------------------------------------------------------


def test_a_jpeg_is_accepted_with_its_size():
    prepared = photos.prepare(upload(image_bytes("JPEG", (64, 48)), "a.jpg"))
    assert (prepared.format, prepared.width, prepared.height) == ("JPEG", 64, 48)
    assert prepared.content.name.endswith(".jpg")


@pytest.mark.parametrize("fmt,extension", [("PNG", ".png"), ("WEBP", ".webp")])
def test_png_and_webp_are_accepted(fmt, extension):
    prepared = photos.prepare(upload(image_bytes(fmt), "x" + extension))
    assert prepared.format == fmt
    assert prepared.content.name.endswith(extension)


def test_a_png_named_jpg_is_taken_for_what_it_is():
    """The name decides nothing: a PNG called .jpg is decoded, accepted and stored as a .png."""
    prepared = photos.prepare(upload(image_bytes("PNG"), "renamed.jpg"))
    assert prepared.format == "PNG"
    assert prepared.content.name.endswith(".png")
    assert Image.open(io.BytesIO(prepared.content.read())).format == "PNG"


@pytest.mark.parametrize(
    "data,name,message",
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
            "drawing.svg",
            "无法识别",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "disguised.jpg", "无法识别"),
        (image_bytes("JPEG", (400, 300))[:600], "truncated.jpg", "不完整"),
        (image_bytes("GIF"), "anim.gif", "JPEG、PNG 或 WebP"),
        (b"", "empty.jpg", "空"),
    ],
    ids=["svg", "svg-named-jpg", "truncated-jpeg", "gif", "empty"],
)
def test_what_is_not_a_whole_jpeg_png_or_webp_is_refused(data, name, message):
    with pytest.raises(ValidationError) as refused:
        photos.prepare(upload(data, name))
    assert message in " ".join(refused.value.messages)


def test_a_decompression_bomb_is_refused_before_decoding():
    data = bomb_png()
    assert len(data) < 1_000_000
    with pytest.raises(ValidationError) as refused:
        photos.prepare(upload(data, "bomb.png", "image/png"))
    [message] = refused.value.messages
    assert "20000×20000" in message and "像素" in message


def test_pixel_limit_below_pillows_own(settings):
    settings.NEWSROOM_PHOTO_MAX_PIXELS = 100 * 100
    with pytest.raises(ValidationError, match="像素"):
        photos.prepare(upload(image_bytes("PNG", (101, 100)), "big.png"))
    assert photos.prepare(upload(image_bytes("PNG", (100, 100)), "ok.png")).width == 100


def test_size_limit(settings):
    data = image_bytes("PNG", (64, 64))
    settings.NEWSROOM_PHOTO_MAX_BYTES = len(data) - 1
    with pytest.raises(ValidationError, match="太大"):
        photos.prepare(upload(data, "big.png"))


def test_gps_is_stripped_and_other_exif_kept():
    original = image_bytes("JPEG", exif=gps_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    prepared = photos.prepare(upload(original, "gps.jpg"))
    exif = Image.open(io.BytesIO(prepared.content.read())).getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert ExifTags.IFD.GPSInfo not in exif
    assert exif[ExifTags.Base.Make] == "Canon"


def test_exif_orientation_is_applied():
    # Stored 64 wide and 48 high, shown turned a quarter (orientation 6): the upload is 48 × 64 upright.
    prepared = photos.prepare(upload(image_bytes("JPEG", (64, 48), exif=gps_exif(orientation=6)), "turned.jpg"))
    assert (prepared.width, prepared.height) == (48, 64)
    image = Image.open(io.BytesIO(prepared.content.read()))
    assert image.size == (48, 64)
    assert image.getexif().get(ExifTags.Base.Orientation, 1) == 1


# The model --------------------------------------------------------------------------------------


def test_photo_saved_through_storage_with_credit_from_the_photographer():
    article = factories.ArticleFactory()
    factories.BylineFactory(article=article, person=factories.PersonFactory(name="杨凌凌"), role=Role.PHOTOGRAPHER)
    factories.BylineFactory(article=article, person=factories.PersonFactory(name="成姣兰"), role=Role.REPORTER)
    photo = photos.add_photo(article, upload(image_bytes(exif=gps_exif()), "p.jpg"), caption="喜迎八方宾客")
    photo.refresh_from_db()
    assert (photo.width, photo.height, photo.credit, photo.caption) == (64, 48, "杨凌凌", "喜迎八方宾客")
    assert default_storage.exists(photo.image.name)
    assert re.fullmatch(r"photos/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", photo.image.name)
    with default_storage.open(photo.image.name) as stored:
        assert not Image.open(stored).getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_deleting_a_photo_deletes_its_file(django_capture_on_commit_callbacks):
    photo = photos.add_photo(factories.ArticleFactory(), upload(image_bytes(), "p.jpg"))
    name = photo.image.name
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert not default_storage.exists(name)


# The admin ---------------------------------------------------------------------------------------


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


def change_form_data(client, article) -> dict:
    """The article's change form as an editor sends it back, with one empty photo row."""
    return {
        "kind": article.kind,
        "kicker": article.kicker,
        "headline": article.headline,
        "subheadline": "",
        "series": "",
        "dateline": article.dateline,
        "bylines_text": "",
        "body": article.body,
        "section": article.section_id or "",
        "tags": "",
        "page": "",
        "position": "1",
        "parent": "",
        "continued_from": "",
        "continued_to": "",
        "continues": "",
        "status": article.status,
        "published_at_0": "",
        "published_at_1": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
    }


def test_admin_uploads_several_photos_at_once(editor_client):
    article = factories.ArticleFactory()
    factories.BylineFactory(article=article, person=factories.PersonFactory(name="杨凌凌"), role=Role.PHOTOGRAPHER)
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = editor_client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert re.search(r'<input[^>]*type="file"[^>]*multiple', page)
    data = change_form_data(editor_client, article)
    data["photos-TOTAL_FORMS"] = 1
    data["photos-0-caption"] = "说明"
    data["photos-0-upload"] = [
        upload(image_bytes("JPEG"), "1.jpg"),
        upload(image_bytes("PNG", (30, 20)), "2.png"),
        upload(image_bytes("WEBP", (20, 30)), "3.webp"),
    ]
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    stored = list(Photo.objects.filter(article=article).order_by("order", "id"))
    assert [(p.width, p.height, p.order, p.credit, p.caption) for p in stored] == [
        (64, 48, 1, "杨凌凌", "说明"),
        (30, 20, 2, "杨凌凌", "说明"),
        (20, 30, 3, "杨凌凌", "说明"),
    ]
    assert [p.image.name.rsplit(".", 1)[1] for p in stored] == ["jpg", "png", "webp"]
    # The change form shows them again, with their captions editable.
    page = editor_client.get(url).content.decode()
    assert stored[0].image.url in page


@pytest.mark.parametrize(
    "data,name,message",
    [
        (None, "bomb.png", "像素"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "x.svg", "无法识别"),
        (image_bytes("JPEG", (400, 300))[:600], "cut.jpg", "不完整"),
    ],
    ids=["bomb", "svg", "truncated"],
)
def test_admin_refuses_a_bad_file_with_its_message_and_stores_nothing(editor_client, data, name, message):
    article = factories.ArticleFactory(headline="原标题")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data_ = change_form_data(editor_client, article)
    data_["headline"] = "改过的标题"
    data_["photos-TOTAL_FORMS"] = 1
    data = bomb_png() if data is None else data
    data_["photos-0-upload"] = [upload(image_bytes("JPEG"), "good.jpg"), upload(data, name)]
    before = stored_files()
    response = editor_client.post(url, data_)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert name in response.content.decode()
    assert not Photo.objects.exists()
    assert stored_files() == before
    article.refresh_from_db()
    assert article.headline == "原标题"


def test_an_article_form_sent_without_photo_rows_leaves_the_photos_alone(editor_client):
    article = factories.ArticleFactory(headline="原标题")
    photo = photos.add_photo(article, upload(image_bytes(), "p.jpg"), caption="留着")
    data = change_form_data(editor_client, article)
    del data["photos-TOTAL_FORMS"], data["photos-INITIAL_FORMS"]
    data["headline"] = "新标题"
    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "新标题"
    assert list(article.photos.values_list("pk", "caption")) == [(photo.pk, "留着")]


def test_the_demo_serves_uploaded_photos(client):
    from django.conf import settings

    assert settings.NEWSROOM_SERVE_MEDIA  # on with DEBUG, as in `make demo`; production leaves it to the proxy
    photo = photos.add_photo(factories.ArticleFactory(), upload(image_bytes("PNG"), "p.png"))
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (64, 48)


def test_admin_replaces_and_deletes_a_photo_with_its_files(editor_client, django_capture_on_commit_callbacks):
    from articles import renditions

    article = factories.ArticleFactory()
    first = photos.add_photo(article, upload(image_bytes("JPEG", (64, 48)), "a.jpg"), caption="一")
    second = photos.add_photo(article, upload(image_bytes("JPEG", (64, 48)), "b.jpg"), caption="二")
    old_names = {p.pk: [p.image.name, *renditions.names(p)] for p in (first, second)}
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(editor_client, article)
    data.update({"photos-TOTAL_FORMS": "2", "photos-INITIAL_FORMS": "2"})
    for n, photo in enumerate((first, second)):
        data.update(
            {f"photos-{n}-id": photo.pk, f"photos-{n}-article": article.pk, f"photos-{n}-caption": photo.caption}
        )
        data[f"photos-{n}-order"] = photo.order
    data["photos-0-upload"] = [upload(image_bytes("PNG", (30, 20)), "new.png")]
    data["photos-1-DELETE"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, data)
    assert response.status_code == 302
    [kept] = article.photos.all()
    assert (kept.pk, kept.caption, kept.width, kept.height) == (first.pk, "一", 30, 20)
    assert kept.image.name.endswith(".png") and default_storage.exists(kept.image.name)
    assert all(default_storage.exists(name) for name in renditions.names(kept))
    assert not any(default_storage.exists(name) for names in old_names.values() for name in names)


def test_replacing_takes_one_file(editor_client):
    article = factories.ArticleFactory()
    photo = photos.add_photo(article, upload(image_bytes(), "a.jpg"))
    data = change_form_data(editor_client, article)
    data.update({"photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "1", "photos-0-id": photo.pk})
    data.update({"photos-0-article": article.pk, "photos-0-order": 1})
    data["photos-0-upload"] = [upload(image_bytes(), "1.jpg"), upload(image_bytes(), "2.jpg")]
    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    assert "替换已有图片时只能选一张" in response.content.decode()


def test_photos_can_come_with_a_new_article(editor_client):
    section = factories.SectionFactory()
    photographer = factories.PersonFactory(name="杨如")
    data = change_form_data(editor_client, factories.ArticleFactory.build(section=section, headline="新稿件"))
    data.update({"bylines-TOTAL_FORMS": "1", "bylines-0-person": photographer.pk, "bylines-0-role": "photographer"})
    data["bylines-0-order"] = 0
    data["photos-0-upload"] = [upload(image_bytes(), "1.jpg"), upload(image_bytes("PNG"), "2.png")]
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    first, second = Photo.objects.order_by("order").values_list("article__headline", "credit", "order")
    assert (first, second) == (("新稿件", "杨如", 1), ("新稿件", "杨如", 2))


@pytest.mark.parametrize("group", ["记者", "编辑", "主编"])
def test_every_role_adds_photos_where_it_may_edit_the_article(client, django_user_model, group):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("staff", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    article = factories.ArticleFactory(draft=True)
    factories.BylineFactory(article=article, person=factories.PersonFactory(name="成姣兰", user=user))
    data = change_form_data(client, article)
    data["photos-0-upload"] = [upload(image_bytes(), "1.jpg")]
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    assert article.photos.count() == 1


def test_a_reporter_cannot_add_photos_to_an_article_that_is_not_theirs(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("reporter", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="记者"))
    factories.PersonFactory(name="成姣兰", user=user)
    client.force_login(user)
    article = factories.ArticleFactory(draft=True)
    data = change_form_data(client, article)
    data["photos-0-upload"] = [upload(image_bytes(), "1.jpg")]
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    # Not theirs: the admin does not even find it (sent back to the index), and nothing is stored.
    assert (response.status_code, response["Location"]) == (302, reverse("admin:index"))
    assert not Photo.objects.exists()
