"""The ecogram's legend: every mark of the notation with its caption, the shapes and rings, the support codes."""

from __future__ import annotations

import math
from collections.abc import Callable

from domain.words import drawings as words
from services.web.drawing import notation
from services.web.drawing.layout import Box, polar, wrap
from services.web.drawing.svg import (
    STRESS,
    About,
    Font,
    Translate,
    check_prefix,
    document,
    el,
    identity,
    label,
)
from services.web.drawing.words import (
    AT_A_DISTANCE,
    CLOSENESS,
    OVERLOAD_CAPTION,
    PERSON,
    PROFESSIONAL,
    SPILMANTELZORGER,
    STRENGTH_CAPTIONS,
    SUPPORT_CAPTIONS,
    SUPPORT_CODES,
)

SMALLEST = 12.0  # the legend's captions, its smallest text
ROW = 22.0
SAMPLE = 44.0
GAP = 8.0
COLUMN_GAP = 28.0
WRAP = 26  # characters on a caption's line: the legend stays narrow enough for a phone


def _closeness() -> str:
    """The client with three rings around it, seen from the side: the closer to the middle, the closer the tie."""
    arcs = []
    for radius in (13.0, 21.0, 29.0):
        half = math.radians(32)
        start, end = polar(6, 0, radius, -half), polar(6, 0, radius, half)
        d = f"M{start[0]:.1f},{start[1]:.1f} A{radius:.1f},{radius:.1f} 0 0 1 {end[0]:.1f},{end[1]:.1f}"
        arcs.append(el("path", {"d": d, "fill": "none", "stroke": "#a6a6a6", "stroke-dasharray": "3 3"}))
    client = el("circle", {"cx": 6, "cy": 0, "r": 7, "fill": "#ececec", "stroke": "#000", "stroke-width": 1.6})
    return "".join(arcs) + client


def _marks(prefix: str) -> list[tuple[str, str, str]]:
    """(entry, sample, Dutch caption) for each mark; samples are drawn on y = 0 from x = 0 to SAMPLE."""
    line = (2.0, 0.0, SAMPLE - 2, 0.0)
    middle = SAMPLE / 2
    ring = {"cx": middle, "cy": 0, "r": notation.NODE_R + 3, "fill": "none", "stroke": STRESS, "stroke-width": 3}
    overload = el("circle", {"class": "overload-ring overloaded", **ring})
    return [
        *((s, notation.tie(prefix, line, s, False, "none"), STRENGTH_CAPTIONS[s]) for s in ("strong", "normal")),
        ("tenuous", notation.tie(prefix, line, "tenuous", False, "none"), STRENGTH_CAPTIONS["tenuous"]),
        (
            "stressful",
            el("g", {"class": "stressful"}, notation.tie(prefix, line, "normal", True, "none")),
            words.MARK["stressful"],
        ),
        ("one_way", notation.tie(prefix, line, "normal", False, "from_client"), words.MARK["one_way"]),
        ("both_ways", notation.tie(prefix, line, "normal", False, "both"), words.MARK["both_ways"]),
        ("acquaintance", notation.acquaintance(*line), words.MARK["acquaintance"]),
        ("person", notation.node(middle, 0, notation.NODE_R), PERSON),
        ("professional", notation.node(middle, 0, notation.NODE_R, square=True), PROFESSIONAL),
        ("spilmantelzorger", notation.node(middle, 0, notation.NODE_R, spilmantelzorger=True), SPILMANTELZORGER),
        ("overloaded", overload + notation.node(middle, 0, notation.NODE_R), OVERLOAD_CAPTION),
        ("at_a_distance", notation.node(middle, 0, notation.NODE_R, at_a_distance=True), AT_A_DISTANCE),
    ]


def _codes(gettext: Translate) -> list[tuple[str, str, str]]:
    """(entry, code, Dutch caption) for each support type, and for the codes in brackets."""
    rows = [(kind, gettext(code), SUPPORT_CAPTIONS[kind]) for kind, code in SUPPORT_CODES.items()]
    rows.append(("given", f"({gettext(SUPPORT_CODES['companionship'])})", words.MARK["given"]))
    return rows


Sample = Callable[[float, float], str]  # draws a row's sample with its left end at (x, y)


def _scaled(sample: str, scale: float) -> Sample:
    return lambda x, y: el("g", {"transform": f"translate({x:.1f},{y:.1f}) scale({scale:.3f})"}, sample)


def _letter(letter: str, scale: float) -> Sample:
    font = Font(SMALLEST * scale, bold=True, cls="code")
    return lambda x, y: label(Box.around(x + SAMPLE / 2 * scale, y, *font.measure([letter])), [letter], font)


def _column(
    x: float, top: float, rows: list[tuple[str, Sample, list[str]]], scale: float
) -> tuple[list[str], float, float]:
    """Rows of (entry, sample, caption lines) from (x, top) down: the sample left, the caption right of it.

    Returns the parts, the column's width and its height.
    """
    caption = Font(SMALLEST * scale, anchor="start")
    width = max(caption.measure(lines)[0] for _, _, lines in rows)
    parts, y = [], top
    for entry, sample, lines in rows:
        size = caption.measure(lines)
        height = max(ROW * scale, size[1] + 6 * scale)
        middle = y + height / 2
        text_box = Box.around(x + (SAMPLE + GAP) * scale + width / 2, middle, width, size[1])
        parts.append(
            el("g", {"class": "legend-entry", "data-entry": entry}, sample(x, middle), label(text_box, lines, caption))
        )
        y += height
    return parts, (SAMPLE + GAP) * scale + width, y - top


def legend_parts(prefix: str, gettext: Translate = identity, scale: float = 1.0) -> tuple[str, float, float]:
    """The legend as SVG elements from (0, 0), with its width and height; uses the drawing's markers and hatching.

    `scale` enlarges all of it (the printed page needs a larger legend under a large drawing).
    """
    heading = gettext(words.LEGEND)
    title = Font(13.0 * scale, bold=True, cls="legend-heading", anchor="start")
    heading_box = Box(0, 0, *title.measure([heading]))
    top = heading_box.y1 + 6 * scale
    marks = [(e, _scaled(sample, scale), wrap(gettext(caption), WRAP)) for e, sample, caption in _marks(prefix)]
    left, left_width, left_height = _column(0.0, top, marks, scale)
    codes = [("closeness", _scaled(_closeness(), scale), wrap(gettext(CLOSENESS), WRAP))]
    codes += [(e, _letter(letter, scale), wrap(gettext(caption), WRAP)) for e, letter, caption in _codes(gettext)]
    right, right_width, right_height = _column(left_width + COLUMN_GAP * scale, top, codes, scale)
    width = left_width + COLUMN_GAP * scale + right_width
    return "".join([label(heading_box, [heading], title), *left, *right]), width, top + max(left_height, right_height)


def ecogram_legend_svg(gettext: Translate = identity, id_prefix: str = "ecogram-legend") -> str:
    """The legend on its own, as an inline SVG (for beside the ecogram, or under it on the printed page)."""
    prefix = check_prefix(id_prefix)
    parts, width, height = legend_parts(prefix, gettext)
    captions = [gettext(caption) for _, _, caption in _marks(prefix)] + [gettext(CLOSENESS)]
    captions += [gettext(words.legend_code(code, caption)) for _, code, caption in _codes(gettext)]
    title = gettext(words.LEGEND_TITLE)
    box = Box(0, 0, width, height).grown(8)
    about = About("ecogram-legend", prefix, title, "; ".join(captions) + ".")
    return document(about, box, [parts], notation.defs(prefix))
