"""A real Kring server (gunicorn, a subprocess on 127.0.0.1) and a bounded load of commands against it."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from projections.db import ReadStore
from services.accounts.accounts import Accounts
from tests.bench.mix import CONTACT, ROLE, TIE, Op, Rate, Script, run_together
from tests.bench.stores import Store, clean_environ

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
START_TIMEOUT = 30.0
REQUEST_TIMEOUT = 30.0
MAX_REFUSED = 5  # refused commands after which a run stops early
API_ONLY = "services.web:create_app()"  # the web app alone: commands, no background work
AS_SHIPPED = "scheduler.wsgi:app"  # what `make run` starts: the same app with the projections running inline


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_command(port: int, target: str, threads: int) -> list[str]:
    return [
        str(GUNICORN),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--threads",
        os.environ.get("BENCH_SERVER_THREADS", str(threads)),
        "--log-level",
        "warning",
        target,
    ]


class Server:
    """A running server: where it listens, its log, and how much CPU its processes have used so far."""

    def __init__(self, process: subprocess.Popen[bytes], base: str, log: Path, token: str) -> None:
        self.process = process
        self.base = base
        self.log = log
        self.token = token  # a coordinator's personal API token

    def cpu_seconds(self) -> float | None:
        """User + system CPU of gunicorn and its worker (their own process group); None off Linux."""
        proc = Path("/proc")
        if not proc.is_dir():
            return None
        ticks = 0
        for stat in proc.glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process went away meanwhile
            if int(fields[2]) == self.process.pid:  # fields[2] is the process group
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def last_error(self) -> str | None:
        """The last exception line in the server's log, if any."""
        lines = self.log.read_text(errors="replace").splitlines()
        found = [line.strip() for line in lines if "Error:" in line or "Exception:" in line]
        return found[-1][:300] if found else None

    def tail(self, lines: int = 40) -> str:
        """The last lines the server wrote."""
        text = self.log.read_text(errors="replace").splitlines()[-lines:]
        return "\n".join(text) or "(the server wrote nothing)"


@contextmanager
def running_server(store: Store, target: str = API_ONLY) -> Iterator[Server]:
    """Start gunicorn on a free loopback port with the store chosen by environment; stop it afterwards.

    When the body fails, the error carries the end of the server's log.
    """
    port = free_port()
    env = {**clean_environ(), **store.server_env, "KRING_SECRET_KEY": "bench-only-secret"}
    token = _coordinator_token(store)
    with tempfile.TemporaryDirectory(prefix="kring-bench-server-") as directory:
        log = Path(directory) / "server.log"
        with log.open("ab") as output:  # append mode: the server's writes never clobber each other
            process = subprocess.Popen(
                server_command(port, target, store.server_threads),
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = Server(process, f"http://127.0.0.1:{port}", log, token)
        try:
            _wait_until_healthy(server)
            try:
                yield server
            except Exception as error:
                raise RuntimeError(f"{error}\n--- end of the server's log ---\n{server.tail()}") from error
        finally:
            _stop(process)


def _coordinator_token(store: Store) -> str:
    """A coordinator account in the store (made before the server starts) and its API token."""
    read_store = ReadStore.for_settings(store.settings)
    try:
        accounts = Accounts(read_store)
        organisation = accounts.create_organisation(f"Bench {uuid.uuid4().hex[:6]}")
        user = accounts.create_user(
            organisation, f"bench-{uuid.uuid4().hex[:8]}@example.nl", "Bench", None, can_coordinate=True
        )
        return accounts.new_token(user.id, "bench")[1]
    finally:
        read_store.close()


def _wait_until_healthy(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the server exited with {server.process.returncode}:\n{server.tail()}")
        try:
            answer = requests.get(f"{server.base}/api/health", timeout=2)
            if answer.status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server did not answer /api/health within {START_TIMEOUT:.0f}s:\n{server.tail()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's own process group (gunicorn and its worker), SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


class Refused(Exception):
    """The server did not answer a command with the expected success."""


class Client:
    """One client thread's keep-alive connection; raises Refused on any answer but the expected success.

    Plain http.client, not requests: on a 2-core machine the load client shares the CPU with the server,
    and requests spends about as much CPU per call as the server does, which would be measured as server time.
    """

    def __init__(self, base: str, token: str) -> None:
        self.headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        parts = urlsplit(base)
        self.connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=REQUEST_TIMEOUT)

    def close(self) -> None:
        self.connection.close()

    def _call(self, method: str, path: str, body: dict[str, Any], expected: int) -> dict[str, Any]:
        try:
            self.connection.request(method, path, json.dumps(body), self.headers)
            answer = self.connection.getresponse()
            text = answer.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()  # reconnects on the next request
            raise Refused(f"{method} {path}: {type(error).__name__}: {error}") from error
        if answer.status != expected:
            raise Refused(f"{method} {path} answered {answer.status}: {' '.join(text.decode().split())[:160]}")
        result: dict[str, Any] = json.loads(text)
        return result

    def open_network(self, number: int) -> str:
        body = {"client_name": f"Bench client {number}"}
        return str(self._call("POST", "/api/networks", body, 201)["id"])

    def run(self, network_id: str, script: Script, op: Op) -> None:
        path = f"/api/networks/{network_id}"
        if op.kind == "contact":
            script.added(str(self._call("POST", f"{path}/contacts", CONTACT, 201)["id"]))
        elif op.kind == "tie":
            self._call("PUT", f"{path}/contacts/{op.contact_id}/tie", {**TIE, "strength": op.strength}, 200)
        else:
            self._call("POST", f"{path}/roles", {**ROLE, "contact_id": op.contact_id}, 201)


def open_networks(server: Server, count: int, attempts: int = 3) -> list[str]:
    """Open `count` networks; a refused one is tried again (Refused when it fails `attempts` times)."""
    client = Client(server.base, server.token)
    opened: list[str] = []
    try:
        for number in range(count):
            for attempt in range(1, attempts + 1):
                try:
                    opened.append(client.open_network(number))
                    break
                except Refused:
                    if attempt == attempts:
                        raise
        return opened
    finally:
        client.close()


def drive(server: Server, network_ids: list[str], rounds: int, threads: int) -> Rate:
    """Each client thread owns every threads-th network and runs `rounds` commands on each, interleaved.

    A refused command is counted, not fatal; after MAX_REFUSED of them the run stops early (bounded time).
    The rate counts the commands that succeeded; the latencies include the refused ones.
    """
    latencies: list[list[float]] = [[] for _ in range(threads)]
    refused: list[str] = []
    failures: list[BaseException] = []
    give_up = threading.Event()
    start = threading.Barrier(threads + 1, timeout=START_TIMEOUT)

    def work(index: int) -> None:
        client = Client(server.base, server.token)
        mine = [(network_id, Script()) for network_id in network_ids[index::threads]]
        timings = latencies[index]
        try:
            start.wait()
            for _ in range(rounds):
                for network_id, script in mine:
                    if give_up.is_set():
                        return
                    op = script.next()
                    began = time.perf_counter()
                    try:
                        client.run(network_id, script, op)
                    except Refused as error:
                        refused.append(str(error))
                        if len(refused) >= MAX_REFUSED:
                            give_up.set()
                    timings.append(time.perf_counter() - began)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            failures.append(error)
        finally:
            client.close()

    workers = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(threads)]
    server_cpu = server.cpu_seconds()
    elapsed, own_cpu = run_together(workers, start)
    server_cpu_after = server.cpu_seconds()
    if failures:
        raise RuntimeError(f"{len(failures)} client thread(s) failed; first: {failures[0]}") from failures[0]
    every = [t for timings in latencies for t in timings]
    used = None if server_cpu is None or server_cpu_after is None else server_cpu_after - server_cpu
    first = None
    if refused:
        first = f"{refused[0]}; server log: {server.last_error() or 'nothing'}"
    return Rate(
        f"HTTP, {threads} client threads",
        len(every) - len(refused),
        elapsed,
        every,
        own_cpu,
        used,
        refused=len(refused),
        first_refusal=first,
        gave_up=give_up.is_set(),
    )
