"""The attributes of a network's people as researchers' tools see them: one table of names and types, written by
the Network Canvas and egor exports and read back by the Network Canvas import.

The client is the ego; each current contact an alter. The ego-alter tie lives on the alter (Network Canvas has no
ego node), support as one true/false column per kind of support (Network Canvas's way with a multiple choice),
and every task in full in `tasks` (JSON), so that an export imported again gives the same map.
Contact details (e-mail, phone), notes and person links are left out: a research file does not need them.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from domain.network import Network
from domain.state import Contact
from domain.vocabulary import SUPPORT_TYPES

Value = str | int | float | bool | None

RECEIVED = "support_received_"
GIVEN = "support_given_"
SUPPORT_COLUMNS: dict[str, tuple[str, str]] = {
    **{f"{RECEIVED}{kind}": (kind, "to_client") for kind in SUPPORT_TYPES},
    **{f"{GIVEN}{kind}": (kind, "from_client") for kind in SUPPORT_TYPES},
}
# name -> GraphML attr.type; the order is the column order of the CSV tables
ALTER_TYPES: dict[str, str] = {
    "name": "string",
    "category": "string",
    "ring": "string",
    "known_since": "string",
    "travel_minutes": "int",
    "skills": "string",
    "tie_strength": "string",
    "tie_stressful": "boolean",
    "tie_flow": "string",
    "tie_frequency": "string",
    "spilmantelzorger": "boolean",
    **dict.fromkeys(SUPPORT_COLUMNS, "boolean"),
    "tasks": "string",
}
EGO_TYPES: dict[str, str] = {"name": "string", "as_of": "string"}
SKILL_SEPARATOR = "; "


def alter_attributes(network: Network, contact: Contact) -> dict[str, Value]:
    """One contact's row: its details, its tie with the client, its support; None where Kring knows nothing."""
    tie = contact.tie
    roles = sorted(
        (r for r in network.active_roles if r.contact_id == contact.id),
        key=lambda r: (r.support_type, r.direction, r.task, r.rhythm or ""),
    )
    kinds = {(r.support_type, r.direction) for r in roles}
    return {
        "name": contact.name,
        "category": contact.category,
        "ring": contact.ring,
        "known_since": contact.known_since.isoformat() if contact.known_since else None,
        "travel_minutes": contact.travel_minutes,
        "skills": SKILL_SEPARATOR.join(contact.skills) or None,
        "tie_strength": tie.strength if tie else None,
        "tie_stressful": tie.stressful if tie else None,
        "tie_flow": tie.flow if tie else None,
        "tie_frequency": tie.frequency if tie else None,
        "spilmantelzorger": contact.id == network.spilmantelzorger_id,
        **{column: kind in kinds for column, kind in SUPPORT_COLUMNS.items()},
        "tasks": json.dumps([_task(r.support_type, r.direction, r.task, r.rhythm) for r in roles], ensure_ascii=False)
        if roles
        else None,
    }


def _task(support_type: str, direction: str, task: str, rhythm: str | None) -> dict[str, Any]:
    return {"support_type": support_type, "direction": direction, "task": task, "rhythm": rhythm}


def ego_attributes(network: Network, day: date) -> dict[str, Value]:
    """The client as the ego: their name, and the day the map shows."""
    return {"name": network.client_name, "as_of": day.isoformat()}


def as_text(value: Value) -> str:
    """A value as a GraphML or CSV cell: booleans as true/false, unknown as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
