"""Each network's own data key (AES-256-GCM), wrapped with the master key; erasing a network destroys its key.

The keys live in `kring_network_keys`, in the same database as the events (the SQLite file, or the PostgreSQL
schema). A row is either a key (wrapped with the master key, with the master key's fingerprint) or, after an
erasure, a tombstone: no key, the moment of erasure. A tombstone is never replaced by a new key, so a late
write to an erased network fails instead of starting the network again.

Unwrapped keys are kept in the process for KEY_CACHE_SECONDS, so replaying a log costs one key lookup per
network rather than one per event. A key destroyed by another process stops working here within that time;
the process that erases forgets it at once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from projections.base import Unreadable
from projections.db import ReadStore
from services.infrastructure.config import ConfigurationError

log = logging.getLogger(__name__)
TABLE = "kring_network_keys"  # named as is in the SQL below
DEFAULT_MASTER_KEY_FILE = Path("var") / "master.key"
KEY_CACHE_SECONDS = 30.0
KEY_CACHE_SIZE = 4096
NONCE_BYTES = 12


class KeyErased(Unreadable):
    """The network's key was destroyed: its events and snapshots can never be read again."""

    def __init__(self, network_id: UUID) -> None:
        super().__init__(f"The network {network_id} was erased; its data can no longer be read.")
        self.network_id = network_id


# ------------------------------------------------------------------ the master key
def in_memory(settings: Mapping[str, str]) -> bool:
    """Whether these settings keep the events in memory only (nothing outlives the process)."""
    module = settings.get("PERSISTENCE_MODULE", "")
    sqlite_memory = module == "eventsourcing.sqlite" and settings.get("SQLITE_DBNAME", ":memory:") == ":memory:"
    return module == "eventsourcing.popo" or sqlite_memory


def master_key(settings: Mapping[str, str]) -> bytes:
    """KRING_MASTER_KEY (base64 of 32 bytes), else the key file (KRING_MASTER_KEY_FILE, default var/master.key,
    made on first use); a store in memory gets a key of its own that dies with it."""
    if settings.get("KRING_MASTER_KEY"):
        return _decoded(settings["KRING_MASTER_KEY"], "KRING_MASTER_KEY")
    if in_memory(settings):
        return secrets.token_bytes(32)
    path = Path(settings.get("KRING_MASTER_KEY_FILE") or DEFAULT_MASTER_KEY_FILE)
    if not path.exists():
        _create_key_file(path)
    return _decoded(path.read_text().strip(), str(path))


def _decoded(text: str, source: str) -> bytes:
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise ConfigurationError(f"{source} must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).")
    return key


def _create_key_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it a moment ago
        time.sleep(0.1)
        return
    with os.fdopen(fd, "w") as file:
        file.write(base64.b64encode(secrets.token_bytes(32)).decode() + "\n")
    log.warning(
        "Made a new master key in %s. Without it no stored event can be read: back it up, away from the "
        "database, or set KRING_MASTER_KEY instead.",
        path,
    )


def fingerprint(master: bytes) -> str:
    """A short name of the master key, stored with each data key: a wrong master key is told apart."""
    return hashlib.sha256(b"kring master key\0" + master).hexdigest()[:16]


# ------------------------------------------------------------------ the key store
class KeyStore:
    """Per-network data keys: made with the network's first event, destroyed when it is erased."""

    def __init__(self, store: ReadStore, master: bytes, cache_seconds: float = KEY_CACHE_SECONDS) -> None:
        self.store = store
        self._master = AESGCM(master)
        self._master_id = fingerprint(master)
        self._cache_seconds = cache_seconds
        self._cache: OrderedDict[UUID, tuple[float, AESGCM | None]] = OrderedDict()  # (expires, key or None)
        self._lock = threading.Lock()

    @classmethod
    def for_settings(cls, settings: Mapping[str, str]) -> KeyStore:
        """The key store beside the event store these settings name (in memory for an in-memory store)."""
        return cls(ReadStore.for_settings({**settings, "POSTGRES_POOL_SIZE": "2"}), master_key(settings))

    def create_table(self) -> None:
        """Create the key table if it is missing (the caller serialises this with other processes)."""
        with self.store.transaction(write=True) as tx:
            tx.execute(
                f"CREATE TABLE IF NOT EXISTS kring_network_keys (network_id TEXT PRIMARY KEY, master_id TEXT, "
                f"wrapped_key {self.store.blob}, erased_at TEXT)"
            )

    def close(self) -> None:
        self.store.close()

    # ------------------------------------------------------------- keys
    def create(self, network_id: UUID) -> AESGCM:
        """The network's key, made now if it has none (its first event); KeyErased after an erasure."""
        key = self.get(network_id)
        if key is not None:
            return key
        nonce, data_key = secrets.token_bytes(NONCE_BYTES), AESGCM.generate_key(bit_length=256)
        wrapped = nonce + self._master.encrypt(nonce, data_key, _wrapping_aad(network_id))
        with self.store.transaction(write=True) as tx:
            tx.execute(
                "INSERT INTO kring_network_keys (network_id, master_id, wrapped_key) VALUES (?, ?, ?) "
                "ON CONFLICT (network_id) DO NOTHING",
                [str(network_id), self._master_id, wrapped],
            )
        found = self._load(network_id)  # a key another process made at the same moment wins
        assert found is not None
        return found

    def get(self, network_id: UUID) -> AESGCM | None:
        """The network's key, or None if it never had one (opened before encryption); KeyErased if erased."""
        expires, key = self._cache.get(network_id, (0.0, None))  # a dict read is atomic; writers hold the lock
        if expires == float("inf"):
            raise KeyErased(network_id)
        if key is not None and expires > time.monotonic():
            return key
        return self._load(network_id)

    def _load(self, network_id: UUID) -> AESGCM | None:
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT master_id, wrapped_key FROM kring_network_keys WHERE network_id = ?", [str(network_id)]
            ).one()
        if row is None:
            return None
        if row["wrapped_key"] is None:
            self._remember(network_id, None)
            raise KeyErased(network_id)
        key = AESGCM(self._unwrap(network_id, row["master_id"], bytes(row["wrapped_key"])))
        self._remember(network_id, key)
        return key

    def _unwrap(self, network_id: UUID, master_id: str, wrapped: bytes) -> bytes:
        if master_id != self._master_id:
            raise ConfigurationError(
                f"The master key (KRING_MASTER_KEY or its file) is not the one this database's keys were made "
                f"with (fingerprint {master_id}, this one {self._master_id})."
            )
        try:
            return self._master.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _wrapping_aad(network_id))
        except InvalidTag:
            raise ConfigurationError(f"The stored key of network {network_id} is damaged.") from None

    def _remember(self, network_id: UUID, key: AESGCM | None) -> None:
        """Keep a key for a while; an erasure (None) for good: it cannot be undone."""
        expires = time.monotonic() + self._cache_seconds if key is not None else float("inf")
        with self._lock:
            self._cache[network_id] = (expires, key)
            self._cache.move_to_end(network_id)
            while len(self._cache) > KEY_CACHE_SIZE:
                self._cache.popitem(last=False)

    # ---------------------------------------------------------- erasure
    def erased(self, network_ids: Iterable[UUID]) -> set[UUID]:
        """Those of these networks that were erased."""
        wanted = sorted({str(n) for n in network_ids})
        if not wanted:
            return set()
        with self.store.transaction() as tx:
            marks = ", ".join("?" for _ in wanted)
            rows = tx.execute(
                f"SELECT network_id FROM kring_network_keys WHERE wrapped_key IS NULL AND network_id IN ({marks})",  # noqa: S608 - only placeholders
                wanted,
            ).all()
        return {UUID(r["network_id"]) for r in rows}

    def destroy(self, network_id: UUID) -> None:
        """Destroy the network's key for good, leaving a tombstone; no copy stays in the database files."""
        with self.store.transaction(write=True) as tx:
            tx.execute("DELETE FROM kring_network_keys WHERE network_id = ?", [str(network_id)])  # zeroed on SQLite
            tx.execute(
                "INSERT INTO kring_network_keys (network_id, erased_at) VALUES (?, ?)",
                [str(network_id), datetime.now(UTC).isoformat(timespec="seconds")],
            )
        self._remember(network_id, None)
        self.store.scrub([TABLE])


def _wrapping_aad(network_id: UUID) -> bytes:
    """A wrapped key only unwraps for its own network."""
    return b"kring network key\0" + network_id.bytes
