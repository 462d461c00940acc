"""A calendar feed per coordinator (RFC 5545), behind a secret link that can be renewed, and that ends with
the account: deactivating or deleting it revokes the link, and a link of an inactive account opens nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import icalendar

from domain.words import Phrase
from domain.words.care import CALENDAR_NAME
from services.accounts.calendar_tokens import CalendarTokens
from services.application.reminders import Delivery, Reminders


class CalendarFeeds:
    """The feeds, behind secret links (services/accounts/calendar_tokens.py) that end with their account."""

    def __init__(self, tokens: CalendarTokens, reminders: Reminders, is_active: Callable[[str], bool]) -> None:
        self.tokens = tokens
        self.reminders = reminders
        self.is_active = is_active  # whether a user's account is active (services/accounts/accounts.py)

    def new_token(self, coordinator: str) -> str:
        """A fresh secret for this coordinator's feed; the previous link stops working."""
        return self.tokens.new_token(coordinator)

    def coordinator_of(self, token: str) -> str | None:
        """Whose feed this secret opens, if any: only an active account's."""
        coordinator = self.tokens.owner(token)
        return coordinator if coordinator and self.is_active(coordinator) else None

    def revoke(self, coordinator: str) -> None:
        """The coordinator's feed link stops working (their account was deactivated or deleted)."""
        self.tokens.revoke(coordinator)

    def feed(self, coordinator: str, link: Callable[[Delivery], str], say: Callable[[Phrase | str], str]) -> bytes:
        """Every open reminder of the coordinator's networks as an all-day event on its due day, with its link;
        the words said by `say` (the language the calendar asks for)."""
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//Kring//Herinneringen//NL")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", say(CALENDAR_NAME))
        stamp = datetime.now(UTC)
        for item in self.reminders.open_items(coordinator):
            due = item.due_on
            event = icalendar.Event()
            event.add("uid", f"{item.reminder_id}@kring")
            title = say(item.title)
            event.add("summary", title)
            event.add("dtstart", due)
            if due < date.max:  # without an end an all-day event lasts its one day (RFC 5545, 3.6.1)
                event.add("dtend", due + timedelta(days=1))
            event.add("dtstamp", stamp)
            url = link(item)
            event.add("url", url)
            event.add("description", f"{title}\n{url}")
            calendar.add_component(event)
        return bytes(calendar.to_ical())
