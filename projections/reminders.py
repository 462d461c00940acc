"""Due reminders, derived from the events: when each network should be revisited, which carer to ask how they
are doing, which weakened tie to follow up, which goal is overdue; and what became of each reminder.

The scheduler scans `kring_due` by its index (status, state, due_on): a scan reads only what is due.
A batch is worked out in memory (the rows its networks need, read once) and written with a few statements.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from domain.burden import severity
from domain.network import TIE_EVENTS, Network
from domain.reminders import Reminder, reminder_id
from domain.vocabulary import FIRST_REVIEW_AFTER_WEEKS
from projections.base import Batch, Projection, network_events
from projections.db import ReadStore, Tx

TIE_FOLLOW_UP_AFTER = timedelta(weeks=2)
FOLLOWED_UP = frozenset({Network.TieWeakened, Network.TieStrained})  # and a tie stressful from the start
SPILMANTELZORGER_CHECK_IN_EVERY = timedelta(weeks=26)
STATES: dict[type, str] = {
    Reminder.ReminderRaised: "sent",
    Reminder.ReminderAcknowledged: "acknowledged",
    Reminder.ReminderSnoozed: "snoozed",
    Reminder.ReminderDismissed: "dismissed",
    Reminder.ReminderResolved: "resolved",
}


def later(day: date, after: timedelta) -> date:
    """The day this long after `day`; the last day there is (9999-12-31) for a day too far off to count on."""
    try:
        return day + after
    except OverflowError:
        return date.max


def weeks(count: int) -> timedelta:
    """This many weeks; the longest time there is for more."""
    try:
        return timedelta(weeks=count)
    except OverflowError:
        return timedelta.max


def check_in_after(instrument: str, answers: list[Any]) -> timedelta | None:
    """How soon to ask a carer again after this questionnaire: heavy within a week, moderate in four."""
    return {"heavy": timedelta(days=7), "moderate": timedelta(weeks=4)}.get(severity(instrument, answers) or "")


@dataclass
class Due:
    """A reminder's row: one read as pending at the start of the batch (stored), or one the batch made."""

    reminder_id: str
    network_id: str
    kind: str
    subject: str
    due_on: str  # the day, ISO 8601 (as stored; ISO days compare in the order of time)
    stored: bool = False
    resolved_by: str | None = None


class DueChanges:
    """What a batch does to the reminders of its networks, in memory, in the order of the events."""

    def __init__(self, networks: dict[str, dict[str, Any]], reported: set[tuple[str, str]], pending: list[Due]):
        self.networks = networks  # the rows of kring_due_networks the rules read
        self.reported = reported  # (network, carer) pairs with a burden report
        self.pending: dict[str, dict[str, Due]] = {}
        for due in pending:
            self.pending.setdefault(due.network_id, {})[due.reminder_id] = due
        self.made: dict[str, Due] = {}
        self.resolved: list[Due] = []  # stored rows resolved by this batch
        self.changed: set[str] = set()  # networks whose row changed
        self.reports: dict[tuple[str, str], str] = {}

    def due(self, network_id: str, kind: str, subject: str, due_on: date) -> None:
        """This reminder is (again) pending; one pending already stays as it is."""
        rid = str(reminder_id(network_id, kind, subject, due_on))
        pending = self.pending.setdefault(network_id, {})
        if rid in pending:
            return
        made = self.made.get(rid)
        if made is None:  # a row resolved earlier is made pending again when written (what became of it stays)
            made = self.made[rid] = Due(rid, network_id, kind, subject, due_on.isoformat())
        made.resolved_by = None
        pending[rid] = made

    def resolve(
        self,
        network_id: str,
        by: str,
        kind: str | None = None,
        subject: str | None = None,
        unless: Callable[[Due], bool] = lambda due: False,
    ) -> None:
        """Resolve the pending reminders of this kind and subject (default: any), except those `unless` keeps."""
        pending = self.pending.get(network_id, {})
        for rid, due in list(pending.items()):
            if (kind is None or due.kind == kind) and (subject is None or due.subject == subject) and not unless(due):
                due.resolved_by = by
                del pending[rid]
                if due.stored:
                    self.resolved.append(due)

    def replace(self, network_id: str, by: str, kind: str, subject: str, due_on: date | None) -> None:
        """From now on this reminder is due on this day (None: not at all); one due that day already stays."""
        day = due_on.isoformat() if due_on else None
        self.resolve(network_id, by, kind, subject, unless=lambda due: due.due_on == day)
        if due_on is not None:
            self.due(network_id, kind, subject, due_on)

    def network(self, network_id: str) -> dict[str, Any]:
        return self.networks.get(network_id, {})

    def set(self, network_id: str, **values: Any) -> None:
        if network_id in self.networks:  # an UPDATE of a row that is not there changes nothing
            self.networks[network_id].update(values)
            self.changed.add(network_id)

    def review_due(self, network_id: str, due_on: date, resolved_by: str) -> None:
        self.set(network_id, next_review_on=due_on.isoformat())
        self.replace(network_id, resolved_by, "review_due", "review", due_on)


class DueRemindersProjection(Projection):
    """One row per reminder that is, was or will be due; a row per network for what the rules need."""

    name = "reminders"
    version = 2  # 2: one assessment keeps the follow-up it raised; a reminder due again is pending again (ADR 0016)
    tables = ("kring_due", "kring_due_networks", "kring_due_carers")
    indexes = (("kring_due_scan", "kring_due (status, state, due_on)"),)  # the scheduler's scan

    def create_tables(self, tx: Tx, store: ReadStore) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_due (reminder_id TEXT PRIMARY KEY, network_id TEXT, kind TEXT, "
            "subject TEXT, due_on TEXT, status TEXT, resolved_by TEXT, state TEXT, snoozed_until TEXT)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS kring_due_network ON kring_due (network_id, status)")
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_due_networks (network_id TEXT PRIMARY KEY, status TEXT, "
            "next_review_on TEXT, last_reviewed_on TEXT, interval_weeks INTEGER, spilmantelzorger_id TEXT)"
        )
        tx.execute(
            "CREATE TABLE IF NOT EXISTS kring_due_carers (network_id TEXT, carer_id TEXT, last_reported_on TEXT, "
            "PRIMARY KEY (network_id, carer_id))"
        )

    # ------------------------------------------------------------ applying
    def apply(self, tx: Tx, batch: Batch) -> None:
        ruled = [(network_id, event) for network_id, event in network_events(batch) if type(event) in RULES]
        states = [_state(event) for _, event in batch if type(event) in STATES]
        changes = self._read(tx, {network_id for network_id, _ in ruled})
        for network_id, event in ruled:
            RULES[type(event)](changes, network_id, event)
        self._write(tx, changes, states)

    def _read(self, tx: Tx, network_ids: set[str]) -> DueChanges:
        """The rows the rules read for these networks: their own row, their carers, their pending reminders."""
        if not network_ids:
            return DueChanges({}, set(), [])
        ids = sorted(network_ids)
        marks = ", ".join("?" for _ in ids)
        networks = tx.execute(f"SELECT * FROM kring_due_networks WHERE network_id IN ({marks})", ids).all()
        carers = tx.execute(f"SELECT network_id, carer_id FROM kring_due_carers WHERE network_id IN ({marks})", ids)
        reported = {(r["network_id"], r["carer_id"]) for r in carers.all()}
        pending = tx.execute(
            "SELECT reminder_id, network_id, kind, subject, due_on FROM kring_due "
            f"WHERE status = 'pending' AND network_id IN ({marks})",
            ids,
        ).all()
        return DueChanges({r["network_id"]: r for r in networks}, reported, [Due(**r, stored=True) for r in pending])

    def _write(self, tx: Tx, changes: DueChanges, states: list[tuple[str, str | None, str]]) -> None:
        """Resolved rows, then new rows (a row there already takes the new status: due again, or resolved; what
        became of it when raised stays), then what became of raised reminders (always raised from a row that an
        earlier event made), then the networks' and carers' rows."""
        tx.executemany(
            "UPDATE kring_due SET status = 'resolved', resolved_by = ? WHERE reminder_id = ?",
            [(due.resolved_by, due.reminder_id) for due in changes.resolved],
        )
        tx.upsert(
            "kring_due",
            ("reminder_id", "network_id", "kind", "subject", "due_on", "status", "resolved_by", "state"),
            [
                (d.reminder_id, d.network_id, d.kind, d.subject, d.due_on)
                + (("resolved", d.resolved_by, "new") if d.resolved_by else ("pending", None, "new"))
                for d in changes.made.values()
            ],
            key=("reminder_id",),
            keep=("state",),
        )
        tx.executemany("UPDATE kring_due SET state = ?, snoozed_until = ? WHERE reminder_id = ?", states)
        tx.upsert(
            "kring_due_networks",
            ("network_id", *NETWORK_COLUMNS),
            [
                [network_id, *(changes.networks[network_id][c] for c in NETWORK_COLUMNS)]
                for network_id in changes.changed
            ],
            key=("network_id",),
        )
        tx.upsert(
            "kring_due_carers",
            ("network_id", "carer_id", "last_reported_on"),
            [(network_id, carer_id, on) for (network_id, carer_id), on in changes.reports.items()],
            key=("network_id", "carer_id"),
        )


def _state(event: Any) -> tuple[str, str | None, str]:
    """What became of a raised reminder: its state, the day it is snoozed until, its id."""
    until = event.until.isoformat() if isinstance(event, Reminder.ReminderSnoozed) else None
    return STATES[type(event)], until, str(event.originator_id)


NETWORK_COLUMNS = ("status", "next_review_on", "last_reviewed_on", "interval_weeks", "spilmantelzorger_id")


# ------------------------------------------------------------ the rules, one per event type
def _opened(changes: DueChanges, network_id: str, event: Any) -> None:
    if network_id not in changes.networks:
        changes.networks[network_id] = dict.fromkeys(NETWORK_COLUMNS) | {
            "status": "open",
            "interval_weeks": event.review_interval_weeks,
        }
        changes.changed.add(network_id)
    first = later(event.effective_on, timedelta(weeks=FIRST_REVIEW_AFTER_WEEKS))
    changes.review_due(network_id, first, "NetworkOpened")


def _reviewed(changes: DueChanges, network_id: str, event: Any) -> None:
    changes.set(network_id, last_reviewed_on=event.effective_on.isoformat())
    changes.review_due(network_id, event.next_review_on, "NetworkReviewed")


def _interval_changed(changes: DueChanges, network_id: str, event: Any) -> None:
    changes.set(network_id, interval_weeks=event.review_interval_weeks)
    last = changes.network(network_id).get("last_reviewed_on")
    if last:
        due = later(date.fromisoformat(last), weeks(event.review_interval_weeks))
        changes.review_due(network_id, due, "ReviewIntervalChanged")


def _closed(changes: DueChanges, network_id: str, event: Any) -> None:
    changes.set(network_id, status="closed")
    changes.resolve(network_id, "NetworkClosed")


def _reopened(changes: DueChanges, network_id: str, event: Any) -> None:
    changes.set(network_id, status="open")
    next_review = changes.network(network_id).get("next_review_on")
    on = event.effective_on
    changes.review_due(network_id, max(on, date.fromisoformat(next_review)) if next_review else on, "NetworkReopened")


def _burden_reported(changes: DueChanges, network_id: str, event: Any) -> None:
    carer, on = event.carer_id, event.effective_on
    changes.reported.add((network_id, carer))
    changes.reports[(network_id, carer)] = on.isoformat()
    after = check_in_after(event.instrument, event.answers)
    if after is None and changes.network(network_id).get("spilmantelzorger_id") == carer:
        after = SPILMANTELZORGER_CHECK_IN_EVERY  # the lead carer is asked at least twice a year
    changes.replace(network_id, "CarerBurdenReported", "burden_check_in", carer, later(on, after) if after else None)


def _designated(changes: DueChanges, network_id: str, event: Any) -> None:
    changes.set(network_id, spilmantelzorger_id=event.contact_id)
    if (network_id, event.contact_id) not in changes.reported:  # never asked: ask now
        changes.due(network_id, "burden_check_in", event.contact_id, event.effective_on)


def _stood_down(changes: DueChanges, network_id: str, event: Any) -> None:
    changes.set(network_id, spilmantelzorger_id=None)
    changes.resolve(network_id, "SpilmantelzorgerStoodDown", "burden_check_in", event.contact_id)


def _contact_removed(changes: DueChanges, network_id: str, event: Any) -> None:
    changes.resolve(network_id, "ContactRemoved", subject=event.contact_id)


def _tie_changed(changes: DueChanges, network_id: str, event: Any) -> None:
    """A later look at the tie follows it up; a tie that became weaker or stressful is followed up two weeks on.

    One assessment records an event per dimension it changed (ADR 0001), all dated the same day. A follow-up due
    two weeks after this event's day was raised that day, by this assessment (or another one that day): it stays,
    so no event of an assessment resolves what the assessment raised (ADR 0016).
    """
    follow_up_on = later(event.effective_on, TIE_FOLLOW_UP_AFTER)
    changes.resolve(  # a follow-up due two weeks from today was raised today: it stays
        network_id,
        type(event).__name__,
        "tie_follow_up",
        event.contact_id,
        unless=lambda due: due.due_on >= follow_up_on.isoformat(),
    )
    if type(event) in FOLLOWED_UP or (type(event) is Network.TieRecorded and event.stressful):
        changes.due(network_id, "tie_follow_up", event.contact_id, follow_up_on)


def _tie_ended(changes: DueChanges, network_id: str, event: Any) -> None:
    changes.resolve(network_id, "TieEnded", "tie_follow_up", event.contact_id)


def _goal_set(changes: DueChanges, network_id: str, event: Any) -> None:
    if event.due_on is not None:
        changes.due(network_id, "goal_overdue", event.goal_id, later(event.due_on, timedelta(days=1)))


def _goal_completed(changes: DueChanges, network_id: str, event: Any) -> None:
    changes.resolve(network_id, "GoalCompleted", "goal_overdue", event.goal_id)


# Only these events can change a reminder; the others are passed over by their type.
RULES: dict[type, Callable[[DueChanges, str, Any], None]] = {
    Network.NetworkOpened: _opened,
    Network.NetworkReviewed: _reviewed,
    Network.ReviewIntervalChanged: _interval_changed,
    Network.NetworkClosed: _closed,
    Network.NetworkReopened: _reopened,
    Network.CarerBurdenReported: _burden_reported,
    Network.SpilmantelzorgerDesignated: _designated,
    Network.SpilmantelzorgerStoodDown: _stood_down,
    Network.ContactRemoved: _contact_removed,
    **dict.fromkeys(TIE_EVENTS, _tie_changed),
    Network.TieEnded: _tie_ended,
    Network.GoalSet: _goal_set,
    Network.GoalCompleted: _goal_completed,
}


# ------------------------------------------------------------ the questions the reminders answer
DUE = (
    "SELECT d.reminder_id, d.network_id, d.kind, d.subject, d.due_on, d.state, d.snoozed_until, d.status, "
    "d.resolved_by, n.client_name, n.coordinator, n.spilmantelzorger_id FROM kring_due d "
    "JOIN kring_networks n ON n.network_id = d.network_id "
)


class DueReminders:
    """Reading the reminders: what is due, what was answered, what a coordinator still has open (each row with
    the network's client, coordinator and spilmantelzorger from the map)."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def _rows(self, where: str, params: list[Any]) -> list[dict[str, Any]]:
        with self.store.transaction() as tx:
            return tx.execute(DUE + where, params).all()

    def due_by(self, today: date) -> list[dict[str, Any]]:
        """Pending reminders of open networks due by today that were never raised, the earliest first."""
        return self._rows(
            "WHERE d.status = 'pending' AND d.state = 'new' AND d.due_on <= ? AND n.status = 'open' ORDER BY d.due_on",
            [today.isoformat()],
        )

    def answered(self) -> list[dict[str, Any]]:
        """Raised reminders that an event has answered but that are still open."""
        return self._rows("WHERE d.status = 'resolved' AND d.state IN ('sent', 'acknowledged', 'snoozed')", [])

    def open_for(self, coordinator: str) -> list[dict[str, Any]]:
        """Everything still open in the coordinator's open networks, due or not yet due."""
        return self._rows(
            "WHERE n.coordinator = ? AND n.status = 'open' AND d.status = 'pending' "
            "AND d.state NOT IN ('dismissed', 'resolved') ORDER BY d.due_on",
            [coordinator],
        )

    def sent_to(self, coordinator: str) -> list[dict[str, Any]]:
        """The reminders raised in the coordinator's networks that still ask for something (snoozed ones too)."""
        return self._rows(
            "WHERE n.coordinator = ? AND d.state IN ('sent', 'acknowledged', 'snoozed') AND d.status = 'pending' "
            "ORDER BY d.due_on",
            [coordinator],
        )

    def network_of(self, reminder_id: str) -> str | None:
        """The network a reminder is about (None: no such reminder)."""
        with self.store.transaction() as tx:
            row = tx.execute("SELECT network_id FROM kring_due WHERE reminder_id = ?", [reminder_id]).one()
        return row["network_id"] if row else None

    def raised_about(self, network_id: str) -> list[str]:
        """The ids of the reminders raised about a network, by due day."""
        with self.store.transaction() as tx:
            rows = tx.execute(
                "SELECT reminder_id FROM kring_due WHERE network_id = ? AND state <> 'new' "
                "ORDER BY due_on, reminder_id",
                [network_id],
            ).all()
        return [r["reminder_id"] for r in rows]
