"""What needs attention in a network: reviews due, no spilmantelzorger, no informal network, strained ties; the
coordinator's attention list, and the networks a user has a role on ("Mijn netwerken") with what their rules read."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from domain.network import Network
from projections.db import ReadStore
from projections.network_map import outline
from projections.summaries import dutch_date

DUE_WITHIN_DAYS = 14
OPEN_NETWORKS = (
    "SELECT network_id, client_name, next_review_on, spilmantelzorger_id, contacts, informal, tied, stressful "
    "FROM kring_networks WHERE coordinator = ? AND status = 'open' ORDER BY next_review_on, client_name"
)

MY_NETWORKS = (
    "SELECT n.network_id, n.client_name, n.coordinator, n.status, n.next_review_on, n.spilmantelzorger_id, "
    "n.contacts, n.informal, n.tied, n.stressful, a.source, a.role, a.consent "
    "FROM kring_access a JOIN kring_networks n ON n.network_id = a.network_id WHERE a.user_id = ?"
)


def reasons(row: dict[str, Any], today: date) -> list[dict[str, str]]:
    """Why a network needs attention, each reason with a plain-Dutch line."""
    found: list[tuple[str, str]] = []
    next_review = date.fromisoformat(row["next_review_on"])
    if next_review < today:
        found.append(("review_overdue", f"De netwerkbespreking is te laat: gepland op {dutch_date(next_review)}."))
    elif next_review <= today + timedelta(days=DUE_WITHIN_DAYS):
        found.append(("review_due", f"De netwerkbespreking staat op {dutch_date(next_review)}."))
    if not row["spilmantelzorger_id"]:
        found.append(("no_spilmantelzorger", "Er is geen spilmantelzorger."))
    if not row["informal"]:
        found.append(("no_informal_contacts", "Er staat niemand uit de eigen kring in het netwerk."))
    if row["tied"] and row["stressful"] * 2 > row["tied"]:
        found.append(("mostly_stressful", "De meeste banden zijn belastend."))
    return [{"code": code, "message": message} for code, message in found]


def reasons_for(network: Network, today: date) -> list[dict[str, str]]:
    """Why this network needs attention, read from the network itself (what its row on the map says)."""
    return reasons(outline(network), today)


class Attention:
    """The attention list of a coordinator."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def for_coordinator(self, coordinator: str, today: date) -> list[dict[str, Any]]:
        """Open networks with at least one reason for attention, the most urgent review first."""
        with self.store.transaction() as tx:
            rows = tx.execute(OPEN_NETWORKS, [coordinator]).all()
        listed = []
        for row in rows:
            found = reasons(row, today)
            if found:
                listed.append(
                    {
                        "network_id": row["network_id"],
                        "client_name": row["client_name"],
                        "next_review_on": row["next_review_on"],
                        "reasons": found,
                    }
                )
        return listed

    def networks_of(self, user_id: str) -> list[dict[str, Any]]:
        """Every network the user has a role on: its row on the map with the user's role and consent (the
        network's own coordinator role wins over a role given)."""
        with self.store.transaction() as tx:
            found = tx.execute(MY_NETWORKS, [user_id]).all()
        rows: dict[str, dict[str, Any]] = {}
        for row in sorted(found, key=lambda r: r["source"] != "coordinator", reverse=True):
            rows[row["network_id"]] = row
        return list(rows.values())
