"""Photos that arrive with a page dump: ``NAME.txt`` with a folder ``NAME/`` beside it, or ``NAME-1.jpg``, ``NAME-2.jpg``…

After a page is imported, its images are given, in order, to the page's photo slots in print order:
every photo news item (图片新闻) has one, and any item has one per photo caption (``> `` in its body)
beyond that; each slot's caption is its caption block (a photo news item without one: its text). Each
image is checked and cleaned like an upload (``articles.photos.prepare``); the credit is the item's
photographer. Importing again adds nothing where a slot already has its photo. Images that find no
slot, or that are refused, are reported with the reason.
"""

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction

from articles import photos
from articles.models import Article, Page


@dataclass
class PhotoReport:
    attached: list[tuple[str, str]] = field(default_factory=list)  # (image name, headline)
    kept: int = 0  # slots that already had their photo
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (image name, reason)

    def as_dict(self) -> dict:
        return {
            "attached": [{"image": name, "headline": headline} for name, headline in self.attached],
            "kept": self.kept,
            "unplaced": [{"image": name, "reason": reason} for name, reason in self.unplaced],
        }

    def describe(self) -> str:
        text = f"图片 配上 {len(self.attached)} 张"
        if self.kept:
            text += f",已有 {self.kept} 张"
        if self.unplaced:
            text += ";未能配上:" + "、".join(f"{name}({reason})" for name, reason in self.unplaced)
        return text


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def images_beside(page_file: Path) -> list[Path]:
    """The files that came with ``page_file``: its folder's files, else ``NAME-1.*``, ``NAME-2.*``… in number order."""
    page_file = Path(page_file)
    folder = page_file.with_suffix("")
    if folder.is_dir():
        files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
        return sorted(files, key=lambda p: _natural(p.name))
    parent = page_file.parent
    try:
        modified = parent.stat().st_mtime_ns
    except OSError:
        return []
    return [parent / name for name in _numbered(parent, modified).get(page_file.stem, [])]


_NUMBERED = re.compile(r"(?P<stem>.+)-(?P<number>\d+)\.[A-Za-z0-9]+")


@functools.lru_cache(maxsize=64)
def _numbered(folder: Path, modified: int) -> dict[str, list[str]]:
    """``{NAME: ["NAME-1.jpg", "NAME-2.png", ...]}`` for a folder, read once however many pages it holds."""
    found: dict[str, list[tuple[int, str]]] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            match = _NUMBERED.fullmatch(entry.name)
            if match and entry.is_file():
                found.setdefault(match["stem"], []).append((int(match["number"]), entry.name))
    return {stem: [name for _, name in sorted(names)] for stem, names in found.items()}


def photo_slots(page: Page) -> list[tuple[Article, int, str]]:
    """``(article, order, caption)`` for each photo printed on the page, in print order."""
    slots = []
    for article in page.articles.order_by("position", "pk"):
        blocks = article.blocks
        captions = [block.text for block in blocks if block.kind == "caption"]
        if not captions and article.kind == Article.Kind.PHOTO:
            captions = ["\n".join(block.text for block in blocks if block.kind == "paragraph")]
        slots += [(article, n, caption) for n, caption in enumerate(captions, start=1)]
    return slots


def attach(page: Page, images: list[Path]) -> PhotoReport:
    report = PhotoReport()
    slots = photo_slots(page)
    taken = {(article_id, order) for article_id, order in page_photo_orders(page)}
    for n, path in enumerate(images):
        if n >= len(slots):
            report.unplaced.append((path.name, f"本版只有 {len(slots)} 处图片"))
            continue
        article, order, caption = slots[n]
        if (article.pk, order) in taken:
            report.kept += 1
            continue
        try:
            with path.open("rb") as handle, transaction.atomic():
                photos.add_photo(article, File(handle, name=path.name), caption=caption, order=order)
        except ValidationError as error:
            report.unplaced.append((path.name, ";".join(error.messages)))
        except OSError as error:
            report.unplaced.append((path.name, error.strerror or str(error)))
        else:
            report.attached.append((path.name, article.headline))
    return report


def page_photo_orders(page: Page):
    from articles.models import Photo

    return Photo.objects.filter(article__page=page).values_list("article_id", "order")


def attach_beside(page_file: Path, page: Page | None) -> PhotoReport | None:
    """Attach the images that came with ``page_file`` to ``page``; None when there are none."""
    images = images_beside(page_file)
    if not images:
        return None
    if page is None:
        return PhotoReport(unplaced=[(path.name, "没有导入版面") for path in images])
    return attach(page, images)
