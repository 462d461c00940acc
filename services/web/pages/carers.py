"""Carer burden: the carers of a network, one carer's trend with the overload signals, and the questionnaires
(EDIZ-plus, EDIZ, CSI, SRB) item by item."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, abort, render_template, request
from flask_babel import format_date
from flask_babel import gettext as _

from domain import burden
from domain.network import Network
from domain.permissions import CARE, EDIT
from domain.state import Contact
from domain.vocabulary import INSTRUMENTS, PROFESSIONAL_CATEGORIES
from services.web import schemas
from services.web.auth import may, may_care_for
from services.web.current import services
from services.web.drawing import burden_trend_svg
from services.web.http import context
from services.web.language import speaker
from services.web.pages.context import done, network_or_404, own_contact, today
from services.web.pages.forms import Form, check, submit
from services.web.pages.i18n import language
from services.web.pages.network import drawing

blp = Blueprint("carers", __name__, url_prefix="/netwerken/<uuid:network_id>", template_folder="../templates")


def _carer(network: Network, carer_id: UUID) -> Contact:
    contact = network.contacts.get(str(carer_id))
    if contact is None or not contact.is_active or contact.category in PROFESSIONAL_CATEGORIES:
        abort(404)
    return contact


def may_report_for(carer_id: str) -> bool:
    """A coordinator records for every carer; a spilmantelzorger only for themselves."""
    return may(EDIT) or (may(CARE) and own_contact() == carer_id)


@blp.route("/belasting", methods=["GET"])
def carers(network_id: UUID) -> Any:
    """Every informal carer with their latest scores and overload signals."""
    network = network_or_404(network_id)
    trends = services().burden
    people = [c for c in network.active_contacts if c.category not in PROFESSIONAL_CATEGORIES]
    rows = [trends.trend(network, c.id, today()) for c in sorted(people, key=lambda c: c.name.lower())]
    return render_template("carers/list.html", network=network, rows=rows)


@blp.route("/mantelzorgers/<uuid:carer_id>", methods=["GET"])
def carer(network_id: UUID, carer_id: UUID) -> Any:
    """One carer's burden over time (a chart per questionnaire) and the signals that they may be overloaded."""
    network = network_or_404(network_id)
    contact = _carer(network, carer_id)
    trend = services().burden.trend(network, contact.id, today())
    chart = burden_trend_svg(
        trend, gettext=speaker(), format_date=lambda d: format_date(d, "medium"), id_prefix="trend"
    )
    return render_template(
        "carers/carer.html",
        network=network,
        contact=contact,
        trend=trend,
        chart=drawing(chart),
        may_report=may_report_for(contact.id),
        instruments=INSTRUMENTS,
    )


def _answers(code: str, sent: Any) -> tuple[list[Any], dict[str, list[str]]]:
    """The answers as the instrument takes them (the values of the offered choices); unanswered items, and items
    answered with something that is not one of the choices (a form sent by hand)."""
    offered = {str(choice.answer): choice.answer for choice in burden.questionnaire(code).options}
    answers: list[Any] = []
    problems: dict[str, list[str]] = {}
    for index in range(len(burden.instrument(code).items)):
        value = sent.get(f"answers.{index}", "")
        if value not in offered:
            problems[f"answers.{index}"] = [
                _("Beantwoord deze vraag.") if value == "" else _("Kies een van de antwoorden.")
            ]
        answers.append(offered.get(value, value))
    return answers, problems


@blp.route("/mantelzorgers/<uuid:carer_id>/vragenlijst/<code>", methods=["GET", "POST"])
def questionnaire(network_id: UUID, carer_id: UUID, code: str) -> Any:
    """A burden questionnaire for one carer, item by item."""
    may_care_for(str(carer_id))
    network = network_or_404(network_id)
    contact = _carer(network, carer_id)
    if code not in INSTRUMENTS:
        abort(404)
    form = Form(values={"reported_on": today().isoformat()})
    if request.method == "POST":
        answers, missing = _answers(code, request.form)
        form = Form(values=request.form.to_dict(), errors=missing)
        sent = {"carer_id": contact.id, "instrument": code, "answers": answers}
        if request.form.get("reported_on"):
            sent["reported_on"] = request.form["reported_on"]
        body = check(schemas.BurdenReportCreate(), sent, form) if form.ok else {}
        outcome = submit(
            form,
            lambda: services().kring.report_burden(
                network_id, context(body.get("reported_on")), carer_id=contact.id, instrument=code, answers=answers
            ),
        )
        if outcome is not None:
            message = _("De vragenlijst van %(name)s is opgeslagen.", name=contact.name)
            if not may(EDIT) and own_contact() == contact.id:  # a carer for themselves: back to their own page
                return done(_("Dank u wel. Uw antwoorden zijn opgeslagen."), "mine.care", network_id=network_id)
            return done(message, "carers.carer", network_id=network_id, carer_id=carer_id)
    page = burden.questionnaire(code, language())
    return render_template(
        "carers/questionnaire.html", network=network, contact=contact, form=form, page=page, code=code
    ), (200 if form.ok else 422)
