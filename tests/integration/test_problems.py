"""A form says every problem by its key, never by reading a message: each message the API's request schemas make
carries a key the words have a sentence for, and so does each refusal of the domain's rules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flask import Flask
from marshmallow import Schema, ValidationError

from domain.words.problems import PROBLEM
from services.web import schemas
from services.web.errors import flatten

ROOT = Path(__file__).resolve().parents[2]
BAD = (None, "", " ", "\x00", "x" * 20_000, "geen datum", "2999-01-01", "1800-01-01", -5, 10**12, 1.5, True, [], {},
       ["x"] * 60, [None], "00000000-0000-4000-8000-00000000000Z")  # fmt: skip


def request_schemas() -> list[type[Schema]]:
    found, todo = [], [schemas.Strict]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def messages(schema: Schema, body: dict[str, Any]) -> list[Any]:
    try:
        schema.load(body)
    except ValidationError as error:
        return [m for problems in flatten(error.messages).values() for m in problems]
    return []


def test_every_message_of_a_request_schema_carries_a_key_that_forms_say(app: Flask) -> None:
    unkeyed: set[str] = set()
    with app.test_request_context("/"):
        for cls in request_schemas():
            schema = cls()
            for name, spec in schema.fields.items():
                for value in BAD:
                    for message in messages(schema, {spec.data_key or name: value, "onbekend": 1}):
                        if getattr(message, "key", None) not in PROBLEM:
                            unkeyed.add(f"{cls.__name__}.{name}: {message!r}")
    assert not unkeyed, sorted(unkeyed)


def test_every_refusal_of_the_domains_rules_has_a_sentence() -> None:
    source = "\n".join(p.read_text() for p in (ROOT / "domain").rglob("*.py"))
    codes = set(re.findall(r'DomainError\(\s*"([a-z_]+)"', source))
    assert {"date_out_of_order", "network_closed", "professional_spilmantelzorger"} <= codes
    assert codes - set(PROBLEM) == set()
