"""Timelines: every event as a human-readable line (Dutch and English), per network and per contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from domain.network import TIE_EVENTS, Network
from projections.base import Batch, Projection, network_events
from projections.db import ReadStore, Tx
from projections.summaries import Names, summary

KINDS: dict[str, tuple[type[Network.Event], ...]] = {
    "network": (
        Network.NetworkOpened,
        Network.ClientDetailsChanged,
        Network.CoordinatorChanged,
        Network.ReviewIntervalChanged,
        Network.NetworkClosed,
        Network.NetworkReopened,
    ),
    "contact": (Network.ContactAdded, Network.ContactDetailsChanged, Network.ContactRemoved),
    "tie": TIE_EVENTS,
    "acquaintance": (Network.ContactsAcquainted, Network.AcquaintanceEnded),
    "role": (Network.SupportRoleAssigned, Network.SupportRoleEnded),
    "spilmantelzorger": (Network.SpilmantelzorgerDesignated, Network.SpilmantelzorgerStoodDown),
    "burden": (Network.CarerBurdenReported,),
    "review": (Network.NetworkReviewed, Network.SupportGroupMeetingHeld),
    "goal": (Network.GoalSet, Network.GoalCompleted),
    "note": (Network.NoteAdded,),
    "access": (Network.AccessGranted, Network.AccessRevoked, Network.ConsentGiven, Network.ConsentWithdrawn),
}
KIND_OF = {cls.__name__: kind for kind, classes in KINDS.items() for cls in classes}
COLUMNS = (
    "network_id",
    "version",
    "position",
    "type",
    "kind",
    "contact_id",
    "other_contact_id",
    "effective_on",
    "recorded_at",
    "recorded_by",
    "summary_nl",
    "summary_en",
)


def _contacts_of(event: Network.Event, names: Names) -> tuple[str | None, str | None]:
    data = event.__dict__
    if "contact_ids" in data:
        first, second = data["contact_ids"]
        return first, second
    if "role_id" in data and "contact_id" not in data:
        return names.roles.get(data["role_id"], {}).get("contact_id"), None
    return data.get("contact_id") or data.get("carer_id"), None


class TimelineProjection(Projection):
    """One row per event, with its summary in Dutch and English at the time it happened."""

    name = "timeline"
    tables = ("kring_timeline", "kring_timeline_names")

    def create_tables(self, tx: Tx, store: ReadStore) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_timeline (network_id TEXT, version INTEGER, position BIGINT, "
            "type TEXT, kind TEXT, contact_id TEXT, other_contact_id TEXT, effective_on TEXT, recorded_at TEXT, "
            "recorded_by TEXT, summary_nl TEXT, summary_en TEXT, PRIMARY KEY (network_id, version))"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS kring_timeline_by_day ON kring_timeline (network_id, effective_on)")
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_timeline_names (network_id TEXT, entity_id TEXT, kind TEXT, "
            "name TEXT, contact_id TEXT, PRIMARY KEY (network_id, entity_id))"
        )

    def _names(self, tx: Tx, network_ids: set[str]) -> dict[str, Names]:
        known = {network_id: Names() for network_id in network_ids}
        marks = ", ".join("?" for _ in network_ids)
        rows = tx.execute(
            f"SELECT * FROM kring_timeline_names WHERE network_id IN ({marks})",
            sorted(network_ids),
        ).all()
        for row in rows:
            names = known[row["network_id"]]
            if row["kind"] == "contact":
                names.contacts[row["entity_id"]] = row["name"]
            elif row["kind"] == "role":
                names.roles[row["entity_id"]] = {"contact_id": row["contact_id"], "task": row["name"]}
            else:
                names.goals[row["entity_id"]] = row["name"]
        return known

    def apply(self, tx: Tx, batch: Batch) -> None:
        keyed = [(position, str(event.originator_id), event) for position, event in network_events(batch)]
        if not keyed:
            return
        names = self._names(tx, {network_id for _, network_id, _ in keyed})
        rows, learned = [], []
        for position, network_id, event in keyed:
            known = names[network_id]
            known.learn(event)
            learned += _learned(network_id, event)
            first, second = _contacts_of(event, known)
            rows.append(
                [
                    network_id,
                    event.originator_version,
                    position,
                    type(event).__name__,
                    KIND_OF.get(type(event).__name__, "other"),
                    first,
                    second,
                    event.effective_on.isoformat(),
                    event.timestamp.isoformat(),
                    event.recorded_by,
                    summary(event, known, "nl"),
                    summary(event, known, "en"),
                ]
            )
        tx.executemany(
            f"INSERT INTO kring_timeline ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) "
            "ON CONFLICT (network_id, version) DO NOTHING",
            rows,
        )
        tx.executemany(
            "INSERT INTO kring_timeline_names (network_id, entity_id, kind, name, contact_id) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (network_id, entity_id) DO UPDATE SET name = excluded.name",
            learned,
        )


def _learned(network_id: str, event: Network.Event) -> list[list[Any]]:
    if isinstance(event, Network.ContactAdded):
        return [[network_id, event.contact_id, "contact", event.name, event.contact_id]]
    if isinstance(event, Network.ContactDetailsChanged) and "name" in event.changes:
        return [[network_id, event.contact_id, "contact", event.changes["name"], event.contact_id]]
    if isinstance(event, Network.SupportRoleAssigned):
        return [[network_id, event.role_id, "role", event.task, event.contact_id]]
    if isinstance(event, Network.GoalSet):
        return [[network_id, event.goal_id, "goal", event.title, None]]
    return []


@dataclass(frozen=True)
class TimelineQuery:
    """Which lines: of one contact, of some kinds, in a period (by the day things happened), a page."""

    contact_id: str | None = None
    kinds: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    offset: int = 0
    limit: int = 50


class Timelines:
    """Reading timelines."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def lines(self, network_id: UUID, query: TimelineQuery, lang: str = "nl") -> list[dict[str, Any]]:
        """The lines of a network's timeline, oldest first by the day things happened."""
        where, params = ["network_id = ?"], [str(network_id)]
        if query.contact_id:
            where.append("(contact_id = ? OR other_contact_id = ?)")
            params += [query.contact_id, query.contact_id]
        if query.kinds:
            where.append(f"kind IN ({', '.join('?' for _ in query.kinds)})")
            params += list(query.kinds)
        if query.start:
            where.append("effective_on >= ?")
            params.append(query.start.isoformat())
        if query.end:
            where.append("effective_on <= ?")
            params.append(query.end.isoformat())
        summary_column = "summary_en" if lang == "en" else "summary_nl"
        statement = (
            f"SELECT version, type, kind, contact_id, other_contact_id, effective_on, recorded_at, recorded_by, "
            f"{summary_column} AS summary FROM kring_timeline WHERE {' AND '.join(where)} "
            "ORDER BY effective_on, version LIMIT ? OFFSET ?"
        )
        with self.store.transaction() as tx:
            return tx.execute(statement, [*params, query.limit, query.offset]).all()
