"""A card for every person (everything about them, changeable, with its history), the client's profile at the top
of the network, and reviews and meetings with the people of the network."""

from __future__ import annotations

import html
import re

from flask import Flask

from tests.integration.api_helpers import OPENED_ON, add_contact, event_types, open_network
from tests.integration.api_helpers import network as read_network
from tests.integration.test_pages import FIELD_ERROR, Desk


def _network_with_rob(desk: Desk) -> tuple[str, str, str]:
    network = open_network(desk.api)
    rob = add_contact(desk.api, network, name="Rob", category="friend", ring="intimate", phone="06 1234 5678")
    sam = add_contact(desk.api, network, name="Sam", category="household", ring="intimate")
    strong = {"strength": "strong", "flow": "both", "effective_on": OPENED_ON}
    assert desk.api.put(f"/api/networks/{network}/contacts/{rob}/tie", json=strong).status_code == 200
    weaker = {"strength": "tenuous", "flow": "both", "effective_on": "2026-09-15"}
    assert desk.api.put(f"/api/networks/{network}/contacts/{rob}/tie", json=weaker).status_code == 200
    desk.settled()
    return network, rob, sam


def test_every_name_on_the_network_page_opens_the_card_with_everything_recorded(app: Flask) -> None:
    desk = Desk(app)
    network, rob, _ = _network_with_rob(desk)
    _, page = desk.page(f"/netwerken/{network}")
    card = f"/netwerken/{network}/mensen/{rob}"
    assert f'href="{card}">Rob</a>' in page
    status, page = desk.page(card)
    assert status == 200 and "<h1>Rob</h1>" in page and 'href="tel:0612345678"' in page
    assert "Band met Rob zwakker geworden (zwak)" in page  # the history
    log = desk.api.get(f"/api/networks/{network}/access-log").json["items"]
    assert log[0]["looked_at"] == "een contact"


def test_a_typo_in_a_phone_number_is_corrected_and_the_old_one_stays_in_the_history(app: Flask) -> None:
    desk = Desk(app)
    network, rob, _ = _network_with_rob(desk)
    card = f"/netwerken/{network}/mensen/{rob}"
    wrong = desk.post(f"{card}/gegevens", {"name": "Rob", "phone": "06 12 34 5x", "relation": "friend"})
    assert wrong.status_code == 422
    assert [html.unescape(e) for e in FIELD_ERROR.findall(wrong.get_data(as_text=True))] == [
        "Gebruik cijfers, spaties, '-' en '()', en eventueel '+'."
    ]
    saved = desk.post(f"{card}/gegevens", {"name": "Rob", "phone": "06 1234 5679", "relation": "friend",
                                           "contact_mode": "phone", "effective_on": "2026-10-01"})  # fmt: skip
    assert saved.status_code == 303 and saved.headers["Location"].endswith(card)
    desk.settled()
    _, page = desk.page(card)
    assert "06 1234 5679" in page and "vooral telefonisch" in page
    assert "telefoon: 06 1234 5679" in page and "Gegevens van Rob gewijzigd" in page
    found = {c["name"]: c for c in read_network(desk.api, network)["contacts"]}
    assert (found["Rob"]["phone"], found["Rob"]["relation"]) == ("06 1234 5679", "friend")
    assert found["Rob"]["category"] == "friend"


def test_a_weakened_tie_suggests_moving_them_outward_and_one_click_does_it(app: Flask) -> None:
    desk = Desk(app)
    network, rob, _ = _network_with_rob(desk)
    card = f"/netwerken/{network}/mensen/{rob}"
    _, page = desk.page(card)
    assert "De band is zwakker geworden" in page and "Verplaats naar vrienden" in page
    moved = desk.post(f"{card}/ring", {"ring": "friend"})
    assert moved.status_code == 303
    desk.settled()
    _, page = desk.page(card)
    assert "De band is zwakker geworden" not in page and "ring: vrienden" in page
    assert event_types(desk.api, network)[-1] == "ContactDetailsChanged"


def test_who_knows_whom_is_ticked_on_the_card_and_unticked_again(app: Flask) -> None:
    desk = Desk(app)
    network, rob, sam = _network_with_rob(desk)
    card = f"/netwerken/{network}/mensen/{rob}"
    assert desk.post(f"{card}/kent", {"knows": sam}).status_code == 303
    assert [sorted(a["contact_ids"]) for a in read_network(desk.api, network)["acquaintances"]] == [sorted([rob, sam])]
    desk.settled()
    _, page = desk.page(card)
    assert re.search(rf'value="{sam}" checked', page)
    assert desk.post(f"{card}/kent", {}).status_code == 303  # nobody ticked: they no longer know each other
    assert read_network(desk.api, network)["acquaintances"] == []
    assert event_types(desk.api, network)[-2:] == ["ContactsAcquainted", "AcquaintanceEnded"]


def test_the_clients_profile_is_shown_on_top_and_edited_with_its_history(app: Flask) -> None:
    desk = Desk(app)
    network, _, _ = _network_with_rob(desk)
    saved = desk.post(f"/netwerken/{network}/profiel", {
        "client_name": "Ans", "date_of_birth": "1942-03-14", "living_situation": "alone",
        "help_question": "Ik wil weer naar de markt.", "effective_on": "2026-10-01"})  # fmt: skip
    assert saved.status_code == 303
    desk.settled()
    _, page = desk.page(f"/netwerken/{network}")
    assert "84 jaar" in page and "woont alleen" in page and "Ik wil weer naar de markt." in page  # today: 2026-11-26
    _, profile = desk.page(f"/netwerken/{network}/profiel")
    assert "Hulpvraag van de cliënt in eigen woorden vastgelegd" in profile and "14 maart 1942" in profile
    future = desk.post(f"/netwerken/{network}/profiel", {"client_name": "Ans", "date_of_birth": "2030-01-01"})
    assert future.status_code == 422 and "Deze datum ligt in de toekomst." in future.get_data(as_text=True)


def test_a_review_picks_its_participants_from_the_network_and_says_whether_the_client_was_there(app: Flask) -> None:
    desk = Desk(app)
    network, rob, sam = _network_with_rob(desk)
    _, form = desk.page(f"/netwerken/{network}/bespreking")
    assert f'name="participant_ids" value="{rob}"' in form and 'name="client_took_part" value="ja"' in form
    saved = desk.post(f"/netwerken/{network}/bespreking", {"participant_ids": [rob, sam], "client_took_part": "ja",
                                                           "participants": "Dokter Visser"})  # fmt: skip
    assert saved.status_code == 303, saved.get_data(as_text=True)
    desk.settled()
    [review] = desk.api.get(f"/api/networks/{network}/reviews").json["items"]
    assert set(review["participant_ids"]) == {rob, sam} and review["client_took_part"] is True
    _, notes = desk.page(f"/netwerken/{network}/notities")
    assert f'href="/netwerken/{network}/mensen/{rob}">Rob</a>' in notes and "met de cliënt" in notes


def test_an_agreement_at_a_meeting_becomes_a_task_in_one_step(app: Flask) -> None:
    desk = Desk(app)
    network, rob, sam = _network_with_rob(desk)
    form = {
        "attendee_ids": [rob, sam],
        "client_took_part": "nee",
        "agreements.0.text": "We bellen na de vakantie",
        "agreements.1.text": "maait het gras",
        "agreements.1.contact_id": rob,
        "agreements.1.support_type": "practical",
        "agreements.1.rhythm": "elke twee weken",
        "agreements.2.text": "",
    }
    more = desk.post(f"/netwerken/{network}/bijeenkomst", {**form, "add": "agreement"})
    assert 'name="agreements.3.text"' in more.get_data(as_text=True) and 'value="maait het gras"' in more.get_data(
        as_text=True
    )
    wrong = desk.post(f"/netwerken/{network}/bijeenkomst", {**form, "agreements.1.support_type": ""})
    assert wrong.status_code == 422 and 'id="veld-agreements-1-support-type-fout"' in wrong.get_data(as_text=True)
    saved = desk.post(f"/netwerken/{network}/bijeenkomst", form)
    assert saved.status_code == 303, saved.get_data(as_text=True)
    assert event_types(desk.api, network)[-2:] == ["SupportGroupMeetingHeld", "SupportRoleAssigned"]
    [role] = read_network(desk.api, network)["roles"]
    assert (role["contact_id"], role["task"], role["rhythm"]) == (rob, "maait het gras", "elke twee weken")


def test_the_card_of_someone_who_left_shows_their_history_and_can_no_longer_be_changed(app: Flask) -> None:
    desk = Desk(app)
    network, rob, _ = _network_with_rob(desk)
    gone = desk.api.delete(f"/api/networks/{network}/contacts/{rob}", json={"reason": "verhuisd"})
    assert gone.status_code == 200
    desk.settled()
    card = f"/netwerken/{network}/mensen/{rob}"
    status, page = desk.page(card)
    assert status == 200 and "niet meer in het netwerk" in page and "Reden: verhuisd" in page
    assert "Gegevens opslaan" not in page and "Rob uit het netwerk gehaald" in page
    assert desk.post(f"{card}/gegevens", {"name": "Robert"}).status_code == 404
    _, timeline = desk.page(f"/netwerken/{network}/tijdlijn")
    assert f'href="{card}">Rob uit het netwerk gehaald (reden: verhuisd)</a>' in timeline
