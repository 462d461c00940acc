"""Lensink's network circle: four rings from the client outwards, four quarter sectors, each contact in its cell.

Rings (the contact's `ring`): intimates, friends, acquaintances, services, all as wide. Sectors (from the
contact's category, see words.SECTOR_OF_CATEGORY): family top left, society top right, professionals bottom
right, fellow clients bottom left. Where each contact goes: lensink_layout.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

from domain.words import drawings as words
from services.web.drawing import notation
from services.web.drawing.key import Entry, key
from services.web.drawing.layout import Box, beside, polar
from services.web.drawing.lensink_layout import NAME, QUADRANTS, RING, Circle, Unit, layout
from services.web.drawing.model import read_map
from services.web.drawing.notation import CLIENT
from services.web.drawing.placement import NUMBER
from services.web.drawing.svg import (
    GREY,
    About,
    Font,
    Translate,
    caption,
    check_prefix,
    document,
    el,
    esc,
    identity,
)
from services.web.drawing.svg import label as text_label
from services.web.drawing.words import RING_HEADINGS, SECTOR_HEADINGS, SECTORS, SPILMANTELZORGER

SECTOR = Font(13.0, bold=True, cls="sector-label")
RING_FILLS = ("#f3f3f3", "#fff")


def lensink_svg(
    map_data: Mapping[str, Any], date_label: str, *, gettext: Translate = identity, id_prefix: str = "lensink"
) -> str:
    """Lensink's network circle of a network map (as GET /api/networks/<id>/map answers it), as an inline SVG."""
    prefix = check_prefix(id_prefix)
    picture = read_map(map_data)
    circle = layout(picture.people, picture.client_name, gettext)
    outer = circle.edges["service"]
    whole = Box(-outer, -outer, outer, outer)
    for unit in circle.units:
        whole = whole.union(unit.label) if unit.label else whole
    headings = _sector_headings(circle, gettext)
    for box, _ in headings.values():
        whole = whole.union(box)
    title = gettext(words.lensink_title(picture.client_name))
    body = [el("g", {"class": "rings"}, *_ring_discs(circle)), _axes(outer), *_texts(circle, headings)]
    if circle.numbered:
        parts, key_box = key(_entries(circle, gettext), whole)
        body.append(parts)
        whole = whole.union(key_box)
    captions, whole = caption(title, date_label, whole)
    body.append(captions)
    about = About(
        "lensink", prefix, f"{title}, {date_label}", describe(circle, date_label, picture.client_name, gettext)
    )
    return document(about, whole.grown(12), body)


def _entries(circle: Circle, gettext: Translate) -> list[Entry]:
    """The key's lines: each contact's number and name (and whether they are the spilmantelzorger), by sector."""
    return [
        Entry(
            u.number,
            u.person.name,
            [(gettext(SPILMANTELZORGER), None)] if u.person.spilmantelzorger else [],
            "",
            u.sector,
            gettext(SECTOR_HEADINGS[u.sector]),
        )
        for u in sorted(circle.units, key=lambda u: u.number)
    ]


def _sector_headings(circle: Circle, gettext: Translate) -> dict[str, tuple[Box, list[str]]]:
    """Each sector's name outside the circle in the middle of its quarter, further out where names reach there."""
    outer = circle.edges["service"]
    drawn = [u.label for u in circle.units if u.label] + [
        Box.around(*u.node, 2 * u.radius, 2 * u.radius) for u in circle.units
    ]
    headings = {}
    for sector, (sx, sy) in QUADRANTS.items():
        heading = [gettext(SECTOR_HEADINGS[sector])]
        angle = math.atan2(sy, sx)
        out = 6.0
        box = beside(*polar(0, 0, outer, angle), angle, out, SECTOR.measure(heading))
        while any(box.overlaps(other, 4) for other in drawn):
            out += 4
            box = beside(*polar(0, 0, outer, angle), angle, out, SECTOR.measure(heading))
        headings[sector] = (box, heading)
    return headings


def _texts(circle: Circle, headings: dict[str, tuple[Box, list[str]]]) -> list[str]:
    """The client, the rings' and the sectors' names, and the contacts."""
    client = text_label(circle.client_label, circle.client_lines, CLIENT)
    rings = (
        el("g", {"class": "ring-heading", "data-ring": ring}, text_label(box, lines, RING))
        for ring, (box, lines) in circle.ring_labels.items()
    )
    sectors = (
        el("g", {"class": "sector-heading", "data-sector": sector}, text_label(box, lines, SECTOR))
        for sector, (box, lines) in headings.items()
    )
    return [
        el("g", {"class": "client"}, notation.client(circle.client_radius), client),
        el("g", {"class": "ring-labels"}, *rings),
        el("g", {"class": "sector-labels"}, *sectors),
        el("g", {"class": "contacts"}, *(_contact(u) for u in circle.units)),
    ]


def _ring_discs(circle: Circle) -> list[str]:
    rings = []
    for i, ring in reversed(list(enumerate(RING_HEADINGS))):
        style = {"fill": RING_FILLS[i % 2], "stroke": GREY, "stroke-width": 1.2}
        rings.append(
            el("circle", {"class": "ring", "data-ring": ring, "cx": 0, "cy": 0, "r": circle.edges[ring], **style})
        )
    return rings


def _axes(outer: float) -> str:
    style = {"stroke": GREY, "stroke-width": 1.2}
    return el(
        "g",
        {"class": "axes"},
        el("line", {"x1": -outer, "y1": 0, "x2": outer, "y2": 0, **style}),
        el("line", {"x1": 0, "y1": -outer, "x2": 0, "y2": outer, **style}),
    )


def _contact(unit: Unit) -> str:
    person = unit.person
    attrs = {
        "class": "contact spilmantelzorger" if person.spilmantelzorger else "contact",
        "data-contact-id": person.id,
        "data-ring": unit.ring,
        "data-sector": unit.sector,
        "data-category": person.category,
    }
    own = notation.base_radius(bool(unit.number))
    square = person.category in notation.SQUARE
    node = notation.node(*unit.node, own, spilmantelzorger=person.spilmantelzorger, square=square)
    if unit.number:
        number = str(unit.number)
        text = text_label(Box.around(*unit.node, *NUMBER.measure([number])), [number], NUMBER)
    else:
        assert unit.label is not None
        text = text_label(unit.label, unit.lines, NAME)
    return el("g", attrs, el("title", None, esc(person.name)), node, text)


def describe(circle: Circle, date_label: str, client: str, gettext: Translate) -> str:
    """The circle in words: how many contacts in each ring and in each sector."""
    rings = Counter(u.ring for u in circle.units)
    sectors = Counter(u.sector for u in circle.units)
    said = words.lensink_description(
        client,
        date_label,
        len(circle.units),
        {ring: rings[ring] for ring in RING_HEADINGS},
        {sector: sectors[sector] for sector in SECTORS},
    )
    return " ".join(gettext(part) for part in said)
