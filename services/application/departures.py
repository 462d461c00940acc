"""People who leave: an account is deactivated or deleted with everything that stood for it (sessions, tokens,
the calendar feed), and never leaves a network without a coordinator or an organisation without an administrator.

A coordinator's networks go with a hand-over: by the coordinator themselves (PATCH the network), or, once they are
deactivated, by the organisation's administrator, recorded as CoordinatorChanged like any other hand-over.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from services.accounts.accounts import AccountError, Accounts, User
from services.accounts.second_factor import SecondFactors
from services.application.calendar import CalendarFeeds
from services.application.kring import Context, Kring
from services.application.networks import NetworkNotFound, Outcome
from services.application.readside import ReadSide


class Departures:
    """Deactivate, delete and hand over, across the accounts, the networks and the calendar feeds."""

    def __init__(
        self, app: Kring, side: ReadSide, accounts: Accounts, feeds: CalendarFeeds, second_factors: SecondFactors
    ) -> None:
        self.app, self.side, self.accounts, self.feeds = app, side, accounts, feeds
        self.second_factors = second_factors

    def coordinated_by(self, user_id: str) -> list[str]:
        """The ids of the networks this user coordinates, with every hand-over so far taken into account."""
        self.side.settle_access(self.app.log_position())
        return self.side.access.coordinated_by(user_id)

    def update(self, user_id: str, **changes: Any) -> User:
        """Change a user; deactivating also revokes their calendar feed."""
        user = self.accounts.update_user(user_id, **changes)
        if not user.active:
            self.feeds.revoke(user_id)
        return user

    def delete(self, user_id: str) -> None:
        """Delete an account, unless it still coordinates networks (hand them over first)."""
        networks = self.coordinated_by(user_id)
        if networks:
            raise AccountError(
                "coordinates_networks",
                f"This user still coordinates {len(networks)} network(s): hand them over first "
                "(POST /api/users/<id>/handover); 'fields.networks' lists their ids.",
                "networks",
                networks,
            )
        self.accounts.delete_user(user_id)
        self.feeds.revoke(user_id)
        self.second_factors.remove(user_id)

    def hand_over(self, leaving: User, successor: User, by: str) -> list[Outcome]:
        """Give every network a deactivated coordinator coordinates to another active coordinator."""
        if leaving.active:
            raise AccountError(
                "user_active",
                "Deactivate this user first; while active, they hand over their networks themselves.",
                "user_id",
            )
        if not (successor.active and successor.can_coordinate) or successor.id == leaving.id:
            raise AccountError("not_a_coordinator", "Name another active coordinator of your organisation.", "to")
        outcomes = [self._hand_over(network_id, successor.id, by) for network_id in self.coordinated_by(leaving.id)]
        found = [o for o in outcomes if o is not None]
        self.side.settle_access(max((o.position or 0 for o in found), default=0))
        return found

    def _hand_over(self, network_id: str, successor: str, by: str) -> Outcome | None:
        """One network to its new coordinator (None: it was erased a moment ago, nothing to hand over)."""
        try:
            return self.app.update_network(UUID(network_id), Context(by=by), coordinator=successor)
        except NetworkNotFound:
            return None
