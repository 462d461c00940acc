"""Every API error as JSON: {"error": code, "message": text, "fields": {name: [problems]}}."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask, Response, jsonify, request
from flask_smorest import Api as SmorestApi
from flask_smorest import abort
from werkzeug.exceptions import HTTPException

from domain.errors import DomainError, UnknownEntity
from services.accounts.accounts import AccountError
from services.application.networks import ConcurrentChanges, NetworkNotFound, VersionMismatch
from services.application.readside import ReadSideBehind
from services.exchange.interview import InvalidFile, TooLarge
from services.web import schemas

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    412: "version_mismatch",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "too_many_attempts",
    500: "internal_error",
    503: "unavailable",
}
MESSAGES = {
    400: "The request body is not valid JSON.",
    413: "The request body is too large (at most {limit} bytes).",
    415: "Send the request body as JSON, with Content-Type: application/json.",
    422: "Some fields are missing or wrong; see 'fields'.",
    500: "Something went wrong on our side; nothing was saved. Try again, and tell the administrator if it persists.",
}


def error_response(
    status: int, message: str, code: str | None = None, fields: dict[str, list[str]] | None = None
) -> tuple[Response, int]:
    """The one shape of every API error."""
    body = {"error": code or CODES.get(status, "error"), "message": message, "fields": fields or {}}
    return jsonify(body), status


def flatten(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """webargs/marshmallow messages ({'json': {'answers': {3: [...]}}}) as {'answers.3': [...]}."""
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return {prefix or "_schema": messages}
    if not isinstance(messages, dict):
        return {prefix or "_schema": [str(messages)]}
    flat: dict[str, list[str]] = {}
    for key, value in messages.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        flat.update(flatten(value, name))
    return flat


class Api(SmorestApi):
    """flask-smorest's Api with Kring's error shape, for the /api paths."""

    ERROR_SCHEMA = schemas.Error

    def handle_http_exception(self, error: HTTPException) -> Any:
        if not request.path.startswith(("/api", "/calendar")):
            return error
        status = error.code or 500
        data = getattr(error, "data", None) or {}
        if status == 500:
            log.error(
                "unhandled error on %s %s",
                request.method,
                request.url_rule,
                exc_info=error.original_exception if hasattr(error, "original_exception") else None,
            )
        fields = {}
        if "messages" in data:
            locations = data["messages"]
            fields = {k: v for loc in locations.values() for k, v in flatten(loc).items()}
        message = data.get("message") or MESSAGES.get(status) or error.description or error.name
        if status == 413:
            message = message.format(limit=request.max_content_length)
        response, status = error_response(status, message, data.get("error"), fields)
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value  # e.g. Allow on a 405
        for name, value in (data.get("headers") or {}).items():
            response.headers[name] = value
        return response, status


def init_app(app: Flask) -> None:
    """Turn the service's exceptions into their HTTP answers."""

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError) -> tuple[Response, int]:
        fields = {error.field: [error.message]} if error.field else {}
        return error_response(409, error.message, error.code, fields)

    @app.errorhandler(NetworkNotFound)
    def network_not_found(error: NetworkNotFound) -> tuple[Response, int]:
        return error_response(404, error.message, "network_not_found")

    @app.errorhandler(VersionMismatch)
    def version_mismatch(error: VersionMismatch) -> tuple[Response, int]:
        response, status = error_response(
            412, f"{error}; reload the network and apply your change again.", "version_mismatch"
        )
        response.headers["ETag"] = f'"{error.current}"'
        return response, status

    @app.errorhandler(ReadSideBehind)
    def read_side_behind(error: ReadSideBehind) -> tuple[Response, int]:
        response, status = error_response(503, str(error), "read_side_behind")
        response.headers["Retry-After"] = "1"
        return response, status

    @app.errorhandler(AccountError)
    def account_error(error: AccountError) -> tuple[Response, int]:
        conflicts = ("email_taken", "last_administrator", "coordinates_networks", "user_active", "guest_account")
        status = 409 if error.code in conflicts else {"unknown_user": 404}.get(error.code, 422)
        return error_response(status, error.message, error.code, {error.field: error.problems} if error.field else {})

    @app.errorhandler(ConcurrentChanges)
    def concurrent_changes(error: ConcurrentChanges) -> tuple[Response, int]:
        return error_response(409, str(error), "concurrent_changes")

    @app.errorhandler(InvalidFile)
    def invalid_file(error: InvalidFile) -> tuple[Response, int]:
        return error_response(422, error.message, error.code, {"file": [error.message]})

    @app.errorhandler(TooLarge)
    def too_large(error: TooLarge) -> tuple[Response, int]:
        return error_response(413, str(error), "too_large", {"file": [str(error)]})


@contextmanager
def in_path(kind: str, entity_id: str) -> Iterator[None]:
    """A contact/role/goal named in the URL that the network does not have is a 404, not a 409."""
    try:
        yield
    except UnknownEntity as error:
        if error.entity_id != entity_id:
            raise
        abort(404, message=f"This network has no {kind} {entity_id}.", error=f"{kind.replace(' ', '_')}_not_found")
