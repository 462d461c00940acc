"""Geometry for the drawings: label boxes from an estimated text width, overlap checks, polar positions.

Text is measured without a font engine: each character's advance width is taken from DejaVu Sans (the
widest of the usual sans-serif fallbacks; Arial and Liberation Sans are narrower), so a box computed here
holds the text in whichever of those fonts the browser or printer uses.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

LINE_HEIGHT = 1.2  # in em, as the text helper writes multi-line labels
ELLIPSIS = "…"
BOLD = 1.15  # DejaVu Sans Bold against Book, with a margin
_WIDTHS: dict[str, float] = {}
for _chars, _em in (
    (" .,:;'|!ijlI", 0.42),
    ('frtJ()[]-/`"', 0.45),
    ("ckstvxyzLFTP?*Y", 0.62),
    ("abdeghnopqu0123456789$_SE", 0.67),
    ("ABKRVXZ", 0.72),
    ("CDGHNOQU&{}", 0.81),
    ("#+=<>~^", 0.86),
    ("mwMW%@", 1.02),
):
    _WIDTHS.update(dict.fromkeys(_chars, _em))


def char_width(char: str) -> float:
    """One character's advance in em (a generous estimate)."""
    if char in _WIDTHS:
        return _WIDTHS[char]
    base = unicodedata.normalize("NFD", char)[:1]
    if base in _WIDTHS:
        return _WIDTHS[base]
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.8


def text_width(line: str, size: float, *, bold: bool = False) -> float:
    """The width of one line of text at this font size."""
    return sum(char_width(c) for c in line) * size * (BOLD if bold else 1.0)


def block_size(lines: list[str], size: float, *, bold: bool = False) -> tuple[float, float]:
    """Width and height of a block of lines (height from the top of the first to the bottom of the last)."""
    width = max((text_width(line, size, bold=bold) for line in lines), default=0.0)
    return width, size * LINE_HEIGHT * len(lines)


def shorten(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + ELLIPSIS


def _tokens(text: str, limit: int) -> list[tuple[str, str]]:
    """(joiner, word) for each word; a word longer than the limit breaks after its hyphens, joined by nothing."""
    tokens: list[tuple[str, str]] = []
    for word in text.split():
        pieces = [word] if len(word) <= limit else [p + "-" for p in word.split("-")[:-1]] + [word.split("-")[-1]]
        tokens += [(" " if i == 0 else "", piece) for i, piece in enumerate(p for p in pieces if p)]
    return [("", word) if i == 0 else (joiner, word) for i, (joiner, word) in enumerate(tokens)]


def _even(tokens: list[tuple[str, str]], lines: int) -> list[str]:
    """The tokens on this many lines, the longest line as short as it can be (widths as drawn)."""
    count = len(tokens)

    def line(i: int, j: int) -> str:
        return "".join(joiner + word if k > i else word for k, (joiner, word) in enumerate(tokens[i:j], start=i))

    best: dict[tuple[int, int], tuple[float, list[str]]] = {}

    def split(start: int, left: int) -> tuple[float, list[str]]:
        if (start, left) not in best:
            if left == 1:
                text = line(start, count)
                best[start, left] = (text_width(text, 1.0), [text])
            else:
                options = []
                for end in range(start + 1, count - left + 2):
                    head = line(start, end)
                    rest_width, rest = split(end, left - 1)
                    options.append((max(text_width(head, 1.0), rest_width), [head, *rest]))
                best[start, left] = min(options, key=lambda o: o[0])
        return best[start, left]

    return split(0, min(lines, count))[1]


def wrap(text: str, limit: int, max_lines: int = 3) -> list[str]:
    """The text on as few lines of at most `limit` characters as it takes (at most `max_lines`), evenly filled.

    Broken at spaces, and after a hyphen inside a word too long for a line; never cut, unless a line would still
    be twice the limit (then it ends in an ellipsis; the drawings keep the full name in a tooltip).
    """
    tokens = _tokens(text, limit)
    if not tokens:
        return [""]
    for lines in range(1, max_lines + 1):
        found = _even(tokens, lines)
        if all(len(line) <= limit for line in found) or lines == min(max_lines, len(tokens)):
            return [shorten(line, 2 * limit) for line in found]
    return [shorten(line, 2 * limit) for line in _even(tokens, max_lines)]


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle (x0, y0) to (x1, y1)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def around(cls, cx: float, cy: float, width: float, height: float) -> Box:
        return cls(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    @property
    def corners(self) -> tuple[tuple[float, float], ...]:
        return (self.x0, self.y0), (self.x1, self.y0), (self.x1, self.y1), (self.x0, self.y1)

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return not (
            self.x1 + gap <= other.x0
            or other.x1 + gap <= self.x0
            or self.y1 + gap <= other.y0
            or other.y1 + gap <= self.y0
        )

    def grown(self, pad: float) -> Box:
        return Box(self.x0 - pad, self.y0 - pad, self.x1 + pad, self.y1 + pad)

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))


class Obstacles:
    """Boxes already placed, in a coarse grid, to ask quickly whether a new box is free."""

    CELL = 48.0

    def __init__(self, gap: float = 2.0) -> None:
        self.gap = gap
        self.boxes: list[Box] = []
        self._grid: dict[tuple[int, int], list[int]] = {}

    def _cells(self, box: Box) -> list[tuple[int, int]]:
        c = self.CELL
        xs = range(math.floor((box.x0 - self.gap) / c), math.floor((box.x1 + self.gap) / c) + 1)
        ys = range(math.floor((box.y0 - self.gap) / c), math.floor((box.y1 + self.gap) / c) + 1)
        return [(x, y) for x in xs for y in ys]

    def free(self, box: Box) -> bool:
        seen: set[int] = set()
        for cell in self._cells(box):
            for index in self._grid.get(cell, ()):
                if index not in seen and self.boxes[index].overlaps(box, self.gap):
                    return False
                seen.add(index)
        return True

    def add(self, box: Box) -> None:
        self.boxes.append(box)
        for cell in self._cells(box):
            self._grid.setdefault(cell, []).append(len(self.boxes) - 1)


def polar(cx: float, cy: float, radius: float, angle: float) -> tuple[float, float]:
    """The point at this radius and angle (radians, clockwise from 3 o'clock, as SVG's y points down)."""
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def beside(x: float, y: float, angle: float, gap: float, size: tuple[float, float]) -> Box:
    """A box of this size next to the point (x, y), `gap` away on the side the angle points to.

    Above the point at the top of a circle, right of it on the right, below at the bottom: a label on the
    side of its node away from the centre.
    """
    ux, uy = math.cos(angle), math.sin(angle)
    fx, fy = (max(-1.0, min(1.0, math.sqrt(2) * u)) for u in (ux, uy))
    return Box.around(x + ux * gap + fx * size[0] / 2, y + uy * gap + fy * size[1] / 2, *size)
