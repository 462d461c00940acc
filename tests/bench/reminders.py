"""Reminder figures (issue 4): one scan over 100,000 networks by the due index, and delivering 1,000 due
reminders by e-mail over SMTP to a local server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import socket
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from aiosmtpd.controller import Controller

from domain.network import Network
from domain.state import Stamp
from scheduler.email import EmailSender, SmtpSettings
from services.application.kring import Kring
from services.application.readside import ReadSide
from services.application.reminders import Reminders
from services.web import page_links

TODAY = date(2026, 11, 26)


@dataclass
class ReminderFigures:
    networks: int
    due: int
    empty_scan_ms: tuple[float, float]
    delivered: int
    received: int
    delivery_seconds: float
    steady_scan_ms: tuple[float, float]


class Counting:
    """An SMTP handler that only counts."""

    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.count += 1
        return "250 OK"


def populate(app: Kring, networks: int, due: int) -> None:
    """`due` networks whose first review is overdue, the others opened recently (nothing due yet)."""
    batch: list[Network] = []
    for index in range(networks):
        opened = date(2026, 1, 5) if index < due else TODAY - timedelta(days=index % 30)
        batch.append(
            Network.open(f"Client {index}", f"coord{index % 100}@example.org", 13, Stamp("bench", opened, TODAY))
        )
        if len(batch) == 500:
            app.save(*batch)
            batch.clear()
    app.save(*batch)


def run(settings: dict[str, str], networks: int, due: int, say: Callable[[str], None]) -> ReminderFigures:
    app = Kring(settings, clock=lambda: TODAY)
    side = ReadSide(app, settings)
    try:
        say(f"  {networks:,} networks, {due:,} with their review overdue ...")
        populate(app, networks, due)
        side.runner.catch_up()
        reminders = Reminders(app, side)
        samples = []
        for _ in range(20):  # nothing due on the opening day of the recent ones: the index finds nothing
            started = time.perf_counter()
            reminders.scan(date(2026, 1, 1), lambda d: None, ["inbox"])
            samples.append((time.perf_counter() - started) * 1000)
        handler = Counting()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            sender = EmailSender(
                SmtpSettings("127.0.0.1", port, "none", None, None, "kring@localhost"), page_links(None)
            )
            say(f"  one scan raising and e-mailing {due:,} reminders ...")
            started = time.perf_counter()
            result = reminders.scan(TODAY, sender, ["inbox", "email"])
            seconds = time.perf_counter() - started
            time.sleep(0.5)
        finally:
            controller.stop()
        side.runner.catch_up()
        steady = []
        for _ in range(20):  # the minute after: all that is due was raised already; nothing new to do
            started = time.perf_counter()
            assert not reminders.scan(TODAY, lambda d: None, ["inbox"]).raised
            steady.append((time.perf_counter() - started) * 1000)
        samples.sort()
        steady.sort()
        return ReminderFigures(
            networks,
            due,
            (statistics.median(samples), samples[-1]),
            len(result.raised),
            handler.count,
            seconds,
            (statistics.median(steady), steady[-1]),
        )
    finally:
        side.close()
        app.close()


def report(label: str, f: ReminderFigures, say: Callable[[str], None]) -> None:
    say(f"\n== Reminders on {label}: {f.networks:,} networks")
    say(
        f"  scan by the due index (nothing due)  median {f.empty_scan_ms[0]:.1f} ms, max {f.empty_scan_ms[1]:.1f} ms "
        f"(target < 1 s: {'PASS' if f.empty_scan_ms[1] < 1000 else 'MISS'})"
    )
    say(
        f"  scan with {f.due:,} due, all raised already  median {f.steady_scan_ms[0]:.1f} ms, "
        f"max {f.steady_scan_ms[1]:.1f} ms (target < 1 s: {'PASS' if f.steady_scan_ms[1] < 1000 else 'MISS'})"
    )
    say(
        f"  scan raising {f.due:,} due reminders, each e-mailed over SMTP: {f.delivery_seconds:.1f} s "
        f"({f.delivered / f.delivery_seconds:,.0f}/s); {f.received:,} messages received "
        f"({'exactly once each' if f.received == f.delivered == f.due else 'MISMATCH'})"
    )
