"""The e-paper names each page ``第2版：要闻``; the home page and the menu show only what has articles."""

import datetime
import io
import re

import pytest
from django.core.management import call_command

from articles.models import Article, Page, Section
from tests import factories
from tests.articles.public_data import story
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db


def tabs(html):
    return re.findall(r'<nav class="page-tabs"[^>]*>\n(.*?)\n</nav>', html, re.S)[0].split("</a>")[:-1]


def tab_names(html):
    return [re.sub(r"<[^>]+>", "", tab) for tab in tabs(html)]


def crumb(html):
    return re.sub(r"<[^>]+>", "", re.search(r'<p class="crumbs">(.*?)</p>', html).group(1))


@pytest.fixture
def seeds():
    call_command("import_pages", *map(str, SEED_FILES), "--publish", stdout=io.StringIO())


def test_a_seed_page_without_a_printed_number_is_numbered_by_its_place(client, seeds):
    page = Page.objects.get(source_name=SEED_FILES[0].name)
    assert page.name == "综合·城区"
    html = client.get(page.get_absolute_url()).content.decode()
    assert tab_names(html) == ["第1版：综合·城区"]
    assert crumb(html) == "数字报 › 2024年1月22日 › 第1版：综合·城区"
    assert '<h1 class="page-title">2024年1月22日 第1版：综合·城区</h1>' in html
    issue = client.get(page.issue.get_absolute_url()).content.decode()
    assert f'<a href="{page.get_absolute_url()}">第1版：综合·城区</a>' in issue


def test_no_seed_page_has_an_empty_label(client, seeds):
    for page in Page.objects.all():
        for url in (page.get_absolute_url(), page.issue.get_absolute_url()):
            html = client.get(url).content.decode()
            assert ">版面<" not in html and "版面 " not in html
            assert not crumb(html).rstrip().endswith("›"), url
            assert "第1版" in html


def test_printed_numbers_lead_and_unnumbered_pages_take_a_free_place(client):
    issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 23))
    pages = [
        factories.PageFactory(issue=issue, number=2, label="A02", name="长沙新闻"),
        factories.PageFactory(issue=issue, number=1, label="", name="要闻"),
        factories.PageFactory(issue=issue, number=None, label="", name="体育"),
        factories.PageFactory(issue=issue, number=None, label="", name=""),
        factories.PageFactory(issue=issue, number=4, label="", name=""),
    ]
    for n, page in enumerate(pages):
        story(headline=f"稿件{n}", page=page)
    html = client.get(pages[0].get_absolute_url()).content.decode()
    # By number; the unnumbered after, in the order they came, each numbered by its place if no page has that
    # number (5), else shown by its name (体育: the 4th place is 第4版's).
    assert tab_names(html) == ["第1版：要闻", "第2版：长沙新闻", "第4版", "体育", "第5版"]
    assert crumb(html).endswith("› 第2版：长沙新闻")


def test_page_number_from_the_loader_is_shown(client):
    issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 23))
    page = factories.PageFactory(issue=issue, number=2, label="", name="要闻")
    story(headline="甲", page=page)
    html = client.get(page.get_absolute_url()).content.decode()
    assert tab_names(html) == ["第2版：要闻"]
    assert crumb(html).endswith("› 第2版：要闻")


def test_a_page_with_neither_number_nor_name_is_numbered(client):
    issue = factories.IssueFactory(printed_on=datetime.date(2024, 1, 23))
    first = factories.PageFactory(issue=issue, number=None, label="", name="")
    second = factories.PageFactory(issue=issue, number=None, label="", name="")
    story(headline="甲", page=first)
    story(headline="乙", page=second)
    html = client.get(second.get_absolute_url()).content.decode()
    assert tab_names(html) == ["第1版", "第2版"]
    assert crumb(html).endswith("› 第2版")


def test_home_blocks_and_menu_show_only_sections_with_articles(client, seeds):
    listed = set(Article.objects.listed().values_list("section__name", flat=True))
    empty = set(Section.objects.values_list("name", flat=True)) - listed
    assert {"要闻", "体育"} <= empty  # what the seeds leave empty
    html = client.get("/").content.decode()
    menu = re.search(r'<nav class="section-nav".*?</nav>', html, re.S).group(0)
    titles = re.findall(r'class="block-title">(.*?)</h2>', html, re.S)
    titles = [re.sub(r"<[^>]+>", "", t).split()[0] for t in titles]
    for name in empty:
        assert f">{name}</a>" not in menu
        assert name not in titles
    for name in listed:
        assert f">{name}</a>" in menu
    assert titles[0] == "头条"  # the stories of the latest front page, not a 要闻 block over nothing
    assert set(titles[1:]) <= listed
    sitemap = client.get("/sitemap.xml").content.decode()
    for section in Section.objects.all():
        assert (f"{section.get_absolute_url()}</loc>" in sitemap) == (section.name in listed), section.name


def test_a_section_holding_only_advertising_is_not_in_the_menu(client, seeds):
    ad = Article.objects.get(kind=Article.Kind.ADVERTISEMENT)
    ad.section = factories.SectionFactory(name="金融服务", slug="jinrongfuwu", order=1)
    ad.save()
    html = client.get("/").content.decode()
    assert "金融服务" not in html
    assert "金融服务" not in client.get(Article.objects.listed().first().get_absolute_url()).content.decode()


def test_without_a_printed_page_the_first_block_is_the_latest(client):
    factories.SectionFactory(name="要闻", slug="yaowen-empty", order=1)
    story(headline="网上首发的稿件", section=factories.SectionFactory(name="社会", slug="shehui-x", order=2))
    html = client.get("/").content.decode()
    titles = [re.sub(r"<[^>]+>", "", t).strip() for t in re.findall(r'class="block-title">(.*?)</h2>', html, re.S)]
    assert titles[0] == "最新"
    assert "要闻" not in html


def test_the_page_shows_its_editors_as_printed(client, seeds):
    page = Page.objects.filter(credits__isnull=False).distinct().first()
    credits = [f"{credit.get_role_display()}/{credit.person.name}" for credit in page.credits.order_by("order", "pk")]
    assert credits
    html = client.get(page.get_absolute_url()).content.decode()
    staff = re.search(r'<p class="page-staff">(.*?)</p>', html).group(1)
    assert re.findall(r"<span>(.*?)</span>", staff) == credits
