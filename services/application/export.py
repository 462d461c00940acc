"""A network for someone outside Kring: its history as its reader may see it, and everything in one export (the
client's right of access, ADR 0012), FHIR for a care record, Network Canvas and egor for research.

Each part holds what the caller's role may read on its own endpoint, no more. The formats themselves are plain
functions (services/exchange); here they meet the network, its events and the caller's rights.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from domain.network import Network
from domain.permissions import AUDIT, CONSENT, EDIT, MAP
from domain.reminders import Reminder
from domain.words import Phrase
from projections.summaries import event_fields, summarise
from services.accounts.access_log import AccessLog
from services.application.access import NetworkAccess, Rights
from services.application.history import event_phrase
from services.application.kring import Kring
from services.application.privacy import Privacy
from services.application.readside import ReadSide
from services.exchange.egor import egor_tables
from services.exchange.fhir import fhir_bundle
from services.exchange.network_canvas import network_canvas_graphml

ENVELOPE = {"originator_id", "originator_version", "timestamp", "originator_topic", "recorded_by"}
Say = Callable[[Phrase], str]  # a Speaker of the reader's language (domain/words)


def event_view(event: Network.Event, summary: str, rights: Rights) -> dict[str, Any]:
    """An event of the history as the caller may see it: the contents withheld where their role may not read
    them (notes, reviews, meetings, another carer's burden; a tie's note), the line that it happened kept (as on
    the timeline, saying as much as the caller may read)."""
    shown = rights.may_read(event)
    return {
        "version": event.originator_version,
        "type": type(event).__name__,
        "recorded_at": event.timestamp,
        "effective_on": event.effective_on,
        "recorded_by": event.recorded_by,
        "summary": summary,
        "data": rights.shown(event_fields(event)) if shown else {},
        "withheld": not shown,
    }


def history_views(events: Iterable[Network.Event], rights: Rights, say: Say) -> list[dict[str, Any]]:
    """Every event as the caller may see it, its line said in their language."""
    return [event_view(e, say(event_phrase(e, values, rights)), rights) for e, values in summarise(events)]


def reminder_view(reminder: Reminder, events: list[Reminder.Event]) -> dict[str, Any]:
    """A reminder with what became of it, event by event."""
    return {
        "id": reminder.id,
        "kind": reminder.kind,
        "subject": reminder.subject,
        "due_on": reminder.due_on,
        "state": reminder.state,
        "events": [
            {
                "version": e.originator_version,
                "type": type(e).__name__,
                "recorded_at": e.timestamp,
                "recorded_by": e.recorded_by,
                "data": {k: v for k, v in vars(e).items() if k not in ENVELOPE},
            }
            for e in events
        ],
    }


class Export:
    """The network's history, the export's files and the exchange formats, each for the caller's rights."""

    def __init__(
        self, kring: Kring, side: ReadSide, privacy: Privacy, access: NetworkAccess, access_log: AccessLog
    ) -> None:
        self.kring, self.side, self.privacy, self.access, self.access_log = kring, side, privacy, access, access_log

    def history(self, network_id: UUID, rights: Rights, say: Say) -> list[dict[str, Any]]:
        """Every event of the network, oldest first, with its one-line summary said by `say`, as the caller may
        see it."""
        return history_views(self.kring.network_events(network_id), rights, say)

    def files(self, network_id: UUID, rights: Rights, say: Say) -> dict[str, Any]:
        """The files of the export, each only for a role that may read its contents on its own endpoint
        (docs/decisions/0012): `events.json` holds {"items": views}, `map.json` the Network; the others are
        ready to write as they are."""
        _, events = self.privacy.network(network_id)
        files: dict[str, Any] = {"events.json": {"items": history_views(events, rights, say)}}
        if rights.may(MAP):
            files["map.json"] = self.side.network(network_id)
            files["network.graphml"] = self.side.graphml(network_id)
        if rights.may(EDIT):  # the coordinator's work list (the inbox): burden check-ins, reasons for dismissing
            files["reminders.json"] = {"items": [reminder_view(r, e) for r, e in self.privacy.reminders(network_id)]}
        access: dict[str, Any] = {}
        if rights.may(CONSENT):
            access["people"] = self.side.access.people(str(network_id))
        if rights.may(AUDIT):
            access["access_log"] = self.access_log.entries(str(network_id), limit=1_000_000)
        if access:
            files["access.json"] = access
        if rights.may(MAP):  # the network in the formats of others; burden measurements only for who may read them
            files["fhir.json"] = self.fhir(network_id, rights)
            files |= self.research_files(network_id)
        return files

    def fhir(self, network_id: UUID, rights: Rights, as_of: date | None = None) -> dict[str, Any]:
        """The network (now, or on `as_of`) as a FHIR Bundle, the recorders named; a burden measurement only for a
        role that may read it (docs/decisions/0012)."""
        network = self.side.network(network_id, as_of)
        events = [e for e in self.kring.network_events(network_id) if rights.may_read(e)]  # no burden for a client
        names = self.access.names_of({event.recorded_by for event in events})
        return fhir_bundle(network, events, exported_at=datetime.now(UTC), recorders=names)

    def network_canvas(self, network_id: UUID, as_of: date | None = None) -> str:
        """The map (now, or on `as_of`) as a Network Canvas interview in GraphML."""
        network = self.side.network(network_id, as_of)
        return network_canvas_graphml(network, self._day(network), datetime.now(UTC))

    def research_files(self, network_id: UUID) -> dict[str, str]:
        """The network for researchers, as the export ZIP holds it: Network Canvas GraphML and egor's tables."""
        network = self.side.network(network_id)
        files = {"network-canvas.graphml": network_canvas_graphml(network, self._day(network), datetime.now(UTC))}
        return files | {f"egor/{name}": text for name, text in egor_tables(network, self._day(network)).items()}

    def _day(self, network: Network) -> date:
        return network.as_of or self.kring.today()
