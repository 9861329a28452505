"""The desk's admin parts: the record of import warnings dealt with (``WarningNote``: read only, written by
``articles.review``), and Chinese labels where other apps' admins leave English."""

from django.apps import apps
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import access
from .admin.search import CappedSearchMixin
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
    chinese_everywhere(site)


# Chinese where other apps leave English (issue 20): permission names, taggit's merge action. -------------------

_VERBS = {"add": "可以增加", "change": "可以修改", "delete": "可以删除", "view": "可以查看"}
# Names neither the app nor Django's catalogue translates.
_NAMES = {"reversion": "历史版本", "revision": "修订", "taggit": "标签"}


def permission_label(permission) -> str:
    """``认证和授权 | 用户 | 可以增加用户`` for Django's own ``Can add user``; custom permissions are named in Chinese."""
    content_type = permission.content_type
    model = content_type.model_class()
    app = _NAMES.get(content_type.app_label)
    if app is None:
        try:
            app = str(apps.get_app_config(content_type.app_label).verbose_name)
        except LookupError:
            app = content_type.app_label
    noun = str(model._meta.verbose_name) if model is not None else content_type.model
    noun = _NAMES.get(noun, noun)
    verb, _, rest = permission.codename.partition("_")
    name = (
        f"{_VERBS[verb]}{noun}"
        if verb in _VERBS and model is not None and rest == model._meta.model_name
        else permission.name
    )
    return f"{app} | {noun} | {name}"


class ChinesePermissionsMixin:
    """The permission pickers of the user and group forms list permissions in Chinese."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions") and field is not None:
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
            field.help_text = _("按住 Ctrl(Mac 上按住 Command)可以多选。")
        elif db_field.name == "groups" and field is not None:
            field.help_text = _("用户拥有所在组的全部权限。按住 Ctrl(Mac 上按住 Command)可以多选。")
        return field


def _merge_tags_in_chinese(actions: dict) -> dict:
    if "render_tag_form" in actions:
        function, name, _description = actions["render_tag_form"]
        actions["render_tag_form"] = (function, name, _("合并所选标签"))
    return actions


def _boolean_icon(value):
    """Django's yes/no icon, its alt text (what a screen reader says) in Chinese rather than ``True``/``False``."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    icon, word = {True: ("yes", "是"), False: ("no", "否"), None: ("unknown", "未知")}[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), word)


def _relationship_str(self) -> str:
    from django.contrib.auth.models import Permission

    def label(instance):
        return permission_label(instance) if isinstance(instance, Permission) else str(instance)

    one, other = (f for f in self._meta.fields if f.is_relation)
    return f"{label(getattr(self, one.name))} — {label(getattr(self, other.name))}"


def name_other_apps_in_chinese() -> None:
    """Names Django and other apps leave in English, wherever the admin shows them.

    django-reversion's app and its Revision (no Chinese catalogue), and the tables Django makes for
    many-to-many fields (``Group-permission relationship``, ``Group_permissions object (1)`` on a delete page).
    """
    from django.contrib.admin.templatetags import admin_list

    admin_list._boolean_icon = _boolean_icon  # looked up there at each call (admin.utils, admin.helpers)
    if apps.is_installed("reversion"):
        from reversion.models import Revision

        apps.get_app_config("reversion").verbose_name = _NAMES["reversion"]
        Revision._meta.verbose_name = Revision._meta.verbose_name_plural = _NAMES["revision"]
    for model in apps.get_models(include_auto_created=True):
        if model._meta.auto_created and model.__str__ is not _relationship_str:
            one, other = (f.related_model for f in model._meta.fields if f.is_relation)
            model._meta.verbose_name = model._meta.verbose_name_plural = (
                f"{one._meta.verbose_name}与{other._meta.verbose_name}的关联"
            )
            model.__str__ = _relationship_str


def chinese_everywhere(site=admin.site) -> None:
    """Re-register the user, group and tag admins (whatever class registered them) with Chinese labels."""
    from django.contrib.auth import get_user_model

    name_other_apps_in_chinese()
    from django.contrib.auth.models import Group
    from taggit.models import Tag

    for model in (get_user_model(), Group):
        current = site._registry.get(model)
        if current is not None and not isinstance(current, ChinesePermissionsMixin):
            site.unregister(model)
            site.register(model, type(type(current).__name__, (ChinesePermissionsMixin, type(current)), {}))
    current = site._registry.get(Tag)
    if current is not None and not hasattr(current, "nr_chinese"):
        site.unregister(Tag)

        def get_actions(self, request):
            return _merge_tags_in_chinese(super(tag_admin, self).get_actions(request))

        tag_admin = type(type(current).__name__, (type(current),), {"nr_chinese": True, "get_actions": get_actions})
        site.register(Tag, tag_admin)
