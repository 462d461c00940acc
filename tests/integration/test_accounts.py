"""Accounts as people meet them: signing in (web and API), throttling, tokens, password reset by e-mail, users."""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import Result
from flask import Flask
from flask.testing import FlaskClient

from services.accounts import MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS
from services.cli import users_cli
from tests.conftest import PASSWORD, Staff
from tests.integration.api_helpers import assert_error
from tests.integration.test_reminders import Inbox, smtp  # noqa: F401 - the SMTP server fixture

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def basic(email: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{email}:{password}".encode()).decode()}


class Browser(FlaskClient):
    """A browser on https (the session cookie is Secure, so it is only sent there)."""

    def open(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("base_url", "https://kring.example.nl")
        kwargs.setdefault("headers", {"Referer": "https://kring.example.nl/inloggen"})  # as browsers send it
        return super().open(*args, **kwargs)


def browser(app: Flask) -> FlaskClient:
    return Browser(app, app.response_class, use_cookies=True)


def sign_in(client: FlaskClient, email: str, password: str, token: str | None = None) -> int:
    page = client.get("/inloggen")
    form = {"email": email, "password": password, "next": "/"}
    if token is None:
        form["csrf_token"] = CSRF.search(page.get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    elif token:
        form["csrf_token"] = token
    return client.post("/inloggen", data=form).status_code


# ------------------------------------------------------------------ the web session
def test_signing_in_on_the_web_sets_a_secure_httponly_samesite_session_cookie(any_store_app: Flask) -> None:
    bea = Staff(any_store_app).user("Bea")
    client = browser(any_store_app)
    assert client.get("/").headers["Location"].endswith("/inloggen")
    assert sign_in(client, bea.email, PASSWORD) == 303
    cookie = client.get_cookie("kring_session", domain="kring.example.nl")
    assert cookie is not None and cookie.secure and cookie.http_only and cookie.same_site == "Lax"
    assert "Bea" in client.get("/", follow_redirects=True).get_data(as_text=True)  # Mijn netwerken


def test_a_form_without_its_csrf_token_is_refused_and_signs_nobody_in(app: Flask, staff: Staff) -> None:
    client = browser(app)
    assert sign_in(client, staff.user("Bea").email, PASSWORD, token="") == 400
    assert sign_in(client, staff.user("Bea").email, PASSWORD, token="forged") == 400
    assert client.get("/").headers["Location"].endswith("/inloggen")  # still not signed in


def test_a_wrong_password_keeps_the_typed_address_and_says_what_to_do(app: Flask, staff: Staff) -> None:
    client = browser(app)
    page = client.get("/inloggen").get_data(as_text=True)
    token = CSRF.search(page).group(1)  # type: ignore[union-attr]
    answer = client.post("/inloggen", data={"email": "bea@oost.nl", "password": "fout", "csrf_token": token})
    text = answer.get_data(as_text=True)
    assert answer.status_code == 401 and 'value="bea@oost.nl"' in text and "probeer het opnieuw" in text


def test_a_new_password_ends_every_session_of_the_account(app: Flask, staff: Staff) -> None:
    client = browser(app)
    assert sign_in(client, staff.user("Bea").email, PASSWORD) == 303
    staff.accounts.set_password(staff.id("Bea"), "een-ander-wachtwoord")
    assert client.get("/").headers["Location"].endswith("/inloggen")


# ------------------------------------------------------------------ throttling
def test_too_many_wrong_passwords_for_one_account_are_answered_429_even_with_the_right_one(
    any_store_app: Flask,
) -> None:
    bea = Staff(any_store_app).user("Bea")
    client = any_store_app.test_client()
    for _ in range(MAX_FAILURES_PER_ACCOUNT):
        assert_error(client.post("/api/tokens", json={"name": "x"}, headers=basic(bea.email, "fout")), 401)
    throttled = client.post("/api/tokens", json={"name": "x"}, headers=basic(bea.email, PASSWORD))
    assert_error(throttled, 429, "too_many_attempts")
    assert 0 < int(throttled.headers["Retry-After"]) <= 15 * 60
    other = Staff(any_store_app, "Buurtzorg West").user("Wout")
    assert client.post("/api/tokens", json={"name": "x"}, headers=basic(other.email, PASSWORD)).status_code == 201


def test_too_many_wrong_passwords_from_one_address_are_throttled_across_accounts(app: Flask, staff: Staff) -> None:
    client = app.test_client()
    for number in range(MAX_FAILURES_PER_ADDRESS):
        headers = basic(f"gok{number}@oost.nl", "fout")
        assert client.post("/api/tokens", json={"name": "x"}, headers=headers).status_code == 401
    answer = client.post("/api/tokens", json={"name": "x"}, headers=basic(staff.user("Bea").email, PASSWORD))
    assert answer.status_code == 429
    page = browser(app)
    assert sign_in(page, staff.user("Bea").email, PASSWORD) == 429  # the web form too


def test_the_throttle_lets_go_after_the_window(app: Flask, staff: Staff) -> None:
    accounts = staff.accounts
    email = staff.user("Bea").email
    for _ in range(MAX_FAILURES_PER_ACCOUNT):
        assert accounts.sign_in(email, "fout", "10.0.0.1") is None
    later = time.time() + 15 * 60 + 1
    accounts.clock = lambda: later
    assert accounts.sign_in(email, PASSWORD, "10.0.0.1") is not None


# ------------------------------------------------------------------ API tokens
def test_a_revoked_token_stops_working_at_once_and_its_secret_is_not_stored(any_store_app: Flask) -> None:
    staff = Staff(any_store_app)
    client = any_store_app.test_client()
    made = client.post("/api/tokens", json={"name": "rapportage"}, headers=basic(staff.user("Bea").email, PASSWORD))
    assert made.status_code == 201
    bearer = {"Authorization": f"Bearer {made.json['token']}"}
    assert client.get("/api/me", headers=bearer).json["email"] == "bea@oost.nl"
    listed = client.get("/api/tokens", headers=bearer).json["items"]
    assert [(t["name"], t["revoked_at"]) for t in listed] == [("rapportage", None)]
    assert "token" not in listed[0]
    with staff.accounts.store.transaction() as tx:
        stored = tx.execute("SELECT * FROM kring_api_tokens").all()
    assert made.json["token"] not in repr(stored)
    assert client.delete(f"/api/tokens/{made.json['id']}", headers=bearer).status_code == 204
    assert_error(client.get("/api/me", headers=bearer), 401, "unauthenticated")


def test_without_credentials_or_with_a_made_up_token_the_api_answers_401(app: Flask) -> None:
    client = app.test_client()
    assert_error(client.get("/api/networks"), 401, "unauthenticated")
    assert_error(client.get("/api/networks", headers={"Authorization": "Bearer kr_made-up"}), 401)
    assert_error(client.get("/api/networks", headers=basic("bea@oost.nl", PASSWORD)), 401)  # only for tokens


# ------------------------------------------------------------------ password reset over SMTP
@pytest.fixture
def mailing_app(app: Flask, smtp: tuple[Inbox, int]) -> Iterator[tuple[Flask, Inbox]]:  # noqa: F811
    inbox, port = smtp
    app.config["MAIL_ENV"] = {
        "KRING_SMTP_HOST": "127.0.0.1",
        "KRING_SMTP_PORT": str(port),
        "KRING_SMTP_SECURITY": "none",
    }
    app.config["BASE_URL"] = "https://kring.example.nl"  # KRING_BASE_URL
    yield app, inbox


def test_a_password_reset_link_arrives_by_email_works_once_and_expires(
    mailing_app: tuple[Flask, Inbox], staff: Staff
) -> None:
    app, inbox = mailing_app
    client = app.test_client()
    bea = staff.user("Bea")
    assert client.post("/api/password-reset", json={"email": "niemand@oost.nl"}).status_code == 202
    assert inbox.messages == []  # the same answer, and no mail, for an unknown address
    assert client.post("/api/password-reset", json={"email": "BEA@oost.nl"}).status_code == 202
    [(recipients, mail)] = inbox.messages
    assert recipients == [bea.email]
    link = re.search(r"https://kring\.example\.nl/wachtwoord/(\S+)", mail.get_payload(decode=True).decode())
    assert link is not None
    secret = link.group(1)
    assert_error(client.post(f"/api/password-reset/{secret}", json={"password": "kort"}), 422, field="password")
    assert client.post(f"/api/password-reset/{secret}", json={"password": "mijn-nieuwe-wachtwoord"}).status_code == 204
    assert staff.accounts.sign_in(bea.email, PASSWORD, "a") is None
    assert staff.accounts.sign_in(bea.email, "mijn-nieuwe-wachtwoord", "a") is not None
    again = client.post(f"/api/password-reset/{secret}", json={"password": "nog-een-wachtwoord"})
    assert_error(again, 422, "reset_link_invalid")
    client.post("/api/password-reset", json={"email": bea.email})
    late = re.search(r"/wachtwoord/(\S+)", inbox.messages[-1][1].get_payload(decode=True).decode())
    assert late is not None
    now = time.time()
    staff.accounts.clock = lambda: now + 3601
    assert_error(client.post(f"/api/password-reset/{late.group(1)}", json={"password": "te-laat-gekozen"}), 422)


# ------------------------------------------------------------------ users
def test_an_administrator_manages_the_organisations_users_and_sees_no_other(
    mailing_app: tuple[Flask, Inbox], staff: Staff
) -> None:
    app, inbox = mailing_app
    ada = staff.client("Ada", is_admin=True, can_coordinate=False)
    made = ada.post("/api/users", json={"email": "Nieuw@Oost.nl", "name": "Nieuwe Collega", "can_coordinate": True})
    assert made.status_code == 201 and made.json["email"] == "nieuw@oost.nl"
    assert inbox.messages[-1][1]["Subject"] == "Welkom bij Kring: kies een wachtwoord"
    assert_error(ada.post("/api/users", json={"email": "nieuw@oost.nl", "name": "X"}), 409, "email_taken")
    west = Staff(app, "Buurtzorg West").user("Wout")
    assert_error(ada.patch(f"/api/users/{west.id}", json={"active": False}), 404)
    assert "wout@west.nl" not in ada.get("/api/users").get_data(as_text=True)
    bea = staff.client("Bea")
    assert bea.get("/api/me").status_code == 200
    assert ada.patch(f"/api/users/{staff.id('Bea')}", json={"active": False}).json["active"] is False
    assert_error(bea.get("/api/me"), 401)  # deactivated: every token stops


def test_the_first_administrator_is_made_on_the_command_line(app: Flask) -> None:
    result: Result = app.test_cli_runner().invoke(
        users_cli,
        ["create", "--email", "beheer@gemeente.nl", "--name", "Beheer", "--organisation", "Gemeente"],
        input="een-lang-wachtwoord\neen-lang-wachtwoord\n",
    )
    assert result.exit_code == 0, result.output
    accounts = app.extensions["kring_accounts"]
    user = accounts.sign_in("beheer@gemeente.nl", "een-lang-wachtwoord", "a")
    assert user is not None and user.is_admin and not user.can_coordinate
    again = app.test_cli_runner().invoke(
        users_cli,
        [
            "create",
            "--email",
            "beheer@gemeente.nl",
            "--name",
            "B",
            "--organisation",
            "Gemeente",
            "--password",
            "x" * 12,
        ],
    )
    assert again.exit_code != 0 and "already" in again.output
