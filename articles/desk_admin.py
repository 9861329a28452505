"""The record of import warnings dealt with (``WarningNote``): read only, written by ``articles.review``."""

from django.contrib import admin

from . import access
from .admin_search import CappedSearchMixin
from .models import WarningNote


class WarningNoteAdmin(CappedSearchMixin, admin.ModelAdmin):
    list_display = ["at", "article", "outcome", "text", "reason", "by"]
    list_select_related = ["article", "by"]
    list_filter = ["outcome"]
    search_fields = ["text", "reason", "article__headline"]
    date_hierarchy = "at"
    fields = list_display
    readonly_fields = list_display

    def get_queryset(self, request):
        return access.visible(request.user, super().get_queryset(request), article="article")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def register(site=admin.site) -> None:
    """Called from ``ArticlesConfig.ready()``: the admin modules of the app stay as they are."""
    if not site.is_registered(WarningNote):
        site.register(WarningNote, WarningNoteAdmin)
