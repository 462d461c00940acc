"""The access log: every look at a network's personal data, who, when, what and why (in the spirit of NEN 7513).

It is kept beside the read side in a table of its own that no rebuild drops. The only free text is the reason a
reader gave; erasing a network clears those reasons and keeps the bare facts (user id, time, what).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from projections.db import ReadStore

MAX_REASON = 200


class AccessLog:
    """Append and read access-log entries."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store
        with store.transaction(write=True) as tx:
            tx.lock_schema()
            tx.execute(
                "CREATE TABLE IF NOT EXISTS kring_access_log (id TEXT PRIMARY KEY, at TEXT NOT NULL, "
                "user_id TEXT NOT NULL, network_id TEXT NOT NULL, action TEXT NOT NULL, reason TEXT)"
            )
            tx.execute("CREATE INDEX IF NOT EXISTS kring_access_log_by_network ON kring_access_log (network_id, at)")

    def record(self, user_id: str, network_ids: Sequence[str], action: str, reason: str | None = None) -> None:
        """One entry per network looked at."""
        if not network_ids:
            return
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        rows = [(str(uuid.uuid4()), at, user_id, n, action, (reason or None)) for n in network_ids]
        with self.store.transaction(write=True) as tx:
            tx.executemany(
                "INSERT INTO kring_access_log (id, at, user_id, network_id, action, reason) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )

    def entries(self, network_id: str, before: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """The network's entries, newest first (page with `before`, the oldest `at` of the previous page)."""
        with self.store.transaction() as tx:
            return tx.execute(
                "SELECT at, user_id, action, reason FROM kring_access_log WHERE network_id = ? AND at < ? "
                "ORDER BY at DESC, id LIMIT ?",
                [network_id, before or "9999", limit],
            ).all()

    def forget_reasons(self, network_id: str) -> int:
        """Clear the free-text reasons of a network's entries (erasure); returns how many were cleared."""
        with self.store.transaction(write=True) as tx:
            return tx.execute(
                "UPDATE kring_access_log SET reason = NULL WHERE network_id = ? AND reason IS NOT NULL", [network_id]
            ).rowcount
