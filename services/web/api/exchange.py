"""Kring in the formats of others, over HTTP: FHIR for care records, Network Canvas for network interviews.

The formats themselves are services/exchange; here they meet the request: rights (rules.py), the upload's size
and type, and the answer.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Request, Response, current_app, request
from flask_smorest.fields import Upload
from marshmallow import Schema, ValidationError, fields
from werkzeug.datastructures import CombinedMultiDict, FileStorage

from services.application import importing
from services.exchange.interview import Interview
from services.exchange.uploads import UPLOAD_MAX_BYTES, read_interview
from services.web import schemas
from services.web.api.read import read_side
from services.web.auth import current_user, rights
from services.web.current import services
from services.web.http import Blueprint, Parser, answer, context, refuse
from services.web.intake import UPLOADS
from services.web.problems import Problem

blp = Blueprint(
    "exchange",
    __name__,
    url_prefix="/api/networks",
    description="FHIR R4 (Nictiz zib2020) for care records; Network Canvas GraphML and CSV for network interviews",
)
NOT_FOUND = {"schema": schemas.Error, "description": "No such network (on that date)"}
FILE_ERRORS = (
    (413, f"The upload is larger than {UPLOAD_MAX_BYTES} bytes, or its ZIP unpacks to too much"),
    (415, "Not sent as multipart/form-data"),
    (422, "A file Kring cannot read: `fields.file` names the file, the line and the problem. Nothing is recorded."),
)


class _Multipart(Parser):
    """Form fields and files of one multipart body, read and documented as one schema."""

    def load_form(self, req: Request, schema: Schema) -> Any:
        return self._makeproxy(CombinedMultiDict([req.form, req.files]), schema)


blp.ARGUMENTS_PARSER = _Multipart()  # this blueprint's "form" location: multipart fields and files together


class FilePart(Upload):
    """A file of the multipart body: text sent in its place is a 422 naming the field, not a server error."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, FileStorage):
            raise ValidationError(Problem("Send a file here, not text.", "invalid.file"))
        return value


class ImportUpload(schemas.Strict):
    file: fields.Field = fields.List(
        FilePart(),
        required=True,
        metadata={
            "description": "Network Canvas's GraphML file of one interview, or its CSV files (…_ego.csv, "
            "…_attributeList_<Type>.csv, …_edgeList_<Type>.csv), or a ZIP of either."
        },
    )
    interviewed_on = schemas.past_date(
        metadata={"description": "The interview's day (default: the session's start in the file, else today)."}
    )


class NewNetworkUpload(ImportUpload):
    client_name = fields.String(
        validate=schemas.NAME, metadata={"description": "The client's name (default: the ego's `name` in the file)."}
    )


class ImportOut(schemas.CommandResult):
    interviewed_on = fields.Date(metadata={"description": "The day every recorded event is dated."})
    contacts_added = fields.Integer()
    ties_recorded = fields.Integer()
    acquaintances_recorded = fields.Integer()
    roles_assigned = fields.Integer()
    spilmantelzorger = fields.String(allow_none=True, metadata={"description": "Who was designated, if anyone."})
    ignored_attributes = fields.List(
        fields.String(), metadata={"description": "Attributes in the file that Kring does not read."}
    )


@blp.before_request
def _accept_upload() -> None:
    """An import is a multipart upload of up to UPLOAD_MAX_BYTES (the rest of the API takes 64 KiB of JSON)."""
    if request.endpoint not in UPLOADS:
        return
    request.max_content_length = UPLOAD_MAX_BYTES
    if request.mimetype != "multipart/form-data":
        refuse(415, "Send the files as multipart/form-data, in the field 'file'.", "unsupported_media_type")


def _uploaded(form: dict[str, Any]) -> Interview:
    return read_interview([(f.filename or "upload", f.read()) for f in form["file"]])


def _imported(done: importing.Imported, status: int, endpoint: str | None = None) -> Any:
    assert done.outcome is not None
    body, status, headers = answer(done.outcome, status, endpoint)
    summary = {k: v for k, v in vars(done).items() if k != "outcome"}
    return {**body, **summary}, status, headers


def _documented(view: Any) -> Any:
    for status, description in FILE_ERRORS:
        view = blp.alt_response(status, schema=schemas.Error, description=description)(view)
    return view


@blp.route("/network-canvas", methods=["POST"])
@blp.arguments(NewNetworkUpload, location="form", content_type="multipart/form-data")
@blp.response(201, ImportOut)
@_documented
def import_new_network(form: dict[str, Any]) -> Any:
    """Open a network from a Network Canvas interview.

    The ego becomes the client, each alter a contact (with their tie, tasks and designation where the file has
    them: the attributes Kring exports, see docs/research.md), each alter-alter edge of any type two people who
    know each other. Everything is recorded as Kring's own events dated the interview's day, all at once or not
    at all. You coordinate the new network.
    """
    interview = _uploaded(form)
    ctx = context(form.get("interviewed_on"))
    done = importing.import_as_new_network(services().kring, interview, ctx, current_user().id, form.get("client_name"))
    assert done.outcome is not None
    services().access.settled(done.outcome)
    return _imported(done, 201, "networks.get_network")


@blp.route("/<uuid:network_id>/network-canvas", methods=["POST"])
@blp.arguments(ImportUpload, location="form", content_type="multipart/form-data")
@blp.response(200, ImportOut)
@blp.alt_response(404, **NOT_FOUND)
@blp.alt_response(409, schema=schemas.Error, description="The network is closed")
@blp.alt_response(412, schema=schemas.Error, description="If-Match is not the network's version")
@_documented
def import_into_network(form: dict[str, Any], network_id: UUID) -> Any:
    """Add the people of a Network Canvas interview to this network.

    Each alter becomes a new contact (with their tie, tasks and designation where the file has them), each
    alter-alter edge two people who know each other, all dated the interview's day and recorded all at once or not
    at all. With If-Match, only if the network is still at that version.
    """
    ctx = context(form.get("interviewed_on"))
    return _imported(importing.import_into_network(services().kring, network_id, _uploaded(form), ctx), 200)


@blp.route("/<uuid:network_id>/fhir", methods=["GET"])
@blp.arguments(schemas.AsOfRead, location="query")
@blp.response(
    200,
    {"type": "object"},
    content_type="application/fhir+json",
    description="A FHIR R4 Bundle (type collection) on the Nictiz zib2020 profiles; see docs/fhir.md",
)
@blp.alt_response(404, **NOT_FOUND)
def network_fhir(query: dict[str, Any], network_id: UUID) -> Response:
    """The network as FHIR R4 for a Dutch care record (ECD).

    A Bundle of type collection on the Nictiz zib2020 profiles: the client (nl-core-Patient), every person now
    and before (nl-core-ContactPerson; informal carers with the role Mantelzorger), who does what for the client
    (nl-core-HelpFromOthers), the professionals (nl-core-CareTeam), each burden measurement (QuestionnaireResponse,
    with a Questionnaire per instrument) and who recorded what and when (Provenance). With as_of: as on that day.
    docs/fhir.md lists the zib elements filled and those Kring does not hold.
    """
    read_side(query)  # once it includes the caller's own writes
    body = services().export.fhir(network_id, rights(), query.get("as_of"))
    return Response(current_app.json.dumps(body), mimetype="application/fhir+json")


@blp.route("/<uuid:network_id>/network-canvas.graphml", methods=["GET"])
@blp.arguments(schemas.AsOfRead, location="query")
@blp.response(
    200,
    {"type": "string"},
    content_type="application/graphml+xml",
    description="Network Canvas's GraphML: the client the ego, contacts the alters; networkx and igraph read it",
)
@blp.alt_response(404, **NOT_FOUND)
def network_canvas_export(query: dict[str, Any], network_id: UUID) -> Response:
    """The map as a Network Canvas interview, for network research.

    The client is the ego (the graph's data), each current contact a node with their tie, support and tasks,
    each pair who know each other an `acquaintance` edge, in the GraphML Network Canvas exports; importing it
    gives the same map. With as_of: as on that day.
    """
    read_side(query)  # once it includes the caller's own writes
    return Response(
        services().export.network_canvas(network_id, query.get("as_of")),
        mimetype="application/graphml+xml",
        headers={"Content-Disposition": f'attachment; filename="network-{network_id}-network-canvas.graphml"'},
    )
