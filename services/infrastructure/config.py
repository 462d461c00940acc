"""Persistence settings from the environment: SQLite by default, PostgreSQL when asked; files kept private."""

from __future__ import annotations

import logging
import os
import secrets
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import psycopg

from projections.db import SCHEMA_LOCK_KEY

DEFAULT_SQLITE_PATH = Path("var") / "kring.sqlite3"
PRIVATE_UMASK = 0o077  # files 0600, directories 0700
SQLITE_FILES = ("", "-wal", "-shm", "-journal")  # the database and the files SQLite keeps beside it
log = logging.getLogger(__name__)


class ConfigurationError(Exception):
    """The environment asks for something Kring cannot use."""


def persistence_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The eventsourcing settings for this environment (DATABASE_URL, POSTGRES_*, or SQLite)."""
    environ = os.environ if environ is None else environ
    url = environ.get("DATABASE_URL", "").strip()
    if url:
        return _from_url(url, environ)
    if environ.get("PERSISTENCE_MODULE"):
        return {"PERSISTENCE_MODULE": environ["PERSISTENCE_MODULE"]}
    if environ.get("POSTGRES_DBNAME"):  # the library reads these itself; the read side needs them too
        return {"PERSISTENCE_MODULE": "eventsourcing.postgres"} | {
            k: v for k, v in environ.items() if k.startswith("POSTGRES_")
        }
    return _sqlite(DEFAULT_SQLITE_PATH)


def _from_url(url: str, environ: Mapping[str, str]) -> dict[str, str]:
    parts = urlsplit(url)
    if parts.scheme in ("postgresql", "postgres"):
        passed_on = {k: v for k, v in environ.items() if k.startswith("POSTGRES_")}  # schema, pool size, ...
        return passed_on | {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": unquote(parts.path.lstrip("/")) or "postgres",
            "POSTGRES_HOST": parts.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(parts.port or 5432),
            "POSTGRES_USER": unquote(parts.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(parts.password)
            if parts.password is not None
            else environ.get("POSTGRES_PASSWORD", ""),
        }
    if parts.scheme == "sqlite":
        path = url.removeprefix("sqlite:///")
        if path in ("", ":memory:"):
            return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": ":memory:"}
        return _sqlite(Path(path))
    raise ConfigurationError(
        f"DATABASE_URL has scheme {parts.scheme!r}; use postgresql://user@host:port/dbname "
        "or sqlite:///path/to/file.sqlite3 (or leave it unset for var/kring.sqlite3)."
    )


def keep_files_private() -> None:
    """From now on every file and directory this process makes is its owner's alone (umask 077): the SQLite
    database with its -wal and -shm, the session-signing key, the master key. Every Kring process calls this
    first (web workers and flask commands in create_app, the projection worker, the scheduler)."""
    os.umask(PRIVATE_UMASK)


def _sqlite(path: Path) -> dict[str, str]:
    _private_directory(path.parent)
    for suffix in SQLITE_FILES:  # made before Kring kept its files private
        existing = path.with_name(path.name + suffix)
        if existing.exists() and existing.stat().st_mode & 0o077:
            existing.chmod(0o600)
    return {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "SQLITE_DBNAME": str(path),
        "SQLITE_LOCK_TIMEOUT": "10",
    }


def _private_directory(directory: Path) -> None:
    """The SQLite file's directory is Kring's alone (0700); a shared one (like /tmp) is left as it is, with a
    warning, because other users' files are in it too."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    found = directory.stat()
    if not found.st_mode & 0o077:
        return
    if found.st_mode & stat.S_ISVTX or found.st_uid != os.getuid():
        log.warning("%s is open to other users: keep the SQLite file in a directory of its own", directory)
        return
    directory.chmod(0o700)


def local_secret(settings: Mapping[str, str], name: str = "secret_key") -> str:
    """A secret of a single-machine install (the web sessions' signing key): kept next to the SQLite file, made on
    first start. Several machines must share one: anything but a SQLite file asks for KRING_SECRET_KEY."""
    if settings.get("PERSISTENCE_MODULE") != "eventsourcing.sqlite" or settings.get(
        "SQLITE_DBNAME", ":memory:"
    ).startswith(":memory:"):
        raise ConfigurationError("Set KRING_SECRET_KEY to a long random string, the same for every web worker.")
    path = Path(settings["SQLITE_DBNAME"]).with_name(name)
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(48))
    return path.read_text().strip()


def describe(env: Mapping[str, str]) -> str:
    """Where the events are kept, without secrets (for logs and /api/health)."""
    if env.get("PERSISTENCE_MODULE") == "eventsourcing.postgres":
        return f"postgresql://{env.get('POSTGRES_HOST', '?')}:{env.get('POSTGRES_PORT', '5432')}/" + env.get(
            "POSTGRES_DBNAME", "?"
        )
    if env.get("PERSISTENCE_MODULE") == "eventsourcing.sqlite":
        return f"sqlite:///{env.get('SQLITE_DBNAME')}"
    return "memory"


@contextmanager
def schema_lock(env: Mapping[str, str]) -> Iterator[None]:
    """On PostgreSQL, hold an advisory lock while tables are created: CREATE TABLE IF NOT EXISTS is not safe
    when two processes run it at the same moment. Elsewhere nothing to do."""
    if env.get("PERSISTENCE_MODULE") != "eventsourcing.postgres":
        yield
        return
    with psycopg.connect(
        host=env.get("POSTGRES_HOST", "127.0.0.1"),
        port=env.get("POSTGRES_PORT", "5432"),
        dbname=env.get("POSTGRES_DBNAME"),
        user=env.get("POSTGRES_USER"),
        password=env.get("POSTGRES_PASSWORD") or None,
        autocommit=True,
        connect_timeout=10,
    ) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", [SCHEMA_LOCK_KEY])
        try:
            yield
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", [SCHEMA_LOCK_KEY])
