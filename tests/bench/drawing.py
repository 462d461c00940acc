"""How long the server takes to draw: the ecogram, the Lensink circle and a burden trend (issue 6: a network
page with 60 contacts under 200 ms on the server). `python -m tests.bench.drawing` prints the medians."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from domain.burden import score
from services.web.drawing import burden_trend_svg, ecogram_svg, lensink_svg, map_data
from tests.unit.drawing_networks import sixty_network, three

RUNS = 50


def timed(draw: Callable[[], Any], runs: int = RUNS) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds over `runs` calls (after one warm-up call)."""
    draw()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        draw()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def weekly_trend(weeks: int) -> dict[str, Any]:
    start = date(2026, 1, 5)
    reports = [
        {
            "reported_on": (start + timedelta(weeks=i)).isoformat(),
            **asdict(score("ediz_plus", [1] * (i % 16) + [0] * (15 - i % 16))),
        }
        for i in range(weeks)
    ]
    return {"name": "Anna de Vries", "reports": reports}


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else RUNS
    network = sixty_network()
    big, small, trend = map_data(network), three(), weekly_trend(52)
    cases: list[tuple[str, Callable[[], Any]]] = [
        ("map_data, 60 contacts (Network -> map)", lambda: map_data(network)),
        ("ecogram, 3 contacts", lambda: ecogram_svg(small, "26 november 2026")),
        ("ecogram, 60 contacts", lambda: ecogram_svg(big, "26 november 2026")),
        ("ecogram, 60 contacts, with legend", lambda: ecogram_svg(big, "26 november 2026", with_legend=True)),
        ("ecogram, 60 contacts, from the Network", lambda: ecogram_svg(map_data(network), "26 november 2026")),
        ("Lensink circle, 60 contacts", lambda: lensink_svg(big, "26 november 2026")),
        ("burden trend, 52 weekly reports", lambda: burden_trend_svg(trend)),
    ]
    print(f"Drawing on the server, {runs} runs each (budget: a 60-contact network page in 200 ms)")
    for name, draw in cases:
        median, p95 = timed(draw, runs)
        print(f"  {name:<42} median {median:7.2f} ms   p95 {p95:7.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
