"""Kring's icon: every page links it, every link answers with the picture (kept for a year), also without signing
in, and the address browsers try by themselves (/favicon.ico) is there too."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from tests.integration.test_pages import Desk, _network_with_piet

ICON_LINK = re.compile(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"')
YEAR = 365 * 24 * 3600


def _icons_answer(browser: FlaskClient, page: str) -> list[str]:
    links = ICON_LINK.findall(page)
    for link in links:
        with browser.get(link) as answer:
            assert answer.status_code == 200, link
            assert answer.mimetype in ("image/svg+xml", "image/vnd.microsoft.icon", "image/png"), link
            assert answer.cache_control.max_age == YEAR and answer.cache_control.public, link
    return links


def test_every_page_links_the_icon_and_every_link_answers_with_it(app: Flask) -> None:
    desk = Desk(app)
    network, _ = _network_with_piet(desk)
    paths = ["/netwerken", f"/netwerken/{network}", f"/netwerken/{network}/afdrukken", "/netwerken/nieuw"]
    paths += ["/api/docs", "/netwerken/00000000-0000-4000-8000-000000000000"]  # the docs; the page not found
    for path in paths:
        _, page = desk.page(path)
        assert len(_icons_answer(desk.web, page)) == 3, path


def test_the_icon_is_there_before_signing_in_and_at_the_address_browsers_guess(app: Flask) -> None:
    stranger = app.test_client()
    page = stranger.get("/inloggen").get_data(as_text=True)
    assert [link.split("?")[0] for link in _icons_answer(stranger, page)] == [
        "/favicon.ico",
        "/favicon.svg",
        "/apple-touch-icon.png",
    ]
    with stranger.get("/favicon.ico") as guessed:
        assert guessed.status_code == 200 and guessed.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
