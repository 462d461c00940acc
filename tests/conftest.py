"""Fixtures: a Kring service and Flask app on every store (memory, SQLite file, PostgreSQL schema)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from flask import Flask
from flask.testing import FlaskClient

from services.accounts.accounts import Accounts, User
from services.application.kring import Kring
from services.web import create_app, shutdown, start_background
from services.web.current import services_of

TODAY = date(2026, 11, 26)
MASTER_KEY = "a3JpbmctdGVzdHMtbWFzdGVyLWtleS0zMi1ieXRlcyE="  # 32 bytes, for the test stores only
PG = {
    "host": "127.0.0.1",
    "port": "5432",
    "user": os.environ.get("KRING_TEST_PGUSER", "postgres"),
    "dbname": os.environ.get("KRING_TEST_PGDATABASE", "test"),
}


def fixed_clock() -> date:
    return TODAY


def _pg_connect() -> object:
    return psycopg.connect(
        host=PG["host"], port=PG["port"], user=PG["user"], dbname=PG["dbname"], connect_timeout=3, autocommit=True
    )


def require_postgres() -> None:
    """Skip when PostgreSQL is not here, except in CI, where a missing PostgreSQL fails the run."""
    try:
        _pg_connect().close()  # type: ignore[attr-defined]
    except Exception as error:  # noqa: BLE001
        message = f"PostgreSQL at {PG['host']}:{PG['port']}/{PG['dbname']} is not reachable ({error})"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run every persistence test on PostgreSQL.")
        pytest.skip(message)


@pytest.fixture
def postgres_store() -> Iterator[dict[str, str]]:
    """A fresh PostgreSQL schema of its own, dropped afterwards."""
    require_postgres()
    schema = f"kring_test_{uuid.uuid4().hex[:12]}"
    with _pg_connect() as conn:  # type: ignore[attr-defined]
        conn.execute(f"CREATE SCHEMA {schema}")
    yield {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": PG["dbname"],
        "POSTGRES_HOST": PG["host"],
        "POSTGRES_PORT": PG["port"],
        "POSTGRES_USER": PG["user"],
        "POSTGRES_PASSWORD": "",
        "POSTGRES_SCHEMA": schema,
        "KRING_MASTER_KEY": MASTER_KEY,
    }
    with _pg_connect() as conn:  # type: ignore[attr-defined]
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def sqlite_store(tmp_path: Path) -> dict[str, str]:
    """A fresh SQLite file."""
    return {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "SQLITE_DBNAME": str(tmp_path / "kring.sqlite3"),
        "SQLITE_LOCK_TIMEOUT": "10",
        "KRING_MASTER_KEY": MASTER_KEY,
    }


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> dict[str, str]:
    """Each persistence test runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_store")  # type: ignore[no-any-return]


@pytest.fixture
def make_kring() -> Iterator[Callable[[dict[str, str]], Kring]]:
    """Build Kring applications on a store; all are closed afterwards."""
    made: list[Kring] = []

    def make(settings: dict[str, str]) -> Kring:
        app = Kring(settings, clock=fixed_clock)
        made.append(app)
        return app

    yield make
    for app in made:
        app.close()


@pytest.fixture
def memory_kring(make_kring: Callable[[dict[str, str]], Kring]) -> Kring:
    """The service on the in-memory store (fast service tests)."""
    return make_kring({"PERSISTENCE_MODULE": "eventsourcing.popo"})


@pytest.fixture
def kring(store: dict[str, str], make_kring: Callable[[dict[str, str]], Kring]) -> Kring:
    """The service on SQLite and on PostgreSQL."""
    return make_kring(store)


TEST_CONFIG = {
    "TESTING": True,
    "KRING_CLOCK": fixed_clock,
    "SECRET_KEY": "test-secret-key-not-for-production",
    "CHEAP_PASSWORD_HASHING": True,  # argon2's cheapest profile: the tests make many accounts
}
PASSWORD = "een-lang-wachtwoord"


def _flask_app(settings: dict[str, str]) -> Iterator[Flask]:
    app = create_app({**TEST_CONFIG, "KRING_STORE": settings})
    start_background(app)
    yield app
    shutdown(app)


class Staff:
    """The people of one organisation (Wijkteam Oost), made on first mention, each with an API client."""

    def __init__(self, app: Flask, organisation: str = "Wijkteam Oost") -> None:
        self.app = app
        self.accounts: Accounts = services_of(app).accounts
        self.organisation_id = self.accounts.create_organisation(organisation)
        self.domain = organisation.rsplit(maxsplit=1)[-1].lower() + ".nl"
        self._users: dict[str, User] = {}
        self._clients: dict[str, FlaskClient] = {}

    def user(self, name: str, **flags: bool) -> User:
        """The user called `name` (a coordinator unless flags say otherwise)."""
        if name not in self._users:
            flags.setdefault("can_coordinate", True)
            email = f"{name.lower()}@{self.domain}"
            self._users[name] = self.accounts.create_user(self.organisation_id, email, name, PASSWORD, **flags)
        return self._users[name]

    def id(self, name: str) -> str:
        return self.user(name).id

    def client(self, name: str, **flags: bool) -> FlaskClient:
        """An API client signed in as this user (with a personal API token)."""
        if name not in self._clients:
            _, secret = self.accounts.new_token(self.user(name, **flags).id, "tests")
            client = self.app.test_client()
            client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
            self._clients[name] = client
        return self._clients[name]


@pytest.fixture
def app(sqlite_store: dict[str, str]) -> Iterator[Flask]:
    """The web app on a SQLite file (the API layer does not depend on the store)."""
    yield from _flask_app(sqlite_store)


@pytest.fixture
def staff(app: Flask) -> Staff:
    return Staff(app)


@pytest.fixture
def client(staff: Staff) -> FlaskClient:
    """Bea, a coordinator, on the API."""
    return staff.client("Bea")


@pytest.fixture
def any_store_app(store: dict[str, str]) -> Iterator[Flask]:
    """The web app on SQLite and on PostgreSQL."""
    yield from _flask_app(store)


@pytest.fixture
def any_store_staff(any_store_app: Flask) -> Staff:
    return Staff(any_store_app)


@pytest.fixture
def any_store_client(any_store_staff: Staff) -> FlaskClient:
    """Bea, a coordinator, on the API, on SQLite and on PostgreSQL."""
    return any_store_staff.client("Bea")
