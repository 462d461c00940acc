"""A card for every person of the network, and the client's profile: everything recorded about them, changeable,
with its history. Every name on the network's pages links to the person's card."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from domain import days
from domain.network import Network
from domain.permissions import BURDEN, EDIT
from domain.state import Contact
from domain.vocabulary import PROFESSIONAL_CATEGORIES
from services.application import intake, people
from services.application.kring import Context
from services.web import schemas
from services.web.auth import may, rights
from services.web.current import services
from services.web.http import caller, context
from services.web.language import say
from services.web.pages.context import done, network_or_404, own_contact, today
from services.web.pages.forms import Form, check, submit

blp = Blueprint("people", __name__, url_prefix="/netwerken/<uuid:network_id>", template_folder="../templates")

DETAILS = ("name", "relation", "category", "contact_mode", "phone", "email", "known_since", "travel_minutes")
CLEARED = ("relation", "contact_mode", "phone", "email", "known_since", "travel_minutes")  # blank: none any more


def person_url(network_id: UUID | str, contact_id: str) -> str:
    """The address of a person's card (every name on the pages links here)."""
    return url_for("people.card", network_id=network_id, contact_id=contact_id)


def _contact(network: Network, contact_id: UUID, active: bool = False) -> Contact:
    contact = network.contacts.get(str(contact_id))
    if contact is None or (active and not contact.is_active):
        abort(404)
    return contact


def _details_form(contact: Contact) -> Form:
    values: dict[str, Any] = {name: getattr(contact, name) or "" for name in DETAILS}
    values["known_since"] = contact.known_since.isoformat() if contact.known_since else ""
    values["lives_with_client"] = "on" if contact.lives_with_client else ""
    values["skills"] = "\n".join(contact.skills)
    values["effective_on"] = today().isoformat()
    return Form(values=values)


def _card(network: Network, contact: Contact, forms: dict[str, Form] | None = None) -> Any:
    """The card, with any of its forms as typed (a problem: 422)."""
    forms = forms or {}
    history = people.contact_history(services().kring, network.id, contact.id, rights(), say)
    names = services().access.names_of({h["recorded_by"] for h in history})
    known = [network.contacts[i] for a in network.acquaintance_list for i in a.contact_ids if i != contact.id
             and contact.id in a.contact_ids]  # fmt: skip
    carer = contact.category not in PROFESSIONAL_CATEGORIES
    page = render_template(
        "people/card.html",
        network=network,
        contact=contact,
        history=history,
        names=names,
        tasks=[r for r in network.roles.values() if r.contact_id == contact.id],
        known={c.id for c in known},
        known_people=sorted(known, key=lambda c: c.name.lower()),
        others=sorted((c for c in network.active_contacts if c.id != contact.id), key=lambda c: c.name.lower()),
        outward=people.ring_outward(contact, history) if contact.is_active else None,
        burden_link=carer and contact.is_active and (may(BURDEN) or own_contact() == contact.id),
        may_edit=may(EDIT) and contact.is_active and network.status == "open",
        details=forms.get("details") or _details_form(contact),
        ring_form=forms.get("ring") or Form(values={"effective_on": today().isoformat()}),
        knows_form=forms.get("knows") or Form(values={"effective_on": today().isoformat()}),
        age=days.age_on,
    )
    return page, 200 if all(f.ok for f in forms.values()) else 422


@blp.route("/mensen/<uuid:contact_id>", methods=["GET"])
def card(network_id: UUID, contact_id: UUID) -> Any:
    """Everything recorded about one person: who they are, the tie, what they do, who they know, the history."""
    network = network_or_404(network_id)
    return _card(network, _contact(network, contact_id))


def _details_body(sent: MultiDict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {name: sent.get(name, "").strip() for name in DETAILS if name in sent}
    body |= {name: None for name in CLEARED if body.get(name) == ""}
    if body.get("travel_minutes"):
        text = body["travel_minutes"]
        body["travel_minutes"] = int(text) if text.isdigit() else text
    body["lives_with_client"] = bool(sent.get("lives_with_client"))
    body["skills"] = [line.strip() for line in sent.get("skills", "").splitlines() if line.strip()]
    if sent.get("effective_on"):
        body["effective_on"] = sent["effective_on"]
    if not body.get("category"):
        body.pop("category", None)
    return body


def _change(network: Network, contact: Contact, form: Form, body: dict[str, Any], which: str) -> Any:
    """Record a change of the contact's details; a problem brings the card back with the form as typed."""
    ctx = context(body.pop("effective_on", None)) if form.ok else None
    if (
        ctx is None
        or submit(form, lambda: services().kring.change_contact(network.id, ctx, contact.id, **body)) is None
    ):
        return _card(network, contact, {which: form})
    if which == "ring":
        return _saved(_("%(name)s staat nu in een andere ring.", name=contact.name), network.id, contact.id)
    name = body.get("name", contact.name)
    return _saved(_("De gegevens van %(name)s zijn bijgewerkt.", name=name), network.id, contact.id)


@blp.route("/mensen/<uuid:contact_id>/gegevens", methods=["POST"])
def change_details(network_id: UUID, contact_id: UUID) -> Any:
    """Correct or change who someone is: name, relation, group, how contact happens, phone, e-mail..."""
    network = network_or_404(network_id)
    contact = _contact(network, contact_id, active=True)
    form = Form(values=request.form.to_dict())
    return _change(network, contact, form, check(schemas.ContactPatch(), _details_body(request.form), form), "details")


@blp.route("/mensen/<uuid:contact_id>/ring", methods=["POST"])
def move_ring(network_id: UUID, contact_id: UUID) -> Any:
    """Move someone to another ring of the network circle (closer, or further out)."""
    network = network_or_404(network_id)
    contact = _contact(network, contact_id, active=True)
    form = Form(values=request.form.to_dict())
    sent = {k: v for k, v in form.values.items() if k in ("ring", "effective_on") and v}
    return _change(network, contact, form, check(schemas.ContactPatch(), sent, form), "ring")


@blp.route("/mensen/<uuid:contact_id>/kent", methods=["POST"])
def knows(network_id: UUID, contact_id: UUID) -> Any:
    """Who this person knows: ticked pairs are recorded, unticked ones end, in one save."""
    network = network_or_404(network_id)
    contact = _contact(network, contact_id, active=True)
    form = Form(values=request.form.to_dict())
    body = check(schemas.Dated(), {k: v for k, v in form.values.items() if k == "effective_on" and v}, form)
    ticked = set(request.form.getlist("knows"))
    known = {i for a in network.acquaintance_list if contact.id in a.contact_ids for i in a.contact_ids} - {contact.id}
    plan = intake.Intake(
        acquaintances=[(contact.id, other) for other in sorted(ticked - known)],
        acquaintances_ended=[(contact.id, other) for other in sorted(known - ticked)],
    )
    ctx = Context(caller(), body.get("effective_on"))
    if submit(form, lambda: intake.record_intake(services().kring, network_id, plan, ctx).saved) is None:
        form.values["knows"] = ticked
        return _card(network, contact, {"knows": form})
    return _saved(_("Opgeslagen wie %(name)s kent.", name=contact.name), network_id, contact.id)


def _saved(message: str, network_id: UUID, contact_id: str) -> Response:
    return done(message, "people.card", network_id=network_id, contact_id=contact_id)


# ------------------------------------------------------------------ the client's profile
@blp.route("/profiel", methods=["GET", "POST"])
def profile(network_id: UUID) -> Any:
    """The client: name, date of birth, living situation and the help question in their own words; with history."""
    network = network_or_404(network_id)
    values = {
        "client_name": network.client_name,
        "date_of_birth": network.date_of_birth.isoformat() if network.date_of_birth else "",
        "living_situation": network.living_situation or "",
        "help_question": network.help_question,
        "effective_on": today().isoformat(),
    }
    form = Form(values=values)
    if request.method == "POST":
        form = Form(values=request.form.to_dict())
        body = check(schemas.NetworkPatch(), _profile_body(request.form), form)
        ctx = context(body.pop("effective_on", None)) if form.ok else None
        if ctx is not None and submit(form, lambda: services().kring.update_network(network_id, ctx, **body)):
            return done(_("Het profiel van de cliënt is bijgewerkt."), "network.ecogram", network_id=network_id)
    history = people.profile_history(services().kring, network_id, rights(), say)
    names = services().access.names_of({h["recorded_by"] for h in history})
    return render_template("people/profile.html", network=network, form=form, history=history, names=names), (
        200 if form.ok else 422
    )


def _profile_body(sent: MultiDict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "client_name": sent.get("client_name", "").strip(),
        "date_of_birth": sent.get("date_of_birth") or None,
        "living_situation": sent.get("living_situation") or None,
        "help_question": sent.get("help_question", "").strip(),
    }
    return body | ({"effective_on": sent["effective_on"]} if sent.get("effective_on") else {})
