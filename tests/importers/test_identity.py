"""Page identity: a dump of a stored page, under any file name, finds the page and its articles (issue 19)."""

import datetime
import io
import json

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Page
from importers import identity, revisions, runner
from importers.models import ImportedRevision, RawSource
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db

SEED = SEED_FILES[0]  # 2024-01-22, 综合·城区, ten articles
OLD_PARAGRAPH = "2020年11月,市工商联首批商协会调解组织挂牌成立。"
NEW_PARAGRAPH = "2020年11月,市工商联首批八家商协会调解组织挂牌成立,此后逐年扩大。"


def corrected(tmp_path, name="zzrb-20240122-corrected.txt"):
    """The seed page sent again under another name, one paragraph corrected."""
    text = SEED.read_text(encoding="utf-8")
    assert OLD_PARAGRAPH in text
    path = tmp_path / name
    path.write_text(text.replace(OLD_PARAGRAPH, NEW_PARAGRAPH), encoding="utf-8")
    return path


def run(*paths, **options):
    return runner.Importer(**options).run(paths)


def test_a_corrected_page_under_another_file_name_updates_one_article(tmp_path):
    run(SEED)
    stored = {a.pk: a.body for a in Article.objects.all()}

    report = run(corrected(tmp_path))

    result = report.files[0].result
    assert result.articles.as_dict() == {"created": 0, "updated": 1, "unchanged": 9, "skipped": 0}
    assert Page.objects.count() == 1 and Article.objects.count() == len(stored) == 10
    changed = Article.objects.get(body__contains="此后逐年扩大")
    assert OLD_PARAGRAPH not in changed.body and changed.headline == "全市商协会人民调解组织集中成立授牌"
    assert {a.pk: a.body for a in Article.objects.exclude(pk=changed.pk)} == {
        pk: body for pk, body in stored.items() if pk != changed.pk
    }
    assert RawSource.objects.filter(page=changed.page).count() == 2  # both dumps kept, as printed


def test_the_dry_run_says_what_the_corrected_page_would_do_before_anything_is_written(tmp_path):
    run(SEED)
    path = corrected(tmp_path)
    before = list(Article.objects.order_by("pk").values_list("pk", "body", "updated_at"))

    out = io.StringIO()
    call_command("import_pages", str(path), dry_run=True, format="json", stdout=out)

    plan = json.loads(out.getvalue())["files"][0]["plan"]
    assert plan["page"]["id"] == Page.objects.get().pk
    statuses = [a["status"] for a in plan["articles"]]
    assert statuses.count("unchanged") == 9 and statuses.count("updated") == 1 and "new" not in statuses
    updated = next(a for a in plan["articles"] if a["status"] == "updated")
    assert updated["headline"] == "全市商协会人民调解组织集中成立授牌"
    diff = updated["diff"].splitlines()
    assert any(line.startswith("-正文:2020年11月") and "首批商协会" in line for line in diff)
    assert any(
        line.startswith("+正文:2020年11月") and "首批八家商协会" in line and "此后逐年扩大" in line for line in diff
    )
    assert list(Article.objects.order_by("pk").values_list("pk", "body", "updated_at")) == before
    assert RawSource.objects.count() == 1

    text = io.StringIO()
    call_command("import_pages", str(path), dry_run=True, stdout=text)
    assert "已有版面" in text.getvalue() and "《全市商协会人民调解组织集中成立授牌》:更新" in text.getvalue()


def test_reimporting_the_same_page_under_another_name_is_a_no_op(tmp_path):
    run(SEED)
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(SEED.read_bytes())

    report = run(copy)

    assert report.files[0].unchanged and report.files[0].result.articles.unchanged == 10
    assert Article.objects.count() == 10 and RawSource.objects.count() == 1


def test_an_update_to_a_published_article_waits_for_an_editor(tmp_path, admin_user):
    run(SEED, publish=True)
    article = Article.objects.get(headline="全市商协会人民调解组织集中成立授牌")
    published_body = article.body

    report = run(corrected(tmp_path))

    assert report.files[0].result.articles.updated == 1 and report.files[0].result.revisions == 1
    article.refresh_from_db()
    assert article.body == published_body and article.is_public  # readers keep the published text
    revision = ImportedRevision.objects.get(article=article, status=ImportedRevision.Status.PENDING)
    assert "此后逐年扩大" in revision.diff

    again = run(corrected(tmp_path, "third-name.txt"))  # other bytes of the same correction: nothing new waits
    assert ImportedRevision.objects.count() == 1 and again.files[0].result.articles.unchanged == 10

    revisions.accept(revision=revision, by=admin_user)

    article.refresh_from_db()
    assert "此后逐年扩大" in article.body and article.is_public
    assert [b.person.name for b in article.bylines.order_by("order")] == ["成姣兰", "王海艳"]
    revision.refresh_from_db()
    assert revision.status == ImportedRevision.Status.ACCEPTED and revision.decided_by == admin_user
    assert LogEntry.objects.get(object_id=str(article.pk)).user == admin_user  # the history names the editor


def test_a_chief_editor_publishing_the_correction_puts_it_online_at_once(tmp_path):
    run(SEED, publish=True)

    run(corrected(tmp_path), publish=True)

    assert "此后逐年扩大" in Article.objects.get(headline="全市商协会人民调解组织集中成立授牌").body
    assert not ImportedRevision.objects.exists()


def test_a_correction_a_chief_editor_publishes_replaces_the_one_still_waiting(tmp_path, admin_user):
    # an editor's import leaves a change waiting; the chief editor then imports a later correction of
    # the same page with --publish: the later text is online, and the older change no longer waits
    # (accepting it would put the superseded text back)
    run(SEED, publish=True)
    run(corrected(tmp_path))
    assert ImportedRevision.objects.filter(status=ImportedRevision.Status.PENDING).count() == 1
    later = tmp_path / "later.txt"
    later.write_text(corrected(tmp_path).read_text(encoding="utf-8").replace("此后逐年扩大", "此后每年扩大"))

    run(later, publish=True)

    article = Article.objects.get(headline="全市商协会人民调解组织集中成立授牌")
    assert "此后每年扩大" in article.body and article.is_public
    assert not ImportedRevision.objects.filter(article=article, status=ImportedRevision.Status.PENDING).exists()


def test_a_chief_editor_publishing_the_correction_still_waiting_puts_it_online(tmp_path, admin_client):
    # an editor's import leaves a change waiting; the chief editor imports the same correction with
    # --publish (the same file again, or the same text under another name): it goes online at once,
    # and the dry run says so beforehand instead of "unchanged"
    run(SEED, publish=True)
    path = corrected(tmp_path)
    run(path)
    assert ImportedRevision.objects.filter(status=ImportedRevision.Status.PENDING).count() == 1
    article = Article.objects.get(headline="全市商协会人民调解组织集中成立授牌")

    out = io.StringIO()
    call_command("import_pages", str(path), "--dry-run", "--publish", "--format", "json", stdout=out)
    plan = json.loads(out.getvalue())["files"][0]["plan"]["articles"]
    assert [a["status"] for a in plan].count("updated") == 1 and [a["status"] for a in plan].count("unchanged") == 9
    assert "此后逐年扩大" not in Article.objects.get(pk=article.pk).body  # the dry run wrote nothing

    out = io.StringIO()
    call_command("import_pages", str(path), "--publish", stdout=out)

    assert "待审修订 1 条已发布" in out.getvalue() and "未写入任何内容" not in out.getvalue()
    assert "此后逐年扩大" in Article.objects.get(pk=article.pk).body
    assert not ImportedRevision.objects.filter(status=ImportedRevision.Status.PENDING).exists()
    assert "此后逐年扩大" in admin_client.get(article.get_absolute_url()).text


def test_the_same_correction_under_another_name_published_by_a_chief_editor(tmp_path):
    run(SEED, publish=True)
    run(corrected(tmp_path))
    article = Article.objects.get(headline="全市商协会人民调解组织集中成立授牌")

    again = tmp_path / "zzrb-20240122-corrected-again.txt"  # the same text saved again, with a BOM: other bytes
    again.write_bytes(b"\xef\xbb\xbf" + corrected(tmp_path).read_bytes())

    run(again, publish=True)

    assert "此后逐年扩大" in Article.objects.get(pk=article.pk).body
    assert not ImportedRevision.objects.filter(status=ImportedRevision.Status.PENDING).exists()


def test_a_page_without_number_or_name_is_found_by_its_articles(tmp_path):
    seed = SEED_FILES[1]  # 2022-12-19: no page label, no page name
    run(seed)
    text = seed.read_text(encoding="utf-8")
    changed = tmp_path / "again.txt"
    changed.write_text(text.replace("1758家商会入选", "1758家商会入选,湖南省占69家"), encoding="utf-8")

    result = run(changed).files[0].result

    assert Page.objects.count() == 1 and result.page == Page.objects.get()
    assert result.articles.created == 0 and result.articles.updated == 1


def test_page_numbers_from_the_jump_lines_of_other_pages(tmp_path, client):
    run(SEED_FILES[1], publish=True)  # its 金融“组合拳”纾困小微企业 ends `▶ 下转 02版`
    tail = tmp_path / "tail.txt"
    tail.write_text(
        "金融“组合拳”纾困小微企业\n\n(上接01版)\n\n如在优先展期续贷支持方面,各银行机构主动作为,全市已为三百余户企业办理续贷。\n",
        encoding="utf-8",
    )

    run(tail, issue_date=datetime.date(2022, 12, 19), publish=True)

    head_page, tail_page = Page.objects.order_by("pk")
    assert (head_page.number, tail_page.number) == (1, 2)
    tail_article = Article.objects.get(page=tail_page)
    assert tail_article.continues.page == head_page
    response = client.get(tail_page.get_absolute_url())
    assert "第2版" in response.text and "第1版" in response.text


def test_matching_prefers_the_same_headline_then_the_most_alike_body():
    stored = [
        Article(pk=1, headline="甲", body="今天上午,全市召开安全生产工作会议,部署节前安全检查。" * 3),
        Article(pk=2, headline="乙", body="我市新建三所小学,秋季开学可容纳学生四千余名。" * 3),
    ]
    items = [
        ("乙", "完全不同的正文"),
        ("标题改过", "今天上午,全市召开安全生产工作会议,部署节前安全大检查。" * 3),
        ("新稿", "与已有稿件毫无关系的一篇新闻,讲的是图书馆的新馆开放时间。"),
    ]

    matched = identity.match_articles(items, stored)

    assert [a.pk if a else None for a in matched] == [2, 1, None]


@pytest.mark.parametrize("group", ["", "编辑", "主编"])
def test_the_desk_finds_and_accepts_a_waiting_revision(tmp_path, client, django_user_model, group):
    """A superuser, and the editors the revision waits for: they list it, read its diff and accept it."""
    from django.contrib.auth.models import Group

    run(SEED, publish=True)
    run(corrected(tmp_path))
    revision = ImportedRevision.objects.get()
    editor = django_user_model.objects.create_user("desk1", password="x", is_staff=True, is_superuser=not group)
    if group:
        editor.groups.add(Group.objects.get(name=group))
    client.force_login(editor)
    changelist = reverse("admin:importers_importedrevision_changelist")

    assert client.get(changelist).status_code == 200
    page = client.get(reverse("admin:importers_importedrevision_change", args=[revision.pk]))
    assert page.status_code == 200 and "此后逐年扩大" in page.text

    response = client.post(changelist, {"action": "accept", "_selected_action": [revision.pk]})

    assert response.status_code == 302
    assert "此后逐年扩大" in Article.objects.get(pk=revision.article_id).body
    assert ImportedRevision.objects.get().status == ImportedRevision.Status.ACCEPTED


def test_a_reporter_does_not_see_waiting_revisions(tmp_path, client, django_user_model):
    from django.contrib.auth.models import Group

    run(SEED, publish=True)
    run(corrected(tmp_path))
    reporter = django_user_model.objects.create_user("rep1", password="x", is_staff=True)
    reporter.groups.add(Group.objects.get(name="记者"))
    client.force_login(reporter)

    assert client.get(reverse("admin:importers_importedrevision_changelist")).status_code == 403
    assert ImportedRevision.objects.get().status == ImportedRevision.Status.PENDING


def test_the_upload_dry_run_marks_each_article_before_anything_is_written(tmp_path, admin_client):
    run(SEED)
    path = corrected(tmp_path)
    upload = SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")

    response = admin_client.get(
        admin_client.post(reverse("admin:importers_importrun_upload"), {"files": [upload]}).url
    )

    assert response.status_code == 200
    plans = [plan for _, plan in response.context["reports"][0]["rows"]]
    assert [p.status for p in plans].count("unchanged") == 9 and [p.status for p in plans].count("updated") == 1
    assert 'data-status="updated"' in response.text and "此后逐年扩大" in response.text
    assert RawSource.objects.count() == 1


def test_another_page_under_a_file_name_already_used_in_its_issue_is_a_page_of_its_own(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    first, second = tmp_path / "one" / "page.txt", tmp_path / "two" / "page.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text("综合·城区  2\n\n" + text, encoding="utf-8")
    second.write_text("要闻  3\n\n" + text.replace("授牌", "揭牌"), encoding="utf-8")

    run(first)
    run(second)

    assert sorted(Page.objects.values_list("number", "source_name")) == [(2, "page.txt"), (3, "")]


def test_the_dry_run_says_when_a_new_article_is_likely_one_already_stored(tmp_path):
    run(SEED)
    text = SEED.read_text(encoding="utf-8")
    first_story = text[: text.index("株洲市湖北商会成立")]
    other_page = tmp_path / "yaowen.txt"
    other_page.write_text("要闻  1\n\n" + first_story, encoding="utf-8")

    out = io.StringIO()
    call_command("import_pages", str(other_page), dry_run=True, format="json", stdout=out)

    plan = json.loads(out.getvalue())["files"][0]["plan"]
    assert plan["page"] is None  # another page of the issue
    article = plan["articles"][0]
    assert article["status"] == "likely_same"
    stored = Article.objects.get(headline="全市商协会人民调解组织集中成立授牌")
    assert article["same_as"] == [{"article": stored.pk, "headline": stored.headline}]
