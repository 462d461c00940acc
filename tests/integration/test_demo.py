"""The first five minutes: a demo network with a year of history, from `make demo` (the flask command) and from the
button on an empty Mijn netwerken, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import timedelta
from uuid import UUID

from flask import Flask

from services.accounts.accounts import Accounts
from services.application.readside import TimelineQuery
from services.web.current import services_of
from tests.conftest import TODAY, Staff
from tests.integration.test_pages import Desk

NETWORK_LINK = re.compile(r"/netwerken/([0-9a-f-]{36})")
PASSWORD_LINE = re.compile(r"password:\s+(\S+)")
DEMO = "Voorbeeld: mevrouw Ria de Boer"


def _demo(app: Flask, *args: str) -> tuple[str, UUID]:
    """Run `flask demo` with these options; its output and the network it names."""
    ran = app.test_cli_runner().invoke(args=["demo", *args])
    assert ran.exit_code == 0, ran.output
    found = NETWORK_LINK.search(ran.output)
    assert found is not None, ran.output
    return ran.output, UUID(found.group(1))


def test_make_demo_records_a_year_in_which_the_network_changes(any_store_app: Flask) -> None:
    coordinator = Staff(any_store_app).user("Bea")
    output, network_id = _demo(any_store_app, "--email", coordinator.email)
    assert "Sign in at http://127.0.0.1:5000/inloggen" in output and coordinator.email in output
    kring = services_of(any_store_app)
    now = kring.read_side.network(network_id)
    year_ago = kring.kring.network_as_of(network_id, TODAY - timedelta(days=364))
    assert now.client_name == DEMO and now.spilmantelzorger is not None
    names = {c.name for c in now.active_contacts}
    before = {c.name for c in year_ago.active_contacts}
    assert "Truus Mulder" in before - names  # gone over the year
    assert {"Lisa de Boer", "Kees (maatje, vrijwilliger)", "Sanne Visser (casemanager dementie)"} <= names - before
    codes = {s["code"] for s in kring.burden.network_signals(now, TODAY)}
    assert {"heavy_burden", "burden_rising"} <= codes
    lines = kring.read_side.timelines.lines(network_id, TimelineQuery(limit=1000))
    assert len({line["effective_on"][:7] for line in lines}) >= 10  # something happened in most months
    assert {"NetworkReviewed", "SupportGroupMeetingHeld", "TieWeakened", "TieStrengthened", "SupportRoleEnded"} <= {
        line["type"] for line in lines
    }


def test_make_demo_again_makes_no_second_network(any_store_app: Flask) -> None:
    coordinator = Staff(any_store_app).user("Bea")
    _, first = _demo(any_store_app, "--email", coordinator.email)
    output, again = _demo(any_store_app, "--email", coordinator.email)
    assert again == first and "has a demo network already" in output
    mine = services_of(any_store_app).read_side.attention.networks_of(coordinator.id)
    assert [row["client_name"] for row in mine] == [DEMO]


def test_make_demo_without_an_address_makes_a_demo_account_with_a_new_password_each_time(app: Flask) -> None:
    accounts: Accounts = services_of(app).accounts
    output, network_id = _demo(app)
    first = PASSWORD_LINE.search(output)
    assert first is not None and "voorbeeld@kring.example" in output
    assert accounts.sign_in("voorbeeld@kring.example", first.group(1), "127.0.0.1") is not None
    output, again = _demo(app)
    second = PASSWORD_LINE.search(output)
    assert second is not None and again == network_id
    assert accounts.sign_in("voorbeeld@kring.example", first.group(1), "127.0.0.1") is None
    assert accounts.sign_in("voorbeeld@kring.example", second.group(1), "127.0.0.1") is not None


def test_make_demo_refuses_an_address_that_is_no_coordinator(app: Flask) -> None:
    Staff(app).user("Sam", can_coordinate=False)
    ran = app.test_cli_runner().invoke(args=["demo", "--email", "sam@oost.nl"])
    assert ran.exit_code == 1 and "There is no active coordinator with the e-mail address sam@oost.nl" in ran.output


def test_the_button_on_an_empty_first_page_opens_the_demo_network_and_the_same_one_again(any_store_app: Flask) -> None:
    desk = Desk(any_store_app)
    status, page = desk.page("/netwerken")
    assert "U heeft nog geen netwerken." in page and "Bekijk een voorbeeldnetwerk" in page
    made = desk.post("/netwerken/voorbeeld", {})
    assert made.status_code == 303
    network = NETWORK_LINK.search(made.headers["Location"])
    assert network is not None
    status, page = desk.page(made.headers["Location"])
    assert status == 200 and f"Netwerk van {DEMO}" in page and "Dit is een voorbeeldnetwerk" in page
    assert "Overbelasting:" in page and "Ellen de Boer is zwaar belast" in page
    status, changes = desk.page(f"/netwerken/{network.group(1)}/veranderingen?sinds={TODAY - timedelta(days=364)}")
    assert "Truus Mulder" in changes and "Lisa de Boer" in changes
    again = desk.post("/netwerken/voorbeeld", {})
    assert again.headers["Location"] == made.headers["Location"]
    status, page = desk.page("/netwerken")
    assert page.count(DEMO) == 1 and "Bekijk een voorbeeldnetwerk" not in page


def test_the_demo_is_made_in_the_language_of_who_asks(app: Flask) -> None:
    desk = Desk(app)
    desk.page("/netwerken?lang=en")
    made = desk.post("/netwerken/voorbeeld", {})
    _, page = desk.page(made.headers["Location"])
    assert "Network of Example: Mrs Ria de Boer" in page and "Sanne Visser (dementia case manager)" in page
    _, tasks = desk.page(made.headers["Location"] + "/wie-doet-wat")
    assert "Doing the shopping" in tasks and "every Saturday" in tasks


def test_who_may_not_open_networks_gets_no_demo(app: Flask) -> None:
    desk = Desk(app, "Sam", Staff(app))
    services_of(app).accounts.update_user(desk.staff.id("Sam"), can_coordinate=False)
    _, page = desk.page("/netwerken")
    assert "U heeft nog geen netwerken." in page and "Bekijk een voorbeeldnetwerk" not in page
    assert desk.post("/netwerken/voorbeeld", {}).status_code == 403
