"""Chinese on a rendered page: whether the server can draw the fonts a page PDF leaves out.

A PDF may name a font without embedding it: reportlab's built-in STSong-Light (the pages the tests set), and
some typesetting exports. pdfium then draws that text with a font of the server's, found among the system's
font folders (``/usr/share/fonts``...); on a server with no CJK font it has nothing for Chinese and draws
each character as an empty box, so the 版面图 readers see is unreadable (the clickable areas are not affected:
they come from the PDF's text, not its pixels). ``boxes_warning`` says so for a page, so the upload and
``import_pages`` can tell the editor; the fix is a CJK font on the server (README: ``fonts-noto-cjk``).
"""

from __future__ import annotations

import ctypes
import functools
import os
import re
import shutil
import subprocess

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Font files of the CJK fonts Debian packages: Noto / Source Han, WenQuanYi, AR PL, Droid fallback.
_CJK_FILE = re.compile(r"(?i)cjk|wqy|uming|ukai|droidsansfallback|sourcehan|notos[ae]\w*sc")
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", os.path.expanduser("~/.fonts"))


@functools.cache
def cjk_font_installed() -> bool:
    """A font with Chinese among the system's (fontconfig's list, else the font folders pdfium reads)."""
    if shutil.which("fc-list"):
        try:
            found = subprocess.run(
                ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
            )
            return bool(found.stdout.strip())
        except (OSError, subprocess.SubprocessError):
            pass
    for folder in FONT_FOLDERS:
        for _root, _dirs, files in os.walk(folder):
            if any(_CJK_FILE.search(name) for name in files):
                return True
    return False


def chinese_in_fonts_not_embedded(page) -> list[str]:
    """The names of the fonts ``page`` (a pypdfium2 page) sets Chinese in without embedding them."""
    import pypdfium2.raw as pdfium_c

    names: dict[str, None] = {}
    checked: set[int] = set()
    text_page = page.get_textpage()
    try:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
            font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
            key = ctypes.cast(font, ctypes.c_void_p).value
            if not font or key in checked or pdfium_c.FPDFFont_GetIsEmbedded(font):
                continue
            if _CJK.search(_text(pdfium_c, obj.raw, text_page.raw)):
                checked.add(key)
                names[_font_name(pdfium_c, font)] = None
    finally:
        text_page.close()
    return list(names)


def boxes_warning(page) -> str:
    """What to tell the editor when the page's Chinese will be drawn as boxes on this server; empty if not."""
    fonts = chinese_in_fonts_not_embedded(page)
    if not fonts or cjk_font_installed():
        return ""
    return (
        f"这个 PDF 没有嵌入中文字体({'、'.join(fonts[:3])}),服务器上也没有中文字体:版面图上的中文会显示成方框。"
        "请管理员安装中文字体(fonts-noto-cjk)后重新上传本版 PDF。"
    )


def _text(pdfium_c, text_object, text_page) -> str:
    size = pdfium_c.FPDFTextObj_GetText(text_object, text_page, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFTextObj_GetText(text_object, text_page, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _font_name(pdfium_c, font) -> str:
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    if size <= 1:
        return "?"
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
    return buffer.value.decode("utf-8", errors="replace")
