"""Carer burden in FHIR R4: a Questionnaire per instrument and a QuestionnaireResponse per measurement.

The zib2020 package has no profile for these, so they are plain R4 resources. A paraphrased instrument (EDIZ-plus,
Self-Rated Burden: domain/burden_items.py) is a `draft` Questionnaire that says so; each answer option carries its
points (the ordinalValue extension), so a receiving system can score the answers by the instrument's rules.
"""

from __future__ import annotations

from typing import Any

from domain import burden
from domain.burden_items import Instrument, Option
from domain.network import Network
from services.exchange.fhir_codes import (
    KRING,
    MAX_VALUE,
    MIN_VALUE,
    ORDINAL_VALUE,
    coding,
    fhir_id,
    kring_uri,
    profiled,
)


def questionnaire(code: str) -> dict[str, Any]:
    """The instrument as a Questionnaire, its items and answer options in Dutch."""
    spec = burden.instrument(code)
    found = profiled("Questionnaire", fhir_id(KRING, "questionnaire", code))
    found |= {
        "url": kring_uri("questionnaire", code),
        "version": "1",
        "name": code.upper(),
        "title": spec.name_nl,
        "status": "draft" if spec.paraphrased else "active",
        "language": "nl",
        "subjectType": ["RelatedPerson"],
        "description": f"{spec.instruction_nl}\n\n{spec.source}",
        "item": [_question(spec, item.code, item.nl) for item in spec.items],
    }
    return found


def _question(spec: Instrument, link_id: str, text: str) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": link_id, "text": text, "required": True}
    if spec.kind == "scale":
        top = max(option.points for option in spec.options)
        extensions = [{"url": MIN_VALUE, "valueInteger": 0}, {"url": MAX_VALUE, "valueInteger": top}]
        return item | {"type": "integer", "extension": extensions}
    options = [
        {"valueCoding": _coding(spec, o), "extension": [{"url": ORDINAL_VALUE, "valueDecimal": o.points}]}
        for o in spec.options
    ]
    return item | {"type": "choice", "answerOption": options}


def _coding(spec: Instrument, option: Option) -> dict[str, str]:
    return coding(kring_uri("answers", spec.code), option.code, option.nl)


def questionnaire_response(
    network: Network, report: Network.CarerBurdenReported, carer: dict[str, str], author: dict[str, Any]
) -> dict[str, Any]:
    """One measurement: the carer's answers as given, as the instrument's answer options."""
    spec = burden.instrument(report.instrument)
    points = burden.validate(report.instrument, report.answers)
    found = profiled("QuestionnaireResponse", fhir_id(network.id, "report", report.report_id))
    found |= {
        "questionnaire": kring_uri("questionnaire", spec.code),
        "status": "completed",
        "subject": carer,
        "source": carer,
        "author": author,
        "authored": report.effective_on.isoformat(),
        "item": [
            {"linkId": item.code, "text": item.nl, "answer": [_answer(spec, answer, score)]}
            for item, answer, score in zip(spec.items, report.answers, points, strict=True)
        ],
    }
    return found


def _answer(spec: Instrument, answer: Any, points: int) -> dict[str, Any]:
    if spec.kind == "scale":
        return {"valueInteger": points}
    if spec.kind == "labels":
        option = next(o for o in spec.options if answer in (o.code, o.nl))
    else:
        option = next(o for o in spec.options if o.points == points)
    return {"valueCoding": _coding(spec, option)}
