"""A carer's burden trend as drawn: a chart per instrument, its published bands, the scores in date order."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from domain.burden import score
from services.web.drawing import burden_trend_svg
from tests.unit.catalogue import speaker_of
from tests.unit.drawing_networks import SVG, collisions, lines_of, parse


def report(day: str, instrument: str, answers: list[Any]) -> dict[str, Any]:
    """A report as the trend lists it: scored by domain.burden."""
    return {"id": f"{instrument}-{day}", "reported_on": day, **asdict(score(instrument, answers))}


def ediz_plus(total: int) -> list[int]:
    return [1] * total + [0] * (15 - total)


def csi(total: int) -> list[int]:
    return [1] * total + [0] * (13 - total)


REPORTS = [
    report("2026-06-01", "ediz_plus", ediz_plus(9)),  # out of order: the chart sorts by date
    report("2026-01-10", "ediz_plus", ediz_plus(2)),
    report("2026-03-02", "ediz_plus", ediz_plus(5)),
    report("2026-09-15", "ediz_plus", ediz_plus(12)),
    report("2026-02-01", "csi", csi(4)),
    report("2026-08-01", "csi", csi(8)),
    report("2026-04-01", "srb", [6]),
]


def drawn(reports: list[dict[str, Any]] | None = None, name: str = "Anna de Vries", **options: Any) -> ET.Element:
    trend = {"carer_id": "anna", "name": name, "reports": REPORTS if reports is None else reports, "signals": []}
    return parse(burden_trend_svg(trend, **options))


def panels(svg: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-instrument", ""): g for g in svg.iter(f"{SVG}g") if g.get("class") == "panel"}


def bands(panel: ET.Element) -> dict[str, tuple[float, float, str]]:
    """Band name -> (top, bottom, fill) of its rectangle."""
    return {
        r.get("data-band", ""): (
            float(r.get("y", "0")),
            float(r.get("y", "0")) + float(r.get("height", "0")),
            r.get("fill", ""),
        )
        for r in panel.iter(f"{SVG}rect")
        if r.get("class") == "band"
    }


def texts(element: ET.Element, cls: str) -> list[str]:
    return [" ".join(lines_of(t)) for t in element.iter(f"{SVG}text") if t.get("class") == cls]


def test_one_chart_per_instrument_used_in_the_order_of_the_instruments() -> None:
    found = panels(drawn())
    assert list(found) == ["ediz_plus", "csi", "srb"]
    assert texts(found["ediz_plus"], "panel-title") == [
        "Ervaren Druk door Informele Zorg-plus (EDIZ-plus): score van 0 tot 15"
    ]


def test_the_ediz_plus_chart_shows_its_four_published_bands_heavy_hatched() -> None:
    panel = panels(drawn())["ediz_plus"]
    found = bands(panel)
    assert list(found) == ["none", "light", "moderate", "heavy"]
    plot = next(r for r in panel.iter(f"{SVG}rect") if r.get("class") == "plot")
    top, height = float(plot.get("y", "0")), float(plot.get("height", "0"))

    def at(score: float) -> float:
        return top + height - score / 15 * height

    assert found["heavy"][:2] == (at(15), at(8.5))  # 9 to 15
    assert found["moderate"][:2] == (at(8.5), at(3.5))  # 4 to 8
    assert found["light"][:2] == (at(3.5), at(0.5))  # 1 to 3
    assert re.fullmatch(r"url\(#burden-trend-hatch\)", found["heavy"][2])
    assert len({fill for _, _, fill in found.values()}) == 4  # each band looks different, without colour
    assert texts(panel, "band-label") == ["geen belasting", "licht belast", "matig belast", "zwaar belast"]


def test_the_csi_chart_marks_high_strain_from_seven_and_the_others_have_no_bands() -> None:
    found = panels(drawn())
    assert list(bands(found["csi"])) == ["high"] and texts(found["csi"], "band-label") == ["hoge belasting"]
    plot = next(r for r in found["csi"].iter(f"{SVG}rect") if r.get("class") == "plot")
    top, height = float(plot.get("y", "0")), float(plot.get("height", "0"))
    assert bands(found["csi"])["high"][1] == round(top + height - 6.5 / 13 * height, 1)
    assert bands(found["srb"]) == {}


def test_the_scores_are_drawn_in_date_order_higher_is_higher_up() -> None:
    panel = panels(drawn())["ediz_plus"]
    points = [
        (g.get("data-date"), int(g.get("data-total", "0"))) for g in panel.iter(f"{SVG}g") if g.get("class") == "point"
    ]
    assert points == [("2026-01-10", 2), ("2026-03-02", 5), ("2026-06-01", 9), ("2026-09-15", 12)]
    [line] = [p for p in panel.iter(f"{SVG}polyline") if p.get("class") == "series"]
    xy = [tuple(float(v) for v in pair.split(",")) for pair in (line.get("points") or "").split()]
    assert [x for x, _ in xy] == sorted(x for x, _ in xy) and [y for _, y in xy] == sorted(
        (y for _, y in xy), reverse=True
    )
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(xy)]
    assert gaps[0] < gaps[1]  # 51 days, then 91: the time axis is to scale
    assert texts(panel, "value") == ["2", "5", "9", "12"]


def test_the_axes_are_labelled_with_scores_and_dates_and_no_label_overlaps() -> None:
    svg = drawn()
    assert collisions(svg) == []
    for panel in panels(svg).values():
        assert "datum van de meting" in texts(panel, "axis-title")
    ediz = panels(svg)["ediz_plus"]
    assert texts(ediz, "tick")[:6] == ["0", "3", "6", "9", "12", "15"]
    assert {"10 jan 2026", "2 mrt 2026", "1 jun 2026", "15 sep 2026"} >= set(texts(ediz, "tick")[6:]) >= {"15 sep 2026"}


def test_a_crowded_time_axis_leaves_out_dates_rather_than_overlap_them() -> None:
    weekly = [report((date(2026, 1, 5) + timedelta(weeks=i)).isoformat(), "srb", [i % 11]) for i in range(40)]
    panel = panels(drawn(weekly))["srb"]
    dates = [t for t in panel.iter(f"{SVG}text") if t.get("class") == "tick" and " " in "".join(lines_of(t))]
    assert 3 <= len(dates) < 40 and "5 okt 2026" in [" ".join(lines_of(t)) for t in dates]  # the latest is kept
    assert collisions(parse(burden_trend_svg({"name": "Anna", "reports": weekly}))) == []


def test_the_chart_is_accessible_escaped_and_in_black_and_white() -> None:
    text = burden_trend_svg({"name": '<Jan & "Piet">', "reports": REPORTS}, id_prefix="trend-jan")
    svg = parse(text)
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "trend-jan-title trend-jan-desc"
    assert svg.findtext(f"{SVG}title") == 'Belasting van <Jan & "Piet">'
    desc = svg.findtext(f"{SVG}desc") or ""
    assert "EDIZ-plus): 4 metingen van 10 jan 2026 tot 15 sep 2026; laatste score 12 van 15 (zwaar belast)." in desc
    assert "laatste score 8 van 13 (hoge belasting)." in desc
    paints = {e.get(k, "") for e in svg.iter() for k in ("fill", "stroke")} - {""}
    grey = re.compile(r"none|url\(#[\w-]+\)|#([0-9a-f])\1\1|#([0-9a-f]{2})\2\2")
    assert [paint for paint in paints if not grey.fullmatch(paint)] == []
    assert text == burden_trend_svg(
        {"name": '<Jan & "Piet">', "reports": list(reversed(REPORTS))}, id_prefix="trend-jan"
    )


def test_without_reports_the_chart_says_so() -> None:
    svg = drawn([])
    assert panels(svg) == {} and texts(svg, "empty") == ["Nog geen metingen."]
    assert svg.findtext(f"{SVG}desc") == "Nog geen metingen."


def test_dates_and_captions_can_be_written_in_another_language() -> None:
    english = {
        "datum van de meting": "date measured",
        "zwaar belast": "heavy",
        "Belasting van %(name)s": "Burden of %(name)s",
    }
    svg = drawn(gettext=speaker_of(english), format_date=lambda d: d.isoformat())
    ediz = panels(svg)["ediz_plus"]
    assert "date measured" in texts(ediz, "axis-title") and "heavy" in texts(ediz, "band-label")
    assert "2026-09-15" in texts(ediz, "tick")
    assert svg.findtext(f"{SVG}title") == "Burden of Anna de Vries"


def test_a_single_report_is_one_point_in_the_middle_and_one_meting() -> None:
    svg = drawn([report("2026-05-04", "csi", csi(9))])
    [point] = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "point"]
    plot = next(r for r in svg.iter(f"{SVG}rect") if r.get("class") == "plot")
    middle = float(plot.get("x", "0")) + float(plot.get("width", "0")) / 2
    assert abs(float(point.find(f"{SVG}circle").get("cx", "0")) - middle) < 1  # type: ignore[union-attr]
    assert "1 meting" in texts(svg, "caption date")
    assert (svg.findtext(f"{SVG}desc") or "").endswith("1 meting, op 4 mei 2026; score 9 van 13 (hoge belasting).")
