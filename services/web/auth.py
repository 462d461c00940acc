"""Who is calling, and may they: checked before every request against the policy table (rules.py).

The JSON API takes personal API tokens (`Authorization: Bearer kr_...`); creating a token also takes the
e-mail address and password (HTTP Basic). The web pages use a session cookie that carries the secret of a
session row (services/accounts/accounts.py), so a session ends on the server. Every look at a network's personal
data is written to the access log.
"""

from __future__ import annotations

import base64
import binascii
import logging
import time
from typing import NoReturn

from flask import Flask, current_app, g, redirect, request, session, url_for
from flask import abort as flask_abort
from flask_smorest import abort

from domain.permissions import BURDEN, CARE, EDIT, OWN_BURDEN, SEE, permissions
from services.accounts.access_log import MAX_REASON
from services.accounts.accounts import User
from services.accounts.throttle import TooManyAttempts
from services.application.access import Access, Rights
from services.web.current import services
from services.web.rules import RULES, Rule

log = logging.getLogger(__name__)
REASON_HEADER = "X-Kring-Reason"
SESSION_KEY = "sid"  # the session cookie's key of the session row's secret
LANGUAGE_KEY = "lang"  # the session key of the pages' chosen language (pages/i18n.py): kept across a fresh session
PENDING_KEY = "pending"  # password right, second factor still to come: {"user", "until", "next"}
SET_UP_KEY = "set_up_second_factor"  # the organisation requires a second factor this user has not set up yet
PENDING_SECONDS = 300
# what someone who must set up a second factor may open before they have (everything else leads there)
WHILE_SETTING_UP = frozenset({"account.second_factor", "pages.logout", "pages.index", "static"})
NO_NETWORK = "There is no network with this id (or you may not see it)."


def current_user() -> User:
    """The signed-in caller (every endpoint but the public ones has one)."""
    user: User = g.user
    return user


def _refuse(status: int, message: str, error: str) -> NoReturn:
    if status == 401 and not request.path.startswith("/api"):
        flask_abort(redirect(url_for("pages.login", next=request.full_path.rstrip("?")), 303))
    abort(status, message=message, error=error)
    raise AssertionError("abort() raises")  # pragma: no cover


def identify() -> User | None:
    """The caller: by API token, by password (only to create a token), or by the web session."""
    header = request.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer":
        return services().accounts.user_for_token(credentials.strip())
    if scheme.lower() == "basic" and request.endpoint == "accounts.create_token":
        return _password_user(credentials)
    if header or request.path.startswith("/api"):
        return None
    return _session_user()


def _password_user(credentials: str) -> User | None:
    try:
        email, _, password = base64.b64decode(credentials, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    try:
        return services().accounts.sign_in(email, password, request.remote_addr or "?")
    except TooManyAttempts as error:
        abort(429, message=str(error), error="too_many_attempts", headers={"Retry-After": str(error.retry_after)})
        raise AssertionError("abort() raises") from error  # pragma: no cover


def _session_user() -> User | None:
    secret = session.get(SESSION_KEY)
    if not secret:
        return None
    user = services().accounts.session_user(secret)
    if user is None:
        fresh_session()  # ended (signed out, new password, deactivated) or expired
    return user


def fresh_session() -> None:
    """Forget everything in the web session (against fixation, or to sign out) but the chosen language."""
    language = session.get(LANGUAGE_KEY)
    session.clear()
    if language is not None:
        session[LANGUAGE_KEY] = language


def second_factor_required(user: User) -> bool:
    """Whether the user's organisation requires a second factor of them (coordinators and administrators)."""
    return (user.can_coordinate or user.is_admin) and services().accounts.second_factor_required(user.organisation_id)


def sign_in_session(user: User, *, second_factor: bool = False) -> None:
    """Start a web session for this user (a fresh session: no fixation; the chosen language stays). With
    `second_factor` they just gave it; without, one their organisation requires is to be set up first."""
    fresh_session()
    session.permanent = True
    lifetime = current_app.permanent_session_lifetime.total_seconds()
    session[SESSION_KEY] = services().accounts.start_session(user.id, lifetime)
    if not second_factor and second_factor_required(user) and not services().second_factors.is_on(user.id):
        session[SET_UP_KEY] = True


def await_second_factor(user: User, next_page: str) -> None:
    """The password was right; the session starts once the second factor is given (within a few minutes)."""
    fresh_session()
    session[PENDING_KEY] = {"user": user.id, "until": time.time() + PENDING_SECONDS, "next": next_page}


def pending_user() -> tuple[User, str] | None:
    """Who gave their password a moment ago and still owes the second factor, and where they were going."""
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict) or float(pending.get("until", 0)) < time.time():
        return None
    user = services().accounts.user(str(pending.get("user")))
    return (user, str(pending.get("next") or "/")) if user is not None and user.active else None


def second_factor_given() -> None:
    """This session has set up its second factor (and is no longer led to do so)."""
    session.pop(SET_UP_KEY, None)


def must_set_up_second_factor() -> bool:
    """Whether this session was signed in without the second factor its organisation requires."""
    return bool(session.get(SET_UP_KEY))


def sign_out_session() -> None:
    """End this web session on the server (every copy of its cookie stops working) and in the browser."""
    secret = session.get(SESSION_KEY)
    if secret:
        services().accounts.end_session(secret)
    fresh_session()


def authorize() -> None:
    """Before every request: apply the endpoint's rule; record looks at personal data."""
    endpoint = request.endpoint
    if endpoint is None:
        return  # no such route: a plain 404/405 follows
    rule = RULES.get(endpoint)
    if rule is None:
        log.error("endpoint %s has no access rule; refused", endpoint)
        _refuse(403, "This endpoint has no access rule yet.", "forbidden")
    if rule.who == "anyone":
        return
    user = identify()
    if user is None:
        _refuse(401, "Sign in first: send 'Authorization: Bearer <API token>'.", "unauthenticated")
    g.user = user
    if session.get(SET_UP_KEY) and endpoint not in WHILE_SETTING_UP and not request.path.startswith("/api"):
        flask_abort(redirect(url_for("account.second_factor"), 303))  # the organisation requires it first
    CHECKS[rule.who](user, rule)


def _signed_in(user: User, rule: Rule) -> None:
    return None


def _admin(user: User, rule: Rule) -> None:
    if not user.is_admin:
        _refuse(403, "Only an organisation administrator may manage users.", "forbidden")


def _coordinating(user: User, rule: Rule) -> None:
    if not user.can_coordinate:
        _refuse(403, "Only coordinators open networks.", "forbidden")


def _self(user: User, rule: Rule) -> None:
    args = request.view_args or {}
    if args.get("coordinator") not in (user.id, "me"):
        _refuse(404, "There is no such coordinator (you can only see your own overview; use 'me').", "not_found")
    args["coordinator"] = user.id


def _network(user: User, rule: Rule) -> None:
    network_id = str((request.view_args or {})["network_id"])
    _check_network(user, rule, network_id)


def _reminder(user: User, rule: Rule) -> None:
    network_id = services().read_side.due.network_of(str((request.view_args or {})["reminder_id"]))
    if network_id is None:
        _refuse(404, "There is no such reminder.", "reminder_not_found")
    _check_network(user, rule, network_id, missing=("There is no such reminder.", "reminder_not_found"))


def _check_network(
    user: User, rule: Rule, network_id: str, missing: tuple[str, str] = (NO_NETWORK, "network_not_found")
) -> None:
    access = services().access.of(network_id, user.id)
    allowed = permissions(access.role, access.consent) if access else frozenset()
    if SEE not in allowed:
        _refuse(404, *missing)
    assert access is not None and rule.needs is not None
    g.access, g.permissions = access, allowed
    if not _satisfies(rule.needs, allowed, access):
        _refuse(403, f"Your role on this network ({access.role}) does not allow this.", "forbidden")
    if rule.looks_at and request.method == "GET":
        reason = request.headers.get(REASON_HEADER, "")[:MAX_REASON].strip() or None
        services().access_log.record(user.id, [network_id], rule.looks_at, reason)


def _satisfies(needs: str, allowed: frozenset[str], access: Access) -> bool:
    """Whether the caller may; OWN_BURDEN means every carer's burden, or the burden of the carer one is."""
    if needs != OWN_BURDEN:
        return needs in allowed
    carer = (request.view_args or {}).get("carer_id")
    return BURDEN in allowed or (OWN_BURDEN in allowed and carer is not None and str(carer) == access.contact_id)


def may(permission: str) -> bool:
    """Whether the caller's role on this request's network (checked by authorize) allows this."""
    allowed: frozenset[str] = g.get("permissions", frozenset())
    return permission in allowed


def rights() -> Rights:
    """The caller's rights on this request's network (checked by authorize)."""
    return Rights(g.access, g.permissions)


def on_behalf_of_client() -> bool:
    """Whether the caller records consent on the client's behalf (a coordinator), not as the client."""
    return bool(g.access.role != "client")


def may_care_for(carer_id: str) -> None:
    """A spilmantelzorger (CARE without EDIT) records burden and risks only for the carer they are."""
    allowed: frozenset[str] = g.permissions
    if EDIT in allowed:
        return
    access: Access = g.access
    if CARE not in allowed or access.contact_id != carer_id:
        _refuse(403, "You can record this only for yourself as a carer.", "forbidden")


CHECKS = {
    "signed_in": _signed_in,
    "admin": _admin,
    "coordinating": _coordinating,
    "self": _self,
    "network": _network,
    "reminder": _reminder,
}


def init_app(app: Flask) -> None:
    """Check every request."""
    app.before_request(authorize)
