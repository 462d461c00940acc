"""Invitations end to end on SQLite and PostgreSQL: a real SMTP server receives the mail, its link is followed by the
invitee, who gets a guest account and exactly the role and consent of the invitation, once. Expired, used and
withdrawn links say so; existing accounts sign in to accept; guests stay guests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from services.accounts.invitations import VALID_SECONDS
from services.web.current import services_of
from tests.conftest import Staff
from tests.integration.api_helpers import add_contact, open_network
from tests.integration.test_accounts import CSRF, browser
from tests.integration.test_links import link_in, mailing, part  # noqa: F401 - the fixture
from tests.integration.test_pages import Desk
from tests.integration.test_reminders import Inbox, smtp  # noqa: F401 - the SMTP server fixture

NEW_PASSWORD = "mijn-moeder-haar-netwerk"


class Jansen:
    """Bea's network for Mevr. Jansen, with her daughter Anna as a contact (the spilmantelzorger) and Piet."""

    def __init__(self, app: Flask, inbox: Inbox) -> None:
        self.app, self.inbox = app, inbox
        self.staff = Staff(app)
        self.bea = Desk(app, "Bea", self.staff)
        self.network = open_network(self.bea.api, client_name="Mevr. Jansen")
        self.anna = add_contact(self.bea.api, self.network, name="Anna", category="other_family", ring="intimate")
        self.piet = add_contact(self.bea.api, self.network, name="Piet")
        designated = self.bea.api.put(f"/api/networks/{self.network}/spilmantelzorger", json={"contact_id": self.anna})
        assert designated.status_code == 200
        self.bea.settled()  # the pages read the map

    def invite(self, by: FlaskClient | None = None, **body: Any) -> Any:
        invitation = {"email": "anna@thuis.nl", "name": "Anna", "role": "spilmantelzorger", "contact_id": self.anna}
        return (by or self.bea.api).post(f"/api/networks/{self.network}/invitations", json={**invitation, **body})

    def last_link(self) -> str:
        return link_in(self.inbox.messages[-1][1])


def accept(link: str, app: Flask, **form: str) -> tuple[FlaskClient, Any]:
    """Follow the link in a fresh browser and send the form on it (a new account unless told otherwise)."""
    visitor = browser(app)
    page = visitor.get(link)
    assert page.status_code == 200, page.get_data(as_text=True)
    token = CSRF.search(page.get_data(as_text=True))
    assert token is not None
    fields = {"name": "Anna de Vries", "password": NEW_PASSWORD} | form
    return visitor, visitor.post(link, data={"csrf_token": token.group(1), **fields})


@pytest.fixture
def jansen(mailing: tuple[Flask, Inbox]) -> Iterator[Jansen]:  # noqa: F811
    app, inbox = mailing
    yield Jansen(app, inbox)


def test_the_invited_daughter_gets_the_mail_makes_a_guest_account_and_lands_on_her_own_page(jansen: Jansen) -> None:
    made = jansen.invite(scopes=["notes"])
    assert made.status_code == 201 and made.json["sent"] is True
    [(recipients, mail)] = jansen.inbox.messages
    assert recipients == ["anna@thuis.nl"]
    assert mail["Subject"] == "Uitnodiging voor het netwerk van Mevr. Jansen in Kring"
    assert "Bea nodigt u uit voor het netwerk rond Mevr. Jansen" in part(mail, "plain")
    visitor, accepted = accept(jansen.last_link(), jansen.app)
    assert accepted.status_code == 303
    assert accepted.headers["Location"] == f"/netwerken/{jansen.network}/mijn-zorg"
    page = visitor.get(accepted.headers["Location"]).get_data(as_text=True)
    assert "Uw zorg voor Mevr. Jansen" in page and "Welkom in het netwerk van Mevr. Jansen." in page
    anna = services_of(jansen.app).accounts.by_email("anna@thuis.nl")
    assert anna is not None and anna.is_guest and not (anna.can_coordinate or anna.is_admin)
    access = services_of(jansen.app).access.of(jansen.network, anna.id)
    assert access is not None and (access.role, access.contact_id, access.consent) == (
        "spilmantelzorger",
        jansen.anna,
        ("notes",),
    )


def test_the_history_says_who_invited_and_who_accepted_and_holds_no_address_or_secret(jansen: Jansen) -> None:
    jansen.invite()
    link = jansen.last_link()
    accept(link, jansen.app)
    history = jansen.bea.api.get(f"/api/networks/{jansen.network}/events").json["items"]
    types = [e["type"] for e in history]
    assert types[-3:] == ["PersonInvited", "InvitationAccepted", "AccessGranted"]
    assert history[-3]["summary"] == "Anna uitgenodigd als spilmantelzorger"
    anna = services_of(jansen.app).accounts.by_email("anna@thuis.nl")
    assert anna is not None
    accepted = next(e for e in history if e["type"] == "InvitationAccepted")
    granted = next(e for e in history if e["type"] == "AccessGranted")
    assert accepted["recorded_by"] == anna.id and granted["recorded_by"] == jansen.staff.id("Bea")
    secret = link.rsplit("/", 1)[1]
    assert all("anna@thuis.nl" not in str(e) and secret not in str(e) for e in history)


def test_a_used_link_says_so_and_opens_nothing_for_a_second_person(jansen: Jansen) -> None:
    jansen.invite()
    link = jansen.last_link()
    accept(link, jansen.app)
    again = browser(jansen.app).get(link)
    assert again.status_code == 410
    text = again.get_data(as_text=True)
    assert "Deze uitnodiging is al gebruikt" in text and "Vraag om een nieuwe uitnodiging" in text


def test_an_expired_link_says_so_and_asking_again_mails_whoever_invited_once(jansen: Jansen) -> None:
    jansen.invite()
    link = jansen.last_link()
    links = services_of(jansen.app).invitations.links
    links.clock = lambda: __import__("time").time() + VALID_SECONDS + 60
    visitor = browser(jansen.app)
    page = visitor.get(link)
    assert page.status_code == 410 and "Deze uitnodiging is verlopen" in page.get_data(as_text=True)
    token = CSRF.search(page.get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    asked = visitor.post(f"{link}/nieuwe", data={"csrf_token": token})
    assert asked.status_code == 200 and "Uw vraag is verstuurd" in asked.get_data(as_text=True)
    recipients, mail = jansen.inbox.messages[-1]
    assert recipients == ["bea@oost.nl"] and mail["Subject"] == "Anna vraagt om een nieuwe uitnodiging"
    toegang = jansen.bea.web.get(link_in(mail))  # the link in it opens the Toegang page
    assert toegang.status_code == 200 and "vraagt om een nieuwe link" in toegang.get_data(as_text=True)
    twice = visitor.post(f"{link}/nieuwe", data={"csrf_token": token})
    assert twice.status_code == 409 and "al om een nieuwe uitnodiging gevraagd" in twice.get_data(as_text=True)
    assert len(jansen.inbox.messages) == 2


def test_sending_again_makes_a_fresh_link_and_the_old_one_stops_working(jansen: Jansen) -> None:
    invitation_id = jansen.invite().json["id"]
    old = jansen.last_link()
    renewed = jansen.bea.api.post(f"/api/networks/{jansen.network}/invitations/{invitation_id}/renewal")
    assert renewed.status_code == 200 and renewed.json["sent"] is True
    new = jansen.last_link()
    assert new != old
    assert browser(jansen.app).get(old).status_code == 404
    assert accept(new, jansen.app)[1].status_code == 303


def test_a_withdrawn_invitation_says_so_and_cannot_be_accepted(jansen: Jansen) -> None:
    invitation_id = jansen.invite().json["id"]
    link = jansen.last_link()
    withdrawn = jansen.bea.api.delete(f"/api/networks/{jansen.network}/invitations/{invitation_id}")
    assert withdrawn.status_code == 200
    page = browser(jansen.app).get(link)
    assert page.status_code == 410 and "Deze uitnodiging is ingetrokken" in page.get_data(as_text=True)
    assert jansen.bea.api.get(f"/api/networks/{jansen.network}/invitations").json["items"] == []


def test_the_client_invites_a_member_with_the_consent_she_chooses_but_not_a_spilmantelzorger(jansen: Jansen) -> None:
    karin = jansen.invite(email="karin@thuis.nl", name="Mevr. Jansen", role="client", contact_id=None)
    assert karin.status_code == 201
    client_browser, _ = accept(jansen.last_link(), jansen.app, name="Karin Jansen")
    karin_id = services_of(jansen.app).accounts.by_email("karin@thuis.nl").id  # type: ignore[union-attr]
    assert services_of(jansen.app).access.of(jansen.network, karin_id).role == "client"  # type: ignore[union-attr]
    csrf = CSRF.search(client_browser.get("/netwerken").get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    path = f"/netwerken/{jansen.network}/uitnodigen"
    karin_api = services_of(jansen.app).accounts.new_token(karin_id, "script")[1]
    over_api = jansen.app.test_client().post(
        f"/api/networks/{jansen.network}/invitations",
        json={"email": "zoon@thuis.nl", "name": "Kees", "role": "spilmantelzorger"},
        headers={"Authorization": f"Bearer {karin_api}"},
    )
    assert over_api.status_code == 409 and over_api.json["error"] == "role_not_yours"
    raised = client_browser.post(
        path, data={"csrf_token": csrf, "email": "zoon@thuis.nl", "name": "Kees", "role": "spilmantelzorger"}
    )
    assert raised.status_code == 422
    assert "U kunt iemand uitnodigen als lid van het netwerk" in raised.get_data(as_text=True)
    member = {"csrf_token": csrf, "email": "piet@buren.nl", "name": "Piet", "role": "member", "scopes": "map"}
    assert client_browser.post(path, data=member).status_code == 303
    accept(jansen.last_link(), jansen.app, name="Piet Bakker")
    piet = services_of(jansen.app).accounts.by_email("piet@buren.nl")
    assert piet is not None
    access = services_of(jansen.app).access.of(jansen.network, piet.id)
    assert access is not None and (access.role, access.consent) == ("member", ("map",))
    consented = jansen.bea.api.get(f"/api/networks/{jansen.network}/events").json["items"][-1]
    assert consented["type"] == "ConsentGiven" and consented["data"]["on_behalf_of_client"] is False


def test_nobody_invites_a_coordinator_and_a_spilmantelzorger_or_member_does_not_invite(jansen: Jansen) -> None:
    assert jansen.invite(role="coordinator").status_code == 422
    jansen.staff.user("Sam", can_coordinate=False)
    grant = {"user": jansen.staff.user("Sam").email, "role": "spilmantelzorger", "contact_id": jansen.anna}
    assert jansen.bea.api.post(f"/api/networks/{jansen.network}/access", json=grant).status_code == 201
    assert jansen.invite(by=jansen.staff.client("Sam"), role="member").status_code == 403


def test_someone_with_a_guest_account_signs_in_with_it_to_accept(jansen: Jansen) -> None:
    jansen.invite(email="karin@thuis.nl", name="Karin", role="member", contact_id=None)
    accept(jansen.last_link(), jansen.app, name="Karin")
    other = open_network(jansen.bea.api, client_name="Meneer Jansen")
    body = {"email": "karin@thuis.nl", "name": "Karin", "role": "member"}
    assert jansen.bea.api.post(f"/api/networks/{other}/invitations", json=body).status_code == 201
    visitor = browser(jansen.app)
    link = jansen.last_link()
    page = visitor.get(link).get_data(as_text=True)
    assert "U heeft al een account in Kring met karin@thuis.nl" in page
    csrf = CSRF.search(page).group(1)  # type: ignore[union-attr]
    wrong = visitor.post(link, data={"csrf_token": csrf, "password": "niet-het-goede-wachtwoord"})
    assert wrong.status_code == 422 and "Dit wachtwoord klopt niet" in wrong.get_data(as_text=True)
    right = visitor.post(link, data={"csrf_token": csrf, "password": NEW_PASSWORD})
    assert right.status_code == 303
    karin = services_of(jansen.app).accounts.by_email("karin@thuis.nl")
    assert karin is not None and [
        u.email for u in services_of(jansen.app).accounts.users_of(karin.organisation_id) if u.email.startswith("karin")
    ] == ["karin@thuis.nl"]
    assert services_of(jansen.app).access.of(other, karin.id) is not None


def test_a_work_account_of_another_organisation_is_asked_for_another_address(jansen: Jansen) -> None:
    west = Staff(jansen.app, "Buurtzorg West")
    wout = west.user("Wout")
    jansen.invite(email=wout.email, name="Wout", role="member", contact_id=None)
    page = browser(jansen.app).get(jansen.last_link()).get_data(as_text=True)
    assert "hoort bij een werkaccount van een andere organisatie" in page and 'name="password"' not in page


def test_a_guest_is_never_given_a_role_by_address_nor_staff_rights(jansen: Jansen) -> None:
    jansen.invite()
    accept(jansen.last_link(), jansen.app)
    anna = services_of(jansen.app).accounts.by_email("anna@thuis.nl")
    assert anna is not None
    other = open_network(jansen.bea.api, client_name="Meneer Jansen")
    grant = jansen.bea.api.post(f"/api/networks/{other}/access", json={"user": anna.email, "role": "member"})
    assert grant.status_code == 422 and grant.json["error"] == "unknown_user"
    ada = jansen.staff.client("Ada", is_admin=True, can_coordinate=False)
    raised = ada.patch(f"/api/users/{anna.id}", json={"can_coordinate": True})
    assert raised.status_code == 409 and raised.json["error"] == "guest_account"
    assert ada.get("/api/users").json["items"][0]["is_guest"] in (True, False)


def test_an_administrator_sees_the_guests_and_revoking_one_ends_her_session(jansen: Jansen) -> None:
    jansen.invite()
    anna_browser, _ = accept(jansen.last_link(), jansen.app)
    assert anna_browser.get(f"/netwerken/{jansen.network}/mijn-zorg").status_code == 200
    jansen.staff.user("Ada", is_admin=True, can_coordinate=False)
    ada = Desk(jansen.app, "Ada", jansen.staff)
    page = ada.page("/beheer")[1]
    guests = page.split('id="gasten-titel"', 1)[1]
    assert "Anna de Vries" in guests and "anna@thuis.nl" in guests and "Mevr. Jansen" not in page
    anna = services_of(jansen.app).accounts.by_email("anna@thuis.nl")
    assert anna is not None
    revoked = ada.post(f"/beheer/{anna.id}/uitzetten", data={})
    assert revoked.status_code == 303
    assert anna_browser.get(f"/netwerken/{jansen.network}/mijn-zorg").headers["Location"].startswith("/inloggen")
    other = open_network(jansen.bea.api, client_name="Meneer Jansen")
    body = {"email": "anna@thuis.nl", "name": "Anna", "role": "member"}
    assert jansen.bea.api.post(f"/api/networks/{other}/invitations", json=body).status_code == 201
    page = browser(jansen.app).get(jansen.last_link()).get_data(as_text=True)
    assert "Uw account in Kring staat uit." in page and 'name="password"' not in page


def test_erasing_the_network_deletes_its_invitation_links(jansen: Jansen) -> None:
    jansen.invite()
    link = jansen.last_link()
    erased = jansen.bea.api.post(
        f"/api/networks/{jansen.network}/erasure", json={"confirm_client_name": "Mevr. Jansen"}
    )
    assert erased.status_code == 200, erased.json
    assert services_of(jansen.app).invitations.links.of_network(jansen.network) == {}
    assert browser(jansen.app).get(link).status_code == 404


def test_without_smtp_the_coordinator_hears_that_the_mail_did_not_go(jansen: Jansen) -> None:
    jansen.app.config["MAIL_ENV"] = {"KRING_SMTP_HOST": ""}
    made = jansen.invite()
    assert made.status_code == 201 and made.json["sent"] is False
    page = jansen.bea.post(
        f"/netwerken/{jansen.network}/uitnodigen", {"email": "piet@buren.nl", "name": "Piet", "role": "member"}
    )
    assert page.status_code == 303
    shown = jansen.bea.web.get(page.headers["Location"]).get_data(as_text=True)
    assert "de e-mail kon niet worden verstuurd" in shown
    assert re.search(r"Piet.*anna@thuis.nl|anna@thuis.nl.*Piet", shown, re.S)  # both wait in the list
