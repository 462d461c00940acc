"""Erasure by crypto-shredding, and export: after an erasure nothing of the network can be found in the database,
on SQLite (its files, byte for byte) and on PostgreSQL (every table); other networks are untouched."""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import networkx as nx
import psycopg
import pytest
from eventsourcing.persistence import EventStore, Mapper
from flask import Flask
from flask.testing import FlaskClient

from domain.network import Network
from services.application.kring import Context, Kring
from services.application.networks import NotEncrypted
from services.application.readside import ReadSide
from services.web import create_app, shutdown, start_background
from services.web.current import services_of
from tests.conftest import PG, TEST_CONFIG, TODAY, Staff
from tests.integration.api_helpers import assert_error

COORDINATOR = "coord@wijkteam.nl"
ERASED = {
    "client": "Wilhelmina Quaxelaar-Ærøskøbing",
    "contact": "Bartholomeus Zwierzchowski",
    "email": "b.zwierzchowski@voorbeeld.nl",
    "note": "Dochter vertelt over schulden bij de Qwertybank",
    "tie note": "Moe en prikkelbaar sinds de verhuizing naar Xanten",
    "review": "Respijtzorg geregeld via stichting Yggdrasil",
    "agreement": "Boodschappen door Ursula Fjeldstad",
    "goal": "Wekelijks zwemmen in het Quabbebad",
    "reminder": "Niet nodig: Zwierzchowski belt zelf",
}
KEPT = {"client": "Hendrika Tuinman", "contact": "Kees Tuinman", "note": "Kees doet de boodschappen"}


def ok(response: Any, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    return response.json  # type: ignore[no-any-return]


def populate(client: FlaskClient, names: dict[str, str]) -> str:
    """A network with a contact, a tie with a note, a note, a review, a meeting, a goal and a burden report."""
    opened = {"client_name": names["client"], "opened_on": "2026-01-05"}
    nid = ok(client.post("/api/networks", json=opened), 201)["id"]
    contact = {"name": names["contact"], "category": "household", "ring": "intimate", "effective_on": "2026-01-05"}
    if "email" in names:
        contact["email"] = names["email"]
    cid = ok(client.post(f"/api/networks/{nid}/contacts", json=contact), 201)["id"]
    tie = {"strength": "strong", "flow": "both", "frequency": "daily", "note": names.get("tie note", "")}
    ok(client.put(f"/api/networks/{nid}/contacts/{cid}/tie", json={**tie, "effective_on": "2026-01-05"}))
    ok(client.post(f"/api/networks/{nid}/notes", json={"text": names["note"]}), 201)
    review = {"held_on": "2026-03-01", "summary": names.get("review", ""), "next_review_on": "2026-06-01"}
    ok(client.post(f"/api/networks/{nid}/reviews", json=review), 201)
    meeting = {"held_on": "2026-03-02", "agreements": [names.get("agreement", "Afspraak")]}
    ok(client.post(f"/api/networks/{nid}/meetings", json=meeting), 201)
    goal = {"title": names.get("goal", "Doel"), "effective_on": "2026-03-01", "due_on": "2026-04-01"}
    ok(client.post(f"/api/networks/{nid}/goals", json=goal), 201)
    burden = {"carer_id": cid, "instrument": "srb", "answers": [8], "reported_on": "2026-03-03"}
    ok(client.post(f"/api/networks/{nid}/burden-reports", json=burden), 201)
    return str(nid)


def caught_up(app: Flask) -> ReadSide:
    side: ReadSide = services_of(app).read_side
    assert side.runner.wait_for(services_of(app).kring.log_position(), timeout=10)
    return side


def raise_reminders(app: Flask) -> None:
    caught_up(app)
    services_of(app).reminders.scan(TODAY, lambda delivery: None, ["inbox"])
    caught_up(app)


def views(client: FlaskClient, nid: str) -> dict[str, Any]:
    """What a user sees of a network on the read side."""
    paths = ("map", "timeline?limit=200", "notes", "reviews", "meetings", "burden-reports", "measures")
    return {path: ok(client.get(f"/api/networks/{nid}/{path}")) for path in paths}


def rows_of(side: ReadSide, app: Kring, nid: str) -> dict[str, list[dict[str, Any]]]:
    """The projections' rows of one network, states opened (they are sealed with a fresh nonce each time)."""
    found = {}
    with side.store.transaction() as tx:
        for projection in side.runner.projections.values():
            for table in projection.tables:
                rows = tx.execute(f"SELECT * FROM {table} WHERE network_id = ?", [nid]).all()
                for row in rows:
                    if "topic" in row:  # a stored network state (kring_due's state column is the reminder's)
                        network = side.map_projection.decode(nid, row["version"], row["topic"], row["state"])
                        row["state"] = vars(network)
                found[table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return found


# ------------------------------------------------------------------ finding the erased strings
def left_in_sqlite(settings: dict[str, str], strings: list[str]) -> dict[str, list[str]]:
    """Each database file (and its -wal and -shm) with the erased strings found in its bytes."""
    path = Path(settings["SQLITE_DBNAME"])
    found = {}
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        data = file.read_bytes() if file.exists() else b""
        found[file.name] = [s for s in strings if any(form in data for form in _forms(s))]
    return found


def left_in_postgres(settings: dict[str, str], strings: list[str]) -> dict[str, list[str]]:
    """Each table of the schema with the erased strings found in its rows (as text, and in bytea columns)."""
    schema = settings["POSTGRES_SCHEMA"]
    found: dict[str, list[str]] = {}
    with psycopg.connect(host=PG["host"], port=PG["port"], user=PG["user"], dbname=PG["dbname"]) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [schema])]
        for table in tables:
            texts = [r[0] for r in conn.execute(f'SELECT t::text FROM "{schema}"."{table}" t')]
            columns = conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = %s AND table_name = %s "
                "AND data_type = 'bytea'",
                [schema, table],
            ).fetchall()
            hits = [s for s in strings if any(form.decode() in t for t in texts for form in _forms(s))]
            for (column,) in columns:
                for s in strings:
                    query = f'SELECT count(*) FROM "{schema}"."{table}" WHERE position(%s::bytea in "{column}") > 0'
                    if any(conn.execute(query, [form]).fetchone()[0] for form in _forms(s)):  # type: ignore[index]
                        hits.append(s)
            found[table] = hits
    return found


def left_in_postgres_files(settings: dict[str, str], strings: list[str]) -> dict[str, list[str]] | None:
    """Each file of the schema's tables, indexes and TOAST tables with the erased strings found in its bytes;
    None when this process cannot read PostgreSQL's data directory (another machine, another user)."""
    with psycopg.connect(
        host=PG["host"], port=PG["port"], user=PG["user"], dbname=PG["dbname"], autocommit=True
    ) as conn:
        data_directory = Path(conn.execute("SHOW data_directory").fetchone()[0])  # type: ignore[index]
        conn.execute("CHECKPOINT")  # what is in shared buffers goes to the files
        relations = conn.execute(
            "SELECT pg_relation_filepath(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %(schema)s OR c.oid IN (SELECT t.reltoastrelid FROM pg_class t JOIN pg_namespace s "
            "ON s.oid = t.relnamespace WHERE s.nspname = %(schema)s)",
            {"schema": settings["POSTGRES_SCHEMA"]},
        ).fetchall()
    files = [data_directory / path for (path,) in relations if path]
    if not files or not all(os.access(file.parent, os.R_OK) for file in files):
        return None
    found = {}
    for file in files:
        data = b"".join(p.read_bytes() for p in file.parent.glob(f"{file.name}*") if p.is_file())
        found[file.name] = [s for s in strings if any(form in data for form in _forms(s))]
    return {name: hits for name, hits in found.items() if hits}


def _forms(text: str) -> list[bytes]:
    """The string in UTF-8, and as JSON writes it with non-ASCII characters escaped."""
    return [text.encode(), json.dumps(text)[1:-1].encode()]


def left_over(store: dict[str, str], strings: list[str]) -> dict[str, list[str]]:
    found = left_in_sqlite(store, strings) if "SQLITE_DBNAME" in store else left_in_postgres(store, strings)
    return {where: hits for where, hits in found.items() if hits}


# ------------------------------------------------------------------ the tests
@pytest.fixture
def app(any_store_client: FlaskClient) -> Flask:
    return any_store_client.application


def test_an_erased_network_leaves_no_trace_while_the_other_network_stays_as_it_was(
    any_store_client: FlaskClient, app: Flask, store: dict[str, str]
) -> None:
    client = any_store_client
    erased, kept = populate(client, ERASED), populate(client, KEPT)
    raise_reminders(app)
    inbox = ok(client.get("/api/inbox"))["items"]
    ok(client.get(f"/api/networks/{erased}/map", headers={"X-Kring-Reason": ERASED["review"]}))  # in the access log
    reminder = next(r for r in inbox if r["network_id"] == erased)
    ok(client.post(f"/api/inbox/{reminder['reminder_id']}/dismiss", json={"reason": ERASED["reminder"]}))
    side = caught_up(app)
    kring: Kring = services_of(app).kring
    states = b"".join(s.state for s in kring.recorder.select_events(UUID(erased)))
    assert not any(form in states for form in _forms(ERASED["contact"]))  # sealed even before the erasure
    found = {s for hits in left_over(store, list(ERASED.values())).values() for s in hits}
    assert {ERASED["client"], ERASED["contact"], ERASED["email"], ERASED["note"]} <= found  # the search finds them
    before, rows_before = views(client, kept), rows_of(side, kring, kept)

    assert_error(
        client.post(f"/api/networks/{erased}/erasure", json={"confirm_client_name": "Wilhelmina"}),
        422,
        "validation_failed",
        "confirm_client_name",
    )
    answer = ok(client.post(f"/api/networks/{erased}/erasure", json={"confirm_client_name": ERASED["client"]}))
    assert answer["events_erased"] == 8 and answer["reminders_erased"] >= 1 and answer["read_side_purged"]

    assert left_over(store, list(ERASED.values())) == {}
    assert views(client, kept) == before and rows_of(side, kring, kept) == rows_before
    assert all(rows == [] for rows in rows_of(side, kring, erased).values())

    side.runner.stop()
    assert side.runner.rebuild() > 0
    assert views(client, kept) == before and rows_of(side, kring, kept) == rows_before
    assert all(rows == [] for rows in rows_of(side, kring, erased).values())
    assert left_over(store, list(ERASED.values())) == {}


@pytest.fixture
def postgres_app(postgres_store: dict[str, str]) -> Iterator[Flask]:
    app = create_app({**TEST_CONFIG, "KRING_STORE": postgres_store})
    start_background(app)
    yield app
    shutdown(app)


def test_on_postgresql_the_erased_rows_are_gone_from_the_table_files_too(
    postgres_app: Flask, postgres_store: dict[str, str]
) -> None:
    app, client, store = postgres_app, Staff(postgres_app).client("Bea"), postgres_store
    erased = populate(client, ERASED)
    populate(client, KEPT)
    caught_up(app)
    before = left_in_postgres_files(store, list(ERASED.values()))
    if before is None:
        pytest.skip("PostgreSQL's data directory cannot be read from this process")
    assert before  # the search finds the read side's rows
    ok(client.post(f"/api/networks/{erased}/erasure", json={"confirm_client_name": ERASED["client"]}))
    services_of(app).read_side.runner.stop()  # its VACUUM FULL after the purge has finished
    assert left_in_postgres_files(store, list(ERASED.values())) == {}


def test_an_erased_network_answers_404_everywhere_and_is_no_longer_listed(
    any_store_client: FlaskClient, app: Flask
) -> None:
    client = any_store_client
    erased, kept = populate(client, ERASED), populate(client, KEPT)
    raise_reminders(app)
    reminder_id = services_of(app).privacy.reminder_ids(UUID(erased))[0]
    ok(client.post(f"/api/networks/{erased}/erasure", json={"confirm_client_name": ERASED["client"]}))
    for path in ("", "/events", "/map", "/map.graphml", "/measures", "/timeline", "/notes", "/export"):
        assert_error(client.get(f"/api/networks/{erased}{path}"), 404, "network_not_found")
    assert_error(client.get(f"/api/networks/{erased}?as_of=2026-06-01"), 404, "network_not_found")
    assert_error(client.post(f"/api/networks/{erased}/notes", json={"text": "nog iets"}), 404, "network_not_found")
    again = client.post(f"/api/networks/{erased}/erasure", json={"confirm_client_name": ERASED["client"]})
    assert_error(again, 404, "network_not_found")
    assert_error(client.post(f"/api/inbox/{reminder_id}/acknowledge"), 404, "reminder_not_found")
    assert [n["id"] for n in ok(client.get("/api/networks"))["items"]] == [kept]
    assert all(item["network_id"] != erased for item in client.get("/api/inbox").json["items"])


def test_a_network_erased_before_the_read_side_forgot_it_is_left_out_of_the_list(
    any_store_client: FlaskClient, app: Flask
) -> None:
    client = any_store_client
    erased, kept = populate(client, ERASED), populate(client, KEPT)
    caught_up(app).runner.stop()  # the read side does not hear of the erasure yet
    services_of(app).kring.erase_network(UUID(erased), "coord")
    assert [n["id"] for n in ok(client.get("/api/networks"))["items"]] == [kept]


def test_the_export_holds_every_event_the_map_graphml_and_the_reminders(
    any_store_client: FlaskClient, app: Flask
) -> None:
    client = any_store_client
    nid = populate(client, ERASED)
    raise_reminders(app)
    response = client.get(f"/api/networks/{nid}/export")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == f'attachment; filename="kring-network-{nid}.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = ["access.json", "egor/aaties.csv", "egor/alters.csv", "egor/egos.csv", "events.json", "fhir.json"]
    names += ["map.json", "network-canvas.graphml", "network.graphml", "reminders.json"]
    assert sorted(archive.namelist()) == names
    access = json.loads(archive.read("access.json"))
    assert [p["role"] for p in access["people"]] == ["coordinator"]
    assert "alles (export)" in {e["action"] for e in access["access_log"]}  # the export itself is logged
    events = json.loads(archive.read("events.json"))["items"]
    assert [e["version"] for e in events] == list(range(1, ok(client.get(f"/api/networks/{nid}"))["version"] + 1))
    assert events == ok(client.get(f"/api/networks/{nid}/events"))["items"]
    assert json.loads(archive.read("map.json")) == ok(client.get(f"/api/networks/{nid}/map"))
    graph = nx.read_graphml(io.BytesIO(archive.read("network.graphml")))
    assert ERASED["contact"] in {data.get("label") for _, data in graph.nodes(data=True)}
    reminders = json.loads(archive.read("reminders.json"))["items"]
    assert reminders and {r["kind"] for r in reminders} >= {"review_due"}
    assert reminders[0]["events"][0]["type"] == "ReminderRaised"
    assert reminders[0]["events"][0]["data"]["network_id"] == nid
    english = zipfile.ZipFile(io.BytesIO(client.get(f"/api/networks/{nid}/export?lang=en").data))
    assert json.loads(english.read("events.json")) == ok(client.get(f"/api/networks/{nid}/events?lang=en"))
    assert_error(client.get("/api/networks/00000000-0000-4000-8000-000000000000/export"), 404, "network_not_found")


def test_the_runner_moves_past_events_it_cannot_read_even_a_whole_batch_of_them(memory_kring: Kring) -> None:
    side = ReadSide(memory_kring, {"PERSISTENCE_MODULE": "eventsourcing.popo"})
    gone = memory_kring.open_network("Weg", COORDINATOR, by="coord").network_id
    for n in range(5):
        memory_kring.add_note(gone, Context(by="coord"), f"Notitie {n}")
    memory_kring.keys.destroy(gone)  # the key alone, without NetworkErased: its events are simply unreadable
    kept = memory_kring.open_network("Blijft", COORDINATOR, by="coord").network_id
    side.runner.batch_size = 2
    assert side.runner.catch_up() > 0
    assert side.runner.reached(memory_kring.log_position())
    assert side.maps.current(gone) is None and side.maps.current(kept) is not None
    side.close()


def test_a_network_stored_before_encryption_existed_is_not_erased_but_refused(memory_kring: Kring) -> None:
    network = Network.open("Oud Netwerk", COORDINATOR, 13, memory_kring.stamp("coord"))
    EventStore(Mapper[UUID](transcoder=memory_kring.mapper.transcoder), memory_kring.recorder).put(
        network.collect_events()
    )
    with pytest.raises(NotEncrypted):
        memory_kring.erase_network(network.id, "coord")
    assert memory_kring.get_network(network.id).client_name == "Oud Netwerk"
