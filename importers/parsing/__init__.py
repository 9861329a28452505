"""Turn a plain-text dump of a printed newspaper page into structured items.

Pure Python: nothing here imports Django. ``parse_page`` is the entry point.
"""

from .errors import PageDecodeError, ParseError
from .model import BodyBlock, Furniture, PageInfo, ParsedItem, ParsedPage, PersonCredit
from .page import parse_page

__all__ = [
    "BodyBlock",
    "Furniture",
    "PageDecodeError",
    "PageInfo",
    "ParseError",
    "ParsedItem",
    "ParsedPage",
    "PersonCredit",
    "parse_page",
]
