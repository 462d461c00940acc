"""Writers and the in-process projection runner share the SQLite file without blocking each other."""

from __future__ import annotations

import threading

from flask import Flask
from flask.testing import FlaskClient

from tests.integration.api_helpers import open_network


def signed_in(app: Flask, like: FlaskClient) -> FlaskClient:
    """Another client (its own cookie jar, for its own thread) with the same token."""
    client = app.test_client()
    client.environ_base.update(like.environ_base)
    return client


def test_concurrent_writes_succeed_while_the_projections_run_in_the_same_process(
    app: Flask, client: FlaskClient
) -> None:
    network_id = open_network(client)
    statuses: list[int] = []
    lock = threading.Lock()

    def write() -> None:
        writer = signed_in(app, client)
        for i in range(25):
            response = writer.post(f"/api/networks/{network_id}/notes", json={"text": f"note {i}"})
            with lock:
                statuses.append(response.status_code)

    threads = [threading.Thread(target=write) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [201] * 150
    last = client.post(f"/api/networks/{network_id}/notes", json={"text": "last"}).get_json()
    timeline = client.get(f"/api/networks/{network_id}/timeline?limit=500&min_position={last['position']}")
    assert len(timeline.get_json()["items"]) == 152  # opened + 150 notes + the last one, all projected
