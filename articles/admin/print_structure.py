"""The print structure in the admin: sections, issues, their pages, and who edited each page."""

from django.contrib import admin
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import access
from ..models import Article, Issue, Page, PageCredit, Section
from .search import CappedSearchMixin


@admin.register(Section)
class SectionAdmin(CappedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_default", "article_count"]
    list_editable = ["order"]
    search_fields = ["name", "keywords"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description=_("稿件数"), ordering="n_articles")
    def article_count(self, obj):
        return obj.n_articles


class PageCreditInline(admin.TabularInline):
    model = PageCredit
    fields = ["role", "person", "order"]
    autocomplete_fields = ["person"]
    extra = 0


class PageArticleInline(admin.TabularInline):
    """The page's articles in print order, each a link to its form."""

    model = Article
    fk_name = "page"
    fields = ["position", "headline_link", "kind", "status"]
    readonly_fields = ["headline_link", "kind", "status"]
    ordering = ["position", "id"]
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = _("本版稿件(按版内顺序)")

    def has_add_permission(self, request, obj):
        return False

    def get_queryset(self, request):
        return access.visible(request.user, super().get_queryset(request))

    @admin.display(description=_("标题"))
    def headline_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[obj.pk]), obj.title)


@admin.register(Page)
class PageAdmin(CappedSearchMixin, admin.ModelAdmin):
    list_display = ["__str__", "issue", "number", "name", "staff_display", "article_count"]
    list_select_related = ["issue"]
    list_filter = ["number"]
    date_hierarchy = "issue__printed_on"
    search_fields = ["name", "label"]
    inlines = [PageCreditInline, PageArticleInline]

    def get_queryset(self, request):
        credits = Prefetch("credits", queryset=PageCredit.objects.select_related("person").order_by("order"))
        return super().get_queryset(request).annotate(n_articles=Count("articles")).prefetch_related(credits)

    @admin.display(description=_("版面编辑"))
    def staff_display(self, obj):
        return " ".join(str(credit) for credit in obj.credits.all())

    @admin.display(description=_("稿件数"), ordering="n_articles")
    def article_count(self, obj):
        return obj.n_articles


class IssuePageInline(admin.TabularInline):
    model = Page
    fields = ["page_link", "number", "label", "name"]
    readonly_fields = ["page_link"]
    ordering = ["number", "id"]
    extra = 0
    show_change_link = True

    @admin.display(description=_("版面"))
    def page_link(self, obj):
        if obj.pk is None:
            return ""
        url = reverse("admin:articles_page_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.display_label or obj.name or obj.pk)


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["__str__", "printed_on", "page_count"]
    date_hierarchy = "printed_on"
    inlines = [IssuePageInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_pages=Count("pages"))

    @admin.display(description=_("版数"), ordering="n_pages")
    def page_count(self, obj):
        return obj.n_pages


@admin.register(PageCredit)
class PageCreditAdmin(CappedSearchMixin, admin.ModelAdmin):
    list_display = ["page", "role", "person", "order"]
    list_select_related = ["page__issue", "person"]
    list_filter = ["role"]
    search_fields = ["person__name"]
    autocomplete_fields = ["page", "person"]
