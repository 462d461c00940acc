"""The exchange over HTTP: FHIR for care records, Network Canvas out and in. The round trip and the refusals that
record nothing run on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

from fhir.resources import get_fhir_model_class
from fhir.resources.bundle import Bundle
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from domain.network import Network
from domain.state import Stamp
from services.exchange.network_canvas import network_canvas_graphml
from services.exchange.uploads import UPLOAD_MAX_BYTES
from tests.integration.api_helpers import OPENED_ON, add_contact, assert_error, open_network, written
from tests.unit import network_canvas_samples as nc


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.get_data(as_text=True)
    return response.json


def build(client: FlaskClient) -> str:
    """Ans's network: Peter (spilmantelzorger) and Mia who know each other, a wijkverpleegkundige, tasks, burden."""
    nid = open_network(client)
    peter = add_contact(client, nid, name="Peter", category="household", ring="intimate", skills=["kan autorijden"])
    mia = add_contact(client, nid, name="Mia", category="neighbour", ring="friend", travel_minutes=3)
    nurse = add_contact(client, nid, name="Wijkverpleging", category="professional", ring="service")
    for contact, strength, flow in ((peter, "strong", "both"), (mia, "normal", "to_client"), (nurse, "normal", "none")):
        tie = {"strength": strength, "flow": flow, "frequency": "weekly", "effective_on": OPENED_ON}
        ok(client.put(f"/api/networks/{nid}/contacts/{contact}/tie", json=tie))
    ok(client.post(f"/api/networks/{nid}/acquaintances", json={"contact_ids": [peter, mia], "effective_on": OPENED_ON}))
    for contact, kind, task in ((peter, "practical", "boodschappen"), (mia, "respite", "zaterdagmiddag oppassen")):
        role = {
            "contact_id": contact,
            "support_type": kind,
            "task": task,
            "rhythm": "wekelijks",
            "effective_on": OPENED_ON,
        }
        ok(client.post(f"/api/networks/{nid}/roles", json=role), 201)
    ok(client.put(f"/api/networks/{nid}/spilmantelzorger", json={"contact_id": peter, "effective_on": OPENED_ON}))
    report = {"carer_id": peter, "instrument": "srb", "answers": [6], "reported_on": "2026-02-01"}
    position = ok(client.post(f"/api/networks/{nid}/burden-reports", json=report), 201)["position"]
    client.environ_base["HTTP_X_KRING_MIN_POSITION"] = str(position)  # later reads include all of it
    return nid


def upload(
    client: FlaskClient, path: str, files: list[tuple[str, bytes]], headers: dict[str, str] | None = None, **form: str
) -> Any:
    """POST the files as a browser or curl -F would (encoded here, in memory: the test client would spool a large
    body to a temporary file it never closes)."""
    fields: dict[str, Any] = {"file": [FileStorage(io.BytesIO(data), name) for name, data in files], **form}
    boundary, body = encode_multipart(fields)
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}", headers=headers)


def the_map(client: FlaskClient, nid: str, position: int | None = None) -> dict[str, Any]:
    """The map and measures as a user reads them, by names (ids and recording days differ between networks)."""
    query = f"?min_position={position}" if position else ""
    found = ok(client.get(f"/api/networks/{nid}/map{query}"))
    measures = ok(client.get(f"/api/networks/{nid}/measures{query}"))["measures"]
    names = {c["id"]: c["name"] for c in found["contacts"]}
    measures.pop("stability")
    busiest = measures["concentration"]["value"].pop("busiest_contact_id")
    return {
        "contacts": sorted(
            (
                c["name"],
                c["category"],
                c["ring"],
                c["travel_minutes"],
                c["skills"],
                {**c["tie"], "since": None, "changed_on": None},
            )
            for c in found["contacts"]
        ),
        "pairs": sorted(sorted(names[i] for i in a["contact_ids"]) for a in found["acquaintances"]),
        "roles": sorted((names[r["contact_id"]], r["support_type"], r["task"], r["rhythm"]) for r in found["roles"]),
        "spilmantelzorger": names[found["spilmantelzorger"]["contact_id"]],
        "measures": {name: m["value"] for name, m in measures.items()},
        "busiest": busiest_among(found["roles"], names, busiest),
    }


def busiest_among(roles: list[dict[str, Any]], names: dict[str, str], busiest: str | None) -> list[str]:
    """Who carry the most tasks; the one named busiest is one of them (which one, among equals, is arbitrary)."""
    load = Counter(r["contact_id"] for r in roles if r["direction"] == "to_client")
    top = sorted(names[i] for i, n in load.items() if n == max(load.values()))
    assert names.get(busiest or "") in top
    return top


def test_an_export_imported_into_a_new_network_shows_the_same_map_and_measures(
    any_store_client: FlaskClient,
) -> None:
    client = any_store_client
    nid = build(client)
    exported = client.get(f"/api/networks/{nid}/network-canvas.graphml")
    assert exported.status_code == 200 and exported.mimetype == "application/graphml+xml"
    response = upload(client, "/api/networks/network-canvas", [("ans.graphml", exported.data)])
    made = ok(response, 201)
    assert (
        response.headers["Location"] == f"/api/networks/{made['id']}"
        and response.headers["ETag"] == f'"{made["version"]}"'
    )
    assert (made["contacts_added"], made["ties_recorded"], made["acquaintances_recorded"]) == (3, 3, 1)
    assert (made["roles_assigned"], made["spilmantelzorger"], made["ignored_attributes"]) == (2, "Peter", [])
    assert the_map(client, made["id"], made["position"]) == the_map(client, nid)
    copy = ok(client.get(f"/api/networks/{made['id']}"))
    assert copy["client_name"] == "Ans" and copy["opened_on"] == made["interviewed_on"] == "2026-11-26"


def test_a_file_with_a_broken_line_is_refused_and_records_nothing(any_store_client: FlaskClient) -> None:
    client = any_store_client
    nid = build(client)
    before = written(client, nid)
    broken = nc.GRAPHML.replace('<node id="3">', '<node id="3"', 1).encode()
    response = upload(client, f"/api/networks/{nid}/network-canvas", [("interview.graphml", broken)])
    assert_error(response, 422, "invalid_file", "file")
    line = nc.GRAPHML[: nc.GRAPHML.index('<node id="3">')].count("\n") + 2
    assert response.json["fields"]["file"] == [
        f"interview.graphml, line {line}: not well-formed XML (not well-formed (invalid token))."
    ]
    assert written(client, nid) == before
    networks = ok(client.get("/api/networks"))["items"]
    refused = upload(client, "/api/networks/network-canvas", [("interview.graphml", broken)])
    assert_error(refused, 422, "invalid_file", "file")
    assert ok(client.get("/api/networks"))["items"] == networks


def test_network_canvas_csv_files_are_added_to_a_network_on_the_interview_day(client: FlaskClient) -> None:
    nid = open_network(client, opened_on="2025-01-06")
    response = upload(client, f"/api/networks/{nid}/network-canvas", nc.csv_files(), interviewed_on="2025-03-05")
    done = ok(response)
    assert done["interviewed_on"] == "2025-03-05" and done["contacts_added"] == 4
    assert done["ignored_attributes"] == ["closeness", "layout_x", "layout_y"]
    found = ok(client.get(f"/api/networks/{nid}/map?min_position={done['position']}"))
    assert {c["name"]: c["added_on"] for c in found["contacts"]} == dict.fromkeys(
        ["Anna", "Piet", "Kees", "Thuiszorg, team Oost"], "2025-03-05"
    )
    stale = upload(client, f"/api/networks/{nid}/network-canvas", nc.csv_files())
    assert stale.status_code == 200  # no If-Match: any version
    old = upload(client, f"/api/networks/{nid}/network-canvas", nc.csv_files(), {"If-Match": f'"{done["version"]}"'})
    assert_error(old, 412, "version_mismatch")


def test_an_upload_over_the_limit_is_413_and_a_json_body_415(client: FlaskClient) -> None:
    nid = open_network(client)
    big = upload(client, f"/api/networks/{nid}/network-canvas", [("big.graphml", b" " * (UPLOAD_MAX_BYTES + 1))])
    assert_error(big, 413, "too_large")
    assert str(UPLOAD_MAX_BYTES) in big.json["message"]
    bomb = nc.zipped([("x_attributeList_Person.csv", b"0" * (17 * 1024 * 1024))])
    unpacked = upload(client, f"/api/networks/{nid}/network-canvas", [("export.zip", bomb)])
    assert_error(unpacked, 413, "too_large", "file")
    json_body = client.post(f"/api/networks/{nid}/network-canvas", json={"file": "interview.graphml"})
    assert_error(json_body, 415, "unsupported_media_type")
    no_file = client.post(f"/api/networks/{nid}/network-canvas", data={}, content_type="multipart/form-data")
    assert_error(no_file, 422, "validation_failed", "file")
    assert written(client, nid) == (1, 1)


def test_the_fhir_export_is_a_valid_r4_bundle_now_and_as_of_a_day(client: FlaskClient) -> None:
    nid = build(client)
    response = client.get(f"/api/networks/{nid}/fhir")
    assert response.status_code == 200 and response.mimetype == "application/fhir+json"
    bundle = response.json
    for entry in Bundle.parse_obj(bundle).entry:
        get_fhir_model_class(entry.resource.resource_type).parse_obj(entry.resource.dict())
    kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    assert (kinds["RelatedPerson"], kinds["CarePlan"], kinds["CareTeam"], kinds["QuestionnaireResponse"]) == (
        3,
        2,
        1,
        1,
    )
    recorders = {
        p["agent"][0]["who"].get("display")
        for e in bundle["entry"]
        if (p := e["resource"])["resourceType"] == "Provenance"
    }
    assert recorders == {"Bea"}
    earlier = ok(client.get(f"/api/networks/{nid}/fhir?as_of=2026-01-20"))
    assert "QuestionnaireResponse" not in {e["resource"]["resourceType"] for e in earlier["entry"]}  # in February


def test_the_export_zip_holds_fhir_network_canvas_and_egor(client: FlaskClient) -> None:
    nid = build(client)
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/api/networks/{nid}/export").data))
    alters = archive.read("egor/alters.csv").decode().splitlines()
    assert alters[0].startswith("egoID,alterID,name,category") and len(alters) == 4
    assert archive.read("egor/aaties.csv").decode().splitlines()[0] == "egoID,Source,Target,since"
    assert b"networkCanvasUUID" in archive.read("network-canvas.graphml")
    assert b"nl-core-ContactPerson" in archive.read("fhir.json")


def test_the_exchange_endpoints_are_described_in_the_openapi_document(client: FlaskClient) -> None:
    spec = ok(client.get("/api/openapi.json"))
    fhir = spec["paths"]["/api/networks/{network_id}/fhir"]["get"]
    assert "nl-core-Patient" in fhir["description"] and "application/fhir+json" in fhir["responses"]["200"]["content"]
    new = spec["paths"]["/api/networks/network-canvas"]["post"]
    body = new["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[-1]
    fields = spec["components"]["schemas"][body]["properties"]
    assert set(fields) == {"file", "client_name", "interviewed_on"} and "parameters" not in new
    assert fields["file"]["items"] == {"type": "string", "format": "binary"}
    into = spec["paths"]["/api/networks/{network_id}/network-canvas"]["post"]
    assert {"200", "412", "413", "415", "422"} <= set(into["responses"]) and into["description"]


def test_an_interview_larger_than_the_json_limit_of_the_api_is_imported(client: FlaskClient) -> None:
    start = Stamp("bea", date(2026, 1, 5), date(2026, 11, 26))
    network = Network.open("Ans", "bea", 13, start)
    for number in range(200):
        name = f"Persoon {number:03} van de familie Van der Zwaluwenstaart-Oosterhout"
        network.add_contact(start, f"c{number}", name=name, category="other_family", ring="friend")
        network.assess_tie(start, f"c{number}", "normal", False, "both", "monthly")
    graphml = network_canvas_graphml(network, date(2026, 11, 26), datetime(2026, 11, 26, tzinfo=UTC)).encode()
    assert 64 * 1024 < len(graphml) < UPLOAD_MAX_BYTES
    done = ok(upload(client, "/api/networks/network-canvas", [("big.graphml", graphml)]), 201)
    assert (done["contacts_added"], done["ties_recorded"]) == (200, 200)
