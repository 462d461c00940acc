"""One-line human summaries of events, in plain Dutch (default) or English."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from string import Formatter
from typing import Any

from domain.network import Network
from domain.vocabulary import RISK_FACTORS, SUPPORT_TYPE_LABELS_NL

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
        **RISK_FACTORS,
        "taken_on": "iemand neemt het op zich",
        "withdrawn": "niet meer nodig",
        "nothing": "geen",
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
        "care_24_7": "cares day and night (24/7)",
        "lives_with_client": "lives with the client",
        "cannot_share_care": "cannot share the care",
        "long_duration": "has been caring for a long time",
        "personality_change": "the client's personality has changed",
        "own_network_shrinking": "the carer's own network is shrinking",
        "taken_on": "someone takes it on",
        "withdrawn": "no longer needed",
        "nothing": "none",
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
        "CarerRiskFactorsReported": "Risicosignalen bij {contact} bijgewerkt",
        "NetworkReviewed": "Netwerk besproken; volgende bespreking {next_review_on}",
        "SupportGroupMeetingHeld": "Steungroep kwam bijeen ({count} afspraken)",
        "GoalSet": "Doel gesteld: {title}",
        "GoalCompleted": "Doel bereikt: {title}",
        "NoteAdded": "Notitie toegevoegd",
        "AccessGranted": "Toegang gegeven als {role}",
        "AccessRevoked": "Toegang ingetrokken",
        "ConsentGiven": "Toestemming gegeven voor {scopes}",
        "ConsentWithdrawn": "Toestemming ingetrokken voor {scopes}",
        "PersonInvited": "{name} uitgenodigd als {role}",
        "InvitationAccepted": "Uitnodiging aangenomen",
        "InvitationWithdrawn": "Uitnodiging ingetrokken",
        "HelpRequested": "Hulp gevraagd bij: {task} ({support_type})",
        "HelpRequestClosed": "Hulpvraag gesloten: {reason}",
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
        "CarerRiskFactorsReported": "Risk signals for {contact} updated",
        "NetworkReviewed": "Network reviewed; next review {next_review_on}",
        "SupportGroupMeetingHeld": "Support group met ({count} agreements)",
        "GoalSet": "Goal set: {title}",
        "GoalCompleted": "Goal reached: {title}",
        "NoteAdded": "Note added",
        "AccessGranted": "Access given as {role}",
        "AccessRevoked": "Access revoked",
        "ConsentGiven": "Consent given for {scopes}",
        "ConsentWithdrawn": "Consent withdrawn for {scopes}",
        "PersonInvited": "{name} invited as {role}",
        "InvitationAccepted": "Invitation accepted",
        "InvitationWithdrawn": "Invitation withdrawn",
        "HelpRequested": "Help asked with: {task} ({support_type})",
        "HelpRequestClosed": "Request for help closed: {reason}",
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


Named = tuple[str, str, str, str | None]  # (kind: contact, role or goal; its id; its name; the role's contact)


# The events that name something, each with the name it gives (a change of details may leave the name alone).
NAMING: dict[type, Callable[[Any], Named | None]] = {
    Network.ContactAdded: lambda e: ("contact", e.contact_id, e.name, e.contact_id),
    Network.ContactDetailsChanged: lambda e: (
        ("contact", e.contact_id, e.changes["name"], e.contact_id) if "name" in e.changes else None
    ),
    Network.SupportRoleAssigned: lambda e: ("role", e.role_id, e.task, e.contact_id),
    Network.GoalSet: lambda e: ("goal", e.goal_id, e.title, None),
}


class Names:
    """Running names of contacts, roles and goals while the history is read."""

    def __init__(self) -> None:
        self.contacts: dict[str, str] = {}
        self.roles: dict[str, dict[str, str]] = {}
        self.goals: dict[str, str] = {}

    def remember(self, kind: str, entity_id: str, name: str, contact_id: str | None) -> None:
        """A contact's name, a role's task (and its contact) or a goal's title."""
        if kind == "contact":
            self.contacts[entity_id] = name
        elif kind == "role":
            self.roles[entity_id] = {"contact_id": contact_id or "", "task": name}
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
        """The role an event's data names (its contact and task), or an empty dict."""
        return self.roles.get(data.get("role_id", ""), {})


def event_fields(event: Network.Event) -> dict[str, Any]:
    """The event's own data, without the envelope."""
    skip = {"originator_id", "originator_version", "timestamp", "originator_topic", "recorded_by", "effective_on"}
    return {k: v for k, v in event.__dict__.items() if k not in skip}


# The placeholders that hold a vocabulary code, shown by its label in the reader's language; names stay as they are.
CODES = frozenset(
    {"category", "strength", "flow", "frequency", "support_type", "instrument", "role", "scopes", "factors", "reason"}
)
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    kind: tuple(sorted({field for _, field, _, _ in Formatter().parse(template) if field}))
    for kind, template in TEMPLATES["nl"].items()
}


def line_values(event: Network.Event, names: Names) -> dict[str, Any]:
    """What an event's line says, in no language yet: its own values and the names known so far.

    Stored by the timeline and rendered when read (`render`), so wording and translations change without a
    rebuild, while a line keeps the names as they were when it happened (call names.learn(event) first).
    """
    data = event.__dict__
    values: dict[str, Any] = {}
    for key in PLACEHOLDERS.get(type(event).__name__, ()):
        if key in data:  # the event's own value
            value = data[key]
            values[key] = value.isoformat() if isinstance(value, date) else value
        elif key == "contact":
            contact_id = data.get("contact_id") or data.get("carer_id") or names.role(data).get("contact_id", "")
            values[key] = names.contacts.get(contact_id, "?")
        elif key == "task":
            values[key] = names.role(data).get("task", "")
        elif key == "title":
            values[key] = names.goals.get(data.get("goal_id", ""), "")
        elif key in ("first", "second") and key not in values:
            values["first"], values["second"] = sorted(names.contacts.get(i, "?") for i in data["contact_ids"])
        elif key == "count":
            values[key] = len(data.get("agreements", []))
    return values


def _label(labels: dict[str, str], value: Any) -> Any:
    if isinstance(value, list):  # consent scopes, risk factors (none any more: an empty list)
        return ", ".join(str(labels.get(v, v)) for v in value) or labels["nothing"]
    return labels.get(value, value)


def render(event_type: str, values: dict[str, Any], lang: str = "nl") -> str:
    """The line of an event of this type with these values (from `line_values`), in Dutch or English."""
    labels = LABELS[lang]
    shown = {key: _label(labels, value) if key in CODES else value for key, value in values.items()}
    return TEMPLATES[lang][event_type].format_map(shown)  # every event type has one (tests/unit/test_events.py)


def summary(event: Network.Event, names: Names, lang: str = "nl") -> str:
    """One line about an event, with the names known so far (call names.learn(event) first)."""
    return render(type(event).__name__, line_values(event, names), lang)


def summarise(events: Iterable[Network.Event], lang: str = "nl") -> Iterator[tuple[Network.Event, str]]:
    """Each event with its one-line summary."""
    names = Names()
    for event in events:
        names.learn(event)
        yield event, summary(event, names, lang)
