"""Stored article pages (articles/renderings.py): rendered once, served by one query, and never stale.

Each test looks at the page as a reader gets it before and after a write made the way editors,
workflows and importers make it, with the page stored in between.
"""

import datetime
from unittest import mock

import pytest
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag

from articles import renderings, workflow
from articles.models import Article, Byline, Correction, Rendering, Role
from tests import factories
from tests.articles.public_data import story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _stored(settings):
    from newsroom import pagecache

    settings.NEWSROOM_STORED_RENDERINGS = True
    settings.NEWSROOM_RENDERING_MARGIN_SECONDS = 0  # one clock in a test: store right after a write
    pagecache._fragments.clear()
    yield
    pagecache._fragments.clear()


@pytest.fixture
def printed():
    issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 23))
    page = factories.PageFactory(issue=issue, number=3, label="03版", name="综合·城区")
    section = factories.SectionFactory(name="城区", slug="chengqu")
    reporter = factories.PersonFactory(name="成姣兰", slug="chengjiaolan")
    lead = story(
        headline="民营经济商会调解中心揭牌",
        page=page,
        position=1,
        section=section,
        people=[(reporter, Role.REPORTER)],
        tags=["调解", "商会"],
        body="株洲日报讯 商会调解中心揭牌。",
    )
    neighbour = story(headline="同版的另一篇稿件", page=page, position=2, section=section)
    return {"page": page, "section": section, "reporter": reporter, "lead": lead, "neighbour": neighbour}


def page_of(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def stored(client, article):
    """The page as a reader gets it, after making sure it is the stored one (a second request, one query)."""
    html = page_of(client, article)
    assert Rendering.objects.filter(article=article).exclude(html="").exists()
    return html


def test_a_page_is_stored_once_and_served_as_rendered(client, printed, django_assert_num_queries):
    lead = printed["lead"]
    first = page_of(client, lead)
    row = Rendering.objects.get(article=lead)
    assert row.stamp == lead.updated_at and row.url == lead.get_absolute_url()
    assert renderings.NAV_MARKER in row.html  # the section menu is put in when serving

    with django_assert_num_queries(1):
        second = client.get(lead.get_absolute_url()).content.decode()

    assert second == first
    assert renderings.NAV_MARKER not in second and 'class="section-nav"' in second and ">城区</a>" in second
    assert "同版的另一篇稿件" in second and "成姣兰" in second


def test_an_edit_of_the_article_shows_at_once(client, printed):
    lead = printed["lead"]
    stored(client, lead)
    lead.headline = "商会调解中心正式揭牌"
    lead.save()
    assert "商会调解中心正式揭牌" in page_of(client, lead)


def test_an_update_that_touches_updated_at_shows_without_any_mark(client, printed):
    lead = printed["lead"]
    stored(client, lead)
    Article.objects.filter(pk=lead.pk).update(kicker="新引题", updated_at=timezone.now())
    assert "新引题" in page_of(client, lead)


def test_a_withdrawn_article_is_gone_at_once_even_with_a_stored_page(client, printed):
    lead = printed["lead"]
    stored(client, lead)
    Article.objects.filter(pk=lead.pk).update(status=Article.Status.DRAFT)  # no signal, no mark
    assert client.get(lead.get_absolute_url()).status_code == 404


def test_a_neighbour_edited_published_or_withdrawn_shows_on_the_page(client, printed):
    lead, neighbour = printed["lead"], printed["neighbour"]
    stored(client, lead)

    neighbour.headline = "同版稿件改了标题"
    neighbour.save()
    assert "同版稿件改了标题" in stored(client, lead)

    workflow.unpublish_articles(articles=Article.objects.filter(pk=neighbour.pk), by=None)
    assert "同版稿件改了标题" not in stored(client, lead)

    workflow.publish_articles(articles=Article.objects.filter(pk=neighbour.pk), by=None)
    assert "同版稿件改了标题" in page_of(client, lead)


def test_a_new_related_story_and_new_tags_show_in_related(client, printed):
    lead = printed["lead"]
    stored(client, lead)

    story(headline="又一家商会成立调解室", tags=["商会"])
    assert "又一家商会成立调解室" in stored(client, lead)

    other = story(headline="与调解无关的稿件", tags=["天气"])
    assert "与调解无关的稿件" not in stored(client, lead)
    workflow.add_tags(articles=Article.objects.filter(pk=other.pk), tags=["调解"], by=None)  # bulk_create: no signal
    assert "与调解无关的稿件" in stored(client, lead)

    other.tags.remove("调解")
    assert "与调解无关的稿件" not in page_of(client, lead)


def test_bylines_people_corrections_tags_sections_and_pages_show_when_changed(client, printed):
    lead, reporter = printed["lead"], printed["reporter"]
    stored(client, lead)

    Byline.objects.create(article=lead, person=factories.PersonFactory(name="王海艳"), role=Role.CORRESPONDENT)
    assert "王海艳" in stored(client, lead)

    reporter.name = "成娇兰"
    reporter.save()
    assert "成娇兰" in stored(client, lead)

    Correction.objects.create(article=lead, text="本报1月23日3版稿件中人名有误,特此更正。")
    assert "特此更正" in stored(client, lead)

    tag = Tag.objects.get(name="商会")
    tag.name = "商会组织"
    tag.save()
    assert "商会组织" in stored(client, lead)

    printed["section"].name = "城区新闻"
    printed["section"].save()
    assert 'content="城区新闻"' in stored(client, lead)

    printed["page"].name = "综合·县市"
    printed["page"].save()
    assert "综合·县市" in page_of(client, lead)


def test_a_new_section_shows_in_the_menu_of_stored_pages(client, printed):
    lead = printed["lead"]
    stored(client, lead)
    new = factories.SectionFactory(name="文体", slug="wenti")
    assert ">文体</a>" not in page_of(client, lead)  # the menu leads to no empty section
    # Its first story, from weeks that no "related" list of the lead reaches.
    story(headline="文体新闻", section=new, published_at=lead.published_at - 3 * renderings.RELATED_WINDOW)
    assert ">文体</a>" in page_of(client, lead)
    assert renderings.NAV_MARKER in Rendering.objects.get(article=lead).html  # the stored page itself is unchanged


def test_merged_people_show_under_the_name_kept(client, printed):
    lead = printed["lead"]
    misspelt = factories.PersonFactory(name="成皎兰")
    Byline.objects.create(article=lead, person=misspelt, role=Role.PHOTOGRAPHER)
    assert "成皎兰" in stored(client, lead)

    workflow.merge_people(into=printed["reporter"], others=[misspelt], by=None)

    assert "成皎兰" not in page_of(client, lead)


def test_a_scheduled_neighbour_appears_when_its_time_comes(client, printed):
    lead = printed["lead"]
    at = timezone.now() + datetime.timedelta(minutes=10)
    story(headline="定时发布的同版稿件", page=printed["page"], position=0, published_at=at)  # just before the lead
    assert "定时发布的同版稿件" not in stored(client, lead)
    assert Rendering.objects.get(article=lead).expires_at == at

    later = at + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "定时发布的同版稿件" in page_of(client, lead)


def test_other_code_or_hosts_never_get_a_stored_page(client, printed):
    lead = printed["lead"]
    stored(client, lead)
    Article.objects.filter(pk=lead.pk).update(kicker="只在数据库里改的引题")  # updated_at unchanged: no one marks

    assert "只在数据库里改的引题" not in page_of(client, lead)  # the stored page
    assert (
        "只在数据库里改的引题" in client.get(lead.get_absolute_url(), headers={"host": "localhost"}).content.decode()
    )
    renderings.code_version.cache_clear()
    with mock.patch.object(renderings, "code_version", return_value="a deploy"):
        assert "只在数据库里改的引题" in page_of(client, lead)


def test_editors_and_the_switch_off_never_use_stored_pages(admin_client, client, printed, settings):
    lead = printed["lead"]
    stored(client, lead)
    Article.objects.filter(pk=lead.pk).update(kicker="编辑才看得到的引题")

    assert "编辑才看得到的引题" in admin_client.get(lead.get_absolute_url()).content.decode()
    settings.NEWSROOM_STORED_RENDERINGS = False
    assert "编辑才看得到的引题" in page_of(client, lead)


def test_a_rendering_begun_before_a_mark_is_not_stored(printed, settings):
    lead = Article.objects.get(pk=printed["lead"].pk)
    settings.NEWSROOM_RENDERING_MARGIN_SECONDS = 1
    began = timezone.now()
    renderings.changed(around=[lead.pk])  # a write commits while the page renders
    Rendering.objects.update_or_create(article=lead, defaults={"invalidated_at": timezone.now()})

    assert not renderings.store(lead, "key", lead.get_absolute_url(), "<p>旧的</p>", started=began)
    assert not Rendering.objects.get(article=lead).html

    assert renderings.store(
        lead, "key", lead.get_absolute_url(), "<p>新的</p>", started=timezone.now() + datetime.timedelta(seconds=2)
    )
    assert Rendering.objects.get(article=lead).html == "<p>新的</p>"


@pytest.mark.django_db(transaction=True)
def test_after_a_commit_every_affected_page_is_marked_stored_or_not(printed):
    lead, neighbour = printed["lead"], printed["neighbour"]
    far = story(headline="一年前的稿件", published_at=timezone.now() - datetime.timedelta(days=365))
    Rendering.objects.all().delete()
    with transaction.atomic():
        lead.headline = "改过的标题"
        lead.save()
        assert not Rendering.objects.exists()  # inside the transaction only stored pages are marked

    marked = set(Rendering.objects.filter(html="", invalidated_at__isnull=False).values_list("article_id", flat=True))
    assert {lead.pk, neighbour.pk} <= marked and far.pk not in marked


@pytest.mark.django_db(transaction=True)
def test_marks_of_a_rolled_back_transaction_are_dropped(printed):
    lead, neighbour = printed["lead"], printed["neighbour"]
    with pytest.raises(RuntimeError), transaction.atomic():
        renderings.changed(own=[lead.pk])
        raise RuntimeError
    with transaction.atomic():
        renderings.changed(own=[neighbour.pk])
        assert renderings._waiting("default") == [((), (neighbour.pk,), None, (), frozenset())]
    assert renderings._waiting("default") == []


def test_render_articles_stores_the_pages_readers_will_ask_for(client, printed, tmp_path):
    from django.core.management import call_command

    unpublished = story(headline="草稿", status=Article.Status.DRAFT)
    out = tmp_path / "out.txt"
    with out.open("w") as stdout:
        call_command("render_articles", "--site", "http://testserver/", stdout=stdout)
    assert "2 篇" in out.read_text()
    stored_pages = set(Rendering.objects.exclude(html="").values_list("article_id", flat=True))
    assert stored_pages == {printed["lead"].pk, printed["neighbour"].pk} and unpublished.pk not in stored_pages

    lead = printed["lead"]
    with mock.patch("articles.views._article_context", side_effect=AssertionError("rendered again")):
        assert "民营经济商会调解中心揭牌" in page_of(client, lead)  # what the command stored is what readers get
        call_command("render_articles", "--site", "http://testserver/", stdout=out.open("w"))
    assert "0 篇" in out.read_text()


def test_render_articles_takes_a_list_of_ids(printed, tmp_path):
    from django.core.management import call_command

    ids = tmp_path / "ids.txt"
    ids.write_text(f"{printed['neighbour'].pk}\n")
    call_command(
        "render_articles", "--site", "http://testserver/", "--ids", str(ids), stdout=(tmp_path / "o").open("w")
    )
    assert list(Rendering.objects.exclude(html="").values_list("article_id", flat=True)) == [printed["neighbour"].pk]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--site", "testserver"], "完整的网站地址"),
        (["--site", "http://evil.example/"], "DJANGO_ALLOWED_HOSTS"),
        (["--site", "http://testserver/", "--language", "fr"], "不支持的语言"),
        (["--site", "http://testserver/", "--ids", "/nonexistent/ids.txt"], "读不了"),
    ],
)
def test_render_articles_refuses_bad_arguments_and_stores_nothing(printed, arguments, message):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=message):
        call_command("render_articles", *arguments)
    assert not Rendering.objects.exclude(html="").exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("batch", ["1", "5"], ids=["one by one", "in batches"])
def test_an_import_marks_the_pages_it_may_change(client, batch, tmp_path):
    """Importers write with bulk_create and COPY (no signals): a story of the same weeks must hear of it."""
    from django.core.management import call_command

    from importers.loading import publication_time
    from importers.parsing import parse_page
    from tests.conftest import SEED_FILES

    seed = SEED_FILES[0]
    printed_at = publication_time(
        parse_page(seed.read_text(encoding="utf-8"), source=seed.name).issue_date, timezone.now()
    )
    same_weeks = story(headline="同一周的旧稿件", published_at=printed_at - datetime.timedelta(days=3))
    long_before = story(headline="很久以前的稿件", published_at=printed_at - datetime.timedelta(days=300))
    for article in (same_weeks, long_before):
        stored(client, article)

    call_command("import_pages", str(seed), "--publish", "--batch", batch, stdout=(tmp_path / "out").open("w"))

    pages = dict(Rendering.objects.values_list("article_id", "html"))
    assert pages[same_weeks.pk] == "" and pages[long_before.pk] != ""
    imported = set(Article.objects.exclude(pk__in=[same_weeks.pk, long_before.pk]).values_list("pk", flat=True))
    assert imported and not imported & set(pages)  # new articles: nobody can have begun rendering them


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="row locks; the tests' SQLite is in memory, where a lock stops reads too",
)
@pytest.mark.django_db(transaction=True)
def test_a_page_whose_row_a_writer_holds_is_served_but_not_waited_for(client, printed):
    """An import batch holds the rows it marked until it commits: a reader does not wait for it to store."""
    import psycopg

    lead = Article.objects.get(pk=printed["lead"].pk)
    stored(client, lead)
    Rendering.objects.filter(article=lead).update(html="")
    writer = psycopg.connect(**connection.get_connection_params())
    writer.execute("UPDATE articles_rendering SET invalidated_at = now() WHERE article_id = %s", [lead.pk])
    try:
        assert "民营经济商会调解中心揭牌" in page_of(client, lead)
        assert Rendering.objects.get(article=lead).html == ""
    finally:
        writer.rollback()
        writer.close()
    assert "民营经济商会调解中心揭牌" in stored(client, lead)
