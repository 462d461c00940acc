"""A carer's burden over time, and the signals that they may be sliding into overload (mantelval)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from domain.burden import score
from domain.errors import UnknownEntity
from domain.network import Network
from domain.vocabulary import RISK_FACTORS
from services.application.readside import ReadSide

RISE = {"ediz_plus": 3, "srb": 2}  # points since the previous report of the same instrument
NO_REPORT_FOR = timedelta(weeks=26)


def _signal(code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message}


class CarerBurden:
    """Trend and overload signals of one carer in one network."""

    def __init__(self, side: ReadSide) -> None:
        self.side = side

    def trend(self, network: Network, carer_id: str, today: date) -> dict[str, Any]:
        """Every report of the carer scored, oldest first, and the overload signals with a Dutch reason each."""
        carer = network.contacts.get(carer_id)
        if carer is None or not carer.is_active:
            raise UnknownEntity("contact", carer_id, "carer_id")
        reports = self.side.records.list(network.id, "burden_report", carer_id)
        scored = [
            {"id": r["id"], "reported_on": r["reported_on"], **asdict(score(r["instrument"], r["answers"]))}
            for r in reports
        ]
        return {
            "carer_id": carer_id,
            "name": carer.name,
            "reports": scored,
            "signals": self._signals(network, carer_id, scored, today),
        }

    def network_signals(self, network: Network, today: date) -> list[dict[str, str]]:
        """The overload signals of the network's carers: those who filled in a questionnaire, and the
        spilmantelzorger."""
        carers = {r["carer_id"] for r in self.side.records.list(network.id, "burden_report")}
        if network.spilmantelzorger_id:
            carers.add(network.spilmantelzorger_id)
        active = [c for c in carers if c in network.contacts and network.contacts[c].is_active]
        return [signal for carer in sorted(active) for signal in self.trend(network, carer, today)["signals"]]

    def _signals(
        self, network: Network, carer_id: str, scored: list[dict[str, Any]], today: date
    ) -> list[dict[str, str]]:
        name = network.contacts[carer_id].name
        found = []
        latest = scored[-1] if scored else None
        heavy = bool(latest and (latest["band"] == "heavy" or latest["high_strain"]))
        if latest and heavy:
            detail = latest["interpretation"].split(": ", 1)[-1]  # the band's name says it already
            found.append(_signal("heavy_burden", f"{name} is zwaar belast: {detail}"))
        found += self._rises(name, scored)
        found += self._load(network, carer_id, name, heavy)
        found += self._elsewhere(network, carer_id, name)
        found += self._risks(network, carer_id, name)
        if network.spilmantelzorger_id == carer_id and (not latest or latest["reported_on"] < today - NO_REPORT_FOR):
            found.append(
                _signal(
                    "no_recent_report",
                    f"{name} is spilmantelzorger en is al een half jaar of langer niet gevraagd hoe het gaat.",
                )
            )
        return found

    @staticmethod
    def _rises(name: str, scored: list[dict[str, Any]]) -> list[dict[str, str]]:
        for instrument, rise in RISE.items():
            same = [r for r in scored if r["instrument"] == instrument]
            if len(same) >= 2 and same[-1]["total"] - same[-2]["total"] >= rise:
                return [
                    _signal(
                        "burden_rising",
                        f"De belasting van {name} is gestegen van {same[-2]['total']} naar "
                        f"{same[-1]['total']} sinds de vorige meting.",
                    )
                ]
        return []

    @staticmethod
    def _load(network: Network, carer_id: str, name: str, heavy: bool) -> list[dict[str, str]]:
        given = [r for r in network.active_roles if r.direction == "to_client"]
        mine = sum(1 for r in given if r.contact_id == carer_id)
        found = []
        if given and mine * 2 > len(given):
            tasks = "taak" if len(given) == 1 else "taken"
            share = f"({mine} van {len(given)} {tasks})"
            found.append(_signal("carries_most", f"{name} draagt meer dan de helft van alle steun {share}."))
        if heavy and not any(r.support_type == "respite" for r in given):
            found.append(_signal("no_respite", f"{name} is zwaar belast en er is geen respijtzorg geregeld."))
        return found

    def _elsewhere(self, network: Network, carer_id: str, name: str) -> list[dict[str, str]]:
        networks = self.side.maps.networks_helped_in(str(network.id), carer_id)
        if networks > 1:
            return [_signal("several_networks", f"{name} helpt in {networks} netwerken.")]
        return []

    def _risks(self, network: Network, carer_id: str, name: str) -> list[dict[str, str]]:
        reported = self.side.records.get(network.id, "risk_factors", carer_id)
        factors = reported["factors"] if reported else []
        if not factors:
            return []
        return [_signal("mantelscan_risks", f"{name}: " + "; ".join(RISK_FACTORS[f] for f in factors) + ".")]
