"""The administrator's pages: the organisation's staff (create, deactivate, reactivate, a password link, the second
factor wiped, hand over a departed coordinator's networks), its guests (seen, and revoked), and whether a second
factor is required. The same use cases as the API's /api/users (services/application/departures.py)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext, ngettext
from werkzeug.wrappers import Response

from services.accounts.accounts import AccountError, User
from services.web.auth import current_user
from services.web.current import services
from services.web.links import links
from services.web.mails import mail_env
from services.web.pages.context import done
from services.web.pages.forms import Form

blp = Blueprint("staff", __name__, url_prefix="/beheer", template_folder="../templates")
HOME = "staff.staff"
ACCOUNT_MESSAGES = {
    "last_administrator": lazy_gettext(
        "Dit is de enige beheerder van uw organisatie. Maak eerst iemand anders beheerder."
    ),
    "email_taken": lazy_gettext("Er is al een account met dit e-mailadres."),
    "invalid_email": lazy_gettext("Vul een geldig e-mailadres in."),
    "required": lazy_gettext("Vul dit in."),
    "user_active": lazy_gettext("Zet deze medewerker eerst uit; wie nog werkt, draagt de eigen netwerken zelf over."),
    "not_a_coordinator": lazy_gettext("Kies een andere medewerker die netwerken coördineert en aan staat."),
    "guest_account": lazy_gettext("Een gast kan geen medewerker worden."),
}


def _message(error: AccountError) -> str:
    return str(ACCOUNT_MESSAGES[error.code]) if error.code in ACCOUNT_MESSAGES else error.message


def _colleague(user_id: str) -> User:
    """A user of the administrator's own organisation, or a 404 page."""
    user = services().accounts.user(user_id)
    if user is None or user.organisation_id != current_user().organisation_id:
        abort(404)
    return user


@blp.route("", methods=["GET"])
def staff() -> Any:
    """The staff and the guests of the organisation, and its setting for the second factor."""
    me = current_user()
    people = services().accounts.users_of(me.organisation_id)
    factors = services().second_factors
    return render_template(
        "staff/staff.html",
        staff=[p for p in people if p.is_staff],
        guests=[p for p in people if p.is_guest],
        second_factor={p.id: factors.is_on(p.id) for p in people},
        required=services().accounts.second_factor_required(me.organisation_id),
        organisation=services().accounts.organisation_name(me.organisation_id),
    )


@blp.route("/nieuw", methods=["GET", "POST"])
def new_user() -> Any:
    """A new staff member; they get an e-mail with a link to choose a password."""
    form = Form(values={"can_coordinate": "on"})
    if request.method == "POST":
        form = Form(values=request.form.to_dict())
        try:
            user = services().accounts.create_user(
                current_user().organisation_id,
                request.form.get("email", ""),
                request.form.get("name", ""),
                is_admin=bool(request.form.get("is_admin")),
                can_coordinate=bool(request.form.get("can_coordinate")),
            )
        except AccountError as error:
            form.errors[error.field or "_schema"] = [_message(error)]
        else:
            services().passwords.send(user.email, True, links().password, mail_env())
            message = _("%(name)s heeft een account en krijgt een e-mail om een wachtwoord te kiezen.", name=user.name)
            return done(message, HOME)
    return render_template("staff/new.html", form=form), 200 if form.ok else 422


def _changed(user_id: str, message: str, **changes: bool) -> Response:
    user = _colleague(user_id)
    try:
        services().departures.update(user.id, **changes)
    except AccountError as error:
        return done(_message(error), HOME, kind="problem")
    return done(message % {"name": user.name}, HOME)


@blp.route("/<user_id>/uitzetten", methods=["POST"])
def deactivate(user_id: str) -> Response:
    """Deactivate: their sessions, tokens and calendar feed end; a guest sees no network any more."""
    return _changed(user_id, _("%(name)s kan niet meer inloggen."), active=False)


@blp.route("/<user_id>/aanzetten", methods=["POST"])
def reactivate(user_id: str) -> Response:
    """Reactivate: they can sign in again (with their password, or a new one by the link)."""
    return _changed(user_id, _("%(name)s kan weer inloggen."), active=True)


@blp.route("/<user_id>/wachtwoord", methods=["POST"])
def send_password_link(user_id: str) -> Response:
    """E-mail them a link to choose a new password (valid one hour)."""
    user = _colleague(user_id)
    if not user.active:
        return done(_("Zet %(name)s eerst weer aan.", name=user.name), HOME, kind="problem")
    services().passwords.send(user.email, False, links().password, mail_env())
    return done(_("%(name)s krijgt een e-mail om een nieuw wachtwoord te kiezen.", name=user.name), HOME)


@blp.route("/<user_id>/tweestaps-wissen", methods=["POST"])
def remove_second_factor(user_id: str) -> Response:
    """Wipe their second factor (a lost telephone); they set it up again at their next sign-in if required."""
    user = _colleague(user_id)
    services().second_factors.remove(user.id)
    message = _("Inloggen in twee stappen van %(name)s is gewist. Diegene stelt het opnieuw in.", name=user.name)
    return done(message, HOME)


@blp.route("/<user_id>/overdragen", methods=["GET", "POST"])
def hand_over(user_id: str) -> Any:
    """Give every network of a deactivated coordinator to another coordinator."""
    leaving = _colleague(user_id)
    coordinators = [
        u
        for u in services().accounts.users_of(current_user().organisation_id)
        if u.active and u.can_coordinate and u.id != leaving.id
    ]
    form = Form()
    if request.method == "POST":
        successor = next((u for u in coordinators if u.id == request.form.get("to")), None)
        if successor is None:
            form.errors["to"] = [_("Kies wie de netwerken overneemt.")]
        else:
            try:
                handed = services().departures.hand_over(leaving, successor, current_user().id)
            except AccountError as error:
                form.errors["_schema"] = [_message(error)]
            else:
                message = ngettext(
                    "%(num)s netwerk van %(name)s is overgedragen aan %(to)s.",
                    "%(num)s netwerken van %(name)s zijn overgedragen aan %(to)s.",
                    len(handed),
                    name=leaving.name,
                    to=successor.name,
                )
                return done(message, HOME)
    networks = services().departures.coordinated_by(leaving.id)
    choices = [(u.id, u.name) for u in coordinators]
    page = render_template("staff/hand_over.html", leaving=leaving, coordinators=choices, networks=networks, form=form)
    return page, 200 if form.ok else 422


@blp.route("/instellingen", methods=["POST"])
def settings() -> Response:
    """Require (or not) a second factor of the organisation's coordinators and administrators."""
    required = request.form.get("second_factor_required") == "on"
    services().accounts.require_second_factor(current_user().organisation_id, required)
    if required:
        message = _("Coördinatoren en beheerders stellen inloggen in twee stappen in wanneer ze weer inloggen.")
    else:
        message = _("Inloggen in twee stappen is niet meer verplicht; wie het heeft, houdt het.")
    return done(message, HOME)
