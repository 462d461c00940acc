"""Is the service up, its event store reachable, and its read side whole?"""

from __future__ import annotations

import logging
from typing import Any

from flask import current_app

from services.web import schemas
from services.web.auth import identify
from services.web.current import services
from services.web.http import Blueprint

blp = Blueprint("health", __name__, url_prefix="/api", description="Service health")
log = logging.getLogger(__name__)


@blp.route("/health", methods=["GET"])
@blp.response(200, schemas.Health)
@blp.alt_response(503, schema=schemas.Health, description="The event store cannot be reached")
def health() -> Any:
    """ok; degraded when the read side parked events it could not apply (it goes on with the rest);
    unavailable (503) when the store does not answer. Only an administrator sees more than the status."""
    try:
        position = services().kring.log_position()
        statuses = services().read_side.runner.status()
    except Exception as error:  # noqa: BLE001 - any store failure means 'unavailable'
        log.warning("event store unreachable: %s", type(error).__name__)
        return {"status": "unavailable"}, 503
    parked, held = sum(s.parked for s in statuses), sum(s.held for s in statuses)
    body: dict[str, Any] = {"status": "degraded" if parked or held else "ok"}
    user = identify()
    if user is not None and user.is_admin:
        body |= {
            "version": current_app.config["API_VERSION"],
            "log_position": position,
            "lag": max((s.lag for s in statuses), default=0),
            "parked_events": parked,
            "held_back_events": held,
        }
    return body
