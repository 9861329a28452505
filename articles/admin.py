"""The editorial admin: review queue, article form, people, print structure, statistics.

Roles are auth groups (记者, 编辑, 主编; migration 0004) whose permissions the
admin enforces: reporters change their own drafts only, editors (``review_article``)
change any article, review, move and tag, chief editors (``publish_article``,
``merge_person``) publish and merge people. Which articles a user may see and change
is decided in one place, ``articles.access``, for every view here that reaches an
article. The write work itself lives in ``articles.workflow``.
"""

import datetime
import difflib

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.db.models import CharField, Count, DateTimeField, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Substr
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.admin import TagAdmin
from taggit.models import Tag, TaggedItem

from . import access, people, photo_admin, search, stats, workflow
from .access import is_chief, is_editor
from .admin_search import CappedSearchMixin
from .models import (
    Article,
    Byline,
    Correction,
    Issue,
    Page,
    PageCredit,
    Person,
    PersonAlias,
    Role,
    Section,
)
from .paginators import EstimatedCountPaginator

User = get_user_model()

admin.site.site_header = _("株洲日报 编辑后台")
# Accounts, groups and tags keep their apps' admins, with the search stopping where every other admin search stops.
for _model, _admin_class in ((User, UserAdmin), (Group, GroupAdmin), (Tag, TagAdmin)):
    admin.site.unregister(_model)
    admin.site.register(_model, type(_admin_class.__name__, (CappedSearchMixin, _admin_class), {}))
admin.site.site_title = _("株洲日报 编辑后台")
admin.site.index_title = _("编辑部")

# History: an article's version includes its bylines, tag links and corrections.
reversion.register(Byline)
reversion.register(Correction)
reversion.register(Tag)
reversion.register(TaggedItem, follow=["tag"])
reversion.register(Article, follow=["bylines", "tagged_items", "corrections"])


# Review-queue filters -----------------------------------------------------------------


class HasWarningsFilter(admin.SimpleListFilter):
    title = _("导入提示")
    parameter_name = "warnings"

    def lookups(self, request, model_admin):
        return [("yes", _("有提示")), ("no", _("无提示"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(warnings=[])
        if self.value() == "no":
            return queryset.filter(warnings=[])
        return queryset


class ReviewedFilter(admin.SimpleListFilter):
    title = _("审核")
    parameter_name = "reviewed"

    def lookups(self, request, model_admin):
        return [("yes", _("已审核")), ("no", _("未审核"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(reviewed_at__isnull=self.value() == "no")
        return queryset


class IssueDateFilter(admin.SimpleListFilter):
    title = _("出版日期")
    parameter_name = "issue"

    def lookups(self, request, model_admin):
        dates = list(Issue.objects.values_list("printed_on", flat=True)[:15])
        chosen = self._date()
        if chosen and chosen not in dates:
            dates.insert(0, chosen)
        return [(d.isoformat(), f"{d:%Y-%m-%d}") for d in dates]

    def _date(self):
        try:
            return datetime.date.fromisoformat(self.value() or "")
        except ValueError:
            return None

    def queryset(self, request, queryset):
        if self._date():
            return queryset.filter(printed_on=self._date())
        return queryset


class PageNumberFilter(admin.SimpleListFilter):
    title = _("版次")
    parameter_name = "page_number"
    RECENT_PAGES = 2_000

    def lookups(self, request, model_admin):
        # The numbers the latest pages carry (a DISTINCT over every page ever printed costs a scan).
        recent = (
            Page.objects.exclude(number=None).order_by("-id").values_list("number", flat=True)[: self.RECENT_PAGES]
        )
        numbers = set(recent)
        if (self.value() or "").isdigit():
            numbers.add(int(self.value()))
        return [(str(n), f"{n:02d}版") for n in sorted(numbers)]

    def queryset(self, request, queryset):
        if (self.value() or "").isdigit():
            return queryset.filter(page_number=int(self.value()))
        return queryset


class ImportRunFilter(admin.SimpleListFilter):
    title = _("导入批次")
    parameter_name = "run"

    def lookups(self, request, model_admin):
        from importers.models import ImportRun

        return [(str(run.pk), str(run)) for run in ImportRun.objects.all()[:15]]

    def queryset(self, request, queryset):
        if (self.value() or "").isdigit():
            return queryset.filter(source__run_id=int(self.value()))
        return queryset


class PersonFilter(admin.SimpleListFilter):
    """The most-bylined people; any person via ``?person=<id>`` (the people list links here)."""

    title = _("人员")
    parameter_name = "person"

    # Counted over the latest articles only: a million articles' bylines are too many to count per page view.
    RECENT_ARTICLES = 5_000

    def lookups(self, request, model_admin):
        latest = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        recent = Count("bylines", filter=Q(bylines__article_id__gt=latest - self.RECENT_ARTICLES))
        people_ = (
            Person.objects.filter(bylines__article_id__gt=latest - self.RECENT_ARTICLES)
            .annotate(n=recent)
            .order_by("-n", "name")
        )
        choices = [(str(p.pk), p.name) for p in people_[:20]]
        value = self.value()
        if value and value.isdigit() and value not in {pk for pk, _ in choices}:
            person = Person.objects.filter(pk=value).first()
            if person:
                choices.insert(0, (value, person.name))
        return choices

    def queryset(self, request, queryset):
        if (self.value() or "").isdigit():
            # A semi-join, not a join + DISTINCT: no sort of a prolific reporter's 100,000 rows.
            return queryset.filter(pk__in=Byline.objects.filter(person_id=int(self.value())).values("article_id"))
        return queryset


# Forms ----------------------------------------------------------------------------------


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "kicker",
            "headline",
            "subheadline",
            "series",
            "dateline",
            "bylines_text",
            "body",
            "kind",
            "section",
            "tags",
            "page",
            "position",
            "parent",
            "continued_from",
            "continued_to",
            "continues",
            "status",
            "published_at",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 24, "cols": 80, "class": "nr-body"}),
            "bylines_text": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            "kicker": forms.TextInput(attrs={"size": 60}),
            "headline": forms.TextInput(attrs={"size": 60}),
            "subheadline": forms.TextInput(attrs={"size": 60}),
            "series": forms.TextInput(attrs={"size": 60}),
        }


class SectionChoiceForm(forms.Form):
    section = forms.ModelChoiceField(Section.objects.all(), label=_("移到栏目"))


class TagsForm(forms.Form):
    tags = forms.CharField(label=_("标签"), help_text=_("多个标签用逗号、顿号或空格分开。"))

    def clean_tags(self):
        from .body import split_keywords

        names = split_keywords(self.cleaned_data["tags"])
        if not names:
            raise forms.ValidationError(_("请至少填一个标签。"))
        return names


class PublishForm(forms.Form):
    published_at = forms.SplitDateTimeField(
        label=_("发布时间"),
        required=False,
        widget=admin.widgets.AdminSplitDateTime,
        help_text=_("留空:立即发布(已定时的稿件保持原定时间)。填将来的时间即定时发布。"),
    )


# Articles seen from other models ---------------------------------------------------------------


class ArticleChoicesMixin:
    """Foreign keys to articles offer (and accept) only articles the user may see; ``changeable_article_fields``,
    only those they may change (a byline decides who owns its article)."""

    changeable_article_fields: tuple[str, ...] = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Article:
            limit = access.changeable if db_field.name in self.changeable_article_fields else access.visible
            kwargs["queryset"] = limit(request.user, kwargs.get("queryset", Article.objects.all()))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# Inlines --------------------------------------------------------------------------------


class ParentPermissionInline:
    """An inline is writable only when its article is (a reporter's published piece is not)."""

    def _parent_writable(self, request, obj):
        if obj is None:
            return True
        return self.admin_site._registry[self.parent_model].has_change_permission(request, obj)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._parent_writable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_writable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_writable(request, obj)


class BylineInline(ParentPermissionInline, admin.TabularInline):
    model = Byline
    fields = ["person", "role", "order"]
    autocomplete_fields = ["person"]
    extra = 0


class CorrectionInline(ParentPermissionInline, admin.StackedInline):
    model = Correction
    fields = ["published_on", "text"]
    extra = 0


class PhotoInline(ParentPermissionInline, photo_admin.PhotoInline):
    pass


# Articles -------------------------------------------------------------------------------


def _reindex(request, pks) -> None:
    """Keep the readers' search current after an edit; a failing index never costs the edit."""
    try:
        with transaction.atomic():
            search.index_articles(pks)
    except DatabaseError:
        messages.warning(request, _("稿件已保存,但搜索索引未能更新;请运行 manage.py rebuild_search_index。"))


def byline_labels(article_ids) -> dict[int, str]:
    """``记者/成姣兰、摄影/杨如`` for each article, in byline order: one query of plain values."""
    roles = dict(Role.choices)
    labels: dict[int, list[str]] = {}
    for article_id, role, name in Byline.of_articles(article_ids).values_list("article_id", "role", "person__name"):
        labels.setdefault(article_id, []).append(f"{roles.get(role, role)}/{name}")
    return {article_id: "、".join(names) for article_id, names in labels.items()}


class ArticleChangeList(ChangeList):
    """The page's rows carry their byline labels, read as values.

    Prefetched, each article kept a queryset of its bylines and each byline pointed back to its
    article: reference cycles, ~1,500 of the ~2,500 objects a page of 50 rows left to the garbage
    collector, whose full passes took 60-97 ms inside some editor's request (bench/README.md,
    Admin). The rows themselves still wait for it: Django's template context is a cycle too.
    """

    def get_results(self, request):
        super().get_results(request)
        self.result_list = list(self.result_list)
        labels = byline_labels([article.pk for article in self.result_list])
        for article in self.result_list:
            article.byline_labels = labels.get(article.pk, "")


@admin.register(Article)
class ArticleAdmin(CappedSearchMixin, ArticleChoicesMixin, VersionAdmin):
    form = ArticleForm
    change_list_template = "admin/articles/article/change_list.html"
    change_form_template = "admin/articles/article/change_form.html"
    object_history_template = "admin/articles/article/object_history.html"
    list_display = [
        "title_display",
        "status_display",
        "warnings_display",
        "kind",
        "section",
        "page_display",
        "people_display",
        "published_at",
        "preview_link",
    ]
    list_display_links = ["title_display"]
    list_filter = [
        "status",
        HasWarningsFilter,
        ReviewedFilter,
        "kind",
        "section",
        IssueDateFilter,
        PageNumberFilter,
        ImportRunFilter,
        PersonFilter,
    ]
    list_select_related = ["section", "page__issue"]
    list_per_page = 50
    # A million articles: no second COUNT(*) of the unfiltered list, and an estimated count above 10,000.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    # The latest paper first, each page in print order; pieces without a page at the end.
    ordering = [F("printed_on").desc(nulls_last=True), "page_number", "position", "-id"]  # index article_print_order
    search_fields = [
        "headline",
        "kicker",
        "subheadline",
        "body",
        "bylines__person__name",
        "bylines__person__aliases__name",
    ]
    search_help_text = _("搜索标题、正文和署名人员(含别名)。")
    date_hierarchy = "published_at"
    autocomplete_fields = ["page", "parent", "continues"]
    inlines = [BylineInline, CorrectionInline]
    actions = [
        "submit_for_review_action",
        "mark_reviewed_action",
        "publish_action",
        "unpublish_action",
        "archive_action",
        "move_to_section_action",
        "add_tags_action",
        "remove_tags_action",
    ]
    fieldsets = [
        (_("标题"), {"fields": ["kicker", "headline", "subheadline", "series"]}),
        (_("正文"), {"fields": ["dateline", "bylines_text", "body"]}),
        (_("归类"), {"fields": ["kind", "section", "tags", "page", "position", "parent"]}),
        (
            _("转版"),
            {"fields": ["continued_from", "continued_to", "continues"], "classes": ["collapse"]},
        ),
        (
            _("发布"),
            {"fields": ["status", "published_at", "reviewed_display", "is_edited", "preview_link"]},
        ),
        (
            _("导入"),
            {"fields": ["warnings_list", "source", "duplicates_dropped"], "classes": ["collapse"]},
        ),
    ]

    def view_on_site(self, obj):
        """Only a public article has a public address; drafts have the preview instead. An ad or notice is
        seen on its e-paper page."""
        if not obj.is_public:
            return None
        if not obj.is_editorial:
            return f"{obj.page.get_absolute_url()}#a-{obj.pk}" if obj.page_id else None
        return obj.get_absolute_url()

    # Roles ------------------------------------------------------------------------------

    def get_queryset(self, request):
        return access.visible(request.user, super().get_queryset(request))

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or access.may_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or is_editor(request.user))

    def has_review_permission(self, request):
        return is_editor(request.user)

    def has_publish_permission(self, request):
        return is_chief(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = ["reviewed_display", "preview_link", "warnings_list", "source", "duplicates_dropped", "is_edited"]
        if not is_chief(request.user):
            fields += ["status", "published_at"]
        return fields

    def get_inlines(self, request, obj):
        return [BylineInline, CorrectionInline, PhotoInline] if obj is not None else [BylineInline, PhotoInline]

    # Saving -----------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        obj.is_edited = True
        if obj.status == Article.Status.PUBLISHED and obj.published_at is None:
            obj.published_at = timezone.now()
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, Correction) and instance.created_by_id is None:
                instance.created_by = request.user
        for instance in formset.deleted_objects:
            instance.delete()
        for instance in instances:
            instance.save()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        person = Person.objects.filter(user=request.user).first()
        if not change and person and not is_editor(request.user):
            # A reporter's new article is theirs: without the byline they could not edit it again.
            Byline.objects.get_or_create(article=form.instance, person=person, role=Role.REPORTER)
        _reindex(request, [form.instance.pk])

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        search.remove_from_index([pk])

    def delete_queryset(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        search.remove_from_index(pks)

    # Columns ----------------------------------------------------------------------------

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList  # its rows carry the byline labels people_display prints

    @admin.display(description=_("标题"), ordering="headline")
    def title_display(self, obj):
        if obj.kicker:
            return format_html('<small class="nr-kicker">{}</small><br>{}', obj.kicker, obj.headline)
        return obj.headline

    @admin.display(description=_("状态"), ordering="status")
    def status_display(self, obj):
        label = obj.get_status_display()
        state = obj.status
        if obj.status == Article.Status.PUBLISHED and not obj.is_public:
            label, state = _("定时发布"), "scheduled"
        reviewed = "✓" if obj.reviewed_at else ""
        return format_html('<span class="nr-status nr-status-{}">{}</span>{}', state, label, reviewed)

    @admin.display(description=_("提示"))
    def warnings_display(self, obj):
        if not obj.warnings:
            return ""
        return format_html('<span class="nr-warn" title="{}">⚠ {}</span>', "\n".join(obj.warnings), len(obj.warnings))

    @admin.display(description=_("版面"), ordering="printed_on")
    def page_display(self, obj):
        if obj.page is None:
            return ""
        return f"{obj.page.issue.printed_on:%m-%d} {obj.page.display_label or obj.page.name}"

    @admin.display(description=_("署名"))
    def people_display(self, obj):
        return obj.byline_labels  # set by ArticleChangeList

    @admin.display(description=_("预览"))
    def preview_link(self, obj):
        if obj is None or obj.pk is None:
            return ""
        return format_html(
            '<a href="{}" target="_blank">{}</a>', reverse("admin:articles_article_preview", args=[obj.pk]), _("预览")
        )

    @admin.display(description=_("审核"))
    def reviewed_display(self, obj):
        if not obj.reviewed_at:
            return _("未审核")
        local = timezone.localtime(obj.reviewed_at)
        return f"{local:%Y-%m-%d %H:%M} {obj.reviewed_by or ''}"

    @admin.display(description=_("导入提示"))
    def warnings_list(self, obj):
        if not obj.warnings:
            return "—"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((w,) for w in obj.warnings)))

    # Actions ----------------------------------------------------------------------------

    def _done(self, request, count, message):
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def _log(self, request, queryset, message):
        log_bulk_change(queryset, user=request.user, message=str(message))

    @admin.action(description=_("提交审核"), permissions=["change"])
    def submit_for_review_action(self, request, queryset):
        queryset = access.changeable(request.user, queryset)  # a reporter's own drafts
        count = workflow.submit_for_review(articles=queryset, by=request.user)
        self._log(request, queryset, _("提交审核"))
        self._done(request, count, _("%(count)d 篇稿件已提交审核。"))

    @admin.action(description=_("标记为已审核"), permissions=["review"])
    def mark_reviewed_action(self, request, queryset):
        count = workflow.mark_reviewed(articles=queryset, by=request.user)
        self._log(request, queryset, _("审核"))
        self._done(request, count, _("%(count)d 篇稿件已标记为已审核。"))

    @admin.action(description=_("发布"), permissions=["publish"])
    def publish_action(self, request, queryset):
        form = PublishForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            at = form.cleaned_data["published_at"]
            count = workflow.publish_articles(articles=queryset, by=request.user, at=at)
            self._log(request, queryset, _("发布"))
            self._done(request, count, _("%(count)d 篇稿件已发布。"))
            return None
        return self._intermediate(request, queryset, form, "publish_action", _("发布稿件"))

    @admin.action(description=_("撤下(退回待审)"), permissions=["publish"])
    def unpublish_action(self, request, queryset):
        count = workflow.unpublish_articles(articles=queryset, by=request.user)
        self._log(request, queryset, _("撤下"))
        self._done(request, count, _("%(count)d 篇稿件已撤下。"))

    @admin.action(description=_("归档"), permissions=["publish"])
    def archive_action(self, request, queryset):
        count = workflow.archive_articles(articles=queryset, by=request.user)
        self._log(request, queryset, _("归档"))
        self._done(request, count, _("%(count)d 篇稿件已归档。"))

    @admin.action(description=_("移到栏目…"), permissions=["review"])
    def move_to_section_action(self, request, queryset):
        form = SectionChoiceForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            section = form.cleaned_data["section"]
            count = workflow.move_to_section(articles=queryset, section=section, by=request.user)
            self._log(request, queryset, _("移到栏目:") + section.name)
            self._done(request, count, _("%(count)d 篇稿件已移到栏目“") + section.name + "”。")
            return None
        return self._intermediate(request, queryset, form, "move_to_section_action", _("移到栏目"))

    @admin.action(description=_("添加标签…"), permissions=["review"])
    def add_tags_action(self, request, queryset):
        form = TagsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            count = workflow.add_tags(articles=queryset, tags=form.cleaned_data["tags"], by=request.user)
            self._log(request, queryset, _("添加标签:") + "、".join(form.cleaned_data["tags"]))
            self._done(request, count, _("添加了 %(count)d 个标签。"))
            return None
        return self._intermediate(request, queryset, form, "add_tags_action", _("添加标签"))

    @admin.action(description=_("去掉标签…"), permissions=["review"])
    def remove_tags_action(self, request, queryset):
        form = TagsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            count = workflow.remove_tags(articles=queryset, tags=form.cleaned_data["tags"], by=request.user)
            self._log(request, queryset, _("去掉标签:") + "、".join(form.cleaned_data["tags"]))
            self._done(request, count, _("去掉了 %(count)d 个标签。"))
            return None
        return self._intermediate(request, queryset, form, "remove_tags_action", _("去掉标签"))

    def _intermediate(self, request, queryset, form, action, title):
        """The page between choosing an action and applying it; it re-posts the selection."""
        count = queryset.count()
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "form": form,
            "action": action,
            "count": count,
            "sample": queryset.order_by()[:20],
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/articles/article/action_form.html", context)

    # Extra views ------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("preview/<int:pk>/", view(self.preview_view), name="articles_article_preview"),
            path("stats/", view(self.stats_view), name="articles_article_stats"),
            path("stats.csv", view(self.stats_csv_view), name="articles_article_stats_csv"),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk):
        """The draft exactly as readers will see it: the public template and context, any status."""
        from . import views

        if not self.has_view_permission(request):
            raise PermissionDenied
        if not self.get_queryset(request).filter(pk=pk).exists():
            raise Http404
        article = get_object_or_404(Article.objects.with_related().prefetch_related("corrections"), pk=pk)
        if article.published_at is None:  # not saved: shows the time it would carry if published now
            article.published_at = timezone.now()
        context = views._article_context(request, article, article.get_absolute_url())
        response = TemplateResponse(request, "articles/article_detail.html", {**context, "is_preview": True})
        response["X-Robots-Tag"] = "noindex"
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            self._keep_first_version(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def _keep_first_version(self, request, object_id):
        """Imported articles have no version yet: keep the state before the first edit, so it can be restored."""
        article = self.get_object(request, object_id)
        if article is None or not self.has_change_permission(request, article):
            return
        if Version.objects.get_for_object(article).exists():
            return
        with reversion.create_revision():
            reversion.set_comment(_("修改前的版本(导入或批量操作后的状态)"))
            reversion.add_to_revision(article)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        restoring = getattr(request, "nr_restoring", None)
        if restoring is not None and object_id:
            request.nr_restoring = None
            self._settle_restored(request, unquote(object_id), restoring)
        if object_id:
            article = Article.objects.select_related("source").filter(pk=object_id).first()
            if article is not None:
                extra_context["source_excerpt"] = source_excerpt(article)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        log_entries = LogEntry.objects.filter(
            content_type__app_label="articles", content_type__model="article", object_id=str(article.pk)
        ).select_related("user")
        extra_context = {"diffs": article_history(article), "log_entries": log_entries, **(extra_context or {})}
        return super().history_view(request, object_id, extra_context)

    # History: revert and recover -----------------------------------------------------------------
    #
    # django-reversion writes the old version to the database (article, bylines, tag links,
    # corrections: the whole revision) and then runs the change form on the result, inside one
    # transaction that a GET, a refused or an invalid form rolls back. Checked here, before it
    # writes anything: who may open that version, and that the revision holds this article only.
    # Checked after it wrote, in the same transaction: the publication state is put back to what
    # it was (workflow.kept_publication / recovered_publication) and the user may still change
    # the article as restored.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_change_permission(request):
            raise PermissionDenied
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object(article), pk=version_id if str(version_id).isdigit() else None
        )
        self._check_revision(version)
        request.nr_restoring = workflow.kept_publication(article)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not access.may_recover(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not access.may_recover(request.user):
            raise PermissionDenied
        # Only the last version of an article that is gone: "recovering" one that exists would revert it.
        deleted = Version.objects.get_deleted(Article)
        version = get_object_or_404(deleted, pk=version_id if str(version_id).isdigit() else None)
        self._check_revision(version)
        request.nr_restoring = workflow.recovered_publication(version.field_dict)
        return super().recover_view(request, version_id, extra_context)

    def _check_revision(self, version):
        """A revision restores every object in it: it may hold this article and its own rows, no other article."""
        others = version.revision.version_set.filter(content_type=version.content_type).exclude(
            object_id=version.object_id
        )
        if version.content_type.model_class() is not Article or others.exists():
            raise PermissionDenied

    def _settle_restored(self, request, pk, publication):
        """Inside the revert's transaction: the publication state as decided, and the user still in charge."""
        Article.objects.filter(pk=pk).update(**publication)
        article = self.get_object(request, pk)
        if article is None or not self.has_change_permission(request, article):
            raise PermissionDenied  # e.g. a version without the reporter's own byline: rolled back

    def _stats_params(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = stats.StatsForm(request.GET or None)
        start, end = form.range() if form.is_bound and form.is_valid() else stats.default_range()
        return form, {"start": start, "end": end, **form.filters()}

    def stats_view(self, request):
        form, params = self._stats_params(request)
        context = {
            **self.admin_site.each_context(request),
            "title": _("发稿统计"),
            "opts": self.model._meta,
            "form": form,
            "rows": stats.output_stats(**params),
            "chart": stats.bar_chart(stats.person_totals(**params)),
            "start": params["start"],
            "end": params["end"],
            "query": request.GET.urlencode(),
        }
        return TemplateResponse(request, "admin/articles/article/stats.html", context)

    def stats_csv_view(self, request):
        form, params = self._stats_params(request)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"fagao-{params['start']:%Y%m%d}-{params['end']:%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response.write("\ufeff")  # Excel needs the BOM to read UTF-8
        stats.write_csv(response, stats.output_stats(**params))
        return response


def log_bulk_change(queryset, *, user, message: str) -> None:
    """One admin history entry per article in a single INSERT … SELECT, however many articles.

    ``LogEntry.objects.log_actions()`` would load every article and insert in
    batches; bulk actions on a whole day's paper must stay a fixed number of queries.
    """
    rows = (
        Article.objects.filter(pk__in=queryset.order_by().values("pk"))
        .order_by()
        .annotate(
            nr_time=Value(timezone.now(), output_field=DateTimeField()),
            nr_user=Value(user.pk, output_field=IntegerField()),
            nr_type=Value(ContentType.objects.get_for_model(Article).pk, output_field=IntegerField()),
            nr_object=Cast("pk", output_field=CharField()),
            nr_repr=Substr("headline", 1, 200),
            nr_flag=Value(CHANGE, output_field=IntegerField()),
            nr_message=Value(message, output_field=CharField()),
        )
        .values_list("nr_time", "nr_user", "nr_type", "nr_object", "nr_repr", "nr_flag", "nr_message")
    )
    select, params = rows.query.sql_with_params()
    columns = "action_time, user_id, content_type_id, object_id, object_repr, action_flag, change_message"
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {LogEntry._meta.db_table} ({columns}) {select}", params)


def source_excerpt(article, context_lines=6):
    """The article's lines in its stored raw page, with a few lines around them."""
    source = article.source
    if source is None or not source.text:
        return None
    lines = source.text.splitlines()
    marked = {n for n in (article.source_lines or []) if isinstance(n, int) and 1 <= n <= len(lines)}
    if marked:
        first, last = max(1, min(marked) - context_lines), min(len(lines), max(marked) + context_lines)
    else:
        first, last = 1, len(lines)
    return {
        "source": source,
        "url": reverse("admin:importers_rawsource_change", args=[source.pk]) + (f"#L{min(marked)}" if marked else ""),
        "lines": [(n, lines[n - 1], n in marked) for n in range(first, last + 1)],
        "all_lines": [(n, text, n in marked) for n, text in enumerate(lines, start=1)],
        "first": first,
        "last": last,
    }


# History diffs ----------------------------------------------------------------------------

_HISTORY_FIELDS = [
    ("kicker", _("引题")),
    ("headline", _("主标题")),
    ("subheadline", _("副题")),
    ("series", _("系列")),
    ("dateline", _("电头")),
    ("kind", _("类型")),
    ("status", _("状态")),
    ("section_id", _("栏目")),
    ("page_id", _("版面")),
    ("published_at", _("发布时间")),
    ("body", _("正文")),
]


def _snapshot(version, article_pk, sections, tags) -> dict[str, str]:
    data = version.field_dict
    snap = {}
    for name, label in _HISTORY_FIELDS:
        value = data.get(name)
        if name == "section_id":
            value = sections.get(value, value)
        snap[str(label)] = "" if value is None else str(value)
    bylines, tag_names = [], []
    for related in version.revision.version_set.all():
        model = related.content_type.model_class()
        if model is Byline:
            fields = related.field_dict
            if fields.get("article_id") == article_pk:
                bylines.append((fields.get("order", 0), related.object_repr))
        elif model is TaggedItem:
            fields = related.field_dict
            if str(fields.get("object_id")) == str(article_pk):
                tag_names.append(tags.get(fields.get("tag_id"), str(fields.get("tag_id"))))
    snap[str(_("署名"))] = "、".join(repr_ for _, repr_ in sorted(bylines))
    snap[str(_("标签"))] = "、".join(sorted(tag_names))
    return snap


def article_history(article):
    """Each saved version of ``article`` with what changed from the one before (oldest first)."""
    versions = list(
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .prefetch_related("revision__version_set__content_type")
        .order_by("pk")
    )
    sections = dict(Section.objects.values_list("pk", "name"))
    tags = dict(Tag.objects.values_list("pk", "name"))
    history, previous = [], None
    for version in versions:
        snap = _snapshot(version, article.pk, sections, tags)
        changes = []
        for label, value in snap.items() if previous is not None else ():
            old = previous.get(label, "")
            if value == old:
                continue
            if "\n" in old or "\n" in value:
                diff = "\n".join(difflib.unified_diff(old.splitlines(), value.splitlines(), lineterm="", n=1))
                changes.append({"field": label, "diff": diff})
            else:
                changes.append({"field": label, "old": old, "new": value})
        history.append(
            {
                "version": version,
                "revision": version.revision,
                "changes": changes,
                "is_first": previous is None,
                "url": reverse("admin:articles_article_revision", args=[article.pk, version.pk]),
            }
        )
        previous = snap
    history.reverse()
    return history


# People ---------------------------------------------------------------------------------


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "slug", "bio", "user"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("留空则按姓名拼音自动生成,如“成姣兰”→ chengjiaolan。")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("name"):
            cleaned["slug"] = people.unique_slugs([cleaned["name"]], exclude_pk=self.instance.pk)[cleaned["name"]]
        return cleaned


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        Person.objects.none(), label=_("保留的人员"), widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args, people_, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = people_


_COUNTED_ROLES = [Role.REPORTER, Role.CORRESPONDENT, Role.INTERN, Role.PHOTOGRAPHER, Role.AUTHOR]


def _role_count(role):
    def column(self, obj):
        count = getattr(obj, f"n_{role.value}")
        if not count:
            return 0
        url = reverse("admin:articles_article_changelist")
        return format_html('<a href="{}?person={}">{}</a>', url, obj.pk, count)

    column.short_description = role.label
    column.admin_order_field = f"n_{role.value}"
    column.__name__ = f"count_{role.value}"
    return column


@admin.register(Person)
class PersonAdmin(CappedSearchMixin, admin.ModelAdmin):
    change_list_template = "admin/articles/person/change_list.html"
    list_display = [
        "name",
        "slug",
        "aliases_display",
        *(f"count_{role.value}" for role in _COUNTED_ROLES),
        "pages_display",
        "user",
    ]
    search_fields = ["name", "slug", "aliases__name"]
    form = PersonForm
    autocomplete_fields = ["user"]
    inlines = [PersonAliasInline]
    actions = ["merge_action"]

    def get_readonly_fields(self, request, obj=None):
        # Linking a login to a person decides what a reporter may edit: only account managers do it.
        return [] if request.user.has_perm("auth.change_user") else ["user"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            _reindex(request, search.articles_named(people=[obj.pk]))  # readers search by the new name

    count_reporter = _role_count(Role.REPORTER)
    count_correspondent = _role_count(Role.CORRESPONDENT)
    count_intern = _role_count(Role.INTERN)
    count_photographer = _role_count(Role.PHOTOGRAPHER)
    count_author = _role_count(Role.AUTHOR)

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user").prefetch_related("aliases")
        counts = {f"n_{role.value}": Count("bylines", filter=Q(bylines__role=role.value)) for role in _COUNTED_ROLES}
        credits = (
            PageCredit.objects.filter(person=OuterRef("pk"))
            .order_by()
            .values("person")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return queryset.annotate(**counts, n_pages=Coalesce(Subquery(credits, output_field=IntegerField()), 0))

    @admin.display(description=_("别名"))
    def aliases_display(self, obj):
        return "、".join(alias.name for alias in obj.aliases.all())

    @admin.display(description=_("版面编辑"), ordering="n_pages")
    def pages_display(self, obj):
        return obj.n_pages

    def has_merge_permission(self, request):
        return request.user.has_perm("articles.merge_person")

    @admin.action(description=_("合并所选人员…"), permissions=["merge"])
    def merge_action(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(reverse("admin:articles_person_merge") + f"?ids={ids}")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("merge/", view(self.merge_view), name="articles_person_merge"),
            path("duplicates/", view(self.duplicates_view), name="articles_person_duplicates"),
            *super().get_urls(),
        ]

    def merge_view(self, request):
        if not self.has_merge_permission(request):
            raise PermissionDenied
        ids = [int(pk) for pk in request.GET.get("ids", "").split(",") if pk.strip().isdigit()]
        candidates = self.get_queryset(request).filter(pk__in=ids).annotate(n_bylines=Count("bylines", distinct=True))
        if len(candidates) < 2:
            self.message_user(request, _("请至少选两位人员再合并。"), messages.WARNING)
            return HttpResponseRedirect(reverse("admin:articles_person_changelist"))
        initial = {"into": request.GET.get("into") or max(candidates, key=lambda p: p.n_bylines).pk}
        form = MergeForm(request.POST or None, initial=initial, people_=candidates)
        if request.method == "POST" and form.is_valid():
            into = form.cleaned_data["into"]
            others = [person for person in candidates if person.pk != into.pk]
            result = workflow.merge_people(into=into, others=others, by=request.user)
            self.log_change(request, into, _("合并了:") + "、".join(result.aliases))
            self.message_user(
                request,
                _("已把 %(others)s 合并到 %(into)s:移动署名 %(moved)d 条,去掉重复署名 %(dropped)d 条。")
                % {
                    "others": "、".join(result.aliases),
                    "into": into.name,
                    "moved": result.bylines_moved,
                    "dropped": result.bylines_dropped,
                },
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:articles_person_change", args=[into.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("合并人员"),
            "opts": self.model._meta,
            "form": form,
            "candidates": candidates,
        }
        return TemplateResponse(request, "admin/articles/person/merge.html", context)

    def duplicates_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("可能重复的人员"),
            "opts": self.model._meta,
            "pairs": people.likely_duplicates(),
            "can_merge": self.has_merge_permission(request),
        }
        return TemplateResponse(request, "admin/articles/person/duplicates.html", context)


@admin.register(PersonAlias)
class PersonAliasAdmin(CappedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(Byline)
class BylineAdmin(CappedSearchMixin, ArticleChoicesMixin, admin.ModelAdmin):
    """Bylines decide who owns an article: each one is seen with its article and written only with it."""

    list_display = ["person", "role", "article", "order"]
    list_select_related = ["person", "article"]
    list_filter = ["role"]
    search_fields = ["person__name", "article__headline"]
    autocomplete_fields = ["person", "article"]
    changeable_article_fields = ("article",)

    def get_queryset(self, request):
        return access.visible(request.user, super().get_queryset(request), article="article")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or access.may_change(request.user, obj.article)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or access.may_change(request.user, obj.article)
        )


@admin.register(Correction)
class CorrectionAdmin(CappedSearchMixin, ArticleChoicesMixin, admin.ModelAdmin):
    list_display = ["published_on", "article", "text", "created_by"]
    list_select_related = ["article", "created_by"]
    search_fields = ["text", "article__headline"]
    autocomplete_fields = ["article"]
    date_hierarchy = "published_on"

    def get_queryset(self, request):
        return access.visible(request.user, super().get_queryset(request), article="article")

    def save_model(self, request, obj, form, change):
        if obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


# Print structure --------------------------------------------------------------------------


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
