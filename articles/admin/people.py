"""People in the admin: names, aliases, logins, how often each is bylined; merging two spellings of one person."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import people, workflow
from ..models import PageCredit, Person, PersonAlias, Role
from . import history, views
from .search import CappedSearchMixin


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
class PersonAdmin(history.LoggedByWorkflow, CappedSearchMixin, admin.ModelAdmin):
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
    ordering = ["slug", "name"]  # the slug is the name's pinyin: 冯, 何, 刘, 余, not code-point order
    form = PersonForm
    autocomplete_fields = ["user"]
    inlines = [PersonAliasInline]
    actions = ["merge_action"]

    def get_readonly_fields(self, request, obj=None):
        # Linking a login to a person decides what a reporter may edit: only account managers do it.
        return [] if request.user.has_perm("auth.change_user") else ["user"]

    def save_model(self, request, obj, form, change):
        """Saved with its aliases in ``save_related``, by ``workflow.save_person``."""

    def save_related(self, request, form, formsets, change):
        indexed = workflow.save_person(
            person=form.instance,
            by=request.user,
            related=lambda: super(PersonAdmin, self).save_related(request, form, formsets, change),
            message=lambda: self.construct_change_message(request, form, formsets, not change),
        )
        if not indexed:
            messages.warning(request, _("已保存,但搜索索引未能更新;请运行 manage.py rebuild_search_index。"))

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
            path("merge/", view(partial(views.merge_people, self)), name="articles_person_merge"),
            path("duplicates/", view(partial(views.likely_duplicates, self)), name="articles_person_duplicates"),
            *super().get_urls(),
        ]


@admin.register(PersonAlias)
class PersonAliasAdmin(CappedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]
