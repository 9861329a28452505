"""Whole-page cache for readers, shared by every web node through the cache backend (Redis),
with a short-lived copy in each process in front of it.

Readers' pages (anonymous GET/HEAD outside /admin/) are stored under a key that holds the
*content version*. Any write invalidates every page at once by bumping that version:

- a successful POST/PUT/PATCH/DELETE by a signed-in user (the admin: edit, publish,
  withdraw, merge, upload) bumps it when the response is sent, after the transaction; a
  request that ends with nobody signed in (a failed login, a logout, any anonymous POST)
  wrote nothing readers see and bumps nothing, so it cannot empty the cache for everyone;
- ``bump_content_version()`` is called by writers outside a request (the import command);
- a page is never kept past the next scheduled publication time, so articles published
  "at a set time" appear on time without anyone writing.

Each process re-reads the version at most every ``NEWSROOM_CACHE_VERSION_SECONDS`` (1 s), so
after a write every node serves the new state within about a second. Old versions are
never deleted: they expire after ``NEWSROOM_PAGE_CACHE_SECONDS``.

``PageCacheMiddleware`` is the first middleware after the NUL check (newsroom/security.py): a hit
is answered before the rest of the stack runs, with the headers the stack gave the page when it was stored (security headers,
Content-Security-Policy, ETag, Last-Modified), and ``If-None-Match``/``If-Modified-Since``
answered with 304. A page found in Redis is also kept in the process for at most
``NEWSROOM_PAGE_LOCAL_SECONDS`` (1 s, and under the same content version), so a busy page
costs no Redis round trip at all most of the time.

Turned on by ``NEWSROOM_PAGE_CACHE_SECONDS > 0`` (the default when ``REDIS_URL`` is set). With
the per-process locmem cache it would be correct only for one process, so it stays off.

Without it, the views still keep parts of readers' pages in process memory for at most
``NEWSROOM_FRAGMENT_SECONDS`` (2 s) with ``fragment()`` / ``memoized_page``: the content
version (when shared) and any write in this process end them sooner.
"""

from __future__ import annotations

import functools
import hashlib
import threading
import time
from collections import OrderedDict
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

VERSION_KEY = "newsroom:content-version"
_SAFE = {"GET", "HEAD"}
_local = {"version": None, "read_at": 0.0, "writes": 0}
# Never replayed from the cache: per-client headers.
_UNSTORED_HEADERS = {"set-cookie", "x-page-cache"}


class LocalMemory:
    """A small least-recently-used store in process memory, each value kept for a few seconds."""

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] <= time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def set(self, key, value, seconds: float) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + seconds, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


_pages = LocalMemory(max_entries=500)
_fragments = LocalMemory(max_entries=1000)


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


def _count_write(sender, **kwargs) -> None:
    """Any row saved or deleted in this process ends its fragments at once (other processes: the version, the TTL)."""
    _local["writes"] += 1


for _signal in (post_save, post_delete, m2m_changed):
    _signal.connect(_count_write, dispatch_uid=f"newsroom.pagecache.{_signal}")


def fragment(key: tuple, build):
    """``build()``, kept in this process for at most NEWSROOM_FRAGMENT_SECONDS under the current content version.

    For parts of readers' pages that every reader sees the same. A write through this process
    ends them at once; a write elsewhere within a second when the cache is shared (Redis), else
    when they expire.
    """
    seconds = settings.NEWSROOM_FRAGMENT_SECONDS
    if seconds <= 0:
        return build()
    full_key = (content_version(), _local["writes"], *key)
    value = _fragments.get(full_key)
    if value is None:
        value = build()
        if value is not None:
            _fragments.set(full_key, value, seconds)
    return value


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


def _request_key(request) -> tuple:
    """What a readers' page depends on besides the content: address (scheme, host, path, query) and language."""
    return (request.build_absolute_uri(), translation.get_language_from_request(request))


def _storable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in response.get("Cache-Control", "") for word in ("private", "no-store", "no-cache"))
    )


def memoized_page(view):
    """A readers' view whose rendered page is a fragment: the same for every reader for a couple of seconds."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if settings.NEWSROOM_FRAGMENT_SECONDS <= 0 or not is_public_read(request):
            return view(request, *args, **kwargs)
        built = []

        def build():
            response = view(request, *args, **kwargs)
            built.append(response)
            return (response.content, response["Content-Type"]) if _storable(response) else None

        stored = fragment(("page", view.__module__, view.__qualname__, *_request_key(request)), build)
        if built:
            return built[0]
        if stored is None:  # not storable: build() has run and the None was not kept
            return view(request, *args, **kwargs)
        return HttpResponse(stored[0], content_type=stored[1])

    return wrapper


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


def _key(request, version: int) -> str:
    address, language = _request_key(request)
    digest = hashlib.md5(address.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"newsroom:page:{version}:{language}:{digest}"


def _replay(request, stored) -> HttpResponse:
    content, headers = stored
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
    """Serves readers' pages from the shared cache; a signed-in user's successful write bumps the version.

    First in MIDDLEWARE after the NUL check: a hit skips the rest of the stack, and a page is stored
    with the headers every other middleware has added.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
        if seconds <= 0 or not is_public_read(request):
            return self._track_writes(request, self.get_response(request))
        version = content_version()
        key = _key(request, version)
        stored = _pages.get(key)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                _pages.set(key, stored, settings.NEWSROOM_PAGE_LOCAL_SECONDS)
        if stored is not None:
            return _replay(request, stored)
        response = self.get_response(request)
        if _storable(response):
            timeout = seconds
            upcoming = _next_publication_seconds(version)
            if upcoming is not None:
                timeout = min(timeout, max(1, int(upcoming)))
            response.setdefault("Last-Modified", http_date())
            response.setdefault("ETag", f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"')
            headers = {name: value for name, value in response.items() if name.lower() not in _UNSTORED_HEADERS}
            stored = (response.content, headers)
            cache.set(key, stored, timeout=timeout)
            _pages.set(key, stored, min(timeout, settings.NEWSROOM_PAGE_LOCAL_SECONDS))
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _track_writes(request, response):
        if request.method not in _SAFE and response.status_code < 400 and _signed_in(request):
            bump_content_version()
        return response


def _signed_in(request) -> bool:
    """Whether a user was signed in when the response left (set by AuthenticationMiddleware, further in)."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)
