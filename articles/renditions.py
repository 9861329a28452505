"""Renditions of photos, made by django-imagekit when a photo is saved, and what templates print for them.

Each size exists in JPEG and WebP (``<picture>`` offers WebP to browsers that take it). Names are
derived from the photo's file name and the spec (``renditions/photos/2024/01/<photo>/<hash>.jpg``), and
every width and height is computed from the photo's stored size, so printing a photo reads no file
and runs no query: a page's cost does not depend on how many photos it shows.
"""

from imagekit.models import ImageSpecField
from pilkit.processors import ResizeToFill, ResizeToFit

# name -> (processor, fill: cropped to exactly this box, else fitted to this width, never enlarged)
SIZES = {
    "thumb": ((240, 160), True),
    "thumb2x": ((480, 320), True),
    "w480": ((480, None), False),
    "w960": ((960, None), False),
    "w1600": ((1600, None), False),
}
FORMATS = {
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
    "webp": ("WEBP", {"quality": 80}),
}
ARTICLE_SIZES = ("w480", "w960", "w1600")
# The article column is 720 px wide (site.css .story), the whole screen below that.
ARTICLE_SIZES_ATTRIBUTE = "(max-width: 752px) calc(100vw - 32px), 720px"


def field_name(size: str, fmt: str) -> str:
    return f"{size}_{fmt}"


def add_fields(model) -> None:
    """Give ``model`` (with an ImageField ``image``) one ImageSpecField per size and format."""
    for size, ((width, height), fill) in SIZES.items():
        processor = ResizeToFill(width, height) if fill else ResizeToFit(width=width, upscale=False)
        for fmt, (pillow_format, options) in FORMATS.items():
            spec = ImageSpecField(source="image", processors=[processor], format=pillow_format, options=options)
            model.add_to_class(field_name(size, fmt), spec)


def dimensions(photo, size: str) -> tuple[int, int]:
    """The rendition's width and height, as pilkit makes it, from the photo's own size."""
    (width, height), fill = SIZES[size]
    if fill:
        return width, height
    if not photo.width or photo.width <= width:
        return photo.width, photo.height
    ratio = float(width) / photo.width
    return int(round(photo.width * ratio)), int(round(photo.height * ratio))


def url(photo, size: str, fmt: str = "jpeg") -> str:
    return getattr(photo, field_name(size, fmt)).url


def names(photo) -> list[str]:
    """Every rendition's storage name (whether made yet or not)."""
    return [getattr(photo, field_name(size, fmt)).name for size in SIZES for fmt in FORMATS]


def srcset(photo, sizes, fmt: str = "jpeg") -> str:
    """``a.jpg 480w, b.jpg 960w``: one entry per distinct width (a small photo is not enlarged)."""
    seen, entries = set(), []
    for size in sizes:
        width = dimensions(photo, size)[0]
        if width not in seen:
            seen.add(width)
            entries.append(f"{url(photo, size, fmt)} {width}w")
    return ", ".join(entries)


def figure(photo) -> dict:
    """What ``includes/photo_figure.html`` prints for a photo on its article's page."""
    width, height = dimensions(photo, "w960")
    return {
        "photo": photo,
        "src": url(photo, "w960"),
        "width": width,
        "height": height,
        "srcset": srcset(photo, ARTICLE_SIZES),
        "webp_srcset": srcset(photo, ARTICLE_SIZES, "webp"),
        "sizes": ARTICLE_SIZES_ATTRIBUTE,
    }


def thumbnail(photo) -> dict:
    width, height = dimensions(photo, "thumb")
    return {
        "photo": photo,
        "src": url(photo, "thumb"),
        "srcset": f"{url(photo, 'thumb')} 1x, {url(photo, 'thumb2x')} 2x",
        "webp_srcset": f"{url(photo, 'thumb', 'webp')} 1x, {url(photo, 'thumb2x', 'webp')} 2x",
        "width": width,
        "height": height,
    }


def share_url(photo) -> str:
    """The rendition given to other sites (og:image, JSON-LD, the API's ``image``): the largest JPEG."""
    return url(photo, "w1600")
