"""What every page view needs: the read side, the caller's rights on the network, logging a look, moving on."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from flask import abort, flash, g, redirect, url_for
from werkzeug.wrappers import Response

from domain.network import Network
from services.application.networks import NetworkNotFound
from services.web.auth import current_user
from services.web.current import services


def today() -> date:
    return services().kring.today()


def own_contact() -> str | None:
    """The contact the caller is in this page's network (a carer's own contact), if any."""
    access = g.get("access")
    return access.contact_id if access else None


def network_or_404(network_id: UUID, as_of: date | None = None) -> Network:
    """The network from the read side (now, or on a date); a 404 page when there is none (yet)."""
    try:
        return services().read_side.network(network_id, as_of)
    except NetworkNotFound:
        abort(404)


def look(network_ids: list[str], what: str) -> None:
    """Record a look at personal data that the endpoint's rule does not already record."""
    if network_ids:
        services().access_log.record(current_user().id, network_ids, what, None)


def done(message: str, endpoint: str, kind: str = "done", **values: Any) -> Response:
    """After a change: say what happened (kind "problem" if nothing was), and go on (303: a reload does not
    post again)."""
    flash(message, kind)
    return redirect(url_for(endpoint, **values), 303)


def parse_day(text: str | None) -> date | None:
    """A day from a query parameter (YYYY-MM-DD); None when absent or not a day."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
