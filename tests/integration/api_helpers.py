"""Small helpers for the JSON API tests: open a network, add a contact, read back, check an error."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

OPENED_ON = "2026-01-05"
NO_SUCH_ID = "00000000-0000-4000-8000-000000000000"


def open_network(client: FlaskClient, **body: Any) -> str:
    """Open a network (Ans, coordinated by the caller, opened 2026-01-05 unless told) and return its id."""
    body = {"client_name": "Ans", "opened_on": OPENED_ON, **body}
    response = client.post("/api/networks", json=body)
    assert response.status_code == 201, response.json
    return str(response.json["id"])


def add_contact(client: FlaskClient, network_id: str, **body: Any) -> str:
    """Add a contact (Piet, a friend, added on the opening day unless told) and return its id."""
    body = {"name": "Piet", "category": "friend", "ring": "friend", "effective_on": OPENED_ON, **body}
    response = client.post(f"/api/networks/{network_id}/contacts", json=body)
    assert response.status_code == 201, response.json
    return str(response.json["id"])


def network(client: FlaskClient, network_id: str, **query: str) -> dict[str, Any]:
    """The network as a user reads it."""
    response = client.get(f"/api/networks/{network_id}", query_string=query)
    assert response.status_code == 200, response.json
    return response.json  # type: ignore[no-any-return]


def events(client: FlaskClient, network_id: str, **headers: str) -> list[dict[str, Any]]:
    """The network's history, oldest first."""
    response = client.get(f"/api/networks/{network_id}/events", headers=headers)
    assert response.status_code == 200, response.json
    return response.json["items"]  # type: ignore[no-any-return]


def event_types(client: FlaskClient, network_id: str) -> list[str]:
    return [e["type"] for e in events(client, network_id)]


def written(client: FlaskClient, network_id: str) -> tuple[int, int]:
    """What has been written so far: (version, number of events)."""
    return network(client, network_id)["version"], len(events(client, network_id))


def assert_error(response: TestResponse, status: int, code: str | None = None, field: str | None = None) -> None:
    """The one JSON error shape, with this status (and code, and a problem named for this field)."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.json
    assert set(body) == {"error", "message", "fields"}
    assert isinstance(body["message"], str) and body["message"]
    assert all(isinstance(p, list) and p for p in body["fields"].values())
    if code is not None:
        assert body["error"] == code
    if field is not None:
        assert field in body["fields"], body
