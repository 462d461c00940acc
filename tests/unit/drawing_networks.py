"""Networks to draw, built through the domain: three contacts with every mark of the notation, and sixty."""

from __future__ import annotations

import math
import random
import re
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

from domain.network import Network
from domain.state import Stamp
from domain.vocabulary import CATEGORIES
from services.web.drawing import map_data
from services.web.drawing.layout import LINE_HEIGHT, Box, text_width
from services.web.drawing.svg import BASELINE

SVG = "{http://www.w3.org/2000/svg}"
TODAY = date(2026, 11, 26)
ON = Stamp("coord", date(2026, 1, 5), TODAY)


def three() -> dict[str, Any]:
    """Anna (household, strong, support both ways, spilmantelzorger), Piet (neighbour, normal, to the client),
    Kees (other family, tenuous and stressful, from the client); Anna and Piet know each other."""
    n = Network.open("Mevr. Jansen", "coord", 13, ON)
    n.add_contact(ON, "anna", name="Anna", category="household", ring="intimate")
    n.add_contact(ON, "piet", name="Piet", category="neighbour", ring="friend")
    n.add_contact(ON, "kees", name="Kees", category="other_family", ring="acquaintance")
    n.assess_tie(ON, "anna", "strong", False, "both", "daily")
    n.assess_tie(ON, "piet", "normal", False, "to_client", "weekly")
    n.assess_tie(ON, "kees", "tenuous", True, "from_client", "monthly")
    n.record_acquaintance(ON, "anna", "piet")
    roles = [
        ("anna", "practical", "to_client"),
        ("anna", "emotional", "to_client"),
        ("piet", "practical", "to_client"),
        ("piet", "companionship", "from_client"),
    ]
    for i, (who, kind, direction) in enumerate(roles):
        n.assign_role(ON, f"r{i}", who, kind, direction, "taak", None)
    n.designate_spilmantelzorger(ON, "anna")
    return map_data(n)


FIRST = ["Anna", "Piet", "Wilhelmina", "Gerrit-Jan", "Fatima", "Mohammed", "Ümit", "Priya", "Johannes", "Els"]
LAST = ["de Vries", "van den Berg-Hoogendoorn", "El Amrani", "Bakker", "Çelik", "van Oranje-Nassau", "Smit"]


def sixty(count: int = 60, seed: int = 7) -> dict[str, Any]:
    """The map of a large network (see sixty_network)."""
    return map_data(sixty_network(count, seed))


def sixty_network(count: int = 60, seed: int = 7) -> Network:
    """A large network: every category, long names, all kinds of ties and support, acquaintances, a spil."""
    rnd = random.Random(seed)
    n = Network.open("Mevrouw Wilhelmina van Oranje-Nassau", "coord", 13, ON)
    ids = [f"c{i:02d}" for i in range(count)]
    for i, cid in enumerate(ids):
        category = CATEGORIES[i % len(CATEGORIES)] if i < 2 * len(CATEGORIES) else rnd.choice(CATEGORIES)
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        n.add_contact(ON, cid, name=name, category=category, ring=rnd.choice(["intimate", "friend", "service"]))
        if i % 10:
            strength = rnd.choice(["strong", "normal", "tenuous"])
            flow = rnd.choice(["to_client", "from_client", "both", "none"])
            n.assess_tie(ON, cid, strength, rnd.random() < 0.25, flow, "weekly")
        for k in range(rnd.randint(0, 3)):
            kind = rnd.choice(["practical", "companionship", "advice", "emotional", "respite", "advocacy"])
            direction = rnd.choice(["to_client", "to_client", "from_client"])
            n.assign_role(ON, f"r{i}-{k}", cid, kind, direction, "taak", None)
    for _ in range(count):
        first, second = rnd.sample(ids, 2)
        if f"{min(first, second)}|{max(first, second)}" not in n.acquaintances:
            n.record_acquaintance(ON, first, second)
    n.designate_spilmantelzorger(ON, "c00")
    return n


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def lines_of(text: ET.Element) -> list[str]:
    spans = text.findall(f"{SVG}tspan")
    return [span.text or "" for span in spans] if spans else [text.text or ""]


def placed(svg: ET.Element, tag: str) -> list[tuple[ET.Element, float, float]]:
    """Every element of this tag, with the offset its ancestors' translate() transforms move it by."""
    found = []

    def walk(element: ET.Element, dx: float, dy: float) -> None:
        move = re.fullmatch(r"translate\(([-\d.]+),([-\d.]+)\)", element.get("transform", ""))
        if move:
            dx, dy = dx + float(move.group(1)), dy + float(move.group(2))
        if element.tag == f"{SVG}{tag}":
            found.append((element, dx, dy))
        for child in element:
            walk(child, dx, dy)

    walk(svg, 0.0, 0.0)
    return found


def text_box(text: ET.Element) -> Box:
    """The box a label covers, from its position, font size, anchor and lines (the layout's own text measure)."""
    size = float(text.get("font-size", "0"))
    bold = text.get("font-weight") == "bold"
    lines = lines_of(text)
    width = max(text_width(line, size, bold=bold) for line in lines)
    x, top = float(text.get("x", "0")), float(text.get("y", "0")) - BASELINE * size
    left = {"start": x, "end": x - width}.get(text.get("text-anchor", "start"), x - width / 2)
    return Box(left, top, left + width, top + LINE_HEIGHT * size * len(lines))


Circle = tuple[float, float, float]


def _circles(svg: ET.Element) -> list[tuple[str, Circle]]:
    """Every node, the client's circle and the spilmantelzorger's outer ring (not the node inside that ring)."""
    found = {}
    for c, dx, dy in placed(svg, "circle"):
        kind = c.get("class")
        if kind in ("node", "spil-ring", "client-node"):
            x, y, r = (float(c.get(k, "0")) for k in ("cx", "cy", "r"))
            x, y = x + dx, y + dy
            if kind != "node" or (x, y) not in found:
                found[(x, y)] = (f"{kind} at {x},{y}", (x, y, r))
    return list(found.values())


def _hits(box: Box, circle: Circle) -> bool:
    x, y, r = circle
    dx, dy = max(box.x0 - x, 0.0, x - box.x1), max(box.y0 - y, 0.0, y - box.y1)
    return math.hypot(dx, dy) < r


def _moved(box: Box, dx: float, dy: float) -> Box:
    return Box(box.x0 + dx, box.y0 + dy, box.x1 + dx, box.y1 + dy)


def collisions(svg: ET.Element) -> list[tuple[str, str]]:
    """Every pair of texts that overlap, of a text and a node, and of two nodes (the client's name is in its circle)."""
    texts = [
        (" / ".join(lines_of(t)), _moved(text_box(t), dx, dy))
        for t, dx, dy in placed(svg, "text")
        if t.get("class") not in ("client-name", "halo")
    ]
    circles = _circles(svg)
    found = [(a, b) for i, (a, first) in enumerate(texts) for b, second in texts[i + 1 :] if first.overlaps(second)]
    found += [(a, b) for a, box in texts for b, circle in circles if _hits(box, circle)]
    found += [
        (a, b)
        for i, (a, (x1, y1, r1)) in enumerate(circles)
        for b, (x2, y2, r2) in circles[i + 1 :]
        if math.hypot(x2 - x1, y2 - y1) < r1 + r2
    ]
    return found


def spilmantelzorger_marked(svg: ET.Element) -> ET.Element:
    """The one contact drawn as spilmantelzorger: a node inside a second ring, "spilmantelzorger" under the name."""
    [spil] = [g for g in svg.iter(f"{SVG}g") if "spilmantelzorger" in (g.get("class") or "").split()]
    assert {c.get("class") for c in spil.iter(f"{SVG}circle")} == {"node", "spil-ring"}
    text = spil.find(f"{SVG}text")
    assert text is not None and lines_of(text)[-1] == "spilmantelzorger"
    others = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "contact"]
    assert not any(c.get("class") == "spil-ring" for g in others for c in g.iter(f"{SVG}circle"))
    return spil
