"""A carer's burden over time: one line chart per instrument, with the instrument's published bands behind it.

Input is the trend as GET /api/networks/<id>/carers/<carer_id>/burden answers it (application.burden.CarerBurden):
the carer's name and every report scored. Bands come from domain.burden: EDIZ-plus none, light, moderate,
heavy; Caregiver Strain Index high strain from 7. EDIZ and Self-Rated Burden have no published cut-off, so
their charts have no bands. Grey levels and hatching tell the bands apart in black and white.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from babel.dates import format_date as babel_date

from domain.burden import CSI_HIGH_STRAIN_FROM, EDIZ_PLUS_BANDS, SPECS
from domain.vocabulary import INSTRUMENTS
from domain.words import drawings as words
from domain.words.labels import BAND as BAND_CAPTIONS
from services.web.drawing.layout import Box
from services.web.drawing.svg import (
    GREY,
    INK,
    About,
    Font,
    Translate,
    caption,
    check_prefix,
    document,
    el,
    esc,
    hatch_pattern,
    identity,
    label,
)

PLOT_W, PLOT_H = 480.0, 150.0
LEFT, RIGHT, TOP, BOTTOM = 40.0, 120.0, 30.0, 44.0
INSET = 14.0  # between the plot's edge and the first and last measurement
PANEL_H = TOP + PLOT_H + BOTTOM
TICK = Font(10.0, cls="tick")
VALUE = Font(10.0, bold=True, cls="value")
BAND = Font(10.0, cls="band-label", anchor="start")
PANEL = Font(12.0, bold=True, cls="panel-title", anchor="start")
AXIS = Font(10.0, cls="axis-title", fill=GREY)
BAND_FILLS = {"none": "#fff", "light": "#f0f0f0", "moderate": "#d9d9d9"}  # heavy and high: hatched


def bands(instrument: str, maximum: int) -> list[tuple[float, float, str]]:
    """(low, high, band) on the score axis, halfway between whole scores, as the instrument publishes them."""
    if instrument == "ediz_plus":
        lows = [0.0, *(upper + 0.5 for upper, _ in EDIZ_PLUS_BANDS[:-1])]
        highs = [upper + 0.5 for upper, _ in EDIZ_PLUS_BANDS[:-1]] + [float(maximum)]
        return [(low, high, name) for low, high, (_, name) in zip(lows, highs, EDIZ_PLUS_BANDS, strict=True)]
    if instrument == "csi":
        return [(CSI_HIGH_STRAIN_FROM - 0.5, float(maximum), "high")]
    return []


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@dataclass(frozen=True)
class Chart:
    """What every panel shares: the id prefix, the words and the dates on the time axis."""

    prefix: str
    gettext: Translate
    written: Callable[[date], str]
    first: date
    last: date

    def x(self, day: date) -> float:
        share = (day - self.first).days / max((self.last - self.first).days, 1)
        return LEFT + INSET + share * (PLOT_W - 2 * INSET)


def _y(score: float, maximum: int) -> float:
    return TOP + PLOT_H - score / max(maximum, 1) * PLOT_H


def _step(maximum: int) -> int:
    return next(step for step in (1, 2, 3, 5, 10, 20) if maximum / step <= 6)


def _thin(boxes: list[tuple[Box, str]]) -> list[tuple[Box, str]]:
    """The labels that fit, kept from the latest back: a label that would overlap one already kept is left out."""
    kept: list[tuple[Box, str]] = []
    for box, text in reversed(boxes):
        if not any(box.overlaps(other, 3) for other, _ in kept):
            kept.append((box, text))
    return kept[::-1]


def _spaced(labels: list[tuple[float, str]], height: float, bottom: float) -> list[tuple[float, str]]:
    """Band labels at their bands' middles, moved up just enough not to overlap (bottom one first)."""
    placed: list[tuple[float, str]] = []
    for middle, text in sorted(labels, reverse=True):
        y = min(middle, bottom - height / 2, placed[-1][0] - height - 1 if placed else middle)
        placed.append((y, text))
    return placed


def _bands(code: str, maximum: int, chart: Chart) -> list[str]:
    parts, names = [], []
    for low, high, band in bands(code, maximum):
        fill = BAND_FILLS.get(band, f"url(#{chart.prefix}-hatch)")
        area = {"x": LEFT, "y": _y(high, maximum), "width": PLOT_W, "height": _y(low, maximum) - _y(high, maximum)}
        parts.append(el("rect", {"class": "band", "data-band": band, **area, "fill": fill}))
        names.append(((_y(low, maximum) + _y(high, maximum)) / 2, chart.gettext(BAND_CAPTIONS[band])))
    height = BAND.measure(["X"])[1]
    for y, text in _spaced(names, height, TOP + PLOT_H + height / 2):
        box = Box(LEFT + PLOT_W + 6, y - height / 2, LEFT + PLOT_W + 6 + BAND.measure([text])[0], y + height / 2)
        parts.append(label(box, [text], BAND))
    return parts


def _axes(maximum: int, days: list[date], chart: Chart) -> list[str]:
    line = {"stroke": INK, "stroke-width": 1}
    parts = [
        el("rect", {"class": "plot", "x": LEFT, "y": TOP, "width": PLOT_W, "height": PLOT_H, "fill": "none", **line})
    ]
    for score in range(0, maximum + 1, _step(maximum)):
        y = _y(score, maximum)
        parts.append(
            el(
                "line",
                {
                    "class": "grid",
                    "x1": LEFT,
                    "y1": y,
                    "x2": LEFT + PLOT_W,
                    "y2": y,
                    "stroke": "#bfbfbf",
                    "stroke-width": 0.6,
                },
            )
        )
        parts.append(label(Box(LEFT - 30, y - 6, LEFT - 4, y + 6), [str(score)], Font(10.0, cls="tick", anchor="end")))
    ticks = [
        (Box.around(chart.x(d), TOP + PLOT_H + 12, *TICK.measure([chart.written(d)])), chart.written(d))
        for d in sorted(set(days))
    ]
    for d in sorted(set(days)):
        parts.append(
            el(
                "line",
                {
                    "class": "tick-mark",
                    "x1": chart.x(d),
                    "y1": TOP + PLOT_H,
                    "x2": chart.x(d),
                    "y2": TOP + PLOT_H + 4,
                    **line,
                },
            )
        )
    parts += [label(box, [text], TICK) for box, text in _thin(ticks)]
    axis = chart.gettext(words.TIME_AXIS)
    parts.append(label(Box.around(LEFT + PLOT_W / 2, TOP + PLOT_H + 32, *AXIS.measure([axis])), [axis], AXIS))
    return parts


def _series(reports: list[Mapping[str, Any]], maximum: int, chart: Chart) -> list[str]:
    points = [(chart.x(_day(r["reported_on"])), _y(float(r["total"]), maximum), r) for r in reports]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
    parts = [el("polyline", {"class": "series", "points": path, "fill": "none", "stroke": INK, "stroke-width": 2})]
    for x, y, report in points:
        when = chart.written(_day(report["reported_on"]))
        hint = el("title", None, esc(f"{when}: {report['total']} / {maximum}"))
        dot = el("circle", {"cx": x, "cy": y, "r": 3.5, "fill": "#fff", "stroke": INK, "stroke-width": 1.5})
        attrs = {"class": "point", "data-date": _day(report["reported_on"]).isoformat(), "data-total": report["total"]}
        parts.append(el("g", attrs, hint, dot))
    values = [(_value_box(x, y, str(r["total"])), str(r["total"])) for x, y, r in points]
    parts += [label(box, [text], VALUE) for box, text in _thin(values)]
    return parts


def _value_box(x: float, y: float, value: str) -> Box:
    """A score's label just above its point, or just below it at the top of the chart."""
    width, height = VALUE.measure([value])
    above = Box.around(x, y - 5 - height / 2, width, height)
    return above if above.y0 >= TOP else Box.around(x, y + 5 + height / 2, width, height)


def _panel(code: str, reports: list[Mapping[str, Any]], chart: Chart, top: float) -> str:
    maximum = int(reports[-1].get("maximum") or _maximum(code))
    heading = _heading(code, maximum, chart.gettext)
    parts = [
        label(Box(0, 0, *PANEL.measure([heading])), [heading], PANEL),
        *_bands(code, maximum, chart),
        *_axes(maximum, [_day(r["reported_on"]) for r in reports], chart),
        *_series(reports, maximum, chart),
    ]
    return el("g", {"class": "panel", "data-instrument": code, "transform": f"translate(0,{top:.1f})"}, *parts)


def _heading(code: str, maximum: int, gettext: Translate) -> str:
    return gettext(words.trend_heading(code, maximum))


def _maximum(code: str) -> int:
    spec = SPECS[code]
    return len(spec.items) * max(option.points for option in spec.options)


def _sentence(code: str, reports: list[Mapping[str, Any]], chart: Chart) -> str:
    latest = reports[-1]
    band = latest.get("band") or ("high" if latest.get("high_strain") else None)
    said = words.trend_sentence(
        code,
        len(reports),
        chart.written(_day(reports[0]["reported_on"])),
        chart.written(_day(latest["reported_on"])),
        latest["total"],
        latest.get("maximum") or _maximum(code),
        band,
    )
    return chart.gettext(said)


def burden_trend_svg(
    trend: Mapping[str, Any],
    *,
    gettext: Translate = identity,
    format_date: Callable[[date], str] | None = None,
    id_prefix: str = "burden-trend",
) -> str:
    """A carer's scores over time (the trend of GET .../carers/<id>/burden) as an inline SVG, one chart per instrument.

    `format_date` writes a date on the time axis (default Dutch, "3 mrt 2026").
    """
    prefix = check_prefix(id_prefix)
    reports = sorted(trend.get("reports") or [], key=lambda r: (_day(r["reported_on"]), str(r.get("id", ""))))
    days = [_day(r["reported_on"]) for r in reports]
    first, last = (min(days), max(days)) if days else (date.min, date.min)
    if first == last and days:
        first, last = first - timedelta(days=15), last + timedelta(days=15)
    written = format_date or (lambda d: babel_date(d, "medium", locale="nl"))
    chart = Chart(prefix, gettext, written, first, last)
    used = [code for code in INSTRUMENTS if any(r["instrument"] == code for r in reports)]
    body, lines = [], []
    for i, code in enumerate(used):
        mine = [r for r in reports if r["instrument"] == code]
        body.append(_panel(code, mine, chart, i * PANEL_H))
        lines.append(_sentence(code, mine, chart))
    if not reports:
        lines.append(gettext(words.NO_REPORTS))
        body.append(label(Box(0, 0, *AXIS.measure(lines)), lines, Font(AXIS.size, cls="empty", anchor="start")))
    width = max(
        [LEFT + PLOT_W + RIGHT] + [PANEL.measure([_heading(code, _maximum(code), gettext)])[0] for code in used]
    )
    whole = Box(0, 0, width, len(used) * PANEL_H if used else 20.0)
    title = gettext(words.trend_title(str(trend.get("name") or "")))
    captions, whole = caption(title, gettext(words.measurements(len(reports))), whole)
    about = About("burden-trend", prefix, title, " ".join(lines))
    return document(about, whole.grown(10), [captions, *body], hatch_pattern(f"{prefix}-hatch", 6.0, 1.0))
