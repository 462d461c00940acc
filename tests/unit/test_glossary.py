"""GLOSSARY.md says what Kring shows: every code of every vocabulary with the Dutch label of domain/words and the
English of the catalogue, and no other."""

from __future__ import annotations

import re
from pathlib import Path

from domain.words import LABELS
from domain.words.care import REMINDER_KIND
from services.web.language import speaker_for

GLOSSARY = Path(__file__).resolve().parents[2] / "GLOSSARY.md"
ROW = re.compile(r"^\| `([a-z_0-9]+)` \| ([^|]+) \| ([^|]+) \|$", re.MULTILINE)
NAMED = {"Lensink sectors": "sector", "Reminder kinds": "reminder_kind"}


def tables() -> dict[str, dict[str, tuple[str, str]]]:
    """Each vocabulary's table in the glossary: code: (Dutch, English)."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for section in GLOSSARY.read_text().split("\n### ")[1:]:
        heading = section.splitlines()[0]
        named = re.search(r"\(`([a-z_]+)`\)", heading)
        vocabulary = named.group(1) if named else NAMED.get(heading.strip())
        rows = ROW.findall(section)
        if vocabulary and rows:
            found[vocabulary] = {code: (nl.strip(), en.strip()) for code, nl, en in rows}
    return found


def test_the_glossary_lists_every_vocabulary_with_the_labels_kring_shows() -> None:
    english = speaker_for("en")
    shown = {**LABELS, "reminder_kind": REMINDER_KIND}
    listed = tables()
    for vocabulary in ("category", "relation", "contact_mode", "living_situation", "ring", "sector", "strength",
                       "flow", "frequency", "support_type", "support_code", "direction", "instrument", "band",
                       "risk_factor", "reminder_kind"):  # fmt: skip
        labels = shown[vocabulary]
        assert listed[vocabulary] == {code: (nl, english(nl)) for code, nl in labels.items()}, vocabulary
