"""Reminders: what the system itself notices people should do, and what became of each reminder.

A reminder's id is derived from what it is about (network, kind, subject, due day), so two schedulers
raising the same reminder create the same aggregate, and the second one's save is refused by the store.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain import days
from domain.errors import DomainError

REMINDER_KINDS: tuple[str, ...] = ("review_due", "burden_check_in", "tie_follow_up", "goal_overdue")
NAMESPACE = UUID("6c1f6c7e-3b8a-5d0e-9c55-6b2a4f0e7d11")


def reminder_id(network_id: UUID | str, kind: str, subject: str, due_on: date) -> UUID:
    """The one id of the reminder about this subject, due on this day."""
    return uuid5(NAMESPACE, f"{network_id}/{kind}/{subject}/{due_on.isoformat()}")


class Reminder(Aggregate):
    """One reminder, from the moment it was raised and sent until it is answered or put aside."""

    class Event(Aggregate.Event):
        recorded_by: str

    class ReminderRaised(Aggregate.Created, Event):
        network_id: str
        kind: str
        subject: str
        due_on: date
        channels: list[str]

    @staticmethod
    def create_id(network_id: str, kind: str, subject: str, due_on: date, **_: object) -> UUID:
        return reminder_id(network_id, kind, subject, due_on)

    @event(ReminderRaised)
    def __init__(  # noqa: PLR0913 - the event's fields
        self, network_id: str, kind: str, subject: str, due_on: date, channels: list[str], recorded_by: str
    ) -> None:
        if kind not in REMINDER_KINDS:
            raise DomainError("invalid_choice", f"{kind!r} is not a kind of reminder.", "kind")
        self.network_id = network_id
        self.kind = kind
        self.subject = subject
        self.due_on = due_on
        self.state = "sent"
        self.snoozed_until: date | None = None

    def _require_open(self) -> None:
        if self.state in ("dismissed", "resolved"):
            raise DomainError("reminder_closed", f"This reminder is {self.state} already.")

    class ReminderAcknowledged(Event):
        pass

    def acknowledge(self, by: str) -> None:
        """Someone saw it and will act on it."""
        self._require_open()
        if self.state != "acknowledged":
            self._acknowledge(by)

    @event(ReminderAcknowledged)
    def _acknowledge(self, recorded_by: str) -> None:
        self.state = "acknowledged"

    class ReminderSnoozed(Event):
        until: date

    def snooze(self, by: str, until: date, today: date) -> None:
        """Put it out of sight until a later day."""
        self._require_open()
        if until <= today:
            raise DomainError("snooze_not_later", "Snooze until a day after today.", "until")
        days.require_planned(until, today, "until")
        self._snooze(until, by)

    @event(ReminderSnoozed)
    def _snooze(self, until: date, recorded_by: str) -> None:
        self.state = "snoozed"
        self.snoozed_until = until

    class ReminderDismissed(Event):
        reason: str

    def dismiss(self, by: str, reason: str) -> None:
        """Nothing to do about it."""
        self._require_open()
        self._dismiss(reason, by)

    @event(ReminderDismissed)
    def _dismiss(self, reason: str, recorded_by: str) -> None:
        self.state = "dismissed"

    class ReminderResolved(Event):
        resolved_by: str

    def resolve(self, by: str, resolved_by: str) -> None:
        """What it asked for has happened (e.g. the review was held)."""
        if self.state not in ("dismissed", "resolved"):
            self._resolve(resolved_by, by)

    @event(ReminderResolved)
    def _resolve(self, resolved_by: str, recorded_by: str) -> None:
        self.state = "resolved"
