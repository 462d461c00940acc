"""Every link Kring hands out (e-mails, calendar feeds, pages), built from the app's URL map.

A link that leaves Kring starts with the external base URL (KRING_BASE_URL, the `BASE_URL` setting), never with the
host a request names: a forged Host header must not turn a password link into someone else's. The same links are
made outside a request (the scheduler) from the pages' routes alone (`services.web.page_links`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, url_for

from services.application.reminders import Delivery

DEFAULT_BASE_URL = "http://127.0.0.1:5000"  # `make run` on this machine
# The page that helps most with each kind of reminder, and what its subject is called in that page's address.
REMINDER_PAGES: dict[str, tuple[str, str | None]] = {
    "review_due": ("network.ecogram", None),  # the map to bring up again, with what needs attention
    "burden_check_in": ("carers.carer", "carer_id"),  # the carer's burden over time and the questionnaires
    "tie_follow_up": ("forms.assess_tie", "contact_id"),  # how the tie is now
    "goal_overdue": ("network.tasks", None),  # who does what, with the goals to mark reached
}


def reminder_page(kind: str, network_id: str, subject: str) -> tuple[str, dict[str, Any]]:
    """The endpoint and values of the page for a reminder (a KeyError for a kind without one)."""
    endpoint, subject_name = REMINDER_PAGES[kind]
    values: dict[str, Any] = {"network_id": network_id}
    if subject_name:
        values[subject_name] = subject
    return endpoint, values


def reminder_path(item: dict[str, Any]) -> str:
    """The page of a reminder of the inbox, as a link within the pages (during a request)."""
    endpoint, values = reminder_page(item["kind"], item["network_id"], item["subject"])
    return url_for(endpoint, **values)


class Links:
    """The full addresses of Kring's pages, as the people who get them reach Kring."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    @property
    def configured(self) -> bool:
        """Whether the base URL was set (KRING_BASE_URL), rather than the default of this machine."""
        return bool(self.app.config.get("BASE_URL"))

    @property
    def base_url(self) -> str:
        return str(self.app.config.get("BASE_URL") or DEFAULT_BASE_URL)

    def external(self, endpoint: str, **values: Any) -> str:
        """The full address of an endpoint with these values, under the base URL."""
        base = urlsplit(self.base_url)
        adapter = self.app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
        return adapter.build(endpoint, values, force_external=True)

    def reminder(self, delivery: Delivery) -> str:
        """The page that helps most with this reminder."""
        endpoint, values = reminder_page(delivery.kind, delivery.network_id, delivery.subject)
        return self.external(endpoint, **values)

    def password(self, secret: str) -> str:
        """The page where the holder of this secret chooses a password."""
        return self.external("pages.reset_password", token=secret)

    def calendar_feed(self, secret: str) -> str:
        """The calendar feed behind this secret."""
        return self.external("calendar.calendar_feed", token=secret)


def links() -> Links:
    """The links of this Flask app."""
    return Links(current_app)
