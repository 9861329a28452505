"""Bytes to text: the encodings page dumps arrive in, and refusing what is not text."""

from __future__ import annotations

import codecs
import re

from .errors import PageDecodeError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Invisible characters that change how text reads or where words break, never what a page says:
# bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069), direction marks
# (U+200E, U+200F, U+061C), zero-width space, joiners and word joiner (U+200B-200D, U+2060), the
# invisible operators (U+2061-2064), U+180E and a byte-order mark inside the text (U+FEFF). Left in,
# they hide in headlines and split a name from its byline (记者\u200b成姣兰); the stored raw page keeps them.
INVISIBLE = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
SINGLE_BYTE = (
    "看起来是 Windows-1252(西文)等单字节编码,不是 UTF-8:除 ASCII 外没有一个有效的 UTF-8 字符;请另存为 UTF-8 后再导入"
)
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BM",
    b"\x7fELF",
    b"RIFF",
)
# Damage tolerated in otherwise valid UTF-8 (a few bad bytes from a broken export).
_MAX_REPLACED_SHARE = 0.01
_MAX_REPLACED_FEW = 8


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode a page dump; returns (text, encoding, warnings).

    UTF-8 with or without BOM, UTF-16 with BOM, GB18030 (which covers GBK and
    GB2312). Line endings become ``\\n``; NUL bytes and invisible direction or zero-width
    characters (``INVISIBLE``) are dropped with a warning.
    Raises PageDecodeError for binary data and for bytes that are text in no
    encoding we know.
    """
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data, "utf-8-sig"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    else:
        if data.startswith(_BINARY_MAGIC) and not _looks_textual(data[:64]):
            raise PageDecodeError("二进制文件,不是版面文本")
        text, encoding = _guess(data, warnings)
    if text is None:
        raise PageDecodeError("不是 UTF-8、UTF-16 或 GB18030 编码的文本")
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("已删除文本中的 NUL 空字符")
    text, invisible = INVISIBLE.subn("", text)
    if invisible:
        warnings.append(f"已删除 {invisible} 个不可见的方向控制符或零宽字符")
    controls = len(_CONTROL.findall(text))
    if controls and controls > max(8, len(text) * 0.01):
        raise PageDecodeError("二进制文件(通篇是控制字符),不是版面文本")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, warnings


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_textual(head: bytes) -> bool:
    return all(b >= 0x20 or b in b"\t\n\r" for b in head)


def _guess(data: bytes, warnings: list[str]) -> tuple[str | None, str]:
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if data.count(b"\x00") > len(data) // 4:
        raise PageDecodeError("二进制文件(通篇是 NUL 字节),不是版面文本")
    gb = _strict(data, "gb18030")
    damaged = data.decode("utf-8", errors="replace")
    replaced = damaged.count("\ufffd")
    if replaced <= max(_MAX_REPLACED_FEW, len(damaged) * _MAX_REPLACED_SHARE):
        if not _NON_ASCII.search(damaged.replace("\ufffd", "")):
            # Not one valid UTF-8 character beyond ASCII: no damaged UTF-8 page, but a single-byte encoding.
            raise PageDecodeError(SINGLE_BYTE)
        warnings.append(f"{replaced} 处无效的 UTF-8 字节已替换为 \ufffd")
        return damaged, "utf-8"
    if gb is not None:
        return gb, "gb18030"
    return None, ""
