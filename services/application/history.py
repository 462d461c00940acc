"""The history as its reader may see it: each timeline line a phrase that says as much as their role may read.

The timeline (projections/timeline.py) keeps what every line says; here a line becomes its phrase for one reader
(domain/words/history.py): a carer's burden score and band only for a role with BURDEN (or the carer themself), a
tie's note only with NOTES; others read that it happened. The edge says the phrase in the reader's language.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.network import Network
from domain.permissions import NOTES
from domain.words import Phrase
from domain.words.history import event_line
from services.application.access import Rights
from services.application.readside import ReadSide, TimelineQuery


def line_phrase(event_type: str, values: dict[str, Any], carer: str | None, rights: Rights) -> Phrase:
    """The line of one event for this reader."""
    contents = rights.may_read_type(event_type, carer)
    return event_line(event_type, values, contents=contents, notes=rights.may(NOTES))


def event_phrase(event: Network.Event, values: dict[str, Any], rights: Rights) -> Phrase:
    """The line of one event from the event store, for this reader."""
    return line_phrase(type(event).__name__, values, getattr(event, "carer_id", None), rights)


class History:
    """Timeline lines for one reader."""

    def __init__(self, side: ReadSide) -> None:
        self.side = side

    def lines(self, network_id: UUID, query: TimelineQuery, rights: Rights) -> list[dict[str, Any]]:
        """The timeline's lines (TimelineQuery: which, in what order), each with its `phrase` for this reader;
        what a line keeps (`values`) is left out of the answer."""
        return self.said(self.side.timelines.lines(network_id, query), rights)

    def said(self, lines: list[dict[str, Any]], rights: Rights) -> list[dict[str, Any]]:
        """Timeline lines (as the read side has them) with their `phrase` for this reader instead of their values."""
        return [
            {**{k: v for k, v in line.items() if k != "values"}, "phrase": self._phrase(line, rights)} for line in lines
        ]

    @staticmethod
    def _phrase(line: dict[str, Any], rights: Rights) -> Phrase:
        return line_phrase(line["type"], line["values"], line["contact_id"], rights)
