"""Template helpers for the public pages. Everything returned is escaped first."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import search
from articles.body import PARAGRAPH

register = template.Library()

# As in django.utils.html.json_script: nothing in the data can close the <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """``<script type="application/ld+json">`` holding ``data``, safe for any text inside it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def highlight(text, terms):
    return search.highlight(text, terms)


@register.filter
def excerpt(text, terms):
    """About 120 characters of ``text`` around the first match of the search terms, highlighted."""
    return search.excerpt(text, terms)


@register.filter
def time_tag(when):
    """``<time datetime="2023-03-01T00:30:00+08:00">2023年3月1日 00:30</time>`` in the current time zone:
    the markup of ``date:'c'`` and ``date:"Y年n月j日 H:i"``, written without Django's ``date`` filter,
    which looks the language's formats up on every call (twice a row of every list)."""
    if when is None:
        return mark_safe('<time datetime=""></time>')
    if timezone.is_aware(when):
        when = timezone.localtime(when)
    # Digits, and the ISO form's -:.+T: nothing to escape.
    return mark_safe(  # noqa: S308
        f'<time datetime="{when.isoformat()}">{when.year:04d}年{when.month}月{when.day}日 '
        f"{when.hour:02d}:{when.minute:02d}</time>"
    )


@register.filter
def lead(article, length=90):
    """The first paragraph, cut to ``length`` characters."""
    text = next((block.text for block in article.blocks if block.kind == PARAGRAPH), "")
    text = " ".join(text.split())
    return text if len(text) <= int(length) else text[: int(length)] + "…"


@register.filter
def paragraphs(article):
    """The body's paragraphs as its e-paper page shows them: a notice's as printed, an ad's short
    slogans and figures run together in one paragraph."""
    texts = [block.text for block in article.blocks if block.kind == PARAGRAPH]
    if article.kind in (article.Kind.ADVERTISEMENT, article.Kind.PSA):
        return [" ".join(" ".join(texts).split())] if texts else []
    return texts


@register.filter
def print_line(page):
    """``2024年1月23日 第3版 综合·城区``."""
    if not page:
        return ""
    d = page.issue.printed_on
    return " ".join(part for part in (f"{d.year}年{d.month}月{d.day}日", page.display_label, page.name) if part)


@register.simple_tag
def byline_groups(bylines):
    """Consecutive bylines of one role together: [(role label, [person, ...]), ...]."""
    groups = []
    for byline in bylines:
        label = byline.get_role_display()
        if groups and groups[-1][0] == label:
            groups[-1][1].append(byline.person)
        else:
            groups.append((label, [byline.person]))
    return groups


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context):
    from articles.models import Section

    request = context.get("request")
    return {"sections": Section.objects.listed(), "path": request.path if request else ""}


@register.simple_tag
def site_name():
    return settings.NEWSROOM_SITE_NAME


@register.filter
def people_names(bylines):
    """Each person once, in byline order (a reporter who also took the photos is listed once)."""
    names = []
    for byline in bylines:
        if byline.person.name not in names:
            names.append(byline.person.name)
    return names


@register.filter
def weekday(day):
    """``星期二``, whatever language the browser asked for."""
    return "星期" + "一二三四五六日"[day.weekday()]
