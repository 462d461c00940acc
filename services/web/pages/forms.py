"""Web forms on the API's own schemas: typed text becomes the JSON the schema expects, each problem is said by its
key in the page's language next to the field (domain/words/problems.py), and whatever was typed is shown again after
an error. No message is read for its words: schema messages carry their key (services/web/problems.py), the
domain's refusals their code and values (DomainError)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from marshmallow import Schema, ValidationError, fields
from werkzeug.datastructures import MultiDict

from domain.errors import DomainError, UnknownEntity
from domain.words import Phrase
from domain.words.problems import problem
from services.application.networks import ConcurrentChanges, Outcome, VersionMismatch
from services.application.readside import ReadSideBehind
from services.web.current import services
from services.web.errors import flatten
from services.web.language import say

WHOLE_NUMBER = re.compile(r"^-?\d+$")  # what the form sent (a number typed in a text field), not a message
GENERAL = "_schema"  # as services.web.errors.flatten names problems of the whole form


@dataclass
class Form:
    """What was typed (to show again), and the problems per field (GENERAL: about the whole form)."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def value(self, name: str, default: Any = "") -> Any:
        return self.values.get(name, default)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def problems(self) -> str:
        """Every problem in one line (for a form of one button, said on the next page)."""
        return " ".join(message for messages in self.errors.values() for message in messages)


def said(message: Any) -> str:
    """One validation message in the page's language, by its key (services/web/problems.py Problem)."""
    return say(problem_of(message))


def problem_of(message: Any) -> Phrase:
    """The phrase of a validation message: by its key, with the values it names; one without a key (none of
    Kring's schemas make one: tests/unit/test_problems.py) is said as "not right", never in English."""
    return problem(getattr(message, "key", ""), getattr(message, "params", {}))


def _typed(spec: fields.Field, raw: list[str]) -> Any:
    """The JSON value of a field from what the form sent (one or more strings)."""
    if isinstance(spec, fields.Boolean):
        return bool(raw and raw[0] in ("on", "true", "1", "ja"))
    if isinstance(spec, fields.List):
        if isinstance(spec.inner, fields.String):  # one per line (participants, agreements, skills)
            return [line.strip() for text in raw for line in text.splitlines() if line.strip()]
        return [value for value in raw if value]
    text = raw[0].strip() if raw else ""
    if isinstance(spec, fields.Integer) and WHOLE_NUMBER.match(text):
        return int(text)
    return text


def load(schema: Schema, sent: MultiDict[str, str]) -> tuple[Form, dict[str, Any]]:
    """Parse a posted form with an API schema: the form as typed, and the loaded body (empty when not ok)."""
    form = Form(values=sent.to_dict())
    body: dict[str, Any] = {}
    for name, spec in schema.fields.items():
        key = spec.data_key or name
        raw = sent.getlist(key)
        if isinstance(spec, fields.Boolean) and spec.allow_none and not raw:
            continue  # a yes/no question left open (the client took part?): not said
        value = _typed(spec, raw)
        if isinstance(spec, fields.Boolean) or value not in ("", []):
            body[key] = value
    return form, check(schema, body, form)


def check(schema: Schema, body: dict[str, Any], form: Form) -> dict[str, Any]:
    """The body loaded by the schema; its problems, in the page's language, on the form (then the body is empty)."""
    try:
        loaded: dict[str, Any] = schema.load(body)
    except ValidationError as error:
        for name, problems in flatten(error.messages).items():
            form.errors[name] = [said(p) for p in problems]
        return {}
    return loaded


def refusal(error: Exception) -> tuple[str, str]:
    """The field and the message, in the page's language, for a command the service refused."""
    if isinstance(error, UnknownEntity):
        return error.field or GENERAL, say(problem("unknown_entity"))
    if isinstance(error, DomainError):
        return error.field or GENERAL, say(problem(error.code, error.params))
    return GENERAL, say(problem("concurrent_changes"))


def submit(form: Form, command: Callable[[], Outcome], field_names: dict[str, str] | None = None) -> Outcome | None:
    """Run the command of a valid form; a refusal becomes a message on the form (under the form's name of
    the field). None when nothing was saved."""
    if not form.ok:
        return None
    try:
        outcome = command()
    except (DomainError, ConcurrentChanges, VersionMismatch) as error:
        name, message = refusal(error)
        form.errors.setdefault((field_names or {}).get(name, name), []).append(message)
        return None
    with contextlib.suppress(ReadSideBehind):  # if it comes later, the next page shows it a moment later
        services().read_side.reach(outcome.position)  # the next page shows the change
    return outcome
