"""The ecogram's legend: every mark of the notation with its caption, and the support codes."""

from __future__ import annotations

from domain.words import drawings as words
from services.web.drawing import notation
from services.web.drawing.layout import Box
from services.web.drawing.svg import About, Font, Translate, check_prefix, document, el, identity, label
from services.web.drawing.words import SPILMANTELZORGER, STRENGTH_CAPTIONS, SUPPORT_CAPTIONS, SUPPORT_CODES

CAPTION = Font(11.0, anchor="start")
TITLE = Font(12.0, bold=True, cls="legend-heading", anchor="start")
CODE = Font(11.0, bold=True, cls="code")
ROW = 20.0
SAMPLE = 44.0
GAP = 8.0
COLUMN_GAP = 28.0


def _marks(prefix: str) -> list[tuple[str, str, str]]:
    """(entry, sample, Dutch caption) for each mark; samples are drawn on y = 0 from x = 0 to SAMPLE."""
    line = (2.0, 0.0, SAMPLE - 2, 0.0)
    marks = [(s, notation.tie(prefix, line, s, False, "none"), STRENGTH_CAPTIONS[s]) for s in ("strong", "normal")]
    marks += [
        ("tenuous", notation.tie(prefix, line, "tenuous", False, "none"), STRENGTH_CAPTIONS["tenuous"]),
        ("stressful", notation.tie(prefix, line, "normal", True, "none"), words.MARK["stressful"]),
        ("one_way", notation.tie(prefix, line, "normal", False, "from_client"), words.MARK["one_way"]),
        ("both_ways", notation.tie(prefix, line, "normal", False, "both"), words.MARK["both_ways"]),
        ("acquaintance", notation.acquaintance(*line), words.MARK["acquaintance"]),
        ("spilmantelzorger", notation.node(SAMPLE / 2, 0, 10.0, True), SPILMANTELZORGER),
    ]
    return marks


def _codes(gettext: Translate) -> list[tuple[str, str, str]]:
    """(entry, code, Dutch caption) for each support type, and for the codes in brackets."""
    rows = [(kind, gettext(code), SUPPORT_CAPTIONS[kind]) for kind, code in SUPPORT_CODES.items()]
    rows.append(("given", f"({gettext(SUPPORT_CODES['companionship'])})", words.MARK["given"]))
    return rows


def _column(x: float, top: float, rows: list[tuple[str, str, str]]) -> tuple[list[str], float]:
    """Rows of (entry, sample, caption) from (x, top) down: the sample left, the caption right of it."""
    width = max(CAPTION.measure([caption])[0] for _, _, caption in rows)
    parts = []
    for i, (entry, sample, caption) in enumerate(rows):
        y = top + i * ROW
        drawn = el("g", {"transform": f"translate({x:.1f},{y:.1f})"}, sample)
        text_box = Box.around(x + SAMPLE + GAP + width / 2, y, width, CAPTION.measure([caption])[1])
        parts.append(
            el("g", {"class": "legend-entry", "data-entry": entry}, drawn, label(text_box, [caption], CAPTION))
        )
    return parts, SAMPLE + GAP + width


def legend_parts(prefix: str, gettext: Translate = identity) -> tuple[str, float, float]:
    """The legend as SVG elements from (0, 0), with its width and height; uses the drawing's markers and hatching."""
    heading = gettext(words.LEGEND)
    heading_box = Box(0, 0, *TITLE.measure([heading]))
    top = heading_box.y1 + 6 + ROW / 2
    marks = [(entry, sample, gettext(caption)) for entry, sample, caption in _marks(prefix)]
    left, left_width = _column(0.0, top, marks)
    code = Box.around(SAMPLE / 2, 0, SAMPLE, ROW - 4)
    codes = [(entry, label(code, [letter], CODE), gettext(caption)) for entry, letter, caption in _codes(gettext)]
    right, right_width = _column(left_width + COLUMN_GAP, top, codes)
    height = top + max(len(marks), len(codes)) * ROW - ROW / 2
    return "".join([label(heading_box, [heading], TITLE), *left, *right]), left_width + COLUMN_GAP + right_width, height


def ecogram_legend_svg(gettext: Translate = identity, id_prefix: str = "ecogram-legend") -> str:
    """The legend on its own, as an inline SVG (for beside the ecogram, or under it on the printed page)."""
    prefix = check_prefix(id_prefix)
    parts, width, height = legend_parts(prefix, gettext)
    captions = [gettext(caption) for _, _, caption in _marks(prefix)]
    captions += [gettext(words.legend_code(code, caption)) for _, code, caption in _codes(gettext)]
    title = gettext(words.LEGEND_TITLE)
    box = Box(0, 0, width, height).grown(8)
    about = About("ecogram-legend", prefix, title, "; ".join(captions) + ".")
    return document(about, box, [parts], notation.defs(prefix))
