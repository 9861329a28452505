"""Character classes and small predicates shared by the parser's modules.

Page dumps mix half-width and full-width punctuation (`,():` and `,():`);
every pattern here accepts both, and no text is ever rewritten.
"""

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
WS = re.compile(f"[{SPACES}]+")

# A line that ends with one of these ends a sentence; anything else was cut mid-sentence.
_CLOSERS = "”’」』\"'"
# Half-width and full-width forms side by side; written as escapes so that no
# editor or formatter can fold one into the other.
OPEN_PAREN = "(\uff08\u3010\u3014"
CLOSE_PAREN = ")\uff09\u3011\u3015"
COLONS = ":\uff1a"
COMMAS = ",\uff0c"
SEMICOLONS = ";\uff1b"
SLASHES = "/\uff0f"
STOPS = "\u3002!?\uff01\uff1f"  # 。 ! ? ! ?
PAUSES = COMMAS + SEMICOLONS + COLONS + "\u3001"  # where a sentence goes on: , ; : 、


def squeeze(text: str) -> str:
    """Text without any whitespace: the form used to compare lines."""
    return WS.sub("", text)


def strip(text: str) -> str:
    return text.strip(SPACES + "\r\n")


# What a text quotes: speech, and the names of works (`“…”`, `「…」`, `《…》`).
_QUOTED = re.compile("“[^”]*”|《[^》]*》|「[^」]*」")


def unquoted(text: str) -> str:
    """The text without what it quotes: whose voice it is in (segment, sections) is read from the rest."""
    return _QUOTED.sub("", text)


def ends_sentence(text: str) -> bool:
    """True when the text stops at a sentence boundary.

    `…获评全国模范人民调解员。` ends; `…其中,市温` and `…团队一员,` do not.
    A closing quote or bracket ends a sentence only when a sentence mark or
    another closer stands before it (`…加入。”`, `…”“…”`).
    """
    text = strip(text)
    if not text:
        return True
    last = text[-1]
    if last in STOPS:
        return True
    if text.endswith(("…", "...", "\u2014\u2014")):  # an ellipsis (`……`, or one `…`) or a dash closes a paragraph too
        return True
    if last in _CLOSERS + CLOSE_PAREN:
        body = text.rstrip(_CLOSERS + CLOSE_PAREN)
        if not body:
            return True
        if body[-1] in STOPS + "\u2026" or last in _CLOSERS:
            return True
        # a note in brackets after the last sentence: `…称号。 (刘兴芳)`, `…举行。(完)`
        opening = max(text.rfind(c) for c in OPEN_PAREN)
        before = strip(text[:opening]) if last in CLOSE_PAREN and opening > 0 else ""
        return bool(before) and before[-1] in STOPS
    return False


def runs_on(left: str, right: str) -> bool:
    """True when a word of the segmenter straddles the end of `left` and the start of `right`:
    `…其中,市温` / `州商会…` (温州) was one sentence cut by a column break."""
    import rjieba

    left, right = squeeze(left)[-6:], squeeze(right)[:6]
    if not left or not right:
        return False
    position = 0
    for token in rjieba.cut(left + right):
        if position < len(left) < position + len(token):
            return True
        position += len(token)
    return False
