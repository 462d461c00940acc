"""The intake's request and answer (the API's POST .../intake and the intake page both load it): every row is
checked before anything is recorded, and a problem is named by where it is (`people.3.name`)."""

from __future__ import annotations

import uuid
from typing import Any

from marshmallow import ValidationError, fields, validate, validates_schema

from domain.vocabulary import FLOWS, FREQUENCIES, STRENGTHS
from services.application.intake import Intake, Person
from services.web.problems import Problem
from services.web.schemas import (
    NAME,
    ClientProfile,
    CommandResult,
    ContactDetails,
    Strict,
    TaskFields,
    past_date,
    require_group_or_relation,
)

MAX_PEOPLE = 60
REF = validate.Length(min=1, max=100)
TIE = ("strength", "stressful", "flow", "frequency")
NOT_A_PERSON = "Name a person of this intake by their ref, or a contact of the network by their id."
SAME_REF = "Another person of this intake has this ref."
REQUIRED = "Missing data for required field."


class IntakePerson(ContactDetails):
    """One row: a person with their tie (left out without `strength`) and the tasks they take on."""

    contact_id = fields.UUID(
        load_default=None, metadata={"description": "A contact of the network (revisiting); left out: a new person."}
    )
    ref = fields.String(
        validate=REF, metadata={"description": "How `acquaintances` and `spilmantelzorger` name this new person."}
    )
    strength = fields.String(
        validate=validate.OneOf(STRENGTHS), metadata={"description": "The tie now; left out: not assessed now."}
    )
    stressful = fields.Boolean(load_default=False)
    flow = fields.String(load_default="both", validate=validate.OneOf(FLOWS))
    frequency = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(FREQUENCIES))
    tasks = fields.List(fields.Nested(TaskFields), load_default=list, validate=validate.Length(max=20))

    @validates_schema(skip_on_field_errors=False)
    def _new_people_are_whole(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data.get("contact_id") is not None:
            return
        missing = {name: [Problem(REQUIRED, "required")] for name in ("name", "ring") if name not in data}
        if missing:
            raise ValidationError(missing)
        require_group_or_relation(data)


def pair_list(description: str) -> fields.List:
    pair = fields.List(fields.String(validate=REF), validate=validate.Length(equal=2))
    return fields.List(
        pair, load_default=list, validate=validate.Length(max=500), metadata={"description": description}
    )


class IntakeCreate(Strict):
    """One sitting in an existing network."""

    held_on = past_date(metadata={"description": "The day of the sitting: everything is dated that day."})
    client = fields.Nested(ClientProfile, metadata={"description": "The client's profile, as far as it changes."})
    people = fields.List(fields.Nested(IntakePerson), load_default=list, validate=validate.Length(max=MAX_PEOPLE))
    acquaintances = pair_list("Pairs who know each other: each a person's ref or a contact id.")
    acquaintances_ended = pair_list("Pairs who no longer know each other.")
    spilmantelzorger = fields.String(
        validate=REF, metadata={"description": "The lead informal carer: a person's ref or a contact id."}
    )

    @validates_schema(skip_on_field_errors=False)
    def _refs_name_people(self, data: dict[str, Any], **kwargs: Any) -> None:
        refs = [p["ref"] for p in data.get("people", []) if "ref" in p]
        problems: dict[str, Any] = {}
        for index, ref in enumerate(refs):
            if ref in refs[:index]:
                problems.setdefault("people", {})[index] = {"ref": [Problem(SAME_REF, "duplicate_ref")]}
        for key in ("acquaintances", "acquaintances_ended"):
            for index, pair in enumerate(data.get(key, [])):
                if any(not _names_someone(ref, refs) for ref in pair):
                    problems.setdefault(key, {})[index] = [Problem(NOT_A_PERSON, "not_a_person")]
        if "spilmantelzorger" in data and not _names_someone(data["spilmantelzorger"], refs):
            problems["spilmantelzorger"] = [Problem(NOT_A_PERSON, "not_a_person")]
        if problems:
            raise ValidationError(problems)


class NewNetworkIntake(IntakeCreate):
    """One sitting that opens the client's network."""

    client_name = fields.String(required=True, validate=NAME)
    review_interval_weeks = fields.Integer(strict=True, load_default=13, validate=validate.Range(1, 104))


class IntakeResult(CommandResult):
    contact_ids = fields.List(fields.String(), metadata={"description": "Each row's contact, in the order sent."})
    contacts_added = fields.Integer()
    contacts_changed = fields.Integer()
    ties_assessed = fields.Integer()
    tasks_assigned = fields.Integer()
    acquaintances_recorded = fields.Integer()
    acquaintances_ended = fields.Integer()
    spilmantelzorger = fields.String(allow_none=True, metadata={"description": "Their name, if one was designated."})


def _names_someone(ref: str, refs: list[str]) -> bool:
    if ref in refs:
        return True
    try:
        uuid.UUID(ref)
    except ValueError:
        return False
    return True


def intake_of(body: dict[str, Any]) -> Intake:
    """The loaded body as the application's Intake."""
    return Intake(
        people=[_person(row) for row in body.get("people", [])],
        profile=dict(body.get("client") or {}),
        acquaintances=[(a, b) for a, b in body.get("acquaintances", [])],
        acquaintances_ended=[(a, b) for a, b in body.get("acquaintances_ended", [])],
        spilmantelzorger=body.get("spilmantelzorger"),
    )


def _person(row: dict[str, Any]) -> Person:
    row = dict(row)
    contact_id, ref, tasks = row.pop("contact_id", None), row.pop("ref", None), row.pop("tasks", [])
    tie = {name: row.pop(name) for name in TIE if name in row}
    return Person(
        details=row,
        contact_id=str(contact_id) if contact_id else None,
        ref=ref,
        tie=tie if "strength" in tie else None,
        tasks=tasks,
    )
