"""Who has which role on which network, and the consent they have: what every request is checked against.

The coordinator comes from the network itself (opened, coordinator changed); everyone else from access
granted and revoked; consent from consent given and withdrawn. One row per (network, user, source).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from domain.network import Network
from projections.base import Batch, Projection
from projections.db import ReadStore, Tx
from projections.parking import PARKED

TABLE = "kring_access"
COORDINATOR = "coordinator"  # the row's source: the network's own coordinator, or a grant
GRANT = "grant"


@dataclass(frozen=True)
class Access:
    """A user's role on a network, the contact they are there, and the consent the client gave them."""

    role: str
    contact_id: str | None
    consent: tuple[str, ...]


class AccessProjection(Projection):
    """Roles and consent per network and user."""

    name = "access"
    tables = (TABLE,)

    def create_tables(self, tx: Tx, store: ReadStore) -> None:
        tx.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (network_id TEXT, user_id TEXT, source TEXT, role TEXT, "
            "contact_id TEXT, consent TEXT, opened_position BIGINT, PRIMARY KEY (network_id, user_id, source))"
        )
        tx.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_by_user ON {TABLE} (user_id, opened_position)")

    def apply(self, tx: Tx, batch: Batch) -> None:
        for position, event in batch:  # few events concern access: only those are looked at twice
            handler = HANDLERS.get(type(event))
            if handler is not None:
                handler(tx, str(event.originator_id), event, position)


def _opened(tx: Tx, network_id: str, event: Any, position: int) -> None:
    _put(tx, network_id, event.coordinator, COORDINATOR, "coordinator", None, position)


def _coordinator_changed(tx: Tx, network_id: str, event: Any, position: int) -> None:
    opened = _opened_position(tx, network_id)
    tx.execute(f"DELETE FROM {TABLE} WHERE network_id = ? AND source = ?", [network_id, COORDINATOR])
    _put(tx, network_id, event.coordinator, COORDINATOR, "coordinator", None, opened)


def _granted(tx: Tx, network_id: str, event: Any, position: int) -> None:
    row = tx.execute(
        f"SELECT consent FROM {TABLE} WHERE network_id = ? AND user_id = ? AND source = ?",
        [network_id, event.user_id, GRANT],
    ).one()
    consent = row["consent"] if row and event.role in ("spilmantelzorger", "member") else ""
    opened = _opened_position(tx, network_id)
    _put(tx, network_id, event.user_id, GRANT, event.role, event.contact_id, opened, consent)


def _revoked(tx: Tx, network_id: str, event: Any, position: int) -> None:
    tx.execute(
        f"DELETE FROM {TABLE} WHERE network_id = ? AND user_id = ? AND source = ?", [network_id, event.user_id, GRANT]
    )


def _consent(tx: Tx, network_id: str, event: Any, position: int) -> None:
    row = tx.execute(
        f"SELECT consent FROM {TABLE} WHERE network_id = ? AND user_id = ? AND source = ?",
        [network_id, event.user_id, GRANT],
    ).one()
    if row is None:
        return
    scopes = set(filter(None, row["consent"].split(",")))
    scopes = scopes | set(event.scopes) if isinstance(event, Network.ConsentGiven) else scopes - set(event.scopes)
    tx.execute(
        f"UPDATE {TABLE} SET consent = ? WHERE network_id = ? AND user_id = ? AND source = ?",
        [",".join(sorted(scopes)), network_id, event.user_id, GRANT],
    )


def _opened_position(tx: Tx, network_id: str) -> int:
    row = tx.execute(f"SELECT MIN(opened_position) AS p FROM {TABLE} WHERE network_id = ?", [network_id]).one()
    return int(row["p"]) if row and row["p"] is not None else 0


def _put(  # noqa: PLR0913 - one row's columns
    tx: Tx,
    network_id: str,
    user_id: str,
    source: str,
    role: str,
    contact_id: str | None,
    opened: int,
    consent: str = "",
) -> None:
    tx.execute(
        f"INSERT INTO {TABLE} (network_id, user_id, source, role, contact_id, consent, opened_position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (network_id, user_id, source) DO UPDATE SET role = excluded.role, "
        "contact_id = excluded.contact_id, consent = excluded.consent",
        [network_id, user_id, source, role, contact_id, consent, opened],
    )


HANDLERS: dict[type, Callable[[Tx, str, Any, int], None]] = {
    Network.NetworkOpened: _opened,
    Network.CoordinatorChanged: _coordinator_changed,
    Network.AccessGranted: _granted,
    Network.AccessRevoked: _revoked,
    Network.ConsentGiven: _consent,
    Network.ConsentWithdrawn: _consent,
}


class AccessQueries:
    """Look up a user's access (one indexed read per request)."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def of(self, network_id: str, user_id: str) -> Access | None:
        """The user's access to the network; the coordinator role wins over a grant. None when the projection
        does not know, or when the network's events wait behind a parked one here (a revoke may be among them):
        the caller then asks the network itself."""
        with self.store.transaction() as tx:
            rows = tx.execute(
                f"SELECT source, role, contact_id, consent, EXISTS (SELECT 1 FROM {PARKED} WHERE projection = ? "
                f"AND originator_id = ?) AS held FROM {TABLE} WHERE network_id = ? AND user_id = ?",
                [AccessProjection.name, network_id, network_id, user_id],
            ).all()
        if not rows or rows[0]["held"]:
            return None
        row = min(rows, key=lambda r: r["source"] != COORDINATOR)
        return Access(row["role"], row["contact_id"], tuple(filter(None, (row["consent"] or "").split(","))))

    def networks_of(self, user_id: str, after: int, limit: int) -> list[tuple[int, str]]:
        """The networks the user has a role on, in the order they were opened: (position, network id)."""
        with self.store.transaction() as tx:
            rows = tx.execute(
                f"SELECT DISTINCT opened_position, network_id FROM {TABLE} WHERE user_id = ? AND opened_position > ? "
                "ORDER BY opened_position LIMIT ?",
                [user_id, after, limit],
            ).all()
        return [(int(r["opened_position"]), r["network_id"]) for r in rows]

    def coordinated_by(self, user_id: str) -> list[str]:
        """The networks this user is the coordinator of (not a second coordinator by grant), oldest first."""
        with self.store.transaction() as tx:
            rows = tx.execute(
                f"SELECT network_id FROM {TABLE} WHERE user_id = ? AND source = ? ORDER BY opened_position",
                [user_id, COORDINATOR],
            ).all()
        return [r["network_id"] for r in rows]

    def people(self, network_id: str) -> list[dict[str, Any]]:
        """Everyone with access to the network, with their role and consent."""
        with self.store.transaction() as tx:
            rows = tx.execute(
                f"SELECT user_id, source, role, contact_id, consent FROM {TABLE} WHERE network_id = ? "
                "ORDER BY source, user_id",
                [network_id],
            ).all()
        return [
            {
                "user_id": r["user_id"],
                "role": r["role"],
                "contact_id": r["contact_id"],
                "consent": [s for s in (r["consent"] or "").split(",") if s],
                "coordinates_network": r["source"] == COORDINATOR,
            }
            for r in rows
        ]
