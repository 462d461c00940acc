"""Small helpers the views share: the caller's context of a command (the pages too), command answers, routing."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, NoReturn, TypeVar

import flask_smorest
from flask import g, request, url_for
from flask_smorest import abort
from webargs.flaskparser import FlaskParser

from services.application.kring import Context
from services.application.networks import Outcome
from services.web import schemas

F = TypeVar("F", bound=Callable[..., Any])
ETAG = re.compile(r'^\s*"?(\d+)"?\s*$')


class Parser(FlaskParser):
    """Query parameters follow their schema, as a body does: an unknown one (a typo such as ?asof=) is a 422,
    not silently left out (webargs' default for the query)."""

    def __init__(self) -> None:
        super().__init__()
        self.DEFAULT_UNKNOWN_BY_LOCATION = {**self.DEFAULT_UNKNOWN_BY_LOCATION, "query": None, "querystring": None}


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint with Kring's parser."""

    ARGUMENTS_PARSER = Parser()


def caller() -> str:
    """Who is recording: the signed-in user's id."""
    user_id: str = g.user.id
    return user_id


def refuse(status: int, message: str, error: str) -> NoReturn:
    """Answer with this status in the JSON error shape."""
    abort(status, message=message, error=error)
    raise AssertionError("abort() raises")  # pragma: no cover


def not_found(message: str, error: str) -> NoReturn:
    """Answer 404 with the JSON error shape."""
    refuse(404, message, error)


def expected_version() -> int | None:
    """The version named in If-Match, if any ('*' or absent means any version)."""
    value = request.headers.get("If-Match")
    if value is None or value.strip() == "*":
        return None
    match = ETAG.match(value.split(",")[0])  # a weak W/"n" never matches (RFC 9110 13.1.1)
    if not match:
        refuse(412, f"If-Match {value!r} is not a version of this network; send the ETag you got.", "version_mismatch")
    return int(match.group(1))


def context(effective_on: date | None = None) -> Context:
    """The command context of this request."""
    return Context(by=caller(), effective_on=effective_on, expected_version=expected_version())


def answer(
    outcome: Outcome, status: int = 200, endpoint: str | None = None, **ids: Any
) -> tuple[dict[str, Any], int, dict[str, str]]:
    """A command's answer: the new version (also as ETag) and, for a creation, its id and Location."""
    body = {
        "id": outcome.created_id or str(outcome.network_id),
        "network_id": outcome.network_id,
        "version": outcome.version,
        "position": outcome.position,
    }
    headers = {"ETag": f'"{outcome.version}"'}
    if endpoint:
        headers["Location"] = url_for(endpoint, network_id=outcome.network_id, **ids)
    return body, status, headers


def command(  # noqa: PLR0913 - the route, its body and its answers belong together
    blp: Blueprint,
    rule: str,
    method: str,
    body: type[schemas.Schema] | None,
    *,
    status: int = 200,
    errors: tuple[int, ...] = (404, 409, 412),
    result: type[schemas.Schema] = schemas.CommandResult,
) -> Callable[[F], F]:
    """Route, parse the body, document the answer and the errors, in one decorator."""

    def decorate(view: F) -> F:
        for code in errors:
            view = blp.alt_response(code, schema=schemas.Error, description=f"{code} error")(view)
        view = blp.response(status, result)(view)
        if body is not None:
            view = blp.arguments(body)(view)
        view = blp.doc(
            parameters=[
                {
                    "in": "header",
                    "name": "If-Match",
                    "schema": {"type": "string"},
                    "description": "Only apply if the network is still at this version (ETag).",
                },
            ]
        )(view)
        return blp.route(rule, methods=[method])(view)

    return decorate
