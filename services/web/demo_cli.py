"""`flask --app services.web demo` (`make demo`): a demo network with a year of history, and how to see it.

For a coordinator named by e-mail address, or else for a demo account of its own (made the first time, with a new
password each run, printed once). A coordinator gets one demo network: asked again, the command says where it is.
"""

from __future__ import annotations

import secrets
from uuid import UUID

import click
from flask.cli import with_appcontext
from flask_babel import force_locale
from flask_babel import gettext as _

from services.accounts.accounts import User
from services.application.demo import CLIENT
from services.web.current import services
from services.web.links import links
from services.web.pages.i18n import LANGUAGES

DEMO_EMAIL = "voorbeeld@kring.example"  # .example: a domain that can never receive mail (RFC 2606)
DEMO_NAME = "Kim Voorbeeld"
DEMO_ORGANISATION = "Voorbeeldteam"


@click.command("demo")
@with_appcontext
@click.option("--email", help="A coordinator's e-mail address; without it, the demo account (" + DEMO_EMAIL + ").")
@click.option("--language", type=click.Choice(LANGUAGES), default="nl", show_default=True, help="The demo's language.")
def demo_command(email: str | None, language: str) -> None:
    """Make a demo network with a year of history (once per coordinator) and say how to sign in and where to look."""
    runner = services().read_side.runner
    runner.stop()  # a command works alone: it brings the read side up to date itself
    runner.catch_up()
    user, password = _coordinator(email) if email else _demo_account()
    with force_locale(language):
        network_id = _network(user)
    runner.catch_up()  # the pages show it at once, also when no Kring is running now
    click.echo("\nSign in at " + links().external("pages.login"))
    click.echo(f"  e-mail address: {user.email}")
    click.echo(f"  password:       {password}" if password else "  password:       your own")
    click.echo("Then open the network: " + links().external("network.ecogram", network_id=network_id))
    click.echo(
        "Slide back in time above the ecogram, and look at 'Veranderingen', 'Tijdlijn' and 'Belasting'.\n"
        "(`make run` must be running to see it; KRING_BASE_URL changes the address.)"
    )


def _coordinator(email: str) -> tuple[User, str | None]:
    user = services().accounts.by_email(email)
    if user is None or not user.can_coordinate or not user.active:
        raise click.ClickException(
            f"There is no active coordinator with the e-mail address {email}; make one with `make user`, "
            "or leave out EMAIL to use the demo account."
        )
    return user, None


def _demo_account() -> tuple[User, str]:
    """The demo account, made the first time; its password is new on every run (and printed)."""
    accounts, password = services().accounts, secrets.token_urlsafe(12)
    user = accounts.by_email(DEMO_EMAIL)
    if user is None:
        organisation = accounts.organisation_named(DEMO_ORGANISATION) or accounts.create_organisation(DEMO_ORGANISATION)
        user = accounts.create_user(organisation, DEMO_EMAIL, DEMO_NAME, password, is_admin=False, can_coordinate=True)
        click.echo(f"Made the demo account {DEMO_EMAIL} in the organisation {DEMO_ORGANISATION}.")
    else:
        accounts.set_password(user.id, password)
        click.echo(f"The demo account {DEMO_EMAIL} is there already; it has a new password (below).")
    return user, password


def _network(user: User) -> UUID:
    """The coordinator's demo network: the one they have, or a new one, recorded with a progress bar."""
    demo = services().demo
    found = demo.existing(user.id, _)
    if found is not None:
        click.echo(f"{user.email} has a demo network already; there is one per coordinator.")
        return found
    with click.progressbar(length=demo.steps, label="Recording a year of the demo network", show_pos=True) as bar:
        outcome = demo.make(user.id, _, progress=bar.update)
    click.echo(f"Made the demo network '{_(CLIENT)}' for {user.email}.")
    return outcome.network_id
