"""Starting real servers for the end-to-end tests: a free port, and waiting until the server answers."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import requests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_healthy(url: str, process: subprocess.Popen[Any], log: Path, what: str, seconds: float = 300) -> None:
    """Poll the health check until it answers 200. A refused connection or a slow answer (a loaded machine) is
    "not ready yet"; a server that exits fails at once, and one that never answers fails after `seconds`, each
    with the end of its output."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(f"{url}/api/health", timeout=10).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.5)
    pytest.fail(f"{what} did not answer within {seconds:.0f} s:\n{log.read_text()[-3000:]}")
