"""The client's rights over their data (AVG/GDPR): everything Kring holds about a network, or its erasure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.network import Network
from domain.reminders import Reminder
from services.accounts.access_log import AccessLog
from services.accounts.invitations import InvitationLinks
from services.application.kring import Kring
from services.application.readside import ReadSide

PURGE_TIMEOUT_SECONDS = 10.0
CATCH_UP_SECONDS = 2.0


@dataclass(frozen=True)
class Erasure:
    """What an erasure made unreadable, and whether the read side had forgotten the network when it answered."""

    network_id: UUID
    erased_on: date
    events: int
    reminders: int
    position: int | None
    read_side_purged: bool


class Privacy:
    """Everything Kring holds about one network (the export's sources), and its erasure."""

    def __init__(self, app: Kring, side: ReadSide, access_log: AccessLog, links: InvitationLinks) -> None:
        self.app = app
        self.side = side
        self.access_log = access_log
        self.links = links  # the invitations' links: the addresses they went to

    def reminder_ids(self, network_id: UUID) -> list[UUID]:
        """The reminders raised about a network (each one an aggregate of its own), once the read side has
        caught up with the log (or a few seconds have passed)."""
        self.side.runner.wait_for(self.app.log_position(), CATCH_UP_SECONDS)
        return [UUID(reminder_id) for reminder_id in self.side.due.raised_about(str(network_id))]

    def reminders(self, network_id: UUID) -> list[tuple[Reminder, list[Reminder.Event]]]:
        """Each reminder raised about the network, with its events."""
        found = []
        for reminder_id in self.reminder_ids(network_id):
            reminder: object = self.app.repository.get(reminder_id)
            events = [e for e in self.app.events.get(reminder_id) if isinstance(e, Reminder.Event)]
            assert isinstance(reminder, Reminder)
            found.append((reminder, events))
        return found

    def network(self, network_id: UUID) -> tuple[Network, list[Network.Event]]:
        """The network as it is now, and every event of it."""
        network = self.app.get_network(network_id)
        return network, list(self.app.network_events(network_id))

    def erase(self, network_id: UUID, by: str) -> Erasure:
        """Erase the network, then wait (a while) until the read side has forgotten it, and empty SQLite's
        write-ahead log, so that on answering no copy of its rows is left in the database files. Who looked at it
        stays in the access log; why (free text) goes; so do the invitations' links."""
        reminders = len(self.reminder_ids(network_id))
        outcome = self.app.erase_network(network_id, by)
        purged = self.side.runner.wait_for(self.app.log_position(), PURGE_TIMEOUT_SECONDS)  # NetworkErased too
        self.side.maps.forget()  # decoded maps kept in this process
        self.side.store.checkpoint()
        self.access_log.forget_reasons(str(network_id))
        self.links.forget_network(str(network_id))
        self.side.store.scrub(["kring_access_log", "kring_invitations"])
        return Erasure(network_id, self.app.today(), outcome.version - 1, reminders, outcome.position, purged)
