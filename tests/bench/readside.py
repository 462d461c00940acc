"""Read-side figures (issue 3): rebuild rate next to the library's raw read rate, map + measures latency
on a large store, and projection lag under a sustained write load."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.network import Network
from domain.state import Stamp
from services.application.kring import Context, Kring
from services.application.readside import ReadSide, measures_view
from services.web import schemas
from services.web.current import services_of

TODAY = date(2026, 11, 26)
CATEGORIES = ("household", "family_of_origin", "friend", "neighbour", "acquaintance", "professional", "volunteer")
STRENGTHS = ("strong", "normal", "tenuous")
SUPPORT = ("practical", "companionship", "advice", "emotional", "respite")


@dataclass
class ReadFigures:
    events: int
    networks: int
    generate_seconds: float
    raw_rate: float
    rebuild_rates: dict[str, float]
    map_measures_ms: tuple[float, float]
    http_map_measures_ms: tuple[float, float]
    lag_ms: tuple[float, float, float]
    writes: int
    cold_map_measures_ms: tuple[float, float]


def build_network(index: int, contacts: int, coordinator: str | None = None) -> Network:
    """A network with `contacts` contacts, each with a tie and a role; neighbours know each other."""
    stamp = Stamp("bench", date(2025, 1, 6), TODAY)
    network = Network.open(f"Client {index}", coordinator or f"coord-{index % 50}", 13, stamp)
    ids = [f"{index}-{i}" for i in range(contacts)]
    for i, cid in enumerate(ids):
        network.add_contact(
            stamp,
            cid,
            name=f"Contact {i}",
            category=CATEGORIES[i % len(CATEGORIES)],
            ring="friend",
            travel_minutes=i % 90,
            email=f"p{index % 97}.{i}@example.org",
        )
        network.assess_tie(stamp, cid, STRENGTHS[i % 3], i % 7 == 0, "both" if i % 2 else "to_client", "weekly")
        network.assign_role(stamp, f"r{cid}", cid, SUPPORT[i % len(SUPPORT)], "to_client", f"taak {i}", "wekelijks")
        if i:
            network.record_acquaintance(stamp, ids[i - 1], cid)
    return network


def generate(app: Kring, networks: int, big_contacts: int, say: Callable[[str], None]) -> UUID:
    """`networks` networks of 100 events each plus one big one; returns the big one's id."""
    big = build_network(-1, big_contacts)
    app.save(big)
    chunk: list[Network] = []
    for index in range(networks - 1):
        chunk.append(build_network(index, 25))  # 1 + 25 * 4 - 1 = 100 events
        if len(chunk) == 50:
            app.save(*chunk)
            chunk.clear()
            if (index + 1) % 1000 < 50:
                say(f"    generated {index + 1:,} networks ({app.log_position():,} events)")
    app.save(*chunk)
    return big.id


def raw_read_rate(app: Kring) -> float:
    """Events/s for reading and decoding the whole log with the library alone."""
    started, count, position = time.perf_counter(), 0, 0
    while notifications := app.recorder.select_notifications(start=position + 1, limit=500):
        for notification in notifications:
            app.mapper.to_domain_event(notification)
        count += len(notifications)
        position = notifications[-1].id
    return count / (time.perf_counter() - started)


def timed_ms(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def lag_under_load(
    app: Kring, side: ReadSide, network_id: UUID, seconds: float, rate: float
) -> tuple[tuple[float, float, float], int]:
    """Write at a steady rate while the background runner projects; lag = commit to projected."""
    written: list[tuple[float, int]] = []
    lags: list[float] = []
    done = threading.Event()

    def watch() -> None:
        pending = 0
        while not done.is_set() or pending < len(written):
            reached = min(s.position for s in side.runner.status())
            now = time.perf_counter()
            while pending < len(written) and written[pending][1] <= reached:
                lags.append((now - written[pending][0]) * 1000)
                pending += 1
            time.sleep(0.005)

    side.runner.start(poll_interval=0.05)
    watcher = threading.Thread(target=watch)
    watcher.start()
    ctx = Context(by="bench")
    deadline, interval = time.perf_counter() + seconds, 1 / rate
    next_at = time.perf_counter()
    while next_at < deadline:
        outcome = app.add_note(network_id, ctx, "sustained load")
        written.append((time.perf_counter(), outcome.position or 0))
        next_at += interval
        time.sleep(max(0.0, next_at - time.perf_counter()))
    done.set()
    watcher.join(timeout=30)
    side.runner.stop()
    lags.sort()
    return (statistics.median(lags), lags[int(len(lags) * 0.95) - 1], lags[-1]), len(written)


def run(settings: dict[str, str], networks: int, say: Callable[[str], None]) -> ReadFigures:
    """All read-side figures on one store."""
    app = Kring(settings, clock=lambda: TODAY)
    side = ReadSide(app, settings)
    try:
        say(f"  generating {networks:,} networks (one with 150 contacts) ...")
        started = time.perf_counter()
        big = generate(app, networks, 150, say)
        generate_seconds = time.perf_counter() - started
        events = app.log_position()
        say(f"  {events:,} events in {generate_seconds:.0f} s; reading the raw log ...")
        raw = raw_read_rate(app)
        rates = {}
        for name in [*side.runner.projections, "all"]:
            say(f"  rebuilding {name} from position 0 ...")
            started = time.perf_counter()
            side.runner.rebuild(None if name == "all" else [name])
            rates[name] = events / (time.perf_counter() - started)
        say("  map + measures of the 150-contact network ...")
        dump = schemas.MapOut().dump
        direct = timed_ms(lambda: (dump(side.network(big)), measures_view(side.measures(big))), 200)
        cold = timed_ms(lambda: (side.maps.forget(), dump(side.network(big)), measures_view(side.measures(big))), 50)
        http = _http_timing(settings, big)
        say("  projection lag under a sustained write load (100 writes/s for 15 s) ...")
        lag, writes = lag_under_load(app, side, big, seconds=15, rate=100)
        return ReadFigures(events, networks, generate_seconds, raw, rates, direct, http, lag, writes, cold)
    finally:
        side.close()
        app.close()


def _http_timing(settings: dict[str, str], network_id: UUID) -> tuple[float, float]:
    from services.web import create_app, shutdown  # noqa: PLC0415 - only this phase needs the web app

    web = create_app({"KRING_STORE": settings, "KRING_CLOCK": lambda: TODAY, "SECRET_KEY": "bench"})
    client = web.test_client()
    try:
        accounts = services_of(web).accounts
        user = accounts.create_user(accounts.create_organisation("Bench"), "reader@example.nl", "Reader", None)
        services_of(web).kring.grant_access(network_id, Context(by="bench"), user.id, "client")
        services_of(web).read_side.runner.catch_up()
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {accounts.new_token(user.id, 'bench')[1]}"

        def both() -> None:
            assert client.get(f"/api/networks/{network_id}/map").status_code == 200
            assert client.get(f"/api/networks/{network_id}/measures").status_code == 200

        return timed_ms(both, 200)
    finally:
        shutdown(web)


def report(label: str, f: ReadFigures, say: Callable[[str], None]) -> None:
    """Print the figures with their targets."""
    rates = dict(f.rebuild_rates)
    total_rate = rates.pop("all")
    ratio = total_rate / f.raw_rate
    say(
        f"\n== Read side on {label}: {f.networks:,} networks, {f.events:,} events "
        f"(generated in {f.generate_seconds:.0f} s)"
    )
    say(f"  raw read + decode (library)      {f.raw_rate:>10,.0f} events/s")
    for name, rate in rates.items():
        say(f"  rebuild {name:<24} {rate:>10,.0f} events/s  ({rate / f.raw_rate:.0%} of raw)")
    say(
        f"  full rebuild (all projections)   {total_rate:>10,.0f} events/s  ({ratio:.0%} of raw; target >= 30%: "
        f"{'PASS' if ratio >= 0.3 else 'MISS'})"
    )
    say(
        f"  map + measures, 150 contacts, first read  median {f.cold_map_measures_ms[0]:.1f} ms, "
        f"p95 {f.cold_map_measures_ms[1]:.1f} ms (target median < 15 ms: "
        f"{'PASS' if f.cold_map_measures_ms[0] < 15 else 'MISS'})"
    )
    say(
        f"  the same again (decoded map cached)  median {f.map_measures_ms[0]:.1f} ms, "
        f"p95 {f.map_measures_ms[1]:.1f} ms"
    )
    say(
        f"  same over HTTP (GET map+measures) median {f.http_map_measures_ms[0]:.1f} ms, "
        f"p95 {f.http_map_measures_ms[1]:.1f} ms"
    )
    say(
        f"  projection lag, {f.writes} writes    median {f.lag_ms[0]:.0f} ms, p95 {f.lag_ms[1]:.0f} ms, "
        f"max {f.lag_ms[2]:.0f} ms (target < 1 s: {'PASS' if f.lag_ms[2] < 1000 else 'MISS'})"
    )
