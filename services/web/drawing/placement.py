"""Where everything goes on the ecogram: sectors per category, contacts and their labels, support codes, headings.

Greedy and deterministic: contacts are placed in drawing order, each at the first free spot on its sector's
slot, moving outwards until its node and name fit without touching anything placed before. No tie may run
through another contact's node. Every label box is checked against every other, so labels never overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from services.web.drawing.layout import (
    Box,
    Obstacles,
    angle_of,
    beside,
    polar,
    segment_distance,
    within_angles,
    wrap,
)
from services.web.drawing.model import Person, Picture
from services.web.drawing.notation import client_name
from services.web.drawing.svg import GREY, Font

NAME = Font(11.0, cls="label name")
CODE = Font(10.0, bold=True, cls="tie-label")
HEADING = Font(10.5, bold=True, cls="heading-label", fill=GREY)
NODE_R = 6.0
SPIL_R = 10.0  # the outer ring that marks the spilmantelzorger
ROOM = 110.0  # the least distance from the client's circle to a node: room for the codes on the tie
STEP = 12.0  # how far a contact moves outwards when its spot is taken
TRIES = 80  # steps outwards inside its sector before a contact may leave it
CLEAR = 3.0  # space kept between a tie and another contact's node
ARROWS_AROUND_CLIENT = 1.45  # client radius per contact, so that the arrowheads at the client stay apart


@dataclass(frozen=True)
class Placed:
    """A contact on the drawing: node centre, node radius, name label and its lines."""

    person: Person
    x: float
    y: float
    radius: float
    label: Box
    lines: list[str]


@dataclass(frozen=True)
class Slot:
    """A contact's place in its category's sector: its angle, the angle it has to itself, the sector's ends."""

    angle: float
    room: float
    first: float
    last: float


@dataclass(frozen=True)
class Text:
    """A placed label that is not a contact's name: support codes or a category heading."""

    key: str
    box: Box
    lines: list[str]


@dataclass
class Plan:
    """The ecogram laid out around the client at (0, 0)."""

    client_radius: float
    client_label: Box
    client_lines: list[str]
    sectors: list[tuple[str, float, float]]  # category, start angle, end angle
    placed: list[Placed]
    codes: list[Text]
    headings: list[Text]
    reach: dict[str, float]  # per category: how far its wedge reaches from the client

    def wedge_bounds(self) -> Box:
        """The box around every sector's wedge (around the client when there are none)."""
        points = [(0.0, -self.client_radius - 8), (0.0, self.client_radius + 8)]
        points += [
            polar(0, 0, self.reach[category], first + (last - first) * i / 24)
            for category, first, last in self.sectors
            for i in range(25)
        ]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        return Box(min(xs), min(ys), max(xs), max(ys))


def name_lines(person: Person, many: bool, codes: str, spil_caption: str) -> list[str]:
    """A contact's label: the name (wrapped, cut when long), codes if they have no tie line, the spil mark."""
    lines = wrap(person.name, 14 if many else 20)
    if codes and person.strength is None:
        lines.append(codes)
    if person.spilmantelzorger:
        lines.append(spil_caption)
    return lines


def allocate(groups: list[tuple[str, list[float]]], rows: int) -> list[tuple[str, float, float]]:
    """Angles per category, in proportion to the room its labels need on `rows` rows; the first starts at the top."""
    needs = [max(*widths, sum(widths) / rows, 150.0) for _, widths in groups]
    total = sum(needs)
    start = -math.pi / 2
    sectors = []
    for (category, _), need in zip(groups, needs, strict=True):
        end = start + math.tau * need / total
        sectors.append((category, start % math.tau, start % math.tau + (end - start)))
        start = end
    return sectors


class Placer:
    """Places boxes one by one, remembering nodes, ties and every box placed."""

    def __init__(self, client_radius: float, client_label: Box) -> None:
        self.client_radius = client_radius
        self.taken = Obstacles(gap=2.0)
        self.taken.add(client_label)
        self.taken.add(Box.around(0, 0, 2 * client_radius + 4, 2 * client_radius + 4))
        self.nodes: list[tuple[float, float, float]] = []
        self.ties: dict[str, tuple[float, float, float, float]] = {}  # contact id -> the tie's segment

    def _fits(self, x: float, y: float, radius: float, label: Box) -> bool:
        node = Box.around(x, y, 2 * radius, 2 * radius)
        if not (self.taken.free(node) and self.taken.free(label)):
            return False
        ax, ay = polar(0, 0, self.client_radius, math.atan2(y, x))
        if any(segment_distance((nx, ny), (ax, ay, x, y)) < nr + CLEAR for nx, ny, nr in self.nodes):
            return False
        return all(segment_distance((x, y), tie) >= radius + CLEAR for tie in self.ties.values())

    def _put(self, person: Person, x: float, y: float, radius: float, label: Box) -> None:
        self.taken.add(Box.around(x, y, 2 * radius, 2 * radius))
        self.taken.add(label)
        self.nodes.append((x, y, radius))
        if person.strength is not None:
            self.ties[person.id] = (*polar(0, 0, self.client_radius, math.atan2(y, x)), x, y)

    def contact(self, person: Person, slot: Slot, start: float, lines: list[str]) -> Placed:
        """The first free spot for a node and its label: near its slot, as close to the client as possible.

        The node and the middle of its label stay in the category's sector, unless that takes too long.
        """
        radius = SPIL_R if person.spilmantelzorger else NODE_R
        size = NAME.measure(lines)
        for step in range(10 * TRIES):
            for shift in (0.0, 0.25, -0.25, 0.5, -0.5):
                angle = slot.angle + shift * slot.room
                x, y = polar(0, 0, start + step * STEP, angle)
                label = beside(x, y, angle, radius + 3, size)
                if step < TRIES and not _in_sector(label, angle, slot.first, slot.last):
                    continue
                if self._fits(x, y, radius, label):
                    self._put(person, x, y, radius, label)
                    return Placed(person, x, y, radius, label, lines)
        raise RuntimeError("no room for a contact")  # cannot happen: far enough out everything is free

    def on_line(self, line: tuple[float, float, float, float], size: tuple[float, float], own: str) -> Box:
        """A free spot for a tie's label on the tie itself, crossed by no other tie; else beyond the contact."""
        x1, y1, x2, y2 = line
        for t in (0.5, 0.6, 0.7, 0.4, 0.8, 0.3, 0.9):
            box = Box.around(x1 + t * (x2 - x1), y1 + t * (y2 - y1), *size)
            others = (tie for key, tie in self.ties.items() if key != own)
            if self.taken.free(box) and not any(segment_hits_box(*tie, box.grown(1)) for tie in others):
                self.taken.add(box)
                return box
        return self.outwards(math.atan2(y2 - y1, x2 - x1), math.hypot(x2, y2), size)

    def outwards(self, angle: float, start: float, size: tuple[float, float]) -> Box:
        """The first free box on this ray from `start` outwards, on the side away from the client."""
        for step in range(1000):
            x, y = polar(0, 0, start + 4 * step, angle)
            box = beside(x, y, angle, 3, size)
            if self.taken.free(box) and not any(segment_hits_box(*tie, box) for tie in self.ties.values()):
                self.taken.add(box)
                return box
        raise RuntimeError("no room for a label")  # cannot happen

    def heading(self, sector: tuple[float, float], start: float, size: tuple[float, float]) -> Box:
        """A category's heading just outside its contacts, in the sector; it may lie over a tie, not over a label."""
        first, last = sector
        middle, quarter = (first + last) / 2, (last - first) / 4
        for step in range(1000):
            for angle in (middle, middle - quarter, middle + quarter):
                x, y = polar(0, 0, start + 4 * step, angle)
                box = beside(x, y, angle, 3, size)
                if self.taken.free(box):
                    self.taken.add(box)
                    return box
        raise RuntimeError("no room for a heading")  # cannot happen


def _in_sector(label: Box, angle: float, first: float, last: float) -> bool:
    """The node and the middle of its label lie in the sector (a long name may reach over its edge)."""
    return within_angles(angle % math.tau, first, last) and within_angles(angle_of(0, 0, *label.centre), first, last)


def segment_hits_box(ax: float, ay: float, bx: float, by: float, box: Box) -> bool:
    """Whether the segment a-b passes through the box (Liang-Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = bx - ax, by - ay
    for p, q in ((-dx, ax - box.x0), (dx, box.x1 - ax), (-dy, ay - box.y0), (dy, box.y1 - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def tie_ends(client_radius: float, p: Placed) -> tuple[float, float, float, float]:
    """Where a tie leaves the client's circle and where it reaches the contact's node."""
    angle = math.atan2(p.y, p.x)
    x1, y1 = polar(0, 0, client_radius + 2, angle)
    x2, y2 = polar(0, 0, math.hypot(p.x, p.y) - p.radius - 2, angle)
    return x1, y1, x2, y2


def _reach(boxes: list[Box]) -> float:
    return max((math.hypot(x, y) for box in boxes for x, y in box.corners), default=0.0)


def plan(picture: Picture, codes: dict[str, str], headings: dict[str, str], spil_caption: str) -> Plan:
    """Lay out the ecogram: client, contacts by category, the codes on their ties, a heading per category."""
    client_lines, client_label, client_radius = client_name(picture.client_name)
    client_radius = max(client_radius, ARROWS_AROUND_CLIENT * len(picture.people))
    placer = Placer(client_radius, client_label)
    many = len(picture.people) > 24
    lines = {p.id: name_lines(p, many, codes.get(p.id, ""), spil_caption) for p in picture.people}
    sectors, placed = _contacts(placer, picture.people, lines)
    code_texts = [
        Text(p.person.id, placer.on_line(tie_ends(client_radius, p), CODE.measure([text]), p.person.id), [text])
        for p in placed
        if p.person.strength is not None and (text := codes.get(p.person.id))
    ]
    heading_texts = []
    for category, first, last in sectors:
        nodes = max(math.hypot(p.x, p.y) + p.radius for p in placed if p.person.category == category)
        heading = wrap(headings[category], 16)
        heading_texts.append(
            Text(category, placer.heading((first, last), nodes + 12, HEADING.measure(heading)), heading)
        )
    reach = {}
    for category, _, _ in sectors:
        ids = {p.person.id for p in placed if p.person.category == category}
        boxes = [p.label for p in placed if p.person.id in ids] + [t.box for t in code_texts if t.key in ids]
        reach[category] = _reach(boxes + [t.box for t in heading_texts if t.key == category]) + 8
    return Plan(client_radius, client_label, client_lines, sectors, placed, code_texts, heading_texts, reach)


def _contacts(
    placer: Placer, people: tuple[Person, ...], lines: dict[str, list[str]]
) -> tuple[list[tuple[str, float, float]], list[Placed]]:
    """A sector per category, sized for its names, and each contact placed at its slot in it."""
    groups: dict[str, list[Person]] = {}
    for person in people:
        groups.setdefault(person.category, []).append(person)
    needs = {p.id: NAME.measure(lines[p.id])[0] + 2 * SPIL_R + 8 for p in people}
    rows = min(3, max(1, math.ceil(len(people) / 14)))
    sectors = allocate([(c, [needs[p.id] for p in members]) for c, members in groups.items()], rows)
    start = max(placer.client_radius + ROOM, sum(needs.values()) / (math.tau * rows))
    placed = []
    for category, first, last in sectors:
        members = groups[category]
        room = (last - first) / len(members)
        for j, person in enumerate(members):
            placed.append(
                placer.contact(person, Slot(first + (j + 0.5) * room, room, first, last), start, lines[person.id])
            )
    return sectors, placed
