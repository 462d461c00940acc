"""Parked events: an event that one projection could not apply, and the later events of its network held back.

A row names the projection, the event's log position, the network it belongs to (for a reminder's event: the
reminder) and, for the event that failed, the class of the error and the line of code that raised it. Never the
error's message or the event's values: they may hold personal data. An event held back behind a parked one has
no error; its network's rows in that projection wait, in log order, until `Runner.retry` applies them again.
"""

from __future__ import annotations

import sqlite3
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import eventsourcing.persistence
import psycopg

from domain.network import Network
from projections.base import LogBatch
from projections.db import Tx

PARKED = "kring_parked"
CODE_ROOT = Path(__file__).resolve().parent.parent  # where Kring's code lives: a raising line is named from here
# The store failing, not the event: never a reason to park one (the runner tries again a moment later).
TRANSIENT: tuple[type[BaseException], ...] = (
    sqlite3.OperationalError,  # locked, busy, disk full
    psycopg.OperationalError,  # connection lost, pool exhausted, statement timeout, deadlock
    eventsourcing.persistence.OperationalError,
    eventsourcing.persistence.InterfaceError,
    ConnectionError,
    TimeoutError,
)


@dataclass(frozen=True)
class Parked:
    """An event a projection has not applied: it failed (error set), or waits behind one that did."""

    projection: str
    position: int
    originator_id: str
    error: str | None
    raised_in: str | None
    parked_at: str

    @property
    def failed(self) -> bool:
        return self.error is not None


@dataclass
class Held:
    """A batch as one projection gets it: without the events of networks held back behind a parked event."""

    batch: LogBatch
    held: frozenset[str]  # the networks held back, as read before the lock
    waiting: list[tuple[int, str]]  # (position, network) of the events held back
    erased: frozenset[str]  # held networks erased in the batch: their parked events go


def without(batch: LogBatch, held: frozenset[str]) -> Held:
    """The batch without the events of these networks (held back), except a network erased in it: its erasure
    is applied (the projection forgets the network) and its parked events go."""
    if not held:
        return Held(batch, held, [], frozenset())
    erased = held & {str(e.originator_id) for _, e in batch if isinstance(e, Network.NetworkErased)}
    kept, waiting = LogBatch(), []
    for position, event in batch:
        originator_id = str(event.originator_id)
        if originator_id in held and originator_id not in erased:
            waiting.append((position, originator_id))
        else:
            kept.append((position, event))
    return Held(kept, held, waiting, erased)


def create_table(tx: Tx) -> None:
    """Create the table of parked events if it is missing."""
    tx.execute(
        f"CREATE TABLE IF NOT EXISTS {PARKED} (projection TEXT NOT NULL, position BIGINT NOT NULL, "
        "originator_id TEXT NOT NULL, error TEXT, raised_in TEXT, parked_at TEXT NOT NULL, "
        "PRIMARY KEY (projection, position))"
    )
    tx.execute(f"CREATE INDEX IF NOT EXISTS {PARKED}_network ON {PARKED} (projection, originator_id)")


def raised_in(error: BaseException) -> str:
    """The innermost line of Kring's own code the error passed through ('projections/reminders.py:262'), or
    the innermost line of all when none was Kring's: where to look, without the message."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if Path(f.filename).resolve().is_relative_to(CODE_ROOT) and ".venv" not in f.filename]
    if not (ours or frames):
        return "?"
    frame = (ours or frames)[-1]
    path = Path(frame.filename).resolve()
    where = path.relative_to(CODE_ROOT) if path.is_relative_to(CODE_ROOT) else Path(path.name)
    return f"{where.as_posix()}:{frame.lineno} ({frame.name})"


def held(tx: Tx, name: str | None = None) -> dict[str, frozenset[str]]:
    """Per projection (or for one), the networks whose events wait behind a parked one."""
    where, params = ("WHERE projection = ?", [name]) if name else ("", [])
    rows = tx.execute(f"SELECT DISTINCT projection, originator_id FROM {PARKED} {where}", params).all()
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["projection"], set()).add(row["originator_id"])
    return {projection: frozenset(ids) for projection, ids in found.items()}


def park(tx: Tx, name: str, position: int, originator_id: str, error: BaseException) -> None:
    """Park the event at this position: the projection could not apply it."""
    tx.execute(
        f"INSERT INTO {PARKED} (projection, position, originator_id, error, raised_in, parked_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [name, position, originator_id, type(error).__name__, raised_in(error), _now()],
    )


def hold(tx: Tx, name: str, events: Sequence[tuple[int, str]]) -> None:
    """Hold back these events (position, network) behind their network's parked one."""
    now = _now()
    tx.executemany(
        f"INSERT INTO {PARKED} (projection, position, originator_id, parked_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (projection, position) DO NOTHING",
        [(name, position, originator_id, now) for position, originator_id in events],
    )


def failed_again(tx: Tx, name: str, position: int, error: BaseException) -> None:
    """Applying the event again failed: it heads its network's parked events now, with this error."""
    tx.execute(
        f"UPDATE {PARKED} SET error = ?, raised_in = ? WHERE projection = ? AND position = ?",
        [type(error).__name__, raised_in(error), name, position],
    )


def is_parked(tx: Tx, name: str, position: int) -> bool:
    """Whether the projection holds the event at this position parked."""
    found = tx.execute(f"SELECT 1 FROM {PARKED} WHERE projection = ? AND position = ?", [name, position]).one()
    return found is not None


def release(tx: Tx, name: str, positions: Iterable[int]) -> None:
    """Forget these parked events of a projection (applied now)."""
    tx.executemany(f"DELETE FROM {PARKED} WHERE projection = ? AND position = ?", [(name, p) for p in positions])


def release_networks(tx: Tx, name: str, originator_ids: Iterable[str]) -> None:
    """Forget the parked events of these networks (erased: their events can never be read again)."""
    ids = [(name, originator_id) for originator_id in sorted(originator_ids)]
    tx.executemany(f"DELETE FROM {PARKED} WHERE projection = ? AND originator_id = ?", ids)


def clear(tx: Tx, name: str) -> None:
    """Forget every parked event of a projection (before it is rebuilt from position 0)."""
    tx.execute(f"DELETE FROM {PARKED} WHERE projection = ?", [name])


def listed(tx: Tx, names: Sequence[str] | None = None, originator_id: str | None = None) -> list[Parked]:
    """The parked events, of these projections (default: all) or of one network, in log order."""
    if names is not None and not names:
        return []
    where: list[str] = []
    params: list[Any] = []
    if names is not None:
        where.append(f"projection IN ({', '.join('?' for _ in names)})")
        params += list(names)
    if originator_id is not None:
        where.append("originator_id = ?")
        params.append(originator_id)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = tx.execute(
        "SELECT projection, position, originator_id, error, raised_in, parked_at "
        f"FROM {PARKED} {clause} ORDER BY projection, position",
        params,
    ).all()
    return [Parked(**row) for row in rows]


def counts(tx: Tx) -> dict[str, tuple[int, int]]:
    """Per projection: how many events failed, and how many wait behind them."""
    rows = tx.execute(
        f"SELECT projection, COUNT(error) AS failed, COUNT(*) - COUNT(error) AS waiting FROM {PARKED} "
        "GROUP BY projection"
    ).all()
    return {row["projection"]: (int(row["failed"]), int(row["waiting"])) for row in rows}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
