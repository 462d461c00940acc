"""Asking for help over the API: a task nobody does yet, which the coordinator sees, until someone takes it on
(a role with `request_id`, POST .../roles) or it is no longer needed."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from services.web import guest_schemas
from services.web.current import services
from services.web.errors import in_path
from services.web.http import Blueprint, answer, command, context

blp = Blueprint("help", __name__, url_prefix="/api/networks", description="Requests for help")


@blp.route("/<uuid:network_id>/help-requests", methods=["GET"])
@blp.response(200, guest_schemas.HelpRequestList)
def list_help_requests(network_id: UUID) -> dict[str, Any]:
    """The tasks someone asked help with that nobody took on yet, oldest first."""
    network = services().kring.get_network(network_id)
    return {"items": sorted(network.open_help_requests.values(), key=lambda r: (r.asked_on, r.task))}


@command(blp, "/<uuid:network_id>/help-requests", "POST", guest_schemas.HelpRequestCreate, status=201)
def ask_for_help(body: dict[str, Any], network_id: UUID) -> Any:
    """Ask for help with a task (a spilmantelzorger, or the coordinator): recorded as HelpRequested."""
    outcome = services().kring.ask_for_help(network_id, context(body.pop("effective_on", None)), **body)
    return answer(outcome, 201)


@command(blp, "/<uuid:network_id>/help-requests/<request_id>", "DELETE", None)
def close_help_request(network_id: UUID, request_id: str) -> Any:
    """The help is no longer needed (HelpRequestClosed, reason withdrawn)."""
    with in_path("help request", request_id):
        return answer(services().kring.close_help_request(network_id, context(), request_id))
