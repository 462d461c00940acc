"""One active scheduler at a time: a PostgreSQL session advisory lock that the active one holds."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import psycopg

log = logging.getLogger("kring.scheduler")
LOCK_KEY = 0x4B52494E47  # "KRING": the advisory lock of the one active scheduler


class SingleActive:
    """On PostgreSQL, a session advisory lock held by the active scheduler; the others keep trying.

    On SQLite (one machine, the embedded default) every scheduler is active; exactly-once delivery does not
    depend on the lock but on the reminders' deterministic ids.
    """

    def __init__(self, settings: Mapping[str, str]) -> None:
        self.settings = settings
        self.connection: psycopg.Connection[Any] | None = None

    def held(self) -> bool:
        """Whether this process is (now) the active scheduler."""
        if self.settings.get("PERSISTENCE_MODULE") != "eventsourcing.postgres":
            return True
        try:
            if self.connection is None or self.connection.closed:
                self.connection = psycopg.connect(
                    host=self.settings.get("POSTGRES_HOST", "127.0.0.1"),
                    port=self.settings.get("POSTGRES_PORT", "5432"),
                    dbname=self.settings.get("POSTGRES_DBNAME"),
                    user=self.settings.get("POSTGRES_USER"),
                    password=self.settings.get("POSTGRES_PASSWORD") or None,
                    autocommit=True,
                    connect_timeout=5,
                )
            row = self.connection.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY]).fetchone()
            return bool(row and row[0])  # re-entrant for the session that holds it
        except psycopg.Error as error:
            log.warning("scheduler lock unavailable (%s); not scanning now", type(error).__name__)
            self.connection = None
            return False

    def release(self) -> None:
        if self.connection is not None and not self.connection.closed:
            self.connection.close()  # ends the session, and with it the lock
