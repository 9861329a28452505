"""Run one file's load again when the database says another writer got there first.

Two imports of the same files at once (two terminals, a cron job and an editor's upload)
both find a person, tag, page or raw source missing and both insert it; the unique
constraint refuses the second insert (``IntegrityError``), or PostgreSQL picks one of two
transactions that wait on each other as a deadlock victim. The whole file's transaction
was rolled back, so running it again is safe, and this time it finds what the other
import stored. A connection that dropped is closed first, so the retry opens a new one.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, OperationalError, connection

logger = logging.getLogger(__name__)

T = TypeVar("T")

ATTEMPTS = 5
# PostgreSQL SQLSTATEs worth another try: serialization failure, deadlock, lock not available,
# and the server ending the session (restart, failover, pg_terminate_backend). Class 08 is
# "connection exception".
_RETRY_SQLSTATES = {"40001", "40P01", "55P03", "57P01", "57P02", "57P03"}


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
    return _connection_lost()


def _connection_lost() -> bool:
    if connection.connection is None:
        return True  # Django dropped it when the rollback failed; the next query reconnects
    try:
        return not connection.is_usable()
    except Exception:  # any failure to ask means it is gone
        return True


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
            if _connection_lost():
                if connection.in_atomic_block:
                    raise  # the caller's own transaction went with the connection
                connection.close()
            logger.info("retrying after %s (attempt %d of %d)", type(error).__name__, attempt, attempts)
            time.sleep(random.uniform(0.05, 0.2) * attempt)  # concurrent importers fall out of step
    raise AssertionError("unreachable")
