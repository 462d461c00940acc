"""A store written by an older Kring (tests/fixtures/store-2026-11.sqlite3, made by tests/fixtures/make_store.py before
services/ was split) still opens: every event and the snapshot load, the read tables come up to date, and what the
pages show is there."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.utils import get_topic

from domain.network import Network
from domain.reminders import Reminder
from domain.words import DUTCH
from domain.words.history import event_line
from projections.timeline import TimelineQuery
from services.application.kring import Kring
from services.application.readside import ReadSide
from services.application.reminders import Reminders
from services.infrastructure.crypto import KeyErased
from tests.fixtures.make_store import COORDINATOR, STORE, TODAY, settings

NETWORK_EVENTS = {
    cls
    for cls in vars(Network).values()
    if isinstance(cls, type) and issubclass(cls, Network.Event) and cls not in (Network.Event, Network.Created)
}
REMINDER_EVENTS = {
    cls for cls in vars(Reminder).values() if isinstance(cls, type) and issubclass(cls, Reminder.Event)
} - {Reminder.Event, Reminder.Created}


@pytest.fixture
def old_store(tmp_path: Path) -> dict[str, str]:
    """A copy of the fixture store (opening it writes to it)."""
    copy = tmp_path / "kring.sqlite3"
    shutil.copy(STORE, copy)
    return settings(copy)


@pytest.fixture
def opened(old_store: dict[str, str]) -> Iterator[tuple[Kring, ReadSide]]:
    app = Kring(old_store, clock=lambda: TODAY)
    side = ReadSide(app, old_store)
    yield app, side
    side.close()
    app.close()


def test_every_event_of_the_old_store_loads_as_its_class(opened: tuple[Kring, ReadSide]) -> None:
    app, _ = opened
    erased, loaded = set(), []
    for notification in app.recorder.select_notifications(start=1, limit=10_000):
        try:
            event = app.mapper.to_domain_event(notification)
        except KeyErased:
            erased.add(notification.originator_id)
            continue
        assert get_topic(type(event)) == notification.topic
        loaded.append(event)
    assert {type(e) for e in loaded} <= NETWORK_EVENTS | REMINDER_EVENTS
    assert len({type(e) for e in loaded}) == 40  # every event type there was when it was written: 35 and 5
    assert len(erased) == 1  # the erased network: only its NetworkErased, stored in clear, is readable
    assert [type(e) for e in loaded if e.originator_id in erased] == [Network.NetworkErased]


def test_the_networks_and_reminders_of_the_old_store_load_from_their_events_and_snapshot(
    opened: tuple[Kring, ReadSide],
) -> None:
    app, _ = opened
    networks = {app.get_network(network_id).client_name: network_id for _, network_id in app.list_network_ids()}
    assert set(networks) == {"Mevrouw A. Jansen", "Dhr. De Boer"}
    assert app.snapshots is not None and list(app.snapshots.get(networks["Dhr. De Boer"]))  # one was stored
    assert app.get_network(networks["Dhr. De Boer"]).version == 106
    jansen = app.get_network(networks["Mevrouw A. Jansen"])
    assert [c.name for c in jansen.active_contacts] == ["Anna", "Piet", "Thuiszorg"]
    assert jansen.spilmantelzorger is not None and jansen.spilmantelzorger.name == "Anna"
    assert app.network_as_of(networks["Mevrouw A. Jansen"], date(2026, 1, 5)).client_name == "Mevr. Jansen"


def test_the_read_side_of_the_old_store_comes_up_to_date_and_rebuilds_to_the_same(
    opened: tuple[Kring, ReadSide],
) -> None:
    app, side = opened
    side.runner.catch_up()
    for rebuilt in (False, True):
        if rebuilt:
            side.runner.rebuild(list(side.runner.projections))
        assert all(status.lag == 0 for status in side.runner.status())
        [jansen] = [n for _, n in app.list_network_ids() if side.network(n).client_name == "Mevrouw A. Jansen"]
        assert side.network(jansen).spilmantelzorger_id is not None
        lines = side.timelines.lines(jansen, TimelineQuery(kinds=("tie",), limit=100))
        said = [DUTCH(event_line(line["type"], line["values"])) for line in lines]
        assert "Band met Piet zwakker geworden (zwak)" in said
        due = {(d.kind, d.due_on, DUTCH(d.title)) for d in Reminders(app, side).open_items(COORDINATOR)}
        assert ("review_due", date(2027, 2, 18), "Netwerkbespreking van Mevrouw A. Jansen") in due
        inbox = Reminders(app, side).inbox(COORDINATOR, TODAY)
        assert "Vraag Anna hoe het gaat met de zorg voor Mevrouw A. Jansen" in [DUTCH(r["title"]) for r in inbox]
        people = {(p["role"], tuple(p["consent"])) for p in side.access.people(str(jansen))}
        assert people == {("coordinator", ()), ("client", ()), ("member", ("map",))}


def test_the_accounts_of_the_old_store_still_sign_in(opened: tuple[Kring, ReadSide]) -> None:
    from services.accounts.accounts import Accounts  # noqa: PLC0415 - beside the read side, as the app makes it

    _, side = opened
    accounts = Accounts(side.store, cheap_hashing=True)
    anna = accounts.by_email("anna@oost.nl")
    assert anna is not None and anna.name == "Anna"
    assert UUID(anna.id)


def test_what_the_old_store_never_asked_loads_as_not_known_from_its_events_and_its_snapshot(
    opened: tuple[Kring, ReadSide],
) -> None:
    app, side = opened
    networks = {app.get_network(network_id).client_name: network_id for _, network_id in app.list_network_ids()}
    for name, network_id in networks.items():  # De Boer from a snapshot, Jansen from its events
        network = app.get_network(network_id)
        assert (network.date_of_birth, network.living_situation, network.help_question) == (None, None, ""), name
        assert {(c.relation, c.lives_with_client, c.contact_mode) for c in network.contacts.values()} == {
            (None, False, None)
        }
    added = [e for e in app.network_events(networks["Mevrouw A. Jansen"]) if isinstance(e, Network.ContactAdded)]
    assert {(e.relation, e.lives_with_client, e.contact_mode) for e in added} == {(None, False, None)}
    side.runner.catch_up()
    reviews = side.records.list(networks["Mevrouw A. Jansen"], "review")
    assert reviews and all(r["participant_ids"] == [] and r["client_took_part"] is None for r in reviews)
    reviewed = [e for e in app.network_events(networks["Mevrouw A. Jansen"]) if isinstance(e, Network.NetworkReviewed)]
    assert reviewed and all(e.participant_ids == [] and e.client_took_part is None for e in reviewed)
