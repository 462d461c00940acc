"""The JSON API as a user sees it: every endpoint, read back, and every error in one JSON shape."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.conftest import Staff
from tests.integration.api_helpers import (
    NO_SUCH_ID,
    OPENED_ON,
    add_contact,
    assert_error,
    event_types,
    events,
    network,
    open_network,
    written,
)


@pytest.fixture
def net(client: FlaskClient) -> str:
    return open_network(client)


# ------------------------------------------------------------------ the network itself
def test_opening_a_network_answers_201_with_its_id_location_and_etag(client: FlaskClient, staff: Staff) -> None:
    response = client.post("/api/networks", json={"client_name": "Ans", "opened_on": OPENED_ON})
    assert response.status_code == 201
    network_id = response.json["id"]
    assert response.json["network_id"] == network_id and response.json["version"] == 1
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"].endswith(f"/api/networks/{network_id}")

    read = client.get(response.headers["Location"])
    assert read.headers["ETag"] == '"1"'
    assert read.json["client_name"] == "Ans" and read.json["coordinator"] == staff.id("Bea")
    assert read.json["status"] == "open" and read.json["opened_on"] == OPENED_ON
    assert read.json["review_interval_weeks"] == 13 and read.json["as_of"] is None


def test_the_network_list_pages_with_a_cursor_in_opening_order(client: FlaskClient) -> None:
    for name in ("Ans", "Bram", "Cor"):
        add_contact(client, open_network(client, client_name=name))  # other events between the openings
    first = client.get("/api/networks", query_string={"limit": 2}).json
    assert [n["client_name"] for n in first["items"]] == ["Ans", "Bram"]
    second = client.get("/api/networks", query_string={"limit": 2, "after": first["next_after"]}).json
    assert [n["client_name"] for n in second["items"]] == ["Cor"]
    assert second["next_after"] is None
    assert len(client.get("/api/networks").json["items"]) == 3


def test_a_network_read_as_of_a_date_shows_what_had_happened_by_then(client: FlaskClient, net: str) -> None:
    contact = add_contact(client, net, effective_on="2026-03-01")
    tie = f"/api/networks/{net}/contacts/{contact}/tie"
    client.put(tie, json={"strength": "strong", "flow": "both", "effective_on": "2026-03-01"})
    client.put(tie, json={"strength": "normal", "flow": "both", "effective_on": "2026-06-01"})

    assert network(client, net, as_of="2026-02-01")["contacts"] == []
    on_march_first = network(client, net, as_of="2026-03-01")
    assert on_march_first["as_of"] == "2026-03-01"
    assert [c["id"] for c in on_march_first["contacts"]] == [contact]
    assert network(client, net, as_of="2026-05-01")["contacts"][0]["tie"]["strength"] == "strong"
    assert network(client, net)["contacts"][0]["tie"]["strength"] == "normal"
    assert client.get(f"/api/networks/{net}", query_string={"as_of": "2026-02-01"}).headers["ETag"] == '"1"'
    assert_error(client.get(f"/api/networks/{net}?as_of=2025-12-31"), 404, "network_not_found")


def test_the_history_says_who_recorded_what_when_in_dutch_or_english(client: FlaskClient, staff: Staff) -> None:
    wim = staff.client("Wim")
    net = open_network(wim, coordinator=staff.user("Bea").email)  # Wim opens it for Bea
    add_contact(client, net, effective_on="2026-02-01")

    history = events(client, net)
    assert [(e["version"], e["type"]) for e in history] == [(1, "NetworkOpened"), (2, "ContactAdded")]
    assert [e["recorded_by"] for e in history] == [staff.id("Wim"), staff.id("Bea")]
    assert [e["effective_on"] for e in history] == [OPENED_ON, "2026-02-01"]
    assert datetime.fromisoformat(history[0]["recorded_at"]).tzinfo is not None
    assert history[0]["summary"] == "Netwerk van Ans geopend"
    assert history[1]["summary"] == "Piet toegevoegd (vriend(in))"
    english = events(client, net, **{"Accept-Language": "en"})
    assert [e["summary"] for e in english] == ["Network of Ans opened", "Piet added (friend)"]


def test_patching_the_network_records_each_change_and_nothing_for_equal_values(
    client: FlaskClient, staff: Staff, net: str
) -> None:
    patch = {"client_name": "Anna", "coordinator": staff.id("Cor"), "review_interval_weeks": 8}
    response = client.patch(f"/api/networks/{net}", json=patch)
    assert response.status_code == 200 and response.headers["ETag"] == '"4"'
    cor = staff.client("Cor")  # the network is Cor's now; Bea handed it over
    assert {k: network(cor, net)[k] for k in patch} == patch
    assert event_types(cor, net)[1:] == ["ClientDetailsChanged", "CoordinatorChanged", "ReviewIntervalChanged"]
    assert cor.patch(f"/api/networks/{net}", json=patch).json["version"] == 4
    assert_error(client.get(f"/api/networks/{net}"), 404, "network_not_found")


def test_a_network_can_only_be_handed_to_a_coordinator_of_the_organisation(
    client: FlaskClient, staff: Staff, net: str
) -> None:
    staff.user("Mien", can_coordinate=False)
    for name in ("Mien", "nobody@oost.nl", "no-such-id"):
        response = client.patch(f"/api/networks/{net}", json={"coordinator": name})
        assert_error(response, 422, field="coordinator")
    assert written(client, net) == (1, 1)


def test_a_closed_network_refuses_changes_until_it_is_reopened(client: FlaskClient, net: str) -> None:
    closed = client.post(f"/api/networks/{net}/close", json={"reason": "verhuisd", "effective_on": "2026-05-01"})
    assert closed.status_code == 200 and network(client, net)["status"] == "closed"
    assert_error(client.post(f"/api/networks/{net}/notes", json={"text": "x"}), 409, "network_closed")
    assert client.post(f"/api/networks/{net}/reopen", json={}).status_code == 200
    assert network(client, net)["status"] == "open"
    assert event_types(client, net)[1:] == ["NetworkClosed", "NetworkReopened"]


# ------------------------------------------------------------------ contacts and ties
def test_a_contact_can_be_added_read_changed_and_removed(client: FlaskClient, net: str) -> None:
    added = client.post(
        f"/api/networks/{net}/contacts",
        json={"name": "Piet", "category": "neighbour", "ring": "friend", "travel_minutes": 5, "skills": ["koken"]},
    )
    assert added.status_code == 201
    contact = client.get(added.headers["Location"]).json
    assert (contact["name"], contact["travel_minutes"], contact["skills"]) == ("Piet", 5, ["koken"])

    url = f"/api/networks/{net}/contacts/{added.json['id']}"
    assert client.patch(url, json={"travel_minutes": 15, "phone": "+31 6 1234 5678"}).status_code == 200
    assert client.get(url).json["travel_minutes"] == 15 and client.get(url).json["phone"] == "+31 6 1234 5678"

    assert client.delete(url, json={"reason": "verhuisd"}).status_code == 200
    assert_error(client.get(url), 404, "contact_not_found")
    former = network(client, net)["former_contacts"]
    assert [(c["name"], c["removal_reason"]) for c in former] == [("Piet", "verhuisd")]
    assert event_types(client, net)[1:] == ["ContactAdded", "ContactDetailsChanged", "ContactRemoved"]


def test_assessing_a_tie_records_only_what_changed(client: FlaskClient, net: str) -> None:
    contact = add_contact(client, net)
    url = f"/api/networks/{net}/contacts/{contact}/tie"
    client.put(url, json={"strength": "strong", "flow": "both"})
    client.put(url, json={"strength": "normal", "flow": "both"})
    client.put(url, json={"strength": "normal", "flow": "both", "stressful": True})
    again = client.put(url, json={"strength": "normal", "flow": "both", "stressful": True})
    assert again.status_code == 200 and again.json["version"] == 5
    assert event_types(client, net)[2:] == ["TieRecorded", "TieWeakened", "TieStrained"]
    tie = client.get(f"/api/networks/{net}/contacts/{contact}").json["tie"]
    assert (tie["strength"], tie["stressful"], tie["flow"]) == ("normal", True, "both")

    assert client.delete(url, json={"reason": "ruzie"}).status_code == 200
    assert client.get(f"/api/networks/{net}/contacts/{contact}").json["tie"] is None
    assert event_types(client, net)[-1] == "TieEnded"


# ------------------------------------------------------------------ acquaintances, roles, spilmantelzorger
def test_acquaintances_can_be_recorded_and_ended(client: FlaskClient, net: str) -> None:
    pair = sorted([add_contact(client, net), add_contact(client, net, name="Joke")])
    url = f"/api/networks/{net}/acquaintances"
    assert client.post(url, json={"contact_ids": pair}).status_code == 200
    assert [a["contact_ids"] for a in network(client, net)["acquaintances"]] == [pair]
    assert client.delete(url, json={"contact_ids": pair[::-1]}).status_code == 200
    assert network(client, net)["acquaintances"] == []
    assert event_types(client, net)[-2:] == ["ContactsAcquainted", "AcquaintanceEnded"]


def test_a_role_can_be_assigned_read_and_ended(client: FlaskClient, net: str) -> None:
    contact = add_contact(client, net)
    body = {"contact_id": contact, "support_type": "practical", "task": "boodschappen", "rhythm": "wekelijks"}
    assigned = client.post(f"/api/networks/{net}/roles", json=body)
    assert assigned.status_code == 201
    role = client.get(assigned.headers["Location"]).json
    assert (role["task"], role["direction"], role["ended_on"]) == ("boodschappen", "to_client", None)
    assert [r["id"] for r in network(client, net)["roles"]] == [assigned.json["id"]]

    assert client.delete(assigned.headers["Location"], json={"reason": "klaar"}).status_code == 200
    assert client.get(assigned.headers["Location"]).json["end_reason"] == "klaar"
    assert network(client, net)["roles"] == []


def test_a_spilmantelzorger_can_be_designated_replaced_and_stood_down(client: FlaskClient, net: str) -> None:
    piet, joke = add_contact(client, net), add_contact(client, net, name="Joke", category="household")
    url = f"/api/networks/{net}/spilmantelzorger"
    assert client.put(url, json={"contact_id": piet}).status_code == 200
    assert client.put(url, json={"contact_id": joke}).status_code == 200
    assert network(client, net)["spilmantelzorger"] == {"contact_id": joke, "name": "Joke"}
    assert client.delete(url, json={"reason": "overbelast"}).status_code == 200
    assert network(client, net)["spilmantelzorger"] is None
    assert event_types(client, net)[3:] == [
        "SpilmantelzorgerDesignated",
        "SpilmantelzorgerStoodDown",
        "SpilmantelzorgerDesignated",
        "SpilmantelzorgerStoodDown",
    ]


def test_removing_a_contact_ends_their_roles_and_their_designation(client: FlaskClient, net: str) -> None:
    carer = add_contact(client, net, category="household")
    role = {"contact_id": carer, "support_type": "emotional", "task": "luisteren"}
    role_url = client.post(f"/api/networks/{net}/roles", json=role).headers["Location"]
    client.put(f"/api/networks/{net}/spilmantelzorger", json={"contact_id": carer})
    assert client.delete(f"/api/networks/{net}/contacts/{carer}", json={"reason": "overleden"}).status_code == 200
    shown = network(client, net)
    assert (shown["roles"], shown["spilmantelzorger"]) == ([], None)
    assert client.get(role_url).json["end_reason"] == "contact_removed"


# ------------------------------------------------------------------ burden, reviews, meetings, goals, notes
def test_a_burden_report_keeps_the_answers_as_given(client: FlaskClient, net: str) -> None:
    carer = add_contact(client, net, category="household")
    answers = [1, True, "Ja", *[0] * 10]  # CSI: 13 yes/no items, in any of the forms it accepts
    body = {"carer_id": carer, "instrument": "csi", "answers": answers, "reported_on": "2026-04-01"}
    reported = client.post(f"/api/networks/{net}/burden-reports", json=body)
    assert reported.status_code == 201
    position = reported.json["position"]
    report = client.get(f"{reported.headers['Location']}?min_position={position}").json
    assert (report["answers"], report["reported_on"], report["carer_id"]) == (answers, "2026-04-01", carer)
    listed = client.get(f"/api/networks/{net}/burden-reports?carer_id={carer}&min_position={position}").json
    assert [r["id"] for r in listed["items"]] == [reported.json["id"]]
    assert event_types(client, net)[-1] == "CarerBurdenReported"


def test_a_review_sets_the_next_review_date_shown_on_the_network(client: FlaskClient, net: str) -> None:
    body = {"held_on": "2026-03-02", "participants": ["Ans", "Bea"], "next_review_on": "2026-06-01"}
    reviewed = client.post(f"/api/networks/{net}/reviews", json=body)
    assert reviewed.status_code == 201
    shown = network(client, net)
    assert (shown["next_review_on"], shown["last_reviewed_on"]) == ("2026-06-01", "2026-03-02")
    reviews = client.get(f"/api/networks/{net}/reviews?min_position={reviewed.json['position']}").json["items"]
    assert reviews[0]["participants"] == ["Ans", "Bea"]


def test_a_meeting_is_recorded_with_its_agreements(client: FlaskClient, net: str) -> None:
    body = {"held_on": "2026-04-01", "attendees": ["Ans", "Piet"], "agreements": ["Piet kookt op dinsdag"]}
    held = client.post(f"/api/networks/{net}/meetings", json=body)
    assert held.status_code == 201
    meetings = client.get(f"/api/networks/{net}/meetings?min_position={held.json['position']}").json["items"]
    assert meetings == [{"held_on": "2026-04-01", **body, "attendee_ids": [], "client_took_part": None}]
    assert events(client, net)[-1]["summary"] == "De steungroep kwam bijeen (1 afspraak)"


def test_a_goal_can_be_set_read_and_completed(client: FlaskClient, net: str) -> None:
    set_ = client.post(f"/api/networks/{net}/goals", json={"title": "Weer wandelen", "due_on": "2027-01-01"})
    assert set_.status_code == 201
    assert client.get(set_.headers["Location"]).json["completed_on"] is None
    assert client.post(f"{set_.headers['Location']}/complete", json={}).status_code == 200
    assert client.get(set_.headers["Location"]).json["completed_on"] == "2026-11-26"
    assert [g["title"] for g in network(client, net)["goals"]] == ["Weer wandelen"]


def test_a_note_can_be_written_and_read(client: FlaskClient, net: str) -> None:
    written_note = client.post(f"/api/networks/{net}/notes", json={"text": "Gebeld met Piet."})
    assert written_note.status_code == 201
    position = written_note.json["position"]
    assert client.get(f"{written_note.headers['Location']}?min_position={position}").json["text"] == "Gebeld met Piet."
    notes = client.get(f"/api/networks/{net}/notes?min_position={position}").json["items"]
    assert [n["text"] for n in notes] == ["Gebeld met Piet."]


# ------------------------------------------------------------------ health and documentation
def test_health_tells_anyone_only_whether_kring_is_ok_and_an_administrator_how_far_it_is(
    client: FlaskClient, staff: Staff, net: str
) -> None:
    anonymous = client.application.test_client().get("/api/health")
    assert anonymous.status_code == 200 and anonymous.json == {"status": "ok"}  # no store, no count of events
    assert client.get("/api/health").json == {"status": "ok"}  # a coordinator sees no more
    admin = staff.client("Ada", is_admin=True).get("/api/health").json
    assert admin["status"] == "ok" and admin["log_position"] == 1 and admin["parked_events"] == 0
    assert "store" not in admin


def test_every_api_route_is_documented_in_the_openapi_spec(client: FlaskClient) -> None:
    spec = client.get("/api/openapi.json")
    assert spec.status_code == 200
    paths = spec.json["paths"]
    app = client.application
    routes = {
        (re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api") and not rule.endpoint.startswith("api-docs.")
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}
    }
    assert len(routes) >= 25
    undocumented = sorted(r for r in routes if r[1] not in paths.get(r[0], {}))
    assert undocumented == []


# ------------------------------------------------------------------ errors: always JSON, one shape
def test_malformed_json_is_a_400(client: FlaskClient) -> None:
    assert_error(client.post("/api/networks", data="{oops", content_type="application/json"), 400, "bad_request")


@pytest.mark.parametrize(
    ("method", "path", "code"),
    [
        ("get", "/api/networks/{x}", "network_not_found"),
        ("get", "/api/networks/{x}/events", "network_not_found"),
        ("post", "/api/networks/{x}/notes", "network_not_found"),
        ("get", "/api/networks/not-a-uuid", "not_found"),
        ("get", "/api/nothing-here", "not_found"),
        ("get", "/api/networks/{n}/contacts/{x}", "contact_not_found"),
        ("patch", "/api/networks/{n}/contacts/{x}", "contact_not_found"),
        ("delete", "/api/networks/{n}/contacts/{x}", "contact_not_found"),
        ("put", "/api/networks/{n}/contacts/{x}/tie", "contact_not_found"),
        ("get", "/api/networks/{n}/roles/{x}", "role_not_found"),
        ("delete", "/api/networks/{n}/roles/{x}", "role_not_found"),
        ("get", "/api/networks/{n}/goals/{x}", "goal_not_found"),
        ("post", "/api/networks/{n}/goals/{x}/complete", "open_goal_not_found"),
        ("get", "/api/networks/{n}/notes/{x}", "note_not_found"),
        ("get", "/api/networks/{n}/burden-reports/{x}", "report_not_found"),
    ],
)
def test_something_unknown_in_the_url_is_a_404(
    client: FlaskClient, net: str, method: str, path: str, code: str
) -> None:
    bodies = {"patch": {"name": "Joke"}, "put": {"strength": "strong", "flow": "both"}}
    if path.endswith("/notes"):
        bodies["post"] = {"text": "x"}
    response = getattr(client, method)(path.format(n=net, x=NO_SUCH_ID), json=bodies.get(method, {}))
    assert_error(response, 404, code)


def test_a_method_the_url_does_not_have_is_a_405(client: FlaskClient, net: str) -> None:
    assert_error(client.put(f"/api/networks/{net}", json={}), 405, "method_not_allowed")


def test_a_405_says_which_methods_the_url_allows(client: FlaskClient, net: str) -> None:
    response = client.put(f"/api/networks/{net}", json={})
    assert set(response.headers.get("Allow", "").replace(" ", "").split(",")) >= {"GET", "PATCH"}


def _domain_conflicts(client: FlaskClient, net: str) -> dict[str, tuple[str, dict[str, Any], str, str | None]]:
    """Requests the network's rules refuse: (path, body, error code, field at fault)."""
    piet = add_contact(client, net, effective_on="2026-03-01")
    doctor = add_contact(client, net, name="Dokter", category="professional", ring="service")
    role = {"contact_id": NO_SUCH_ID, "support_type": "practical", "task": "boodschappen"}
    early_tie = {"strength": "strong", "flow": "both", "effective_on": "2026-02-01"}
    return {
        "role_for_unknown_contact": ("roles", role, "unknown_contact", "contact_id"),
        "professional_spilmantelzorger": (
            "spilmantelzorger",
            {"contact_id": doctor},
            "professional_spilmantelzorger",
            "contact_id",
        ),
        "acquainted_with_itself": ("acquaintances", {"contact_ids": [piet, piet]}, "self_tie", "contact_ids"),
        "tie_before_contact_added": (f"contacts/{piet}/tie", early_tie, "date_out_of_order", "effective_on"),
        "review_before_opening": ("reviews", {"held_on": "2025-12-01"}, "date_out_of_order", "held_on"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "role_for_unknown_contact",
        "professional_spilmantelzorger",
        "acquainted_with_itself",
        "tie_before_contact_added",
        "review_before_opening",
    ],
)
def test_a_change_the_rules_refuse_is_a_409_and_nothing_is_written(client: FlaskClient, net: str, case: str) -> None:
    path, body, code, field = _domain_conflicts(client, net)[case]
    before = written(client, net)
    method = client.put if path == "spilmantelzorger" or path.endswith("/tie") else client.post
    assert_error(method(f"/api/networks/{net}/{path}", json=body), 409, code, field)
    assert written(client, net) == before


def test_a_change_to_a_closed_network_is_a_409_and_nothing_is_written(client: FlaskClient, net: str) -> None:
    client.post(f"/api/networks/{net}/close", json={})
    before = written(client, net)
    assert_error(client.patch(f"/api/networks/{net}", json={"review_interval_weeks": 8}), 409, "network_closed")
    assert written(client, net) == before


def test_a_stale_if_match_is_refused_and_nothing_is_written(client: FlaskClient, net: str) -> None:
    add_contact(client, net)
    before = written(client, net)
    stale = client.patch(f"/api/networks/{net}", json={"client_name": "Anna"}, headers={"If-Match": '"1"'})
    assert_error(stale, 412, "version_mismatch")
    assert stale.headers["ETag"] == '"2"'
    assert written(client, net) == before and network(client, net)["client_name"] == "Ans"
    assert_error(client.post(f"/api/networks/{net}/notes", json={"text": "x"}, headers={"If-Match": "nope"}), 412)

    current = client.patch(f"/api/networks/{net}", json={"client_name": "Anna"}, headers={"If-Match": '"2"'})
    assert current.status_code == 200 and network(client, net)["client_name"] == "Anna"


def test_a_body_over_64_kib_is_a_413(client: FlaskClient, net: str) -> None:
    response = client.post(f"/api/networks/{net}/notes", json={"text": "x" * (65 * 1024)})
    assert_error(response, 413, "too_large")
    assert len(events(client, net)) == 1


@pytest.mark.parametrize(
    ("data", "content_type"),
    [("client_name=Ans&coordinator=Bea", "application/x-www-form-urlencoded"), ("Ans", "text/plain")],
)
def test_a_body_that_is_not_json_is_a_415(client: FlaskClient, data: str, content_type: str) -> None:
    assert_error(client.post("/api/networks", data=data, content_type=content_type), 415, "unsupported_media_type")
    assert client.get("/api/networks").json["items"] == []


CONTACT = {"name": "Piet", "category": "friend", "ring": "friend"}


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("contacts", {"category": "friend", "ring": "friend"}, "name"),
        ("contacts", {**CONTACT, "nickname": "P"}, "nickname"),
        ("contacts", {**CONTACT, "category": "buddy"}, "category"),
        ("contacts", {**CONTACT, "travel_minutes": "5"}, "travel_minutes"),
        ("contacts", {**CONTACT, "travel_minutes": 5.5}, "travel_minutes"),
        ("contacts", {**CONTACT, "effective_on": "2026-11-27"}, "effective_on"),
        ("notes", {"text": "x", "effective_on": "26-11-2026"}, "effective_on"),
        ("burden-reports", {"carer_id": NO_SUCH_ID, "instrument": "ediz", "answers": "3,2"}, "answers"),
        ("burden-reports", {"carer_id": NO_SUCH_ID, "instrument": "ediz", "answers": []}, "answers"),
        ("burden-reports", {"carer_id": NO_SUCH_ID, "instrument": "ediz", "answers": [1, 2.5]}, "answers.1"),
    ],
)
def test_invalid_input_is_a_422_naming_the_field_and_nothing_is_written(
    client: FlaskClient, net: str, path: str, body: dict[str, Any], field: str
) -> None:
    before = written(client, net)
    assert_error(client.post(f"/api/networks/{net}/{path}", json=body), 422, "validation_failed", field)
    assert written(client, net) == before


def test_an_as_of_date_in_the_future_is_a_422(client: FlaskClient, net: str) -> None:
    assert_error(client.get(f"/api/networks/{net}?as_of=2026-11-27"), 422, "validation_failed", "as_of")


# ------------------------------------------------------------- rules found by testing
def test_dates_inside_event_data_are_iso_dates(client: FlaskClient, net: str) -> None:
    contact = add_contact(client, net)
    client.patch(f"/api/networks/{net}/contacts/{contact}", json={"known_since": "2020-01-02"})
    assert events(client, net)[-1]["data"]["changes"] == {"known_since": "2020-01-02"}


def test_the_spilmantelzorger_cannot_be_made_a_professional(client: FlaskClient, net: str) -> None:
    carer = add_contact(client, net, category="household")
    client.put(f"/api/networks/{net}/spilmantelzorger", json={"contact_id": carer})
    response = client.patch(f"/api/networks/{net}/contacts/{carer}", json={"category": "professional"})
    assert_error(response, 409, "professional_spilmantelzorger", "category")


def test_removing_a_contact_ends_their_acquaintances(client: FlaskClient, net: str) -> None:
    piet, joke = add_contact(client, net), add_contact(client, net, name="Joke")
    client.post(f"/api/networks/{net}/acquaintances", json={"contact_ids": [piet, joke]})
    client.delete(f"/api/networks/{net}/contacts/{piet}", json={})
    assert network(client, net)["acquaintances"] == []


def test_a_weak_etag_in_if_match_never_matches(client: FlaskClient) -> None:
    nid = open_network(client)
    response = client.post(f"/api/networks/{nid}/notes", json={"text": "x"}, headers={"If-Match": 'W/"1"'})
    assert response.status_code == 412


def test_an_exactly_full_last_page_says_there_is_no_next_page(client: FlaskClient) -> None:
    for _ in range(2):
        open_network(client)
    page = client.get("/api/networks?limit=2").get_json()
    assert len(page["items"]) == 2 and page["next_after"] is None
