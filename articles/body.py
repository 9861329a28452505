"""The plain-text body format editors see and the importer writes.

Paragraphs are separated by a blank line. A paragraph whose first line starts
with ``## `` is an in-body subhead; one starting with ``> `` is a photo
caption. Newlines inside a paragraph are kept (two-line subheads).
"""

import re
from dataclasses import dataclass

from .vocabulary import BLOCK_MARKERS as _MARKERS
from .vocabulary import CAPTION, PARAGRAPH, SUBHEAD  # noqa: F401  (callers name blocks by these)

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_KEYWORD_SEPARATORS = re.compile(r"[\s,,、;;]+")


@dataclass(frozen=True)
class Block:
    kind: str
    text: str


def parse_body(text: str) -> list[Block]:
    blocks = []
    for chunk in _BLANK_LINE.split(text.replace("\r\n", "\n").strip()):
        chunk = chunk.strip("\n")
        if not chunk.strip():
            continue
        kind = PARAGRAPH
        for candidate, marker in _MARKERS.items():
            if chunk.startswith(marker):
                kind = candidate
                chunk = "\n".join(line.removeprefix(marker) for line in chunk.split("\n"))
                break
        blocks.append(Block(kind, chunk))
    return blocks


def render_body(blocks) -> str:
    """The inverse of parse_body: blocks are anything with ``kind`` and ``text``."""
    chunks = []
    for block in blocks:
        marker = _MARKERS.get(block.kind, "")
        chunks.append("\n".join(marker + line for line in block.text.split("\n")))
    return "\n\n".join(chunks)


def split_keywords(text: str) -> list[str]:
    return [word for word in _KEYWORD_SEPARATORS.split(text or "") if word]
