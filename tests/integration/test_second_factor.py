"""Signing in in two steps, on SQLite and PostgreSQL: a code from an app (pyotp computes it here, as the app
would), recovery codes that work once, a code that works once, wrong codes throttled, the organisation's
requirement leading coordinators to set it up, and API tokens that need the code."""

from __future__ import annotations

import base64
import re
import time

import pyotp
from flask import Flask
from flask.testing import FlaskClient

from services.accounts.accounts import User
from services.accounts.throttle import MAX_FAILURES_PER_PAIR
from services.web.current import services_of
from tests.conftest import PASSWORD, Staff
from tests.integration.test_accounts import CSRF, browser, sign_in

SECRET = re.compile(r"<code>([A-Z2-7 ]+)</code>")
RECOVERY = re.compile(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>")


def csrf(client: FlaskClient, path: str) -> str:
    found = CSRF.search(client.get(path).get_data(as_text=True))
    assert found is not None, path
    return found.group(1)


def fresh(app: pyotp.TOTP) -> str:
    """A code the app shows in a moment: never the one that was just used (a code works once)."""
    return app.at(time.time() + 30)


def set_up(client: FlaskClient) -> tuple[pyotp.TOTP, list[str], str]:
    """Scan (read the secret off the page), give the first code: the app, the recovery codes shown once, and the
    code that turned it on."""
    page = client.get("/account/tweestaps").get_data(as_text=True)
    assert "<svg" in page and 'aria-label="QR-code om de app in te stellen"' in page
    secret = SECRET.search(page)
    assert secret is not None
    app = pyotp.TOTP(secret.group(1).replace(" ", ""))
    token = CSRF.search(page).group(1)  # type: ignore[union-attr]
    first = app.now()
    shown = client.post("/account/tweestaps", data={"csrf_token": token, "code": first})
    assert shown.status_code == 200 and "Inloggen in twee stappen staat aan." in shown.get_data(as_text=True)
    return app, RECOVERY.findall(shown.get_data(as_text=True)), first


def signed_out_with_an_app(app: Flask) -> tuple[FlaskClient, User, pyotp.TOTP, list[str], str]:
    """Bea set up her app and signed out: her browser, herself, the app, the recovery codes, the first code."""
    bea = Staff(app).user("Bea")
    client = browser(app)
    sign_in(client, bea.email, PASSWORD)
    totp, codes, first = set_up(client)
    client.post("/uitloggen", data={"csrf_token": csrf(client, "/netwerken")})
    return client, bea, totp, codes, first


def code_page(client: FlaskClient, email: str) -> str:
    """Sign in with the password: the answer leads to the code page."""
    page = client.get("/inloggen")
    token = CSRF.search(page.get_data(as_text=True)).group(1)  # type: ignore[union-attr]
    answer = client.post("/inloggen", data={"csrf_token": token, "email": email, "password": PASSWORD, "next": "/"})
    assert answer.status_code == 303 and answer.headers["Location"] == "/inloggen/code"
    return csrf(client, "/inloggen/code")


def give(client: FlaskClient, token: str, code: str) -> tuple[int, str]:
    answer = client.post("/inloggen/code", data={"csrf_token": token, "code": code})
    return answer.status_code, answer.get_data(as_text=True)


def test_with_an_app_set_up_signing_in_asks_for_its_code_and_a_wrong_one_is_named_plainly(any_store_app: Flask) -> None:
    client, bea, app, codes, _ = signed_out_with_an_app(any_store_app)
    assert len(codes) == 10 and len(set(codes)) == 10
    token = code_page(client, bea.email)
    assert client.get("/netwerken").headers["Location"].startswith("/inloggen")  # nothing opens before the code
    status, page = give(client, token, "000000" if fresh(app) != "000000" else "111111")
    assert status == 422 and "Deze code klopt niet" in page
    status, _ = give(client, token, fresh(app))
    assert status == 303
    assert client.get("/netwerken").status_code == 200


def test_a_code_works_once_and_a_recovery_code_once(any_store_app: Flask) -> None:
    client, bea, _, codes, first = signed_out_with_an_app(any_store_app)
    token = code_page(client, bea.email)
    assert give(client, token, first)[0] == 422  # the code that turned it on: used
    assert give(client, token, codes[0].upper().replace("-", " "))[0] == 303  # as typed off paper
    client.post("/uitloggen", data={"csrf_token": csrf(client, "/netwerken")})
    token = code_page(client, bea.email)
    assert give(client, token, codes[0])[0] == 422
    assert services_of(any_store_app).second_factors.recovery_codes_left(bea.id) == 9


def test_wrong_codes_are_throttled_like_wrong_passwords(any_store_app: Flask) -> None:
    client, bea, app, _, _ = signed_out_with_an_app(any_store_app)
    token = code_page(client, bea.email)
    for _ in range(MAX_FAILURES_PER_PAIR):
        assert give(client, token, "12345a")[0] == 422
    status, page = give(client, token, fresh(app))
    assert status == 429 and "Te vaak een verkeerde code" in page


def test_the_secret_is_stored_sealed_and_the_recovery_codes_as_digests(any_store_app: Flask) -> None:
    bea = Staff(any_store_app).user("Bea")
    client = browser(any_store_app)
    sign_in(client, bea.email, PASSWORD)
    app, codes, _ = set_up(client)
    store = services_of(any_store_app).read_side.store
    with store.transaction() as tx:
        stored = str(tx.execute("SELECT * FROM kring_second_factors").all())
        stored += str(tx.execute("SELECT * FROM kring_recovery_codes").all())
    assert app.secret not in stored and base64.b32decode(app.secret).hex() not in stored
    assert not any(code in stored or code.replace("-", "") in stored for code in codes)


def test_an_organisation_that_requires_it_leads_a_coordinator_to_set_it_up_at_sign_in(any_store_app: Flask) -> None:
    staff = Staff(any_store_app)
    bea, mo = staff.user("Bea"), staff.user("Mo", can_coordinate=False)
    services_of(any_store_app).accounts.require_second_factor(staff.organisation_id, True)
    client = browser(any_store_app)
    assert sign_in(client, bea.email, PASSWORD) == 303
    led = client.get("/netwerken")
    assert led.status_code == 303 and led.headers["Location"] == "/account/tweestaps"
    page = client.get("/account/tweestaps").get_data(as_text=True)
    assert "Uw organisatie vraagt om inloggen in twee stappen" in page
    set_up(client)
    assert client.get("/netwerken").status_code == 200
    member = browser(any_store_app)  # no coordinator, no administrator: not required
    assert sign_in(member, mo.email, PASSWORD) == 303 and member.get("/netwerken").status_code == 200
    off = client.post("/account/tweestaps/uitzetten", data={"csrf_token": csrf(client, "/account"), "code": "1"})
    assert off.status_code == 303
    assert "Uitzetten kan daarom niet" in client.get("/account").get_data(as_text=True)
    assert services_of(any_store_app).second_factors.is_on(bea.id)


def test_an_api_token_needs_a_fresh_code_from_whoever_has_a_second_factor(any_store_app: Flask) -> None:
    staff = Staff(any_store_app)
    bea = staff.user("Bea")
    client = browser(any_store_app)
    sign_in(client, bea.email, PASSWORD)
    app, _, _ = set_up(client)
    basic = {"Authorization": "Basic " + base64.b64encode(f"{bea.email}:{PASSWORD}".encode()).decode()}
    api = any_store_app.test_client()
    without = api.post("/api/tokens", json={"name": "script"}, headers=basic)
    assert without.status_code == 401 and without.json["error"] == "second_factor_needed"
    wrong = api.post("/api/tokens", json={"name": "script", "code": "999999"}, headers=basic)
    assert wrong.status_code == 422 and wrong.json["fields"] == {"code": [wrong.json["message"]]}
    right = api.post("/api/tokens", json={"name": "script", "code": fresh(app)}, headers=basic)
    assert right.status_code == 201 and right.json["token"].startswith("kr_")


def test_a_coordinator_who_must_have_a_second_factor_gets_no_token_before_setting_it_up(any_store_app: Flask) -> None:
    staff = Staff(any_store_app)
    bea = staff.user("Bea")
    services_of(any_store_app).accounts.require_second_factor(staff.organisation_id, True)
    basic = {"Authorization": "Basic " + base64.b64encode(f"{bea.email}:{PASSWORD}".encode()).decode()}
    refused = any_store_app.test_client().post("/api/tokens", json={"name": "script"}, headers=basic)
    assert refused.status_code == 403 and refused.json["error"] == "second_factor_required"


def test_an_administrator_wipes_a_lost_second_factor_and_turns_on_the_requirement(any_store_app: Flask) -> None:
    staff = Staff(any_store_app)
    bea = staff.user("Bea")
    ada = staff.user("Ada", is_admin=True, can_coordinate=False)
    client = browser(any_store_app)
    sign_in(client, bea.email, PASSWORD)
    set_up(client)
    admin = browser(any_store_app)
    assert sign_in(admin, ada.email, PASSWORD) == 303
    token = csrf(admin, "/beheer")
    wiped = admin.post(f"/beheer/{bea.id}/tweestaps-wissen", data={"csrf_token": token})
    assert wiped.status_code == 303
    assert "Inloggen in twee stappen van Bea is gewist" in admin.get("/beheer").get_data(as_text=True)
    assert not services_of(any_store_app).second_factors.is_on(bea.id)
    required = admin.post("/beheer/instellingen", data={"csrf_token": token, "second_factor_required": "on"})
    assert required.status_code == 303
    assert services_of(any_store_app).accounts.second_factor_required(staff.organisation_id)
    led = browser(any_store_app)
    sign_in(led, ada.email, PASSWORD)  # the administrator herself is led to it too
    assert led.get("/beheer").headers["Location"] == "/account/tweestaps"
