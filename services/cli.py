"""Operator commands: `flask --app services.web projections rebuild [NAME]|status` and `... users create`."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from services.accounts import AccountError, Accounts
from services.readside import ReadSide

projections_cli = AppGroup("projections", help="Rebuild and inspect the read side (projections).")


def _read_side() -> ReadSide:
    side: ReadSide = current_app.extensions["kring_read"]
    side.runner.stop()  # a command works alone; the app's own background runner stays out of its way
    return side


@projections_cli.command("status")
def status() -> None:
    """Each projection's position in the event log and how far behind it is."""
    for row in _read_side().runner.status():
        click.echo(f"{row.name:<14} position {row.position:>10}  log {row.log_position:>10}  lag {row.lag:>8}")


@projections_cli.command("rebuild")
@click.argument("name", required=False)
def rebuild(name: str | None) -> None:
    """Drop a projection (or all) and rebuild it from position 0 of the event log, with a progress bar."""
    runner = _read_side().runner
    names = [name] if name else list(runner.projections)
    unknown = [n for n in names if n not in runner.projections]
    if unknown:
        raise click.BadParameter(f"{unknown[0]!r}; choose from {', '.join(runner.projections)}.", param_hint="NAME")
    total = runner.app.recorder.max_notification_id() or 0
    with click.progressbar(length=total, label=f"Rebuilding {', '.join(names)}", show_pos=True) as bar:
        applied = runner.rebuild(names, progress=bar.update)
    click.echo(f"{', '.join(names)}: {applied} events applied.")


users_cli = AppGroup("users", help="Manage accounts from the command line (the first administrator).")


@users_cli.command("create")
@click.option("--email", required=True, help="The user's e-mail address (they sign in with it).")
@click.option("--name", required=True, help="The user's name as colleagues see it.")
@click.option("--organisation", required=True, help="The organisation's name; made if it does not exist yet.")
@click.option("--admin/--no-admin", default=True, show_default=True, help="May manage the organisation's users.")
@click.option("--coordinator/--no-coordinator", default=False, show_default=True, help="May open networks.")
@click.password_option(help="At least 10 characters; asked for (twice) when not given.")
def create_user(  # noqa: PLR0913 - the command's options
    email: str, name: str, organisation: str, admin: bool, coordinator: bool, password: str
) -> None:
    """Create a user (by default an organisation administrator); the first one starts everything."""
    accounts: Accounts = current_app.extensions["kring_accounts"]
    organisation_id = accounts.organisation_named(organisation) or accounts.create_organisation(organisation)
    try:
        user = accounts.create_user(organisation_id, email, name, password, is_admin=admin, can_coordinate=coordinator)
    except AccountError as error:
        raise click.ClickException(f"{error.field}: {error.message}") from None
    click.echo(f"Created {user.email} ({user.id}) in {organisation}.")
