"""The secrets of the coordinators' calendar feed links: one per coordinator, only its digest stored."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from projections.db import ReadStore


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarTokens:
    """Secret feed links: made, looked up and revoked (only their hashes are stored)."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store
        store.create(
            "CREATE TABLE IF NOT EXISTS kring_calendar_tokens (coordinator TEXT PRIMARY KEY, digest TEXT UNIQUE, "
            "created_at TEXT)"
        )

    def new_token(self, coordinator: str) -> str:
        """A fresh secret for this coordinator's feed; the previous link stops working."""
        token = secrets.token_urlsafe(24)
        with self.store.transaction(write=True) as tx:
            tx.execute(
                "INSERT INTO kring_calendar_tokens (coordinator, digest, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (coordinator) DO UPDATE SET digest = excluded.digest, "
                "created_at = excluded.created_at",
                [coordinator, _digest(token), datetime.now(UTC).isoformat()],
            )
        return token

    def owner(self, token: str) -> str | None:
        """Whose feed this secret opens, if anyone's."""
        with self.store.transaction() as tx:
            row = tx.execute("SELECT coordinator FROM kring_calendar_tokens WHERE digest = ?", [_digest(token)]).one()
        return row["coordinator"] if row else None

    def revoke(self, coordinator: str) -> None:
        """The coordinator's feed link stops working."""
        with self.store.transaction(write=True) as tx:
            tx.execute("DELETE FROM kring_calendar_tokens WHERE coordinator = ?", [coordinator])
