"""The editor's desk (工作台): tonight's paper page by page, what is scheduled, the latest imports.

Reads only; each function runs a fixed number of queries however many pages and articles the issue has.
Publishing from the desk is ``publish`` here, which goes through ``workflow.publish_articles``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from importers.models import ImportRun

from . import access, workflow
from .models import Article, Issue, Page


@dataclass
class PageRow:
    page: Page
    total: int = 0
    imported: int = 0  # drafts, as the import leaves them
    in_review: int = 0
    published: int = 0  # live now
    scheduled: int = 0
    archived: int = 0
    warnings: int = 0  # open import warnings of the page's articles
    articles_with_warnings: int = 0
    sources: list = field(default_factory=list)

    @property
    def unpublished(self) -> int:
        return self.imported + self.in_review

    @property
    def status_label(self) -> str:
        if not self.total:
            return "无稿件"
        if self.unpublished == 0:
            return "已全部发布" if not self.scheduled else "已发布(含定时)"
        if self.published or self.scheduled:
            return "部分发布"
        return "未发布"


def latest_issue() -> Issue | None:
    """Tonight's paper: the latest issue there is."""
    return Issue.objects.order_by("-printed_on").first()


def issue_on(value: str | None) -> Issue | None:
    """The issue printed on ``value`` (``2024-01-22``, from ``?issue=``); tonight's when absent or unknown."""
    try:
        day = datetime.date.fromisoformat(value or "")
    except ValueError:
        return latest_issue()
    return Issue.objects.filter(printed_on=day).first() or latest_issue()


def recent_issues(limit: int = 8) -> QuerySet[Issue]:
    return Issue.objects.order_by("-printed_on")[:limit]


def page_rows(issue: Issue) -> list[PageRow]:
    """Each page of ``issue`` in print order with its articles counted by state: three queries."""
    pages = Page.number_in_issue(Page.objects.filter(issue=issue).order_by(*Page.PRINT_ORDER))
    rows = {page.pk: PageRow(page) for page in pages}
    articles = Article.objects.filter(page__issue=issue).with_is_public()
    for page_id, status, public_now, warnings in articles.values_list("page_id", "status", "public_now", "warnings"):
        row = rows[page_id]
        row.total += 1
        if status == Article.Status.DRAFT:
            row.imported += 1
        elif status == Article.Status.REVIEW:
            row.in_review += 1
        elif status == Article.Status.ARCHIVED:
            row.archived += 1
        elif public_now:
            row.published += 1
        else:
            row.scheduled += 1
        if warnings:
            row.warnings += len(warnings)
            row.articles_with_warnings += 1
    from importers.models import RawSource

    for source in RawSource.objects.filter(page__issue=issue).only("pk", "file_name", "page_id", "imported_at"):
        rows[source.page_id].sources.append(source)
    return list(rows.values())


def scheduled(limit: int = 20) -> QuerySet[Article]:
    """Published articles whose time has not come yet, soonest first."""
    return Article.objects.scheduled().select_related("page__issue", "section").order_by("published_at", "pk")[:limit]


def recent_runs(limit: int = 8) -> QuerySet[ImportRun]:
    return ImportRun.objects.select_related("user").order_by("-started_at")[:limit]


def publishable(*, user, page: Page | None = None, issue: Issue | None = None) -> QuerySet[Article]:
    """The articles of a page or an issue that publishing them would put online: all but the archived."""
    articles = Article.objects.exclude(status=Article.Status.ARCHIVED)
    articles = articles.filter(page=page) if page is not None else articles.filter(page__issue=issue)
    return access.changeable(user, articles)


def publish(*, user, page: Page | None = None, issue: Issue | None = None) -> int:
    """Publish a whole page or issue now (a scheduled article keeps its time). Only a chief editor may."""
    if not access.is_chief(user):
        raise PermissionDenied("只有主编可以发布稿件")
    articles = publishable(user=user, page=page, issue=issue)
    return workflow.publish_articles(articles=articles, by=user)
