"""Where everything goes on Lensink's circle: four rings of one width, four quarters, each contact in its cell.

A contact's node lies inside its ring and its quarter; its name hangs beside it, away from the client (above
the node in the upper half, below it in the lower half), wrapped and never cut, and may reach over the next
ring's line, never over another name, node or ring name, never into another quarter. The rings are as wide as
the fullest cell needs, all the same width. When names would make the circle too large, the nodes carry
numbers and a key under the circle names them.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from services.web.drawing import notation
from services.web.drawing.layout import Box, Obstacles, polar, wrap
from services.web.drawing.model import Person
from services.web.drawing.notation import client_name
from services.web.drawing.svg import GREY, Font, Translate
from services.web.drawing.words import RING_HEADINGS, SECTOR_OF_CATEGORY, SECTORS, SPILMANTELZORGER

NAME = Font(12.0, cls="label name")
RING = Font(12.0, bold=True, cls="ring-label", fill=GREY)
QUADRANTS: dict[str, tuple[int, int]] = {  # the signs of x and y in each sector (SVG's y points down)
    "family": (-1, -1),
    "society": (1, -1),
    "professionals": (1, 1),
    "fellow_clients": (-1, 1),
}
PAD = 5.0  # between a node or a name and a ring's edge or an axis
STEP = 2.0  # how far a node moves outwards when its place is taken
WIDER = 6.0  # the precision of the rings' width
BIGGEST = 330.0  # names beside the nodes only while the circle stays this small
NAMES_UP_TO = 24  # more contacts than this never fit with their names: numbers at once
ROWS = 6  # at most, in one cell


@dataclass
class Unit:
    """A contact in the circle: its node, and its name beside it (none when the node carries a number)."""

    person: Person
    sector: str
    ring: str
    node: tuple[float, float]
    radius: float
    label: Box | None = None
    lines: list[str] = field(default_factory=list)
    number: int = 0


@dataclass
class Circle:
    """The circle laid out around the client at (0, 0): ring edges, ring labels and contacts."""

    client_radius: float
    client_label: Box
    client_lines: list[str]
    edges: dict[str, float]  # ring -> its outer radius
    ring_labels: dict[str, tuple[Box, list[str]]]
    units: list[Unit]
    numbered: bool = False


Placed = tuple[dict[str, float], dict[str, tuple[Box, list[str]]], list[Unit]]


def ring_of(person: Person) -> str:
    """The contact's ring (services when unknown)."""
    return person.ring if person.ring in RING_HEADINGS else "service"


def sector_of(person: Person) -> str:
    """The contact's quarter (society when the category is unknown)."""
    return SECTOR_OF_CATEGORY.get(person.category, "society")


def unit_lines(person: Person, spil_caption: str) -> list[str]:
    """The name wrapped (narrower nearer the centre, where a ring is shortest), and the spilmantelzorger's mark."""
    limit = {"intimate": 12, "friend": 14, "acquaintance": 16}.get(ring_of(person), 18)
    return wrap(person.name, limit, 4) + ([spil_caption] if person.spilmantelzorger else [])


def layout(people: tuple[Person, ...], client: str, gettext: Translate) -> Circle:
    """Rings of one width from the centre, the narrowest in which every cell's contacts fit: with their names
    while the circle stays within BIGGEST, else numbered."""
    lines, box, radius = client_name(client)
    first = radius + 4
    headings = {ring: [gettext(RING_HEADINGS[ring])] for ring in RING_HEADINGS}
    least = RING.measure(["X"])[1] + 2 * PAD + 4
    for numbered in (False, True) if len(people) <= NAMES_UP_TO else (True,):
        texts = {p.id: [] if numbered else unit_lines(p, gettext(SPILMANTELZORGER)) for p in people}
        most = 4000.0 if numbered else (BIGGEST - first) / 4
        found = _smallest(functools.partial(_place, people, texts, headings, first), least, most)
        if found is not None:
            edges, ring_labels, units = found
            return _numbered(Circle(radius, box, lines, edges, ring_labels, units, numbered))
    raise RuntimeError("no layout")  # cannot happen: numbered contacts fit once the rings are wide enough


def _smallest(attempt: Callable[[float], Placed | None], least: float, most: float) -> Placed | None:
    """The layout at the smallest ring width (to WIDER) from `least` to `most` at which everything fits: widths
    doubling their steps until one fits (the last try at `most`), then halving back."""
    failed, width, step = least - WIDER, least, WIDER
    while (found := attempt(width)) is None:
        if width >= most:
            return None
        failed, width, step = width, min(width + step, most), step * 2
    while width - failed > WIDER:
        middle = (failed + width) / 2
        better = attempt(middle)
        if better is None:
            failed = middle
        else:
            width, found = middle, better
    return found


def _numbered(circle: Circle) -> Circle:
    """Numbers for the nodes, when they carry them: by sector, then ring, then name, as the key lists them."""
    if circle.numbered:
        rings, sectors = list(RING_HEADINGS), list(SECTORS)
        order = sorted(circle.units, key=lambda u: (sectors.index(u.sector), rings.index(u.ring), u.person.name))
        for number, unit in enumerate(order, start=1):
            unit.number = number
    return circle


def _place(
    people: tuple[Person, ...],
    texts: dict[str, list[str]],
    headings: dict[str, list[str]],
    inner: float,
    width: float,
) -> Placed | None:
    """Ring by ring from the centre (`inner`: the first ring's inner radius; `width`: every ring's): the ring's
    name in the middle of its band on the top axis, then its contacts per quarter; None when a cell does not fit."""
    taken = Obstacles(gap=3.0)
    edges, ring_labels, units = {}, {}, []
    for ring in RING_HEADINGS:
        ring_labels[ring] = (Box.around(0, -(inner + width / 2), *RING.measure(headings[ring])), headings[ring])
        taken.add(ring_labels[ring][0])
        for sector, signs in QUADRANTS.items():
            cell = [p for p in people if ring_of(p) == ring and sector_of(p) == sector]
            found = _cell(cell, Cell(sector, ring, signs, inner, inner + width), texts, taken)
            if found is None:
                return None
            units += found
        edges[ring] = inner = inner + width
    return edges, ring_labels, units


@dataclass(frozen=True)
class Cell:
    """One ring in one quarter: its names, the signs of x and y in the quarter, the ring's inner and outer radius."""

    sector: str
    ring: str
    signs: tuple[int, int]
    inner: float
    outer: float


def _cell(people: list[Person], cell: Cell, texts: dict[str, list[str]], taken: Obstacles) -> list[Unit] | None:
    """The cell's contacts spread evenly over its quarter, on as few rows as fit (None: they do not)."""
    if not people:
        return []
    for rows in range(1, min(len(people), ROWS) + 1):
        units = _rows(people, (cell, rows), texts, taken)
        if units is not None:
            for unit in units:
                taken.add(_node_box(unit.node, unit.radius))
                if unit.label:
                    taken.add(unit.label)
            return units
    return None


def _rows(
    people: list[Person], where: tuple[Cell, int], texts: dict[str, list[str]], taken: Obstacles
) -> list[Unit] | None:
    """Neighbours alternating over so many rows of the cell, each moved outwards until it is free; None when one
    is not. A contact without lines to write beside it carries a number."""
    cell, rows = where
    boxes: list[Box] = []

    def free(box: Box) -> bool:
        return taken.free(box) and not any(box.overlaps(other, taken.gap) for other in boxes)

    units = []
    for j, person in enumerate(people):
        radius = notation.node_radius(person, numbered=not texts[person.id])
        lowest, highest = cell.inner + PAD + radius, cell.outer - PAD - radius
        rho = lowest + (j % rows) * (highest - lowest) / rows
        share = (j + 0.5) / len(people)
        unit = _settle(Unit(person, cell.sector, cell.ring, (0.0, 0.0), radius), (rho, share), cell, texts, free)
        if unit is None:
            return None
        boxes += [_node_box(unit.node, radius)] + ([unit.label] if unit.label else [])
        units.append(unit)
    return units


def _settle(
    unit: Unit, at: tuple[float, float], cell: Cell, texts: dict[str, list[str]], free: Callable[[Box], bool]
) -> Unit | None:
    """The node at this radius and share of the quarter, or as little further out as keeps it in its ring with its
    name beside it, all inside the quarter and free."""
    rho, share = at
    lines = texts[unit.person.id]
    size = NAME.measure(lines) if lines else (0.0, 0.0)
    while rho <= cell.outer - PAD - unit.radius:
        angle = _angle(cell.signs, rho, unit.radius, share)
        node = polar(0, 0, rho, angle)
        if _inside(_node_box(node, unit.radius), cell.signs) and free(_node_box(node, unit.radius)):
            if not lines:
                unit.node = node
                return unit
            for label in _beside(node, unit.radius, size, cell.signs):
                if _inside(label, cell.signs) and free(label):
                    unit.node, unit.label, unit.lines = node, label, lines
                    return unit
        rho += STEP
    return None


def _angle(signs: tuple[int, int], rho: float, radius: float, share: float) -> float:
    """The angle `share` of the way along the quarter at radius rho, keeping the node clear of both axes."""
    first = math.atan2(signs[1], signs[0]) - math.pi / 4
    margin = math.asin(min(1.0, (radius + PAD) / rho))
    return first + margin + share * max(math.pi / 2 - 2 * margin, 0.0)


def _beside(
    node: tuple[float, float], radius: float, size: tuple[float, float], signs: tuple[int, int]
) -> Iterator[Box]:
    """Where a name may go: away from the client (above in the upper half, below in the lower), else beside the
    node on the side away from the upright axis, else on the other side of it."""
    x, y = node
    width, height = size
    _, sy = signs
    yield Box.around(x, y + sy * (radius + 2 + height / 2), width, height)
    for side in (signs[0], -signs[0]):
        yield Box.around(x + side * (radius + 3 + width / 2), y, width, height)
    yield Box.around(x, y - sy * (radius + 2 + height / 2), width, height)


def _node_box(node: tuple[float, float], radius: float) -> Box:
    return Box.around(*node, 2 * radius, 2 * radius)


def _inside(box: Box, signs: tuple[int, int]) -> bool:
    """The box lies in the quarter, PAD from both axes."""
    sx, sy = signs
    return (box.x0 >= PAD if sx > 0 else box.x1 <= -PAD) and (box.y0 >= PAD if sy > 0 else box.y1 <= -PAD)
