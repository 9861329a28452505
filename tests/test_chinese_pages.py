"""The pages an editor or a reader sees of the demo (the seeds imported as ``make demo`` does) speak Chinese.

Every page is rendered by the test client and its visible text (and the words a screen reader says: alt,
title, aria-label, placeholder, button values) is searched for common English words of an interface. The
paper's own text (a source dump) is the paper's; data (file names, pinyin slugs, hashes) are words of no
language and are not in the list, so they never match.
"""

import contextlib
import io
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse
from taggit.models import Tag

from articles.models import Article, Page, Person, Section
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db

# Words an interface left in English would show: Django's, its apps', our own.
_UI_WORDS = """
    add added action actions after all and are back before by cancel change changed changes choose clear close
    count created date delete deleted details download edit error errors false field filter files found
    from go group groups help hide history home import imported in invalid is issue items log login logout
    message more name new next no none not now object of options or page pages password permission permissions
    person people previous publish published recent recover relationship remove rendering required result
    results revision reversion run save search section sections select show status submit tag tags the this
    time to today true unknown updated upload user username users view warning warnings welcome with yes you your
"""
UI_WORDS = frozenset(_UI_WORDS.split())
PAPER_TEXT = {"nr-dump", "nr-source", "nr-raw"}
VOID = {"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"}
SPOKEN = ("alt", "title", "aria-label", "placeholder")


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = tag in ("script", "style", "template") or bool(PAPER_TEXT & set((attrs.get("class") or "").split()))
        if not any(h for _, h in self.open) and not hidden:
            self.parts += [attrs[name] for name in SPOKEN if attrs.get(name)]
            if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
                self.parts.append(attrs["value"])
        if tag not in VOID:
            self.open.append((tag, hidden))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not any(hidden for _, hidden in self.open):
            self.parts.append(data)


def english_ui_words(response) -> set[str]:
    text = response.content.decode()
    if "html" in response.get("Content-Type", ""):
        parser = _Visible()
        parser.feed(text)
        text = " ".join(parser.parts)
    else:  # JSON: its keys are the API's contract; only the messages are read
        text = " ".join(re.findall(r'"message": "([^"]*)"', text))
    return {word for word in re.findall(r"[A-Za-z]+", text) if word.lower() in UI_WORDS}


@pytest.fixture
def demo(db):
    call_command("import_pages", *map(str, SEED_FILES), "--publish", stdout=io.StringIO(), stderr=io.StringIO())


def _leaks(client, urls) -> dict[str, set[str]]:
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        words = english_ui_words(response)
        if words:
            found[url] = words
    return found


def test_public_pages_of_the_demo_show_no_english(demo, client):
    article = Article.objects.filter(status="published", photos__isnull=True).order_by("pk").first()
    page = Page.objects.order_by("pk").first()
    day = page.issue.printed_on
    urls = [
        "/",
        article.get_absolute_url(),
        Section.objects.exclude(articles=None).first().get_absolute_url(),
        Person.objects.get(name="杨凌凌").get_absolute_url(),
        reverse("articles:tag", args=[Tag.objects.first().slug]),
        "/search/?q=杨凌凌",
        "/search/?q=株洲",
        "/search/?q=没有这样的稿件啊",
        "/search/?q=株",
        "/epaper/",
        reverse("articles:issue", args=[day.year, day.month, day.day]),
        reverse("articles:page", args=[day.year, day.month, day.day, page.pk]),
        "/no-such-page/",
        "/api/articles/999999/",
        "/api/articles/?q=株",
        "/api/articles/?section=nope",
    ]
    assert _leaks(client, urls) == {}


def _admin_urls() -> list[str]:
    urls = []
    for model in admin.site._registry:
        label = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse(f"{label}_changelist"))
        first = model._default_manager.order_by("pk").first()
        for name, args in (("add", []), ("change", [first]), ("history", [first]), ("delete", [first])):
            if args and args[0] is None:
                continue
            with contextlib.suppress(NoReverseMatch):  # a model with no such page
                urls.append(reverse(f"{label}_{name}", args=[a.pk for a in args]))
    return urls


def test_desk_and_admin_pages_of_the_demo_show_no_english(demo, admin_client):
    page = Page.objects.order_by("pk").first()
    urls = [
        "/admin/",
        reverse("desk:page_review", args=[page.pk]),
        reverse("admin:articles_article_stats"),
        reverse("admin:articles_person_duplicates"),
        reverse("admin:importers_importrun_upload"),
        reverse("admin:password_change"),
        *_admin_urls(),
    ]
    found = {}
    for url in urls:
        response = admin_client.get(url)
        if response.status_code == 403:  # a page nobody may open (adding an import run by hand)
            continue
        assert response.status_code == 200, (url, response.status_code)
        if words := english_ui_words(response):
            found[url] = words
    assert found == {}


def test_the_login_page_shows_no_english(demo):
    get_user_model().objects.create_user("bianji", password="x-2024-bianji", is_staff=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert _leaks(client, ["/admin/login/?next=/admin/"]) == {}
    response = client.post("/admin/login/", {"username": "bianji", "password": "wrong"})
    assert not english_ui_words(response)
