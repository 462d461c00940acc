"""Invitations on the pages: inviting from the Toegang page (the coordinator, or the client for a member),
withdrawing and sending again; and the invitee's page behind the link: accept with a new guest account or by
signing in, or hear plainly that the link expired, was used or withdrawn, and ask for a new one."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from babel.lists import format_list
from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from werkzeug.wrappers import Response

from domain.errors import DomainError
from domain.permissions import ADMINISTER, CLIENT_INVITES, INVITABLE_ROLES
from services.accounts.accounts import AccountError, User
from services.accounts.throttle import TooManyAttempts
from services.application.invitations import Invited, Sent
from services.application.networks import NetworkNotFound, Outcome
from services.web import guest_schemas
from services.web.auth import _session_user, await_second_factor, current_user, may, sign_in_session
from services.web.current import services
from services.web.http import context
from services.web.mails import role_sentence, send_invitation, send_request_again
from services.web.pages.context import done, look, network_or_404
from services.web.pages.forms import Form, load, refusal, submit
from services.web.pages.i18n import label, language

blp = Blueprint("invite", __name__, template_folder="../templates")
TOEGANG = "ownership.access_page"
ACCOUNT_MESSAGES = {  # the invitee's problems, by the code of the refusal
    "password_too_short": lazy_gettext("Kies een wachtwoord van minstens 10 tekens."),
    "invitation_expired": lazy_gettext("Deze uitnodiging is verlopen."),
    "invitation_used": lazy_gettext("Deze uitnodiging is al gebruikt."),
    "invitation_withdrawn": lazy_gettext("Deze uitnodiging is ingetrokken."),
    "invitation_unknown": lazy_gettext("Deze uitnodiging bestaat niet."),
    "has_account": lazy_gettext("Er is al een account met dit e-mailadres. Log in om de uitnodiging aan te nemen."),
    "wrong_password": lazy_gettext("Dit wachtwoord klopt niet. Probeer het opnieuw."),
    "other_account": lazy_gettext("Deze uitnodiging is voor een ander e-mailadres dan waarmee u bent ingelogd."),
    "other_organisation": lazy_gettext(
        "Dit e-mailadres hoort bij een werkaccount van een andere organisatie. Vraag om een uitnodiging op een "
        "ander e-mailadres, bijvoorbeeld uw eigen adres thuis."
    ),
}


def _account_message(code: str) -> str:
    return str(ACCOUNT_MESSAGES[code]) if code in ACCOUNT_MESSAGES else _("Dit lukte niet. Probeer het nog eens.")


# ------------------------------------------------------------ on the Toegang page
@blp.route("/netwerken/<uuid:network_id>/uitnodigen", methods=["GET", "POST"])
def create(network_id: UUID) -> Any:
    """Invite someone of the network by e-mail: the coordinator any guest's role, the client a member."""
    form = Form(values={"role": "member"})
    if request.method == "POST":
        form, body = load(guest_schemas.InvitationCreate(), request.form)
        form.values["scopes"] = request.form.getlist("scopes")
        made: list[Sent] = []

        def run() -> Outcome:
            given = body.pop("contact_id", None)
            contact = str(given) if given else None
            made.append(services().invitations.invite(network_id, context(), contact_id=contact, **body))
            assert made[0].outcome is not None
            return made[0].outcome

        if submit(form, run) is not None:
            return _sent(network_id, made[0])
    network = network_or_404(network_id)
    contacts = sorted(network.active_contacts, key=lambda c: c.name.lower())
    roles = INVITABLE_ROLES if may(ADMINISTER) else CLIENT_INVITES
    return render_template(
        "invite/invite.html",
        network=network,
        form=form,
        roles=[(r, label("role", r)) for r in roles],
        contacts=[(c.id, c.name) for c in contacts],
    ), 200 if form.ok else 422


def _sent(network_id: UUID, sent: Sent) -> Response:
    """Back to Toegang, saying whether the e-mail went."""
    role = label("role", services().invitations.network_of(network_id).open_invitations[sent.invitation_id].role)
    if send_invitation(sent, current_user()):
        message = _(
            "%(name)s is uitgenodigd als %(role)s. De uitnodiging is verstuurd naar %(email)s.",
            name=sent.name,
            role=role,
            email=sent.email,
        )
        return done(message, TOEGANG, network_id=network_id)
    message = _(
        "%(name)s is uitgenodigd, maar de e-mail kon niet worden verstuurd. Probeer het later opnieuw met "
        "'Opnieuw versturen', of vraag de beheerder naar de e-mailinstellingen.",
        name=sent.name,
    )
    return done(message, TOEGANG, kind="problem", network_id=network_id)


@blp.route("/netwerken/<uuid:network_id>/uitnodigingen/<invitation_id>/intrekken", methods=["POST"])
def withdraw(network_id: UUID, invitation_id: str) -> Response:
    """Withdraw an open invitation: its link opens nothing any more."""
    form = Form()
    if submit(form, lambda: services().invitations.withdraw(network_id, context(), invitation_id)) is None:
        return done(form.problems, TOEGANG, kind="problem", network_id=network_id)
    return done(_("De uitnodiging is ingetrokken; de link werkt niet meer."), TOEGANG, network_id=network_id)


@blp.route("/netwerken/<uuid:network_id>/uitnodigingen/<invitation_id>/opnieuw", methods=["POST"])
def resend(network_id: UUID, invitation_id: str) -> Response:
    """Send the invitation again, with a fresh link valid for a week (the old one stops working)."""
    try:
        sent = services().invitations.renew(network_id, invitation_id)
    except DomainError as error:
        return done(refusal(error)[1], TOEGANG, kind="problem", network_id=network_id)
    if not send_invitation(sent, current_user()):
        message = _("De e-mail kon niet worden verstuurd. Probeer het later nog eens.")
        return done(message, TOEGANG, kind="problem", network_id=network_id)
    message = _("De uitnodiging is opnieuw verstuurd naar %(email)s, met een nieuwe link.", email=sent.email)
    return done(message, TOEGANG, network_id=network_id)


# ------------------------------------------------------------ the invitee's page
def _landing(network_id: UUID) -> str:
    """Where someone who just accepted starts: their own page on the network."""
    user = current_user()
    access = services().access.of(str(network_id), user.id)
    role = access.role if access else None
    if role == "spilmantelzorger":
        return url_for("mine.care", network_id=network_id)
    if role == "client":
        return url_for("mine.client", network_id=network_id)
    if access is not None and "map" in access.consent:
        return url_for("network.ecogram", network_id=network_id)
    return url_for("home.networks")


def _page(token: str, invited: Invited | None, form: Form, status: int = 200) -> Any:
    """The invitation as its link shows it, with the way to accept it (or why not)."""
    signed_in = _session_user()
    invitation = invited.invitation if invited else None
    return render_template(
        "invite/accept.html",
        token=token,
        invited=invited,
        form=form,
        signed_in=signed_in,
        role_sentence=role_sentence(invitation.role, invited.client_name) if invited and invitation else "",
        scopes=format_list([label("scope", s) for s in invitation.scopes], locale=language()) if invitation else "",
    ), status


@blp.route("/uitnodiging/<token>", methods=["GET", "POST"])
def accept(token: str) -> Any:
    """The page behind the link: who invites whom to which network; accept it, or hear why not."""
    invited = services().invitations.look_up(token)
    if invited is None or invited.status != "valid" or request.method == "GET":
        return _shown(token, invited)
    form = Form(values=request.form.to_dict())
    try:
        accepted = _accepted(token, invited, form)
    except (AccountError, DomainError, NetworkNotFound, TooManyAttempts) as error:
        return _refused(token, form, error)
    if isinstance(accepted, Response):
        return accepted  # on to the second factor first
    user, network_id = accepted
    g.user = user
    look([str(network_id)], "de uitnodiging (aangenomen)")
    is_client = invited.invitation is not None and invited.invitation.role == "client"
    flash(
        _("Welkom. Dit is uw netwerk.")
        if is_client
        else _("Welkom in het netwerk van %(name)s.", name=invited.client_name),
        "done",
    )
    return redirect(_landing(network_id), 303)


def _shown(token: str, invited: Invited | None) -> Any:
    """The invitation to accept (200), or why it cannot be: unknown (404), expired, used or withdrawn (410)."""
    if invited is None:
        return _page(token, None, Form(), 404)
    name = invited.invitation.name if invited.invitation else ""
    return _page(token, invited, Form(values={"name": name}), 200 if invited.status == "valid" else 410)


def _refused(token: str, form: Form, error: Exception) -> Any:
    """The page again, saying in plain words what stood in the way."""
    if isinstance(error, TooManyAttempts):
        minutes = error.retry_after // 60 + 1
        message = _("Te vaak een verkeerd wachtwoord. Probeer het over %(minutes)s minuten opnieuw.", minutes=minutes)
        form.errors["password"] = [message]
        return _page(token, services().invitations.look_up(token), form, 429)
    if isinstance(error, AccountError):
        form.errors["password" if error.field == "password" else "_schema"] = [_account_message(error.code)]
        return _page(token, services().invitations.look_up(token), form, 422)
    problem = refusal(error)[1] if isinstance(error, DomainError) else _("Dit netwerk bestaat niet meer.")
    form.errors["_schema"] = [problem]
    return _page(token, services().invitations.look_up(token), form, 409)


def _accepted(token: str, invited: Invited, form: Form) -> tuple[User, UUID] | Response:
    """Accept as the signed-in account; as the account the address has, signing in with its password (its
    second factor first, if it has one); or with a new guest account (signed in at once)."""
    signed_in = _session_user()
    if signed_in is not None:
        return signed_in, services().invitations.accept_as(token, signed_in)
    password = str(form.value("password"))
    if invited.elsewhere:
        raise AccountError("other_organisation", "This address has a work account of another organisation.", "token")
    if invited.account is not None:
        user = services().accounts.sign_in(invited.account.email, password, request.remote_addr or "?")
        if user is None:
            raise AccountError("wrong_password", "The password is not right.", "password")
        if services().second_factors.is_on(user.id):
            await_second_factor(user, request.path)  # back here, signed in, to accept
            return redirect(url_for("account.sign_in_code"), 303)
        sign_in_session(user)
        return user, services().invitations.accept_as(token, user)
    name = str(form.value("name")).strip()
    user, network_id = services().invitations.accept_as_new(token, name, password)
    sign_in_session(user)
    return user, network_id


@blp.route("/uitnodiging/<token>/nieuwe", methods=["POST"])
def ask_again(token: str) -> Any:
    """The invitee asks whoever invited them for a new invitation (once per link)."""
    asked = services().invitations.ask_again(token)
    sent = asked is not None and send_request_again(*asked)
    return render_template("invite/asked.html", sent=sent, asked=asked is not None), 200 if sent else 409
