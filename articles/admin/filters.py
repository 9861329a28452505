"""The review queue's filters: import warnings, review, issue date, page number, import run, person."""

import datetime

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from ..models import Article, Byline, Issue, Page, Person


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
