"""The reminder scheduler: one periodic scan (APScheduler), one active scheduler at a time on PostgreSQL."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import Any

import psycopg
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.interval import IntervalTrigger

from scheduler.email import EmailSender, SmtpSettings
from services.accounts import Accounts
from services.application import Kring
from services.readside import ReadSide
from services.reminders import Delivery, Reminders, ScanResult
from services.web.links import Links

log = logging.getLogger("kring.scheduler")
LOCK_KEY = 0x4B52494E47  # "KRING": the advisory lock of the one active scheduler


class SingleActive:
    """On PostgreSQL, a session advisory lock held by the active scheduler; the others keep trying.

    On SQLite (one machine, the embedded default) every scheduler is active; exactly-once delivery does not
    depend on the lock but on the reminders' deterministic ids.
    """

    def __init__(self, settings: Mapping[str, str]) -> None:
        self.settings = settings
        self.connection: psycopg.Connection[Any] | None = None

    def held(self) -> bool:
        """Whether this process is (now) the active scheduler."""
        if self.settings.get("PERSISTENCE_MODULE") != "eventsourcing.postgres":
            return True
        try:
            if self.connection is None or self.connection.closed:
                self.connection = psycopg.connect(
                    host=self.settings.get("POSTGRES_HOST", "127.0.0.1"),
                    port=self.settings.get("POSTGRES_PORT", "5432"),
                    dbname=self.settings.get("POSTGRES_DBNAME"),
                    user=self.settings.get("POSTGRES_USER"),
                    password=self.settings.get("POSTGRES_PASSWORD") or None,
                    autocommit=True,
                    connect_timeout=5,
                )
            row = self.connection.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY]).fetchone()
            return bool(row and row[0])  # re-entrant for the session that holds it
        except psycopg.Error as error:
            log.warning("scheduler lock unavailable (%s); not scanning now", type(error).__name__)
            self.connection = None
            return False

    def release(self) -> None:
        if self.connection is not None and not self.connection.closed:
            self.connection.close()  # ends the session, and with it the lock


def channels_and_deliver(env: Mapping[str, str], links: Links) -> tuple[list[str], Callable[[Delivery], None]]:
    """The channels configured here and how to deliver to them (the inbox and calendar read the projections)."""
    settings = SmtpSettings.from_env(env)
    if settings is None:
        return ["inbox", "calendar"], lambda delivery: None
    if not links.configured:
        log.warning("KRING_BASE_URL is not set: the links in reminder e-mails lead to %s", links.base_url)
    return ["inbox", "calendar", "email"], EmailSender(settings, links)


class ReminderScheduler:
    """Scans for due reminders every so many seconds and delivers them."""

    def __init__(
        self,
        app: Kring,
        side: ReadSide,
        settings: Mapping[str, str],
        links: Links,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.reminders = Reminders(app, side, Accounts(side.store).email_of)
        self.app = app
        self.lock = SingleActive(settings)
        self.channels, self.deliver = channels_and_deliver(os.environ if env is None else env, links)
        self.scheduler: BaseScheduler | None = None

    def tick(self) -> ScanResult | None:
        """One scan, if this process is the active scheduler."""
        if not self.lock.held():
            return None
        result = self.reminders.scan(self.app.today(), self.deliver, self.channels)
        if result.raised or result.resolved:
            log.info(
                "reminders: %d raised, %d resolved, %d raised elsewhere",
                len(result.raised),
                result.resolved,
                result.already_raised,
            )
        return result

    def start(self, every_seconds: float = 60, scheduler: BaseScheduler | None = None) -> BaseScheduler:
        """Run the scan periodically (in the background unless a scheduler is given)."""
        self.scheduler = scheduler or BackgroundScheduler(timezone="Europe/Amsterdam")
        self.scheduler.add_job(
            self._safe_tick,
            IntervalTrigger(seconds=every_seconds),
            id="reminder-scan",
            max_instances=1,
            coalesce=True,
            replace_existing=True,
        )
        self.scheduler.start()
        return self.scheduler

    def _safe_tick(self) -> None:
        try:
            self.tick()
        except Exception:
            log.exception("reminder scan failed; the next one tries again")

    def stop(self) -> None:
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.lock.release()
