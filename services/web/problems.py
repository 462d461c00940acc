"""The API schemas' messages with their keys: each one is a `Problem`, an English message (as the API answers it)
that carries marshmallow's key and the values it names, so a form says it in the reader's language by its key
(domain/words/problems.py) and no message is ever read for its words.

`keyed(field)` gives a field's own messages (required, invalid, ...) and its validators' messages their keys;
the request schemas do it for every field they bind (schemas.Strict).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import fields, validate

from domain.errors import DomainError

# marshmallow's field types whose "invalid" needs a sentence of its own, by the base class of the field
KINDS: tuple[tuple[type[fields.Field], str], ...] = (
    (fields.Integer, "integer"),
    (fields.Date, "date"),
    (fields.Email, "email"),
    (fields.String, "string"),
    (fields.Boolean, "boolean"),
    (fields.List, "list"),
)
QUALIFIED = frozenset({"invalid"})  # keys whose sentence depends on the kind of field


class Problem(str):
    """An English validation message with its key and the values it names."""

    key: str
    params: dict[str, Any]

    def __new__(cls, text: str, key: str, params: Mapping[str, Any] | None = None) -> Problem:
        made = super().__new__(cls, text)
        made.key = key
        made.params = dict(params or {})
        return made

    def format(self, *args: Any, **kwargs: Any) -> Problem:  # marshmallow formats its messages with the values
        return Problem(str.format(self, *args, **kwargs), self.key, {**self.params, **kwargs})


def refusal(error: DomainError) -> Problem:
    """A domain rule's refusal as a validation message (a schema checking the domain's rule)."""
    return Problem(error.message, error.code, error.params)


def _kind(field: fields.Field) -> str:
    return next((name for kind, name in KINDS if isinstance(field, kind)), "value")


def _key(message: Any, key: str) -> Any:
    return message if isinstance(message, Problem) or not isinstance(message, str) else Problem(message, key)


def _validator(validator: Any, items: bool) -> None:
    """Key a validator's messages (And: each one inside it)."""
    if isinstance(validator, validate.And):
        for inner in validator.validators:
            _validator(inner, items)
    elif isinstance(validator, validate.Length):
        prefix = "items" if items else "length"
        for part in ("min", "max", "all", "equal"):
            name = f"message_{part}"
            setattr(validator, name, _key(getattr(validator, name), f"{prefix}.{part}"))
        validator.error = _key(validator.error, f"{prefix}.all") if validator.error else None
    elif isinstance(validator, validate.Range):
        for part in ("min", "max", "all"):
            name = f"message_{part}"
            setattr(validator, name, _key(getattr(validator, name), f"range.{part}"))
        validator.error = _key(validator.error, "range.all") if validator.error else None
    elif isinstance(validator, validate.OneOf):
        validator.error = _key(validator.error, "one_of")
    elif isinstance(validator, validate.Email):
        validator.error = _key(validator.error, "invalid.email")


def keyed(field: fields.Field) -> fields.Field:
    """Give a field's messages and its validators' messages their keys (a list's inner field too)."""
    kind = _kind(field)
    field.error_messages = {
        key: _key(message, f"{key}.{kind}" if key in QUALIFIED else key)
        for key, message in field.error_messages.items()
    }
    for validator in field.validators:
        _validator(validator, isinstance(field, fields.List))
    if isinstance(field, fields.List):
        keyed(field.inner)
    return field
