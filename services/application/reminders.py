"""Reminders: the scan that raises what is due (exactly once), resolves what was answered, and the inbox."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.errors import UnknownEntity
from domain.reminders import Reminder
from domain.words import Phrase
from domain.words.care import reminder_title
from services.application.kring import Kring
from services.application.readside import ReadSide
from services.infrastructure.crypto import KeyErased

log = logging.getLogger(__name__)
SCHEDULER = "scheduler"


@dataclass(frozen=True)
class Delivery:
    """One reminder to hand to the channels: who gets it and what it says."""

    reminder_id: str
    network_id: str
    kind: str
    subject: str  # the contact, carer or goal it is about ("review" for the network's review)
    due_on: date
    title: Phrase  # said in the reader's language by the inbox, the e-mail and the calendar
    recipients: list[str]


@dataclass
class ScanResult:
    """What one scan did."""

    raised: list[Delivery] = field(default_factory=list)
    already_raised: int = 0
    resolved: int = 0


def _emails(*candidates: str | None) -> list[str]:
    return sorted({c for c in candidates if c and "@" in c})


class Reminders:
    """Scan, deliver and answer reminders."""

    def __init__(self, app: Kring, side: ReadSide, address_of: Callable[[str], str | None] | None = None) -> None:
        self.app = app
        self.side = side
        self.address_of = address_of or (lambda user_id: None)  # a coordinator's e-mail address, by user id

    def _coordinator_email(self, coordinator: str) -> str | None:
        return coordinator if "@" in coordinator else self.address_of(coordinator)

    def _email_of(self, network_id: str, contact_id: str | None) -> str | None:
        return self.side.maps.email_of(network_id, contact_id) if contact_id else None

    def delivery(self, row: dict[str, Any]) -> Delivery:
        """What a due row becomes when it is sent: its title and its recipients."""
        subject = self.side.timelines.name_of(row["network_id"], row["subject"]) if row["kind"] != "review_due" else ""
        title = reminder_title(row["kind"], row["client_name"], subject)
        spil = row["spilmantelzorger_id"]
        concerns_spil = row["kind"] == "burden_check_in" and row["subject"] == spil
        recipients = _emails(
            self._coordinator_email(row["coordinator"]),
            self._email_of(row["network_id"], spil) if concerns_spil else None,
        )
        return Delivery(
            row["reminder_id"],
            row["network_id"],
            row["kind"],
            row["subject"],
            date.fromisoformat(row["due_on"]),
            title,
            recipients,
        )

    def scan(self, today: date, deliver: Callable[[Delivery], None], channels: list[str]) -> ScanResult:
        """Raise every reminder due by today exactly once (then deliver it); resolve the answered ones."""
        result = ScanResult()
        for row in self.side.due.due_by(today):
            reminder = Reminder(
                network_id=row["network_id"],
                kind=row["kind"],
                subject=row["subject"],
                due_on=date.fromisoformat(row["due_on"]),
                channels=channels,
                recorded_by=SCHEDULER,
            )
            try:
                self.app.save(reminder)
            except IntegrityError:  # another scheduler raised it first: it delivers, we do not
                result.already_raised += 1
                continue
            except KeyErased:  # the network was erased after this scan read its row
                continue
            delivery = self.delivery(row)
            deliver(delivery)  # only after the raised-and-sent event is committed
            result.raised.append(delivery)
        for row in self.side.due.answered():
            answered_by: str = row["resolved_by"] or ""
            self._answer(UUID(row["reminder_id"]), lambda r: r.resolve(SCHEDULER, answered_by))  # noqa: B023
            result.resolved += 1
        return result

    def open_items(self, coordinator: str) -> list[Delivery]:
        """Everything still open in the coordinator's open networks, due or not yet due (for the calendar)."""
        return [self.delivery(r) for r in self.side.due.open_for(coordinator)]

    def check_ins(self, network_id: str, coordinator: str, carer_id: str) -> list[date]:
        """The days Kring asks (or will ask) this carer how they are doing, still open, the earliest first."""
        rows = self.side.due.open_for(coordinator)
        return [
            date.fromisoformat(r["due_on"])
            for r in rows
            if r["network_id"] == network_id and r["kind"] == "burden_check_in" and r["subject"] == carer_id
        ]

    # ------------------------------------------------------------- inbox
    def inbox(self, recipient: str, today: date) -> list[dict[str, Any]]:
        """The reminders sent to a coordinator that still ask for something (snoozed ones when their day comes)."""
        rows = self.side.due.sent_to(recipient)
        shown = [r for r in rows if r["state"] != "snoozed" or (r["snoozed_until"] or "") <= today.isoformat()]
        return [{**self.delivery(r).__dict__, "state": r["state"], "snoozed_until": r["snoozed_until"]} for r in shown]

    def _reminder(self, reminder_id: UUID) -> Reminder:
        try:
            reminder: object = self.app.repository.get(reminder_id)
        except (AggregateNotFoundError, KeyErased):  # an erased network's reminders are gone with it
            raise UnknownEntity("reminder", str(reminder_id), "reminder_id") from None
        if not isinstance(reminder, Reminder):
            raise UnknownEntity("reminder", str(reminder_id), "reminder_id")
        return reminder

    def _answer(
        self, reminder_id: UUID, command: Callable[[Reminder], None], expected_version: int | None = None
    ) -> Reminder:
        reminder, _ = self.app.update(lambda: self._reminder(reminder_id), command, expected_version)
        return reminder

    def acknowledge(self, reminder_id: UUID, by: str, expected_version: int | None = None) -> Reminder:
        """Seen; will act on it."""
        return self._answer(reminder_id, lambda r: r.acknowledge(by), expected_version)

    def snooze(self, reminder_id: UUID, by: str, until: date, expected_version: int | None = None) -> Reminder:
        """Out of sight until a later day."""
        return self._answer(reminder_id, lambda r: r.snooze(by, until, self.app.today()), expected_version)

    def dismiss(self, reminder_id: UUID, by: str, reason: str, expected_version: int | None = None) -> Reminder:
        """Nothing to do about it."""
        return self._answer(reminder_id, lambda r: r.dismiss(by, reason), expected_version)
