"""Bringing the network in: invitations by e-mail for the spilmantelzorger, members and the client.

Inviting, accepting and withdrawing are events on the network (domain/network.py); the link's secret, the address
it went to and whether it was used are working data (services/accounts/invitations.py). Who accepts:
- someone without an account gets a guest account of the network's organisation: no staff rights, only the roles
  they are invited to;
- someone with a guest account, or staff of the network's own organisation, signs in first and accepts as
  themselves;
- staff of another organisation are refused: a work account of another employer stays apart from this network
  (they ask for the invitation on another address). See docs/decisions/0022.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from domain.errors import DomainError
from domain.network import Network
from domain.state import Invitation
from services.accounts.accounts import AccountError, Accounts, User, normalise_email
from services.accounts.invitations import InvitationLinks, Link
from services.application.access import NetworkAccess
from services.application.kring import Context, Kring
from services.application.networks import NetworkNotFound, Outcome
from services.application.readside import ReadSide, ReadSideBehind


@dataclass(frozen=True)
class Invited:
    """An invitation as its link shows it to the invitee."""

    link: Link
    invitation: Invitation | None  # None once accepted or withdrawn
    client_name: str
    inviter_name: str
    contact_name: str | None
    account: User | None  # the account with the invitation's address, if there is one

    @property
    def elsewhere(self) -> bool:
        """Whether the address has a work account of another organisation (which does not accept: 0022)."""
        return (
            self.account is not None
            and self.account.is_staff
            and self.account.organisation_id != self.link.organisation_id
        )

    @property
    def status(self) -> str:
        """valid, expired, used or withdrawn."""
        return self.link.status if self.invitation is not None or self.link.status != "valid" else "used"


@dataclass(frozen=True)
class Sent:
    """An invitation with a fresh link: what its e-mail needs (and the outcome, when it was just recorded)."""

    invitation_id: str
    network_id: UUID
    email: str
    name: str
    secret: str
    outcome: Outcome | None = None


class Invitations:
    """Invite, accept, withdraw, send again."""

    def __init__(
        self, kring: Kring, side: ReadSide, accounts: Accounts, links: InvitationLinks, access: NetworkAccess
    ) -> None:
        self.kring, self.side, self.accounts, self.links, self.access = kring, side, accounts, links, access

    def invite(self, network_id: UUID, ctx: Context, email: str, **invitation: Any) -> Sent:
        """Record the invitation (the domain checks who may invite whom) and make its link."""
        email = normalise_email(email)
        if "@" not in email:
            raise AccountError("invalid_email", "This is not an e-mail address.", "email")
        organisation = self._organisation_of(network_id)
        outcome = self.kring.invite(network_id, ctx, **invitation)
        assert outcome.created_id is not None
        secret = self.links.create(outcome.created_id, str(network_id), organisation, email, ctx.by)
        return Sent(outcome.created_id, network_id, email, invitation["name"], secret, outcome)

    def _organisation_of(self, network_id: UUID) -> str:
        """The organisation of the network's coordinator: guests it brings in belong to it."""
        coordinator = self.accounts.user(self.kring.get_network(network_id).coordinator)
        if coordinator is None:
            raise AccountError("no_coordinator", "This network's coordinator has no account any more.", "network")
        return coordinator.organisation_id

    def pending(self, network_id: UUID) -> list[dict[str, Any]]:
        """The open invitations of a network, with the address each went to and until when its link holds."""
        network = self.kring.get_network(network_id)
        links = self.links.of_network(str(network_id))
        names = self.access.names_of({i.invited_by for i in network.open_invitations.values()})
        found = []
        for invitation in sorted(network.open_invitations.values(), key=lambda i: (i.invited_on, i.name)):
            link = links.get(invitation.id)
            found.append(
                {
                    **invitation.__dict__,
                    "invited_by_name": names[invitation.invited_by],
                    "email": link.email if link else None,
                    "expires_at": datetime.fromtimestamp(link.expires_at, UTC) if link else None,
                    "expired": link is None or link.status == "expired",
                    "asked_again": bool(link and link.asked_again),
                }
            )
        return found

    def withdraw(self, network_id: UUID, ctx: Context, invitation_id: str) -> Outcome:
        """The invitation no longer holds: its link opens nothing."""
        outcome = self.kring.withdraw_invitation(network_id, ctx, invitation_id)
        self.links.withdrawn(invitation_id)
        return outcome

    def renew(self, network_id: UUID, invitation_id: str) -> Sent:
        """A fresh link for an open invitation (the old link stops working), to send again."""
        invitation = self.kring.get_network(network_id).open_invitations.get(invitation_id)
        secret = self.links.renew(invitation_id) if invitation is not None else None
        link = self.links.of_network(str(network_id)).get(invitation_id)
        if invitation is None or secret is None or link is None:
            raise DomainError(
                "invitation_closed", "This invitation was accepted or withdrawn already.", "invitation_id"
            )
        return Sent(invitation_id, network_id, link.email, invitation.name, secret)

    # ------------------------------------------------------------ the invitee
    def look_up(self, secret: str) -> Invited | None:
        """What the link shows: the invitation, whose network, who invited; None for a link that never was."""
        link = self.links.find(secret)
        if link is None:
            return None
        try:
            network = self.kring.get_network(UUID(link.network_id))
        except NetworkNotFound:  # erased: its links go with it, this one a moment later
            return None
        invitation = network.open_invitations.get(link.id)
        contact = network.contacts.get(invitation.contact_id) if invitation and invitation.contact_id else None
        return Invited(
            link,
            invitation,
            network.client_name,
            self.access.names_of({link.invited_by})[link.invited_by],
            contact.name if contact else None,
            self.accounts.by_email(link.email),
        )

    def accept_as_new(self, secret: str, name: str, password: str) -> tuple[User, UUID]:
        """Accept with a new guest account (its name and password); the account and the network it opens."""
        link = self.links.find(secret)
        if link is not None and self.accounts.by_email(link.email) is not None:
            raise AccountError("has_account", "There is an account with this address: sign in to accept.", "token")
        self.accounts.check_password(password)
        link = self.links.claim(secret)
        try:
            user = self.accounts.create_user(link.organisation_id, link.email, name, password, is_guest=True)
        except AccountError:
            self.links.release(link.id)
            raise
        try:
            self._accept(link, user)
        except (DomainError, NetworkNotFound):
            self.accounts.delete_user(user.id)
            raise
        return user, UUID(link.network_id)

    def accept_as(self, secret: str, user: User) -> UUID:
        """Accept as the signed-in account, which must be the one the invitation's address has; the network."""
        link = self.links.find(secret)
        if link is not None and normalise_email(user.email) != link.email:
            raise AccountError("other_account", "This invitation is for another e-mail address.", "token")
        if link is not None and user.is_staff and user.organisation_id != link.organisation_id:
            raise AccountError(
                "other_organisation", "This address has a work account of another organisation.", "token"
            )
        link = self.links.claim(secret)
        self._accept(link, user)
        return UUID(link.network_id)

    def _accept(self, link: Link, user: User) -> None:
        """Record the acceptance (the role and consent are in force, and the map has it, when this returns), or give
        the link back."""
        try:
            outcome = self.kring.accept_invitation(UUID(link.network_id), Context(by=user.id), link.id)
        except (DomainError, NetworkNotFound):
            self.links.release(link.id)
            raise
        self.links.accepted(link.id, user.id)
        self.access.settled(outcome)
        with contextlib.suppress(ReadSideBehind):  # if it comes later, their first page shows it a moment later
            self.side.reach(outcome.position)

    def ask_again(self, secret: str) -> tuple[Invited, User] | None:
        """The invitee asks for a new link: what the inviter's e-mail needs (None: asked already, or nobody to
        ask)."""
        invited = self.look_up(secret)
        if invited is None or invited.status == "withdrawn" or self.links.ask_again(secret) is None:
            return None
        inviter = self.accounts.user(invited.link.invited_by)
        return (invited, inviter) if inviter is not None and inviter.active else None

    def network_of(self, network_id: UUID) -> Network:
        """The network an invitation is about (for the words of its e-mail)."""
        return self.kring.get_network(network_id)
