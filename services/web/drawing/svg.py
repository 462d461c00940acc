"""Writing SVG as text: escaping, numbers, elements, the accessible root and the shared definitions.

Presentation attributes only, never a <style> element: an inline SVG's style sheet would apply to the
whole page it is embedded in. Black, white and grey, so a drawing prints in black and white; two colours
only where they mean something (and always with a mark or a word that says it without colour too).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from domain.words import DUTCH, Phrase
from services.web.drawing.layout import LINE_HEIGHT, Box, block_size

Translate = Callable[[Phrase | str], str]  # says a phrase or a message id: a Speaker (domain/words)
FONT = "Arial, Helvetica, Liberation Sans, DejaVu Sans, sans-serif"
INK = "#000"
GREY = "#595959"  # 7:1 on white: readable for text and lines in print
LIGHT = "#f2f2f2"  # the background of support letters
STRESS = "#b3261e"  # a stressful tie, an overloaded carer: 6:1 on white
CHANGE = "#1d5c8f"  # what changed: 7:1 on white
CHANGE_SOFT = "#c4dbf1"  # the highlight under what changed
# A white outline under every text, so a line passing behind it does not cross the letters. Drawn as a copy
# of the text underneath, not with paint-order, which several SVG-to-PDF renderers ignore.
HALO = {
    "class": "halo",
    "aria-hidden": "true",
    "fill": "#fff",
    "stroke": "#fff",
    "stroke-width": 3,
    "stroke-linejoin": "round",
}
SHOWN = 1.2  # the size a page shows a drawing at, at most (CSS shrinks it to the width there is): 11 units, 13 px
BASELINE = 0.95  # the first baseline below the top of a text box, in em (ascent plus half the leading)
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
_ENTITIES = {'"': "&quot;", "'": "&apos;"}
_SPECIAL = re.compile(r"[<>&\"']")


identity: Translate = DUTCH  # the default: the Dutch of the message ids


def esc(text: str) -> str:
    """Text made safe for XML content and attribute values."""
    return escape(text, _ENTITIES) if _SPECIAL.search(text) else text


def num(value: float) -> str:
    """A coordinate with one decimal, the same on every run ("12", "-3.5")."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _value(value: object) -> str:
    if isinstance(value, float):
        return num(value)
    return esc(str(value))


def el(name: str, attrs: Mapping[str, object] | None = None, *children: str) -> str:
    """One element; attributes in the order given, None values left out; children are SVG text already."""
    pairs = "".join(f' {key}="{_value(value)}"' for key, value in (attrs or {}).items() if value is not None)
    if not children:
        return f"<{name}{pairs}/>"
    return f"<{name}{pairs}>{''.join(children)}</{name}>"


@dataclass(frozen=True)
class Font:
    """How a label is written: size, weight, colour, its CSS class and alignment in its box."""

    size: float
    bold: bool = False
    cls: str = "label"
    fill: str = INK
    anchor: str = "middle"

    def measure(self, lines: list[str]) -> tuple[float, float]:
        """The width and height of these lines in this font (estimated, generously)."""
        return block_size(lines, self.size, bold=self.bold)


TITLE = Font(14.0, bold=True, cls="caption", anchor="start")
DATE = Font(12.0, cls="caption date", anchor="start")


def text(x: float, y: float, lines: Iterable[str], font: Font, fills: Sequence[str | None] = ()) -> str:
    """A text block of one or more lines, on a white halo; (x, y) is the baseline of the first line.

    `fills` colours single lines (None: the font's colour).
    """
    rows = list(lines)
    colours = list(fills) + [None] * (len(rows) - len(fills))

    def span(i: int, row: str, fill: str | None) -> str:
        return el("tspan", {"x": x, "dy": 0 if i == 0 else f"{LINE_HEIGHT}em", "fill": fill}, esc(row))

    spans = [span(i, row, None) for i, row in enumerate(rows)]
    coloured = [span(i, row, colours[i]) for i, row in enumerate(rows)]
    attrs: dict[str, object] = {
        "class": font.cls,
        "x": x,
        "y": y,
        "font-size": font.size,
        "font-weight": "bold" if font.bold else None,
        "text-anchor": font.anchor,
        "fill": font.fill,
    }
    return el("text", {**attrs, **HALO}, *spans) + el("text", attrs, *coloured)


def label(box: Box, lines: list[str], font: Font, fills: Sequence[str | None] = ()) -> str:
    """A text block in its box (the box the layout placed and checked for overlaps), by the font's alignment."""
    x = {"start": box.x0, "end": box.x1}.get(font.anchor, box.centre[0])
    return text(x, box.y0 + BASELINE * font.size, lines, font, fills)


def check_prefix(id_prefix: str) -> str:
    """The id prefix, if it is a valid start of an XML id (it must be unique on the page)."""
    if not _ID.match(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} must start with a letter and hold only letters, digits, - and _.")
    return id_prefix


def caption(title: str, date_label: str, drawing: Box) -> tuple[str, Box]:
    """The title and the date, above the drawing on the left; and the drawing's box with them."""
    title_w, title_h = TITLE.measure([title])
    date_w, date_h = DATE.measure([date_label])
    top = drawing.y0 - title_h - date_h - 12
    title_box = Box(drawing.x0, top, drawing.x0 + title_w, top + title_h)
    date_box = Box(drawing.x0, title_box.y1 + 2, drawing.x0 + date_w, title_box.y1 + 2 + date_h)
    parts = label(title_box, [title], TITLE) + label(date_box, [date_label], DATE)
    return el("g", {"class": "captions"}, parts), drawing.union(title_box).union(date_box)


@dataclass(frozen=True)
class About:
    """What a drawing is, for the root element: its kind, the prefix of its ids, its title and description."""

    kind: str
    id_prefix: str
    title: str
    desc: str


def document(about: About, box: Box, body: Iterable[str], defs: str = "") -> str:
    """The root <svg>: viewBox around the drawing, role="img", <title> and <desc> for screen readers."""
    kind, id_prefix, title, desc = about.kind, about.id_prefix, about.title, about.desc
    view = " ".join(num(v) for v in (box.x0, box.y0, box.width, box.height))
    attrs = {
        "xmlns": "http://www.w3.org/2000/svg",
        "class": f"kring-drawing kring-{kind}",
        "viewBox": view,
        "width": num(box.width * SHOWN),
        "height": num(box.height * SHOWN),
        "role": "img",
        "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
        "font-family": FONT,
    }
    head = el("title", {"id": f"{id_prefix}-title"}, esc(title)) + el("desc", {"id": f"{id_prefix}-desc"}, esc(desc))
    background = el("rect", {"x": box.x0, "y": box.y0, "width": box.width, "height": box.height, "fill": "#fff"})
    return el("svg", attrs, head, el("defs", None, defs) if defs else "", background, *body) + "\n"


def hatch_pattern(pattern_id: str, spacing: float = 5.0, width: float = 1.4) -> str:
    """Diagonal hatching, drawn in user space so it looks the same along any line or band."""
    stroke = {"stroke": INK, "stroke-width": width}
    return el(
        "pattern",
        {
            "id": pattern_id,
            "class": "hatching",
            "patternUnits": "userSpaceOnUse",
            "width": spacing,
            "height": spacing,
            "patternTransform": "rotate(45)",
        },
        el("line", {"x1": 0, "y1": 0, "x2": 0, "y2": spacing, **stroke}),
    )
