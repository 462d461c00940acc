"""Records: what was written down in a network (notes, reviews, support-group meetings, burden questionnaires,
a carer's MantelScan risk factors: the latest per carer; requests for help while nobody has taken them on).

They are kept here, not in the network's state, so a command costs the same after years of notes. A review or a
meeting stored before the people of the network were picked (participant_ids, attendee_ids, client_took_part) is
read with those left out, as its upcast event would write them: no rebuild needed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from domain.network import Network
from projections.base import Batch, Projection
from projections.db import ReadStore, Tx

COLUMNS = (
    "network_id",
    "kind",
    "record_id",
    "version",
    "effective_on",
    "recorded_at",
    "recorded_by",
    "carer_id",
    "data",
)


Record = tuple[str, str, str | None, dict[str, Any]]  # (kind, id, carer, data)


def _note(event: Any) -> Record:
    return "note", event.note_id, None, {"id": event.note_id, "text": event.text, "written_on": _day(event)}


def _burden_report(event: Any) -> Record:
    return (
        "burden_report",
        event.report_id,
        event.carer_id,
        {
            "id": event.report_id,
            "carer_id": event.carer_id,
            "instrument": event.instrument,
            "answers": event.answers,
            "reported_on": _day(event),
        },
    )


def _risk_factors(event: Any) -> Record:  # the latest report per carer counts
    data = {"carer_id": event.carer_id, "factors": event.factors, "reported_on": _day(event)}
    return "risk_factors", event.carer_id, event.carer_id, data


def _review(event: Any) -> Record:
    return (
        "review",
        str(event.originator_version),
        None,
        {
            "held_on": _day(event),
            "participant_ids": event.participant_ids,
            "participants": event.participants,
            "client_took_part": event.client_took_part,
            "summary": event.summary,
            "next_review_on": event.next_review_on.isoformat(),
        },
    )


def _meeting(event: Any) -> Record:
    data = {
        "held_on": _day(event),
        "attendee_ids": event.attendee_ids,
        "attendees": event.attendees,
        "client_took_part": event.client_took_part,
        "agreements": event.agreements,
    }
    return "meeting", str(event.originator_version), None, data


def _help_requested(event: Any) -> Record:  # kept while open: closing it deletes the row (CLOSING)
    data = {"id": event.request_id, "task": event.task, "support_type": event.support_type, "rhythm": event.rhythm}
    return "help_request", event.request_id, None, {**data, "asked_on": _day(event)}


def _day(event: Any) -> str:
    return event.effective_on.isoformat()


# The events that are records, each with how it is kept; the others are passed over by their type.
RECORDS: dict[type, Callable[[Any], Record]] = {
    Network.NoteAdded: _note,
    Network.CarerBurdenReported: _burden_report,
    Network.CarerRiskFactorsReported: _risk_factors,
    Network.NetworkReviewed: _review,
    Network.SupportGroupMeetingHeld: _meeting,
    Network.HelpRequested: _help_requested,
}
CLOSING: dict[type, Callable[[Any], tuple[str, str]]] = {  # events that end a record: (kind, id)
    Network.HelpRequestClosed: lambda e: ("help_request", e.request_id),
}


# What rows stored before a field existed say without it (as the upcast events would)
LEFT_OUT: dict[str, dict[str, Any]] = {
    "review": {"participant_ids": [], "client_took_part": None},
    "meeting": {"attendee_ids": [], "client_took_part": None},
}


class RecordsProjection(Projection):
    """One row per record, its data as JSON."""

    name = "records"
    tables = ("kring_records",)

    def create_tables(self, tx: Tx, store: ReadStore) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_records (network_id TEXT, kind TEXT, record_id TEXT, version INTEGER, "
            "effective_on TEXT, recorded_at TEXT, recorded_by TEXT, carer_id TEXT, data TEXT, "
            "PRIMARY KEY (network_id, kind, record_id))"
        )

    def apply(self, tx: Tx, batch: Batch) -> None:
        rows: list[list[Any]] = []
        for _, event in batch:
            closing = CLOSING.get(type(event))
            if closing is not None:  # what the batch recorded before goes in first, then it is deleted
                tx.upsert("kring_records", COLUMNS, rows, key=("network_id", "kind", "record_id"))
                rows = []
                kind, record_id = closing(event)
                tx.execute(
                    "DELETE FROM kring_records WHERE network_id = ? AND kind = ? AND record_id = ?",
                    [str(event.originator_id), kind, record_id],
                )
            record = RECORDS.get(type(event))
            if record is not None:
                kind, record_id, carer_id, data = record(event)
                rows.append(
                    [
                        str(event.originator_id),
                        kind,
                        record_id,
                        event.originator_version,
                        event.effective_on.isoformat(),
                        event.timestamp.isoformat(),
                        event.recorded_by,
                        carer_id,
                        json.dumps(data, ensure_ascii=False),
                    ]
                )
        tx.upsert("kring_records", COLUMNS, rows, key=("network_id", "kind", "record_id"))


class Records:
    """Reading records."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def list(self, network_id: UUID, kind: str, carer_id: str | None = None) -> list[dict[str, Any]]:
        """A network's records of one kind, oldest first by the day they happened."""
        where, params = "network_id = ? AND kind = ?", [str(network_id), kind]
        if carer_id:
            where += " AND carer_id = ?"
            params.append(carer_id)
        with self.store.transaction() as tx:
            rows = tx.execute(
                f"SELECT data FROM kring_records WHERE {where} ORDER BY effective_on, version", params
            ).all()
        return [{**LEFT_OUT.get(kind, {}), **_loaded(row["data"])} for row in rows]

    def get(self, network_id: UUID, kind: str, record_id: str) -> dict[str, Any] | None:
        """One record, or None."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT data FROM kring_records WHERE network_id = ? AND kind = ? AND record_id = ?",
                [str(network_id), kind, record_id],
            ).one()
        return {**LEFT_OUT.get(kind, {}), **_loaded(row["data"])} if row else None


def _loaded(data: str) -> dict[str, Any]:
    """A record's data, its days (the fields ending in _on) as dates again."""
    record: dict[str, Any] = json.loads(data)
    return {k: date.fromisoformat(v) if k.endswith("_on") and v else v for k, v in record.items()}
