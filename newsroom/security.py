"""Two middlewares the framework does not ship: a Content Security Policy header, and a throttle on admin login.

The policy allows scripts from the site only. The article page's JSON-LD is a data block
(``type="application/ld+json"``), which browsers never execute, so it needs no exception.
Inline ``<style>`` is allowed (the admin uses it); inline script is not.

The throttle counts failed admin logins in the cache, per account and per client address,
and answers 429 for a while once either passes its limit, without checking the password,
so guessing costs hours instead of seconds. With ``REDIS_URL`` set every web process shares
the counts; otherwise each process counts on its own (still a hard cap per process).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse


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
    username = (request.POST.get("username") or "").strip().lower()[:150]
    digest = hashlib.sha256(username.encode("utf-8")).hexdigest()[:32]
    address = request.META.get("REMOTE_ADDR", "")
    return {"user": f"login-failures:user:{digest}", "address": f"login-failures:address:{address}"}


def _too_many() -> HttpResponse:
    minutes = max(1, settings.NEWSROOM_LOGIN_LOCKOUT_SECONDS // 60)
    response = HttpResponse(
        f"<!doctype html><meta charset=utf-8><title>请稍后再试</title><p>登录失败次数过多,请 {minutes} 分钟后再试。</p>",
        status=429,
    )
    response["Retry-After"] = str(settings.NEWSROOM_LOGIN_LOCKOUT_SECONDS)
    return response
