"""Narrowing public article lists, search and the API by the same query parameters.

``ArticleFilter(request.GET, queryset=Article.objects.listed().with_related()).qs``:
the view builds the queryset, the filter only adds conditions, so its
``select_related``/``prefetch_related`` still hold. Person and role filter the
same byline (``?person=chengjiaolan&role=photographer``); the person is named by the pinyin slug
of the person's address, or as readers know them, by name (``?person=成姣兰``) or another spelling.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField as FilterModelChoiceField
from django_filters.fields import ModelChoiceIterator as FilterModelChoiceIterator

from .models import Article, Byline, Person, Role, Section

_DATE = forms.DateInput(attrs={"type": "date"})


def _attrs(attrs: dict) -> str:
    """Django's ``django/forms/widgets/attrs.html``: `` name="value"``, a bare name for True, nothing for False."""
    return format_html_join("", "{}", ((_attr(name, value),) for name, value in attrs.items() if value is not False))


def _attr(name, value):
    return format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)


class Select(forms.Select):
    """A ``<select>`` printed in Python, to the markup of Django's own templates for it.

    The search page prints the filter form on every request, and Django renders each ``<option>``
    through two templates of its own (``select_option.html``, ``attrs.html``): the form's three
    selects cost more than a search without matches spends in the database
    (bench/README.md, issue 22). ``tests/articles/test_filter_form.py`` holds this to Django's output.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                html.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                html.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',
                        option["value"],
                        _attrs(option["attrs"]),
                        option["label"],
                    )
                )
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))  # noqa: S308 (each piece escaped by format_html)


class _ChoicesAtOnce(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        # One statement: Django reads choices through ``iterator()``, which on PostgreSQL is a
        # server-side cursor (DECLARE, FETCH, CLOSE: three round trips) for a dozen sections.
        for obj in self.queryset.all():
            yield self.choice(obj)


class _ModelChoiceIterator(FilterModelChoiceIterator, _ChoicesAtOnce):
    """django-filter's choices (its null choice), read in one statement."""


class _ModelChoiceField(FilterModelChoiceField):
    iterator = _ModelChoiceIterator


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """django-filter's, with its choices read in one statement."""

    field_class = _ModelChoiceField


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class ArticleFilter(django_filters.FilterSet):
    section = ModelChoiceFilter(
        label=_("栏目"),
        queryset=Section.objects.all(),
        to_field_name="slug",
        empty_label=_("全部栏目"),
        widget=Select,
    )
    person = django_filters.CharFilter(label=_("人员"), method="filter_person")
    role = django_filters.ChoiceFilter(
        label=_("角色"), choices=Role.choices, empty_label=_("全部角色"), method="filter_role", widget=Select
    )
    tag = django_filters.CharFilter(label=_("标签"), field_name="tags__slug")
    kind = django_filters.ChoiceFilter(
        label=_("类型"), choices=Article.Kind.choices, empty_label=_("全部类型"), widget=Select
    )
    date_from = django_filters.DateFilter(label=_("起始日期"), method="filter_date_from", widget=_DATE)
    date_to = django_filters.DateFilter(label=_("截止日期"), method="filter_date_to", widget=_DATE)

    class Meta:
        model = Article
        fields = ["section", "person", "role", "tag", "kind", "date_from", "date_to"]

    def filter_person(self, queryset, name, value):
        # By id, not by a join on the slug: PostgreSQL then walks the newest articles and stops early.
        value = value.strip()
        person_id = Person.objects.filter(slug=value).values_list("pk", flat=True).first()
        if person_id is None:
            person_id = (
                Person.objects.filter(Q(name=value) | Q(aliases__name=value)).values_list("pk", flat=True).first()
            )
        if person_id is None:
            return queryset.none()
        bylines = Byline.objects.filter(article=OuterRef("pk"), person_id=person_id)
        role = self.form.cleaned_data.get("role")
        if role:
            bylines = bylines.filter(role=role)
        return queryset.filter(Exists(bylines))

    def filter_role(self, queryset, name, value):
        if self.form.cleaned_data.get("person"):
            return queryset  # filter_person applies the role to the person's own byline
        return queryset.filter(Exists(Byline.objects.filter(article=OuterRef("pk"), role=value)))

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(published_at__gte=_start_of(value))

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(published_at__lt=_start_of(value + datetime.timedelta(days=1)))
