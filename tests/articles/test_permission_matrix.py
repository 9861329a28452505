"""The permission matrix: every admin address × each role × own, another's and a published article.

Each row of ``CASES`` is one admin address (a list, a form, a custom view, a bulk action) and says, for
each role, what the answer is and what the request leaves behind. A row about an article runs three
times, on

- ``own``: a draft bylined to the reporter (rep1),
- ``other``: a draft bylined to another reporter (rep2),
- ``published``: a published article bylined to rep1,

and each article has a history: an old version (another headline, saved while the opposite status:
published for the drafts, a draft for the published one) and the current one.

An expectation is ``"CODE WHAT"``:

- CODE: the status code; ``login`` is the redirect to the admin login.
- WHAT, for a GET: ``shown``/``hidden`` (the article's headline is or is not on the page), ``edit``/``view``
  (its form, with or without a save button); nothing is written by a GET, whatever the role (checked).
- WHAT, for a POST: the fields of the article that changed, ``-`` for none (``created``: articles other
  than the three, ``people``, ``sections``: counts of the whole database). The other two articles never change (checked). The
  recover rows compare with the article before it was deleted: ``exists`` means it is still gone.

Roles: 记者 (rep1), 编辑, 主编, staff with no group, anonymous. Unless a row says otherwise, staff
with no group get 403 and anonymous users the login page.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Correction, Person, Section
from articles.workflow import CHIEF_EDITOR_GROUP, EDITOR_GROUP, REPORTER_GROUP
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PageFactory,
    PersonFactory,
    RawSourceFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ("reporter", "editor", "chief", "staff", "anonymous")
ARTICLES = ("own", "other", "published")
HEADLINES = {"own": "本人草稿甲", "other": "同事草稿乙", "published": "已发稿件丙"}


# The world each case starts from ----------------------------------------------------------------


@dataclass
class World:
    users: dict
    articles: dict[str, Article]
    old_versions: dict[str, int]
    person: Person
    colleague: Person
    strangers: tuple[Person, Person]
    target_section: Section
    page_id: int
    source_id: int
    pks: dict[str, int] = field(default_factory=dict)

    def article(self, key: str) -> Article:
        return self.articles[key]

    def pk(self, key: str) -> int:
        return self.pks[key]


def an_hour_ago() -> datetime.datetime:
    """Whole minutes, as the admin's date and time inputs show it: a form posted back unchanged changes nothing."""
    return (timezone.now() - datetime.timedelta(hours=1)).replace(second=0, microsecond=0)


def _user(django_user_model, name, group=None):
    user = django_user_model.objects.create_user(name, password=None, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _give_history(article: Article) -> int:
    """Two versions: an old one (another headline, the opposite status), then the current state. The old one's pk."""
    current = {"headline": article.headline, "status": article.status, "published_at": article.published_at}
    if article.status == Article.Status.PUBLISHED:
        old = {"status": Article.Status.DRAFT, "published_at": None}
    else:
        old = {"status": Article.Status.PUBLISHED, "published_at": an_hour_ago() - datetime.timedelta(hours=1)}
    old["headline"] = "旧版" + article.headline
    for fields in (old, current):
        with reversion.create_revision():
            for name, value in fields.items():
                setattr(article, name, value)
            article.save()
    return Version.objects.get_for_object(article).order_by("pk").first().pk


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back at its end; each case runs in a savepoint of its own."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world(get_user_model())
        transaction.set_rollback(True)


def _build_world(django_user_model) -> World:
    users = {
        "reporter": _user(django_user_model, "rep1", REPORTER_GROUP),
        "editor": _user(django_user_model, "editor1", EDITOR_GROUP),
        "chief": _user(django_user_model, "chief1", CHIEF_EDITOR_GROUP),
        "staff": _user(django_user_model, "staff1"),
        "anonymous": None,
    }
    person = PersonFactory(name="成姣兰", slug="chengjiaolan", user=users["reporter"])
    colleague = PersonFactory(name="杨如", slug="yangru", user=_user(django_user_model, "rep2", REPORTER_GROUP))
    page = PageFactory(issue__printed_on=datetime.date(2024, 5, 6), number=3)
    source = RawSourceFactory(page=page)
    articles = {
        "own": ArticleFactory(draft=True, headline=HEADLINES["own"], page=page, source=source, tags=["旧标签"]),
        "other": ArticleFactory(draft=True, headline=HEADLINES["other"], page=page, tags=["旧标签"]),
        "published": ArticleFactory(
            published=True, published_at=an_hour_ago(), headline=HEADLINES["published"], page=page, tags=["旧标签"]
        ),
    }
    for key, article in articles.items():
        BylineFactory(article=article, person=colleague if key == "other" else person, order=1)
        Correction.objects.create(article=article, text=f"{HEADLINES[key]}的更正")
    old_versions = {key: _give_history(article) for key, article in articles.items()}
    return World(
        users=users,
        articles=articles,
        old_versions=old_versions,
        person=person,
        colleague=colleague,
        strangers=(PersonFactory(name="甲某"), PersonFactory(name="乙某")),
        target_section=SectionFactory(name="目标栏目", slug="target"),
        page_id=page.pk,
        source_id=source.pk,
        pks={key: article.pk for key, article in articles.items()},
    )


def snapshot(world: World) -> dict:
    state = {
        "created": Article.objects.exclude(pk__in=world.pks.values()).count(),
        "people": Person.objects.count(),
        "sections": Section.objects.count(),
    }
    for key, pk in world.pks.items():
        article = Article.objects.filter(pk=pk).first()
        state[f"{key}.exists"] = article is not None
        if article is None:
            continue
        state.update(
            {
                f"{key}.headline": article.headline,
                f"{key}.status": article.status,
                f"{key}.published_at": article.published_at,
                f"{key}.reviewed": article.reviewed_at is not None,
                f"{key}.section": article.section_id,
                f"{key}.bylines": tuple(sorted(article.bylines.values_list("person__name", "role", "order"))),
                f"{key}.tags": tuple(sorted(article.tags.names())),
                f"{key}.corrections": article.corrections.count(),
            }
        )
    return state


def changes(before: dict, after: dict, target: str | None) -> set[str]:
    """The keys that changed, the target article's without its prefix; an article gone or back is ``exists``."""
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    for article in ARTICLES:
        if f"{article}.exists" in changed:  # gone, or back: its other fields say nothing more
            changed = {key for key in changed if not key.startswith(f"{article}.")} | {f"{article}.exists"}
    return {key.removeprefix(f"{target}.") if target else key for key in changed}


# What a browser would submit ----------------------------------------------------------------------


class _FormValues(HTMLParser):
    """The name/value pairs a browser submits from the page's model form (``<form id="…_form">``)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pairs: list[tuple[str, str]] = []
        self._in_form = False
        self._select: dict | None = None
        self._option: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") or "").endswith("_form"):
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.pairs.append((attrs["name"], attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and attrs.get("name"):
            self._select = {"name": attrs["name"], "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["chosen"].append(value)
        elif tag == "textarea" and attrs.get("name"):
            self._textarea, self._text = attrs["name"], []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self._in_form:
            self._in_form = False
        elif tag == "select" and self._select is not None:
            chosen = self._select["chosen"] or ([self._select["first"]] if self._select["first"] is not None else [])
            self.pairs.extend((self._select["name"], value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self.pairs.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_values(html: str) -> dict[str, list[str]]:
    parser = _FormValues()
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in parser.pairs:
        data.setdefault(name, []).append(value)
    return data


def _article_fallback(article: Article) -> dict:
    """What a client that never saw the form could post."""
    return {
        "kind": article.kind,
        "headline": article.headline,
        "body": article.body,
        "position": article.position,
        "section": article.section_id or "",
        "status": article.status,
        "tags": "旧标签",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }


def resubmit(url: str, **changed) -> Callable:
    """Open the form at ``url`` as the same user and post it back with ``changed`` fields.

    When the form does not open (denied, missing), post what a client that never saw it could.
    """

    def data(client, world: World, key: str | None):
        address = url(world, key)
        response = client.get(address)
        if response.status_code == 200 and "_form" in response.text:
            values = form_values(response.text)
        else:
            values = _article_fallback(world.article(key or "own"))
        return {**values, **changed}

    return data


def fixed(**data) -> Callable:
    return lambda client, world, key: {
        name: value(world, key) if callable(value) else value for name, value in data.items()
    }


# Addresses ------------------------------------------------------------------------------------------


def admin(name: str, *args: Callable) -> Callable:
    return lambda world, key: reverse(f"admin:{name}", args=[arg(world, key) for arg in args])


def pk(world, key):
    return world.pk(key)


def old_version(world, key):
    return world.old_versions[key]


def deleted_version(world, key):
    return Version.objects.get_deleted(Article).get(object_id=str(pk(world, key))).pk


def byline(world, key):
    return Article.objects.get(pk=world.pk(key)).bylines.get().pk


def with_query(address: Callable, query: Callable[[World, str], str]) -> Callable:
    return lambda world, key: f"{address(world, key)}?{query(world, key)}"


def autocomplete(model: str, field_name: str) -> Callable:
    return with_query(
        admin("autocomplete"),
        lambda world, key: f"app_label=articles&model_name={model}&field_name={field_name}&term={HEADLINES[key]}",
    )


def action(name: str, **extra) -> Callable:
    return fixed(action=name, index="0", _selected_action=pk, **extra)


def delete_article(world, key):
    Article.objects.get(pk=world.pk(key)).delete()


# The table ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    url: Callable
    expect: dict
    data: Callable | None = None
    prepare: Callable | None = None
    per_article: bool = True
    defaults: dict = field(default_factory=lambda: {"staff": "403", "anonymous": "login"})

    def expected(self, role: str, key: str | None) -> str:
        value = self.expect.get(role, self.defaults.get(role))
        assert value is not None, f"{self.name}: no expectation for {role}"
        if isinstance(value, tuple):
            value = value[ARTICLES.index(key)]
        if self.method == "post" and " " not in value:
            value += " -"
        return value


def every(value: str) -> tuple[str, str, str]:
    return (value, value, value)


CHANGELIST = admin("articles_article_changelist")
CHANGE = admin("articles_article_change", pk)
REVISION = admin("articles_article_revision", pk, old_version)
RECOVER = admin("articles_article_recover", deleted_version)

CASES = [
    # The article admin ------------------------------------------------------------------------------
    Case(
        "article list",
        "get",
        CHANGELIST,
        {
            "reporter": ("200 shown", "200 hidden", "200 shown"),
            "editor": every("200 shown"),
            "chief": every("200 shown"),
        },
    ),
    Case(
        "article list, search",
        "get",
        with_query(CHANGELIST, lambda world, key: f"q={HEADLINES[key][:-1]}"),  # the page repeats the query
        {
            "reporter": ("200 shown", "200 hidden", "200 shown"),
            "editor": every("200 shown"),
            "chief": every("200 shown"),
        },
    ),
    Case(
        "article form",
        "get",
        CHANGE,
        {"reporter": ("200 edit", "302", "200 view"), "editor": every("200 edit"), "chief": every("200 edit")},
    ),
    Case(
        "article form, save a new headline",
        "post",
        CHANGE,
        {"reporter": ("302 headline", "302", "403"), "editor": every("302 headline"), "chief": every("302 headline")},
        data=resubmit(CHANGE, headline="改过的标题"),
    ),
    Case(
        "article delete page",
        "get",
        admin("articles_article_delete", pk),
        {"reporter": every("403"), "editor": every("403"), "chief": every("200 shown")},
    ),
    Case(
        "article delete",
        "post",
        admin("articles_article_delete", pk),
        {"reporter": every("403"), "editor": every("403"), "chief": every("302 exists")},
        data=fixed(post="yes"),
    ),
    Case(
        "article history",
        "get",
        admin("articles_article_history", pk),
        {"reporter": ("200 shown", "404", "200 shown"), "editor": every("200 shown"), "chief": every("200 shown")},
    ),
    # Holes 2 and 3: a revert restores the text, never the publication state; a reporter reverts own drafts only.
    Case(
        "history: open an old version",
        "get",
        REVISION,
        {"reporter": ("200 edit", "404", "403"), "editor": every("200 edit"), "chief": every("200 edit")},
    ),
    Case(
        "history: revert to an old version",
        "post",
        REVISION,
        {"reporter": ("302 headline", "404", "403"), "editor": every("302 headline"), "chief": every("302 headline")},
        data=resubmit(REVISION),
    ),
    Case(
        "deleted articles (recover list)",
        "get",
        admin("articles_article_recoverlist"),
        {"reporter": every("403"), "editor": every("200 shown"), "chief": every("200 shown")},
        prepare=delete_article,
    ),
    Case(
        "recover a deleted article: the form",
        "get",
        RECOVER,
        {"reporter": every("403"), "editor": every("200 edit"), "chief": every("200 edit")},
        prepare=delete_article,
    ),
    # Hole 2: a recovered article comes back as it was, except that a published one comes back in review.
    Case(
        "recover a deleted article",
        "post",
        RECOVER,
        {
            "reporter": every("403 exists"),
            "editor": ("302", "302", "302 status"),
            "chief": ("302", "302", "302 status"),
            "staff": every("403 exists"),
            "anonymous": every("login exists"),
        },
        data=resubmit(RECOVER),
        prepare=delete_article,
    ),
    Case(
        "preview",
        "get",
        admin("articles_article_preview", pk),
        {
            "reporter": ("200 shown", "404", "200 shown"),
            "editor": every("200 shown"),
            "chief": every("200 shown"),
        },
    ),
    Case(
        "autocomplete: a byline's article",
        "get",
        autocomplete("byline", "article"),
        {
            "reporter": ("200 shown", "200 hidden", "200 shown"),
            "editor": every("200 shown"),
            "chief": every("200 shown"),
        },
    ),
    Case(
        "autocomplete: a correction's article",
        "get",
        autocomplete("correction", "article"),
        {
            "reporter": ("200 shown", "200 hidden", "200 shown"),
            "editor": every("200 shown"),
            "chief": every("200 shown"),
        },
    ),
    Case(
        "autocomplete: an article's parent",
        "get",
        autocomplete("article", "parent"),
        {
            "reporter": ("200 shown", "200 hidden", "200 shown"),
            "editor": every("200 shown"),
            "chief": every("200 shown"),
        },
    ),
    # Bulk actions on the article list: a reporter's selection is their own drafts at most.
    Case(
        "action: submit for review",
        "post",
        CHANGELIST,
        {
            "reporter": ("302 status", "302", "302"),
            "editor": ("302 status", "302 status", "302"),
            "chief": ("302 status", "302 status", "302"),
        },
        data=action("submit_for_review_action"),
    ),
    Case(
        "action: mark reviewed",
        "post",
        CHANGELIST,
        {
            "reporter": every("302"),
            "editor": ("302 status reviewed", "302 status reviewed", "302 reviewed"),
            "chief": ("302 status reviewed", "302 status reviewed", "302 reviewed"),
        },
        data=action("mark_reviewed_action"),
    ),
    Case(
        "action: publish",
        "post",
        CHANGELIST,
        {
            "reporter": every("302"),
            "editor": every("302"),
            "chief": ("302 status published_at", "302 status published_at", "302"),
        },
        data=action("publish_action", apply="1", published_at_0="", published_at_1=""),
    ),
    Case(
        "action: unpublish",
        "post",
        CHANGELIST,
        {"reporter": every("302"), "editor": every("302"), "chief": ("302", "302", "302 status")},
        data=action("unpublish_action"),
    ),
    Case(
        "action: archive",
        "post",
        CHANGELIST,
        {"reporter": every("302"), "editor": every("302"), "chief": every("302 status")},
        data=action("archive_action"),
    ),
    Case(
        "action: move to a section",
        "post",
        CHANGELIST,
        {"reporter": every("302"), "editor": every("302 section"), "chief": every("302 section")},
        data=action("move_to_section_action", apply="1", section=lambda world, key: world.target_section.pk),
    ),
    Case(
        "action: add tags",
        "post",
        CHANGELIST,
        {"reporter": every("302"), "editor": every("302 tags"), "chief": every("302 tags")},
        data=action("add_tags_action", apply="1", tags="新标签"),
    ),
    Case(
        "action: remove tags",
        "post",
        CHANGELIST,
        {"reporter": every("302"), "editor": every("302 tags"), "chief": every("302 tags")},
        data=action("remove_tags_action", apply="1", tags="旧标签"),
    ),
    Case(
        "action: delete",
        "post",
        CHANGELIST,
        {"reporter": every("302"), "editor": every("302"), "chief": every("302 exists")},
        data=action("delete_selected", post="yes"),
    ),
    # Hole 1: bylines decide who owns an article, so a byline goes only on an article its author may change.
    Case(
        "byline list",
        "get",
        admin("articles_byline_changelist"),
        {
            "reporter": ("200 shown", "200 hidden", "200 shown"),
            "editor": every("200 shown"),
            "chief": every("200 shown"),
        },
    ),
    Case(
        "byline add: own person on the article",
        "post",
        admin("articles_byline_add"),
        {"reporter": ("302 bylines", "200", "200"), "editor": every("302 bylines"), "chief": every("302 bylines")},
        data=fixed(person=lambda world, key: world.person.pk, article=pk, role="photographer", order="5"),
    ),
    Case(
        "byline form",
        "get",
        admin("articles_byline_change", byline),
        {"reporter": ("200 edit", "302", "200 view"), "editor": every("200 edit"), "chief": every("200 edit")},
    ),
    Case(
        "byline form, save",
        "post",
        admin("articles_byline_change", byline),
        {"reporter": ("302 bylines", "302", "403"), "editor": every("302 bylines"), "chief": every("302 bylines")},
        data=fixed(
            person=lambda world, key: Article.objects.get(pk=world.pk(key)).bylines.get().person_id,
            article=pk,
            role="reporter",
            order="9",
        ),
    ),
    Case(
        "byline delete",
        "post",
        admin("articles_byline_delete", byline),
        {"reporter": ("302 bylines", "302", "403"), "editor": every("302 bylines"), "chief": every("302 bylines")},
        data=fixed(post="yes"),
    ),
    Case(
        "correction list",
        "get",
        admin("articles_correction_changelist"),
        {
            "reporter": ("200 shown", "200 hidden", "200 shown"),
            "editor": every("200 shown"),
            "chief": every("200 shown"),
        },
    ),
    Case(
        "correction add",
        "post",
        admin("articles_correction_add"),
        {"reporter": every("403"), "editor": every("302 corrections"), "chief": every("302 corrections")},
        data=fixed(article=pk, text="更正:……特此更正。", published_on="2024-05-07"),
    ),
    Case(
        "page form (its articles in print order)",
        "get",
        lambda world, key: reverse("admin:articles_page_change", args=[world.page_id]),
        {
            "reporter": ("200 shown", "200 hidden", "200 shown"),
            "editor": every("200 shown"),
            "chief": every("200 shown"),
        },
    ),
    # Addresses about no article in particular ------------------------------------------------------------
    Case(
        "admin index",
        "get",
        admin("index"),
        {"reporter": "200", "editor": "200", "chief": "200", "staff": "200"},
        per_article=False,
    ),
    Case(
        "article add form",
        "get",
        admin("articles_article_add"),
        {"reporter": "200", "editor": "200", "chief": "200"},
        per_article=False,
    ),
    Case(
        "article add",
        "post",
        admin("articles_article_add"),
        {"reporter": "302 created", "editor": "302 created", "chief": "302 created"},
        data=resubmit(admin("articles_article_add"), headline="新写的稿件", body="正文。"),
        per_article=False,
    ),
    Case(
        "statistics",
        "get",
        admin("articles_article_stats"),
        {"reporter": "200", "editor": "200", "chief": "200"},
        per_article=False,
    ),
    Case(
        "statistics, CSV",
        "get",
        admin("articles_article_stats_csv"),
        {"reporter": "200", "editor": "200", "chief": "200"},
        per_article=False,
    ),
    Case(
        "people list",
        "get",
        admin("articles_person_changelist"),
        {"reporter": "200", "editor": "200", "chief": "200"},
        per_article=False,
    ),
    Case(
        "people: likely duplicates",
        "get",
        admin("articles_person_duplicates"),
        {"reporter": "200", "editor": "200", "chief": "200"},
        per_article=False,
    ),
    Case(
        "people: merge form",
        "get",
        with_query(
            admin("articles_person_merge"), lambda world, key: f"ids={world.strangers[0].pk},{world.strangers[1].pk}"
        ),
        {"reporter": "403", "editor": "403", "chief": "200"},
        per_article=False,
    ),
    Case(
        "people: merge",
        "post",
        with_query(
            admin("articles_person_merge"), lambda world, key: f"ids={world.strangers[0].pk},{world.strangers[1].pk}"
        ),
        {"reporter": "403", "editor": "403", "chief": "302 people"},
        data=fixed(into=lambda world, key: world.strangers[0].pk),
        per_article=False,
    ),
    Case(
        "section add",
        "post",
        admin("articles_section_add"),
        {"reporter": "403", "editor": "403", "chief": "302 sections"},
        data=fixed(name="新栏目", slug="xin", order="5", keywords=""),
        per_article=False,
    ),
    Case(
        "import runs",
        "get",
        admin("importers_importrun_changelist"),
        {"reporter": "403", "editor": "200", "chief": "200"},
        per_article=False,
    ),
    Case(
        "import: upload form",
        "get",
        admin("importers_importrun_upload"),
        {"reporter": "403", "editor": "200", "chief": "200"},
        per_article=False,
    ),
    Case(
        "import: upload (waits in the session for the confirmation)",
        "post",
        admin("importers_importrun_upload"),
        {"reporter": "403", "editor": "302", "chief": "302"},
        data=fixed(files=lambda world, key: SimpleUploadedFile("page.txt", "株洲日报讯 测试。".encode())),
        per_article=False,
    ),
    Case(
        "raw page",
        "get",
        lambda world, key: reverse("admin:importers_rawsource_change", args=[world.source_id]),
        {"reporter": "403", "editor": "200", "chief": "200"},
        per_article=False,
    ),
]


def _params():
    for case in CASES:
        for role in ROLES:
            for key in ARTICLES if case.per_article else (None,):
                name = f"{case.name} | {role}" + (f" | {key}" if key else "")
                yield pytest.param(case, role, key, id=name)


def _page_text(response) -> str:
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode("utf-8", errors="replace")


@pytest.mark.parametrize(("case", "role", "key"), list(_params()))
def test_permission_matrix(case: Case, role: str, key: str | None, world: World, client):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    before = snapshot(world)
    if case.prepare:
        case.prepare(world, key)
    data = case.data(client, world, key) if case.data else None
    during = snapshot(world)  # opening a form first (resubmit) writes nothing either

    address = case.url(world, key)
    response = client.post(address, data) if case.method == "post" else client.get(address)

    after = snapshot(world)
    code, _, what = case.expected(role, key).partition(" ")
    if code == "login":
        assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login")), response
    else:
        assert response.status_code == int(code), (response, response.get("Location"))
        if code == "302":
            assert not response["Location"].startswith(reverse("admin:login"))
    if not case.prepare:
        assert during == before, changes(before, during, key)
    if case.method == "get":
        assert after == during, changes(during, after, key)
        text = _page_text(response)
        headline = HEADLINES[key] if key else None
        if what == "shown":
            assert headline in text
        elif what == "hidden":
            assert headline not in text
        elif what in ("edit", "view"):
            assert headline in text
            assert ('name="_save"' in text) == (what == "edit")
        else:
            assert what == "", what
    else:
        expected = set() if what == "-" else set(what.split())
        assert changes(before, after, key) == expected
