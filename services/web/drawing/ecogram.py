"""The ecogram: the client in the centre, contacts around by category and closeness, ties in Hartman's notation.

Layout in placement.py (where the contacts go) and key.py (ring names, category headings, the key of numbered
contacts); the SVG parts in ecogram_parts.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.words import drawings as phrases
from services.web.drawing import ecogram_parts as parts
from services.web.drawing import notation
from services.web.drawing.changes import Marks
from services.web.drawing.key import Entry, headings, key, ring_names
from services.web.drawing.layout import Box, wrap
from services.web.drawing.legend import SMALLEST, legend_parts
from services.web.drawing.model import Person, Picture, read_map
from services.web.drawing.notation import CLIENT
from services.web.drawing.placement import CODE, Plan, Words, plan
from services.web.drawing.svg import (
    CHANGE,
    STRESS,
    About,
    Translate,
    caption,
    check_prefix,
    document,
    el,
    identity,
    label,
)
from services.web.drawing.words import (
    CATEGORY_HEADINGS,
    CHANGE_CAPTIONS,
    OVERLOADED,
    RING_HEADINGS,
    SPILMANTELZORGER,
    SUPPORT_CODES,
)

MARGIN = 12.0
A4 = (703.0, 907.0)  # the printable part of an A4 page in CSS pixels (186 by 240 mm)
LEGEND_AT_A4 = 11.0  # the legend's smallest text on the printed page, in pixels
Line = tuple[str, str | None]  # a line of a label and its colour (None: black)


def support_label(person: Person, gettext: Translate) -> str:
    """The codes on a tie: what the client receives ("P E"), then in brackets what the client gives ("(G)")."""
    received = " ".join(gettext(SUPPORT_CODES.get(t, t)) for t in person.receives)
    given = " ".join(gettext(SUPPORT_CODES.get(t, t)) for t in person.gives)
    return " ".join(part for part in (received, f"({given})" if given else "") if part)


def extras(person: Person, marks: Marks, gettext: Translate) -> list[Line]:
    """The words under a contact's name, each with its colour: spilmantelzorger, overloaded, what changed."""
    found: list[Line] = []
    if person.spilmantelzorger:
        found.append((gettext(SPILMANTELZORGER), None))
    if person.id in marks.overloaded:
        found.append((gettext(OVERLOADED), STRESS))
    change = marks.changes.of(person.id)
    if change:
        found.append((gettext(CHANGE_CAPTIONS[change]), CHANGE))
    return found


def name_lines(person: Person) -> list[str]:
    """A contact's name beside the node: wrapped on up to three lines, not cut."""
    return wrap(person.name, 16, 3)


def label_lines(person: Person, marks: Marks, gettext: Translate) -> list[Line]:
    """A contact's label beside the node: the name, the support letters if there is no tie to put them beside,
    then the words under the name."""
    untied = person.strength is None and (person.receives or person.gives)
    letters: list[Line] = [(support_label(person, gettext), None)] if untied else []
    return [(line, None) for line in name_lines(person)] + letters + extras(person, marks, gettext)


@dataclass(frozen=True)
class Shown:
    """The words as drawn (translated): each contact's label lines and support letters, and the marks."""

    lines: dict[str, list[Line]]
    codes: dict[str, str]
    marks: Marks


def ecogram_svg(  # noqa: PLR0913 - the drawing's options, all by keyword
    map_data: Mapping[str, Any],
    date_label: str,
    *,
    gettext: Translate = identity,
    with_legend: bool = False,
    id_prefix: str = "ecogram",
    marks: Marks | None = None,
) -> str:
    """The ecogram of a network map (as GET /api/networks/<id>/map answers it), as an inline SVG string.

    `date_label` is the day the map shows, written out by the caller ("26 november 2026"); `gettext`
    translates every caption (the Dutch text is the message id); `id_prefix` keeps the ids of markers and
    patterns unique when several drawings share one page; `marks` adds what changed (see
    changes.what_changed) and the carers with signals of overload.
    """
    prefix = check_prefix(id_prefix)
    picture = read_map(map_data)
    marked = marks or Marks()
    words = Words(  # measured in Dutch: the same geometry in every language
        lines=lambda p: [line for line, _ in label_lines(p, marked, identity)],
        code=lambda p: CODE.measure([support_label(p, identity)]) if p.receives or p.gives else None,
    )
    layout = plan(picture, words)
    shown = Shown(
        {p.id: label_lines(p, marked, gettext) for p in picture.people},
        {p.id: support_label(p, gettext) for p in picture.people},
        marked,
    )
    if not layout.numbered:
        layout.refit({i: [line for line, _ in lines] for i, lines in shown.lines.items()})
    body, whole = _drawing(prefix, picture, layout, shown, gettext)
    title = gettext(phrases.ecogram_title(picture.client_name))
    captions, whole = caption(title, date_label, whole)
    body.append(captions)
    if with_legend:
        legend, whole = _legend_below(prefix, gettext, whole)
        body.append(legend)
    about = About("ecogram", prefix, f"{title}, {date_label}", describe(picture, date_label, gettext))
    return document(about, whole.grown(MARGIN), body, notation.defs(prefix))


def _drawing(prefix: str, picture: Picture, layout: Plan, shown: Shown, gettext: Translate) -> tuple[list[str], Box]:
    """Everything but the captions and the legend, and the box around it."""
    client_name = label(layout.client_label, layout.client_lines, CLIENT)
    names = {c: gettext(CATEGORY_HEADINGS.get(c, c)) for c, _, _ in layout.sectors}
    tops = headings(layout, names)
    rings = ring_names(layout, {ring: gettext(RING_HEADINGS[ring]) for ring, _, _ in layout.rings})
    body = [
        el("g", {"class": "sectors"}, *parts.sectors(layout)),
        el("g", {"class": "rings"}, *parts.rings(layout)),
        el("g", {"class": "acquaintances"}, *parts.acquaintances(picture, layout)),
        el("g", {"class": "changes"}, *parts.highlights(layout, shown.marks.changes)),
        el("g", {"class": "ties"}, *(parts.tie(prefix, layout, p) for p in layout.placed if p.person.strength)),
        el(
            "g",
            {"class": "contacts"},
            *(parts.contact(p, shown.lines[p.person.id], shown.marks) for p in layout.placed),
        ),
        el("g", {"class": "client"}, notation.client(layout.client_radius), client_name),
        el("g", {"class": "tie-labels"}, *(parts.code(t.key, t.box, shown.codes[t.key]) for t in layout.codes)),
        el("g", {"class": "ring-names"}, *(parts.ring_name(r, b, lines) for b, lines, r in rings)),
        el("g", {"class": "headings"}, *(parts.heading(c, b, lines) for b, lines, c in tops)),
    ]
    whole = layout.disc_box()
    for box, _, _ in tops:
        whole = whole.union(box)
    if layout.numbered:
        entries = [
            Entry(p.number, p.person.name, extras(p.person, shown.marks, gettext), shown.codes[p.person.id],
                  p.person.category, names[p.person.category])
            for p in sorted(layout.placed, key=lambda p: p.number)
        ]  # fmt: skip
        drawn, key_box = key(entries, whole)
        body.append(drawn)
        whole = whole.union(key_box)
    return body, whole


def _legend_below(prefix: str, gettext: Translate, whole: Box) -> tuple[str, Box]:
    """The legend under the drawing, large enough that its smallest text stays LEGEND_AT_A4 on a printed A4."""
    _, width, height = legend_parts(prefix, gettext)  # at scale 1; every length grows with the scale

    def on_a4(scale: float) -> float:
        legend = Box(whole.x0, whole.y1 + 16, whole.x0 + scale * width, whole.y1 + 16 + scale * height)
        total = whole.union(legend).grown(MARGIN)
        return SMALLEST * scale * min(A4[0] / total.width, A4[1] / total.height) / 1.01  # room for rounding

    low, high = 1.0, 4.0
    if on_a4(low) < LEGEND_AT_A4:
        for _ in range(12):  # the smallest scale that reaches it, to within a thousandth
            middle = (low + high) / 2
            low, high = (low, middle) if on_a4(middle) >= LEGEND_AT_A4 else (middle, high)
        low = high
    drawn, width, height = legend_parts(prefix, gettext, low)
    top = whole.y1 + 16
    group = el("g", {"class": "legend", "transform": f"translate({whole.x0:.1f},{top:.1f})"}, drawn)
    return group, whole.union(Box(whole.x0, top, whole.x0 + width, top + height))


def describe(picture: Picture, date_label: str, gettext: Translate) -> str:
    """The drawing in words, for screen readers: size, groups, ties by strength, the spilmantelzorger."""
    people = picture.people
    tied = [p for p in people if p.strength]
    strengths = dict(Counter(str(p.strength) for p in tied))
    said = phrases.ecogram_description(
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
        said.append(phrases.spilmantelzorger_is(spil.name))
    return " ".join(gettext(part) for part in said)
