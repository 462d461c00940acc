"""Who may see the network: roles given and taken away, the client's consent, and who looked (the access log)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from marshmallow import Schema, ValidationError, fields, validate

from services.accounts.access_log import cursor
from services.web import schemas
from services.web.auth import current_user, on_behalf_of_client
from services.web.current import services
from services.web.errors import in_path
from services.web.http import Blueprint, answer, command, context, refuse
from services.web.problems import Problem
from services.web.schemas import Strict

blp = Blueprint("access", __name__, url_prefix="/api/networks", description="Access, consent and the access log")


class Person(Schema):
    user_id = fields.String()
    name = fields.String()
    role = fields.String()
    contact_id = fields.String(allow_none=True)
    consent = fields.List(fields.String())
    coordinates_network = fields.Boolean()


class People(Schema):
    items = fields.List(fields.Nested(Person))


class LogCursor(fields.String):
    """The `at` of a log entry, to page with."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        moment = cursor(super()._deserialize(value, attr, data, **kwargs))
        if moment is None:
            message = "Not a moment: give the `at` of an entry, such as 2026-11-26T09:30:00.000+00:00."
            raise ValidationError(Problem(message, "invalid_moment"))
        return moment


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


@blp.route("/<uuid:network_id>/access", methods=["GET"])
@blp.response(200, People)
def list_access(network_id: UUID) -> dict[str, Any]:
    """Everyone with a role on the network, with the consent they have."""
    return {"items": services().access.people(str(network_id))}


@command(blp, "/<uuid:network_id>/access", "POST", schemas.AccessGrant, status=201, errors=(404, 409, 412, 422))
def grant_access(body: dict[str, Any], network_id: UUID) -> Any:
    """Give a user of your organisation a role on the network (a new role replaces the old one)."""
    access = services().access
    found = access.colleague(body["user"], current_user())
    if found is None:
        refuse(422, "There is no such user in your organisation.", "unknown_user")
    return answer(access.grant(network_id, context(), found, body["role"], body["contact_id"]), 201)


@command(blp, "/<uuid:network_id>/access/<user_id>", "DELETE", None)
def revoke_access(network_id: UUID, user_id: str) -> Any:
    """Take a user's role away; it is in force when this answers."""
    with in_path("user with access", user_id):
        return answer(services().access.revoke(network_id, context(), user_id))


@command(blp, "/<uuid:network_id>/consent/<user_id>", "PUT", schemas.Consent)
def set_consent(body: dict[str, Any], network_id: UUID, user_id: str) -> Any:
    """The client's consent for one person: by the client, or by the coordinator on the client's behalf."""
    with in_path("user with access", user_id):
        outcome = services().access.record_consent(
            network_id, context(), user_id, body["scopes"], on_behalf_of_client()
        )
        return answer(outcome)


@blp.route("/<uuid:network_id>/access-log", methods=["GET"])
@blp.arguments(LogQuery, location="query")
@blp.response(200, LogPage)
def access_log(query: dict[str, Any], network_id: UUID) -> dict[str, Any]:
    """Who looked at the network's personal data, when, what and why; newest first."""
    return {"items": services().access.log_entries(str(network_id), query.get("before"), query["limit"])}
