"""Export and erasure of a network (AVG/GDPR): everything Kring holds about it in one ZIP, or nothing at all.

The two schemas live here rather than in schemas.py: nothing else uses them.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any
from uuid import UUID

from flask import Response, current_app
from flask_smorest import abort
from marshmallow import fields, validate

from domain.access import AUDIT, CONSENT, EDIT, MAP
from domain.reminders import Reminder
from projections.summaries import LANGUAGES, summarise
from services.application.networks import NotEncrypted
from services.application.readside import ReadSide
from services.web import schemas
from services.web.auth import may
from services.web.current import services
from services.web.exchange import fhir_document, research_files
from services.web.http import Blueprint, caller, refuse
from services.web.networks import event_view, language
from services.web.read import read_side

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
    return export_download(network_id, read_side(query), language())


def export_download(network_id: UUID, side: ReadSide, lang: str) -> Response:
    """The export as a ZIP download (the API's export and the pages' "Exporteer alles"); summaries in `lang`.
    It holds what the caller's role may read elsewhere, no more (docs/decisions/0012)."""
    return Response(
        _zipped(_parts(network_id, side, lang)),
        mimetype="application/zip",
        headers={"Content-Disposition": f'attachment; filename="kring-network-{network_id}.zip"'},
    )


def _parts(network_id: UUID, side: ReadSide, lang: str) -> dict[str, Any]:
    """The files of the export, each only for a role that may read its contents on its own endpoint."""
    _, events = services().privacy.network(network_id)
    lines = [event_view(e, line) for e, line in summarise(events, lang)]
    files: dict[str, Any] = {"events.json": schemas.EventPage().dump({"items": lines})}
    if may(MAP):
        files["map.json"] = schemas.MapOut().dump(side.network(network_id))
        files["network.graphml"] = side.graphml(network_id)
    if may(EDIT):  # the coordinator's work list (the inbox): burden check-ins, reasons for dismissing
        files["reminders.json"] = {"items": [_reminder_view(r, e) for r, e in services().privacy.reminders(network_id)]}
    access: dict[str, Any] = {}
    if may(CONSENT):
        access["people"] = side.access.people(str(network_id))
    if may(AUDIT):
        access["access_log"] = services().access_log.entries(str(network_id), limit=1_000_000)
    if access:
        files["access.json"] = access
    if may(MAP):  # the network in the formats of others; burden measurements only for who may read them
        files["fhir.json"] = fhir_document(network_id, side)
        files |= research_files(network_id, side)
    return files


def _zipped(files: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            text = content if isinstance(content, str) else current_app.json.dumps(content, ensure_ascii=False)
            archive.writestr(name, text)
    return buffer.getvalue()


def _reminder_view(reminder: Reminder, events: list[Reminder.Event]) -> dict[str, Any]:
    envelope = {"originator_id", "originator_version", "timestamp", "originator_topic", "recorded_by"}
    return {
        "id": reminder.id,
        "kind": reminder.kind,
        "subject": reminder.subject,
        "due_on": reminder.due_on,
        "state": reminder.state,
        "events": [
            {
                "version": e.originator_version,
                "type": type(e).__name__,
                "recorded_at": e.timestamp,
                "recorded_by": e.recorded_by,
                "data": {k: v for k, v in vars(e).items() if k not in envelope},
            }
            for e in events
        ],
    }


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
    services().access_log.forget_reasons(str(network_id))  # who looked stays; why (free text) goes
    services().privacy.side.store.scrub(["kring_access_log"])
    return erased
