"""An article's history as editors read it: each version's changes, and the raw page it was imported from.

django-reversion keeps the versions (an article's includes its bylines, tag links and corrections);
``workflow.kept_publication`` / ``recovered_publication`` decide what a revert or recovery may not change.
"""

import datetime
import difflib
import json

import reversion
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from ..models import Article, Byline, Correction, Section

reversion.register(Byline)
reversion.register(Correction)
reversion.register(Tag)
reversion.register(TaggedItem, follow=["tag"])
reversion.register(Article, follow=["bylines", "tagged_items", "corrections"])


class LoggedByWorkflow:
    """A ModelAdmin whose saves go through ``articles.workflow``, which writes their history entries
    (naming the user, whoever calls it): the admin writes none of its own. A version saved with the edit still
    takes the entry's message as its comment."""

    def log_addition(self, request, obj, message):
        self._comment(message or _("初始版本。"))

    def log_change(self, request, obj, message):
        self._comment(message)

    def _comment(self, message):
        if reversion.is_active():
            text = json.dumps(message) if isinstance(message, list) else str(message)
            reversion.set_comment(LogEntry(change_message=text).get_change_message())


def keep_first_version(article) -> None:
    """Imported articles have no version yet: keep the state before the first edit, so it can be restored."""
    if Version.objects.get_for_object(article).exists():
        return
    with reversion.create_revision():
        reversion.set_comment(_("修改前的版本(导入或批量操作后的状态)"))
        reversion.add_to_revision(article)


def check_revision(version) -> None:
    """A revision restores every object in it: it may hold this article and its own rows, no other article."""
    others = version.revision.version_set.filter(content_type=version.content_type).exclude(
        object_id=version.object_id
    )
    if version.content_type.model_class() is not Article or others.exists():
        raise PermissionDenied


def source_excerpt(article, context_lines=6):
    """The article's lines in its stored raw page, with a few lines around them."""
    source = article.source
    if source is None or not source.text:
        return None
    lines = source.text.splitlines()
    marked = {n for n in (article.source_lines or []) if isinstance(n, int) and 1 <= n <= len(lines)}
    if marked:
        first, last = max(1, min(marked) - context_lines), min(len(lines), max(marked) + context_lines)
    else:
        first, last = 1, len(lines)
    return {
        "source": source,
        "url": reverse("admin:importers_rawsource_change", args=[source.pk]) + (f"#L{min(marked)}" if marked else ""),
        "lines": [(n, lines[n - 1], n in marked) for n in range(first, last + 1)],
        "all_lines": [(n, text, n in marked) for n, text in enumerate(lines, start=1)],
        "first": first,
        "last": last,
    }


_HISTORY_FIELDS = [
    ("kicker", _("引题")),
    ("headline", _("主标题")),
    ("subheadline", _("副题")),
    ("series", _("系列")),
    ("dateline", _("电头")),
    ("kind", _("类型")),
    ("status", _("状态")),
    ("section_id", _("栏目")),
    ("page_id", _("版面")),
    ("published_at", _("发布时间")),
    ("body", _("正文")),
]


def _history_text(value) -> str:
    """A stored value as the history compares it: one kind of line ending, instants in Asia/Shanghai.

    An import wrote ``\n``, a browser form posts ``\r\n``; a time may come back in UTC or local: neither
    is a change anyone made.
    """
    if value is None:
        return ""
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        value = parse_datetime(value) or value
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value) if timezone.is_aware(value) else value:%Y-%m-%d %H:%M:%S}"
    return "\n".join(line.rstrip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _snapshot(version, article_pk, sections, tags) -> dict[str, str]:
    data = version.field_dict
    snap = {}
    for name, label in _HISTORY_FIELDS:
        value = data.get(name)
        if name == "section_id":
            value = sections.get(value, value)
        snap[str(label)] = _history_text(value)
    bylines, tag_names = [], []
    for related in version.revision.version_set.all():
        model = related.content_type.model_class()
        if model is Byline:
            fields = related.field_dict
            if fields.get("article_id") == article_pk:
                bylines.append((fields.get("order", 0), related.object_repr))
        elif model is TaggedItem:
            fields = related.field_dict
            if str(fields.get("object_id")) == str(article_pk):
                tag_names.append(tags.get(fields.get("tag_id"), str(fields.get("tag_id"))))
    snap[str(_("署名"))] = "、".join(repr_ for _, repr_ in sorted(bylines))
    snap[str(_("标签"))] = "、".join(sorted(tag_names))
    return snap


def article_history(article):
    """Each saved version of ``article`` with what changed from the one before (oldest first)."""
    versions = list(
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .prefetch_related("revision__version_set__content_type")
        .order_by("pk")
    )
    sections = dict(Section.objects.values_list("pk", "name"))
    tags = dict(Tag.objects.values_list("pk", "name"))
    history, previous = [], None
    for version in versions:
        snap = _snapshot(version, article.pk, sections, tags)
        changes = []
        for label, value in snap.items() if previous is not None else ():
            old = previous.get(label, "")
            if value == old:
                continue
            if "\n" in old or "\n" in value:
                diff = "\n".join(difflib.unified_diff(old.splitlines(), value.splitlines(), lineterm="", n=1))
                changes.append({"field": label, "diff": diff})
            else:
                changes.append({"field": label, "old": old, "new": value})
        history.append(
            {
                "version": version,
                "revision": version.revision,
                "changes": changes,
                "is_first": previous is None,
                "url": reverse("admin:articles_article_revision", args=[article.pk, version.pk]),
            }
        )
        previous = snap
    history.reverse()
    return history
