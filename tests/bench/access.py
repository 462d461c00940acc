"""The cost of access control (issue 5): the same read with and without the access checks and the access log.

A coordinator's 150-contact network is read over the Flask test client: GET .../map with a personal API
token (token lookup, role and consent lookup, one access-log entry), and the same request with the checks
taken out of the app (the before-request hook removed: a bench-only switch, no such switch exists in the
service). The two are interleaved in rounds, so drift in the machine's load hits both alike.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from flask import Flask

from services.web import auth, create_app, shutdown
from services.web.current import services_of
from tests.bench.readside import build_network

TODAY = date(2026, 11, 26)
TARGET = 0.10


@dataclass
class AccessFigures:
    with_checks_ms: float
    without_ms: float
    rounds: int
    overhead: float  # the median over rounds of (with / without - 1), each round's pair measured back to back


def _median_ms(call: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _network(web: Flask, coordinator: str) -> UUID:
    network = build_network(0, 150, coordinator)
    services_of(web).kring.save(network)
    services_of(web).read_side.runner.catch_up()
    return network.id


def run(settings: dict[str, str], say: Callable[[str], None], rounds: int = 40, per_round: int = 25) -> AccessFigures:
    """Median ms of GET map with and without the checks, interleaved."""
    web = create_app({"KRING_STORE": settings, "KRING_CLOCK": lambda: TODAY, "SECRET_KEY": "bench"})
    try:
        accounts = services_of(web).accounts
        user = accounts.create_user(accounts.create_organisation("Bench"), "bench@example.nl", "Bench", None)
        _, secret = accounts.new_token(user.id, "bench")
        network_id = _network(web, user.id)
        say("  reading a 150-contact network's map with and without the access checks ...")
        signed_in, path = web.test_client(), f"/api/networks/{network_id}/map"
        signed_in.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
        hooks = web.before_request_funcs[None]

        def read() -> None:
            assert signed_in.get(path).status_code == 200

        read()  # warm the decoded-map cache: both sides then read the same cached map
        checked, unchecked = [], []
        for number in range(rounds):
            for with_checks in (True, False) if number % 2 else (False, True):  # alternate which goes first
                if not with_checks:
                    hooks.remove(auth.authorize)
                try:
                    (checked if with_checks else unchecked).append(_median_ms(read, per_round))
                finally:
                    if not with_checks:
                        hooks.insert(0, auth.authorize)
        overhead = statistics.median(c / u - 1 for c, u in zip(checked, unchecked, strict=True))
        return AccessFigures(statistics.median(checked), statistics.median(unchecked), rounds * per_round, overhead)
    finally:
        shutdown(web)


def report(label: str, f: AccessFigures, say: Callable[[str], None]) -> None:
    verdict = "PASS" if f.overhead <= TARGET else "MISS"
    say(f"\n== Access control on {label}: GET map of a 150-contact network, {f.rounds} reads each way")
    say(f"  with token, role/consent check and access-log entry   median {f.with_checks_ms:.2f} ms")
    say(f"  the same read without them                            median {f.without_ms:.2f} ms")
    say(
        f"  overhead, median of {f.rounds // 25} back-to-back rounds: {f.overhead:+.1%} "
        f"(target at most +{TARGET:.0%}: {verdict})"
    )
