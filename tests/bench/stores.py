"""The two stores the benchmark runs on: a temporary SQLite file and a fresh PostgreSQL schema."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

PG_HOST = "127.0.0.1"
PG_PORT = "5432"
PG_USER = os.environ.get("KRING_TEST_PGUSER", "postgres")
PG_DBNAME = os.environ.get("KRING_TEST_PGDATABASE", "test")

# Settings eventsourcing (or Kring's config) would pick up from the environment and that would skew the
# figures or point the benchmark at another store; they are kept out of the benchmark and of the server.
_INTERFERING_PREFIXES = ("POSTGRES_", "SQLITE_", "KRING_", "AGGREGATE_CACHE_")
_INTERFERING_NAMES = (
    "DATABASE_URL",
    "PERSISTENCE_MODULE",
    "IS_SNAPSHOTTING_ENABLED",
    "DEEPCOPY_FROM_AGGREGATE_CACHE",
    "COMPRESSOR_TOPIC",
    "CIPHER_TOPIC",
)


def interferes(name: str) -> bool:
    return name in _INTERFERING_NAMES or name.startswith(_INTERFERING_PREFIXES)


def clean_environ() -> dict[str, str]:
    """os.environ without anything that would change where or how Kring stores events."""
    return {k: v for k, v in os.environ.items() if not interferes(k)}


@dataclass
class Store:
    """One store: Kring settings for the application object and environment variables for the server."""

    label: str
    settings: dict[str, str]
    server_env: dict[str, str]
    server_threads: int = 1  # as deployed: SQLite one thread per worker (one writer), PostgreSQL four
    notes: list[str] = field(default_factory=list)


def _pg_connect() -> psycopg.Connection:
    return psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=PG_DBNAME, connect_timeout=3, autocommit=True
    )


def postgres_reachable() -> str | None:
    """None when PostgreSQL answers, otherwise why not."""
    try:
        _pg_connect().close()
    except Exception as error:  # noqa: BLE001 - any failure means 'skip PostgreSQL'
        return f"{type(error).__name__}: {error}".strip()
    return None


@contextmanager
def sqlite_store() -> Iterator[Store]:
    """A SQLite file in a temporary directory, removed afterwards."""
    directory = Path(tempfile.mkdtemp(prefix="kring-bench-"))
    path = directory / "kring.sqlite3"
    try:
        yield Store(
            label="SQLite",
            settings={
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(path),
                "SQLITE_LOCK_TIMEOUT": "10",
            },
            # services/infrastructure/config.py turns this into the same settings as above.
            server_env={"DATABASE_URL": f"sqlite:///{path}"},
        )
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def postgres_store() -> Iterator[Store]:
    """A fresh schema in the local `test` database, dropped afterwards (also on error)."""
    schema = f"kring_bench_{uuid.uuid4().hex[:12]}"
    with _pg_connect() as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield Store(
            label="PostgreSQL",
            server_threads=4,
            settings={
                "PERSISTENCE_MODULE": "eventsourcing.postgres",
                "POSTGRES_DBNAME": PG_DBNAME,
                "POSTGRES_HOST": PG_HOST,
                "POSTGRES_PORT": PG_PORT,
                "POSTGRES_USER": PG_USER,
                "POSTGRES_PASSWORD": "",
                "POSTGRES_SCHEMA": schema,
            },
            # services/infrastructure/config.py reads DATABASE_URL (it has no schema part); eventsourcing reads
            # POSTGRES_SCHEMA from the environment itself, so the server lands in the same schema.
            server_env={
                "DATABASE_URL": f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DBNAME}",
                "POSTGRES_SCHEMA": schema,
            },
        )
    finally:
        with _pg_connect() as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
