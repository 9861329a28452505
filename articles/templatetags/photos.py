"""Photos in the public pages: figures on the article page, thumbnails in lists, ``og:image``.

They read only ``article.photos.all`` (prefetched with the article) and compute every address and
size without touching a file (articles/renditions.py).
"""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join

from articles import renditions

register = template.Library()


@register.inclusion_tag("includes/photo_figure.html")
def photo_figure(photo):
    return renditions.figure(photo)


@register.simple_tag
def placed_photos(article) -> dict:
    """The article's photos: ``by_caption``, those shown where the body prints their caption (a ``> `` line,
    as imported), and ``lead``, the others, shown above the text."""
    captions = {block.text for block in article.blocks if block.kind == "caption"}
    by_caption, lead = {}, []
    for photo in article.photos.all():
        if photo.caption in captions and photo.caption not in by_caption:
            by_caption[photo.caption] = photo
        else:
            lead.append(photo)
    return {"by_caption": by_caption, "lead": lead}


@register.simple_tag
def caption_block(block, placed):
    """A body's photo caption: the photo itself when the article has it, else the caption alone."""
    photo = placed["by_caption"].get(block.text)
    if photo is not None:
        return render_to_string("includes/photo_figure.html", renditions.figure(photo))
    return format_html('<p class="caption">{}</p>', linebreaksbr(block.text, autoescape=True))


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
