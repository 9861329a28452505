"""The readers' pages. Every list starts from ``Article.objects.listed()`` (published, and no
advertising: that is shown only on its e-paper page, which starts from ``published()``) and runs
a small, fixed number of queries whatever the size of the archive."""

import calendar
import datetime
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from taggit.models import Tag, TaggedItem

from . import page_files, renditions
from . import results as search_results
from . import search as search_index
from .filters import ArticleFilter
from .models import Article, Issue, Page, PageCredit, Person, PersonAlias, Role, Section
from .pagination import keyset_page

PER_PAGE = 20
HOME_PER_SECTION = 5
FEATURED = 4
RELATED = 5
RELATED_WINDOW = datetime.timedelta(days=14)  # related stories come from the same weeks, either side
TAG_COUNT_CAP = 1000
ROLE_COUNT_CAP = 1000
SEARCH_PER_PAGE = 20


def public_articles(*, tags: bool = False):
    """Listed articles with what a list prints (section, page, bylines); ``tags=True`` adds their tags."""
    return Article.objects.listed().with_related(tags=tags)


def public_links():
    """Listed articles for lists of links: enough to print a headline, date and address."""
    return Article.objects.listed().select_related("section", "page__issue")


def _canonical(request, url):
    return request.build_absolute_uri(url)


def _page_url(request, **params):
    query = request.GET.copy()
    for key, value in params.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return f"?{query.urlencode()}" if query else request.path


def _list_context(request, queryset, canonical_url, data=None, **extra):
    """A filtered, keyset-paged article list."""
    filterset = ArticleFilter(request.GET if data is None else data, queryset=queryset)
    page = keyset_page(filterset.qs, request.GET.get("before"), PER_PAGE)
    return {
        "filter": filterset,
        "page_obj": page,
        "next_url": _page_url(request, before=page.next_cursor) if page.next_cursor else None,
        "first_url": None if page.is_first else _page_url(request, before=None),
        "canonical_url": _canonical(request, canonical_url),
        **extra,
    }


@require_safe
def home(request):
    sections = list(Section.objects.all())
    stories = Article.objects.listed()
    latest_issue = _public_issues().first()
    # The front of the latest printed edition leads the site.
    featured_ids = []
    if latest_issue:
        front_page = (
            Page.objects.filter(issue=latest_issue)
            .filter(Exists(stories.filter(page=OuterRef("pk"))))
            .order_by(F("number").asc(nulls_last=True), "pk")
            .values("pk")[:1]
        )
        featured_ids = list(
            stories.filter(page=Subquery(front_page))
            .order_by("position", "pk")
            .values_list("pk", flat=True)[:FEATURED]
        )
    others = stories.exclude(pk__in=featured_ids) if featured_ids else stories
    wanted = [Article.objects.filter(pk__in=featured_ids).values("pk")] if featured_ids else []
    wanted += [
        others.filter(section=section).order_by("-published_at", "-pk").values("pk")[:HOME_PER_SECTION]
        for section in sections
    ]
    articles = {a.pk: a for a in public_articles().filter(pk__in=_union_all(wanted))} if wanted else {}
    front_featured = bool(featured_ids)
    if not featured_ids:
        featured_ids = sorted(articles, key=lambda pk: (articles[pk].published_at, pk), reverse=True)[:FEATURED]
    blocks = []
    for section in sections:
        items = [a for a in articles.values() if a.section_id == section.pk and a.pk not in featured_ids]
        if items:
            items.sort(key=lambda a: (a.published_at, a.pk), reverse=True)
            blocks.append((section, items))
    return render(
        request,
        "articles/home.html",
        {
            # The stories of the latest front page are its 头条; without a printed page, the latest ones.
            "featured_title": "头条" if front_featured else "最新",
            "featured": [articles[pk] for pk in featured_ids if pk in articles],
            "section_blocks": blocks,
            "latest_issue": latest_issue,
            "canonical_url": _canonical(request, reverse("articles:home")),
        },
    )


def _union_all(querysets):
    """One subquery: the rows of every (sliced) queryset, each read through its own index.

    ``QuerySet.union()`` cannot take sliced querysets on SQLite, and ``Q(pk__in=...) | Q(...)``
    makes PostgreSQL scan the whole table; wrapping each part in ``SELECT * FROM (...)`` works on both.
    """
    parts, params = [], []
    for n, queryset in enumerate(querysets):
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS part{n}")
        params.extend(part_params)
    return RawSQL(" UNION ALL ".join(parts), params)


@require_safe
def article_detail(request, year, month, day, pk):
    article = get_object_or_404(public_articles(tags=True).prefetch_related("corrections"), pk=pk)
    url = article.get_absolute_url()
    if request.path != url:
        return redirect(url, permanent=True)
    return render(request, "articles/article_detail.html", _article_context(request, article, url))


@require_safe
def article_redirect(request, pk):
    """Short and outdated addresses of an article lead to its canonical one."""
    article = get_object_or_404(Article.objects.listed().select_related("page__issue"), pk=pk)
    return redirect(article, permanent=True)


def _article_context(request, article, url):
    # One query for the neighbours on the page and both ends of a continuation.
    around = Q(pk=article.continues_id) | Q(continues=article)
    if article.page_id:
        around |= Q(page=article.page_id)
    nearby = list(public_links().filter(around).exclude(pk=article.pk).order_by("position", "pk"))
    same_page = [a for a in nearby if a.page_id and a.page_id == article.page_id]
    before = [a for a in same_page if (a.position, a.pk) < (article.position, article.pk)]
    after = [a for a in same_page if (a.position, a.pk) > (article.position, article.pk)]
    continued_from = next((a for a in nearby if a.pk == article.continues_id), None)
    continued_to = next((a for a in nearby if a.continues_id == article.pk), None)

    tags = list(article.tags.all())
    related = []
    if tags:
        # The content type by id (cached), not joined: with the join PostgreSQL read every link of a common tag.
        shares_tag = TaggedItem.objects.filter(
            content_type_id=ContentType.objects.get_for_model(Article).pk,
            object_id=OuterRef("pk"),
            tag_id__in=[t.pk for t in tags],
        )
        # Stories of the same weeks: a bounded window keeps this cheap on a million articles.
        window = (article.published_at - RELATED_WINDOW, article.published_at + RELATED_WINDOW)
        related = list(
            public_links().filter(Exists(shares_tag), published_at__range=window).exclude(pk=article.pk)[:RELATED]
        )
    absolute_url = _canonical(request, url)
    return {
        "article": article,
        "show_dateline": bool(article.dateline) and not article.body.lstrip().startswith(article.dateline),
        "bylines": list(article.bylines.all()),
        "tags": tags,
        "previous_article": before[-1] if before else None,
        "next_article": after[0] if after else None,
        "continued_from": continued_from,
        "continued_to": continued_to,
        "related": related,
        "canonical_url": absolute_url,
        "json_ld": _news_article_json_ld(request, article, absolute_url),
    }


def _news_article_json_ld(request, article, absolute_url):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": absolute_url,
        "url": absolute_url,
        "headline": article.headline,
        "inLanguage": "zh-CN",
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "author": [
            {"@type": "Person", "name": b.person.name, "url": _canonical(request, b.person.get_absolute_url())}
            for b in article.bylines.all()
            if b.role != Role.EDITOR
        ],
        "publisher": {"@type": "Organization", "name": settings.NEWSROOM_SITE_NAME},
        "keywords": [t.name for t in article.tags.all()],
    }
    if images := [request.build_absolute_uri(renditions.share_url(p)) for p in article.photos.all()]:
        data["image"] = images
    if article.subheadline:
        data["alternativeHeadline"] = article.subheadline
    if article.section:
        data["articleSection"] = article.section.name
    if article.page:
        data["printEdition"] = f"{article.page.issue.printed_on:%Y-%m-%d}"
        if article.page.number:
            data["printPage"] = str(article.page.number)
        if article.page.name:
            data["printSection"] = article.page.name
    return data


@require_safe
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    context = _list_context(
        request, public_articles().in_section(section), section.get_absolute_url(), section=section
    )
    return render(request, "articles/section_detail.html", context)


@require_safe
def person_detail(request, slug):
    person = Person.objects.filter(slug=slug).first()
    if person is None:
        # A person merged into another: their old address leads to the kept person for good (issue 20).
        alias = PersonAlias.objects.select_related("person").filter(slug=slug).first()
        if alias is None:
            raise Http404("没有这个人")
        return HttpResponsePermanentRedirect(alias.person.get_absolute_url())
    # Counted over the person's latest ROLE_COUNT_CAP bylines ("1000+" beyond): a prolific reporter has tens of
    # thousands.
    latest = list(person.bylines.listed().order_by("-article_id").values_list("role", flat=True)[: ROLE_COUNT_CAP + 1])
    capped = len(latest) > ROLE_COUNT_CAP
    counts = {role: f"{n}+" if capped else n for role, n in Counter(latest[:ROLE_COUNT_CAP]).items()}
    if not counts:
        raise Http404("没有此人署名的已发布稿件")
    roles = [(value, label, counts[value]) for value, label in Role.choices if value in counts]
    # The person page lists the person's articles whatever ``?person=`` says.
    data = request.GET.copy()
    data["person"] = person.slug
    context = _list_context(
        request,
        public_articles(),
        person.get_absolute_url(),
        data=data,
        person=person,
        roles=roles,
        current_role=request.GET.get("role", ""),
    )
    return render(request, "articles/person_detail.html", context)


@require_safe
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    tagged = Article.objects.listed().filter(tags=tag)
    count = tagged.values("pk")[: TAG_COUNT_CAP + 1].count()
    if not count:
        raise Http404("没有此标签的已发布稿件")
    context = _list_context(
        request,
        public_articles().filter(tags=tag),
        reverse("articles:tag", kwargs={"slug": tag.slug}),
        tag=tag,
        count=min(count, TAG_COUNT_CAP),
        count_capped=count > TAG_COUNT_CAP,
    )
    return render(request, "articles/tag_detail.html", context)


@require_safe
def search(request):
    query = search_index.capped_query(request.GET.get("q", ""))
    filterset = ArticleFilter(request.GET, queryset=public_articles())
    try:
        page_number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page_number = 1
    max_pages = search_index.SEARCH_WINDOW // SEARCH_PER_PAGE
    page_number = min(page_number, max_pages)
    results, terms, has_next = [], [], False
    too_short = bool(query) and len(query) < search_index.MIN_QUERY_LENGTH
    if query and not too_short:
        terms = search_index.highlight_terms(query)
        start = (page_number - 1) * SEARCH_PER_PAGE
        results = search_results.results(filterset.qs, query, start=start, stop=start + SEARCH_PER_PAGE + 1)
        has_next = len(results) > SEARCH_PER_PAGE and page_number < max_pages
        results = results[:SEARCH_PER_PAGE]
    return render(
        request,
        "articles/search.html",
        {
            "query": query,
            "filter": filterset,
            "results": results,
            "terms": terms,
            "too_short": too_short,
            "page_number": page_number,
            "next_url": _page_url(request, page=str(page_number + 1)) if has_next else None,
            "previous_url": _page_url(request, page=str(page_number - 1) if page_number > 2 else None)
            if page_number > 1
            else None,
            "canonical_url": _canonical(request, reverse("articles:search")),
            "noindex": True,
        },
    )


def _public_issues():
    return Issue.objects.filter(Exists(Article.objects.published().filter(page__issue=OuterRef("pk"))))


@require_safe
def epaper(request):
    """The archive of printed editions: a month's calendar, with links to the other months."""
    months = list(_public_issues().dates("printed_on", "month", order="DESC"))
    if not months:
        return render(
            request, "articles/epaper.html", {"months": [], "canonical_url": _canonical(request, request.path)}
        )
    month = months[0]
    try:
        requested = datetime.datetime.strptime(request.GET.get("month", ""), "%Y-%m").date()
    except ValueError:
        requested = None
    if requested in months:
        month = requested
    last_day = calendar.monthrange(month.year, month.month)[1]
    issues = {
        issue.printed_on: issue
        for issue in _public_issues().filter(printed_on__range=(month, month.replace(day=last_day)))
    }
    weeks = [
        [(day, issues.get(day)) if day.month == month.month else (None, None) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    ]
    years = {}
    for m in months:
        years.setdefault(m.year, []).append(m)
    return render(
        request,
        "articles/epaper.html",
        {
            "month": month,
            "weeks": weeks,
            "years": sorted(years.items(), reverse=True),
            "months": months,
            "canonical_url": _canonical(request, reverse("articles:epaper")),
        },
    )


def _issue_or_404(year, month, day):
    try:
        printed_on = datetime.date(year, month, day)
    except ValueError:
        raise Http404("日期无效") from None
    return get_object_or_404(Issue, printed_on=printed_on)


def _issue_pages(issue):
    """Every page of the issue in print order, numbered (``Page.number_in_issue``), each marked ``is_public``
    when it prints a published article or ad."""
    pages = Page.number_in_issue(
        Page.objects.filter(issue=issue)
        .annotate(is_public=Exists(Article.objects.published().filter(page=OuterRef("pk"))))
        .order_by(*Page.PRINT_ORDER)
    )
    for page in pages:
        page.issue = issue
    return [page for page in pages if page.is_public]


@require_safe
def issue_detail(request, year, month, day):
    issue = _issue_or_404(year, month, day)
    pages = _issue_pages(issue)
    if not pages:
        raise Http404("本期没有已发布的稿件")
    # Advertising and notices are listed with their page, labelled and unlinked: they have no page of their own.
    printed = {}
    for article in Article.objects.published().filter(page__in=pages).order_by("position", "pk"):
        printed.setdefault(article.page_id, []).append(article)
    return render(
        request,
        "articles/issue_detail.html",
        {
            "issue": issue,
            "pages": [(page, printed.get(page.pk, [])) for page in pages],
            "canonical_url": _canonical(request, issue.get_absolute_url()),
        },
    )


@require_safe
def page_detail(request, year, month, day, page_id):
    issue = _issue_or_404(year, month, day)
    pages = _issue_pages(issue)
    page = next((p for p in pages if p.pk == page_id), None)
    if page is None:
        raise Http404("本版没有已发布的稿件")
    # The page as printed: its articles, and its advertising and notices, labelled (``Article.print_label``).
    articles = list(Article.objects.published().with_related(tags=False).filter(page=page).order_by("position", "pk"))
    for article in articles:
        article.page = page  # numbered by its place in the issue
    # The page's editors as printed under it (责任编辑/胡乐 美术编辑/张武): one query.
    staff = PageCredit.objects.filter(page=page).select_related("person").order_by("order", "pk")
    index = pages.index(page)
    return render(
        request,
        "articles/page_detail.html",
        {
            "issue": issue,
            "page": page,
            "articles": articles,
            "staff": list(staff),
            "pages": pages,
            "previous_page": pages[index - 1] if index > 0 else None,
            "next_page": pages[index + 1] if index + 1 < len(pages) else None,
            # The printed page, its areas linking the articles readers can open (not the ads: they have no page).
            "printed": page_files.printed_page(page, [a for a in articles if a.is_editorial]),
            "canonical_url": _canonical(request, page.get_absolute_url()),
        },
    )


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /api/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
