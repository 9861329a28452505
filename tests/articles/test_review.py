"""Import warnings: each points at its field, and the change that fixes it settles it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles import page_review, review, workflow
from articles.models import Article, PersonAlias, WarningNote
from tests.articles.test_admin import _article_form_data
from tests.factories import ArticleFactory, BylineFactory, PersonFactory

VARIANT = "署名“成炫兰”可能是已知人员“成姣兰”的误写(两人都与王海艳共同署名),请核对;确认后可在人员中合并。"
TITLE = "标题出现在正文中间(分栏错位),已移回,请核对标题"
BROKEN = "段落在句中断开(可能不完整):…街道)、村(社区)党组织"


def test_each_warning_points_at_its_field():
    assert review.target(VARIANT).field == "bylines"
    assert review.target(VARIANT).anchor == "bylines-group"
    assert review.target(TITLE).anchor == "id_headline"
    assert review.target("出版日期 2019-08-01 是从正文推断的,请核对").field == "page"
    assert review.target(BROKEN).field == "body"


@pytest.mark.django_db
def test_a_new_headline_settles_the_headline_warning_only(admin_client):
    article = ArticleFactory(headline="错位的标题", warnings=[TITLE, BROKEN])
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, _article_form_data(article, headline="改好的标题", body=article.body))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.warnings == [BROKEN]
    note = WarningNote.objects.get()
    assert (note.text, note.outcome, note.reason) == (TITLE, "fixed", "修改了主标题")


@pytest.mark.django_db
def test_merging_the_variant_into_the_known_person_settles_its_warning():
    chief = get_user_model().objects.create_user("chief", is_staff=True)
    known, variant = PersonFactory(name="成姣兰"), PersonFactory(name="成炫兰", slug="chengxuanlan")
    article = ArticleFactory(warnings=[VARIANT, BROKEN])
    BylineFactory(article=article, person=variant)
    other = ArticleFactory(warnings=[VARIANT])  # not theirs: stays open
    workflow.merge_people(into=known, others=[variant], by=chief)
    article.refresh_from_db()
    other.refresh_from_db()
    assert article.warnings == [BROKEN]
    assert other.warnings == [VARIANT]
    note = WarningNote.objects.get(article=article)
    assert note.outcome == "fixed" and note.reason == "已把 成炫兰 合并到 成姣兰"
    assert PersonAlias.objects.get(name="成炫兰").slug == "chengxuanlan"


@pytest.mark.django_db
def test_dismissing_twice_stores_once():
    article = ArticleFactory(warnings=[BROKEN])
    assert review.dismiss(article=article, text=BROKEN, reason="原版如此", by=None) == 1
    assert review.dismiss(article=article, text=BROKEN, reason="原版如此", by=None) == 0
    assert WarningNote.objects.count() == 1
    assert Article.objects.get(pk=article.pk).warnings == []
    with pytest.raises(ValueError, match="理由"):
        review.dismiss(article=article, text=BROKEN, reason="", by=None)


def test_lines_say_where_each_went():
    text = "要闻\n\n标题甲\n正文甲。\n正文甲。\n责任编辑/胡乐\n孤零零的一行\n无人认领"
    rows = page_review.lines(
        text,
        articles=[page_review.SourceArticle(7, "标题甲", (3, 4))],
        furniture=[
            {"kind": "page_header", "text": "要闻", "line": 1},
            {"kind": "staff", "text": "责任编辑/胡乐", "line": 0},
        ],
        unassigned=["孤零零的一行"],
    )
    assert [(r.number, r.kind, r.article, r.note) for r in rows] == [
        (1, "furniture", None, "版名"),
        (2, "blank", None, ""),
        (3, "article", 7, "标题甲"),
        (4, "article", 7, "标题甲"),
        (5, "duplicate", None, "与第4行相同"),
        (6, "furniture", None, "版面编辑"),
        (7, "unassigned", None, ""),
        (8, "other", None, ""),
    ]
    assert page_review.summary(rows) == {"furniture": 2, "article": 2, "duplicate": 1, "unassigned": 1, "other": 1}


@pytest.mark.django_db
def test_a_merged_persons_address_redirects_for_good(client):
    chief = get_user_model().objects.create_user("chief2", is_staff=True)
    known, variant = (
        PersonFactory(name="成姣兰", slug="chengjiaolan"),
        PersonFactory(name="成炫兰", slug="chengxuanlan"),
    )
    BylineFactory(article=ArticleFactory(published=True), person=variant)
    assert client.get("/people/chengxuanlan/").status_code == 200
    workflow.merge_people(into=known, others=[variant], by=chief)
    response = client.get("/people/chengxuanlan/")
    assert response.status_code == 301 and response.url == "/people/chengjiaolan/"
    assert client.get(response.url).status_code == 200
    assert client.get("/people/nobody/").status_code == 404
