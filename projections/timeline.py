"""Timelines: every event as a human-readable line, per network and per contact.

A row keeps what the line says (the event's values and the names as they were then), not its words: the line is a
phrase (domain/words/history.py) made for its reader when it is read (their role decides how much it says) and said
in their language, so wording and translations change without a rebuild.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from domain.network import TIE_EVENTS, Network
from projections.base import Batch, Projection, network_events
from projections.db import ReadStore, Tx
from projections.summaries import Names, line_values

KINDS: dict[str, tuple[type[Network.Event], ...]] = {
    "network": (
        Network.NetworkOpened,
        Network.ClientDetailsChanged,
        Network.ClientBirthDateRecorded,
        Network.LivingSituationChanged,
        Network.HelpQuestionRecorded,
        Network.CoordinatorChanged,
        Network.ReviewIntervalChanged,
        Network.NetworkClosed,
        Network.NetworkReopened,
        Network.NetworkErased,
    ),
    "contact": (Network.ContactAdded, Network.ContactDetailsChanged, Network.ContactRemoved),
    "tie": TIE_EVENTS,
    "acquaintance": (Network.ContactsAcquainted, Network.AcquaintanceEnded),
    "role": (Network.SupportRoleAssigned, Network.SupportRoleEnded, Network.HelpRequested, Network.HelpRequestClosed),
    "spilmantelzorger": (Network.SpilmantelzorgerDesignated, Network.SpilmantelzorgerStoodDown),
    "burden": (Network.CarerBurdenReported, Network.CarerRiskFactorsReported),
    "review": (Network.NetworkReviewed, Network.SupportGroupMeetingHeld),
    "goal": (Network.GoalSet, Network.GoalCompleted),
    "note": (Network.NoteAdded,),
    "access": (
        Network.AccessGranted,
        Network.AccessRevoked,
        Network.ConsentGiven,
        Network.ConsentWithdrawn,
        Network.PersonInvited,
        Network.InvitationAccepted,
        Network.InvitationWithdrawn,
    ),
}
KIND_OF = {cls.__name__: kind for kind, classes in KINDS.items() for cls in classes}
COLUMNS = (
    "network_id",
    "effective_day",
    "version",
    "type",
    "contact_id",
    "other_contact_id",
    "recorded_at_us",
    "recorded_by",
    "line_values",
)
EPOCH, MICROSECOND = datetime(1970, 1, 1, tzinfo=UTC), timedelta(microseconds=1)  # when events were recorded
NAME_COLUMNS = ("network_id", "kind", "entity_id", "name", "contact_id")
encode_values = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode  # flat


def _contacts_of(event: Network.Event, names: Names) -> tuple[str | None, str | None]:
    data = event.__dict__
    if "contact_ids" in data:
        first, second = data["contact_ids"]
        return first, second
    if "role_id" in data and "contact_id" not in data:
        return names.roles.get(data["role_id"], {}).get("contact_id"), None
    return data.get("contact_id") or data.get("carer_id"), None


class TimelineProjection(Projection):
    """One row per event with what its line says (names as they were then); the words are chosen when read."""

    name = "timeline"
    version = 3  # 2: the line's values instead of its Dutch and English text; 3: notes, reasons, scores, the client
    tables = ("kring_timeline", "kring_timeline_names")

    def create_tables(self, tx: Tx, store: ReadStore) -> None:
        tx.execute(  # keyed in the order it is read: a network's lines by the day they happened
            "CREATE TABLE IF NOT EXISTS kring_timeline (network_id TEXT, effective_day INTEGER, version INTEGER, "
            "type TEXT, contact_id TEXT, other_contact_id TEXT, recorded_at_us BIGINT, recorded_by TEXT, "
            f"line_values TEXT, PRIMARY KEY (network_id, effective_day, version)){store.clustered}"
        )
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_timeline_names (network_id TEXT, entity_id TEXT, kind TEXT, "
            f"name TEXT, contact_id TEXT, PRIMARY KEY (network_id, entity_id)){store.clustered}"
        )

    def _names(self, tx: Tx, network_ids: set[str]) -> dict[str, Names]:
        known = {network_id: Names() for network_id in network_ids}
        marks = ", ".join("?" for _ in network_ids)
        rows = tx.execute(
            f"SELECT network_id, kind, entity_id, name, contact_id FROM kring_timeline_names "
            f"WHERE network_id IN ({marks})",
            sorted(network_ids),
        ).all()
        for row in rows:
            known[row["network_id"]].remember(row["kind"], row["entity_id"], row["name"], row["contact_id"])
        return known

    def apply(self, tx: Tx, batch: Batch) -> None:
        keyed = network_events(batch)
        if not keyed:
            return
        names = self._names(tx, {network_id for network_id, _ in keyed})
        learned: list[tuple[Any, ...]] = []
        tx.insert("kring_timeline", COLUMNS, _rows(keyed, names, learned), len(keyed))  # made as they are written
        opened = {network_id for network_id, event in keyed if isinstance(event, Network.NetworkOpened)}
        key = ("network_id", "entity_id")
        tx.write("kring_timeline_names", NAME_COLUMNS, learned, key, lambda row: row[0] in opened)  # none yet


def _rows(
    keyed: list[tuple[str, Network.Event]], names: dict[str, Names], learned: list[tuple[Any, ...]]
) -> Iterator[tuple[Any, ...]]:
    """The timeline's rows of these events; the names they give are learned, and added to `learned`."""
    for network_id, event in keyed:
        known = names[network_id]
        named = known.learn(event)
        if named is not None:
            learned.append((network_id, *named))
        first, second = _contacts_of(event, known)
        values = line_values(event, known)
        yield (
            network_id,
            event.effective_on.toordinal(),  # the day it happened, as Python counts days (date.fromordinal)
            event.originator_version,
            type(event).__name__,
            first,
            second,
            (event.timestamp - EPOCH) // MICROSECOND,  # a tenth of the work of writing it out, a quarter of the bytes
            event.recorded_by,
            encode_values(values) if values else None,
        )


@dataclass(frozen=True)
class TimelineQuery:
    """Which lines: of one contact, of some kinds, in a period (by the day things happened), a page."""

    contact_id: str | None = None
    kinds: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    offset: int = 0
    limit: int = 50
    newest_first: bool = False


class Timelines:
    """Reading timelines."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def lines(self, network_id: UUID, query: TimelineQuery) -> list[dict[str, Any]]:
        """The lines of a network's timeline by the day things happened (oldest first, or newest), each with what it
        says (`values`, for domain/words/history.py to phrase)."""
        where: list[str] = ["network_id = ?"]
        params: list[Any] = [str(network_id)]
        if query.contact_id:
            where.append("(contact_id = ? OR other_contact_id = ?)")
            params += [query.contact_id, query.contact_id]
        if query.kinds:
            types = [cls.__name__ for kind in query.kinds for cls in KINDS[kind]]
            where.append(f"type IN ({', '.join('?' for _ in types)})")
            params += types
        if query.start:
            where.append("effective_day >= ?")
            params.append(query.start.toordinal())
        if query.end:
            where.append("effective_day <= ?")
            params.append(query.end.toordinal())
        order = "effective_day DESC, version DESC" if query.newest_first else "effective_day, version"
        statement = (
            "SELECT version, type, contact_id, other_contact_id, effective_day, recorded_at_us, recorded_by, "
            f"line_values FROM kring_timeline WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?"
        )
        with self.store.transaction() as tx:
            rows = tx.execute(statement, [*params, query.limit, query.offset]).all()
        return [_line(row) for row in rows]

    def name_of(self, network_id: str, entity_id: str) -> str:
        """The name the history knows a contact, task or goal by ("" if it knows none)."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT name FROM kring_timeline_names WHERE network_id = ? AND entity_id = ?", [network_id, entity_id]
            ).one()
        return row["name"] if row else ""


def _line(row: dict[str, Any]) -> dict[str, Any]:
    """A stored row as a timeline line: when, what kind, who recorded it, and what it says (`values`)."""
    values = json.loads(row.pop("line_values") or "{}")
    effective_on = date.fromordinal(row.pop("effective_day")).isoformat()
    recorded_at = (EPOCH + MICROSECOND * row.pop("recorded_at_us")).isoformat()
    return {
        **row,
        "effective_on": effective_on,
        "recorded_at": recorded_at,
        "kind": KIND_OF[row["type"]],  # every event type has one (tests/unit/test_events.py)
        "values": values,
    }
