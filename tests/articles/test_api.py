import datetime

import pytest
from django.utils import timezone

from articles.models import Article, Role
from tests import factories
from tests.articles.public_data import story

pytestmark = pytest.mark.django_db


@pytest.fixture
def printed():
    issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 23))
    page = factories.PageFactory(issue=issue, number=3, label="03版", name="综合·城区")
    person = factories.PersonFactory(name="成姣兰", slug="chengjiaolan")
    return story(
        headline="商会调解组织成立",
        body="株洲日报讯 正文。\n\n## 小标题\n\n> 图片说明",
        page=page,
        people=[(person, Role.REPORTER)],
        tags=["商会"],
    )


def test_list_contains_only_public_articles(client, printed):
    story(headline="草稿", status=Article.Status.DRAFT)
    story(headline="定时", published_at=timezone.now() + datetime.timedelta(hours=1))
    data = client.get("/api/articles/").json()
    assert [item["headline"] for item in data["results"]] == ["商会调解组织成立"]
    item = data["results"][0]
    assert item["url"] == f"http://testserver/articles/2024/01/23/{printed.pk}/"
    assert item["print"] == {
        "issue_date": "2024-01-23",
        "page_number": 3,
        "page_label": "03版",
        "page_name": "综合·城区",
        "position": printed.position,
    }
    assert item["bylines"][0]["name"] == "成姣兰" and item["bylines"][0]["role"] == "reporter"
    assert item["tags"] == [{"name": "商会", "slug": "商会"}]


def test_list_filters_and_searches(client, printed):
    other = story(headline="评论一则", kind=Article.Kind.COMMENTARY)
    assert [r["id"] for r in client.get("/api/articles/?kind=commentary").json()["results"]] == [other.pk]
    assert [r["id"] for r in client.get("/api/articles/?person=chengjiaolan&role=reporter").json()["results"]] == [
        printed.pk
    ]
    results = client.get("/api/articles/?q=调解").json()["results"]
    assert [r["id"] for r in results] == [printed.pk] and results[0]["rank"] > 0
    assert client.get("/api/articles/?q=调").status_code == 400
    assert client.get("/api/articles/?kind=nonsense").status_code == 400


def test_list_pages_by_cursor(client):
    articles = [
        story(headline=f"稿件{n}", published_at=timezone.now() - datetime.timedelta(minutes=n)) for n in range(5)
    ]
    first = client.get("/api/articles/?limit=2").json()
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    seen = [r["id"] for page in (first, second, third) for r in page["results"]]
    assert seen == [a.pk for a in articles]
    assert third["next"] is None


def test_detail(client, printed):
    data = client.get(f"/api/articles/{printed.pk}/").json()
    assert data["headline"] == "商会调解组织成立"
    assert data["body"] == [
        {"kind": "paragraph", "text": "株洲日报讯 正文。"},
        {"kind": "subhead", "text": "小标题"},
        {"kind": "caption", "text": "图片说明"},
    ]


@pytest.mark.parametrize("fields", [{"status": "draft"}, {"published_at": "future"}, {"status": "review"}])
def test_detail_of_hidden_articles_is_404(client, fields):
    if fields.get("published_at") == "future":
        fields = {"published_at": timezone.now() + datetime.timedelta(days=1)}
    article = story(headline="隐藏", **fields)
    assert client.get(f"/api/articles/{article.pk}/").status_code == 404
