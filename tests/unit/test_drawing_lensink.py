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
    lines_of,
    parse,
    sixty,
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
        g.get("data-ring"): lines_of(g.find(f"{SVG}text"))
        for g in svg.iter(f"{SVG}g")  # type: ignore[arg-type]
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
        node = next(c for c in group.iter(f"{SVG}circle") if c.get("class") == "node")
        x, y = float(node.get("cx", "0")), float(node.get("cy", "0"))
        assert inner_edges[ring] < math.hypot(x, y) < edges[ring], contact["name"]
        text = group.find(f"{SVG}text")
        assert text is not None
        for corner in (*text_box(text).corners, (x, y)):
            assert quarter(*corner) == QUARTERS[sector], contact["name"]
            assert inner_edges[ring] < math.hypot(*corner) < edges[ring], contact["name"]


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
