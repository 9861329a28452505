"""Editorial write workflows: draft → review → published, and the bulk edits around them.

Every function takes a queryset and runs a fixed number of queries however many
rows it holds (``update()``, ``bulk_create()``, subqueries), so an editor can
publish a whole day's paper in one click. Permission checks belong to the
caller (the admin checks the user's role before it calls these).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from . import renderings, review, search
from .models import Article, Byline, Correction, PageCredit, Person, PersonAlias, Section

# The role groups created by migration 0004_editorial_groups.
REPORTER_GROUP = "记者"
EDITOR_GROUP = "编辑"
CHIEF_EDITOR_GROUP = "主编"

User = AbstractBaseUser


def _rows(articles: QuerySet[Article]) -> QuerySet[Article]:
    """A plain queryset over the same rows, safe to update() even if ``articles`` is distinct or ordered."""
    return Article.objects.filter(pk__in=articles.order_by().values("pk"))


def _changing(rows: QuerySet[Article]) -> None:
    """The readers' pages that show these articles (their own, neighbours', related) are out of date.

    ``update()`` sends no signals: every function here that changes articles says so itself, inside its
    transaction and before the change, so that both the old and the new state are covered.
    """
    renderings.changed(around=rows)


@transaction.atomic
def submit_for_review(*, articles: QuerySet[Article], by: User) -> int:
    """Drafts go to the review queue; anything else is left alone."""
    _changing(_rows(articles))
    return (
        _rows(articles)
        .filter(status=Article.Status.DRAFT)
        .update(status=Article.Status.REVIEW, updated_at=timezone.now())
    )


@transaction.atomic
def mark_reviewed(*, articles: QuerySet[Article], by: User, at: datetime.datetime | None = None) -> int:
    """Stamp who checked the articles (and their import warnings); drafts move to review."""
    at = at or timezone.now()
    rows = _rows(articles).exclude(status=Article.Status.ARCHIVED)
    _changing(rows)
    rows.filter(status=Article.Status.DRAFT).update(status=Article.Status.REVIEW)
    return rows.update(reviewed_at=at, reviewed_by=by, updated_at=at)


@transaction.atomic
def publish_articles(*, articles: QuerySet[Article], by: User, at: datetime.datetime | None = None) -> int:
    """Publish; with ``at`` (past or future) every article goes live at that time.

    Without ``at`` an article keeps a publication time it already has (so a
    scheduled article stays scheduled) and the others go live now. Readers'
    querysets filter on ``published_at``, so the future needs no cron job.
    """
    now = timezone.now()
    rows = _rows(articles)
    _changing(rows)
    if at is not None:
        return rows.update(status=Article.Status.PUBLISHED, published_at=at, updated_at=now)
    return rows.exclude(status=Article.Status.PUBLISHED).update(
        status=Article.Status.PUBLISHED, published_at=Coalesce("published_at", Value(now)), updated_at=now
    )


@transaction.atomic
def unpublish_articles(*, articles: QuerySet[Article], by: User) -> int:
    """Take published (or scheduled) articles off the site; they go back to review."""
    _changing(_rows(articles))
    return (
        _rows(articles)
        .filter(status=Article.Status.PUBLISHED)
        .update(status=Article.Status.REVIEW, updated_at=timezone.now())
    )


@transaction.atomic
def archive_articles(*, articles: QuerySet[Article], by: User) -> int:
    _changing(_rows(articles))
    return (
        _rows(articles)
        .exclude(status=Article.Status.ARCHIVED)
        .update(status=Article.Status.ARCHIVED, updated_at=timezone.now())
    )


@transaction.atomic
def move_to_section(*, articles: QuerySet[Article], section: Section | None, by: User) -> int:
    _changing(_rows(articles))
    return _rows(articles).update(section=section, is_edited=True, updated_at=timezone.now())


def _tags(names: Iterable[str], *, create: bool) -> list[Tag]:
    names = list(dict.fromkeys(name.strip() for name in names if name and name.strip()))
    tags = list(Tag.objects.filter(name__in=names))
    if create:
        known = {tag.name for tag in tags}
        # Tag.save() makes a unique slug, so missing tags are created one by one (a few per action).
        tags += [Tag.objects.create(name=name) for name in names if name not in known]
    return tags


@transaction.atomic
def add_tags(*, articles: QuerySet[Article], tags: Iterable[str], by: User) -> int:
    """Tag every article; returns how many tag links were new."""
    tag_objects = _tags(tags, create=True)
    ids = list(_rows(articles).values_list("pk", flat=True))
    if not tag_objects or not ids:
        return 0
    renderings.changed(around=ids)
    content_type = ContentType.objects.get_for_model(Article)
    links = TaggedItem.objects.filter(content_type=content_type, object_id__in=ids, tag__in=tag_objects)
    before = links.count()
    TaggedItem.objects.bulk_create(
        [TaggedItem(content_type=content_type, object_id=pk, tag=tag) for pk in ids for tag in tag_objects],
        ignore_conflicts=True,
    )
    _rows(articles).update(is_edited=True, updated_at=timezone.now())
    search.index_articles(ids)  # the index holds the tags' names
    return links.count() - before


@transaction.atomic
def remove_tags(*, articles: QuerySet[Article], tags: Iterable[str], by: User) -> int:
    """Untag every article; returns how many tag links went."""
    tag_objects = _tags(tags, create=False)
    if not tag_objects:
        return 0
    _changing(_rows(articles))
    removed, _ = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Article),
        object_id__in=_rows(articles).values("pk"),
        tag__in=tag_objects,
    ).delete()
    _rows(articles).update(is_edited=True, updated_at=timezone.now())
    search.index_articles(_rows(articles).values_list("pk", flat=True))  # the index holds the tags' names
    return removed


def add_correction(*, article: Article, text: str, by: User, on: datetime.date | None = None) -> Correction:
    return Correction.objects.create(
        article=article, text=text, published_on=on or timezone.localdate(), created_by=by
    )


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
    # Bylines move by update(): the pages of every article of these people, theirs now and into's after.
    renderings.changed(own=Article.objects.filter(bylines__person__in=[into.pk, *other_ids]))

    duplicate_bylines = Byline.objects.filter(person_id__in=other_ids).filter(
        Q(article__bylines__person=into) & Q(article__bylines__role=F("role"))
    )
    bylines_dropped, _ = Byline.objects.filter(pk__in=duplicate_bylines.values("pk")).delete()
    # Two of the others may share an article and role: keep the first of each group.
    keep = {}
    for pk, article_id, role in (
        Byline.objects.filter(person_id__in=other_ids).order_by("pk").values_list("pk", "article_id", "role")
    ):
        keep.setdefault((article_id, role), pk)
    extra, _ = Byline.objects.filter(person_id__in=other_ids).exclude(pk__in=keep.values()).delete()
    bylines_moved = Byline.objects.filter(person_id__in=other_ids).update(person=into)

    duplicate_credits = PageCredit.objects.filter(person_id__in=other_ids).filter(
        Q(page__credits__person=into) & Q(page__credits__role=F("role"))
    )
    credits_dropped, _ = PageCredit.objects.filter(pk__in=duplicate_credits.values("pk")).delete()
    keep = {}
    for pk, page_id, role in (
        PageCredit.objects.filter(person_id__in=other_ids).order_by("pk").values_list("pk", "page_id", "role")
    ):
        keep.setdefault((page_id, role), pk)
    extra_credits, _ = PageCredit.objects.filter(person_id__in=other_ids).exclude(pk__in=keep.values()).delete()
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
    search.index_articles(named)
    return MergeResult(
        bylines_moved=bylines_moved,
        bylines_dropped=bylines_dropped + extra,
        credits_moved=credits_moved,
        credits_dropped=credits_dropped + extra_credits,
        aliases=tuple(names),
    )
