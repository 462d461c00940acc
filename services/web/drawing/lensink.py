"""Lensink's network circle: four rings from the client outwards, four quarter sectors, each contact in its cell.

Rings (the contact's `ring`): intimates, friends, acquaintances, services. Sectors (from the contact's category,
see words.SECTOR_OF_CATEGORY): family top left, society top right, professionals bottom right, fellow clients
bottom left. A ring is as wide as its fullest cell needs: a cell's contacts are spread evenly over its quarter,
neighbours alternating over as few rows as reach least far out, each name checked against every other label.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from domain.words import drawings as words
from services.web.drawing import notation
from services.web.drawing.layout import Box, Obstacles, beside, polar, wrap
from services.web.drawing.model import Person, read_map
from services.web.drawing.notation import CLIENT, client_name
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
from services.web.drawing.words import RING_HEADINGS, SECTOR_HEADINGS, SECTOR_OF_CATEGORY, SECTORS, SPILMANTELZORGER

NAME = Font(11.0, cls="label name")
RING = Font(10.5, bold=True, cls="ring-label", fill=GREY)
SECTOR = Font(12.0, bold=True, cls="sector-label")
QUADRANTS: dict[str, tuple[int, int]] = {  # the signs of x and y in each sector (SVG's y points down)
    "family": (-1, -1),
    "society": (1, -1),
    "professionals": (1, 1),
    "fellow_clients": (-1, 1),
}
PAD = 5.0  # between a name and a ring or an axis
MIN_RING = 44.0
RING_FILLS = ("#f2f2f2", "#fff")


@dataclass(frozen=True)
class Unit:
    """A contact in the circle: node on top, name under it, inside one box."""

    person: Person
    sector: str
    ring: str
    box: Box
    lines: list[str]
    radius: float

    @property
    def node(self) -> tuple[float, float]:
        return self.box.centre[0], self.box.y0 + self.radius

    @property
    def label(self) -> Box:
        width, height = NAME.measure(self.lines)
        return Box.around(self.box.centre[0], self.box.y1 - height / 2, width, height)


def _near_far(box: Box) -> tuple[float, float]:
    """The distances from the centre to the nearest and the farthest corner of a box inside one quadrant."""
    xs, ys = sorted((abs(box.x0), abs(box.x1))), sorted((abs(box.y0), abs(box.y1)))
    return math.hypot(xs[0], ys[0]), math.hypot(xs[1], ys[1])


def _in_quadrant(box: Box, signs: tuple[int, int], inner: float) -> bool:
    sx, sy = signs
    inside_x = box.x0 >= PAD if sx > 0 else box.x1 <= -PAD
    inside_y = box.y0 >= PAD if sy > 0 else box.y1 <= -PAD
    return inside_x and inside_y and _near_far(box)[0] >= inner + PAD


def _settle(
    size: tuple[float, float],
    place: tuple[float, float],
    inner: float,
    signs: tuple[int, int],
    free: Callable[[Box], bool],
) -> Box:
    """The box at this (radius, angle), or as little further out as keeps it in the quadrant and off the others."""
    rho, angle = place
    for step in range(5000):
        box = Box.around(*polar(0, 0, rho + 2 * step, angle), *size)
        if _in_quadrant(box, signs, inner) and free(box):
            return box
    raise RuntimeError("no room in the quadrant")  # cannot happen: far enough out every box fits


def _arrange(
    sizes: list[tuple[float, float]], signs: tuple[int, int], band: tuple[float, float], rows: int, taken: Obstacles
) -> list[Box]:
    """Evenly spaced over the quarter, neighbours alternating over `rows` rows, each moved out until it is free.

    `band` is the ring's inner radius and the distance between rows.
    """
    inner, pitch = band
    boxes: list[Box] = []

    def free(box: Box) -> bool:
        return taken.free(box) and not any(box.overlaps(other, taken.gap) for other in boxes)

    for j, size in enumerate(sizes):
        rho = inner + PAD + pitch / 2 + (j % rows) * pitch
        place = (rho, _angle(size, signs, rho, (j + 0.5) / len(sizes)))
        boxes.append(_settle(size, place, inner, signs, free))
    return boxes


def _angle(size: tuple[float, float], signs: tuple[int, int], rho: float, share: float) -> float:
    """The angle `share` of the way along the quarter at radius rho, between where a box this size clears the axes."""
    first = math.atan2(signs[1], signs[0]) - math.pi / 4
    width, height = size
    on_horizontal = abs(math.cos(first)) > 0.5  # the quarter starts on the horizontal axis, ends on the vertical
    start_half, end_half = (height / 2, width / 2) if on_horizontal else (width / 2, height / 2)
    low = math.asin(min(1.0, (PAD + start_half) / rho))
    high = math.pi / 2 - math.asin(min(1.0, (PAD + end_half) / rho))
    return first + (low + share * (high - low) if high > low else math.pi / 4)


def _spread(
    sizes: list[tuple[float, float]], signs: tuple[int, int], band: tuple[float, float], taken: Obstacles
) -> list[Box]:
    """The arrangement over 1 to 6 rows that reaches least far out (fewer rows when equal)."""
    arrangements = [_arrange(sizes, signs, band, rows, taken) for rows in range(1, min(len(sizes), 6) + 1)]
    return min(arrangements, key=lambda boxes: max(_near_far(box)[1] for box in boxes), default=[])


def _unit_lines(person: Person, many: bool, spil_caption: str) -> list[str]:
    return wrap(person.name, 14 if many else 18) + ([spil_caption] if person.spilmantelzorger else [])


def _unit_size(lines: list[str], radius: float) -> tuple[float, float]:
    width, height = NAME.measure(lines)
    return max(width, 2 * radius), 2 * radius + 2 + height


@dataclass
class Circle:
    """The circle laid out around the client at (0, 0): ring edges, ring labels and contacts."""

    client_radius: float
    client_label: Box
    client_lines: list[str]
    edges: dict[str, float]  # ring -> its outer radius
    ring_labels: dict[str, tuple[Box, list[str]]]
    units: list[Unit]


def layout(people: tuple[Person, ...], client: str, gettext: Translate) -> Circle:
    """Ring by ring from the centre: the ring's label on the top axis, then its contacts spread per sector."""
    lines, box, radius = client_name(client)
    many = len(people) > 24
    texts = {p.id: _unit_lines(p, many, gettext(SPILMANTELZORGER)) for p in people}
    sizes = {p.id: _unit_size(texts[p.id], _node_radius(p)) for p in people}
    pitch = max((h for _, h in sizes.values()), default=0.0) + 4
    taken = Obstacles(gap=3.0)
    inner, edges, ring_labels, units = radius + 4, {}, {}, []
    for ring in RING_HEADINGS:
        heading = [gettext(RING_HEADINGS[ring])]
        width, height = RING.measure(heading)
        ring_labels[ring] = (Box.around(0, -(inner + PAD + height / 2), width, height), heading)
        taken.add(ring_labels[ring][0])
        far = inner + MIN_RING
        for sector, signs in QUADRANTS.items():
            cell = [p for p in people if _ring(p) == ring and _sector(p) == sector]
            for person, placed in zip(
                cell, _spread([sizes[p.id] for p in cell], signs, (inner, pitch), taken), strict=True
            ):
                taken.add(placed)
                units.append(Unit(person, sector, ring, placed, texts[person.id], _node_radius(person)))
                far = max(far, _near_far(placed)[1] + PAD)
        edges[ring] = inner = far
    return Circle(radius, box, lines, edges, ring_labels, units)


def _node_radius(person: Person) -> float:
    return 10.0 if person.spilmantelzorger else 6.0


def _ring(person: Person) -> str:
    return person.ring if person.ring in RING_HEADINGS else "service"


def _sector(person: Person) -> str:
    return SECTOR_OF_CATEGORY.get(person.category, "society")


def lensink_svg(
    map_data: Mapping[str, Any], date_label: str, *, gettext: Translate = identity, id_prefix: str = "lensink"
) -> str:
    """Lensink's network circle of a network map (as GET /api/networks/<id>/map answers it), as an inline SVG."""
    prefix = check_prefix(id_prefix)
    picture = read_map(map_data)
    circle = layout(picture.people, picture.client_name, gettext)
    outer = circle.edges["service"]
    headings = _sector_headings(outer, gettext)
    whole = Box(-outer, -outer, outer, outer)
    for box, _ in headings.values():
        whole = whole.union(box)
    title = gettext(words.lensink_title(picture.client_name))
    captions, whole = caption(title, date_label, whole)
    body = [el("g", {"class": "rings"}, *_rings(circle)), _axes(outer), *_texts(circle, headings), captions]
    about = About(
        "lensink", prefix, f"{title}, {date_label}", describe(circle, date_label, picture.client_name, gettext)
    )
    return document(about, whole.grown(12), body)


def _sector_headings(outer: float, gettext: Translate) -> dict[str, tuple[Box, list[str]]]:
    """Each sector's name outside the circle, at the middle of its quarter."""
    headings = {}
    for sector, (sx, sy) in QUADRANTS.items():
        heading = [gettext(SECTOR_HEADINGS[sector])]
        angle = math.atan2(sy, sx)
        headings[sector] = (beside(*polar(0, 0, outer, angle), angle, 6, SECTOR.measure(heading)), heading)
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


def _rings(circle: Circle) -> list[str]:
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
    node = notation.node(*unit.node, unit.radius, person.spilmantelzorger)
    return el("g", attrs, el("title", None, esc(person.name)), node, text_label(unit.label, unit.lines, NAME))


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
