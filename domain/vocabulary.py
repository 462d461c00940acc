"""The closed vocabularies of the domain (see GLOSSARY.md and shared DOMAIN.md)."""

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
SUPPORT_TYPE_LABELS_NL: dict[str, str] = {
    "practical": "praktische hulp",
    "companionship": "gezelschap",
    "advice": "advies en informatie",
    "emotional": "emotionele steun",
    "advocacy": "belangenbehartiging",
    "respite": "respijtzorg",
    "personal_care": "persoonlijke verzorging",
}
DIRECTIONS: tuple[str, ...] = ("to_client", "from_client")
HELP_CLOSED: tuple[str, ...] = ("taken_on", "withdrawn")  # why a request for help closed: taken on, not needed
INSTRUMENTS: tuple[str, ...] = ("ediz_plus", "ediz", "csi", "srb")
# MantelScan risk signals a carer can report (besides the questionnaires)
RISK_FACTORS: dict[str, str] = {
    "care_24_7": "zorgt dag en nacht (24/7)",
    "lives_with_client": "woont samen met de cliënt",
    "cannot_share_care": "kan de zorg niet delen",
    "long_duration": "zorgt al lang",
    "personality_change": "de cliënt is in persoonlijkheid veranderd",
    "own_network_shrinking": "het eigen netwerk van de mantelzorger krimpt",
}
DEFAULT_REVIEW_INTERVAL_WEEKS = 13
FIRST_REVIEW_AFTER_WEEKS = 6
