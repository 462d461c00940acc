"""Hartman's notation as SVG: one function per mark, used by the ecogram and by its legend alike.

strong: a thick solid line; normal: a solid line; tenuous: a dashed line; stressful: slanted hatch strokes
across the line every few units, whichever way it runs ("-/-/-/-"); arrows where support arrives (both ends
when it runs both ways). People are round; professionals and advisers (people and organisations whose help
is their work) square. The marks differ by dash, hatching, thickness and shape, so they print in black and
white; colour only adds meaning: a stressful tie is red as well as hatched.
"""

from __future__ import annotations

import math

from services.web.drawing.layout import ELLIPSIS, Box, wrap
from services.web.drawing.model import Person
from services.web.drawing.svg import INK, STRESS, Font, el

STROKE_WIDTHS = {"strong": 5.0, "normal": 2.0, "tenuous": 1.6}
DASHES = {"tenuous": "7 5"}
HATCH_STEP = 7.0  # between two hatch strokes on a stressful tie
ARROW = 10.0
ACQUAINTANCE = {"stroke": "#8c8c8c", "stroke-width": 0.9}
CLIENT = Font(14.0, bold=True, cls="client-name")
SQUARE = frozenset({"professional", "adviser"})  # help that is their work: drawn square
NODE_R = 7.0  # a node with the name beside it
NUMBERED_R = 9.5  # a node with a number in it
SPIL_RING = 4.5  # how far the spilmantelzorger's second ring lies outside the node


SQUARE_SIDE = 1.7  # a square node's side, in its nominal radius


def base_radius(numbered: bool) -> float:
    """A node's nominal radius: a circle's radius, a square's half side (a little less)."""
    return NUMBERED_R if numbered else NODE_R


def node_radius(person: Person, numbered: bool) -> float:
    """How far a contact's node reaches from its centre (a square's corners, the spilmantelzorger's second ring)."""
    base = base_radius(numbered)
    if person.spilmantelzorger:
        return base + SPIL_RING
    return base * SQUARE_SIDE / math.sqrt(2) if person.category in SQUARE else base


def defs(prefix: str) -> str:
    """The hatching and the two arrowheads (in black, and in red for stressful ties), ids starting with the prefix."""
    head = {"viewBox": "0 0 10 10", "markerWidth": ARROW, "markerHeight": ARROW, "markerUnits": "userSpaceOnUse"}
    hatch = {
        "id": f"{prefix}-hatch",
        "class": "hatching stressful",
        "viewBox": "-5 -6 10 12",
        "markerWidth": 10,
        "markerHeight": 12,
        "markerUnits": "userSpaceOnUse",
        "refX": 0,
        "refY": 0,
        "orient": "auto",
    }
    parts = [
        el("marker", hatch, el("path", {"d": "M-3,5 L3,-5", "stroke": STRESS, "stroke-width": 1.6, "fill": "none"}))
    ]
    for suffix, colour, cls in (("", INK, "arrow"), ("-stress", STRESS, "arrow stressful")):
        end = {"id": f"{prefix}-arrow-end{suffix}", "class": cls, **head, "refX": 0, "refY": 5, "orient": "auto"}
        start = {"id": f"{prefix}-arrow-start{suffix}", "class": cls, **head, "refX": 10, "refY": 5, "orient": "auto"}
        parts.append(el("marker", end, el("path", {"d": "M0,0 L10,5 L0,10 z", "fill": colour})))
        parts.append(el("marker", start, el("path", {"d": "M10,0 L0,5 L10,10 z", "fill": colour})))
    return "".join(parts)


def tie(prefix: str, line: tuple[float, float, float, float], strength: str, stressful: bool, flow: str) -> str:
    """A tie from the client's end (x1, y1) to the contact's end (x2, y2).

    An arrow at the client's end means support reaches the client (flow to_client); at the contact's end,
    support goes from the client to the contact; both ends: support both ways.
    """
    x1, y1, x2, y2 = line
    at_client, at_contact = flow in ("to_client", "both"), flow in ("from_client", "both")
    length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1e-9)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    pull = min(ARROW, length / 3)  # the arrowhead carries the line's last stretch, so its tip stays sharp
    sx, sy = (x1 + ux * pull, y1 + uy * pull) if at_client else (x1, y1)
    ex, ey = (x2 - ux * pull, y2 - uy * pull) if at_contact else (x2, y2)
    parts = []
    if stressful:
        parts.append(_hatching(prefix, (sx, sy), (ex, ey)))
    colour = "-stress" if stressful else ""
    parts.append(
        el(
            "line",
            {
                "class": "tie-line",
                "x1": sx,
                "y1": sy,
                "x2": ex,
                "y2": ey,
                "stroke": STRESS if stressful else INK,
                "stroke-width": STROKE_WIDTHS.get(strength, 2.0),
                "stroke-dasharray": DASHES.get(strength),
                "marker-start": f"url(#{prefix}-arrow-start{colour})" if at_client else None,
                "marker-end": f"url(#{prefix}-arrow-end{colour})" if at_contact else None,
            },
        )
    )
    return "".join(parts)


def _hatching(prefix: str, start: tuple[float, float], end: tuple[float, float]) -> str:
    """A run of points along the tie with a hatch stroke (a marker) at each one but the ends."""
    length = math.dist(start, end)
    count = max(int(length // HATCH_STEP), 2)
    points = " ".join(
        f"{start[0] + (end[0] - start[0]) * i / count:.1f},{start[1] + (end[1] - start[1]) * i / count:.1f}"
        for i in range(count + 1)
    )
    return el(
        "polyline",
        {
            "class": "tie-hatching",
            "points": points,
            "fill": "none",
            "stroke": "none",
            "marker-mid": f"url(#{prefix}-hatch)",
        },
    )


def acquaintance(x1: float, y1: float, x2: float, y2: float) -> str:
    """Two contacts who know each other: a thin grey line, lighter than any tie."""
    return el("line", {"class": "acquaintance", "x1": x1, "y1": y1, "x2": x2, "y2": y2, **ACQUAINTANCE})


def node(  # noqa: PLR0913 - a node is drawn by its place, size and three marks
    x: float,
    y: float,
    radius: float,
    *,
    spilmantelzorger: bool = False,
    square: bool = False,
    at_a_distance: bool = False,
) -> str:
    """A contact's node: a circle for a person, a square for a professional, grey when contact is mostly at a
    distance; the spilmantelzorger's has a second ring around it (`radius` is the node's own, without that ring)."""
    style = {"fill": "#a6a6a6" if at_a_distance else "#fff", "stroke": INK, "stroke-width": 1.6}
    if square:
        side = radius * SQUARE_SIDE
        inner = el(
            "rect", {"class": "node", "x": x - side / 2, "y": y - side / 2, "width": side, "height": side, **style}
        )
    else:
        inner = el("circle", {"class": "node", "cx": x, "cy": y, "r": radius, **style})
    if not spilmantelzorger:
        return inner
    ring = {"class": "spil-ring", "cx": x, "cy": y, "r": radius + SPIL_RING, "fill": "none", "stroke": INK}
    return el("circle", {**ring, "stroke-width": 1.6}) + inner


def client(radius: float) -> str:
    """The client in the centre."""
    return el(
        "circle",
        {"class": "client-node", "cx": 0, "cy": 0, "r": radius, "fill": "#ececec", "stroke": INK, "stroke-width": 2.5},
    )


def client_name(name: str) -> tuple[list[str], Box, float]:
    """The client's name in the centre: wrapped to make the smallest circle, with the circle's radius."""
    best: tuple[bool, float, list[str], Box] | None = None
    for limit in (8, 10, 12, 14, 16):
        lines = wrap(name, limit, 4)
        box = Box.around(0, 0, *CLIENT.measure(lines))
        radius = max(30.0, math.hypot(box.width, box.height) / 2 + 3)
        cut = any(line.endswith(ELLIPSIS) for line in lines)
        if best is None or (cut, radius) < best[:2]:
            best = (cut, radius, lines, box)
    assert best is not None
    return best[2], best[3], best[1]
