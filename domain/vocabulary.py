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
