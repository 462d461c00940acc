"""The network itself: open, list, read (now or as of a date), history, change, close."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import request
from flask_smorest import Blueprint

from domain.network import Network
from projections.summaries import LANGUAGES, event_fields, summarise
from services.web import schemas
from services.web.http import answer, command, context, kring

blp = Blueprint("networks", __name__, url_prefix="/api/networks", description="Client networks")


def language() -> str:
    """Dutch unless the caller prefers English (?lang= or Accept-Language)."""
    lang = request.args.get("lang") or request.accept_languages.best_match(LANGUAGES, default="nl")
    return lang if lang in LANGUAGES else "nl"


@command(blp, "", "POST", schemas.NetworkCreate, status=201, errors=(409,))
def open_network(body: dict[str, Any]) -> Any:
    """Open a network for a client."""
    outcome = kring().open_network(
        body["client_name"],
        body["coordinator"],
        by=context().by,
        review_interval_weeks=body["review_interval_weeks"],
        effective_on=body.get("opened_on"),
    )
    return answer(outcome, 201, "networks.get_network")


@blp.route("", methods=["GET"])
@blp.arguments(schemas.Paging, location="query")
@blp.response(200, schemas.NetworkPage)
def list_networks(paging: dict[str, Any]) -> dict[str, Any]:
    """Networks in the order they were opened, a page at a time (cursor: next_after)."""
    service = kring()
    found = service.list_network_ids(paging["after"], paging["limit"] + 1)
    page = found[: paging["limit"]]
    next_after = page[-1][0] if len(found) > len(page) else None
    return {"items": [service.get_network(network_id) for _, network_id in page], "next_after": next_after}


@blp.route("/<uuid:network_id>", methods=["GET"])
@blp.arguments(schemas.AsOf, location="query")
@blp.response(200, schemas.NetworkOut)
@blp.alt_response(404, schema=schemas.Error, description="No such network (on that date)")
def get_network(query: dict[str, Any], network_id: UUID) -> Any:
    """The network as it is now, or as it was on ?as_of=YYYY-MM-DD. ETag: its version."""
    service = kring()
    network = service.network_as_of(network_id, query["as_of"]) if "as_of" in query else service.get_network(network_id)
    return network, 200, {"ETag": f'"{network.version}"'}


@blp.route("/<uuid:network_id>/events", methods=["GET"])
@blp.response(200, schemas.EventPage)
@blp.alt_response(404, schema=schemas.Error, description="No such network")
def list_events(network_id: UUID) -> dict[str, Any]:
    """The network's full history, oldest first, each event with a one-line summary."""
    return {"items": [event_view(e, line) for e, line in summarise(kring().network_events(network_id), language())]}


def event_view(event: Network.Event, summary: str) -> dict[str, Any]:
    return {
        "version": event.originator_version,
        "type": type(event).__name__,
        "recorded_at": event.timestamp,
        "effective_on": event.effective_on,
        "recorded_by": event.recorded_by,
        "summary": summary,
        "data": event_fields(event),
    }


@command(blp, "/<uuid:network_id>", "PATCH", schemas.NetworkPatch)
def update_network(body: dict[str, Any], network_id: UUID) -> Any:
    """Change the client's name, the coordinator or the review interval."""
    return answer(kring().update_network(network_id, context(body.pop("effective_on", None)), **body))


@command(blp, "/<uuid:network_id>/close", "POST", schemas.Ending)
def close_network(body: dict[str, Any], network_id: UUID) -> Any:
    """Close the network: it can be read, but not changed until reopened."""
    return answer(kring().close_network(network_id, context(body.get("effective_on")), body["reason"]))


@command(blp, "/<uuid:network_id>/reopen", "POST", schemas.Dated)
def reopen_network(body: dict[str, Any], network_id: UUID) -> Any:
    """Reopen a closed network."""
    return answer(kring().reopen_network(network_id, context(body.get("effective_on"))))
