"""Import in the admin: upload page files, read the dry run, confirm, land on the run.

The upload drives the same ``importers.runner.Importer`` as ``manage.py
import_pages``. Between the dry run and the confirmation the uploaded bytes wait
in the user's session (nothing is written to the newsroom's tables until the
editor confirms); a confirmed import writes them to a temporary directory and
runs the importer over it, so the run is recorded exactly like a command run.
"""

import base64
import datetime
import secrets
import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles import people as people_module
from articles.admin.search import CappedSearchMixin
from articles.models import Section

from . import display, revisions
from .models import ImportedRevision, ImportRun, Place, RawSource, TagRule
from .widgets import ChineseFileInput

_SESSION_KEY = "newsroom_pending_imports"
MAX_FILES = 50
# Pending uploads wait in the session until confirmed; a day's paper is a few megabytes at most.
MAX_TOTAL_BYTES = 20 * 1024 * 1024


class MultipleFileInput(ChineseFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_file_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_file_clean(item, initial) for item in data]
        return [single_file_clean(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("版面文件"), help_text=_("一个或多个 .txt 版面文本文件,每个不超过 %(size)s 字节。")
    )
    issue_date = forms.DateField(
        label=_("出版日期"),
        required=False,
        # A text box: the browser's date picker speaks the browser's language (mm/dd/yyyy in en-US).
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"placeholder": "如 2024-01-22", "size": 12}),
        help_text=_("留空则从文件名或版面文字判断。"),
    )
    section = forms.ModelChoiceField(
        Section.objects.all(), label=_("栏目"), required=False, help_text=_("留空则按关键词自动分栏目。")
    )
    publish = forms.BooleanField(label=_("导入后直接发布"), required=False)

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = self.fields["files"].help_text % {"size": settings.NEWSROOM_MAX_PAGE_BYTES}
        if not can_publish:
            del self.fields["publish"]

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("一次最多上传 %(n)d 个文件。") % {"n": MAX_FILES})
        errors = []
        for upload in files:
            if Path(upload.name).suffix.lower() != ".txt":
                errors.append(_("“%(name)s”不是 .txt 文件。") % {"name": upload.name})
            elif upload.size > settings.NEWSROOM_MAX_PAGE_BYTES:
                errors.append(
                    _("“%(name)s”太大:%(size)d 字节,上限 %(max)d 字节。")
                    % {"name": upload.name, "size": upload.size, "max": settings.NEWSROOM_MAX_PAGE_BYTES}
                )
            elif upload.size == 0:
                errors.append(_("“%(name)s”是空文件。") % {"name": upload.name})
        total = sum(upload.size for upload in files)
        if total > max(MAX_TOTAL_BYTES, settings.NEWSROOM_MAX_PAGE_BYTES):
            errors.append(_("一次上传的文件合计 %(size)d 字节,太多了;请分批上传。") % {"size": total})
        if errors:
            raise forms.ValidationError(errors)
        return files


def _importer(options: dict, *, user, dry_run: bool):
    from .runner import Importer

    return Importer(
        dry_run=dry_run,
        issue_date=options.get("issue_date"),
        section=options.get("section"),
        publish=options.get("publish", False),
        user=user,
        origin="admin",
    )


def _unique_names(names):
    seen, result = set(), []
    for name in names:
        stem, suffix, candidate, n = Path(name).stem, Path(name).suffix, Path(name).name, 1
        while candidate in seen:
            n += 1
            candidate = f"{stem}-{n}{suffix}"
        seen.add(candidate)
        result.append(candidate)
    return result


def _html_list(rows, row="<li>{}</li>"):
    return format_html("<ul>{}</ul>", format_html_join("", row, rows)) if rows else "—"


class _CountsColumns:
    """The columns of a run or a raw source that show its ``counts`` and ``warnings``."""

    @admin.display(description=_("统计"))
    def counts_display(self, obj):
        return display.counts_html(obj.counts)

    @admin.display(description=_("提示数"))
    def warning_count(self, obj):
        return len(obj.warnings or [])


class RawSourceInline(_CountsColumns, admin.TabularInline):
    model = RawSource
    fields = ["source_link", "page", "encoding", "size", "counts_display", "warning_count", "review_link"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj):
        return False

    @admin.display(description=_("文件"))
    def source_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:importers_rawsource_change", args=[obj.pk]), obj)

    @admin.display(description=_("审读"))
    def review_link(self, obj):
        if not obj.page_id:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("desk:page_review", args=[obj.page_id]), _("版面审读"))


class OriginFilter(admin.SimpleListFilter):
    title = _("来源")
    parameter_name = "origin"

    def lookups(self, request, model_admin):
        return [(key, label) for key, label in display.ORIGINS.items()]

    def queryset(self, request, queryset):
        return queryset.filter(origin=self.value()) if self.value() else queryset


@admin.register(ImportRun)
class ImportRunAdmin(_CountsColumns, admin.ModelAdmin):
    change_list_template = "admin/importers/importrun/change_list.html"
    list_display = ["__str__", "status", "origin_display", "user", "file_count", "finished_at", "articles_link"]
    list_filter = ["status", OriginFilter]
    list_select_related = ["user"]
    readonly_fields = [
        "started_at",
        "finished_at",
        "user",
        "origin_display",
        "status",
        "options_display",
        "counts_display",
        "errors_display",
        "articles_link",
    ]
    fields = readonly_fields
    inlines = [RawSourceInline]

    def has_add_permission(self, request):
        return False  # runs are created by importing; the upload page is the way in

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        ImportRun.objects.mark_interrupted()  # runs whose process was killed say so
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        ImportRun.objects.mark_interrupted()
        return super().change_view(request, object_id, form_url, extra_context)

    def has_upload_permission(self, request):
        return request.user.has_perm("importers.add_importrun") and request.user.has_perm("articles.add_article")

    @admin.display(description=_("文件数"))
    def file_count(self, obj):
        return (obj.counts or {}).get("files", "")

    @admin.display(description=_("稿件"))
    def articles_link(self, obj):
        url = reverse("admin:articles_article_changelist")
        return format_html('<a href="{}?run={}">{}</a>', url, obj.pk, _("查看本批稿件"))

    @admin.display(description=_("选项"))
    def options_display(self, obj):
        return display.options_html(obj.options)

    @admin.display(description=_("来源"), ordering="origin")
    def origin_display(self, obj):
        return display.origin_label(obj.origin)

    @admin.display(description=_("错误"))
    def errors_display(self, obj):
        return _html_list([(e.get("path", ""), e.get("error", "")) for e in obj.errors or []], "<li>{}:{}</li>")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="importers_importrun_upload"),
            path("upload/<str:token>/", view(self.confirm_view), name="importers_importrun_confirm"),
            *super().get_urls(),
        ]

    def _context(self, request, **extra):
        return {**self.admin_site.each_context(request), "opts": self.model._meta, **extra}

    def upload_view(self, request):
        """Step 1: pick files; the dry run is shown before anything is written."""
        if not self.has_upload_permission(request):
            raise PermissionDenied
        can_publish = request.user.has_perm("articles.publish_article")
        form = UploadForm(request.POST or None, request.FILES or None, can_publish=can_publish)
        if request.method == "POST" and form.is_valid():
            uploads = form.cleaned_data["files"]
            names = _unique_names(upload.name for upload in uploads)
            files = [(name, upload.read()) for name, upload in zip(names, uploads, strict=True)]
            section = form.cleaned_data.get("section")
            options = {
                "issue_date": form.cleaned_data.get("issue_date"),
                "section": section.name if section else None,
                "publish": bool(form.cleaned_data.get("publish")),
            }
            token = secrets.token_urlsafe(12)
            pending = request.session.get(_SESSION_KEY, {})
            pending.clear()  # one pending upload per user is enough; drop stale ones
            pending[token] = {
                "options": {**options, "issue_date": options["issue_date"] and options["issue_date"].isoformat()},
                "files": [(name, base64.b64encode(raw).decode("ascii")) for name, raw in files],
            }
            request.session[_SESSION_KEY] = pending
            return HttpResponseRedirect(reverse("admin:importers_importrun_confirm", args=[token]))
        return TemplateResponse(
            request,
            "admin/importers/importrun/upload.html",
            self._context(request, title=_("导入版面"), form=form, max_bytes=settings.NEWSROOM_MAX_PAGE_BYTES),
        )

    def _pending(self, request, token):
        pending = request.session.get(_SESSION_KEY, {}).get(token)
        if pending is None:
            return None, None, None
        options = dict(pending["options"])
        if options.get("issue_date"):
            options["issue_date"] = datetime.date.fromisoformat(options["issue_date"])
        files = [(name, base64.b64decode(data)) for name, data in pending["files"]]
        return pending, options, files

    def confirm_view(self, request, token):
        """Step 2: the dry run (GET) and the real import (POST)."""
        if not self.has_upload_permission(request):
            raise PermissionDenied
        pending, options, files = self._pending(request, token)
        if pending is None:
            self.message_user(request, _("上传已过期,请重新上传。"), messages.WARNING)
            return HttpResponseRedirect(reverse("admin:importers_importrun_upload"))
        if options.get("publish") and not request.user.has_perm("articles.publish_article"):
            raise PermissionDenied

        if request.method == "POST":
            with tempfile.TemporaryDirectory(prefix="newsroom-upload-") as directory:
                paths = []
                for name, raw in files:
                    target = Path(directory) / name
                    target.write_bytes(raw)
                    paths.append(target)
                report = _importer(options, user=request.user, dry_run=False).run(paths)
            request.session[_SESSION_KEY] = {}
            level = messages.WARNING if report.failed else messages.SUCCESS
            from .runner import describe_run

            self.message_user(request, describe_run(report), level)
            return HttpResponseRedirect(reverse("admin:importers_importrun_change", args=[report.run.pk]))

        importer = _importer(options, user=request.user, dry_run=True)
        reports = [importer.import_bytes(raw, path=Path(name)) for name, raw in files]
        context = self._context(
            request,
            title=_("导入版面:试运行"),
            reports=[_dry_run_view(report) for report in reports],
            options=options,
            can_import=any(report.ok for report in reports),
        )
        return TemplateResponse(request, "admin/importers/importrun/confirm.html", context)


def _dry_run_view(report):
    """What the confirmation page shows for one file."""
    parsed = report.parsed
    if parsed is None:
        return {"name": report.path.name, "error": report.error}
    people = {}
    for credit in parsed.page.staff:
        people.setdefault((credit.name, credit.role), 0)
    for item in parsed.items:
        for credit in item.people:
            people[(credit.name, credit.role)] = people.get((credit.name, credit.role), 0) + 1
    known = people_module.known_names(name for name, _ in people)
    return {
        "name": report.path.name,
        "error": report.error,
        "parsed": parsed,
        "items": parsed.items,
        # Each item with what the import would do to it (new, updated with a diff, unchanged...).
        "rows": [
            (item, report.plan.articles[i] if report.plan is not None else None) for i, item in enumerate(parsed.items)
        ],
        "plan": report.plan,
        "people": [
            {"name": name, "role": _role_label(role), "count": count, "is_new": name not in known}
            for (name, role), count in sorted(people.items())
        ],
        "warning_count": len(parsed.warnings) + sum(len(item.warnings) for item in parsed.items),
    }


def _role_label(role):
    from articles.models import Role

    return Role(role).label if role in Role.values else role


@admin.register(RawSource)
class RawSourceAdmin(_CountsColumns, CappedSearchMixin, admin.ModelAdmin):
    list_display = ["file_name", "page", "encoding", "size", "imported_at", "run", "warning_count"]
    list_select_related = ["page__issue", "run"]
    search_fields = ["file_name", "sha256"]
    date_hierarchy = "imported_at"
    exclude = ["raw"]
    readonly_fields = [
        "file_name",
        "sha256",
        "encoding",
        "size",
        "imported_at",
        "run",
        "page",
        "counts_display",
        "warnings_display",
        "unassigned_display",
        "numbered_text",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("提示"))
    def warnings_display(self, obj):
        return _html_list([(w,) for w in obj.warnings or []])

    @admin.display(description=_("未归属的行"))
    def unassigned_display(self, obj):
        return _html_list([(line,) for line in obj.unassigned or []])

    @admin.display(description=_("原文(带行号)"))
    def numbered_text(self, obj):
        rows = ((n, n, line) for n, line in enumerate(obj.text.splitlines(), start=1))
        return format_html(
            '<table class="nr-raw">{}</table>',
            format_html_join(
                "",
                '<tr id="L{}"><td style="color:#999;text-align:right">{}</td>'
                '<td style="white-space:pre-wrap">{}</td></tr>',
                rows,
            ),
        )


@admin.register(Place)
class PlaceAdmin(CappedSearchMixin, admin.ModelAdmin):
    """The gazetteer: places of the paper's area that become tags of the stories naming them."""

    search_fields = ["name"]
    list_per_page = 200


@admin.register(TagRule)
class TagRuleAdmin(CappedSearchMixin, admin.ModelAdmin):
    """Words the importer never makes a tag of (停用词), and words it prefers (优先词); tags already in use
    are preferred too."""

    list_display = ["word", "rule"]
    list_filter = ["rule"]
    search_fields = ["word"]
    list_per_page = 200


@admin.register(ImportedRevision)
class ImportedRevisionAdmin(admin.ModelAdmin):
    """Changes re-imports brought to published articles: readers keep the published text until an editor
    accepts the change here."""

    list_display = ["article", "status", "created_at", "source"]
    list_filter = ["status"]
    list_select_related = ["article", "source"]
    readonly_fields = ["article", "source", "status", "created_at", "decided_at", "decided_by", "diff_display"]
    fields = readonly_fields
    actions = ["accept", "reject"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        return request.user.has_perm("articles.review_article")

    @admin.display(description=_("改动"))
    def diff_display(self, obj):
        return format_html('<pre style="white-space:pre-wrap">{}</pre>', obj.diff or "—")

    @admin.action(description=_("采用所选修订(改动上线)"), permissions=["review"])
    def accept(self, request, queryset):
        pending = queryset.filter(status=ImportedRevision.Status.PENDING)
        for revision in pending:
            revisions.accept(revision=revision, by=request.user)
        self.message_user(request, _("已采用 %(n)d 条修订。") % {"n": len(pending)}, messages.SUCCESS)

    @admin.action(description=_("放弃所选修订"), permissions=["review"])
    def reject(self, request, queryset):
        pending = list(queryset.filter(status=ImportedRevision.Status.PENDING))
        for revision in pending:
            revisions.reject(revision=revision, by=request.user)
        self.message_user(request, _("已放弃 %(n)d 条修订。") % {"n": len(pending)}, messages.SUCCESS)
