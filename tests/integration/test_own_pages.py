"""The pages of the people the network is about, and the administrator's, on SQLite and PostgreSQL: the
spilmantelzorger's page, asking for help and the coordinator taking it up, the client's page, and the staff pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from scheduler.cli import reminders_cli
from services.web.current import services_of
from tests.conftest import Staff
from tests.integration.api_helpers import add_contact, open_network
from tests.integration.test_links import link_in, mailing  # noqa: F401 - the fixture
from tests.integration.test_pages import Desk
from tests.integration.test_reminders import Inbox, smtp  # noqa: F401 - the SMTP server fixture


class Aaltje:
    """Bea's network for Aaltje: Sam (her son, the spilmantelzorger, with an account), Piet doing her shopping;
    Karin is the client's own account."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.staff = Staff(app)
        self.bea = Desk(app, "Bea", self.staff)
        api = self.bea.api
        self.network = open_network(api, client_name="Aaltje")
        self.sam = add_contact(api, self.network, name="Sam", category="household", ring="intimate")
        self.piet = add_contact(api, self.network, name="Piet", category="neighbour", ring="acquaintance")
        role = {"contact_id": self.piet, "support_type": "practical", "task": "Boodschappen", "rhythm": "zaterdag"}
        assert api.post(f"/api/networks/{self.network}/roles", json=role).status_code == 201
        assert (
            api.put(f"/api/networks/{self.network}/spilmantelzorger", json={"contact_id": self.sam}).status_code == 200
        )
        for name, role_name, contact in (("Sam", "spilmantelzorger", self.sam), ("Karin", "client", None)):
            self.staff.user(name, can_coordinate=False)
            grant = {"user": self.staff.user(name).email, "role": role_name}
            grant |= {"contact_id": contact} if contact else {}
            assert api.post(f"/api/networks/{self.network}/access", json=grant).status_code == 201
        assert app.test_cli_runner().invoke(reminders_cli, ["scan", "--now", "2026-11-26"]).exit_code == 0
        self.bea.settled()

    def desk(self, name: str) -> Desk:
        return Desk(self.app, name, self.staff)


@pytest.fixture
def aaltje(any_store_app: Flask) -> Aaltje:
    return Aaltje(any_store_app)


def test_the_spilmantelzorgers_page_asks_how_he_is_and_shows_the_agreements_and_the_network(aaltje: Aaltje) -> None:
    sam = aaltje.desk("Sam")
    status, page = sam.page(f"/netwerken/{aaltje.network}/mijn-zorg")
    assert status == 200
    assert "Uw zorg voor Aaltje" in page and "Kring vraagt hoe het met u gaat" in page
    assert f"/netwerken/{aaltje.network}/mantelzorgers/{aaltje.sam}/vragenlijst/ediz" in page
    agreements = page.split('id="afspraken-titel"', 1)[1].split("</section>", 1)[0]
    assert "Piet" in agreements and "Boodschappen" in agreements and "zaterdag" in agreements
    network = page.split('id="netwerk-titel"', 1)[1]
    assert network.index("Sam") < network.index("Piet")  # the closest ring first
    assert "Mijn zorg" in page.split('class="tabs"', 1)[1]


def test_after_the_questionnaire_the_page_shows_the_score_and_no_longer_asks(aaltje: Aaltje) -> None:
    sam = aaltje.desk("Sam")
    answered = sam.post(f"/netwerken/{aaltje.network}/mantelzorgers/{aaltje.sam}/vragenlijst/srb", {"answers.0": "7"})
    assert answered.status_code == 303
    aaltje.bea.settled()
    assert aaltje.app.test_cli_runner().invoke(reminders_cli, ["scan", "--now", "2026-11-26"]).exit_code == 0
    aaltje.bea.settled()
    page = sam.page(f"/netwerken/{aaltje.network}/mijn-zorg")[1]
    assert "Kring vraagt hoe het met u gaat" not in page
    assert "7 van 10" in page


def test_asking_for_help_reaches_the_coordinator_who_finds_someone_and_the_request_closes(aaltje: Aaltje) -> None:
    sam = aaltje.desk("Sam")
    asked = sam.post(
        f"/netwerken/{aaltje.network}/hulp-vragen",
        {"task": "Mee naar het ziekenhuis", "support_type": "companionship", "rhythm": "dinsdag 1 december"},
    )
    assert asked.status_code == 303 and asked.headers["Location"].endswith("/mijn-zorg")
    aaltje.bea.settled()
    overview = aaltje.bea.page("/overzicht")[1].split("Taken zonder iemand", 1)[1]
    assert "Mee naar het ziekenhuis" in overview and "hulp gevraagd" in overview
    tasks = aaltje.bea.page(f"/netwerken/{aaltje.network}/wie-doet-wat")[1]
    [request_id] = services_of(aaltje.app).read_side.network(__import__("uuid").UUID(aaltje.network)).open_help_requests
    form = aaltje.bea.page(f"/netwerken/{aaltje.network}/taken/nieuw?hulpvraag={request_id}")[1]
    assert "Mee naar het ziekenhuis" in tasks and 'value="Mee naar het ziekenhuis"' in form
    taken = aaltje.bea.post(
        f"/netwerken/{aaltje.network}/taken/nieuw",
        {"contact_id": aaltje.piet, "task": "Mee naar het ziekenhuis", "support_type": "companionship",
         "direction": "to_client", "request_id": request_id},
    )  # fmt: skip
    assert taken.status_code == 303
    aaltje.bea.settled()
    assert "Mee naar het ziekenhuis" not in aaltje.bea.page("/overzicht")[1].split("Taken zonder iemand", 1)[1]
    lines = aaltje.bea.api.get(f"/api/networks/{aaltje.network}/timeline?lang=nl").json["items"]
    said = [line["summary"] for line in lines]
    assert "Hulp gevraagd bij: Mee naar het ziekenhuis (gezelschap)" in said
    assert "Hulpvraag gesloten: iemand neemt het op zich" in said


def test_help_over_the_api_asked_listed_and_no_longer_needed(aaltje: Aaltje) -> None:
    sam = aaltje.staff.client("Sam")
    path = f"/api/networks/{aaltje.network}/help-requests"
    made = sam.post(path, json={"task": "Gras maaien", "support_type": "practical"})
    assert made.status_code == 201
    aaltje.bea.settled()
    [item] = aaltje.bea.api.get(path).json["items"]
    assert (item["task"], item["asked_by"]) == ("Gras maaien", aaltje.staff.id("Sam"))
    assert sam.delete(f"{path}/{item['id']}").status_code == 200
    assert sam.delete(f"{path}/{item['id']}").status_code == 404
    assert aaltje.bea.api.get(path).json["items"] == []


def test_the_clients_page_shows_her_picture_who_may_see_what_and_who_looked(aaltje: Aaltje) -> None:
    karin = aaltje.desk("Karin")
    aaltje.desk("Sam").page(f"/netwerken/{aaltje.network}/mijn-zorg")  # Sam looks
    status, page = karin.page(f"/netwerken/{aaltje.network}/mijn-netwerk")
    assert status == 200
    assert "Wie is belangrijk voor u?" in page and 'id="ecogram"' in page
    seeing = page.split('id="zien-titel"', 1)[1].split("</section>", 1)[0]
    assert "Sam" in seeing and "Ziet: de kaart" in seeing
    looked = page.split('id="keek-titel"', 1)[1]
    assert "Sam" in looked and "de pagina van de spilmantelzorger" in looked


@pytest.fixture
def office(mailing: tuple[Flask, Inbox]) -> Iterator[tuple[Desk, Staff, Inbox]]:  # noqa: F811
    app, inbox = mailing
    staff = Staff(app)
    staff.user("Ada", is_admin=True, can_coordinate=False)
    yield Desk(app, "Ada", staff), staff, inbox


def test_an_administrator_adds_a_coordinator_who_gets_a_mail_to_choose_a_password(
    office: tuple[Desk, Staff, Inbox],
) -> None:
    ada, staff, inbox = office
    made = ada.post("/beheer/nieuw", {"name": "Cor Visser", "email": "cor@oost.nl", "can_coordinate": "on"})
    assert made.status_code == 303
    cor = staff.accounts.by_email("cor@oost.nl")
    assert cor is not None and cor.can_coordinate and not cor.is_admin and cor.is_staff
    [(recipients, mail)] = inbox.messages
    assert recipients == ["cor@oost.nl"] and "/wachtwoord/" in link_in(mail)
    twice = ada.post("/beheer/nieuw", {"name": "Cor", "email": "cor@oost.nl"})
    assert twice.status_code == 422 and "Er is al een account met dit e-mailadres." in twice.get_data(as_text=True)


def test_an_administrator_deactivates_reactivates_sends_a_password_link_and_hands_over(
    office: tuple[Desk, Staff, Inbox],
) -> None:
    ada, staff, inbox = office
    bea, cor = Desk(ada.app, "Bea", staff), staff.user("Cor")
    network = open_network(bea.api, client_name="Aaltje")
    assert ada.post(f"/beheer/{bea.staff.id('Bea')}/uitzetten", {}).status_code == 303
    assert bea.web.get("/netwerken").headers["Location"].startswith("/inloggen")
    assert bea.api.get("/api/me").status_code == 401
    handing = ada.page(f"/beheer/{staff.id('Bea')}/overdragen")[1]
    assert "Bea coördineert nog 1 netwerk." in handing and "Aaltje" not in handing
    handed = ada.post(f"/beheer/{staff.id('Bea')}/overdragen", {"to": cor.id})
    assert handed.status_code == 303
    assert "1 netwerk van Bea is overgedragen aan Cor." in ada.web.get("/beheer").get_data(as_text=True)
    assert services_of(ada.app).departures.coordinated_by(cor.id) == [network]
    assert ada.post(f"/beheer/{staff.id('Bea')}/aanzetten", {}).status_code == 303
    assert ada.post(f"/beheer/{staff.id('Bea')}/wachtwoord", {}).status_code == 303
    [(recipients, mail)] = inbox.messages
    assert recipients == ["bea@oost.nl"] and mail["Subject"] == "Kring: nieuw wachtwoord"


def test_the_last_administrator_is_told_plainly_she_cannot_go(office: tuple[Desk, Staff, Inbox]) -> None:
    ada, staff, _ = office
    staff.user("Eva", is_admin=True, can_coordinate=False)
    services_of(ada.app).departures.update(staff.id("Eva"), active=False)
    refused = ada.post(f"/beheer/{staff.id('Ada')}/uitzetten", {})
    assert refused.status_code == 303
    assert "Dit is de enige beheerder van uw organisatie" in ada.web.get("/beheer").get_data(as_text=True)
