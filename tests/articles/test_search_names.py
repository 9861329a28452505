"""Readers find bylines and tags: the names of an article's people and tags are in the search index."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles import search, workflow
from articles.models import Article, Person, Role
from tests import factories
from tests.articles.public_data import story
from tests.conftest import SEEDS_DIR

pytestmark = pytest.mark.django_db


def found(query):
    return {a.pk for a in search.search(Article.objects.published(), query)}


@pytest.mark.parametrize("batch", ["1", "50"])
def test_a_reporters_name_finds_her_seed_articles(client, batch):
    """``make seed``, then ``/search/?q=杨凌凌``: the page by page import and the batch import."""
    call_command("import_pages", str(SEEDS_DIR), "--publish", "--batch", batch, stdout=io.StringIO())
    person = Person.objects.get(name="杨凌凌")
    hers = set(Article.objects.published().filter(bylines__person=person).values_list("pk", flat=True))
    assert len(hers) == 4

    results = client.get("/search/", {"q": "杨凌凌"}).context["results"]

    assert {r.pk for r in results} == hers
    # The name is in the index, not in the text: the headlines and bodies never print it.
    assert not Article.objects.filter(pk__in=hers, body__contains="杨凌凌").exists()


def test_person_and_tag_names_find_their_articles_and_rank_below_the_text():
    reporter = factories.PersonFactory(name="欧阳晓楠")
    by_her = story(headline="市场休市安排", body="株洲日报讯 记者获悉。", people=[(reporter, Role.REPORTER)])
    tagged = story(headline="服饰城转型", body="株洲日报讯 产业升级。", tags=["千亿服饰产业"])
    about_her = story(headline="欧阳晓楠获奖", body="株洲日报讯 表彰大会。")
    story(headline="无关的消息", body="株洲日报讯 天气晴。")

    assert found("欧阳晓楠") == {by_her.pk, about_her.pk}
    assert found("晓楠") == {by_her.pk, about_her.pk}
    assert found("千亿服饰产业") == {tagged.pk}
    assert found("服饰产业") == {tagged.pk}
    # Ranked by the text: the headline that says the name comes first.
    assert [a.pk for a in search.search(Article.objects.published(), "欧阳晓楠")] == [about_her.pk, by_her.pk]


def test_renaming_or_merging_people_and_retagging_reach_the_index(admin_client):
    editor = get_user_model().objects.create(username="editor")
    first, second = factories.PersonFactory(name="成炫兰"), factories.PersonFactory(name="成姣兰")
    misspelt = story(headline="授牌仪式", body="株洲日报讯 仪式举行。", people=[(first, Role.REPORTER)])

    workflow.merge_people(into=second, others=[first], by=editor)
    assert found("成姣兰") == {misspelt.pk} and found("成炫兰") == set()

    response = admin_client.post(
        f"/admin/articles/person/{second.pk}/change/",
        {
            "name": "程姣兰",
            "slug": second.slug,
            "bio": "",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert found("程姣兰") == {misspelt.pk} and found("成姣兰") == set()

    workflow.add_tags(articles=Article.objects.filter(pk=misspelt.pk), tags=["营商环境"], by=editor)
    assert found("营商环境") == {misspelt.pk}
    workflow.remove_tags(articles=Article.objects.filter(pk=misspelt.pk), tags=["营商环境"], by=editor)
    assert found("营商环境") == set()


def test_the_names_are_matched_not_ranked():
    """What the index stores: the names' tokens and bigrams among what it matches, in no order."""
    title, body, grams = search.document("", "标题", "", "正文。", ["杨凌凌", "服饰产业", "杨凌凌"])
    assert (title, body) == search.document("", "标题", "", "正文。")[:2]
    assert {"杨凌", "凌凌", "服饰", "饰产", "产业"} <= set(grams)
    assert grams == search.document("", "标题", "", "正文。", ["服饰产业", "杨凌凌"])[2]
