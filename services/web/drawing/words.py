"""Where the drawings take their words: every caption is domain/words' (labels.py for the headings and codes,
drawings.py for the legend, the marks and the descriptions), said through the caller's `gettext` (a Speaker:
Flask-Babel's catalogue on a page, Dutch by default). Here only the drawings' own structure: Lensink's sectors, and
where each contact category belongs.
"""

from __future__ import annotations

from domain.words.drawings import (
    AT_A_DISTANCE,
    CLOSENESS,
    OVERLOAD_CAPTION,
    OVERLOADED,
    PERSON,
    PROFESSIONAL,
    SPILMANTELZORGER,
)
from domain.words.drawings import CHANGE as CHANGE_CAPTIONS
from domain.words.labels import CATEGORY_GROUP as CATEGORY_HEADINGS
from domain.words.labels import RING as RING_HEADINGS
from domain.words.labels import SECTOR as SECTOR_HEADINGS
from domain.words.labels import STRENGTH_CAPTION as STRENGTH_CAPTIONS
from domain.words.labels import SUPPORT_CODE as SUPPORT_CODES
from domain.words.labels import SUPPORT_TYPE as SUPPORT_CAPTIONS

__all__ = [
    "AT_A_DISTANCE",
    "CATEGORY_HEADINGS",
    "CHANGE_CAPTIONS",
    "CLOSENESS",
    "OVERLOADED",
    "OVERLOAD_CAPTION",
    "PERSON",
    "PROFESSIONAL",
    "RING_HEADINGS",
    "SECTORS",
    "SECTOR_HEADINGS",
    "SECTOR_OF_CATEGORY",
    "SPILMANTELZORGER",
    "STRENGTH_CAPTIONS",
    "SUPPORT_CAPTIONS",
    "SUPPORT_CODES",
]

# Lensink's four sectors, clockwise from the top left, and where each contact category belongs.
SECTORS: tuple[str, ...] = ("family", "society", "professionals", "fellow_clients")
SECTOR_OF_CATEGORY: dict[str, str] = {
    "household": "family",
    "family_of_origin": "family",
    "other_family": "family",
    "fellow_client": "fellow_clients",
    "professional": "professionals",
    "adviser": "professionals",  # spiritual and other advisers: help sought for what they know, as from a professional
    "friend": "society",
    "neighbour": "society",
    "acquaintance": "society",
    "volunteer": "society",
    "digital": "society",
}
