"""The in-app inbox of reminders, and the coordinator's calendar feed."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Response

from domain.reminders import Reminder
from services.web import schemas
from services.web.api.read import read_side
from services.web.current import services
from services.web.errors import in_path
from services.web.http import Blueprint, caller, expected_version, not_found
from services.web.language import speaker
from services.web.links import links

blp = Blueprint("inbox", __name__, url_prefix="/api", description="Reminders: inbox and calendar feed")
calendar_blp = Blueprint("calendar", __name__, url_prefix="/calendar", description="Calendar feeds (iCalendar)")


def _state(reminder: Reminder) -> tuple[dict[str, Any], int, dict[str, str]]:
    body = {
        "id": str(reminder.id),
        "version": reminder.version,
        "state": reminder.state,
        "snoozed_until": reminder.snoozed_until,
    }
    return body, 200, {"ETag": f'"{reminder.version}"'}


@blp.route("/inbox", methods=["GET"])
@blp.arguments(schemas.ReadQuery, location="query")
@blp.response(200, schemas.InboxOut)
def inbox(query: dict[str, Any]) -> Any:
    """Your reminders (for the networks you coordinate) that still ask for something."""
    read_side(query)
    return {"items": services().reminders.inbox(caller(), services().kring.today())}


@blp.route("/inbox/<uuid:reminder_id>/acknowledge", methods=["POST"])
@blp.response(200, schemas.ReminderState)
@blp.alt_response(404, schema=schemas.Error, description="No such reminder")
@blp.alt_response(409, schema=schemas.Error, description="Dismissed or resolved already")
def acknowledge(reminder_id: UUID) -> Any:
    """Seen; I will act on it."""
    with in_path("reminder", str(reminder_id)):
        return _state(services().reminders.acknowledge(reminder_id, caller(), expected_version()))


@blp.route("/inbox/<uuid:reminder_id>/snooze", methods=["POST"])
@blp.arguments(schemas.Snooze)
@blp.response(200, schemas.ReminderState)
@blp.alt_response(404, schema=schemas.Error, description="No such reminder")
@blp.alt_response(409, schema=schemas.Error, description="Not a later day, or closed already")
def snooze(body: dict[str, Any], reminder_id: UUID) -> Any:
    """Out of the inbox until a later day."""
    with in_path("reminder", str(reminder_id)):
        return _state(services().reminders.snooze(reminder_id, caller(), body["until"], expected_version()))


@blp.route("/inbox/<uuid:reminder_id>/dismiss", methods=["POST"])
@blp.arguments(schemas.Dismissal)
@blp.response(200, schemas.ReminderState)
@blp.alt_response(404, schema=schemas.Error, description="No such reminder")
@blp.alt_response(409, schema=schemas.Error, description="Dismissed or resolved already")
def dismiss(body: dict[str, Any], reminder_id: UUID) -> Any:
    """Nothing to do about it."""
    with in_path("reminder", str(reminder_id)):
        return _state(services().reminders.dismiss(reminder_id, caller(), body["reason"], expected_version()))


@blp.route("/coordinators/<coordinator>/calendar-link", methods=["POST"])
@blp.response(201, schemas.CalendarLink)
def calendar_link(coordinator: str) -> Any:
    """A new secret link to the coordinator's calendar feed (the previous link stops working)."""
    token = services().calendar.new_token(coordinator)
    return {"url": links().calendar_feed(token)}


@calendar_blp.route("/<token>.ics", methods=["GET"])
@calendar_blp.response(
    200,
    {"type": "string"},
    content_type="text/calendar",
    description="RFC 5545 calendar with every open reminder as an all-day event",
)
def calendar_feed(token: str) -> Response:
    """The calendar feed behind a secret link (subscribe to it in Outlook or Google Calendar)."""
    feeds = services().calendar
    coordinator = feeds.coordinator_of(token)
    if coordinator is None:
        not_found("No calendar behind this link; ask for a new one.", "calendar_not_found")
    return Response(
        feeds.feed(coordinator, links().reminder, speaker()),  # Dutch, unless ?lang=en or Accept-Language: en
        mimetype="text/calendar",
        headers={"Cache-Control": "private, max-age=300"},
    )
