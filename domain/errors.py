"""Domain errors: a refused command, with a stable code and the field at fault."""

from __future__ import annotations


class DomainError(Exception):
    """A command that the network's rules refuse."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class UnknownEntity(DomainError):
    """A command names a contact, role or goal the network does not have (now)."""

    def __init__(self, kind: str, entity_id: str, field: str) -> None:
        super().__init__(f"unknown_{kind.replace(' ', '_')}", f"This network has no {kind} {entity_id}.", field)
        self.entity_id = entity_id
