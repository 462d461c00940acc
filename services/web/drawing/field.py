"""Everything placed on a drawing so far (label boxes, node discs, tie segments), to ask quickly what is free.

A coarse grid maps each cell to what lies in it, so a question looks only at its neighbourhood: a 60-contact
ecogram asks some thousands of them.
"""

from __future__ import annotations

import math

from services.web.drawing.layout import Box

Segment = tuple[float, float, float, float]
Disc = tuple[float, float, float]
CELL = 40.0


def segment_distance(point: tuple[float, float], segment: Segment) -> float:
    """The distance from a point to the segment (ax, ay, bx, by)."""
    (px, py), (ax, ay, bx, by) = point, segment
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def segment_hits_box(segment: Segment, box: Box) -> bool:
    """Whether the segment passes through the box (Liang-Barsky clipping)."""
    ax, ay, bx, by = segment
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


def disc_hits_box(disc: Disc, box: Box) -> bool:
    """Whether the disc and the box overlap."""
    x, y, r = disc
    dx, dy = max(box.x0 - x, 0.0, x - box.x1), max(box.y0 - y, 0.0, y - box.y1)
    return math.hypot(dx, dy) < r


def _cells(box: Box) -> list[tuple[int, int]]:
    xs = range(math.floor(box.x0 / CELL), math.floor(box.x1 / CELL) + 1)
    ys = range(math.floor(box.y0 / CELL), math.floor(box.y1 / CELL) + 1)
    return [(x, y) for x in xs for y in ys]


def _segment_cells(segment: Segment, pad: float) -> set[tuple[int, int]]:
    """The cells a segment (widened by pad) may touch: small boxes along it, every half cell."""
    ax, ay, bx, by = segment
    steps = max(1, math.ceil(math.hypot(bx - ax, by - ay) / (CELL / 2)))
    found: set[tuple[int, int]] = set()
    for i in range(steps + 1):
        x, y = ax + (bx - ax) * i / steps, ay + (by - ay) * i / steps
        found.update(_cells(Box(x - pad - CELL / 4, y - pad - CELL / 4, x + pad + CELL / 4, y + pad + CELL / 4)))
    return found


class Field:
    """Boxes, discs and segments (each with its half width), and which grid cells each one touches."""

    def __init__(self) -> None:
        self.boxes: list[Box] = []
        self.discs: list[Disc] = []
        self.segments: list[tuple[Segment, float]] = []
        self._grid: dict[tuple[int, int], list[tuple[str, int]]] = {}
        self._removed: set[tuple[str, int]] = set()  # taken away again

    def _note(self, cells: set[tuple[int, int]] | list[tuple[int, int]], kind: str, index: int) -> None:
        for cell in cells:
            self._grid.setdefault(cell, []).append((kind, index))

    def _near(self, cells: set[tuple[int, int]] | list[tuple[int, int]]) -> set[tuple[str, int]]:
        return {item for cell in cells for item in self._grid.get(cell, ())} - self._removed

    def add_box(self, box: Box) -> None:
        self.boxes.append(box)
        self._note(_cells(box), "box", len(self.boxes) - 1)

    def remove_box(self, box: Box) -> None:
        """Take a box away again (the last one equal to it)."""
        self._removed.add(
            ("box", max(i for i, b in enumerate(self.boxes) if b == box and ("box", i) not in self._removed))
        )

    def remove_segment(self, index: int) -> None:
        """Take a segment away again, by the number add_segment gave it."""
        self._removed.add(("segment", index))

    def add_disc(self, x: float, y: float, r: float) -> None:
        self.discs.append((x, y, r))
        self._note(_cells(Box(x - r, y - r, x + r, y + r)), "disc", len(self.discs) - 1)

    def add_segment(self, segment: Segment, half_width: float) -> int:
        self.segments.append((segment, half_width))
        self._note(_segment_cells(segment, half_width), "segment", len(self.segments) - 1)
        return len(self.segments) - 1

    def box_free(self, box: Box, gap: float) -> bool:
        """Whether a box, kept `gap` from everything, overlaps no box, no disc and no segment."""
        for kind, index in self._near(_cells(box.grown(gap + 6))):
            if kind == "box" and self.boxes[index].overlaps(box, gap):
                return False
            if kind == "disc" and disc_hits_box(self.discs[index], box.grown(gap)):
                return False
            if kind == "segment":
                segment, half = self.segments[index]
                if segment_hits_box(segment, box.grown(gap + half)):
                    return False
        return True

    def disc_free(self, disc: Disc, gap: float) -> bool:
        """Whether a disc, kept `gap` from everything, touches no box, no disc and no segment."""
        x, y, r = disc
        for kind, index in self._near(_cells(Box(x - r - gap, y - r - gap, x + r + gap, y + r + gap))):
            if kind == "box" and disc_hits_box((x, y, r + gap), self.boxes[index]):
                return False
            if kind == "disc":
                ox, oy, other = self.discs[index]
                if math.hypot(ox - x, oy - y) < r + other + gap:
                    return False
            if kind == "segment":
                segment, half = self.segments[index]
                if segment_distance((x, y), segment) < r + half + gap:
                    return False
        return True

    def segment_free(self, segment: Segment, half_width: float, gap: float) -> bool:
        """Whether a segment of this half width, kept `gap` from boxes and discs, crosses none (other segments may)."""
        for kind, index in self._near(_segment_cells(segment, half_width + gap)):
            if kind == "box" and segment_hits_box(segment, self.boxes[index].grown(half_width + gap)):
                return False
            if kind == "disc":
                x, y, r = self.discs[index]
                if segment_distance((x, y), segment) < r + half_width + gap:
                    return False
        return True
