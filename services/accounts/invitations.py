"""The links of invitations: a secret per invitation, single use, valid for a week, only its SHA-256 digest stored.

What an invitation is (who, which role, which consent) is history: events on the network (PersonInvited and the
rest). Here is only what must not be history: the address the link went to, the link's digest, until when it
holds and whether it was used. Erasing the network deletes its rows (docs/decisions/0022).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from projections.db import ReadStore
from services.accounts.accounts import AccountError, normalise_email

VALID_SECONDS = 7 * 24 * 3600  # a week: long enough for someone who reads their mail on Sundays
TABLE = "kring_invitations"
TABLES = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (id TEXT PRIMARY KEY, network_id TEXT NOT NULL, "
    "organisation_id TEXT NOT NULL, email TEXT NOT NULL, invited_by TEXT NOT NULL, digest TEXT UNIQUE, "
    "expires_at DOUBLE PRECISION NOT NULL, state TEXT NOT NULL, asked_again_at DOUBLE PRECISION, user_id TEXT, "
    "created_at TEXT)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_by_network ON {TABLE} (network_id)",
)
COLUMNS = "id, network_id, organisation_id, email, invited_by, expires_at, state, asked_again_at, user_id"
# The states of a link: open (waiting), accepting (being accepted right now), accepted, withdrawn.
REFUSALS = {
    "unknown": ("invitation_unknown", "There is no invitation with this link."),
    "expired": ("invitation_expired", "This invitation has expired; ask for a new one."),
    "used": ("invitation_used", "This invitation has been accepted already."),
    "withdrawn": ("invitation_withdrawn", "This invitation was withdrawn."),
}


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Link:
    """An invitation's link as stored (never its secret), and what it is worth now."""

    id: str
    network_id: str
    organisation_id: str  # of the network's coordinator: a new guest account belongs to it
    email: str
    invited_by: str
    expires_at: float
    state: str
    asked_again: bool
    user_id: str | None
    status: str  # valid, expired, used or withdrawn


class InvitationLinks:
    """Make, look up, use and withdraw the links of invitations."""

    def __init__(self, store: ReadStore, clock: Callable[[], float] = time.time) -> None:
        self.store, self.clock = store, clock
        store.create(*TABLES)

    def _link(self, row: dict[str, Any] | None) -> Link | None:
        if row is None:
            return None
        status = {"accepted": "used", "accepting": "used", "withdrawn": "withdrawn"}.get(row["state"], "valid")
        if status == "valid" and float(row["expires_at"]) <= self.clock():
            status = "expired"
        return Link(
            row["id"],
            row["network_id"],
            row["organisation_id"],
            row["email"],
            row["invited_by"],
            float(row["expires_at"]),
            row["state"],
            row["asked_again_at"] is not None,
            row["user_id"],
            status,
        )

    def create(self, invitation_id: str, network_id: str, organisation_id: str, email: str, invited_by: str) -> str:
        """A link for a new invitation: its secret (for the e-mail; only its digest is kept)."""
        secret = secrets.token_urlsafe(32)
        with self.store.transaction(write=True) as tx:
            tx.execute(
                f"INSERT INTO {TABLE} (id, network_id, organisation_id, email, invited_by, digest, expires_at, state, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)",
                [
                    invitation_id,
                    network_id,
                    organisation_id,
                    normalise_email(email),
                    invited_by,
                    _digest(secret),
                    self.clock() + VALID_SECONDS,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ],
            )
        return secret

    def renew(self, invitation_id: str) -> str | None:
        """A fresh link for an invitation not accepted or withdrawn (the old one stops working); None if there is
        no such invitation any more."""
        secret = secrets.token_urlsafe(32)
        with self.store.transaction(write=True) as tx:
            changed = tx.execute(
                f"UPDATE {TABLE} SET digest = ?, expires_at = ?, state = 'open', asked_again_at = NULL "
                "WHERE id = ? AND state IN ('open', 'accepting')",
                [_digest(secret), self.clock() + VALID_SECONDS, invitation_id],
            ).rowcount
        return secret if changed else None

    def find(self, secret: str) -> Link | None:
        """The link behind this secret, if there is one."""
        with self.store.transaction() as tx:
            return self._link(tx.execute(f"SELECT {COLUMNS} FROM {TABLE} WHERE digest = ?", [_digest(secret)]).one())

    def of_network(self, network_id: str) -> dict[str, Link]:
        """The links of a network's invitations, by invitation id."""
        with self.store.transaction() as tx:
            rows = tx.execute(f"SELECT {COLUMNS} FROM {TABLE} WHERE network_id = ?", [network_id]).all()
        return {link.id: link for link in map(self._link, rows) if link is not None}

    def claim(self, secret: str) -> Link:
        """Take a valid link for accepting it (two clicks at once: one wins); AccountError says why not."""
        link = self.find(secret)
        status = link.status if link else "unknown"
        if link is not None and status == "valid":
            with self.store.transaction(write=True) as tx:
                taken = tx.execute(
                    f"UPDATE {TABLE} SET state = 'accepting' WHERE id = ? AND state = 'open' AND expires_at > ?",
                    [link.id, self.clock()],
                ).rowcount
            if taken:
                return link
            status = "used"
        code, message = REFUSALS[status]
        raise AccountError(code, message, "token")

    def release(self, invitation_id: str) -> None:
        """Accepting failed: the link is open again."""
        with self.store.transaction(write=True) as tx:
            tx.execute(f"UPDATE {TABLE} SET state = 'open' WHERE id = ? AND state = 'accepting'", [invitation_id])

    def accepted(self, invitation_id: str, user_id: str) -> None:
        """The link was used, by this account."""
        with self.store.transaction(write=True) as tx:
            tx.execute(f"UPDATE {TABLE} SET state = 'accepted', user_id = ? WHERE id = ?", [user_id, invitation_id])

    def withdrawn(self, invitation_id: str) -> None:
        """The invitation was withdrawn: its link opens nothing."""
        with self.store.transaction(write=True) as tx:
            tx.execute(f"UPDATE {TABLE} SET state = 'withdrawn' WHERE id = ?", [invitation_id])

    def ask_again(self, secret: str) -> Link | None:
        """The invitee asks for a new link: the link, the first time it asks (None after that, or for no link)."""
        link = self.find(secret)
        if link is None:
            return None
        with self.store.transaction(write=True) as tx:
            changed = tx.execute(
                f"UPDATE {TABLE} SET asked_again_at = ? WHERE id = ? AND asked_again_at IS NULL",
                [self.clock(), link.id],
            ).rowcount
        return link if changed else None

    def forget_network(self, network_id: str) -> int:
        """Delete the links of an erased network (the addresses they went to); returns how many there were."""
        with self.store.transaction(write=True) as tx:
            return tx.execute(f"DELETE FROM {TABLE} WHERE network_id = ?", [network_id]).rowcount
