"""What Kring keeps on disk is its owner's alone: var/ is 0700, the SQLite files (with -wal and -shm), the
session key and the master key 0600, also when an older install left them open to everyone."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

STORE_VARIABLES = ("DATABASE_URL", "PERSISTENCE_MODULE", "POSTGRES_DBNAME", "SQLITE_DBNAME", "KRING_MASTER_KEY")
# A start as `make run` makes it (the app factory on the default store under ./var), a network written, and
# the modes of var/ and of everything in it while the app still runs (so -wal and -shm are there).
START = """
import json, os, stat
from pathlib import Path
from services.web.current import services_of
from services.web import create_app, shutdown
app = create_app({"CHEAP_PASSWORD_HASHING": True})
accounts = services_of(app).accounts
user = accounts.by_email("bea@oost.nl") or accounts.create_user(
    accounts.create_organisation("Wijkteam"), "bea@oost.nl", "Bea", can_coordinate=True
)
_, secret = accounts.new_token(user.id, "start")
answer = app.test_client().post(
    "/api/networks", json={"client_name": "Mevrouw Jansen"}, headers={"Authorization": f"Bearer {secret}"}
)
assert answer.status_code == 201, answer.json
var = Path("var")
modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in [var, *var.iterdir()]}
shutdown(app)
print(json.dumps(modes))
"""


def start(directory: Path) -> dict[str, int]:
    """Start Kring in this directory, with the shell's usual umask 022; the modes it left in var/."""
    outside = ("POSTGRES_", "KRING_")
    env = {k: v for k, v in os.environ.items() if k not in STORE_VARIABLES and not k.startswith(outside)}
    done = subprocess.run(
        [sys.executable, "-c", START],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        umask=0o022,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    modes: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return modes


@pytest.mark.slow
def test_a_fresh_start_keeps_var_and_every_file_in_it_for_its_owner_only(tmp_path: Path) -> None:
    modes = start(tmp_path)
    assert {"kring.sqlite3", "kring.sqlite3-wal", "kring.sqlite3-shm", "secret_key", "master.key"} <= set(modes)
    assert modes.pop("var") == 0o700
    assert modes == dict.fromkeys(modes, 0o600)


@pytest.mark.slow
def test_a_start_closes_what_an_older_install_left_open_to_everyone(tmp_path: Path) -> None:
    start(tmp_path)
    var = tmp_path / "var"
    var.chmod(0o755)
    for name in ("kring.sqlite3", "kring.sqlite3-wal", "kring.sqlite3-shm"):
        if (var / name).exists():
            (var / name).chmod(0o644)
    modes = start(tmp_path)
    assert modes.pop("var") == 0o700
    assert modes == dict.fromkeys(modes, 0o600)
    assert stat.S_IMODE((var / "kring.sqlite3").stat().st_mode) == 0o600
