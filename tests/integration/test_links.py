"""Every link Kring hands out opens its page: in a delivered e-mail (reminders, password links), in a calendar feed
item and on the reminders page, followed by the person it was sent to, signed in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from email.message import Message

import icalendar
import pytest
from flask import Flask

from domain.reminders import REMINDER_KINDS
from scheduler.cli import reminders_cli
from services.application.reminders import Delivery
from services.web import page_links
from services.web.links import REMINDER_PAGES, Links
from tests.conftest import PASSWORD, Staff
from tests.integration.api_helpers import add_contact, open_network
from tests.integration.test_accounts import CSRF, browser
from tests.integration.test_pages import Desk
from tests.integration.test_reminders import Inbox, smtp  # noqa: F401 - the SMTP server fixture

BASE_URL = "https://kring.example.nl"  # where the test browser reaches the app
LINK = re.compile(rf"{re.escape(BASE_URL)}/\S+")
SMTP = {"KRING_SMTP_HOST": "127.0.0.1", "KRING_SMTP_SECURITY": "none"}


def part(mail: Message, kind: str) -> str:
    found = next(p for p in mail.walk() if p.get_content_type() == f"text/{kind}")
    return str(found.get_payload(decode=True).decode())


def link_in(mail: Message) -> str:
    """The one link of a mail (in its HTML too, when it has HTML)."""
    [link] = LINK.findall(part(mail, "plain"))
    if any(p.get_content_type() == "text/html" for p in mail.walk()):
        assert f'href="{link}"' in part(mail, "html")
    return link


@pytest.fixture
def mailing(
    any_store_app: Flask,
    smtp: tuple[Inbox, int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Flask, Inbox]]:
    """The app on SQLite and PostgreSQL at its public address, sending e-mail to a real SMTP server."""
    inbox, port = smtp
    settings = SMTP | {"KRING_SMTP_PORT": str(port)}
    for name, value in settings.items():
        monkeypatch.setenv(name, value)  # `flask reminders scan` reads them from its environment
    any_store_app.config["MAIL_ENV"] = settings  # the password mails
    any_store_app.config["BASE_URL"] = BASE_URL  # KRING_BASE_URL
    yield any_store_app, inbox


class Jansen:
    """Bea's network for Mevr. Jansen with one reminder of every kind due on 2026-11-26; Anna is the spilmantelzorger
    (with an account of her own)."""

    def __init__(self, app: Flask) -> None:
        self.staff = Staff(app)
        self.staff.user("Anna", can_coordinate=False)
        self.bea = Desk(app, "Bea", self.staff)
        api = self.bea.api
        self.net = open_network(api, client_name="Mevr. Jansen")  # 2026-01-05: its first review is overdue
        anna_email = self.staff.user("Anna").email
        anna = add_contact(api, self.net, name="Anna", category="household", ring="intimate", email=anna_email)
        rob = add_contact(api, self.net, name="Rob")
        for day, strength in (("2026-11-01", "strong"), ("2026-11-05", "normal")):  # weaker: follow up on 11-19
            tie = {"strength": strength, "flow": "both", "effective_on": day}
            assert api.put(f"/api/networks/{self.net}/contacts/{rob}/tie", json=tie).status_code == 200
        goal = {"title": "Respijt regelen", "due_on": "2026-11-10", "effective_on": "2026-11-01"}
        assert api.post(f"/api/networks/{self.net}/goals", json=goal).status_code == 201
        assert api.put(f"/api/networks/{self.net}/spilmantelzorger", json={"contact_id": anna}).status_code == 200
        grant = {"user": anna_email, "role": "spilmantelzorger", "contact_id": anna}
        assert api.post(f"/api/networks/{self.net}/access", json=grant).status_code == 201
        result = app.test_cli_runner().invoke(reminders_cli, ["scan", "--now", "2026-11-26"])
        assert result.exit_code == 0 and "4 raised" in result.output, result.output

    def desk(self, email: str) -> Desk:
        """The recipient with this address (Bea or Anna), signed in on the pages."""
        name = email.partition("@")[0].capitalize()
        return self.bea if name == "Bea" else Desk(self.bea.app, name, self.staff)


# What the page a reminder links to shows: the one that helps most with it.
PAGES = {
    "Kring: Netwerkbespreking van Mevr. Jansen": "Ecogram van Mevr. Jansen",
    "Kring: Vraag Anna hoe het gaat met de zorg voor Mevr. Jansen": "Hoe gaat het met Anna?",
    "Kring: Kijk hoe het gaat met Rob (netwerk van Mevr. Jansen)": "De band met Rob",
    "Kring: Streefdatum voorbij: Respijt regelen (netwerk van Mevr. Jansen)": "Respijt regelen",
}


def subject(mail: Message) -> str:
    """The subject as a mail program shows it (a long one is folded over lines in the message)."""
    return " ".join(str(mail["Subject"]).split())


def test_every_link_in_a_reminder_email_opens_its_page_for_each_recipient(mailing: tuple[Flask, Inbox]) -> None:
    app, inbox = mailing
    jansen = Jansen(app)
    assert sorted(subject(mail) for _, mail in inbox.messages) == sorted(PAGES)
    opened = []
    for recipients, mail in inbox.messages:
        link = link_in(mail)
        for recipient in recipients:
            answer = jansen.desk(recipient).web.get(link)
            assert answer.status_code == 200, (subject(mail), recipient, link)
            assert PAGES[subject(mail)] in answer.get_data(as_text=True)
            opened.append((subject(mail), recipient))
    assert ("Kring: Vraag Anna hoe het gaat met de zorg voor Mevr. Jansen", "anna@oost.nl") in opened


def test_every_item_of_the_calendar_feed_and_of_the_reminders_page_opens_its_page(
    mailing: tuple[Flask, Inbox],
) -> None:
    app, _ = mailing
    jansen = Jansen(app)
    feed_link = jansen.bea.api.post("/api/coordinators/me/calendar-link").get_json()["url"]
    assert feed_link.startswith(f"{BASE_URL}/calendar/")
    feed = app.test_client().get(feed_link)  # a calendar program: the secret in the link is its credential
    assert feed.status_code == 200
    items = {str(e["SUMMARY"]): str(e["URL"]) for e in icalendar.Calendar.from_ical(feed.data).walk("VEVENT")}
    assert sorted(f"Kring: {title}" for title in items) == sorted(PAGES)
    for title, link in items.items():
        answer = jansen.bea.web.get(link)
        assert answer.status_code == 200 and PAGES[f"Kring: {title}"] in answer.get_data(as_text=True), link
    _, page = jansen.bea.page("/herinneringen")
    shown = re.findall(r'<h2><a href="([^"]+)">([^<]+)</a>', page)
    assert sorted(f"Kring: {title}" for _, title in shown) == sorted(PAGES)
    for path, title in shown:
        answer = jansen.bea.web.get(path)
        assert answer.status_code == 200 and PAGES[f"Kring: {title}"] in answer.get_data(as_text=True), path


def test_a_password_link_by_email_opens_the_page_that_sets_the_password(mailing: tuple[Flask, Inbox]) -> None:
    app, inbox = mailing
    staff = Staff(app)
    ada = staff.client("Ada", is_admin=True, can_coordinate=False)
    made = ada.post("/api/users", json={"email": "nieuw@oost.nl", "name": "Nieuwe Collega"})
    assert made.status_code == 201
    assert app.test_client().post("/api/password-reset", json={"email": staff.user("Bea").email}).status_code == 202
    [(_, welcome), (_, reset)] = inbox.messages
    chosen_passwords = (
        (welcome, "nieuw@oost.nl", "mijn-eerste-wachtwoord"),
        (reset, "bea@oost.nl", "mijn-nieuwe-wachtwoord"),
    )
    for mail, email, password in chosen_passwords:
        visitor = browser(app)  # nobody signed in: the secret in the link is the credential
        page = visitor.get(link_in(mail))
        assert page.status_code == 200 and "Kies een wachtwoord" in page.get_data(as_text=True)
        token = CSRF.search(page.get_data(as_text=True))
        assert token is not None
        answer = visitor.post(link_in(mail), data={"csrf_token": token.group(1), "password": password})
        assert answer.status_code == 303
        assert staff.accounts.sign_in(email, password, "test") is not None
    assert staff.accounts.sign_in("bea@oost.nl", PASSWORD, "test") is None  # the new password took its place


def test_the_scheduler_without_the_web_app_makes_the_same_links(app: Flask) -> None:
    assert set(REMINDER_PAGES) == set(REMINDER_KINDS)  # every kind of reminder has its page
    app.config["BASE_URL"] = BASE_URL
    network, subject = "6c1f6c7e-3b8a-4d0e-9c55-6b2a4f0e7d11", "0a3e9b52-77d4-4c1e-8f0b-2d5c6e7f8a9b"
    for kind in REMINDER_KINDS:
        delivery = Delivery("r", network, kind, subject, date(2026, 11, 26), "", [])
        assert page_links(BASE_URL).reminder(delivery) == Links(app).reminder(delivery)
