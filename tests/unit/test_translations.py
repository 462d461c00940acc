"""The English catalogue: every Dutch text the pages, the words (domain/words), the drawings and the access log show
has an English translation that is not a guess, and Babel's own extraction finds them all (babel.cfg)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from domain.vocabulary import CATEGORIES, INSTRUMENTS, RINGS, SUPPORT_TYPES
from domain.words import LABELS, Speaker
from services.web.drawing import Changes, Marks, burden_trend_svg, ecogram_legend_svg, ecogram_svg, lensink_svg
from services.web.rules import RULES

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "services" / "web" / "translations" / "en" / "LC_MESSAGES" / "messages.po"


def _catalogue() -> dict[Any, Any]:
    with CATALOGUE.open("rb") as po:
        return {
            message.id[0] if isinstance(message.id, tuple) else message.id: message.string
            for message in read_po(po)
            if message.id and not message.fuzzy
        }


def _in_the_sources() -> set[Any]:
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=DEFAULT_KEYWORDS)
    return {message[0] if isinstance(message, tuple) else message for _, _, message, _, _ in found}


def test_every_text_in_the_catalogue_has_an_english_translation_that_is_not_a_guess() -> None:
    untranslated = [i for i, text in _catalogue().items() if not (all(text) if isinstance(text, tuple) else text)]
    assert not untranslated


def test_the_catalogue_has_every_text_the_sources_mark_for_translation() -> None:
    missing = _in_the_sources() - set(_catalogue())
    assert not missing, f"run `make translations` and translate: {sorted(map(str, missing))}"


def test_babels_own_extraction_finds_every_label_and_what_the_access_log_says() -> None:
    found = _in_the_sources()
    labels = {text for table in LABELS.values() for text in table.values()}
    looked_at = {rule.looks_at for rule in RULES.values() if rule.looks_at}
    assert labels - found == set() and looked_at - found == set()


class Recording:
    """A catalogue that remembers every message id it is asked for."""

    def __init__(self) -> None:
        self.asked: set[str] = set()

    def gettext(self, message: str) -> str:
        self.asked.add(message)
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self.asked.add(singular)
        return singular if n == 1 else plural


def _everything_drawn() -> dict[str, Any]:
    contacts, roles = [], []
    for i, category in enumerate(CATEGORIES):
        flow = ("to_client", "from_client", "both", "none")[i % 4]
        tie = {"strength": ("strong", "normal", "tenuous")[i % 3], "stressful": i % 2 == 0, "flow": flow}
        mode = ("in_person", "phone", "video", "digital", None)[i % 5]
        contacts.append(
            {
                "id": f"c{i}",
                "name": f"N{i}",
                "category": category,
                "ring": RINGS[i % 4],
                "tie": tie,
                "contact_mode": mode,
            }
        )
        for direction in ("to_client", "from_client"):
            roles.append({"contact_id": f"c{i}", "support_type": SUPPORT_TYPES[i % 7], "direction": direction})
    contacts.append({"id": "x", "name": "Zonder band", "category": "friend", "ring": "friend", "tie": None})
    spil = {"contact_id": "c0", "name": "N0"}
    return {"client_name": "Ans", "contacts": contacts, "roles": roles, "spilmantelzorger": spil,
            "acquaintances": [{"contact_ids": ["c1", "c2"]}]}  # fmt: skip


def test_every_word_the_drawings_show_has_an_english_translation() -> None:
    recording = Recording()
    say = Speaker(recording, "nl")
    data = _everything_drawn()
    ecogram_svg(data, "1 juni 2026", gettext=say, with_legend=True)
    changes = Changes(*(frozenset({f"c{i}"}) for i in range(1, 5)))  # new, gone, stronger, weaker
    ecogram_svg(data, "1 juni 2026", gettext=say, marks=Marks(changes, frozenset({"c0"})))
    ecogram_legend_svg(gettext=say)
    lensink_svg(data, "1 juni 2026", gettext=say)
    reports = [
        {"id": c, "reported_on": date(2026, 6, 1), "instrument": c, "total": 1, "maximum": 9, "band": None,
         "high_strain": True}
        for c in INSTRUMENTS
    ]  # fmt: skip
    burden_trend_svg({"name": "Sam", "reports": reports}, gettext=say)
    burden_trend_svg({"name": "Sam", "reports": reports[:1]}, gettext=say)
    burden_trend_svg({"name": "Sam", "reports": []}, gettext=say)
    missing = recording.asked - set(_catalogue())
    assert recording.asked and not missing, f"drawn but not in the catalogue: {sorted(missing)}"
