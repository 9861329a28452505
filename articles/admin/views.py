"""The admin's pages beyond lists and forms: preview, statistics, an action's options, merging people.

Each is a function of the ModelAdmin that links it (``get_urls``), which decides who may open it.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import people, stats, workflow
from ..models import Article, Person


def article_preview(model_admin, request, pk):
    """The draft exactly as readers will see it: the public template and context, any status."""
    from .. import views

    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if not model_admin.get_queryset(request).filter(pk=pk).exists():
        raise Http404
    article = get_object_or_404(Article.objects.with_related().prefetch_related("corrections"), pk=pk)
    if article.published_at is None:  # not saved: shows the time it would carry if published now
        article.published_at = timezone.now()
    context = views._article_context(request, article, article.get_absolute_url())
    response = TemplateResponse(request, "articles/article_detail.html", {**context, "is_preview": True})
    response["X-Robots-Tag"] = "noindex"
    return response


def action_form(model_admin, request, queryset, form, action, title):
    """The page between choosing an action and applying it; it re-posts the selection."""
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": model_admin.model._meta,
        "form": form,
        "action": action,
        "count": queryset.count(),
        "sample": queryset.order_by()[:20],
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/articles/article/action_form.html", context)


def _stats_params(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form = stats.StatsForm(request.GET or None)
    start, end = form.range() if form.is_bound and form.is_valid() else stats.default_range()
    return form, {"start": start, "end": end, **form.filters()}


def article_stats(model_admin, request):
    form, params = _stats_params(model_admin, request)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("发稿统计"),
        "opts": model_admin.model._meta,
        "form": form,
        "rows": stats.output_stats(**params),
        "chart": stats.bar_chart(stats.person_totals(**params)),
        "start": params["start"],
        "end": params["end"],
        "query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "admin/articles/article/stats.html", context)


def article_stats_csv(model_admin, request):
    form, params = _stats_params(model_admin, request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"fagao-{params['start']:%Y%m%d}-{params['end']:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # Excel needs the BOM to read UTF-8
    stats.write_csv(response, stats.output_stats(**params))
    return response


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        Person.objects.none(), label=_("保留的人员"), widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args, people_, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = people_


def merge_people(model_admin, request):
    if not model_admin.has_merge_permission(request):
        raise PermissionDenied
    ids = [int(pk) for pk in request.GET.get("ids", "").split(",") if pk.strip().isdigit()]
    candidates = (
        model_admin.get_queryset(request).filter(pk__in=ids).annotate(n_bylines=Count("bylines", distinct=True))
    )
    if len(candidates) < 2:
        model_admin.message_user(request, _("请至少选两位人员再合并。"), messages.WARNING)
        return HttpResponseRedirect(reverse("admin:articles_person_changelist"))
    initial = {"into": request.GET.get("into") or max(candidates, key=lambda p: p.n_bylines).pk}
    form = MergeForm(request.POST or None, initial=initial, people_=candidates)
    if request.method == "POST" and form.is_valid():
        into = form.cleaned_data["into"]
        others = [person for person in candidates if person.pk != into.pk]
        result = workflow.merge_people(into=into, others=others, by=request.user)
        model_admin.message_user(
            request,
            _("已把 %(others)s 合并到 %(into)s:移动署名 %(moved)d 条,去掉重复署名 %(dropped)d 条。")
            % {
                "others": "、".join(result.aliases),
                "into": into.name,
                "moved": result.bylines_moved,
                "dropped": result.bylines_dropped,
            },
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:articles_person_change", args=[into.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("合并人员"),
        "opts": model_admin.model._meta,
        "form": form,
        "candidates": candidates,
    }
    return TemplateResponse(request, "admin/articles/person/merge.html", context)


def likely_duplicates(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("可能重复的人员"),
        "opts": model_admin.model._meta,
        "pairs": people.likely_duplicates(),
        "can_merge": model_admin.has_merge_permission(request),
    }
    return TemplateResponse(request, "admin/articles/person/duplicates.html", context)
