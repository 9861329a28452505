"""Files in S3-compatible object storage (django-storages), against a local S3 server the tests start (moto's).

The same code paths as on disk: a photo and its renditions, a printed page's PDF and image, their
addresses in readers' pages and feeds, deletion; and a second storage object, as another web node
would have, reads what the first wrote.
"""

import json
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from articles import page_files, photos, renditions
from articles.models import PageImage
from tests.articles.public_data import story
from tests.articles.test_page_files import pdf_upload, printed_page_with_articles
from tests.articles.test_photos import image_bytes

pytestmark = pytest.mark.django_db

BUCKET = "newsroom-test"


@pytest.fixture(scope="module")
def s3_server():
    threaded = pytest.importorskip(
        "moto.moto_server.threaded_moto_server",
        reason="moto[server] is not installed: pip install -r requirements-dev.txt",
    )
    pytest.importorskip("storages.backends.s3", reason="django-storages is not installed")
    server = threaded.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, settings):
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    # Readers' files are public, as the README asks of a production bucket.
    public = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}
        ],
    }
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public))
    options = {
        "bucket_name": BUCKET,
        "endpoint_url": s3_server,
        "region_name": "us-east-1",
        "access_key": "testing",
        "secret_key": "testing",
        "querystring_auth": False,
        "default_acl": None,
        "file_overwrite": False,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    yield client, options
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in listed:
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client, prefix=""):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])}


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def test_the_storage_is_s3(s3):
    from storages.backends.s3 import S3Storage

    default_storage.exists("anything")  # sets the lazy storage up
    assert isinstance(default_storage._wrapped, S3Storage)


def test_a_photo_and_its_renditions_go_to_the_bucket_and_readers_get_them_from_it(
    s3, client, django_capture_on_commit_callbacks
):
    from storages.backends.s3 import S3Storage

    s3_client, options = s3
    article = story(headline="对象存储里的图片")
    photo = photos.add_photo(article, SimpleUploadedFile("a.jpg", image_bytes(size=(1200, 800))), caption="图片说明")
    assert photo.image.name in keys(s3_client, "photos/")
    made = keys(s3_client, "renditions/")
    assert {name for name in renditions.names(photo)} <= made  # every size, JPEG and WebP, made on save
    assert photo.size == s3_client.head_object(Bucket=BUCKET, Key=photo.image.name)["ContentLength"]
    # The page points readers at the store, and the address works.
    html = client.get(article.get_absolute_url()).content.decode()
    src = renditions.url(photo, "w960")
    assert src.startswith(options["endpoint_url"]) and f'src="{src}"' in html
    assert fetch(src)[:3] == b"\xff\xd8\xff"
    # Another web node (its own storage object) reads the same file.
    other_node = S3Storage(**options)
    with other_node.open(photo.image.name, "rb") as stored:
        assert stored.read() == fetch(photo.image.url)
    enclosure = ET.fromstring(client.get("/feeds/latest/").content).find("channel/item/enclosure")
    assert enclosure.attrib == {"url": photo.image.url, "length": str(photo.size), "type": "image/jpeg"}
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert keys(s3_client) == set()


def test_a_printed_page_is_stored_read_back_and_placed_from_the_bucket(s3, client, django_capture_on_commit_callbacks):
    s3_client, options = s3
    page, articles = printed_page_with_articles(2)
    page_image = PageImage(page=page)
    with django_capture_on_commit_callbacks(execute=True):
        report = page_files.attach(page_image, page_files.prepare(pdf_upload(2)))
    assert report.placed_count == len(articles)
    assert keys(s3_client, "pages/") == {page_image.pdf.name, page_image.image.name}
    assert keys(s3_client, "renditions/pages/")  # the 900 px image for phones
    assert fetch(page_image.pdf.url) == pdf_upload(2).read()
    html = client.get(page.get_absolute_url()).content.decode()
    assert f'src="{page_image.image.url}"' in html and page_image.image.url.startswith(options["endpoint_url"])
    assert f'href="{page_image.pdf.url}"' in html
    page_image.areas.all().delete()
    assert page_files.place(page_image).placed_count == len(articles)  # the PDF read again from the bucket
    with django_capture_on_commit_callbacks(execute=True):
        page_image.delete()
    assert keys(s3_client) == set()  # the PDF, the image and its rendition


@pytest.mark.parametrize(
    ("env", "origin"),
    [
        ({"NEWSROOM_S3_ENDPOINT_URL": "http://127.0.0.1:9000/"}, "http://127.0.0.1:9000"),
        ({"NEWSROOM_S3_CUSTOM_DOMAIN": "img.example.com/newsroom"}, "https://img.example.com"),
        ({}, "https://*.amazonaws.com"),
    ],
)
def test_readers_browsers_may_load_images_from_the_bucket(env, origin):
    """The Content Security Policy lets pages show files from the store (settings read once, in a fresh process)."""
    import os
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.STORAGES['default']['BACKEND']); print(s.NEWSROOM_CONTENT_SECURITY_POLICY)"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "NEWSROOM_S3_BUCKET": "paper", **env}
    environment.pop("NEWSROOM_CONTENT_SECURITY_POLICY", None)
    backend, policy = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert backend == "storages.backends.s3.S3Storage"
    assert f"img-src 'self' data: {origin};" in policy
