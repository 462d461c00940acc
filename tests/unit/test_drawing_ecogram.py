"""The ecogram as drawn: Hartman's notation, the codes, the spilmantelzorger, readable at 3 and at 60 contacts."""

from __future__ import annotations

import itertools
import json
import math
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest

from domain.words import Speaker
from services.web.drawing import Changes, Marks, ecogram_svg
from services.web.drawing.field import segment_hits_box
from services.web.drawing.layout import Box
from services.web.drawing.svg import LIGHT, STRESS
from services.web.language import speaker_for
from tests.unit.catalogue import speaker_of
from tests.unit.drawing_networks import (
    SVG,
    collisions,
    empty,
    lines_of,
    node_centre,
    numbered,
    on_lines,
    one,
    parse,
    six,
    sixty,
    smallest_text_at,
    spilmantelzorger_marked,
    texts,
    three,
)

RING_ORDER = ("intimate", "friend", "acquaintance", "service")

DAY = "26 november 2026"


def drawn(data: dict[str, Any] | None = None, **options: Any) -> ET.Element:
    return parse(ecogram_svg(three() if data is None else data, DAY, **options))


def tie_line(svg: ET.Element, contact_id: str) -> ET.Element:
    [group] = [
        g
        for g in svg.iter(f"{SVG}g")
        if "tie" in (g.get("class") or "").split() and g.get("data-contact-id") == contact_id
    ]
    [line] = [e for e in group if e.get("class") == "tie-line"]
    return line


# ------------------------------------------------------------------ Hartman's notation
def test_a_tenuous_tie_is_drawn_dashed_and_a_normal_one_solid() -> None:
    svg = drawn()
    assert tie_line(svg, "kees").get("stroke-dasharray")
    assert tie_line(svg, "piet").get("stroke-dasharray") is None
    assert tie_line(svg, "anna").get("stroke-dasharray") is None


def test_a_strong_tie_is_thicker_than_a_normal_one() -> None:
    svg = drawn()
    strong, normal = (float(tie_line(svg, c).get("stroke-width", "0")) for c in ("anna", "piet"))
    assert strong >= 2 * normal


def test_a_stressful_tie_is_hatched_across_its_length() -> None:
    svg = drawn()
    [group] = [g for g in svg.iter(f"{SVG}g") if g.get("data-contact-id") == "kees" and "tie" in g.get("class", "")]
    assert "stressful" in group.get("class", "").split()
    [hatching] = [e for e in group if e.get("class") == "tie-hatching"]
    marker_id = re.fullmatch(r"url\(#(.+)\)", hatching.get("marker-mid", "")).group(1)  # type: ignore[union-attr]
    [marker] = [m for m in svg.iter(f"{SVG}marker") if m.get("id") == marker_id]
    stroke = marker.find(f"{SVG}path")
    assert stroke is not None and stroke.get("stroke") == STRESS and marker.get("orient") == "auto"  # across the line
    assert tie_line(svg, "kees").get("stroke") == STRESS  # and red: colour where it means something
    points = (hatching.get("points") or "").split()
    line = tie_line(svg, "kees")
    length = math.dist(*((float(line.get(f"x{i}", "0")), float(line.get(f"y{i}", "0"))) for i in (1, 2)))
    assert len(points) - 2 >= length / 10  # a hatch stroke at least every 10 units
    piet = [e for g in svg.iter(f"{SVG}g") if g.get("data-contact-id") == "piet" for e in g]
    assert all(e.get("class") != "tie-hatching" for e in piet)


def test_support_both_ways_has_an_arrow_at_both_ends() -> None:
    line = tie_line(drawn(), "anna")
    assert line.get("marker-start") and line.get("marker-end")


def _nearer_the_client(line: ET.Element, end: str) -> bool:
    x1, y1, x2, y2 = (float(line.get(k, "0")) for k in ("x1", "y1", "x2", "y2"))
    start_distance, end_distance = math.hypot(x1, y1), math.hypot(x2, y2)  # the client is at (0, 0)
    return start_distance < end_distance if end == "start" else end_distance < start_distance


def test_support_one_way_has_one_arrow_pointing_at_who_receives_it() -> None:
    svg = drawn()
    to_client, from_client = tie_line(svg, "piet"), tie_line(svg, "kees")
    assert to_client.get("marker-start") and to_client.get("marker-end") is None
    assert _nearer_the_client(to_client, "start")  # the arrow sits at the client's end
    assert from_client.get("marker-end") and from_client.get("marker-start") is None
    assert not _nearer_the_client(from_client, "end")  # the arrow sits at Kees's end
    arrows = {m.get("id"): m.find(f"{SVG}path").get("d") for m in svg.iter(f"{SVG}marker")}  # type: ignore[union-attr]
    assert arrows[to_client.get("marker-start", "")[5:-1]] == "M10,0 L0,5 L10,10 z"  # points back, at the client
    assert arrows[from_client.get("marker-end", "")[5:-1]] == "M0,0 L10,5 L0,10 z"  # points on, at Kees


def test_the_support_codes_label_the_ties_with_what_the_client_gives_in_brackets() -> None:
    texts = {" ".join(lines_of(t)) for t in drawn().iter(f"{SVG}text") if t.get("class") == "tie-label"}
    assert texts == {"P E", "P (G)"}


def test_the_spilmantelzorger_has_a_double_ring_and_says_so() -> None:
    svg = drawn()
    spil = spilmantelzorger_marked(svg)
    assert spil.get("data-contact-id") == "anna"
    assert lines_of(spil.find(f"{SVG}text")) == ["Anna", "spilmantelzorger"]  # type: ignore[arg-type]
    assert len([g for g in svg.iter(f"{SVG}g") if g.get("class") == "contact"]) == 2


def test_acquaintances_between_contacts_are_thin_grey_lines() -> None:
    svg = drawn()
    [line] = [e for e in svg.iter(f"{SVG}line") if e.get("class") == "acquaintance"]
    assert float(line.get("stroke-width", "9")) < float(tie_line(svg, "kees").get("stroke-width", "0"))
    assert line.get("stroke") not in ("#000", "black")


def test_contacts_are_grouped_by_category_in_sectors() -> None:
    svg = drawn(sixty())
    sectors = {
        p.get("data-category"): [float(a) for a in p.get("data-angles", "").split()]
        for p in svg.iter(f"{SVG}path")
        if p.get("class") == "sector"
    }
    assert len(sectors) == 11
    for group in (g for g in svg.iter(f"{SVG}g") if "contact" in (g.get("class") or "").split()):
        x, y = node_centre(group)
        angle = math.degrees(math.atan2(y, x))
        first, last = sectors[group.get("data-category")]
        assert (angle - first) % 360 <= last - first, group.get("data-contact-id")


# ------------------------------------------------------------------ readable at any size
@pytest.mark.parametrize("data", [three(), sixty(), sixty(30, seed=3), sixty(80, seed=11)], ids=["3", "60", "30", "80"])
def test_no_label_overlaps_another_label_or_a_node(data: dict[str, Any]) -> None:
    svg = drawn(data, with_legend=True)
    assert collisions(svg) == []
    names = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "label name"]
    assert len(names) == len(data["contacts"])


def test_every_contact_is_named_in_full_on_the_drawing_or_in_its_tooltip() -> None:
    data = sixty()
    svg = drawn(data)
    tooltips = {
        g.get("data-contact-id"): g.findtext(f"{SVG}title") or ""
        for g in svg.iter(f"{SVG}g")
        if "contact" in (g.get("class") or "").split()
    }
    for contact in data["contacts"]:
        assert tooltips[contact["id"]].startswith(contact["name"])


def test_a_network_of_sixty_renders_well_under_200_ms() -> None:
    data = sixty()
    timings = []
    for _ in range(3):
        began = time.perf_counter()
        ecogram_svg(data, DAY, with_legend=True)
        timings.append(time.perf_counter() - began)
    assert min(timings) < 0.2


def test_a_network_without_contacts_shows_the_client_alone() -> None:
    data = three()
    data.update(contacts=[], acquaintances=[], roles=[], spilmantelzorger=None)
    svg = drawn(data)
    assert [lines_of(t) for t in svg.iter(f"{SVG}text") if t.get("class") == "client-name"] == [["Mevr.", "Jansen"]]
    assert not [g for g in svg.iter(f"{SVG}g") if g.get("class") == "contact"]


def test_support_from_a_contact_without_a_tie_is_written_under_their_name() -> None:
    data = three()
    data["contacts"][0]["tie"] = None  # Anna, who gives P and E
    svg = drawn(data)
    [anna] = [g for g in svg.iter(f"{SVG}g") if g.get("data-contact-id") == "anna" and "contact" in g.get("class", "")]
    assert lines_of(anna.find(f"{SVG}text")) == ["Anna", "P E", "spilmantelzorger"]  # type: ignore[arg-type]


# ------------------------------------------------------------------ safe, the same every time, accessible
def test_names_with_markup_characters_are_escaped() -> None:
    data = three()
    data["client_name"] = "Ans & <Co>"
    data["contacts"][1]["name"] = '<Jan & "Piet">'
    svg_text = ecogram_svg(data, "1 <mei> & 'juni'", with_legend=True)
    svg = parse(svg_text)  # would raise on a stray < or &
    texts = [" ".join(lines_of(t)) for t in svg.iter(f"{SVG}text")]
    assert '<Jan & "Piet">' in texts and "1 <mei> & 'juni'" in texts
    assert svg.findtext(f"{SVG}title", "").startswith("Ecogram van Ans & <Co>")
    assert '<Jan & "Piet">' not in svg_text and "&lt;Jan &amp; &quot;Piet&quot;&gt;" in svg_text


def test_the_same_map_gives_the_same_svg_whatever_the_order_of_its_lists() -> None:
    data = sixty()
    shuffled = json.loads(json.dumps(data))
    for key in ("contacts", "acquaintances", "roles"):
        shuffled[key].reverse()
    assert ecogram_svg(data, DAY) == ecogram_svg(shuffled, DAY) == ecogram_svg(sixty(), DAY)


def test_the_svg_is_an_accessible_image_without_outside_resources() -> None:
    text = ecogram_svg(three(), DAY, with_legend=True, id_prefix="net-1")
    svg = parse(text)
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img" and len(svg.get("viewBox", "").split()) == 4
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}" == "net-1-title net-1-desc"
    assert title.text == f"Ecogram van Mevr. Jansen, {DAY}"
    assert "3 contacten" in (desc.text or "") and "Spilmantelzorger: Anna." in (desc.text or "")
    assert not re.search(r"<(script|image|style|foreignObject)|href=|https?://(?!www\.w3\.org/2000/svg)", text)
    assert all(e.get("id", "net-1").startswith("net-1-") or e is svg for e in svg.iter() if e.get("id"))


GREY_PAINT = re.compile(r"none|url\(#[\w-]+\)|#([0-9a-f])\1\1|#([0-9a-f]{2})\2\2")  # r = g = b: no colour
MEANINGS = {"stressful", "overloaded", "changed"}


def coloured(svg: ET.Element) -> list[tuple[str, str]]:
    """(paint, what it marks) for every paint that is a colour: what marks it is the nearest class that says so."""
    found = []

    def walk(element: ET.Element, meaning: str) -> None:
        classes = set((element.get("class") or "").split())
        meaning = next(iter(sorted(classes & MEANINGS)), meaning)
        for paint in (element.get("fill"), element.get("stroke")):
            if paint and not GREY_PAINT.fullmatch(paint):
                found.append((paint, meaning))
        for child in element:
            walk(child, meaning)

    walk(svg, "")
    return found


def test_colour_only_marks_what_means_something_and_the_rest_prints_in_black_and_white() -> None:
    # issue 15 asks for colour with meaning: stressful ties red, an overloaded carer, what changed
    data = sixty()
    some = [c["id"] for c in data["contacts"][:6]]
    changes = Changes(new=frozenset(some[:2]), stronger=frozenset(some[2:4]), weaker=frozenset(some[4:]))
    svg = drawn(data, with_legend=True, marks=Marks(changes, frozenset(some[:1])))
    paints = coloured(svg)
    assert {meaning for _, meaning in paints} == {"stressful", "overloaded", "changed"}
    assert {paint for paint, meaning in paints if meaning != "changed"} == {STRESS}
    assert {meaning for _, meaning in coloured(drawn(sixty()))} == {"stressful"}


def test_an_id_prefix_that_is_no_xml_id_is_refused() -> None:
    with pytest.raises(ValueError, match="id_prefix"):
        ecogram_svg(three(), DAY, id_prefix='x" onload="alert(1)')


# ------------------------------------------------------------------ legend and translation
LEGEND = {"strong", "normal", "tenuous", "stressful", "one_way", "both_ways", "acquaintance", "spilmantelzorger"}
LEGEND |= {"person", "professional", "overloaded", "closeness"}  # issue 15: shapes, overload, rings
LEGEND |= {"at_a_distance"}  # issue 13: contact mostly at a distance
CODES = {"practical", "companionship", "advice", "emotional", "advocacy", "respite", "personal_care", "given"}


def test_the_legend_under_the_ecogram_explains_every_mark_and_code() -> None:
    svg = drawn(with_legend=True)
    entries = {
        g.get("data-entry"): " ".join(lines_of(g.findall(f"{SVG}text")[-1]))
        for g in svg.iter(f"{SVG}g")
        if g.get("class") == "legend-entry"
    }
    assert set(entries) == LEGEND | CODES
    assert entries["tenuous"] == "zwakke band" and entries["stressful"] == "belastende band"
    assert entries["practical"] == "praktische hulp" and entries["spilmantelzorger"] == "spilmantelzorger"


ENGLISH = {
    "Ecogram van %(client)s": "Ecomap of %(client)s",
    "zwakke band": "tenuous tie",
    "huisgenoten": "household",
    "Legenda": "Key",
    "G": "C",
    "gezelschap": "companionship",
    "spilmantelzorger": "lead carer",
}


def test_every_caption_goes_through_the_translation_given() -> None:
    svg = drawn(with_legend=True, gettext=speaker_of(ENGLISH))
    texts = [" ".join(lines_of(t)) for t in svg.iter(f"{SVG}text")]
    for expected in ("Ecomap of Mevr. Jansen", "tenuous tie", "household", "Key", "P (C)", "companionship"):
        assert expected in texts
    assert ["Anna", "lead carer"] in [lines_of(t) for t in svg.iter(f"{SVG}text")]
    assert not {"zwakke band", "huisgenoten", "Legenda"} & set(texts)


def test_every_text_sits_on_a_white_outline_that_any_renderer_draws_beneath_it() -> None:
    svg = drawn(sixty(), with_legend=True)
    for parent in svg.iter():
        children = list(parent)
        for i, child in enumerate(children):
            if child.tag == f"{SVG}text" and child.get("class") != "halo":
                halo = children[i - 1]
                assert halo.get("class") == "halo" and halo.get("aria-hidden") == "true"
                assert (halo.get("stroke"), lines_of(halo), halo.get("x")) == ("#fff", lines_of(child), child.get("x"))
    assert not any(e.get("paint-order") for e in svg.iter())  # not every PDF renderer knows paint-order


# ------------------------------------------------------------------ issue 15: a picture people want to look at
SIZES: dict[str, Callable[[], dict[str, Any]]] = {
    "0": empty,
    "1": one,
    "3": three,
    "6": six,
    "30": lambda: sixty(30, seed=3),
    "60": sixty,
    "80": lambda: sixty(80, seed=11),
}


@pytest.mark.parametrize("size", SIZES)
def test_no_text_lies_on_a_tie_or_another_text_and_none_is_under_11_px_at_800_px(size: str) -> None:
    data = SIZES[size]()
    svg = drawn(data)
    assert on_lines(svg) == [] and collisions(svg) == []  # names, letters, headings, ring names, numbers
    assert smallest_text_at(svg, 800) >= 11
    assert collisions(drawn(data, with_legend=True)) == []


def node_distances(svg: ET.Element) -> dict[str, float]:
    return {
        g.get("data-contact-id", ""): math.hypot(*node_centre(g))
        for g in svg.iter(f"{SVG}g")
        if "contact" in (g.get("class") or "").split()
    }


@pytest.mark.parametrize("size", ["6", "60", "80"])
def test_the_closer_someone_is_the_nearer_the_client_they_are_drawn(size: str) -> None:
    data = SIZES[size]()
    distance = node_distances(drawn(data))
    rings = [[distance[c["id"]] for c in data["contacts"] if c["ring"] == ring] for ring in RING_ORDER]
    filled = [r for r in rings if r]
    assert all(max(inner) < min(outer) for inner, outer in itertools.pairwise(filled))


def test_the_legend_says_what_distance_from_the_client_means() -> None:
    entries = legend_entries(drawn(with_legend=True))
    assert entries["closeness"].startswith("dichter bij het midden: een nauwere band")


def test_each_group_shares_the_circle_by_its_number_of_people_at_least_one_and_a_half() -> None:
    data = six()  # three professionals, two of other family, one neighbour
    svg = drawn(data)
    angles = {
        p.get("data-category"): [float(v) for v in p.get("data-angles", "").split()]
        for p in svg.iter(f"{SVG}path")
        if p.get("class") == "sector"
    }
    spans = {category: last - first for category, (first, last) in angles.items()}
    assert spans == pytest.approx(
        {"professional": 360 * 3 / 6.5, "other_family": 360 * 2 / 6.5, "neighbour": 360 * 1.5 / 6.5}, abs=0.2
    )


def test_people_are_round_and_professionals_and_advisers_square() -> None:
    data = sixty()
    svg = drawn(data)
    category = {c["id"]: c["category"] for c in data["contacts"]}
    for group in (g for g in svg.iter(f"{SVG}g") if "contact" in (g.get("class") or "").split()):
        node = next(e for e in group.iter() if e.get("class") == "node")
        square = category[group.get("data-contact-id", "")] in ("professional", "adviser")
        assert node.tag == (f"{SVG}rect" if square else f"{SVG}circle")


def test_support_letters_sit_beside_their_own_tie_on_a_light_background_never_on_it() -> None:
    svg = drawn(six())
    codes = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "tie-code"]
    assert len(codes) == 5  # everyone with a tie and a task (the case manager has none yet)
    for code in codes:
        background = code.find(f"{SVG}rect")
        assert background is not None and background.get("fill") == LIGHT
        x, y, width, height = (float(background.get(k, "0")) for k in ("x", "y", "width", "height"))
        line = tie_line(svg, code.get("data-contact-id", ""))
        x1, y1, x2, y2 = (float(line.get(k, "0")) for k in ("x1", "y1", "x2", "y2"))
        ends = (x1, y1, x2, y2)
        assert segment_hits_box(ends, Box(x, y, x + width, y + height).grown(12))  # beside its own tie
    assert on_lines(svg) == []  # and on none


def catalogue() -> Speaker:
    """The pages' English, as Flask-Babel would say the drawings' words."""
    return speaker_for("en")


def geometry(svg: ET.Element) -> dict[str, Any]:
    """Where the people, the ties, the sectors and the rings are: what must not move with the language."""
    groups = [g for g in svg.iter(f"{SVG}g") if "contact" in (g.get("class") or "").split()]
    lines = [line for line in svg.iter(f"{SVG}line") if line.get("class") == "tie-line"]
    return {
        "nodes": {g.get("data-contact-id"): node_centre(g) for g in groups},
        "ties": [tuple(line.get(k) for k in ("x1", "y1", "x2", "y2")) for line in lines],
        "sectors": [p.get("data-angles") for p in svg.iter(f"{SVG}path") if p.get("class") == "sector"],
        "rings": [c.get("r") for c in svg.iter(f"{SVG}circle") if c.get("class") in ("ring", "client-node")],
    }


@pytest.mark.parametrize("data", [three(), one(), six(), sixty()], ids=["3", "1", "6", "60"])
def test_the_geometry_is_the_same_in_every_language(data: dict[str, Any]) -> None:
    english = drawn(data, gettext=catalogue())
    assert geometry(english) == geometry(drawn(data))
    assert (english.findtext(f"{SVG}title") or "").startswith("Ecomap of")
    assert collisions(english) == [] and on_lines(english) == []


def test_an_overloaded_carer_is_ringed_in_red_and_says_so() -> None:
    svg = drawn(six(), marks=Marks(overloaded=frozenset({"ellen"})))
    [ellen] = [
        g for g in svg.iter(f"{SVG}g") if g.get("data-contact-id") == "ellen" and "contact" in g.get("class", "")
    ]
    assert "overloaded" in ellen.get("class", "").split()
    [ring] = [c for c in ellen.iter(f"{SVG}circle") if c.get("class") == "overload-ring"]
    assert ring.get("stroke") == STRESS
    name = ellen.findall(f"{SVG}text")[-1]
    assert lines_of(name)[-1] == "overbelast" and [s.get("fill") for s in name][-1] == STRESS
    assert collisions(svg) == [] and on_lines(svg) == []


def test_a_network_without_anyone_shows_the_client_in_the_middle_of_the_four_rings() -> None:
    svg = drawn(empty())
    x, y, width, height = (float(v) for v in svg.get("viewBox", "").split())
    client = next(c for c in svg.iter(f"{SVG}circle") if c.get("class") == "client-node")
    r = float(client.get("r", "0"))
    assert x < -r and y < -r and x + width > r and y + height > r  # all of it on the drawing, not cut at the edge
    names = [lines_of(g.findall(f"{SVG}text")[-1]) for g in svg.iter(f"{SVG}g") if g.get("class") == "ring-name"]
    assert names == [["intimi"], ["vrienden"], ["kennissen"], ["dienstverlening"]]


def test_a_network_of_one_shows_them_named_with_their_tie_and_letters() -> None:
    svg = drawn(one())
    texts = [" ".join(lines_of(t)) for t in svg.iter(f"{SVG}text") if t.get("class") != "halo"]
    assert "Ellen (dochter) spilmantelzorger" in texts and "P E B V" in texts
    assert tie_line(svg, "ellen").get("stroke-width") == "5"
    assert collisions(svg) == [] and on_lines(svg) == []


def test_a_network_too_full_for_names_numbers_its_nodes_and_names_them_in_a_key() -> None:
    data = sixty()
    numbers, key = numbered(drawn(data))
    assert sorted(int(n) for n in numbers.values()) == list(range(1, 61))
    names = {c["id"]: c["name"] for c in data["contacts"]}
    for contact_id, number in numbers.items():
        assert key[number][1].startswith(names[contact_id])  # the key names the number's contact in full
    assert any(len(entry) == 3 for entry in key.values())  # support letters beside the name


def legend_entries(svg: ET.Element) -> dict[str, str]:
    return {
        g.get("data-entry", ""): " ".join(lines_of(g.findall(f"{SVG}text")[-1]))
        for g in svg.iter(f"{SVG}g")
        if g.get("class") == "legend-entry"
    }


@pytest.mark.parametrize("size", ["1", "6", "60", "80"])
def test_the_legend_under_the_ecogram_stays_at_least_11_px_on_a_printed_a4(size: str) -> None:
    svg = drawn(SIZES[size](), with_legend=True)
    _, _, width, height = (float(v) for v in svg.get("viewBox", "").split())
    on_a4 = min(703 / width, 907 / height)  # 186 by 240 mm, as print.css prints it
    [legend] = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "legend"]
    assert min(size for _, _, _, size in texts(legend)) * on_a4 >= 11


def test_someone_the_client_speaks_only_at_a_distance_has_a_grey_node() -> None:
    data = three()
    for contact in data["contacts"]:
        contact["contact_mode"] = {"kees": "video", "piet": "in_person"}.get(contact["id"])
    svg = drawn(data)
    people = [g for g in svg.iter(f"{SVG}g") if "contact" in (g.get("class") or "").split()]
    fill = {g.get("data-contact-id"): g.find(f"{SVG}*[@class='node']").get("fill") for g in people}  # type: ignore[union-attr]
    assert fill == {"anna": "#fff", "piet": "#fff", "kees": "#a6a6a6"}
    assert {g.get("data-contact-id"): g.get("data-contact-mode") for g in people}["kees"] == "video"
