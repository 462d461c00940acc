"""Print for the fridge: the PDF is one A4 page with the ecogram, who does what and when, and the phone numbers,
read back from the PDF itself; the numbers only for who may see the map (a member: with the client's consent)."""

from __future__ import annotations

import io
import re
from uuid import UUID

from flask import Flask
from pypdf import PdfReader

from services.web.current import services_of
from tests.integration.api_helpers import add_contact, open_network
from tests.integration.test_pages import Desk

A4_POINTS = (595, 842)
PHONE = re.compile(r"\b0\d[\d ]{7,}\d\b")


def _demo(desk: Desk) -> tuple[UUID, list[tuple[str, str]], list[str]]:
    """Bea's demo network: its id, its tasks (what, when) and its phone numbers."""
    outcome = services_of(desk.app).demo.make(desk.staff.id("Bea"), lambda text: text)
    desk.settled()
    network = services_of(desk.app).read_side.network(outcome.network_id)
    tasks = [(role.task, role.rhythm or "") for role in network.active_roles]
    return outcome.network_id, tasks, [c.phone for c in network.active_contacts if c.phone]


def _printed(desk: Desk, path: str) -> str:
    """The text of the one A4 page of the PDF at `path` (the test fails on any other number of pages or size)."""
    answer = desk.web.get(path)
    assert answer.status_code == 200 and answer.mimetype == "application/pdf", answer.status_code
    pdf = PdfReader(io.BytesIO(answer.data))
    assert len(pdf.pages) == 1
    assert (round(pdf.pages[0].mediabox.width), round(pdf.pages[0].mediabox.height)) == A4_POINTS
    return " ".join(pdf.pages[0].extract_text().split())


def test_the_fridge_pdf_is_one_a4_page_with_who_does_what_and_when_and_every_phone_number(
    any_store_app: Flask,
) -> None:
    desk = Desk(any_store_app)
    network_id, tasks, phones = _demo(desk)
    text = _printed(desk, f"/netwerken/{network_id}/ecogram.pdf")
    assert "Het netwerk van Voorbeeld: mevrouw Ria de Boer" in text and "Wie doet wat, en wanneer" in text
    assert "Ellen de Boer (spilmantelzorger) 06 00 00 11 01 Boodschappen doen: elke zaterdag" in text
    assert all(task in text and rhythm in text for task, rhythm in tasks)
    assert sorted(PHONE.findall(text)) == sorted(phones) and len(phones) == 9
    assert "kijk in Kring" not in text  # everyone fits


def test_without_phone_numbers_the_page_keeps_who_does_what(app: Flask) -> None:
    desk = Desk(app)
    network_id, tasks, _ = _demo(desk)
    text = _printed(desk, f"/netwerken/{network_id}/ecogram.pdf?telefoon=nee")
    assert PHONE.findall(text) == [] and all(task in text for task, _ in tasks)
    _, page = desk.page(f"/netwerken/{network_id}/afdrukken?telefoon=nee")
    assert "Met telefoonnummers" in page and 'href="tel:' not in page


def test_the_ecogram_alone_fills_the_page_with_its_legend_and_nothing_else(app: Flask) -> None:
    desk = Desk(app)
    network_id, tasks, _ = _demo(desk)
    text = _printed(desk, f"/netwerken/{network_id}/ecogram.pdf?alleen=ecogram")
    assert "Ecogram van Voorbeeld: mevrouw Ria de Boer" in text and "Legenda" in text
    assert PHONE.findall(text) == [] and "Wie doet wat" not in text and tasks[0][0] not in text
    _, page = desk.page(f"/netwerken/{network_id}/afdrukken")
    assert "Alleen het ecogram, zo groot mogelijk" in page and 'class="legend"' in page


def test_a_member_prints_the_phone_numbers_with_the_clients_consent_for_the_map_and_nothing_without(
    any_store_app: Flask,
) -> None:
    bea = Desk(any_store_app)
    network_id, _, phones = _demo(bea)
    mo = Desk(any_store_app, "Mo", bea.staff)
    henk = next(
        c for c in services_of(any_store_app).read_side.network(network_id).active_contacts if c.name == "Henk Jansen"
    )
    grant = {"user": bea.staff.user("Mo").email, "role": "member", "contact_id": henk.id}
    assert bea.api.post(f"/api/networks/{network_id}/access", json=grant).status_code == 201
    consent = f"/api/networks/{network_id}/consent/{bea.staff.id('Mo')}"
    assert bea.api.put(consent, json={"scopes": ["map"]}).status_code == 200
    assert sorted(PHONE.findall(_printed(mo, f"/netwerken/{network_id}/ecogram.pdf"))) == sorted(phones)
    assert bea.api.put(consent, json={"scopes": []}).status_code == 200
    for path in ("ecogram.pdf", "afdrukken"):
        status, page = mo.page(f"/netwerken/{network_id}/{path}")
        assert status == 403 and "06 00" not in page


def test_a_network_too_large_for_one_page_lists_who_fits_and_says_how_many_more(app: Flask) -> None:
    desk = Desk(app)
    network = open_network(desk.api)
    for i in range(30):
        contact = add_contact(desk.api, network, name=f"Buurvrouw nummer {i:02}", phone=f"06 00 00 20 {i:02}")
        role = {"contact_id": contact, "support_type": "practical", "direction": "to_client", "rhythm": "elke week"}
        role["task"] = "Boodschappen doen, de post ophalen en de planten water geven"
        assert desk.api.post(f"/api/networks/{network}/roles", json=role).status_code == 201
    desk.settled()
    text = _printed(desk, f"/netwerken/{network}/ecogram.pdf")
    listed = len(PHONE.findall(text))
    more = re.search(r"En nog (\d+) mensen: kijk in Kring\.", text)
    assert more is not None and listed >= 5 and listed + int(more.group(1)) == 30
