"""``/healthz`` for load balancers: 200 when this node can reach its database and its cache, else 503."""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database(alias: str) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("healthz: database %s unreachable", alias, exc_info=True)
        return False


def _cache() -> bool:
    key, value = f"newsroom:healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        ok = cache.get(key) == value
        cache.delete(key)
        return ok
    except Exception:  # each backend raises its own errors (redis.ConnectionError...)
        logger.warning("healthz: cache unreachable", exc_info=True)
        return False


@never_cache
@require_safe
def healthz(request):
    checks = {alias: _database(alias) for alias in connections}
    checks = {f"database:{alias}": ok for alias, ok in checks.items()}
    checks["cache"] = _cache()
    healthy = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "checks": {k: "ok" if v else "fail" for k, v in checks.items()},
        },
        status=200 if healthy else 503,
    )
