"""Readers' error pages in Chinese, the API's errors in JSON (newsroom/errors.py)."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_api_errors_are_json(client):
    draft = ArticleFactory(draft=True)
    for url in (f"/api/articles/{draft.pk}/", "/api/articles/999999/", "/api/nothing/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"error": {"status": 404, "code": "not_found", "message": "没有找到。"}}
    response = client.post("/api/articles/")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert response.json()["error"]["message"] == "不支持这种请求方法。"
    response = client.get("/api/articles/?kind=nonsense")
    assert response.status_code == 400 and "errors" in response.json()


def test_readers_get_chinese_error_pages(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in response.text and "Page not found" not in response.text
    response = client.get("/articles/2024/01/23/999999/")
    assert response.status_code == 404 and "页面不存在" in response.text


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    from django.contrib.staticfiles import finders

    assert response.url.endswith("articles/favicon.ico") and finders.find("articles/favicon.ico")
    assert 'rel="icon"' in client.get("/").text
