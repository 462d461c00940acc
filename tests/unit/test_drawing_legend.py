"""The legend on its own, and the words every drawing takes its captions from."""

from __future__ import annotations

import json

from domain.vocabulary import CATEGORIES, RINGS, SUPPORT_TYPES
from services.web.drawing import ecogram_legend_svg, ecogram_svg
from services.web.drawing.lensink import QUADRANTS
from services.web.drawing.words import (
    CATEGORY_HEADINGS,
    RING_HEADINGS,
    SECTOR_HEADINGS,
    SECTOR_OF_CATEGORY,
    SECTORS,
    SUPPORT_CAPTIONS,
    SUPPORT_CODES,
)
from tests.unit.drawing_networks import SVG, collisions, lines_of, parse, three


def test_the_legend_alone_shows_every_mark_with_its_own_markers_and_hatching() -> None:
    svg = parse(ecogram_legend_svg(id_prefix="key"))
    entries = [g.get("data-entry") for g in svg.iter(f"{SVG}g") if g.get("class") == "legend-entry"]
    assert entries == [
        *("strong", "normal", "tenuous", "stressful", "one_way", "both_ways", "acquaintance"),
        *("person", "professional", "spilmantelzorger", "overloaded"),  # issue 15: shapes and the overloaded carer
        "at_a_distance",  # issue 13: how contact happens
        "closeness",  # issue 15: distance from the client means closeness
        *("practical", "companionship", "advice", "emotional", "advocacy", "respite", "personal_care", "given"),
    ]
    defined = {e.get("id") for e in svg.iter() if e.get("id")}
    used = {v[5:-1] for e in svg.iter() for k, v in e.attrib.items() if v.startswith("url(#") and k != "id"}
    assert used == {"key-hatch", "key-arrow-start", "key-arrow-end"} and used <= defined
    assert collisions(svg) == []
    assert svg.get("role") == "img" and svg.findtext(f"{SVG}title") == "Legenda bij het ecogram"
    assert "P: praktische hulp" in (svg.findtext(f"{SVG}desc") or "")


def test_the_codes_on_the_ties_are_the_dutch_ecogram_letters() -> None:
    svg = parse(ecogram_legend_svg())
    codes = [" ".join(lines_of(t)) for t in svg.iter(f"{SVG}text") if t.get("class") == "code"]
    assert codes == ["P", "G", "A", "E", "B", "R", "V", "(G)"]


def test_every_category_ring_and_support_type_has_its_words() -> None:
    assert set(CATEGORY_HEADINGS) == set(SECTOR_OF_CATEGORY) == set(CATEGORIES)
    assert set(SECTOR_OF_CATEGORY.values()) == set(SECTORS) == set(SECTOR_HEADINGS) == set(QUADRANTS)
    assert tuple(RING_HEADINGS) == RINGS
    assert set(SUPPORT_CODES) == set(SUPPORT_CAPTIONS) == set(SUPPORT_TYPES)
    assert len(set(SUPPORT_CODES.values())) == len(SUPPORT_TYPES)  # no two types share a letter


def test_the_map_as_the_api_sends_it_draws_the_same_as_the_read_sides_network() -> None:
    data = three()  # map_data(network): what ReadSide.network gives the page
    over_the_wire = json.loads(json.dumps(data))  # what GET /api/networks/<id>/map answers
    assert ecogram_svg(over_the_wire, "vandaag") == ecogram_svg(data, "vandaag")
