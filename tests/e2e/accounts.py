"""The first account of a fresh install, made the way the README says, and an API token for it."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

import requests

EMAIL = "coord@wijkteam.nl"
PASSWORD = "een-lang-wachtwoord"


def first_coordinator(flask: Path, cwd: Path, env: Mapping[str, str], url: str) -> dict[str, str]:
    """`flask users create` for a coordinator-administrator, then a token by e-mail and password."""
    command = [str(flask), "--app", "services.web", "users", "create", "--email", EMAIL, "--name", "Coördinator"]
    command += ["--organisation", "Wijkteam", "--coordinator", "--password", PASSWORD]
    made = subprocess.run(command, cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=120, check=False)
    assert made.returncode == 0, made.stdout + made.stderr
    token = requests.post(f"{url}/api/tokens", json={"name": "e2e"}, auth=(EMAIL, PASSWORD), timeout=10)
    assert token.status_code == 201, token.text
    return {"Authorization": f"Bearer {token.json()['token']}"}
