"""Is the service up and its event store reachable?"""

from __future__ import annotations

import logging
from typing import Any

from flask import current_app

from services.web import schemas
from services.web.http import Blueprint, kring

blp = Blueprint("health", __name__, url_prefix="/api", description="Service health")
log = logging.getLogger(__name__)


@blp.route("/health", methods=["GET"])
@blp.response(200, schemas.Health)
@blp.alt_response(503, schema=schemas.Health, description="The event store cannot be reached")
def health() -> Any:
    """Whether the event store answers, and which version of Kring runs."""
    body: dict[str, Any] = {
        "version": current_app.config["API_VERSION"],
        "store": current_app.extensions["kring_store"],
    }
    try:
        body["log_position"] = kring().log_position()
    except Exception as error:  # noqa: BLE001 - any store failure means 'unavailable'
        log.warning("event store unreachable: %s", type(error).__name__)
        return {**body, "status": "unavailable", "log_position": None}, 503
    return {**body, "status": "ok"}
