"""A form for every change to a network: the API's schema checks it, the application records it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from domain.network import Network
from domain.state import Contact
from domain.vocabulary import PROFESSIONAL_CATEGORIES
from services.application.networks import Outcome
from services.web import schemas
from services.web.current import services
from services.web.http import context
from services.web.pages import agreements
from services.web.pages.context import done, network_or_404, today
from services.web.pages.forms import Form, check, load, submit

blp = Blueprint("forms", __name__, url_prefix="/netwerken/<uuid:network_id>", template_folder="../templates")
Body = dict[str, Any]


def _dated(body: Body, key: str = "effective_on") -> Any:
    return context(body.pop(key, None))


def command_page(
    template: str,
    schema: schemas.Schema,
    run: Callable[[Body], Outcome],
    after: Callable[[Body, Outcome], Response],
    defaults: dict[str, Any],
    **page: Any,
) -> Any:
    """Show the form (GET), or check and record it (POST): on a problem the form comes back as typed (422)."""
    form = Form(values={"effective_on": today().isoformat()} | defaults)
    if request.method == "POST":
        form, body = load(schema, request.form)
        typed = dict(body)
        outcome = submit(form, lambda: run(body))
        if outcome is not None:
            return after(typed, outcome)
    return render_template(template, form=form, today=today(), **page), 200 if form.ok else 422


def _back(message: str, network_id: UUID, endpoint: str = "network.ecogram") -> Response:
    return done(message, endpoint, network_id=network_id)


def _finished(form: Form, saved: bool, message: str, network_id: UUID) -> Response:
    """Back to who-does-what after a one-button form, saying what happened or what stood in the way."""
    if saved:
        return done(message, "network.tasks", network_id=network_id)
    return done(form.problems, "network.tasks", kind="problem", network_id=network_id)


def _active_contact(network: Network, contact_id: UUID) -> Contact:
    """A contact who is in the network now; otherwise the page does not exist."""
    contact = network.contacts.get(str(contact_id))
    if contact is None or not contact.is_active:
        abort(404)
    return contact


def _contacts(network: Network, informal_only: bool = False) -> list[tuple[str, str]]:
    people = [c for c in network.active_contacts if not informal_only or c.category not in PROFESSIONAL_CATEGORIES]
    return [(c.id, c.name) for c in sorted(people, key=lambda c: c.name.lower())]


@blp.route("/contacten/nieuw", methods=["GET", "POST"])
def add_contact(network_id: UUID) -> Any:
    """Add a person or organisation; then say how the tie is."""
    network = network_or_404(network_id)

    def after(body: Body, outcome: Outcome) -> Response:
        message = _("%(name)s is toegevoegd. Hoe is de band?", name=body["name"])
        return done(message, "forms.assess_tie", network_id=network_id, contact_id=outcome.created_id)

    return command_page(
        "forms/contact.html",
        schemas.ContactCreate(),
        lambda body: services().kring.add_contact(network_id, _dated(body), **body),
        after,
        {"ring": "friend"},
        network=network,
    )


@blp.route("/contacten/<uuid:contact_id>/band", methods=["GET", "POST"])
def assess_tie(network_id: UUID, contact_id: UUID) -> Any:
    """How the tie with a contact is now: strength, stress, the direction of support, how often."""
    network = network_or_404(network_id)
    contact = _active_contact(network, contact_id)
    tie = contact.tie
    defaults = {
        "effective_on": (today() if tie else contact.added_on).isoformat(),  # a first tie: the day they came
        "strength": tie.strength if tie else "normal",
        "stressful": "on" if tie and tie.stressful else "",
        "flow": tie.flow if tie else "both",
        "frequency": (tie.frequency or "") if tie else "",
    }
    return command_page(
        "forms/tie.html",
        schemas.TieAssessment(),
        lambda body: services().kring.assess_tie(network_id, _dated(body), str(contact_id), **body),
        lambda body, _o: _back(_("De band met %(name)s is vastgelegd.", name=contact.name), network_id),
        defaults,
        network=network,
        contact=contact,
    )


@blp.route("/contacten/<uuid:contact_id>/verwijderen", methods=["GET", "POST"])
def remove_contact(network_id: UUID, contact_id: UUID) -> Any:
    """Take a contact out of the network, with the reason; their tasks (and designation) end with them."""
    network = network_or_404(network_id)
    contact = _active_contact(network, contact_id)
    return command_page(
        "forms/remove_contact.html",
        schemas.Ending(),
        lambda body: services().kring.remove_contact(network_id, _dated(body), contact.id, body["reason"]),
        lambda body, _o: _back(_("%(name)s staat niet meer in het netwerk.", name=contact.name), network_id),
        {},
        network=network,
        contact=contact,
        tasks=sorted(r.task for r in network.active_roles if r.contact_id == contact.id),
    )


@blp.route("/sluiten", methods=["GET", "POST"])
def close_network(network_id: UUID) -> Any:
    """Close the network (the coordinator): it can still be read, and reopened."""
    network = network_or_404(network_id)
    return command_page(
        "forms/close.html",
        schemas.Ending(),
        lambda body: services().kring.close_network(network_id, _dated(body), body["reason"]),
        lambda body, _o: _back(_("Het netwerk is gesloten. U kunt het altijd weer heropenen."), network_id),
        {},
        network=network,
    )


@blp.route("/heropenen", methods=["POST"])
def reopen_network(network_id: UUID) -> Any:
    """Reopen a closed network (the coordinator)."""
    form, body = load(schemas.Dated(), request.form)
    if submit(form, lambda: services().kring.reopen_network(network_id, _dated(body))) is None:
        return done(form.problems, "network.ecogram", kind="problem", network_id=network_id)
    return done(_("Het netwerk is weer open."), "network.ecogram", network_id=network_id)


@blp.route("/taken/nieuw", methods=["GET", "POST"])
def assign_role(network_id: UUID) -> Any:
    """Someone takes on a task (who does what)."""
    network = network_or_404(network_id)

    def run(body: Body) -> Outcome:
        body["contact_id"] = str(body["contact_id"])
        body["request_id"] = str(body["request_id"]) if body.get("request_id") else None
        return services().kring.assign_role(network_id, _dated(body), **body)

    asked = network.open_help_requests.get(request.args.get("hulpvraag", ""))  # answering a request for help
    return command_page(
        "forms/role.html",
        schemas.RoleCreate(),
        run,
        lambda body, _o: _back(_("De taak is vastgelegd."), network_id, "network.tasks"),
        {"contact_id": request.args.get("contact_id", ""), "direction": "to_client"}
        | (
            {
                "request_id": asked.id,
                "task": asked.task,
                "support_type": asked.support_type,
                "rhythm": asked.rhythm or "",
            }
            if asked
            else {}
        ),
        network=network,
        people=_contacts(network),
    )


@blp.route("/taken/<uuid:role_id>/stoppen", methods=["POST"])
def end_role(network_id: UUID, role_id: UUID) -> Any:
    """A task is no longer done."""
    form, body = load(schemas.Ending(), request.form)
    outcome = submit(form, lambda: services().kring.end_role(network_id, _dated(body), str(role_id), body["reason"]))
    return _finished(form, outcome is not None, _("De taak is beëindigd."), network_id)


@blp.route("/spilmantelzorger", methods=["GET", "POST"])
def designate_spilmantelzorger(network_id: UUID) -> Any:
    """Choose the lead informal carer (the previous one stands down)."""
    network = network_or_404(network_id)
    return command_page(
        "forms/spilmantelzorger.html",
        schemas.SpilmantelzorgerDesignation(),
        lambda body: services().kring.designate_spilmantelzorger(network_id, _dated(body), str(body["contact_id"])),
        lambda body, _o: _back(_("De spilmantelzorger is aangewezen."), network_id),
        {"contact_id": network.spilmantelzorger_id or ""},
        network=network,
        people=_contacts(network, informal_only=True),
    )


@blp.route("/bespreking", methods=["GET", "POST"])
def record_review(network_id: UUID) -> Any:
    """A review of the network was held: who of the network took part, the client or not, others, what was said,
    when the next one is."""
    network = network_or_404(network_id)
    return command_page(
        "forms/review.html",
        schemas.ReviewCreate(),
        lambda body: services().kring.record_review(network_id, _dated(body, "held_on"), **body),
        lambda body, _o: _back(_("De netwerkbespreking is vastgelegd."), network_id, "network.notes"),
        {"held_on": today().isoformat()},
        network=network,
        people=_contacts(network),
    )


@blp.route("/bijeenkomst", methods=["GET", "POST"])
def record_meeting(network_id: UUID) -> Any:
    """The support group met: who came, the client or not, and the agreements; an agreement someone takes on becomes
    their task in the same save."""
    network = network_or_404(network_id)
    form = Form(values={"held_on": today().isoformat()})
    rows = list(range(agreements.FIRST_ROWS))
    if request.method == "POST":
        form = Form(values=request.form.to_dict(flat=True) | {"attendee_ids": request.form.getlist("attendee_ids")})
        rows = agreements.rows(request.form)
        if request.form.get("add") == "agreement":
            rows.append(max(rows, default=-1) + 1)
        else:
            body, numbers = agreements.body(request.form)
            body = check(schemas.MeetingCreate(), body, form)
            ctx = _dated(body, "held_on") if form.ok else None
            outcome = submit(form, lambda: services().kring.record_meeting(network_id, ctx, **body)) if ctx else None
            form.errors = agreements.renamed(form.errors, numbers)
            if outcome is not None:
                return _back(_("De bijeenkomst van de steungroep is vastgelegd."), network_id, "network.notes")
    page = render_template(
        "forms/meeting.html", form=form, network=network, people=_contacts(network), rows=rows, blank=Form()
    )
    return page, 200 if form.ok else 422


@blp.route("/doelen/nieuw", methods=["GET", "POST"])
def set_goal(network_id: UUID) -> Any:
    """Add a goal to the action plan."""
    network = network_or_404(network_id)
    return command_page(
        "forms/goal.html",
        schemas.GoalCreate(),
        lambda body: services().kring.set_goal(network_id, _dated(body), **body),
        lambda body, _o: _back(_("Het doel is toegevoegd."), network_id, "network.tasks"),
        {},
        network=network,
    )


@blp.route("/doelen/<uuid:goal_id>/bereikt", methods=["POST"])
def complete_goal(network_id: UUID, goal_id: UUID) -> Any:
    """A goal was reached."""
    form, body = load(schemas.Dated(), request.form)
    outcome = submit(form, lambda: services().kring.complete_goal(network_id, _dated(body), str(goal_id)))
    return _finished(form, outcome is not None, _("Het doel is bereikt."), network_id)


@blp.route("/notities/nieuw", methods=["GET", "POST"])
def add_note(network_id: UUID) -> Any:
    """Write a note on the network."""
    network = network_or_404(network_id)
    return command_page(
        "forms/note.html",
        schemas.NoteCreate(),
        lambda body: services().kring.add_note(network_id, _dated(body), body["text"]),
        lambda body, _o: _back(_("De notitie is opgeslagen."), network_id, "network.notes"),
        {},
        network=network,
    )
