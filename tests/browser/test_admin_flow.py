"""An editor's day in a real browser: log in, upload a seed page, review, publish, read it on the site."""

import importlib
import re

import pytest
from django.contrib.auth.models import Group, Permission

from articles.models import Article
from importers.models import ImportRun
from tests.conftest import SEED_FILES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "全市商协会人民调解组织集中成立授牌"
ROLES = importlib.import_module("articles.migrations.0004_editorial_groups").GROUPS


@pytest.fixture
def chief_editor(django_user_model):
    """A 编辑 who is also 主编, so one person can review and publish."""
    user = django_user_model.objects.create_user("zhubian", password="bianji-2024", is_staff=True)
    for name in ("编辑", "主编"):
        # Transactional tests flush the tables the data migration filled; rebuild the group when needed.
        group, created = Group.objects.get_or_create(name=name)
        if created:
            for app_label, codename in ROLES[name]:
                group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        user.groups.add(group)
    return user


def test_upload_review_publish_and_read(browser, screenshot, live_server, chief_editor):
    seed = SEED_FILES[0]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "zhubian")
        page.fill("#id_password", "bianji-2024")
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        assert "株洲日报 编辑后台" in page.content()

        # Upload: the dry run comes first and writes nothing.
        page.goto(f"{live_server.url}/admin/importers/importrun/upload/")
        page.set_input_files("input[name=files]", str(seed))
        page.click("#upload_form input[type=submit]")
        page.wait_for_selector(".nr-file")
        assert HEADLINE in page.content()
        assert not Article.objects.exists()
        screenshot(page, "admin-01-dry-run")

        page.click("input[name=confirm]")
        page.wait_for_url(re.compile(r"/admin/importers/importrun/\d+/change/"))
        run = ImportRun.objects.get()
        assert run.origin == "admin"
        screenshot(page, "admin-02-import-run")

        # Review: find the article in the queue and open it; its source lines are highlighted.
        article = Article.objects.get(headline=HEADLINE)
        page.goto(f"{live_server.url}/admin/articles/article/?run={run.pk}&q={HEADLINE}")
        page.click(f"text={HEADLINE}")
        page.wait_for_selector(".nr-source tr.nr-hit")
        assert page.locator(".nr-source tr.nr-hit").count() >= 1
        screenshot(page, "admin-03-article-form")

        queue = f"{live_server.url}/admin/articles/article/?q={HEADLINE}"
        page.goto(queue)
        page.check("#action-toggle")
        page.select_option("select[name=action]", "mark_reviewed_action")
        page.click("button[name=index]")
        page.wait_for_selector(".messagelist")
        article.refresh_from_db()
        assert article.reviewed_by == chief_editor
        screenshot(page, "admin-04-reviewed")

        # Publish: the intermediate page asks when; empty means now.
        page.check("#action-toggle")
        page.select_option("select[name=action]", "publish_action")
        page.click("button[name=index]")
        page.wait_for_selector("input[name=apply]")
        page.click("input[name=apply]")
        page.wait_for_selector(".messagelist")
        article.refresh_from_db()
        assert article.is_public
        screenshot(page, "admin-05-published")

        # Readers see it.
        response = page.goto(f"{live_server.url}{article.get_absolute_url()}")
        assert response.status == 200
        assert page.locator("h1").first.inner_text() == HEADLINE
        screenshot(page, "admin-06-public-article")

        # The office's statistics and the people list count it.
        page.goto(f"{live_server.url}/admin/articles/article/stats/")
        assert page.locator("svg.nr-chart rect").count() >= 1
        screenshot(page, "admin-07-stats")
        page.goto(f"{live_server.url}/admin/articles/person/")
        screenshot(page, "admin-08-people")
        page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/history/")
        assert "发布" in page.content()
        screenshot(page, "admin-09-history")
    finally:
        context.close()
