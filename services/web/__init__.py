"""The Flask application factory of Kring's web service."""

from __future__ import annotations

import logging
from datetime import date, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from uuid import UUID

from flask import Flask, redirect, request
from flask.json.provider import DefaultJSONProvider
from flask_smorest import abort

from services.application import Kring
from services.calendar import CalendarFeeds
from services.cli import projections_cli
from services.config import describe, persistence_env
from services.privacy import Privacy
from services.readside import ReadSide
from services.reminders import Reminders
from services.web import burden, errors, health, inbox, networks, parts, privacy, read

MAX_BODY_BYTES = 64 * 1024


def kring_version() -> str:
    """The installed version of Kring."""
    try:
        return version("kring")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


class JSONProvider(DefaultJSONProvider):
    """Dates as ISO 8601 everywhere (Flask's default would write HTTP dates); keys in the order written."""

    sort_keys = False

    @staticmethod
    def default(o: Any) -> Any:
        if isinstance(o, date | datetime):
            return o.isoformat()
        if isinstance(o, UUID):
            return str(o)
        return DefaultJSONProvider.default(o)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the Kring web app; test_config may set KRING_STORE (settings) and KRING_CLOCK."""
    app = Flask(__name__)
    app.json = JSONProvider(app)
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        API_TITLE="Kring",
        API_VERSION=kring_version(),
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/api",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/",
    )
    app.config.from_prefixed_env("KRING")
    if test_config:
        app.config.update(test_config)
    store = app.config.get("KRING_STORE") or persistence_env()
    app.extensions["kring_settings"] = store
    clock = app.config.get("KRING_CLOCK")
    app.extensions["kring"] = service = Kring(store, clock=clock) if clock else Kring(store)
    app.extensions["kring_read"] = read_side = ReadSide(service, store)
    app.extensions["kring_reminders"] = reminders = Reminders(service, read_side)
    app.extensions["kring_calendar"] = CalendarFeeds(read_side.store, reminders)
    app.extensions["kring_privacy"] = Privacy(service, read_side)
    app.extensions["kring_store"] = describe(store)
    logging.getLogger(__name__).info("Kring keeps its events in %s", describe(store))

    api = errors.Api(app)
    errors.register(app)
    app.before_request(_require_json_body)
    blueprints = (networks.blp, parts.blp, read.blp, burden.blp, inbox.blp, inbox.calendar_blp, health.blp, privacy.blp)
    for blueprint in blueprints:
        api.register_blueprint(blueprint)
    app.add_url_rule("/", "index", lambda: redirect("/api/docs"))
    app.cli.add_command(projections_cli)
    return app


def start_background(app: Flask) -> None:
    """Run the projections in this process unless KRING_PROJECTIONS=worker (a separate `python -m projections`)."""
    if app.config.get("PROJECTIONS", "inline") == "inline":
        app.extensions["kring_read"].runner.start()


def shutdown(app: Flask) -> None:
    """Stop the in-process projection runner and close the stores."""
    app.extensions["kring_read"].close()
    app.extensions["kring"].close()


def _require_json_body() -> None:
    """A body that is not JSON gets a 415 before anything reads it."""
    if not request.path.startswith("/api") or request.method in ("GET", "HEAD", "OPTIONS"):
        return
    has_body = bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "")
    if has_body and not request.is_json:
        abort(
            415,
            message="Send the request body as JSON, with Content-Type: application/json.",
            error="unsupported_media_type",
        )
