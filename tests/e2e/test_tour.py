"""The first five minutes, in a real browser: a new coordinator opens the demo network from the empty first page,
goes back a year, sees what changed and how the daughter's burden grew, prints the page for the fridge, and looks
again on a phone. The pictures of the README's tour are taken here (`make screenshots` writes them to
docs/screenshots/)."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from typing import Any

import pytest
from pypdf import PdfReader

from tests.e2e.browser import (  # noqa: F401 - fixtures
    PHONE,
    Server,
    accessible,
    browser,
    server,
    sign_in,
    today,
    tour_picture,
)

KIM = "kim@wijkteam.nl"
NETWORK_URL = re.compile(r".*/netwerken/([0-9a-f-]{36})$")
DESKTOP = {"viewport": {"width": 1200, "height": 800}}
YEAR_AGO = today() - timedelta(days=364)


@pytest.mark.slow
def test_a_new_coordinator_finds_a_living_network_in_the_first_five_minutes(server: Server, browser: Any) -> None:  # noqa: F811
    server.user(KIM, "Kim de Jong", "--coordinator")
    page = sign_in(browser, server, KIM, **DESKTOP)
    assert "U heeft nog geen netwerken." in page.inner_text("main")
    accessible(page, "eerste-pagina")
    page.click("button:has-text('Bekijk een voorbeeldnetwerk')")
    page.wait_for_url(NETWORK_URL)
    assert "Dit is een voorbeeldnetwerk met een jaar geschiedenis" in page.inner_text("main")
    assert "Ellen de Boer is zwaar belast" in page.inner_text("section.attention")
    accessible(page, "voorbeeld-ecogram")
    tour_picture(page, "ecogram", full_page=True, clip=_around(page, "section.map", "section.attention"))

    page.focus("#schuif")  # a year back with the slider: Truus was there, Lisa and Kees were not
    page.keyboard.press("Home")
    page.wait_for_url(f"**op={YEAR_AGO.isoformat()}")
    people = page.inner_text("table")
    assert "Truus Mulder" in people and "Lisa de Boer" not in people
    tour_picture(page, "een-jaar-geleden", full_page=True, clip=_around(page, "section.map", "section.map"))

    page.click("nav.tabs >> text=Veranderingen")
    page.goto(page.url + f"?sinds={YEAR_AGO.isoformat()}")
    changed = page.inner_text("main")
    assert "Truus Mulder" in changed and "Kees (maatje, vrijwilliger)" in changed
    accessible(page, "voorbeeld-veranderingen")
    tour_picture(page, "veranderingen")

    page.click("nav.tabs >> text=Belasting")
    page.click("main >> text=Ellen de Boer")
    assert "zwaar belast" in page.inner_text("main")
    accessible(page, "voorbeeld-belasting")
    tour_picture(page, "belasting", full_page=True, clip=_around(page, "h1", "figure.drawing"))

    page.click("text=Netwerk van Voorbeeld: mevrouw Ria de Boer")
    page.click("nav.tabs >> text=Afdrukken")
    assert "06 00 00 11 01" in page.inner_text("main")  # Ellen's number, in large type
    accessible(page, "voorbeeld-afdruk")
    pdf = page.request.get(page.url.replace("/afdrukken", "/ecogram.pdf"))
    printed = PdfReader(io.BytesIO(pdf.body()))
    assert len(printed.pages) == 1 and "Boodschappen doen: elke zaterdag" in printed.pages[0].extract_text()
    page.set_viewport_size({"width": 794, "height": 1123})  # A4's width on screen
    tour_picture(page, "afdruk", full_page=True, clip=_around(page, "main h1", "main footer"))
    page.context.close()

    phone = sign_in(browser, server, KIM, **PHONE)
    assert "Voorbeeld: mevrouw Ria de Boer" in phone.inner_text("main")
    tour_picture(phone, "telefoon-mijn-netwerken")
    phone.click("text=Voorbeeld: mevrouw Ria de Boer")
    phone.wait_for_url(NETWORK_URL)
    accessible(phone, "voorbeeld-telefoon")
    tour_picture(phone, "telefoon-ecogram")
    phone.context.close()


def _around(page: Any, first: str, last: str) -> dict[str, Any]:
    """The clip of a whole-page picture from the top of one element to the bottom of another, the page's width."""
    scrolled = page.evaluate("window.scrollY")
    top, bottom = page.locator(first).bounding_box(), page.locator(last).bounding_box()
    height = bottom["y"] + bottom["height"] - top["y"] + 24
    return {"x": 0, "y": top["y"] + scrolled - 12, "width": page.viewport_size["width"], "height": height}
