"""The history behind a person's card and the client's profile: the events about them, oldest first, each with its
line and its contents as the reader may see them (another carer's burden stays withheld, as in the history)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.network import Network
from domain.state import Contact
from domain.vocabulary import RINGS
from projections.summaries import summarise
from services.application.access import Rights
from services.application.export import Say, event_view
from services.application.history import event_phrase
from services.application.kring import Kring

PROFILE_EVENTS = (
    Network.NetworkOpened,
    Network.ClientDetailsChanged,
    Network.ClientBirthDateRecorded,
    Network.LivingSituationChanged,
    Network.HelpQuestionRecorded,
)
PLACED = ("ContactAdded", "ContactDetailsChanged")  # the events that can put a contact in a ring


class About:
    """Whether an event is about one contact (a task's end names only the task: remembered from its start)."""

    def __init__(self, contact_id: str) -> None:
        self.contact_id = contact_id
        self.roles: set[str] = set()

    def __call__(self, event: Network.Event) -> bool:
        data = event.__dict__
        if isinstance(event, Network.SupportRoleAssigned) and event.contact_id == self.contact_id:
            self.roles.add(event.role_id)
        if self.contact_id in (data.get("contact_id"), data.get("carer_id")):
            return True
        return self.contact_id in data.get("contact_ids", ()) or data.get("role_id") in self.roles


def contact_history(kring: Kring, network_id: UUID, contact_id: str, rights: Rights, say: Say) -> list[dict[str, Any]]:
    """Everything recorded about one contact: added, details changed, tie, tasks, who they know, burden; each line
    said in the reader's language."""
    about = About(contact_id)
    events = summarise(kring.network_events(network_id))
    return [_view(event, values, rights, say) for event, values in events if about(event)]


def profile_history(kring: Kring, network_id: UUID, rights: Rights, say: Say) -> list[dict[str, Any]]:
    """The client's name and profile as they were recorded, oldest first."""
    events = summarise(kring.network_events(network_id))
    return [_view(event, values, rights, say) for event, values in events if isinstance(event, PROFILE_EVENTS)]


def _view(event: Network.Event, values: dict[str, Any], rights: Rights, say: Say) -> dict[str, Any]:
    return event_view(event, say(event_phrase(event, values, rights)), rights)


def ring_outward(contact: Contact, history: list[dict[str, Any]]) -> str | None:
    """The ring one further out, when their tie weakened after they were last placed in a ring (Rob still among
    the intimates after his tie weakened); None when nothing suggests a move."""
    if contact.tie is None or contact.ring not in RINGS[:2]:  # not from acquaintance to the services
        return None
    placed = max((i for i, e in enumerate(history) if _sets_ring(e)), default=-1)
    weakened = max((i for i, e in enumerate(history) if e["type"] == "TieWeakened"), default=-1)
    return RINGS[RINGS.index(contact.ring) + 1] if weakened > placed else None


def _sets_ring(view: dict[str, Any]) -> bool:
    data = view["data"]
    return view["type"] == "ContactAdded" or (view["type"] == "ContactDetailsChanged" and "ring" in data["changes"])
