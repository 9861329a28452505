"""Articles in the admin: the review queue, the article form, its bulk actions, history, revert and recover.

Which articles a user may see and change is ``articles.access``; the writes are ``articles.workflow``.
"""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from .. import access, review, workflow
from ..access import is_chief, is_editor
from ..models import Article, Byline, Correction, Person, Role, Section
from ..paginators import EstimatedCountPaginator
from . import history, photos, views
from .filters import (
    HasWarningsFilter,
    ImportRunFilter,
    IssueDateFilter,
    PageNumberFilter,
    PersonFilter,
    ReviewedFilter,
)
from .search import CappedSearchMixin


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

    def clean(self):
        # One kind of line ending whoever saves (a browser posts \r\n, the importer writes \n): no history noise.
        cleaned = super().clean()
        for name in ("body", "bylines_text"):
            if isinstance(cleaned.get(name), str):
                cleaned[name] = cleaned[name].replace("\r\n", "\n").replace("\r", "\n")
        return cleaned


class SectionChoiceForm(forms.Form):
    section = forms.ModelChoiceField(Section.objects.all(), label=_("移到栏目"))


class TagsForm(forms.Form):
    tags = forms.CharField(label=_("标签"), help_text=_("多个标签用逗号、顿号或空格分开。"))

    def clean_tags(self):
        from ..body import split_keywords

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


class PhotoInline(ParentPermissionInline, photos.PhotoInline):
    pass


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
    article: reference cycles, most of the objects a page of rows left behind, which only the
    garbage collector's full passes free, inside whichever editor's request runs one. The rows
    themselves still wait for it: Django's template context is a cycle too.
    """

    def get_results(self, request):
        super().get_results(request)
        self.result_list = list(self.result_list)
        labels = byline_labels([article.pk for article in self.result_list])
        for article in self.result_list:
            article.byline_labels = labels.get(article.pk, "")


@admin.register(Article)
class ArticleAdmin(history.LoggedByWorkflow, CappedSearchMixin, ArticleChoicesMixin, VersionAdmin):
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
        # The import's open warnings first, where the editor starts.
        (_("导入"), {"fields": ["warnings_list", "source", "duplicates_dropped"]}),
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
        return access.visible(request.user, super().get_queryset(request).with_is_public())

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
        """Saved with its bylines, tags and photos in ``save_related``, by ``workflow.save_article``."""

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
        def related():
            super(ArticleAdmin, self).save_related(request, form, formsets, change)
            person = Person.objects.filter(user=request.user).first()
            if not change and person and not is_editor(request.user):
                # A reporter's new article is theirs: without the byline they could not edit it again.
                Byline.objects.get_or_create(article=form.instance, person=person, role=Role.REPORTER)

        indexed = workflow.save_article(
            article=form.instance,
            by=request.user,
            related=related,
            message=lambda: self.construct_change_message(request, form, formsets, not change),
            # The import warnings about what this edit changed are settled by it (articles.review).
            changed=[*form.changed_data, *(formset.prefix for formset in formsets if formset.has_changed())],
        )
        if not indexed:
            messages.warning(request, _("稿件已保存,但搜索索引未能更新;请运行 manage.py rebuild_search_index。"))

    def log_deletions(self, request, queryset):
        """``workflow.delete_articles`` writes them."""

    def delete_model(self, request, obj):
        workflow.delete_articles(articles=Article.objects.filter(pk=obj.pk), by=request.user)

    def delete_queryset(self, request, queryset):
        workflow.delete_articles(articles=queryset, by=request.user)

    # Columns ----------------------------------------------------------------------------

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList  # its rows carry the byline labels people_display prints

    @admin.display(description=_("标题"), ordering="headline")
    def title_display(self, obj):
        if obj.kicker:  # one line: the list is read at 1280 px (the whole title on hover)
            return format_html(
                '<span title="{}"><small class="nr-kicker">{}</small> {}</span>', obj.title, obj.kicker, obj.headline
            )
        return format_html('<span title="{}">{}</span>', obj.title, obj.headline)

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
        # Each open warning links to the field it is about; those dealt with show how and why.
        notes = list(obj.warning_notes.all()) if obj.pk else []
        if not obj.warnings and not notes:
            return "—"
        open_ = format_html_join(
            "",
            '<li class="nr-warn-open">⚠ {} <a href="#{}">{}</a></li>',
            ((text, where.anchor, _("去修改") + where.label) for text, where in review.with_targets(obj.warnings)),
        )
        done = format_html_join(
            "",
            '<li class="nr-warn-done">✓ {}:{}({})</li>',
            ((note.get_outcome_display(), note.text, note.reason) for note in notes),
        )
        review_link = (
            format_html(
                ' <a href="{}#a-{}">{}</a>', reverse("desk:page_review", args=[obj.page_id]), obj.pk, _("版面审读")
            )
            if obj.page_id
            else ""
        )
        return format_html("<ul>{}{}</ul>{}", open_, done, review_link)

    # Actions ----------------------------------------------------------------------------

    def _done(self, request, count, message):
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("提交审核"), permissions=["change"])
    def submit_for_review_action(self, request, queryset):
        queryset = access.changeable(request.user, queryset)  # a reporter's own drafts
        count = workflow.submit_for_review(articles=queryset, by=request.user)
        self._done(request, count, _("%(count)d 篇稿件已提交审核。"))

    @admin.action(description=_("标记为已审核"), permissions=["review"])
    def mark_reviewed_action(self, request, queryset):
        count = workflow.mark_reviewed(articles=queryset, by=request.user)
        self._done(request, count, _("%(count)d 篇稿件已标记为已审核。"))

    @admin.action(description=_("发布"), permissions=["publish"])
    def publish_action(self, request, queryset):
        form = PublishForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            at = form.cleaned_data["published_at"]
            count = workflow.publish_articles(articles=queryset, by=request.user, at=at)
            self._done(request, count, _("%(count)d 篇稿件已发布。"))
            return None
        return self._intermediate(request, queryset, form, "publish_action", _("发布稿件"))

    @admin.action(description=_("撤下(退回待审)"), permissions=["publish"])
    def unpublish_action(self, request, queryset):
        count = workflow.unpublish_articles(articles=queryset, by=request.user)
        self._done(request, count, _("%(count)d 篇稿件已撤下。"))

    @admin.action(description=_("归档"), permissions=["publish"])
    def archive_action(self, request, queryset):
        count = workflow.archive_articles(articles=queryset, by=request.user)
        self._done(request, count, _("%(count)d 篇稿件已归档。"))

    @admin.action(description=_("移到栏目…"), permissions=["review"])
    def move_to_section_action(self, request, queryset):
        form = SectionChoiceForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            section = form.cleaned_data["section"]
            count = workflow.move_to_section(articles=queryset, section=section, by=request.user)
            self._done(request, count, _("%(count)d 篇稿件已移到栏目“") + section.name + "”。")
            return None
        return self._intermediate(request, queryset, form, "move_to_section_action", _("移到栏目"))

    @admin.action(description=_("添加标签…"), permissions=["review"])
    def add_tags_action(self, request, queryset):
        form = TagsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            count = workflow.add_tags(articles=queryset, tags=form.cleaned_data["tags"], by=request.user)
            self._done(request, count, _("添加了 %(count)d 个标签。"))
            return None
        return self._intermediate(request, queryset, form, "add_tags_action", _("添加标签"))

    @admin.action(description=_("去掉标签…"), permissions=["review"])
    def remove_tags_action(self, request, queryset):
        form = TagsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            count = workflow.remove_tags(articles=queryset, tags=form.cleaned_data["tags"], by=request.user)
            self._done(request, count, _("去掉了 %(count)d 个标签。"))
            return None
        return self._intermediate(request, queryset, form, "remove_tags_action", _("去掉标签"))

    def _intermediate(self, request, queryset, form, action, title):
        return views.action_form(self, request, queryset, form, action, title)

    # Extra views ------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("preview/<int:pk>/", view(partial(views.article_preview, self)), name="articles_article_preview"),
            path("stats/", view(partial(views.article_stats, self)), name="articles_article_stats"),
            path("stats.csv", view(partial(views.article_stats_csv, self)), name="articles_article_stats_csv"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            article = self.get_object(request, object_id)
            if article is not None and self.has_change_permission(request, article):
                history.keep_first_version(article)
        return super().change_view(request, object_id, form_url, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        restoring = getattr(request, "nr_restoring", None)
        if restoring is not None and object_id:
            request.nr_restoring = None
            self._settle_restored(request, unquote(object_id), restoring)
        if object_id:
            article = Article.objects.select_related("source").filter(pk=object_id).first()
            if article is not None:
                extra_context["source_excerpt"] = history.source_excerpt(article)
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
        extra_context = {
            "diffs": history.article_history(article),
            "log_entries": log_entries,
            **(extra_context or {}),
        }
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
        history.check_revision(version)
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
        history.check_revision(version)
        request.nr_restoring = workflow.recovered_publication(version.field_dict)
        return super().recover_view(request, version_id, extra_context)

    def _settle_restored(self, request, pk, publication):
        """Inside the revert's transaction: the publication state as decided, and the user still in charge."""
        Article.objects.filter(pk=pk).update(**publication)
        article = self.get_object(request, pk)
        if article is None or not self.has_change_permission(request, article):
            raise PermissionDenied  # e.g. a version without the reporter's own byline: rolled back


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
