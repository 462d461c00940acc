"""The client owns the network: who has access (roles given and taken away by the coordinator, consent given and
withdrawn by the client or on the client's behalf), who looked ("Wie keek er?"), and everything in one download.

The same rules (rules.py) and the same commands as the API's access, consent, access-log and export endpoints
(services/application/access.py and export.py, as services/web/api/access.py and privacy.py use them).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from babel.lists import format_list
from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from domain.permissions import AUDIT, CONSENT_SCOPES, NEEDS_CONSENT
from services.accounts.access_log import cursor
from services.application.access import DELETED_ACCOUNT
from services.application.networks import Outcome
from services.web import schemas
from services.web.auth import current_user, may, on_behalf_of_client, rights
from services.web.current import services
from services.web.download import export_download
from services.web.http import context
from services.web.language import say, speaker
from services.web.pages.context import done, look, network_or_404
from services.web.pages.forms import Form, check, load, submit
from services.web.pages.i18n import label, language

blp = Blueprint("ownership", __name__, url_prefix="/netwerken/<uuid:network_id>", template_folder="../templates")
LOG_PAGE = 50
LOOKS_AT = "wie toegang heeft"  # as the rule of the page (rules.py), for the page shown again after a problem


def _missing() -> str:
    return say(DELETED_ACCOUNT)


def _page(network_id: UUID, form: Form, status: int = 200) -> Any:
    """The Toegang page: who has access, with the consent forms, the form to give a role, the open invitations,
    and who looked."""
    network = network_or_404(network_id)
    people = sorted(
        services().access.people(str(network_id), _missing()),
        key=lambda p: (not p["coordinates_network"], p["role"] != "client", p["name"].lower()),
    )
    before = cursor(request.args.get("voor", ""))
    log = services().access.log_entries(str(network_id), before, LOG_PAGE, _missing()) if may(AUDIT) else []
    older = bool(log) and bool(services().access.log_entries(str(network_id), log[-1]["at"], 1))
    contacts = sorted(network.active_contacts, key=lambda c: c.name.lower())
    return render_template(
        "network/access.html",
        network=network,
        people=people,
        needs_consent=NEEDS_CONSENT,
        contacts={c.id: c.name for c in network.contacts.values()},
        contact_choices=[(c.id, c.name) for c in contacts],
        form=form,
        invitations=services().invitations.pending(network_id),
        log=log,
        before=before,
        older=log[-1]["at"] if older else None,
    ), status


@blp.route("/toegang", methods=["GET"])
def access_page(network_id: UUID) -> Any:
    """Who has access to the network and what they may see; who looked at it."""
    return _page(network_id, Form(values={"role": "member"}))


@blp.route("/toegang/nieuw", methods=["POST"])
def grant(network_id: UUID) -> Any:
    """Give a user of the organisation a role on the network (the coordinator)."""
    form, body = load(schemas.AccessGrant(), request.form)
    user = services().access.colleague(body["user"], current_user()) if form.ok else None
    if form.ok and user is None:
        form.errors["user"] = [_("Er is niemand met dit e-mailadres in uw organisatie.")]

    def run() -> Outcome:
        assert user is not None  # the form is ok
        return services().access.grant(network_id, context(), user, body["role"], body["contact_id"])

    if submit(form, run, {"user_id": "user"}) is None:
        look([str(network_id)], LOOKS_AT)
        return _page(network_id, form, 422)
    assert user is not None
    message = _("%(name)s is nu %(role)s.", name=user.name, role=label("role", body["role"]))
    return done(message, "ownership.access_page", network_id=network_id)


@blp.route("/toegang/<user_id>/intrekken", methods=["POST"])
def revoke(network_id: UUID, user_id: str) -> Any:
    """Take a user's role away (the coordinator); in force at once."""
    form = Form()
    name = services().access.names_of({user_id}, _missing())[user_id]
    if submit(form, lambda: services().access.revoke(network_id, context(), user_id)) is None:
        return done(form.problems, "ownership.access_page", kind="problem", network_id=network_id)
    message = _("%(name)s heeft geen toegang meer tot dit netwerk.", name=name)
    return done(message, "ownership.access_page", network_id=network_id)


@blp.route("/toegang/<user_id>/toestemming", methods=["POST"])
def consent(network_id: UUID, user_id: str) -> Any:
    """What the client lets this person see (the client, or the coordinator on the client's behalf)."""
    form = Form(values=request.form.to_dict())
    body = check(schemas.Consent(), {"scopes": request.form.getlist("scopes")}, form)

    def run() -> Outcome:
        return services().access.record_consent(network_id, context(), user_id, body["scopes"], on_behalf_of_client())

    if submit(form, run) is None:
        return done(form.problems, "ownership.access_page", kind="problem", network_id=network_id)
    name = services().access.names_of({user_id}, _missing())[user_id]
    scopes = [label("scope", s) for s in CONSENT_SCOPES if s in body["scopes"]]
    if scopes:
        what = format_list(scopes, locale=language())
        message = _("Opgeslagen: %(name)s mag nu %(what)s zien.", name=name, what=what)
    elif _role_of(network_id, user_id) == "spilmantelzorger":  # sees the map by the role itself
        message = _(
            "Opgeslagen: %(name)s ziet als spilmantelzorger de kaart, maar niet de belasting van anderen en niet de "
            "notities.",
            name=name,
        )
    else:
        message = _("Opgeslagen: %(name)s mag de kaart, de belasting en de notities niet zien.", name=name)
    if on_behalf_of_client():
        message += " " + _("U heeft dit vastgelegd namens de cliënt.")
    return done(message, "ownership.access_page", network_id=network_id)


def _role_of(network_id: UUID, user_id: str) -> str | None:
    access = services().access.of(str(network_id), user_id)
    return access.role if access else None


@blp.route("/export.zip", methods=["GET"])
def export(network_id: UUID) -> Response:
    """Everything Kring holds about the network in one ZIP, as the API's export gives it."""
    return export_download(network_id, services().export.files(network_id, rights(), speaker()))
