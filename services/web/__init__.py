"""The Flask application factory of Kring's web service: the JSON API and the web pages on one set of services."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask

from services.application.services import build_services
from services.web import api, auth, cli, errors, headers, icons, intake, pages, setup
from services.web.current import install, services_of
from services.web.links import Links

log = logging.getLogger(__name__)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the Kring web app; test_config may set KRING_STORE (settings) and KRING_CLOCK."""
    app = setup.flask_app(__name__, test_config)
    services = build_services(
        app.config.get("KRING_STORE"),
        clock=app.config.get("KRING_CLOCK"),
        cheap_hashing=bool(app.config.get("CHEAP_PASSWORD_HASHING")),
    )
    install(app, services)
    log.info("Kring keeps its events in %s", services.store)
    app.secret_key = app.config.get("SECRET_KEY") or services.secret_key()
    # in this order: the error answers; before each request who calls, what they send, the forms' CSRF token; the
    # JSON API, then the pages (their error pages hand API paths back to it); the icons; the operator commands
    for part in (errors, auth, intake, headers, setup, api, pages, icons, cli):
        part.init_app(app)
    return app


def page_links(base_url: str | None) -> Links:
    """The links to Kring's pages for a process that serves none (`python -m scheduler`): the pages' routes."""
    app = Flask(__name__)
    app.config["BASE_URL"] = base_url
    for blueprint in pages.BLUEPRINTS:
        app.register_blueprint(blueprint)
    return Links(app)


def start_background(app: Flask) -> None:
    """Run the projections in this process unless KRING_PROJECTIONS=worker (a separate `python -m services.worker`)."""
    if app.config.get("PROJECTIONS", "inline") == "inline":
        services_of(app).read_side.runner.start()


def shutdown(app: Flask) -> None:
    """Write the access log, stop the in-process projection runner and close the stores."""
    services_of(app).close()
