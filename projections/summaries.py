"""What an event's line says, without its words: its own values and the names known when it happened.

The timeline stores these values and `GET .../events` makes them from the event store; the line itself is a phrase of
domain/words/history.py, said in the reader's language when it is read, so wording and translations change without a
rebuild, while a line keeps the names as they were when it happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from domain.burden import band_of, score
from domain.errors import DomainError
from domain.network import Network

Named = tuple[str, str, str, str | None]  # (kind: contact, role, given_role, goal or client; id; name; its contact)
CLIENT = "client"  # the entity id under which the client's name is kept


def _role(event: Any) -> Named:
    kind = "given_role" if event.direction == "from_client" else "role"
    return (kind, event.role_id, event.task, event.contact_id)


# The events that name something, each with the name it gives (a change of details may leave the name alone).
NAMING: dict[type, Callable[[Any], Named | None]] = {
    Network.NetworkOpened: lambda e: ("client", CLIENT, e.client_name, None),
    Network.ClientDetailsChanged: lambda e: ("client", CLIENT, e.client_name, None),
    Network.ContactAdded: lambda e: ("contact", e.contact_id, e.name, e.contact_id),
    Network.ContactDetailsChanged: lambda e: (
        ("contact", e.contact_id, e.changes["name"], e.contact_id) if "name" in e.changes else None
    ),
    Network.SupportRoleAssigned: _role,
    Network.GoalSet: lambda e: ("goal", e.goal_id, e.title, None),
}


class Names:
    """Running names of the client, contacts, roles and goals while the history is read."""

    def __init__(self) -> None:
        self.client = ""
        self.contacts: dict[str, str] = {}
        self.roles: dict[str, dict[str, str]] = {}
        self.goals: dict[str, str] = {}

    def remember(self, kind: str, entity_id: str, name: str, contact_id: str | None) -> None:
        """The client's name, a contact's, a role's task (its contact, and whether the client gives it), a goal's."""
        if kind == "client":
            self.client = name
        elif kind == "contact":
            self.contacts[entity_id] = name
        elif kind in ("role", "given_role"):
            direction = "from_client" if kind == "given_role" else "to_client"
            self.roles[entity_id] = {"contact_id": contact_id or "", "task": name, "direction": direction}
        else:
            self.goals[entity_id] = name

    def learn(self, event: Network.Event) -> Named | None:
        """Remember the name this event gives, if any, and return it."""
        naming = NAMING.get(type(event))
        named = naming(event) if naming else None
        if named is not None:
            self.remember(*named)
        return named

    def role(self, data: dict[str, Any]) -> dict[str, str]:
        """The role an event's data names (its contact, task and direction), or an empty dict."""
        return self.roles.get(data.get("role_id", ""), {})


def event_fields(event: Network.Event) -> dict[str, Any]:
    """The event's own data, without the envelope."""
    skip = {"originator_id", "originator_version", "timestamp", "originator_topic", "recorded_by", "effective_on"}
    return {k: v for k, v in event.__dict__.items() if k not in skip}


# The event's own values a line may say (names and tasks are added from `Names`); answers, texts of notes and
# reviews are not kept: the line says only that they were recorded.
KEPT = frozenset(
    {
        "client_name", "review_interval_weeks", "reason", "name", "category", "strength", "stressful", "flow",
        "frequency", "note", "support_type", "direction", "task", "instrument", "factors", "next_review_on",
        "title", "due_on", "role", "scopes", "living_situation",
    }
)  # fmt: skip


def _burden(data: dict[str, Any]) -> dict[str, Any]:
    """A questionnaire's score and band (shown only to a reader who may see this carer's burden)."""
    try:
        result = score(data["instrument"], data["answers"])
    except DomainError:  # answers the scoring refuses cannot have been stored; said without a score if they were
        return {}
    return {"total": result.total, "maximum": result.maximum, "band": band_of(result)}


def line_values(event: Network.Event, names: Names) -> dict[str, Any]:
    """What an event's line says, in no language yet (call names.learn(event) first); JSON-ready."""
    data = event.__dict__
    values: dict[str, Any] = {}
    for key in KEPT & data.keys():
        value = data[key]
        values[key] = value.isoformat() if isinstance(value, date) else value
    contact_id = data.get("contact_id") or data.get("carer_id") or names.role(data).get("contact_id")
    if contact_id or "role_id" in data:  # a name the history does not know (it always should) is a question mark
        values["contact"] = names.contacts.get(contact_id or "", "?")
    if "role_id" in data and "task" not in data:
        values["task"] = names.role(data).get("task", "")
        values["direction"] = names.role(data).get("direction", "to_client")
    if "goal_id" in data and "title" not in data:
        values["title"] = names.goals.get(data["goal_id"], "")
    if "contact_ids" in data:
        values["first"], values["second"] = sorted(names.contacts.get(i, "?") for i in data["contact_ids"])
    if "agreements" in data:
        values["count"] = len(data["agreements"])
    if "answers" in data:
        values |= _burden(data)
    if "date_of_birth" in data or "help_question" in data:  # kept only whether it is known, not the day or the text
        values["cleared"] = not (data.get("date_of_birth") or data.get("help_question"))
    if values.get("direction") == "from_client":  # the client gives: the line names them
        values["client"] = names.client
    return values


def summarise(events: Iterable[Network.Event]) -> Iterator[tuple[Network.Event, dict[str, Any]]]:
    """Each event with what its line says (the names as they were then)."""
    names = Names()
    for event in events:
        names.learn(event)
        yield event, line_values(event, names)
