"""PostgreSQL settings and statistics for a large import; nothing here changes what is stored.

- ``relaxed_commit``: commit without waiting for the disk while an import runs.
- ``gather_search_entries``: larger, fewer merges of the search index's new entries, for one transaction.
- ``finish_search_index``: once an import is done, merge what is left and refresh the search table's statistics.
- ``TableStatistics``: ANALYZE the tables an import fills each time the articles have doubled.
"""

from __future__ import annotations

import contextlib
import logging

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.db.backends.signals import connection_created
from taggit.models import Tag, TaggedItem

from articles import search
from articles.models import Article, Byline, Issue, Page, Person

from .models import RawSource

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def relaxed_commit():
    """On PostgreSQL, commit without waiting for the disk while an import runs.

    Each file still commits atomically, or not at all; a crash of the server can lose only
    the last fraction of a second of commits, and re-running the import restores them
    (imports are idempotent). Far fewer waits for fsync make a bulk import several times faster.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    ours = connections[DEFAULT_DB_ALIAS]  # this thread's

    def relax(sender, connection, **kwargs):
        if connection is ours:  # a connection opened again after a drop (importers.retry) is relaxed too
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO off")

    relax(None, ours)
    connection_created.connect(relax, weak=False)
    try:
        yield
    finally:
        connection_created.disconnect(relax)
        with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


# New entries of the search index's GIN wait in its pending list until the list outgrows
# gin_pending_list_limit (4 MB by default); the insert that finds it full then merges it into the
# index, sorting it in work_mem (4 MB). A merge costs less per entry the more it holds: an import
# lets the list grow larger, and merges the rest when it is done (finish_search_index), so that
# searches never read a long pending list afterwards.
_PENDING_LIST = "32MB"
_MERGE_MEMORY = "64MB"


def gather_search_entries() -> None:
    """Larger, fewer merges of the search index's new entries, for this transaction (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL gin_pending_list_limit = '{_PENDING_LIST}'")
            cursor.execute(f"SET LOCAL work_mem = '{_MERGE_MEMORY}'")


def finish_search_index() -> None:
    """Once an import is done: merge the search index's pending entries into the index, and
    refresh the statistics that searches are planned with (``TableStatistics`` leaves them out).

    Needs the ownership of the index (as VACUUM does); without it, autovacuum or later inserts do both.
    """
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL maintenance_work_mem = '{_MERGE_MEMORY}'")
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [f"{search.TABLE}_lexemes"])
            cursor.execute(f"ANALYZE {connection.ops.quote_name(search.TABLE)}")
    except DatabaseError:
        logger.info("the search index's pending entries were left to autovacuum", exc_info=True)


class TableStatistics:
    """ANALYZE the tables an import fills each time the articles have doubled since the last time.

    PostgreSQL plans from its statistics, and a session keeps the plans of its statements and of
    the triggers it fires. Where autovacuum is off or lags behind a bulk load, a plan made while a
    table was empty (a sequential scan) stays while the table grows, and every new row pays for
    the whole table: the import slows down with every page. Analyzing at 500, 1,000, 2,000...
    articles keeps the plans right; a large archive is analyzed again only once an import has doubled it.

    The search index is left out: the import never reads it, and its statistics (word frequencies
    over large tsvectors) cost more than all the other tables' together; ``finish_search_index``
    refreshes them once at the end.
    """

    FIRST = 500

    def __init__(self):
        self.next_at: int | None = None
        self.written = 0

    def add(self, articles: int) -> bool:
        """Count newly written articles; ANALYZE when they reach the next threshold (True if it did)."""
        if connection.vendor != "postgresql" or articles <= 0:
            return False
        if self.next_at is None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [Article._meta.db_table])
                stored = cursor.fetchone()[0]
            self.next_at = max(self.FIRST, int(stored))
        self.written += articles
        if self.written < self.next_at:
            return False
        quote = connection.ops.quote_name
        tables = [model._meta.db_table for model in (Article, Byline, TaggedItem, RawSource, Page, Issue, Person)]
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(quote(t) for t in [*tables, Tag._meta.db_table])}")
        self.next_at = 2 * self.written
        return True
