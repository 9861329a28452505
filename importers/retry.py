"""Run one file's load again when the database says another writer got there first.

Two imports of the same files at once (two terminals, a cron job and an editor's upload)
both find a person, tag, page or raw source missing and both insert it; the unique
constraint refuses the second insert (``IntegrityError``), or PostgreSQL picks one of two
transactions that wait on each other as a deadlock victim. The whole file's transaction
was rolled back, so running it again is safe, and this time it finds what the other
import stored. A connection that dropped is closed first, so the retry opens a new one.

A dropped connection is known by the error itself (``connection_lost``), not by asking the
connection afterwards: leaving the file's ``atomic`` block, Django has already closed the broken
connection and opened a fresh, usable one.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, OperationalError, connection

try:
    import psycopg
except ImportError:  # SQLite only
    psycopg = None

logger = logging.getLogger(__name__)

T = TypeVar("T")

ATTEMPTS = 5
# PostgreSQL SQLSTATEs worth another try: serialization failure, deadlock, lock not available,
# and the server ending the session (restart, failover, pg_terminate_backend). Class 08 is
# "connection exception".
_RETRY_SQLSTATES = {"40001", "40P01", "55P03", "57P01", "57P02", "57P03"}


_SESSION_ENDED = {
    "57P01",
    "57P02",
    "57P03",
}  # admin shutdown (pg_terminate_backend), crash shutdown, cannot connect now


def retryable(error: Exception) -> bool:
    if isinstance(error, IntegrityError):
        return True
    if not isinstance(error, OperationalError):
        return False
    sqlstate = getattr(error.__cause__, "sqlstate", None) or ""
    if sqlstate in _RETRY_SQLSTATES or sqlstate.startswith("08"):
        return True
    if "database is locked" in str(error):  # SQLite: another writer held the file past the timeout
        return True
    return connection_lost(error) or _connection_unusable()


def connection_lost(error: Exception) -> bool:
    """Whether ``error`` says the database connection itself is gone.

    Either the server said so before it closed the session (SQLSTATE class 08, 57P01-57P03:
    ``pg_terminate_backend``, a restart), or the PostgreSQL client library found the socket closed
    without a word (a psycopg ``OperationalError`` without SQLSTATE: "server closed the connection
    unexpectedly", "the connection is lost"): every error the server itself sends has a SQLSTATE.
    """
    cause = error.__cause__
    sqlstate = getattr(cause, "sqlstate", None) or ""
    if sqlstate.startswith("08") or sqlstate in _SESSION_ENDED:
        return True
    return psycopg is not None and isinstance(cause, psycopg.OperationalError) and not sqlstate


def _connection_unusable() -> bool:
    if connection.connection is None:
        return True  # Django dropped it when the rollback failed; the next query reconnects
    try:
        return not connection.is_usable()
    except Exception:  # any failure to ask means it is gone
        return True


def reconnect_if_lost(error: Exception) -> None:
    """Close the connection after ``error`` if it is gone, so that the next query opens a new one."""
    if (connection_lost(error) or _connection_unusable()) and not connection.in_atomic_block:
        connection.close()


def with_retry(load: Callable[..., T], *args, attempts: int = ATTEMPTS, **kwargs) -> T:
    """``load(*args, **kwargs)``, again after a conflict or a dropped connection, up to ``attempts`` times.

    ``load`` must be atomic (all or nothing) and idempotent, as ``load_page`` is. The last
    error is raised as it was.
    """
    for attempt in range(1, attempts + 1):
        try:
            return load(*args, **kwargs)
        except (IntegrityError, OperationalError) as error:
            if attempt == attempts or not retryable(error):
                raise
            if connection_lost(error) or _connection_unusable():
                if connection.in_atomic_block:
                    raise  # the caller's own transaction went with the connection
                connection.close()
            logger.info("retrying after %s (attempt %d of %d)", type(error).__name__, attempt, attempts)
            time.sleep(random.uniform(0.05, 0.2) * attempt)  # concurrent importers fall out of step
    raise AssertionError("unreachable")
