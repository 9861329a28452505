"""Read-only JSON API over published articles.

``GET /api/articles/``: the newest first, narrowed by the ArticleFilter parameters
(section, person, role, tag, kind, date_from, date_to) and ``q`` (search, best
first); paged with ``before`` (``next`` in the answer gives the address of the next
page). ``GET /api/articles/<id>/``: one article with its body as blocks.
"""

import functools

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from newsroom import errors

from . import search as search_index
from .filters import ArticleFilter
from .models import Article
from .pagination import keyset_page
from .photos import api_fields as photo_fields

PER_PAGE = 20
MAX_PER_PAGE = 100


def require_safe(view):
    """GET and HEAD only; anything else is a JSON 405 (other errors: newsroom/errors.py answers JSON under /api/)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = errors.json_error(405)
            response["Allow"] = "GET, HEAD"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _summary(request, article) -> dict:
    page = article.page
    return {
        "id": article.pk,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "kind": article.kind,
        "kicker": article.kicker,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "published_at": article.published_at.isoformat(),
        "updated_at": article.updated_at.isoformat(),
        "section": {"name": article.section.name, "slug": article.section.slug} if article.section else None,
        "print": {
            "issue_date": page.issue.printed_on.isoformat(),
            "page_number": page.number,
            "page_label": page.label,
            "page_name": page.name,
            "position": article.position,
        }
        if page
        else None,
        "bylines": [
            {
                "name": b.person.name,
                "slug": b.person.slug,
                "url": request.build_absolute_uri(b.person.get_absolute_url()),
                "role": b.role,
                "role_display": b.get_role_display(),
            }
            for b in article.bylines.all()
        ],
        "tags": [{"name": t.name, "slug": t.slug} for t in article.tags.all()],
        **photo_fields(request, article),
    }


def _per_page(request) -> int:
    try:
        return max(1, min(MAX_PER_PAGE, int(request.GET.get("limit", PER_PAGE))))
    except ValueError:
        return PER_PAGE


@require_safe
def article_list(request):
    filterset = ArticleFilter(request.GET, queryset=Article.objects.listed().with_related())
    if not filterset.is_valid():
        return _json({"errors": filterset.errors.get_json_data()}, status=400)
    per_page = _per_page(request)
    query = request.GET.get("q", "").strip()
    if query:
        if len(query) < search_index.MIN_QUERY_LENGTH:
            return _json({"errors": {"q": [{"message": "请至少输入两个字。", "code": "min_length"}]}}, status=400)
        results = search_index.search(filterset.qs, query, stop=per_page)
        return _json({"results": [_summary(request, a) | {"rank": a.search_rank} for a in results], "next": None})
    page = keyset_page(filterset.qs, request.GET.get("before"), per_page)
    next_url = None
    if page.next_cursor:
        params = request.GET.copy()
        params["before"] = page.next_cursor
        next_url = request.build_absolute_uri(f"{reverse('articles:api_article_list')}?{params.urlencode()}")
    return _json({"results": [_summary(request, a) for a in page], "next": next_url})


@require_safe
def article_detail(request, pk):
    article = get_object_or_404(Article.objects.listed().with_related(), pk=pk)
    data = _summary(request, article)
    data.update(
        series=article.series,
        dateline=article.dateline,
        body=[{"kind": block.kind, "text": block.text} for block in article.blocks],
        continued_from=article.continued_from,
        continued_to=article.continued_to,
    )
    return _json(data)
