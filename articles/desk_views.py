"""The desk's pages in the admin: the home (工作台), a page's review beside its source, and their two actions.

Wired in ``newsroom/urls.py`` through ``admin.site.admin_view`` (staff login, no caching). The home
is the admin's index for editors (``review_article``); anyone else gets Django's index as before.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from importers import display
from importers.models import RawSource

from . import access, desk, page_review, review
from .models import Article, Issue, Page, WarningNote


def _context(request, **extra):
    return {**admin.site.each_context(request), **extra}


def home(request):
    if not access.is_editor(request.user):
        return admin.site.index(request)
    issue = desk.issue_on(request.GET.get("issue"))
    rows = desk.page_rows(issue) if issue else []
    runs = [
        {
            "run": run,
            "started": display.local_time(run.started_at),
            "origin": display.origin_label(run.origin),
            "counts": display.counts_html(run.counts),
        }
        for run in desk.recent_runs()
    ]
    context = _context(
        request,
        title=_("工作台"),
        issue=issue,
        issues=desk.recent_issues(),
        latest=desk.latest_issue(),
        rows=rows,
        totals={
            key: sum(getattr(row, key) for row in rows)
            for key in ("total", "imported", "in_review", "published", "scheduled", "warnings")
        },
        scheduled=desk.scheduled(),
        runs=runs,
        can_publish=access.is_chief(request.user),
        app_list=admin.site.get_app_list(request),
    )
    return TemplateResponse(request, "admin/desk/index.html", context)


def _back(request, default: str) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = default
    return HttpResponseRedirect(target)


@require_POST
def publish(request):
    """Publish a whole page (``page``) or issue (``issue``) now, through the workflow; chief editors only."""
    if not access.is_chief(request.user):
        raise PermissionDenied
    page = issue = None
    if request.POST.get("page", "").isdigit():
        page = get_object_or_404(Page.objects.select_related("issue"), pk=request.POST["page"])
        what = str(page)
    elif request.POST.get("issue", "").isdigit():
        issue = get_object_or_404(Issue, pk=request.POST["issue"])
        what = str(issue)
    else:
        messages.error(request, _("请选择要发布的版面或期次。"))
        return _back(request, reverse("admin:index"))
    count = desk.publish(user=request.user, page=page, issue=issue)  # the workflow writes each one's history
    messages.success(request, _("%(what)s:%(count)d 篇稿件已发布。") % {"what": what, "count": count})
    return _back(request, reverse("admin:index"))


def page_review_view(request, page_id):
    """The page's source dump line by line beside the articles made from it, with their open warnings."""
    if not access.is_editor(request.user):
        raise PermissionDenied
    page = get_object_or_404(Page.objects.select_related("issue"), pk=page_id)
    # Numbered by its place in the issue when the dump printed no number, as the desk and the e-paper do.
    in_issue = Page.number_in_issue(Page.objects.filter(issue_id=page.issue_id).order_by(*Page.PRINT_ORDER))
    page.order_number = next((other.order_number for other in in_issue if other.pk == page.pk), None)
    source = RawSource.objects.filter(page=page).order_by("-imported_at", "-pk").first()
    articles = list(
        access.visible(request.user, Article.objects.filter(page=page))
        .order_by("position", "pk")
        .prefetch_related("bylines__person", "warning_notes__by")
    )
    entries = [
        {
            "article": article,
            "warnings": review.with_targets(article.warnings),
            "notes": list(article.warning_notes.all()),
            "url": reverse("admin:articles_article_change", args=[article.pk]),
        }
        for article in articles
    ]
    rows = []
    if source is not None:
        rows = page_review.lines(
            source.text,
            articles=[
                page_review.SourceArticle(a.pk, a.headline, tuple(a.source_lines or ()))
                for a in articles
                if a.source_id == source.pk
            ],
            furniture=source.furniture or [],
            unassigned=source.unassigned or [],
        )
    context = _context(
        request,
        title=_("版面审读:%(issue)s %(page)s") % {"issue": page.issue, "page": page.heading},
        page=page,
        source=source,
        imported=display.local_time(source.imported_at) if source else "",
        rows=rows,
        summary=[(page_review.KIND_LABELS[kind], n) for kind, n in page_review.summary(rows).items()],
        entries=entries,
        # Neighbouring articles' lines in two alternating colours.
        odd_articles={article.pk for article in articles[1::2]},
        can_publish=access.is_chief(request.user),
        has_unpublished=any(a.status in (Article.Status.DRAFT, Article.Status.REVIEW) for a in articles),
        outcomes=WarningNote.Outcome,
    )
    return TemplateResponse(request, "admin/desk/page_review.html", context)


@require_POST
def dismiss_warning(request, article_id):
    """Dismiss one open warning of an article, with the reason the editor gives."""
    article = get_object_or_404(Article, pk=article_id)
    if not access.is_editor(request.user) or not access.may_change(request.user, article):
        raise PermissionDenied
    default = reverse("desk:page_review", args=[article.page_id]) if article.page_id else reverse("admin:index")
    try:
        done = review.dismiss(
            article=article,
            text=request.POST.get("warning", ""),
            reason=request.POST.get("reason", ""),
            by=request.user,
        )
    except ValueError as error:
        messages.error(request, str(error))
        return _back(request, default)
    if done:
        messages.success(request, _("已忽略“%(headline)s”的一条提示。") % {"headline": article.headline})
    else:
        messages.warning(request, _("这条提示已经处理过了。"))
    return _back(request, default)
