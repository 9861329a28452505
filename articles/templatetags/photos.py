"""Photos in the public pages: ``{% photo_figure photo %}``, ``{% photo_thumbnail article %}``, ``{% photo_meta article %}``.

They read only ``article.photos.all`` (prefetched with the article) and compute every address and
size without touching a file (articles/renditions.py).
"""

from django import template
from django.utils.html import format_html_join

from articles import renditions

register = template.Library()


@register.inclusion_tag("includes/photo_figure.html")
def photo_figure(photo):
    return renditions.figure(photo)


@register.inclusion_tag("includes/photo_thumbnail.html")
def photo_thumbnail(article):
    """The article's first photo, small; an empty box of the same size when it has none."""
    photo = next(iter(article.photos.all()), None)
    return {"article": article, **(renditions.thumbnail(photo) if photo else {"photo": None})}


@register.simple_tag(takes_context=True)
def photo_meta(context, article):
    """``og:image`` (with its size) for the article's first photo; nothing when it has none."""
    photo = next(iter(article.photos.all()), None)
    if photo is None:
        return ""
    width, height = renditions.dimensions(photo, "w1600")
    url = context["request"].build_absolute_uri(renditions.share_url(photo))
    tags = [("og:image", url), ("og:image:width", width), ("og:image:height", height)]
    if photo.caption:
        tags.append(("og:image:alt", photo.caption))
    return format_html_join("\n", '<meta property="{}" content="{}">', tags)
