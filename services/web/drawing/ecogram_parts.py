"""The ecogram's parts as SVG: sector wedges, closeness rings, acquaintances, highlights of what changed, ties,
contacts, support letters, the rings' and the categories' names."""

from __future__ import annotations

import math

from domain.vocabulary import REMOTE_CONTACT_MODES
from services.web.drawing import notation
from services.web.drawing.changes import Changes, Marks
from services.web.drawing.key import RING
from services.web.drawing.layout import Box, polar
from services.web.drawing.model import Picture
from services.web.drawing.notation import SQUARE
from services.web.drawing.placement import CODE, HEADING, NAME, NUMBER, Placed, Plan, pill_box, tie_ends
from services.web.drawing.svg import CHANGE_SOFT, LIGHT, STRESS, el, esc, label

SECTOR_FILLS = ("#f7f7f7", "#efefef")


def _wedge(inner: float, outer: float, first: float, last: float) -> str:
    large = 1 if last - first > math.pi else 0
    a, b = polar(0, 0, inner, first), polar(0, 0, outer, first)
    c, d = polar(0, 0, outer, last), polar(0, 0, inner, last)
    n = [f"{v:.1f}" for v in (*a, *b, *c, *d)]
    return (
        f"M{n[0]},{n[1]} L{n[2]},{n[3]} A{outer:.1f},{outer:.1f} 0 {large} 1 {n[4]},{n[5]} "
        f"L{n[6]},{n[7]} A{inner:.1f},{inner:.1f} 0 {large} 0 {n[0]},{n[1]} Z"
    )


def sectors(layout: Plan) -> list[str]:
    """A light wedge per category, all reaching the disc's edge, with white seams; one category: a plain disc."""
    style = {"stroke": "#fff", "stroke-width": 2}
    if not layout.sectors:
        return [el("circle", {"class": "disc", "r": layout.radius, "fill": SECTOR_FILLS[0]})]
    if len(layout.sectors) == 1:
        category = layout.sectors[0][0]
        disc = {"class": "sector", "data-category": category, "data-angles": "0 360", "r": layout.radius}
        return [el("circle", {**disc, "fill": SECTOR_FILLS[0], **style})]
    wedges = []
    for i, (category, first, last) in enumerate(layout.sectors):
        span = last - first
        fill = SECTOR_FILLS[i % 2] if len(layout.sectors) % 2 == 0 or i < len(layout.sectors) - 1 else "#f3f3f3"
        attrs = {
            "class": "sector",
            "data-category": category,
            "data-angles": f"{math.degrees(first) % 360:.1f} {math.degrees(first) % 360 + math.degrees(span):.1f}",
            "d": _wedge(layout.client_radius + 4, layout.radius, first, last),
            "fill": fill,
            **style,
        }
        wedges.append(el("path", attrs))
    return wedges


def rings(layout: Plan) -> list[str]:
    """The closeness rings: a fine dashed circle where one ends and the next begins."""
    style = {"fill": "none", "stroke": "#a6a6a6", "stroke-width": 1, "stroke-dasharray": "3 4"}
    return [
        el("circle", {"class": "ring", "data-ring": ring, "r": outer, **style}) for ring, _, outer in layout.rings[:-1]
    ]


def acquaintances(picture: Picture, layout: Plan) -> list[str]:
    """A thin grey line between two contacts who know each other, from node edge to node edge."""
    at = {p.person.id: p for p in layout.placed}
    lines = []
    for first, second in picture.acquaintances:
        a, b = at[first], at[second]
        length = max(math.hypot(b.x - a.x, b.y - a.y), 1e-9)
        ux, uy = (b.x - a.x) / length, (b.y - a.y) / length
        start = (a.x + ux * a.radius, a.y + uy * a.radius)
        end = (b.x - ux * b.radius, b.y - uy * b.radius)
        lines.append(notation.acquaintance(*start, *end))
    return lines


def highlights(layout: Plan, changes: Changes) -> list[str]:
    """A soft band under each tie that changed, a soft disc under each contact who came or went."""
    marks = []
    for p in layout.placed:
        change = changes.of(p.person.id)
        if change in ("stronger", "weaker") and p.person.strength:
            x1, y1, x2, y2 = tie_ends(layout.client_radius, p)
            line = {"x1": x1, "y1": y1, "x2": x2, "y2": y2, "stroke": CHANGE_SOFT, "stroke-width": 14}
            marks.append(el("line", {"class": f"changed {change}", "data-contact-id": p.person.id, **line}))
        elif change:
            disc = {"cx": p.x, "cy": p.y, "r": p.radius + 7, "fill": CHANGE_SOFT}
            marks.append(el("circle", {"class": f"changed {change}", "data-contact-id": p.person.id, **disc}))
    return marks


def tie(prefix: str, layout: Plan, p: Placed) -> str:
    """A contact's tie with the client, in Hartman's notation."""
    person = p.person
    classes = " ".join(["tie", person.strength or "", "stressful" if person.stressful else ""]).split()
    attrs = {
        "class": " ".join(classes),
        "data-contact-id": person.id,
        "data-strength": person.strength,
        "data-stressful": "true" if person.stressful else "false",
        "data-flow": person.flow,
    }
    line = tie_ends(layout.client_radius, p)
    return el("g", attrs, notation.tie(prefix, line, person.strength or "normal", person.stressful, person.flow))


def contact(p: Placed, lines: list[tuple[str, str | None]], marks: Marks) -> str:
    """A contact's node (its number in it, or its name beside it), ringed in red when the carer is overloaded."""
    person = p.person
    overloaded = person.id in marks.overloaded
    classes = ["contact"] + (["spilmantelzorger"] if person.spilmantelzorger else [])
    classes += ["overloaded"] if overloaded else []
    change = marks.changes.of(person.id)
    classes += ["changed", change] if change else []
    attrs = {"class": " ".join(classes), "data-contact-id": person.id, "data-category": person.category}
    attrs["data-contact-mode"] = person.contact_mode or ""
    hint = el("title", None, esc(person.name))
    own = notation.base_radius(bool(p.number))
    parts = [hint]
    if overloaded:
        ring = {"cx": p.x, "cy": p.y, "r": p.radius + 3, "fill": "none", "stroke": STRESS, "stroke-width": 3}
        parts.append(el("circle", {"class": "overload-ring", **ring}))
    square, distant = person.category in SQUARE, person.contact_mode in REMOTE_CONTACT_MODES
    parts.append(
        notation.node(p.x, p.y, own, spilmantelzorger=person.spilmantelzorger, square=square, at_a_distance=distant)
    )
    if p.number:
        number = str(p.number)
        parts.append(label(Box.around(p.x, p.y, *NUMBER.measure([number])), [number], NUMBER))
    if p.label is not None:
        parts.append(label(p.label, [line for line, _ in lines], NAME, [colour for _, colour in lines]))
    return el("g", attrs, *parts)


def code(contact_id: str, box: Box, text: str) -> str:
    """Support letters on a light rounded background beside their tie."""
    size = CODE.measure([text])
    pill = pill_box(box.centre, size)
    background = {"x": pill.x0, "y": pill.y0, "width": pill.width, "height": pill.height, "rx": 4}
    return el(
        "g",
        {"class": "tie-code", "data-contact-id": contact_id},
        el("rect", {"class": "code-background", **background, "fill": LIGHT, "stroke": "#c8c8c8", "stroke-width": 0.8}),
        label(Box.around(*box.centre, *size), [text], CODE),
    )


def ring_name(ring: str, box: Box, lines: list[str]) -> str:
    """A closeness ring's name, in its band."""
    return el("g", {"class": "ring-name", "data-ring": ring}, label(box, lines, RING))


def heading(category: str, box: Box, lines: list[str]) -> str:
    """A category's name, outside the disc by its sector."""
    return el("g", {"class": "heading", "data-category": category}, label(box, lines, HEADING))
