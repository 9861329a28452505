"""The filter form's selects, printed in Python (``articles.filters.Select``), give Django's own markup."""

import copy

import pytest
from django import forms
from django.http import QueryDict

from articles.filters import ArticleFilter, Select
from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

REQUESTS = [
    "",
    "q=调解",
    "q=调解&section=jingji&role=reporter&kind=commentary",
    "section=no-such-section&role=nobody&kind=<script>",
    'kind="><b>&role=&section=',
    "section=a%26b&kind=news&kind=photo",
]


@pytest.mark.parametrize("query", REQUESTS)
def test_the_selects_print_as_django_prints_them(query):
    factories.SectionFactory(name="经济", slug="jingji")
    factories.SectionFactory(name='<i>"县市" & 乡镇</i>', slug="a&b")
    form = ArticleFilter(QueryDict(query), queryset=Article.objects.all()).form
    selects = [name for name, field in form.fields.items() if isinstance(field.widget, Select)]
    assert selects == ["section", "role", "kind"]
    for name in selects:
        field = form[name]
        html = str(field)
        django_select = copy.deepcopy(field.field.widget)
        django_select.__class__ = forms.Select
        assert html == field.as_widget(widget=django_select)
        assert html.startswith(f'<select name="{name}"') and f'id="id_{name}"' in html and html.count("<option") > 3


def test_optgroups_and_boolean_attributes_print_as_django_prints_them():
    choices = [("", "全部"), ("城区", [("hetang", "荷塘区"), ("lusong", "芦淞区")]), ("x", '"<&>"')]
    widget = Select(attrs={"required": True, "disabled": False, "data-note": 'a"b'}, choices=choices)
    for value in ("", "lusong", "x", None, "none"):
        html = widget.render("area", value, attrs={"id": "id_area"})
        assert html == forms.Select.render(widget, "area", value, attrs={"id": "id_area"})
    assert '<optgroup label="城区">' in html and " required" in html and "disabled" not in html


def test_the_section_choices_are_read_in_one_statement(django_assert_num_queries):
    sections = [
        factories.SectionFactory(name=name, slug=slug) for name, slug in (("经济", "jingji"), ("体育", "tiyu"))
    ]
    form = ArticleFilter(QueryDict("section=tiyu"), queryset=Article.objects.all()).form
    assert form.is_valid()  # as the page has it: its filters applied before it is printed
    with django_assert_num_queries(1) as captured:
        html = str(form["section"])
    assert "CURSOR" not in captured.captured_queries[0]["sql"].upper()
    for section in sections:
        selected = " selected" if section.slug == "tiyu" else ""
        assert f'<option value="{section.slug}"{selected}>{section.name}</option>' in html
