"""Whole-page cache for readers, shared by every web node through the cache backend (Redis).

Readers' pages (anonymous GET/HEAD outside /admin/) are stored under a key that holds the
*content version*. Any write invalidates every page at once by bumping that version:

- a successful POST/PUT/PATCH/DELETE anywhere on the site (the admin: edit, publish,
  withdraw, merge, upload) bumps it when the response is sent, after the transaction;
- ``bump_content_version()`` is called by writers outside a request (the import command);
- a page is never kept past the next scheduled publication time, so articles published
  "at a set time" appear on time without anyone writing.

Each process re-reads the version at most every ``NEWSROOM_CACHE_VERSION_SECONDS`` (1 s), so
after a write every node serves the new state within about a second. Old versions are
never deleted: they expire after ``NEWSROOM_PAGE_CACHE_SECONDS``.

Turned on by ``NEWSROOM_PAGE_CACHE_SECONDS > 0`` (the default when ``REDIS_URL`` is set). With
the per-process locmem cache it would be correct only for one process, so it stays off.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import http_date

VERSION_KEY = "newsroom:content-version"
_SAFE = {"GET", "HEAD"}
_local = {"version": None, "read_at": 0.0}


def content_version() -> int:
    now = time.monotonic()
    if _local["version"] is None or now - _local["read_at"] >= settings.NEWSROOM_CACHE_VERSION_SECONDS:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = int(time.time() * 1000)
            cache.add(VERSION_KEY, version, timeout=None)
            version = cache.get(VERSION_KEY, version)
        _local.update(version=version, read_at=now)
    return _local["version"]


def bump_content_version() -> None:
    """Every cached page is out of date from now on, on every node (within a second)."""
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        version = int(time.time() * 1000)
        cache.set(VERSION_KEY, version, timeout=None)
    _local.update(version=version, read_at=time.monotonic())


def _next_publication_seconds(version: int) -> float | None:
    """Seconds until the next scheduled publication, looked up once per content version."""
    from articles.models import Article

    key = f"newsroom:next-publication:{version}"
    stamp = cache.get(key)
    if stamp is None:
        upcoming = (
            Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        stamp = upcoming.timestamp() if upcoming else 0
        cache.set(key, stamp, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
    return stamp - time.time() if stamp else None


def _cacheable_request(request) -> bool:
    return (
        request.method in _SAFE
        and not request.path.startswith(settings.NEWSROOM_UNCACHED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _key(request, version: int) -> str:
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    digest = hashlib.md5(request.get_full_path().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"newsroom:page:{version}:{language}:{digest}"


class PageCacheMiddleware:
    """Serves readers' pages from the shared cache; any successful write bumps the version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
        if seconds <= 0:
            return self._track_writes(request, self.get_response(request))
        if not _cacheable_request(request):
            return self._track_writes(request, self.get_response(request))
        version = content_version()
        key = _key(request, version)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            timeout = seconds
            upcoming = _next_publication_seconds(version)
            if upcoming is not None:
                timeout = min(timeout, max(1, int(upcoming)))
            response.setdefault("Last-Modified", http_date())
            response.setdefault("ETag", f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"')
            headers = {name: value for name, value in response.items() if name.lower() not in {"vary", "set-cookie"}}
            cache.set(key, (response.content, headers), timeout=timeout)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _track_writes(request, response):
        if request.method not in _SAFE and response.status_code < 400:
            bump_content_version()
        return response
