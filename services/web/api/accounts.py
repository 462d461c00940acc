"""Accounts over the API: who am I, personal API tokens, users (administrators), hand-overs, password reset."""

from __future__ import annotations

import logging
import os
from typing import Any

from flask import current_app, request
from flask_smorest import abort
from marshmallow import Schema, fields, validate

from services.accounts.accounts import MIN_PASSWORD_LENGTH, User
from services.accounts.throttle import TooManyAttempts
from services.web.auth import current_user, second_factor_required
from services.web.current import services
from services.web.http import Blueprint, not_found
from services.web.links import links
from services.web.schemas import NAME, Error, Strict

log = logging.getLogger(__name__)
blp = Blueprint("accounts", __name__, url_prefix="/api", description="Accounts: sign-in tokens, users, passwords")
PASSWORD = validate.Length(min=MIN_PASSWORD_LENGTH, max=200)


class UserOut(Schema):
    id = fields.String()
    organisation_id = fields.String()
    email = fields.String()
    name = fields.String()
    is_admin = fields.Boolean()
    can_coordinate = fields.Boolean()
    active = fields.Boolean()
    is_guest = fields.Boolean(metadata={"description": "Invited to a network: no staff rights (docs/decisions)."})


class UserList(Schema):
    items = fields.List(fields.Nested(UserOut))


class UserCreate(Strict):
    email = fields.Email(required=True, validate=validate.Length(max=254))
    name = fields.String(required=True, validate=NAME)
    is_admin = fields.Boolean(load_default=False)
    can_coordinate = fields.Boolean(load_default=False)


class UserPatch(Strict):
    name = fields.String(validate=NAME)
    is_admin = fields.Boolean()
    can_coordinate = fields.Boolean()
    active = fields.Boolean()


class Handover(Strict):
    to = fields.String(
        required=True,
        validate=validate.Length(min=1, max=254),
        metadata={"description": "The coordinator who takes over: a user id or e-mail address of your organisation."},
    )


class HandedOver(Schema):
    network_id = fields.UUID()
    version = fields.Integer()
    position = fields.Integer(allow_none=True)


class HandoverOut(Schema):
    items = fields.List(fields.Nested(HandedOver), metadata={"description": "Each network handed over."})


class TokenCreate(Strict):
    name = fields.String(required=True, validate=NAME)
    code = fields.String(
        load_default=None,
        validate=validate.Length(min=6, max=20),
        metadata={"description": "A one-time code from your app, or a recovery code: needed with a second factor."},
    )


class TokenOut(Schema):
    id = fields.String()
    name = fields.String()
    created_at = fields.String()
    revoked_at = fields.String(allow_none=True)
    token = fields.String(metadata={"description": "The secret: shown once, at creation, never again."})


class TokenList(Schema):
    items = fields.List(fields.Nested(TokenOut))


class ResetRequest(Strict):
    email = fields.Email(required=True, validate=validate.Length(max=254))


class NewPassword(Strict):
    password = fields.String(required=True, validate=PASSWORD, load_only=True)


@blp.route("/me", methods=["GET"])
@blp.response(200, UserOut)
def me() -> User:
    """The signed-in user."""
    return current_user()


@blp.route("/tokens", methods=["GET"])
@blp.response(200, TokenList)
def list_tokens() -> dict[str, Any]:
    """Your personal API tokens (never their secrets)."""
    return {"items": services().accounts.tokens(current_user().id)}


@blp.route("/tokens", methods=["POST"])
@blp.arguments(TokenCreate)
@blp.response(201, TokenOut)
@blp.alt_response(429, schema=Error, description="Too many failed sign-ins")
@blp.doc(security=[{"bearer": []}, {"basic": []}])
def create_token(body: dict[str, Any]) -> dict[str, Any]:
    """A new personal API token; sign in with a token or with your e-mail address and password (HTTP Basic).
    With a second factor set up, send a fresh one-time `code` too; an organisation that requires a second factor
    gives its coordinators and administrators no token before they have set one up (on the web page)."""
    _second_factor(current_user(), body.pop("code", None))
    token, secret = services().accounts.new_token(current_user().id, body["name"])
    return {**token, "token": secret}


def _second_factor(user: User, code: str | None) -> None:
    """Creating a token needs the second factor now, if the user has one (or must have one)."""
    factors = services().second_factors
    if not factors.is_on(user.id):
        if second_factor_required(user):
            message = "Your organisation requires a second factor: set it up first, at /account/tweestaps."
            abort(403, message=message, error="second_factor_required")
        return
    if not code:
        abort(401, message="Send a one-time code from your app as 'code'.", error="second_factor_needed")
    try:
        factors.verify(user.id, str(code), request.remote_addr or "?")
    except TooManyAttempts as error:
        abort(429, message=str(error), error="too_many_attempts", headers={"Retry-After": str(error.retry_after)})


@blp.route("/tokens/<token_id>", methods=["DELETE"])
@blp.response(204)
@blp.alt_response(404, schema=Error, description="No such token of yours")
def revoke_token(token_id: str) -> None:
    """Revoke one of your tokens: it stops working at once."""
    if not services().accounts.revoke_token(current_user().id, token_id):
        not_found("You have no token with this id.", "token_not_found")


@blp.route("/users", methods=["GET"])
@blp.response(200, UserList)
def list_users() -> dict[str, Any]:
    """The users of your organisation."""
    return {"items": services().accounts.users_of(current_user().organisation_id)}


@blp.route("/users", methods=["POST"])
@blp.arguments(UserCreate)
@blp.response(201, UserOut)
@blp.alt_response(409, schema=Error, description="The e-mail address has an account already")
def create_user(body: dict[str, Any]) -> User:
    """A new user in your organisation; they get an e-mail to set their password."""
    user = services().accounts.create_user(current_user().organisation_id, **body)
    _send_reset_link(user.email, welcome=True)
    return user


def _colleague(user_id: str) -> User:
    user = services().accounts.user(user_id)
    if user is None or user.organisation_id != current_user().organisation_id:
        not_found("There is no such user in your organisation.", "user_not_found")
    return user


@blp.route("/users/<user_id>", methods=["PATCH"])
@blp.arguments(UserPatch)
@blp.response(200, UserOut)
@blp.alt_response(404, schema=Error, description="No such user in your organisation")
@blp.alt_response(409, schema=Error, description="The organisation's last administrator (last_administrator)")
def update_user(body: dict[str, Any], user_id: str) -> User:
    """Change a user's name or rights, or (de)activate them; deactivation ends their sessions, tokens and
    calendar feed. The organisation keeps at least one active administrator."""
    return services().departures.update(_colleague(user_id).id, **body)


@blp.route("/users/<user_id>", methods=["DELETE"])
@blp.response(204)
@blp.alt_response(404, schema=Error, description="No such user in your organisation")
@blp.alt_response(
    409,
    schema=Error,
    description="The user still coordinates networks (coordinates_networks; fields.networks lists their ids), "
    "or is the organisation's last administrator (last_administrator)",
)
def delete_user(user_id: str) -> None:
    """Remove a user's account (what they recorded stays, under their id); hand over their networks first."""
    services().departures.delete(_colleague(user_id).id)


@blp.route("/users/<user_id>/handover", methods=["POST"])
@blp.arguments(Handover)
@blp.response(200, HandoverOut)
@blp.alt_response(404, schema=Error, description="No such user in your organisation")
@blp.alt_response(409, schema=Error, description="The user is still active (user_active)")
@blp.alt_response(422, schema=Error, description="'to' is not another active coordinator of your organisation")
def hand_over(body: dict[str, Any], user_id: str) -> dict[str, Any]:
    """Hand every network of a deactivated coordinator over to another coordinator (CoordinatorChanged on each);
    in force for every later request when this answers."""
    leaving = _colleague(user_id)
    successor = services().access.colleague(body["to"], current_user())
    if successor is None:
        abort(422, messages={"json": {"to": ["There is no such user in your organisation."]}})
    assert successor is not None
    return {"items": services().departures.hand_over(leaving, successor, current_user().id)}


@blp.route("/password-reset", methods=["POST"])
@blp.arguments(ResetRequest)
@blp.response(202)
def request_password_reset(body: dict[str, Any]) -> None:
    """E-mail a link to set a new password (valid one hour). The answer is the same for unknown addresses."""
    _send_reset_link(body["email"], welcome=False)


@blp.route("/password-reset/<token>", methods=["POST"])
@blp.arguments(NewPassword)
@blp.response(204)
@blp.alt_response(422, schema=Error, description="Link used or expired, or password too short")
def reset_password(body: dict[str, Any], token: str) -> None:
    """Set a new password with the secret from the e-mail; every session of the account ends."""
    services().accounts.finish_reset(token, body["password"])


def _send_reset_link(email: str, welcome: bool) -> None:
    """A reset link for the active account with this address, if there is one (the caller answers the same)."""
    env = {**os.environ, **current_app.config.get("MAIL_ENV", {})}
    services().passwords.send(email, welcome, links().password, env)
