"""What changed between two maps of a network, as the "Veranderingen" page marks it on them; and the other marks
in colour an ecogram can carry.

Both maps are as GET /api/networks/<id>/map answers them (the read side's Network through `map_data`): the
difference is taken between what the two pictures show, so a contact added and removed in between leaves no
mark, and a tie made stronger and then weaker again is not called changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.vocabulary import STRENGTHS


@dataclass(frozen=True)
class Changes:
    """Contact ids by what changed: who came, who went, whose tie with the client grew stronger or weaker."""

    new: frozenset[str] = frozenset()
    gone: frozenset[str] = frozenset()
    stronger: frozenset[str] = frozenset()
    weaker: frozenset[str] = frozenset()

    def then(self) -> Changes:
        """What the earlier map marks: who is gone since."""
        return Changes(gone=self.gone)

    def now(self) -> Changes:
        """What the later map marks: who is new, and the ties that changed."""
        return Changes(new=self.new, stronger=self.stronger, weaker=self.weaker)

    def of(self, contact_id: str) -> str | None:
        """What changed for one contact ("new", "gone", "stronger", "weaker"), or None."""
        for kind in ("new", "gone", "stronger", "weaker"):
            if contact_id in getattr(self, kind):
                return kind
        return None


@dataclass(frozen=True)
class Marks:
    """What an ecogram marks in colour besides the notation: what changed, and the carers (contact ids) with
    signals of overload."""

    changes: Changes = Changes()
    overloaded: frozenset[str] = frozenset()


def _strengths(data: Mapping[str, Any] | None) -> dict[str, int | None]:
    contacts = (data or {}).get("contacts") or []
    return {str(c["id"]): STRENGTHS.index(c["tie"]["strength"]) if c.get("tie") else None for c in contacts}


def what_changed(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> Changes:
    """The changes from one map to a later one (`before` None: the network did not exist, everyone is new)."""
    then, now = _strengths(before), _strengths(after)
    kept = set(then) & set(now)
    return Changes(
        new=frozenset(set(now) - set(then)),
        gone=frozenset(set(then) - set(now)),
        stronger=frozenset(i for i in kept if _compare(then[i], now[i]) > 0),
        weaker=frozenset(i for i in kept if _compare(then[i], now[i]) < 0),
    )


def _compare(earlier: int | None, later: int | None) -> int:
    """+1 when a tie became stronger, -1 weaker, 0 the same (or not assessed on one of the two days)."""
    if earlier is None or later is None:
        return 0
    return (later > earlier) - (later < earlier)
