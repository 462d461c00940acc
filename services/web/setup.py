"""What create_app sets up besides the services: the Flask app and its settings, proxies, the forms' CSRF check."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from uuid import UUID

from flask import Flask, request
from flask.json.provider import DefaultJSONProvider
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from services.application.services import ConfigurationError
from services.web import intake


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


def flask_app(name: str, test_config: dict[str, Any] | None) -> Flask:
    """The Flask app with Kring's settings: KRING_* from the environment, then the test's."""
    app = Flask(name)
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
    trust_proxies(app)
    return app


def trust_proxies(app: Flask) -> None:
    """Behind KRING_TRUSTED_PROXIES reverse proxies, the caller's address is the one they forward in
    X-Forwarded-For (the sign-in throttle counts by it); without the setting that header is ignored."""
    count = app.config.get("TRUSTED_PROXIES", 0)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ConfigurationError(
            f"KRING_TRUSTED_PROXIES is {count!r}: give the number of reverse proxies in front of Kring (0: none)."
        )
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count)  # type: ignore[method-assign]


def init_app(app: Flask) -> None:
    """Every form of the web pages carries the session's CSRF token."""
    csrf = CSRFProtect(app)

    def protect_forms() -> None:
        if request.method not in ("GET", "HEAD", "OPTIONS") and not request.path.startswith(("/api/", "/calendar/")):
            csrf.protect()

    app.before_request(protect_forms)
