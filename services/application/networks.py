"""The networks in the event store: each loaded (now, or as on a day), changed with retry or If-Match, saved,
its history read, or erased. The commands of the Kring application build on this (services/application/kring.py)."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar
from uuid import UUID
from zoneinfo import ZoneInfo

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Mapper, Recording, StoredEvent
from eventsourcing.utils import get_topic

from domain.history import network_as_of, project_network
from domain.network import Network
from domain.state import Stamp
from services.infrastructure.config import persistence_env, schema_lock
from services.infrastructure.crypto import KeyErased, KeyStore
from services.infrastructure.encryption import EncryptingMapper
from services.infrastructure.transcodings import register_domain_transcodings

log = logging.getLogger(__name__)
TIMEZONE = ZoneInfo("Europe/Amsterdam")
A = TypeVar("A", bound=Aggregate)
SAVE_ATTEMPTS = 10
BACKOFF_SECONDS = 0.004  # doubled per retry, jittered, so racing writers spread out


class NetworkNotFound(Exception):
    """No network with this id (or not on that date)."""

    def __init__(self, network_id: UUID, message: str = "There is no network with this id.") -> None:
        super().__init__(message)
        self.network_id = network_id
        self.message = message


class VersionMismatch(Exception):
    """The caller's If-Match version is not the network's current version."""

    def __init__(self, expected: int, current: int) -> None:
        super().__init__(f"Expected version {expected}, but the network is at version {current}")
        self.expected = expected
        self.current = current


class ConcurrentChanges(Exception):
    """Others kept changing the network while this command retried."""


class NotEncrypted(Exception):
    """The network was opened before encryption existed: destroying a key would not erase it."""


@dataclass(frozen=True)
class Outcome:
    """What a command did: the network's new version and the log position of its last event."""

    network_id: UUID
    version: int
    position: int | None
    created_id: str | None = None


def _today() -> date:
    return datetime.now(TIMEZONE).date()


class Networks(Application[UUID]):
    """The networks' event store: get a network, change it (get, call, save; retry or If-Match), read its history."""

    name = "kring"
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {Network: 100}
    snapshotting_projectors: ClassVar[dict[type[Any], Any]] = {Network: project_network}

    def __init__(self, env: Mapping[str, str] | None = None, clock: Callable[[], date] | None = None) -> None:
        settings = persistence_env() if env is None else dict(env)
        with schema_lock(settings):  # the library creates its tables here, and we the key table
            super().__init__(settings)
            self.keys.create_table()
        self.today = clock or _today

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)

    def construct_mapper(self) -> Mapper[UUID]:
        """Events and snapshots sealed with their network's key (services/infrastructure/encryption.py)."""
        self.keys = KeyStore.for_settings(dict(self.env))  # the settings laid over the process environment
        return EncryptingMapper(
            self.construct_transcoder(), self.keys, self._first_event, compressor=self.factory.compressor()
        )

    def _first_event(self, originator_id: UUID) -> StoredEvent | None:
        return next(iter(self.recorder.select_events(originator_id, limit=1)), None)

    def close(self) -> None:
        super().close()
        if hasattr(self, "keys"):
            self.keys.close()

    # ------------------------------------------------------------ plumbing
    def stamp(self, by: str, on: date | None = None) -> Stamp:
        """Who, when it happened (default: today) and today."""
        today = self.today()
        return Stamp(by=by, on=on or today, today=today)

    def change(
        self,
        network_id: UUID,
        command: Callable[[Network], None],
        *,
        expected_version: int | None = None,
        created_id: str | None = None,
    ) -> Outcome:
        """Get the network, apply the command, save; retry on a concurrent write unless If-Match was given."""
        network, recordings = self.update(lambda: self.get_network(network_id), command, expected_version)
        position = recordings[-1].notification.id if recordings else None
        return Outcome(network.id, network.version, position, created_id)

    def update(
        self, load: Callable[[], A], command: Callable[[A], None], expected_version: int | None = None
    ) -> tuple[A, list[Recording[UUID]]]:
        """Load an aggregate, apply the command, save; on a concurrent write load it again and retry (with
        jittered backoff), unless the caller expected a version: then the answer is VersionMismatch."""
        for attempt in range(SAVE_ATTEMPTS):
            if attempt:
                time.sleep(random.uniform(0, BACKOFF_SECONDS * 2**attempt))  # noqa: S311 - jitter, not crypto
            aggregate = load()
            if expected_version is not None and aggregate.version != expected_version:
                raise VersionMismatch(expected_version, aggregate.version)
            command(aggregate)
            try:
                return aggregate, self.save(aggregate)
            except IntegrityError:
                if expected_version is not None:
                    raise VersionMismatch(expected_version, load().version) from None
                log.info("version conflict, retrying")
        raise ConcurrentChanges("It kept changing while saving; try again.")

    # ------------------------------------------------------------- queries
    def get_network(self, network_id: UUID) -> Network:
        """The network as it is now."""
        network = self._load_network(network_id)
        if network.status == "erased":  # erased, its key not destroyed yet (an erasure was interrupted)
            raise NetworkNotFound(network_id)
        return network

    def _load_network(self, network_id: UUID) -> Network:
        try:
            aggregate: object = self.repository.get(network_id, projector_func=project_network)
        except (AggregateNotFoundError, KeyErased):
            raise NetworkNotFound(network_id) from None
        if not isinstance(aggregate, Network):
            raise NetworkNotFound(network_id)
        return aggregate

    def network_as_of(self, network_id: UUID, day: date) -> Network:
        """The network as it was on a day, by the dates things happened."""
        found = network_as_of(self.network_events(network_id), day)
        if found is None:
            raise NetworkNotFound(network_id, f"This network did not exist yet on {day.isoformat()}.")
        return found

    def network_events(self, network_id: UUID) -> Iterator[Network.Event]:
        """The network's full history, oldest first."""
        events = iter(self.events.get(network_id))
        try:
            first = next(events, None)
        except KeyErased:
            raise NetworkNotFound(network_id) from None
        if not isinstance(first, Network.NetworkOpened):
            raise NetworkNotFound(network_id)
        yield first
        for event in events:
            assert isinstance(event, Network.Event)
            yield event

    def list_network_ids(self, after: int = 0, limit: int = 50) -> list[tuple[int, UUID]]:
        """Networks in the order they were opened: (log position, id), after a position; erased ones left out."""
        found: list[tuple[int, UUID]] = []
        while len(found) < limit:
            notifications = self.recorder.select_notifications(
                start=after + 1, limit=limit, topics=[get_topic(Network.NetworkOpened)]
            )
            if not notifications:
                break
            opened = [(n.id, UUID(str(n.originator_id))) for n in notifications]
            erased = self.keys.erased(network_id for _, network_id in opened)
            found += [(position, network_id) for position, network_id in opened if network_id not in erased]
            after = notifications[-1].id
        return found[:limit]

    def log_position(self) -> int:
        """The position of the newest event in the log (0 when empty)."""
        return self.recorder.max_notification_id() or 0

    # ------------------------------------------------------------- erasure
    def erase_network(self, network_id: UUID, by: str) -> Outcome:
        """Erase a network: record NetworkErased (in clear), then destroy its key, so its events, snapshots and
        reminders can never be read again. Erasing again after an interruption finishes the job."""
        try:
            if self.keys.get(network_id) is None:
                self.get_network(network_id)  # NetworkNotFound if there is no such network
                raise NotEncrypted(network_id)
            network, recordings = self.update(lambda: self._load_network(network_id), lambda n: n.erase(self.stamp(by)))
        except KeyErased:
            raise NetworkNotFound(network_id) from None
        self.keys.destroy(network_id)
        log.info("network %s erased", network_id)
        return Outcome(network.id, network.version, recordings[-1].notification.id if recordings else None)
