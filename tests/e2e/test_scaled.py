"""The scaled set-up on PostgreSQL: two web workers, a projection worker and two schedulers (one active)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller

from tests.conftest import MASTER_KEY
from tests.e2e.accounts import first_coordinator
from tests.e2e.servers import free_port, wait_until_healthy
from tests.integration.test_reminders import Inbox

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    handler, port = Inbox(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


@pytest.fixture
def deployment(
    postgres_store: dict[str, str], smtp: tuple[Inbox, int], tmp_path: Path
) -> Iterator[tuple[str, dict[str, str]]]:
    """gunicorn (2 workers) + python -m services.worker + 2 x python -m scheduler, all on one PostgreSQL schema."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POSTGRES_", "KRING_", "SQLITE_"))}
    env |= {
        "DATABASE_URL": f"postgresql://{postgres_store['POSTGRES_USER']}@127.0.0.1:5432/"
        f"{postgres_store['POSTGRES_DBNAME']}",
        "POSTGRES_SCHEMA": postgres_store["POSTGRES_SCHEMA"],
        "KRING_MASTER_KEY": MASTER_KEY,  # every process the same one (else each reads var/master.key)
        "KRING_PROJECTIONS": "worker",
        "KRING_SCHEDULER": "off",
        "KRING_SCAN_SECONDS": "1",
        "KRING_SMTP_HOST": "127.0.0.1",
        "KRING_SMTP_PORT": str(smtp[1]),
        "KRING_SMTP_SECURITY": "none",
        "KRING_MAIL_FROM": "kring@gemeente.nl",
        "KRING_BASE_URL": f"http://127.0.0.1:{port}",  # the links in the mails lead here
        "KRING_SECRET_KEY": "one-secret-for-every-web-worker",
    }
    commands = [
        [
            str(BIN / "gunicorn"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "2",
            "--logger-class",
            "services.web.request_log.RedactingLogger",
            "scheduler.wsgi:app",
        ],
        [sys.executable, "-m", "services.worker"],
        [sys.executable, "-m", "scheduler"],
        [sys.executable, "-m", "scheduler"],
    ]
    processes = []
    for number, command in enumerate(commands):
        with (tmp_path / f"process-{number}.log").open("w") as log:
            processes.append(
                subprocess.Popen(
                    command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
                )
            )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, processes[0], tmp_path / "process-0.log", "the web workers")
        yield url, first_coordinator(BIN / "flask", ROOT, env, url)
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)
    logs = "".join(p.read_text() for p in tmp_path.glob("process-*.log"))
    assert "Traceback" not in logs, logs[-3000:]


@pytest.mark.slow
def test_writes_are_projected_by_the_worker_and_one_of_two_schedulers_mails_the_reminder_once(
    deployment: tuple[str, dict[str, str]], smtp: tuple[Inbox, int]
) -> None:
    url, auth = deployment
    received, _ = smtp
    opened_on = (date.today() - timedelta(days=60)).isoformat()  # the first review is overdue
    created = requests.post(
        f"{url}/api/networks", timeout=5, headers=auth, json={"client_name": "Mevr. Jansen", "opened_on": opened_on}
    )
    assert created.status_code == 201
    network_id, position = created.json()["id"], created.json()["position"]
    shown = requests.get(f"{url}/api/networks/{network_id}/map?min_position={position}", headers=auth, timeout=10)
    assert shown.status_code == 200 and shown.json()["client_name"] == "Mevr. Jansen"
    deadline = time.monotonic() + 30
    while not received.messages and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # both schedulers have scanned a few more times by now
    assert [m["Subject"] for _, m in received.messages] == ["Kring: Netwerkbespreking van Mevr. Jansen"]
    plain = next(p for p in received.messages[0][1].walk() if p.get_content_type() == "text/plain")
    [link] = re.findall(rf"{url}/\S+", plain.get_payload(decode=True).decode())  # made by `python -m scheduler`
    page = requests.get(link, headers=auth, timeout=10)  # the recipient, with their token
    assert page.status_code == 200 and "Ecogram van Mevr. Jansen" in page.text
    inbox = requests.get(f"{url}/api/inbox", headers=auth, timeout=5).json()["items"]
    assert [(i["network_id"], i["kind"]) for i in inbox] == [(network_id, "review_due")]
