"""The Flask application factory of Kring's web service: the JSON API and the web pages on one set of services."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask

from services.application.services import build_services
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
    setup,
)
from services.web.cli import projections_cli, users_cli
from services.web.current import install, services_of
from services.web.links import Links
from services.web.ui import BLUEPRINTS as PAGE_BLUEPRINTS
from services.web.ui import init_app as init_pages

log = logging.getLogger(__name__)
API_BLUEPRINTS = (
    networks.blp,
    parts.blp,
    read.blp,
    burden.blp,
    inbox.blp,
    inbox.calendar_blp,
    health.blp,
    accounts.blp,
    access.blp,
    privacy.blp,
    exchange.blp,
)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the Kring web app; test_config may set KRING_STORE (settings) and KRING_CLOCK."""
    app = setup.flask_app(__name__, test_config)
    config = app.config
    services = build_services(
        config.get("KRING_STORE"),
        clock=config.get("KRING_CLOCK"),
        cheap_hashing=bool(config.get("CHEAP_PASSWORD_HASHING")),
    )
    install(app, services)
    log.info("Kring keeps its events in %s", services.store)
    app.secret_key = config.get("SECRET_KEY") or services.secret_key()
    api = errors.Api(app)
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    api.spec.components.security_scheme("basic", {"type": "http", "scheme": "basic"})
    for part in (errors, auth, intake, headers, setup):  # in this order: who calls, what they send, the CSRF check
        part.init_app(app)
    for blueprint in API_BLUEPRINTS:
        api.register_blueprint(blueprint)
    docs.init_app(app)
    app.register_blueprint(pages.blp)
    init_pages(app)
    app.cli.add_command(projections_cli)
    app.cli.add_command(users_cli)
    return app


def page_links(base_url: str | None) -> Links:
    """The links to Kring's pages for a process that serves none (`python -m scheduler`): the pages' routes."""
    app = Flask(__name__)
    app.config["BASE_URL"] = base_url
    for blueprint in (pages.blp, *PAGE_BLUEPRINTS):
        app.register_blueprint(blueprint)
    return Links(app)


def start_background(app: Flask) -> None:
    """Run the projections in this process unless KRING_PROJECTIONS=worker (a separate `python -m projections`)."""
    if app.config.get("PROJECTIONS", "inline") == "inline":
        services_of(app).read_side.runner.start()


def shutdown(app: Flask) -> None:
    """Write the access log, stop the in-process projection runner and close the stores."""
    services_of(app).close()
