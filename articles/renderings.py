"""Stored renderings: each article page is rendered once, kept in the database, and rendered again
only when something it shows has changed.

A reader's article request is then one query (``read()``): the article's public state and its
stored page, if the page is still good. A page is good while

- the article's ``updated_at`` is the one it was rendered from (the article itself is unchanged);
- the code, templates, static files, site address and language are the ones it was rendered
  with (``variant()``: a deploy or another host renders anew);
- no scheduled publication that could appear on it (a neighbour on its printed page, the other
  end of a continuation, a related story of the same weeks) has come due (``expires_at``);
- no write has marked it since (``invalidated_at``, set by ``changed()``).

What marks a page (``changed()``), from the signals below or explicitly by code that writes
without them (``update()``, ``COPY``):

- an article saved, deleted, (un)published, moved or retagged: its own page, the pages of the
  articles printed on the same page (old and new), both ends of its continuations, and every
  article published within ``RELATED_WINDOW`` of it (old and new time), whose "related" list
  may show it;
- a byline, a correction: the article's page; a person or tag renamed: the pages that show it;
- a page or issue changed: the pages of the articles printed there; a section: its articles.

The section menu is on every page: stored pages hold a marker in its place and ``with_nav()``
puts the current menu in when serving, so a new or renamed section changes no stored page.

Marking happens twice: at once inside the writer's transaction (an UPDATE of the stored pages
concerned, so the writer's own transaction never reads a stale page) and again after the commit,
when every affected article gets a row with ``invalidated_at`` set, stored page or not. ``store()``
refuses to write a page whose rendering began before the latest mark (less ``NEWSROOM_RENDERING_MARGIN_SECONDS``
for the clocks of different web nodes), so a reader's rendering that read the old state while a write committed
is never kept.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import functools
import hashlib
import logging
import operator
import threading
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import DatabaseError, OperationalError, connections, router, transaction
from django.db.models import F, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from .models import Article, Byline, Correction, Issue, Page, Person, Rendering, Section

logger = logging.getLogger(__name__)

RELATED_WINDOW = datetime.timedelta(days=14)  # the article page's "related" list looks this far either side
NAV_MARKER = "<!--newsroom:section-nav-->"
_CHUNK = 10_000  # article or page ids in one statement (SQLite allows 32,766 parameters)
_suspended = contextvars.ContextVar("newsroom_renderings_suspended", default=False)
_pending = threading.local()  # marks waiting for their transaction's commit, per thread and database

_ROOT = Path(__file__).resolve().parent.parent
_SOURCES = ("articles", "newsroom")


@functools.cache
def code_version() -> str:
    """A digest of what renders a page besides its data: Python code, templates, static files' names, settings."""
    digest = hashlib.sha1(usedforsecurity=False)
    for package in _SOURCES:
        for path in sorted((_ROOT / package).rglob("*")):
            if path.suffix in {".py", ".html"} and "migrations" not in path.parts and path.is_file():
                digest.update(path.relative_to(_ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest and staticfiles_storage.exists(manifest):
        with staticfiles_storage.open(manifest) as handle:
            digest.update(handle.read())
    for name in ("NEWSROOM_SITE_NAME", "STATIC_URL", "TIME_ZONE", "LANGUAGE_CODE"):
        digest.update(f"{name}={getattr(settings, name)}".encode())
    return digest.hexdigest()


def variant(site: str, language: str) -> str:
    """The key a stored page must carry to be served to this site address and language."""
    return hashlib.sha1(f"{code_version()}|{site}|{language}".encode(), usedforsecurity=False).hexdigest()


def enabled() -> bool:
    return settings.NEWSROOM_STORED_RENDERINGS


# Reading and storing -------------------------------------------------------------------------


def read(pk: int, key: str):
    """``None`` if readers may not see the article now; else ``(url, html)``, both None if no good page is stored.

    One statement written out: it is the whole cost of a stored article page.
    """
    alias = router.db_for_read(Rendering)
    connection = connections[alias]
    quote = connection.ops.quote_name
    article, rendering = quote(Article._meta.db_table), quote(Rendering._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    sql = (
        f"SELECT r.{quote('url')}, r.{quote('html')} FROM {article} a LEFT JOIN {rendering} r"
        f" ON r.{quote('article_id')} = a.{quote('id')} AND r.{quote('stamp')} = a.{quote('updated_at')}"
        f" AND r.{quote('variant')} = %s AND r.{quote('html')} <> ''"
        f" AND (r.{quote('expires_at')} IS NULL OR r.{quote('expires_at')} > %s)"
        f" WHERE a.{quote('id')} = %s AND a.{quote('status')} = %s AND a.{quote('published_at')} <= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, now, pk, Article.Status.PUBLISHED, now])
        return cursor.fetchone()


def _next_publication(article: Article):
    """The next scheduled publication that could appear on this article's page, as a query of one value."""
    could_appear = Q(
        published_at__range=(article.published_at - RELATED_WINDOW, article.published_at + RELATED_WINDOW)
    )
    could_appear |= Q(continues=article.pk)
    if article.page_id:
        could_appear |= Q(page=article.page_id)
    if article.continues_id:
        could_appear |= Q(pk=article.continues_id)
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .filter(could_appear)
        .order_by("published_at")
        .values("published_at")[:1]
    )


def store(article: Article, key: str, url: str, html: str, *, started: datetime.datetime) -> bool:
    """Keep a page rendered from ``article`` (read at ``started`` or later), unless it was marked since.

    It expires when the next scheduled publication that could appear on it comes due. Never fails the
    reader's request: a database that refuses the write only costs the next reader a rendering.
    """
    alias = router.db_for_write(Rendering)
    connection = connections[alias]
    quote = connection.ops.quote_name
    table = quote(Rendering._meta.db_table)
    adapt = connection.ops.adapt_datetimefield_value
    expires_sql, expires_params = _next_publication(article).query.get_compiler(alias).as_sql()
    columns = ["article_id", "variant", "stamp", "url", "html", "rendered_at", "expires_at", "invalidated_at"]
    values = [article.pk, key, adapt(article.updated_at), url, html, adapt(timezone.now())]
    updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in columns[1:-1])
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)})"
        f" VALUES ({', '.join(['%s'] * len(values))}, ({expires_sql}), NULL)"
        f" ON CONFLICT ({quote('article_id')}) DO UPDATE SET {updates}"
        f" WHERE {table}.{quote('invalidated_at')} IS NULL OR {table}.{quote('invalidated_at')} < %s"
    )
    margin = datetime.timedelta(seconds=settings.NEWSROOM_RENDERING_MARGIN_SECONDS)
    try:
        with transaction.atomic(using=alias), _briefly_waiting(connection) as cursor:
            cursor.execute(sql, [*values, *expires_params, adapt(started - margin)])
            return cursor.rowcount == 1
    except DatabaseError as error:  # busy (a writer holds the row or the file), read-only, ...
        logger.info("the page of article %s was not stored: %s", article.pk, error)
        return False


@contextlib.contextmanager
def _briefly_waiting(connection):
    """A cursor whose statements give up after ~0.1 s waiting for a lock: a reader is waiting for this page.

    A writer marking pages holds their rows (or, on SQLite, the whole file) until it commits, which for an
    import batch takes seconds; the page is served anyway and stored by a later reader.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL lock_timeout = '100ms'")
            yield cursor
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA busy_timeout")
            (before,) = cursor.fetchone()
            cursor.execute("PRAGMA busy_timeout = 100")
            try:
                yield cursor
            finally:
                cursor.execute(f"PRAGMA busy_timeout = {int(before)}")
        else:
            yield cursor


def with_nav(html: str, nav: str) -> str:
    return html.replace(NAV_MARKER, nav, 1)


def clear(using: str = "default") -> None:
    """Forget every stored page (after a restore of the whole content)."""
    # One statement: QuerySet.delete() would load every row, since a catch-all post_delete handler listens.
    with connections[using].cursor() as cursor:
        cursor.execute(f"DELETE FROM {connections[using].ops.quote_name(Rendering._meta.db_table)}")


# Marking pages as changed --------------------------------------------------------------------


@contextlib.contextmanager
def suspended():
    """No marks inside: for a writer that replaces everything and calls ``clear()`` after (a restore)."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def changed(*, around=None, own=None, rows=(), created=(), using: str = "default") -> None:
    """Mark the stored pages that show these articles as changed, now and again after the commit.

    ``around``: articles (ids or a queryset) whose headline, address, publication, page or tags change or
    have changed: their pages, and their neighbours', continuations' and related stories'. ``rows``: the same
    as ``(page_id, published_at, continues_id)`` values read before a change. ``own``: articles (ids or a
    queryset) whose own page alone changed (a byline, a correction, a renamed person). A fixed number of
    queries however many articles: call it before an ``update()`` and the new state is covered after the commit.
    ``created``: those of ``around`` inserted in this transaction: no reader can have begun rendering them, so
    they get no mark of their own (an import would otherwise write one for every new article).
    """
    if _suspended.get() or not settings.NEWSROOM_STORED_RENDERINGS:
        return
    around_ids = _ids(around)
    own_ids, own_query = (
        (None, own.using(using).order_by().values("pk")) if hasattr(own, "query") else (_ids(own), None)
    )
    if not (around_ids or own_ids or own_query is not None or rows):
        return
    mark = (around_ids, own_ids, own_query, tuple(rows) + _rows(around_ids, using), frozenset(created))
    connection = connections[using]
    if not connection.in_atomic_block:
        _mark([mark], using, tombstones=True, reread=False)
        return
    _mark([mark], using, tombstones=False, reread=False)
    waiting = _waiting(using)
    if not any(getattr(func, "func", None) is _flush_pending for _, func, _ in connection.run_on_commit):
        # No flush is due: whatever waits belongs to a transaction (or savepoint) that was rolled back.
        waiting.clear()
        # robust: a failure here is logged, not raised at the writer whose change is already committed.
        # Named like _flush_pending: Django's log of a failed robust hook reads its __qualname__.
        flush = functools.update_wrapper(functools.partial(_flush_pending, using), _flush_pending)
        transaction.on_commit(flush, using=using, robust=True)
    waiting.append(mark)


def _ids(articles) -> tuple:
    """Article ids, from ids or a queryset (read now: after an update() the queryset may match other rows)."""
    if articles is None:
        return ()
    if hasattr(articles, "query"):
        return tuple(articles.order_by().values_list("pk", flat=True))
    return tuple(pk for pk in articles if pk is not None)


def _chunks(items) -> list:
    items = sorted(items)
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _waiting(using: str) -> list:
    if not hasattr(_pending, "marks"):
        _pending.marks = {}
    return _pending.marks.setdefault(using, [])


def _flush_pending(using: str) -> None:
    """After the commit: every mark of the transaction (and of any rolled back before it) in one pass.

    The change is committed, so the marks must follow it: when the connection failed on the way
    (dropped, ended by the server), they are written once more on a new one. Marks only add, so
    writing one twice costs nothing.
    """
    marks = _waiting(using)[:]
    _waiting(using).clear()
    if not marks:
        return
    try:
        _mark(marks, using, tombstones=True, reread=True)
    except OperationalError:
        connection = connections[using]
        if connection.in_atomic_block:
            raise
        connection.close()
        _mark(marks, using, tombstones=True, reread=True)


def _rows(ids, using) -> tuple:
    """The distinct ``(page_id, published_at, continues_id)`` of these articles as they are now."""
    rows = set()
    for chunk in _chunks(ids):
        found = Article.objects.using(using).filter(pk__in=chunk).order_by()
        rows.update(found.values_list("page_id", "published_at", "continues_id").distinct())
    return tuple(rows)


def _windows(times):
    """Merged ``[t - window, t + window]`` intervals around the given publication times."""
    merged = []
    for moment in sorted(set(t for t in times if t is not None)):
        start, end = moment - RELATED_WINDOW, moment + RELATED_WINDOW
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _affected(marks, using, *, reread: bool) -> list:
    """The articles whose stored pages the marks concern: querysets of a bounded number of parameters each."""
    rows, around, own, created, condition = set(), set(), set(), set(), Q()
    for mark_around, own_ids, own_query, mark_rows, mark_created in marks:
        created.update(mark_created)
        rows.update(mark_rows)
        around.update(mark_around or ())
        own.update(own_ids or ())
        if own_query is not None:
            condition |= Q(pk__in=own_query)
    if reread:  # after the commit: their new pages and times too
        rows.update(_rows(around, using))
    for start, end in _windows(published for _, published, _ in rows):
        condition |= Q(published_at__range=(start, end))
    found = []
    for chunk in _chunks({page for page, _, _ in rows if page}):
        found.append(Q(page_id__in=chunk))
    for chunk in _chunks({continues for _, _, continues in rows if continues}):
        found.append(Q(pk__in=chunk))
    for chunk in _chunks(around):
        found.append(Q(pk__in=chunk) | Q(continues_id__in=chunk))
    for chunk in _chunks(own - around):
        found.append(Q(pk__in=chunk))
    if condition:
        found.append(condition)
    if len(found) > 1 and 2 * len(around) + len(own) + len(rows) <= _CHUNK:
        found = [functools.reduce(operator.or_, found)]  # usually: one statement
    affected = [Article.objects.using(using).filter(q) for q in found]
    if created and len(created) <= _CHUNK // 2:  # (more: marked too, which is only more than needed)
        affected = [queryset.exclude(pk__in=sorted(created)) for queryset in affected]
    return affected


def _mark(marks, using: str, *, tombstones: bool, reread: bool) -> None:
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(Rendering._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    for affected in _affected(marks, using, reread=reread):
        ids = affected.order_by().annotate(affected_id=F("pk")).values("affected_id").distinct()
        ids_sql, params = ids.query.get_compiler(using).as_sql()
        _mark_ids(connection, table, ids_sql, [now, *params], tombstones=tombstones)


def _mark_ids(connection, table, ids_sql, params, *, tombstones: bool) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if tombstones:
            # Every affected article gets a row, so that a rendering begun before now is never stored.
            cursor.execute(
                f"INSERT INTO {table} ({quote('article_id')}, {quote('variant')}, {quote('url')},"
                f" {quote('html')}, {quote('invalidated_at')}) SELECT affected.{quote('affected_id')}, '', '', '', %s"
                f" FROM ({ids_sql}) affected WHERE true ORDER BY 1 ON CONFLICT ({quote('article_id')}) DO UPDATE"
                f" SET {quote('html')} = '', {quote('invalidated_at')} = excluded.{quote('invalidated_at')}",
                params,
            )
        else:
            cursor.execute(
                f"UPDATE {table} SET {quote('html')} = '', {quote('invalidated_at')} = %s"
                f" WHERE {quote('article_id')} IN ({ids_sql}) AND {quote('html')} <> ''",
                params,
            )


# Signals: what the admin, history reverts, fixtures and per-row writers change ------------------


def _article_pre_save(sender, instance, raw, using, **kwargs):
    # Where it was (page, time, continuation): the save may move it, and the old neighbours must hear of it.
    instance._rendering_rows = _rows([instance.pk], using) if instance.pk is not None else ()


def _article_post_save(sender, instance, raw, using, **kwargs):
    changed(around=[instance.pk], rows=getattr(instance, "_rendering_rows", ()), using=using)


def _article_pre_delete(sender, instance, using, **kwargs):
    changed(around=[instance.pk], using=using)


def _own_article(sender, instance, using, **kwargs):
    changed(own=[instance.article_id], using=using)


def _tagged_item(sender, instance, using, **kwargs):
    if ContentType.objects.get_for_id(instance.content_type_id).model_class() is Article:
        changed(around=[instance.object_id], using=using)


def _article_tags(sender, instance, action, model, pk_set, using, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear", "pre_clear"}:
        return
    if isinstance(instance, Article):
        changed(around=[instance.pk], using=using)
    elif model is Article and pk_set:
        changed(around=pk_set, using=using)


def _shown_by(lookup: str, *, around: bool = False):
    """A ``post_save`` handler for a model the pages of articles show (``lookup``: from Article to it).

    ``around``: the articles' addresses change with it, which neighbours and related lists link to.
    """

    def handler(sender, instance, using, created=False, **kwargs):
        if created:  # nothing shows it yet
            return
        articles = Article.objects.filter(**{lookup: instance.pk})
        changed(**{"around" if around else "own": articles}, using=using)

    return handler


def _page(sender, instance, using, created=False, **kwargs):
    if created:
        return
    # Before a delete, read the ids now: the articles lose their page with it.
    ids = list(Article.objects.using(using).filter(page=instance.pk).values_list("pk", flat=True))
    changed(own=ids, using=using)


def connect() -> None:
    pre_save.connect(_article_pre_save, sender=Article, dispatch_uid="renderings.article_pre_save")
    post_save.connect(_article_post_save, sender=Article, dispatch_uid="renderings.article_post_save")
    pre_delete.connect(_article_pre_delete, sender=Article, dispatch_uid="renderings.article_pre_delete")
    for model in (Byline, Correction):
        for signal in (post_save, post_delete):
            signal.connect(_own_article, sender=model, dispatch_uid=f"renderings.{model.__name__}.{signal}")
    for signal in (post_save, post_delete):
        signal.connect(_tagged_item, sender=TaggedItem, dispatch_uid=f"renderings.taggeditem.{signal}")
    m2m_changed.connect(_article_tags, sender=Article.tags.through, dispatch_uid="renderings.article_tags")
    for model, lookup in ((Person, "bylines__person"), (Tag, "tagged_items__tag"), (Section, "section")):
        post_save.connect(_shown_by(lookup), sender=model, weak=False, dispatch_uid=f"renderings.{model.__name__}")
    # An issue's date is in its articles' addresses.
    post_save.connect(_shown_by("page__issue", around=True), sender=Issue, weak=False, dispatch_uid="renderings.issue")
    post_save.connect(_page, sender=Page, dispatch_uid="renderings.page_save")
    pre_delete.connect(_page, sender=Page, dispatch_uid="renderings.page_delete")
