import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import workflow
from articles.models import Article, Byline, Correction, PageCredit, Person, PersonAlias, Role
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PageCreditFactory,
    PageFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(django_user_model):
    return django_user_model.objects.create_user("chief", password="x")


def count_queries(func, **kwargs):
    with CaptureQueriesContext(connection) as ctx:
        result = func(**kwargs)
    return result, len(ctx.captured_queries)


def test_submit_for_review_moves_drafts_only(chief):
    draft = ArticleFactory(draft=True)
    published = ArticleFactory(published=True)
    assert workflow.submit_for_review(articles=Article.objects.all(), by=chief) == 1
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    assert published.status == Article.Status.PUBLISHED


def test_publish_sets_time_now_and_keeps_a_schedule(chief):
    draft = ArticleFactory(draft=True)
    later = timezone.now() + datetime.timedelta(days=2)
    scheduled = ArticleFactory(in_review=True, published_at=later)
    assert workflow.publish_articles(articles=Article.objects.all(), by=chief) == 2
    draft.refresh_from_db()
    scheduled.refresh_from_db()
    assert draft.is_public
    assert scheduled.status == Article.Status.PUBLISHED
    assert scheduled.published_at == later
    assert not scheduled.is_public
    assert list(Article.objects.published()) == [draft]


def test_publish_at_a_future_time_goes_live_by_itself(chief):
    article = ArticleFactory(draft=True)
    at = timezone.now() + datetime.timedelta(hours=1)
    workflow.publish_articles(articles=Article.objects.filter(pk=article.pk), by=chief, at=at)
    assert not Article.objects.published().exists()
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))
    assert Article.objects.published().get() == article


def test_unpublish_and_archive(chief):
    article = ArticleFactory(published=True)
    assert workflow.unpublish_articles(articles=Article.objects.all(), by=chief) == 1
    assert not Article.objects.published().exists()
    assert workflow.archive_articles(articles=Article.objects.all(), by=chief) == 1
    article.refresh_from_db()
    assert article.status == Article.Status.ARCHIVED


def test_mark_reviewed_stamps_user(chief):
    article = ArticleFactory(draft=True)
    assert workflow.mark_reviewed(articles=Article.objects.all(), by=chief) == 1
    article.refresh_from_db()
    assert article.reviewed_by == chief
    assert article.reviewed_at is not None
    assert article.status == Article.Status.REVIEW


def test_move_to_section_marks_edited(chief):
    article = ArticleFactory()
    target = SectionFactory(name="经济")
    assert workflow.move_to_section(articles=Article.objects.all(), section=target, by=chief) == 1
    article.refresh_from_db()
    assert article.section == target
    assert article.is_edited


def test_add_and_remove_tags(chief):
    tagged = ArticleFactory(tags=["经济"])
    plain = ArticleFactory()
    assert workflow.add_tags(articles=Article.objects.all(), tags=["经济", "产业"], by=chief) == 3
    assert set(plain.tags.names()) == {"经济", "产业"}
    assert set(tagged.tags.names()) == {"经济", "产业"}
    assert workflow.remove_tags(articles=Article.objects.filter(pk=plain.pk), tags=["经济", "不存在"], by=chief) == 1
    assert set(plain.tags.names()) == {"产业"}
    assert set(tagged.tags.names()) == {"经济", "产业"}


def test_workflows_accept_distinct_querysets(chief):
    person = PersonFactory()
    article = ArticleFactory()
    BylineFactory(article=article, person=person, role=Role.REPORTER)
    BylineFactory(article=article, person=person, role=Role.PHOTOGRAPHER)
    articles = Article.objects.filter(bylines__person=person).distinct()
    assert workflow.publish_articles(articles=articles, by=chief) == 1


@pytest.mark.parametrize(
    ("func", "extra"),
    [
        (workflow.submit_for_review, {}),
        (workflow.mark_reviewed, {}),
        (workflow.publish_articles, {}),
        (workflow.unpublish_articles, {}),
        (workflow.archive_articles, {}),
        (workflow.add_tags, {"tags": ["经济", "产业"]}),
        (workflow.remove_tags, {"tags": ["经济"]}),
    ],
)
def test_query_count_does_not_grow_with_rows(chief, func, extra):
    func(articles=Article.objects.none(), by=chief, **extra)  # creates the tags once
    ArticleFactory.create_batch(3)
    _, few = count_queries(func, articles=Article.objects.all(), by=chief, **extra)
    ArticleFactory.create_batch(30)
    _, many = count_queries(func, articles=Article.objects.all(), by=chief, **extra)
    assert many == few


def test_move_to_section_query_count_is_constant(chief):
    target = SectionFactory()
    ArticleFactory.create_batch(3)
    _, few = count_queries(workflow.move_to_section, articles=Article.objects.all(), section=target, by=chief)
    ArticleFactory.create_batch(30)
    _, many = count_queries(workflow.move_to_section, articles=Article.objects.all(), section=target, by=chief)
    # The update, and marking the readers' pages it changes (ids, their pages and times, the mark) in a savepoint.
    assert few == many <= 7


def test_bulk_publishing_5000_articles_runs_a_few_statements(chief):
    section = SectionFactory()
    Article.objects.bulk_create(
        [Article(headline=f"稿件{n}", section=section, status=Article.Status.REVIEW) for n in range(5000)]
    )
    with CaptureQueriesContext(connection) as ctx:
        count = workflow.publish_articles(articles=Article.objects.all(), by=chief)
    assert count == 5000
    history = [q for q in ctx.captured_queries if "django_admin_log" in q["sql"]]
    # The history: one INSERT per batch Django allows (all at once on PostgreSQL, 142 rows on SQLite).
    fields = [f for f in LogEntry._meta.concrete_fields if not f.primary_key]
    assert len(history) == -(-5000 // connection.ops.bulk_batch_size(fields, range(5000)))
    assert len(ctx.captured_queries) - len(history) <= 5  # the rows' titles, the update, a savepoint
    assert Article.objects.published().count() == 5000


def test_add_correction(chief):
    article = ArticleFactory(published=True)
    correction = workflow.add_correction(article=article, text="特此更正。", by=chief)
    assert correction.published_on == timezone.localdate()
    assert list(article.corrections.all()) == [correction]
    assert Correction.objects.get().created_by == chief


def test_merge_people_moves_bylines_credits_and_keeps_alias(chief):
    canonical = PersonFactory(name="成姣兰")
    typo = PersonFactory(name="成娇兰")
    other_typo = PersonFactory(name="成姣蓝")
    PersonAliasFactory = PersonAlias.objects.create
    PersonAliasFactory(person=other_typo, name="成 姣兰")
    shared = ArticleFactory()
    BylineFactory(article=shared, person=canonical, role=Role.REPORTER)
    BylineFactory(article=shared, person=typo, role=Role.REPORTER)  # would collide: dropped
    BylineFactory(article=shared, person=typo, role=Role.PHOTOGRAPHER)  # different role: moved
    own = ArticleFactory()
    BylineFactory(article=own, person=typo, role=Role.REPORTER)
    BylineFactory(article=own, person=other_typo, role=Role.REPORTER)  # collides with typo's after the move
    page = PageFactory()
    PageCreditFactory(page=page, person=canonical, role=Role.EDITOR)
    PageCreditFactory(page=page, person=typo, role=Role.EDITOR)
    PageCreditFactory(page=page, person=typo, role=Role.ART_EDITOR)

    result = workflow.merge_people(into=canonical, others=[typo, other_typo, canonical], by=chief)

    assert set(Person.objects.values_list("name", flat=True)) == {"成姣兰"}
    assert result.bylines_moved == 2
    assert result.bylines_dropped == 2
    assert set(Byline.objects.filter(article=shared).values_list("person__name", "role")) == {
        ("成姣兰", Role.REPORTER),
        ("成姣兰", Role.PHOTOGRAPHER),
    }
    assert Byline.objects.filter(article=own).get().person == canonical
    assert set(PageCredit.objects.values_list("person__name", "role")) == {
        ("成姣兰", Role.EDITOR),
        ("成姣兰", Role.ART_EDITOR),
    }
    assert set(canonical.aliases.values_list("name", flat=True)) == {"成娇兰", "成姣蓝", "成 姣兰"}


def test_merge_people_hands_over_the_login(chief, django_user_model):
    canonical = PersonFactory()
    other = PersonFactory(user=django_user_model.objects.create_user("reporter"))
    workflow.merge_people(into=canonical, others=[other], by=chief)
    canonical.refresh_from_db()
    assert canonical.user.username == "reporter"


def test_a_merged_spelling_is_honoured_by_later_imports(chief):
    from pathlib import Path

    from importers.runner import Importer

    page = (
        "全市商协会人民调解组织集中成立授牌\n\n"
        "株洲日报讯(全媒体记者/成娇兰) 1月22日,我市商协会人民调解组织开展集中成立授牌仪式和业务培训。\n\n"
        "第二段正文在这里,内容足够长一些才像新闻。\n"
    )
    first = Importer(issue_date=datetime.date(2024, 1, 22)).import_bytes(page.encode(), path=Path("a.txt"))
    assert first.ok, first.error
    canonical = PersonFactory(name="成姣兰")
    workflow.merge_people(into=canonical, others=list(Person.objects.filter(name="成娇兰")), by=chief)

    later = page.replace("全市", "全县")
    second = Importer(issue_date=datetime.date(2024, 1, 23)).import_bytes(later.encode(), path=Path("b.txt"))
    assert second.ok, second.error
    assert list(Person.objects.values_list("name", flat=True)) == ["成姣兰"]
    assert Byline.objects.filter(person=canonical).count() == 2


# The history each write leaves -------------------------------------------------------------------------


def _history(obj):
    from django.contrib.admin.models import LogEntry

    return [
        (entry.user.username, entry.action_flag, entry.get_change_message())
        for entry in LogEntry.objects.filter(object_id=str(obj.pk), content_type__model=obj._meta.model_name)
        .select_related("user")
        .order_by("pk")
    ]


@pytest.mark.parametrize(
    ("func", "extra", "message"),
    [
        (workflow.submit_for_review, {}, "提交审核"),
        (workflow.mark_reviewed, {}, "审核"),
        (workflow.publish_articles, {}, "发布"),
        (workflow.unpublish_articles, {}, "撤下"),
        (workflow.archive_articles, {}, "归档"),
        (workflow.add_tags, {"tags": ["经济", "产业"]}, "添加标签:经济、产业"),
    ],
)
def test_each_bulk_workflow_logs_every_article_naming_the_user(chief, func, extra, message):
    from django.contrib.admin.models import CHANGE

    articles = ArticleFactory.create_batch(3, draft=True)
    func(articles=Article.objects.filter(pk__in=[a.pk for a in articles]), by=chief, **extra)
    assert [_history(article) for article in articles] == [[("chief", CHANGE, message)]] * 3


def test_moving_removing_tags_and_correcting_are_logged(chief):
    article = ArticleFactory(tags=["经济"])
    section = SectionFactory(name="体育")
    rows = Article.objects.filter(pk=article.pk)
    workflow.move_to_section(articles=rows, section=section, by=chief)
    workflow.remove_tags(articles=rows, tags=["经济"], by=chief)
    workflow.add_correction(article=article, text="本报1月22日2版报道中的数字有误,特此更正。", by=chief)
    assert [message for _, _, message in _history(article)] == [
        "移到栏目:体育",
        "去掉标签:经济",
        "更正:本报1月22日2版报道中的数字有误,特此更正。",
    ]


def test_merging_people_is_logged_on_the_person_kept(chief):
    from django.contrib.admin.models import CHANGE

    kept, typo = PersonFactory(name="成姣兰"), PersonFactory(name="成娇兰")
    workflow.merge_people(into=kept, others=[typo], by=chief)
    assert _history(kept) == [("chief", CHANGE, "合并了:成娇兰")]


def test_a_scripts_change_names_nobody_and_leaves_no_history():
    article = ArticleFactory(in_review=True)
    workflow.publish_articles(articles=Article.objects.filter(pk=article.pk), by=None)
    assert Article.objects.published().get() == article
    assert _history(article) == []


def test_save_article_saves_related_rows_then_indexes_and_logs(chief):
    from django.contrib.admin.models import ADDITION, CHANGE

    from articles import search

    person = PersonFactory(name="成姣兰")
    article = Article(
        headline="全市商协会人民调解组织集中成立", body="调解组织授牌。", status=Article.Status.PUBLISHED
    )

    def bylines():
        Byline.objects.create(article=article, person=person, role=Role.REPORTER)

    assert workflow.save_article(article=article, by=chief, related=bylines, message=lambda: "新建") is True
    article.refresh_from_db()
    assert article.is_edited
    assert article.published_at is not None  # published without a time: now
    # The index was written after the bylines: readers find the article by its reporter's name.
    assert [a.pk for a in search.search(Article.objects.all(), "成姣兰")] == [article.pk]

    article.body = "商会调解。"
    workflow.save_article(article=article, by=chief)
    assert [a.pk for a in search.search(Article.objects.all(), "商会")] == [article.pk]
    assert _history(article) == [("chief", ADDITION, "新建"), ("chief", CHANGE, "修改")]


def test_a_failing_index_keeps_the_edit(chief, monkeypatch):
    from django.db import DatabaseError

    from articles import search

    def broken(ids):
        raise DatabaseError("index table locked")

    monkeypatch.setattr(search, "index_articles", broken)
    article = ArticleFactory(headline="旧标题")
    article.headline = "新标题"
    assert workflow.save_article(article=article, by=chief) is False
    assert Article.objects.get(pk=article.pk).headline == "新标题"
    assert [message for _, _, message in _history(article)] == ["修改"]


def test_renaming_a_person_reindexes_their_articles_and_is_logged(chief):
    from django.contrib.admin.models import CHANGE

    from articles import search

    person = PersonFactory(name="成娇兰")
    article = ArticleFactory(published=True, body="调解组织授牌。")
    BylineFactory(article=article, person=person)
    search.index_articles([article.pk])
    person.name = "成姣兰"
    assert workflow.save_person(person=person, by=chief, message="改名") is True
    assert [a.pk for a in search.search(Article.objects.all(), "成姣兰")] == [article.pk]
    assert _history(person) == [("chief", CHANGE, "改名")]


def test_delete_articles_leaves_the_index_and_logs_first(chief):
    from django.contrib.admin.models import DELETION, LogEntry

    from articles import search

    article = ArticleFactory(published=True, headline="要删的稿件", body="商会调解。")
    search.index_articles([article.pk])
    assert workflow.delete_articles(articles=Article.objects.filter(pk=article.pk), by=chief) == 1
    assert not Article.objects.exists()
    assert search.search(Article.objects.all(), "商会") == []
    entry = LogEntry.objects.get()
    assert (entry.user, entry.action_flag, entry.object_repr) == (chief, DELETION, "要删的稿件")
