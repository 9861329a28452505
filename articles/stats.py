"""发稿统计: what each person published, per role and month.

Counts come from published articles only, advertising and notices left out
(``Article.objects.listed()``),
the same rule as the public person pages, and are computed in the database in
one grouped query:

- articles: articles in which the person has a byline in that role;
- characters: the body's characters, line breaks and markup not counted;
- photos: the article's photo captions (a photo news item without one counts one);
- front_page: articles printed on the front page: page number 1, or, where the dump printed no number, the first
  page of its issue when no page of it is numbered (the e-paper calls it 第1版 too: ``Page.number_in_issue``).
"""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass

from django import forms
from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Greatest, Length, Replace, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Article, Byline, Page, Person, Role


@dataclass(frozen=True)
class StatRow:
    person_id: int
    person: str
    slug: str
    role: str
    month: datetime.date
    articles: int
    characters: int
    photos: int
    front_page: int

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label) if self.role in Role.values else self.role


@dataclass(frozen=True)
class PersonTotal:
    person_id: int
    person: str
    articles: int


def default_range() -> tuple[datetime.date, datetime.date]:
    """The twelve months up to the latest published article, its month included (the last twelve when none).

    An archive of older papers opens on its own last year, not on an empty current one. One index probe
    (article_status_pub).
    """
    latest = Article.objects.listed().order_by("-published_at").values_list("published_at", flat=True).first()
    end = timezone.localdate(latest) if latest else timezone.localdate()
    if end.month == 12:
        return end.replace(month=1, day=1), end
    return end.replace(year=end.year - 1, month=end.month + 1, day=1), end


# A text box, not the browser's date picker: that one speaks the browser's language (mm/dd/yyyy in en-US).
DAY = forms.DateInput(format="%Y-%m-%d", attrs={"placeholder": "如 2024-01-22", "size": 12})


class StatsForm(forms.Form):
    start = forms.DateField(label=_("开始日期"), required=False, widget=DAY)
    end = forms.DateField(label=_("结束日期"), required=False, widget=DAY)
    month = forms.CharField(
        label=_("月份"), required=False, help_text=_("如 2024-01;填了就只统计这个月。"), max_length=7
    )
    person = forms.CharField(label=_("人员"), required=False, max_length=100)
    role = forms.ChoiceField(label=_("角色"), required=False, choices=[("", _("全部")), *Role.choices])

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(_("月份格式应为 YYYY-MM。")) from None

    def range(self) -> tuple[datetime.date, datetime.date]:
        month = self.cleaned_data.get("month")
        if month:
            following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            return month, following - datetime.timedelta(days=1)
        start, end = default_range()
        return self.cleaned_data.get("start") or start, self.cleaned_data.get("end") or end

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {"person": self.cleaned_data.get("person") or None, "role": self.cleaned_data.get("role") or None}


def _bylines(start: datetime.date, end: datetime.date, person: str | None, role: str | None):
    published = Article.objects.listed().filter(published_at__date__gte=start, published_at__date__lte=end)
    bylines = Byline.objects.filter(article__in=published)
    if person:
        bylines = bylines.filter(person__in=Person.objects.filter(Q(name=person) | Q(aliases__name=person)))
    if role:
        bylines = bylines.filter(role=role)
    return bylines


def _on_front_page() -> Q:
    """A byline's article is on page 1 by its number (``page_number``, the article's copy), or unnumbered on the first
    page of an issue that numbers none (print order puts numbered pages first)."""
    first_page = (
        Page.objects.filter(issue=OuterRef("article__page__issue")).order_by(*Page.PRINT_ORDER).values("pk")[:1]
    )
    return Q(article__page_number=1) | Q(article__page_number__isnull=True, article__page_id=Subquery(first_page))


def _photos():
    body = "article__body"
    captions = (Length(body) - Length(Replace(body, Value("\n> "), Value("")))) / 3 + Case(
        When(article__body__startswith="> ", then=Value(1)), default=Value(0), output_field=IntegerField()
    )
    is_photo = Case(When(article__kind=Article.Kind.PHOTO, then=Value(1)), default=Value(0))
    return Greatest(captions, is_photo, output_field=IntegerField())


def output_stats(
    *, start: datetime.date, end: datetime.date, person: str | None = None, role: str | None = None
) -> list[StatRow]:
    rows = (
        _bylines(start, end, person, role)
        .annotate(month=TruncMonth("article__published_at"))
        .values("person_id", "person__name", "person__slug", "role", "month")
        .annotate(
            n_articles=Count("article_id", distinct=True),
            n_characters=Sum(Length(Replace("article__body", Value("\n"), Value("")))),
            n_photos=Sum(_photos()),
            n_front=Count("article_id", filter=_on_front_page(), distinct=True),
        )
        .order_by("person__name", "role", "month")
    )
    return [
        StatRow(
            person_id=row["person_id"],
            person=row["person__name"],
            slug=row["person__slug"],
            role=row["role"],
            month=_as_date(row["month"]),
            articles=row["n_articles"],
            characters=row["n_characters"] or 0,
            photos=row["n_photos"] or 0,
            front_page=row["n_front"],
        )
        for row in rows
    ]


def _as_date(value) -> datetime.date:
    return timezone.localtime(value).date() if isinstance(value, datetime.datetime) else value


def person_totals(
    *, start: datetime.date, end: datetime.date, person: str | None = None, role: str | None = None
) -> list[PersonTotal]:
    """Distinct published articles per person (all roles together), as the public person page counts them."""
    rows = (
        _bylines(start, end, person, role)
        .values("person_id", "person__name")
        .annotate(n=Count("article_id", distinct=True))
        .order_by("-n", "person__name")
    )
    return [PersonTotal(row["person_id"], row["person__name"], row["n"]) for row in rows]


def bar_chart(totals: list[PersonTotal], *, limit: int = 30, width: int = 640, bar: int = 18, gap: int = 6) -> dict:
    """Geometry for a horizontal SVG bar chart, drawn by the template without JavaScript."""
    shown = totals[:limit]
    label_width, value_width = 110, 50
    scale = (width - label_width - value_width) / max((t.articles for t in shown), default=1)
    bars = [
        {
            "label": total.person,
            "value": total.articles,
            "y": index * (bar + gap),
            "text_y": index * (bar + gap) + bar * 0.75,
            "width": max(1, round(total.articles * scale)),
            "value_x": label_width + max(1, round(total.articles * scale)) + 6,
        }
        for index, total in enumerate(shown)
    ]
    return {
        "bars": bars,
        "width": width,
        "height": max(1, len(shown) * (bar + gap)),
        "bar": bar,
        "label_width": label_width,
        "label_x": label_width - 6,
        "more": max(0, len(totals) - limit),
    }


CSV_HEADER = ["人员", "网址名", "角色", "月份", "稿件数", "字数", "图片数", "头版稿件数"]


def write_csv(out, rows: list[StatRow]) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in rows:
        month = f"{row.month:%Y-%m}"
        writer.writerow(
            [row.person, row.slug, row.role_label, month, row.articles, row.characters, row.photos, row.front_page]
        )
