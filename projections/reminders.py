"""Due reminders, derived from the events: when each network should be revisited, which carer to ask how they
are doing, which weakened tie to follow up, which goal is overdue; and what became of each reminder.

The scheduler scans `kring_due` by its index (status, state, due_on): a scan reads only what is due.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from domain.burden import severity
from domain.network import TIE_EVENTS, Network
from domain.reminders import Reminder, reminder_id
from domain.vocabulary import FIRST_REVIEW_AFTER_WEEKS
from projections.base import Batch, Projection
from projections.db import ReadStore, Tx

TIE_FOLLOW_UP_AFTER = timedelta(weeks=2)
SPILMANTELZORGER_CHECK_IN_EVERY = timedelta(weeks=26)
STATES = {
    Reminder.ReminderRaised: "sent",
    Reminder.ReminderAcknowledged: "acknowledged",
    Reminder.ReminderSnoozed: "snoozed",
    Reminder.ReminderDismissed: "dismissed",
    Reminder.ReminderResolved: "resolved",
}


def check_in_after(instrument: str, answers: list[Any]) -> timedelta | None:
    """How soon to ask a carer again after this questionnaire: heavy within a week, moderate in four."""
    return {"heavy": timedelta(days=7), "moderate": timedelta(weeks=4)}.get(severity(instrument, answers) or "")


class DueRemindersProjection(Projection):
    """One row per reminder that is, was or will be due; a row per network for what the rules need."""

    name = "reminders"
    tables = ("kring_due", "kring_due_networks", "kring_due_carers")

    def create_tables(self, tx: Tx, store: ReadStore) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_due (reminder_id TEXT PRIMARY KEY, network_id TEXT, kind TEXT, "
            "subject TEXT, due_on TEXT, status TEXT, resolved_by TEXT, state TEXT, snoozed_until TEXT)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS kring_due_scan ON kring_due (status, state, due_on)")
        tx.execute("CREATE INDEX IF NOT EXISTS kring_due_network ON kring_due (network_id, status)")
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_due_networks (network_id TEXT PRIMARY KEY, status TEXT, "
            "next_review_on TEXT, last_reviewed_on TEXT, interval_weeks INTEGER, spilmantelzorger_id TEXT)"
        )
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_due_carers (network_id TEXT, carer_id TEXT, last_reported_on TEXT, "
            "PRIMARY KEY (network_id, carer_id))"
        )

    # ------------------------------------------------------------ helpers
    def _due(self, tx: Tx, network_id: str, kind: str, subject: str, due_on: date) -> None:
        tx.execute(
            "INSERT INTO kring_due (reminder_id, network_id, kind, subject, due_on, status, state) "
            "VALUES (?, ?, ?, ?, ?, 'pending', 'new') ON CONFLICT (reminder_id) DO NOTHING",
            [str(reminder_id(network_id, kind, subject, due_on)), network_id, kind, subject, due_on.isoformat()],
        )

    def _resolve(
        self, tx: Tx, network_id: str, resolved_by: str, kind: str | None = None, subject: str | None = None
    ) -> None:
        where, params = "network_id = ? AND status = 'pending'", [resolved_by, network_id]
        if kind:
            where += " AND kind = ?"
            params.append(kind)
        if subject:
            where += " AND subject = ?"
            params.append(subject)
        tx.execute(f"UPDATE kring_due SET status = 'resolved', resolved_by = ? WHERE {where}", params)

    def _network(self, tx: Tx, network_id: str) -> dict[str, Any]:
        row = tx.execute("SELECT * FROM kring_due_networks WHERE network_id = ?", [network_id]).one()
        return row or {}

    def _set(self, tx: Tx, network_id: str, **values: Any) -> None:
        sets = ", ".join(f"{k} = ?" for k in values)
        tx.execute(f"UPDATE kring_due_networks SET {sets} WHERE network_id = ?", [*values.values(), network_id])

    def _review_due(self, tx: Tx, network_id: str, due_on: date, resolved_by: str) -> None:
        self._resolve(tx, network_id, resolved_by, "review_due")
        self._set(tx, network_id, next_review_on=due_on.isoformat())
        self._due(tx, network_id, "review_due", "review", due_on)

    # ------------------------------------------------------------ applying
    def apply(self, tx: Tx, batch: Batch) -> None:
        for _, event in batch:
            if isinstance(event, Reminder.Event):
                self._follow_reminder(tx, event)
            elif isinstance(event, Network.Event):
                self._follow_network(tx, str(event.originator_id), event)

    def _follow_reminder(self, tx: Tx, event: Reminder.Event) -> None:
        state = STATES.get(type(event))
        if state is None:
            return
        until = event.until.isoformat() if isinstance(event, Reminder.ReminderSnoozed) else None
        tx.execute(
            "UPDATE kring_due SET state = ?, snoozed_until = ? WHERE reminder_id = ?",
            [state, until, str(event.originator_id)],
        )

    def _follow_network(self, tx: Tx, network_id: str, event: Network.Event) -> None:  # noqa: PLR0912
        name = type(event).__name__
        on = event.effective_on
        if isinstance(event, Network.NetworkOpened):
            tx.execute(
                "INSERT INTO kring_due_networks (network_id, status, interval_weeks) VALUES (?, 'open', ?) "
                "ON CONFLICT (network_id) DO NOTHING",
                [network_id, event.review_interval_weeks],
            )
            self._review_due(tx, network_id, on + timedelta(weeks=FIRST_REVIEW_AFTER_WEEKS), name)
        elif isinstance(event, Network.NetworkReviewed):
            self._set(tx, network_id, last_reviewed_on=on.isoformat())
            self._review_due(tx, network_id, event.next_review_on, name)
        elif isinstance(event, Network.ReviewIntervalChanged):
            self._set(tx, network_id, interval_weeks=event.review_interval_weeks)
            last = self._network(tx, network_id).get("last_reviewed_on")
            if last:
                due = date.fromisoformat(last) + timedelta(weeks=event.review_interval_weeks)
                self._review_due(tx, network_id, due, name)
        elif isinstance(event, Network.NetworkClosed):
            self._set(tx, network_id, status="closed")
            self._resolve(tx, network_id, name)
        elif isinstance(event, Network.NetworkReopened):
            self._set(tx, network_id, status="open")
            next_review = self._network(tx, network_id).get("next_review_on")
            self._review_due(tx, network_id, max(on, date.fromisoformat(next_review)) if next_review else on, name)
        elif isinstance(event, Network.CarerBurdenReported):
            self._burden_reported(tx, network_id, event)
        elif isinstance(event, Network.SpilmantelzorgerDesignated):
            self._set(tx, network_id, spilmantelzorger_id=event.contact_id)
            reported = tx.execute(
                "SELECT 1 AS yes FROM kring_due_carers WHERE network_id = ? AND carer_id = ?",
                [network_id, event.contact_id],
            ).one()
            if reported is None:  # never asked: ask now
                self._due(tx, network_id, "burden_check_in", event.contact_id, on)
        elif isinstance(event, Network.SpilmantelzorgerStoodDown):
            self._set(tx, network_id, spilmantelzorger_id=None)
            self._resolve(tx, network_id, name, "burden_check_in", event.contact_id)
        elif isinstance(event, Network.ContactRemoved):
            self._resolve(tx, network_id, name, subject=event.contact_id)
        elif isinstance(event, TIE_EVENTS):
            contact_id: str = event.__dict__["contact_id"]  # every tie event names its contact
            self._resolve(tx, network_id, name, "tie_follow_up", contact_id)
            if isinstance(event, Network.TieWeakened | Network.TieStrained):
                self._due(tx, network_id, "tie_follow_up", contact_id, on + TIE_FOLLOW_UP_AFTER)
        elif isinstance(event, Network.GoalSet) and event.due_on is not None:
            self._due(tx, network_id, "goal_overdue", event.goal_id, event.due_on + timedelta(days=1))
        elif isinstance(event, Network.GoalCompleted):
            self._resolve(tx, network_id, name, "goal_overdue", event.goal_id)

    def _burden_reported(self, tx: Tx, network_id: str, event: Network.CarerBurdenReported) -> None:
        carer, on = event.carer_id, event.effective_on
        self._resolve(tx, network_id, type(event).__name__, "burden_check_in", carer)
        tx.execute(
            "INSERT INTO kring_due_carers (network_id, carer_id, last_reported_on) VALUES (?, ?, ?) "
            "ON CONFLICT (network_id, carer_id) DO UPDATE SET last_reported_on = excluded.last_reported_on",
            [network_id, carer, on.isoformat()],
        )
        after = check_in_after(event.instrument, event.answers)
        if after is None and self._network(tx, network_id).get("spilmantelzorger_id") == carer:
            after = SPILMANTELZORGER_CHECK_IN_EVERY  # the lead carer is asked at least twice a year
        if after is not None:
            self._due(tx, network_id, "burden_check_in", carer, on + after)
