"""`python -m scheduler`: the reminder scheduler for the scaled set-up (one active at a time)."""

import logging
import os

from apscheduler.schedulers.blocking import BlockingScheduler

from scheduler.service import ReminderScheduler
from services.application.services import build_services
from services.web import page_links


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    services = build_services()
    every = float(os.environ.get("KRING_SCAN_SECONDS", "60"))
    logging.getLogger("kring.scheduler").info("scheduler on %s, scanning every %.0f s", services.store, every)
    service = ReminderScheduler(services, page_links(os.environ.get("KRING_BASE_URL")))
    try:
        service.start(every, BlockingScheduler(timezone="Europe/Amsterdam"))
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        service.stop()
        services.close()


if __name__ == "__main__":
    main()
