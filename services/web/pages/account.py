"""One's own account: the second factor (a code from an app, set up with a QR code made here; recovery codes
shown once), turning it off, and the code asked after the password when signing in."""

from __future__ import annotations

from typing import Any

import segno
from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup
from werkzeug.wrappers import Response

from services.accounts.accounts import AccountError, User
from services.accounts.throttle import TooManyAttempts
from services.web.auth import (
    current_user,
    must_set_up_second_factor,
    pending_user,
    second_factor_given,
    second_factor_required,
    sign_in_session,
)
from services.web.current import services
from services.web.pages.context import done
from services.web.pages.forms import Form

blp = Blueprint("account", __name__, template_folder="../templates")


def _address() -> str:
    return request.remote_addr or "?"


def _problem(error: Exception) -> str:
    """A wrong or throttled code, in plain words."""
    if isinstance(error, TooManyAttempts):
        return _(
            "Te vaak een verkeerde code. Probeer het over %(minutes)s minuten opnieuw.",
            minutes=error.retry_after // 60 + 1,
        )
    return _("Deze code klopt niet (of is al gebruikt). Neem de code die nu in de app staat en probeer het opnieuw.")


def _grouped(secret: str) -> str:
    """The app's secret in groups of four, to type over by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _qr_code(uri: str) -> Markup:
    """The QR code of the app's address, made here as SVG (no service elsewhere sees the secret)."""
    svg = segno.make(uri, error="m").svg_inline(scale=5, dark="#000", light="#fff", omitsize=False)
    label = _("QR-code om de app in te stellen")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))  # noqa: S704


# ------------------------------------------------------------ signing in
@blp.route("/inloggen/code", methods=["GET", "POST"])
def sign_in_code() -> Any:
    """After the password: the code from the app (or a recovery code)."""
    pending = pending_user()
    if pending is None:
        message = _("Dat duurde te lang, of u bent nog niet ingelogd. Log opnieuw in.")
        return done(message, "pages.login", kind="problem")
    user, next_page = pending
    form = Form()
    if request.method == "POST":
        try:
            services().second_factors.verify(user.id, request.form.get("code", ""), _address())
        except (AccountError, TooManyAttempts) as error:
            form.errors["code"] = [_problem(error)]
            status = 429 if isinstance(error, TooManyAttempts) else 422
            return render_template("account/code.html", form=form), status
        sign_in_session(user, second_factor=True)
        return redirect(next_page, 303)
    return render_template("account/code.html", form=form)


# ------------------------------------------------------------ one's own account
@blp.route("/account", methods=["GET"])
def account() -> Any:
    """Who one is in Kring, and the second factor."""
    user = current_user()
    factors = services().second_factors
    return render_template(
        "account/account.html",
        user=user,
        organisation=services().accounts.organisation_name(user.organisation_id),
        second_factor=factors.is_on(user.id),
        required=second_factor_required(user),
        codes_left=factors.recovery_codes_left(user.id),
    )


@blp.route("/account/tweestaps", methods=["GET", "POST"])
def second_factor() -> Any:
    """Set up the second factor: scan the QR code (or type the secret), then give the first code."""
    user = current_user()
    factors = services().second_factors
    if factors.is_on(user.id):
        return redirect(url_for("account.account"), 303)
    form = Form()
    if request.method == "POST":
        try:
            codes = factors.confirm(user.id, request.form.get("code", ""), _address())
        except (AccountError, TooManyAttempts) as error:
            form.errors["code"] = [_problem(error)]
        else:
            second_factor_given()
            return render_template("account/recovery_codes.html", codes=codes, first=True)
    return _setup_page(user, form)


def _setup_page(user: User, form: Form) -> Any:
    secret = services().second_factors.start(user.id)
    uri = services().second_factors.provisioning_uri(secret, user.email)
    page = render_template(
        "account/second_factor.html",
        form=form,
        qr=_qr_code(uri),
        secret=_grouped(secret),
        required=must_set_up_second_factor(),
    )
    return page, 200 if form.ok else 422


@blp.route("/account/tweestaps/herstelcodes", methods=["POST"])
def recovery_codes() -> Any:
    """New recovery codes (the old ones stop working), after a code from the app."""
    user = current_user()
    try:
        services().second_factors.verify(user.id, request.form.get("code", ""), _address())
    except (AccountError, TooManyAttempts) as error:
        return done(_problem(error), "account.account", kind="problem")
    return render_template("account/recovery_codes.html", codes=services().second_factors.new_recovery_codes(user.id))


@blp.route("/account/tweestaps/uitzetten", methods=["POST"])
def second_factor_off() -> Response:
    """Sign in with the password alone again (not where the organisation requires a second factor)."""
    user = current_user()
    if second_factor_required(user):
        message = _("Uw organisatie vraagt om inloggen in twee stappen. Uitzetten kan daarom niet.")
        return done(message, "account.account", kind="problem")
    try:
        services().second_factors.verify(user.id, request.form.get("code", ""), _address())
    except (AccountError, TooManyAttempts) as error:
        return done(_problem(error), "account.account", kind="problem")
    services().second_factors.remove(user.id)
    return done(
        _("Inloggen in twee stappen staat uit. U logt voortaan in met alleen uw wachtwoord."), "account.account"
    )
