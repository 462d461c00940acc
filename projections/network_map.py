"""The current map of every network: a row per network, its roles and its people.

The projection follows each network with the aggregate's own event handlers, from the network as the
event store has it before the batch (its latest snapshot and the events after it), and writes out what
the cross-network questions need (who does what, who occurs in several networks, what needs attention).
It does not store the network itself: the map is read from the event store at the version the
projection reached (`NetworkMaps`), so it can never disagree with the aggregate, and a rebuild does not
write a copy of every network. The network as it was on its last review day is stored, for stability.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import StoredEvent

from domain import risks
from domain.history import advance, network_as_of, project_network
from domain.network import Network
from domain.state import Contact, SupportRole
from projections.base import Batch, Projection, Unreadable, network_events
from projections.db import ReadStore, Tx

log = logging.getLogger(__name__)
NETWORK_COLUMNS = (
    "network_id",
    "version",
    "client_name",
    "coordinator",
    "status",
    "opened_on",
    "next_review_on",
    "last_reviewed_on",
    "spilmantelzorger_id",
    "contacts",
    "informal",
    "tied",
    "stressful",
)
ROLE_COLUMNS = (
    "network_id",
    "role_id",
    "contact_id",
    "support_type",
    "direction",
    "task",
    "rhythm",
    "started_on",
    "ended_on",
    "end_reason",
)
PEOPLE_EVENTS = (Network.ContactAdded, Network.ContactDetailsChanged, Network.ContactRemoved)
PEOPLE_COLUMNS = ("network_id", "contact_id", "name", "email", "person_key", "category", "active")


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


class NetworkMapProjection(Projection):
    """A row per network, with its roles, its people and the network as on its last review day."""

    name = "network_map"
    version = 3  # 2: the network itself is no longer stored (read from the event store); 3: the intake day too
    tables = ("kring_networks", "kring_roles", "kring_people", "kring_review_states")
    indexes = (
        ("kring_networks_coordinator", "kring_networks (coordinator)"),
        ("kring_networks_next_review", "kring_networks (next_review_on)"),
        ("kring_people_person", "kring_people (person_key)"),
    )

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self._before: dict[str, Network] = {}
        self._histories: dict[tuple[str, int], list[Network.Event]] = {}

    def create_tables(self, tx: Tx, store: ReadStore) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_networks (network_id TEXT PRIMARY KEY, version INTEGER NOT NULL, "
            "client_name TEXT, coordinator TEXT, status TEXT, opened_on TEXT, next_review_on TEXT, "
            "last_reviewed_on TEXT, spilmantelzorger_id TEXT, contacts INTEGER, informal INTEGER, tied INTEGER, "
            "stressful INTEGER)"
        )
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_roles (network_id TEXT, role_id TEXT, contact_id TEXT, "
            "support_type TEXT, direction TEXT, task TEXT, rhythm TEXT, started_on TEXT, ended_on TEXT, "
            f"end_reason TEXT, PRIMARY KEY (network_id, role_id)){store.clustered}"
        )
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_people (network_id TEXT, contact_id TEXT, name TEXT, email TEXT, "
            f"person_key TEXT, category TEXT, active INTEGER, PRIMARY KEY (network_id, contact_id)){store.clustered}"
        )
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_review_states (network_id TEXT PRIMARY KEY, version INTEGER, "
            f"topic TEXT, state {store.blob})"
        )

    # --------------------------------------------------------- storing
    def encode(self, network: Network) -> tuple[str, bytes]:
        """The network's state as the library stores a snapshot (with its cipher, if one is set)."""
        snapshot = replace(Snapshot.take(network), timestamp=network.modified_on)  # same state, same bytes
        stored = self.app.mapper.to_stored_event(snapshot)
        return stored.topic, stored.state

    def decode(self, network_id: str, version: int, topic: str, state: bytes) -> Network:
        stored = StoredEvent(
            originator_id=UUID(network_id), originator_version=version, topic=topic, state=bytes(state)
        )
        network = self.app.mapper.to_domain_event(stored).mutate(None)
        assert isinstance(network, Network)
        return network

    def network(self, network_id: UUID, version: int) -> Network | None:
        """The network at this version, from the event store (its latest snapshot and the events after it)."""
        try:
            network = self.app.repository.get(network_id, version=version, projector_func=project_network)
        except (AggregateNotFoundError, Unreadable):  # Unreadable: erased meanwhile (Projection.process forgets it)
            return None
        return network if isinstance(network, Network) else None

    def review_states(self, tx: Tx, network_ids: set[str]) -> dict[str, Network]:
        """The stored networks as on their last review, among these ids."""
        if not network_ids:
            return {}
        marks = ", ".join("?" for _ in network_ids)
        rows = tx.execute(
            f"SELECT network_id, version, topic, state FROM kring_review_states WHERE network_id IN ({marks})",
            sorted(network_ids),
        ).all()
        return {r["network_id"]: self.decode(r["network_id"], r["version"], r["topic"], r["state"]) for r in rows}

    # -------------------------------------------------------- applying
    def prepare(self, batch: Batch) -> None:
        """Read from the event store before the read tables are locked: each network as it was before its
        first event in the batch (unless the batch opens it), and the history up to each review."""
        first: dict[str, Network.Event] = {}
        erased = set()
        for network_id, event in network_events(batch):
            first.setdefault(network_id, event)
            if isinstance(event, Network.NetworkErased):
                erased.add(network_id)
        self._before = {
            network_id: network
            for network_id, event in first.items()
            if not isinstance(event, Network.NetworkOpened)
            and network_id not in erased
            and (network := self.network(event.originator_id, event.originator_version - 1)) is not None
        }
        self._histories = {
            (str(event.originator_id), event.originator_version): list(
                self.app.events.get(event.originator_id, lte=event.originator_version)
            )
            for _, event in batch
            if isinstance(event, Network.NetworkReviewed) and str(event.originator_id) not in erased
        }

    def apply(self, tx: Tx, batch: Batch) -> None:
        keyed = network_events(batch)
        reviewed = self.review_states(tx, {network_id for network_id, _ in keyed})
        reviews_changed: set[str] = set()
        networks: dict[str, Network] = {}
        touched: dict[str, tuple[set[str], set[str]]] = {}  # network -> (changed roles, changed people)
        opened: set[str] = set()
        for network_id, event in keyed:
            starts = isinstance(event, Network.NetworkReviewed | Network.NetworkOpened)
            if (network_id in reviewed or starts) and self._follow_review(reviewed, network_id, event):
                reviews_changed.add(network_id)
            network = networks.get(network_id)
            if isinstance(event, Network.NetworkOpened):
                network = event.mutate(None)
                opened.add(network_id)
            elif network is None and (network := self._network_before(network_id, event)) is None:
                log.error("event %s for an unknown network skipped", type(event).__name__)
                continue
            else:
                event.mutate(network)  # the network's events follow each other here: the library checks it
            networks[network_id] = network
            if network_id not in touched:
                touched[network_id] = (set(), set())
            roles, people = touched[network_id]
            if "role_id" in event.__dict__:
                roles.add(event.__dict__["role_id"])
            if isinstance(event, PEOPLE_EVENTS):
                people.add(event.__dict__["contact_id"])
        self._before = {}
        self._store(tx, networks, touched, opened)
        self._store_review_states(tx, {network_id: reviewed[network_id] for network_id in reviews_changed})

    def _network_before(self, network_id: str, event: Network.Event) -> Network | None:
        """The network just before this event: read in `prepare`, or (another worker got further meanwhile)
        now."""
        network = self._before.pop(network_id, None)
        if network is not None and network.version == event.originator_version - 1:
            return network
        return self.network(event.originator_id, event.originator_version - 1)

    def _store(
        self, tx: Tx, networks: dict[str, Network], touched: dict[str, tuple[set[str], set[str]]], opened: set[str]
    ) -> None:
        """Write the networks' rows, and the rows of the roles and people this batch changed (a network it opened
        has none yet)."""
        rows = [_network_row(network_id, network) for network_id, network in networks.items()]
        roles = [_role_row(n, networks[n].roles[r]) for n, (changed, _) in touched.items() for r in sorted(changed)]
        people = [
            _person_row(n, networks[n].contacts[c]) for n, (_, changed) in touched.items() for c in sorted(changed)
        ]
        for table, columns, key, changed_rows in (
            ("kring_networks", NETWORK_COLUMNS, ("network_id",), rows),
            ("kring_roles", ROLE_COLUMNS, ("network_id", "role_id"), roles),
            ("kring_people", PEOPLE_COLUMNS, ("network_id", "contact_id"), people),
        ):
            tx.write(table, columns, changed_rows, key, lambda row: row[0] in opened)

    def _follow_review(self, reviewed: dict[str, Network], network_id: str, event: Network.Event) -> bool:
        """Keep the network as it was on its last review day (before any review: its intake day, the day it was
        opened): exactly what `network_as_of` would replay.

        Returns whether the network as on that day changed."""
        at_review = reviewed.get(network_id)
        if isinstance(event, Network.NetworkOpened):
            reviewed[network_id] = network_as_of([event], event.effective_on) or event.mutate(None)
            return True
        if isinstance(event, Network.NetworkReviewed):
            key = (network_id, event.originator_version)
            history = self._histories.pop(key, None) or self.app.events.get(event.originator_id, lte=key[1])
            replayed = network_as_of(history, event.effective_on)
            if replayed is not None:
                reviewed[network_id] = replayed
                return True
        elif (
            at_review is not None
            and at_review.as_of
            and event.effective_on <= at_review.as_of
            and event.originator_version > at_review.version
        ):
            advance(at_review, event)  # recorded late, but it had happened by the review
            return True
        return False

    def _store_review_states(self, tx: Tx, networks: dict[str, Network]) -> None:
        tx.upsert(
            "kring_review_states",
            ("network_id", "version", "topic", "state"),
            [(network_id, network.version, *self.encode(network)) for network_id, network in networks.items()],
            key=("network_id",),
        )


def outline(network: Network) -> dict[str, Any]:
    """What the map keeps of a network for the attention rules (projections.attention.reasons): the next review,
    the spilmantelzorger, and how many contacts there are, informal ones, ones with a tie and stressful ties (the
    tasks from the own circle are counted from kring_roles and kring_people when asked)."""
    counts = risks.counts(network)
    return {
        "next_review_on": _iso(network.next_review_on),
        "spilmantelzorger_id": network.spilmantelzorger_id,
        "contacts": counts.contacts,
        "informal": counts.informal,
        "tied": counts.tied,
        "stressful": counts.stressful,
    }


def _network_row(network_id: str, network: Network) -> tuple[Any, ...]:
    counts = outline(network)
    return (
        network_id,
        network.version,
        network.client_name,
        network.coordinator,
        network.status,
        _iso(network.opened_on),
        counts["next_review_on"],
        _iso(network.last_reviewed_on),
        network.spilmantelzorger_id,
        counts["contacts"],
        counts["informal"],
        counts["tied"],
        counts["stressful"],
    )


def _role_row(network_id: str, r: SupportRole) -> tuple[Any, ...]:
    return (
        network_id,
        r.id,
        r.contact_id,
        r.support_type,
        r.direction,
        r.task,
        r.rhythm,
        _iso(r.started_on),
        _iso(r.ended_on),
        r.end_reason,
    )


def _person_row(network_id: str, c: Contact) -> tuple[Any, ...]:
    person_key = c.person_ref or (c.email.lower() if c.email else None)
    return (network_id, c.id, c.name, c.email, person_key, c.category, int(c.is_active))


class NetworkMaps:
    """Reading the current maps; maps are kept by (network, version), which never changes."""

    CACHED = 64

    def __init__(self, store: ReadStore, projection: NetworkMapProjection) -> None:
        self.store = store
        self.projection = projection
        self._decoded: OrderedDict[tuple[str, int], Network] = OrderedDict()
        self._lock = threading.Lock()

    def current(self, network_id: UUID) -> Network | None:
        """The network at the version the projection reached (from the event store), or None.

        Callers must not change it (it may be shared)."""
        key = str(network_id)
        with self.store.transaction() as tx:
            row = tx.execute("SELECT version FROM kring_networks WHERE network_id = ?", [key]).one()
            if row is None:
                return None
        with self._lock:
            cached = self._decoded.get((key, row["version"]))
        if cached is not None:
            return cached
        network = self.projection.network(network_id, row["version"])
        if network is not None:
            with self._lock:
                self._decoded[(key, network.version)] = network
                while len(self._decoded) > self.CACHED:
                    self._decoded.popitem(last=False)
        return network

    def forget(self) -> None:
        """Empty the cache of decoded maps (for measuring a first read)."""
        with self._lock:
            self._decoded.clear()

    def email_of(self, network_id: str, contact_id: str) -> str | None:
        """The e-mail address of a contact in the network now, if they have one."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT email FROM kring_people WHERE network_id = ? AND contact_id = ? AND active = 1",
                [network_id, contact_id],
            ).one()
        return row["email"] if row else None

    def networks_helped_in(self, network_id: str, contact_id: str) -> int:
        """In how many networks the person this contact is (by person reference or e-mail) is a contact now."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT COUNT(DISTINCT o.network_id) AS networks FROM kring_people p JOIN kring_people o "
                "ON o.person_key = p.person_key AND o.active = 1 WHERE p.network_id = ? AND p.contact_id = ? "
                "AND p.person_key IS NOT NULL",
                [network_id, contact_id],
            ).one()
        return int(row["networks"]) if row and row["networks"] else 0

    def at_last_review(self, network_id: UUID) -> Network | None:
        """The network as it was on the day of its last review, or before any review on its intake day (by the
        dates things happened); stability counts from it."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT version, topic, state FROM kring_review_states WHERE network_id = ?", [str(network_id)]
            ).one()
        if row is None:
            return None
        return self.projection.decode(str(network_id), row["version"], row["topic"], row["state"])
