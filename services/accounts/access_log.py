"""The access log: every look at a network's personal data, who, when, what and why (in the spirit of NEN 7513).

It is kept beside the read side in a table of its own that no rebuild drops. The only free text is the reason a
reader gave; erasing a network clears those reasons and keeps the bare facts (user id, time, what).

Entries are queued by the request and written by a background thread within FLUSH_SECONDS, in batches, so a
read does not wait for a disk flush (docs/decisions/0008). Reading the log, closing the app and process exit
flush first; a hard kill (SIGKILL, power cut) can lose the entries of the last fraction of a second.
"""

from __future__ import annotations

import atexit
import logging
import threading
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from projections.db import ReadStore

MAX_REASON = 200
FLUSH_SECONDS = 0.05
MAX_QUEUED = 1000  # beyond this a request writes the queue itself (back-pressure instead of unbounded memory)
PAGE = (
    "SELECT at, user_id, action, reason FROM kring_access_log WHERE network_id = ? AND at < ? "
    "ORDER BY at DESC, id LIMIT ?"
)
MOMENT = "SELECT at, user_id, action, reason FROM kring_access_log WHERE network_id = ? AND at = ? ORDER BY id"
INSERT = "INSERT INTO kring_access_log (id, at, user_id, network_id, action, reason) VALUES (?, ?, ?, ?, ?, ?)"


def cursor(text: str) -> str | None:
    """An ISO 8601 moment as the access log writes its `at` (UTC, to the millisecond); None if it is none."""
    try:
        moment = datetime.fromisoformat(text)
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat("T", "milliseconds")
    except (ValueError, OverflowError):
        return None


class AccessLog:
    """Append and read access-log entries."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store
        store.create(
            "CREATE TABLE IF NOT EXISTS kring_access_log (id TEXT PRIMARY KEY, at TEXT NOT NULL, "
            "user_id TEXT NOT NULL, network_id TEXT NOT NULL, action TEXT NOT NULL, reason TEXT)",
            "CREATE INDEX IF NOT EXISTS kring_access_log_by_network ON kring_access_log (network_id, at)",
        )
        self._queue: list[tuple[str, str, str, str, str, str | None]] = []
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self._stop = threading.Event()
        self._writer = threading.Thread(target=self._write_continually, name="kring-access-log", daemon=True)
        self._writer.start()
        atexit.register(self.close)

    def record(self, user_id: str, network_ids: Sequence[str], action: str, reason: str | None = None) -> None:
        """One entry per network looked at."""
        if not network_ids:
            return
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        rows = [(str(uuid.uuid4()), at, user_id, n, action, (reason or None)) for n in network_ids]
        with self._lock:
            self._queue.extend(rows)
            full = len(self._queue) >= MAX_QUEUED
        if full:
            self.flush()

    def flush(self) -> None:
        """Write what is queued (in one transaction that does not wait for the disk)."""
        with self._flushing:
            with self._lock:
                rows, self._queue = self._queue, []
            if not rows:
                return
            try:
                self.store.append(INSERT, rows)
            except BaseException:
                with self._lock:
                    self._queue[:0] = rows  # kept for the next attempt
                raise

    def _write_continually(self) -> None:
        while not self._stop.wait(FLUSH_SECONDS):
            try:
                self.flush()
            except Exception:  # the rows stay queued; the next round tries again
                logging.getLogger(__name__).exception("access log not written; retrying")

    def close(self) -> None:
        """Stop the writer and write what is left."""
        if not self._stop.is_set():
            self._stop.set()
            self._writer.join(timeout=5)
            self.flush()

    def entries(self, network_id: str, before: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """The network's entries, newest first (page with `before`, the oldest `at` of the previous page).

        Entries can share a moment (two looks in one millisecond), and the next page starts strictly before the
        last `at`: so a page holds every entry of its last moment, a few more than `limit` if need be."""
        self.flush()
        with self.store.transaction() as tx:
            rows = tx.execute(PAGE, [network_id, before or "9999", limit]).all()
            if rows and len(rows) == limit:
                last = rows[-1]["at"]
                rows = [r for r in rows if r["at"] != last] + tx.execute(MOMENT, [network_id, last]).all()
        return rows

    def forget_reasons(self, network_id: str) -> int:
        """Clear the free-text reasons of a network's entries (erasure); returns how many were cleared."""
        self.flush()
        with self.store.transaction(write=True) as tx:
            return tx.execute(
                "UPDATE kring_access_log SET reason = NULL WHERE network_id = ? AND reason IS NOT NULL", [network_id]
            ).rowcount
