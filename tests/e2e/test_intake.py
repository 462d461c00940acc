"""Mapping a network at the kitchen table in a real browser: the client's profile, six people, six ties, eight tasks,
three pairs who know each other and the spilmantelzorger in three form submissions; a problem in one row; and a
person's card (a phone number corrected, a ring moved after the tie weakened, a pair added). Screenshots at desktop
size and at 390x844 land in var/screenshots/."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from tests.e2e.browser import (  # noqa: F401 - fixtures
    SCREENSHOTS,
    Server,
    accessible,
    browser,
    server,
    sign_in,
    today,
)

COORDINATOR = "noor@wijkteam.nl"
SITTING = today() - timedelta(days=2)
NETWORK_URL = re.compile(r".*/netwerken/([0-9a-f-]{36})$")
PHONE = (390, 844)
PEOPLE: list[dict[str, Any]] = [
    {"name": "Ria", "relation": "child", "ring": "intimate", "strength": "strong", "flow": "both",
     "frequency": "daily", "lives": True,
     "tasks": [("practical", "boodschappen", "elke zaterdag"), ("emotional", "luistert als het tegenzit", "")]},
    {"name": "Kees", "relation": "child", "ring": "friend", "mode": "video", "strength": "normal",
     "flow": "to_client", "frequency": "weekly", "tasks": [("advice", "helpt met formulieren", "maandelijks")]},
    {"name": "Joke", "relation": "neighbour", "ring": "friend", "strength": "strong", "flow": "both",
     "tasks": [("companionship", "koffie drinken", "dinsdag"), ("practical", "plantjes water geven", "")]},
    {"name": "Henk", "relation": "friend", "ring": "intimate", "mode": "phone", "strength": "tenuous",
     "stressful": True, "flow": "from_client",
     "tasks": [("emotional", "belt hem op zondag", "wekelijks", "from_client")]},
    {"name": "Wijkverpleging", "relation": "organisation", "ring": "service", "strength": "normal",
     "flow": "to_client", "tasks": [("personal_care", "wassen en aankleden", "dagelijks")]},
    {"name": "Bas", "relation": "volunteer", "ring": "acquaintance", "strength": "normal", "flow": "to_client",
     "tasks": [("practical", "rijdt naar de huisarts", "")]},
]  # fmt: skip
PAIRS = (("Kees", "Ria"), ("Joke", "Ria"), ("Bas", "Joke"))


def _posts(page: Any) -> list[str]:
    """Every form the page submits from now on (the count of submissions)."""
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.method == "POST" else None)
    return sent


def _fill_person(page: Any, row: int, person: dict[str, Any]) -> None:
    field = f"#veld-people-{row}-"
    page.fill(field + "name", person["name"])
    page.select_option(field + "relation", person["relation"])
    page.select_option(field + "ring", person["ring"])
    page.select_option(field + "contact-mode", person.get("mode", "in_person"))
    page.set_checked(field + "lives-with-client", person.get("lives", False))
    page.select_option(field + "strength", person["strength"])
    page.select_option(field + "flow", person["flow"])
    page.select_option(field + "frequency", person.get("frequency", ""))
    page.set_checked(field + "stressful", person.get("stressful", False))
    for index, (kind, task, rhythm, *direction) in enumerate(person["tasks"]):
        if index:
            page.click(f"#persoon-{row} >> text=Nog een taak")  # added in place, with a little JavaScript
        task_field = f"{field}tasks-{index}-"
        page.select_option(task_field + "support-type", kind)
        page.fill(task_field + "task", task)
        page.fill(task_field + "rhythm", rhythm)
        page.select_option(task_field + "direction", direction[0] if direction else "to_client")


def _first_step(page: Any, people: list[dict[str, Any]]) -> None:
    page.fill("#veld-client-name", "Mevrouw Aaltje de Wit")
    page.fill("#veld-held-on", SITTING.isoformat())
    for row, person in enumerate(people):
        if row >= 3:  # three rows to start with; more with the button, in place
            page.click("text=Nog iemand toevoegen")
            assert page.evaluate("document.activeElement.id") == f"veld-people-{row}-name"
        _fill_person(page, row, person)
    page.fill("#veld-client-date-of-birth", "1942-03-14")
    page.select_option("#veld-client-living-situation", "alone")
    page.fill("#veld-client-help-question", "Ik wil thuis blijven wonen, maar de boodschappen lukken niet meer.")


def _both_sizes(page: Any, name: str) -> None:
    """axe-core and a screenshot at desktop size, then a screenshot on a phone (nothing wider than the screen)."""
    accessible(page, name)
    size = page.viewport_size
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{name} scrolls sideways"
    page.screenshot(path=str(SCREENSHOTS / f"{name}-390.png"), full_page=True)
    page.set_viewport_size(size)


@pytest.mark.slow
def test_a_kitchen_table_intake_is_three_submissions_with_map_and_timeline(server: Server, browser: Any) -> None:  # noqa: F811
    server.user(COORDINATOR, "Noor Bakker", "--coordinator")
    page = sign_in(browser, server, COORDINATOR)
    posts = _posts(page)
    page.click("text=Netwerk in kaart brengen")
    assert page.inner_text("h2 >> nth=0") == "Wie is belangrijk voor u?"
    _first_step(page, PEOPLE)
    _both_sizes(page, "in-kaart-1-wie-is-belangrijk")
    page.click("button:has-text('Opslaan en verder')")
    page.wait_for_url("**/in-kaart/wie-kent-wie?dag=*")
    for first, second in PAIRS:
        page.check(f"fieldset.knows:has-text('{first} kent ook') >> label:has-text('{second}') >> input")
    _both_sizes(page, "in-kaart-2-wie-kent-wie")
    page.click("button:has-text('Opslaan en verder')")
    page.wait_for_url("**/in-kaart/spilmantelzorger?dag=*")
    page.check("label:has-text('Ria') >> input")
    assert page.locator("label:has-text('Wijkverpleging')").count() == 0  # no professional can be the one
    _both_sizes(page, "in-kaart-3-spilmantelzorger")
    page.click("button:has-text('Klaar')")
    page.wait_for_url(NETWORK_URL)
    assert len(posts) == 3, posts  # the whole sitting: three submissions

    # the map: six people, six ties, three pairs, Ria the spilmantelzorger, Kees and Henk mostly at a distance
    header = page.inner_text("header.network-head")
    assert "84 jaar" in header or "83 jaar" in header
    assert "woont alleen" in header and "de boodschappen lukken niet meer" in header
    ecogram = page.locator("#ecogram")
    assert ecogram.locator("g.contact").count() == 6 and ecogram.locator("g.tie").count() == 6
    assert ecogram.locator("line.acquaintance").count() == 3
    assert (ecogram.locator("g.contact.spilmantelzorger").text_content() or "").startswith("Ria")
    grey = ecogram.locator("g.contact circle.node[fill='#a6a6a6']")
    assert grey.count() == 2
    assert "woont bij de cliënt" in page.inner_text("tr:has(th:has-text('Ria'))")
    _both_sizes(page, "in-kaart-ecogram")

    # the measures: 3 of the 15 pairs know each other; with two, contact is mostly at a distance
    page.click("nav.tabs >> text=Kwaliteit")
    quality = page.inner_text("main")
    assert "3 van de 15 mogelijke tweetallen kennen elkaar (20%)." in quality
    assert "Met 2 van de 6 mensen is er vooral contact op afstand (telefoon, beeldbellen of digitaal)." in quality
    page.click("nav.tabs >> text=Wie doet wat")
    assert page.locator("table tbody tr").count() == 8

    # the timeline: everything on the day of the sitting
    page.click("nav.tabs >> text=Tijdlijn")
    lines = page.locator(".timeline-day li").all_inner_texts()
    assert len(lines) == 1 + 3 + 6 + 6 + 8 + 3 + 1
    days = [t.get_attribute("datetime") for t in page.locator(".timeline-day h3 time").all()]
    assert days == [SITTING.isoformat()]
    assert any("Ria is spilmantelzorger geworden" in line for line in lines)
    page.context.close()


@pytest.mark.slow
def test_a_problem_in_row_four_comes_back_beside_it_and_nothing_is_saved(server: Server, browser: Any) -> None:  # noqa: F811
    server.user("otto@wijkteam.nl", "Otto Smit", "--coordinator")
    page = sign_in(browser, server, "otto@wijkteam.nl")
    page.click("text=Netwerk in kaart brengen")
    people = [dict(p) for p in PEOPLE[:5]]
    people[3]["name"] = ""
    _first_step(page, people)
    page.click("button:has-text('Opslaan en verder')")
    row_four = page.locator("#persoon-3")
    assert "Vul dit in." in row_four.locator(".field-error").inner_text()
    assert page.get_attribute("#veld-people-3-name", "aria-invalid") == "true"
    assert "Persoon 4: naam" in page.inner_text("#problemen")
    assert page.input_value("#veld-people-2-name") == "Joke"  # every row as typed
    assert page.input_value("#veld-people-4-tasks-0-task") == "wassen en aankleden"
    assert page.input_value("#veld-people-3-tasks-0-task") == "belt hem op zondag"
    _both_sizes(page, "in-kaart-fout-in-rij-4")
    page.goto(f"{server.url}/netwerken")
    assert "U heeft nog geen netwerken." in page.inner_text("main")  # nothing was saved
    page.context.close()


@pytest.mark.slow
def test_a_card_corrects_a_phone_number_moves_a_ring_and_adds_a_pair(server: Server, browser: Any) -> None:  # noqa: F811
    server.user("pim@wijkteam.nl", "Pim Jansen", "--coordinator")
    token = server.token("pim@wijkteam.nl")
    import requests  # noqa: PLC0415 - only this test sets up over the API

    sitting = {"client_name": "Meneer Rob Visser", "held_on": SITTING.isoformat(), "people": [
        {"ref": "rob", "name": "Rob", "relation": "friend", "ring": "intimate", "phone": "06 1234 567",
         "strength": "strong", "flow": "both"},
        {"ref": "els", "name": "Els", "relation": "neighbour", "ring": "friend", "strength": "normal"},
    ]}  # fmt: skip
    made = requests.post(f"{server.url}/api/networks/intake", json=sitting, headers=token, timeout=10)
    assert made.status_code == 201, made.text
    network_id, (rob, _) = made.json()["id"], made.json()["contact_ids"]
    weaker = {"strength": "tenuous", "flow": "both"}
    tie = requests.put(f"{server.url}/api/networks/{network_id}/contacts/{rob}/tie", json=weaker, headers=token,
                       timeout=10)  # fmt: skip
    assert tie.status_code == 200, tie.text

    page = sign_in(browser, server, "pim@wijkteam.nl")
    page.click("text=Meneer Rob Visser")
    page.click("tr:has(th:has-text('Rob')) >> a:has-text('Rob')")  # every name opens the card
    assert page.inner_text("h1") == "Rob"
    assert "De band is zwakker geworden" in page.inner_text("main")
    _both_sizes(page, "kaart-van-een-persoon")
    page.fill("#veld-phone", "06 1234 5678")
    page.click("button:has-text('Gegevens opslaan')")
    assert "De gegevens van Rob zijn bijgewerkt." in page.inner_text("main")
    assert "telefoon: 06 1234 5678" in page.inner_text("section:has(h2:has-text('Geschiedenis'))")
    page.click("button:has-text('Verplaats naar vrienden')")
    assert "ring: vrienden" in page.inner_text("p.lead") and "De band is zwakker geworden" not in page.inner_text(
        "main"
    )
    page.check("fieldset:has-text('Rob kent:') >> label:has-text('Els') >> input")
    page.click("button:has-text('Opslaan wie Rob kent')")
    assert "Opgeslagen wie Rob kent." in page.inner_text("main")
    assert "Els en Rob kennen elkaar" in page.inner_text("section:has(h2:has-text('Geschiedenis'))")
    accessible(page, "kaart-na-wijzigingen")
    page.context.close()
