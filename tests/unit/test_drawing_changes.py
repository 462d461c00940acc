"""What changed between two maps, and how the "Veranderingen" page marks it on them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from services.web.drawing import Changes, Marks, ecogram_svg, map_data, what_changed
from services.web.drawing.svg import CHANGE
from tests.unit.drawing_networks import (
    SVG,
    collisions,
    kitchen,
    kitchen_later,
    lines_of,
    on_lines,
    parse,
    sixty,
)

BEFORE = map_data(kitchen())
AFTER = map_data(kitchen_later(kitchen()))


def test_what_changed_between_two_maps_is_who_came_who_went_and_whose_tie_grew_stronger_or_weaker() -> None:
    changed = what_changed(BEFORE, AFTER)
    assert changed == Changes(
        new=frozenset({"thuiszorg", "casemanager"}),
        gone=frozenset({"gerda"}),
        stronger=frozenset({"joke"}),
        weaker=frozenset({"mark"}),
    )
    assert changed.then() == Changes(gone=frozenset({"gerda"}))
    assert changed.now() == Changes(new=changed.new, stronger=changed.stronger, weaker=changed.weaker)


def test_before_the_network_existed_everyone_is_new_and_an_unassessed_tie_has_not_changed() -> None:
    assert what_changed(None, BEFORE).new == {c["id"] for c in BEFORE["contacts"]}
    unassessed = {**AFTER, "contacts": [{**c, "tie": None} if c["id"] == "joke" else c for c in AFTER["contacts"]]}
    assert "joke" not in what_changed(BEFORE, unassessed).stronger
    assert what_changed(AFTER, AFTER) == Changes()


def contact(svg: ET.Element, contact_id: str) -> ET.Element:
    [group] = [
        g for g in svg.iter(f"{SVG}g") if g.get("data-contact-id") == contact_id and "contact" in g.get("class", "")
    ]
    return group


def marked(svg: ET.Element, contact_id: str) -> tuple[str, str | None]:
    """The word under a contact's name, and its colour."""
    name = contact(svg, contact_id).findall(f"{SVG}text")[-1]
    return lines_of(name)[-1], list(name)[-1].get("fill")


def highlights(svg: ET.Element) -> dict[str, str]:
    """Contact id -> what the soft highlight under a node or a tie says changed."""
    return {
        e.get("data-contact-id", ""): e.get("class", "").split()[1]
        for e in svg.iter()
        if e.get("class", "").startswith("changed ")
    }


def test_the_later_map_marks_who_is_new_and_the_ties_that_grew_stronger_or_weaker() -> None:
    changed = what_changed(BEFORE, AFTER)
    svg = parse(ecogram_svg(AFTER, "26 november 2026", marks=Marks(changed.now())))
    assert marked(svg, "thuiszorg") == ("nieuw", CHANGE) and marked(svg, "casemanager") == ("nieuw", CHANGE)
    assert marked(svg, "joke") == ("band sterker", CHANGE) and marked(svg, "mark") == ("band zwakker", CHANGE)
    assert marked(svg, "ellen") == ("spilmantelzorger", None)
    assert highlights(svg) == {"thuiszorg": "new", "casemanager": "new", "joke": "stronger", "mark": "weaker"}
    assert [e.tag for e in svg.iter() if e.get("class") == "changed stronger"] == [f"{SVG}line"]  # under the tie
    assert collisions(svg) == [] and on_lines(svg) == []


def test_the_earlier_map_marks_who_is_gone_since() -> None:
    changed = what_changed(BEFORE, AFTER)
    svg = parse(ecogram_svg(BEFORE, "5 januari 2026", marks=Marks(changed.then())))
    assert marked(svg, "gerda") == ("nu weg", CHANGE)
    assert highlights(svg) == {"gerda": "gone"}
    assert "changed" in contact(svg, "gerda").get("class", "").split()


def test_in_a_numbered_network_the_key_says_what_changed() -> None:
    data = sixty()
    first = data["contacts"][0]["id"]
    svg = parse(ecogram_svg(data, "26 november 2026", marks=Marks(Changes(new=frozenset({first})))))
    number = lines_of(contact(svg, first).findall(f"{SVG}text")[-1])[0]
    [entry] = [g for g in svg.iter(f"{SVG}g") if g.get("data-number") == number]
    assert "changed" in entry.get("class", "").split()
    [name] = [t for t in entry.findall(f"{SVG}text") if t.get("class") == "label name"]
    assert lines_of(name)[-1] == "nieuw"
