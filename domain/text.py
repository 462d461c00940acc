"""The text Kring accepts: printable Unicode (line breaks and tabs only in multi-line texts), and a name with at
least one visible character. Control characters would break the GraphML export and the e-mails."""

from __future__ import annotations

import unicodedata

from domain.errors import DomainError

LINE_BREAKS = frozenset("\t\n\r")
NONCHARACTERS = frozenset("\ufffe\uffff")
REFUSED_CATEGORIES = frozenset(("Cc", "Cs"))  # control characters; lone surrogates (not Unicode text at all)
BLANK = "Write at least one visible character."
UNPRINTABLE = "Do not use control characters (such as NUL) in this text."
UNPRINTABLE_LINE = "Do not use control characters or line breaks in this text."


def blank(text: str) -> bool:
    """Nothing visible: empty, or only spaces and invisible format characters (zero-width space, ...)."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)


def unprintable(text: str, multiline: bool = False) -> bool:
    """Whether the text holds a character no text of Kring's may hold (in one line: a line break or tab too)."""
    allowed = LINE_BREAKS if multiline else frozenset()
    return any(
        char not in allowed and (unicodedata.category(char) in REFUSED_CATEGORIES or char in NONCHARACTERS)
        for char in text
    )


def require_text(text: str, field: str, multiline: bool = False) -> None:
    """A name, a title or a note: something visible in it, no control characters (a name: on one line)."""
    if not text or blank(text):
        raise DomainError("required", BLANK, field)
    if unprintable(text, multiline):
        raise DomainError("unprintable", UNPRINTABLE if multiline else UNPRINTABLE_LINE, field)
