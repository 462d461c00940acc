"""The same commands straight on the Kring application object: get, one event, save (no HTTP, no Flask)."""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass
from uuid import UUID

from eventsourcing.application import project_aggregate

from services.application.kring import Context, Kring
from tests.bench.mix import CONTACT, ROLE, TIE, Op, Rate, Script, run_together

HISTORY_CONTACTS = 10
HISTORY_BATCH = 500


def open_networks(app: Kring, count: int) -> list[UUID]:
    return [app.open_network(f"Bench client {n}", "Bench coordinator", by="bench").network_id for n in range(count)]


def run(app: Kring, network_id: UUID, script: Script, op: Op) -> None:
    """The library's unit of work: get the network, record one event on it, save it."""
    network = app.get_network(network_id)
    stamp = app.stamp("bench")
    contact_id = None
    if op.kind == "contact":
        contact_id = app.new_id()
        network.add_contact(stamp, contact_id, **CONTACT)
    elif op.kind == "tie":
        assert op.contact_id is not None and op.strength is not None
        network.assess_tie(stamp, op.contact_id, strength=op.strength, **TIE)
    else:
        assert op.contact_id is not None
        network.assign_role(stamp, app.new_id(), contact_id=op.contact_id, **ROLE)
    app.save(network)
    if contact_id is not None:
        script.added(contact_id)


def drive(app: Kring, network_ids: list[UUID], rounds: int, threads: int) -> Rate:
    """Like the HTTP drive: each thread owns every threads-th network, `rounds` commands on each."""
    latencies: list[list[float]] = [[] for _ in range(threads)]
    failures: list[BaseException] = []
    start = threading.Barrier(threads + 1, timeout=30)

    def work(index: int) -> None:
        mine = [(network_id, Script()) for network_id in network_ids[index::threads]]
        timings = latencies[index]
        try:
            start.wait()
            for _ in range(rounds):
                for network_id, script in mine:
                    op = script.next()
                    began = time.perf_counter()
                    run(app, network_id, script, op)
                    timings.append(time.perf_counter() - began)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            failures.append(error)

    workers = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(threads)]
    elapsed, own_cpu = run_together(workers, start)
    if failures:
        raise RuntimeError(f"{len(failures)} thread(s) failed; first: {failures[0]!r}") from failures[0]
    every = [t for timings in latencies for t in timings]
    noun = "thread" if threads == 1 else "threads"
    return Rate(f"direct, {threads} {noun}", len(every), elapsed, every, own_cpu)


# ------------------------------------------------------------------ history length
@dataclass(frozen=True)
class History:
    """A network's history to build: so many events, with or without a note every 4th event."""

    events: int
    notes: bool = True

    @property
    def label(self) -> str:
        return f"{self.events} events" + ("" if self.notes else ", ties only")


def build_history(app: Kring, history: History) -> UUID:
    """A network with exactly `history.events` events: 10 contacts, then tie re-assessments (normal/strong,
    round the contacts) and, when `history.notes`, a note every 4th event - so its state grows as notes pile up.

    Saved in batches, so snapshots are taken as in normal use (every 100th version).
    """
    network_id = app.open_network("History client", "Bench coordinator", by="bench").network_id
    network = app.get_network(network_id)
    script = Script()
    stamp = app.stamp("bench")
    while network.version < history.events:
        if len(script.contacts) < HISTORY_CONTACTS:
            contact_id = app.new_id()
            network.add_contact(stamp, contact_id, **CONTACT)
            script.added(contact_id)
        elif history.notes and network.version % 4 == 3:
            network.add_note(stamp, app.new_id(), "Notitie uit de benchmark.")
        else:
            op = script.next_tie()
            assert op.contact_id is not None and op.strength is not None
            network.assess_tie(stamp, op.contact_id, strength=op.strength, **TIE)
        if len(network.pending_events) >= HISTORY_BATCH:
            app.save(network)
    app.save(network)
    return network_id


@dataclass(frozen=True)
class HistoryRun:
    history: History
    command: Rate
    get_ms: float
    snapshot_bytes: int
    snapshot_version: int | None
    full_replay_ms: float

    @property
    def events(self) -> int:
        return self.history.events


def latest_snapshot(app: Kring, network_id: UUID) -> tuple[int, int | None]:
    """Size in bytes and version of the newest snapshot of a network (0, None when there is none)."""
    assert app.snapshots is not None
    found = app.snapshots.recorder.select_events(network_id, desc=True, limit=1)
    if not found:
        return 0, None
    return len(found[0].state), found[0].originator_version


def time_commands(app: Kring, histories: list[History], commands: int, warmup: int = 10) -> list[HistoryRun]:
    """Build one network per history, then time add_note commands on them, taking turns between them."""
    network_ids = [build_history(app, history) for history in histories]
    ctx = Context(by="bench")
    gets: list[list[float]] = [[] for _ in histories]
    for index, network_id in enumerate(network_ids):
        for _ in range(20):
            began = time.perf_counter()
            app.get_network(network_id)
            gets[index].append(time.perf_counter() - began)
    snapshots = [latest_snapshot(app, network_id) for network_id in network_ids]
    replays: list[float] = []
    for network_id in network_ids:
        began = time.perf_counter()
        project_aggregate(None, app.events.get(network_id))
        replays.append(time.perf_counter() - began)
    timings: list[list[float]] = [[] for _ in histories]
    for round_ in range(warmup + commands):
        for index, network_id in enumerate(network_ids):
            began = time.perf_counter()
            app.add_note(network_id, ctx, "Nog een notitie.")
            if round_ >= warmup:
                timings[index].append(time.perf_counter() - began)
    return [
        HistoryRun(
            history=history,
            command=Rate(history.label, len(timings[i]), sum(timings[i]), timings[i]),
            get_ms=statistics.median(gets[i]) * 1000,
            snapshot_bytes=snapshots[i][0],
            snapshot_version=snapshots[i][1],
            full_replay_ms=replays[i] * 1000,
        )
        for i, history in enumerate(histories)
    ]
