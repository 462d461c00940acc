"""The parts a network's state is made of: plain dataclasses, rebuilt from events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class Tie:
    """The client's tie with one contact, in Hartman's dimensions."""

    strength: str
    stressful: bool
    flow: str
    frequency: str | None
    note: str
    since: date
    changed_on: date


@dataclass
class Contact:
    """A person or organisation in the client's network (an alter)."""

    id: str
    name: str
    category: str
    ring: str
    known_since: date | None
    travel_minutes: int | None
    skills: list[str]
    email: str | None
    phone: str | None
    added_on: date
    changed_on: date
    tie: Tie | None = None
    removed_on: date | None = None
    removal_reason: str | None = None
    person_ref: str | None = None  # links the same person across networks (besides the e-mail)
    relation: str | None = None  # what they are to the client (None: added before relations were asked)
    lives_with_client: bool = False
    contact_mode: str | None = None  # how contact mostly happens (None: not asked)

    @property
    def is_active(self) -> bool:
        return self.removed_on is None


@dataclass
class Acquaintance:
    """Two contacts who know each other (an alter-alter tie)."""

    contact_ids: list[str]
    since: date


@dataclass
class SupportRole:
    """Who does what: a contact's concrete task for (or from) the client."""

    id: str
    contact_id: str
    support_type: str
    direction: str
    task: str
    rhythm: str | None
    started_on: date
    ended_on: date | None = None
    end_reason: str | None = None

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


@dataclass
class Goal:
    """A goal of the action plan."""

    id: str
    title: str
    due_on: date | None
    set_on: date
    completed_on: date | None = None


@dataclass
class Stamp:
    """Who records a change, the day it happened and today's date (for the rules)."""

    by: str
    on: date
    today: date  # passed in by the application's clock: the domain reads no clock itself


@dataclass
class Grant:
    """Someone's access to the network: their role, the contact they are (if any), the consent they have."""

    user_id: str
    role: str
    contact_id: str | None
    granted_on: date
    consent: list[str]


@dataclass
class Invitation:
    """An open invitation: someone of the network asked in by e-mail, with the role and consent they will get."""

    id: str
    name: str
    role: str
    contact_id: str | None
    scopes: list[str]
    on_behalf_of_client: bool  # consent chosen by the coordinator for the client, or by the client
    invited_by: str
    invited_on: date


@dataclass
class HelpRequest:
    """A task nobody does yet: someone asked for help with it (a spilmantelzorger, or the coordinator)."""

    id: str
    task: str
    support_type: str
    rhythm: str | None
    asked_by: str
    asked_on: date


STATE_TYPES: tuple[type, ...] = (
    Tie,
    Contact,
    Acquaintance,
    SupportRole,
    Goal,
    Grant,
    Invitation,
    HelpRequest,
)  # every state type a snapshot holds
