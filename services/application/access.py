"""Who may see a network: roles given and taken away, the client's consent, who has access, and who looked.

The API's access endpoints and the Toegang page (services/web/api/access.py, services/web/pages/ownership.py) call
these same use cases; a change is settled on the access projection before it returns, so it is in force for every
later request, in every process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.network import Network
from domain.permissions import NOTE_FIELDS, NOTES, may_read_event
from domain.words import N_
from projections.access import Access
from services.accounts.access_log import AccessLog
from services.accounts.accounts import Accounts, User
from services.application.kring import Context, Kring
from services.application.networks import NetworkNotFound, Outcome
from services.application.readside import ReadSide

__all__ = ["DELETED_ACCOUNT", "Access", "NetworkAccess", "Rights"]
DELETED_ACCOUNT = N_("(account verwijderd)")  # a message id: say it in the reader's language


@dataclass(frozen=True)
class Rights:
    """What the caller may do on one network: their access there and the permissions it gives them."""

    access: Access
    permissions: frozenset[str]

    def may(self, permission: str) -> bool:
        """Whether the caller's role and consent allow this."""
        return permission in self.permissions

    def may_read(self, event: Network.Event) -> bool:
        """Whether the caller may read this event's contents (a carer reads their own burden, not another's)."""
        return self.may_read_type(type(event).__name__, getattr(event, "carer_id", None))

    def may_read_type(self, event_type: str, carer: str | None) -> bool:
        """Whether the caller may read the contents of an event of this type (about this carer, for burden)."""
        return may_read_event(event_type, self.permissions, self.access.contact_id, carer)

    def shown(self, data: dict[str, Any]) -> dict[str, Any]:
        """An event's data without the notes in it (a tie's note) for a caller who may not read notes."""
        return data if self.may(NOTES) else {k: v for k, v in data.items() if k not in NOTE_FIELDS}


class NetworkAccess:
    """Roles and consent on networks, and the names of the people who have or used access."""

    def __init__(self, kring: Kring, side: ReadSide, accounts: Accounts, access_log: AccessLog) -> None:
        self.kring, self.side, self.accounts, self.access_log = kring, side, accounts, access_log

    def of(self, network_id: str, user_id: str) -> Access | None:
        """A user's access to a network: from the access projection, or from the network itself when the
        projection does not know the pair yet (a network opened a moment ago) or holds its events back."""
        found = self.side.access.of(network_id, user_id)
        if found is not None:
            return found
        try:
            network = self.kring.get_network(UUID(network_id))
        except (NetworkNotFound, ValueError):
            return None
        role = network.role_of(user_id)
        if role is None:
            return None
        grant = network.access.get(user_id)
        return Access(role, grant.contact_id if grant else None, tuple(grant.consent if grant else ()))

    def settled(self, outcome: Outcome) -> Outcome:
        """The outcome of a command that changed access, in force for every later request when this returns."""
        self.side.settle_access(outcome.position)
        return outcome

    def names_of(self, user_ids: set[str], missing: str = DELETED_ACCOUNT) -> dict[str, str]:
        """Each user's name (`missing` for an account that is gone)."""
        found = {u: self.accounts.user(u) for u in user_ids}
        return {u: (user.name if user else missing) for u, user in found.items()}

    def people(self, network_id: str, missing: str = DELETED_ACCOUNT) -> list[dict[str, Any]]:
        """Everyone with a role on the network, with their name and the consent they have."""
        found = self.side.access.people(network_id)
        names = self.names_of({p["user_id"] for p in found}, missing)
        return [{**p, "name": names[p["user_id"]]} for p in found]

    def log_entries(
        self, network_id: str, before: str | None, limit: int, missing: str = DELETED_ACCOUNT
    ) -> list[dict[str, Any]]:
        """A page of the access log, newest first, with the names of who looked."""
        entries = self.access_log.entries(network_id, before, limit)
        names = self.names_of({e["user_id"] for e in entries}, missing)
        return [{**e, "name": names[e["user_id"]]} for e in entries]

    def colleague(self, user: str, of: User) -> User | None:
        """A staff member of the organisation of `of`, by id or e-mail address (None: no such user there; a guest
        gets a role only by accepting an invitation)."""
        found = self.accounts.by_email(user) if "@" in user else self.accounts.user(user)
        return found if found is not None and found.is_staff and found.organisation_id == of.organisation_id else None

    def grant(self, network_id: UUID, ctx: Context, user: User, role: str, contact_id: UUID | None) -> Outcome:
        """Give the user a role on the network; in force when this returns."""
        contact = str(contact_id) if contact_id else None
        return self.settled(self.kring.grant_access(network_id, ctx, user.id, role, contact))

    def revoke(self, network_id: UUID, ctx: Context, user_id: str) -> Outcome:
        """Take the user's role away; in force when this returns."""
        return self.settled(self.kring.revoke_access(network_id, ctx, user_id))

    def record_consent(
        self, network_id: UUID, ctx: Context, user_id: str, scopes: list[str], on_behalf_of_client: bool
    ) -> Outcome:
        """The client's consent for one person: given by the client, or by a coordinator on the client's behalf
        (the event says which); in force when this returns."""
        return self.settled(self.kring.set_consent(network_id, ctx, user_id, scopes, on_behalf_of_client))
