"""The parts of a network: contacts and ties, acquaintances, roles, the spilmantelzorger,
burden reports, reviews, meetings, goals and notes."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_smorest import abort

from services.web import schemas
from services.web.auth import may_care_for
from services.web.current import services
from services.web.errors import in_path
from services.web.http import Blueprint, answer, command, context

blp = Blueprint("parts", __name__, url_prefix="/api/networks/<uuid:network_id>", description="Parts of a network")


def _dated(body: dict[str, Any], key: str = "effective_on") -> Any:
    return context(body.pop(key, None))


# ---------------------------------------------------------------- contacts
@command(blp, "/contacts", "POST", schemas.ContactCreate, status=201)
def add_contact(body: dict[str, Any], network_id: UUID) -> Any:
    """Add a person or organisation to the network."""
    outcome = services().kring.add_contact(network_id, _dated(body), **body)
    return answer(outcome, 201, "parts.get_contact", contact_id=outcome.created_id)


@blp.route("/contacts/<uuid:contact_id>", methods=["GET"])
@blp.response(200, schemas.ContactOut)
@blp.alt_response(404, schema=schemas.Error, description="No such network or contact")
def get_contact(network_id: UUID, contact_id: UUID) -> Any:
    """One contact with their tie."""
    contact = services().kring.get_network(network_id).contacts.get(str(contact_id))
    if contact is None or not contact.is_active:
        abort(404, message=f"This network has no contact {contact_id}.", error="contact_not_found")
    return contact


@command(blp, "/contacts/<uuid:contact_id>", "PATCH", schemas.ContactPatch)
def change_contact(body: dict[str, Any], network_id: UUID, contact_id: UUID) -> Any:
    """Change some of a contact's details."""
    with in_path("contact", str(contact_id)):
        return answer(services().kring.change_contact(network_id, _dated(body), str(contact_id), **body))


@command(blp, "/contacts/<uuid:contact_id>", "DELETE", schemas.Ending)
def remove_contact(body: dict[str, Any], network_id: UUID, contact_id: UUID) -> Any:
    """Take a contact out of the network (their roles end; history is kept)."""
    with in_path("contact", str(contact_id)):
        return answer(services().kring.remove_contact(network_id, _dated(body), str(contact_id), body["reason"]))


@command(blp, "/contacts/<uuid:contact_id>/tie", "PUT", schemas.TieAssessment)
def assess_tie(body: dict[str, Any], network_id: UUID, contact_id: UUID) -> Any:
    """Assess the tie as it is now; Kring records what changed (strengthened, strained, ...)."""
    with in_path("contact", str(contact_id)):
        return answer(services().kring.assess_tie(network_id, _dated(body), str(contact_id), **body))


@command(blp, "/contacts/<uuid:contact_id>/tie", "DELETE", schemas.Ending)
def end_tie(body: dict[str, Any], network_id: UUID, contact_id: UUID) -> Any:
    """The tie has ended, though the contact is still known."""
    with in_path("contact", str(contact_id)):
        return answer(services().kring.end_tie(network_id, _dated(body), str(contact_id), body["reason"]))


# ----------------------------------------------------------- acquaintances
@command(blp, "/acquaintances", "POST", schemas.AcquaintancePair)
def record_acquaintance(body: dict[str, Any], network_id: UUID) -> Any:
    """Two contacts know each other."""
    first, second = (str(i) for i in body["contact_ids"])
    return answer(services().kring.record_acquaintance(network_id, _dated(body), first, second))


@command(blp, "/acquaintances", "DELETE", schemas.AcquaintancePair)
def end_acquaintance(body: dict[str, Any], network_id: UUID) -> Any:
    """Two contacts no longer know each other."""
    first, second = (str(i) for i in body["contact_ids"])
    return answer(services().kring.end_acquaintance(network_id, _dated(body), first, second))


# ------------------------------------------------------------------- roles
@command(blp, "/roles", "POST", schemas.RoleCreate, status=201)
def assign_role(body: dict[str, Any], network_id: UUID) -> Any:
    """A contact takes on a task (who does what); with `request_id`, the request for help it answers closes."""
    body["contact_id"] = str(body["contact_id"])
    body["request_id"] = str(body["request_id"]) if body.get("request_id") else None
    outcome = services().kring.assign_role(network_id, _dated(body), **body)
    return answer(outcome, 201, "parts.get_role", role_id=outcome.created_id)


@blp.route("/roles/<uuid:role_id>", methods=["GET"])
@blp.response(200, schemas.RoleOut)
@blp.alt_response(404, schema=schemas.Error, description="No such network or role")
def get_role(network_id: UUID, role_id: UUID) -> Any:
    """One support role, current or ended."""
    role = services().kring.get_network(network_id).roles.get(str(role_id))
    if role is None:
        abort(404, message=f"This network has no role {role_id}.", error="role_not_found")
    return role


@command(blp, "/roles/<uuid:role_id>", "DELETE", schemas.Ending)
def end_role(body: dict[str, Any], network_id: UUID, role_id: UUID) -> Any:
    """End a support role."""
    with in_path("role", str(role_id)):
        return answer(services().kring.end_role(network_id, _dated(body), str(role_id), body["reason"]))


# -------------------------------------------------------- spilmantelzorger
@command(blp, "/spilmantelzorger", "PUT", schemas.SpilmantelzorgerDesignation)
def designate_spilmantelzorger(body: dict[str, Any], network_id: UUID) -> Any:
    """Make an informal contact the lead carer (the previous one stands down)."""
    return answer(services().kring.designate_spilmantelzorger(network_id, _dated(body), str(body["contact_id"])))


@command(blp, "/spilmantelzorger", "DELETE", schemas.Ending)
def stand_down_spilmantelzorger(body: dict[str, Any], network_id: UUID) -> Any:
    """The lead carer steps back."""
    return answer(services().kring.stand_down_spilmantelzorger(network_id, _dated(body), body["reason"]))


# ------------------------------------------------- burden, reviews, meetings
@command(blp, "/burden-reports", "POST", schemas.BurdenReportCreate, status=201)
def report_burden(body: dict[str, Any], network_id: UUID) -> Any:
    """Store a carer's burden questionnaire answers."""
    body["carer_id"] = str(body["carer_id"])
    may_care_for(body["carer_id"])
    outcome = services().kring.report_burden(network_id, _dated(body, "reported_on"), **body)
    return answer(outcome, 201, "read.get_burden_report", report_id=outcome.created_id)


@command(blp, "/reviews", "POST", schemas.ReviewCreate, status=201)
def record_review(body: dict[str, Any], network_id: UUID) -> Any:
    """A review of the network was held; sets the next review date."""
    return answer(services().kring.record_review(network_id, _dated(body, "held_on"), **body), 201)


@command(blp, "/meetings", "POST", schemas.MeetingCreate, status=201)
def record_meeting(body: dict[str, Any], network_id: UUID) -> Any:
    """A support-group meeting was held, with its agreements."""
    return answer(services().kring.record_meeting(network_id, _dated(body, "held_on"), **body), 201)


# ------------------------------------------------------------ goals, notes
@command(blp, "/goals", "POST", schemas.GoalCreate, status=201)
def set_goal(body: dict[str, Any], network_id: UUID) -> Any:
    """Add a goal to the action plan."""
    outcome = services().kring.set_goal(network_id, _dated(body), **body)
    return answer(outcome, 201, "parts.get_goal", goal_id=outcome.created_id)


@blp.route("/goals/<uuid:goal_id>", methods=["GET"])
@blp.response(200, schemas.GoalOut)
@blp.alt_response(404, schema=schemas.Error, description="No such network or goal")
def get_goal(network_id: UUID, goal_id: UUID) -> Any:
    """One goal."""
    goal = services().kring.get_network(network_id).goals.get(str(goal_id))
    if goal is None:
        abort(404, message=f"This network has no goal {goal_id}.", error="goal_not_found")
    return goal


@command(blp, "/goals/<uuid:goal_id>/complete", "POST", schemas.Dated)
def complete_goal(body: dict[str, Any], network_id: UUID, goal_id: UUID) -> Any:
    """A goal was reached."""
    with in_path("open goal", str(goal_id)):
        return answer(services().kring.complete_goal(network_id, _dated(body), str(goal_id)))


@command(blp, "/notes", "POST", schemas.NoteCreate, status=201)
def add_note(body: dict[str, Any], network_id: UUID) -> Any:
    """Write a note on the network."""
    outcome = services().kring.add_note(network_id, _dated(body), body["text"])
    return answer(outcome, 201, "read.get_note", note_id=outcome.created_id)
