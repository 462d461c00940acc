"""One-line human summaries of events, in plain Dutch (default) or English."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from domain.network import Network
from domain.vocabulary import SUPPORT_TYPE_LABELS_NL

# Display labels of the vocabularies.
LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "household": "huisgenoot",
        "family_of_origin": "familie van herkomst",
        "other_family": "overige familie",
        "friend": "vriend(in)",
        "neighbour": "buur",
        "acquaintance": "kennis/collega",
        "adviser": "adviseur",
        "professional": "hulpverlener",
        "fellow_client": "lotgenoot",
        "volunteer": "vrijwilliger",
        "digital": "digitaal contact",
        "strong": "sterk",
        "normal": "gewoon",
        "tenuous": "zwak",
        "to_client": "naar de cliënt",
        "from_client": "van de cliënt",
        "both": "wederzijds",
        "none": "geen steun",
        "daily": "dagelijks",
        "weekly": "wekelijks",
        "monthly": "maandelijks",
        "yearly": "jaarlijks",
        "rarely": "zelden",
        **SUPPORT_TYPE_LABELS_NL,
        "ediz_plus": "EDIZ-plus",
        "ediz": "EDIZ",
        "csi": "Caregiver Strain Index",
        "srb": "zelfbeoordeelde belasting",
        "coordinator": "coördinator",
        "member": "lid van het netwerk",
        "client": "cliënt",
        "map": "de kaart",
        "burden": "belasting",
        "notes": "notities",
    },
    "en": {
        "household": "household member",
        "family_of_origin": "family of origin",
        "other_family": "other family",
        "friend": "friend",
        "neighbour": "neighbour",
        "acquaintance": "acquaintance/colleague",
        "adviser": "adviser",
        "professional": "professional",
        "fellow_client": "fellow client",
        "volunteer": "volunteer",
        "digital": "digital contact",
        "strong": "strong",
        "normal": "normal",
        "tenuous": "tenuous",
        "to_client": "to the client",
        "from_client": "from the client",
        "both": "both ways",
        "none": "no support",
        "daily": "daily",
        "weekly": "weekly",
        "monthly": "monthly",
        "yearly": "yearly",
        "rarely": "rarely",
        "practical": "practical help",
        "companionship": "companionship",
        "advice": "advice and information",
        "emotional": "emotional support",
        "advocacy": "advocacy",
        "respite": "respite care",
        "personal_care": "personal care",
        "ediz_plus": "EDIZ-plus",
        "ediz": "EDIZ",
        "csi": "Caregiver Strain Index",
        "srb": "self-rated burden",
        "coordinator": "coordinator",
        "spilmantelzorger": "spilmantelzorger (lead carer)",
        "member": "network member",
        "client": "client",
        "map": "the map",
        "burden": "burden",
        "notes": "notes",
    },
}

TEMPLATES: dict[str, dict[str, str]] = {
    "nl": {
        "NetworkOpened": "Netwerk van {client_name} geopend",
        "ClientDetailsChanged": "Naam van de cliënt gewijzigd in {client_name}",
        "CoordinatorChanged": "Andere coördinator",
        "ReviewIntervalChanged": "Netwerk wordt voortaan elke {review_interval_weeks} weken besproken",
        "NetworkClosed": "Netwerk gesloten",
        "NetworkReopened": "Netwerk heropend",
        "NetworkErased": "Netwerk gewist",
        "ContactAdded": "{name} toegevoegd ({category})",
        "ContactDetailsChanged": "Gegevens van {contact} gewijzigd",
        "ContactRemoved": "{contact} uit het netwerk gehaald",
        "TieRecorded": "Band met {contact}: {strength}, steun {flow}",
        "TieStrengthened": "Band met {contact} sterker geworden ({strength})",
        "TieWeakened": "Band met {contact} zwakker geworden ({strength})",
        "TieStrained": "Band met {contact} is belastend geworden",
        "TieEased": "Band met {contact} is niet meer belastend",
        "SupportFlowChanged": "Steun tussen cliënt en {contact} loopt nu {flow}",
        "ContactFrequencyChanged": "Contact met {contact} is nu {frequency}",
        "TieEnded": "Band met {contact} beëindigd",
        "ContactsAcquainted": "{first} en {second} kennen elkaar",
        "AcquaintanceEnded": "{first} en {second} kennen elkaar niet meer",
        "SupportRoleAssigned": "{contact} neemt {support_type} op zich: {task}",
        "SupportRoleEnded": "{contact} stopt met: {task}",
        "SpilmantelzorgerDesignated": "{contact} is spilmantelzorger geworden",
        "SpilmantelzorgerStoodDown": "{contact} is geen spilmantelzorger meer",
        "CarerBurdenReported": "Belasting van {contact} gemeten ({instrument})",
        "NetworkReviewed": "Netwerk besproken; volgende bespreking {next_review_on}",
        "SupportGroupMeetingHeld": "Steungroep kwam bijeen ({count} afspraken)",
        "GoalSet": "Doel gesteld: {title}",
        "GoalCompleted": "Doel bereikt: {title}",
        "NoteAdded": "Notitie toegevoegd",
        "AccessGranted": "Toegang gegeven als {role}",
        "AccessRevoked": "Toegang ingetrokken",
        "ConsentGiven": "Toestemming gegeven voor {scopes}",
        "ConsentWithdrawn": "Toestemming ingetrokken voor {scopes}",
    },
    "en": {
        "NetworkOpened": "Network of {client_name} opened",
        "ClientDetailsChanged": "Client's name changed to {client_name}",
        "CoordinatorChanged": "Coordinator changed",
        "ReviewIntervalChanged": "Network to be reviewed every {review_interval_weeks} weeks",
        "NetworkClosed": "Network closed",
        "NetworkReopened": "Network reopened",
        "NetworkErased": "Network erased",
        "ContactAdded": "{name} added ({category})",
        "ContactDetailsChanged": "Details of {contact} changed",
        "ContactRemoved": "{contact} removed from the network",
        "TieRecorded": "Tie with {contact}: {strength}, support {flow}",
        "TieStrengthened": "Tie with {contact} strengthened ({strength})",
        "TieWeakened": "Tie with {contact} weakened ({strength})",
        "TieStrained": "Tie with {contact} became stressful",
        "TieEased": "Tie with {contact} is no longer stressful",
        "SupportFlowChanged": "Support between client and {contact} now flows {flow}",
        "ContactFrequencyChanged": "Contact with {contact} is now {frequency}",
        "TieEnded": "Tie with {contact} ended",
        "ContactsAcquainted": "{first} and {second} know each other",
        "AcquaintanceEnded": "{first} and {second} no longer know each other",
        "SupportRoleAssigned": "{contact} takes on {support_type}: {task}",
        "SupportRoleEnded": "{contact} stops: {task}",
        "SpilmantelzorgerDesignated": "{contact} became spilmantelzorger (lead carer)",
        "SpilmantelzorgerStoodDown": "{contact} is no longer spilmantelzorger",
        "CarerBurdenReported": "Burden of {contact} measured ({instrument})",
        "NetworkReviewed": "Network reviewed; next review {next_review_on}",
        "SupportGroupMeetingHeld": "Support group met ({count} agreements)",
        "GoalSet": "Goal set: {title}",
        "GoalCompleted": "Goal reached: {title}",
        "NoteAdded": "Note added",
        "AccessGranted": "Access given as {role}",
        "AccessRevoked": "Access revoked",
        "ConsentGiven": "Consent given for {scopes}",
        "ConsentWithdrawn": "Consent withdrawn for {scopes}",
    },
}
LANGUAGES = tuple(TEMPLATES)
MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def dutch_date(day: date) -> str:
    """A date as people write it in Dutch: 9 september 2026."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


class Names:
    """Running names of contacts, roles and goals while the history is read."""

    def __init__(self) -> None:
        self.contacts: dict[str, str] = {}
        self.roles: dict[str, dict[str, str]] = {}
        self.goals: dict[str, str] = {}

    def learn(self, event: Network.Event) -> None:
        if isinstance(event, Network.ContactAdded):
            self.contacts[event.contact_id] = event.name
        elif isinstance(event, Network.ContactDetailsChanged) and "name" in event.changes:
            self.contacts[event.contact_id] = event.changes["name"]
        elif isinstance(event, Network.SupportRoleAssigned):
            self.roles[event.role_id] = {"contact_id": event.contact_id, "task": event.task}
        elif isinstance(event, Network.GoalSet):
            self.goals[event.goal_id] = event.title


def event_fields(event: Network.Event) -> dict[str, Any]:
    """The event's own data, without the envelope."""
    skip = {"originator_id", "originator_version", "timestamp", "originator_topic", "recorded_by", "effective_on"}
    return {k: v for k, v in event.__dict__.items() if k not in skip}


class _Values(dict[str, Any]):
    """The placeholders of a template, each worked out only when the template asks for it."""

    def __init__(self, event: Network.Event, names: Names, labels: dict[str, str]) -> None:
        super().__init__()
        self.data, self.names, self.labels = event.__dict__, names, labels

    def __missing__(self, key: str) -> Any:
        self[key] = value = self._work_out(key)
        return value

    def _work_out(self, key: str) -> Any:
        data, names = self.data, self.names
        if key == "contact":
            contact_id = data.get("contact_id") or data.get("carer_id") or self._role().get("contact_id", "")
            return names.contacts.get(contact_id, "?")
        if key == "task" and "task" not in data:
            return self._role().get("task", "")
        if key == "title":
            return names.goals.get(data.get("goal_id", ""), data.get("title", ""))
        if key in ("first", "second"):
            self["first"], self["second"] = sorted(names.contacts.get(i, "?") for i in data["contact_ids"])
            return self[key]
        if key == "count":
            return len(data.get("agreements", []))
        return self._label(data[key])

    def _label(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(self.labels.get(v, v)) for v in value)
        return self.labels.get(value, value) if isinstance(value, str) else value

    def _role(self) -> dict[str, str]:
        return self.names.roles.get(self.data.get("role_id", ""), {})


def summary(event: Network.Event, names: Names, lang: str = "nl") -> str:
    """One line about an event, with the names known so far (call names.learn(event) first)."""
    template = TEMPLATES[lang].get(type(event).__name__, type(event).__name__)
    return template.format_map(_Values(event, names, LABELS[lang]))


def summarise(events: Iterable[Network.Event], lang: str = "nl") -> Iterator[tuple[Network.Event, str]]:
    """Each event with its one-line summary."""
    names = Names()
    for event in events:
        names.learn(event)
        yield event, summary(event, names, lang)
