"""Bringing the network in, in a real browser against gunicorn with a real SMTP server (aiosmtpd): a coordinator
invites the daughter, who accepts on her phone and fills in her questionnaire, and the coordinator sees the score;
the client accepts and withdraws a consent; a coordinator signs in with a real one-time code; an expired link, a
used link and a wrong code each get a clear answer. Screenshots at desktop size and at 390x844 (a phone)."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from email.message import Message
from typing import Any

import pyotp
import pytest
import requests
from aiosmtpd.controller import Controller

from tests.e2e.browser import (  # noqa: F401 - fixtures
    AXE,
    CHROMIUM,
    PASSWORD,
    WATCH_CSP,
    Server,
    accessible,
    browser,
    require,
    serving,
    sign_in,
)
from tests.e2e.servers import free_port
from tests.integration.test_reminders import Inbox

PHONE = {"width": 390, "height": 844}
LINK = re.compile(r"http://127\.0\.0\.1:\d+/\S+")
DAUGHTER_PASSWORD = "de-zorg-voor-mama"


@pytest.fixture(scope="module")
def mailbox() -> Iterator[tuple[Inbox, int]]:
    handler, port = Inbox(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


@pytest.fixture(scope="module")
def kring(tmp_path_factory: pytest.TempPathFactory, mailbox: tuple[Inbox, int]) -> Iterator[Server]:
    """Kring that mails over SMTP, with its links leading to itself."""
    require(CHROMIUM, "Debian's chromium")
    require(AXE, "axe-core (npm)")
    smtp = {"KRING_SMTP_HOST": "127.0.0.1", "KRING_SMTP_PORT": str(mailbox[1]), "KRING_SMTP_SECURITY": "none"}
    settings = smtp | {"KRING_MAIL_FROM": "kring@wijkteam.nl", "KRING_BASE_URL": "http://127.0.0.1:{port}"}
    with serving(tmp_path_factory.mktemp("invitations"), settings) as running:
        yield running


def mail_to(inbox: Inbox, address: str) -> Message:
    """The last mail to this address (sent while the request that sends it runs)."""
    found = [mail for recipients, mail in inbox.messages if address in recipients]
    assert found, f"no mail to {address}: {[r for r, _ in inbox.messages]}"
    return found[-1]


def link_in(mail: Message) -> str:
    body = next(p for p in mail.walk() if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
    [link] = LINK.findall(body)
    return str(link)


def phone(browser: Any) -> Any:  # noqa: F811
    """A fresh phone: 390x844, touch, Dutch."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    context.set_default_timeout(15_000)
    context.add_init_script(WATCH_CSP)
    return context.new_page()


def fits(page: Any) -> None:
    """Nothing on the page is wider than the phone (no sideways scrolling)."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def network_with_anna(kring: Server, coordinator: str, client: str) -> tuple[str, dict[str, str], str]:
    """A network opened over the API, with Anna (the daughter) as its spilmantelzorger: its id, the token, Anna."""
    auth = kring.token(coordinator)
    made = requests.post(f"{kring.url}/api/networks", json={"client_name": client}, headers=auth, timeout=10)
    network = made.json()["id"]
    body = {"name": "Anna de Vries", "category": "other_family", "ring": "intimate"}
    anna = requests.post(f"{kring.url}/api/networks/{network}/contacts", json=body, headers=auth, timeout=10).json()
    designated = requests.put(
        f"{kring.url}/api/networks/{network}/spilmantelzorger",
        json={"contact_id": anna["id"]},
        headers=auth,
        timeout=10,
    )
    assert designated.status_code == 200
    return network, auth, anna["id"]


@pytest.mark.slow
def test_the_daughter_is_invited_accepts_on_her_phone_fills_in_her_questionnaire_and_the_coordinator_sees_it(
    kring: Server,
    browser: Any,  # noqa: F811
    mailbox: tuple[Inbox, int],
) -> None:
    kring.user("bea@wijkteam.nl", "Bea Jansen", "--coordinator")
    network, _, _ = network_with_anna(kring, "bea@wijkteam.nl", "Mevrouw Aaltje de Vries")
    bea = sign_in(browser, kring, "bea@wijkteam.nl")
    bea.goto(f"{kring.url}/netwerken/{network}/toegang")
    bea.click("text=Iemand uitnodigen")
    bea.fill("#veld-name", "Anna")
    bea.fill("#veld-email", "anna@thuis.nl")
    bea.check("input[name=role][value=spilmantelzorger]")
    bea.select_option("#veld-contact-id", label="Anna de Vries")
    accessible(bea, "uitnodigen")
    bea.click("button:has-text('Uitnodiging versturen')")
    bea.wait_for_url("**/toegang")
    assert "Anna is uitgenodigd als spilmantelzorger" in bea.inner_text("main")
    assert "anna@thuis.nl" in bea.inner_text("#uitnodigingen-titel ~ .table-wrap")
    accessible(bea, "toegang-met-uitnodiging")

    mail = mail_to(mailbox[0], "anna@thuis.nl")
    assert mail["Subject"] == "Uitnodiging voor het netwerk van Mevrouw Aaltje de Vries in Kring"
    link = link_in(mail)
    anna = phone(browser)
    anna.goto(link)
    assert "Bea Jansen nodigt u uit voor het netwerk rond Mevrouw Aaltje de Vries." in anna.inner_text("main")
    fits(anna)
    accessible(anna, "uitnodiging-telefoon")
    anna.fill("#veld-name", "Anna de Vries")
    anna.fill("#veld-password", "kort")
    anna.click("button:has-text('Uitnodiging aannemen')")
    assert "Kies een wachtwoord van minstens 10 tekens." in anna.inner_text("main")
    assert anna.input_value("#veld-name") == "Anna de Vries"
    anna.fill("#veld-password", DAUGHTER_PASSWORD)
    anna.click("button:has-text('Uitnodiging aannemen')")
    anna.wait_for_url("**/mijn-zorg")
    main = anna.inner_text("main")
    assert "Welkom in het netwerk van Mevrouw Aaltje de Vries." in main and "Kring vraagt hoe het met u gaat" in main
    fits(anna)
    accessible(anna, "mijn-zorg-telefoon")

    anna.click("text=Vragenlijst invullen (9 vragen)")
    for index in range(9):
        anna.locator(f"input[name='answers.{index}']").nth(3 if index < 5 else 1).check()  # 5 x "Ja", 4 x "Nee"
    fits(anna)
    accessible(anna, "vragenlijst-telefoon")
    anna.click("button:has-text('Opslaan')")
    anna.wait_for_url("**/mijn-zorg")
    main = anna.inner_text("main")
    assert "Dank u wel. Uw antwoorden zijn opgeslagen." in main and "5 van 9" in main
    assert "Kring vraagt hoe het met u gaat" not in main
    accessible(anna, "mijn-zorg-na-vragenlijst-telefoon")

    bea.goto(f"{kring.url}/netwerken/{network}/belasting")
    row = bea.inner_text("tr:has(th:has-text('Anna de Vries'))")
    assert "matig" in row or "zwaar" in row or "5" in row, row
    bea.click("text=Anna de Vries")
    assert "5 / 9" in bea.inner_text("main")
    accessible(bea, "belasting-van-anna")

    used = phone(browser)  # the link once more: it did its work
    response = used.goto(link)
    assert response.status == 410 and "Deze uitnodiging is al gebruikt" in used.inner_text("main")
    accessible(used, "uitnodiging-gebruikt-telefoon")
    for page in (bea, anna, used):
        page.context.close()


@pytest.mark.slow
def test_the_client_accepts_and_withdraws_a_consent(kring: Server, browser: Any, mailbox: tuple[Inbox, int]) -> None:  # noqa: F811
    kring.user("dirk@wijkteam.nl", "Dirk de Wit", "--coordinator")
    network, auth, anna = network_with_anna(kring, "dirk@wijkteam.nl", "Meneer Henk Mulder")
    invitations = f"{kring.url}/api/networks/{network}/invitations"
    daughter = {"email": "anna.mulder@thuis.nl", "name": "Anna", "role": "spilmantelzorger", "contact_id": anna}
    made = requests.post(invitations, json=daughter | {"scopes": ["notes"]}, headers=auth, timeout=10)
    assert made.status_code == 201 and made.json()["sent"] is True
    anna_phone = phone(browser)
    anna_phone.goto(link_in(mail_to(mailbox[0], "anna.mulder@thuis.nl")))
    anna_phone.fill("#veld-password", DAUGHTER_PASSWORD)
    anna_phone.click("button:has-text('Uitnodiging aannemen')")
    anna_phone.wait_for_url("**/mijn-zorg")
    client = {"email": "henk@thuis.nl", "name": "meneer Mulder", "role": "client"}
    assert requests.post(invitations, json=client, headers=auth, timeout=10).status_code == 201

    henk = phone(browser)
    henk.goto(link_in(mail_to(mailbox[0], "henk@thuis.nl")))
    assert "Het netwerk is van u." in henk.inner_text("main")
    henk.fill("#veld-name", "Henk Mulder")
    henk.fill("#veld-password", "mijn-eigen-netwerk")
    henk.click("button:has-text('Uitnodiging aannemen')")
    henk.wait_for_url("**/mijn-netwerk")
    main = henk.inner_text("main")
    assert "Wie is belangrijk voor u?" in main and "Anna" in henk.inner_text("#zien-titel ~ ul.cards")
    assert henk.locator("#ecogram svg").count() == 1
    fits(henk)
    accessible(henk, "mijn-netwerk-client-telefoon")

    henk.click("text=Aanpassen of iemand uitnodigen")
    henk.wait_for_url("**/toegang")
    form = henk.locator("form.consent", has_text="Anna")
    assert form.get_by_label("de notities").is_checked()
    form.get_by_label("de notities").uncheck()
    form.locator("button").click()
    henk.wait_for_url("**/toegang")
    saved = (
        "Opgeslagen: Anna ziet als spilmantelzorger de kaart, maar niet de belasting van anderen en niet de notities."
    )
    assert saved in henk.inner_text("main")
    accessible(henk, "toegang-client-telefoon")
    response = anna_phone.goto(f"{kring.url}/netwerken/{network}/notities")
    assert response.status == 403 and "Dit mag u niet doen" in anna_phone.inner_text("main")
    henk.context.close()
    anna_phone.context.close()


@pytest.mark.slow
def test_an_expired_link_says_so_and_offers_to_ask_for_a_new_one(
    kring: Server,
    browser: Any,  # noqa: F811
    mailbox: tuple[Inbox, int],
) -> None:
    kring.user("eva@wijkteam.nl", "Eva Smit", "--coordinator")
    network, auth, anna = network_with_anna(kring, "eva@wijkteam.nl", "Mevrouw Truus Bos")
    body = {"email": "anna.bos@thuis.nl", "name": "Anna", "role": "spilmantelzorger", "contact_id": anna}
    made = requests.post(f"{kring.url}/api/networks/{network}/invitations", json=body, headers=auth, timeout=10)
    with sqlite3.connect(kring.env["DATABASE_URL"].removeprefix("sqlite:///")) as db:  # a week and a day pass
        db.execute("UPDATE kring_invitations SET expires_at = ? WHERE id = ?", [time.time() - 86400, made.json()["id"]])
    page = phone(browser)
    response = page.goto(link_in(mail_to(mailbox[0], "anna.bos@thuis.nl")))
    assert response.status == 410 and "Deze uitnodiging is verlopen" in page.inner_text("main")
    fits(page)
    accessible(page, "uitnodiging-verlopen-telefoon")
    page.click("button:has-text('Vraag om een nieuwe uitnodiging')")
    assert "Uw vraag is verstuurd" in page.inner_text("main")
    asked = mail_to(mailbox[0], "eva@wijkteam.nl")
    assert asked["Subject"] == "Anna vraagt om een nieuwe uitnodiging"
    eva = sign_in(browser, kring, "eva@wijkteam.nl")
    eva.goto(link_in(asked))
    row = eva.inner_text("tr:has(th:has-text('Anna'))")
    assert "verlopen" in row and "vraagt om een nieuwe link" in row
    eva.click("button:has-text('Opnieuw versturen')")
    assert "opnieuw verstuurd naar anna.bos@thuis.nl" in eva.inner_text("main")
    fresh = phone(browser)
    assert fresh.goto(link_in(mail_to(mailbox[0], "anna.bos@thuis.nl"))).status == 200
    for opened in (page, eva, fresh):
        opened.context.close()


@pytest.mark.slow
def test_a_coordinator_turns_on_one_time_codes_and_signs_in_with_a_real_code(kring: Server, browser: Any) -> None:  # noqa: F811
    kring.user("cor@wijkteam.nl", "Cor de Groot", "--coordinator")
    cor = sign_in(browser, kring, "cor@wijkteam.nl")
    cor.click("text=Mijn account")
    cor.click("text=Inloggen in twee stappen instellen")
    assert cor.locator("figure.qr svg[role=img]").count() == 1  # made on the server: no image from elsewhere
    secret = cor.inner_text("p.secret code").replace(" ", "")
    app = pyotp.TOTP(secret)
    accessible(cor, "tweestaps-instellen")
    used = app.now()
    cor.fill("#veld-code", used)
    cor.click("button:has-text('Aanzetten')")
    assert "Inloggen in twee stappen staat aan." in cor.inner_text("main")
    assert cor.locator("ul.codes li").count() == 10
    accessible(cor, "herstelcodes")
    cor.click("text=Ik heb ze bewaard, verder")
    cor.click("button:has-text('Uitloggen')")

    again = phone(browser)
    again.goto(f"{kring.url}/inloggen")
    again.fill("#email", "cor@wijkteam.nl")
    again.fill("#password", PASSWORD)
    again.click("button[type=submit]")
    again.wait_for_url("**/inloggen/code")
    fits(again)
    accessible(again, "code-invullen-telefoon")
    again.fill("#veld-code", used)  # the code that turned it on: used already
    again.click("button:has-text('Inloggen')")
    assert "Deze code klopt niet (of is al gebruikt)." in again.inner_text("main")
    accessible(again, "code-fout-telefoon")
    again.fill("#veld-code", app.at(time.time() + 30))
    again.click("button:has-text('Inloggen')")
    again.wait_for_url("**/netwerken")
    assert "Ingelogd als Cor de Groot" in again.inner_text("header")
    cor.context.close()
    again.context.close()
