"""The editorial admin: review queue, article form, people, print structure, statistics.

Roles are auth groups (记者, 编辑, 主编; migration 0004) whose permissions the
admin enforces: reporters change their own drafts only, editors (``review_article``)
change any article, review, move and tag, chief editors (``publish_article``,
``merge_person``) publish and merge people. Which articles a user may see and change
is decided in one place, ``articles.access``, for every view here that reaches an
article. The writes themselves are ``articles.workflow``'s.

- ``articles``: articles, bylines and corrections (the form, bulk actions, revert and recover)
- ``people``: people and their aliases
- ``print_structure``: sections, issues, pages, page credits
- ``photos``: the photos inline and list
- ``pages``: printed pages (版面图: a page's PDF or scan) and the areas of their articles
- ``filters``: the review queue's filters
- ``history``: versions, their diffs, the raw page an article came from
- ``views``: preview, statistics, an action's options, merging people
- ``search``: every admin search stops where readers' searches stop
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin
from taggit.models import Tag

from . import articles, pages, people, photos, print_structure  # noqa: F401  (they register their admins)
from .search import CappedSearchMixin

admin.site.site_header = _("株洲日报 编辑后台")
admin.site.site_title = _("株洲日报 编辑后台")
admin.site.index_title = _("编辑部")

# Accounts, groups and tags keep their apps' admins, with the search stopping where every other admin search stops.
for _model, _admin_class in ((get_user_model(), UserAdmin), (Group, GroupAdmin), (Tag, TagAdmin)):
    admin.site.unregister(_model)
    admin.site.register(_model, type(_admin_class.__name__, (CappedSearchMixin, _admin_class), {}))
