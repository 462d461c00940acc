"""The reminders inbox (seen, later, not needed) and the link to subscribe to them in a calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any
from uuid import UUID

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from domain.errors import DomainError
from domain.reminders import Reminder
from services.web import schemas
from services.web.auth import current_user
from services.web.current import services
from services.web.links import links
from services.web.pages.context import done, look, today
from services.web.pages.forms import Form, load, refusal

blp = Blueprint("reminders", __name__, url_prefix="/herinneringen", template_folder="../templates")


@blp.route("", methods=["GET"])
def inbox() -> Any:
    """The reminders of the networks one coordinates that still ask for something."""
    items = services().reminders.inbox(current_user().id, today())
    look(sorted({i["network_id"] for i in items}), "de herinneringen")
    later = (today() + timedelta(days=7)).isoformat()
    return render_template("reminders.html", items=items, later=later, minimum=today() + timedelta(days=1))


def _answer(reminder_id: UUID, act: Callable[[], Reminder], message: str, form: Form | None = None) -> Any:
    if form is not None and not form.ok:
        return done(form.problems, "reminders.inbox", kind="problem")
    try:
        act()
    except DomainError as error:
        return done(refusal(error)[1], "reminders.inbox", kind="problem")
    return done(message, "reminders.inbox")


@blp.route("/<uuid:reminder_id>/gezien", methods=["POST"])
def acknowledge(reminder_id: UUID) -> Any:
    """Seen; I will act on it."""
    by = current_user().id
    message = _("Gezien: de herinnering blijft staan tot het gedaan is.")
    return _answer(reminder_id, lambda: services().reminders.acknowledge(reminder_id, by), message)


@blp.route("/<uuid:reminder_id>/later", methods=["POST"])
def snooze(reminder_id: UUID) -> Any:
    """Out of the inbox until a later day."""
    form, body = load(schemas.Snooze(), request.form)
    by = current_user().id
    return _answer(
        reminder_id,
        lambda: services().reminders.snooze(reminder_id, by, body["until"]),
        _("Uitgesteld tot %(day)s.", day=body.get("until", "")),
        form,
    )


@blp.route("/<uuid:reminder_id>/niet-nodig", methods=["POST"])
def dismiss(reminder_id: UUID) -> Any:
    """Nothing to do about it."""
    form, body = load(schemas.Dismissal(), request.form)
    by = current_user().id
    return _answer(
        reminder_id,
        lambda: services().reminders.dismiss(reminder_id, by, body["reason"]),
        _("De herinnering is weg."),
        form,
    )


@blp.route("/agenda-link", methods=["POST"])
def calendar_link() -> Any:
    """A new secret link to one's calendar feed (the previous link stops working)."""
    token = services().calendar.new_token(current_user().id)
    return render_template("calendar_link.html", url=links().calendar_feed(token))
