"""People leave: their calendar feed ends, their networks are handed over, and an organisation keeps an
administrator."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import Staff
from tests.integration.api_helpers import assert_error, event_types, events, open_network
from tests.integration.test_reminders import _post, raised  # noqa: F401 - an overdue review, scanned


def feed_path(client: FlaskClient) -> str:
    """A new secret link to the caller's calendar feed, as a path on this app."""
    url = str(_post(client, "/api/coordinators/me/calendar-link")["url"])
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


# ------------------------------------------------------------------ the calendar feed
@pytest.fixture
def feed(client: FlaskClient, raised: str) -> str:  # noqa: F811
    """Bea's calendar feed, holding the overdue review of Mevr. Jansen: its path on this app."""
    path = feed_path(client)
    assert "Mevr. Jansen" in client.get(path).get_data(as_text=True)
    return path


def test_a_calendar_feed_stops_answering_when_its_owner_is_deactivated(app: Flask, staff: Staff, feed: str) -> None:
    ada = staff.client("Ada", is_admin=True, can_coordinate=False)
    assert ada.patch(f"/api/users/{staff.id('Bea')}", json={"active": False}).status_code == 200
    gone = app.test_client().get(feed)
    assert_error(gone, 404, "calendar_not_found")
    assert "Mevr. Jansen" not in gone.get_data(as_text=True)
    assert ada.patch(f"/api/users/{staff.id('Bea')}", json={"active": True}).status_code == 200
    assert app.test_client().get(feed).status_code == 404  # revoked for good: she asks for a new link


def test_a_calendar_feed_of_an_inactive_account_opens_nothing_however_it_was_deactivated(
    app: Flask, staff: Staff, feed: str
) -> None:
    staff.accounts.update_user(staff.id("Bea"), active=False)  # the account store alone, past the API
    assert_error(app.test_client().get(feed), 404, "calendar_not_found")


def test_a_calendar_feed_ends_with_the_deleted_account(any_store_app: Flask) -> None:
    staff = Staff(any_store_app)
    bea, cor = staff.client("Bea"), staff.client("Cor")
    network_id = open_network(bea, client_name="Mevr. Jansen")
    path = feed_path(bea)
    assert bea.patch(f"/api/networks/{network_id}", json={"coordinator": staff.id("Cor")}).status_code == 200
    assert cor.get(f"/api/networks/{network_id}").status_code == 200
    ada = staff.client("Ada", is_admin=True, can_coordinate=False)
    assert ada.delete(f"/api/users/{staff.id('Bea')}").status_code == 204
    assert_error(any_store_app.test_client().get(path), 404, "calendar_not_found")
    with staff.accounts.store.transaction() as tx:
        assert tx.execute("SELECT * FROM kring_calendar_tokens WHERE coordinator = ?", [staff.id("Bea")]).all() == []


# ------------------------------------------------------------------ handing over a coordinator's networks
def test_a_coordinator_with_networks_is_not_deleted_until_the_administrator_hands_them_over(
    any_store_app: Flask,
) -> None:
    staff = Staff(any_store_app)
    bea, ada = staff.client("Bea"), staff.client("Ada", is_admin=True, can_coordinate=False)
    jansen = open_network(bea, client_name="Mevr. Jansen")
    de_vries = open_network(bea, client_name="Dhr. de Vries")
    assert bea.post(f"/api/networks/{de_vries}/close", json={"reason": "verhuisd"}).status_code == 200
    refused = ada.delete(f"/api/users/{staff.id('Bea')}")
    assert_error(refused, 409, "coordinates_networks", field="networks")
    assert refused.json["fields"]["networks"] == [jansen, de_vries]
    assert "Jansen" not in refused.get_data(as_text=True)  # ids only: the administrator reads no network
    handover = f"/api/users/{staff.id('Bea')}/handover"
    assert_error(ada.post(handover, json={"to": staff.user("Cor").email}), 409, "user_active")
    assert ada.patch(f"/api/users/{staff.id('Bea')}", json={"active": False}).status_code == 200
    handed = ada.post(handover, json={"to": staff.user("Cor").email})
    assert handed.status_code == 200, handed.json
    assert sorted(i["network_id"] for i in handed.json["items"]) == sorted([jansen, de_vries])
    cor = staff.client("Cor")
    assert [n["id"] for n in cor.get("/api/networks").json["items"]] == [jansen, de_vries]  # at once
    assert event_types(cor, de_vries)[-1] == "CoordinatorChanged"
    change = events(cor, jansen)[-1]
    assert change["data"]["coordinator"] == staff.id("Cor") and change["recorded_by"] == staff.id("Ada")
    assert ada.delete(f"/api/users/{staff.id('Bea')}").status_code == 204


def test_networks_are_handed_over_only_to_another_active_coordinator_of_the_organisation(app: Flask) -> None:
    staff = Staff(app)
    open_network(staff.client("Bea"))
    ada = staff.client("Ada", is_admin=True, can_coordinate=False)
    staff.user("Karin", can_coordinate=False)
    staff.accounts.update_user(staff.id("Bea"), active=False)
    handover = f"/api/users/{staff.id('Bea')}/handover"
    wout = Staff(app, "Buurtzorg West").user("Wout")
    for successor in (staff.id("Karin"), staff.id("Bea"), wout.id, wout.email, "niemand@oost.nl"):
        assert_error(ada.post(handover, json={"to": successor}), 422, field="to")
    assert_error(staff.client("Cor").post(handover, json={"to": staff.id("Cor")}), 403)  # administrators only
    assert_error(ada.post("/api/users/00000000-0000-4000-8000-000000000000/handover", json={"to": "x"}), 404)


# ------------------------------------------------------------------ the last administrator
def test_the_last_administrator_can_neither_step_down_nor_be_deactivated_or_deleted(any_store_app: Flask) -> None:
    staff = Staff(any_store_app)
    ada = staff.client("Ada", is_admin=True, can_coordinate=False)
    me = f"/api/users/{staff.id('Ada')}"
    for change in ({"is_admin": False}, {"active": False}, {"is_admin": False, "active": True}):
        refused = ada.patch(me, json=change)
        assert_error(refused, 409, "last_administrator", field="user_id")
        assert "administrator" in refused.json["message"]
    assert_error(ada.delete(me), 409, "last_administrator")
    assert ada.get("/api/me").json["is_admin"] is True
    eva = staff.client("Eva", is_admin=True, can_coordinate=False)
    assert ada.patch(me, json={"is_admin": False}).status_code == 200  # Eva administers now
    assert_error(eva.delete(f"/api/users/{staff.id('Eva')}"), 409, "last_administrator")


def test_a_deactivated_administrator_does_not_count_as_the_one_left(app: Flask, staff: Staff) -> None:
    ada = staff.client("Ada", is_admin=True, can_coordinate=False)
    staff.user("Eva", is_admin=True, can_coordinate=False)
    assert ada.patch(f"/api/users/{staff.id('Eva')}", json={"active": False}).status_code == 200
    assert_error(ada.patch(f"/api/users/{staff.id('Ada')}", json={"is_admin": False}), 409, "last_administrator")
    assert ada.patch(f"/api/users/{staff.id('Eva')}", json={"is_admin": False}).status_code == 200
