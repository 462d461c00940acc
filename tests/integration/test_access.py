"""The client decides who sees what: roles, consent given and withdrawn (at once), and who looked."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from flask import Flask
from flask.testing import FlaskClient

from services.accounts import access_log
from services.web.current import services_of
from tests.conftest import Staff
from tests.integration.api_helpers import add_contact, assert_error, events, open_network


class Circle:
    """Bea's network for Ans: Ans herself as client, Sam as spilmantelzorger, Mo as member."""

    def __init__(self, app: Flask) -> None:
        self.staff = Staff(app)
        self.bea = self.staff.client("Bea")
        self.net = open_network(self.bea)
        self.sam_contact = add_contact(self.bea, self.net, name="Sam", category="household", ring="intimate")
        self.piet_contact = add_contact(self.bea, self.net)
        for name, role, contact in (("Ans", "client", None), ("Sam", "spilmantelzorger", self.sam_contact)):
            self.grant(name, role, contact)
        self.grant("Mo", "member", self.piet_contact)
        services_of(app).read_side.runner.catch_up()  # the map includes all of the above

    def grant(self, name: str, role: str, contact: str | None = None) -> None:
        user = self.staff.user(name, can_coordinate=False)
        body = {"user": user.email, "role": role, **({"contact_id": contact} if contact else {})}
        assert self.bea.post(f"/api/networks/{self.net}/access", json=body).status_code == 201

    def client(self, name: str) -> FlaskClient:
        return self.staff.client(name, can_coordinate=False)

    def consent(self, by: str, name: str, *scopes: str) -> int:
        path = f"/api/networks/{self.net}/consent/{self.staff.id(name)}"
        return self.client(by).put(path, json={"scopes": list(scopes)}).status_code


def test_a_member_sees_the_map_only_while_the_client_consents(any_store_app: Flask) -> None:
    circle = Circle(any_store_app)
    mo = circle.client("Mo")
    map_path = f"/api/networks/{circle.net}/map"
    assert_error(mo.get(map_path), 403, "forbidden")
    assert circle.consent("Ans", "Mo", "map") == 200
    assert mo.get(map_path).status_code == 200
    assert circle.consent("Ans", "Mo") == 200  # withdrawn: in force for the very next request
    assert_error(mo.get(map_path), 403, "forbidden")
    consent = [e for e in events(circle.bea, circle.net) if e["type"].startswith("Consent")]
    kinds = [(e["type"], e["data"]["scopes"], e["data"]["on_behalf_of_client"]) for e in consent]
    assert kinds == [("ConsentGiven", ["map"], False), ("ConsentWithdrawn", ["map"], False)]


def test_the_coordinator_records_consent_on_the_clients_behalf_and_it_says_so(app: Flask) -> None:
    circle = Circle(app)
    assert circle.consent("Bea", "Sam", "notes", "burden") == 200
    [given] = [e for e in events(circle.bea, circle.net) if e["type"] == "ConsentGiven"]
    assert given["data"] == {
        "user_id": circle.staff.id("Sam"),
        "scopes": ["burden", "notes"],
        "on_behalf_of_client": True,
    }
    assert given["recorded_by"] == circle.staff.id("Bea")
    people = {
        p["name"]: (p["role"], p["consent"]) for p in circle.bea.get(f"/api/networks/{circle.net}/access").json["items"]
    }
    assert people["Sam"] == ("spilmantelzorger", ["burden", "notes"]) and people["Bea"] == ("coordinator", [])
    assert circle.client("Sam").get(f"/api/networks/{circle.net}/notes").status_code == 200
    assert circle.consent("Sam", "Sam", "notes") == 403  # consent is the client's to give, not the carer's
    assert_error(
        circle.client("Bea").put(
            f"/api/networks/{circle.net}/consent/{circle.staff.id('Ans')}", json={"scopes": ["map"]}
        ),
        409,
        "consent_not_needed",
    )


def test_a_revoked_role_ends_access_at_once(any_store_app: Flask) -> None:
    circle = Circle(any_store_app)
    sam = circle.client("Sam")
    assert sam.get(f"/api/networks/{circle.net}/map").status_code == 200
    assert circle.bea.delete(f"/api/networks/{circle.net}/access/{circle.staff.id('Sam')}").status_code == 200
    assert_error(sam.get(f"/api/networks/{circle.net}/map"), 404, "network_not_found")
    assert [n["id"] for n in sam.get("/api/networks").json["items"]] == []


def test_the_spilmantelzorger_records_burden_for_themselves_only(app: Flask) -> None:
    circle = Circle(app)
    sam = circle.client("Sam")
    report = {"instrument": "srb", "answers": [7]}
    mine = sam.post(f"/api/networks/{circle.net}/burden-reports", json={**report, "carer_id": circle.sam_contact})
    assert mine.status_code == 201
    theirs = sam.post(f"/api/networks/{circle.net}/burden-reports", json={**report, "carer_id": circle.piet_contact})
    assert_error(theirs, 403, "forbidden")
    own = sam.get(f"/api/networks/{circle.net}/carers/{circle.sam_contact}/burden?min_position={mine.json['position']}")
    assert own.status_code == 200 and len(own.json["reports"]) == 1
    assert_error(sam.get(f"/api/networks/{circle.net}/carers/{circle.piet_contact}/burden"), 403)
    assert_error(sam.get(f"/api/networks/{circle.net}/burden-reports"), 403)  # others' burden: only with consent


def test_every_look_at_the_network_is_in_the_access_log_for_the_client(any_store_app: Flask) -> None:
    circle = Circle(any_store_app)
    circle.bea.get(f"/api/networks/{circle.net}/map", headers={"X-Kring-Reason": "voorbereiding netwerkbespreking"})
    circle.client("Sam").get(f"/api/networks/{circle.net}/measures")
    circle.bea.post(f"/api/networks/{circle.net}/notes", json={"text": "schrijven is geen kijken"})
    log = circle.client("Ans").get(f"/api/networks/{circle.net}/access-log").json["items"]
    looks = [(e["name"], e["looked_at"], e["reason"]) for e in log]
    assert looks[:2] == [
        ("Sam", "de kwaliteit van het netwerk", None),
        ("Bea", "de kaart", "voorbereiding netwerkbespreking"),
    ]
    assert all(e["looked_at"] != "notities" for e in log)
    assert_error(circle.client("Mo").get(f"/api/networks/{circle.net}/access-log"), 403)


def test_a_coordinators_overview_counts_as_a_look_at_each_network_in_it(app: Flask) -> None:
    circle = Circle(app)
    role = {"contact_id": circle.piet_contact, "support_type": "practical", "task": "boodschappen"}
    assert circle.bea.post(f"/api/networks/{circle.net}/roles", json=role).status_code == 201
    services_of(app).read_side.runner.catch_up()
    assert circle.bea.get("/api/coordinators/me/who-does-what").json["contacts"]
    circle.bea.get("/api/coordinators/me/attention")
    log = circle.client("Ans").get(f"/api/networks/{circle.net}/access-log").json["items"]
    looked = {e["looked_at"] for e in log if e["name"] == "Bea"}
    assert {"wie doet wat (overzicht)", "wat aandacht vraagt (overzicht)"} <= looked


def test_paging_the_access_log_skips_no_look_made_in_the_same_moment(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = services_of(app).access_log
    moments = iter(["2026-11-26T09:00:00.001", "2026-11-26T09:00:00.002", *["2026-11-26T09:00:00.003"] * 3])
    monkeypatch.setattr(access_log, "datetime", SimpleNamespace(now=lambda tz: datetime.fromisoformat(next(moments))))
    for what in ("eerste", "tweede", "derde", "vierde", "vijfde"):
        log.record("bea", ["n1"], what)
    first = log.entries("n1", limit=2)  # the newest moment has three looks: all three, not two
    assert sorted(e["action"] for e in first) == ["derde", "vierde", "vijfde"]
    rest = log.entries("n1", before=first[-1]["at"], limit=2)
    assert [e["action"] for e in rest] == ["tweede", "eerste"]
