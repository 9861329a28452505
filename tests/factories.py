"""factory_boy factories for the newsroom models; shared by every test module."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from articles.models import Article, Byline, Issue, Page, PageCredit, Person, PersonAlias, Role, Section
from importers.models import ImportRun, RawSource


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    order = factory.Sequence(lambda n: n)
    keywords = ""
    is_default = False


class IssueFactory(DjangoModelFactory):
    class Meta:
        model = Issue
        django_get_or_create = ("printed_on",)

    printed_on = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))


class PageFactory(DjangoModelFactory):
    class Meta:
        model = Page

    issue = factory.SubFactory(IssueFactory)
    number = factory.Sequence(lambda n: n % 32 + 1)
    label = factory.LazyAttribute(lambda page: f"{page.number:02d}版" if page.number else "")
    name = "综合"
    source_name = ""


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"记者{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class PersonAliasFactory(DjangoModelFactory):
    class Meta:
        model = PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.Sequence(lambda n: f"别名{n}")


class PageCreditFactory(DjangoModelFactory):
    class Meta:
        model = PageCredit

    page = factory.SubFactory(PageFactory)
    person = factory.SubFactory(PersonFactory)
    role = Role.EDITOR
    order = factory.Sequence(lambda n: n)


class ArticleFactory(DjangoModelFactory):
    """A draft by default; ``ArticleFactory(published=True)`` for one readers can see."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    kind = Article.Kind.NEWS
    headline = factory.Sequence(lambda n: f"株洲新闻标题{n}")
    dateline = "株洲日报讯"
    body = "第一段正文。\n\n第二段正文。"
    section = factory.SubFactory(SectionFactory)
    page = None
    position = factory.Sequence(lambda n: n + 1)
    status = Article.Status.DRAFT
    published_at = None

    class Params:
        published = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1)),
        )
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1)),
        )
        in_review = factory.Trait(status=Article.Status.REVIEW)
        archived = factory.Trait(status=Article.Status.ARCHIVED)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """``ArticleFactory(tags=["经济", "产业"])``."""
        if create and extracted:
            self.tags.add(*extracted)


class BylineFactory(DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    role = Role.REPORTER
    order = factory.Sequence(lambda n: n)


class ImportRunFactory(DjangoModelFactory):
    class Meta:
        model = ImportRun

    status = ImportRun.Status.DONE


class RawSourceFactory(DjangoModelFactory):
    class Meta:
        model = RawSource

    file_name = factory.Sequence(lambda n: f"page_{n}.txt")
    raw = factory.LazyAttribute(lambda src: src.text.encode("utf-8"))
    text = "株洲日报讯 测试版面。"
    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    encoding = "utf-8"
    size = factory.LazyAttribute(lambda src: len(src.raw))
