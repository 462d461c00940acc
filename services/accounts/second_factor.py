"""A second factor for signing in: time-based one-time codes (RFC 6238, an authenticator app) and recovery codes.

The app's secret is stored sealed (AES-256-GCM under a key derived from the master key, bound to the account), so
a copy of the database alone makes no codes. A code is accepted once (the last step used is kept) within one step
of the clock either way. Recovery codes are ten random codes, shown once, stored only as SHA-256 digests, each
good for one sign-in. Wrong codes count in the sign-in throttle, as wrong passwords do (docs/decisions/0022).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pyotp
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from projections.db import ReadStore
from services.accounts.accounts import AccountError
from services.accounts.throttle import LoginThrottle

ISSUER = "Kring"
STEP_SECONDS = 30
RECOVERY_CODES = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off paper without doubt
TABLES = (
    "CREATE TABLE IF NOT EXISTS kring_second_factors (user_id TEXT PRIMARY KEY, sealed TEXT NOT NULL, "
    "confirmed_at TEXT, last_step BIGINT NOT NULL, created_at TEXT)",
    "CREATE TABLE IF NOT EXISTS kring_recovery_codes (user_id TEXT NOT NULL, digest TEXT NOT NULL, used_at TEXT, "
    "PRIMARY KEY (user_id, digest))",
)
WRONG_CODE = ("wrong_code", "This code is not right (or was used already); try the next one.")


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def _plain(code: str) -> str:
    """A code as typed, without spaces and dashes, in lower case."""
    return "".join(c for c in code.lower() if c.isalnum())


def recovery_code() -> str:
    """One recovery code, as shown: two groups of five (e.g. k7pqr-2mxtv)."""
    letters = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
    return f"{letters[:5]}-{letters[5:]}"


class SecondFactors:
    """Set up, check and remove a user's second factor."""

    def __init__(self, store: ReadStore, key: bytes, clock: Callable[[], float] = time.time) -> None:
        self.store, self.clock = store, clock
        self._aead = AESGCM(hashlib.sha256(b"kring second factor\0" + key).digest())
        self.throttle = LoginThrottle(store)
        store.create(*TABLES)

    def _seal(self, user_id: str, secret: str) -> str:
        nonce = secrets.token_bytes(12)
        return base64.b64encode(nonce + self._aead.encrypt(nonce, secret.encode(), user_id.encode())).decode()

    def _open(self, user_id: str, sealed: str) -> str:
        raw = base64.b64decode(sealed)
        try:
            return self._aead.decrypt(raw[:12], raw[12:], user_id.encode()).decode()
        except InvalidTag as error:  # another master key: the app must be set up again
            raise AccountError("second_factor_unreadable", "This second factor cannot be read.", "code") from error

    def is_on(self, user_id: str) -> bool:
        """Whether the user signs in with a second factor."""
        with self.store.transaction() as tx:
            row = tx.execute("SELECT confirmed_at FROM kring_second_factors WHERE user_id = ?", [user_id]).one()
        return bool(row and row["confirmed_at"])

    def start(self, user_id: str) -> str:
        """A new secret for the user's app (waiting for a first code); the one set up already stays until then."""
        with self.store.transaction() as tx:
            row = tx.execute("SELECT sealed, confirmed_at FROM kring_second_factors WHERE user_id = ?", [user_id]).one()
        if row and not row["confirmed_at"]:
            return self._open(user_id, row["sealed"])  # the page shown again: the same secret
        if row:
            raise AccountError("second_factor_on", "A second factor is set up already; turn it off first.", "code")
        secret = pyotp.random_base32()
        with self.store.transaction(write=True) as tx:
            tx.execute(
                "INSERT INTO kring_second_factors (user_id, sealed, confirmed_at, last_step, created_at) "
                "VALUES (?, ?, NULL, 0, ?)",
                [user_id, self._seal(user_id, secret), _now_iso()],
            )
        return secret

    def provisioning_uri(self, secret: str, email: str) -> str:
        """What the QR code holds: the otpauth:// address an authenticator app reads."""
        return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)

    def confirm(self, user_id: str, code: str, address: str) -> list[str]:
        """The first code from the app turns the second factor on; the recovery codes, shown this once."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT sealed, confirmed_at, last_step FROM kring_second_factors WHERE user_id = ?", [user_id]
            ).one()
        if row is None or row["confirmed_at"]:
            raise AccountError("no_second_factor_started", "Start setting up the app first.", "code")
        self._throttled(user_id, address, lambda: self._step(user_id, row["sealed"], int(row["last_step"]), code))
        with self.store.transaction(write=True) as tx:
            tx.execute("UPDATE kring_second_factors SET confirmed_at = ? WHERE user_id = ?", [_now_iso(), user_id])
        return self.new_recovery_codes(user_id)

    def verify(self, user_id: str, code: str, address: str) -> None:
        """Accept a code from the app or an unused recovery code (once); AccountError `wrong_code` if neither;
        TooManyAttempts after too many wrong ones from this address."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT sealed, confirmed_at, last_step FROM kring_second_factors WHERE user_id = ?", [user_id]
            ).one()
        if row is None or not row["confirmed_at"]:
            raise AccountError("no_second_factor", "This account has no second factor.", "code")

        def check() -> bool:
            plain = _plain(code)
            if plain.isdigit():
                return self._step(user_id, row["sealed"], int(row["last_step"]), plain)
            return self._use_recovery_code(user_id, plain)

        self._throttled(user_id, address, check)

    def _throttled(self, user_id: str, address: str, check: Callable[[], bool]) -> None:
        key, now = f"second factor\n{user_id}", self.clock()
        self.throttle.check(key, address, now)
        ok = check()
        self.throttle.record(key, address, now, succeeded=ok)
        if not ok:
            raise AccountError(*WRONG_CODE, "code")

    def _step(self, user_id: str, sealed: str, last_step: int, code: str) -> bool:
        """Whether the code is the app's for this step or the one either side, and newer than the last used."""
        totp, now_step = pyotp.TOTP(self._open(user_id, sealed)), int(self.clock()) // STEP_SECONDS
        plain = _plain(code)
        for step in (now_step - 1, now_step, now_step + 1):
            if step > last_step and hmac.compare_digest(totp.at(step * STEP_SECONDS), plain):
                with self.store.transaction(write=True) as tx:
                    used = tx.execute(
                        "UPDATE kring_second_factors SET last_step = ? WHERE user_id = ? AND last_step < ?",
                        [step, user_id, step],
                    ).rowcount
                return used > 0  # a second request with the same code at the same moment: one wins
        return False

    def _use_recovery_code(self, user_id: str, plain: str) -> bool:
        with self.store.transaction(write=True) as tx:
            used = tx.execute(
                "UPDATE kring_recovery_codes SET used_at = ? WHERE user_id = ? AND digest = ? AND used_at IS NULL",
                [_now_iso(), user_id, _digest(plain)],
            ).rowcount
        return used > 0

    def new_recovery_codes(self, user_id: str) -> list[str]:
        """Ten fresh recovery codes (the old ones stop working), to be shown once."""
        codes = [recovery_code() for _ in range(RECOVERY_CODES)]
        with self.store.transaction(write=True) as tx:
            tx.execute("DELETE FROM kring_recovery_codes WHERE user_id = ?", [user_id])
            tx.executemany(
                "INSERT INTO kring_recovery_codes (user_id, digest, used_at) VALUES (?, ?, NULL)",
                [(user_id, _digest(_plain(c))) for c in codes],
            )
        return codes

    def recovery_codes_left(self, user_id: str) -> int:
        """How many recovery codes the user has not used."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT COUNT(*) AS n FROM kring_recovery_codes WHERE user_id = ? AND used_at IS NULL", [user_id]
            ).one()
        return int(row["n"]) if row else 0

    def remove(self, user_id: str) -> None:
        """The user signs in without a second factor (again); their recovery codes go too."""
        with self.store.transaction(write=True) as tx:
            tx.execute("DELETE FROM kring_second_factors WHERE user_id = ?", [user_id])
            tx.execute("DELETE FROM kring_recovery_codes WHERE user_id = ?", [user_id])
