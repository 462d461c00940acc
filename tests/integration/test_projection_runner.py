"""The runner applies every event exactly once, survives a crash mid-batch, and rebuilds to the same rows."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from domain.words.history import event_line
from projections import db
from projections.base import Batch, Projection
from projections.db import ReadStore, Tx
from projections.network_map import NetworkMapProjection
from projections.runner import Runner
from projections.timeline import TimelineProjection, TimelineQuery
from services.application.kring import Context, Kring
from services.application.readside import ReadSide
from services.application.reminders import Reminders
from services.web.language import speaker_for

TABLES = {
    "kring_networks": "network_id",
    "kring_roles": "network_id, role_id",
    "kring_people": "network_id, contact_id",
    "kring_review_states": "network_id",
    "kring_timeline": "network_id, version",
    "kring_timeline_names": "network_id, entity_id",
    "kring_records": "network_id, kind, record_id",
    "kring_due": "reminder_id",
    "kring_due_networks": "network_id",
    "kring_due_carers": "network_id, carer_id",
}


class Crash(BaseException):
    """A stand-in for the process dying in the middle of a batch (not an Exception: nothing catches it)."""


class CrashingMap(NetworkMapProjection):
    """The real map projection, dying after it has written part of a batch."""

    def __init__(self, app: Any, after: int) -> None:
        super().__init__(app)
        self.after = after

    def apply(self, tx: Tx, batch: Batch) -> None:
        super().apply(tx, batch[: self.after])  # rows for part of the batch are written...
        raise Crash  # ...and then the process dies before the transaction commits


def populate(app: Kring, networks: int = 6) -> None:
    """Several networks with contacts, ties, roles, reviews and removals."""
    ctx = Context(by="coord", effective_on=date(2026, 3, 1))
    for n in range(networks):
        nid = app.open_network(f"Client {n}", f"coord-{n % 2}", by="coord", effective_on=date(2026, 1, 5)).network_id
        ids = [
            app.add_contact(
                nid, ctx, name=f"Contact {n}.{i}", category="friend", ring="friend", email=f"p{i}@example.org"
            ).created_id
            for i in range(4)
        ]
        for i, cid in enumerate(ids):
            app.assess_tie(
                nid,
                ctx,
                str(cid),
                strength=("strong", "normal", "tenuous")[i % 3],
                stressful=i == 3,
                flow="both",
                frequency="weekly",
            )
            app.assign_role(
                nid,
                ctx,
                contact_id=str(cid),
                support_type="practical",
                direction="to_client",
                task=f"taak {i}",
                rhythm=None,
            )
        app.record_review(
            nid, Context(by="coord", effective_on=date(2026, 4, 1)), participants=[], summary="", next_review_on=None
        )
        app.remove_contact(nid, Context(by="coord", effective_on=date(2026, 5, 1)), str(ids[0]), "verhuisd")
        app.add_note(nid, Context(by="coord"), f"Notitie {n}")
        app.report_burden(nid, Context(by="coord"), carer_id=str(ids[1]), instrument="srb", answers=[n])


def lively(app: Kring, side: ReadSide) -> None:
    """Three networks changing in turns, with every kind of event the projections follow, and reminders raised,
    answered, snoozed, dismissed and resolved along the way."""

    def day(text: str) -> Context:
        return Context(by="coord@wijkteam.nl", effective_on=date.fromisoformat(text))

    opened = [
        app.open_network(f"Client {n}", "coord@wijkteam.nl", by="coord", effective_on=date(2026, 1, 5)).network_id
        for n in range(3)
    ]
    people: dict[UUID, list[str]] = {}
    for nid in opened:
        for name in ("Piet", "Anna", "Kees"):
            people.setdefault(nid, []).append(
                str(app.add_contact(nid, day("2026-01-05"), name=name, category="friend", ring="friend").created_id)
            )
    for nid in opened:
        piet, anna, _ = people[nid]
        for who in (piet, anna):
            app.assess_tie(nid, day("2026-01-06"), who, strength="strong", stressful=False, flow="both", frequency=None)
        app.record_acquaintance(nid, day("2026-01-06"), piet, anna)
        app.assign_role(
            nid,
            day("2026-01-06"),
            contact_id=anna,
            support_type="practical",
            direction="to_client",
            task="koken",
            rhythm=None,
        )
        app.designate_spilmantelzorger(nid, day("2026-01-07"), anna)  # never asked: a check-in is due now
        app.set_goal(nid, day("2026-01-07"), title="Respijt regelen", due_on=date(2026, 3, 1))
    a, b, c = opened
    app.assess_tie(a, day("2026-02-01"), people[a][0], strength="tenuous", stressful=True, flow="both", frequency=None)
    app.report_burden(a, day("2026-02-02"), carer_id=people[a][1], instrument="ediz_plus", answers=[1] * 10 + [0] * 5)
    app.close_network(b, day("2026-02-03"), "verhuisd")
    app.change_contact(c, day("2026-02-03"), people[c][0], name="Pieter")
    side.runner.catch_up()
    reminders = Reminders(app, side)
    raised = reminders.scan(date(2026, 11, 26), lambda _: None, ["inbox"]).raised
    reminders.acknowledge(UUID(raised[0].reminder_id), "coord")
    reminders.snooze(UUID(raised[1].reminder_id), "coord", date(2026, 12, 1))
    reminders.dismiss(UUID(raised[2].reminder_id), "coord", "al geregeld")
    app.reopen_network(b, day("2026-03-01"))
    app.record_review(a, day("2026-03-02"), participants=["client"], summary="", next_review_on=date(2026, 6, 1))
    app.update_network(a, day("2026-03-03"), review_interval_weeks=8)
    app.assess_tie(
        a, day("2026-03-04"), people[a][0], strength="normal", stressful=False, flow="both", frequency="weekly"
    )
    app.report_burden(c, day("2026-03-04"), carer_id=people[c][1], instrument="srb", answers=[3])
    app.stand_down_spilmantelzorger(b, day("2026-03-05"), "te druk")
    app.end_role(c, day("2026-03-05"), next(iter(app.get_network(c).roles)), "gestopt")
    app.end_acquaintance(c, day("2026-03-05"), people[c][0], people[c][1])
    goal = next(iter(app.get_network(a).goals))
    app.complete_goal(a, day("2026-03-06"), goal)
    app.remove_contact(c, day("2026-03-06"), people[c][1], "verhuisd")
    app.end_tie(b, day("2026-03-07"), people[b][0], "ruzie")
    app.assess_tie(b, day("2026-03-08"), people[b][0], strength="normal", stressful=True, flow="none", frequency=None)
    app.record_meeting(a, day("2026-03-09"), attendees=["Anna"], agreements=["koken op dinsdag"])
    app.report_carer_risks(a, day("2026-03-09"), people[a][1], ["care_24_7"])
    app.add_note(c, day("2026-03-10"), "Pieter belt wekelijks")
    side.runner.catch_up()
    reminders.scan(date(2026, 11, 26), lambda _: None, ["inbox"])  # resolves the answered ones, raises new ones


def dump(store: ReadStore, app: Kring) -> dict[str, list[dict[str, Any]]]:
    """Every row of every projection table, review-day states decoded, in key order."""
    rows = {}
    with store.transaction() as tx:
        for table, key in TABLES.items():
            found = tx.execute(f"SELECT * FROM {table} ORDER BY {key}").all()
            for row in found:
                if table == "kring_review_states" and row["state"] is not None:  # sealed with a fresh nonce: open it
                    stored = StoredEvent(UUID(row["network_id"]), row["version"], row["topic"], bytes(row["state"]))
                    row["state"] = vars(app.mapper.to_domain_event(stored))
            rows[table] = found
    return rows


@pytest.fixture
def side(kring: Kring, store: dict[str, str]) -> Iterator[ReadSide]:
    read_side = ReadSide(kring, store)
    yield read_side
    read_side.close()


def test_a_crash_in_the_middle_of_a_batch_loses_nothing_and_applies_nothing_twice(kring: Kring, side: ReadSide) -> None:
    populate(kring)
    crashing = Runner(kring, side.store, [CrashingMap(kring, after=7), TimelineProjection(kring)], batch_size=20)
    crashing.step(["timeline"])
    with pytest.raises(Crash):
        crashing.step(["network_map"])
    assert {s.name: s.position for s in crashing.status()} == {"network_map": 0, "timeline": 20}

    side.runner.catch_up()  # the restarted worker carries on from the tracked positions
    after_restart = dump(side.store, kring)
    side.runner.rebuild()
    assert dump(side.store, kring) == after_restart
    assert len(after_restart["kring_timeline"]) == kring.log_position()
    assert all(s.lag == 0 for s in side.runner.status())


def test_incremental_catch_up_gives_the_same_rows_as_a_rebuild_in_one_go(kring: Kring, side: ReadSide) -> None:
    populate(kring, networks=2)
    side.runner.catch_up()
    populate(kring, networks=3)  # more events after a first catch-up
    small_batches = Runner(kring, side.store, list(side.runner.projections.values()), batch_size=3)
    small_batches.catch_up()
    incremental = dump(side.store, kring)
    side.runner.rebuild(["network_map"])
    side.runner.rebuild(["timeline"])
    assert dump(side.store, kring) == incremental
    assert len(incremental["kring_networks"]) == 5


def test_every_batch_size_gives_the_same_rows(kring: Kring, side: ReadSide) -> None:
    lively(kring, side)
    side.runner.catch_up()
    rows = dump(side.store, kring)  # caught up in three goes along the way
    for size in (1, 7, 10_000):
        Runner(kring, side.store, list(side.runner.projections.values()), rebuild_batch_size=size).rebuild()
        assert dump(side.store, kring) == rows
    assert {r["state"] for r in rows["kring_due"]} >= {"sent", "snoozed", "dismissed", "resolved"}
    assert {r["status"] for r in rows["kring_due"]} == {"pending", "resolved"}


def test_rows_loaded_in_bulk_are_the_rows_written_one_by_one(
    kring: Kring, side: ReadSide, monkeypatch: pytest.MonkeyPatch
) -> None:
    lively(kring, side)
    side.runner.catch_up()
    one_by_one = dump(side.store, kring)
    monkeypatch.setattr(db, "COPY_FROM", 1)  # PostgreSQL: COPY, and conflicts resolved through a staging table
    for size in (10_000, 7):  # in one go; in small batches that update the rows of earlier ones
        Runner(kring, side.store, list(side.runner.projections.values()), rebuild_batch_size=size).rebuild()
        assert dump(side.store, kring) == one_by_one


def test_projections_at_different_positions_catch_up_to_the_same_rows(kring: Kring, side: ReadSide) -> None:
    populate(kring, networks=2)
    Runner(kring, side.store, list(side.runner.projections.values()), batch_size=5).step(["network_map"])
    side.runner.catch_up()  # the map carries on from the middle of the first network's history
    caught_up = dump(side.store, kring)
    side.runner.rebuild()
    assert dump(side.store, kring) == caught_up


def test_the_map_is_the_network_as_far_as_the_projection_has_read(kring: Kring, side: ReadSide) -> None:
    populate(kring, networks=1)
    side.runner.catch_up()
    [(_, network_id)] = kring.list_network_ids()
    projected = kring.get_network(network_id)
    kring.update_network(network_id, Context(by="coord"), client_name="Mevr. de Wit")
    before = side.maps.current(network_id)
    assert before is not None and (before.version, before.client_name) == (projected.version, "Client 0")
    side.runner.catch_up()
    after = side.maps.current(network_id)
    assert after is not None and (after.version, after.client_name) == (projected.version + 1, "Mevr. de Wit")


def test_a_rebuild_leaves_the_indexes_the_questions_are_read_by(kring: Kring, side: ReadSide) -> None:
    populate(kring, networks=1)
    side.runner.rebuild()  # drops them first: rows load faster without them
    catalog = (
        "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
        if side.store.postgres
        else "SELECT name FROM sqlite_master WHERE type = 'index'"
    )
    with side.store.transaction() as tx:
        found = {row["name"] for row in tx.execute(catalog).all()}
    wanted = {name for p in side.runner.projections.values() for name, _ in p.indexes}
    assert wanted >= {"kring_people_person", "kring_due_scan"} and wanted <= found


def test_two_workers_running_at_once_never_apply_an_event_twice(
    kring: Kring, store: dict[str, str], make_kring: Callable[[dict[str, str]], Kring]
) -> None:
    populate(kring, networks=4)
    sides = [ReadSide(make_kring(store), store) for _ in range(2)]
    applied: list[int] = []
    lock = threading.Lock()

    class Counting(TimelineProjection):
        def apply(self, tx: Tx, batch: Batch) -> None:
            with lock:
                applied.extend(position for position, _ in batch)
            super().apply(tx, batch)

    runners = [Runner(s.app, s.store, [Counting(s.app)], batch_size=5) for s in sides]
    threads = [threading.Thread(target=r.catch_up) for r in runners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert sorted(applied) == list(range(1, kring.log_position() + 1))  # each position exactly once
        assert len(dump(sides[0].store, kring)["kring_timeline"]) == kring.log_position()
    finally:
        for s in sides:
            s.close()


def test_the_background_runner_keeps_up_and_a_reader_can_wait_for_its_own_write(kring: Kring, side: ReadSide) -> None:
    side.runner.start(poll_interval=0.05)
    outcome = kring.open_network("Mevr. Jansen", "coord", by="coord")
    assert side.runner.wait_for(outcome.position or 0, timeout=10)
    network = side.maps.current(outcome.network_id)
    assert network is not None and network.client_name == "Mevr. Jansen"


def test_a_projection_that_is_not_there_yet_is_created_and_caught_up(kring: Kring, side: ReadSide) -> None:
    populate(kring, networks=1)

    class Extra(Projection):
        name = "extra"
        tables = ("kring_extra",)

        def create_tables(self, tx: Tx, store: ReadStore) -> None:
            tx.execute("CREATE TABLE IF NOT EXISTS kring_extra (position BIGINT PRIMARY KEY)")

        def apply(self, tx: Tx, batch: Batch) -> None:
            tx.executemany("INSERT INTO kring_extra (position) VALUES (?)", [[p] for p, _ in batch])

    runner = Runner(kring, side.store, [Extra(kring)])
    assert runner.catch_up() == kring.log_position()
    assert runner.status()[0].lag == 0


def test_a_projection_whose_tables_changed_shape_is_rebuilt_from_the_log(kring: Kring, store: dict[str, str]) -> None:
    populate(kring, networks=1)
    [(_, network_id)] = kring.list_network_ids()
    old = ReadStore.for_settings(store)
    with old.transaction(write=True) as tx:  # the timeline as version 1 left it: its lines as Dutch and English text
        tx.execute("CREATE TABLE kring_tracking (name TEXT PRIMARY KEY, position BIGINT NOT NULL)")
        tx.execute("INSERT INTO kring_tracking (name, position) VALUES ('timeline', ?)", [kring.log_position()])
        tx.execute(
            "CREATE TABLE kring_timeline (network_id TEXT, version INTEGER, summary_nl TEXT, summary_en TEXT, "
            "PRIMARY KEY (network_id, version))"
        )
    old.close()
    side = ReadSide(kring, store)
    try:
        assert {s.name: s.position for s in side.runner.status()}["timeline"] == 0
        side.runner.catch_up()
        [first] = side.timelines.lines(network_id, TimelineQuery(limit=1))
        assert speaker_for("en")(event_line(first["type"], first["values"])) == "Network of Client 0 opened"
        again = Runner(kring, side.store, list(side.runner.projections.values()))  # the next start keeps the rows
        assert {s.name: s.lag for s in again.status()}["timeline"] == 0
    finally:
        side.close()
