"""A page PDF that sets Chinese in a font it does not embed is drawn with the server's fonts: without a CJK font
among them its Chinese comes out as boxes, and the editor is told so when the page file is stored."""

import io

import pypdfium2
import pytest
from django.core.files.base import ContentFile
from reportlab.pdfgen import canvas

from articles import page_files, page_fonts
from tests.page_pdfs import SEEDS, page_from_dump

WARNING = "没有嵌入中文字体(STSong-Light),服务器上也没有中文字体:版面图上的中文会显示成方框"


def _fonts(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return page_fonts.chinese_in_fonts_not_embedded(document[0])
    finally:
        document.close()


def test_chinese_set_in_a_font_the_pdf_does_not_embed_is_found():
    assert _fonts(page_from_dump(SEEDS[0]).pdf) == ["STSong-Light"]


def test_latin_text_in_a_standard_font_is_no_concern():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(992, 1389))
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 1300, "Zhuzhou Daily 2024-01-22")
    pdf.save()
    assert _fonts(buffer.getvalue()) == []


@pytest.mark.parametrize("installed", [False, True])
def test_the_editor_is_told_when_the_server_has_no_cjk_font(monkeypatch, installed):
    monkeypatch.setattr(page_fonts, "cjk_font_installed", lambda: installed)
    prepared = page_files.prepare(ContentFile(page_from_dump(SEEDS[1]).pdf, name="2023-01-23_02.pdf"))
    report = page_files.Report(total=1, placed=["x"], font_warning=prepared.font_warning)
    if installed:
        assert prepared.font_warning == "" and report.message() == "本版 1 篇稿件中 1 篇已定位。"
    else:
        assert WARNING in prepared.font_warning and "fonts-noto-cjk" in prepared.font_warning
        assert report.message().startswith("本版 1 篇稿件中 1 篇已定位。这个 PDF 没有嵌入中文字体")
