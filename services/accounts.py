"""Organisations, users, API tokens, password resets and the login throttle.

Accounts are working data, not history: they live in plain tables beside the read side (never dropped by a
rebuild). Passwords are hashed with argon2; API tokens and reset links are random secrets of which only a
SHA-256 digest is stored, so a copy of the database gives no way in.
"""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from projections.db import ReadStore

MIN_PASSWORD_LENGTH = 10
RESET_VALID_SECONDS = 3600
THROTTLE_WINDOW_SECONDS = 15 * 60
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20
TOKEN_PREFIX = "kr_"  # noqa: S105 - a marker, not a secret
USER_COLUMNS = "id, organisation_id, email, name, is_admin, can_coordinate, active, auth_epoch"
BY_TOKEN = (
    f"SELECT {', '.join('u.' + c.strip() for c in USER_COLUMNS.split(','))} FROM kring_api_tokens t "
    "JOIN kring_users u ON u.id = t.user_id WHERE t.digest = ? AND t.revoked_at IS NULL AND u.active = 1"
)
TABLES = (
    "CREATE TABLE IF NOT EXISTS kring_organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT)",
    "CREATE TABLE IF NOT EXISTS kring_users (id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL, "
    "email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, password_hash TEXT, is_admin INTEGER NOT NULL, "
    "can_coordinate INTEGER NOT NULL, active INTEGER NOT NULL, auth_epoch INTEGER NOT NULL, created_at TEXT)",
    "CREATE TABLE IF NOT EXISTS kring_api_tokens (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, "
    "digest TEXT NOT NULL UNIQUE, created_at TEXT, revoked_at TEXT)",
    "CREATE INDEX IF NOT EXISTS kring_api_tokens_by_user ON kring_api_tokens (user_id)",
    "CREATE TABLE IF NOT EXISTS kring_login_failures (scope TEXT NOT NULL, key TEXT NOT NULL, at DOUBLE PRECISION)",
    "CREATE INDEX IF NOT EXISTS kring_login_failures_by_key ON kring_login_failures (scope, key, at)",
    "CREATE TABLE IF NOT EXISTS kring_password_resets (digest TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
    "expires_at DOUBLE PRECISION NOT NULL, used INTEGER NOT NULL)",
)


class AccountError(Exception):
    """A request about accounts that cannot be met; `field` names the input at fault."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.field = code, message, field


class TooManyAttempts(Exception):
    """Too many failed sign-ins for this account or from this address; try again after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed sign-ins; try again in {retry_after} seconds.")
        self.retry_after = retry_after


@dataclass(frozen=True)
class User:
    """Someone who signs in to Kring."""

    id: str
    organisation_id: str
    email: str
    name: str
    is_admin: bool
    can_coordinate: bool
    active: bool
    auth_epoch: int


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _user(row: dict[str, Any] | None) -> User | None:
    if row is None:
        return None
    flags = {k: bool(row[k]) for k in ("is_admin", "can_coordinate", "active")}
    return User(
        row["id"], row["organisation_id"], row["email"], row["name"], auth_epoch=int(row["auth_epoch"]), **flags
    )


def normalise_email(email: str) -> str:
    """E-mail addresses compare without case and surrounding spaces."""
    return email.strip().lower()


class Accounts:
    """The account store."""

    def __init__(self, store: ReadStore, *, cheap_hashing: bool = False, clock: Callable[[], float] = time.time):
        self.store = store
        self.hasher = PasswordHasher.from_parameters(profiles.CHEAPEST) if cheap_hashing else PasswordHasher()
        self.clock = clock
        store.create(*TABLES)

    @cached_property
    def _dummy_hash(self) -> str:
        return self.hasher.hash(secrets.token_hex(8))  # equal work for unknown e-mail addresses

    # ------------------------------------------------------ organisations
    def create_organisation(self, name: str) -> str:
        """A new organisation; returns its id."""
        if not name.strip():
            raise AccountError("required", "This must not be empty.", "organisation")
        organisation_id = str(uuid.uuid4())
        with self.store.transaction(write=True) as tx:
            tx.execute(
                "INSERT INTO kring_organisations (id, name, created_at) VALUES (?, ?, ?)",
                [organisation_id, name.strip(), _now_iso()],
            )
        return organisation_id

    def organisation_named(self, name: str) -> str | None:
        """The id of the organisation with this name, if there is one."""
        with self.store.transaction() as tx:
            row = tx.execute("SELECT id FROM kring_organisations WHERE name = ?", [name.strip()]).one()
        return row["id"] if row else None

    def organisation_name(self, organisation_id: str) -> str | None:
        with self.store.transaction() as tx:
            row = tx.execute("SELECT name FROM kring_organisations WHERE id = ?", [organisation_id]).one()
        return row["name"] if row else None

    # --------------------------------------------------------------- users
    def create_user(  # noqa: PLR0913 - an account's fields
        self,
        organisation_id: str,
        email: str,
        name: str,
        password: str | None = None,
        *,
        is_admin: bool = False,
        can_coordinate: bool = False,
    ) -> User:
        """A new user; without a password they set one through a reset link."""
        email = normalise_email(email)
        if "@" not in email or len(email) > 254:
            raise AccountError("invalid_email", "This is not an e-mail address.", "email")
        if not name.strip():
            raise AccountError("required", "This must not be empty.", "name")
        password_hash = self._hash(password) if password is not None else None
        user_id = str(uuid.uuid4())
        with self.store.transaction(write=True) as tx:
            if tx.execute("SELECT id FROM kring_users WHERE email = ?", [email]).one():
                raise AccountError("email_taken", "There is an account with this e-mail address already.", "email")
            if not tx.execute("SELECT id FROM kring_organisations WHERE id = ?", [organisation_id]).one():
                raise AccountError("unknown_organisation", "There is no such organisation.", "organisation_id")
            tx.execute(
                "INSERT INTO kring_users (id, organisation_id, email, name, password_hash, is_admin, can_coordinate, "
                "active, auth_epoch, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?)",
                [
                    user_id,
                    organisation_id,
                    email,
                    name.strip(),
                    password_hash,
                    int(is_admin),
                    int(can_coordinate),
                    _now_iso(),
                ],
            )
        user = self.user(user_id)
        assert user is not None
        return user

    def _hash(self, password: str) -> str:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError(
                "password_too_short", f"A password has at least {MIN_PASSWORD_LENGTH} characters.", "password"
            )
        return self.hasher.hash(password)

    def user(self, user_id: str) -> User | None:
        """The user with this id, if any."""
        with self.store.transaction() as tx:
            return _user(tx.execute(f"SELECT {USER_COLUMNS} FROM kring_users WHERE id = ?", [user_id]).one())

    def email_of(self, user_id: str) -> str | None:
        """The e-mail address of an active user (where reminders go)."""
        user = self.user(user_id)
        return user.email if user and user.active else None

    def by_email(self, email: str) -> User | None:
        with self.store.transaction() as tx:
            row = tx.execute(f"SELECT {USER_COLUMNS} FROM kring_users WHERE email = ?", [normalise_email(email)]).one()
        return _user(row)

    def users_of(self, organisation_id: str) -> list[User]:
        """The organisation's users, by name."""
        with self.store.transaction() as tx:
            rows = tx.execute(
                f"SELECT {USER_COLUMNS} FROM kring_users WHERE organisation_id = ? ORDER BY name, email",
                [organisation_id],
            ).all()
        return [u for u in map(_user, rows) if u is not None]

    def update_user(self, user_id: str, **changes: Any) -> User:
        """Change name, admin/coordinator rights or active; deactivating signs the user out everywhere."""
        allowed = {"name", "is_admin", "can_coordinate", "active"}
        fields = {k: (int(v) if isinstance(v, bool) else v) for k, v in changes.items() if k in allowed}
        if not fields:
            return self._existing(user_id)
        assignments = ", ".join(f"{k} = ?" for k in fields)
        epoch = ", auth_epoch = auth_epoch + 1" if fields.get("active") == 0 else ""
        with self.store.transaction(write=True) as tx:
            tx.execute(f"UPDATE kring_users SET {assignments}{epoch} WHERE id = ?", [*fields.values(), user_id])
            if fields.get("active") == 0:
                tx.execute("UPDATE kring_api_tokens SET revoked_at = ? WHERE user_id = ?", [_now_iso(), user_id])
        return self._existing(user_id)

    def delete_user(self, user_id: str) -> None:
        """Remove the account, its tokens and reset links (what they recorded stays, under their id)."""
        self._existing(user_id)
        with self.store.transaction(write=True) as tx:
            for table, column in (("kring_api_tokens", "user_id"), ("kring_password_resets", "user_id")):
                tx.execute(f"DELETE FROM {table} WHERE {column} = ?", [user_id])
            tx.execute("DELETE FROM kring_users WHERE id = ?", [user_id])

    def _existing(self, user_id: str) -> User:
        user = self.user(user_id)
        if user is None:
            raise AccountError("unknown_user", "There is no such user.", "user_id")
        return user

    def set_password(self, user_id: str, password: str) -> None:
        """A new password; every session and reset link of the user ends."""
        password_hash = self._hash(password)
        with self.store.transaction(write=True) as tx:
            tx.execute(
                "UPDATE kring_users SET password_hash = ?, auth_epoch = auth_epoch + 1 WHERE id = ?",
                [password_hash, user_id],
            )
            tx.execute("UPDATE kring_password_resets SET used = 1 WHERE user_id = ?", [user_id])

    # ------------------------------------------------------------- sign-in
    def sign_in(self, email: str, password: str, address: str) -> User | None:
        """The user if the password is right; None if not. Raises TooManyAttempts when throttled."""
        email = normalise_email(email)
        now = self.clock()
        keys = (("account", email), ("address", address))
        self._throttle(keys, now)
        with self.store.transaction() as tx:
            row = tx.execute(f"SELECT {USER_COLUMNS}, password_hash FROM kring_users WHERE email = ?", [email]).one()
        stored = row["password_hash"] if row and row["password_hash"] and row["active"] else self._dummy_hash
        try:
            self.hasher.verify(stored, password)
            ok = stored is not self._dummy_hash
        except (VerificationError, InvalidHashError):
            ok = False
        with self.store.transaction(write=True) as tx:
            if ok:
                tx.execute("DELETE FROM kring_login_failures WHERE scope = 'account' AND key = ?", [email])
            else:
                tx.executemany(
                    "INSERT INTO kring_login_failures (scope, key, at) VALUES (?, ?, ?)", [(s, k, now) for s, k in keys]
                )
            tx.execute("DELETE FROM kring_login_failures WHERE at < ?", [now - THROTTLE_WINDOW_SECONDS])
        return _user(row) if ok else None

    def _throttle(self, keys: tuple[tuple[str, str], ...], now: float) -> None:
        limits = {"account": MAX_FAILURES_PER_ACCOUNT, "address": MAX_FAILURES_PER_ADDRESS}
        with self.store.transaction() as tx:
            for scope, key in keys:
                rows = tx.execute(
                    "SELECT at FROM kring_login_failures WHERE scope = ? AND key = ? AND at >= ? ORDER BY at",
                    [scope, key, now - THROTTLE_WINDOW_SECONDS],
                ).all()
                if len(rows) >= limits[scope]:
                    oldest = float(rows[-limits[scope]]["at"])
                    raise TooManyAttempts(max(1, int(oldest + THROTTLE_WINDOW_SECONDS - now) + 1))

    # -------------------------------------------------------------- tokens
    def new_token(self, user_id: str, name: str) -> tuple[dict[str, Any], str]:
        """A personal API token: its description, and the secret (shown once, stored only as a digest)."""
        if not name.strip():
            raise AccountError("required", "Give the token a name, e.g. the script that will use it.", "name")
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = {"id": str(uuid.uuid4()), "name": name.strip(), "created_at": _now_iso(), "revoked_at": None}
        with self.store.transaction(write=True) as tx:
            tx.execute(
                "INSERT INTO kring_api_tokens (id, user_id, name, digest, created_at) VALUES (?, ?, ?, ?, ?)",
                [token["id"], user_id, token["name"], _digest(secret), token["created_at"]],
            )
        return token, secret

    def tokens(self, user_id: str) -> list[dict[str, Any]]:
        """The user's tokens (never their secrets), newest first."""
        with self.store.transaction() as tx:
            return tx.execute(
                "SELECT id, name, created_at, revoked_at FROM kring_api_tokens WHERE user_id = ? "
                "ORDER BY created_at DESC, id",
                [user_id],
            ).all()

    def revoke_token(self, user_id: str, token_id: str) -> bool:
        """Revoke one of the user's tokens; False if they have no such token."""
        with self.store.transaction(write=True) as tx:
            changed = tx.execute(
                "UPDATE kring_api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND user_id = ?",
                [_now_iso(), token_id, user_id],
            ).rowcount
        return changed > 0

    def user_for_token(self, secret: str) -> User | None:
        """The active user behind a token that is not revoked."""
        if not secret.startswith(TOKEN_PREFIX):
            return None
        with self.store.transaction() as tx:
            row = tx.execute(BY_TOKEN, [_digest(secret)]).one()
        return _user(row)

    # ------------------------------------------------------ password reset
    def start_reset(self, email: str) -> tuple[User, str] | None:
        """A reset secret for an active account (None for an unknown address: the caller says the same)."""
        user = self.by_email(email)
        if user is None or not user.active:
            return None
        secret = secrets.token_urlsafe(32)
        with self.store.transaction(write=True) as tx:
            tx.execute(
                "INSERT INTO kring_password_resets (digest, user_id, expires_at, used) VALUES (?, ?, ?, 0)",
                [_digest(secret), user.id, self.clock() + RESET_VALID_SECONDS],
            )
        return user, secret

    def finish_reset(self, secret: str, password: str) -> User:
        """Set a new password with a reset secret that is neither used nor expired."""
        with self.store.transaction() as tx:
            row = tx.execute("SELECT * FROM kring_password_resets WHERE digest = ?", [_digest(secret)]).one()
        if row is None or row["used"] or float(row["expires_at"]) < self.clock():
            raise AccountError("reset_link_invalid", "This reset link is used or expired; ask for a new one.", "token")
        self.set_password(row["user_id"], password)
        return self._existing(row["user_id"])
