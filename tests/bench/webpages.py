"""The web pages' time on the server (issue 6: a network page with 60 contacts renders in under 200 ms).

A network of 60 contacts with a year of history (ties assessed and changed, 40 tasks, acquaintances, a
spilmantelzorger with burden reports, a review), in an app on its own store. Each page is asked for through
the whole WSGI app in this process (sign-in by token, the access check, the access-log write, the read side,
the drawing, the template), so the figures are the server's time without the network. `python -m
tests.bench.webpages` prints them for SQLite; `make bench` runs them on each store (`--only pages`).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient

from domain.vocabulary import CATEGORIES, SUPPORT_TYPES
from services.application.kring import Context, Kring
from services.web import create_app, shutdown
from services.web.current import services_of
from tests.bench.mix import percentile
from tests.bench.stores import sqlite_store

TARGET_MS = 200.0
CONTACTS = 60
RUNS = 30
OPENED = date(2025, 11, 3)
TODAY = date(2026, 11, 26)


@dataclass
class PageTime:
    """One page: its first request (nothing cached), and the median and 95th percentile after that."""

    label: str
    first_ms: float
    median_ms: float
    p95_ms: float
    size_kb: float


def _populate(service: Kring, user_id: str) -> tuple[str, date]:
    """The network: opened a year ago, 60 contacts over three months, ties changed later, tasks, burden."""
    rnd = random.Random(6)
    network_id = service.open_network("Mevrouw Wilhelmina Jansen", user_id, by=user_id, effective_on=OPENED).network_id

    def on(day: date) -> Context:
        return Context(by=user_id, effective_on=day)

    contacts = []
    for i in range(CONTACTS):
        day = OPENED + timedelta(days=i + 1)
        details = {"name": f"Contact {i:02d} {rnd.choice(['de Vries', 'Bakker', 'El Amrani', 'Jansen'])}"}
        details |= {"category": CATEGORIES[i % len(CATEGORIES)], "ring": rnd.choice(["intimate", "friend", "service"])}
        contact = service.add_contact(network_id, on(day), **details).created_id
        assert contact is not None
        contacts.append(contact)
        tie = {"strength": rnd.choice(["strong", "normal"]), "stressful": False, "flow": "both", "frequency": "weekly"}
        service.assess_tie(network_id, on(day), contact, **tie)
    middle = OPENED + timedelta(days=150)
    for contact in contacts[::3]:
        weaker = {"strength": "tenuous", "stressful": rnd.random() < 0.5, "flow": "to_client", "frequency": None}
        service.assess_tie(network_id, on(middle + timedelta(days=rnd.randint(0, 90))), contact, **weaker)
    informal = [c for i, c in enumerate(contacts) if CATEGORIES[i % len(CATEGORIES)] != "professional"]
    for i in range(40):
        role = {"contact_id": rnd.choice(informal), "support_type": SUPPORT_TYPES[i % 7], "task": f"taak {i}"}
        role |= {"direction": "to_client" if i % 5 else "from_client", "rhythm": "wekelijks"}
        service.assign_role(network_id, on(OPENED + timedelta(days=100)), **role)
    for _ in range(CONTACTS):
        first, second = rnd.sample(contacts, 2)
        service.record_acquaintance(network_id, on(OPENED + timedelta(days=100)), first, second)
    service.designate_spilmantelzorger(network_id, on(OPENED + timedelta(days=100)), informal[0])
    for week in range(0, 40, 8):
        answers = [1] * (5 + week // 4) + [0] * (10 - week // 4)
        report = {"carer_id": informal[0], "instrument": "ediz_plus", "answers": answers}
        service.report_burden(network_id, on(OPENED + timedelta(weeks=20 + week)), **report)
    service.record_review(network_id, on(middle), participants=["Anna"], summary="", next_review_on=None)
    return str(network_id), middle


def _client(app: Flask) -> tuple[FlaskClient, str]:
    accounts = services_of(app).accounts
    organisation = accounts.create_organisation("Wijkteam")
    user = accounts.create_user(
        organisation, "coord@wijkteam.nl", "Coördinator", "een-lang-wachtwoord", can_coordinate=True
    )
    _, secret = accounts.new_token(user.id, "bench")
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return client, user.id


def _time(client: FlaskClient, path: str, forget: Callable[[], None], runs: int) -> tuple[float, list[float], int]:
    forget()
    began = time.perf_counter()
    response = client.get(path)
    first = (time.perf_counter() - began) * 1000
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - began) * 1000)
    return first, times, len(response.data)


def run(settings: dict[str, str], say: Callable[[str], None] = print, runs: int = RUNS) -> list[PageTime]:
    """Every page of the 60-contact network, timed."""
    app = create_app({"KRING_STORE": settings, "SECRET_KEY": "bench", "KRING_CLOCK": lambda: TODAY})
    try:
        client, user_id = _client(app)
        say(f"building a network of {CONTACTS} contacts with a year of history")
        network_id, middle = _populate(services_of(app).kring, user_id)
        services_of(app).read_side.runner.catch_up()
        forget = services_of(app).read_side.maps.forget
        base = f"/netwerken/{network_id}"
        pages = [
            ("ecogram (today)", base, runs),
            (f"ecogram on {middle.isoformat()} (replayed)", f"{base}?op={middle.isoformat()}", runs),
            ("Lensink circle", f"{base}/cirkel", runs),
            ("quality measures", f"{base}/kwaliteit", runs),
            ("who does what", f"{base}/wie-doet-wat", runs),
            ("what changed (two maps)", f"{base}/veranderingen", runs),
            ("A4 print page", f"{base}/afdrukken", runs),
            ("burden of the spilmantelzorger", f"{base}/belasting", runs),
            ("Mijn netwerken", "/netwerken", runs),
            ("PDF (WeasyPrint)", f"{base}/ecogram.pdf", 5),
        ]
        found = []
        for label, path, count in pages:
            say(f"timing {label}")
            first, times, size = _time(client, path, forget, count)
            p95 = percentile([t / 1000 for t in times], 0.95) * 1000
            found.append(PageTime(label, first, statistics.median(times), p95, size / 1024))
        return found
    finally:
        shutdown(app)


def report(label: str, pages: list[PageTime], out: Callable[[str], None] = print) -> None:
    """A table of the page times, with the verdict on the ecogram page."""
    out(f"\nWeb pages on {label}: a network of {CONTACTS} contacts, in-process WSGI requests (ms)")
    out(f"  {'page':<40} {'first':>8} {'median':>8} {'p95':>8} {'size KB':>8}")
    for page in pages:
        out(f"  {page.label:<40} {page.first_ms:>8.1f} {page.median_ms:>8.1f} {page.p95_ms:>8.1f} {page.size_kb:>8.0f}")
    ecogram = pages[0]
    verdict = "PASS" if max(ecogram.first_ms, ecogram.p95_ms) < TARGET_MS else "MISS"
    out(f"  {verdict}: the network page with {CONTACTS} contacts (first {ecogram.first_ms:.0f} ms, p95 "
        f"{ecogram.p95_ms:.0f} ms) against the target of {TARGET_MS:.0f} ms")  # fmt: skip


def main() -> int:
    with sqlite_store() as store:
        report(store.label, run(store.settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
