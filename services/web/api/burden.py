"""Carer burden: the questionnaires, a carer's trend with overload signals, and MantelScan risk factors."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain import burden
from domain.errors import DomainError
from domain.vocabulary import INSTRUMENTS
from services.web import schemas
from services.web.api.read import read_side
from services.web.auth import may_care_for
from services.web.current import services
from services.web.errors import in_path
from services.web.http import Blueprint, answer, command, context, not_found

blp = Blueprint("burden", __name__, url_prefix="/api", description="Carer burden and overload signals")


@blp.route("/instruments/<code>", methods=["GET"])
@blp.arguments(schemas.LangQuery, location="query")
@blp.response(200, schemas.QuestionnaireOut)
@blp.alt_response(404, schema=schemas.Error, description="No such instrument")
def questionnaire(query: dict[str, Any], code: str) -> Any:
    """An instrument's items and answer options in Dutch (or English), for a form."""
    if code not in INSTRUMENTS:
        not_found(f"No instrument {code!r}; choose from {', '.join(INSTRUMENTS)}.", "instrument_not_found")
    return burden.questionnaire(code, query["lang"])


@blp.route("/networks/<uuid:network_id>/carers/<uuid:carer_id>/burden", methods=["GET"])
@blp.arguments(schemas.ReadQuery, location="query")
@blp.response(200, schemas.CarerBurdenOut)
@blp.alt_response(404, schema=schemas.Error, description="No such network or carer")
def carer_burden(query: dict[str, Any], network_id: UUID, carer_id: UUID) -> Any:
    """A carer's burden over time, every report scored, with the overload signals and a Dutch reason each."""
    side = read_side(query)
    try:
        return services().burden.trend(side.network(network_id), str(carer_id), services().kring.today())
    except DomainError:
        not_found(f"This network has no carer {carer_id}.", "contact_not_found")


@command(blp, "/networks/<uuid:network_id>/carers/<uuid:carer_id>/risk-factors", "PUT", schemas.RiskFactors)
def report_carer_risks(body: dict[str, Any], network_id: UUID, carer_id: UUID) -> Any:
    """Which MantelScan risk signals hold for this carer now (24/7 care, living together, care not shared, ...)."""
    may_care_for(str(carer_id))
    with in_path("contact", str(carer_id)):
        outcome = services().kring.report_carer_risks(
            network_id, context(body.get("effective_on")), str(carer_id), body["factors"]
        )
    return answer(outcome)
