"""`flask --app services.web reminders scan [--now YYYY-MM-DD]`: one scan, for operators and tests."""

from __future__ import annotations

import os
from datetime import datetime

import click
from flask.cli import AppGroup

from scheduler.service import channels_and_deliver
from services.web.current import services
from services.web.language import speaker_for
from services.web.links import links

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
    found = services()
    side = found.read_side
    side.runner.catch_up()  # scan what the log says now
    channels, deliver = channels_and_deliver(os.environ, links())
    day = today.date() if today else found.kring.today()
    result = found.reminders.scan(day, deliver, channels)
    side.runner.catch_up()  # the inbox and the calendar show what was raised
    for delivery in result.raised:
        click.echo(f"{delivery.due_on}  {delivery.kind:<16} {speaker_for('nl')(delivery.title)}")
    click.echo(f"{len(result.raised)} raised, {result.resolved} resolved, {result.already_raised} raised elsewhere.")
