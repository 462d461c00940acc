"""Organisations, users, web sessions, API tokens and password resets.

Accounts are working data, not history: they live in plain tables beside the read side (never dropped by a
rebuild). Passwords are hashed with argon2; web sessions, API tokens and reset links are random secrets of which
only a SHA-256 digest is stored, so a copy of the database gives no way in. A session is a row: signing out,
a new password and deactivation delete it, whatever copy of the cookie is still around (docs/decisions/0011).
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

from projections.db import ReadStore, Tx
from services.accounts.throttle import LoginThrottle

MIN_PASSWORD_LENGTH = 10
RESET_VALID_SECONDS = 3600
TOKEN_PREFIX = "kr_"  # noqa: S105 - a marker, not a secret
USER_COLUMNS = "id, organisation_id, email, name, is_admin, can_coordinate, active, is_guest"
JOINED_USER = ", ".join("u." + c.strip() for c in USER_COLUMNS.split(","))
BY_TOKEN = (
    f"SELECT {JOINED_USER} FROM kring_api_tokens t "
    "JOIN kring_users u ON u.id = t.user_id WHERE t.digest = ? AND t.revoked_at IS NULL AND u.active = 1"
)
BY_SESSION = (
    f"SELECT {JOINED_USER} FROM kring_sessions s "
    "JOIN kring_users u ON u.id = s.user_id WHERE s.digest = ? AND s.expires_at > ? AND u.active = 1"
)
OTHER_ADMINISTRATORS = (
    "SELECT id FROM kring_users WHERE organisation_id = ? AND is_admin = 1 AND active = 1 AND id <> ?"
)
TABLES = (
    "CREATE TABLE IF NOT EXISTS kring_organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT)",
    # auth_epoch is no longer read (sessions are rows now); kept so that databases made before still take users
    "CREATE TABLE IF NOT EXISTS kring_users (id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL, "
    "email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, password_hash TEXT, is_admin INTEGER NOT NULL, "
    "can_coordinate INTEGER NOT NULL, active INTEGER NOT NULL, auth_epoch INTEGER NOT NULL, created_at TEXT)",
    "CREATE TABLE IF NOT EXISTS kring_api_tokens (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, "
    "digest TEXT NOT NULL UNIQUE, created_at TEXT, revoked_at TEXT)",
    "CREATE INDEX IF NOT EXISTS kring_api_tokens_by_user ON kring_api_tokens (user_id)",
    "CREATE TABLE IF NOT EXISTS kring_sessions (digest TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
    "expires_at DOUBLE PRECISION NOT NULL)",
    "CREATE INDEX IF NOT EXISTS kring_sessions_by_user ON kring_sessions (user_id)",
    "CREATE TABLE IF NOT EXISTS kring_password_resets (digest TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
    "expires_at DOUBLE PRECISION NOT NULL, used INTEGER NOT NULL)",
)
# Columns added after the tables were first made: (table, column, its definition); added where missing.
ADDED_COLUMNS = (
    ("kring_users", "is_guest", "INTEGER NOT NULL DEFAULT 0"),  # invited people of a network, not staff
    ("kring_organisations", "second_factor_required", "INTEGER NOT NULL DEFAULT 0"),  # for coordinators, admins
)


class AccountError(Exception):
    """A request about accounts that cannot be met; `field` names the input at fault."""

    def __init__(self, code: str, message: str, field: str | None = None, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.field = code, message, field
        self.problems = problems if problems is not None else [message]  # what `fields` says about `field`


@dataclass(frozen=True)
class User:
    """Someone who signs in to Kring: staff of an organisation, or a guest (someone of a network, invited)."""

    id: str
    organisation_id: str
    email: str
    name: str
    is_admin: bool
    can_coordinate: bool
    active: bool
    is_guest: bool = False

    @property
    def is_staff(self) -> bool:
        """Whether this is someone of the organisation (not a guest)."""
        return not self.is_guest


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _user(row: dict[str, Any] | None) -> User | None:
    if row is None:
        return None
    flags = {k: bool(row[k]) for k in ("is_admin", "can_coordinate", "active", "is_guest")}
    return User(row["id"], row["organisation_id"], row["email"], row["name"], **flags)


def _user_in(tx: Tx, user_id: str) -> User | None:
    return _user(tx.execute(f"SELECT {USER_COLUMNS} FROM kring_users WHERE id = ?", [user_id]).one())


def _existing_in(tx: Tx, user_id: str) -> User:
    user = _user_in(tx, user_id)
    if user is None:
        raise AccountError("unknown_user", "There is no such user.", "user_id")
    return user


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
        add_columns(store, ADDED_COLUMNS)
        self.throttle = LoginThrottle(store)

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

    def second_factor_required(self, organisation_id: str) -> bool:
        """Whether the organisation requires a second factor of its coordinators and administrators."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT second_factor_required FROM kring_organisations WHERE id = ?", [organisation_id]
            ).one()
        return bool(row and row["second_factor_required"])

    def require_second_factor(self, organisation_id: str, required: bool) -> None:
        """Require (or no longer require) a second factor of the organisation's coordinators and administrators."""
        with self.store.transaction(write=True) as tx:
            tx.execute(
                "UPDATE kring_organisations SET second_factor_required = ? WHERE id = ?",
                [int(required), organisation_id],
            )

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
        is_guest: bool = False,
    ) -> User:
        """A new user; without a password they set one through a reset link. A guest has no staff rights."""
        if is_guest and (is_admin or can_coordinate):
            raise AccountError("guest_account", "A guest has no staff rights.", "is_guest")
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
            tx.execute(  # auth_epoch: see TABLES
                "INSERT INTO kring_users (id, organisation_id, email, name, password_hash, is_admin, can_coordinate, "
                "active, auth_epoch, created_at, is_guest) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?)",
                [
                    user_id,
                    organisation_id,
                    email,
                    name.strip(),
                    password_hash,
                    int(is_admin),
                    int(can_coordinate),
                    _now_iso(),
                    int(is_guest),
                ],
            )
        user = self.user(user_id)
        assert user is not None
        return user

    def check_password(self, password: str) -> None:
        """Refuse a password that is too short (before anything else is done with it)."""
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError(
                "password_too_short", f"A password has at least {MIN_PASSWORD_LENGTH} characters.", "password"
            )

    def _hash(self, password: str) -> str:
        self.check_password(password)
        return self.hasher.hash(password)

    def user(self, user_id: str) -> User | None:
        """The user with this id, if any."""
        with self.store.transaction() as tx:
            return _user_in(tx, user_id)

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
        """Change name, admin/coordinator rights or active; deactivating ends the user's sessions and tokens.
        The organisation's last active administrator can neither lose the right nor be deactivated."""
        allowed = {"name", "is_admin", "can_coordinate", "active"}
        fields = {k: (int(v) if isinstance(v, bool) else v) for k, v in changes.items() if k in allowed}
        if not fields:
            return self._existing(user_id)
        assignments = ", ".join(f"{k} = ?" for k in fields)
        with self.store.transaction(write=True) as tx:
            user = _existing_in(tx, user_id)
            if user.is_guest and (fields.get("is_admin") or fields.get("can_coordinate")):
                raise AccountError(
                    "guest_account",
                    "This is a guest (invited to a network): a guest cannot be given staff rights.",
                    "is_admin" if fields.get("is_admin") else "can_coordinate",
                )
            if not (fields.get("is_admin", user.is_admin) and fields.get("active", user.active)):
                self._keep_an_administrator(tx, user)
            tx.execute(f"UPDATE kring_users SET {assignments} WHERE id = ?", [*fields.values(), user_id])
            if fields.get("active") == 0:
                tx.execute("UPDATE kring_api_tokens SET revoked_at = ? WHERE user_id = ?", [_now_iso(), user_id])
                tx.execute("DELETE FROM kring_sessions WHERE user_id = ?", [user_id])
        return self._existing(user_id)

    def delete_user(self, user_id: str) -> None:
        """Remove the account, its sessions, tokens and reset links (what they recorded stays, under their id);
        never the organisation's last active administrator."""
        with self.store.transaction(write=True) as tx:
            self._keep_an_administrator(tx, _existing_in(tx, user_id))
            for table in ("kring_sessions", "kring_api_tokens", "kring_password_resets"):
                tx.execute(f"DELETE FROM {table} WHERE user_id = ?", [user_id])
            tx.execute("DELETE FROM kring_users WHERE id = ?", [user_id])

    def _keep_an_administrator(self, tx: Tx, leaving: User) -> None:
        """Refuse to take away the last active administrator of an organisation (rows locked on PostgreSQL, so
        two administrators demoting each other at once cannot both succeed)."""
        if not (leaving.is_admin and leaving.active):
            return
        others = tx.execute(OTHER_ADMINISTRATORS + self.store.lock_suffix, [leaving.organisation_id, leaving.id])
        if not others.all():
            raise AccountError(
                "last_administrator",
                "This is the organisation's only administrator: make someone else administrator first.",
                "user_id",
            )

    def _existing(self, user_id: str) -> User:
        with self.store.transaction() as tx:
            return _existing_in(tx, user_id)

    def is_active(self, user_id: str) -> bool:
        """Whether this account exists and is active."""
        user = self.user(user_id)
        return user is not None and user.active

    def set_password(self, user_id: str, password: str) -> None:
        """A new password; every session and reset link of the user ends."""
        password_hash = self._hash(password)
        with self.store.transaction(write=True) as tx:
            tx.execute("UPDATE kring_users SET password_hash = ? WHERE id = ?", [password_hash, user_id])
            tx.execute("DELETE FROM kring_sessions WHERE user_id = ?", [user_id])
            tx.execute("UPDATE kring_password_resets SET used = 1 WHERE user_id = ?", [user_id])

    # ------------------------------------------------------------- sign-in
    def sign_in(self, email: str, password: str, address: str) -> User | None:
        """The user if the password is right; None if not. Raises TooManyAttempts when throttled."""
        email, now = normalise_email(email), self.clock()
        self.throttle.check(email, address, now)
        with self.store.transaction() as tx:
            row = tx.execute(f"SELECT {USER_COLUMNS}, password_hash FROM kring_users WHERE email = ?", [email]).one()
        stored = row["password_hash"] if row and row["password_hash"] and row["active"] else self._dummy_hash
        try:
            self.hasher.verify(stored, password)
            ok = stored is not self._dummy_hash
        except (VerificationError, InvalidHashError):
            ok = False
        self.throttle.record(email, address, now, succeeded=ok)
        return _user(row) if ok else None

    # ------------------------------------------------------------ sessions
    def start_session(self, user_id: str, lifetime_seconds: float) -> str:
        """A new web session for the user: its secret (the cookie carries it; only its digest is stored)."""
        secret = secrets.token_urlsafe(32)
        now = self.clock()
        with self.store.transaction(write=True) as tx:
            tx.execute("DELETE FROM kring_sessions WHERE expires_at <= ?", [now])
            tx.execute(
                "INSERT INTO kring_sessions (digest, user_id, expires_at) VALUES (?, ?, ?)",
                [_digest(secret), user_id, now + lifetime_seconds],
            )
        return secret

    def session_user(self, secret: str) -> User | None:
        """The active user of a session that has neither ended nor expired."""
        with self.store.transaction() as tx:
            return _user(tx.execute(BY_SESSION, [_digest(secret), self.clock()]).one())

    def end_session(self, secret: str) -> None:
        """Sign out: the session ends for every copy of its cookie."""
        with self.store.transaction(write=True) as tx:
            tx.execute("DELETE FROM kring_sessions WHERE digest = ?", [_digest(secret)])

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


def add_columns(store: ReadStore, columns: tuple[tuple[str, str, str], ...]) -> None:
    """Add the columns a table made by an older Kring lacks (serialised with other processes starting)."""
    with store.transaction(write=True) as tx:
        tx.lock_schema()
        for table, column, definition in columns:
            if store.postgres:
                tx.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {definition}")
            elif column not in {row["name"] for row in tx.execute(f"PRAGMA table_info({table})").all()}:
                tx.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
