"""Where Kring keeps its events follows the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.infrastructure.config import ConfigurationError, describe, persistence_env


def test_without_settings_the_events_go_to_a_sqlite_file_under_var(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = persistence_env({})
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.sqlite"
    assert env["SQLITE_DBNAME"] == "var/kring.sqlite3" and (tmp_path / "var").is_dir()


def test_a_postgresql_url_selects_postgresql_with_its_parts() -> None:
    env = persistence_env({"DATABASE_URL": "postgresql://kring:s%40cret@db.internal:6543/kring_prod"})
    assert env == {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": "kring_prod",
        "POSTGRES_HOST": "db.internal",
        "POSTGRES_PORT": "6543",
        "POSTGRES_USER": "kring",
        "POSTGRES_PASSWORD": "s@cret",
    }
    assert "s@cret" not in describe(env)


def test_the_librarys_postgres_variables_alone_select_postgresql() -> None:
    environ = {"POSTGRES_DBNAME": "kring", "POSTGRES_HOST": "db.internal", "POSTGRES_SCHEMA": "oost", "HOME": "/root"}
    assert persistence_env(environ) == {  # the read side connects with these too, to the same database
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": "kring",
        "POSTGRES_HOST": "db.internal",
        "POSTGRES_SCHEMA": "oost",
    }


def test_a_sqlite_url_names_the_file(tmp_path: Path) -> None:
    env = persistence_env({"DATABASE_URL": f"sqlite:///{tmp_path}/events/k.sqlite3"})
    assert env["SQLITE_DBNAME"] == f"{tmp_path}/events/k.sqlite3" and (tmp_path / "events").is_dir()


def test_an_unknown_database_url_says_what_to_use_instead() -> None:
    with pytest.raises(ConfigurationError, match="postgresql://"):
        persistence_env({"DATABASE_URL": "mysql://localhost/kring"})


def test_a_url_without_password_keeps_the_separately_set_password() -> None:
    env = persistence_env({"DATABASE_URL": "postgresql://kring@db/kring", "POSTGRES_PASSWORD": "from-a-secret"})
    assert env["POSTGRES_PASSWORD"] == "from-a-secret"


def test_a_url_keeps_the_other_postgres_settings_such_as_the_schema() -> None:
    env = persistence_env({"DATABASE_URL": "postgresql://kring@db/kring", "POSTGRES_SCHEMA": "kring_prod"})
    assert env["POSTGRES_SCHEMA"] == "kring_prod" and env["POSTGRES_DBNAME"] == "kring"
