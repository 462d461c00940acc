"""What needs attention in a network: a review due or overdue, and the risks of domain/risks.py (the lists across
networks: those a network's row answers; a network's own page: every risk of its structure); the coordinator's
attention list, and the networks a user has a role on ("Mijn netwerken") with what their rules read."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from domain import risks
from domain.network import Network
from domain.words import quality as words
from projections.db import ReadStore

DUE_WITHIN_DAYS = 14
# The tasks for the client by someone from the own circle (informal care: risks.Counts.informal_care).
INFORMAL_CARE = (
    "(SELECT COUNT(*) FROM kring_roles r JOIN kring_people p ON p.network_id = r.network_id "
    "AND p.contact_id = r.contact_id WHERE r.network_id = n.network_id AND r.ended_on IS NULL "
    "AND r.direction = 'to_client' AND p.active = 1 AND p.category <> 'professional') AS informal_care"
)
OPEN_NETWORKS = (
    "SELECT n.network_id, n.client_name, n.next_review_on, n.spilmantelzorger_id, n.contacts, n.informal, n.tied, "
    f"n.stressful, {INFORMAL_CARE} FROM kring_networks n WHERE n.coordinator = ? AND n.status = 'open' "
    "ORDER BY n.next_review_on, n.client_name"
)

MY_NETWORKS = (
    "SELECT n.network_id, n.client_name, n.coordinator, n.status, n.next_review_on, n.spilmantelzorger_id, "
    f"n.contacts, n.informal, n.tied, n.stressful, {INFORMAL_CARE}, a.source, a.role, a.consent "
    "FROM kring_access a JOIN kring_networks n ON n.network_id = a.network_id WHERE a.user_id = ?"
)


def review_reasons(next_review_on: str | date | None, today: date) -> list[dict[str, Any]]:
    """A review overdue, or due within two weeks."""
    if not next_review_on:
        return []
    day = next_review_on if isinstance(next_review_on, date) else date.fromisoformat(next_review_on)
    if day < today:
        return [risks.signal("review_overdue", words.review_overdue(day))]
    if day <= today + timedelta(days=DUE_WITHIN_DAYS):
        return [risks.signal("review_due", words.review_due(day))]
    return []


def row_counts(row: dict[str, Any]) -> risks.Counts:
    """The counts a row of kring_networks (with INFORMAL_CARE) holds."""
    return risks.Counts(
        row["contacts"],
        row["informal"],
        row["tied"],
        row["stressful"],
        row["informal_care"],
        row["spilmantelzorger_id"],
    )


def reasons(row: dict[str, Any], today: date) -> list[dict[str, Any]]:
    """Why a network in a list needs attention: its review, and the risks of its counts that the lists name
    (risks.LISTED), each a code and a phrase."""
    listed = [risk for risk in risks.count_risks(row_counts(row)) if risk["code"] in risks.LISTED]
    return review_reasons(row["next_review_on"], today) + listed


def reasons_for(network: Network, today: date) -> list[dict[str, Any]]:
    """Why this network needs attention, on its own page: its review, and every risk of its structure."""
    return review_reasons(network.next_review_on, today) + risks.structural_risks(network)


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
