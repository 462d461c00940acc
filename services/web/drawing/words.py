"""The words the drawings show, in Dutch; each one passes through the caller's gettext before it is drawn.

The Dutch strings are the message ids, so Flask-Babel's gettext can be passed in as it is and an English
catalogue can translate them. The support codes are message ids too (P, G, A, E are the Dutch ecogram's
letters; an English catalogue may use its own).
"""

from __future__ import annotations

from domain.vocabulary import SUPPORT_TYPE_LABELS_NL

# Category headings on the ecogram (plural: they name a group of people).
CATEGORY_HEADINGS: dict[str, str] = {
    "household": "huisgenoten",
    "family_of_origin": "familie van herkomst",
    "other_family": "overige familie",
    "friend": "vrienden",
    "neighbour": "buren",
    "acquaintance": "kennissen en collega's",
    "adviser": "adviseurs",
    "professional": "hulpverleners",
    "fellow_client": "lotgenoten",
    "volunteer": "vrijwilligers",
    "digital": "digitale contacten",
}

# Lensink's four sectors, clockwise from the top left, and where each contact category belongs.
SECTORS: tuple[str, ...] = ("family", "society", "professionals", "fellow_clients")
SECTOR_HEADINGS: dict[str, str] = {
    "family": "familie",
    "society": "maatschappij",
    "professionals": "professionals",
    "fellow_clients": "lotgenoten",
}
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

# Lensink's rings, from the centre outwards (the `ring` vocabulary).
RING_HEADINGS: dict[str, str] = {
    "intimate": "intimi",
    "friend": "vrienden",
    "acquaintance": "kennissen",
    "service": "dienstverlening",
}

# The letters on a tie, and what they stand for in the legend.
SUPPORT_CODES: dict[str, str] = {
    "practical": "P",
    "companionship": "G",
    "advice": "A",
    "emotional": "E",
    "advocacy": "B",
    "respite": "R",
    "personal_care": "V",
}
SUPPORT_CAPTIONS: dict[str, str] = SUPPORT_TYPE_LABELS_NL
STRENGTH_CAPTIONS: dict[str, str] = {"strong": "sterke band", "normal": "gewone band", "tenuous": "zwakke band"}
SPILMANTELZORGER = "spilmantelzorger"

# Under a name on the ecogram: what changed (the "Veranderingen" page), and a carer with overload signals.
CHANGE_CAPTIONS: dict[str, str] = {
    "new": "nieuw",
    "gone": "nu weg",
    "stronger": "band sterker",
    "weaker": "band zwakker",
}
OVERLOADED = "overbelast"
# The legend's words for the shapes, the rings and the marks in colour.
PERSON = "persoon"
PROFESSIONAL = "hulpverlener of organisatie"
CLOSENESS = "dichter bij het midden: een nauwere band (intimi, vrienden, kennissen, dienstverlening)"
OVERLOAD_CAPTION = "mantelzorger met signalen van overbelasting"
