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
from services.web.drawing.field import segment_hits_box
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


def empty() -> dict[str, Any]:
    """Mevr. Jansen's network before anyone is in it."""
    return map_data(Network.open("Mevr. Jansen", "coord", 13, ON))


def one() -> dict[str, Any]:
    """Mevr. Jansen and her daughter, who does everything."""
    n = Network.open("Mevr. Jansen", "coord", 13, ON)
    n.add_contact(ON, "ellen", name="Ellen (dochter)", category="other_family", ring="intimate")
    n.assess_tie(ON, "ellen", "strong", False, "to_client", "daily")
    for i, kind in enumerate(("practical", "emotional", "personal_care", "advocacy")):
        n.assign_role(ON, f"r{i}", "ellen", kind, "to_client", "taak", None)
    n.designate_spilmantelzorger(ON, "ellen")
    return map_data(n)


LATER = Stamp("coord", date(2026, 6, 5), TODAY)


def kitchen() -> Network:
    """Mevrouw Bakker at the kitchen table: a daughter who cares a lot, a son at a distance, a neighbour, a friend,
    the GP; in June the friend moves away, home care and a case manager come, the son's tie weakens and becomes
    stressful and the neighbour's grows stronger."""
    n = Network.open("Mevrouw Fatima Bakker", "coord", 13, ON)
    for cid, name, category, ring in (
        ("ellen", "Ellen (dochter)", "other_family", "intimate"),
        ("mark", "Mark (zoon)", "other_family", "friend"),
        ("joke", "Joke de Buurvrouw", "neighbour", "friend"),
        ("gerda", "Gerda", "friend", "friend"),
        ("huisarts", "Huisarts dr. Visser", "professional", "service"),
    ):
        n.add_contact(ON, cid, name=name, category=category, ring=ring)
    for cid, strength, flow in (
        ("ellen", "strong", "to_client"),
        ("mark", "normal", "both"),
        ("joke", "normal", "to_client"),
        ("gerda", "normal", "both"),
        ("huisarts", "normal", "to_client"),
    ):
        n.assess_tie(ON, cid, strength, False, flow, "weekly")
    roles = [
        ("ellen", "practical"),
        ("ellen", "emotional"),
        ("ellen", "personal_care"),
        ("ellen", "advocacy"),
        ("joke", "companionship"),
        ("huisarts", "advice"),
    ]
    for i, (who, kind) in enumerate(roles):
        n.assign_role(ON, f"r{i}", who, kind, "to_client", "taak", None)
    n.assign_role(ON, "r9", "mark", "companionship", "from_client", "bezoek", None)
    n.record_acquaintance(ON, "ellen", "mark")
    n.record_acquaintance(ON, "ellen", "joke")
    n.designate_spilmantelzorger(ON, "ellen")
    return n


def kitchen_later(n: Network) -> Network:
    """The kitchen network after June (see kitchen)."""
    n.remove_contact(LATER, "gerda", "verhuisd")
    n.add_contact(LATER, "thuiszorg", name="Thuiszorg Oost", category="professional", ring="service")
    n.add_contact(
        LATER, "casemanager", name="Casemanager dementie Fatima el Amrani", category="professional", ring="service"
    )
    n.assess_tie(LATER, "mark", "tenuous", True, "from_client", "monthly")
    n.assess_tie(LATER, "joke", "strong", False, "to_client", "daily")
    for cid in ("thuiszorg", "casemanager"):
        n.assess_tie(LATER, cid, "normal", False, "to_client", "weekly")
    n.assign_role(LATER, "r10", "thuiszorg", "personal_care", "to_client", "wassen", None)
    return n


def six() -> dict[str, Any]:
    """The kitchen network now: six people."""
    return map_data(kitchen_later(kitchen()))


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


Move = tuple[float, float, float]  # dx, dy and scale: a point p of the element is drawn at (dx, dy) + scale * p


def placed(svg: ET.Element, tag: str) -> list[tuple[ET.Element, Move]]:
    """Every element of this tag, with how its ancestors' transforms (translate, then scale) move it."""
    found = []

    def walk(element: ET.Element, move: Move) -> None:
        found_move = re.fullmatch(
            r"translate\(([-\d.]+),([-\d.]+)\)(?: scale\(([\d.]+)\))?", element.get("transform", "")
        )
        if found_move:
            dx, dy, k = move
            x, y, scale = float(found_move.group(1)), float(found_move.group(2)), float(found_move.group(3) or 1)
            move = (dx + k * x, dy + k * y, k * scale)
        if element.tag == f"{SVG}{tag}":
            found.append((element, move))
        for child in element:
            walk(child, move)

    walk(svg, (0.0, 0.0, 1.0))
    return found


def text_box(text: ET.Element, move: Move = (0.0, 0.0, 1.0)) -> Box:
    """The box a label covers, from its position, font size, anchor and lines (the layout's own text measure)."""
    size = float(text.get("font-size", "0"))
    bold = text.get("font-weight") == "bold"
    lines = lines_of(text)
    width = max(text_width(line, size, bold=bold) for line in lines)
    x, top = float(text.get("x", "0")), float(text.get("y", "0")) - BASELINE * size
    left = {"start": x, "end": x - width}.get(text.get("text-anchor", "start"), x - width / 2)
    dx, dy, k = move
    return Box(dx + k * left, dy + k * top, dx + k * (left + width), dy + k * (top + LINE_HEIGHT * size * len(lines)))


def texts(svg: ET.Element) -> list[tuple[str, str, Box, float]]:
    """Every text as drawn (not the white outlines under them): its lines, class, box and font size."""
    return [
        (" / ".join(lines_of(t)), t.get("class", ""), text_box(t, move), float(t.get("font-size", "0")) * move[2])
        for t, move in placed(svg, "text")
        if t.get("class") != "halo"
    ]


Circle = tuple[float, float, float]


def nodes(svg: ET.Element) -> list[tuple[str, Circle]]:
    """Every node (a square as the circle around it), the client's circle and the spilmantelzorger's outer ring
    (not the node inside that ring)."""
    found: dict[tuple[float, float], tuple[str, Circle]] = {}
    for tag in ("circle", "rect"):
        for c, (dx, dy, k) in placed(svg, tag):
            kind = c.get("class")
            if kind not in ("node", "spil-ring", "client-node"):
                continue
            if tag == "rect":
                w, h = float(c.get("width", "0")), float(c.get("height", "0"))
                x, y, r = float(c.get("x", "0")) + w / 2, float(c.get("y", "0")) + h / 2, math.hypot(w, h) / 2
            else:
                x, y, r = (float(c.get(key, "0")) for key in ("cx", "cy", "r"))
            x, y, r = dx + k * x, dy + k * y, k * r
            if kind != "node" or (round(x, 1), round(y, 1)) not in found:
                found[(round(x, 1), round(y, 1))] = (f"{kind} at {x:.1f},{y:.1f}", (x, y, r))
    return list(found.values())


def _hits(box: Box, circle: Circle) -> bool:
    x, y, r = circle
    dx, dy = max(box.x0 - x, 0.0, x - box.x1), max(box.y0 - y, 0.0, y - box.y1)
    return math.hypot(dx, dy) < r


def _centred_in(box: Box, circle: Circle) -> bool:
    x, y, r = circle
    return math.hypot(box.centre[0] - x, box.centre[1] - y) < 1 and box.width < 2 * r + 2


def collisions(svg: ET.Element) -> list[tuple[str, str]]:
    """Every pair of texts that overlap, of a text and a node, and of two nodes (the client's name is in its circle,
    a number in its node)."""
    found_texts = [(words, box) for words, kind, box, _ in texts(svg) if kind not in ("client-name", "label number")]
    circles = nodes(svg)
    found = [
        (a, b)
        for i, (a, first) in enumerate(found_texts)
        for b, second in found_texts[i + 1 :]
        if first.overlaps(second)
    ]
    found += [(a, b) for a, box in found_texts for b, circle in circles if _hits(box, circle)]
    found += [
        (a, b)
        for i, (a, (x1, y1, r1)) in enumerate(circles)
        for b, (x2, y2, r2) in circles[i + 1 :]
        if math.hypot(x2 - x1, y2 - y1) < r1 + r2
    ]
    numbers = [(words, box) for words, kind, box, _ in texts(svg) if kind == "label number"]
    found += [(words, "not in its node") for words, box in numbers if not any(_centred_in(box, c) for _, c in circles)]
    return found


ARROW = 10.0  # the arrowheads' length and width, and the hatch strokes' length across a tie


def ties(svg: ET.Element) -> list[tuple[str, tuple[float, float, float, float], float]]:
    """Every tie as the stretch it covers with its arrowheads, and the half width of that stretch (an arrowhead's
    or a hatch stroke's where it has them)."""
    found = []
    for line, (dx, dy, k) in placed(svg, "line"):
        if line.get("class") != "tie-line":
            continue
        x1, x2 = (dx + k * float(line.get(key, "0")) for key in ("x1", "x2"))
        y1, y2 = (dy + k * float(line.get(key, "0")) for key in ("y1", "y2"))
        length = max(math.hypot(x2 - x1, y2 - y1), 1e-9)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        if line.get("marker-start"):
            x1, y1 = x1 - ux * ARROW, y1 - uy * ARROW
        if line.get("marker-end"):
            x2, y2 = x2 + ux * ARROW, y2 + uy * ARROW
        half = float(line.get("stroke-width", "1")) / 2
        found.append((f"tie {x1:.0f},{y1:.0f}-{x2:.0f},{y2:.0f}", (x1, y1, x2, y2), half * k))
        for at, end in ((line.get("marker-start"), (x1, y1)), (line.get("marker-end"), (x2, y2))):
            if at:
                inner = (
                    end[0] + (ux if end == (x1, y1) else -ux) * ARROW,
                    end[1] + (uy if end == (x1, y1) else -uy) * ARROW,
                )
                found.append(("arrowhead", (*end, *inner), ARROW / 2 * k))
    for hatching, (dx, dy, k) in placed(svg, "polyline"):
        if hatching.get("class") == "tie-hatching":
            points = [tuple(float(v) for v in pair.split(",")) for pair in (hatching.get("points") or "").split()]
            (x1, y1), (x2, y2) = points[0], points[-1]
            found.append(("hatching", (dx + k * x1, dy + k * y1, dx + k * x2, dy + k * y2), ARROW / 2 * k))
    return found


def on_lines(svg: ET.Element) -> list[tuple[str, str]]:
    """Every text that lies on a tie (its line, arrowheads or hatching), and every tie that runs into a node other
    than at its own end (a number lies inside its node: no tie may enter one)."""
    found_ties = ties(svg)
    found = [
        (words, tie)
        for words, kind, box, _ in texts(svg)
        for tie, segment, half in found_ties
        if kind not in ("client-name", "label number") and segment_hits_box(segment, box.grown(half))
    ]
    lines = [(tie, segment, half) for tie, segment, half in found_ties if tie.startswith("tie ")]
    return found + [
        (tie, node)
        for tie, (x1, y1, x2, y2), half in lines
        for node, (x, y, r) in nodes(svg)
        if not node.startswith("client")
        and _distance((x, y), (x1, y1, x2, y2)) < r + half
        and min(math.hypot(x - x1, y - y1), math.hypot(x - x2, y - y2)) > r + ARROW + 1
    ]


def _distance(point: tuple[float, float], segment: tuple[float, float, float, float]) -> float:
    (px, py), (ax, ay, bx, by) = point, segment
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / max(dx * dx + dy * dy, 1e-9)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def smallest_text_at(svg: ET.Element, width: float) -> float:
    """The smallest text in pixels with the drawing shown `width` pixels wide (never larger than its own size)."""
    view = float(svg.get("viewBox", "0 0 1 1").split()[2])
    scale = min(float(svg.get("width", str(view))) / view, width / view)
    return min(size for _, _, _, size in texts(svg)) * scale


def node_centre(group: ET.Element) -> tuple[float, float]:
    """The centre of a contact's node: a circle for a person, a square for a professional."""
    node = next(e for e in group.iter() if e.get("class") == "node")
    if node.tag == f"{SVG}rect":
        return tuple(
            float(node.get(k, "0")) + float(node.get(d, "0")) / 2 for k, d in (("x", "width"), ("y", "height"))
        )  # type: ignore[return-value]
    return float(node.get("cx", "0")), float(node.get("cy", "0"))


def numbered(svg: ET.Element) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The number in each contact's node, and each number's entry in the key (its texts: number, name, letters)."""
    numbers = {
        g.get("data-contact-id", ""): " ".join(lines_of(g.findall(f"{SVG}text")[-1]))
        for g in svg.iter(f"{SVG}g")
        if "contact" in (g.get("class") or "").split()
    }
    key = {
        g.get("data-number", ""): [" ".join(lines_of(t)) for t in g.findall(f"{SVG}text") if t.get("class") != "halo"]
        for g in svg.iter(f"{SVG}g")
        if "key-entry" in (g.get("class") or "").split()
    }
    return numbers, key


def spilmantelzorger_marked(svg: ET.Element) -> ET.Element:
    """The one contact drawn as spilmantelzorger: a node inside a second ring, "spilmantelzorger" under the name."""
    [spil] = [g for g in svg.iter(f"{SVG}g") if "spilmantelzorger" in (g.get("class") or "").split()]
    assert {c.get("class") for c in spil.iter(f"{SVG}circle")} == {"node", "spil-ring"}
    text = spil.find(f"{SVG}text")
    assert text is not None and lines_of(text)[-1] == "spilmantelzorger"
    others = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "contact"]
    assert not any(c.get("class") == "spil-ring" for g in others for c in g.iter(f"{SVG}circle"))
    return spil
