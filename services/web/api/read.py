"""The read side over HTTP: map, GraphML, measures, changes, timelines, who does what, attention."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Response, request
from flask_smorest import abort

from services.application.readside import PositionBeyondLog, ReadSide, TimelineQuery, measures_view
from services.web import schemas
from services.web.auth import current_user, rights
from services.web.current import services
from services.web.http import Blueprint, not_found

blp = Blueprint("read", __name__, url_prefix="/api", description="Maps, measures, timelines and overviews")
NOT_FOUND = {"schema": schemas.Error, "description": "No such network (on that date)"}
BEHIND = {"schema": schemas.Error, "description": "The read side has not reached min_position in time"}
MIN_POSITION_HEADER = "X-Kring-Min-Position"


def read_side(query: dict[str, Any]) -> ReadSide:
    """The read side, once it includes the caller's own writes (min_position or X-Kring-Min-Position); a
    position past the end of the log is a 422 naming it."""
    side = services().read_side
    field, position = "min_position", query.get("min_position")
    if not position:
        field, position = MIN_POSITION_HEADER, request.headers.get(MIN_POSITION_HEADER, type=int)
    try:
        side.reach(position)
    except PositionBeyondLog as error:
        abort(422, message=str(error), error="position_beyond_log", messages={"query": {field: [str(error)]}})
    return side


@blp.route("/networks/<uuid:network_id>/map", methods=["GET"])
@blp.arguments(schemas.AsOfRead, location="query")
@blp.response(200, schemas.MapOut)
@blp.alt_response(404, **NOT_FOUND)
@blp.alt_response(503, **BEHIND)
def network_map(query: dict[str, Any], network_id: UUID) -> Any:
    """The network map: contacts with their ties, acquaintances, roles and the spilmantelzorger."""
    return read_side(query).network(network_id, query.get("as_of"))


@blp.route("/networks/<uuid:network_id>/map.graphml", methods=["GET"])
@blp.arguments(schemas.AsOfRead, location="query")
@blp.response(
    200,
    {"type": "string"},
    content_type="application/graphml+xml",
    description="GraphML, readable by Gephi and networkx",
)
@blp.alt_response(404, **NOT_FOUND)
def network_graphml(query: dict[str, Any], network_id: UUID) -> Response:
    """The network map as GraphML; ties, acquaintances and support roles are separate edges."""
    body = read_side(query).graphml(network_id, query.get("as_of"))
    return Response(
        body,
        mimetype="application/graphml+xml",
        headers={"Content-Disposition": f'attachment; filename="network-{network_id}.graphml"'},
    )


@blp.route("/networks/<uuid:network_id>/measures", methods=["GET"])
@blp.arguments(schemas.AsOfRead, location="query")
@blp.response(200, schemas.MeasuresOut)
@blp.alt_response(404, **NOT_FOUND)
def network_measures(query: dict[str, Any], network_id: UUID) -> Any:
    """The quality measures, each with what it says about this client, the concerns (risk signals) and the
    strengths, in plain Dutch (or English with ?lang=en or Accept-Language)."""
    return measures_view(read_side(query).measures(network_id, query.get("as_of")))


@blp.route("/networks/<uuid:network_id>/changes", methods=["GET"])
@blp.arguments(schemas.ChangesQuery, location="query")
@blp.response(200, schemas.ChangesOut)
@blp.alt_response(404, **NOT_FOUND)
def network_changes(query: dict[str, Any], network_id: UUID) -> Any:
    """What changed between two dates: contacts, ties and roles, counted, with the measures before and after."""
    found = read_side(query).changes(network_id, query["from_"], query["to"])
    return {**found, "changes": services().history.said(found["changes"], rights())}


def _timeline(query: dict[str, Any], network_id: UUID, contact_id: str | None = None) -> dict[str, Any]:
    side = read_side(query)  # an unknown network, or one the caller may not see, was a 404 before this ran
    wanted = TimelineQuery(
        contact_id, tuple(query["kind"]), query["from_"], query["to"], query["offset"], query["limit"] + 1
    )
    lines = services().history.said(side.timelines.lines(network_id, wanted), rights())  # said: ?lang=, Accept-Language
    more = len(lines) > query["limit"]
    return {"items": lines[: query["limit"]], "next_offset": query["offset"] + query["limit"] if more else None}


@blp.route("/networks/<uuid:network_id>/timeline", methods=["GET"])
@blp.arguments(schemas.TimelineQuerySchema, location="query")
@blp.response(200, schemas.TimelineOut)
@blp.alt_response(404, **NOT_FOUND)
def network_timeline(query: dict[str, Any], network_id: UUID) -> Any:
    """The network's timeline in plain Dutch (or English), by the day things happened; filter and page it."""
    return _timeline(query, network_id)


@blp.route("/networks/<uuid:network_id>/contacts/<uuid:contact_id>/timeline", methods=["GET"])
@blp.arguments(schemas.TimelineQuerySchema, location="query")
@blp.response(200, schemas.TimelineOut)
@blp.alt_response(404, **NOT_FOUND)
def contact_timeline(query: dict[str, Any], network_id: UUID, contact_id: UUID) -> Any:
    """One contact's timeline: their ties, roles, acquaintances and burden, in plain Dutch."""
    return _timeline(query, network_id, str(contact_id))


@blp.route("/coordinators/<coordinator>/who-does-what", methods=["GET"])
@blp.arguments(schemas.ReadQuery, location="query")
@blp.response(200, schemas.WhoDoesWhatOut)
def who_does_what(query: dict[str, Any], coordinator: str) -> Any:
    """Across the coordinator's open networks: who does what, who helps in several networks, vacant tasks."""
    return _looked_at(read_side(query).who_does_what.for_coordinator(coordinator), "wie doet wat (overzicht)")


@blp.route("/coordinators/<coordinator>/attention", methods=["GET"])
@blp.arguments(schemas.AttentionQuery, location="query")
@blp.response(200, schemas.AttentionOut)
def attention(query: dict[str, Any], coordinator: str) -> Any:
    """Open networks that need attention: review due or overdue, no spilmantelzorger, no informal contacts,
    mostly stressful ties."""
    today = query["today"] or services().kring.today()
    found = {"items": read_side(query).attention.for_coordinator(coordinator, today)}
    return _looked_at(found, "wat aandacht vraagt (overzicht)")


def _looked_at(answer: dict[str, Any], what: str) -> dict[str, Any]:
    """An overview across networks is a look at each network in it: one access-log entry per network."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("network_id"), str | UUID):
                found.add(str(value["network_id"]))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(answer)
    services().access_log.record(current_user().id, sorted(found), what)
    return answer


# ------------------------------------------------------------------ records
def _records(query: dict[str, Any], network_id: UUID, kind: str, carer_id: UUID | None = None) -> dict[str, Any]:
    side = read_side(query)  # an unknown network was a 404 before this ran (auth.authorize)
    return {"items": side.records.list(network_id, kind, str(carer_id) if carer_id else None)}


def _record(query: dict[str, Any], network_id: UUID, kind: str, record_id: UUID) -> dict[str, Any]:
    found = read_side(query).records.get(network_id, kind, str(record_id))
    if found is None:
        not_found(f"This network has no {kind.replace('_', ' ')} {record_id}.", RECORD_NOT_FOUND[kind])
    return found


RECORD_NOT_FOUND = {"note": "note_not_found", "burden_report": "report_not_found"}


@blp.route("/networks/<uuid:network_id>/notes", methods=["GET"])
@blp.arguments(schemas.ReadQuery, location="query")
@blp.response(200, schemas.NotesOut)
@blp.alt_response(404, **NOT_FOUND)
def list_notes(query: dict[str, Any], network_id: UUID) -> Any:
    """The network's notes, oldest first."""
    return _records(query, network_id, "note")


@blp.route("/networks/<uuid:network_id>/notes/<uuid:note_id>", methods=["GET"])
@blp.arguments(schemas.ReadQuery, location="query")
@blp.response(200, schemas.NoteOut)
@blp.alt_response(404, **NOT_FOUND)
def get_note(query: dict[str, Any], network_id: UUID, note_id: UUID) -> Any:
    """One note."""
    return _record(query, network_id, "note", note_id)


@blp.route("/networks/<uuid:network_id>/burden-reports", methods=["GET"])
@blp.arguments(schemas.RecordsQuery, location="query")
@blp.response(200, schemas.BurdenReportsOut)
@blp.alt_response(404, **NOT_FOUND)
def list_burden_reports(query: dict[str, Any], network_id: UUID) -> Any:
    """The carers' burden questionnaires, answers as given, oldest first (?carer_id= for one carer)."""
    return _records(query, network_id, "burden_report", query["carer_id"])


@blp.route("/networks/<uuid:network_id>/burden-reports/<uuid:report_id>", methods=["GET"])
@blp.arguments(schemas.ReadQuery, location="query")
@blp.response(200, schemas.BurdenReportOut)
@blp.alt_response(404, **NOT_FOUND)
def get_burden_report(query: dict[str, Any], network_id: UUID, report_id: UUID) -> Any:
    """One burden report, answers as given."""
    return _record(query, network_id, "burden_report", report_id)


@blp.route("/networks/<uuid:network_id>/reviews", methods=["GET"])
@blp.arguments(schemas.ReadQuery, location="query")
@blp.response(200, schemas.ReviewsOut)
@blp.alt_response(404, **NOT_FOUND)
def list_reviews(query: dict[str, Any], network_id: UUID) -> Any:
    """The reviews of the network: who took part, what was said, when the next one was set."""
    return _records(query, network_id, "review")


@blp.route("/networks/<uuid:network_id>/meetings", methods=["GET"])
@blp.arguments(schemas.ReadQuery, location="query")
@blp.response(200, schemas.MeetingsOut)
@blp.alt_response(404, **NOT_FOUND)
def list_meetings(query: dict[str, Any], network_id: UUID) -> Any:
    """The support-group meetings and their agreements."""
    return _records(query, network_id, "meeting")
