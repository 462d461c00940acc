"""The pages of the people the network is about, phone first: the spilmantelzorger's (the network around the
person they care for, the agreements, their own questionnaire and burden, asking for help, Kring's check-ins)
and the client's (who is important to them, the map as their picture, who may see what and who looked)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from babel.lists import format_list
from flask import Blueprint, render_template, request
from flask_babel import format_date
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from domain.network import Network
from domain.permissions import AUDIT, CONSENT_SCOPES, NEEDS_CONSENT
from domain.state import Contact
from domain.vocabulary import INSTRUMENTS, PROFESSIONAL_CATEGORIES, RINGS
from services.application.networks import Outcome
from services.web import guest_schemas
from services.web.auth import current_user, may
from services.web.current import services
from services.web.drawing import burden_trend_svg, ecogram_svg, map_data
from services.web.http import context
from services.web.language import speaker
from services.web.pages.context import done, network_or_404, own_contact, today
from services.web.pages.forms import Form, load, submit
from services.web.pages.i18n import label, language, long_date
from services.web.pages.network import drawing

blp = Blueprint("mine", __name__, url_prefix="/netwerken/<uuid:network_id>", template_folder="../templates")
LOG_SHOWN = 10


def by_ring(network: Network) -> list[tuple[str, list[Contact]]]:
    """The network's people from the closest ring outwards, by name within a ring (empty rings left out)."""
    rings = [
        (ring, sorted((c for c in network.active_contacts if c.ring == ring), key=lambda c: c.name.lower()))
        for ring in RINGS
    ]
    return [(ring, people) for ring, people in rings if people]


def _agreements(network: Network) -> list[dict[str, Any]]:
    """Who does what, and when: every task with its person, the asked-for help without anyone first."""
    asked = sorted(network.open_help_requests.values(), key=lambda r: (r.asked_on, r.task))
    roles = sorted(network.active_roles, key=lambda r: (network.contacts[r.contact_id].name.lower(), r.task))
    return [{"request": r} for r in asked] + [{"role": r, "who": network.contacts[r.contact_id].name} for r in roles]


@blp.route("/mijn-zorg", methods=["GET"])
def care(network_id: UUID) -> Any:
    """The spilmantelzorger's page: how they are doing, what Kring asks them, the agreements, the network."""
    network = network_or_404(network_id)
    carer = network.contacts.get(own_contact() or "")
    mine = carer if carer is not None and carer.is_active and carer.category not in PROFESSIONAL_CATEGORIES else None
    trend = services().burden.trend(network, mine.id, today()) if mine else None
    chart = None
    if trend and len(trend["reports"]) > 1:  # a line needs two points
        svg = burden_trend_svg(
            trend, gettext=speaker(), format_date=lambda d: format_date(d, "medium"), id_prefix="trend"
        )
        chart = drawing(svg)
    check_ins = services().reminders.check_ins(str(network_id), network.coordinator, mine.id) if mine else []
    return render_template(
        "mine/care.html",
        network=network,
        carer=mine,
        trend=trend,
        latest=trend["reports"][-1] if trend and trend["reports"] else None,
        chart=chart,
        due=[d for d in check_ins if d <= today()],
        coming=[d for d in check_ins if d > today()],
        agreements=_agreements(network),
        rings=by_ring(network),
        instruments=INSTRUMENTS,
    )


@blp.route("/hulp-vragen", methods=["GET", "POST"])
def ask_for_help(network_id: UUID) -> Any:
    """Ask for help with a task nobody does yet: the coordinator sees it among the tasks without anyone."""
    network = network_or_404(network_id)
    form = Form(values={"support_type": "practical"})
    if request.method == "POST":
        form, body = load(guest_schemas.HelpRequestCreate(), request.form)

        def run() -> Outcome:
            return services().kring.ask_for_help(network_id, context(body.pop("effective_on", None)), **body)

        if submit(form, run) is not None:
            message = _("Uw hulpvraag staat erin. De coördinator ziet hem en zoekt met u naar iemand.")
            return done(message, "mine.care" if own_contact() else "network.tasks", network_id=network_id)
    return render_template("mine/ask_help.html", network=network, form=form), 200 if form.ok else 422


@blp.route("/hulp-vragen/<request_id>/sluiten", methods=["POST"])
def close_help(network_id: UUID, request_id: str) -> Response:
    """The help asked for is no longer needed."""
    form = Form()
    back = "mine.care" if request.form.get("terug") == "mine.care" else "network.tasks"
    if submit(form, lambda: services().kring.close_help_request(network_id, context(), request_id)) is None:
        return done(form.problems, back, kind="problem", network_id=network_id)
    return done(_("De hulpvraag is gesloten: niet meer nodig."), back, network_id=network_id)


def _sees(person: dict[str, Any]) -> str:
    """What someone with access sees, in words: their role's part and what the client let them see."""
    if person["role"] not in NEEDS_CONSENT:
        return _("alles van het netwerk") if person["role"] == "coordinator" else _("het eigen netwerk")
    scopes = set(person["consent"]) | ({"map"} if person["role"] == "spilmantelzorger" else set())
    given = [label("scope", s) for s in CONSENT_SCOPES if s in scopes]
    return format_list(given, locale=language()) if given else _("alleen wat over diegene zelf gaat")


@blp.route("/mijn-netwerk", methods=["GET"])
def client(network_id: UUID) -> Any:
    """The client's page: who is important to them (the map as their picture), who may see what, who looked."""
    network = network_or_404(network_id)
    svg = ecogram_svg(map_data(network), long_date(today()), gettext=speaker(), id_prefix="ecogram")
    people = [
        p
        for p in services().access.people(str(network_id), _("(account verwijderd)"))
        if p["user_id"] != current_user().id
    ]
    log = (
        services().access.log_entries(str(network_id), None, LOG_SHOWN, _("(account verwijderd)")) if may(AUDIT) else []
    )
    return render_template(
        "mine/client.html",
        network=network,
        drawing=drawing(svg),
        rings=by_ring(network),
        people=[{**p, "sees": _sees(p)} for p in people],
        log=log,
    )
