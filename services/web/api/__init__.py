"""The JSON API: a blueprint per area, documented with OpenAPI by flask-smorest (/api/openapi.json, /api/docs)."""

from __future__ import annotations

from flask import Flask

from services.web.api import (
    access,
    accounts,
    burden,
    docs,
    exchange,
    health,
    help_requests,
    inbox,
    invitations,
    mapping,
    networks,
    parts,
    privacy,
    read,
)
from services.web.errors import Api

BLUEPRINTS = (
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
    invitations.blp,
    help_requests.blp,
    mapping.blp,
)


def init_app(app: Flask) -> None:
    """The API with its security schemes, its blueprints and its documentation page."""
    api = Api(app)
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    api.spec.components.security_scheme("basic", {"type": "http", "scheme": "basic"})
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    docs.init_app(app)
