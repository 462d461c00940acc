"""The closed vocabularies of the domain, as codes (their labels: domain/words/labels.py; GLOSSARY.md)."""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "household",
    "family_of_origin",
    "other_family",
    "friend",
    "neighbour",
    "acquaintance",
    "adviser",
    "professional",
    "fellow_client",
    "volunteer",
    "digital",
)
PROFESSIONAL_CATEGORIES: frozenset[str] = frozenset({"professional"})
# What a contact is to the client (a relation), apart from the ecogram's group (category) it is drawn in.
RELATIONS: tuple[str, ...] = (
    "partner",
    "child",
    "parent",
    "sibling",
    "grandchild",
    "grandparent",
    "other_family",
    "friend",
    "neighbour",
    "colleague",
    "acquaintance",
    "fellow_client",
    "volunteer",
    "professional",
    "organisation",
    "adviser",
    "other",
)
# The group a relation is drawn in unless the coordinator chooses another; who lives with the client is
# household (a daughter at home is both daughter and huisgenoot), except a professional or an organisation.
RELATION_CATEGORIES: dict[str, str] = {
    "partner": "other_family",
    "child": "other_family",
    "parent": "family_of_origin",
    "sibling": "family_of_origin",
    "grandchild": "other_family",
    "grandparent": "family_of_origin",
    "other_family": "other_family",
    "friend": "friend",
    "neighbour": "neighbour",
    "colleague": "acquaintance",
    "acquaintance": "acquaintance",
    "fellow_client": "fellow_client",
    "volunteer": "volunteer",
    "professional": "professional",
    "organisation": "professional",
    "adviser": "adviser",
    "other": "acquaintance",
}
NEVER_HOUSEHOLD: frozenset[str] = frozenset({"professional", "organisation"})
# How contact mostly happens; the ecogram marks all but meeting in person, reachability counts them
CONTACT_MODES: tuple[str, ...] = ("in_person", "phone", "video", "digital")
REMOTE_CONTACT_MODES: frozenset[str] = frozenset({"phone", "video", "digital"})
LIVING_SITUATIONS: tuple[str, ...] = (
    "alone",
    "with_partner",
    "with_partner_and_children",
    "with_children",
    "with_parents",
    "with_others",
    "care_home",
    "no_fixed_home",
)
RINGS: tuple[str, ...] = ("intimate", "friend", "acquaintance", "service")
STRENGTHS: tuple[str, ...] = ("tenuous", "normal", "strong")  # weakest first
FLOWS: tuple[str, ...] = ("to_client", "from_client", "both", "none")
FREQUENCIES: tuple[str, ...] = ("daily", "weekly", "monthly", "yearly", "rarely")
SUPPORT_TYPES: tuple[str, ...] = (
    "practical",
    "companionship",
    "advice",
    "emotional",
    "advocacy",
    "respite",
    "personal_care",
)
DIRECTIONS: tuple[str, ...] = ("to_client", "from_client")
HELP_CLOSED: tuple[str, ...] = ("taken_on", "withdrawn")  # why a request for help closed: taken on, not needed
INSTRUMENTS: tuple[str, ...] = ("ediz_plus", "ediz", "csi", "srb")
# MantelScan risk signals a carer can report (besides the questionnaires)
RISK_FACTORS: tuple[str, ...] = (
    "care_24_7",
    "lives_with_client",
    "cannot_share_care",
    "long_duration",
    "personality_change",
    "own_network_shrinking",
)
DEFAULT_REVIEW_INTERVAL_WEEKS = 13
FIRST_REVIEW_AFTER_WEEKS = 6


def category_of(relation: str, lives_with_client: bool = False) -> str:
    """The ecogram group a relation is drawn in by default."""
    if lives_with_client and relation not in NEVER_HOUSEHOLD:
        return "household"
    return RELATION_CATEGORIES[relation]
