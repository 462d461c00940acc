"""Feed the projections from the event log: exactly once, crash-safe, on SQLite and PostgreSQL.

Each projection keeps a tracking position in `kring_tracking`. One catch-up step locks that row
(BEGIN IMMEDIATE on SQLite, SELECT ... FOR UPDATE on PostgreSQL), reads the events after the position,
applies them and moves the position, all in one transaction: a crash loses nothing and applies
nothing twice, and a second worker waits for the lock and then skips what the first one applied.
On PostgreSQL the library's subscription (LISTEN/NOTIFY) wakes the runner when events are written;
on SQLite the runner polls.

An event that one projection cannot apply does not stop the others (`projections/parking.py`): when a batch
fails, each projection steps alone, and the one that failed steps through ever smaller batches until the event
stands alone; that event is parked, and its network's later events are held back behind it in that projection,
while everything else goes on. `retry` applies them again after a fix. The happy path pays one small query.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import Notification

from projections import parking, retry
from projections.base import LogBatch, Projection, Unreadable
from projections.db import ReadStore
from projections.parking import TRANSIENT, Held, Parked, without

log = logging.getLogger(__name__)
TRACKING = "kring_tracking"
VERSIONS = "kring_projection_versions"


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (for a rebuild).

    A rebuild makes millions of short-lived objects without cycles, which reference counting frees. Each of
    them would still count towards the collector's next full pass over every object in the process; those
    passes took about a sixth of a rebuild's time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class Status:
    """How far a projection has read, and how far behind the log it is."""

    name: str
    position: int
    log_position: int
    parked: int = 0  # events it could not apply
    held: int = 0  # later events of their networks, waiting behind them

    @property
    def lag(self) -> int:
        return self.log_position - self.position


class Runner:
    """Catches the projections up with the event log, once or for as long as it runs."""

    def __init__(
        self,
        app: Any,
        store: ReadStore,
        projections: Sequence[Projection],
        batch_size: int = 1000,
        rebuild_batch_size: int | None = None,
    ) -> None:
        self.app = app
        self.store = store
        self.projections = {p.name: p for p in projections}
        self.batch_size = batch_size
        self.rebuild_batch_size = rebuild_batch_size or store.rebuild_batch_size
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._moved = threading.Condition()  # notified when a step of this process moved a position
        self._threads: list[threading.Thread] = []
        self.setup()

    def setup(self) -> None:
        """Create the tracking table, each projection's tables and its tracking row.

        A projection whose version changed since its tables were made has them dropped and starts again
        from position 0 (tables made before versions were kept count as version 1).
        """
        with self.store.transaction(write=True) as tx:
            tx.lock_schema()
            tx.execute(f"CREATE TABLE IF NOT EXISTS {TRACKING} (name TEXT PRIMARY KEY, position BIGINT NOT NULL)")
            tx.execute(f"CREATE TABLE IF NOT EXISTS {VERSIONS} (name TEXT PRIMARY KEY, version INTEGER NOT NULL)")
            parking.create_table(tx)
            for projection in self.projections.values():
                self._upgrade(tx, projection)
                projection.create_tables(tx, self.store)
                projection.create_indexes(tx)
                tx.execute(
                    f"INSERT INTO {TRACKING} (name, position) VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
                    [projection.name],
                )

    def _upgrade(self, tx: Any, projection: Projection) -> None:
        if self._version(tx, projection) != projection.version:
            log.warning("projection %s changed to version %d: rebuilding it", projection.name, projection.version)
            projection.drop_tables(tx)
            parking.clear(tx, projection.name)
            tx.execute(f"UPDATE {TRACKING} SET position = 0 WHERE name = ?", [projection.name])
        tx.execute(
            f"INSERT INTO {VERSIONS} (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = "
            "excluded.version",
            [projection.name, projection.version],
        )

    def _version(self, tx: Any, projection: Projection) -> int:
        """The version of the projection's tables: new ones are current; ones made before versions were kept, 1."""
        row = tx.execute(f"SELECT version FROM {VERSIONS} WHERE name = ?", [projection.name]).one()
        if row is not None:
            return int(row["version"])
        tracked = tx.execute(f"SELECT position FROM {TRACKING} WHERE name = ?", [projection.name]).one()
        return 1 if tracked is not None else projection.version

    # ---------------------------------------------------------- one step
    def step(self, names: Sequence[str] | None = None, batch_size: int | None = None) -> int:
        """Apply the next batch of events to these projections (default: all); returns how many were applied
        or skipped (per projection, summed).

        When the batch fails, each projection steps alone, so the others go on; the one that fails looks for
        the first event it cannot apply and parks it (`_isolate`). The store failing is not the event's fault:
        that error is raised, and the step is tried again later.
        """
        names = list(names or self.projections)
        size = batch_size or self.batch_size
        try:
            applied, forgotten = self._step(names, size)
        except TRANSIENT:
            raise
        except Exception as error:  # noqa: BLE001 - any error of a projection: isolate it, never stop them all
            if len(names) > 1:
                return sum(self.step([name], size) for name in names)
            return self._isolate(names[0], size, error)
        if forgotten:  # an erasure: no copy of the deleted rows may stay behind in the database files
            self.store.scrub([table for name in names for table in self.projections[name].tables])
        return applied

    def _step(self, names: Sequence[str], batch_size: int) -> tuple[int, int]:
        """Apply the next batch to these projections in one transaction; (events applied, rows forgotten).

        The log is read and decoded once for all of them, before the tracking rows are locked: on SQLite
        the read tables share the event store's file, and reading the log while holding its write lock
        would wait on request threads that wait on us. Under the lock the positions are read again; each
        projection gets the events after its own position. Events of erased networks cannot be decoded:
        they are skipped, and the positions move past them.
        """
        positions = self._positions(names)
        start = min(positions.values())
        notifications = self.app.recorder.select_notifications(start=start + 1, limit=batch_size)
        if not notifications:
            return 0, 0
        batch = LogBatch(self._readable(notifications))
        last, skipped = notifications[-1].id, len(notifications) - len(batch)  # moving past unreadable ones too
        held = self._held_back(batch, names)
        for name in names:
            self.projections[name].prepare(held[name].batch)
        applied = forgotten = 0
        with self.store.transaction(write=True) as tx:
            for name in names:
                position = self._locked_position(tx, name)
                if position < start or not self._still_held(tx, name, held[name], position == positions[name]):
                    continue  # rebuilt or retried meanwhile: this batch does not fit it; the next step serves it
                todo = self._after(held[name], position, tx, name)
                if todo:
                    forgotten += self.projections[name].process(tx, todo)
                if position < last:
                    tx.execute(f"UPDATE {TRACKING} SET position = ? WHERE name = ?", [last, name])
                    applied += len(todo) + skipped
        self._advanced()
        return applied, forgotten

    def _held_back(self, batch: LogBatch, names: Sequence[str]) -> dict[str, Held]:
        """The batch as each projection gets it: the events of networks held back in it taken out."""
        with self.store.transaction() as tx:
            held = parking.held(tx)
        return {name: without(batch, held.get(name, frozenset())) for name in names}

    def _still_held(self, tx: Any, name: str, held: Held, unmoved: bool) -> bool:
        """Whether the networks held back are still those the batch was prepared without. Only a step moves
        a projection's position and parks; so when it did not move and nothing was held, nothing is."""
        if unmoved and not held.held:
            return True
        return parking.held(tx, name).get(name, frozenset()) == held.held

    @staticmethod
    def _after(held: Held, position: int, tx: Any, name: str) -> list[tuple[int, Any]]:
        """The projection's events after its position; those held back are added to its parked events."""
        batch = held.batch
        if held.waiting or held.erased:
            parking.release_networks(tx, name, held.erased)
            parking.hold(tx, name, [(p, network_id) for p, network_id in held.waiting if p > position])
        return batch if batch and position < batch[0][0] else [(p, event) for p, event in batch if p > position]

    def _isolate(self, name: str, size: int, error: Exception) -> int:
        """The projection failed on a batch: apply ever smaller batches from its position until the first
        event it cannot apply stands alone, then park that event. Returns how many events were applied."""
        while size > 1:
            size //= 2
            try:
                applied, forgotten = self._step([name], size)
            except TRANSIENT:
                raise
            except Exception as failed:  # noqa: BLE001 - see step
                error = failed
                continue
            if forgotten:
                self.store.scrub(self.projections[name].tables)
            return applied
        return self._park(name, error)

    def _park(self, name: str, error: Exception) -> int:
        """Park the event after the projection's position, which it cannot apply, and move past it."""
        position = self.position_of(name)
        notifications = self.app.recorder.select_notifications(start=position + 1, limit=1)
        if not notifications:
            return 0
        [notification] = notifications
        with self.store.transaction(write=True) as tx:
            if self._locked_position(tx, name) != position:
                return 0  # another worker got there first
            parking.park(tx, name, notification.id, str(notification.originator_id), error)
            tx.execute(f"UPDATE {TRACKING} SET position = ? WHERE name = ?", [notification.id, name])
        log.error(
            "projection %s could not apply the event at log position %d (of %s): %s in %s. It is parked, and the "
            "later events of that network wait behind it in this projection; everything else goes on. After a fix: "
            "flask projections retry",
            name,
            notification.id,
            notification.originator_id,
            type(error).__name__,
            parking.raised_in(error),
        )
        self._advanced()
        return 1

    def _positions(self, names: Sequence[str]) -> dict[str, int]:
        with self.store.transaction() as tx:
            rows = tx.execute(f"SELECT name, position FROM {TRACKING}").all()
        known = {r["name"]: int(r["position"]) for r in rows}
        return {name: known.get(name, 0) for name in names}

    def position_of(self, name: str) -> int:
        """How far this projection has read."""
        return self._positions([name])[name]

    def _locked_position(self, tx: Any, name: str) -> int:
        row = tx.execute(f"SELECT position FROM {TRACKING} WHERE name = ?{self.store.lock_suffix}", [name]).one()
        return int(row["position"]) if row else 0

    def _readable(self, notifications: Sequence[Notification]) -> list[tuple[int, Any]]:
        """The events decoded, without those of erased networks (skipped, never applied)."""
        decode = self.app.mapper.to_domain_event
        batch = []
        for notification in notifications:
            try:
                batch.append((notification.id, decode(notification)))
            except Unreadable:
                continue
        if len(batch) < len(notifications):
            log.info("skipped %d events of erased networks", len(notifications) - len(batch))
        return batch

    def catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        """Apply everything there is now, to every projection; returns how many events were read."""
        total = 0
        while applied := self.step():
            total += applied
            if progress:
                progress(applied)
        return total

    # ---------------------------------------------------------- queries
    def status(self) -> list[Status]:
        """Each projection's position, the log's, and its parked events."""
        log_position = self.app.recorder.max_notification_id() or 0
        with self.store.transaction() as tx:
            rows = tx.execute(f"SELECT name, position FROM {TRACKING} ORDER BY name").all()
            parked = parking.counts(tx)
        return [
            Status(r["name"], int(r["position"]), log_position, *parked.get(r["name"], (0, 0)))
            for r in rows
            if r["name"] in self.projections
        ]

    def parked(self, names: Sequence[str] | None = None) -> list[Parked]:
        """The events these projections (default: all) have parked or hold back, in log order per projection."""
        with self.store.transaction() as tx:
            return parking.listed(tx, list(names or self.projections))

    def reached(self, position: int) -> bool:
        """Whether every projection has applied the event at this log position (or parked it)."""
        return min(self._positions(list(self.projections)).values()) >= position

    def wait_for(self, position: int, timeout: float = 2.0) -> bool:
        """Read-your-writes: wait until the projections include this position (or time out). Between looks
        no connection is held: a step of this process wakes the waiter, another process's is seen by polling."""
        deadline = time.monotonic() + timeout
        while not self.reached(position):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self._wake.set()
            with self._moved:
                self._moved.wait(min(remaining, 0.02))
        return True

    def _advanced(self) -> None:
        with self._moved:
            self._moved.notify_all()

    # ------------------------------------------------------------- retry
    def retry(self, names: Sequence[str] | None = None) -> tuple[int, list[Parked]]:
        """Apply the parked events of these projections (default: all) again (see `projections.retry`)."""
        return retry.retry(self, list(names or self.projections))

    def apply_parked(self, name: str, position: int, event: Any) -> bool:
        """Apply one parked event to its projection and forget it, if it is still parked; whether it was."""
        projection, batch = self.projections[name], LogBatch([(position, event)])
        projection.prepare(batch)
        with self.store.transaction(write=True) as tx:
            self._locked_position(tx, name)  # a step of this projection waits meanwhile
            if not parking.is_parked(tx, name, position):
                return False  # applied, rebuilt or erased meanwhile
            forgotten = projection.process(tx, batch)
            parking.release(tx, name, [position])
        if forgotten:
            self.store.scrub(projection.tables)
        self._advanced()
        return True

    # ----------------------------------------------------------- rebuild
    def rebuild(self, names: Sequence[str] | None = None, progress: Callable[[int], None] | None = None) -> int:
        """Drop these projections' rows (default: all) and apply the whole log again from position 0.

        Events a projection cannot apply are parked on the way (see `parked`); the rest is applied. The indexes
        only reading needs are made again after the rows; meanwhile the garbage collector is paused and the store
        writes in bulk (`ReadStore.bulk`).
        """
        names = list(names or self.projections)
        with self.store.transaction(write=True) as tx:
            for name in names:
                self._locked_position(tx, name)
                self.projections[name].drop_indexes(tx)
                self.projections[name].reset(tx)
                parking.clear(tx, name)
                tx.execute(f"UPDATE {TRACKING} SET position = 0 WHERE name = ?", [name])
        total = 0
        try:
            with collector_paused(), self.store.bulk():
                while applied := self.step(names, self.rebuild_batch_size):
                    total += applied
                    if progress:
                        progress(applied)
        finally:
            with self.store.transaction(write=True) as tx:
                for name in names:
                    self.projections[name].create_indexes(tx)
        return total

    # ------------------------------------------------------ in the background
    def start(self, poll_interval: float = 0.2) -> None:
        """Run in background threads until stop()."""
        self._threads = [
            threading.Thread(target=self.run, args=(poll_interval,), name="kring-projections", daemon=True)
        ]
        if self.store.postgres:
            self._threads.append(threading.Thread(target=self._listen, name="kring-projections-listen", daemon=True))
        for thread in self._threads:
            thread.start()

    def run(self, poll_interval: float = 0.2) -> None:
        """Catch up, then wait to be woken (or poll), until stopped."""
        while not self._stop.is_set():
            try:
                applied = self.catch_up()
            except Exception:
                log.exception("projection step failed; retrying")
                applied = 0
                self._stop.wait(1.0)
            if not applied:
                self._wake.wait(poll_interval)
                self._wake.clear()

    def _listen(self) -> None:
        """PostgreSQL: the library's LISTEN/NOTIFY subscription wakes the runner when events are written."""
        while not self._stop.is_set():
            try:
                with self.app.recorder.subscribe(gt=self.app.recorder.max_notification_id()) as subscription:
                    self._subscription = subscription
                    for _ in subscription:
                        self._wake.set()
                        if self._stop.is_set():
                            break
            except Exception:  # noqa: BLE001 - reconnect after a dropped connection
                log.warning("event subscription dropped; resubscribing")
                self._stop.wait(1.0)

    def stop(self) -> None:
        """Stop the background threads."""
        self._stop.set()
        self._wake.set()
        subscription = getattr(self, "_subscription", None)
        if subscription is not None:
            subscription.stop()
        for thread in self._threads:
            thread.join(timeout=10)
