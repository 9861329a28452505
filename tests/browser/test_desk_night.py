"""An editor's night at the desk in a real browser whose locale is en-US: the admin answers in Chinese.

Upload a page, review it beside its source, fix a byline's role and a headline, dismiss a warning with a
reason, publish the page from the desk, read it on the site. Every admin page on the way is checked for
English words in its visible text; screenshots at 1280 and 375 px go to artifacts/ (not committed).
"""

import datetime
import importlib
import re

import pytest
from django.contrib.auth.models import Group, Permission

from articles.models import Article, Page, WarningNote
from tests.conftest import SEED_FILES
from tests.factories import ArticleFactory, BylineFactory, IssueFactory, PageFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = importlib.import_module("articles.migrations.0004_editorial_groups").GROUPS
SEED = next(path for path in SEED_FILES if path.name.startswith("001_"))
EDITED = "十三届市委第二轮巡察启动"  # its warning is dismissed
FIXED = "我市五家商会获评全国“四好”商会"  # its headline and a byline role are fixed
NEW_HEADLINE = "我市五家商会获评全国“四好”商会 数量居全省前列"

# What may be Latin on an admin page: file names and the account's own name are data, not interface.
DATA = re.compile(r"[\w.-]*\.txt|zhubian|SHA-256|utf-8", re.IGNORECASE)


# The printed page's own text (the source dump beside a form or a review) is the paper's, not the interface's.
PAPER_TEXT = ".nr-dump, .nr-source, .nr-raw"
VISIBLE_TEXT = f"""() => {{
    const paper = [...document.querySelectorAll("{PAPER_TEXT}")];
    const shown = paper.map((element) => element.style.display);
    paper.forEach((element) => {{ element.style.display = "none"; }});
    const text = document.body.innerText;
    paper.forEach((element, i) => {{ element.style.display = shown[i]; }});
    return text;
}}"""


def english_words(page) -> list[str]:
    text = page.evaluate(VISIBLE_TEXT)
    return sorted(set(re.findall(r"[A-Za-z]{2,}", DATA.sub(" ", text))))


@pytest.fixture
def chief_editor(django_user_model):
    user = django_user_model.objects.create_user("zhubian", password="bianji-2024", is_staff=True)
    for name in ("编辑", "主编"):
        group, created = Group.objects.get_or_create(name=name)
        if created:  # transactional tests flush what the data migration made
            for app_label, codename in ROLES[name]:
                group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        user.groups.add(group)
    return user


@pytest.fixture
def known_people():
    """An older paper in which 成姣兰 and 王海艳 signed together: tonight's 成炫兰 beside 王海艳 looks like a typo."""
    older = ArticleFactory(page=PageFactory(issue=IssueFactory(printed_on=datetime.date(2020, 5, 6)), number=1))
    BylineFactory(article=older, person=PersonFactory(name="成姣兰", slug="chengjiaolan"))
    BylineFactory(article=older, person=PersonFactory(name="王海艳", slug="wanghaiyan"), role="correspondent")


def test_an_editors_night(browser, screenshot, live_server, chief_editor, known_people):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.9"})
    page = context.new_page()
    seen = {}

    def check(name):
        """No English in what the editor reads here; a screenshot of it."""
        seen[name] = english_words(page)
        screenshot(page, f"desk-{name}-1280")

    try:
        page.goto(f"{live_server.url}/admin/")
        check("00-login")
        page.fill("#id_username", "zhubian")
        page.fill("#id_password", "bianji-2024")
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        assert "工作台" in page.inner_text("#content")
        check("01-empty-desk")

        # Upload: the dry run, then the import.
        page.click("text=导入版面")
        assert page.inner_text(".nr-file-pick").split() == [
            "选择文件",
            "未选择文件",
        ]  # not the browser's "Choose Files"
        page.set_input_files("input[name=files]", str(SEED))
        assert page.inner_text(".nr-file-names") == f"已选 1 个文件:{SEED.name}"
        check("02-upload")
        page.click("#upload_form input[type=submit]")
        page.wait_for_selector(".nr-file")
        assert "消息" in page.inner_text(".nr-file")
        check("03-dry-run")
        page.click("input[name=confirm]")
        page.wait_for_url(re.compile(r"/admin/importers/importrun/\d+/change/"))
        check("04-import-run")

        # The desk shows the page; its review puts the source beside the articles.
        page.goto(f"{live_server.url}/admin/")
        row = page.locator("tr.nr-page-row")
        assert row.count() == 1
        assert "⚠ 2" in row.inner_text()
        check("05-desk")
        row.locator("text=审读").click()
        page.wait_for_selector(".nr-dump")
        articles, dump = page.locator(".nr-articles").bounding_box(), page.locator(".nr-dump").bounding_box()
        assert dump["x"] >= articles["x"] + articles["width"] - 1  # side by side
        assert abs(dump["y"] - articles["y"]) < 40
        fixed = Article.objects.get(headline=FIXED)
        assert page.locator(f'.nr-dump tr[data-article="{fixed.pk}"]').count() == len(fixed.source_lines)
        check("06-review")
        review_url = page.url

        # Fix a headline and a byline's role in the article's form (its source beside the fields).
        page.locator(f"#a-{fixed.pk} h3 a").click()
        page.wait_for_selector("#id_headline")
        form, source = page.locator(".nr-fields").bounding_box(), page.locator(".nr-source").bounding_box()
        assert source["x"] >= form["x"] + form["width"] - 1
        check("07-article-form")
        page.fill("#id_headline", NEW_HEADLINE)
        assert page.locator("select[name='bylines-1-role']").input_value() == "correspondent"
        page.select_option("select[name='bylines-1-role']", "reporter")  # 王海艳: 记者, not 通讯员
        page.click("input[name=_continue]")
        page.wait_for_selector(".messagelist")
        fixed.refresh_from_db()
        assert fixed.headline == NEW_HEADLINE
        assert sorted(fixed.bylines.values_list("role", flat=True)) == ["reporter", "reporter"]
        assert fixed.warnings == []  # its byline warning is settled by the byline change
        check("08-article-saved")

        # Dismiss the other warning with a reason, on the review page.
        page.goto(review_url)
        edited = Article.objects.get(headline=EDITED)
        box = page.locator(f"#a-{edited.pk}")
        box.locator("input[name=reason]").fill("原版即如此断行,已与版样核对")
        box.locator("button[type=submit]").click()
        page.wait_for_selector(".messagelist")
        assert "原版即如此断行,已与版样核对" in page.locator(f"#a-{edited.pk}").inner_text()
        assert WarningNote.objects.get(article=edited).reason == "原版即如此断行,已与版样核对"
        check("09-dismissed")

        # Publish the page from the desk.
        page.goto(f"{live_server.url}/admin/")
        page.click("button.nr-publish-page")
        page.wait_for_selector(".messagelist")
        assert "篇稿件已发布" in page.inner_text(".messagelist")
        assert "已全部发布" in page.locator("tr.nr-page-row").inner_text()
        check("10-published")
        printed = Page.objects.get(issue__printed_on=datetime.date(2022, 12, 19))
        assert Article.objects.published().filter(page=printed).count() == Article.objects.filter(page=printed).count()

        # Readers see it.
        fixed.refresh_from_db()
        response = page.goto(f"{live_server.url}{fixed.get_absolute_url()}")
        assert response.status == 200
        assert NEW_HEADLINE.split()[0] in page.locator("h1").first.inner_text()
        screenshot(page, "desk-11-site-article-1280")
        page.goto(f"{live_server.url}{printed.get_absolute_url()}")
        assert "数量居全省前列" in page.inner_text("body")
        screenshot(page, "desk-12-site-page-1280")

        # The same pages on a phone.
        page.set_viewport_size({"width": 375, "height": 812})
        for name, url in [
            ("desk", "/admin/"),
            ("review", review_url.removeprefix(live_server.url)),
            ("article-form", f"/admin/articles/article/{fixed.pk}/change/"),
            ("site-article", fixed.get_absolute_url()),
        ]:
            page.goto(f"{live_server.url}{url}")
            screenshot(page, f"desk-{name}-375")
    finally:
        context.close()
    assert {name: words for name, words in seen.items() if words} == {}
