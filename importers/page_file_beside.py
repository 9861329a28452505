"""The printed page that arrives with a page dump: ``NAME.txt`` with ``NAME.pdf`` (or a scan ``NAME.png``,
``NAME.jpg``, ``NAME.jpeg``, ``NAME.webp``) beside it.

The file goes the admin upload's way (``articles.page_files``): ``prepare`` checks it (by its content, never
its name) and renders a PDF before the dump is loaded, so a file that cannot be used fails the dump with
nothing of it written; ``attach`` stores it as the page's 版面图 once the dump is loaded and places the
page's articles on it. A PDF is preferred to a scan when both are there. The same PDF imported again is
left as it is (the areas an editor corrected stay as they are either way).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File

from articles import page_files
from articles.models import Page, PageImage

SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".webp")


class Refused(Exception):
    """A page file that cannot be used; the message (Chinese) names it and says why."""


@dataclass
class PageFileReport:
    name: str
    placed: page_files.Report | None = None  # None: not stored (a dry run, or the same PDF as before)
    unchanged: bool = False

    def describe(self) -> str:
        if self.unchanged:
            return f"版面文件 {self.name} 与已有的相同,未变"
        if self.placed is None:
            return f"版面文件 {self.name} 可用(试运行,未保存)"
        if not self.placed.has_text:
            return f"版面文件 {self.name} 已保存(扫描图,没有文字位置:本版 {self.placed.total} 篇稿件的区域请在后台“版面图”中画出)"
        return f"版面文件 {self.name} 已保存,{self.placed.message().rstrip('。')}"

    def as_dict(self) -> dict:
        data = {"file": self.name, "unchanged": self.unchanged, "stored": self.placed is not None}
        if self.placed is not None:
            data |= {
                "articles": self.placed.total,
                "placed": self.placed.placed_count,
                "has_text": self.placed.has_text,
            }
        return data


def find(page_file: Path) -> Path | None:
    """The PDF or scan beside ``page_file`` with its name (``2024-01-22_03.txt`` → ``2024-01-22_03.pdf``)."""
    page_file = Path(page_file)
    try:
        modified = page_file.parent.stat().st_mtime_ns
    except OSError:
        return None
    name = _page_files_in(page_file.parent, modified).get(page_file.stem)
    return page_file.parent / name if name else None


@functools.lru_cache(maxsize=64)
def _page_files_in(folder: Path, modified: int) -> dict[str, str]:
    """``{stem: file name}`` of a folder's PDFs and scans (a PDF first), read once however many dumps it holds."""
    found: dict[str, tuple[int, str]] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            stem, dot, suffix = entry.name.rpartition(".")
            rank = SUFFIXES.index(f".{suffix.lower()}") if dot and f".{suffix.lower()}" in SUFFIXES else None
            if rank is not None and (stem not in found or rank < found[stem][0]) and entry.is_file():
                found[stem] = (rank, entry.name)
    return {stem: name for stem, (_, name) in found.items()}


def prepare(path: Path) -> page_files.Prepared:
    """Check and render the file as the admin upload does; ``Refused`` with the reason if it cannot be used."""
    try:
        with path.open("rb") as handle:
            return page_files.prepare(File(handle, name=path.name))
    except ValidationError as error:
        raise Refused(f"版面文件 {path.name} 不能用:{';'.join(error.messages)}(本版未导入)") from None
    except OSError as error:
        raise Refused(f"版面文件 {path.name} 读不出:{error.strerror or error}(本版未导入)") from None


def attach(page: Page | None, path: Path, prepared: page_files.Prepared) -> PageFileReport:
    """Store ``prepared`` as ``page``'s printed page; ``Refused`` when the dump made no page to attach it to."""
    if page is None:
        raise Refused(f"版面文件 {path.name} 未保存:这份文件没有出版日期和版次,无法确定是哪一版(稿件已导入)")
    page_image = PageImage.objects.filter(page=page).first() or PageImage(page=page)
    if prepared.pdf is not None and page_image.pk and _same_pdf(page_image, prepared):
        return PageFileReport(path.name, unchanged=True)
    return PageFileReport(path.name, placed=page_files.attach(page_image, prepared))


def _same_pdf(page_image: PageImage, prepared: page_files.Prepared) -> bool:
    if not page_image.pdf or page_image.pdf_size != prepared.pdf.size:
        return False
    prepared.pdf.seek(0)
    new = prepared.pdf.read()
    prepared.pdf.seek(0)
    with page_image.pdf.open("rb") as stored:
        return stored.read() == new
