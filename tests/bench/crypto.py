"""The cost of encryption: the same writes and reads with Kring's encrypting mapper and with the library's plain one.

`.venv/bin/python -m tests.bench.crypto [--store sqlite|postgres|both]`. For each store, each variant gets a fresh
store of its own; the trials alternate between the two variants and the median trial counts. It measures

1. writes: commands straight on the application object (get the network, record a note, save), one thread;
2. replay: reading and decoding every event of a network with 1,000 events (as `as_of` and the history do);
3. rebuild: the projections rebuilt from position 0 over the whole log (every event decoded, every map stored);
4. the mapper alone, in memory: encoding and decoding one event, in microseconds.

It is a report, not a test: it prints the figures and the ratios encrypted / plain and exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from uuid import UUID

from eventsourcing.persistence import Mapper

from services.application.kring import Context, Kring
from services.application.readside import ReadSide
from tests.bench.stores import Store, postgres_reachable, postgres_store, sqlite_store

TODAY = date(2026, 11, 26)
MASTER_KEY = "YmVuY2gtbWFzdGVyLWtleS0zMi1ieXRlcy1leGFjdCE="  # 32 bytes, for the benchmark's throw-away stores
NOTE = "Dochter belt elke avond; de buurvrouw doet de boodschappen op dinsdag en vrijdag."


class PlainKring(Kring):
    """Kring with the library's own mapper: nothing encrypted (the baseline)."""

    def construct_mapper(self) -> Mapper[UUID]:
        super().construct_mapper()  # the key store, unused
        return self.factory.mapper(transcoder=self.construct_transcoder())


def writes(app: Kring, networks: int, per_network: int) -> float:
    """Commands per second: a note on each network in turn."""
    ids = [app.open_network(f"Client {n}", "coord", by="bench").network_id for n in range(networks)]
    started = time.perf_counter()
    for _ in range(per_network):
        for network_id in ids:
            app.add_note(network_id, Context(by="bench"), NOTE)
    return networks * per_network / (time.perf_counter() - started)


def replay(app: Kring, events: int) -> float:
    """Events per second read and decoded from one network's history."""
    network_id = app.open_network("Lange geschiedenis", "coord", by="bench").network_id
    for _ in range(events - 1):
        app.add_note(network_id, Context(by="bench"), NOTE)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        assert len(list(app.network_events(network_id))) == events
        timings.append(time.perf_counter() - started)
    return events / statistics.median(timings)


def rebuild(app: Kring, settings: dict[str, str]) -> float:
    """Events per second of a full rebuild of the projections."""
    side = ReadSide(app, settings)
    try:
        started = time.perf_counter()
        side.runner.rebuild()
        return app.log_position() / (time.perf_counter() - started)
    finally:
        side.close()


def mapper_us(app: Kring, rounds: int = 20_000) -> tuple[float, float]:
    """Microseconds to encode and to decode one event, in memory."""
    network_id = app.open_network("Mapper", "coord", by="bench").network_id
    app.add_note(network_id, Context(by="bench"), NOTE)
    event = list(app.network_events(network_id))[-1]
    started = time.perf_counter()
    for _ in range(rounds):
        stored = app.mapper.to_stored_event(event)
    encode = (time.perf_counter() - started) / rounds * 1e6
    started = time.perf_counter()
    for _ in range(rounds):
        app.mapper.to_domain_event(stored)
    return encode, (time.perf_counter() - started) / rounds * 1e6


def trial(kind: type[Kring], make_store: Callable[[], AbstractContextManager[Store]]) -> dict[str, float]:
    with make_store() as store:
        settings = {**store.settings, "KRING_MASTER_KEY": MASTER_KEY}
        app = kind(settings, clock=lambda: TODAY)
        try:
            figures = {"writes/s": writes(app, 20, 25), "replay events/s": replay(app, 1000)}
            figures["rebuild events/s"] = rebuild(app, settings)
            figures["encode us"], figures["decode us"] = mapper_us(app)
            return figures
        finally:
            app.close()


def measure(make_store: Callable[[], AbstractContextManager[Store]], trials: int) -> dict[str, dict[str, float]]:
    runs: dict[str, list[dict[str, float]]] = {"encrypted": [], "plain": []}
    for _ in range(trials):
        runs["encrypted"].append(trial(Kring, make_store))
        runs["plain"].append(trial(PlainKring, make_store))
    return {name: {k: statistics.median(r[k] for r in found) for k in found[0]} for name, found in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--trials", type=int, default=3)
    args = parser.parse_args()
    stores: list[tuple[str, Callable[[], AbstractContextManager[Store]]]] = []
    if args.store in ("sqlite", "both"):
        stores.append(("SQLite", sqlite_store))
    if args.store in ("postgres", "both"):
        why = postgres_reachable()
        if why is None:
            stores.append(("PostgreSQL", postgres_store))
        else:
            print(f"PostgreSQL skipped: {why}")
    for label, make_store in stores:
        figures = measure(make_store, args.trials)
        print(f"\n== Encryption on {label} (median of {args.trials} trials)")
        print(f"  {'':<18} {'encrypted':>10} {'plain':>10} {'encrypted/plain':>16}")
        for key in figures["plain"]:
            sealed, plain = figures["encrypted"][key], figures["plain"][key]
            print(f"  {key:<18} {sealed:>10,.1f} {plain:>10,.1f} {sealed / plain:>16.2f}")


if __name__ == "__main__":
    main()
