"""Mijn netwerken (what needs attention in each), opening a network, and the coordinator's overview."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any
from uuid import UUID

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from domain.access import BURDEN, MAP, permissions
from projections.attention import reasons
from services.application.burden import CarerBurden
from services.web import schemas
from services.web.auth import current_user
from services.web.current import services
from services.web.http import context
from services.web.ui.context import done, look, today
from services.web.ui.forms import Form, load, submit

blp = Blueprint("home", __name__, template_folder="../templates")

MY_NETWORKS = (
    "SELECT n.network_id, n.client_name, n.coordinator, n.status, n.next_review_on, n.spilmantelzorger_id, "
    "n.contacts, n.informal, n.tied, n.stressful, a.source, a.role, a.consent "
    "FROM kring_access a JOIN kring_networks n ON n.network_id = a.network_id WHERE a.user_id = ?"
)
SORTS = ("aandacht", "naam", "bespreking")


def _rows(user_id: str) -> list[dict[str, Any]]:
    """One row per network the user has a role on (the coordinator role wins over a grant)."""
    with services().read_side.store.transaction() as tx:
        found = tx.execute(MY_NETWORKS, [user_id]).all()
    rows: dict[str, dict[str, Any]] = {}
    for row in sorted(found, key=lambda r: r["source"] != "coordinator", reverse=True):
        rows[row["network_id"]] = row
    return list(rows.values())


def overload_signals(network_id: str, day: date) -> list[dict[str, str]]:
    """The overload signals of the network's carers: those who filled in a questionnaire, and the
    spilmantelzorger."""
    network = services().read_side.network(UUID(network_id))
    carers = {r["carer_id"] for r in services().read_side.records.list(network.id, "burden_report")}
    if network.spilmantelzorger_id:
        carers.add(network.spilmantelzorger_id)
    burden = CarerBurden(services().read_side)
    active = [c for c in carers if c in network.contacts and network.contacts[c].is_active]
    return [signal for carer in sorted(active) for signal in burden.trend(network, carer, day)["signals"]]


def _entry(row: dict[str, Any], open_reminders: Counter[str], day: date) -> dict[str, Any]:
    consent = tuple(filter(None, (row["consent"] or "").split(",")))
    allowed = permissions(row["role"], consent)
    sees_burden = BURDEN in allowed
    return {
        **row,
        "sees_map": MAP in allowed,
        "reasons": reasons(row, day) if row["status"] == "open" else [],
        "signals": overload_signals(row["network_id"], day) if sees_burden and row["status"] == "open" else [],
        "reminders": open_reminders.get(row["network_id"], 0),
    }


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
    open_reminders = Counter(item["network_id"] for item in services().reminders.inbox(user.id, day))
    rows = [r for r in _rows(user.id) if search.lower() in r["client_name"].lower()]
    entries = [_entry(r, open_reminders, day) for r in rows]
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
            services().read_side.settle_access(outcome.position)
            message = _("Het netwerk van %(name)s is geopend.", name=body["client_name"])
            return done(message, "network.ecogram", network_id=outcome.network_id)
    return render_template("open_network.html", form=form), 200 if form.ok else 422


@blp.route("/overzicht", methods=["GET"])
def overview() -> Any:
    """The coordinator's overview across their open networks: who does what, shared people, vacant tasks."""
    user = current_user()
    found = services().read_side.who_does_what.for_coordinator(user.id)
    attention = services().read_side.attention.for_coordinator(user.id, today())
    ids = {c["network_id"] for c in found["contacts"]} | {v["network_id"] for v in found["vacant_roles"]}
    look(sorted(ids | {a["network_id"] for a in attention}), "wie doet wat (overzicht)")
    return render_template("overview.html", found=found, attention=attention)
