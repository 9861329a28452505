"""``manage.py render_articles --site https://www.example.com/``: store the pages readers will ask for.

Readers' requests render and store an article page the first time it is asked for (and again after
a write or a deploy changed it: articles/renderings.py). This renders ahead of them: after a deploy,
after a restore, or for the archive a crawler is about to walk. Newest first; only articles whose
stored page is missing or out of date; ``--ids FILE`` takes the article ids to render (one a line).
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Exists, OuterRef, Q
from django.http.request import validate_host
from django.test import RequestFactory
from django.utils import timezone, translation
from tqdm import tqdm

from articles import renderings
from articles.models import Article, Rendering
from articles.views import render_and_store


class Command(BaseCommand):
    help = "预先渲染并保存稿件页面(读者访问时不必再渲染)。"

    def add_arguments(self, parser):
        parser.add_argument("--site", required=True, help="读者访问的网站地址,如 https://www.zzrb.example/")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="页面语言,默认 %(default)s")
        parser.add_argument("--limit", type=int, default=None, help="最多渲染多少篇(最新的在前)")
        parser.add_argument("--ids", type=Path, default=None, help="只渲染这些稿件:文件中每行一个编号")

    def handle(self, *args, site, language, limit, ids, **options):
        if not settings.NEWSROOM_STORED_RENDERINGS:
            raise CommandError("NEWSROOM_STORED_RENDERINGS 已关闭:页面不保存,无需预先渲染。")
        request = _reader_request(site)
        if language not in dict(settings.LANGUAGES):
            raise CommandError(f"不支持的语言 {language!r}:可选 {', '.join(dict(settings.LANGUAGES))}")
        with translation.override(language):
            key = renderings.variant(request.build_absolute_uri("/"), translation.get_language())
            todo = _missing(key)
            if ids is not None:
                todo = todo.filter(pk__in=_read_ids(ids))
            pks = list(todo.order_by("-published_at", "-pk").values_list("pk", flat=True)[:limit])
            rendered = 0
            for pk in tqdm(pks, unit="篇", disable=not sys.stderr.isatty(), file=sys.stderr):
                if render_and_store(request, pk, key) is not None:
                    rendered += 1
        self.stdout.write(f"已渲染并保存 {rendered} 篇稿件页面({site},{language})。")


def _reader_request(site: str):
    parts = urlsplit(site)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise CommandError(f"--site 应是完整的网站地址,如 https://www.zzrb.example/ ,而不是 {site!r}")
    hostname = parts.hostname or ""
    if not validate_host(hostname, settings.ALLOWED_HOSTS):
        raise CommandError(f"{hostname} 不在 DJANGO_ALLOWED_HOSTS 中:读者不会用这个地址访问。")
    request = RequestFactory().get("/", HTTP_HOST=parts.netloc, secure=parts.scheme == "https")
    request.user = AnonymousUser()
    return request


def _missing(key: str):
    """Articles with a page of their own (``listed()``) without a good stored page for this variant."""
    now = timezone.now()
    good = Rendering.objects.filter(article=OuterRef("pk"), variant=key, stamp=OuterRef("updated_at")).filter(
        ~Q(html=""), Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )
    return Article.objects.listed().filter(~Exists(good))


def _read_ids(path: Path) -> list[int]:
    try:
        lines = path.read_text(encoding="utf-8").split()
    except OSError as error:
        raise CommandError(f"读不了 {path}:{error.strerror}") from error
    try:
        return [int(line) for line in lines]
    except ValueError as error:
        raise CommandError(f"{path} 中应是每行一个稿件编号:{error}") from error
