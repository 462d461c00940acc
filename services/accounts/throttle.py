"""The sign-in throttle: slows password guessing without letting a stranger lock the rightful user out.

Failures are counted per (account, address) pair, so guessing one person's password from one address stops that
address for that account only: the person themselves, from their own address, still signs in. A much higher limit
per address slows one address trying many accounts (password spraying, made-up e-mail addresses). Behind a reverse
proxy the address is the one it forwards (KRING_TRUSTED_PROXIES); without that setting every caller would share
the proxy's address. Keys are stored as digests, rows for at most the window (docs/decisions/0011).
"""

from __future__ import annotations

import hashlib

from projections.db import ReadStore

WINDOW_SECONDS = 15 * 60
MAX_FAILURES_PER_PAIR = 5  # one account from one address
MAX_FAILURES_PER_ADDRESS = 100  # any accounts, known or not, from one address
LIMITS = {"pair": MAX_FAILURES_PER_PAIR, "address": MAX_FAILURES_PER_ADDRESS}
TABLES = (
    "CREATE TABLE IF NOT EXISTS kring_login_failures (scope TEXT NOT NULL, key TEXT NOT NULL, at DOUBLE PRECISION)",
    "CREATE INDEX IF NOT EXISTS kring_login_failures_by_key ON kring_login_failures (scope, key, at)",
)


class TooManyAttempts(Exception):
    """Too many failed sign-ins for this account from this address, or from this address; wait `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed sign-ins; try again in {retry_after} seconds.")
        self.retry_after = retry_after


def _keys(email: str, address: str) -> dict[str, str]:
    """The counters a sign-in attempt touches, by scope; digests, so the table holds no address in clear."""
    pair = hashlib.sha256(f"{email}\n{address}".encode()).hexdigest()
    return {"pair": pair, "address": hashlib.sha256(address.encode()).hexdigest()}


class LoginThrottle:
    """Count failed sign-ins and refuse further attempts while a counter is over its limit."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store
        store.create(*TABLES)

    def check(self, email: str, address: str, now: float) -> None:
        """Raise TooManyAttempts if this account may not be tried from this address now."""
        with self.store.transaction() as tx:
            for scope, key in _keys(email, address).items():
                rows = tx.execute(
                    "SELECT at FROM kring_login_failures WHERE scope = ? AND key = ? AND at >= ? ORDER BY at",
                    [scope, key, now - WINDOW_SECONDS],
                ).all()
                if len(rows) >= LIMITS[scope]:
                    oldest = float(rows[-LIMITS[scope]]["at"])
                    raise TooManyAttempts(max(1, int(oldest + WINDOW_SECONDS - now) + 1))

    def record(self, email: str, address: str, now: float, *, succeeded: bool) -> None:
        """A failure counts for the pair and the address; a success clears the pair (not the address)."""
        keys = _keys(email, address)
        with self.store.transaction(write=True) as tx:
            if succeeded:
                tx.execute("DELETE FROM kring_login_failures WHERE scope = 'pair' AND key = ?", [keys["pair"]])
            else:
                tx.executemany(
                    "INSERT INTO kring_login_failures (scope, key, at) VALUES (?, ?, ?)",
                    [(scope, key, now) for scope, key in keys.items()],
                )
            tx.execute("DELETE FROM kring_login_failures WHERE at < ?", [now - WINDOW_SECONDS])
