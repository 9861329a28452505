"""The primary/replica router: which database each kind of request reads from."""

import pytest
from django.db import connections, transaction
from django.test import RequestFactory

from articles.models import Article
from newsroom import routers

rf = RequestFactory()


@pytest.fixture
def with_replica(settings):
    settings.DATABASES = {**settings.DATABASES, "replica": {**settings.DATABASES["default"]}}
    return routers.PrimaryReplicaRouter()


@pytest.mark.parametrize(
    ("request_", "public"),
    [
        (rf.get("/"), True),
        (rf.head("/articles/2024/01/23/1/"), True),
        (rf.get("/search/?q=株洲"), True),
        (rf.post("/search/"), False),
        (rf.get("/admin/articles/article/"), False),
        (rf.get("/healthz"), False),
    ],
)
def test_which_requests_are_public_reads(request_, public):
    assert routers.is_public_read(request_) is public


def test_a_signed_in_editor_reads_the_primary(settings):
    request = rf.get("/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert routers.is_public_read(request) is False


def test_public_reads_go_to_the_replica(with_replica):
    router = with_replica
    assert router.db_for_read(Article) == "default"
    with routers.public_reads():
        assert router.db_for_read(Article) == "replica"
    assert router.db_for_read(Article) == "default"


def test_writes_always_go_to_the_primary(with_replica):
    with routers.public_reads():
        assert with_replica.db_for_write(Article) == "default"


@pytest.mark.django_db
def test_reads_inside_a_transaction_stay_on_the_primary(with_replica):
    with routers.public_reads(), transaction.atomic():
        assert connections["default"].in_atomic_block
        assert with_replica.db_for_read(Article) == "default"


def test_no_replica_configured_means_primary():
    with routers.public_reads():
        assert routers.PrimaryReplicaRouter().db_for_read(Article) == "default"


def test_migrations_only_on_the_primary(with_replica):
    assert with_replica.allow_migrate("default", "articles")
    assert not with_replica.allow_migrate("replica", "articles")


def test_middleware_marks_public_requests(with_replica):
    seen = []
    middleware = routers.ReplicaReadsMiddleware(lambda request: seen.append(routers._public_read.get()))

    middleware(rf.get("/"))
    middleware(rf.get("/admin/"))
    middleware(rf.post("/"))

    assert seen == [True, False, False]
