"""Domain errors: a refused command, with a stable code, the field at fault and the values the rule names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class DomainError(Exception):
    """A command that the network's rules refuse: `code` says which rule, `params` the values it names (the
    earliest day allowed, ...), so a page says it in its reader's language without reading `message` (English, for
    the API)."""

    def __init__(self, code: str, message: str, field: str | None = None, params: Mapping[str, Any] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.params = dict(params or {})


class UnknownEntity(DomainError):
    """A command names a contact, role or goal the network does not have (now)."""

    def __init__(self, kind: str, entity_id: str, field: str) -> None:
        super().__init__(f"unknown_{kind.replace(' ', '_')}", f"This network has no {kind} {entity_id}.", field)
        self.entity_id = entity_id
