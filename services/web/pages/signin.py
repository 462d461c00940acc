"""The web pages' front door: sign in, sign out, set a password. (The network pages build on this.)"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from services.accounts.accounts import AccountError, User
from services.accounts.throttle import TooManyAttempts
from services.web.auth import _session_user, await_second_factor, sign_in_session, sign_out_session
from services.web.current import services

blp = Blueprint("pages", __name__, template_folder="../templates")


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or urlsplit(target).netloc:
        return url_for("pages.index")
    return target


@blp.route("/")
def index() -> Any:
    """Home: Mijn netwerken, or the sign-in page."""
    user = _session_user()
    return redirect(url_for("home.networks" if user else "pages.login"), 303)


@blp.route("/inloggen", methods=["GET", "POST"])
def login() -> Any:
    """Sign in with e-mail address and password."""
    next_page = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("login.html", email="", next=next_page, error=None)
    email = request.form.get("email", "").strip()
    try:
        user = services().accounts.sign_in(email, request.form.get("password", ""), request.remote_addr or "?")
    except TooManyAttempts as error:
        message = _(
            "Te vaak een verkeerd wachtwoord. Probeer het over %(minutes)s minuten opnieuw.",
            minutes=error.retry_after // 60 + 1,
        )
        page = render_template("login.html", email=email, next=next_page, error=message)
        return page, 429, {"Retry-After": str(error.retry_after)}
    if user is None:
        message = _("Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.")
        return render_template("login.html", email=email, next=next_page, error=message), 401
    return _signed_in(user, next_page)


def _signed_in(user: User, next_page: str) -> Response:
    """The password was right: on to the second factor if the account has one, else signed in."""
    if services().second_factors.is_on(user.id):
        await_second_factor(user, next_page)
        return redirect(url_for("account.sign_in_code"), 303)
    sign_in_session(user)
    return redirect(next_page, 303)


@blp.route("/uitloggen", methods=["POST"])
def logout() -> Response:
    """Sign out: the session ends on the server too (the chosen language stays)."""
    sign_out_session()
    return redirect(url_for("pages.login"), 303)


@blp.route("/wachtwoord/<token>", methods=["GET", "POST"])
def reset_password(token: str) -> Any:
    """Choose a (new) password with the link from the e-mail."""
    if request.method == "GET":
        return render_template("password.html", token=token, error=None)
    try:
        user = services().accounts.finish_reset(token, request.form.get("password", ""))
    except AccountError as error:
        messages = {
            "password_too_short": _("Kies een wachtwoord van minstens 10 tekens."),
            "reset_link_invalid": _("Deze link is al gebruikt of verlopen. Vraag een nieuwe aan."),
        }
        return render_template("password.html", token=token, error=messages.get(error.code, error.message)), 422
    return _signed_in(user, url_for("pages.index"))
