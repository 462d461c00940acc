"""Operator commands: `flask --app services.web projections status|rebuild [NAME]|retry [NAME]`, `... users create`
and `... demo` (services/web/demo_cli.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import click
from flask import Flask
from flask.cli import AppGroup

from services.accounts.accounts import AccountError
from services.application.readside import Parked, ReadSide
from services.web.current import services
from services.web.demo_cli import demo_command

projections_cli = AppGroup("projections", help="Rebuild and inspect the read side (projections).")


def _read_side() -> ReadSide:
    side = services().read_side
    side.runner.stop()  # a command works alone; the app's own background runner stays out of its way
    return side


@projections_cli.command("status")
def status() -> None:
    """Each projection's position in the event log, how far behind it is, and the events it parked."""
    runner = _read_side().runner
    click.echo(f"Events in {services().store}")
    for row in runner.status():
        parked = f"  parked {row.parked}, held back {row.held}" if row.parked or row.held else ""
        click.echo(f"{row.name:<14} position {row.position:>10}  log {row.log_position:>10}  lag {row.lag:>8}{parked}")
    _report_parked(runner.parked())


@projections_cli.command("rebuild")
@click.argument("name", required=False)
def rebuild(name: str | None) -> None:
    """Drop a projection (or all) and rebuild it from position 0 of the event log, with a progress bar."""
    runner = _read_side().runner
    names = _names(runner.projections, name)
    total = services().kring.log_position()
    with click.progressbar(length=total, label=f"Rebuilding {', '.join(names)}", show_pos=True) as bar:
        applied = runner.rebuild(names, progress=bar.update)
    click.echo(f"{', '.join(names)}: {applied} events applied.")
    if _report_parked(runner.parked(names)):
        raise click.exceptions.Exit(1)


@projections_cli.command("retry")
@click.argument("name", required=False)
def retry(name: str | None) -> None:
    """Apply the parked events of a projection (or all) again, in log order, after the cause was fixed."""
    runner = _read_side().runner
    applied, still = runner.retry(_names(runner.projections, name))
    click.echo(f"{applied} parked events applied.")
    if _report_parked(still):
        raise click.exceptions.Exit(1)


def _names(projections: Iterable[str], name: str | None) -> list[str]:
    """The projections a command names (default: all); an unknown name is refused."""
    known = list(projections)
    if name is not None and name not in known:
        raise click.BadParameter(f"{name!r}; choose from {', '.join(known)}.", param_hint="NAME")
    return [name] if name else known


def _report_parked(parked: list[Parked]) -> bool:
    """List the events that could not be applied, each with how many events of its network wait behind it;
    returns whether there were any."""
    if not parked:
        return False
    waiting = Counter((p.projection, p.originator_id) for p in parked if not p.failed)
    failed = [p for p in parked if p.failed]
    click.echo(f"\n{len(failed)} events could not be applied; {waiting.total()} later events of their networks wait:")
    for head in failed:
        click.echo(
            f"  {head.projection:<14} position {head.position:>10}  network {head.originator_id}  {head.error} in "
            f"{head.raised_in}  (parked {head.parked_at}; "
            f"{waiting[(head.projection, head.originator_id)]} later events wait)"
        )
    click.echo("Fix the cause, then apply them again: flask --app services.web projections retry [NAME]")
    return True


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
    accounts = services().accounts
    organisation_id = accounts.organisation_named(organisation) or accounts.create_organisation(organisation)
    try:
        user = accounts.create_user(organisation_id, email, name, password, is_admin=admin, can_coordinate=coordinator)
    except AccountError as error:
        raise click.ClickException(f"{error.field}: {error.message}") from None
    click.echo(f"Created {user.email} ({user.id}) in {organisation}.")


def init_app(app: Flask) -> None:
    """The operator commands: `flask --app services.web projections ...`, `... users create` and `... demo`."""
    app.cli.add_command(projections_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(demo_command)
