"""Mapping a network with the client in one sitting: the client's profile, many people each with their tie and
their tasks, who knows whom and the spilmantelzorger, recorded as the network's own events, all dated the day of
the sitting, on one aggregate and saved at once (or, if any row is refused, nothing at all).

The intake page saves it in three steps (people, who knows whom, the spilmantelzorger), the API in one call;
both come here. A refusal names the row and field it is about: `people.3.name`, `people.1.tasks.0.task`,
`acquaintances.2`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from domain.errors import DomainError, UnknownEntity
from domain.network import Network, acquaintance_key
from domain.state import Stamp
from domain.vocabulary import DEFAULT_REVIEW_INTERVAL_WEEKS
from services.application.kring import Context, Kring
from services.application.networks import Outcome

NOT_ABOUT_A_ROW = frozenset({"network_closed", "network_erased"})  # refused as any command is


@dataclass
class Person:
    """One row: a new person (no contact_id) or one already in the network, their tie and new tasks."""

    details: dict[str, Any]  # as add_contact and change_contact_details take them; only those given change
    contact_id: str | None = None
    ref: str | None = None  # how the other parts of the same intake name a new person
    tie: dict[str, Any] | None = None  # strength, stressful, flow, frequency; None: not assessed now
    tasks: list[dict[str, Any]] = field(default_factory=list)  # support_type, task, rhythm, direction


@dataclass
class Intake:
    """What one sitting records; pairs and the spilmantelzorger name a person's ref or a contact id."""

    people: list[Person] = field(default_factory=list)
    profile: dict[str, Any] = field(default_factory=dict)  # date_of_birth, living_situation, help_question
    acquaintances: list[tuple[str, str]] = field(default_factory=list)
    acquaintances_ended: list[tuple[str, str]] = field(default_factory=list)
    spilmantelzorger: str | None = None


@dataclass
class Recorded:
    """What the intake recorded: each row's contact id, and counts."""

    held_on: date
    contact_ids: list[str] = field(default_factory=list)
    contacts_added: int = 0
    contacts_changed: int = 0
    ties_assessed: int = 0
    tasks_assigned: int = 0
    acquaintances_recorded: int = 0
    acquaintances_ended: int = 0
    spilmantelzorger: str | None = None
    outcome: Outcome | None = None

    @property
    def saved(self) -> Outcome:
        """The outcome of the save (there is one once the intake is recorded)."""
        assert self.outcome is not None
        return self.outcome


@contextmanager
def at(path: str) -> Iterator[None]:
    """A domain rule that refuses part of the intake, named by where it is: `people.3.name`."""
    try:
        yield
    except DomainError as error:
        if error.code not in NOT_ABOUT_A_ROW:
            error.field = _where(path, error.field)
        raise


def _where(path: str, name: str | None) -> str:
    """The field of the intake a refusal is about: the row (or pair) itself, or one of its fields."""
    if name in (None, "effective_on", "contact_id", "contact_ids"):
        return path or "held_on"  # outside any row: the day of the sitting
    return f"{path}.{name}" if path else str(name)


def record(network: Network, intake: Intake, stamp: Stamp, new_id: Callable[[], str]) -> Recorded:
    """Apply the intake to the network in memory (nothing is saved here)."""
    done = Recorded(stamp.on)
    if intake.profile:
        with at("client"):
            network.change_client_profile(stamp, **intake.profile)
    refs: dict[str, str] = {}
    for index, person in enumerate(intake.people):
        contact_id = _person(network, person, stamp, new_id, done, f"people.{index}")
        done.contact_ids.append(contact_id)
        if person.ref:
            refs[person.ref] = contact_id
    for index, pair in enumerate(intake.acquaintances):
        with at(f"acquaintances.{index}"):
            first, second = (_resolve(network, refs, ref) for ref in pair)
            if acquaintance_key(first, second) not in network.acquaintances:
                network.record_acquaintance(stamp, first, second)
                done.acquaintances_recorded += 1
    for index, pair in enumerate(intake.acquaintances_ended):
        with at(f"acquaintances_ended.{index}"):
            network.end_acquaintance(stamp, *(_resolve(network, refs, ref) for ref in pair))
            done.acquaintances_ended += 1
    if intake.spilmantelzorger is not None:
        with at("spilmantelzorger"):
            chosen = _resolve(network, refs, intake.spilmantelzorger)
            network.designate_spilmantelzorger(stamp, chosen)
            done.spilmantelzorger = network.contacts[chosen].name
    return done


def _person(  # noqa: PLR0913 - one row, where it goes, and what it adds to the count
    network: Network, person: Person, stamp: Stamp, new_id: Callable[[], str], done: Recorded, path: str
) -> str:
    with at(path):
        if person.contact_id is None:
            contact_id = new_id()
            network.add_contact(stamp, contact_id, **person.details)
            done.contacts_added += 1
        else:
            contact_id = person.contact_id
            before = network.version
            network.change_contact_details(stamp, contact_id, **person.details)
            done.contacts_changed += network.version > before
        if person.tie is not None:
            before = network.version
            network.assess_tie(stamp, contact_id, **person.tie)
            done.ties_assessed += network.version > before
    for index, task in enumerate(person.tasks):
        with at(f"{path}.tasks.{index}"):
            network.assign_role(stamp, new_id(), contact_id, **task)
            done.tasks_assigned += 1
    return contact_id


def _resolve(network: Network, refs: dict[str, str], ref: str) -> str:
    """A person of this intake by their ref, or a contact of the network by their id."""
    if ref in refs:
        return refs[ref]
    contact = network.contacts.get(ref)
    if contact is None or not contact.is_active:
        raise UnknownEntity("contact", ref, "contact_ids")
    return ref


def open_with_intake(  # noqa: PLR0913 - who opens it for whom, and what was said
    app: Kring,
    client_name: str,
    coordinator: str,
    intake: Intake,
    ctx: Context,
    review_interval_weeks: int = DEFAULT_REVIEW_INTERVAL_WEEKS,
) -> Recorded:
    """Open a network for the client and record the sitting in it, in one save dated the sitting's day."""
    stamp = app.stamp(ctx.by, ctx.effective_on)
    with at(""):
        network = Network.open(client_name, coordinator, review_interval_weeks, stamp)
    done = record(network, intake, stamp, app.new_id)
    recordings = app.save(network)
    done.outcome = Outcome(network.id, network.version, recordings[-1].notification.id, str(network.id))
    return done


def record_intake(app: Kring, network_id: UUID, intake: Intake, ctx: Context) -> Recorded:
    """Record a sitting in an existing network, in one save (retried on a concurrent change unless If-Match)."""
    stamp = app.stamp(ctx.by, ctx.effective_on)
    found: list[Recorded] = []

    def command(network: Network) -> None:
        found[:] = [record(network, intake, stamp, app.new_id)]

    outcome = app.change(network_id, command, expected_version=ctx.expected_version)
    found[0].outcome = outcome
    return found[0]
