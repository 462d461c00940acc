"""`python -m scheduler`: the reminder scheduler for the scaled set-up (one active at a time)."""

import logging
import os

from apscheduler.schedulers.blocking import BlockingScheduler

from scheduler.service import ReminderScheduler
from services.application import Kring
from services.infrastructure.config import describe, keep_files_private, persistence_env
from services.readside import ReadSide
from services.web import page_links


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    keep_files_private()
    settings = persistence_env()
    app = Kring(settings)
    side = ReadSide(app, settings)
    every = float(os.environ.get("KRING_SCAN_SECONDS", "60"))
    logging.getLogger("kring.scheduler").info("scheduler on %s, scanning every %.0f s", describe(settings), every)
    service = ReminderScheduler(app, side, settings, page_links(os.environ.get("KRING_BASE_URL")))
    try:
        service.start(every, BlockingScheduler(timezone="Europe/Amsterdam"))
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        service.stop()
        side.close()
        app.close()


if __name__ == "__main__":
    main()
