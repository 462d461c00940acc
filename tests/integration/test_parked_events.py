"""One event a projection cannot apply stops nothing else: it is parked, its network's later events wait behind it
in that projection, every other network and projection goes on, the health check says degraded, and a retry after
the fix applies them in order. On SQLite and PostgreSQL.

The poison is the one issue 10 found: a goal due on 9999-12-31, which the reminders rule of that time could not
move a day on (OverflowError). Tests that need a projection to fail put that rule back (`old_goal_rule`); putting
the current rule back again is "the fix".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import icalendar
import pytest
from flask import Flask

from domain.network import Network
from projections import reminders as reminder_rules
from projections.access import HANDLERS as ACCESS_HANDLERS
from projections.reminders import DueChanges
from projections.runner import Runner
from services.application.kring import Context, Kring
from services.application.readside import ReadSide
from services.web.current import services_of
from tests.conftest import Staff
from tests.integration.test_erasure import ERASED, left_over, ok, populate
from tests.integration.test_projection_runner import TABLES, dump

LAST_DAY = date.max  # 9999-12-31
DAY = Context(by="coord@wijkteam.nl", effective_on=date(2026, 3, 1))


def old_goal_rule(changes: DueChanges, network_id: str, event: Any) -> None:
    """The reminders rule for a goal as it was before issue 10: it cannot move the last day there is a day on."""
    if event.due_on is not None:
        changes.due(network_id, "goal_overdue", event.goal_id, event.due_on + timedelta(days=1))


@pytest.fixture
def old_rule(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """The old goal rule in force; the returned function puts today's rule back (the fix)."""
    fixed = reminder_rules.RULES[Network.GoalSet]
    monkeypatch.setitem(reminder_rules.RULES, Network.GoalSet, old_goal_rule)
    return lambda: monkeypatch.setitem(reminder_rules.RULES, Network.GoalSet, fixed)


def stored_straight(app: Kring, network_id: UUID, record: Callable[[Network], None]) -> int:
    """Record an event past every check of the API and the domain (as an older Kring may have stored it);
    returns its log position."""
    network = app.get_network(network_id)
    record(network)
    recordings = app.save(network)
    return int(recordings[-1].notification.id)


def goal_due_on_the_last_day(app: Kring, network_id: UUID) -> int:
    return stored_straight(
        app, network_id, lambda n: n._set_goal("ooit", "Ooit eens", LAST_DAY, "coord@wijkteam.nl", DAY.effective_on)
    )


def two_networks(app: Kring) -> tuple[UUID, UUID, int]:
    """Network A with the poison goal and two events after it; network B with a goal and a contact after
    it. Returns A, B and the poison's position."""
    a = app.open_network("Mevr. Aalders", "coord@wijkteam.nl", by="coord", effective_on=date(2026, 1, 5)).network_id
    b = app.open_network("Dhr. Bakker", "coord@wijkteam.nl", by="coord", effective_on=date(2026, 1, 5)).network_id
    poison = goal_due_on_the_last_day(app, a)
    app.add_contact(a, DAY, name="Kees", category="friend", ring="friend")
    app.set_goal(b, DAY, title="Respijt regelen", due_on=date(2026, 4, 1))
    app.set_goal(a, DAY, title="Wandelen", due_on=date(2026, 4, 1))
    app.add_contact(b, DAY, name="Piet", category="friend", ring="friend")
    return a, b, poison


def goals_due(side: ReadSide, network_id: UUID) -> list[str]:
    with side.store.transaction() as tx:
        rows = tx.execute(
            "SELECT due_on FROM kring_due WHERE network_id = ? AND kind = 'goal_overdue' ORDER BY due_on",
            [str(network_id)],
        ).all()
    return [r["due_on"] for r in rows]


def names_on_the_timeline(side: ReadSide, network_id: UUID) -> set[str]:
    with side.store.transaction() as tx:
        rows = tx.execute("SELECT name FROM kring_timeline_names WHERE network_id = ?", [str(network_id)]).all()
    return {r["name"] for r in rows}


@pytest.fixture
def side(kring: Kring, store: dict[str, str]) -> Iterator[ReadSide]:
    read_side = ReadSide(kring, store)
    yield read_side
    read_side.close()


# ------------------------------------------------------------------ the runner
def test_an_event_one_projection_cannot_apply_is_parked_and_everything_else_is_applied(
    kring: Kring, side: ReadSide, old_rule: Callable[[], None]
) -> None:
    a, b, poison = two_networks(kring)
    side.runner.catch_up()  # does not raise, and does not stop

    assert all(s.lag == 0 for s in side.runner.status())
    assert {s.name: (s.parked, s.held) for s in side.runner.status()}["reminders"] == (1, 2)
    assert goals_due(side, b) == ["2026-04-02"]  # the other network's reminders are there
    assert goals_due(side, a) == []  # this network's later goal waits behind the parked one
    assert "Kees" in names_on_the_timeline(side, a)  # the other projections applied this network's events
    [parked, *waiting] = side.runner.parked()
    assert (parked.projection, parked.position, parked.originator_id, parked.error) == (
        "reminders",
        poison,
        str(a),
        "OverflowError",
    )
    assert parked.raised_in is not None and parked.raised_in.startswith("tests/integration/test_parked_events.py:")
    assert [(w.originator_id, w.error) for w in waiting] == [(str(a), None)] * 2

    old_rule()  # the fix
    assert side.runner.retry() == (3, [])
    assert goals_due(side, a) == ["2026-04-02", LAST_DAY.isoformat()]
    retried = dump(side.store, kring)
    side.runner.rebuild()
    assert dump(side.store, kring) == retried  # the rows are those of applying every event in order
    assert side.runner.parked() == []


@pytest.mark.parametrize("batch_size", [1, 3, 10_000])
def test_a_rebuild_that_meets_an_event_it_cannot_apply_finishes_the_rest_and_reports_it(
    kring: Kring, side: ReadSide, old_rule: Callable[[], None], batch_size: int
) -> None:
    a, b, poison = two_networks(kring)
    runner = Runner(kring, side.store, list(side.runner.projections.values()), rebuild_batch_size=batch_size)
    runner.rebuild()

    assert {s.name: s.position for s in runner.status()} == dict.fromkeys(runner.projections, kring.log_position())
    assert [(p.position, p.error) for p in runner.parked() if p.error] == [(poison, "OverflowError")]
    assert goals_due(side, b) == ["2026-04-02"] and "Kees" in names_on_the_timeline(side, a)
    with side.store.transaction() as tx:
        lines = tx.execute("SELECT COUNT(*) AS n FROM kring_timeline").one()
    assert lines == {"n": kring.log_position()}


def test_an_erased_network_is_forgotten_by_a_projection_that_holds_its_events_back(
    kring: Kring, side: ReadSide, old_rule: Callable[[], None]
) -> None:
    a, b, _ = two_networks(kring)
    side.runner.catch_up()
    kring.erase_network(a, "coord")
    side.runner.catch_up()

    assert side.runner.reached(kring.log_position()) and side.runner.parked() == []
    with side.store.transaction() as tx:
        left = {t: tx.execute(f"SELECT * FROM {t} WHERE network_id = ?", [str(a)]).all() for t in TABLES}
    assert left == {table: [] for table in TABLES}
    assert goals_due(side, b) == ["2026-04-02"]


def test_the_store_failing_is_tried_again_later_and_never_parks_an_event(
    kring: Kring, side: ReadSide, monkeypatch: pytest.MonkeyPatch
) -> None:
    kring.open_network("Mevr. Aalders", "coord@wijkteam.nl", by="coord")

    def locked(changes: DueChanges, network_id: str, event: Any) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setitem(reminder_rules.RULES, Network.NetworkOpened, locked)
    with pytest.raises(sqlite3.OperationalError):
        side.runner.step()
    assert side.runner.parked() == [] and side.runner.position_of("reminders") == 0


def test_an_event_that_still_fails_on_retry_stays_parked_with_what_failed_this_time(
    kring: Kring, side: ReadSide, old_rule: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _, poison = two_networks(kring)
    side.runner.catch_up()
    assert side.runner.retry() == (0, side.runner.parked())

    def half_fixed(changes: DueChanges, network_id: str, event: Any) -> None:
        raise ValueError

    monkeypatch.setitem(reminder_rules.RULES, Network.GoalSet, half_fixed)
    applied, still = side.runner.retry(["reminders"])
    assert applied == 0 and [(p.position, p.error) for p in still if p.error] == [(poison, "ValueError")]
    assert len(still) == 3 and goals_due(side, a) == []


def test_a_goal_due_on_the_last_day_there_is_is_projected_as_due_that_day(kring: Kring, side: ReadSide) -> None:
    network_id = kring.open_network("Mevr. Aalders", "coord@wijkteam.nl", by="coord").network_id
    goal_due_on_the_last_day(kring, network_id)
    side.runner.catch_up()
    assert goals_due(side, network_id) == [LAST_DAY.isoformat()] and side.runner.parked() == []


# ------------------------------------------------------------------ the service
@pytest.fixture
def app(any_store_app: Flask) -> Flask:
    return any_store_app


def test_one_networks_parked_event_stops_no_other_networks_reads_erasure_or_rebuild(
    app: Flask, any_store_staff: Staff, store: dict[str, str], old_rule: Callable[[], None]
) -> None:
    client, kring = any_store_staff.client("Bea"), services_of(app).kring
    admin = any_store_staff.client("Ada", is_admin=True, can_coordinate=False)
    poisoned = ok(client.post("/api/networks", json={"client_name": "Mevr. Aalders"}), 201)["id"]
    poison = goal_due_on_the_last_day(kring, UUID(poisoned))
    other = ok(client.post("/api/networks", json={"client_name": "Dhr. Bakker"}), 201)["id"]
    contact = {"name": "Piet", "category": "friend", "ring": "friend"}
    position = ok(client.post(f"/api/networks/{other}/contacts", json=contact), 201)["position"]

    seen = ok(client.get(f"/api/networks/{other}/map", query_string={"min_position": position}))
    assert [c["name"] for c in seen["contacts"]] == ["Piet"]
    assert ok(client.get("/api/health")) == {"status": "degraded"}
    assert ok(admin.get("/api/health"))["parked_events"] == 1
    erased = populate(client, ERASED)
    answer = ok(client.post(f"/api/networks/{erased}/erasure", json={"confirm_client_name": ERASED["client"]}))
    assert answer["read_side_purged"] and left_over(store, list(ERASED.values())) == {}

    cli = app.test_cli_runner()
    status = cli.invoke(args=["projections", "status"])
    assert status.exit_code == 0 and "parked 1, held back 0" in status.output
    [line] = [line for line in status.output.splitlines() if "OverflowError" in line]
    assert line.split()[:4] == ["reminders", "position", str(poison), "network"] and poisoned in line
    rebuilt = cli.invoke(args=["projections", "rebuild"])
    assert rebuilt.exit_code == 1 and "1 events could not be applied" in rebuilt.output
    assert "OverflowError" in rebuilt.output and "Aalders" not in rebuilt.output + status.output
    assert all(s.lag == 0 for s in services_of(app).read_side.runner.status())

    old_rule()  # the fix
    retried = cli.invoke(args=["projections", "retry"])
    assert retried.exit_code == 0 and "1 parked events applied" in retried.output
    assert ok(client.get("/api/health")) == {"status": "ok"}


def test_the_calendar_feed_holds_a_review_due_on_the_last_day_there_is(app: Flask, any_store_staff: Staff) -> None:
    client, kring = any_store_staff.client("Bea"), services_of(app).kring
    network_id = ok(client.post("/api/networks", json={"client_name": "Mevr. Aalders"}), 201)["id"]
    stored_straight(
        kring,
        UUID(network_id),
        lambda n: n._review([], "", LAST_DAY, [], None, any_store_staff.id("Bea"), date(2026, 3, 1)),
    )
    assert services_of(app).read_side.runner.wait_for(kring.log_position(), timeout=10)
    link = ok(client.post("/api/coordinators/me/calendar-link"), 201)["url"]
    feed = client.get("/" + link.split("://", 1)[1].split("/", 1)[1])
    assert feed.status_code == 200
    [event] = icalendar.Calendar.from_ical(feed.data).walk("VEVENT")
    assert event.decoded("DTSTART") == LAST_DAY and "DTEND" not in event


def test_a_revoked_user_is_refused_while_the_access_rules_hold_the_revoke_back(
    app: Flask, any_store_staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    bea, kring = any_store_staff.client("Bea"), services_of(app).kring
    network_id = ok(bea.post("/api/networks", json={"client_name": "Mevr. Aalders"}), 201)["id"]
    grant = {"user": any_store_staff.id("Mo"), "role": "client"}
    ok(bea.post(f"/api/networks/{network_id}/access", json=grant), 201)
    mo = any_store_staff.client("Mo", can_coordinate=False)
    ok(mo.get(f"/api/networks/{network_id}"))

    def cannot(*_: Any) -> None:
        raise ValueError  # a bug in the access rules, met by a note of this network

    monkeypatch.setitem(ACCESS_HANDLERS, Network.NoteAdded, cannot)
    ok(bea.post(f"/api/networks/{network_id}/notes", json={"text": "Gebeld"}), 201)
    ok(bea.delete(f"/api/networks/{network_id}/access/{any_store_staff.id('Mo')}"))
    assert services_of(app).read_side.runner.wait_for(kring.log_position(), timeout=10)
    held = {(p.projection, p.error) for p in services_of(app).read_side.runner.parked()}
    assert held == {("access", "ValueError"), ("access", None)}  # the revoke waits behind the note
    assert mo.get(f"/api/networks/{network_id}").status_code == 404
