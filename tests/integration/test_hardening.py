"""Hardening: security headers on every page, API answer and error; the API documentation served by Kring
itself, without a CDN."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.integration.api_helpers import open_network
from tests.integration.test_pages import Desk

LOCAL_ASSET = re.compile(r'(?:src|href)="([^"]+)"')


def _secured(response: TestResponse, *, personal: bool = True) -> None:
    """The headers that keep a page or an answer from being framed, sniffed, leaked or cached."""
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    if personal:
        assert response.headers["Cache-Control"] == "no-store"


def test_a_page_an_api_answer_and_an_error_carry_the_security_headers(app: Flask) -> None:
    desk = Desk(app)
    network = open_network(desk.api)
    desk.settled()
    page = desk.web.get(f"/netwerken/{network}")
    assert page.status_code == 200
    _secured(page)
    answer = desk.api.get(f"/api/networks/{network}")
    assert answer.status_code == 200
    _secured(answer)
    for error in (desk.api.get("/api/networks/00000000-0000-4000-8000-000000000000"), desk.web.get("/nergens")):
        assert error.status_code == 404
        _secured(error)
    unauthorised = app.test_client().get(f"/api/networks/{network}")
    assert unauthorised.status_code == 401
    _secured(unauthorised)


def test_static_files_keep_their_own_caching_and_the_headers(client: FlaskClient) -> None:
    with client.get("/static/kring.css") as style:
        assert style.status_code == 200 and style.headers["Cache-Control"] != "no-store"
        _secured(style, personal=False)


def test_no_page_has_inline_script_or_style(app: Flask) -> None:
    """The CSP allows no inline script or style: the templates use none (no <script> with a body, no on...=
    handlers, no style attributes or elements)."""
    templates = app.jinja_loader.list_templates()  # type: ignore[union-attr]
    for name in templates:
        source = app.jinja_loader.get_source(app.jinja_env, name)[0]  # type: ignore[union-attr]
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", source), name
        assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=", source), name


def test_the_api_documentation_uses_only_kring_s_own_files_and_each_is_served(client: FlaskClient) -> None:
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    _secured(docs, personal=False)
    page = docs.get_data(as_text=True)
    assets = LOCAL_ASSET.findall(page)
    assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets), assets
    assert 'data-spec-url="/api/openapi.json"' in page
    for asset in assets:
        with client.get(asset) as served:
            assert served.status_code == 200, asset
            kinds = ("text/css", "text/javascript", "application/javascript", "image/png", "image/svg+xml")
            assert served.mimetype in (*kinds, "image/vnd.microsoft.icon"), asset  # the last two: Kring's icon


@pytest.mark.parametrize("name", ["swagger-ui-bundle.js", "swagger-ui.css"])
def test_swagger_ui_s_files_are_served_whole_and_nothing_outside_their_folder(client: FlaskClient, name: str) -> None:
    with client.get(f"/api/docs/assets/{name}") as served:
        assert served.status_code == 200 and len(served.get_data()) > 100_000
    assert client.get("/api/docs/assets/../../../etc/passwd").status_code == 404
