"""The reminder scheduler: one periodic scan (APScheduler), one active scheduler at a time on PostgreSQL."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.interval import IntervalTrigger

from scheduler.email import EmailSender, SmtpSettings
from services.application.reminders import Delivery, ScanResult
from services.application.services import Services
from services.infrastructure.locks import SingleActive
from services.web.links import Links

log = logging.getLogger("kring.scheduler")


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

    def __init__(self, services: Services, links: Links, env: Mapping[str, str] | None = None) -> None:
        self.reminders = services.reminders
        self.app = services.kring
        self.lock = SingleActive(services.settings)
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
