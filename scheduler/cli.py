"""`flask --app services.web reminders scan [--now YYYY-MM-DD]`: one scan, for operators and tests."""

from __future__ import annotations

import os
from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup

from scheduler.service import channels_and_deliver

reminders_cli = AppGroup("reminders", help="Scan for due reminders and deliver them.")


@reminders_cli.command("scan")
@click.option(
    "--now",
    "today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Scan as if it were this day (default: today).",
)
def scan(today: datetime | None) -> None:
    """Raise and deliver every reminder due by that day (each exactly once), resolve the answered ones."""
    side = current_app.extensions["kring_read"]
    side.runner.catch_up()  # scan what the log says now
    app = current_app.extensions["kring"]
    channels, deliver = channels_and_deliver(os.environ, current_app.extensions["kring_links"])
    day = today.date() if today else app.today()
    result = current_app.extensions["kring_reminders"].scan(day, deliver, channels)
    side.runner.catch_up()  # the inbox and the calendar show what was raised
    for delivery in result.raised:
        click.echo(f"{delivery.due_on}  {delivery.kind:<16} {delivery.title}")
    click.echo(f"{len(result.raised)} raised, {result.resolved} resolved, {result.already_raised} raised elsewhere.")
