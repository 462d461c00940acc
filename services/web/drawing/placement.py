"""Where everything goes on the ecogram: a sector per category, a ring per closeness, each contact in both.

Sectors share the circle by the number of people in them (every sector at least a person and a half), so no
group takes room for its long names. Rings run from the client outwards in Lensink's order (intimates,
friends, acquaintances, services): the closer someone is, the nearer the client they sit. Nothing here
depends on the language: names are not translated, and the words under a name are measured in Dutch (the
message ids); `refit` then places the translated words where they fit.

Greedy and deterministic: ring by ring from the centre, each contact at the first free spot near its slot,
its name beside it and its support letters beside its tie, none of them touching a label, a node or a tie
placed before. When a network is too full for names beside the nodes, the nodes carry numbers and the names
go in a key under the drawing (`numbered`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from services.web.drawing.field import Field, disc_hits_box, segment_hits_box
from services.web.drawing.layout import Box, beside, polar
from services.web.drawing.model import Person, Picture
from services.web.drawing.notation import ARROW, client_name, node_radius
from services.web.drawing.svg import GREY, Font
from services.web.drawing.words import RING_HEADINGS

NAME = Font(12.0, cls="label name")
NUMBER = Font(12.0, bold=True, cls="label number")
CODE = Font(12.0, bold=True, cls="tie-label")
HEADING = Font(12.0, bold=True, cls="heading-label", fill=GREY)
PILL = (4.0, 1.0)  # the light background around support letters: padding left and right, top and bottom
TIE_HALF = ARROW / 2  # labels keep this far from a tie's centre line near an arrowhead (its half width)
LINE_HALF = 2.5  # and this far elsewhere (half the thickest line)
GAP = 2.5  # between any two things
STEP = 8.0  # how far a contact moves outwards when no spot near its slot is free
MIN_SHARE = 1.5  # the least room a sector gets, in people
EMPTY_RING = 20.0  # the width of a ring nobody is in: the rings stay visible, in order
TURN = -math.pi / 2  # the first sector starts at the top and they follow clockwise
FAR = 360.0  # how far out a direction is kept free for a tie still to come (past the client, as far as any disc)
TURNS = (0.0, 0.45, -0.45, 0.9, -0.9, 1.35, -1.35, 1.8, -1.8)  # a label's direction from its node, from outwards
NAMES_UP_TO = 24  # more contacts than this never leave room for names between the ties: numbers at once
BIGGEST = 310.0  # names beside the nodes only while the disc stays this small (800 wide with its headings)


@dataclass(frozen=True)
class Style:
    """How contacts are drawn: names beside the nodes (and support letters beside ties), or numbers in them."""

    numbered: bool
    first: float  # from the client's circle to the first ring
    ring_gap: float  # between the farthest contact of a ring and the nearest of the next
    steps: int  # how far out (in STEPs) a contact may move from its ring before the style gives up


NAMES = Style(numbered=False, first=60.0, ring_gap=40.0, steps=24)
NUMBERS = Style(numbered=True, first=30.0, ring_gap=14.0, steps=400)


@dataclass
class Placed:
    """A contact on the drawing: node centre and radius; its label box and lines (none when numbered)."""

    person: Person
    x: float
    y: float
    radius: float
    angle: float
    slot: Slot | None = None
    label: Box | None = None
    lines: list[str] = field(default_factory=list)
    number: int = 0


@dataclass(frozen=True)
class Text:
    """A placed label that is not a contact's name: support letters (in their pill) or a category heading."""

    key: str
    box: Box
    lines: list[str]


@dataclass(frozen=True)
class Need:
    """What a contact needs room for beside its node: the lines of its label, the size of its support letters;
    `compact`: nobody lies further out, so the label may turn to wherever it reaches least far."""

    lines: list[str]
    code: tuple[float, float] | None
    compact: bool


@dataclass(frozen=True)
class Slot:
    """A contact's own direction from the client, the angle to its neighbours' directions, its sector's ends."""

    angle: float
    room: float
    first: float
    last: float


@dataclass
class Plan:
    """The ecogram laid out around the client at (0, 0)."""

    client_radius: float
    client_label: Box
    client_lines: list[str]
    sectors: list[tuple[str, float, float]]  # category, start angle, end angle
    rings: list[tuple[str, float, float]]  # ring, inner radius, outer radius
    placed: list[Placed]
    codes: list[Text]
    numbered: bool
    placer: Placer
    radius: float = 0.0  # the disc: every node, label and code inside it

    def disc_box(self) -> Box:
        return Box(-self.radius, -self.radius, self.radius, self.radius)

    def refit(self, shown: dict[str, list[str]]) -> None:
        """Put the words under each name as shown (translated): where the Dutch ones were when they fit there,
        else at the first free place beside the node. The nodes do not move."""
        for p in self.placed:
            lines = shown[p.person.id]
            if p.label is None or p.slot is None or lines == p.lines:
                continue
            self.placer.field.remove_box(p.label)
            spoke = tie_ends(self.client_radius, p)
            size = NAME.measure(lines)
            same = Box.around(*p.label.centre, *size)
            box = same if self.placer.fits(same, spoke) else self.placer.label(p, spoke, size, p.slot, True) or same
            self.placer.field.add_box(box)
            p.label, p.lines = box, lines


def ring_of(person: Person) -> str:
    """The contact's closeness ring (services when unknown)."""
    return person.ring if person.ring in RING_HEADINGS else "service"


def allocate(counts: list[tuple[str, int]]) -> list[tuple[str, float, float]]:
    """Angles per category in proportion to its people (at least MIN_SHARE); one group starts where its one
    person ends up at two o'clock."""
    shares = [max(float(count), MIN_SHARE) for _, count in counts]
    total = sum(shares)
    start = TURN if len(counts) > 1 else -math.pi * 7 / 6
    sectors = []
    for (category, _), share in zip(counts, shares, strict=True):
        end = start + math.tau * share / total
        sectors.append((category, start, end))
        start = end
    return sectors


def tie_ends(client_radius: float, p: Placed) -> tuple[float, float, float, float]:
    """Where a tie leaves the client's circle and where it reaches the contact's node."""
    return _spoke(client_radius, math.hypot(p.x, p.y), p.angle, p.radius)


def _spoke(client_radius: float, rho: float, angle: float, radius: float) -> tuple[float, float, float, float]:
    x1, y1 = polar(0, 0, client_radius + 2, angle)
    x2, y2 = polar(0, 0, rho - radius - 2, angle)
    return x1, y1, x2, y2


def pill_box(centre: tuple[float, float], text_size: tuple[float, float]) -> Box:
    """The light background around support letters."""
    return Box.around(*centre, text_size[0] + 2 * PILL[0], text_size[1] + 2 * PILL[1])


class Placer:
    """Places contacts one by one, remembering every node, tie and label placed."""

    def __init__(self, client_radius: float, style: Style) -> None:
        self.client_radius = client_radius
        self.style = style
        self.field = Field()

    def reserve(self, angle: float) -> int:
        """Keep a direction free for a tie still to come (returns the number to free it with)."""
        far = self.client_radius + FAR
        return self.field.add_segment(
            (*polar(0, 0, self.client_radius + 2, angle), *polar(0, 0, far, angle)), LINE_HALF
        )

    def _outside_client(self, box: Box) -> bool:
        return not disc_hits_box((0.0, 0.0, self.client_radius + 4), box)

    def _free(self, box: Box) -> bool:
        return self._outside_client(box) and self.field.box_free(box, GAP)

    def _angles(self, slot: Slot, rho: float) -> Iterator[float]:
        """The contact's own direction, then turned a little to either side (a third of the way to a neighbour)."""
        yield slot.angle
        step = 5.0 / rho
        for k in range(1, 1 + math.floor(slot.room / 3 / step)):
            yield slot.angle + k * step
            yield slot.angle - k * step

    def contact(self, person: Person, slot: Slot, base: float, need: Need) -> tuple[Placed, Text | None] | None:
        """The first free spot for a contact (its node, tie, name and support letters), from its ring outwards."""
        radius = node_radius(person, self.style.numbered)
        for step in range(self.style.steps):
            rho = base + step * STEP
            if not self.style.numbered and rho > BIGGEST:
                return None
            for angle in self._angles(slot, rho):
                found = self._try(Placed(person, *polar(0, 0, rho, angle), radius, angle, slot), rho, need)
                if found:
                    return found
        return None

    def _try(self, placed: Placed, rho: float, need: Need) -> tuple[Placed, Text | None] | None:
        spoke = _spoke(self.client_radius, rho, placed.angle, placed.radius)
        disc = (placed.x, placed.y, placed.radius)
        if not (self.field.disc_free(disc, GAP + 1) and self.field.segment_free(spoke, LINE_HALF, GAP)):
            return None
        if self.style.numbered:
            self._commit(placed, spoke, None)
            return placed, None
        assert placed.slot is not None
        label = self.label(placed, spoke, NAME.measure(need.lines), placed.slot, need.compact)
        if label is None:
            return None
        placed.label, placed.lines = label, need.lines
        tied = need.code is not None and placed.person.strength is not None
        pill = self._pill(placed, spoke, need.code) if need.code and tied else None
        if tied and pill is None:
            return None
        self._commit(placed, spoke, pill)
        return placed, Text(placed.person.id, pill, []) if pill else None

    def fits(self, box: Box, spoke: tuple[float, float, float, float]) -> bool:
        """Whether a label box is free of everything placed and of the contact's own tie."""
        return self._free(box) and not segment_hits_box(spoke, box.grown(TIE_HALF + GAP))

    def label(
        self, p: Placed, spoke: tuple[float, float, float, float], size: tuple[float, float], slot: Slot, compact: bool
    ) -> Box | None:
        """A free box for the name, its middle in the sector: away from the client, else turned to either side."""
        boxes = [beside(p.x, p.y, p.angle + turn, p.radius + 3, size) for turn in TURNS]
        if compact:  # nobody further out: the label that reaches least far
            boxes.sort(key=_far)
        for box in boxes:
            centre = math.atan2(box.centre[1], box.centre[0])
            inside = (centre - slot.first) % math.tau <= (slot.last - slot.first) or slot.last - slot.first > 6.2
            if inside and self.fits(box, spoke):
                return box
        return None

    def _pill(self, p: Placed, spoke: tuple[float, float, float, float], size: tuple[float, float]) -> Box | None:
        """A free spot beside the tie (never on it) for the support letters, nearest the middle first."""
        x1, y1, x2, y2 = spoke
        length = math.hypot(x2 - x1, y2 - y1)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        width, height = size[0] + 2 * PILL[0], size[1] + 2 * PILL[1]
        offset = abs(uy) * width / 2 + abs(ux) * height / 2 + TIE_HALF / 2 + GAP
        assert p.label is not None
        for t in (0.5, 0.62, 0.38, 0.74, 0.26, 0.86):
            for side in (1, -1):
                cx, cy = x1 + t * (x2 - x1) - side * uy * offset, y1 + t * (y2 - y1) + side * ux * offset
                box = Box.around(cx, cy, width, height)
                if self._free(box) and not box.overlaps(p.label, GAP):
                    return box
        return None

    def _commit(self, p: Placed, spoke: tuple[float, float, float, float], pill: Box | None) -> None:
        self.field.add_disc(p.x, p.y, p.radius)
        if p.person.strength is not None:
            self.field.add_segment(spoke, LINE_HALF)
            x1, y1, x2, y2 = spoke
            share = min(1.0, (ARROW + 2) / max(math.hypot(x2 - x1, y2 - y1), 1e-9))
            if p.person.flow in ("to_client", "both"):
                self.field.add_segment((x1, y1, x1 + share * (x2 - x1), y1 + share * (y2 - y1)), TIE_HALF)
            if p.person.flow in ("from_client", "both"):
                self.field.add_segment((x2 - share * (x2 - x1), y2 - share * (y2 - y1), x2, y2), TIE_HALF)
        for box in (p.label, pill):
            if box is not None:
                self.field.add_box(box)


def slots(people: tuple[Person, ...], sectors: list[tuple[str, float, float]]) -> dict[str, Slot]:
    """Every contact its own direction, evenly spread over its sector: the closest first (clockwise), then by name."""
    found = {}
    rings = list(RING_HEADINGS)
    for category, first, last in sectors:
        members = sorted((p for p in people if p.category == category), key=lambda p: rings.index(ring_of(p)))
        room = (last - first) / len(members)
        for j, person in enumerate(members):
            found[person.id] = Slot(first + (j + 0.5) * room, room, first, last)
    return found


def _rings(
    placer: Placer, picture: Picture, sectors: list[tuple[str, float, float]], words: Words
) -> tuple[list[Placed], list[Text], list[tuple[str, float, float]]] | None:
    """Every contact ring by ring from the client outwards, and each ring's inner and outer edge (halfway between
    its farthest contact and the next ring's nearest); None when a contact finds no room.

    The directions of the contacts still to come are kept free (their ties will run there), so a contact moves
    outwards until its node and name leave room for the ties of its neighbours.
    """
    style = placer.style
    directions = slots(picture.people, sectors)
    base = placer.client_radius + style.first
    rings = list(RING_HEADINGS)
    last = max((rings.index(ring_of(p)) for p in picture.people), default=0)
    reserved = {p.id: placer.reserve(directions[p.id].angle) for p in picture.people}
    placed: list[Placed] = []
    codes: list[Text] = []
    edges: list[tuple[str, float, float]] = []
    inner = placer.client_radius
    for index, ring in enumerate(rings):
        members = sorted((p for p in picture.people if ring_of(p) == ring), key=lambda p: directions[p.id].angle)
        for person in members:
            placer.field.remove_segment(reserved[person.id])
            need = Need(words.lines(person), words.code(person), index == last)
            found = placer.contact(person, directions[person.id], base, need)
            if found is None:
                return None
            placed.append(found[0])
            codes += [found[1]] if found[1] else []
        dists = [math.hypot(p.x, p.y) for p in placed if ring_of(p.person) == ring]
        outer = max(dists) + style.ring_gap / 2 if dists else inner + EMPTY_RING
        edges.append((ring, inner, outer))
        inner, base = outer, max(outer + style.ring_gap / 2, placer.client_radius + style.first)
    return placed, codes, edges


@dataclass(frozen=True)
class Words:
    """What the layout measures beside the names: the lines under a name, and the size of support letters."""

    lines: Callable[[Person], list[str]]
    code: Callable[[Person], tuple[float, float] | None]


def plan(picture: Picture, words: Words) -> Plan:
    """Lay out the ecogram: names beside the nodes if they fit in a circle of BIGGEST, else numbered nodes."""
    client_lines, client_label, client_radius = client_name(picture.client_name)
    arrows = sum(p.flow in ("to_client", "both") for p in picture.people if p.strength)
    client_radius = max(client_radius, arrows * ARROW * 0.8 / math.tau)
    counts: dict[str, int] = {}
    for person in picture.people:
        counts[person.category] = counts.get(person.category, 0) + 1
    sectors = allocate(list(counts.items()))
    for style in (NAMES, NUMBERS) if len(picture.people) <= NAMES_UP_TO else (NUMBERS,):
        placer = Placer(client_radius, style)
        found = _rings(placer, picture, sectors, words)
        if found is None:
            continue
        placed, codes, edges = found
        layout = Plan(client_radius, client_label, client_lines, sectors, edges, placed, codes, style.numbered, placer)
        layout.radius = max([edges[-1][2], *(_reach(p) for p in placed), *(_far(t.box) for t in codes)]) + 8
        if style.numbered or layout.radius <= BIGGEST:
            if style.numbered:
                for number, p in enumerate(sorted(placed, key=lambda p: p.slot.angle if p.slot else 0.0), start=1):
                    p.number = number  # clockwise from the top, as the key lists them
            return layout
    raise RuntimeError("no layout")  # cannot happen: numbered contacts always find room further out


def _far(box: Box) -> float:
    return max(math.hypot(x, y) for x, y in box.corners)


def _reach(p: Placed) -> float:
    return max(math.hypot(p.x, p.y) + p.radius, _far(p.label) if p.label else 0.0)
