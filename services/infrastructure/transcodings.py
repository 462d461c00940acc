"""How dates and the network's state objects are stored as JSON."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.state import STATE_TYPES


class DateAsISO(Transcoding):
    """A calendar date as 'YYYY-MM-DD'."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class DataclassAsDict(Transcoding):
    """One of the flat state dataclasses as a dict of its fields (nested values transcode themselves)."""

    def __init__(self, cls: type) -> None:
        self.type = cls
        self.name = cls.__name__
        self.fields = tuple(f.name for f in fields(cls))

    def encode(self, obj: Any) -> dict[str, Any]:
        return {name: getattr(obj, name) for name in self.fields}

    def decode(self, data: dict[str, Any]) -> Any:
        return self.type(**data)


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    """Teach the transcoder dates and every state dataclass (used in snapshots)."""
    transcoder.register(DateAsISO())
    for cls in STATE_TYPES:
        transcoder.register(DataclassAsDict(cls))
