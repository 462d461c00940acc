"""A calendar feed per coordinator (RFC 5545), behind a secret link that can be renewed, and that ends with
the account: deactivating or deleting it revokes the link, and a link of an inactive account opens nothing."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import icalendar

from projections.db import ReadStore
from services.reminders import Delivery, Reminders


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeeds:
    """Secret feed links (only their hashes are stored) and the feeds themselves."""

    def __init__(self, store: ReadStore, reminders: Reminders, is_active: Callable[[str], bool]) -> None:
        self.store = store
        self.reminders = reminders
        self.is_active = is_active  # whether a user's account is active (services/accounts.py)
        store.create(
            "CREATE TABLE IF NOT EXISTS kring_calendar_tokens (coordinator TEXT PRIMARY KEY, digest TEXT UNIQUE, "
            "created_at TEXT)"
        )

    def new_token(self, coordinator: str) -> str:
        """A fresh secret for this coordinator's feed; the previous link stops working."""
        token = secrets.token_urlsafe(24)
        with self.store.transaction(write=True) as tx:
            tx.execute(
                "INSERT INTO kring_calendar_tokens (coordinator, digest, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (coordinator) DO UPDATE SET digest = excluded.digest, "
                "created_at = excluded.created_at",
                [coordinator, _digest(token), datetime.now(UTC).isoformat()],
            )
        return token

    def coordinator_of(self, token: str) -> str | None:
        """Whose feed this secret opens, if any: only an active account's."""
        with self.store.transaction() as tx:
            row = tx.execute("SELECT coordinator FROM kring_calendar_tokens WHERE digest = ?", [_digest(token)]).one()
        return row["coordinator"] if row and self.is_active(row["coordinator"]) else None

    def revoke(self, coordinator: str) -> None:
        """The coordinator's feed link stops working (their account was deactivated or deleted)."""
        with self.store.transaction(write=True) as tx:
            tx.execute("DELETE FROM kring_calendar_tokens WHERE coordinator = ?", [coordinator])

    def feed(self, coordinator: str, link: Callable[[Delivery], str]) -> bytes:
        """Every open reminder of the coordinator's networks as an all-day event on its due day, with its link."""
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//Kring//Herinneringen//NL")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", "Kring: herinneringen")
        stamp = datetime.now(UTC)
        for item in self.reminders.open_items(coordinator):
            due = item.due_on
            event = icalendar.Event()
            event.add("uid", f"{item.reminder_id}@kring")
            event.add("summary", item.title)
            event.add("dtstart", due)
            if due < date.max:  # without an end an all-day event lasts its one day (RFC 5545, 3.6.1)
                event.add("dtend", due + timedelta(days=1))
            event.add("dtstamp", stamp)
            url = link(item)
            event.add("url", url)
            event.add("description", f"{item.title}\n{url}")
            calendar.add_component(event)
        return bytes(calendar.to_ical())
