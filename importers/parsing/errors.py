class ParseError(Exception):
    """A page dump that cannot be imported; the message is for the person who ran the import."""


class PageDecodeError(ParseError):
    """The bytes are not text in any encoding a page dump arrives in."""
