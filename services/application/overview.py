"""What needs attention: "Mijn netwerken" (every network one has a role on, with what needs attention in each)
and the same on one network's page: the attention rules' reasons, the carers' overload signals, open reminders."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any
from uuid import UUID

from domain.network import Network
from domain.permissions import BURDEN, MAP, permissions
from projections.attention import reasons, reasons_for
from services.application.burden import CarerBurden
from services.application.readside import ReadSide
from services.application.reminders import Reminders

# A risk of the network that a carer's overload signal already says (for a reader who sees those).
SAID_BY_BURDEN = {"carries_most": "support_concentrated", "no_respite": "no_respite"}


class Overview:
    """What needs attention, across one's networks and on one network."""

    def __init__(self, side: ReadSide, reminders: Reminders, burden: CarerBurden) -> None:
        self.side, self.reminders, self.burden = side, reminders, burden

    def my_networks(self, user_id: str, today: date, search: str = "") -> list[dict[str, Any]]:
        """An entry per network the user has a role on whose client's name holds `search`: the map's row, whether
        the user sees the map, why it needs attention, its carers' overload signals (for a role that may read
        burden) and how many of the user's reminders about it are open."""
        open_reminders = Counter(item["network_id"] for item in self.reminders.inbox(user_id, today))
        rows = [r for r in self.side.attention.networks_of(user_id) if search.lower() in r["client_name"].lower()]
        return [self._entry(row, open_reminders, today) for row in rows]

    def _entry(self, row: dict[str, Any], open_reminders: Counter[str], today: date) -> dict[str, Any]:
        consent = tuple(filter(None, (row["consent"] or "").split(",")))
        allowed = permissions(row["role"], consent)
        is_open = row["status"] == "open"
        return {
            **row,
            "sees_map": MAP in allowed,
            "reasons": reasons(row, today) if is_open else [],
            "signals": self._signals(row["network_id"], today) if BURDEN in allowed and is_open else [],
            "reminders": open_reminders.get(row["network_id"], 0),
        }

    def _signals(self, network_id: str, today: date) -> list[dict[str, Any]]:
        return self.burden.network_signals(self.side.network(UUID(network_id)), today)

    def coordinated(self, user_id: str, today: date) -> list[dict[str, Any]]:
        """The coordinator's open networks that need attention, each as Mijn netwerken shows it (the rules' reasons,
        the carers' overload signals, open reminders), the most urgent review first."""
        entries = [
            e for e in self.my_networks(user_id, today) if e["source"] == "coordinator" and e["status"] == "open"
        ]
        needing = [e for e in entries if e["reasons"] or e["signals"] or e["reminders"]]
        return sorted(needing, key=lambda e: (e["next_review_on"] or "", e["client_name"].lower()))

    def attention_on(self, network: Network, user_id: str, today: date, sees_burden: bool) -> dict[str, Any]:
        """What needs attention on one network's page: its review and every risk of its structure, the carers'
        overload signals (for a role that may read burden; a risk they say already is not said twice) and the
        user's open reminders about it."""
        signals = self.burden.network_signals(network, today) if sees_burden else []
        said = {SAID_BY_BURDEN.get(signal["code"]) for signal in signals}
        found = [reason for reason in reasons_for(network, today) if reason["code"] not in said]
        mine = [r for r in self.reminders.inbox(user_id, today) if r["network_id"] == str(network.id)]
        return {"reasons": found, "signals": signals, "reminders": mine}
