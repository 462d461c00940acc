"""The projection worker of the scaled set-up: `python -m services.worker` keeps the read side current beside web
workers that run with KRING_PROJECTIONS=worker."""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

from services.application.services import build_services

log = logging.getLogger("kring.projections")


def run_projection_worker(report_every: float = 10.0) -> None:
    """Keep the projections current until SIGTERM or Ctrl-C; report lag while there is any."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    services = build_services()
    side = services.read_side
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("projection worker started on %s", services.store)
    side.runner.start()
    while not stopping.wait(report_every):
        for row in side.runner.status():
            if row.lag:
                log.info("%s at %d of %d (lag %d)", row.name, row.position, row.log_position, row.lag)
    services.close()
    log.info("projection worker stopped")


if __name__ == "__main__":
    run_projection_worker()
