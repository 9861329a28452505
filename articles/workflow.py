"""Editorial writes: saving an edit, draft → review → published, the bulk edits around them, merging people.

Every write an editor makes goes through a function here, and each one does the same three things
besides the write itself: it tells the page cache that readers' pages changed (``_invalidate``, the
one call), brings the readers' search up to date where the text, names or tags changed (``_reindex``)
and writes the admin history (``audit``) naming ``by``. ``by=None`` is a script's change: nobody to
name, so no history entry.

The bulk functions take a queryset and run a fixed number of queries however many rows it holds
(``update()``, ``bulk_create()``, subqueries), so an editor can publish a whole day's paper in one
click. Permission checks belong to the caller (the admin checks the user's role before it calls these).
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, transaction
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from taggit.models import Tag, TaggedItem

from newsroom import pagecache

from . import review, search
from .models import Article, Byline, Correction, PageCredit, Person, PersonAlias, Section

# The role groups created by migration 0004_editorial_groups.
REPORTER_GROUP = "记者"
EDITOR_GROUP = "编辑"
CHIEF_EDITOR_GROUP = "主编"

User = AbstractBaseUser

logger = logging.getLogger(__name__)


def _rows(articles: QuerySet[Article]) -> QuerySet[Article]:
    """A plain queryset over the same rows, safe to update() even if ``articles`` is distinct or ordered."""
    return Article.objects.filter(pk__in=articles.order_by().values("pk"))


def _invalidate() -> None:
    """Readers' pages are out of date once this transaction commits: the one call to the page cache.

    ``update()`` sends no signals, so every function here that changes what readers see says so itself
    (a model's save or delete says so through ``pagecache.follow()``).
    """
    pagecache.content_changed()


def _reindex(ids) -> bool:
    """Bring the readers' search up to date for these articles; a failing index never costs the edit.

    False when the index could not be written (``manage.py rebuild_search_index`` catches up).
    """
    try:
        with transaction.atomic():
            search.index_articles(ids)
    except DatabaseError:
        logger.exception("search index not updated")
        return False
    return True


def audit(
    rows: QuerySet, *, by: User | None, message: str | list, flag: int = CHANGE, title: str = "headline"
) -> None:
    """One admin history entry (``LogEntry``) per row, naming ``by``; ``title`` names a row (``object_repr``).

    One SELECT of the rows' keys and titles, then ``bulk_create``: one INSERT on PostgreSQL however many
    rows, on SQLite one per 142 rows (Django's 999 parameters a statement).
    """
    if by is None:
        return
    if isinstance(message, list):  # the admin's change message: LogEntry reads it back from JSON
        message = json.dumps(message)
    content_type = ContentType.objects.get_for_model(rows.model)
    now = timezone.now()
    LogEntry.objects.bulk_create(
        LogEntry(
            action_time=now,
            user_id=by.pk,
            content_type=content_type,
            object_id=str(pk),
            object_repr=(name or "")[:200],
            action_flag=flag,
            change_message=message,
        )
        for pk, name in rows.order_by().values_list("pk", title)
    )


def _logged(articles: QuerySet[Article], *, by: User | None, message: str) -> QuerySet[Article]:
    """The rows of a bulk edit (``_rows``), their history written and the readers' pages marked out of date."""
    rows = _rows(articles)
    _invalidate()
    audit(rows, by=by, message=message)
    return rows


def _one(article: Article) -> QuerySet[Article]:
    return Article.objects.filter(pk=article.pk)


@transaction.atomic
def save_article(
    *,
    article: Article,
    by: User | None,
    related: Callable[[], None] | None = None,
    message: str | list | Callable[[], str | list] = "",
    changed: Iterable[str] = (),
) -> bool:
    """An editor's edit of one article (new or not): saved, marked edited, the readers' pages and search updated, logged.

    Marked edited, a re-import no longer overwrites it; published without a time, it goes live now.
    ``related`` saves what hangs on the article (the form's bylines, tags, photos) once it has a key and
    before the index reads its names and tags. ``message``: the history's text, or a function giving it
    once ``related`` has run (the admin's change message names the inline rows it saved). ``changed``: what the
    edit changed (form field names, ``bylines``), whose import warnings it settles (``review``). Returns whether
    the readers' search was updated (if not, the edit is kept and ``rebuild_search_index`` catches up).
    """
    adding = article.pk is None
    article.is_edited = True
    if article.status == Article.Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    article.save()
    if related is not None:
        related()
    if changed:  # the fields (form names, "bylines") the edit changed settle the import warnings about them
        review.fixed_by_edit(article=article, changed=changed, by=by)
    _invalidate()
    indexed = _reindex([article.pk])
    message = message() if callable(message) else message
    audit(_one(article), by=by, message=message or _("修改"), flag=ADDITION if adding else CHANGE)
    return indexed


@transaction.atomic
def delete_articles(*, articles: QuerySet[Article], by: User | None) -> int:
    """Delete articles (their bylines, corrections and photos go with them) and take them out of the search."""
    ids = list(_rows(articles).values_list("pk", flat=True))
    if not ids:
        return 0
    rows = Article.objects.filter(pk__in=ids)
    _invalidate()
    audit(rows, by=by, message="", flag=DELETION)
    rows.delete()
    search.remove_from_index(ids)
    return len(ids)


@transaction.atomic
def submit_for_review(*, articles: QuerySet[Article], by: User | None) -> int:
    """Drafts go to the review queue; anything else is left alone."""
    rows = _logged(articles, by=by, message=_("提交审核")).filter(status=Article.Status.DRAFT)
    return rows.update(status=Article.Status.REVIEW, updated_at=timezone.now())


@transaction.atomic
def mark_reviewed(*, articles: QuerySet[Article], by: User | None, at: datetime.datetime | None = None) -> int:
    """Stamp who checked the articles (and their import warnings); drafts move to review."""
    at = at or timezone.now()
    rows = _logged(_rows(articles).exclude(status=Article.Status.ARCHIVED), by=by, message=_("审核"))
    rows.filter(status=Article.Status.DRAFT).update(status=Article.Status.REVIEW)
    return rows.update(reviewed_at=at, reviewed_by=by, updated_at=at)


@transaction.atomic
def publish_articles(*, articles: QuerySet[Article], by: User | None, at: datetime.datetime | None = None) -> int:
    """Publish; with ``at`` (past or future) every article goes live at that time.

    Without ``at`` an article keeps a publication time it already has (so a
    scheduled article stays scheduled) and the others go live now. Readers'
    querysets filter on ``published_at``, so the future needs no cron job.
    """
    now = timezone.now()
    rows = _logged(articles, by=by, message=_("发布"))
    if at is not None:
        return rows.update(status=Article.Status.PUBLISHED, published_at=at, updated_at=now)
    return rows.exclude(status=Article.Status.PUBLISHED).update(
        status=Article.Status.PUBLISHED, published_at=Coalesce("published_at", Value(now)), updated_at=now
    )


@transaction.atomic
def unpublish_articles(*, articles: QuerySet[Article], by: User | None) -> int:
    """Take published (or scheduled) articles off the site; they go back to review."""
    rows = _logged(articles, by=by, message=_("撤下")).filter(status=Article.Status.PUBLISHED)
    return rows.update(status=Article.Status.REVIEW, updated_at=timezone.now())


@transaction.atomic
def archive_articles(*, articles: QuerySet[Article], by: User | None) -> int:
    rows = _logged(articles, by=by, message=_("归档")).exclude(status=Article.Status.ARCHIVED)
    return rows.update(status=Article.Status.ARCHIVED, updated_at=timezone.now())


@transaction.atomic
def move_to_section(*, articles: QuerySet[Article], section: Section | None, by: User | None) -> int:
    rows = _logged(articles, by=by, message=_("移到栏目:") + (section.name if section else "—"))
    return rows.update(section=section, is_edited=True, updated_at=timezone.now())


def _tags(names: Iterable[str], *, create: bool) -> list[Tag]:
    names = list(dict.fromkeys(name.strip() for name in names if name and name.strip()))
    tags = list(Tag.objects.filter(name__in=names))
    if create:
        known = {tag.name for tag in tags}
        # Tag.save() makes a unique slug, so missing tags are created one by one (a few per action).
        tags += [Tag.objects.create(name=name) for name in names if name not in known]
    return tags


@transaction.atomic
def add_tags(*, articles: QuerySet[Article], tags: Iterable[str], by: User | None) -> int:
    """Tag every article; returns how many tag links were new."""
    tag_objects = _tags(tags, create=True)
    ids = list(_rows(articles).values_list("pk", flat=True))
    if not tag_objects or not ids:
        return 0
    _invalidate()
    audit(Article.objects.filter(pk__in=ids), by=by, message=_("添加标签:") + "、".join(t.name for t in tag_objects))
    content_type = ContentType.objects.get_for_model(Article)
    links = TaggedItem.objects.filter(content_type=content_type, object_id__in=ids, tag__in=tag_objects)
    before = links.count()
    TaggedItem.objects.bulk_create(
        [TaggedItem(content_type=content_type, object_id=pk, tag=tag) for pk in ids for tag in tag_objects],
        ignore_conflicts=True,
    )
    _rows(articles).update(is_edited=True, updated_at=timezone.now())
    _reindex(ids)  # the index holds the tags' names
    return links.count() - before


@transaction.atomic
def remove_tags(*, articles: QuerySet[Article], tags: Iterable[str], by: User | None) -> int:
    """Untag every article; returns how many tag links went."""
    tag_objects = _tags(tags, create=False)
    if not tag_objects:
        return 0
    _invalidate()
    audit(_rows(articles), by=by, message=_("去掉标签:") + "、".join(t.name for t in tag_objects))
    removed, _count = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Article),
        object_id__in=_rows(articles).values("pk"),
        tag__in=tag_objects,
    ).delete()
    _rows(articles).update(is_edited=True, updated_at=timezone.now())
    _reindex(_rows(articles).values_list("pk", flat=True))  # the index holds the tags' names
    return removed


@transaction.atomic
def add_correction(*, article: Article, text: str, by: User | None, on: datetime.date | None = None) -> Correction:
    correction = Correction.objects.create(
        article=article, text=text, published_on=on or timezone.localdate(), created_by=by
    )
    _invalidate()
    audit(_one(article), by=by, message=_("更正:") + text[:100])
    return correction


@transaction.atomic
def save_person(
    *,
    person: Person,
    by: User | None,
    related: Callable[[], None] | None = None,
    message: str | list | Callable[[], str | list] = "",
    changed: Iterable[str] = (),
) -> bool:
    """An editor's edit of a person: saved (``related``: their aliases), logged; renamed, their articles' pages
    and search entries follow (readers search bylines by name). Returns whether the search was updated."""
    adding = person.pk is None
    renamed = not adding and not Person.objects.filter(pk=person.pk, name=person.name).exists()
    person.save()
    if related is not None:
        related()
    indexed = True
    if renamed:
        named = search.articles_named(people=[person.pk])
        _invalidate()
        indexed = _reindex(named)
    message = message() if callable(message) else message
    audit(
        Person.objects.filter(pk=person.pk),
        by=by,
        message=message or _("修改"),
        flag=ADDITION if adding else CHANGE,
        title="name",
    )
    return indexed


# History (django-reversion) -----------------------------------------------------------------------

# What a version brought back from the history never decides: whether and when the article is public,
# and who checked it. Changing these takes the review and publish permissions, not a revert.
PUBLICATION_FIELDS = ("status", "published_at", "reviewed_at", "reviewed_by_id")


def kept_publication(article: Article) -> dict:
    """A revert restores an article's text, bylines, tags and corrections; its publication state stays as it is now."""
    return {name: getattr(article, name) for name in PUBLICATION_FIELDS}


def recovered_publication(fields: dict) -> dict:
    """A deleted article comes back as it was, except that a published (or scheduled) one comes back in review.

    ``fields`` are the deleted article's last version (``Version.field_dict``). Back in review, as 撤下
    leaves an article, keeping its publication time: putting it online again is a chief editor's
    decision, made after the recovery (``publish_articles``) or in the recovery's own form.
    """
    state = {name: fields.get(name) for name in PUBLICATION_FIELDS}
    if state["status"] == Article.Status.PUBLISHED:
        state["status"] = Article.Status.REVIEW
    return state


@dataclass(frozen=True)
class MergeResult:
    bylines_moved: int
    bylines_dropped: int
    credits_moved: int
    credits_dropped: int
    aliases: tuple[str, ...]


@transaction.atomic
def merge_people(*, into: Person, others: Iterable[Person], by: User) -> MergeResult:
    """Fold ``others`` into ``into``: bylines, page credits and aliases move, the others are deleted.

    A byline the canonical person already has (same article and role) is
    dropped instead of moved, so the unique constraints hold. Each other
    spelling is kept as a PersonAlias, which the importer looks up first, so a
    later import of the old spelling lands on ``into``.
    """
    other_ids = [person.pk for person in others if person.pk != into.pk]
    if not other_ids:
        return MergeResult(0, 0, 0, 0, ())
    slugs = dict(Person.objects.filter(pk__in=other_ids).values_list("name", "slug"))
    names = list(slugs)
    named = search.articles_named(people=other_ids)  # their names leave the index, into's comes in
    _invalidate()  # bylines move by update()

    duplicate_bylines = Byline.objects.filter(person_id__in=other_ids).filter(
        Q(article__bylines__person=into) & Q(article__bylines__role=F("role"))
    )
    bylines_dropped, _count = Byline.objects.filter(pk__in=duplicate_bylines.values("pk")).delete()
    # Two of the others may share an article and role: keep the first of each group.
    keep = {}
    for pk, article_id, role in (
        Byline.objects.filter(person_id__in=other_ids).order_by("pk").values_list("pk", "article_id", "role")
    ):
        keep.setdefault((article_id, role), pk)
    extra, _count = Byline.objects.filter(person_id__in=other_ids).exclude(pk__in=keep.values()).delete()
    bylines_moved = Byline.objects.filter(person_id__in=other_ids).update(person=into)

    duplicate_credits = PageCredit.objects.filter(person_id__in=other_ids).filter(
        Q(page__credits__person=into) & Q(page__credits__role=F("role"))
    )
    credits_dropped, _count = PageCredit.objects.filter(pk__in=duplicate_credits.values("pk")).delete()
    keep = {}
    for pk, page_id, role in (
        PageCredit.objects.filter(person_id__in=other_ids).order_by("pk").values_list("pk", "page_id", "role")
    ):
        keep.setdefault((page_id, role), pk)
    extra_credits, _count = PageCredit.objects.filter(person_id__in=other_ids).exclude(pk__in=keep.values()).delete()
    credits_moved = PageCredit.objects.filter(person_id__in=other_ids).update(person=into)

    PersonAlias.objects.filter(person_id__in=other_ids).update(person=into)
    if into.user_id is None:
        user_id = Person.objects.filter(pk__in=other_ids, user__isnull=False).values_list("user_id", flat=True).first()
        if user_id:
            Person.objects.filter(pk__in=other_ids).update(user=None)
            Person.objects.filter(pk=into.pk).update(user_id=user_id)
            into.user_id = user_id
    Person.objects.filter(pk__in=other_ids).delete()
    existing = set(PersonAlias.objects.filter(name__in=names).values_list("name", flat=True))
    PersonAlias.objects.bulk_create(
        [PersonAlias(person=into, name=name) for name in names if name not in existing and name != into.name]
    )
    PersonAlias.objects.filter(name=into.name).delete()  # the canonical spelling is no alias
    for name, slug in slugs.items():  # the old address redirects to the kept person (a few people per merge)
        PersonAlias.objects.filter(person=into, name=name).update(slug=slug)
    review.merged_people(names=names, into=into, by=by)  # the "is this the same person?" warnings are answered
    _reindex(named)
    audit(Person.objects.filter(pk=into.pk), by=by, message=_("合并了:") + "、".join(names), title="name")
    return MergeResult(
        bylines_moved=bylines_moved,
        bylines_dropped=bylines_dropped + extra,
        credits_moved=credits_moved,
        credits_dropped=credits_dropped + extra_credits,
        aliases=tuple(names),
    )
