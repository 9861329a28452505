import csv
import datetime
import io

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline, Correction, Person, PersonAlias, Role
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    ImportRunFactory,
    PageCreditFactory,
    PageFactory,
    PersonAliasFactory,
    PersonFactory,
    RawSourceFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


@pytest.fixture
def objects():
    """One row of every registered model, so every change form has something to show."""
    run = ImportRunFactory()
    page = PageFactory()
    source = RawSourceFactory(run=run, page=page, text="第一行\n标题\n正文第一段\n正文第二段\n末行")
    article = ArticleFactory(page=page, source=source, source_lines=[2, 3], warnings=["可能重复"], tags=["经济"])
    byline = BylineFactory(article=article)
    PageCreditFactory(page=page)
    PersonAliasFactory(person=byline.person)
    Correction.objects.create(article=article, text="特此更正。")
    return {"article": article}


def test_every_model_is_registered():
    from django.apps import apps

    for app_label in ("articles", "importers"):
        for model in apps.get_app_config(app_label).get_models():
            assert admin.site.is_registered(model), model


def test_smoke_every_changelist_add_and_change_form(admin_client, admin_user, rf, objects):
    request = rf.get("/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert admin_client.get(reverse(f"{prefix}_changelist")).status_code == 200, prefix
        if model_admin.has_add_permission(request):
            assert admin_client.get(reverse(f"{prefix}_add")).status_code == 200, prefix
        obj = model._default_manager.first()
        if obj is not None:
            assert admin_client.get(reverse(f"{prefix}_change", args=[obj.pk])).status_code == 200, prefix


def test_admin_is_in_chinese(admin_client):
    response = admin_client.get(reverse("admin:index"))
    assert "株洲日报 编辑后台" in response.text
    assert "稿件" in response.text


def test_admin_is_in_chinese_whatever_the_browser_asks(admin_client):
    response = admin_client.get(reverse("admin:articles_article_changelist"), headers={"accept-language": "en-US,en"})
    assert response.status_code == 200
    assert "注销" in response.text and "Log out" not in response.text
    assert "选择 稿件 来修改" in response.text


def test_change_form_shows_source_lines_highlighted(admin_client, objects):
    article = objects["article"]
    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    text = response.text
    assert 'class="nr-hit"><td class="nr-ln">2</td><td>标题</td>' in text
    assert 'class="nr-hit"><td class="nr-ln">3</td><td>正文第一段</td>' in text
    assert '<tr><td class="nr-ln">4</td><td>正文第二段</td>' in text
    assert reverse("admin:articles_article_preview", args=[article.pk]) in text


def test_saving_in_the_admin_marks_the_article_edited(admin_client):
    article = ArticleFactory(headline="旧标题")
    person = PersonFactory()
    data = _article_form_data(article, headline="新标题")
    data.update(
        {
            "bylines-TOTAL_FORMS": "1",
            "bylines-0-person": person.pk,
            "bylines-0-role": Role.PHOTOGRAPHER,
            "bylines-0-order": "1",
        }
    )
    response = admin_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    article.refresh_from_db()
    assert article.headline == "新标题"
    assert article.is_edited
    assert list(article.bylines.values_list("person", "role")) == [(person.pk, Role.PHOTOGRAPHER)]
    assert set(article.tags.names()) == {"经济", "产业"}


def _article_form_data(article, **changes):
    data = {
        "kind": article.kind,
        "kicker": article.kicker,
        "headline": article.headline,
        "subheadline": "",
        "series": "",
        "dateline": article.dateline,
        "bylines_text": "",
        "body": "第一段。\n\n## 小标题\n\n> 图片说明",
        "section": article.section_id or "",
        "tags": "经济, 产业",
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
    }
    data.update(changes)
    return data


def test_history_shows_diff_and_reverts(admin_client):
    article = ArticleFactory(headline="导入的标题", tags=["导入"])  # as imported: no version yet
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert admin_client.post(url, _article_form_data(article, headline="第一次修改")).status_code == 302
    assert admin_client.post(url, _article_form_data(article, headline="第二次修改")).status_code == 302
    response = admin_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert response.status_code == 200
    newest, first_edit, imported = response.context["diffs"]
    assert newest["changes"] == [{"field": "主标题", "old": "第一次修改", "new": "第二次修改"}]
    assert newest["revision"].user.username == "admin"
    changed = {change["field"]: change for change in first_edit["changes"]}
    assert changed["主标题"] == {"field": "主标题", "old": "导入的标题", "new": "第一次修改"}
    assert changed["标签"] == {"field": "标签", "old": "导入", "new": "产业、经济"}
    assert "+## 小标题" in changed["正文"]["diff"]
    assert imported["changes"] == []
    assert "最早的版本" in response.text

    # Revert to the imported state: open that version and save it.
    response = admin_client.get(imported["url"])
    assert response.status_code == 200
    assert "导入的标题" in response.text
    data = _article_form_data(article, headline="导入的标题", body=article.body, tags="导入")
    assert admin_client.post(imported["url"], data).status_code == 302
    article.refresh_from_db()
    assert article.headline == "导入的标题"
    assert list(article.tags.names()) == ["导入"]


def test_preview_renders_a_draft_for_staff_only(client, admin_client):
    article = ArticleFactory(draft=True, headline="尚未发布的稿件", body="## 小标题\n\n正文段落。")
    BylineFactory(article=article, person=PersonFactory(name="成姣兰"))
    Correction.objects.create(article=article, text="原稿日期有误,特此更正。")
    url = reverse("admin:articles_article_preview", args=[article.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.templates[0].name == "articles/article_detail.html"
    for text in ("尚未发布的稿件", "成姣兰", '<h2 class="subhead">小标题</h2>', "原稿日期有误,特此更正。"):
        assert text in response.text
    assert "<strong>预览</strong> · 草稿 · 读者还看不到这一页" in response.text
    assert client.get(url).status_code == 302  # to the login page
    assert client.get(article.get_absolute_url()).status_code == 404


# Review queue --------------------------------------------------------------------------


def _queue(n, run, page, person):
    for _ in range(n):
        article = ArticleFactory(page=page, source=RawSourceFactory(run=run), warnings=["提示"], tags=["经济"])
        BylineFactory(article=article, person=person)
        BylineFactory(article=article)


def test_changelist_query_count_is_constant(admin_client, django_assert_max_num_queries):
    run, page, person = ImportRunFactory(), PageFactory(), PersonFactory()
    _queue(3, run, page, person)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(CHANGELIST).status_code == 200
    _queue(30, run, page, person)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get(CHANGELIST)
    assert response.context["cl"].result_count == 33


@pytest.mark.parametrize(
    "query",
    [
        "status__exact=draft",
        "warnings=yes",
        "warnings=no",
        "reviewed=no",
        "kind__exact=news",
        "issue={date}",
        "page_number={number}",
        "run={run}",
        "person={person}",
        "q=记者",
        "q=第二段",
        "q=别名",
    ],
)
def test_changelist_filters_and_search(admin_client, query):
    run, page, person = ImportRunFactory(), PageFactory(), PersonFactory(name="张记者")
    PersonAliasFactory(person=person, name="张别名")
    _queue(2, run, page, person)
    ArticleFactory(published=True)
    query = query.format(date=page.issue.printed_on.isoformat(), number=page.number, run=run.pk, person=person.pk)
    response = admin_client.get(f"{CHANGELIST}?{query}")
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1, query
    assert "⚠" in response.text or "warnings=no" in query


def test_changelist_shows_status_and_warnings_at_a_glance(admin_client):
    ArticleFactory(in_review=True, warnings=["标题可能被截断"])
    ArticleFactory(scheduled=True)
    response = admin_client.get(CHANGELIST)
    assert 'class="nr-status nr-status-review">待审' in response.text
    assert 'title="标题可能被截断">⚠ 1' in response.text
    assert "定时发布" in response.text


def test_changelist_names_each_articles_people_with_their_roles_in_byline_order(admin_client):
    article = ArticleFactory(headline="荷塘区社区新闻")
    BylineFactory(article=article, person=PersonFactory(name="杨如"), role=Role.PHOTOGRAPHER, order=2)
    BylineFactory(article=article, person=PersonFactory(name="成姣兰"), role=Role.REPORTER, order=0)
    BylineFactory(article=article, person=PersonFactory(name="王海艳"), role=Role.CORRESPONDENT, order=1)
    ArticleFactory(headline="没有署名")
    response = admin_client.get(CHANGELIST)
    assert "记者/成姣兰、通讯员/王海艳、摄影/杨如" in response.text


def test_a_changelist_request_leaves_no_bylines_or_people_to_the_garbage_collector(admin_client):
    """The byline column is read as values: no prefetched bylines pointing back to their articles (bench/README)."""
    import gc

    for _ in range(5):
        BylineFactory(article=ArticleFactory(page=PageFactory()))
    admin_client.get(CHANGELIST)  # what the first request makes and keeps (templates, caches)
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        assert admin_client.get(CHANGELIST).status_code == 200  # the response is let go: its rows are garbage now
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage if isinstance(o, (Byline, Person))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []


def _act(client, action, articles, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [a.pk for a in articles], "index": "0", **extra}
    return client.post(CHANGELIST, data)


def test_bulk_publish_with_intermediate_page(admin_client):
    articles = ArticleFactory.create_batch(3, in_review=True)
    response = _act(admin_client, "publish_action", articles)
    assert response.status_code == 200
    assert "共选中 3 篇稿件" in response.text
    response = _act(admin_client, "publish_action", articles, apply="1")
    assert response.status_code == 302
    assert Article.objects.published().count() == 3
    response = admin_client.get(reverse("admin:articles_article_history", args=[articles[0].pk]))
    assert [entry.get_change_message() for entry in response.context["log_entries"]] == ["发布"]
    assert "操作记录" in response.text


def test_bulk_schedule(admin_client):
    articles = ArticleFactory.create_batch(2, in_review=True)
    later = timezone.localtime() + datetime.timedelta(days=1)
    _act(
        admin_client,
        "publish_action",
        articles,
        apply="1",
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    assert Article.objects.filter(status=Article.Status.PUBLISHED).count() == 2
    assert not Article.objects.published().exists()


def test_bulk_publish_select_across(admin_client):
    ArticleFactory.create_batch(4, in_review=True)
    ArticleFactory(draft=True)
    one = Article.objects.filter(status=Article.Status.REVIEW).first()
    response = admin_client.post(
        f"{CHANGELIST}?status__exact=review",
        {"action": "publish_action", ACTION_CHECKBOX_NAME: [one.pk], "select_across": "1", "index": "0", "apply": "1"},
    )
    assert response.status_code == 302
    assert Article.objects.published().count() == 4


def test_bulk_unpublish_archive_review(admin_client):
    published = ArticleFactory.create_batch(2, published=True)
    _act(admin_client, "unpublish_action", published)
    assert not Article.objects.published().exists()
    _act(admin_client, "mark_reviewed_action", published)
    assert Article.objects.filter(reviewed_at__isnull=False).count() == 2
    _act(admin_client, "archive_action", published)
    assert Article.objects.filter(status=Article.Status.ARCHIVED).count() == 2


def test_bulk_move_to_section(admin_client):
    articles = ArticleFactory.create_batch(2)
    target = SectionFactory(name="体育")
    response = _act(admin_client, "move_to_section_action", articles)
    assert response.status_code == 200
    response = _act(admin_client, "move_to_section_action", articles, apply="1", section=target.pk)
    assert response.status_code == 302
    assert set(Article.objects.values_list("section", flat=True)) == {target.pk}


def test_bulk_add_and_remove_tags(admin_client):
    articles = ArticleFactory.create_batch(2)
    _act(admin_client, "add_tags_action", articles, apply="1", tags="经济、民生")
    assert all(set(a.tags.names()) == {"经济", "民生"} for a in articles)
    _act(admin_client, "remove_tags_action", articles, apply="1", tags="经济")
    assert all(set(a.tags.names()) == {"民生"} for a in articles)
    response = admin_client.get(reverse("admin:articles_article_history", args=[articles[0].pk]))
    messages = [entry.get_change_message() for entry in response.context["log_entries"]]
    assert sorted(messages) == ["去掉标签:经济", "添加标签:经济、民生"]


# People --------------------------------------------------------------------------------


def test_people_list_counts_per_role_without_n_plus_one(admin_client, django_assert_max_num_queries):
    url = reverse("admin:articles_person_changelist")
    person = PersonFactory(name="成姣兰")
    for role in (Role.REPORTER, Role.REPORTER, Role.PHOTOGRAPHER):
        BylineFactory(person=person, role=role)
    PageCreditFactory(person=person)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        response = admin_client.get(url)
    row = next(p for p in response.context["cl"].result_list if p.pk == person.pk)
    assert (row.n_reporter, row.n_photographer, row.n_pages) == (2, 1, 1)
    for _ in range(20):
        BylineFactory(role=Role.CORRESPONDENT)
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client.get(url)


def test_merge_view_merges_and_keeps_alias(admin_client):
    canonical, typo = PersonFactory(name="成姣兰"), PersonFactory(name="成娇兰")
    BylineFactory(person=canonical)
    BylineFactory(person=canonical)
    BylineFactory(person=typo)
    response = admin_client.post(
        reverse("admin:articles_person_changelist"),
        {"action": "merge_action", ACTION_CHECKBOX_NAME: [canonical.pk, typo.pk], "index": "0"},
    )
    assert response.status_code == 302
    merge_url = response.url
    response = admin_client.get(merge_url)
    assert response.status_code == 200
    assert response.context["form"].initial["into"] == canonical.pk
    response = admin_client.post(merge_url, {"into": canonical.pk})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=typo.pk).exists()
    assert PersonAlias.objects.get(name="成娇兰").person == canonical
    assert Byline.objects.filter(person=canonical).count() == 3


def test_duplicates_view_links_to_merge(admin_client):
    photographer = PersonFactory(name="王摄影")
    a, b = PersonFactory(name="成姣兰"), PersonFactory(name="成娇兰")
    unrelated = PersonFactory(name="成姣花")
    for person in (a, a, b):
        article = ArticleFactory()
        BylineFactory(article=article, person=person)
        BylineFactory(article=article, person=photographer, role=Role.PHOTOGRAPHER)
    BylineFactory(person=unrelated)
    response = admin_client.get(reverse("admin:articles_person_duplicates"))
    assert response.status_code == 200
    pairs = response.context["pairs"]
    assert [(p.first.name, p.second.name) for p in pairs] == [("成姣兰", "成娇兰")]
    merge = reverse("admin:articles_person_merge") + f"?ids={a.pk},{b.pk}&amp;into={a.pk}"
    assert merge in response.text


# Print structure -------------------------------------------------------------------------


def test_page_shows_staff_and_articles_in_print_order(admin_client):
    page = PageFactory()
    PageCreditFactory(page=page, person=PersonFactory(name="胡乐"), role=Role.EDITOR)
    ArticleFactory(page=page, position=2, headline="第二篇")
    ArticleFactory(page=page, position=1, headline="第一篇")
    response = admin_client.get(reverse("admin:articles_page_change", args=[page.pk]))
    text = response.text
    assert "胡乐" in text
    assert text.index("第一篇") < text.index("第二篇")
    response = admin_client.get(reverse("admin:articles_issue_change", args=[page.issue.pk]))
    assert reverse("admin:articles_page_change", args=[page.pk]) in response.text


# Statistics ------------------------------------------------------------------------------


def test_stats_view_and_csv(admin_client):
    person = PersonFactory(name="刘芳")
    front = PageFactory(number=1)
    article = ArticleFactory(published=True, page=front, body="一二三\n\n> 图一\n\n四五")
    BylineFactory(article=article, person=person)
    response = admin_client.get(reverse("admin:articles_article_stats"))
    assert response.status_code == 200
    assert "<svg" in response.text
    assert "刘芳" in response.text
    response = admin_client.get(reverse("admin:articles_article_stats_csv"))
    assert response.status_code == 200
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows[0][:4] == ["人员", "网址名", "角色", "月份"]
    assert rows[1][0] == "刘芳"
    assert rows[1][4:] == ["1", str(len("一二三> 图一四五")), "1", "1"]


def _publish_everything(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    data = {
        "action": "publish_action",
        ACTION_CHECKBOX_NAME: [Article.objects.first().pk],
        "select_across": "1",
        "index": "0",
        "apply": "1",
    }
    with CaptureQueriesContext(connection) as ctx:
        assert client.post(CHANGELIST, data).status_code == 302
    # All but the history's INSERTs, which come in batches of Django's size (142 rows on SQLite).
    return sum("django_admin_log" not in q["sql"] for q in ctx.captured_queries)


def test_bulk_publish_5000_in_the_admin_is_a_fixed_number_of_queries(admin_client, monkeypatch):

    from django.contrib.admin.models import LogEntry

    from articles import paginators

    # Both lists above the paginator's exact-count bound: on PostgreSQL it then adds one EXPLAIN.
    monkeypatch.setattr(paginators, "EXACT_UP_TO", 10)

    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_model(Article)  # cached for both runs, as after any earlier admin request
    section = SectionFactory()
    Article.objects.bulk_create([Article(headline=f"稿件{n}", section=section, status="review") for n in range(20)])
    few = _publish_everything(admin_client)
    Article.objects.update(status=Article.Status.REVIEW, published_at=None)
    Article.objects.bulk_create([Article(headline=f"稿件{n}", section=section, status="review") for n in range(4980)])
    assert _publish_everything(admin_client) == few  # as many statements for 5,000 as for 20
    assert Article.objects.published().count() == 5000
    entry = LogEntry.objects.filter(object_id=str(Article.objects.last().pk)).latest("pk")
    assert (entry.user.username, entry.get_change_message()) == ("admin", "发布")
    assert LogEntry.objects.count() == 5020


def test_new_person_gets_a_pinyin_slug(admin_client):
    url = reverse("admin:articles_person_add")
    data = {"name": "成姣兰", "slug": "", "bio": "", "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0"}
    assert admin_client.post(url, data).status_code == 302
    assert admin_client.post(url, {**data, "name": "程姣兰"}).status_code == 302
    assert list(Person.objects.order_by("pk").values_list("slug", flat=True)) == ["chengjiaolan", "chengjiaolan-2"]


def test_correction_inline_records_who(admin_client, admin_user):
    article = ArticleFactory(published=True)
    data = _article_form_data(
        article,
        **{
            "status": article.status,
            "published_at_0": timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
            "published_at_1": timezone.localtime(article.published_at).strftime("%H:%M:%S"),
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-published_on": "2024-01-23",
            "corrections-0-text": "本报1月22日2版报道中的数字有误,特此更正。",
        },
    )
    response = admin_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    correction = article.corrections.get()
    assert correction.created_by == admin_user
    assert correction.published_on == datetime.date(2024, 1, 23)


def test_edits_and_deletions_in_the_admin_keep_search_current(admin_client):
    from articles import search

    article = ArticleFactory(published=True, headline="旧标题", body="正文说的是调解。")
    search.index_articles([article.pk])
    assert [a.pk for a in search.search(Article.objects.all(), "调解")] == [article.pk]

    url = reverse("admin:articles_article_change", args=[article.pk])
    data = _article_form_data(article, body="正文改成了商会的事。")
    assert admin_client.post(url, data).status_code == 302
    assert search.search(Article.objects.all(), "调解") == []
    assert [a.pk for a in search.search(Article.objects.all(), "商会")] == [article.pk]

    delete = reverse("admin:articles_article_delete", args=[article.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert search.search(Article.objects.all(), "商会") == []


def test_readers_see_an_admin_edit_and_a_history_revert_at_once(admin_client, client, page_cache, commit):
    """Readers' pages are cached (newsroom/pagecache.py): the admin's saves and reverts end them when they commit."""
    article = ArticleFactory(published=True, headline="读者先看到的标题", tags=["经济"])
    commit()
    local = timezone.localtime(article.published_at)
    published = {"published_at_0": f"{local:%Y-%m-%d}", "published_at_1": f"{local:%H:%M:%S}"}
    public_url = article.get_absolute_url()
    assert "读者先看到的标题" in client.get(public_url).text
    assert client.get(public_url)["X-Page-Cache"] == "hit"
    change = reverse("admin:articles_article_change", args=[article.pk])

    for headline in ("第一次修改", "第二次修改"):
        assert (
            admin_client.post(change, _article_form_data(article, headline=headline, **published)).status_code == 302
        )
        assert commit()
        assert headline in client.get(public_url).text

    history = admin_client.get(reverse("admin:articles_article_history", args=[article.pk])).context["diffs"]
    data = _article_form_data(article, headline="第一次修改", **published)
    assert admin_client.post(history[-1]["url"], data).status_code == 302  # back to the first edit (raw saves)
    assert commit()
    page = client.get(public_url).text
    assert "第一次修改" in page and "第二次修改" not in page

    data = _article_form_data(article, headline="又一次修改", tags="经济, 新标签", **published)
    assert admin_client.post(change, data).status_code == 302
    assert commit()
    page = client.get(public_url).text
    assert "又一次修改" in page and "新标签" in page


def test_the_article_form_saves_through_workflow_once_logged(admin_client, admin_user, monkeypatch):
    from django.contrib.admin.models import CHANGE, LogEntry

    from articles import workflow

    calls = []
    save_article = workflow.save_article

    def spy(**kwargs):
        calls.append(kwargs)
        return save_article(**kwargs)

    monkeypatch.setattr(workflow, "save_article", spy)
    article = ArticleFactory(headline="旧标题", status=Article.Status.REVIEW)
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert admin_client.post(url, _article_form_data(article, headline="新标题")).status_code == 302
    assert [(call["article"].pk, call["by"]) for call in calls] == [(article.pk, admin_user)]
    entry = LogEntry.objects.get(object_id=str(article.pk))  # one entry: workflow's, none of the admin's own
    assert (entry.user, entry.action_flag) == (admin_user, CHANGE)
    assert "主标题" in entry.get_change_message()


def test_the_admin_publishes_through_workflow(admin_client):
    """A chief editor setting 已发布 without a time: the article goes live now (workflow.save_article does it)."""
    article = ArticleFactory(headline="待发", status=Article.Status.REVIEW)
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert admin_client.post(url, _article_form_data(article, status="published")).status_code == 302
    assert Article.objects.published().get() == article
