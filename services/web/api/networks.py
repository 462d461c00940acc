"""The network itself: open, list, read (now or as of a date), history, change, close."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_smorest import abort

from domain.network import Network
from services.application.networks import NetworkNotFound
from services.web import schemas
from services.web.auth import current_user, rights
from services.web.current import services
from services.web.http import Blueprint, answer, command, context
from services.web.language import speaker

blp = Blueprint("networks", __name__, url_prefix="/api/networks", description="Client networks")


def coordinator_id(value: str | None) -> str:
    """A coordinator of the caller's organisation, named by user id or e-mail address (default: the caller)."""
    if value is None:
        return current_user().id
    found = services().accounts.by_email(value) if "@" in value else services().accounts.user(value)
    if found is None or found.organisation_id != current_user().organisation_id or not found.can_coordinate:
        abort(
            422,
            message="There is no coordinator with this id or e-mail address in your organisation.",
            messages={"json": {"coordinator": ["Name a coordinator of your organisation (id or e-mail)."]}},
        )
    assert found is not None
    return found.id


@command(blp, "", "POST", schemas.NetworkCreate, status=201, errors=(409, 422))
def open_network(body: dict[str, Any]) -> Any:
    """Open a network for a client; you coordinate it unless you name another coordinator."""
    outcome = services().kring.open_network(
        body["client_name"],
        coordinator_id(body.get("coordinator")),
        by=context().by,
        review_interval_weeks=body["review_interval_weeks"],
        effective_on=body.get("opened_on"),
    )
    return answer(services().access.settled(outcome), 201, "networks.get_network")


@blp.route("", methods=["GET"])
@blp.arguments(schemas.Paging, location="query")
@blp.response(200, schemas.NetworkPage)
def list_networks(paging: dict[str, Any]) -> dict[str, Any]:
    """The networks you have a role on, in the order they were opened, a page at a time (cursor: next_after)."""
    user = current_user()
    found = services().read_side.access.networks_of(user.id, paging["after"], paging["limit"] + 1)
    page = found[: paging["limit"]]
    next_after = page[-1][0] if len(found) > len(page) else None
    networks = [n for _, network_id in page if (n := _listed(UUID(network_id), user.id)) is not None]
    services().access_log.record(user.id, [str(n.id) for n in networks], "de lijst van netwerken")
    return {"items": networks, "next_after": next_after}


def _listed(network_id: UUID, user_id: str) -> Network | None:
    """The network, unless it was erased or the user's role on it ended and the read side does not know yet."""
    try:
        network = services().kring.get_network(network_id)
    except NetworkNotFound:
        return None
    return network if network.role_of(user_id) is not None else None


@blp.route("/<uuid:network_id>", methods=["GET"])
@blp.arguments(schemas.AsOf, location="query")
@blp.response(200, schemas.NetworkOut)
@blp.alt_response(404, schema=schemas.Error, description="No such network (on that date)")
def get_network(query: dict[str, Any], network_id: UUID) -> Any:
    """The network as it is now, or as it was on ?as_of=YYYY-MM-DD. ETag: its version."""
    service = services().kring
    network = service.network_as_of(network_id, query["as_of"]) if "as_of" in query else service.get_network(network_id)
    return network, 200, {"ETag": f'"{network.version}"'}


@blp.route("/<uuid:network_id>/events", methods=["GET"])
@blp.response(200, schemas.EventPage)
@blp.alt_response(404, schema=schemas.Error, description="No such network")
def list_events(network_id: UUID) -> dict[str, Any]:
    """The network's full history, oldest first, each event with a one-line summary; the contents of events
    your role may not read (notes, reviews, meetings, carers' burden) are withheld."""
    return {"items": services().export.history(network_id, rights(), speaker())}


@command(blp, "/<uuid:network_id>", "PATCH", schemas.NetworkPatch)
def update_network(body: dict[str, Any], network_id: UUID) -> Any:
    """Change the client's name, the coordinator or the review interval."""
    if "coordinator" in body:
        body["coordinator"] = coordinator_id(body["coordinator"])
    outcome = services().kring.update_network(network_id, context(body.pop("effective_on", None)), **body)
    return answer(services().access.settled(outcome))


@command(blp, "/<uuid:network_id>/close", "POST", schemas.Ending)
def close_network(body: dict[str, Any], network_id: UUID) -> Any:
    """Close the network: it can be read, but not changed until reopened."""
    return answer(services().kring.close_network(network_id, context(body.get("effective_on")), body["reason"]))


@command(blp, "/<uuid:network_id>/reopen", "POST", schemas.Dated)
def reopen_network(body: dict[str, Any], network_id: UUID) -> Any:
    """Reopen a closed network."""
    return answer(services().kring.reopen_network(network_id, context(body.get("effective_on"))))
