"""The web pages in a real browser: a coordinator maps a network at the kitchen table, and a spilmantelzorger
sees only theirs. Every main page is checked with axe-core; screenshots land in var/screenshots/."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.e2e.browser import (  # noqa: F401 - fixtures
    SCREENSHOTS,
    WATCH_CSP,
    Server,
    accessible,
    browser,
    csp_violations,
    server,
    sign_in,
    today,
)

BEA = "bea@wijkteam.nl"
SAM = "sam@familie.nl"
CLIENT = "aaltje@thuis.nl"
MEMBER = "piet@buren.nl"
NETWORK_URL = re.compile(r".*/netwerken/([0-9a-f-]{36})$")
OPENED = today() - timedelta(days=120)  # the first review (after six weeks) is overdue: a reminder


def _open_network(page: Any, client: str) -> str:
    page.click("text=Nieuw netwerk")
    page.fill("#veld-client-name", client)
    page.fill("#veld-opened-on", OPENED.isoformat())
    page.click("button:has-text('Netwerk openen')")
    page.wait_for_url(NETWORK_URL)
    found = NETWORK_URL.match(page.url)
    assert found is not None
    return found.group(1)


def _add_contact(page: Any, name: str, category: str, ring: str, tie: dict[str, str]) -> None:
    page.click("text=Contact toevoegen")
    page.fill("#veld-name", name)
    page.select_option("#veld-category", category)
    page.check(f"input[name=ring][value={ring}]")
    page.fill("#veld-effective-on", OPENED.isoformat())
    page.click("button:has-text('Toevoegen')")
    page.wait_for_url("**/band")  # next: how is the tie?
    assert f"{name} is toegevoegd" in page.inner_text("main")
    _assess(page, tie, OPENED.isoformat())


def _assess(page: Any, tie: dict[str, str], on: str) -> None:
    page.check(f"input[name=strength][value={tie['strength']}]")
    page.set_checked("#veld-stressful", tie.get("stressful") == "yes")
    page.check(f"input[name=flow][value={tie['flow']}]")
    page.fill("#veld-effective-on", on)
    page.click("button:has-text('Opslaan')")
    page.wait_for_url(NETWORK_URL)


def _row(page: Any, name: str) -> str:
    return str(page.inner_text(f"tr:has(th:has-text('{name}'))"))


def _tie(page: Any, name: str) -> Any:
    """The tie drawn to a contact on the ecogram, found by the contact's row in the table."""
    contact_id = page.get_attribute(f"tr:has(th:has-text('{name}'))", "data-contact-id")
    return page.locator(f"#ecogram g.tie[data-contact-id='{contact_id}']")


def _wait_for_text(page: Any, url: str, text: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page.goto(url)
        if text in page.inner_text("main"):
            return
        time.sleep(0.5)
    pytest.fail(f"{text!r} did not appear on {url}")


@pytest.mark.slow
def test_a_coordinator_maps_a_network_and_sees_it_change(server: Server, browser: Any) -> None:  # noqa: F811
    server.user(BEA, "Bea Jansen", "--coordinator")
    page = sign_in(browser, server, BEA)
    accessible(page, "mijn-netwerken-leeg")
    network_id = _open_network(page, "Mevrouw Aaltje Jansen")
    _add_contact(page, "Sam de Vries", "household", "intimate", {"strength": "strong", "flow": "both"})
    _add_contact(page, "Piet Bakker", "friend", "friend", {"strength": "strong", "flow": "to_client"})
    _add_contact(page, "Dokter Visser", "professional", "service", {"strength": "normal", "flow": "to_client"})
    assert "sterk" in _row(page, "Piet Bakker")
    assert _tie(page, "Piet Bakker").get_attribute("data-strength") == "strong"

    # the tie with Piet weakens and becomes stressful, today
    page.click("tr:has(th:has-text('Piet Bakker')) >> text=Band beoordelen")
    page.fill("#veld-note", "Piet is moe en prikkelbaar")
    _assess(page, {"strength": "tenuous", "stressful": "yes", "flow": "to_client"}, today().isoformat())
    assert "zwak" in _row(page, "Piet Bakker") and "belastend" in _row(page, "Piet Bakker")
    tie = _tie(page, "Piet Bakker")
    assert tie.locator(".tie-line").get_attribute("stroke-dasharray")  # tenuous: dashed
    assert tie.locator(".tie-hatching").count() == 1  # stressful: hatched
    accessible(page, "ecogram")
    page.set_viewport_size({"width": 768, "height": 1024})  # a tablet, upright
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(_artefact("ecogram-tablet.png")), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.click("text=English")
    assert page.inner_text("h1") == "Network of Mevrouw Aaltje Jansen" and "tenuous" in _row(page, "Piet Bakker")
    page.click("nav.tabs >> text=Quality")  # the language stays for the session
    assert "What the measures say" in page.inner_text("main")
    accessible(page, "quality-english")
    page.click("text=Nederlands")
    page.click("nav.tabs >> text=Ecogram")

    # a form keeps what was typed and says what is wrong, in Dutch
    page.click("text=Contact toevoegen")
    page.fill("#veld-name", "Truus")
    page.fill("#veld-email", "truus-at-thuis")
    page.click("button:has-text('Toevoegen')")
    assert page.input_value("#veld-name") == "Truus" and page.input_value("#veld-email") == "truus-at-thuis"
    problems = page.inner_text("#problemen")
    assert "Groep: Kies wie dit is voor de cliënt, of een groep." in problems
    assert "Vul een geldig e-mailadres in." in problems
    accessible(page, "formulier-met-fouten")
    page.click("text=Annuleren")

    # who does what, and the spilmantelzorger
    page.click("nav.tabs >> text=Wie doet wat")
    page.click("text=Taak toevoegen")
    page.select_option("#veld-contact-id", label="Sam de Vries")
    page.fill("#veld-task", "Boodschappen")
    page.select_option("#veld-support-type", "practical")
    page.fill("#veld-rhythm", "elke zaterdag")
    page.click("button:has-text('Opslaan')")
    assert "Boodschappen" in page.inner_text("table")
    accessible(page, "wie-doet-wat")
    page.goto(f"{server.url}/netwerken/{network_id}/spilmantelzorger")
    page.select_option("#veld-contact-id", label="Sam de Vries")
    page.click("button:has-text('Opslaan')")
    assert "spilmantelzorger" in _row(page, "Sam de Vries")

    # Sam fills in the EDIZ-plus: heavily burdened
    page.click("nav.tabs >> text=Belasting")
    page.click("text=Sam de Vries")
    page.click("text=EDIZ-plus")
    for index in range(15):
        page.check(f"input[name='answers.{index}'][value='1']")
    accessible(page, "vragenlijst")
    page.click("button:has-text('Opslaan')")
    assert "zwaar belast" in page.inner_text("main")
    accessible(page, "belasting-mantelzorger")

    # the overload signal on the network page and in Mijn netwerken; the overdue review as a reminder
    page.goto(f"{server.url}/netwerken/{network_id}")
    assert "Overbelasting" in page.inner_text("section.attention")
    _wait_for_text(page, f"{server.url}/herinneringen", "Netwerkbespreking van Mevrouw Aaltje Jansen")
    accessible(page, "herinneringen")
    page.goto(f"{server.url}/netwerken")
    row = _row(page, "Mevrouw Aaltje Jansen")
    assert "Overbelasting" in row and "1 open herinnering" in row
    accessible(page, "mijn-netwerken")

    # back in time with the slider: the map as it was when the network was opened
    page.goto(f"{server.url}/netwerken/{network_id}")
    page.focus("#schuif")
    page.keyboard.press("Home")
    page.wait_for_url(f"**op={OPENED.isoformat()}")
    assert "sterk" in _row(page, "Piet Bakker") and "belastend" not in _row(page, "Piet Bakker")
    assert _tie(page, "Piet Bakker").get_attribute("data-strength") == "strong"
    page.click("text=Volgende verandering")
    assert "zwak" in _row(page, "Piet Bakker")

    for tab, name in (("Netwerkcirkel", "netwerkcirkel"), ("Kwaliteit", "kwaliteit"), ("Tijdlijn", "tijdlijn")):
        page.click(f"nav.tabs >> text={tab}")
        accessible(page, name)
    page.click("nav.tabs >> text=Veranderingen")
    assert "Band met Piet Bakker zwakker geworden" in page.inner_text("main")
    accessible(page, "veranderingen")

    # print: one A4 page with the ecogram, its legend and the date; and the same as a PDF
    page.click("nav.tabs >> text=Afdrukken")
    assert page.locator("figure svg .legend").count() == 1
    page.emulate_media(media="print")
    page.screenshot(path=str(_artefact("afdruk.png")), full_page=True)
    assert page.pdf(path=str(_artefact("afdruk-browser.pdf")), format="A4", print_background=True)[:4] == b"%PDF"
    page.emulate_media(media="screen")
    accessible(page, "afdrukken")
    with page.expect_download() as download:
        page.click("text=Download als PDF")
    saved = _artefact("ecogram.pdf")
    download.value.save_as(saved)
    assert saved.read_bytes()[:4] == b"%PDF"
    page.context.close()


@pytest.mark.slow
def test_a_spilmantelzorger_sees_only_their_network(server: Server, browser: Any) -> None:  # noqa: F811
    server.user("cor@wijkteam.nl", "Cor de Groot", "--coordinator")
    server.user(SAM, "Sam de Vries", "--no-admin")
    cor = server.token("cor@wijkteam.nl")
    mine = _network(server, cor, "Meneer Bram Smit", with_carer=True)
    other = _network(server, cor, "Mevrouw Els Vos")
    granted = requests.post(
        f"{server.url}/api/networks/{mine['id']}/access",
        json={"user": SAM, "role": "spilmantelzorger", "contact_id": mine["carer"]},
        headers=cor,
        timeout=10,
    )
    assert granted.status_code == 201, granted.text
    page = sign_in(browser, server, SAM)
    listed = page.inner_text("table")
    assert "Meneer Bram Smit" in listed and "Mevrouw Els Vos" not in listed
    assert page.locator("text=Nieuw netwerk").count() == 0  # not a coordinator
    page.click("text=Meneer Bram Smit")
    assert "Contact toevoegen" not in page.inner_text("main")  # sees the map, does not edit it
    accessible(page, "ecogram-spilmantelzorger")
    response = page.goto(f"{server.url}/netwerken/{other['id']}")
    assert response.status == 404 and "Deze pagina bestaat niet" in page.inner_text("main")
    page.goto(f"{server.url}/netwerken/{mine['id']}/notities")
    assert "Dit mag u niet doen" in page.inner_text("main")  # notes need the client's consent
    page.context.close()


@pytest.mark.slow
def test_the_client_withdraws_a_members_map_consent_and_it_holds_at_once(server: Server, browser: Any) -> None:  # noqa: F811
    server.user("dirk@wijkteam.nl", "Dirk de Wit", "--coordinator")
    server.user(CLIENT, "Aaltje Jansen", "--no-admin")
    server.user(MEMBER, "Piet Bakker", "--no-admin")
    dirk = server.token("dirk@wijkteam.nl")
    network = _network(server, dirk, "Mevrouw Aaltje Jansen")
    body = {"name": "Piet Bakker", "category": "friend", "ring": "friend"}
    piet = requests.post(f"{server.url}/api/networks/{network['id']}/contacts", json=body, headers=dirk, timeout=10)
    access = f"{server.url}/api/networks/{network['id']}/access"
    for grant in (
        {"user": CLIENT, "role": "client"},
        {"user": MEMBER, "role": "member", "contact_id": piet.json()["id"]},
    ):
        assert requests.post(access, json=grant, headers=dirk, timeout=10).status_code == 201
    member_id = next(
        p["user_id"] for p in requests.get(access, headers=dirk, timeout=10).json()["items"] if p["role"] == "member"
    )
    consent = f"{server.url}/api/networks/{network['id']}/consent/{member_id}"
    assert requests.put(consent, json={"scopes": ["map"]}, headers=dirk, timeout=10).status_code == 200

    member = sign_in(browser, server, MEMBER)
    member.click("text=Mevrouw Aaltje Jansen")
    assert member.inner_text("h1") == "Netwerk van Mevrouw Aaltje Jansen"  # the map, with the client's consent

    client = sign_in(browser, server, CLIENT)
    client.click("text=Mevrouw Aaltje Jansen")
    client.click("nav.tabs >> text=Toegang")
    assert "Piet Bakker" in _row(client, "Piet Bakker") and "de kaart" in _row(client, "Piet Bakker")
    assert "meteen" in client.inner_text("main") and "namens de cliënt" not in client.inner_text("main")
    assert client.locator("text=Iemand een rol geven").count() == 0  # roles are the coordinator's to give
    accessible(client, "toegang")
    form = client.locator("form.consent", has_text="Piet Bakker")
    form.get_by_label("de kaart").uncheck()
    form.locator("button").click()
    client.wait_for_url("**/toegang")
    assert "Opgeslagen: Piet Bakker mag de kaart, de belasting en de notities niet zien." in client.inner_text("main")
    assert "Aaltje Jansen" in client.inner_text("#wie-keek-er ~ .table-wrap")  # her own look, in "Wie keek er?"
    client.screenshot(path=str(_artefact("toegang-na-intrekken.png")), full_page=True)

    response = member.reload()  # the member's very next request
    assert response is not None and response.status == 403
    assert "Dit mag u niet doen" in member.inner_text("main")
    member.screenshot(path=str(_artefact("geen-toestemming.png")), full_page=True)
    client.context.close()
    member.context.close()

    # the coordinator's Toegang page: consent on the client's behalf, and a role given by e-mail
    coordinator = sign_in(browser, server, "dirk@wijkteam.nl")
    coordinator.goto(f"{server.url}/netwerken/{network['id']}/toegang")
    assert "namens de cliënt" in coordinator.inner_text("main")
    coordinator.fill("#veld-user", "onbekend@elders.nl")
    coordinator.select_option("#veld-role", "member")
    coordinator.click("button:has-text('Rol geven')")
    assert coordinator.input_value("#veld-user") == "onbekend@elders.nl"  # kept, with the problem beside it
    assert "Er is niemand met dit e-mailadres in uw organisatie." in coordinator.inner_text("#problemen")
    accessible(coordinator, "toegang-coordinator")
    coordinator.context.close()


def _network(kring: Server, auth: dict[str, str], client: str, with_carer: bool = False) -> dict[str, str]:
    made = requests.post(f"{kring.url}/api/networks", json={"client_name": client}, headers=auth, timeout=10)
    assert made.status_code == 201, made.text
    found = {"id": made.json()["id"]}
    if with_carer:
        body = {"name": "Sam de Vries", "category": "household", "ring": "intimate", "email": SAM}
        carer = requests.post(f"{kring.url}/api/networks/{found['id']}/contacts", json=body, headers=auth, timeout=10)
        found["carer"] = carer.json()["id"]
    return found


def _artefact(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name


@pytest.mark.slow
def test_the_api_docs_show_every_operation_with_nothing_from_other_sites(server: Server, browser: Any) -> None:  # noqa: F811
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{server.url}/api/docs")
    page.wait_for_selector(".opblock-summary", timeout=30_000)
    spec = requests.get(f"{server.url}/api/openapi.json", timeout=10).json()
    methods = {"get", "put", "post", "patch", "delete"}
    operations = sum(len(methods & set(item)) for item in spec["paths"].values())
    assert page.locator(".opblock").count() == operations
    assert "Kring" in page.inner_text(".info")
    assert [url for url in asked if not url.startswith(server.url) and not url.startswith("data:")] == []
    assert csp_violations(page) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "api-docs.png"), full_page=False)
    context.close()
