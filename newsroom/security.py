"""Middlewares the framework does not ship: NUL refused in addresses, a Content Security Policy header, and a
throttle on admin login.

A NUL character has no place in an address: PostgreSQL refuses it in any text value (a view that
looked it up would fail with a 500), so ``RejectNulMiddleware`` answers 404 for a path and 400 for
a query string that holds one (``%00``, raw or in a name or value), before anything else runs.

The policy allows scripts from the site only. The article page's JSON-LD is a data block
(``type="application/ld+json"``), which browsers never execute, so it needs no exception.
Inline ``<style>`` is allowed (the admin uses it); inline script is not.

The throttle counts failed admin logins in the cache, per account and per client address,
and answers 429 for a while once either passes its limit, without checking the password,
so guessing costs hours instead of seconds. With ``REDIS_URL`` set every web process shares
the counts; otherwise each process counts on its own (still a hard cap per process).

An account is counted by its user name as Django's login form reads it (NFKC, so ``ｃｈｉｅｆ1``
is ``chief1``), case folded. A client is counted by its address: ``REMOTE_ADDR``, or, when that
is one of ``NEWSROOM_TRUSTED_PROXIES``, the nearest address in ``X-Forwarded-For`` that is not
(``client_address``). Without trusted proxies ``X-Forwarded-For`` is never read: anyone can send it.
"""

import functools
import hashlib
import ipaddress
import unicodedata
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse
from django.urls import reverse


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or "\x00" in request.path:
            raise Http404("NUL in the address")
        if b"\x00" in unquote_to_bytes(request.META.get("QUERY_STRING", "")):
            raise BadRequest("NUL in the query string")
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.NEWSROOM_CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class AdminLoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path != reverse("admin:login"):
            return self.get_response(request)
        keys = _keys(request)
        limits = {
            keys["user"]: settings.NEWSROOM_LOGIN_FAILURES_PER_USER,
            keys["address"]: settings.NEWSROOM_LOGIN_FAILURES_PER_ADDRESS,
        }
        if any((cache.get(key) or 0) >= limit for key, limit in limits.items()):
            return _too_many()
        response = self.get_response(request)
        if response.status_code == 200:  # the form again: wrong name or password
            for key in limits:
                if not cache.add(key, 1, settings.NEWSROOM_LOGIN_LOCKOUT_SECONDS):
                    try:
                        cache.incr(key)
                    except ValueError:  # expired in between
                        cache.add(key, 1, settings.NEWSROOM_LOGIN_LOCKOUT_SECONDS)
        elif response.status_code in (301, 302, 303):
            cache.delete(keys["user"])
        return response


def _keys(request) -> dict[str, str]:
    digest = hashlib.sha256(account_name(request.POST.get("username") or "").encode("utf-8")).hexdigest()[:32]
    return {"user": f"login-failures:user:{digest}", "address": f"login-failures:address:{client_address(request)}"}


def account_name(username: str) -> str:
    """The account a login names, as counted: every spelling Django's login form takes for one name counts as one.

    The form normalises the name (NFKC: full-width ``ｃｈｉｅｆ1`` is ``chief1``); case is folded too,
    so ``Chief1`` and ``chief1`` share a count.
    """
    name = unicodedata.normalize("NFKC", username).strip()
    return unicodedata.normalize("NFKC", name.casefold())[:150]


def client_address(request) -> str:
    """Where a request comes from: ``REMOTE_ADDR``, unless that is a trusted proxy (``NEWSROOM_TRUSTED_PROXIES``).

    Behind trusted proxies, ``X-Forwarded-For`` is read from the right (each proxy appends the address
    it got the request from) and the first address that is not a trusted proxy is the client's; what
    the client itself put in the header stands to the left of it and is never reached.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = _trusted_proxies(tuple(settings.NEWSROOM_TRUSTED_PROXIES))
    if not proxies or not _is_proxy(remote, proxies):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_proxy(hop, proxies):
            return _canonical(hop)
    return remote  # nothing but proxies: the request began at one of them


@functools.cache
def _trusted_proxies(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def _is_proxy(address: str, proxies: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def _canonical(address: str) -> str:
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:  # not an address: counted as given (a key of its own, never anyone else's)
        return address[:64]


def _too_many() -> HttpResponse:
    minutes = max(1, settings.NEWSROOM_LOGIN_LOCKOUT_SECONDS // 60)
    response = HttpResponse(
        f"<!doctype html><meta charset=utf-8><title>请稍后再试</title><p>登录失败次数过多,请 {minutes} 分钟后再试。</p>",
        status=429,
    )
    response["Retry-After"] = str(settings.NEWSROOM_LOGIN_LOCKOUT_SECONDS)
    return response
