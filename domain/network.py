"""The Network aggregate: one client's ego network, every change an event."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain import burden, days
from domain.errors import DomainError, UnknownEntity
from domain.permissions import CLIENT_INVITES, CONSENT_SCOPES, INVITABLE_ROLES, NEEDS_CONSENT, ROLES
from domain.state import (
    Acquaintance,
    Contact,
    Goal,
    Grant,
    HelpRequest,
    Invitation,
    Stamp,
    SupportRole,
    Tie,
)
from domain.text import require_text
from domain.vocabulary import (
    CATEGORIES,
    CONTACT_MODES,
    DIRECTIONS,
    FIRST_REVIEW_AFTER_WEEKS,
    FLOWS,
    FREQUENCIES,
    HELP_CLOSED,
    INSTRUMENTS,
    LIVING_SITUATIONS,
    PROFESSIONAL_CATEGORIES,
    RELATIONS,
    RINGS,
    RISK_FACTORS,
    STRENGTHS,
    SUPPORT_TYPES,
    category_of,
)

CONTACT_DETAIL_FIELDS = (
    "name",
    "category",
    "ring",
    "known_since",
    "travel_minutes",
    "skills",
    "email",
    "phone",
    "person_ref",
    "relation",
    "lives_with_client",
    "contact_mode",
)
CONTACT_DETAIL_DEFAULTS: dict[str, Any] = {"skills": [], "lives_with_client": False}
HELP_QUESTION_MAX = 2000


def _require_choice(value: Any, choices: tuple[str, ...], field: str) -> None:
    if value not in choices:
        raise DomainError("invalid_choice", f"{value!r} is not one of {', '.join(choices)}.", field)


def _not_before(on: date, floor: date, field: str, what: str) -> None:
    if on < floor:
        raise DomainError(
            "date_out_of_order",
            f"{on.isoformat()} is before {what} ({floor.isoformat()}); record changes in the order they happened.",
            field,
            {"floor": floor},
        )


def acquaintance_key(a: str, b: str) -> str:
    """The order-free key of a pair of contacts."""
    return "|".join(sorted((a, b)))


class Network(Aggregate):
    """The ego network of one client, owned by the client."""

    as_of: date | None = None  # set on copies replayed up to a date (domain.history), never saved
    # the client's profile: class defaults, so that snapshots stored before it existed load as they are
    date_of_birth: date | None = None
    living_situation: str | None = None
    help_question: str = ""

    class Event(Aggregate.Event):
        recorded_by: str
        effective_on: date

        def mutate(self, aggregate: Any) -> Any:
            network = super().mutate(aggregate)
            assert network is not None
            network.latest_on = max(network.latest_on, self.effective_on)
            return network

    class NetworkOpened(Aggregate.Created, Event):
        client_name: str
        coordinator: str
        review_interval_weeks: int

    @classmethod
    def open(cls, client_name: str, coordinator: str, review_interval_weeks: int, stamp: Stamp) -> Network:
        """Open a network for a client."""
        require_text(client_name, "client_name")
        require_text(coordinator, "coordinator")
        _require_interval(review_interval_weeks)
        days.require_past(stamp.on, stamp.today, "effective_on")
        return cls(client_name, coordinator, review_interval_weeks, stamp.by, stamp.on)

    @event(NetworkOpened)
    def __init__(
        self,
        client_name: str,
        coordinator: str,
        review_interval_weeks: int,
        recorded_by: str,
        effective_on: date,
    ) -> None:
        self.client_name = client_name
        self.coordinator = coordinator
        self.review_interval_weeks = review_interval_weeks
        self.opened_on = effective_on
        self.status = "open"
        self.status_changed_on = effective_on
        self.contacts: dict[str, Contact] = {}
        self.acquaintances: dict[str, Acquaintance] = {}
        self.roles: dict[str, SupportRole] = {}
        self.spilmantelzorger_id: str | None = None
        self.spilmantelzorger_changed_on = effective_on
        self.burden_reported_on: dict[str, date] = {}  # carer -> day of their latest report
        self.last_reviewed_on: date | None = None
        self.goals: dict[str, Goal] = {}
        self.next_review_on = effective_on + timedelta(weeks=FIRST_REVIEW_AFTER_WEEKS)
        self.latest_on = effective_on  # the latest day anything recorded happened
        self.access: dict[str, Grant] = {}  # user id -> their role (the coordinator's is implicit)
        self.invitations: dict[str, Invitation] = {}  # the open ones
        self.help_requests: dict[str, HelpRequest] = {}  # the open ones

    # ----------------------------------------------------------------- rules
    def _check(self, stamp: Stamp, field: str = "effective_on", *, may_be_closed: bool = False) -> None:
        self._require_not_erased()
        if self.status == "closed" and not may_be_closed:
            raise DomainError("network_closed", "This network is closed; reopen it first.")
        days.require_past(stamp.on, stamp.today, field)
        _not_before(stamp.on, self.status_changed_on, field, "the network was opened or reopened")

    def _require_not_erased(self) -> None:
        if self.status == "erased":  # only a copy loaded just before the erasure can still be here
            raise DomainError("network_erased", "This network has been erased.")

    def _contact(self, contact_id: str, field: str) -> Contact:
        contact = self.contacts.get(contact_id)
        if contact is None or not contact.is_active:
            raise UnknownEntity("contact", contact_id, field)
        return contact

    def _changeable_contact(self, contact_id: str, stamp: Stamp, field: str = "effective_on") -> Contact:
        contact = self._contact(contact_id, "contact_id")
        _not_before(stamp.on, contact.changed_on, field, "the last change to this contact")
        return contact

    def _role(self, role_id: str) -> SupportRole:
        role = self.roles.get(role_id)
        if role is None or not role.is_active:
            raise UnknownEntity("role", role_id, "role_id")
        return role

    @property
    def active_contacts(self) -> list[Contact]:
        return [c for c in self.contacts.values() if c.is_active]

    @property
    def active_roles(self) -> list[SupportRole]:
        return [r for r in self.roles.values() if r.is_active]

    @property
    def former_contacts(self) -> list[Contact]:
        return [c for c in self.contacts.values() if not c.is_active]

    @property
    def acquaintance_list(self) -> list[Acquaintance]:
        return list(self.acquaintances.values())

    @property
    def goal_list(self) -> list[Goal]:
        return list(self.goals.values())

    @property
    def open_invitations(self) -> dict[str, Invitation]:
        """The invitations not yet accepted or withdrawn (networks snapshotted before invitations have none)."""
        found: dict[str, Invitation] = self.__dict__.setdefault("invitations", {})
        return found

    @property
    def open_help_requests(self) -> dict[str, HelpRequest]:
        """The tasks someone asked help with that nobody took on yet (none in networks snapshotted before)."""
        found: dict[str, HelpRequest] = self.__dict__.setdefault("help_requests", {})
        return found

    @property
    def spilmantelzorger(self) -> Contact | None:
        return self.contacts.get(self.spilmantelzorger_id) if self.spilmantelzorger_id else None

    # ------------------------------------------------------- client details
    class ClientDetailsChanged(Event):
        client_name: str

    def change_client_details(self, stamp: Stamp, client_name: str) -> None:
        """Change how the client is called."""
        self._check(stamp)
        require_text(client_name, "client_name")
        if client_name != self.client_name:
            self._change_client_details(client_name, stamp.by, stamp.on)

    @event(ClientDetailsChanged)
    def _change_client_details(self, client_name: str, recorded_by: str, effective_on: date) -> None:
        self.client_name = client_name

    class ClientBirthDateRecorded(Event):
        date_of_birth: date | None

    class LivingSituationChanged(Event):
        living_situation: str | None

    class HelpQuestionRecorded(Event):
        help_question: str

    def change_client_profile(self, stamp: Stamp, **profile: Any) -> None:
        """Record the client's date of birth, living situation or help question (in the client's own words);
        what is not given, or the same as now, records nothing."""
        self._check(stamp)
        unknown = set(profile) - {"date_of_birth", "living_situation", "help_question"}
        if unknown:
            raise DomainError("unknown_field", "Not part of the client's profile.", sorted(unknown)[0])
        born = profile.get("date_of_birth", self.date_of_birth)
        if born is not None:
            days.require_past(born, stamp.today, "date_of_birth")
        situation = profile.get("living_situation", self.living_situation)
        if situation is not None:
            _require_choice(situation, LIVING_SITUATIONS, "living_situation")
        question = profile.get("help_question", self.help_question)
        _require_help_question(question)
        if born != self.date_of_birth:
            self._record_birth_date(born, stamp.by, stamp.on)
        if situation != self.living_situation:
            self._change_living_situation(situation, stamp.by, stamp.on)
        if question != self.help_question:
            self._record_help_question(question, stamp.by, stamp.on)

    @event(ClientBirthDateRecorded)
    def _record_birth_date(self, date_of_birth: date | None, recorded_by: str, effective_on: date) -> None:
        self.date_of_birth = date_of_birth

    @event(LivingSituationChanged)
    def _change_living_situation(self, living_situation: str | None, recorded_by: str, effective_on: date) -> None:
        self.living_situation = living_situation

    @event(HelpQuestionRecorded)
    def _record_help_question(self, help_question: str, recorded_by: str, effective_on: date) -> None:
        self.help_question = help_question

    class CoordinatorChanged(Event):
        coordinator: str

    def change_coordinator(self, stamp: Stamp, coordinator: str) -> None:
        """Hand the network over to another coordinator (also a closed one: someone must still be able to reach,
        export and erase it)."""
        self._check(stamp, may_be_closed=True)
        require_text(coordinator, "coordinator")
        if coordinator != self.coordinator:
            self._change_coordinator(coordinator, stamp.by, stamp.on)

    @event(CoordinatorChanged)
    def _change_coordinator(self, coordinator: str, recorded_by: str, effective_on: date) -> None:
        self.coordinator = coordinator

    class ReviewIntervalChanged(Event):
        review_interval_weeks: int

    def change_review_interval(self, stamp: Stamp, weeks: int) -> None:
        """Revisit the network every so many weeks from now on."""
        self._check(stamp)
        _require_interval(weeks)
        if weeks != self.review_interval_weeks:
            self._change_review_interval(weeks, stamp.by, stamp.on)

    @event(ReviewIntervalChanged)
    def _change_review_interval(self, review_interval_weeks: int, recorded_by: str, effective_on: date) -> None:
        self.review_interval_weeks = review_interval_weeks
        if self.last_reviewed_on is not None:
            self.next_review_on = self.last_reviewed_on + timedelta(weeks=review_interval_weeks)

    class NetworkClosed(Event):
        reason: str

    def close(self, stamp: Stamp, reason: str) -> None:
        """Close the network: no changes until it is reopened."""
        self._check(stamp)
        _not_before(stamp.on, self.latest_on, "effective_on", "the latest change recorded in this network")
        self._close(reason, stamp.by, stamp.on)

    @event(NetworkClosed)
    def _close(self, reason: str, recorded_by: str, effective_on: date) -> None:
        self.status = "closed"
        self.status_changed_on = effective_on

    class NetworkReopened(Event):
        pass

    def reopen(self, stamp: Stamp) -> None:
        """Reopen a closed network."""
        self._require_not_erased()
        if self.status != "closed":
            raise DomainError("network_open", "This network is open already.")
        self._check(stamp, may_be_closed=True)
        self._reopen(stamp.by, stamp.on)

    @event(NetworkReopened)
    def _reopen(self, recorded_by: str, effective_on: date) -> None:
        self.status = "open"
        self.status_changed_on = effective_on

    class NetworkErased(Event):
        pass  # stored unencrypted: it carries no personal data, and the read side must still see it

    def erase(self, stamp: Stamp) -> None:
        """Erase the network for good (its key is destroyed next); erasing it again changes nothing."""
        if self.status != "erased":
            self._erase(stamp.by, stamp.today)

    @event(NetworkErased)
    def _erase(self, recorded_by: str, effective_on: date) -> None:
        self.status = "erased"
        self.status_changed_on = effective_on

    # ------------------------------------------------------------- contacts
    class ContactAdded(Event):
        contact_id: str
        name: str
        category: str
        ring: str
        known_since: date | None
        travel_minutes: int | None
        skills: list[str]
        email: str | None
        phone: str | None
        person_ref: str | None
        relation: str | None
        lives_with_client: bool
        contact_mode: str | None

        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """Contacts added before relations were asked: relation and contact mode unknown, not living with
            the client (as a snapshot's Contact of then loads too)."""
            state.update(relation=None, lives_with_client=False, contact_mode=None)

    def add_contact(self, stamp: Stamp, contact_id: str, **details: Any) -> None:
        """Add a person or organisation to the network; without a category, their relation gives it."""
        self._check(stamp)
        if contact_id in self.contacts:
            raise DomainError("duplicate_contact", "This contact id is taken.", "contact_id")
        details = {name: details.get(name, CONTACT_DETAIL_DEFAULTS.get(name)) for name in CONTACT_DETAIL_FIELDS}
        details["skills"] = list(details["skills"] or [])
        if details["category"] is None and details["relation"] in RELATIONS:
            details["category"] = category_of(details["relation"], bool(details["lives_with_client"]))
        _check_contact_details(details, stamp)
        self._add_contact(contact_id=contact_id, recorded_by=stamp.by, effective_on=stamp.on, **details)

    @event(ContactAdded)
    def _add_contact(
        self,
        contact_id: str,
        name: str,
        category: str,
        ring: str,
        known_since: date | None,
        travel_minutes: int | None,
        skills: list[str],
        email: str | None,
        phone: str | None,
        person_ref: str | None,
        relation: str | None,
        lives_with_client: bool,
        contact_mode: str | None,
        recorded_by: str,
        effective_on: date,
    ) -> None:
        self.contacts[contact_id] = Contact(
            contact_id,
            name,
            category,
            ring,
            known_since,
            travel_minutes,
            list(skills),
            email,
            phone,
            added_on=effective_on,
            changed_on=effective_on,
            person_ref=person_ref,
            relation=relation,
            lives_with_client=lives_with_client,
            contact_mode=contact_mode,
        )

    class ContactDetailsChanged(Event):
        contact_id: str
        changes: dict[str, Any]

    def change_contact_details(self, stamp: Stamp, contact_id: str, **changes: Any) -> None:
        """Change some of a contact's details; unchanged values record nothing. A new relation (or living with the
        client or not) moves them to its group, unless their group was chosen apart from the relation."""
        self._check(stamp)
        contact = self._contact(contact_id, "contact_id")
        unknown = set(changes) - set(CONTACT_DETAIL_FIELDS)
        if unknown:
            raise DomainError("unknown_field", "Not a contact detail.", sorted(unknown)[0])
        changes = {k: v for k, v in changes.items() if getattr(contact, k) != v}
        if "category" not in changes and {"relation", "lives_with_client"} & set(changes):
            changes |= _followed_category(contact, changes)
        if not changes:
            return
        _not_before(stamp.on, contact.changed_on, "effective_on", "the last change to this contact")
        merged = {name: changes.get(name, getattr(contact, name)) for name in CONTACT_DETAIL_FIELDS}
        _check_contact_details(merged, stamp)
        if contact_id == self.spilmantelzorger_id and merged["category"] in PROFESSIONAL_CATEGORIES:
            raise DomainError(
                "professional_spilmantelzorger",
                "The spilmantelzorger cannot be a professional; stand them down first.",
                "category",
            )
        self._change_contact_details(contact_id, changes, stamp.by, stamp.on)

    @event(ContactDetailsChanged)
    def _change_contact_details(
        self, contact_id: str, changes: dict[str, Any], recorded_by: str, effective_on: date
    ) -> None:
        contact = self.contacts[contact_id]
        for name, value in changes.items():
            setattr(contact, name, value)
        contact.changed_on = effective_on

    class ContactRemoved(Event):
        contact_id: str
        reason: str

    def remove_contact(self, stamp: Stamp, contact_id: str, reason: str) -> None:
        """Take a contact out of the network; their roles, acquaintances and designation end with them."""
        self._check(stamp)
        self._changeable_contact(contact_id, stamp)
        roles = [role for role in self.active_roles if role.contact_id == contact_id]
        pairs = [a for a in self.acquaintance_list if contact_id in a.contact_ids]
        floors = [(role.started_on, "the start of their role") for role in roles]
        floors += [(a.since, "the day they became acquainted") for a in pairs]
        if contact_id in self.burden_reported_on:
            floors.append((self.burden_reported_on[contact_id], "their last burden report"))
        if self.spilmantelzorger_id == contact_id:
            floors.append((self.spilmantelzorger_changed_on, "their designation"))
        for floor, what in floors:
            _not_before(stamp.on, floor, "effective_on", what)
        for role in roles:
            self._end_role(role.id, "contact_removed", stamp.by, stamp.on)
        for pair in pairs:
            self._end_acquaintance(list(pair.contact_ids), stamp.by, stamp.on)
        if self.spilmantelzorger_id == contact_id:
            self._stand_down_spilmantelzorger(contact_id, "contact_removed", stamp.by, stamp.on)
        self._remove_contact(contact_id, reason, stamp.by, stamp.on)

    @event(ContactRemoved)
    def _remove_contact(self, contact_id: str, reason: str, recorded_by: str, effective_on: date) -> None:
        contact = self.contacts[contact_id]
        contact.removed_on = effective_on
        contact.removal_reason = reason
        contact.changed_on = effective_on

    # ----------------------------------------------------------------- ties
    class TieRecorded(Event):
        contact_id: str
        strength: str
        stressful: bool
        flow: str
        frequency: str | None
        note: str

    class TieStrengthened(Event):
        contact_id: str
        strength: str
        note: str

    class TieWeakened(Event):
        contact_id: str
        strength: str
        note: str

    class TieStrained(Event):
        contact_id: str
        note: str

    class TieEased(Event):
        contact_id: str
        note: str

    class SupportFlowChanged(Event):
        contact_id: str
        flow: str
        note: str

    class ContactFrequencyChanged(Event):
        contact_id: str
        frequency: str | None
        note: str

    class TieEnded(Event):
        contact_id: str
        reason: str

    def assess_tie(
        self,
        stamp: Stamp,
        contact_id: str,
        strength: str,
        stressful: bool,
        flow: str,
        frequency: str | None,
        note: str = "",
    ) -> None:
        """Record how the tie is now; the events say what changed since the last assessment."""
        self._check(stamp)
        contact = self._contact(contact_id, "contact_id")
        _require_choice(strength, STRENGTHS, "strength")
        _require_choice(flow, FLOWS, "flow")
        if frequency is not None:
            _require_choice(frequency, FREQUENCIES, "frequency")
        by, on, tie = stamp.by, stamp.on, contact.tie
        if tie is not None and (tie.strength, tie.stressful, tie.flow, tie.frequency) == (
            strength,
            stressful,
            flow,
            frequency,
        ):
            return
        _not_before(on, contact.changed_on, "effective_on", "the last change to this contact")
        if tie is None:
            self._record_tie(contact_id, strength, stressful, flow, frequency, note, by, on)
            return
        old, new = STRENGTHS.index(tie.strength), STRENGTHS.index(strength)
        if new > old:
            self._strengthen_tie(contact_id, strength, note, by, on)
        elif new < old:
            self._weaken_tie(contact_id, strength, note, by, on)
        if stressful and not tie.stressful:
            self._strain_tie(contact_id, note, by, on)
        elif tie.stressful and not stressful:
            self._ease_tie(contact_id, note, by, on)
        if flow != tie.flow:
            self._change_support_flow(contact_id, flow, note, by, on)
        if frequency != tie.frequency:
            self._change_contact_frequency(contact_id, frequency, note, by, on)

    def _tie(self, contact_id: str, effective_on: date, note: str | None = None) -> Tie:
        contact = self.contacts[contact_id]
        assert contact.tie is not None
        contact.changed_on = contact.tie.changed_on = effective_on
        if note:
            contact.tie.note = note
        return contact.tie

    @event(TieRecorded)
    def _record_tie(
        self,
        contact_id: str,
        strength: str,
        stressful: bool,
        flow: str,
        frequency: str | None,
        note: str,
        recorded_by: str,
        effective_on: date,
    ) -> None:
        contact = self.contacts[contact_id]
        contact.tie = Tie(strength, stressful, flow, frequency, note, effective_on, effective_on)
        contact.changed_on = effective_on

    @event(TieStrengthened)
    def _strengthen_tie(self, contact_id: str, strength: str, note: str, recorded_by: str, effective_on: date) -> None:
        self._tie(contact_id, effective_on, note).strength = strength

    @event(TieWeakened)
    def _weaken_tie(self, contact_id: str, strength: str, note: str, recorded_by: str, effective_on: date) -> None:
        self._tie(contact_id, effective_on, note).strength = strength

    @event(TieStrained)
    def _strain_tie(self, contact_id: str, note: str, recorded_by: str, effective_on: date) -> None:
        self._tie(contact_id, effective_on, note).stressful = True

    @event(TieEased)
    def _ease_tie(self, contact_id: str, note: str, recorded_by: str, effective_on: date) -> None:
        self._tie(contact_id, effective_on, note).stressful = False

    @event(SupportFlowChanged)
    def _change_support_flow(self, contact_id: str, flow: str, note: str, recorded_by: str, effective_on: date) -> None:
        self._tie(contact_id, effective_on, note).flow = flow

    @event(ContactFrequencyChanged)
    def _change_contact_frequency(
        self, contact_id: str, frequency: str | None, note: str, recorded_by: str, effective_on: date
    ) -> None:
        self._tie(contact_id, effective_on, note).frequency = frequency

    def end_tie(self, stamp: Stamp, contact_id: str, reason: str) -> None:
        """The tie is gone, though the contact is still known to the client."""
        self._check(stamp)
        contact = self._changeable_contact(contact_id, stamp)
        if contact.tie is None:
            raise DomainError("no_tie", "There is no tie with this contact to end.", "contact_id")
        self._end_tie(contact_id, reason, stamp.by, stamp.on)

    @event(TieEnded)
    def _end_tie(self, contact_id: str, reason: str, recorded_by: str, effective_on: date) -> None:
        contact = self.contacts[contact_id]
        contact.tie = None
        contact.changed_on = effective_on

    # -------------------------------------------------------- acquaintances
    class ContactsAcquainted(Event):
        contact_ids: list[str]

    class AcquaintanceEnded(Event):
        contact_ids: list[str]

    def _pair(self, stamp: Stamp, first: str, second: str) -> list[str]:
        self._check(stamp)
        if first == second:
            raise DomainError("self_tie", "A contact cannot be acquainted with themselves.", "contact_ids")
        for contact_id in (first, second):
            _not_before(
                stamp.on,
                self._contact(contact_id, "contact_ids").added_on,
                "effective_on",
                "the day a contact was added",
            )
        return sorted((first, second))

    def record_acquaintance(self, stamp: Stamp, first: str, second: str) -> None:
        """Two contacts know each other."""
        pair = self._pair(stamp, first, second)
        if acquaintance_key(*pair) not in self.acquaintances:
            self._acquaint(pair, stamp.by, stamp.on)

    @event(ContactsAcquainted)
    def _acquaint(self, contact_ids: list[str], recorded_by: str, effective_on: date) -> None:
        self.acquaintances[acquaintance_key(*contact_ids)] = Acquaintance(list(contact_ids), effective_on)

    def end_acquaintance(self, stamp: Stamp, first: str, second: str) -> None:
        """Two contacts no longer know each other (or never did)."""
        pair = self._pair(stamp, first, second)
        known = self.acquaintances.get(acquaintance_key(*pair))
        if known is None:
            raise DomainError("not_acquainted", "These contacts are not recorded as acquainted.", "contact_ids")
        _not_before(stamp.on, known.since, "effective_on", "the day they became acquainted")
        self._end_acquaintance(pair, stamp.by, stamp.on)

    @event(AcquaintanceEnded)
    def _end_acquaintance(self, contact_ids: list[str], recorded_by: str, effective_on: date) -> None:
        del self.acquaintances[acquaintance_key(*contact_ids)]

    # ---------------------------------------------------------------- roles
    class SupportRoleAssigned(Event):
        role_id: str
        contact_id: str
        support_type: str
        direction: str
        task: str
        rhythm: str | None

    class SupportRoleEnded(Event):
        role_id: str
        reason: str

    def assign_role(
        self,
        stamp: Stamp,
        role_id: str,
        contact_id: str,
        support_type: str,
        direction: str,
        task: str,
        rhythm: str | None,
    ) -> None:
        """A contact takes on a concrete task, with a rhythm."""
        self._check(stamp)
        contact = self._contact(contact_id, "contact_id")
        _not_before(stamp.on, contact.added_on, "effective_on", "the day the contact was added")
        _require_choice(support_type, SUPPORT_TYPES, "support_type")
        _require_choice(direction, DIRECTIONS, "direction")
        require_text(task, "task")
        if role_id in self.roles:
            raise DomainError("duplicate_role", "This role id is taken.", "role_id")
        self._assign_role(role_id, contact_id, support_type, direction, task, rhythm, stamp.by, stamp.on)

    @event(SupportRoleAssigned)
    def _assign_role(
        self,
        role_id: str,
        contact_id: str,
        support_type: str,
        direction: str,
        task: str,
        rhythm: str | None,
        recorded_by: str,
        effective_on: date,
    ) -> None:
        self.roles[role_id] = SupportRole(role_id, contact_id, support_type, direction, task, rhythm, effective_on)

    def end_role(self, stamp: Stamp, role_id: str, reason: str) -> None:
        """A task is no longer done by this contact."""
        self._check(stamp)
        role = self._role(role_id)
        _not_before(stamp.on, role.started_on, "effective_on", "the start of the role")
        self._end_role(role_id, reason, stamp.by, stamp.on)

    @event(SupportRoleEnded)
    def _end_role(self, role_id: str, reason: str, recorded_by: str, effective_on: date) -> None:
        role = self.roles[role_id]
        role.ended_on = effective_on
        role.end_reason = reason

    # -------------------------------------------------------- help requests
    class HelpRequested(Event):
        request_id: str
        task: str
        support_type: str
        rhythm: str | None

    class HelpRequestClosed(Event):
        request_id: str
        reason: str  # HELP_CLOSED: someone took it on (role_id names their task), or it is no longer needed
        role_id: str | None

    def ask_for_help(
        self, stamp: Stamp, request_id: str, task: str, support_type: str, rhythm: str | None = None
    ) -> None:
        """A task nobody does yet: whoever asks (a spilmantelzorger, the coordinator) hopes someone takes it on."""
        self._check(stamp)
        require_text(task, "task")
        _require_choice(support_type, SUPPORT_TYPES, "support_type")
        if request_id in self.open_help_requests:
            raise DomainError("duplicate_request", "This request id is taken.", "request_id")
        self._ask_for_help(request_id, task, support_type, rhythm, stamp.by, stamp.on)

    @event(HelpRequested)
    def _ask_for_help(
        self, request_id: str, task: str, support_type: str, rhythm: str | None, recorded_by: str, effective_on: date
    ) -> None:
        self.open_help_requests[request_id] = HelpRequest(
            request_id, task, support_type, rhythm, recorded_by, effective_on
        )

    def close_help_request(self, stamp: Stamp, request_id: str, reason: str, role_id: str | None = None) -> None:
        """The help asked for is no longer needed, or someone took the task on (their role)."""
        self._check(stamp)
        _require_choice(reason, HELP_CLOSED, "reason")
        asked = self.open_help_requests.get(request_id)
        if asked is None:
            raise UnknownEntity("help request", request_id, "request_id")
        _not_before(stamp.on, asked.asked_on, "effective_on", "the day help was asked")
        if (reason == "taken_on") != (role_id is not None):
            raise DomainError("role_required", "A request is taken on by a role, and only then.", "role_id")
        if role_id is not None:
            self._role(role_id)
        self._close_help_request(request_id, reason, role_id, stamp.by, stamp.on)

    @event(HelpRequestClosed)
    def _close_help_request(
        self, request_id: str, reason: str, role_id: str | None, recorded_by: str, effective_on: date
    ) -> None:
        del self.open_help_requests[request_id]

    # ----------------------------------------------------- spilmantelzorger
    class SpilmantelzorgerDesignated(Event):
        contact_id: str

    class SpilmantelzorgerStoodDown(Event):
        contact_id: str
        reason: str

    def designate_spilmantelzorger(self, stamp: Stamp, contact_id: str) -> None:
        """Make an informal contact the lead carer; any previous one stands down."""
        self._check(stamp)
        contact = self._contact(contact_id, "contact_id")
        if contact.category in PROFESSIONAL_CATEGORIES:
            raise DomainError(
                "professional_spilmantelzorger",
                "A professional cannot be the spilmantelzorger; choose an informal carer.",
                "contact_id",
            )
        _not_before(stamp.on, contact.added_on, "effective_on", "the day the contact was added")
        _not_before(stamp.on, self.spilmantelzorger_changed_on, "effective_on", "the last change of spilmantelzorger")
        if self.spilmantelzorger_id == contact_id:
            return
        if self.spilmantelzorger_id is not None:
            self._stand_down_spilmantelzorger(self.spilmantelzorger_id, "replaced", stamp.by, stamp.on)
        self._designate_spilmantelzorger(contact_id, stamp.by, stamp.on)

    @event(SpilmantelzorgerDesignated)
    def _designate_spilmantelzorger(self, contact_id: str, recorded_by: str, effective_on: date) -> None:
        self.spilmantelzorger_id = contact_id
        self.spilmantelzorger_changed_on = effective_on

    def stand_down_spilmantelzorger(self, stamp: Stamp, reason: str) -> None:
        """The lead carer steps back."""
        self._check(stamp)
        if self.spilmantelzorger_id is None:
            raise DomainError("no_spilmantelzorger", "This network has no spilmantelzorger.")
        _not_before(stamp.on, self.spilmantelzorger_changed_on, "effective_on", "the last change of spilmantelzorger")
        self._stand_down_spilmantelzorger(self.spilmantelzorger_id, reason, stamp.by, stamp.on)

    @event(SpilmantelzorgerStoodDown)
    def _stand_down_spilmantelzorger(self, contact_id: str, reason: str, recorded_by: str, effective_on: date) -> None:
        self.spilmantelzorger_id = None
        self.spilmantelzorger_changed_on = effective_on

    # --------------------------------------------------------------- burden
    class CarerBurdenReported(Event):
        report_id: str
        carer_id: str
        instrument: str
        answers: list[Any]

    def report_burden(self, stamp: Stamp, report_id: str, carer_id: str, instrument: str, answers: list[Any]) -> None:
        """Store a carer's questionnaire answers as given (scored on reading)."""
        self._check(stamp, "reported_on")
        carer = self._contact(carer_id, "carer_id")
        if carer.category in PROFESSIONAL_CATEGORIES:
            raise DomainError("professional_carer", "Carer burden is asked of informal carers only.", "carer_id")
        _not_before(stamp.on, carer.added_on, "reported_on", "the day the carer was added")
        _require_choice(instrument, INSTRUMENTS, "instrument")
        burden.validate(instrument, answers)
        self._report_burden(report_id, carer_id, instrument, list(answers), stamp.by, stamp.on)

    @event(CarerBurdenReported)
    def _report_burden(
        self, report_id: str, carer_id: str, instrument: str, answers: list[Any], recorded_by: str, effective_on: date
    ) -> None:
        self.burden_reported_on[carer_id] = effective_on  # the answers live in the event (and the records view)

    class CarerRiskFactorsReported(Event):
        carer_id: str
        factors: list[str]

    def report_carer_risks(self, stamp: Stamp, carer_id: str, factors: list[str]) -> None:
        """The MantelScan risk signals that hold for a carer now (an empty list: none any more)."""
        self._check(stamp)
        carer = self._contact(carer_id, "carer_id")
        _not_before(stamp.on, carer.added_on, "effective_on", "the day the carer was added")
        for index, factor in enumerate(factors):
            _require_choice(factor, RISK_FACTORS, f"factors.{index}")
        self._report_carer_risks(carer_id, sorted(set(factors)), stamp.by, stamp.on)

    @event(CarerRiskFactorsReported)
    def _report_carer_risks(self, carer_id: str, factors: list[str], recorded_by: str, effective_on: date) -> None:
        pass  # kept in the event and the read side

    # ------------------------------------------------- reviews and meetings
    class NetworkReviewed(Event):
        participants: list[str]  # others, by name
        summary: str
        next_review_on: date
        participant_ids: list[str]  # people of the network who took part
        client_took_part: bool | None  # None: not asked (reviews recorded before this was)

        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """Reviews recorded before participants were picked from the network: only names, the client unasked."""
            state.update(participant_ids=[], client_took_part=None)

    def review(
        self,
        stamp: Stamp,
        participants: list[str],
        summary: str,
        next_review_on: date | None,
        participant_ids: list[str] | None = None,
        client_took_part: bool | None = None,
    ) -> None:
        """The network was brought up again (with these people of the network, and the client or not); the next
        review is due then."""
        self._check(stamp, "held_on")
        people = self._present(participant_ids or [], "participant_ids", stamp)
        if self.last_reviewed_on is not None:
            _not_before(stamp.on, self.last_reviewed_on, "held_on", "the previous review")
        if next_review_on is not None:
            days.require_planned(next_review_on, stamp.today, "next_review_on")
        next_on = next_review_on or stamp.on + timedelta(weeks=self.review_interval_weeks)
        if next_on <= stamp.on:
            raise DomainError("next_review_not_after", "The next review must come after this one.", "next_review_on")
        self._review(list(participants), summary, next_on, people, client_took_part, stamp.by, stamp.on)

    @event(NetworkReviewed)
    def _review(
        self,
        participants: list[str],
        summary: str,
        next_review_on: date,
        participant_ids: list[str],
        client_took_part: bool | None,
        recorded_by: str,
        effective_on: date,
    ) -> None:
        self.last_reviewed_on = effective_on
        self.next_review_on = next_review_on

    def _present(self, contact_ids: list[str], field: str, stamp: Stamp) -> list[str]:
        """People of the network who were there (each once, in the order given)."""
        for index, contact_id in enumerate(contact_ids):
            contact = self._contact(contact_id, f"{field}.{index}")
            _not_before(stamp.on, contact.added_on, f"{field}.{index}", "the day they were added")
        return list(dict.fromkeys(contact_ids))

    class SupportGroupMeetingHeld(Event):
        attendees: list[str]  # others, by name
        agreements: list[str]
        attendee_ids: list[str]  # people of the network who came
        client_took_part: bool | None  # None: not asked (meetings recorded before this was)

        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """Meetings recorded before attendees were picked from the network: only names, the client unasked."""
            state.update(attendee_ids=[], client_took_part=None)

    def hold_meeting(
        self,
        stamp: Stamp,
        attendees: list[str],
        agreements: list[str],
        attendee_ids: list[str] | None = None,
        client_took_part: bool | None = None,
    ) -> None:
        """The support group met (these people of the network, others by name, the client or not) and agreed on
        these things."""
        self._check(stamp, "held_on")
        people = self._present(attendee_ids or [], "attendee_ids", stamp)
        self._hold_meeting(list(attendees), list(agreements), people, client_took_part, stamp.by, stamp.on)

    @event(SupportGroupMeetingHeld)
    def _hold_meeting(
        self,
        attendees: list[str],
        agreements: list[str],
        attendee_ids: list[str],
        client_took_part: bool | None,
        recorded_by: str,
        effective_on: date,
    ) -> None:
        pass  # attendees and agreements live in the event (and the records view)

    # --------------------------------------------------------- goals, notes
    class GoalSet(Event):
        goal_id: str
        title: str
        due_on: date | None

    class GoalCompleted(Event):
        goal_id: str

    def set_goal(self, stamp: Stamp, goal_id: str, title: str, due_on: date | None) -> None:
        """Add a goal to the action plan."""
        self._check(stamp)
        require_text(title, "title")
        if goal_id in self.goals:
            raise DomainError("duplicate_goal", "This goal id is taken.", "goal_id")
        if due_on is not None:
            days.require_planned(due_on, stamp.today, "due_on")
        if due_on is not None and due_on < stamp.on:
            raise DomainError("due_before_set", "A goal cannot be due before it is set.", "due_on")
        self._set_goal(goal_id, title, due_on, stamp.by, stamp.on)

    @event(GoalSet)
    def _set_goal(self, goal_id: str, title: str, due_on: date | None, recorded_by: str, effective_on: date) -> None:
        self.goals[goal_id] = Goal(goal_id, title, due_on, effective_on)

    def complete_goal(self, stamp: Stamp, goal_id: str) -> None:
        """A goal was reached."""
        self._check(stamp)
        goal = self.goals.get(goal_id)
        if goal is None or goal.completed_on is not None:
            raise UnknownEntity("open goal", goal_id, "goal_id")
        _not_before(stamp.on, goal.set_on, "effective_on", "the day the goal was set")
        self._complete_goal(goal_id, stamp.by, stamp.on)

    @event(GoalCompleted)
    def _complete_goal(self, goal_id: str, recorded_by: str, effective_on: date) -> None:
        self.goals[goal_id].completed_on = effective_on

    class NoteAdded(Event):
        note_id: str
        text: str

    def add_note(self, stamp: Stamp, note_id: str, text: str) -> None:
        """Write a note on the network."""
        self._check(stamp)
        require_text(text, "text", multiline=True)
        self._add_note(note_id, text, stamp.by, stamp.on)

    @event(NoteAdded)
    def _add_note(self, note_id: str, text: str, recorded_by: str, effective_on: date) -> None:
        pass  # the text lives in the event (and the records view), not in the network's state

    # ------------------------------------------------- access and consent
    class AccessGranted(Event):
        user_id: str
        role: str
        contact_id: str | None

    class AccessRevoked(Event):
        user_id: str

    class ConsentGiven(Event):
        user_id: str
        scopes: list[str]
        on_behalf_of_client: bool

    class ConsentWithdrawn(Event):
        user_id: str
        scopes: list[str]
        on_behalf_of_client: bool

    def role_of(self, user_id: str) -> str | None:
        """The user's role on this network, if any."""
        if user_id == self.coordinator:
            return "coordinator"
        grant = self.access.get(user_id)
        return grant.role if grant else None

    def grant_access(self, stamp: Stamp, user_id: str, role: str, contact_id: str | None = None) -> None:
        """Give a user a role on the network (a new role replaces the old one)."""
        self._check(stamp)
        require_text(user_id, "user_id")
        _require_choice(role, ROLES, "role")
        if user_id == self.coordinator:
            raise DomainError("is_coordinator", "This user coordinates the network already.", "user_id")
        if contact_id is not None:
            self._contact(contact_id, "contact_id")
        current = self.access.get(user_id)
        if current is not None and (current.role, current.contact_id) == (role, contact_id):
            return
        self._grant_access(user_id, role, contact_id, stamp.by, stamp.on)

    @event(AccessGranted)
    def _grant_access(
        self, user_id: str, role: str, contact_id: str | None, recorded_by: str, effective_on: date
    ) -> None:
        before = self.access.get(user_id)
        consent = before.consent if before is not None and role in NEEDS_CONSENT else []
        self.access[user_id] = Grant(user_id, role, contact_id, effective_on, consent)

    def revoke_access(self, stamp: Stamp, user_id: str) -> None:
        """Take a user's role away (also on a closed network)."""
        self._check(stamp, may_be_closed=True)
        self._grant(user_id)
        self._revoke_access(user_id, stamp.by, stamp.on)

    @event(AccessRevoked)
    def _revoke_access(self, user_id: str, recorded_by: str, effective_on: date) -> None:
        del self.access[user_id]

    def _grant(self, user_id: str) -> Grant:
        grant = self.access.get(user_id)
        if grant is None:
            raise UnknownEntity("user with access", user_id, "user_id")
        return grant

    def set_consent(self, stamp: Stamp, user_id: str, scopes: list[str], on_behalf_of_client: bool) -> None:
        """What the client lets this person see (map, burden, notes); what is left out is withdrawn at once."""
        self._check(stamp, may_be_closed=True)
        grant = self._grant(user_id)
        for index, scope in enumerate(scopes):
            _require_choice(scope, CONSENT_SCOPES, f"scopes.{index}")
        if grant.role not in NEEDS_CONSENT:
            raise DomainError(
                "consent_not_needed", f"A {grant.role} needs no consent; consent is for carers and members.", "user_id"
            )
        wanted = set(scopes)
        withdrawn = sorted(set(grant.consent) - wanted)
        given = sorted(wanted - set(grant.consent))
        if withdrawn:
            self._withdraw_consent(user_id, withdrawn, on_behalf_of_client, stamp.by, stamp.on)
        if given:
            self._give_consent(user_id, given, on_behalf_of_client, stamp.by, stamp.on)

    @event(ConsentGiven)
    def _give_consent(
        self, user_id: str, scopes: list[str], on_behalf_of_client: bool, recorded_by: str, effective_on: date
    ) -> None:
        grant = self.access[user_id]
        grant.consent = sorted(set(grant.consent) | set(scopes))

    @event(ConsentWithdrawn)
    def _withdraw_consent(
        self, user_id: str, scopes: list[str], on_behalf_of_client: bool, recorded_by: str, effective_on: date
    ) -> None:
        grant = self.access[user_id]
        grant.consent = sorted(set(grant.consent) - set(scopes))

    # ---------------------------------------------------------- invitations
    class PersonInvited(Event):
        invitation_id: str
        name: str
        role: str
        contact_id: str | None
        scopes: list[str]
        on_behalf_of_client: bool

    class InvitationAccepted(Event):
        invitation_id: str
        user_id: str

    class InvitationWithdrawn(Event):
        invitation_id: str

    def invite(
        self,
        stamp: Stamp,
        invitation_id: str,
        name: str,
        role: str,
        contact_id: str | None = None,
        scopes: list[str] | None = None,
    ) -> None:
        """Ask someone of the network in, as a guest with this role and consent. Only the coordinator and the
        client invite; the client only a member (the consent is theirs to give), and nobody a coordinator."""
        self._check(stamp)
        require_text(name, "name")
        _require_choice(role, INVITABLE_ROLES, "role")
        inviter = self.role_of(stamp.by)
        if inviter not in ("coordinator", "client"):
            raise DomainError("may_not_invite", "Only the coordinator and the client invite people.", "role")
        if inviter == "client" and role not in CLIENT_INVITES:
            raise DomainError("role_not_yours", f"The client invites as {', '.join(CLIENT_INVITES)} only.", "role")
        if contact_id is not None:
            self._contact(contact_id, "contact_id")
        wanted = list(scopes or [])
        for index, scope in enumerate(wanted):
            _require_choice(scope, CONSENT_SCOPES, f"scopes.{index}")
        if wanted and role not in NEEDS_CONSENT:
            raise DomainError("consent_not_needed", f"A {role} needs no consent.", "scopes")
        if invitation_id in self.open_invitations:
            raise DomainError("duplicate_invitation", "This invitation id is taken.", "invitation_id")
        scopes_given = sorted(set(wanted))
        self._invite(invitation_id, name, role, contact_id, scopes_given, inviter != "client", stamp.by, stamp.on)

    @event(PersonInvited)
    def _invite(
        self,
        invitation_id: str,
        name: str,
        role: str,
        contact_id: str | None,
        scopes: list[str],
        on_behalf_of_client: bool,
        recorded_by: str,
        effective_on: date,
    ) -> None:
        self.open_invitations[invitation_id] = Invitation(
            invitation_id, name, role, contact_id, scopes, on_behalf_of_client, recorded_by, effective_on
        )

    def _open_invitation(self, invitation_id: str) -> Invitation:
        invitation = self.open_invitations.get(invitation_id)
        if invitation is None:
            raise DomainError(
                "invitation_closed", "This invitation was accepted or withdrawn already.", "invitation_id"
            )
        return invitation

    def accept_invitation(self, stamp: Stamp, invitation_id: str, user_id: str) -> None:
        """The invitee (stamp.by) accepts: they get the role and the consent of the invitation, recorded in the
        name of whoever invited them, who decided it (a contact removed meanwhile is left out)."""
        self._check(stamp)
        invitation = self._open_invitation(invitation_id)
        require_text(user_id, "user_id")
        if user_id == self.coordinator:
            raise DomainError("is_coordinator", "This user coordinates the network already.", "user_id")
        self._accept_invitation(invitation_id, user_id, stamp.by, stamp.on)
        contact = invitation.contact_id
        if contact is not None and not (contact in self.contacts and self.contacts[contact].is_active):
            contact = None
        current = self.access.get(user_id)
        if current is None or (current.role, current.contact_id) != (invitation.role, contact):
            self._grant_access(user_id, invitation.role, contact, invitation.invited_by, stamp.on)
        consent = set(self.access[user_id].consent)
        wanted = set(invitation.scopes) if invitation.role in NEEDS_CONSENT else consent
        behalf, by = invitation.on_behalf_of_client, invitation.invited_by
        if consent - wanted:
            self._withdraw_consent(user_id, sorted(consent - wanted), behalf, by, stamp.on)
        if wanted - consent:
            self._give_consent(user_id, sorted(wanted - consent), behalf, by, stamp.on)

    @event(InvitationAccepted)
    def _accept_invitation(self, invitation_id: str, user_id: str, recorded_by: str, effective_on: date) -> None:
        del self.open_invitations[invitation_id]

    def withdraw_invitation(self, stamp: Stamp, invitation_id: str) -> None:
        """The invitation no longer holds (also on a closed network); the client withdraws only their own."""
        self._check(stamp, may_be_closed=True)
        invitation = self._open_invitation(invitation_id)
        if self.role_of(stamp.by) == "client" and invitation.invited_by != stamp.by:
            raise DomainError(
                "not_your_invitation", "The client withdraws only the invitations they made.", "invitation_id"
            )
        self._withdraw_invitation(invitation_id, stamp.by, stamp.on)

    @event(InvitationWithdrawn)
    def _withdraw_invitation(self, invitation_id: str, recorded_by: str, effective_on: date) -> None:
        del self.open_invitations[invitation_id]


TIE_EVENTS: tuple[type[Network.Event], ...] = (
    Network.TieRecorded,
    Network.TieStrengthened,
    Network.TieWeakened,
    Network.TieStrained,
    Network.TieEased,
    Network.SupportFlowChanged,
    Network.ContactFrequencyChanged,
    Network.TieEnded,
)  # every event that changes a tie between the client and a contact


def _require_interval(weeks: int) -> None:
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 104:
        raise DomainError("invalid_interval", "The review interval is 1 to 104 weeks.", "review_interval_weeks")


def _require_help_question(question: Any) -> None:
    if not isinstance(question, str) or len(question) > HELP_QUESTION_MAX:
        raise DomainError(
            "invalid_help_question",
            f"The help question is text of at most {HELP_QUESTION_MAX} characters.",
            "help_question",
            {"max": HELP_QUESTION_MAX},
        )
    if question:
        require_text(question, "help_question", multiline=True)


def _followed_category(contact: Contact, changes: dict[str, Any]) -> dict[str, Any]:
    """The group a change of relation (or of living with the client) moves a contact to: the new relation's,
    if their group was the old relation's; a group chosen apart from the relation stays."""
    relation = changes.get("relation", contact.relation)
    lives_with = bool(changes.get("lives_with_client", contact.lives_with_client))
    if relation not in RELATIONS:
        return {}
    followed = contact.relation is None or contact.category == category_of(contact.relation, contact.lives_with_client)
    new = category_of(relation, lives_with)
    return {"category": new} if followed and new != contact.category else {}


def _check_contact_details(details: dict[str, Any], stamp: Stamp) -> None:
    require_text(details["name"], "name")
    if details["relation"] is not None:
        _require_choice(details["relation"], RELATIONS, "relation")
    if details["category"] is None:
        raise DomainError("required", "Give the contact's group (category), or their relation.", "category")
    _require_choice(details["category"], CATEGORIES, "category")
    if not isinstance(details["lives_with_client"], bool):
        raise DomainError("invalid_choice", "Lives with the client: true or false.", "lives_with_client")
    if details["contact_mode"] is not None:
        _require_choice(details["contact_mode"], CONTACT_MODES, "contact_mode")
    _require_choice(details["ring"], RINGS, "ring")
    known_since = details["known_since"]
    if known_since is not None:
        days.require_past(known_since, stamp.today, "known_since")
    minutes = details["travel_minutes"]
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0):
        raise DomainError(
            "invalid_travel_minutes", "Travel time is a whole number of minutes, 0 or more.", "travel_minutes"
        )
