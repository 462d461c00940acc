"""The Flask application factory of Kring's web service."""

from __future__ import annotations

import logging
import secrets
from datetime import date, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from uuid import UUID

from flask import Flask, request
from flask.json.provider import DefaultJSONProvider
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from services.accounts.access_log import AccessLog
from services.accounts.accounts import Accounts
from services.accounts.calendar_tokens import CalendarTokens
from services.application import Kring
from services.calendar import CalendarFeeds
from services.cli import projections_cli, users_cli
from services.departures import Departures
from services.infrastructure.config import ConfigurationError, describe, keep_files_private, persistence_env
from services.privacy import Privacy
from services.readside import ReadSide
from services.reminders import Reminders
from services.web import (
    access,
    accounts,
    auth,
    burden,
    docs,
    errors,
    exchange,
    headers,
    health,
    inbox,
    intake,
    networks,
    pages,
    parts,
    privacy,
    read,
)
from services.web.links import Links
from services.web.ui import BLUEPRINTS as PAGE_BLUEPRINTS
from services.web.ui import init_app as init_pages


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
    keep_files_private()
    app = Flask(__name__)
    app.json = JSONProvider(app)
    app.config.update(
        MAX_CONTENT_LENGTH=intake.MAX_BODY_BYTES,
        API_TITLE="Kring",
        API_VERSION=kring_version(),
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/api",
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={"security": [{"bearer": []}]},
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="kring_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
        WTF_CSRF_CHECK_DEFAULT=False,  # checked for the web forms only; the API takes tokens, not cookies
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session
    )
    app.config.from_prefixed_env("KRING")
    if test_config:
        app.config.update(test_config)
    _trust_proxies(app)
    store = app.config.get("KRING_STORE") or persistence_env()
    app.extensions["kring_settings"] = store
    clock = app.config.get("KRING_CLOCK")
    app.extensions["kring"] = service = Kring(store, clock=clock) if clock else Kring(store)
    app.extensions["kring_read"] = read_side = ReadSide(service, store)
    app.extensions["kring_accounts"] = users = Accounts(
        read_side.store, cheap_hashing=bool(app.config.get("CHEAP_PASSWORD_HASHING"))
    )
    app.extensions["kring_access_log"] = AccessLog(read_side.store)
    app.extensions["kring_reminders"] = reminders = Reminders(service, read_side, users.email_of)
    app.extensions["kring_calendar"] = feeds = CalendarFeeds(
        CalendarTokens(read_side.store), reminders, users.is_active
    )
    app.extensions["kring_departures"] = Departures(service, read_side, users, feeds)
    app.extensions["kring_privacy"] = Privacy(service, read_side)
    app.extensions["kring_store"] = describe(store)
    app.extensions["kring_links"] = Links(app)
    logging.getLogger(__name__).info("Kring keeps its events in %s", describe(store))

    app.secret_key = app.config.get("SECRET_KEY") or _local_secret(store)

    api = errors.Api(app)
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    api.spec.components.security_scheme("basic", {"type": "http", "scheme": "basic"})
    errors.register(app)
    auth.init_app(app)
    intake.init_app(app)
    headers.init_app(app)
    csrf = CSRFProtect(app)
    app.before_request(lambda: _protect_forms(csrf))
    blueprints = (networks.blp, parts.blp, read.blp, burden.blp, inbox.blp, inbox.calendar_blp, health.blp)
    for blueprint in (*blueprints, accounts.blp, access.blp, privacy.blp, exchange.blp):
        api.register_blueprint(blueprint)
    docs.init_app(app)
    app.register_blueprint(pages.blp)
    init_pages(app)
    app.cli.add_command(projections_cli)
    app.cli.add_command(users_cli)
    return app


def _trust_proxies(app: Flask) -> None:
    """Behind KRING_TRUSTED_PROXIES reverse proxies, the caller's address is the one they forward in
    X-Forwarded-For (the sign-in throttle counts by it); without the setting that header is ignored."""
    count = app.config.get("TRUSTED_PROXIES", 0)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ConfigurationError(
            f"KRING_TRUSTED_PROXIES is {count!r}: give the number of reverse proxies in front of Kring (0: none)."
        )
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count)  # type: ignore[method-assign]


def page_links(base_url: str | None) -> Links:
    """The links to Kring's pages for a process that serves none (`python -m scheduler`): the pages' routes."""
    app = Flask(__name__)
    app.config["BASE_URL"] = base_url
    for blueprint in (pages.blp, *PAGE_BLUEPRINTS):
        app.register_blueprint(blueprint)
    return Links(app)


def _local_secret(store: dict[str, str]) -> str:
    """The session-signing key of a single-machine install: kept next to the SQLite file, made on first start.
    Several machines must share one: set KRING_SECRET_KEY."""
    if store.get("PERSISTENCE_MODULE") != "eventsourcing.sqlite" or store.get("SQLITE_DBNAME", ":memory:").startswith(
        ":memory:"
    ):
        raise ConfigurationError("Set KRING_SECRET_KEY to a long random string, the same for every web worker.")
    path = Path(store["SQLITE_DBNAME"]).with_name("secret_key")
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(48))
    return path.read_text().strip()


def _protect_forms(csrf: CSRFProtect) -> None:
    """Every form of the web pages carries the session's CSRF token."""
    if request.method not in ("GET", "HEAD", "OPTIONS") and not request.path.startswith(("/api/", "/calendar/")):
        csrf.protect()


def start_background(app: Flask) -> None:
    """Run the projections in this process unless KRING_PROJECTIONS=worker (a separate `python -m projections`)."""
    if app.config.get("PROJECTIONS", "inline") == "inline":
        app.extensions["kring_read"].runner.start()


def shutdown(app: Flask) -> None:
    """Write the access log, stop the in-process projection runner and close the stores."""
    app.extensions["kring_access_log"].close()
    app.extensions["kring_read"].close()
    app.extensions["kring"].close()
