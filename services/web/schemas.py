"""Request and response schemas of the JSON API (marshmallow only at the edge)."""

from __future__ import annotations

from datetime import date
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from domain import burden, days, text
from domain.errors import DomainError
from domain.network import HELP_QUESTION_MAX
from domain.permissions import CONSENT_SCOPES, ROLES
from domain.vocabulary import (
    CATEGORIES,
    CONTACT_MODES,
    DIRECTIONS,
    FLOWS,
    FREQUENCIES,
    INSTRUMENTS,
    LIVING_SITUATIONS,
    RELATIONS,
    RINGS,
    RISK_FACTORS,
    STRENGTHS,
    SUPPORT_TYPES,
)
from services.application.readside import TIMELINE_KINDS
from services.web.current import services
from services.web.language import Said
from services.web.problems import Problem, keyed, refusal

INT64 = 2**63 - 1  # the largest whole number a store's column holds: cursors and positions stay below it
PHONE = validate.Regexp(
    r"^\+?[0-9 ()\-]{6,20}$", error=Problem("Use digits, spaces, '-', '()' and an optional leading '+'.", "phone")
)
PAST_RANGE = f"From {days.EARLIEST.isoformat()} to today."
PLANNED_RANGE = f"From {days.EARLIEST.isoformat()} to {days.YEARS_AHEAD} years from today."


class Text(validate.Validator):
    """Text as domain.text takes it: no control characters (line breaks only in multi-line text); a name or a
    title has something visible in it."""

    def __init__(self, *, multiline: bool = False, visible: bool = False) -> None:
        self.multiline = multiline
        self.visible = visible

    def __call__(self, value: str) -> str:
        if self.visible and value and text.blank(value):
            raise ValidationError(Problem(text.BLANK, "required"))
        if text.unprintable(value, self.multiline):
            if self.multiline:
                raise ValidationError(Problem(text.UNPRINTABLE, "unprintable"))
            raise ValidationError(Problem(text.UNPRINTABLE_LINE, "unprintable_line"))
        return value


NAME = validate.And(validate.Length(min=1, max=200), Text(visible=True))
SHORT_TEXT = validate.And(validate.Length(max=500), Text(multiline=True))
LONG_TEXT = validate.And(validate.Length(max=10_000), Text(multiline=True))
NOTE_TEXT = validate.And(validate.Length(min=1, max=10_000), Text(multiline=True, visible=True))
HELP_QUESTION = validate.And(validate.Length(max=HELP_QUESTION_MAX), Text(multiline=True))
GROUP_OR_RELATION = "Give the group (category) or the relation."
POSITION = validate.Range(min=0, max=INT64)


class Day(fields.Date):
    """A day in Kring's range (domain.days): one that happened (1900 to today), or one planned or asked about
    (1900 to ten years ahead); outside it a 422 naming the field."""

    def __init__(self, *, planned: bool = False, **kwargs: Any) -> None:
        metadata = dict(kwargs.pop("metadata", {}))
        described = metadata.get("description", "")
        metadata["description"] = f"{described} {PLANNED_RANGE if planned else PAST_RANGE}".strip()
        super().__init__(metadata=metadata, **kwargs)
        self.planned = planned

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> date:
        day: date = super()._deserialize(value, attr, data, **kwargs)
        rule = days.require_planned if self.planned else days.require_past
        try:
            rule(day, services().kring.today(), attr or "")
        except DomainError as error:
            raise ValidationError(refusal(error)) from None
        return day


def past_date(**kwargs: Any) -> fields.Date:
    """A day something happened: from 1900-01-01 to today."""
    return Day(**kwargs)


def planned_date(**kwargs: Any) -> fields.Date:
    """A day planned ahead or asked about: from 1900-01-01 to ten years from today."""
    return Day(planned=True, **kwargs)


def text_list(max_items: int = 50, **kwargs: Any) -> fields.List:
    return fields.List(fields.String(validate=NAME), validate=validate.Length(max=max_items), **kwargs)


class Strict(Schema):
    """Unknown fields are refused (marshmallow's default), integers are strict; every message carries its key
    (services/web/problems.py), so a form says it in its reader's language."""

    error_messages = {  # noqa: RUF012 - marshmallow's own attribute
        "unknown": Problem("Unknown field.", "unknown"),
        "type": Problem("Invalid input type.", "type"),  # a nested part that is not an object
    }

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        keyed(field_obj)


class Dated(Strict):
    effective_on = past_date(metadata={"description": "The day it happened (default: today)."})


# ----------------------------------------------------------------- requests
COORDINATOR = {"description": "A coordinator of your organisation, by user id or e-mail address (default: you)."}


class NetworkCreate(Strict):
    client_name = fields.String(required=True, validate=NAME)
    coordinator = fields.String(validate=NAME, metadata=COORDINATOR)
    review_interval_weeks = fields.Integer(strict=True, load_default=13, validate=validate.Range(1, 104))
    opened_on = past_date(metadata={"description": "The day the network was opened (default: today)."})


class ClientProfile(Strict):
    date_of_birth = past_date(allow_none=True, metadata={"description": "The client's date of birth (null: unknown)."})
    living_situation = fields.String(allow_none=True, validate=validate.OneOf(LIVING_SITUATIONS))
    help_question = fields.String(
        validate=HELP_QUESTION, metadata={"description": "What the client asks help with, in their own words."}
    )


class NetworkPatch(Dated, ClientProfile):
    client_name = fields.String(validate=NAME)
    coordinator = fields.String(validate=NAME, metadata=COORDINATOR)
    review_interval_weeks = fields.Integer(strict=True, validate=validate.Range(1, 104))

    @validates_schema
    def _something_to_change(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not set(data) - {"effective_on"}:
            message = (
                "Name at least one of client_name, date_of_birth, living_situation, help_question, coordinator, "
                "review_interval_weeks."
            )
            raise ValidationError(Problem(message, "nothing_to_change"), "_schema")


class ContactDetails(Strict):
    """What is recorded about a contact (the intake's rows take these too)."""

    name = fields.String(validate=NAME)
    category = fields.String(
        validate=validate.OneOf(CATEGORIES),
        metadata={
            "description": "The ecogram's group; left out, the relation gives it (who lives with the client: "
            "household)."
        },
    )
    relation = fields.String(
        allow_none=True, validate=validate.OneOf(RELATIONS), metadata={"description": "What they are to the client."}
    )
    lives_with_client = fields.Boolean()
    contact_mode = fields.String(
        allow_none=True,
        validate=validate.OneOf(CONTACT_MODES),
        metadata={"description": "How contact mostly happens: in person, by phone, by video, or only digitally."},
    )
    ring = fields.String(validate=validate.OneOf(RINGS))
    known_since = past_date(allow_none=True)
    travel_minutes = fields.Integer(strict=True, allow_none=True, validate=validate.Range(0, 24 * 60))
    skills = text_list(30)
    email = fields.Email(allow_none=True, validate=validate.Length(max=254))
    phone = fields.String(allow_none=True, validate=PHONE)
    person_ref = fields.String(
        allow_none=True,
        validate=validate.And(validate.Length(min=1, max=100), Text(visible=True)),
        metadata={"description": "Links this contact to the same person in other networks (besides e-mail)."},
    )


class ContactFields(ContactDetails, Dated):
    pass


def require_group_or_relation(data: dict[str, Any]) -> None:
    """A new contact needs a group, or a relation that gives one."""
    if data.get("category") is None and data.get("relation") is None:
        raise ValidationError(Problem(GROUP_OR_RELATION, "group_or_relation"), "category")


class ContactCreate(ContactFields):
    name = fields.String(required=True, validate=NAME)
    ring = fields.String(required=True, validate=validate.OneOf(RINGS))

    @validates_schema(skip_on_field_errors=False)
    def _grouped(self, data: dict[str, Any], **kwargs: Any) -> None:
        require_group_or_relation(data)


class ContactPatch(ContactFields):
    @validates_schema
    def _something_to_change(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not set(data) - {"effective_on"}:
            raise ValidationError(
                Problem("Name at least one contact detail to change.", "nothing_to_change"), "_schema"
            )


class Ending(Dated):
    reason = fields.String(load_default="", validate=SHORT_TEXT)


class TieAssessment(Dated):
    strength = fields.String(required=True, validate=validate.OneOf(STRENGTHS))
    stressful = fields.Boolean(load_default=False)
    flow = fields.String(required=True, validate=validate.OneOf(FLOWS))
    frequency = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(FREQUENCIES))
    note = fields.String(load_default="", validate=SHORT_TEXT)


class AcquaintancePair(Dated):
    contact_ids = fields.List(fields.UUID(), required=True, validate=validate.Length(equal=2))


class TaskFields(Strict):
    support_type = fields.String(required=True, validate=validate.OneOf(SUPPORT_TYPES))
    direction = fields.String(load_default="to_client", validate=validate.OneOf(DIRECTIONS))
    task = fields.String(required=True, validate=NAME)
    rhythm = fields.String(load_default=None, allow_none=True, validate=NAME)


class RoleCreate(TaskFields, Dated):
    contact_id = fields.UUID(required=True)
    request_id = fields.UUID(
        load_default=None, metadata={"description": "The request for help this answers (it is closed with it)."}
    )


class MeetingTask(TaskFields):
    contact_id = fields.UUID(required=True, metadata={"description": "Who takes the agreement on."})


class SpilmantelzorgerDesignation(Dated):
    contact_id = fields.UUID(required=True)


class Answer(fields.Raw):
    """One questionnaire answer: a whole number, a yes/no, or a short text (e.g. 'Ja!')."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, bool | int) or (isinstance(value, str) and 0 < len(value) <= 20):
            return value
        raise ValidationError(Problem("An answer is a whole number, true/false, or a short text.", "invalid_answer"))


class BurdenReportCreate(Strict):
    carer_id = fields.UUID(required=True)
    instrument = fields.String(required=True, validate=validate.OneOf(INSTRUMENTS))
    answers = fields.List(Answer(), required=True, validate=validate.Length(min=1, max=50))
    reported_on = past_date()

    @validates_schema
    def _answers_fit_the_instrument(self, data: dict[str, Any], **kwargs: Any) -> None:
        try:
            burden.validate(data["instrument"], data["answers"])
        except DomainError as error:
            raise ValidationError(refusal(error), error.field or "answers") from None


TOOK_PART = {"description": "Whether the client took part (null: not said)."}


def people_ids(what: str) -> fields.List:
    return fields.List(
        fields.UUID(), load_default=list, validate=validate.Length(max=100), metadata={"description": what}
    )


class ReviewCreate(Strict):
    held_on = past_date()
    participant_ids = people_ids("People of the network who took part.")
    participants = text_list(load_default=list, metadata={"description": "Others who took part, by name."})
    client_took_part = fields.Boolean(load_default=None, allow_none=True, metadata=TOOK_PART)
    summary = fields.String(load_default="", validate=LONG_TEXT)
    next_review_on = planned_date(load_default=None, allow_none=True)


class MeetingCreate(Strict):
    held_on = past_date()
    attendee_ids = people_ids("People of the network who came.")
    attendees = text_list(load_default=list, metadata={"description": "Others who came, by name."})
    client_took_part = fields.Boolean(load_default=None, allow_none=True, metadata=TOOK_PART)
    agreements = fields.List(fields.String(validate=SHORT_TEXT), load_default=list, validate=validate.Length(max=50))
    tasks = fields.List(
        fields.Nested(MeetingTask),
        load_default=list,
        validate=validate.Length(max=50),
        metadata={"description": "Agreements someone takes on: each becomes their task in the same save."},
    )


class GoalCreate(Dated):
    title = fields.String(required=True, validate=NAME)
    due_on = planned_date(load_default=None, allow_none=True)


class NoteCreate(Dated):
    text = fields.String(required=True, validate=NOTE_TEXT)


class Paging(Strict):
    after = fields.Integer(
        load_default=0,
        validate=POSITION,
        metadata={"description": "Cursor: the next_after of the previous page."},
    )
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))


class AsOf(Strict):
    as_of = past_date(metadata={"description": "Show the network as it was on this day."})


# ---------------------------------------------------------------- responses
class CommandResult(Schema):
    id = fields.String(metadata={"description": "The network's id, or the id of what was created."})
    network_id = fields.UUID()
    version = fields.Integer(metadata={"description": "The network's version after the command (its ETag)."})
    position = fields.Integer(allow_none=True, metadata={"description": "Event-log position of the last event."})


class TieOut(Schema):
    strength = fields.String()
    stressful = fields.Boolean()
    flow = fields.String()
    frequency = fields.String(allow_none=True)
    note = fields.String()
    since = fields.Date()
    changed_on = fields.Date()


class ContactOut(Schema):
    id = fields.String()
    name = fields.String()
    category = fields.String()
    relation = fields.String(allow_none=True)
    lives_with_client = fields.Boolean()
    contact_mode = fields.String(allow_none=True)
    ring = fields.String()
    known_since = fields.Date(allow_none=True)
    travel_minutes = fields.Integer(allow_none=True)
    skills = fields.List(fields.String())
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    person_ref = fields.String(allow_none=True)
    added_on = fields.Date()
    tie = fields.Nested(TieOut, allow_none=True)


class FormerContactOut(Schema):
    id = fields.String()
    name = fields.String()
    category = fields.String()
    added_on = fields.Date()
    removed_on = fields.Date()
    removal_reason = fields.String()


class AcquaintanceOut(Schema):
    contact_ids = fields.List(fields.String())
    since = fields.Date()


class RoleOut(Schema):
    id = fields.String()
    contact_id = fields.String()
    support_type = fields.String()
    direction = fields.String()
    task = fields.String()
    rhythm = fields.String(allow_none=True)
    started_on = fields.Date()
    ended_on = fields.Date(allow_none=True)
    end_reason = fields.String(allow_none=True)


class BurdenReportOut(Schema):
    id = fields.String()
    carer_id = fields.String()
    instrument = fields.String()
    answers = fields.List(fields.Raw())
    reported_on = fields.Date()


class ReviewOut(Schema):
    held_on = fields.Date()
    participant_ids = fields.List(fields.String(), dump_default=list)
    participants = fields.List(fields.String())
    client_took_part = fields.Boolean(allow_none=True, dump_default=None)
    summary = fields.String()
    next_review_on = fields.Date()


class MeetingOut(Schema):
    held_on = fields.Date()
    attendee_ids = fields.List(fields.String(), dump_default=list)
    attendees = fields.List(fields.String())
    client_took_part = fields.Boolean(allow_none=True, dump_default=None)
    agreements = fields.List(fields.String())


class GoalOut(Schema):
    id = fields.String()
    title = fields.String()
    due_on = fields.Date(allow_none=True)
    set_on = fields.Date()
    completed_on = fields.Date(allow_none=True)


class NoteOut(Schema):
    id = fields.String()
    text = fields.String()
    written_on = fields.Date()


class SpilmantelzorgerOut(Schema):
    contact_id = fields.String(attribute="id")
    name = fields.String()


class NetworkSummaryOut(Schema):
    id = fields.UUID()
    version = fields.Integer()
    client_name = fields.String()
    coordinator = fields.String()
    status = fields.String()
    opened_on = fields.Date()
    next_review_on = fields.Date()


class NetworkOut(NetworkSummaryOut):
    as_of = fields.Date(allow_none=True, dump_default=None)
    date_of_birth = fields.Date(allow_none=True)
    living_situation = fields.String(allow_none=True)
    help_question = fields.String()
    review_interval_weeks = fields.Integer()
    last_reviewed_on = fields.Date(allow_none=True)
    spilmantelzorger = fields.Nested(SpilmantelzorgerOut, allow_none=True)
    contacts = fields.List(fields.Nested(ContactOut), attribute="active_contacts")
    former_contacts = fields.List(fields.Nested(FormerContactOut))
    acquaintances = fields.List(fields.Nested(AcquaintanceOut), attribute="acquaintance_list")
    roles = fields.List(fields.Nested(RoleOut), attribute="active_roles")
    goals = fields.List(fields.Nested(GoalOut), attribute="goal_list")


class NetworkPage(Schema):
    items = fields.List(fields.Nested(NetworkSummaryOut))
    next_after = fields.Integer(allow_none=True, metadata={"description": "Pass as ?after= for the next page."})


class EventOut(Schema):
    version = fields.Integer()
    type = fields.String()
    recorded_at = fields.DateTime()
    effective_on = fields.Date()
    recorded_by = fields.String()
    summary = Said(metadata={"description": "One line in plain Dutch (or English with ?lang=en or Accept-Language)."})
    data = fields.Dict()
    withheld = fields.Boolean(
        metadata={"description": "True when your role may not read this event's contents: `data` is then empty."}
    )


class EventPage(Schema):
    items = fields.List(fields.Nested(EventOut))


class Health(Schema):
    status = fields.String(metadata={"description": "ok, degraded (events parked: see the README) or unavailable."})
    version = fields.String(metadata={"description": "Administrators only, as the fields below."})
    log_position = fields.Integer()
    lag = fields.Integer(metadata={"description": "Events the furthest-behind projection has still to apply."})
    parked_events = fields.Integer(metadata={"description": "Events a projection could not apply."})
    held_back_events = fields.Integer(metadata={"description": "Later events of their networks, waiting."})


class Error(Schema):
    error = fields.String(metadata={"description": "A stable code, e.g. validation_failed, network_closed."})
    message = fields.String()
    fields_ = fields.Dict(data_key="fields", keys=fields.String(), values=fields.List(fields.String()))


# ------------------------------------------------------------ read side
class ReadQuery(Strict):
    lang = fields.String(
        load_default=None,
        validate=validate.OneOf(("nl", "en")),
        metadata={"description": "The language of the sentences in the answer (default: Accept-Language, else nl)."},
    )
    min_position = fields.Integer(
        load_default=None,
        validate=POSITION,
        metadata={
            "description": "Read-your-writes: wait until the read side includes this log position "
            "(the `position` a command returned)."
        },
    )


class AsOfRead(ReadQuery):
    as_of = past_date(metadata={"description": "The map as it was on this day."})


class ChangesQuery(ReadQuery):
    from_ = planned_date(required=True, data_key="from")
    to = planned_date(required=True)

    @validates_schema
    def _ordered(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data["from_"] > data["to"]:
            raise ValidationError(Problem("'from' must not be after 'to'.", "from_after_to"), "from")


class TimelineQuerySchema(ReadQuery):
    kind = fields.List(
        fields.String(validate=validate.OneOf(TIMELINE_KINDS)),
        load_default=list,
        metadata={"description": "Only these kinds (repeat the parameter for several)."},
    )
    from_ = planned_date(load_default=None, data_key="from")
    to = planned_date(load_default=None)
    offset = fields.Integer(load_default=0, validate=POSITION)
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 500))


class AttentionQuery(ReadQuery):
    today = planned_date(load_default=None, metadata={"description": "The day to judge by (default: today)."})


class MapOut(Schema):
    id = fields.UUID()
    version = fields.Integer()
    as_of = fields.Date(allow_none=True)
    client_name = fields.String()
    status = fields.String()
    spilmantelzorger = fields.Nested(SpilmantelzorgerOut, allow_none=True)
    contacts = fields.List(fields.Nested(ContactOut), attribute="active_contacts")
    acquaintances = fields.List(fields.Nested(AcquaintanceOut), attribute="acquaintance_list")
    roles = fields.List(fields.Nested(RoleOut), attribute="active_roles")


class MeasureOut(Schema):
    value = fields.Dict(metadata={"description": "The figures of this measure."})
    explanation = Said(attribute="lines", metadata={"description": "What they say about this client, in plain words."})


class SignalOut(Schema):
    code = fields.String()
    message = Said()


class MeasuresOut(Schema):
    measures = fields.Dict(keys=fields.String(), values=fields.Nested(MeasureOut))
    signals = fields.List(fields.Nested(SignalOut), metadata={"description": "The concerns: risks, by code."})
    strengths = fields.List(Said(), metadata={"description": "What is going well, in plain words."})


class TimelineLine(Schema):
    version = fields.Integer()
    type = fields.String()
    kind = fields.String()
    contact_id = fields.String(allow_none=True)
    other_contact_id = fields.String(allow_none=True)
    effective_on = fields.String()
    recorded_at = fields.String()
    recorded_by = fields.String()
    summary = Said(attribute="phrase")


class TimelineOut(Schema):
    items = fields.List(fields.Nested(TimelineLine))
    next_offset = fields.Integer(allow_none=True)


class ChangesOut(Schema):
    from_ = fields.Date(data_key="from", attribute="from")
    to = fields.Date()
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    changes = fields.List(fields.Nested(TimelineLine))
    measures_before = fields.Nested(MeasuresOut, allow_none=True)
    measures_after = fields.Nested(MeasuresOut)


class WhoDoesWhatOut(Schema):
    coordinator = fields.String()
    contacts = fields.List(fields.Dict(), metadata={"description": "Per contact: network, name and roles."})
    shared_people = fields.List(fields.Dict(), metadata={"description": "People in several networks, total load."})
    vacant_roles = fields.List(fields.Dict(), metadata={"description": "Tasks whose contact left, not taken over."})
    help_requests = fields.List(fields.Dict(), metadata={"description": "Tasks someone asked help with: nobody yet."})


class AttentionItem(Schema):
    network_id = fields.String()
    client_name = fields.String()
    next_review_on = fields.String()
    reasons = fields.List(fields.Nested(SignalOut))


class AttentionOut(Schema):
    items = fields.List(fields.Nested(AttentionItem))


class RecordsQuery(ReadQuery):
    carer_id = fields.UUID(load_default=None, metadata={"description": "Only this carer's reports."})


class NotesOut(Schema):
    items = fields.List(fields.Nested(NoteOut))


class BurdenReportsOut(Schema):
    items = fields.List(fields.Nested(BurdenReportOut))


class ReviewsOut(Schema):
    items = fields.List(fields.Nested(ReviewOut))


class MeetingsOut(Schema):
    items = fields.List(fields.Nested(MeetingOut))


# -------------------------------------------------------------- reminders
class ReminderItem(Schema):
    reminder_id = fields.String()
    network_id = fields.String()
    kind = fields.String()
    due_on = fields.Date()
    title = Said(metadata={"description": "What to do, in plain Dutch (or English with ?lang=en or Accept-Language)."})
    recipients = fields.List(fields.String())
    state = fields.String()
    snoozed_until = fields.String(allow_none=True)


class InboxOut(Schema):
    items = fields.List(fields.Nested(ReminderItem))


class Snooze(Strict):
    until = planned_date(required=True)


class Dismissal(Strict):
    reason = fields.String(load_default="", validate=SHORT_TEXT)


class ReminderState(Schema):
    id = fields.String()
    version = fields.Integer()
    state = fields.String()
    snoozed_until = fields.Date(allow_none=True)


class CalendarLink(Schema):
    url = fields.String(metadata={"description": "Subscribe to this in Outlook or Google Calendar; keep it secret."})


# ------------------------------------------------------------------ burden
class RiskFactors(Dated):
    factors = fields.List(
        fields.String(validate=validate.OneOf(RISK_FACTORS)),
        required=True,
        validate=validate.Length(max=len(RISK_FACTORS)),
        metadata={"description": "The MantelScan risk signals that hold now; [] clears them."},
    )


class LangQuery(Strict):
    lang = fields.String(load_default="nl", validate=validate.OneOf(("nl", "en")))


class ScoredReport(Schema):
    id = fields.String()
    reported_on = fields.Date()
    instrument = fields.String()
    total = fields.Integer()
    maximum = fields.Integer()
    band = fields.String(allow_none=True)
    high_strain = fields.Boolean(allow_none=True)
    interpretation = Said()


class CarerBurdenOut(Schema):
    carer_id = fields.String()
    name = fields.String()
    reports = fields.List(fields.Nested(ScoredReport))
    signals = fields.List(fields.Nested(SignalOut))


class QuestionOut(Schema):
    code = fields.String()
    text = fields.String()


class ChoiceOut(Schema):
    answer = fields.Raw(metadata={"description": "The value to send back in `answers`."})
    label = fields.String()


class QuestionnaireOut(Schema):
    instrument = fields.String()
    language = fields.String()
    name = fields.String()
    instruction = fields.String()
    items = fields.List(fields.Nested(QuestionOut))
    options = fields.List(fields.Nested(ChoiceOut))
    paraphrased = fields.Boolean(metadata={"description": "True: the item texts are not the validated wording."})
    source = fields.String()


# The access endpoints' bodies, which the Toegang page's forms take too
class AccessGrant(Strict):
    user = fields.String(
        required=True,
        validate=validate.Length(min=1, max=254),
        metadata={"description": "The user's id or e-mail address (of your organisation)."},
    )
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    contact_id = fields.UUID(
        load_default=None, metadata={"description": "The contact this user is in the network (carers, members)."}
    )


class Consent(Strict):
    scopes = fields.List(
        fields.String(validate=validate.OneOf(CONSENT_SCOPES)),
        required=True,
        metadata={"description": "What the client lets this person see; what is left out is withdrawn at once."},
    )
