"""Mapping a network in one sitting over the API: everything recorded at once, dated the sitting's day, or nothing;
a problem is named by the row and field it is in. Also the client's profile, relations apart from groups, and
reviews and meetings with the people of the network."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.integration.api_helpers import (
    OPENED_ON,
    add_contact,
    assert_error,
    event_types,
    events,
    network,
    open_network,
    written,
)

SITTING = "2026-11-20"


def kitchen_table() -> dict[str, Any]:
    """Mevrouw Jansen, 84, at her kitchen table: six people, six ties, eight tasks, three pairs, and Ria."""

    def task(kind: str, what: str, rhythm: str | None = None, direction: str = "to_client") -> dict[str, Any]:
        return {"support_type": kind, "task": what, "rhythm": rhythm, "direction": direction}

    return {
        "client_name": "Mevrouw Aaltje Jansen",
        "held_on": SITTING,
        "client": {
            "date_of_birth": "1942-03-14",
            "living_situation": "alone",
            "help_question": "Ik wil thuis blijven wonen, maar de boodschappen lukken niet meer.",
        },
        "people": [
            {
                "ref": "ria",
                "name": "Ria",
                "relation": "child",
                "ring": "intimate",
                "strength": "strong",
                "flow": "both",
                "frequency": "daily",
                "tasks": [task("practical", "boodschappen", "elke zaterdag"), task("emotional", "luistert")],
            },
            {
                "ref": "kees",
                "name": "Kees",
                "relation": "child",
                "contact_mode": "video",
                "ring": "friend",
                "strength": "normal",
                "flow": "to_client",
                "frequency": "weekly",
                "tasks": [task("advice", "helpt met formulieren", "maandelijks")],
            },
            {
                "ref": "joke",
                "name": "Joke",
                "relation": "neighbour",
                "ring": "friend",
                "strength": "strong",
                "flow": "both",
                "tasks": [task("companionship", "koffie drinken", "dinsdag"), task("practical", "plantjes water")],
            },
            {
                "ref": "henk",
                "name": "Henk",
                "relation": "friend",
                "contact_mode": "phone",
                "ring": "acquaintance",
                "strength": "tenuous",
                "stressful": True,
                "flow": "from_client",
                "tasks": [task("emotional", "belt haar op zondag", "wekelijks", "from_client")],
            },
            {
                "ref": "wijk",
                "name": "Wijkverpleging",
                "relation": "organisation",
                "ring": "service",
                "strength": "normal",
                "flow": "to_client",
                "tasks": [task("personal_care", "wassen en aankleden", "dagelijks")],
            },
            {
                "ref": "bas",
                "name": "Bas",
                "relation": "volunteer",
                "ring": "acquaintance",
                "strength": "normal",
                "flow": "to_client",
                "tasks": [task("practical", "rijdt naar de huisarts")],
            },
        ],
        "acquaintances": [["ria", "kees"], ["ria", "joke"], ["joke", "bas"]],
        "spilmantelzorger": "ria",
    }


def test_one_sitting_opens_the_network_with_its_people_ties_tasks_pairs_and_spilmantelzorger_at_once(
    any_store_client: FlaskClient,
) -> None:
    response = any_store_client.post("/api/networks/intake", json=kitchen_table())
    assert response.status_code == 201, response.json
    done = response.json
    assert response.headers["Location"].endswith(f"/api/networks/{done['id']}")
    assert (done["contacts_added"], done["ties_assessed"], done["tasks_assigned"]) == (6, 6, 8)
    assert (done["acquaintances_recorded"], done["spilmantelzorger"]) == (3, "Ria")
    found = network(any_store_client, done["id"])
    assert (found["date_of_birth"], found["living_situation"]) == ("1942-03-14", "alone")
    assert found["help_question"].startswith("Ik wil thuis blijven wonen")
    people = {c["name"]: c for c in found["contacts"]}
    assert people["Ria"]["category"] == "other_family" and people["Ria"]["relation"] == "child"
    assert people["Wijkverpleging"]["category"] == "professional"
    assert people["Kees"]["contact_mode"] == "video" and people["Henk"]["tie"]["stressful"] is True
    assert len(found["roles"]) == 8 and len(found["acquaintances"]) == 3
    assert found["spilmantelzorger"]["name"] == "Ria"
    history = events(any_store_client, done["id"])
    assert {e["effective_on"] for e in history} == {SITTING}  # one date for the whole sitting
    assert len(history) == 1 + 3 + 6 + 6 + 8 + 3 + 1
    assert len({e["version"] for e in history}) == len(history) == done["version"]


def test_a_problem_in_row_four_is_named_and_nothing_is_recorded(any_store_client: FlaskClient) -> None:
    sitting = kitchen_table()
    del sitting["people"][3]["name"]
    sitting["people"][1]["tasks"][0]["support_type"] = "cooking"
    response = any_store_client.post("/api/networks/intake", json=sitting)
    assert_error(response, 422, "validation_failed", "people.3.name")
    assert "people.1.tasks.0.support_type" in response.json["fields"]
    assert any_store_client.get("/api/networks").json["items"] == []  # not even the network was opened

    network_id = open_network(any_store_client)
    before = written(any_store_client, network_id)
    del sitting["client_name"]
    response = any_store_client.post(f"/api/networks/{network_id}/intake", json=sitting)
    assert_error(response, 422, "validation_failed", "people.3.name")
    assert written(any_store_client, network_id) == before


def test_a_rule_that_refuses_one_row_names_it_and_records_nothing(client: FlaskClient) -> None:
    network_id = open_network(client)
    before = written(client, network_id)
    sitting = kitchen_table()
    del sitting["client_name"]
    sitting["spilmantelzorger"] = "wijk"  # a professional cannot be the spilmantelzorger
    response = client.post(f"/api/networks/{network_id}/intake", json=sitting)
    assert_error(response, 409, "professional_spilmantelzorger", "spilmantelzorger")
    sitting["spilmantelzorger"] = "ria"
    sitting["acquaintances"].append(["bas", "bas"])
    assert_error(client.post(f"/api/networks/{network_id}/intake", json=sitting), 409, "self_tie", "acquaintances.3")
    assert written(client, network_id) == before


def test_pairs_and_the_spilmantelzorger_must_name_people_of_the_sitting_or_of_the_network(client: FlaskClient) -> None:
    sitting = kitchen_table()
    sitting["acquaintances"][1] = ["ria", "tante Truus"]
    sitting["spilmantelzorger"] = "riaa"
    sitting["people"][2]["ref"] = "ria"
    response = client.post("/api/networks/intake", json=sitting)
    assert_error(response, 422, "validation_failed", "acquaintances.1")
    assert {"spilmantelzorger", "people.2.ref"} <= set(response.json["fields"])


def test_revisiting_changes_only_what_differs_adds_who_is_new_and_knows_who_was_there(client: FlaskClient) -> None:
    network_id = open_network(client)
    piet = add_contact(client, network_id, name="Piet", category="friend", ring="intimate")
    assert client.put(f"/api/networks/{network_id}/contacts/{piet}/tie", json={"strength": "strong", "flow": "both",
                      "effective_on": OPENED_ON}).status_code == 200  # fmt: skip
    version = network(client, network_id)["version"]
    sitting = {
        "held_on": SITTING,
        "people": [
            {"contact_id": piet, "ring": "acquaintance", "strength": "tenuous", "flow": "both"},
            {"ref": "an", "name": "An", "relation": "sibling", "ring": "friend"},
        ],
        "acquaintances": [[piet, "an"]],
    }
    response = client.post(f"/api/networks/{network_id}/intake", json=sitting, headers={"If-Match": f'"{version}"'})
    assert response.status_code == 200, response.json
    assert (response.json["contacts_changed"], response.json["contacts_added"]) == (1, 1)
    assert event_types(client, network_id)[-4:] == [
        "ContactDetailsChanged",
        "TieWeakened",
        "ContactAdded",
        "ContactsAcquainted",
    ]
    found = {c["name"]: c for c in network(client, network_id)["contacts"]}
    assert found["Piet"]["ring"] == "acquaintance" and found["An"]["category"] == "family_of_origin"
    again = client.post(f"/api/networks/{network_id}/intake", json=sitting, headers={"If-Match": f'"{version}"'})
    assert_error(again, 412, "version_mismatch")


def test_the_intake_is_described_in_the_openapi_document(client: FlaskClient) -> None:
    spec = client.get("/api/openapi.json").json
    assert "post" in spec["paths"]["/api/networks/intake"]
    assert "post" in spec["paths"]["/api/networks/{network_id}/intake"]
    person = spec["components"]["schemas"]["IntakePerson"]["properties"]
    assert {"relation", "contact_mode", "lives_with_client", "strength", "tasks", "ref"} <= set(person)


def test_the_clients_profile_is_recorded_as_events_and_an_unchanged_one_records_nothing(client: FlaskClient) -> None:
    network_id = open_network(client)
    profile = {"date_of_birth": "1942-03-14", "living_situation": "alone", "help_question": "Weer naar de markt."}
    assert client.patch(f"/api/networks/{network_id}", json=profile).status_code == 200
    assert event_types(client, network_id)[-3:] == [
        "ClientBirthDateRecorded",
        "LivingSituationChanged",
        "HelpQuestionRecorded",
    ]
    unchanged = client.patch(f"/api/networks/{network_id}", json=profile)
    assert unchanged.json["position"] is None
    moved = client.patch(f"/api/networks/{network_id}", json={"living_situation": "care_home"})
    assert moved.status_code == 200
    assert events(client, network_id)[-1]["summary"] == (
        "Woonsituatie van de cliënt: woont in een zorginstelling of beschermd"
    )
    assert_error(client.patch(f"/api/networks/{network_id}", json={"date_of_birth": "2999-01-01"}), 422,
                 field="date_of_birth")  # fmt: skip


def test_a_relation_gives_the_group_and_who_lives_with_the_client_is_household(client: FlaskClient) -> None:
    network_id = open_network(client)

    def add(**body: Any) -> str:
        response = client.post(f"/api/networks/{network_id}/contacts", json={"ring": "intimate", **body})
        assert response.status_code == 201, response.json
        return str(response.json["id"])

    daughter = add(name="Ria", relation="child", lives_with_client=True)
    son = add(name="Kees", relation="child", contact_mode="video")
    found = {c["id"]: c for c in network(client, network_id)["contacts"]}
    assert (found[daughter]["category"], found[daughter]["relation"]) == ("household", "child")
    assert (found[son]["category"], found[son]["contact_mode"]) == ("other_family", "video")
    moved = client.patch(f"/api/networks/{network_id}/contacts/{daughter}", json={"lives_with_client": False})
    assert moved.status_code == 200
    assert network(client, network_id)["contacts"][1]["category"] == "other_family"  # the group follows
    assert_error(
        client.post(f"/api/networks/{network_id}/contacts", json={"name": "X", "ring": "friend"}), 422, field="category"
    )


def test_a_review_names_the_people_of_the_network_and_whether_the_client_took_part(client: FlaskClient) -> None:
    network_id = open_network(client)
    piet = add_contact(client, network_id)
    review = {"participant_ids": [piet], "participants": ["Dokter Visser"], "client_took_part": True}
    recorded = client.post(f"/api/networks/{network_id}/reviews", json=review)
    assert recorded.status_code == 201, recorded.json
    [held] = client.get(f"/api/networks/{network_id}/reviews?min_position={recorded.json['position']}").json["items"]
    assert (held["participant_ids"], held["participants"], held["client_took_part"]) == (
        [piet],
        ["Dokter Visser"],
        True,
    )
    unknown = {"participant_ids": ["00000000-0000-4000-8000-000000000000"]}
    assert_error(client.post(f"/api/networks/{network_id}/reviews", json=unknown), 409, "unknown_contact",
                 "participant_ids.0")  # fmt: skip


def test_an_agreement_of_a_meeting_becomes_a_task_in_the_same_save(client: FlaskClient) -> None:
    network_id = open_network(client)
    piet = add_contact(client, network_id)
    meeting = {
        "attendee_ids": [piet],
        "client_took_part": False,
        "agreements": ["We bellen elkaar na de vakantie"],
        "tasks": [{"contact_id": piet, "support_type": "practical", "task": "Piet maait het gras", "rhythm": "mei"}],
    }
    response = client.post(f"/api/networks/{network_id}/meetings", json=meeting)
    assert response.status_code == 201, response.json
    assert event_types(client, network_id)[-2:] == ["SupportGroupMeetingHeld", "SupportRoleAssigned"]
    [role] = network(client, network_id)["roles"]
    assert (role["contact_id"], role["task"], role["rhythm"]) == (piet, "Piet maait het gras", "mei")
    before = written(client, network_id)
    meeting["tasks"][0]["contact_id"] = "00000000-0000-4000-8000-000000000000"
    refused = client.post(f"/api/networks/{network_id}/meetings", json=meeting)
    assert_error(refused, 409, "unknown_contact", "tasks.0.contact_id")
    assert written(client, network_id) == before
