"""Everything a Kring process works with, built in one place: the web app (create_app), its CLI commands, the
projection worker and the scheduler all start from `build_services`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from services.accounts.access_log import AccessLog
from services.accounts.accounts import Accounts
from services.accounts.calendar_tokens import CalendarTokens
from services.accounts.invitations import InvitationLinks
from services.accounts.second_factor import SecondFactors
from services.application.access import NetworkAccess
from services.application.burden import CarerBurden
from services.application.calendar import CalendarFeeds
from services.application.demo import DemoNetworks
from services.application.departures import Departures
from services.application.export import Export
from services.application.history import History
from services.application.invitations import Invitations
from services.application.kring import Kring
from services.application.overview import Overview
from services.application.passwords import PasswordLinks
from services.application.privacy import Privacy
from services.application.readside import ReadSide
from services.application.reminders import Reminders
from services.infrastructure.config import (
    ConfigurationError,
    describe,
    keep_files_private,
    local_secret,
    persistence_env,
)
from services.infrastructure.crypto import master_key

__all__ = ["ConfigurationError", "Services", "build_services"]  # ConfigurationError: what a wrong setting raises


@dataclass(frozen=True)
class Services:
    """The application and its use cases over one event store and the tables beside it."""

    settings: dict[str, str]
    kring: Kring
    read_side: ReadSide
    accounts: Accounts
    access_log: AccessLog
    reminders: Reminders
    calendar: CalendarFeeds
    departures: Departures
    privacy: Privacy
    access: NetworkAccess  # who may see a network: roles, consent, who looked
    export: Export  # the history as its reader may see it, the export, FHIR, Network Canvas
    burden: CarerBurden
    overview: Overview  # what needs attention: Mijn netwerken, and on a network's page
    passwords: PasswordLinks
    history: History  # the timeline's lines, each saying as much as its reader may read
    invitations: Invitations  # bringing the network in: invite, accept, withdraw, send again
    second_factors: SecondFactors  # one-time codes from an app, and recovery codes
    demo: DemoNetworks  # a demo network with a year of history, on request

    @property
    def store(self) -> str:
        """Where the events are kept, without secrets (for logs and the operator commands)."""
        return describe(self.settings)

    def secret_key(self) -> str:
        """The web sessions' signing key of a single-machine install (next to the SQLite file)."""
        return local_secret(self.settings)

    def close(self) -> None:
        """Write the access log, stop the in-process projection runner and close the stores."""
        self.access_log.close()
        self.read_side.close()
        self.kring.close()


def build_services(
    settings: Mapping[str, str] | None = None, *, clock: Callable[[], date] | None = None, cheap_hashing: bool = False
) -> Services:
    """The services over the store these settings name (default: the environment's); files this process makes are
    its owner's only. `cheap_hashing`: argon2's cheapest profile, for tests that make many accounts."""
    keep_files_private()
    settings = dict(settings) if settings is not None else persistence_env()
    kring = Kring(settings, clock=clock)
    side = ReadSide(kring, settings)
    accounts = Accounts(side.store, cheap_hashing=cheap_hashing)
    access_log = AccessLog(side.store)
    reminders = Reminders(kring, side, accounts.email_of)
    calendar = CalendarFeeds(CalendarTokens(side.store), reminders, accounts.is_active)
    links = InvitationLinks(side.store)
    second_factors = SecondFactors(side.store, master_key(settings))
    privacy = Privacy(kring, side, access_log, links)
    access = NetworkAccess(kring, side, accounts, access_log)
    burden = CarerBurden(side)
    return Services(
        settings=settings,
        kring=kring,
        read_side=side,
        accounts=accounts,
        access_log=access_log,
        reminders=reminders,
        calendar=calendar,
        departures=Departures(kring, side, accounts, calendar, second_factors),
        privacy=privacy,
        access=access,
        export=Export(kring, side, privacy, access, access_log),
        burden=burden,
        overview=Overview(side, reminders, burden),
        passwords=PasswordLinks(accounts),
        history=History(side),
        invitations=Invitations(kring, side, accounts, links, access),
        second_factors=second_factors,
        demo=DemoNetworks(kring, side),
    )
