"""Export and erasure of a network (AVG/GDPR): everything Kring holds about it in one ZIP, or nothing at all.

The schemas live here rather than in schemas.py: nothing else uses them.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Response
from flask_smorest import abort
from marshmallow import fields, validate

from services.application.networks import NotEncrypted
from services.web import schemas
from services.web.api.read import read_side
from services.web.auth import rights
from services.web.current import services
from services.web.download import export_download
from services.web.http import Blueprint, caller, refuse
from services.web.language import LANGUAGES, speaker

blp = Blueprint("privacy", __name__, url_prefix="/api/networks", description="Export and erasure (AVG/GDPR)")
NOT_FOUND = {"schema": schemas.Error, "description": "No such network (or it was erased)"}


class ExportQuery(schemas.ReadQuery):
    lang = fields.String(
        load_default=None,
        validate=validate.OneOf(LANGUAGES),
        metadata={"description": "The language of the events' summaries (default: Accept-Language, else nl)."},
    )


class ErasureRequest(schemas.Strict):
    confirm_client_name = fields.String(
        required=True, metadata={"description": "The client's name exactly as Kring has it, to confirm."}
    )


class ErasureOut(schemas.Schema):
    network_id = fields.UUID()
    erased_on = fields.Date()
    events_erased = fields.Integer(attribute="events", metadata={"description": "Events made unreadable."})
    reminders_erased = fields.Integer(attribute="reminders", metadata={"description": "Reminders made unreadable."})
    position = fields.Integer(allow_none=True, metadata={"description": "The log position of NetworkErased."})
    read_side_purged = fields.Boolean(
        metadata={"description": "Whether every projection had forgotten the network when this answer was sent."}
    )


@blp.route("/<uuid:network_id>/export", methods=["GET"])
@blp.arguments(ExportQuery, location="query")
@blp.response(
    200,
    {"type": "string", "format": "binary"},
    content_type="application/zip",
    description="events.json, map.json, network.graphml, reminders.json, access.json (who has access, who looked), "
    "fhir.json (FHIR R4, Nictiz zib2020), network-canvas.graphml and egor/ (egos.csv, alters.csv, aaties.csv); a part "
    "your role may not read elsewhere is left out, and so are the contents of such events",
)
@blp.alt_response(404, **NOT_FOUND)
def export_network(query: dict[str, Any], network_id: UUID) -> Response:
    """Everything Kring holds about a network that your role may read, in one ZIP: every event, the current map,
    GraphML, reminders, who has access and who looked."""
    read_side(query)  # once it includes the caller's own writes
    return export_download(network_id, services().export.files(network_id, rights(), speaker()))


@blp.route("/<uuid:network_id>/erasure", methods=["POST"])
@blp.arguments(ErasureRequest)
@blp.response(200, ErasureOut)
@blp.alt_response(404, **NOT_FOUND)
@blp.alt_response(409, schema=schemas.Error, description="Opened before encryption existed: cannot be erased")
@blp.alt_response(422, schema=schemas.Error, description="confirm_client_name is not the client's name")
def erase_network(body: dict[str, Any], network_id: UUID) -> Any:
    """Erase the network for good: its key is destroyed, so no event, snapshot or reminder of it can be read
    again, and every projection forgets it. Confirm with the client's name."""
    if body["confirm_client_name"].strip() != services().kring.get_network(network_id).client_name.strip():
        abort(422, messages={"json": {"confirm_client_name": ["This is not the client's name in this network."]}})
    try:
        erased = services().privacy.erase(network_id, caller())
    except NotEncrypted:
        refuse(409, "This network was recorded before encryption existed; it cannot be erased.", "not_encrypted")
    return erased
