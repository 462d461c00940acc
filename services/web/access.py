"""Who may see the network: roles given and taken away, the client's consent, and who looked (the access log)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import current_app, g
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from domain.access import CONSENT_SCOPES, ROLES
from services.application import Outcome
from services.readside import ReadSide
from services.web import auth
from services.web.auth import accounts, current_user
from services.web.errors import in_path
from services.web.http import answer, command, context, kring, refuse
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


class LogQuery(Strict):
    before = fields.String(metadata={"description": "Cursor: the `at` of the last entry of the previous page."})
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


def _settled(outcome: Outcome) -> Outcome:
    """In force for every later request when this answers."""
    side: ReadSide = current_app.extensions["kring_read"]
    side.settle_access(outcome.position)
    return outcome


def _names(user_ids: set[str]) -> dict[str, str]:
    found = {u: accounts().user(u) for u in user_ids}
    return {u: (user.name if user else "(account verwijderd)") for u, user in found.items()}


@blp.route("/<uuid:network_id>/access", methods=["GET"])
@blp.response(200, People)
def list_access(network_id: UUID) -> dict[str, Any]:
    """Everyone with a role on the network, with the consent they have."""
    side: ReadSide = current_app.extensions["kring_read"]
    people = side.access.people(str(network_id))
    names = _names({p["user_id"] for p in people})
    return {"items": [{**p, "name": names[p["user_id"]]} for p in people]}


@command(blp, "/<uuid:network_id>/access", "POST", AccessGrant, status=201, errors=(404, 409, 412, 422))
def grant_access(body: dict[str, Any], network_id: UUID) -> Any:
    """Give a user of your organisation a role on the network (a new role replaces the old one)."""
    found = accounts().by_email(body["user"]) if "@" in body["user"] else accounts().user(body["user"])
    if found is None or found.organisation_id != current_user().organisation_id:
        refuse(422, "There is no such user in your organisation.", "unknown_user")
    contact_id = str(body["contact_id"]) if body["contact_id"] else None
    outcome = kring().grant_access(network_id, context(), found.id, body["role"], contact_id)
    return answer(_settled(outcome), 201)


@command(blp, "/<uuid:network_id>/access/<user_id>", "DELETE", None)
def revoke_access(network_id: UUID, user_id: str) -> Any:
    """Take a user's role away; it is in force when this answers."""
    with in_path("user with access", user_id):
        return answer(_settled(kring().revoke_access(network_id, context(), user_id)))


@command(blp, "/<uuid:network_id>/consent/<user_id>", "PUT", Consent)
def set_consent(body: dict[str, Any], network_id: UUID, user_id: str) -> Any:
    """The client's consent for one person: by the client, or by the coordinator on the client's behalf."""
    on_behalf = g.access.role != "client"
    with in_path("user with access", user_id):
        outcome = kring().set_consent(network_id, context(), user_id, body["scopes"], on_behalf)
    return answer(_settled(outcome))


@blp.route("/<uuid:network_id>/access-log", methods=["GET"])
@blp.arguments(LogQuery, location="query")
@blp.response(200, LogPage)
def access_log(query: dict[str, Any], network_id: UUID) -> dict[str, Any]:
    """Who looked at the network's personal data, when, what and why; newest first."""
    entries = auth.access_log().entries(str(network_id), query.get("before"), query["limit"])
    names = _names({e["user_id"] for e in entries})
    return {"items": [{**e, "name": names[e["user_id"]]} for e in entries]}
