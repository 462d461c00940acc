"""An interview recorded in a network: Kring's own events (ContactAdded, TieRecorded, ContactsAcquainted,
SupportRoleAssigned, SpilmantelzorgerDesignated), dated the interview's day, on one aggregate and saved at once, so
that a file is imported whole or not at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from domain.errors import DomainError
from domain.network import Network
from domain.state import Stamp
from domain.vocabulary import DEFAULT_REVIEW_INTERVAL_WEEKS
from services.application.kring import Context, Kring
from services.application.networks import Outcome
from services.exchange.interview import NAME_MAX, Interview, PlannedContact, Where, ignored_attributes, plan_contact

NOT_ABOUT_THE_FILE = frozenset({"network_closed", "network_erased"})  # answered as any command's refusal (409)


@dataclass
class Imported:
    """What an import recorded, and which attributes of the file Kring did not read."""

    interviewed_on: date
    contacts_added: int = 0
    ties_recorded: int = 0
    acquaintances_recorded: int = 0
    roles_assigned: int = 0
    spilmantelzorger: str | None = None
    ignored_attributes: list[str] = field(default_factory=list)
    outcome: Outcome | None = None


@contextmanager
def refused_at(where: Where) -> Iterator[None]:
    """A domain rule that refuses a person or a pair becomes a refusal of the file at that line."""
    try:
        yield
    except DomainError as error:
        if error.code in NOT_ABOUT_THE_FILE:
            raise
        subject = "the interview's day" if error.field in (None, "effective_on") else error.field
        raise where.refuse(f"{subject}: {error.message}", error.code) from None


def record_interview(network: Network, interview: Interview, stamp: Stamp, new_id: Callable[[], str]) -> Imported:
    """Apply the interview to the network in memory (nothing is saved here); InvalidFile names the line refused."""
    plans = [plan_contact(alter) for alter in interview.alters]
    done = Imported(stamp.on, ignored_attributes=ignored_attributes(interview.alters))
    ids: dict[str, str] = {}
    for plan in plans:
        ids[plan.key] = _add(network, plan, stamp, new_id(), ids)
        done.contacts_added += 1
        done.ties_recorded += plan.tie is not None
    for pair in interview.pairs:
        with refused_at(pair.where):
            before = len(network.acquaintances)
            network.record_acquaintance(stamp, ids[pair.first], ids[pair.second])
            done.acquaintances_recorded += len(network.acquaintances) - before
    for plan in plans:
        for role in plan.roles:
            with refused_at(plan.where):
                network.assign_role(stamp, new_id(), ids[plan.key], **role)
            done.roles_assigned += 1
    done.spilmantelzorger = _designate(network, plans, ids, stamp)
    return done


def _add(network: Network, plan: PlannedContact, stamp: Stamp, contact_id: str, ids: dict[str, str]) -> str:
    if plan.key in ids:
        raise plan.where.refuse(f"a second person with the key {plan.key!r}; every person is in the file once.")
    known = network.contacts.get(plan.key)
    if known is not None and known.is_active:
        raise plan.where.refuse(f"{known.name} is in this network already (the same id); import into a new network.")
    with refused_at(plan.where):
        network.add_contact(stamp, contact_id, **plan.details)
        if plan.tie is not None:
            network.assess_tie(stamp, contact_id, **plan.tie)
    return contact_id


def _designate(network: Network, plans: list[PlannedContact], ids: dict[str, str], stamp: Stamp) -> str | None:
    chosen = [plan for plan in plans if plan.spilmantelzorger]
    if len(chosen) > 1:
        raise chosen[1].where.refuse("a second spilmantelzorger; a network has one at most.")
    if not chosen:
        return None
    with refused_at(chosen[0].where):
        network.designate_spilmantelzorger(stamp, ids[chosen[0].key])
    return str(chosen[0].details["name"])


def import_as_new_network(
    app: Kring, interview: Interview, ctx: Context, coordinator: str, client_name: str | None
) -> Imported:
    """Open a network for the interview's ego and record the interview in it, in one save (dated ctx.effective_on,
    else the interview's day)."""
    name = (client_name or interview.ego.get("name") or "").strip()
    if not name or len(name) > NAME_MAX:
        raise interview.where.refuse(f"the interview names no ego (1 to {NAME_MAX} characters): give client_name.")
    stamp = app.stamp(ctx.by, ctx.effective_on or interview.day())
    with refused_at(interview.where):
        network = Network.open(name, coordinator, DEFAULT_REVIEW_INTERVAL_WEEKS, stamp)
    done = record_interview(network, interview, stamp, app.new_id)
    recordings = app.save(network)
    done.outcome = Outcome(network.id, network.version, recordings[-1].notification.id, str(network.id))
    return done


def import_into_network(app: Kring, network_id: UUID, interview: Interview, ctx: Context) -> Imported:
    """Record the interview in an existing network, in one save (retried on a concurrent change unless If-Match)."""
    stamp = app.stamp(ctx.by, ctx.effective_on or interview.day())
    found: list[Imported] = []

    def command(network: Network) -> None:
        found[:] = [record_interview(network, interview, stamp, app.new_id)]

    outcome = app.change(network_id, command, expected_version=ctx.expected_version)
    found[0].outcome = outcome
    return found[0]
