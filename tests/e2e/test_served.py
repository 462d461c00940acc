"""What only a real server shows: limits as gunicorn passes requests on (a chunked body has no Content-Length)."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from tests.e2e.browser import Server, server  # noqa: F401 - fixtures


@pytest.mark.slow
def test_a_chunked_body_of_ten_megabytes_through_gunicorn_is_a_413(server: Server) -> None:  # noqa: F811
    server.user("chunk@wijkteam.nl", "Chunk", "--coordinator")
    auth = server.token("chunk@wijkteam.nl")

    def chunks() -> Any:
        yield b'{"client_name": "'
        for _ in range(10 * 1024):
            yield b"x" * 1024
        yield b'"}'

    headers = {**auth, "Content-Type": "application/json"}
    try:
        answer = requests.post(f"{server.url}/api/networks", data=chunks(), headers=headers, timeout=30)
    except requests.ConnectionError:  # gunicorn closed while the client still sent: no answer the client can read
        pytest.fail("the connection was reset instead of answering 413")
    assert answer.status_code == 413 and answer.json()["error"] == "too_large"
    small = requests.post(
        f"{server.url}/api/networks", data=iter([b'{"client_name": "Ans"}']), headers=headers, timeout=30
    )
    assert small.status_code == 201
