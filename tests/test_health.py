"""``/healthz``: 200 when the database and the cache answer, 503 when either does not."""

import pytest
from django.core.cache import cache
from django.db import DatabaseError

from newsroom import health

pytestmark = pytest.mark.django_db


def test_healthy(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database:default": "ok", "cache": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_database_down_is_503(client, monkeypatch):
    def refuse():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health.connections["default"], "cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["database:default"] == "fail"


def test_cache_down_is_503(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(cache, "set", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database:default": "ok", "cache": "fail"}


def test_only_get_and_head(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200
