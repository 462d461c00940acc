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
from werkzeug.test import TestResponse

from services.accounts.throttle import MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_PAIR, WINDOW_SECONDS
from services.infrastructure.config import ConfigurationError
from services.web import create_app, shutdown
from services.web.cli import users_cli
from services.web.current import services_of
from tests.conftest import PASSWORD, TEST_CONFIG, Staff
from tests.integration.api_helpers import assert_error, open_network
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


def csrf_of(client: FlaskClient, path: str = "/netwerken") -> str:
    """The CSRF token of a page's forms (the sign-out button is on every page)."""
    return CSRF.search(client.get(path).get_data(as_text=True)).group(1)  # type: ignore[union-attr]


def copy_of_cookie(app: Flask, client: FlaskClient) -> FlaskClient:
    """Another browser holding a copy of this one's session cookie (as a thief would)."""
    cookie = client.get_cookie("kring_session", domain="kring.example.nl")
    assert cookie is not None
    thief = browser(app)
    thief.set_cookie("kring_session", cookie.value, domain="kring.example.nl")
    return thief


def bea_s_network(staff: Staff) -> str:
    """A network of Bea's for Mevrouw Jansen, on the read side (its map page can be shown)."""
    network_id = open_network(staff.client("Bea"), client_name="Mevrouw Jansen")
    services_of(staff.app).read_side.runner.catch_up()
    return network_id


def signed_out(client: FlaskClient, network_id: str) -> bool:
    """Whether this browser is sent to the sign-in page for the network's map (False: it is shown)."""
    answer = client.get(f"/netwerken/{network_id}")
    assert answer.status_code in (200, 303), answer.status_code
    return answer.status_code == 303 and "/inloggen" in answer.headers["Location"]


def test_signing_out_ends_the_session_for_every_copy_of_its_cookie(any_store_app: Flask) -> None:
    staff = Staff(any_store_app)
    network_id = bea_s_network(staff)
    laptop, phone = browser(any_store_app), browser(any_store_app)
    assert sign_in(laptop, staff.user("Bea").email, PASSWORD) == 303
    assert sign_in(phone, staff.user("Bea").email, PASSWORD) == 303
    thief = copy_of_cookie(any_store_app, laptop)
    assert "Mevrouw Jansen" in thief.get(f"/netwerken/{network_id}").get_data(as_text=True)
    assert laptop.post("/uitloggen", data={"csrf_token": csrf_of(laptop)}).status_code == 303
    assert signed_out(thief, network_id) and signed_out(laptop, network_id)
    assert not signed_out(phone, network_id)  # another sign-in of hers goes on


def test_a_new_password_and_deactivation_end_every_session_and_only_digests_are_kept(app: Flask, staff: Staff) -> None:
    network_id = bea_s_network(staff)
    client = browser(app)
    assert sign_in(client, staff.user("Bea").email, PASSWORD) == 303
    secret = app.session_interface.get_signing_serializer(app).loads(  # type: ignore[attr-defined]
        client.get_cookie("kring_session", domain="kring.example.nl").value  # type: ignore[union-attr]
    )["sid"]
    with staff.accounts.store.transaction() as tx:
        assert secret not in repr(tx.execute("SELECT * FROM kring_sessions").all())
    staff.accounts.set_password(staff.id("Bea"), "een-ander-wachtwoord")
    assert signed_out(client, network_id)
    assert sign_in(client, staff.user("Bea").email, "een-ander-wachtwoord") == 303
    ada = staff.client("Ada", is_admin=True, can_coordinate=False)
    assert ada.patch(f"/api/users/{staff.id('Bea')}", json={"active": False}).status_code == 200
    assert signed_out(client, network_id)


def test_a_session_ends_eight_hours_after_signing_in(app: Flask, staff: Staff) -> None:
    network_id = bea_s_network(staff)
    client = browser(app)
    assert sign_in(client, staff.user("Bea").email, PASSWORD) == 303
    assert not signed_out(client, network_id)
    later = time.time() + 8 * 3600 + 1
    staff.accounts.clock = lambda: later
    assert signed_out(client, network_id)


# ------------------------------------------------------------------ throttling
ATTACKER, BEA_AT_HOME, PROXY = "203.0.113.9", "198.51.100.7", "10.0.0.1"


def token_request(client: FlaskClient, email: str, password: str, address: str, **headers: str) -> TestResponse:
    """Ask for an API token with e-mail address and password, from this network address."""
    return client.post(
        "/api/tokens",
        json={"name": "x"},
        headers={**basic(email, password), **headers},
        environ_base={"REMOTE_ADDR": address},
    )


def test_a_stranger_guessing_a_password_is_stopped_but_the_rightful_user_still_signs_in(any_store_app: Flask) -> None:
    bea = Staff(any_store_app).user("Bea")
    client = any_store_app.test_client()
    for _ in range(MAX_FAILURES_PER_PAIR):
        assert_error(token_request(client, bea.email, "geraden", ATTACKER), 401)
    throttled = token_request(client, bea.email, PASSWORD, ATTACKER)  # even the right password, from there
    assert_error(throttled, 429, "too_many_attempts")
    assert 0 < int(throttled.headers["Retry-After"]) <= WINDOW_SECONDS
    assert token_request(client, bea.email, PASSWORD, BEA_AT_HOME).status_code == 201
    page = browser(any_store_app)
    page.environ_base["REMOTE_ADDR"] = BEA_AT_HOME
    assert sign_in(page, bea.email, PASSWORD) == 303  # and on the web


def test_made_up_addresses_from_one_address_stop_that_address_only(app: Flask, staff: Staff) -> None:
    client = app.test_client()
    for number in range(MAX_FAILURES_PER_ADDRESS):
        assert token_request(client, f"gok{number}@oost.nl", "fout", ATTACKER).status_code == 401
    assert_error(token_request(client, staff.user("Bea").email, PASSWORD, ATTACKER), 429, "too_many_attempts")
    page = browser(app)
    page.environ_base["REMOTE_ADDR"] = ATTACKER
    assert sign_in(page, staff.user("Bea").email, PASSWORD) == 429  # the web form too, from there
    assert token_request(client, staff.user("Bea").email, PASSWORD, BEA_AT_HOME).status_code == 201
    assert token_request(client, staff.user("Cor").email, PASSWORD, "192.0.2.44").status_code == 201


def test_x_forwarded_for_is_ignored_unless_kring_is_told_it_runs_behind_a_proxy(app: Flask, staff: Staff) -> None:
    client, bea = app.test_client(), staff.user("Bea")
    for number in range(MAX_FAILURES_PER_PAIR):  # a different made-up forwarded address each time
        forged = {"X-Forwarded-For": f"192.0.2.{number}"}
        assert token_request(client, bea.email, "geraden", PROXY, **forged).status_code == 401
    home = {"X-Forwarded-For": BEA_AT_HOME}
    assert token_request(client, bea.email, PASSWORD, PROXY, **home).status_code == 429  # all from 10.0.0.1


@pytest.fixture
def proxied_app(sqlite_store: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Flask]:
    """Kring behind one reverse proxy, as the README says to configure it."""
    monkeypatch.setenv("KRING_TRUSTED_PROXIES", "1")
    app = create_app({**TEST_CONFIG, "KRING_STORE": sqlite_store})
    yield app
    shutdown(app)


def test_behind_a_trusted_proxy_each_caller_is_counted_by_the_address_it_forwards(proxied_app: Flask) -> None:
    client, bea = proxied_app.test_client(), Staff(proxied_app).user("Bea")
    from_attacker, from_home = {"X-Forwarded-For": ATTACKER}, {"X-Forwarded-For": BEA_AT_HOME}
    for _ in range(MAX_FAILURES_PER_PAIR):
        assert token_request(client, bea.email, "geraden", PROXY, **from_attacker).status_code == 401
    assert token_request(client, bea.email, PASSWORD, PROXY, **from_attacker).status_code == 429
    assert token_request(client, bea.email, PASSWORD, PROXY, **from_home).status_code == 201


def test_a_trusted_proxies_setting_that_is_not_a_count_stops_kring_with_a_message(
    sqlite_store: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KRING_TRUSTED_PROXIES", "ja")
    with pytest.raises(ConfigurationError, match="KRING_TRUSTED_PROXIES"):
        create_app({**TEST_CONFIG, "KRING_STORE": sqlite_store})


def test_the_throttle_lets_go_after_the_window_and_keeps_no_address_in_clear(app: Flask, staff: Staff) -> None:
    accounts = staff.accounts
    email = staff.user("Bea").email
    for _ in range(MAX_FAILURES_PER_PAIR):
        assert accounts.sign_in(email, "fout", ATTACKER) is None
    with accounts.store.transaction() as tx:
        stored = repr(tx.execute("SELECT * FROM kring_login_failures").all())
    assert email not in stored and ATTACKER not in stored
    later = time.time() + WINDOW_SECONDS + 1
    accounts.clock = lambda: later
    assert accounts.sign_in(email, PASSWORD, ATTACKER) is not None


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
    accounts = services_of(app).accounts
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
