"""A carer's burden over time, and the signals that they may be sliding into overload (mantelval)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from domain import risks
from domain.burden import band_of, score
from domain.errors import UnknownEntity
from domain.network import Network
from domain.words import Phrase, quality
from domain.words import care as words
from services.application.readside import ReadSide

RISE = {"ediz_plus": 3, "srb": 2}  # points since the previous report of the same instrument
NO_REPORT_FOR = timedelta(weeks=26)


def _signal(code: str, message: Phrase) -> dict[str, Any]:
    return {"code": code, "message": message}


def _name(network: Network, contact_id: str) -> str:
    contact = network.contacts.get(contact_id)
    return contact.name if contact else ""


def _latest(reports: list[dict[str, Any]], day: date) -> dict[str, Any] | None:
    """The latest report on or before `day`, scored: when, which questionnaire, score, maximum, band."""
    by_then = [r for r in reports if r["reported_on"] <= day]
    if not by_then:
        return None
    last = by_then[-1]  # the records come oldest first
    result = score(last["instrument"], last["answers"])
    return {"reported_on": last["reported_on"], "instrument": last["instrument"], "total": result.total,
            "maximum": result.maximum, "band": band_of(result)}  # fmt: skip


class CarerBurden:
    """Trend and overload signals of one carer in one network."""

    def __init__(self, side: ReadSide) -> None:
        self.side = side

    def trend(self, network: Network, carer_id: str, today: date) -> dict[str, Any]:
        """Every report of the carer scored, oldest first, and the overload signals, each with its phrase."""
        carer = network.contacts.get(carer_id)
        if carer is None or not carer.is_active:
            raise UnknownEntity("contact", carer_id, "carer_id")
        reports = self.side.records.list(network.id, "burden_report", carer_id)
        scored = [
            {"id": r["id"], "reported_on": r["reported_on"], **vars(score(r["instrument"], r["answers"]))}
            for r in reports
        ]
        return {
            "carer_id": carer_id,
            "name": carer.name,
            "reports": scored,
            "signals": self._signals(network, carer_id, scored, today),
        }

    def between(self, network: Network, start: date, end: date) -> list[dict[str, Any]]:
        """Each carer's burden on `start` and on `end`: their latest report by each day (score, maximum, band), for
        the carers with a report by `end`."""
        rows = []
        reports = self.side.records.list(network.id, "burden_report")
        for carer_id in sorted({r["carer_id"] for r in reports}, key=lambda c: _name(network, c).lower()):
            mine = [r for r in reports if r["carer_id"] == carer_id]
            before, after = _latest(mine, start), _latest(mine, end)
            if after is not None:
                rows.append({"carer_id": carer_id, "name": _name(network, carer_id), "before": before, "after": after})
        return rows

    def network_signals(self, network: Network, today: date) -> list[dict[str, Any]]:
        """The overload signals of the network's carers: those who filled in a questionnaire, and the
        spilmantelzorger."""
        carers = {r["carer_id"] for r in self.side.records.list(network.id, "burden_report")}
        if network.spilmantelzorger_id:
            carers.add(network.spilmantelzorger_id)
        active = [c for c in carers if c in network.contacts and network.contacts[c].is_active]
        return [signal for carer in sorted(active) for signal in self.trend(network, carer, today)["signals"]]

    def _signals(
        self, network: Network, carer_id: str, scored: list[dict[str, Any]], today: date
    ) -> list[dict[str, Any]]:
        name = network.contacts[carer_id].name
        found = []
        latest = scored[-1] if scored else None
        heavy = bool(latest and (latest["band"] == "heavy" or latest["high_strain"]))
        if latest and heavy:
            said = words.heavy_burden(name, latest["instrument"], latest["total"], latest["maximum"])
            found.append(_signal("heavy_burden", said))
        found += self._rises(name, scored)
        found += self._load(network, carer_id, name, heavy)
        found += self._elsewhere(network, carer_id, name)
        found += self._risks(network, carer_id, name)
        if network.spilmantelzorger_id == carer_id and (not latest or latest["reported_on"] < today - NO_REPORT_FOR):
            found.append(_signal("no_recent_report", words.not_asked(name, ever=latest is not None)))
        return found

    @staticmethod
    def _rises(name: str, scored: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for instrument, rise in RISE.items():
            same = [r for r in scored if r["instrument"] == instrument]
            if len(same) >= 2 and same[-1]["total"] - same[-2]["total"] >= rise:
                said = words.burden_rising(name, instrument, same[-2]["total"], same[-1]["total"])
                return [_signal("burden_rising", said)]
        return []

    @staticmethod
    def _load(network: Network, carer_id: str, name: str, heavy: bool) -> list[dict[str, Any]]:
        """The same rule as the network's risk "support concentrated" (domain/risks.py), for this carer."""
        found = []
        carried = risks.carrier(network)
        if carried is not None and carried[0] == carer_id:
            found.append(_signal("carries_most", quality.carries_most(name, carried[1], carried[2])))
        given = [r for r in network.active_roles if r.direction == "to_client"]
        if heavy and not any(r.support_type == "respite" for r in given):
            found.append(_signal("no_respite", words.heavy_without_respite(name)))
        return found

    def _elsewhere(self, network: Network, carer_id: str, name: str) -> list[dict[str, Any]]:
        networks = self.side.maps.networks_helped_in(str(network.id), carer_id)
        if networks > 1:
            return [_signal("several_networks", words.several_networks(name, networks))]
        return []

    def _risks(self, network: Network, carer_id: str, name: str) -> list[dict[str, Any]]:
        reported = self.side.records.get(network.id, "risk_factors", carer_id)
        factors = reported["factors"] if reported else []
        if not factors:
            return []
        return [_signal("mantelscan_risks", words.mantelscan_risks(name, factors))]
