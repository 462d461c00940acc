"""The read store: the same database as the event store, one small SQL dialect for SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from psycopg import sql as pgsql
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)
Row = dict[str, Any]
CHECKPOINT_ATTEMPTS = 50  # 50 x 0.1 s: readers still on the old snapshot get that long to finish
SNAPSHOT_WAIT_ATTEMPTS = 300  # 300 x 0.1 s for transactions that could still see deleted rows
OLDER_TRANSACTIONS = (  # other sessions of this database whose transaction may still see rows deleted before now
    "SELECT count(*) AS older FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND backend_type = 'client backend' AND (backend_xmin IS NOT NULL OR backend_xid IS NOT NULL) AND xact_start < %s"
)
SCHEMA_LOCK_KEY = 0x4B52494E4753  # the same key the application takes while creating the event tables
COPY_FROM = 100  # rows: from here PostgreSQL loads them in one COPY stream instead of one statement each


def _key(columns: Sequence[str], key: Sequence[str]) -> Callable[[Sequence[Any]], Any]:
    """A row's key (the values of these columns)."""
    return itemgetter(*(list(columns).index(k) for k in key))


class Tx:
    """One transaction: execute with '?' placeholders on either database."""

    def __init__(self, cursor: Any, postgres: bool) -> None:
        self._cursor = cursor
        self._postgres = postgres

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Tx:
        if self._postgres:
            statement = statement.replace("?", "%s")
        self._cursor.execute(statement, tuple(params))
        return self

    def executemany(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        if self._postgres:
            statement = statement.replace("?", "%s")
        if rows:
            self._cursor.executemany(statement, [tuple(r) for r in rows])

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], count: int) -> None:
        """Insert `count` rows that are not there yet (a projection never applies an event twice).

        The rows may be made as they are written: PostgreSQL then stores the first ones while the next are made.
        """
        if self._postgres and count >= COPY_FROM:
            self._copy(table, columns, rows)
        elif count:
            marks = ", ".join("?" for _ in columns)
            statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            self._cursor.executemany(statement.replace("?", "%s") if self._postgres else statement, rows)

    def upsert(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        key: Sequence[str],
        keep: Sequence[str] = (),
    ) -> None:
        """Insert rows; a row whose key is there already takes their values, except in the columns it keeps.

        Rows apply in order: of several rows with one key, the last one counts.
        """
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key and c not in keep)
        conflict = f"ON CONFLICT ({', '.join(key)}) " + (f"DO UPDATE SET {updates}" if updates else "DO NOTHING")
        names = ", ".join(columns)
        if not (self._postgres and len(rows) >= COPY_FROM):
            self.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)}) {conflict}", rows
            )
            return
        key_of = _key(columns, key)
        unique = {key_of(row): row for row in rows}  # one statement may change a row only once
        staged = f"{table}_staged"  # COPY cannot resolve conflicts: the rows go through a temporary table
        self._cursor.execute(f"CREATE TEMPORARY TABLE {staged} (LIKE {table})")
        self._copy(staged, columns, list(unique.values()))
        self._cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {staged} {conflict}")
        self._cursor.execute(f"DROP TABLE {staged}")

    def write(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        key: Sequence[str],
        new: Callable[[Sequence[Any]], bool],
    ) -> None:
        """Upsert rows, inserting those for which `new` says that nothing with their key can be stored yet (of
        several with one key, the last counts)."""
        key_of = _key(columns, key)
        fresh: dict[Any, Sequence[Any]] = {}
        known = []
        for row in rows:
            if new(row):
                fresh[key_of(row)] = row
            else:
                known.append(row)
        self.insert(table, columns, fresh.values(), len(fresh))
        self.upsert(table, columns, known, key)

    def _copy(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        with self._cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def lock_schema(self) -> None:
        """Serialise table creation with other processes starting now (PostgreSQL; SQLite serialises anyway)."""
        if self._postgres:
            self._cursor.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_KEY,))

    def one(self) -> Row | None:
        row = self._cursor.fetchone()
        return dict(row) if row is not None else None

    def all(self) -> list[Row]:
        return [dict(r) for r in self._cursor.fetchall()]

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)


class ReadStore:
    """Connections to the read tables; `lock` row-locks for writers (FOR UPDATE on PostgreSQL)."""

    postgres: bool = False
    blob = "BLOB"
    lock_suffix = ""
    rebuild_batch_size = 2000  # events per transaction in a rebuild: larger ones were slower on SQLite
    clustered = " WITHOUT ROWID"  # a table kept in the order of its primary key (SQLite; PostgreSQL has no such)

    @classmethod
    def for_settings(cls, settings: Mapping[str, str]) -> ReadStore:
        """The read store beside the event store these settings name."""
        module = settings.get("PERSISTENCE_MODULE", "")
        if module == "eventsourcing.postgres":
            return PostgresReadStore(settings)
        if module == "eventsourcing.sqlite" and settings.get("SQLITE_DBNAME", ":memory:") != ":memory:":
            return SQLiteReadStore(settings["SQLITE_DBNAME"])
        return SQLiteReadStore(f"file:kring-{uuid.uuid4().hex}?mode=memory&cache=shared", uri=True)

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Tx]:  # pragma: no cover - abstract
        raise NotImplementedError
        yield

    def create(self, *statements: str) -> None:
        """Create tables and indexes that are missing (IF NOT EXISTS), serialised with other processes starting."""
        with self.transaction(write=True) as tx:
            tx.lock_schema()
            for statement in statements:
                tx.execute(statement)

    def append(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows in one transaction whose commit does not wait for the disk: a power cut may lose the
        last fraction of a second of them, a crash never corrupts anything. For high-volume appends (the
        access log); SQLite in WAL mode with synchronous=NORMAL commits this way anyway."""
        with self.transaction(write=True) as tx:
            tx.executemany(statement, rows)

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """While a rebuild writes many batches in this thread (SQLite tunes its log for it)."""
        yield

    def close(self) -> None:
        """Close all connections."""

    def checkpoint(self) -> None:
        """Move what is committed out of the write-ahead log into the database file, and empty the log."""

    def scrub(self, tables: Sequence[str]) -> None:
        """After personal data was deleted from these tables: leave no copy of it in the database files."""


class SQLiteReadStore(ReadStore):
    """SQLite: one connection per thread, WAL, BEGIN IMMEDIATE for writers (serialises them)."""

    def __init__(self, path: str, uri: bool = False) -> None:
        self._path, self._uri = path, uri
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._shared_lock = threading.RLock()
        self._shared = self._open() if uri else None  # in memory: one connection, shared under a lock

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
        return conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self._path, uri=self._uri, isolation_level=None, timeout=30, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        if not self._uri:
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten with zeros, not just unlinked
        self._all.append(conn)
        return conn

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Tx]:
        if self._shared is not None:
            with self._shared_lock:
                yield from self._transaction(self._shared, write)
        else:
            yield from self._transaction(self._connection(), write)

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """While a rebuild writes, a thread of its own copies the write-ahead log into the database every half
        second, so the rebuild does not wait for those writes and their fsync. The rebuild itself checkpoints
        only when the log passes 100 MB (it starts again from its beginning after a complete checkpoint), and
        once when it is done, so that no request pays for it."""
        if self._shared is not None:  # in memory: no write-ahead log
            yield
            return
        conn = self._connection()
        conn.execute("PRAGMA wal_autocheckpoint=25000")
        done = threading.Event()
        checkpoints = threading.Thread(target=self._checkpoint_until, args=(done,), name="kring-checkpoints")
        checkpoints.start()
        try:
            yield
        finally:
            done.set()
            checkpoints.join()
            conn.execute("PRAGMA wal_autocheckpoint=1000")
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _checkpoint_until(self, done: threading.Event) -> None:
        conn = sqlite3.connect(self._path, isolation_level=None, timeout=30, check_same_thread=False)
        try:
            while not done.wait(0.5):
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # never waits for readers or writers
        finally:
            conn.close()

    def _transaction(self, conn: sqlite3.Connection, write: bool) -> Iterator[Tx]:
        cursor = conn.cursor()
        cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield Tx(cursor, postgres=False)
        except BaseException:
            conn.rollback()
            raise
        else:
            conn.commit()
        finally:
            cursor.close()

    def close(self) -> None:
        for conn in self._all:
            conn.close()
        self._all.clear()

    def checkpoint(self) -> None:
        """PRAGMA wal_checkpoint(TRUNCATE): the log's pages (old versions of rows among them) go, the file is
        cut to zero bytes. It has to wait for readers still on an older snapshot, so it tries again a while."""
        if self._uri:
            return  # in memory: no files
        conn = self._connection()
        for _ in range(CHECKPOINT_ATTEMPTS):
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return
            time.sleep(0.1)
        log.warning("the write-ahead log could not be emptied: readers kept it busy")

    def scrub(self, tables: Sequence[str]) -> None:
        """Deleted rows were overwritten in place (secure_delete); what remains is the write-ahead log."""
        self.checkpoint()


class PostgresReadStore(ReadStore):
    """PostgreSQL: a small pool; the event store's schema (POSTGRES_SCHEMA) when one is set."""

    postgres = True
    blob = "BYTEA"
    lock_suffix = " FOR UPDATE"
    rebuild_batch_size = 5000  # fewer round trips, longer COPY streams
    clustered = ""

    def __init__(self, settings: Mapping[str, str]) -> None:
        conninfo = " ".join(
            f"{key}={value}"
            for key, value in {
                "dbname": settings.get("POSTGRES_DBNAME"),
                "host": settings.get("POSTGRES_HOST", "127.0.0.1"),
                "port": settings.get("POSTGRES_PORT", "5432"),
                "user": settings.get("POSTGRES_USER"),
                "connect_timeout": "5",
            }.items()
            if value
        )
        schema = settings.get("POSTGRES_SCHEMA")

        def configure(conn: Any) -> None:
            if schema:
                conn.execute(pgsql.SQL("SET search_path TO {}").format(pgsql.Identifier(schema)))

        self._bulk = threading.local()
        self._pool = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=int(settings.get("POSTGRES_POOL_SIZE") or 5),
            kwargs={"password": settings.get("POSTGRES_PASSWORD") or None, "row_factory": dict_row, "autocommit": True},
            configure=configure,
            open=True,
        )

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Tx]:
        """Writes in a transaction; reads of a single statement each, without BEGIN/COMMIT round trips."""
        with self._pool.connection() as conn:
            if write:
                with conn.transaction(), conn.cursor() as cursor:
                    if getattr(self._bulk, "on", False):
                        cursor.execute("SET LOCAL synchronous_commit TO OFF")
                    yield Tx(cursor, postgres=True)
            else:
                with conn.cursor() as cursor:
                    yield Tx(cursor, postgres=True)

    def append(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        """PostgreSQL: synchronous_commit off for this transaction, sent in one round trip (pipeline mode)."""
        with self._pool.connection() as conn, conn.pipeline(), conn.transaction(), conn.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
            cursor.executemany(statement.replace("?", "%s"), [tuple(r) for r in rows])

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """While a rebuild writes, commit without waiting for the write-ahead log to reach the disk. A crash may
        then lose the last moments of the rebuild, but never part of a batch: its rows and its tracking position
        go together, and the runner applies the lost batches again."""
        self._bulk.on = True
        try:
            yield
        finally:
            self._bulk.on = False

    def close(self) -> None:
        self._pool.close()

    def scrub(self, tables: Sequence[str]) -> None:
        """VACUUM FULL: a plain VACUUM leaves deleted rows' bytes in the table's pages until they are reused;
        VACUUM FULL writes the live rows (and the indexes) to new files and removes the old ones. It copies
        a deleted row too while a transaction that began before the delete may still see it, so it first
        waits (a while) for those transactions to end."""
        with self._pool.connection() as conn:  # autocommit: VACUUM cannot run in a transaction
            self._wait_for_older_transactions(conn)
            for table in tables:
                conn.execute(pgsql.SQL("VACUUM FULL {}").format(pgsql.Identifier(table)))

    def _wait_for_older_transactions(self, conn: Any) -> None:
        now = conn.execute("SELECT clock_timestamp() AS now").fetchone()["now"]
        for _ in range(SNAPSHOT_WAIT_ATTEMPTS):
            older = conn.execute(OLDER_TRANSACTIONS, [now]).fetchone()["older"]
            if not older:
                return
            time.sleep(0.1)
        log.warning("%d transactions older than an erasure kept running; its rows may stay until a VACUUM FULL", older)
