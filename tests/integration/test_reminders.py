"""Reminders: derived from the events, raised exactly once, delivered by e-mail, inbox and calendar."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import date
from email import message_from_bytes
from email.message import Message
from uuid import UUID

import icalendar
import pytest
from aiosmtpd.controller import Controller
from flask import Flask
from flask.testing import FlaskClient

from domain.words import DUTCH
from scheduler.cli import reminders_cli
from scheduler.email import EmailSender, SmtpSettings
from services.application.kring import Context, Kring
from services.application.readside import ReadSide
from services.application.reminders import Delivery, Reminders
from services.infrastructure.locks import SingleActive
from services.web import page_links

OPENED = date(2026, 1, 5)
BASE_URL = "https://kring.example.nl"


def on(day: str, by: str = "coord@wijkteam.nl") -> Context:
    return Context(by=by, effective_on=date.fromisoformat(day))


def network(app: Kring, name: str, opened: date = OPENED, coordinator: str = "coord@wijkteam.nl") -> UUID:
    return app.open_network(name, coordinator, by=coordinator, effective_on=opened).network_id


def contact(app: Kring, nid: UUID, name: str, day: str = "2026-01-05", **extra: object) -> str:
    details = {"name": name, "category": "household", "ring": "intimate", **extra}
    return str(app.add_contact(nid, on(day), **details).created_id)


def crafted(app: Kring) -> dict[str, UUID]:
    """Networks each with one thing due (or not) on 2026-11-26."""
    overdue = network(app, "Overdue review")  # first review due 2026-02-16
    fresh = network(app, "Fresh network", opened=date(2026, 11, 20))  # first review 2027-01-01: not yet
    app.record_review(fresh, on("2026-11-20"), participants=[], summary="", next_review_on=date(2027, 1, 1))
    ties = network(app, "Weakened ties", opened=date(2026, 11, 1))
    piet, kees = contact(app, ties, "Piet", "2026-11-01"), contact(app, ties, "Kees", "2026-11-01")
    for who in (piet, kees):
        app.assess_tie(ties, on("2026-11-01"), who, strength="strong", stressful=False, flow="both", frequency=None)
    app.assess_tie(ties, on("2026-11-05"), piet, strength="tenuous", stressful=False, flow="both", frequency=None)
    app.assess_tie(ties, on("2026-11-20"), kees, strength="normal", stressful=False, flow="both", frequency=None)
    goals = network(app, "Goals", opened=date(2026, 11, 1))
    app.set_goal(goals, on("2026-11-01"), title="Respijt regelen", due_on=date(2026, 11, 10))
    done = app.set_goal(goals, on("2026-11-01"), title="Wandelen", due_on=date(2026, 11, 10)).created_id
    app.complete_goal(goals, on("2026-11-09"), str(done))
    carer = network(app, "Carer", opened=date(2026, 11, 1))
    anna = contact(app, carer, "Anna", "2026-11-01", email="anna@example.org")
    app.designate_spilmantelzorger(carer, on("2026-11-02"), anna)
    closed = network(app, "Closed")
    app.close_network(closed, on("2026-03-01"), "verhuisd")
    return {"overdue": overdue, "fresh": fresh, "ties": ties, "goals": goals, "carer": carer, "closed": closed}


@pytest.fixture
def side(kring: Kring, store: dict[str, str]) -> Iterator[ReadSide]:
    read_side = ReadSide(kring, store)
    yield read_side
    read_side.close()


def scan(reminders: Reminders, day: str, sent: list[Delivery] | None = None) -> list[Delivery]:
    reminders.side.runner.catch_up()
    return reminders.scan(date.fromisoformat(day), (sent if sent is not None else []).append, ["inbox"]).raised


def test_a_scan_raises_exactly_what_is_due(kring: Kring, side: ReadSide) -> None:
    ids = crafted(kring)
    raised = scan(Reminders(kring, side), "2026-11-26")
    got = sorted((d.network_id, d.kind, d.due_on.isoformat()) for d in raised)
    assert got == sorted(
        [
            (str(ids["overdue"]), "review_due", "2026-02-16"),
            (str(ids["ties"]), "tie_follow_up", "2026-11-19"),  # weakened 11-05; the 11-20 one is due 12-04
            (str(ids["goals"]), "goal_overdue", "2026-11-11"),  # the completed goal raises nothing
            (str(ids["carer"]), "burden_check_in", "2026-11-02"),  # a spilmantelzorger never asked
        ]
    )
    titles = {d.kind: DUTCH(d.title) for d in raised}
    assert titles["goal_overdue"] == "Streefdatum voorbij: Respijt regelen (netwerk van Goals)"
    assert titles["burden_check_in"] == "Vraag Anna hoe het gaat met de zorg voor Carer"
    check_in = next(d for d in raised if d.kind == "burden_check_in")
    assert check_in.recipients == ["anna@example.org", "coord@wijkteam.nl"]
    assert scan(Reminders(kring, side), "2026-11-26") == []  # raised once, never again


def test_a_review_held_resolves_its_reminder(kring: Kring, side: ReadSide) -> None:
    nid = network(kring, "Mevr. Jansen")
    reminders = Reminders(kring, side)
    [raised] = scan(reminders, "2026-11-26")
    side.runner.catch_up()
    assert [i["reminder_id"] for i in reminders.inbox("coord@wijkteam.nl", date(2026, 11, 26))] == [raised.reminder_id]
    kring.record_review(nid, on("2026-11-26"), participants=["client"], summary="", next_review_on=None)
    assert scan(reminders, "2026-11-26") == []
    side.runner.catch_up()
    assert reminders.inbox("coord@wijkteam.nl", date(2026, 11, 26)) == []
    reminder = kring.repository.get(UUID(raised.reminder_id))
    assert (reminder.state, type(list(kring.events.get(reminder.id))[-1]).__name__) == ("resolved", "ReminderResolved")


def test_a_heavy_burden_asks_again_within_a_week(kring: Kring, side: ReadSide) -> None:
    nid = network(kring, "Mevr. Jansen")
    anna = contact(kring, nid, "Anna")
    kring.report_burden(nid, on("2026-11-20"), carer_id=anna, instrument="ediz_plus", answers=[1] * 10 + [0] * 5)
    reminders = Reminders(kring, side)
    assert [d.kind for d in scan(reminders, "2026-11-26")] == ["review_due"]
    assert [(d.kind, d.due_on) for d in scan(reminders, "2026-11-27")] == [("burden_check_in", date(2026, 11, 27))]


def test_two_schedulers_racing_deliver_every_reminder_exactly_once(
    kring: Kring, store: dict[str, str], make_kring: Callable[[dict[str, str]], Kring]
) -> None:
    for i in range(12):
        network(kring, f"Client {i}")
    sides = [ReadSide(make_kring(store), store) for _ in range(2)]
    sides[0].runner.catch_up()
    delivered: list[str] = []
    lock = threading.Lock()

    def deliver(delivery: Delivery) -> None:
        with lock:
            delivered.append(delivery.reminder_id)

    barrier = threading.Barrier(2)

    def run(side: ReadSide) -> None:
        barrier.wait()
        Reminders(side.app, side).scan(date(2026, 11, 26), deliver, ["inbox"])

    threads = [threading.Thread(target=run, args=(s,)) for s in sides]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(delivered) == 12 and len(set(delivered)) == 12
    finally:
        for s in sides:
            s.close()


def test_only_one_scheduler_is_active_on_postgresql(postgres_store: dict[str, str]) -> None:
    first, second = SingleActive(postgres_store), SingleActive(postgres_store)
    try:
        assert first.held() and first.held()
        assert not second.held()
        first.release()
        assert second.held()
    finally:
        first.release()
        second.release()


# ------------------------------------------------------------------ e-mail
class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))  # type: ignore[attr-defined]
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def test_a_due_reminder_arrives_once_by_email_with_recipient_subject_and_link(
    memory_kring: Kring, smtp: tuple[Inbox, int]
) -> None:
    received, port = smtp
    settings = SmtpSettings("127.0.0.1", port, "none", None, None, "kring@gemeente.nl")
    network(memory_kring, "Mevr. Jansen")
    side = ReadSide(memory_kring, {"PERSISTENCE_MODULE": "eventsourcing.popo"})
    try:
        reminders = Reminders(memory_kring, side)
        for _ in range(2):
            side.runner.catch_up()
            reminders.scan(date(2026, 11, 26), EmailSender(settings, page_links(BASE_URL)), ["inbox", "email"])
    finally:
        side.close()
    assert len(received.messages) == 1
    recipients, mail = received.messages[0]
    assert recipients == ["coord@wijkteam.nl"]
    assert mail["Subject"] == "Kring: Netwerkbespreking van Mevr. Jansen"
    assert mail["From"] == "kring@gemeente.nl"
    plain = next(p for p in mail.walk() if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
    html = next(p for p in mail.walk() if p.get_content_type() == "text/html").get_payload(decode=True).decode()
    [link] = re.findall(rf"{BASE_URL}/\S+", plain)  # followed to its page in tests/integration/test_links.py
    assert f'href="{link}"' in html
    assert "Netwerkbespreking van Mevr. Jansen (sinds 16 februari 2026)." in plain  # the day written out
    assert "<strong>Netwerkbespreking van Mevr. Jansen</strong> (sinds 16 februari 2026)." in html


# --------------------------------------------------------- inbox and calendar
def _post(client: FlaskClient, path: str, body: dict[str, object] | None = None) -> dict[str, object]:
    response = client.post(path, json=body or {})
    assert response.status_code in (200, 201), response.get_json()
    return response.get_json()  # type: ignore[no-any-return]


@pytest.fixture
def raised(app: Flask, client: FlaskClient) -> str:
    """One network with its review overdue, scanned; returns the network id."""
    opened = _post(
        client,
        "/api/networks",
        {"client_name": "Mevr. Jansen", "opened_on": "2026-01-05"},
    )
    result = app.test_cli_runner().invoke(reminders_cli, ["scan", "--now", "2026-11-26"])
    assert result.exit_code == 0, result.output
    assert "1 raised" in result.output and "Netwerkbespreking van Mevr. Jansen" in result.output
    return str(opened["id"])


def test_the_inbox_shows_a_raised_reminder_until_it_is_dismissed(client: FlaskClient, raised: str) -> None:
    [item] = client.get("/api/inbox").get_json()["items"]
    assert (item["network_id"], item["kind"], item["state"]) == (raised, "review_due", "sent")
    rid = item["reminder_id"]
    assert _post(client, f"/api/inbox/{rid}/acknowledge")["state"] == "acknowledged"
    snoozed = _post(client, f"/api/inbox/{rid}/snooze", {"until": "2026-12-03"})
    assert snoozed["state"] == "snoozed"
    later = client.get("/api/inbox?min_position=0").get_json()["items"]
    assert later == [] or all(i["state"] != "snoozed" for i in later)
    assert _post(client, f"/api/inbox/{rid}/dismiss", {"reason": "besproken aan de telefoon"})["state"] == "dismissed"
    again = client.post(f"/api/inbox/{rid}/dismiss", json={})
    assert again.status_code == 409 and again.get_json()["error"] == "reminder_closed"
    assert client.post("/api/inbox/00000000-0000-0000-0000-000000000000/acknowledge").status_code == 404


def test_the_calendar_feed_parses_and_holds_the_open_reminders(client: FlaskClient, raised: str) -> None:
    link = _post(client, "/api/coordinators/me/calendar-link")["url"]
    path = str(link).split("://", 1)[1].split("/", 1)[1]
    feed = client.get(f"/{path}")
    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(feed.data)
    events = [c for c in calendar.walk("VEVENT")]
    assert [str(e["SUMMARY"]) for e in events] == ["Netwerkbespreking van Mevr. Jansen"]
    assert events[0].decoded("DTSTART") == date(2026, 2, 16)
    assert raised in str(events[0]["URL"])
    renewed = _post(client, "/api/coordinators/me/calendar-link")["url"]
    assert client.get(f"/{path}").status_code == 404  # the old link stops working
    assert renewed != link
