"""Around the contacts on the ecogram: the rings' names, the category headings outside the disc, and, when the
nodes carry numbers, the key.

Placed after the contacts, so the words in them (translated) never move a contact: the drawing has the same
geometry in every language.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from services.web.drawing.layout import LINE_HEIGHT, Box, beside, polar, text_width, wrap
from services.web.drawing.placement import CODE, GAP, HEADING, PILL, Plan, pill_box
from services.web.drawing.svg import CHANGE, GREY, LIGHT, STRESS, Font, el, label

KEY_NAME = Font(12.0, cls="label name", anchor="start")
KEY_NUMBER = Font(12.0, bold=True, cls="key-number", anchor="end")
KEY_HEADING = Font(12.0, bold=True, cls="key-heading", fill=GREY, anchor="start")
COLUMN = 256.0  # a column of the key
COLUMNS = 3  # at most: the key stays inside 800 units
GUTTER = 16.0
NUMBER_W = 26.0  # the numbers' column, right-aligned
RING = Font(12.0, cls="ring-label", fill=GREY)
ROW = KEY_NAME.size * LINE_HEIGHT
MARKED = {STRESS: "overloaded", CHANGE: "changed"}  # what a word in colour under a name says


def headings(layout: Plan, names: dict[str, str]) -> list[tuple[Box, list[str], str]]:
    """Each sector's name just outside the disc at the middle of its arc, moved along it or out when two meet."""
    found: list[tuple[Box, list[str], str]] = []
    for category, first, last in layout.sectors:
        lines = wrap(names[category], 12, 2)
        size = HEADING.measure(lines)
        middle, span = (first + last) / 2, last - first
        box = None
        for out in range(0, 400, 6):
            for share in (0.0, 0.2, -0.2, 0.35, -0.35):
                angle = middle + share * span
                candidate = beside(*polar(0, 0, layout.radius + 4 + out, angle), angle, 0, size)
                if not any(candidate.overlaps(other, 4) for other, _, _ in found):
                    box = candidate
                    break
            if box:
                break
        assert box is not None  # far enough out every heading is free
        found.append((box, lines, category))
    return found


@dataclass(frozen=True)
class Entry:
    """A contact in the key: number, full name, words under it (each with a colour), support letters, category."""

    number: int
    name: str
    extras: list[tuple[str, str | None]]
    code: str
    category: str
    heading: str


Block = tuple[float, Callable[[float, float], list[str]]]  # a block's height and how to draw it at (x, y)


def _entry(entry: Entry) -> Block:
    lines = [(line, None) for line in wrap(entry.name, 30, 2)] + entry.extras
    texts = [line for line, _ in lines]
    size = KEY_NAME.measure(texts)
    code_size = CODE.measure([entry.code]) if entry.code else (0.0, 0.0)
    right = NUMBER_W + size[0] + 8 + code_size[0] + 2 * PILL[0] <= COLUMN  # the letters right of the name
    height = size[1] + (ROW if entry.code and not right else 0)

    def draw(x: float, y: float) -> list[str]:
        number = str(entry.number)
        parts = [
            label(Box(x, y, x + NUMBER_W - 6, y + ROW), [number], KEY_NUMBER),
            label(Box(x + NUMBER_W, y, x + NUMBER_W + size[0], y + size[1]), texts, KEY_NAME, [c for _, c in lines]),
        ]
        if entry.code:
            left = x + NUMBER_W + (size[0] + 8 if right else 0) + PILL[0]
            centre = (left + code_size[0] / 2, y + (0 if right else size[1]) + ROW / 2)
            parts.append(_pill(centre, code_size, entry.code))
        marks = [MARKED[colour] for _, colour in entry.extras if colour in MARKED]
        return [el("g", {"class": " ".join(["key-entry", *marks]), "data-number": entry.number}, *parts)]

    return height + 3, draw


def _pill(centre: tuple[float, float], size: tuple[float, float], text: str) -> str:
    pill = pill_box(centre, size)
    background = {"x": pill.x0, "y": pill.y0, "width": pill.width, "height": pill.height, "rx": 4}
    return el("rect", {"class": "code-background", **background, "fill": LIGHT}) + label(
        Box.around(*centre, *size), [text], CODE
    )


def _heading(text: str) -> Block:
    def draw(x: float, y: float) -> list[str]:
        return [
            label(Box(x, y + 4, x + text_width(text, KEY_HEADING.size, bold=True), y + 4 + ROW), [text], KEY_HEADING)
        ]

    return ROW + 6, draw


def _columns(blocks: list[tuple[bool, Block]], count: int) -> list[list[Block]]:
    """The blocks in `count` columns of about equal height; a heading stays with the entry under it."""
    target = sum(block[0] for _, block in blocks) / count
    columns: list[list[Block]] = [[]]
    height = 0.0
    for i, (is_heading, block) in enumerate(blocks):
        needs = block[0] + (blocks[i + 1][1][0] if is_heading and i + 1 < len(blocks) else 0.0)
        after_heading = i > 0 and blocks[i - 1][0]
        if columns[-1] and len(columns) < count and not after_heading and height + needs > target * 1.04:
            columns.append([])
            height = 0.0
        columns[-1].append(block)
        height += block[0]
    return columns


def key(entries: list[Entry], above: Box) -> tuple[str, Box]:
    """The numbered contacts by category in columns under the drawing, with their support letters."""
    blocks: list[tuple[bool, Block]] = []
    for i, entry in enumerate(entries):
        if i == 0 or entries[i - 1].category != entry.category:
            blocks.append((True, _heading(entry.heading)))
        blocks.append((False, _entry(entry)))
    count = max(1, min(COLUMNS, -(-len(entries) // 10)))
    columns = _columns(blocks, count)
    width = len(columns) * (COLUMN + GUTTER) - GUTTER
    left = min(above.x0, (above.x0 + above.x1 - width) / 2)
    top, parts, bottom = above.y1 + 16, [], above.y1 + 16
    for c, column in enumerate(columns):
        x, y = left + c * (COLUMN + GUTTER), top
        for height, draw in column:
            parts += draw(x, y)
            y += height
        bottom = max(bottom, y)
    return el("g", {"class": "key"}, *parts), Box(left, top, left + width, bottom)


def ring_names(layout: Plan, names: dict[str, str]) -> list[tuple[Box, list[str], str]]:
    """Each closeness ring's name inside its band, on a border between two sectors where nothing else is."""
    borders = sorted(
        {first % math.tau for _, first, _ in layout.sectors} | {math.pi * 3 / 2, math.pi / 2},
        key=lambda a: (round(abs(math.cos(a)), 6), math.sin(a)),
    )  # the most upright first, the one at the top before the one at the bottom
    found = []
    for ring, inner, outer in layout.rings:
        size = RING.measure([names[ring]])
        for angle in borders:
            box = Box.around(*polar(0, 0, (inner + outer) / 2, angle), *size)
            across = abs(math.cos(angle)) * size[0] + abs(math.sin(angle)) * size[1]  # how much of the band it takes
            if across <= outer - inner + 2 and layout.placer.field.box_free(box, GAP):
                found.append((box, [names[ring]], ring))
                break
    return found
