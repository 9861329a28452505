"""The three newsroom roles (groups from migration 0004) and what each may and may not do."""

import datetime

import pytest
import reversion
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Byline, Person, Section
from articles.workflow import CHIEF_EDITOR_GROUP, EDITOR_GROUP, REPORTER_GROUP
from tests.factories import ArticleFactory, BylineFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ALL_ACTIONS = {
    "submit_for_review_action",
    "mark_reviewed_action",
    "publish_action",
    "unpublish_action",
    "archive_action",
    "move_to_section_action",
    "add_tags_action",
    "remove_tags_action",
}


def _member(django_user_model, client, group, username):
    user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def reporter(django_user_model, client):
    user = _member(django_user_model, client, REPORTER_GROUP, "reporter")
    PersonFactory(name="成姣兰", user=user)
    return client


@pytest.fixture
def editor(django_user_model, client):
    _member(django_user_model, client, EDITOR_GROUP, "editor")
    return client


@pytest.fixture
def chief(django_user_model, client):
    _member(django_user_model, client, CHIEF_EDITOR_GROUP, "chief")
    return client


@pytest.fixture
def own_draft():
    article = ArticleFactory(draft=True, headline="我的草稿")
    BylineFactory(article=article, person=Person.objects.get(name="成姣兰"))
    return article


def actions(client):
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    return {name for name, _ in response.context["action_form"].fields["action"].choices if name} - {"delete_selected"}


def post_action(client, action, articles, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [a.pk for a in articles], "index": "0", **extra}
    return client.post(CHANGELIST, data)


def change(client, article, **fields):
    data = {
        "kind": article.kind,
        "headline": article.headline,
        "body": article.body,
        "position": article.position,
        "section": article.section_id or "",
        "tags": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        **fields,
    }
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


def test_groups_exist_with_their_key_permissions():
    def perms(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {"add_article", "change_article"} <= perms(REPORTER_GROUP)
    assert not {"review_article", "publish_article", "merge_person", "delete_article"} & perms(REPORTER_GROUP)
    assert "review_article" in perms(EDITOR_GROUP)
    assert not {"publish_article", "merge_person", "add_section"} & perms(EDITOR_GROUP)
    assert {"publish_article", "merge_person", "add_section", "change_section"} <= perms(CHIEF_EDITOR_GROUP)


# 记者 ------------------------------------------------------------------------------------


def test_reporter_sees_and_edits_own_drafts_only(reporter, own_draft):
    other = ArticleFactory(draft=True, headline="别人的稿件")
    response = reporter.get(CHANGELIST)
    assert list(response.context["cl"].result_list) == [own_draft]
    assert change(reporter, own_draft, headline="改过的标题").status_code == 302
    own_draft.refresh_from_db()
    assert own_draft.headline == "改过的标题"
    assert own_draft.is_edited
    assert reporter.get(reverse("admin:articles_article_change", args=[other.pk])).status_code == 302
    assert change(reporter, other, headline="篡改").status_code == 302
    other.refresh_from_db()
    assert other.headline == "别人的稿件"


def test_reporter_cannot_edit_own_article_after_submitting(reporter, own_draft):
    assert post_action(reporter, "submit_for_review_action", [own_draft]).status_code == 302
    own_draft.refresh_from_db()
    assert own_draft.status == Article.Status.REVIEW
    response = reporter.get(reverse("admin:articles_article_change", args=[own_draft.pk]))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert change(reporter, own_draft, headline="送审后再改").status_code == 403


def test_reporter_actions_are_limited(reporter, own_draft):
    assert actions(reporter) == {"submit_for_review_action"}
    post_action(reporter, "publish_action", [own_draft], apply="1")
    post_action(reporter, "mark_reviewed_action", [own_draft])
    own_draft.refresh_from_db()
    assert own_draft.status == Article.Status.DRAFT
    assert own_draft.reviewed_at is None


def test_reporter_new_article_gets_own_byline(reporter):
    data = {
        "kind": "news",
        "headline": "记者新写的稿件",
        "body": "正文。",
        "position": "0",
        "tags": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
    }
    response = reporter.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get(headline="记者新写的稿件")
    assert article.status == Article.Status.DRAFT
    assert Byline.objects.get(article=article).person.name == "成姣兰"


def test_reporter_cannot_publish_via_form(reporter, own_draft):
    change(reporter, own_draft, status="published", published_at_0="2024-01-01", published_at_1="00:00:00")
    own_draft.refresh_from_db()
    assert own_draft.status == Article.Status.DRAFT


def test_reporter_may_not_merge_manage_sections_or_import(reporter):
    assert reporter.get(reverse("admin:articles_person_merge")).status_code == 403
    assert reporter.get(reverse("admin:articles_section_add")).status_code == 403
    assert reporter.get(reverse("admin:importers_importrun_upload")).status_code == 403


def test_reporter_preview_own_only(reporter, own_draft):
    other = ArticleFactory(draft=True)
    assert reporter.get(reverse("admin:articles_article_preview", args=[own_draft.pk])).status_code == 200
    assert reporter.get(reverse("admin:articles_article_preview", args=[other.pk])).status_code == 404


# 编辑 ------------------------------------------------------------------------------------


def test_editor_edits_any_article_reviews_moves_and_tags(editor):
    article = ArticleFactory(in_review=True, headline="记者的稿件")
    assert change(editor, article, headline="编辑改的标题").status_code == 302
    assert actions(editor) == ALL_ACTIONS - {"publish_action", "unpublish_action", "archive_action"}
    post_action(editor, "mark_reviewed_action", [article])
    target = SectionFactory(name="体育")
    post_action(editor, "move_to_section_action", [article], apply="1", section=target.pk)
    post_action(editor, "add_tags_action", [article], apply="1", tags="体育")
    article.refresh_from_db()
    assert article.headline == "编辑改的标题"
    assert article.reviewed_at is not None
    assert article.section == target
    assert list(article.tags.names()) == ["体育"]


def test_editor_may_not_publish_merge_or_manage_sections(editor):
    article = ArticleFactory(in_review=True)
    post_action(editor, "publish_action", [article], apply="1")
    assert not Article.objects.published().exists()
    change(editor, article, status="published")
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert editor.get(reverse("admin:articles_person_merge")).status_code == 403
    assert editor.get(reverse("admin:articles_section_add")).status_code == 403
    section = Section.objects.first()
    response = editor.post(reverse("admin:articles_section_delete", args=[section.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}).status_code == 403


def test_editor_can_open_the_import_upload(editor):
    assert editor.get(reverse("admin:importers_importrun_upload")).status_code == 200


# 主编 ------------------------------------------------------------------------------------


def test_chief_publishes_unpublishes_and_manages_sections(chief):
    article = ArticleFactory(in_review=True)
    assert actions(chief) == ALL_ACTIONS
    post_action(chief, "publish_action", [article], apply="1")
    assert Article.objects.published().get() == article
    post_action(chief, "unpublish_action", [article])
    assert not Article.objects.published().exists()
    response = chief.post(
        reverse("admin:articles_section_add"), {"name": "新栏目", "slug": "xin", "order": "5", "keywords": ""}
    )
    assert response.status_code == 302
    assert Section.objects.filter(name="新栏目").exists()


def test_chief_publishes_from_the_form(chief):
    article = ArticleFactory(in_review=True)
    assert change(chief, article, status="published", published_at_0="", published_at_1="").status_code == 302
    article.refresh_from_db()
    assert article.is_public


def test_chief_merges_people(chief):
    a, b = PersonFactory(name="甲"), PersonFactory(name="乙")
    url = reverse("admin:articles_person_merge") + f"?ids={a.pk},{b.pk}"
    assert chief.get(url).status_code == 200
    assert chief.post(url, {"into": a.pk}).status_code == 302
    assert list(Person.objects.filter(pk__in=[a.pk, b.pk])) == [a]
    assert a.aliases.get().name == "乙"


# Issue 17: holes found by an adversarial run, each with its reproduction ----------------------------


def _history(article, *states):
    """Save ``article`` in each state (a dict of fields) as one version; the versions, oldest first."""
    for fields in states:
        with reversion.create_revision():
            for name, value in fields.items():
                setattr(article, name, value)
            article.save()
    return list(Version.objects.get_for_object(article).order_by("pk"))


def _revert(client, article, version, data=None):
    url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
    return client.post(url, data or _form(client.get(url)))


def _form(response):
    from tests.articles.test_permission_matrix import form_values

    assert response.status_code == 200
    return form_values(response.text)


def test_a_reporter_cannot_take_over_another_reporters_draft_through_the_byline_admin(reporter, own_draft):
    colleague = PersonFactory(name="杨如")
    theirs = ArticleFactory(draft=True, headline="同事的草稿")
    BylineFactory(article=theirs, person=colleague)
    mine = Person.objects.get(name="成姣兰")

    response = reporter.post(
        reverse("admin:articles_byline_add"),
        {"person": mine.pk, "article": theirs.pk, "role": "reporter", "order": "5"},
    )

    assert response.status_code == 200 and response.context["adminform"].form.errors["article"]
    assert list(theirs.bylines.values_list("person__name", flat=True)) == ["杨如"]
    assert reporter.get(reverse("admin:articles_article_change", args=[theirs.pk])).status_code == 302
    assert change(reporter, theirs, headline="抢来的标题").status_code == 302
    theirs.refresh_from_db()
    assert theirs.headline == "同事的草稿"
    listed = reporter.get(reverse("admin:articles_byline_changelist")).text
    found = reporter.get(
        reverse("admin:autocomplete"), {"app_label": "articles", "model_name": "byline", "field_name": "article"}
    ).json()
    assert "同事的草稿" not in listed and [r["text"] for r in found["results"]] == ["我的草稿"]
    # Nor by moving a byline of their own draft over to it.
    own = own_draft.bylines.get()
    url = reverse("admin:articles_byline_change", args=[own.pk])
    assert (
        reporter.post(url, {"person": mine.pk, "article": theirs.pk, "role": "reporter", "order": "1"}).status_code
        == 200
    )
    assert own_draft.bylines.get().pk == own.pk


def test_an_editor_cannot_publish_by_reverting_to_a_published_version(editor, django_user_model):
    article = ArticleFactory(in_review=True, headline="待审稿件")
    published_then = {"status": Article.Status.PUBLISHED, "published_at": timezone.now() - datetime.timedelta(days=1)}
    checked = {"reviewed_at": timezone.now(), "reviewed_by": django_user_model.objects.get(username="editor")}
    old, _ = _history(
        article,
        {**published_then, "headline": "曾经发布的标题", "reviewed_at": None, "reviewed_by": None},
        {"status": "review", "published_at": None, "headline": "待审稿件", **checked},
    )

    page = editor.get(reverse("admin:articles_article_revision", args=[article.pk, old.pk]))
    assert page.status_code == 200 and "曾经发布的标题" in page.text
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW  # opening the version wrote nothing

    assert _revert(editor, article, old).status_code == 302
    article.refresh_from_db()
    assert article.headline == "曾经发布的标题"  # the text is restored
    assert (article.reviewed_at, article.reviewed_by) == (checked["reviewed_at"], checked["reviewed_by"])
    assert article.status == Article.Status.REVIEW and article.published_at is None and not article.is_public


@pytest.mark.parametrize("hours", [-1, 24], ids=["published", "scheduled"])
def test_an_editor_cannot_publish_by_recovering_a_deleted_published_article(editor, hours):
    when = (timezone.now() + datetime.timedelta(hours=hours)).replace(microsecond=0)  # versions keep milliseconds
    article = ArticleFactory(published=True, published_at=when, headline="删掉的已发稿件")
    _history(article, {})
    article_pk = article.pk
    article.delete()
    version = Version.objects.get_deleted(Article).get(object_id=str(article_pk))

    url = reverse("admin:articles_article_recover", args=[version.pk])
    assert editor.post(url, _form(editor.get(url))).status_code == 302

    recovered = Article.objects.get(pk=article_pk)
    assert recovered.headline == "删掉的已发稿件" and recovered.status == Article.Status.REVIEW
    assert recovered.published_at == when and not Article.objects.published().exists()


def test_recover_takes_only_a_deleted_article(chief):
    article = ArticleFactory(in_review=True, headline="现在的标题")
    old, _ = _history(article, {"headline": "旧标题"}, {"headline": "现在的标题"})

    url = reverse("admin:articles_article_recover", args=[old.pk])
    assert chief.get(url).status_code == 404
    assert chief.post(url, {"headline": "旧标题"}).status_code == 404
    article.refresh_from_db()
    assert article.headline == "现在的标题"


def test_a_reporter_cannot_unpublish_and_rewrite_their_published_article_by_reverting(reporter, own_draft):
    old, _ = _history(
        own_draft,
        {"headline": "草稿时的标题"},
        {"status": Article.Status.PUBLISHED, "published_at": timezone.now(), "headline": "我的草稿"},
    )
    data = _article_form_data(own_draft, headline="草稿时的标题", body="改写的正文。")

    assert reporter.get(reverse("admin:articles_article_revision", args=[own_draft.pk, old.pk])).status_code == 403
    assert _revert(reporter, own_draft, old, data).status_code == 403
    own_draft.refresh_from_db()
    assert own_draft.status == Article.Status.PUBLISHED and own_draft.headline == "我的草稿"
    assert reporter.get(reverse("admin:articles_article_recoverlist")).status_code == 403


def test_a_reporter_reverts_their_own_draft_but_not_out_of_their_hands(reporter, own_draft):
    own_byline = own_draft.bylines.get()
    before_byline, _ = _history(own_draft, {"headline": "第一稿"}, {"headline": "我的草稿"})
    assert _revert(reporter, own_draft, before_byline).status_code == 302
    own_draft.refresh_from_db()
    assert own_draft.headline == "第一稿" and own_draft.status == Article.Status.DRAFT

    # A version from before the reporter's byline was on it would take the draft away from them: refused.
    own_byline.delete()
    _history(own_draft, {"headline": "没有署名的版本"})
    without, *_ = Version.objects.get_for_object(own_draft).order_by("-pk")
    BylineFactory(article=own_draft, person=Person.objects.get(name="成姣兰"))
    _history(own_draft, {"headline": "又有署名"})
    assert _revert(reporter, own_draft, without, _article_form_data(own_draft)).status_code == 403
    own_draft.refresh_from_db()
    assert own_draft.headline == "又有署名" and own_draft.bylines.count() == 1


def test_a_revert_restores_no_other_article(chief):
    first, second = ArticleFactory(headline="第一篇"), ArticleFactory(headline="第二篇")
    with reversion.create_revision():  # one revision holding two articles (a script, a future bulk edit)
        first.save()
        second.save()
    version = Version.objects.get_for_object(first).get()
    second.headline = "第二篇改了"
    second.save()

    response = _revert(chief, first, version, _article_form_data(first))

    assert response.status_code == 403
    second.refresh_from_db()
    assert second.headline == "第二篇改了"


def _article_form_data(article, **fields):
    return {
        "kind": article.kind,
        "headline": article.headline,
        "body": article.body,
        "position": article.position,
        "section": article.section_id or "",
        "status": article.status,
        "tags": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        **fields,
    }
