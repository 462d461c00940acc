"""The pages' English catalogue: every Dutch text the pages and drawings show has an English translation."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from domain.vocabulary import CATEGORIES, INSTRUMENTS, RINGS, SUPPORT_TYPES
from services.web.drawing import Changes, Marks, burden_trend_svg, ecogram_legend_svg, ecogram_svg, lensink_svg

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "services" / "web" / "translations" / "en" / "LC_MESSAGES" / "messages.po"


def _catalogue() -> dict[Any, Any]:
    with CATALOGUE.open("rb") as po:
        return {message.id: message.string for message in read_po(po) if message.id and not message.fuzzy}


def _in_the_sources() -> set[Any]:
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {**DEFAULT_KEYWORDS, "lazy_gettext": None}
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=keywords)
    return {message for _, _, message, _, _ in found}


def _everything_drawn() -> dict[str, Any]:
    contacts, roles = [], []
    for i, category in enumerate(CATEGORIES):
        flow = ("to_client", "from_client", "both", "none")[i % 4]
        tie = {"strength": ("strong", "normal", "tenuous")[i % 3], "stressful": i % 2 == 0, "flow": flow}
        contacts.append({"id": f"c{i}", "name": f"N{i}", "category": category, "ring": RINGS[i % 4], "tie": tie})
        for direction in ("to_client", "from_client"):
            roles.append({"contact_id": f"c{i}", "support_type": SUPPORT_TYPES[i % 7], "direction": direction})
    contacts.append({"id": "x", "name": "Zonder band", "category": "friend", "ring": "friend", "tie": None})
    spil = {"contact_id": "c0", "name": "N0"}
    return {"client_name": "Ans", "contacts": contacts, "roles": roles, "spilmantelzorger": spil,
            "acquaintances": [{"contact_ids": ["c1", "c2"]}]}  # fmt: skip


def test_every_text_in_the_catalogue_has_an_english_translation_that_is_not_a_guess() -> None:
    untranslated = [i for i, text in _catalogue().items() if not (all(text) if isinstance(text, tuple) else text)]
    assert not untranslated


def test_the_catalogue_has_every_text_the_sources_mark_for_translation() -> None:
    missing = _in_the_sources() - set(_catalogue())
    assert not missing, f"run `make translations` and translate: {sorted(map(str, missing))}"


def test_every_word_the_drawings_show_has_an_english_translation() -> None:
    shown: set[str] = set()

    def gettext(text: str) -> str:
        shown.add(text)
        return text

    data = _everything_drawn()
    ecogram_svg(data, "1 juni 2026", gettext=gettext, with_legend=True)
    changes = Changes(*(frozenset({f"c{i}"}) for i in range(1, 5)))  # new, gone, stronger, weaker
    ecogram_svg(data, "1 juni 2026", gettext=gettext, marks=Marks(changes, frozenset({"c0"})))
    ecogram_legend_svg(gettext=gettext)
    lensink_svg(data, "1 juni 2026", gettext=gettext)
    reports = [
        {"id": c, "reported_on": date(2026, 6, 1), "instrument": c, "total": 1, "maximum": 9, "band": None,
         "high_strain": True, "interpretation": "-"}
        for c in INSTRUMENTS
    ]  # fmt: skip
    burden_trend_svg({"name": "Sam", "reports": reports}, gettext=gettext)
    burden_trend_svg({"name": "Sam", "reports": []}, gettext=gettext)
    missing = shown - set(_catalogue())
    assert not missing, f"drawn but not in the catalogue: {sorted(missing)}"
