"""Records: what was written down in a network (notes, reviews, support-group meetings, burden questionnaires,
a carer's MantelScan risk factors: the latest per carer).

They are kept here, not in the network's state, so a command costs the same after years of notes.
"""

from __future__ import annotations

import json
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


def _record(event: Network.Event) -> tuple[str, str, str | None, dict[str, Any]] | None:
    """(kind, id, carer, data) of an event that is a record, else None."""
    if isinstance(event, Network.NoteAdded):
        return (
            "note",
            event.note_id,
            None,
            {"id": event.note_id, "text": event.text, "written_on": event.effective_on.isoformat()},
        )
    if isinstance(event, Network.CarerBurdenReported):
        return (
            "burden_report",
            event.report_id,
            event.carer_id,
            {
                "id": event.report_id,
                "carer_id": event.carer_id,
                "instrument": event.instrument,
                "answers": event.answers,
                "reported_on": event.effective_on.isoformat(),
            },
        )
    if isinstance(event, Network.CarerRiskFactorsReported):  # the latest report per carer counts
        return (
            "risk_factors",
            event.carer_id,
            event.carer_id,
            {"carer_id": event.carer_id, "factors": event.factors, "reported_on": event.effective_on.isoformat()},
        )
    if isinstance(event, Network.NetworkReviewed):
        return (
            "review",
            str(event.originator_version),
            None,
            {
                "held_on": event.effective_on.isoformat(),
                "participants": event.participants,
                "summary": event.summary,
                "next_review_on": event.next_review_on.isoformat(),
            },
        )
    if isinstance(event, Network.SupportGroupMeetingHeld):
        return (
            "meeting",
            str(event.originator_version),
            None,
            {"held_on": event.effective_on.isoformat(), "attendees": event.attendees, "agreements": event.agreements},
        )
    return None


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
        rows = []
        for _, event in batch:
            found = _record(event)
            if found is not None:
                kind, record_id, carer_id, data = found
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
        return [_loaded(row["data"]) for row in rows]

    def get(self, network_id: UUID, kind: str, record_id: str) -> dict[str, Any] | None:
        """One record, or None."""
        with self.store.transaction() as tx:
            row = tx.execute(
                "SELECT data FROM kring_records WHERE network_id = ? AND kind = ? AND record_id = ?",
                [str(network_id), kind, record_id],
            ).one()
        return _loaded(row["data"]) if row else None


def _loaded(data: str) -> dict[str, Any]:
    """A record's data, its days (the fields ending in _on) as dates again."""
    record: dict[str, Any] = json.loads(data)
    return {k: date.fromisoformat(v) if k.endswith("_on") and v else v for k, v in record.items()}
