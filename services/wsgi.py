"""The WSGI entry point for gunicorn (`services.wsgi:app`): the app with its background work started.

Embedded default: the projections and the reminder scheduler run in this process. Scaled: set
KRING_PROJECTIONS=worker and KRING_SCHEDULER=off, and run `python -m projections` and `python -m scheduler`.
"""

import os

from scheduler.service import ReminderScheduler
from services.web import create_app, start_background

app = create_app()
start_background(app)
if os.environ.get("KRING_SCHEDULER", "inline") == "inline":
    scheduler = ReminderScheduler(
        app.extensions["kring"],
        app.extensions["kring_read"],
        app.extensions["kring_settings"],
        app.extensions["kring_links"],
    )
    scheduler.start(float(os.environ.get("KRING_SCAN_SECONDS", "60")))
