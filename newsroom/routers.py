"""Primary and read replica: readers' pages may read from the replica, everything else uses the primary.

``DATABASE_REPLICA_URL`` adds the ``replica`` database. ``ReplicaReadsMiddleware`` marks a
request as a public read (GET or HEAD, outside the admin, no session: an editor always
reads what they just wrote); only then does ``PrimaryReplicaRouter`` send reads to the
replica. Writes, the admin, imports and every management command use the primary, and
so do reads inside a transaction on the primary.
"""

from __future__ import annotations

import contextlib
import contextvars

from django.conf import settings
from django.db import connections

REPLICA = "replica"
_public_read = contextvars.ContextVar("newsroom_public_read", default=False)


@contextlib.contextmanager
def _reads(public: bool):
    token = _public_read.set(public)
    try:
        yield
    finally:
        _public_read.reset(token)


def public_reads():
    """Within this block, reads may go to the replica (when there is one)."""
    return _reads(True)


def is_public_read(request) -> bool:
    return (
        request.method in {"GET", "HEAD"}
        and not request.path.startswith(settings.NEWSROOM_PRIMARY_ONLY_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if REPLICA in settings.DATABASES and is_public_read(request):
            with public_reads():
                return self.get_response(request)
        return self.get_response(request)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _public_read.get() and REPLICA in settings.DATABASES and not connections["default"].in_atomic_block:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
