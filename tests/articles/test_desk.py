"""The desk (工作台): tonight's paper page by page, publishing a page or an issue, a page's review."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from articles import desk
from articles.models import Article, Page, WarningNote
from articles.workflow import CHIEF_EDITOR_GROUP, EDITOR_GROUP, REPORTER_GROUP
from tests.conftest import SEED_FILES
from tests.factories import ArticleFactory, IssueFactory, PageFactory

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")
PUBLISH = reverse("desk:publish")


def _login(client, django_user_model, group, username):
    user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def chief(client, django_user_model):
    _login(client, django_user_model, CHIEF_EDITOR_GROUP, "chief")
    return client


@pytest.fixture
def editor(client, django_user_model):
    _login(client, django_user_model, EDITOR_GROUP, "editor")
    return client


@pytest.fixture
def reporter(client, django_user_model):
    _login(client, django_user_model, REPORTER_GROUP, "reporter")
    return client


@pytest.fixture
def tonight():
    """Two pages of the latest issue (and an older issue that the desk does not show)."""
    old = PageFactory(issue=IssueFactory(printed_on=datetime.date(2024, 1, 22)), number=1, name="要闻")
    ArticleFactory(page=old, headline="昨天的稿件")
    issue = IssueFactory(printed_on=datetime.date(2024, 1, 23))
    front, second = (
        PageFactory(issue=issue, number=1, name="要闻"),
        PageFactory(issue=issue, number=2, name="综合·城区"),
    )
    ArticleFactory(page=front, headline="头版草稿", warnings=["标题出现在正文中间(分栏错位),已移回,请核对标题"])
    ArticleFactory(page=front, headline="头版待审", in_review=True)
    ArticleFactory(page=front, headline="头版已发", published=True)
    ArticleFactory(page=second, headline="二版定时", scheduled=True)
    ArticleFactory(page=second, headline="二版归档", archived=True)
    return issue, front, second


def test_desk_counts_tonights_pages(chief, tonight):
    issue, front, second = tonight
    response = chief.get(HOME)
    assert response.status_code == 200
    rows = {row.page.pk: row for row in response.context["rows"]}
    assert list(rows) == [front.pk, second.pk]
    assert (rows[front.pk].imported, rows[front.pk].in_review, rows[front.pk].published) == (1, 1, 1)
    assert rows[front.pk].warnings == 1
    assert (rows[second.pk].scheduled, rows[second.pk].archived, rows[second.pk].unpublished) == (1, 1, 0)
    assert "二版定时" in response.text  # scheduled publications
    assert "昨天的稿件" not in response.text
    assert "发布本版" in response.text and "发布整期" in response.text


def test_desk_reads_a_fixed_number_of_queries(chief, tonight, django_assert_max_num_queries):
    issue, front, second = tonight
    chief.get(HOME)
    with django_assert_max_num_queries(20) as few:
        chief.get(HOME)
    for n in range(3, 9):
        page = PageFactory(issue=issue, number=n)
        ArticleFactory(page=page, warnings=["段落在句中断开(可能不完整)"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        chief.get(HOME)


def test_the_index_stays_for_users_who_are_no_editors(reporter, tonight):
    response = reporter.get(HOME)
    assert response.status_code == 200
    assert "rows" not in response.context
    assert "头版草稿" not in response.text


def test_chief_publishes_a_page_through_the_workflow(chief, tonight):
    issue, front, second = tonight
    response = chief.post(PUBLISH, {"page": front.pk})
    assert response.status_code == 302 and response.url == HOME
    assert set(Article.objects.filter(page=front).values_list("status", flat=True)) == {"published"}
    assert Article.objects.get(headline="二版定时").is_public is False  # the other page untouched
    published = Article.objects.published().filter(page=front)
    assert published.count() == 3
    entries = LogEntry.objects.filter(change_message="发布", user__username="chief")
    assert sorted(entries.values_list("object_repr", flat=True)) == ["头版已发", "头版待审", "头版草稿"]


def test_chief_publishes_the_whole_issue_but_not_the_archived(chief, tonight):
    issue, front, second = tonight
    chief.post(PUBLISH, {"issue": issue.pk})
    assert Article.objects.get(headline="二版归档").status == "archived"
    assert Article.objects.get(headline="昨天的稿件").status == "draft"
    assert Article.objects.filter(page__issue=issue, status="published").count() == 4
    assert not Article.objects.get(headline="二版定时").is_public  # keeps its time


@pytest.mark.parametrize("role", ["editor", "reporter"])
def test_only_a_chief_editor_publishes(request, role, tonight):
    issue, front, second = tonight
    client = request.getfixturevalue(role)
    assert client.post(PUBLISH, {"page": front.pk}).status_code == 403
    assert client.post(PUBLISH, {"issue": issue.pk}).status_code == 403
    assert Article.objects.get(headline="头版草稿").status == "draft"
    with pytest.raises(Exception, match="主编"):
        desk.publish(user=_user(role), page=front)


def _user(role):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=role)


def test_publish_needs_a_page_or_issue(chief, tonight):
    response = chief.post(PUBLISH, {}, follow=True)
    assert "请选择要发布的版面或期次" in response.text
    assert chief.get(PUBLISH).status_code == 405


# Page review on a real page ----------------------------------------------------------------------


@pytest.fixture
def imported_page():
    call_command("import_pages", str(SEED_FILES[0]), verbosity=0)
    return Page.objects.get()


def test_page_review_shows_each_line_where_it_went(editor, imported_page):
    response = editor.get(reverse("desk:page_review", args=[imported_page.pk]))
    assert response.status_code == 200
    rows = response.context["rows"]
    source = imported_page.sources.get()
    assert len(rows) == len(source.text.splitlines())
    article = Article.objects.get(headline="全市商协会人民调解组织集中成立授牌")
    mine = [row for row in rows if row.article == article.pk]
    assert [row.number for row in mine] == sorted(article.source_lines)
    assert any(row.kind == "furniture" and row.note == "版面编辑" for row in rows)
    assert f'data-article="{article.pk}"' in response.text
    assert "全市商协会人民调解组织集中成立授牌" in response.text


def test_a_warning_is_dismissed_with_a_reason_stored_shown_and_audited(editor, imported_page):
    article = Article.objects.filter(page=imported_page).exclude(warnings=[]).first()
    warning = article.warnings[0]
    url = reverse("desk:dismiss_warning", args=[article.pk])

    response = editor.post(url, {"warning": warning, "reason": "  "}, follow=True)
    assert "请写明忽略这条提示的理由" in response.text
    article.refresh_from_db()
    assert warning in article.warnings and not WarningNote.objects.exists()

    response = editor.post(url, {"warning": warning, "reason": "原稿如此,已与版面核对"}, follow=True)
    article.refresh_from_db()
    assert warning not in article.warnings
    note = WarningNote.objects.get()
    assert (note.text, note.outcome, note.reason, note.by.username) == (
        warning,
        "dismissed",
        "原稿如此,已与版面核对",
        "editor",
    )
    assert "原稿如此,已与版面核对" in response.text  # back on the review page, shown with the article
    log = LogEntry.objects.get(object_id=str(article.pk))
    assert "忽略导入提示" in log.change_message and "原稿如此" in log.change_message
    form = editor.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert "原稿如此,已与版面核对" in form


def test_a_reporter_dismisses_nothing(reporter, tonight):
    article = Article.objects.get(headline="头版草稿")
    url = reverse("desk:dismiss_warning", args=[article.pk])
    assert reporter.post(url, {"warning": article.warnings[0], "reason": "不用管"}).status_code == 403
    assert reporter.get(reverse("desk:page_review", args=[article.page_id])).status_code == 403
    article.refresh_from_db()
    assert article.warnings


def test_the_desk_opens_another_issue(chief, tonight):
    response = chief.get(HOME, {"issue": "2024-01-22"})
    assert [row.page.issue.printed_on for row in response.context["rows"]] == [datetime.date(2024, 1, 22)]
    assert "昨天的稿件" not in response.text  # counted, not listed
    assert response.context["rows"][0].imported == 1
    assert "?issue=2024-01-23" in response.text
    for unknown in ("2023-01-01", "nonsense"):
        assert chief.get(HOME, {"issue": unknown}).context["issue"].printed_on == datetime.date(2024, 1, 23)


def test_an_editor_sees_the_desk_without_publish_buttons(editor, tonight):
    response = editor.get(HOME)
    assert len(response.context["rows"]) == 2
    assert "发布本版" not in response.text and "发布整期" not in response.text
    assert "审读" in response.text
