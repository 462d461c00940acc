"""The WSGI entry point for gunicorn (`scheduler.wsgi:app`): the web app with its background work started.

It lives here, in the top layer, because it composes the web app (services.web) with the reminder scheduler.
Embedded default: the projections and the reminder scheduler run in this process. Scaled: set
KRING_PROJECTIONS=worker and KRING_SCHEDULER=off, and run `python -m services.worker` and `python -m scheduler`.
"""

import os

from scheduler.service import ReminderScheduler
from services.web import create_app, start_background
from services.web.current import services_of
from services.web.links import Links

app = create_app()
start_background(app)
if os.environ.get("KRING_SCHEDULER", "inline") == "inline":
    scheduler = ReminderScheduler(services_of(app), Links(app))
    scheduler.start(float(os.environ.get("KRING_SCAN_SECONDS", "60")))
