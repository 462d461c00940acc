"""Who does what, across the open networks of one coordinator: roles, shared people, vacant tasks (left by someone
who went, or asked for help with and not yet taken on).

Only the coordinator's own open networks count, so the overview never tells about other coordinators' clients.
"""

from __future__ import annotations

import json
from typing import Any

from projections.db import ReadStore

ACTIVE_ROLES = (
    "SELECT r.network_id, n.client_name, r.role_id, r.contact_id, p.name, p.person_key, r.support_type, "
    "r.direction, r.task, r.rhythm, r.started_on FROM kring_roles r "
    "JOIN kring_networks n ON n.network_id = r.network_id "
    "LEFT JOIN kring_people p ON p.network_id = r.network_id AND p.contact_id = r.contact_id "
    "WHERE n.coordinator = ? AND n.status = 'open' AND r.ended_on IS NULL ORDER BY n.client_name, p.name, r.task"
)
SHARED_PEOPLE = (
    "SELECT p.person_key, COUNT(DISTINCT p.network_id) AS networks, "
    "(SELECT COUNT(*) FROM kring_roles r JOIN kring_people q ON q.network_id = r.network_id "
    " AND q.contact_id = r.contact_id JOIN kring_networks m ON m.network_id = r.network_id "
    " WHERE q.person_key = p.person_key AND q.active = 1 AND m.coordinator = ? AND m.status = 'open' "
    " AND r.ended_on IS NULL AND r.direction = 'to_client') AS roles "
    "FROM kring_people p JOIN kring_networks n ON n.network_id = p.network_id "
    "WHERE n.coordinator = ? AND n.status = 'open' AND p.active = 1 AND p.person_key IS NOT NULL "
    "GROUP BY p.person_key HAVING COUNT(DISTINCT p.network_id) > 1"
)
MINE = (
    "SELECT q.person_key, q.network_id, n.client_name, q.contact_id, q.name FROM kring_people q "
    "JOIN kring_networks n ON n.network_id = q.network_id WHERE n.coordinator = ? AND n.status = 'open' "
    "AND q.active = 1 ORDER BY n.client_name, q.name"
)
VACANT = (
    "SELECT r.network_id, n.client_name, r.role_id, r.support_type, r.direction, r.task, r.rhythm, r.ended_on "
    "FROM kring_roles r JOIN kring_networks n ON n.network_id = r.network_id "
    "WHERE n.coordinator = ? AND n.status = 'open' AND r.ended_on IS NOT NULL AND r.end_reason = 'contact_removed' "
    "AND NOT EXISTS (SELECT 1 FROM kring_roles o WHERE o.network_id = r.network_id AND o.ended_on IS NULL "
    " AND o.support_type = r.support_type AND o.task = r.task) ORDER BY n.client_name, r.task"
)

ASKED = (
    "SELECT r.network_id, n.client_name, r.data FROM kring_records r "
    "JOIN kring_networks n ON n.network_id = r.network_id "
    "WHERE n.coordinator = ? AND n.status = 'open' AND r.kind = 'help_request' ORDER BY n.client_name, r.effective_on"
)


class WhoDoesWhat:
    """The coordinator's overview."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def for_coordinator(self, coordinator: str) -> dict[str, Any]:
        """Each contact with their tasks; people in several networks with their total load; vacant tasks."""
        with self.store.transaction() as tx:
            roles = tx.execute(ACTIVE_ROLES, [coordinator]).all()
            shared = {r["person_key"]: r for r in tx.execute(SHARED_PEOPLE, [coordinator, coordinator]).all()}
            mine = tx.execute(MINE, [coordinator]).all()
            vacant = tx.execute(VACANT, [coordinator]).all()
            asked = tx.execute(ASKED, [coordinator]).all()
        return {
            "coordinator": coordinator,
            "contacts": _by_contact(roles),
            "shared_people": _shared(shared, mine),
            "vacant_roles": vacant,
            "help_requests": [
                {"network_id": r["network_id"], "client_name": r["client_name"], **json.loads(r["data"])} for r in asked
            ],
        }


def _by_contact(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for role in roles:
        key = (role["network_id"], role["contact_id"])
        entry = grouped.setdefault(
            key,
            {
                "network_id": role["network_id"],
                "client_name": role["client_name"],
                "contact_id": role["contact_id"],
                "name": role["name"],
                "roles": [],
            },
        )
        entry["roles"].append(
            {k: role[k] for k in ("role_id", "support_type", "direction", "task", "rhythm", "started_on")}
        )
    return list(grouped.values())


def _shared(shared: dict[str, dict[str, Any]], mine: list[dict[str, Any]]) -> list[dict[str, Any]]:
    people: dict[str, dict[str, Any]] = {}
    for row in mine:
        if row["person_key"] not in shared:
            continue
        total = shared[row["person_key"]]
        person = people.setdefault(
            row["person_key"],
            {
                "name": row["name"],
                "networks": total["networks"],
                "roles": total["roles"],
                "appears_in": [],
            },
        )
        person["appears_in"].append(
            {"network_id": row["network_id"], "client_name": row["client_name"], "contact_id": row["contact_id"]}
        )
    return sorted(people.values(), key=lambda p: (-p["roles"], p["name"]))
