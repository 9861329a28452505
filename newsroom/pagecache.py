"""The one page cache: readers' whole pages in Django's cache, ended by a content version.

Readers' pages (anonymous GET/HEAD outside ``NEWSROOM_UNCACHED_PREFIXES``) are kept in the
``default`` cache (Redis when ``REDIS_URL`` is set, else files every process of the machine
shares: newsroom/settings.py), each with the content version it was rendered under.

- ``content_changed()`` is what invalidates a page: the write functions (articles/workflow.py,
  the importer) call it, and so does every save or delete of an editorial model (the signals
  connected by ``follow()``). It gives the content a new version once the transaction commits,
  so no reader renders the old state under the new version; a rolled-back write changes nothing.
  Nothing else does: a failed login, a logout or any other request leaves the pages alone.
- A page is never kept past the next scheduled publication (``Article.objects.scheduled()``),
  so an article published "at a set time" appears on time without anyone writing.

A hit costs one trip to the cache (the version and the page read together) and no query.
``PageCacheMiddleware`` is the first middleware after the NUL check (newsroom/security.py): a hit
is answered with the headers the rest of the stack gave the page when it was stored, and
``If-None-Match``/``If-Modified-Since`` are answered with 304.
"""

from __future__ import annotations

import functools
import hashlib
import time
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends import redis
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

VERSION_KEY = "newsroom:content-version"
NEXT_PUBLICATION_KEY = "newsroom:next-publication"
_SAFE = {"GET", "HEAD"}
# Never replayed from the cache: per-client headers.
_UNSTORED_HEADERS = {"set-cookie", "x-page-cache"}


def content_changed(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """What readers see has changed: every cached page is out of date once this transaction commits.

    Outside a transaction, at once. Called any number of times in one transaction, the version changes once.
    """
    connection = connections[using]
    if connection.in_atomic_block and any(func is _new_version for _, func, _ in connection.run_on_commit):
        return
    transaction.on_commit(_new_version, using=using, robust=True)


def _new_version() -> None:
    # A new value, never an increment: two writers that commit together still leave a version no reader saw
    # before both commits (the file cache's incr is a read and a write).
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _editorial_write(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    content_changed(using=using)


def follow(*models) -> None:
    """Saves and deletes of these models (and changes of their many-to-many fields) change readers' pages."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(_editorial_write, sender=model, dispatch_uid=f"pagecache.{model._meta.label}.{signal}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_editorial_write, sender=through, dispatch_uid=f"pagecache.{through._meta.label}")


def _current_version(found: dict) -> str:
    version = found.get(VERSION_KEY)
    if version is None:  # first start, or evicted: any new value ends every page kept under an old one
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _seconds_to_keep(version: str) -> int:
    """``NEWSROOM_PAGE_CACHE_SECONDS``, or less: a page ends when the next scheduled publication comes due."""
    from articles.models import Article

    seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
    known = cache.get(NEXT_PUBLICATION_KEY)
    now = time.time()
    if known is None or known[0] != version or (known[1] and known[1] <= now):
        upcoming = Article.objects.scheduled().order_by("published_at").values_list("published_at", flat=True)
        first = upcoming.first()
        known = (version, first.timestamp() if first else 0)
        cache.set(NEXT_PUBLICATION_KEY, known, timeout=_until(known[1], now, seconds))
    return _until(known[1], now, seconds)


def _until(stamp: float, now: float, seconds: int) -> int:
    return min(seconds, max(1, int(stamp - now))) if stamp else seconds


class _ReusedRedisClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if id(pool) not in self._clients:
            self._clients[id(pool)] = self._client(connection_pool=pool)
        return self._clients[id(pool)]


class RedisCache(redis.RedisCache):
    """Django's Redis cache, with one redis client per connection pool (redis clients are thread-safe).

    Django makes a client for every call, and redis-py builds ~170 reply handlers for each: more CPU than
    the round trip of a page cache hit.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedRedisClient


@functools.cache
def _uncached_prefixes(prefixes: tuple, static_url: str) -> tuple:
    """The configured prefixes and the static files' (whitenoise answers those, from memory)."""
    static = "/" + urlsplit(static_url).path.lstrip("/")
    return (*prefixes, static) if static != "/" else prefixes


def is_public_read(request) -> bool:
    return (
        request.method in _SAFE
        and not request.path.startswith(_uncached_prefixes(settings.NEWSROOM_UNCACHED_PREFIXES, settings.STATIC_URL))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _key(request) -> str:
    """What a readers' page depends on besides the content: address (scheme, host, path, query) and language."""
    address = request.build_absolute_uri()
    digest = hashlib.md5(address.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"newsroom:page:{translation.get_language_from_request(request)}:{digest}"


def _storable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in response.get("Cache-Control", "") for word in ("private", "no-store", "no-cache"))
    )


def _replay(request, content: bytes, headers: dict) -> HttpResponse:
    response = HttpResponse(content, headers=headers)
    response["X-Page-Cache"] = "hit"
    last_modified = parse_http_date_safe(headers.get("Last-Modified", ""))
    conditional = get_conditional_response(
        request, etag=headers.get("ETag"), last_modified=last_modified, response=response
    )
    if conditional is not response:  # 304 (or 412): with the page's other headers, as the stack would give it
        for name, value in headers.items():
            if name.lower() not in {"content-type", "content-length"}:
                conditional.headers.setdefault(name, value)
        conditional["X-Page-Cache"] = "hit"
    return conditional


class PageCacheMiddleware:
    """Serves readers' pages from the cache and keeps those it lets through.

    First in MIDDLEWARE after the NUL check: a hit skips the rest of the stack, and a page is stored
    with the headers every other middleware has added.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.NEWSROOM_PAGE_CACHE_SECONDS <= 0 or not is_public_read(request):
            return self.get_response(request)
        key = _key(request)
        found = cache.get_many([VERSION_KEY, key])
        # Read before the page is rendered: a write committed meanwhile leaves this page under an old version.
        version = _current_version(found)
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            return _replay(request, stored[1], stored[2])
        response = self.get_response(request)
        if _storable(response):
            response.setdefault("Last-Modified", http_date())
            response.setdefault("ETag", f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"')
            headers = {name: value for name, value in response.items() if name.lower() not in _UNSTORED_HEADERS}
            cache.set(key, (version, response.content, headers), timeout=_seconds_to_keep(version))
            response["X-Page-Cache"] = "miss"
        return response
