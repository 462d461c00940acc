"""What a projection is: tables of its own, and a batch handler that writes rows in the caller's transaction."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from domain.network import Network
from projections.db import ReadStore, Tx

Batch = Sequence[tuple[int, Any]]  # (log position, event of any aggregate), oldest first


class Unreadable(Exception):
    """An event the log holds but nobody can read any more: its network was erased (its key destroyed)."""


class LogBatch(list[tuple[int, Any]]):
    """A batch as the runner reads it, which works out its networks' events once for all projections."""

    @cached_property
    def network_events(self) -> list[tuple[str, Network.Event]]:
        return _network_events(self)


def network_events(batch: Batch) -> list[tuple[str, Network.Event]]:
    """The events of networks in a batch (the log also holds reminders' events), each with its network's id."""
    return batch.network_events if isinstance(batch, LogBatch) else _network_events(batch)


def _network_events(batch: Batch) -> list[tuple[str, Network.Event]]:
    ids: dict[int, str] = {}  # a network's id as text, made once per batch
    found = []
    for _, event in batch:
        if isinstance(event, Network.Event):
            uuid = event.originator_id
            network_id = ids.get(uuid.int)
            if network_id is None:
                network_id = ids[uuid.int] = str(uuid)
            found.append((network_id, event))
    return found


class Projection(ABC):
    """A read model rebuilt from the event log; it never writes outside its own tables."""

    name: str
    tables: tuple[str, ...]
    version = 1  # raise it when the tables change shape: they are then dropped and rebuilt from the log
    indexes: tuple[tuple[str, str], ...] = ()  # (name, "table (columns)"): for reading only (see Runner.rebuild)

    def __init__(self, app: Any) -> None:
        self.app = app  # the event-sourced application, for its mapper (how states are stored)

    @abstractmethod
    def create_tables(self, tx: Tx, store: ReadStore) -> None:
        """Create the projection's tables if they are missing."""

    def prepare(self, batch: Batch) -> None:  # noqa: B027 - an optional hook
        """Read what `apply` will need from the event store, before the read tables are locked."""

    @abstractmethod
    def apply(self, tx: Tx, batch: Batch) -> None:
        """Apply a batch of events, in the transaction that also moves the tracking position."""

    def create_indexes(self, tx: Tx) -> None:
        """Create the indexes that only reading needs, if they are missing."""
        for name, on in self.indexes:
            tx.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")

    def drop_indexes(self, tx: Tx) -> None:
        """Drop them (a rebuild makes them again after the rows: one sort instead of a random insert per row)."""
        for name, _ in self.indexes:
            tx.execute(f"DROP INDEX IF EXISTS {name}")

    def reset(self, tx: Tx) -> None:
        """Forget everything (before a rebuild from position 0)."""
        for table in self.tables:
            tx.execute(f"DELETE FROM {table}")

    def process(self, tx: Tx, batch: Batch) -> int:
        """Apply a batch, except that a network erased in it is forgotten: none of its events are applied (its
        key is gone, so its state cannot be stored again). Returns how many rows were forgotten."""
        erased = {str(e.originator_id) for _, e in batch if isinstance(e, Network.NetworkErased)}
        if not erased:
            self.apply(tx, batch)
            return 0
        kept = [(p, e) for p, e in batch if not (isinstance(e, Network.Event) and str(e.originator_id) in erased)]
        if kept:
            self.apply(tx, kept)
        return sum(self.forget_network(tx, network_id) for network_id in sorted(erased))

    def forget_network(self, tx: Tx, network_id: str) -> int:
        """Delete every row of this network from the projection's tables; returns how many there were."""
        forgotten = 0
        for table in self.tables:
            forgotten += tx.execute(f"DELETE FROM {table} WHERE network_id = ?", [network_id]).rowcount
        return forgotten

    def drop_tables(self, tx: Tx) -> None:
        """Drop the tables (of an older version: their shape changed)."""
        for table in self.tables:
            tx.execute(f"DROP TABLE IF EXISTS {table}")
