"""Mijn netwerken (what needs attention in each), opening a network, and the coordinator's overview."""

from __future__ import annotations

import contextlib
from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _

from services.application.readside import ReadSideBehind
from services.web import schemas
from services.web.auth import current_user
from services.web.current import services
from services.web.http import context
from services.web.pages.context import done, look, today
from services.web.pages.forms import Form, load, submit

blp = Blueprint("home", __name__, template_folder="../templates")

SORTS = ("aandacht", "naam", "bespreking")
DEMO_READY_SECONDS = 10.0  # the demo's hundred events on the read side before its page opens


def _urgency(entry: dict[str, Any]) -> tuple[int, str, str]:
    weight = 3 * len(entry["signals"]) + 2 * entry["reminders"] + len(entry["reasons"])
    return (-weight, entry["next_review_on"] or "", entry["client_name"].lower())


@blp.route("/netwerken", methods=["GET"])
def networks() -> Any:
    """Mijn netwerken: every network one has a role on, with what needs attention; searchable and sortable."""
    user, day = current_user(), today()
    search = request.args.get("zoek", "").strip()
    sort = request.args.get("sorteer", "aandacht")
    sort = sort if sort in SORTS else "aandacht"
    entries = services().overview.my_networks(user.id, day, search)
    look([e["network_id"] for e in entries], "de lijst van netwerken")
    look([e["network_id"] for e in entries if e["signals"]], "signalen van overbelasting")
    keys = {
        "aandacht": _urgency,
        "naam": lambda e: e["client_name"].lower(),
        "bespreking": lambda e: e["next_review_on"] or "",
    }
    entries.sort(key=keys[sort])
    return render_template("networks.html", entries=entries, search=search, sort=sort, sorts=SORTS)


@blp.route("/netwerken/nieuw", methods=["GET", "POST"])
def open_network() -> Any:
    """Open a network for a client (coordinators)."""
    form = Form(values={"opened_on": today().isoformat(), "review_interval_weeks": "13"})
    if request.method == "POST":
        form, body = load(schemas.NetworkCreate(), request.form)
        outcome = submit(
            form,
            lambda: services().kring.open_network(
                body["client_name"],
                current_user().id,
                by=context().by,
                review_interval_weeks=body["review_interval_weeks"],
                effective_on=body.get("opened_on"),
            ),
        )
        if outcome:
            services().access.settled(outcome)
            message = _("Het netwerk van %(name)s is geopend.", name=body["client_name"])
            return done(message, "network.ecogram", network_id=outcome.network_id)
    return render_template("open_network.html", form=form), 200 if form.ok else 422


@blp.route("/netwerken/voorbeeld", methods=["POST"])
def demo() -> Any:
    """Open the coordinator's demo network: made the first time (a year of history), the same one after that."""
    user, demo_networks = current_user(), services().demo
    found = demo_networks.existing(user.id, _)
    if found is None:
        outcome = demo_networks.make(user.id, _)
        with contextlib.suppress(ReadSideBehind):  # if it comes later, the page shows it a moment later
            services().read_side.reach(outcome.position, timeout=DEMO_READY_SECONDS)
        found = outcome.network_id
        message = _("Dit is een voorbeeldnetwerk met een jaar geschiedenis. Schuif terug in de tijd, of kijk bij "
                    "Veranderingen en Belasting. U kunt het sluiten als u het niet meer nodig heeft.")  # fmt: skip
        return done(message, "network.ecogram", network_id=found)
    return redirect(url_for("network.ecogram", network_id=found), 303)


@blp.route("/overzicht", methods=["GET"])
def overview() -> Any:
    """The coordinator's overview across their open networks: what needs attention (the carers' overload as on Mijn
    netwerken), who does what, shared people, vacant tasks."""
    user = current_user()
    found = services().read_side.who_does_what.for_coordinator(user.id)
    attention = services().overview.coordinated(user.id, today())
    vacant = found["vacant_roles"] + found["help_requests"]
    ids = {c["network_id"] for c in found["contacts"]} | {v["network_id"] for v in vacant}
    look(sorted(ids | {a["network_id"] for a in attention}), "wie doet wat (overzicht)")
    look([a["network_id"] for a in attention if a["signals"]], "signalen van overbelasting")
    return render_template("overview.html", found=found, attention=attention)
