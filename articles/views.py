from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .models import Article, Issue, Page, Person, Section


def public_articles():
    return Article.objects.published().with_related()


@require_safe
def home(request):
    page = Paginator(public_articles(), 20).get_page(request.GET.get("page"))
    return render(request, "articles/home.html", {"page_obj": page})


@require_safe
def article_detail(request, pk):
    article = get_object_or_404(public_articles(), pk=pk)
    return render(request, "articles/article_detail.html", {"article": article})


@require_safe
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = Paginator(public_articles().in_section(section), 20).get_page(request.GET.get("page"))
    return render(request, "articles/section_detail.html", {"section": section, "page_obj": page})


@require_safe
def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    page = Paginator(public_articles().by_person(person), 20).get_page(request.GET.get("page"))
    return render(request, "articles/person_detail.html", {"person": person, "page_obj": page})


@require_safe
def issue_detail(request, year, month, day):
    issue = get_object_or_404(Issue, printed_on__year=year, printed_on__month=month, printed_on__day=day)
    return render(request, "articles/issue_detail.html", {"issue": issue, "pages": issue.pages.all()})


@require_safe
def page_detail(request, year, month, day, page_id):
    page = get_object_or_404(Page.objects.select_related("issue"), pk=page_id, issue__printed_on__year=year)
    articles = public_articles().filter(page=page).order_by("position")
    return render(request, "articles/page_detail.html", {"page": page, "articles": articles})
