"""Who may see the network: roles given and taken away, the client's consent, and who looked (the access log)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from flask import g
from marshmallow import Schema, ValidationError, fields, validate

from domain.access import CONSENT_SCOPES, ROLES
from services.accounts.accounts import User
from services.application.networks import Outcome
from services.web.auth import current_user
from services.web.current import services
from services.web.errors import in_path
from services.web.http import Blueprint, answer, command, context, refuse
from services.web.schemas import Strict

blp = Blueprint("access", __name__, url_prefix="/api/networks", description="Access, consent and the access log")


class AccessGrant(Strict):
    user = fields.String(
        required=True,
        validate=validate.Length(min=1, max=254),
        metadata={"description": "The user's id or e-mail address (of your organisation)."},
    )
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    contact_id = fields.UUID(
        load_default=None, metadata={"description": "The contact this user is in the network (carers, members)."}
    )


class Consent(Strict):
    scopes = fields.List(
        fields.String(validate=validate.OneOf(CONSENT_SCOPES)),
        required=True,
        metadata={"description": "What the client lets this person see; what is left out is withdrawn at once."},
    )


class Person(Schema):
    user_id = fields.String()
    name = fields.String()
    role = fields.String()
    contact_id = fields.String(allow_none=True)
    consent = fields.List(fields.String())
    coordinates_network = fields.Boolean()


class People(Schema):
    items = fields.List(fields.Nested(Person))


def log_cursor(text: str) -> str | None:
    """An ISO 8601 moment as the access log writes its `at` (UTC, to the millisecond); None if it is none."""
    try:
        moment = datetime.fromisoformat(text)
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat("T", "milliseconds")
    except (ValueError, OverflowError):
        return None


class LogCursor(fields.String):
    """The `at` of a log entry, to page with."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        cursor = log_cursor(super()._deserialize(value, attr, data, **kwargs))
        if cursor is None:
            raise ValidationError("Not a moment: give the `at` of an entry, such as 2026-11-26T09:30:00.000+00:00.")
        return cursor


class LogQuery(Strict):
    before = LogCursor(
        metadata={"description": "Cursor: the `at` of the last entry of the previous page.", "format": "date-time"}
    )
    limit = fields.Integer(
        load_default=100,
        validate=validate.Range(1, 500),
        metadata={"description": "Entries per page; a few more when entries share the last one's moment."},
    )


class LogEntry(Schema):
    at = fields.String()
    user_id = fields.String()
    name = fields.String()
    looked_at = fields.String(attribute="action")
    reason = fields.String(allow_none=True)


class LogPage(Schema):
    items = fields.List(fields.Nested(LogEntry))


# What the API and the pages (services/web/ui/ownership.py) share: the same lookups and the same commands.
DELETED_ACCOUNT = "(account verwijderd)"


def settled(outcome: Outcome) -> Outcome:
    """In force for every later request when this answers."""
    services().read_side.settle_access(outcome.position)
    return outcome


def names_of(user_ids: set[str], missing: str = DELETED_ACCOUNT) -> dict[str, str]:
    """Each user's name (`missing` for an account that is gone)."""
    found = {u: services().accounts.user(u) for u in user_ids}
    return {u: (user.name if user else missing) for u, user in found.items()}


def people(network_id: str, missing: str = DELETED_ACCOUNT) -> list[dict[str, Any]]:
    """Everyone with a role on the network, with their name and the consent they have."""
    found = services().read_side.access.people(network_id)
    names = names_of({p["user_id"] for p in found}, missing)
    return [{**p, "name": names[p["user_id"]]} for p in found]


def log_entries(
    network_id: str, before: str | None, limit: int, missing: str = DELETED_ACCOUNT
) -> list[dict[str, Any]]:
    """A page of the access log, newest first, with the names of who looked."""
    entries = services().access_log.entries(network_id, before, limit)
    names = names_of({e["user_id"] for e in entries}, missing)
    return [{**e, "name": names[e["user_id"]]} for e in entries]


def colleague(user: str) -> User | None:
    """A user of the caller's organisation, by id or e-mail address (None: no such user there)."""
    found = services().accounts.by_email(user) if "@" in user else services().accounts.user(user)
    return found if found is not None and found.organisation_id == current_user().organisation_id else None


def grant(network_id: UUID, user: User, role: str, contact_id: UUID | None) -> Outcome:
    """Give the user a role on the network; in force when this returns."""
    return settled(
        services().kring.grant_access(network_id, context(), user.id, role, str(contact_id) if contact_id else None)
    )


def revoke(network_id: UUID, user_id: str) -> Outcome:
    """Take the user's role away; in force when this returns."""
    return settled(services().kring.revoke_access(network_id, context(), user_id))


def on_behalf_of_client() -> bool:
    """Whether the caller records consent on the client's behalf (a coordinator), not as the client."""
    return bool(g.access.role != "client")


def record_consent(network_id: UUID, user_id: str, scopes: list[str]) -> Outcome:
    """The client's consent for one person: given by the client, or by a coordinator on the client's behalf
    (the event says which); in force when this returns."""
    return settled(services().kring.set_consent(network_id, context(), user_id, scopes, on_behalf_of_client()))


@blp.route("/<uuid:network_id>/access", methods=["GET"])
@blp.response(200, People)
def list_access(network_id: UUID) -> dict[str, Any]:
    """Everyone with a role on the network, with the consent they have."""
    return {"items": people(str(network_id))}


@command(blp, "/<uuid:network_id>/access", "POST", AccessGrant, status=201, errors=(404, 409, 412, 422))
def grant_access(body: dict[str, Any], network_id: UUID) -> Any:
    """Give a user of your organisation a role on the network (a new role replaces the old one)."""
    found = colleague(body["user"])
    if found is None:
        refuse(422, "There is no such user in your organisation.", "unknown_user")
    return answer(grant(network_id, found, body["role"], body["contact_id"]), 201)


@command(blp, "/<uuid:network_id>/access/<user_id>", "DELETE", None)
def revoke_access(network_id: UUID, user_id: str) -> Any:
    """Take a user's role away; it is in force when this answers."""
    with in_path("user with access", user_id):
        return answer(revoke(network_id, user_id))


@command(blp, "/<uuid:network_id>/consent/<user_id>", "PUT", Consent)
def set_consent(body: dict[str, Any], network_id: UUID, user_id: str) -> Any:
    """The client's consent for one person: by the client, or by the coordinator on the client's behalf."""
    with in_path("user with access", user_id):
        return answer(record_consent(network_id, user_id, body["scopes"]))


@blp.route("/<uuid:network_id>/access-log", methods=["GET"])
@blp.arguments(LogQuery, location="query")
@blp.response(200, LogPage)
def access_log(query: dict[str, Any], network_id: UUID) -> dict[str, Any]:
    """Who looked at the network's personal data, when, what and why; newest first."""
    return {"items": log_entries(str(network_id), query.get("before"), query["limit"])}
