"""`make run` on a clean clone: installs what it needs and serves on the embedded SQLite store."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.e2e.accounts import first_coordinator
from tests.e2e.servers import free_port, wait_until_healthy

ROOT = Path(__file__).resolve().parents[2]
STORE_VARIABLES = ("DATABASE_URL", "PERSISTENCE_MODULE", "POSTGRES_DBNAME", "SQLITE_DBNAME")


@pytest.fixture(scope="module")
def clean_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    clone = tmp_path_factory.mktemp("clone") / "kring"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    return clone


@pytest.fixture(scope="module")
def running(clean_clone: Path) -> Iterator[tuple[str, subprocess.Popen[str], Path]]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in STORE_VARIABLES and not k.startswith("POSTGRES_")}
    env |= {"PORT": str(port)}
    log = clean_clone.parent / "make-run.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            ["make", "run"],
            cwd=clean_clone,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server, log, "make run", seconds=600)  # it installs Kring first
        yield url, server, log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.slow
def test_make_run_on_a_clean_clone_answers_health_on_sqlite(
    running: tuple[str, subprocess.Popen[str], Path], clean_clone: Path
) -> None:
    url, _, log = running
    health = requests.get(f"{url}/api/health", timeout=5)
    assert health.status_code == 200
    assert health.json() == {"status": "ok"}  # to anyone only that: not where the store is
    assert (clean_clone / "var" / "kring.sqlite3").is_file()
    assert f"{url}/" in log.read_text()  # make run tells where to go


@pytest.mark.slow
def test_what_make_run_stores_is_in_the_sqlite_file_under_var(
    running: tuple[str, subprocess.Popen[str], Path], clean_clone: Path
) -> None:
    url, _, _ = running
    env = {k: v for k, v in os.environ.items() if k not in STORE_VARIABLES and not k.startswith("POSTGRES_")}
    auth = first_coordinator(clean_clone / ".venv" / "bin" / "flask", clean_clone, env, url)
    assert requests.post(f"{url}/api/networks", json={"client_name": "Mevr. Jansen"}, timeout=5).status_code == 401
    created = requests.post(f"{url}/api/networks", json={"client_name": "Mevr. Jansen"}, headers=auth, timeout=5)
    assert created.status_code == 201
    read = requests.get(f"{url}{created.headers['Location']}", headers=auth, timeout=5)
    assert read.json()["client_name"] == "Mevr. Jansen"
    assert (clean_clone / "var" / "kring.sqlite3").stat().st_size > 0


@pytest.mark.slow
def test_what_make_run_keeps_under_var_is_readable_by_its_owner_only(
    running: tuple[str, subprocess.Popen[str], Path], clean_clone: Path
) -> None:
    var = clean_clone / "var"
    assert stat.S_IMODE(var.stat().st_mode) == 0o700
    files = {p.name: stat.S_IMODE(p.stat().st_mode) for p in var.iterdir()}
    assert {"kring.sqlite3", "secret_key", "master.key"} <= set(files)
    assert files == dict.fromkeys(files, 0o600)
