"""Lensink's network circle as drawn: four rings, four sectors, every contact in its own cell, nothing overlapping."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from services.web.drawing import lensink_svg
from tests.unit.catalogue import speaker_of
from tests.unit.drawing_networks import (
    SVG,
    collisions,
    empty,
    lines_of,
    node_centre,
    numbered,
    one,
    parse,
    six,
    sixty,
    smallest_text_at,
    spilmantelzorger_marked,
    text_box,
    three,
)

DAY = "26 november 2026"
RINGS = ["intimate", "friend", "acquaintance", "service"]
QUARTERS = {"family": (-1, -1), "society": (1, -1), "professionals": (1, 1), "fellow_clients": (-1, 1)}


def drawn(data: dict[str, Any] | None = None, **options: Any) -> ET.Element:
    return parse(lensink_svg(three() if data is None else data, DAY, **options))


def ring_edges(svg: ET.Element) -> dict[str, float]:
    return {
        c.get("data-ring", ""): float(c.get("r", "0")) for c in svg.iter(f"{SVG}circle") if c.get("class") == "ring"
    }


def quarter(x: float, y: float) -> tuple[int, int]:
    return (1 if x > 0 else -1, 1 if y > 0 else -1)


def test_four_rings_from_the_intimates_outwards_to_the_services() -> None:
    svg = drawn()
    edges = ring_edges(svg)
    assert list(edges) == list(reversed(RINGS))  # drawn outermost first, so each ring shows
    assert [edges[r] for r in RINGS] == sorted(edges.values())
    headings = {
        g.get("data-ring"): lines_of(g.find(f"{SVG}text"))  # type: ignore[arg-type]
        for g in svg.iter(f"{SVG}g")
        if g.get("class") == "ring-heading"
    }
    assert headings == {
        "intimate": ["intimi"],
        "friend": ["vrienden"],
        "acquaintance": ["kennissen"],
        "service": ["dienstverlening"],
    }


def test_four_sectors_a_quarter_each_family_top_left_and_clockwise() -> None:
    svg = drawn()
    sectors = {}
    for group in (g for g in svg.iter(f"{SVG}g") if g.get("class") == "sector-heading"):
        text = group.find(f"{SVG}text")
        assert text is not None
        sectors[group.get("data-sector")] = (lines_of(text), quarter(*text_box(text).centre))
    assert sectors == {
        "family": (["familie"], (-1, -1)),
        "society": (["maatschappij"], (1, -1)),
        "professionals": (["hulpverleners"], (1, 1)),
        "fellow_clients": (["lotgenoten"], (-1, 1)),
    }
    axes = [line for g in svg.iter(f"{SVG}g") if g.get("class") == "axes" for line in g]
    assert len(axes) == 2  # the quarters' borders


EXPECTED_SECTOR = {
    "household": "family",
    "family_of_origin": "family",
    "other_family": "family",
    "fellow_client": "fellow_clients",
    "professional": "professionals",
    "adviser": "professionals",
    "friend": "society",
    "neighbour": "society",
    "acquaintance": "society",
    "volunteer": "society",
    "digital": "society",
}


@pytest.mark.parametrize("data", [three(), sixty()], ids=["3", "60"])
def test_each_contact_sits_in_its_own_ring_and_sector(data: dict[str, Any]) -> None:
    svg = drawn(data)
    edges = ring_edges(svg)
    client = next(c for c in svg.iter(f"{SVG}circle") if c.get("class") == "client-node")
    inner_edges = {"intimate": float(client.get("r", "0")), **{b: edges[a] for a, b in itertools.pairwise(RINGS)}}
    contacts = {c["id"]: c for c in data["contacts"]}
    groups = [g for g in svg.iter(f"{SVG}g") if "contact" in (g.get("class") or "").split()]
    assert len(groups) == len(contacts)
    for group in groups:
        contact = contacts[group.get("data-contact-id", "")]
        ring, sector = contact["ring"], EXPECTED_SECTOR[contact["category"]]
        assert (group.get("data-ring"), group.get("data-sector")) == (ring, sector)
        x, y = node_centre(group)
        assert inner_edges[ring] < math.hypot(x, y) < edges[ring], contact["name"]  # the node in its ring
        assert quarter(x, y) == QUARTERS[sector], contact["name"]
        text = group.find(f"{SVG}text")
        assert text is not None
        for corner in text_box(text).corners:  # the name beside it may reach over a ring's line, not a quarter's
            assert quarter(*corner) == QUARTERS[sector], contact["name"]


@pytest.mark.parametrize("data", [three(), sixty(), sixty(80, seed=11)], ids=["3", "60", "80"])
def test_no_label_overlaps_another_label_or_a_node(data: dict[str, Any]) -> None:
    svg = drawn(data)
    assert collisions(svg) == []
    assert len([t for t in svg.iter(f"{SVG}text") if t.get("class") == "label name"]) == len(data["contacts"])


def test_the_spilmantelzorger_is_ringed_and_named_as_such() -> None:
    spil = spilmantelzorger_marked(drawn())
    assert (spil.get("data-contact-id"), spil.get("data-ring")) == ("anna", "intimate")


def test_the_circle_is_described_escaped_the_same_every_time_and_translatable() -> None:
    data = three()
    data["contacts"][1]["name"] = '<Jan & "Piet">'
    text = lensink_svg(data, DAY, id_prefix="cirkel")
    svg = parse(text)
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "cirkel-title cirkel-desc"
    assert svg.findtext(f"{SVG}title") == f"Netwerkcirkel van Mevr. Jansen, {DAY}"
    desc = svg.findtext(f"{SVG}desc") or ""
    assert "3 contacten" in desc and "intimi 1" in desc and "familie 2" in desc and "maatschappij 1" in desc
    assert ['<Jan & "Piet">'] in [lines_of(t) for t in svg.iter(f"{SVG}text")]
    assert text == lensink_svg(data, DAY, id_prefix="cirkel")
    english = {
        "intimi": "intimates",
        "familie": "family",
        "Netwerkcirkel van %(client)s": "Network circle of %(client)s",
    }
    translated = drawn(gettext=speaker_of(english))
    texts = [" ".join(lines_of(t)) for t in translated.iter(f"{SVG}text")]
    assert {"intimates", "family", "Network circle of Mevr. Jansen"} <= set(texts)


# ------------------------------------------------------------------ issue 15: equal rings, names readable and whole
@pytest.mark.parametrize("data", [empty(), one(), six(), sixty()], ids=["0", "1", "6", "60"])
def test_the_rings_are_equally_wide_and_each_ring_name_sits_in_its_own_band(data: dict[str, Any]) -> None:
    svg = drawn(data)
    edges = ring_edges(svg)
    client = next(c for c in svg.iter(f"{SVG}circle") if c.get("class") == "client-node")
    radii = [float(client.get("r", "0")) + 4, *(edges[r] for r in RINGS)]
    widths = [outer - inner for inner, outer in itertools.pairwise(radii)]
    assert max(widths) - min(widths) < 0.2
    for group in (g for g in svg.iter(f"{SVG}g") if g.get("class") == "ring-heading"):
        top, bottom = text_box(group.findall(f"{SVG}text")[-1]).y0, text_box(group.findall(f"{SVG}text")[-1]).y1
        inner, outer = radii[RINGS.index(group.get("data-ring", ""))], edges[group.get("data-ring", "")]
        assert inner < -bottom and -top < outer  # on the line at the top, inside its band


def test_long_names_wrap_and_are_never_cut() -> None:
    data = six()
    svg = drawn(data)
    names = {c["id"]: c["name"] for c in data["contacts"]}
    for group in (g for g in svg.iter(f"{SVG}g") if "contact" in (g.get("class") or "").split()):
        lines = lines_of(group.findall(f"{SVG}text")[-1])
        assert " ".join(lines).replace("- ", "-").startswith(names[group.get("data-contact-id", "")])
    [manager] = [g for g in svg.iter(f"{SVG}g") if g.get("data-contact-id") == "casemanager"]
    assert len(lines_of(manager.findall(f"{SVG}text")[-1])) > 1  # "Casemanager dementie Fatima el Amrani" wraps
    assert "…" not in "".join(svg.itertext())


@pytest.mark.parametrize(
    "data", [empty(), one(), three(), six(), sixty(30, seed=3), sixty()], ids=["0", "1", "3", "6", "30", "60"]
)
def test_no_name_is_under_11_px_at_800_px_nor_lies_on_another(data: dict[str, Any]) -> None:
    svg = drawn(data)
    assert smallest_text_at(svg, 800) >= 11 and collisions(svg) == []


def test_a_circle_too_full_for_names_numbers_its_nodes_and_names_them_in_a_key() -> None:
    data = sixty()
    numbers, key = numbered(drawn(data))
    assert sorted(int(n) for n in numbers.values()) == list(range(1, 61))
    names = {c["id"]: c["name"] for c in data["contacts"]}
    assert all(key[number][1].startswith(names[contact_id]) for contact_id, number in numbers.items())
