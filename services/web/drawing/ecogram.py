"""The ecogram: the client in the centre, contacts around by category, ties in Hartman's notation."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

from domain.words import drawings as words
from services.web.drawing import notation
from services.web.drawing.layout import Box, polar
from services.web.drawing.legend import legend_parts
from services.web.drawing.model import Person, Picture, read_map
from services.web.drawing.notation import CLIENT
from services.web.drawing.placement import CODE, HEADING, NAME, Placed, Plan, plan, tie_ends
from services.web.drawing.svg import (
    About,
    Translate,
    caption,
    check_prefix,
    document,
    el,
    esc,
    identity,
    label,
)
from services.web.drawing.words import CATEGORY_HEADINGS, SPILMANTELZORGER, SUPPORT_CODES

MARGIN = 12.0
SECTOR_FILL = "#f0f0f0"


def support_label(person: Person, gettext: Translate) -> str:
    """The codes on a tie: what the client receives ("P E"), then in brackets what the client gives ("(G)")."""
    received = " ".join(gettext(SUPPORT_CODES.get(t, t)) for t in person.receives)
    given = " ".join(gettext(SUPPORT_CODES.get(t, t)) for t in person.gives)
    return " ".join(part for part in (received, f"({given})" if given else "") if part)


def ecogram_svg(
    map_data: Mapping[str, Any],
    date_label: str,
    *,
    gettext: Translate = identity,
    with_legend: bool = False,
    id_prefix: str = "ecogram",
) -> str:
    """The ecogram of a network map (as GET /api/networks/<id>/map answers it), as an inline SVG string.

    `date_label` is the day the map shows, written out by the caller ("26 november 2026"); `gettext`
    translates every caption (the Dutch text is the message id); `id_prefix` keeps the ids of markers and
    patterns unique when several drawings share one page.
    """
    prefix = check_prefix(id_prefix)
    picture = read_map(map_data)
    codes = {p.id: support_label(p, gettext) for p in picture.people}
    headings = {p.category: gettext(CATEGORY_HEADINGS.get(p.category, p.category)) for p in picture.people}
    layout = plan(picture, codes, headings, gettext(SPILMANTELZORGER))
    title = gettext(words.ecogram_title(picture.client_name))
    body = _drawing(prefix, picture, layout, headings)
    whole = layout.wedge_bounds()
    for box in [p.label for p in layout.placed] + [t.box for t in layout.codes + layout.headings]:
        whole = whole.union(box)
    captions, whole = caption(title, date_label, whole)
    body.append(captions)
    if with_legend:
        parts, width, height = legend_parts(prefix, gettext)
        top = whole.y1 + 16
        body.append(el("g", {"class": "legend", "transform": f"translate({whole.x0:.1f},{top:.1f})"}, parts))
        whole = whole.union(Box(whole.x0, top, whole.x0 + width, top + height))
    desc = describe(picture, date_label, gettext)
    about = About("ecogram", prefix, f"{title}, {date_label}", desc)
    return document(about, whole.grown(MARGIN), body, notation.defs(prefix))


def _drawing(prefix: str, picture: Picture, layout: Plan, headings: dict[str, str]) -> list[str]:
    client_name = label(layout.client_label, layout.client_lines, CLIENT)
    codes = (label(t.box, t.lines, CODE) for t in layout.codes)
    return [
        el("g", {"class": "sectors"}, *_sectors(layout)),
        el("g", {"class": "acquaintances"}, *_acquaintances(picture, layout)),
        el("g", {"class": "ties"}, *(_tie(prefix, layout, p) for p in layout.placed if p.person.strength)),
        el("g", {"class": "contacts"}, *(_contact(p, headings) for p in layout.placed)),
        el("g", {"class": "client"}, notation.client(layout.client_radius), client_name),
        el("g", {"class": "tie-labels"}, *codes),
        el("g", {"class": "headings"}, *(_heading(t.key, t.box, t.lines) for t in layout.headings)),
    ]


def _wedge(inner: float, outer: float, first: float, last: float) -> str:
    large = 1 if last - first > math.pi else 0
    a, b = polar(0, 0, inner, first), polar(0, 0, outer, first)
    c, d = polar(0, 0, outer, last), polar(0, 0, inner, last)
    n = [f"{v:.1f}" for v in (*a, *b, *c, *d)]
    return (
        f"M{n[0]},{n[1]} L{n[2]},{n[3]} A{outer:.1f},{outer:.1f} 0 {large} 1 {n[4]},{n[5]} "
        f"L{n[6]},{n[7]} A{inner:.1f},{inner:.1f} 0 {large} 0 {n[0]},{n[1]} Z"
    )


def _sectors(layout: Plan) -> list[str]:
    """A light wedge per category (white seams between them); one category: a plain disc."""
    inner = layout.client_radius + 8
    style = {"fill": SECTOR_FILL, "stroke": "#fff", "stroke-width": 3}
    if len(layout.sectors) == 1:
        category = layout.sectors[0][0]
        disc = {"class": "sector", "data-category": category, "data-angles": "0 360", "r": layout.reach[category]}
        return [el("circle", {**disc, **style})]
    return [
        el(
            "path",
            {
                "class": "sector",
                "data-category": c,
                "data-angles": f"{math.degrees(first):.1f} {math.degrees(last):.1f}",
                "d": _wedge(inner, layout.reach[c], first, last),
                **style,
            },
        )
        for c, first, last in layout.sectors
    ]


def _acquaintances(picture: Picture, layout: Plan) -> list[str]:
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


def _tie(prefix: str, layout: Plan, p: Placed) -> str:
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


def _contact(p: Placed, headings: dict[str, str]) -> str:
    person = p.person
    attrs = {
        "class": "contact spilmantelzorger" if person.spilmantelzorger else "contact",
        "data-contact-id": person.id,
        "data-category": person.category,
    }
    hint = el("title", None, esc(f"{person.name} ({headings.get(person.category, person.category)})"))
    node = notation.node(p.x, p.y, p.radius, person.spilmantelzorger)
    return el("g", attrs, hint, node, label(p.label, p.lines, NAME))


def _heading(category: str, box: Box, lines: list[str]) -> str:
    return el(
        "g",
        {"class": "heading", "data-category": category},
        label(box, lines, HEADING),
    )


def describe(picture: Picture, date_label: str, gettext: Translate) -> str:
    """The drawing in words, for screen readers: size, groups, ties by strength, the spilmantelzorger."""
    people = picture.people
    tied = [p for p in people if p.strength]
    strengths = dict(Counter(str(p.strength) for p in tied))
    said = words.ecogram_description(
        picture.client_name,
        date_label,
        len(people),
        len({p.category for p in people}),
        strengths,
        sum(p.stressful for p in tied),
        len(picture.acquaintances),
    )
    spil = next((p for p in people if p.spilmantelzorger), None)
    if spil:
        said.append(words.spilmantelzorger_is(spil.name))
    return " ".join(gettext(part) for part in said)
