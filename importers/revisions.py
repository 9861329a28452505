"""Changes a re-import brings to published articles: kept aside until an editor accepts them.

Readers keep the published text; the editor sees the change as a diff (in the admin, and in the
dry run before anything is written) and accepts or drops it. ``diff`` is also what the dry run
shows for an unpublished article it would update.
"""

from __future__ import annotations

import difflib

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles import people as people_module
from articles import search, workflow
from articles.models import Article, Byline, Role
from newsroom import pagecache

from .models import ImportedRevision

# The fields a diff shows, in reading order, with the names editors know them by.
_SHOWN = [
    ("kicker", "引题"),
    ("headline", "主标题"),
    ("subheadline", "副题"),
    ("bylines_text", "署名"),
    ("body", "正文"),
]


def diff(article: Article, fields: dict) -> str:
    """The published text against the imported one, line by line (empty when the text is the same)."""
    before, after = [], []
    for name, label in _SHOWN:
        before += [f"{label}:{line}" for line in (getattr(article, name) or "").splitlines() if line.strip()]
        after += [f"{label}:{line}" for line in (fields.get(name) or "").splitlines() if line.strip()]
    lines = difflib.unified_diff(before, after, fromfile="已入库", tofile="本次导入", lineterm="", n=1)
    return "\n".join(lines)


def with_credits(fields: dict, item) -> dict:
    """An item's fields with its people (``[name, role]``) and tags, as a revision keeps them."""
    return {**fields, "people": [[c.name.strip(), c.role] for c in item.people], "tags": list(item.tags)}


def pending(articles) -> set[tuple[int, str]]:
    """``(article pk, content hash)`` of the changes waiting for an editor among these articles'."""
    published = [a.pk for a in articles if a.status == Article.Status.PUBLISHED]
    if not published:
        return set()
    return set(
        ImportedRevision.objects.filter(article_id__in=published, status=ImportedRevision.Status.PENDING).values_list(
            "article_id", "imported_hash"
        )
    )


def propose(changes) -> list[ImportedRevision]:
    """Store ``(article, fields, digest, source)`` changes as pending revisions, one pending per article."""
    if not changes:
        return []
    articles = [article.pk for article, *_ in changes]
    pending = {
        (r.article_id, r.imported_hash)
        for r in ImportedRevision.objects.filter(article_id__in=articles, status=ImportedRevision.Status.PENDING)
    }
    fresh = [c for c in changes if (c[0].pk, c[2]) not in pending]
    ImportedRevision.objects.filter(
        article_id__in=[article.pk for article, *_ in fresh], status=ImportedRevision.Status.PENDING
    ).delete()  # a newer dump of the page replaces the change still waiting
    return ImportedRevision.objects.bulk_create(
        [
            ImportedRevision(
                article=article,
                source=source,
                fields=fields,
                diff=diff(article, fields),
                imported_hash=digest,
            )
            for article, fields, digest, source in fresh
        ]
    )


def supersede(article_pks) -> int:
    """The changes still waiting for articles an import has just updated itself (a chief editor's
    ``--publish``): the newer text is online, so the older change is dropped, as a newer dump's is."""
    if not article_pks:
        return 0
    waiting = ImportedRevision.objects.filter(article_id__in=article_pks, status=ImportedRevision.Status.PENDING)
    return waiting.delete()[0]


@transaction.atomic
def accept(*, revision: ImportedRevision, by) -> Article:
    """Put the imported text online: the article takes the revision's fields, bylines and tags."""
    revision = ImportedRevision.objects.select_for_update().get(pk=revision.pk)
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    data = dict(revision.fields)
    people, tags = data.pop("people", []), data.pop("tags", [])
    for name, value in data.items():
        setattr(article, name, value)
    article.imported_hash = revision.imported_hash
    if revision.source_id:
        article.source_id = revision.source_id
    article.save()
    found, _ = people_module.resolve_names(name for name, _ in people)
    Byline.objects.filter(article=article).delete()
    credits = list(
        dict.fromkeys(
            (found[name], role if role in Role.values else Role.REPORTER) for name, role in people if name in found
        )
    )
    Byline.objects.bulk_create(
        [Byline(article=article, person=p, role=r, order=n) for n, (p, r) in enumerate(credits)]
    )
    content_type = ContentType.objects.get_for_model(Article)
    TaggedItem.objects.filter(content_type=content_type, object_id=article.pk).delete()
    for name in dict.fromkeys(tags):
        tag, _ = Tag.objects.get_or_create(name=name)
        TaggedItem.objects.create(content_type=content_type, object_id=article.pk, tag=tag)
    search.index_articles([article.pk])
    pagecache.content_changed()
    workflow.audit(Article.objects.filter(pk=article.pk), by=by, message="采用导入的修订")
    _decide(revision, ImportedRevision.Status.ACCEPTED, by)
    return article


def accept_from(source, *, by) -> int:
    """Accept the changes still waiting that ``source`` (a stored page file) brought; how many."""
    waiting = list(ImportedRevision.objects.filter(source=source, status=ImportedRevision.Status.PENDING))
    for revision in waiting:
        accept(revision=revision, by=by)
    return len(waiting)


def reject(*, revision: ImportedRevision, by) -> None:
    _decide(revision, ImportedRevision.Status.REJECTED, by)


def _decide(revision: ImportedRevision, status: str, by) -> None:
    revision.status, revision.decided_at, revision.decided_by = status, timezone.now(), by
    revision.save(update_fields=["status", "decided_at", "decided_by"])
