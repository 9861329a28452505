"""The paper's content: print structure (issues, pages), people, articles.

An article's body is plain text that editors can edit (see ``articles.body``):
paragraphs separated by blank lines, ``## `` starts an in-body subhead and
``> `` a photo caption.
"""

import datetime
import operator

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Prefetch, Q, Subquery
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from pilkit.processors import ResizeToFit
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from . import body as body_format
from . import page_files, renditions, vocabulary
from . import photos as photo_files


def _choices(name: str, labels: dict[str, str]) -> type[models.TextChoices]:
    """TextChoices from a table of ``articles.vocabulary``: ``Role.REPORTER == "reporter"``, labelled 记者."""
    return models.TextChoices(name, [(value.upper(), (value, label)) for value, label in labels.items()])


Role = _choices("Role", vocabulary.ROLES)


class SectionQuerySet(models.QuerySet):
    def listed(self):
        """The sections with something to read (``Article.objects.listed()``): the menu leads to no empty page."""
        return self.filter(models.Exists(Article.objects.listed().filter(section=models.OuterRef("pk"))))


class Section(models.Model):
    name = models.CharField(_("名称"), max_length=50, unique=True)
    slug = models.SlugField(_("网址名"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=100)
    keywords = models.TextField(
        _("关键词"),
        blank=True,
        help_text=_("导入时自动分栏目用:页眉或正文含这些词的稿件归入本栏目。每行一个词,或用逗号、空格分隔。"),
    )
    is_default = models.BooleanField(
        _("默认栏目"), default=False, help_text=_("无法判断栏目的稿件归入默认栏目。只应有一个。")
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True), name="section_single_default")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.address(self.slug)

    @staticmethod
    def address(slug: str) -> str:
        return reverse("articles:section", kwargs={"slug": slug})

    @property
    def keyword_list(self) -> list[str]:
        return body_format.split_keywords(self.keywords)


class Issue(models.Model):
    printed_on = models.DateField(_("出版日期"), unique=True)

    class Meta:
        ordering = ["-printed_on"]
        verbose_name = _("期次")
        verbose_name_plural = _("期次")

    def __str__(self):
        return f"{self.printed_on:%Y年%m月%d日}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        Article.objects.filter(page__issue=self).copy_print_order()

    def get_absolute_url(self):
        d = self.printed_on
        return reverse("articles:issue", kwargs={"year": d.year, "month": d.month, "day": d.day})


class Page(models.Model):
    # Print order: by number, the unnumbered last in the order they were stored.
    PRINT_ORDER = (models.F("number").asc(nulls_last=True), "pk")

    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="pages", verbose_name=_("期次"))
    number = models.PositiveSmallIntegerField(
        _("版次"), null=True, blank=True, help_text=_("第几版,如 2 表示 02版;不知道时留空。")
    )
    label = models.CharField(_("版号"), max_length=20, blank=True, help_text=_("印刷的版号,如“02版”。"))
    name = models.CharField(_("版名"), max_length=60, blank=True, help_text=_("页眉上的版名,如“综合·城区”。"))
    source_name = models.CharField(
        _("来源文件"), max_length=255, blank=True, help_text=_("导入此版的文件名,用于重新导入时找到同一版。")
    )
    staff = models.ManyToManyField(
        "Person", through="PageCredit", related_name="page_credits", blank=True, verbose_name=_("版面编辑")
    )

    class Meta:
        ordering = ["issue", "number", "id"]
        verbose_name = _("版面")
        verbose_name_plural = _("版面")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "number"], condition=Q(number__isnull=False), name="page_unique_number"
            ),
            models.UniqueConstraint(
                fields=["issue", "source_name"], condition=~Q(source_name=""), name="page_unique_source"
            ),
        ]

    def __str__(self):
        parts = [str(self.issue), self.label or (f"第{self.number}版" if self.number else ""), self.name]
        return " ".join(p for p in parts if p)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        Article.objects.filter(page=self).copy_print_order()

    def get_absolute_url(self):
        d = self.issue.printed_on
        return reverse("articles:page", kwargs={"year": d.year, "month": d.month, "day": d.day, "page_id": self.pk})

    # The page's number by its place in the issue when none was printed (``number_in_issue()``); None if unknown.
    order_number = None

    @property
    def display_label(self) -> str:
        return self.label_for(self.number or self.order_number, self.label)

    @property
    def heading(self) -> str:
        """``第2版：要闻``; the number or the name alone when only one is known; never empty."""
        label = self.display_label
        if label and self.name:
            return f"{label}：{self.name}"
        return label or self.name or str(_("版面"))

    @staticmethod
    def number_in_issue(pages) -> list:
        """The pages of one issue in print order, each unnumbered one numbered by its place if no page has that number.

        ``pages`` are all the pages of the issue in print order (``PRINT_ORDER``); sets ``order_number``.
        """
        pages = list(pages)
        taken = {page.number for page in pages if page.number}
        for place, page in enumerate(pages, start=1):
            page.order_number = place if not page.number and place not in taken else None
        return pages

    @staticmethod
    def label_for(number: int | None, label: str) -> str:
        """``第3版`` from the page's number, else its printed label."""
        return f"第{number}版" if number else label


class Person(models.Model):
    name = models.CharField(_("姓名"), max_length=100, unique=True)
    slug = models.SlugField(_("网址名"), max_length=120, unique=True, help_text=_("姓名的拼音,用于网址。"))
    bio = models.TextField(_("简介"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("后台账号"),
        help_text=_("本人登录后台用的账号;记者只能修改署有自己名字的稿件。"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("人员")
        verbose_name_plural = _("人员")
        permissions = [("merge_person", _("可以合并人员"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:person", kwargs={"slug": self.slug})


class PersonAlias(models.Model):
    """Another spelling of a person's name; imports map it to the person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("人员"))
    name = models.CharField(
        _("别名"), max_length=100, unique=True, help_text=_("合并人员时保留的另一种写法;以后导入遇到它会归到本人。")
    )
    slug = models.SlugField(
        _("原网址名"), max_length=120, blank=True, help_text=_("合并前的网址名;读者打开旧网址时转到本人。")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("别名")
        verbose_name_plural = _("别名")

    def __str__(self):
        return self.name


class PageCredit(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="credits", verbose_name=_("版面"))
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("人员"))
    role = models.CharField(_("职责"), max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        ordering = ["page", "order"]
        verbose_name = _("版面编辑")
        verbose_name_plural = _("版面编辑")
        constraints = [models.UniqueConstraint(fields=["page", "person", "role"], name="pagecredit_unique")]

    def __str__(self):
        return f"{self.get_role_display()}/{self.person}"


def _public(prefix: str = "") -> Q:
    """When an article is public: published, and its publication time has come (``prefix``: the path to it)."""
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()})


def _listed(prefix: str = "") -> Q:
    return _public(prefix) & ~Q(**{f"{prefix}kind__in": Article.NOT_EDITORIAL})


# An article's copies of its page's place in print, each from its path on the page: the admin lists a million
# articles in print order from one index of the article table (article_print_order). Kept by Article.save(),
# bulk_create() and bulk_update() in memory, and by ArticleQuerySet.copy_print_order() in the database for
# whatever moves a page or redates an issue.
PRINT_ORDER_COPIES = {"printed_on": "issue__printed_on", "page_number": "number"}


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, and its publication time has come."""
        return self.filter(_public())

    def scheduled(self):
        """Published for a time still to come: it goes online by itself then (no cron job), not before."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def listed(self):
        """What readers' lists show: published news, photos, commentary and sidebars.

        Advertisements, public-service ads and notices (``Article.NOT_EDITORIAL``) are printed, and
        published, but only on their e-paper page, labelled: never on the home, section, person, tag or
        search pages, feeds, the sitemap, the API or in 发稿统计. Every such list starts here.
        """
        return self.filter(_listed())

    def with_is_public(self):
        """Each article's ``is_public`` read with it, for lists that show it (no query per row)."""
        return self.annotate(public_now=models.ExpressionWrapper(_public(), output_field=models.BooleanField()))

    def with_related(self, *, tags: bool = True, photos: bool = True):
        """Everything a list or page shows, in a fixed number of queries.

        ``tags=False`` for lists that never print tags: taggit's prefetch costs more in Python
        than the rest of loading them. ``photos=False`` where no picture is shown.
        """
        bylines = Prefetch("bylines", queryset=Byline.objects.select_related("person").order_by("order", "id"))
        queryset = self.select_related("section", "page__issue").prefetch_related(bylines)
        if photos:  # by id, not Meta's ordering ("article" would join articles)
            queryset = queryset.prefetch_related(Prefetch("photos", queryset=Photo.objects.order_by("order", "id")))
        return queryset.prefetch_related("tags") if tags else queryset

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.copy_print_order()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        if "page" in fields or "page_id" in fields:
            objs = list(objs)
            for obj in objs:
                obj.copy_print_order()
            fields = [*fields, *PRINT_ORDER_COPIES]
        return super().bulk_update(objs, fields, *args, **kwargs)

    def copy_print_order(self) -> int:
        """Copy their page's print order onto these articles (``PRINT_ORDER_COPIES``): one UPDATE of the rows
        that differ, after a page moved or was renumbered or an issue redated."""
        page = Page.objects.filter(pk=models.OuterRef("page_id"))
        copies = {field: Subquery(page.values(path)[:1]) for field, path in PRINT_ORDER_COPIES.items()}
        same = Q()
        for field, value in copies.items():
            same &= Q(**{field: value})
        return self.exclude(same).update(**copies)

    def in_section(self, section):
        return self.filter(section=section)

    def by_person(self, person, role=None):
        filters = {"bylines__person": person}
        if role:
            filters["bylines__role"] = role
        return self.filter(**filters).distinct()


class Article(models.Model):
    Kind = _choices("Kind", vocabulary.KINDS)

    # Printed and stored with their page, shown only there, labelled (``ArticleQuerySet.listed()``).
    NOT_EDITORIAL = vocabulary.NOT_EDITORIAL
    PRINT_LABELS = vocabulary.PRINT_LABELS

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        REVIEW = "review", _("待审")
        PUBLISHED = "published", _("已发布")
        ARCHIVED = "archived", _("已归档")

    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    kicker = models.CharField(_("引题"), max_length=300, blank=True)
    headline = models.CharField(_("主标题"), max_length=300)
    subheadline = models.CharField(_("副题"), max_length=300, blank=True)
    series = models.CharField(_("系列"), max_length=300, blank=True, help_text=_("如“——‘…’系列评论之五”。"))
    dateline = models.CharField(_("电头"), max_length=100, blank=True, help_text=_("如“株洲日报讯”。"))
    body = models.TextField(
        _("正文"),
        blank=True,
        help_text=_("段落之间空一行。以“## ”开头的一行是小标题,以“> ”开头的一行是图片说明。"),
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, null=True, blank=True, related_name="articles", verbose_name=_("栏目")
    )
    page = models.ForeignKey(
        Page, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles", verbose_name=_("版面")
    )
    position = models.PositiveSmallIntegerField(_("版内顺序"), default=0, help_text=_("在本版的阅读顺序,从 1 起。"))
    # Copies of page.issue.printed_on and page.number (PRINT_ORDER_COPIES), kept by save(), bulk_create/bulk_update and
    # Page/Issue.save(): the admin lists a million articles in print order from one index
    # (article_print_order, migration 0009).
    printed_on = models.DateField(_("出版日期"), null=True, blank=True, editable=False)
    page_number = models.PositiveSmallIntegerField(_("版次"), null=True, blank=True, editable=False)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sidebars",
        verbose_name=_("所属稿件"),
        help_text=_("边栏(链接)所属的主稿。"),
    )
    continued_to = models.CharField(_("下转"), max_length=20, blank=True, help_text=_("转到的版,如“02版”。"))
    continued_from = models.CharField(_("上接"), max_length=20, blank=True, help_text=_("接自的版,如“01版”。"))
    continues = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continuations",
        verbose_name=_("接续稿件"),
        help_text=_("本稿是哪篇稿件的转版续文。"),
    )
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("发布时间"), null=True, blank=True, db_index=True, help_text=_("填将来的时间即定时发布,到点自动上线。")
    )
    bylines_text = models.TextField(_("署名原文"), blank=True, help_text=_("印刷的署名行,每行一条。"))
    warnings = models.JSONField(_("导入提示"), default=list, blank=True)
    duplicates_dropped = models.PositiveSmallIntegerField(_("删除的重复段落"), default=0)
    source = models.ForeignKey(
        "importers.RawSource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("来源"),
    )
    source_lines = models.JSONField(_("来源行号"), default=list, blank=True)
    import_key = models.CharField(
        _("导入键"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("同一稿件重新导入时据此找到它。"),
    )
    imported_hash = models.CharField(max_length=64, blank=True, editable=False)
    is_edited = models.BooleanField(_("已人工修改"), default=False, help_text=_("编辑改过后,重新导入不会覆盖本稿。"))
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("审核人"),
    )
    people = models.ManyToManyField(Person, through="Byline", related_name="articles", verbose_name=_("署名"))
    tags = TaggableManager(_("标签"), blank=True)
    # Lets history (django-reversion) keep the tag links alongside the article.
    tagged_items = GenericRelation(TaggedItem, related_query_name="article")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("稿件")
        verbose_name_plural = _("稿件")
        permissions = [
            ("publish_article", _("可以发布、撤下稿件")),
            ("review_article", _("可以审核稿件")),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub"),
            models.Index(fields=["page", "position"], name="article_page_position"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.copy_print_order()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and ("page" in update_fields or "page_id" in update_fields):
            kwargs["update_fields"] = {*update_fields, *PRINT_ORDER_COPIES}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.address(self.pk, self.url_date)

    @staticmethod
    def address(pk: int, day: datetime.date) -> str:
        """An article's public address, with the date ``url_date`` gives."""
        return reverse("articles:article", kwargs={"year": day.year, "month": day.month, "day": day.day, "pk": pk})

    def copy_print_order(self) -> None:
        """Set the copies of the page's print order (``PRINT_ORDER_COPIES``): no query when page and issue are loaded."""
        if self.page_id is not None and Article.page.is_cached(self) and Page.issue.is_cached(self.page):
            found = [operator.attrgetter(path.replace("__", "."))(self.page) for path in PRINT_ORDER_COPIES.values()]
        elif self.page_id is not None:
            found = Page.objects.filter(pk=self.page_id).values_list(*PRINT_ORDER_COPIES.values()).first()
        else:
            found = None
        for field, value in zip(
            PRINT_ORDER_COPIES, found or (None, None), strict=True
        ):  # a fixture may bring the page later
            setattr(self, field, value)

    @property
    def url_date(self):
        """The date in the article's address: its printed edition's, else the day it went online.

        Neither changes on re-import or headline edits; an address with another date redirects.
        """
        printed_on = (self.printed_on or self.page.issue.printed_on) if self.page_id else None
        return self.address_date(printed_on, self.published_at, self.created_at)

    @staticmethod
    def address_date(printed_on, published_at, created_at) -> datetime.date:
        """``url_date`` from the printed edition's date (None: not printed), else the local day online."""
        return printed_on or timezone.localdate(published_at or created_at or timezone.now())

    @property
    def title(self) -> str:
        return " ".join(part for part in (self.kicker, self.headline, self.subheadline) if part)

    @property
    def blocks(self) -> list[body_format.Block]:
        return body_format.parse_body(self.body)

    @property
    def is_editorial(self) -> bool:
        return self.kind not in self.NOT_EDITORIAL

    @property
    def is_public(self) -> bool:
        """Whether readers may see it now, as stored: ``published()`` asked of the database (one query, none
        when the article was read through ``with_is_public()``)."""
        if "public_now" in self.__dict__:
            return self.public_now
        return self.pk is not None and Article.objects.published().filter(pk=self.pk).exists()

    @property
    def print_label(self) -> str:
        """``广告``, ``公益广告`` or ``公告`` for what is not editorial; empty for articles."""
        return str(self.PRINT_LABELS.get(self.kind, ""))


class BylineQuerySet(models.QuerySet):
    def listed(self):
        """The bylines of what readers' lists show (``ArticleQuerySet.listed()``), as conditions on the join:
        an IN (listed articles) subquery would read every one of them."""
        return self.filter(_listed("article__"))


class Byline(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines", verbose_name=_("稿件"))
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="bylines", verbose_name=_("人员"))
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices, default=Role.REPORTER)
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    objects = BylineQuerySet.as_manager()

    class Meta:
        ordering = ["article", "order", "id"]
        verbose_name = _("署名")
        verbose_name_plural = _("署名")
        constraints = [models.UniqueConstraint(fields=["article", "person", "role"], name="byline_unique")]
        indexes = [models.Index(fields=["person", "role"], name="byline_person_role")]

    def __str__(self):
        return f"{self.get_role_display()}/{self.person}"

    @classmethod
    def of_articles(cls, article_ids):
        """These articles' bylines, each article's in byline order (by id: Meta's "article" would join articles)."""
        return cls.objects.filter(article_id__in=article_ids).order_by("article_id", "order", "id")


class Correction(models.Model):
    """A dated 更正 note shown under a published article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("稿件"))
    text = models.TextField(_("更正内容"), help_text=_("读者看到的更正说明,如“本报1月22日2版……特此更正。”"))
    published_on = models.DateField(_("更正日期"), default=timezone.localdate)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("创建人"),
    )

    class Meta:
        ordering = ["published_on", "id"]
        verbose_name = _("更正")
        verbose_name_plural = _("更正")

    def __str__(self):
        return f"{self.published_on:%Y-%m-%d} 更正"


class Photo(models.Model):
    """A picture of an article, stored through Django's storage API; ``articles.photos`` checks and cleans it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="photos", verbose_name=_("稿件"))
    image = models.ImageField(
        _("图片"), upload_to=photo_files.upload_to, width_field="width", height_field="height", max_length=200
    )
    width = models.PositiveIntegerField(_("宽"), default=0, editable=False)
    height = models.PositiveIntegerField(_("高"), default=0, editable=False)
    caption = models.TextField(_("图片说明"), blank=True)
    credit = models.CharField(_("摄影"), max_length=100, blank=True, help_text=_("留空时取稿件署名中的摄影者。"))
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)
    size = models.PositiveIntegerField(_("字节数"), default=0, editable=False)
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["article", "order", "id"]
        verbose_name = _("图片")
        verbose_name_plural = _("图片")
        indexes = [models.Index(fields=["article", "order"], name="photo_article_order")]

    def __str__(self):
        return self.caption[:30] or self.image.name

    def save(self, *args, **kwargs):
        if self._state.adding and not self.credit and self.article_id:
            self.credit = photo_files.photographer_credit(self.article_id)
        if self.image and not self.image._committed:  # a new file: its size, for feed enclosures
            self.size = self.image.size
        super().save(*args, **kwargs)

    @property
    def content_type(self) -> str:
        return photo_files.content_type(self.image.name)


# thumb_jpeg, w960_webp...: the renditions django-imagekit makes when a photo is saved.
renditions.add_fields(Photo)


class PageImage(models.Model):
    """The printed page (版面图) on the e-paper: the image readers see and, when one was given, the PDF it came from.

    ``articles.page_files`` checks an upload, renders a PDF's page and places the page's articles on it.
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="page_image", verbose_name=_("版面"))
    pdf = models.FileField(
        _("PDF"), upload_to=page_files.upload_to, blank=True, max_length=200, help_text=_("读者可下载的本版 PDF。")
    )
    pdf_size = models.PositiveIntegerField(_("PDF 字节数"), default=0, editable=False)
    image = models.ImageField(
        _("版面图"), upload_to=page_files.upload_to, width_field="width", height_field="height", max_length=200
    )
    width = models.PositiveIntegerField(_("宽"), default=0, editable=False)
    height = models.PositiveIntegerField(_("高"), default=0, editable=False)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now=True)
    # Made when the image is saved (the stored image is page_files.RENDER_WIDTH wide): phones take this one.
    image_w900 = ImageSpecField(
        source="image", processors=[ResizeToFit(width=900, upscale=False)], format="JPEG", options={"quality": 82}
    )

    class Meta:
        verbose_name = _("版面图")
        verbose_name_plural = _("版面图")

    def __str__(self):
        return str(self.page)


class ArticleArea(models.Model):
    """Where an article sits on its printed page: a box in fractions of the page image, a link for readers."""

    class PlacedBy(models.TextChoices):
        AUTO = "auto", _("自动")
        EDITOR = "editor", _("编辑")

    page_image = models.ForeignKey(PageImage, on_delete=models.CASCADE, related_name="areas", verbose_name=_("版面图"))
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="areas", verbose_name=_("稿件"))
    x = models.FloatField(_("左"), help_text=_("距左边,占版面宽度的比例(0–1)。"))
    y = models.FloatField(_("上"), help_text=_("距上边,占版面高度的比例(0–1)。"))
    width = models.FloatField(_("宽"), help_text=_("占版面宽度的比例。"))
    height = models.FloatField(_("高"), help_text=_("占版面高度的比例。"))
    placed_by = models.CharField(_("定位"), max_length=10, choices=PlacedBy.choices, default=PlacedBy.AUTO)
    score = models.FloatField(
        _("文字吻合"), default=0, editable=False, help_text=_("自动定位时本稿文字在此区域找到的比例。")
    )

    class Meta:
        ordering = ["page_image", "y", "x"]
        verbose_name = _("稿件区域")
        verbose_name_plural = _("稿件区域")
        constraints = [
            models.UniqueConstraint(fields=["page_image", "article"], name="articlearea_unique"),
            models.CheckConstraint(
                condition=Q(x__gte=0, y__gte=0, width__gt=0, height__gt=0)
                & Q(x__lte=1.000001 - models.F("width"), y__lte=1.000001 - models.F("height")),
                name="articlearea_inside_page",
            ),
        ]

    def __str__(self):
        return f"{self.article} @ {self.page_image}"

    @property
    def style(self) -> str:
        """Where the link goes over the page image, in % (CSS)."""
        return (
            f"left:{self.x * 100:.3f}%;top:{self.y * 100:.3f}%;"
            f"width:{self.width * 100:.3f}%;height:{self.height * 100:.3f}%"
        )


@receiver(post_save, sender=Article)
def _copy_print_order_after_raw_save(sender, instance, raw, **kwargs):
    """Fixtures, ``import_content`` and history reverts save raw, without ``Article.save()``: set the copies after.

    A version recorded before migration 0009 holds no copies at all.
    """
    if raw:
        Article.objects.filter(pk=instance.pk).copy_print_order()


# The editor's desk (issue 20) ---------------------------------------------------------------------


class WarningNote(models.Model):
    """An import warning an editor dealt with: dismissed with a reason, or cleared by the change that fixed it.

    The warning leaves ``Article.warnings`` (what is still open) and is kept here, with who and why
    (``articles.review`` writes both, and an admin history entry, in one transaction).
    """

    class Outcome(models.TextChoices):
        DISMISSED = "dismissed", _("已忽略")
        FIXED = "fixed", _("已修正")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="warning_notes", verbose_name=_("稿件")
    )
    text = models.TextField(_("提示"))
    outcome = models.CharField(_("处理"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("理由"), help_text=_("为什么可以忽略这条提示,或是哪项修改解决了它。"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("处理人"),
    )
    at = models.DateTimeField(_("处理时间"), default=timezone.now)

    class Meta:
        ordering = ["article", "at", "id"]
        verbose_name = _("已处理的导入提示")
        verbose_name_plural = _("已处理的导入提示")

    def __str__(self):
        return f"{self.get_outcome_display()}:{self.text[:30]}"
