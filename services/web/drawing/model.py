"""What the drawings need of a network map, read from the map as the API returns it.

`map_data(network)` turns the read side's Network into that map (the JSON of GET /api/networks/<id>/map),
so a page draws exactly what the API answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.network import Network
from domain.vocabulary import CATEGORIES, SUPPORT_TYPES
from services.web.schemas import MapOut


def map_data(network: Network) -> dict[str, Any]:
    """The map of a network (from ReadSide.network), as GET /api/networks/<id>/map answers it."""
    dumped: dict[str, Any] = MapOut().dump(network)
    return dumped


@dataclass(frozen=True)
class Person:
    """A contact as drawn: their tie with the client and the support that runs along it."""

    id: str
    name: str
    category: str
    ring: str
    strength: str | None  # None: no tie recorded
    stressful: bool
    flow: str
    receives: tuple[str, ...]  # support types the client gets from them
    gives: tuple[str, ...]  # support types the client gives them
    spilmantelzorger: bool
    contact_mode: str | None = None  # how contact mostly happens: at a distance, a grey node


@dataclass(frozen=True)
class Picture:
    """The client, the people around them in drawing order, and who knows whom."""

    client_name: str
    people: tuple[Person, ...]
    acquaintances: tuple[tuple[str, str], ...]


def _category_order(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


def _support(roles: list[Mapping[str, Any]], contact_id: str, direction: str) -> tuple[str, ...]:
    found = {r["support_type"] for r in roles if r["contact_id"] == contact_id and r["direction"] == direction}
    return tuple(t for t in SUPPORT_TYPES if t in found) + tuple(sorted(found - set(SUPPORT_TYPES)))


def _person(contact: Mapping[str, Any], roles: list[Mapping[str, Any]], spil_id: str | None) -> Person:
    tie = contact.get("tie")
    return Person(
        id=str(contact["id"]),
        name=str(contact["name"]),
        category=str(contact["category"]),
        ring=str(contact.get("ring") or "service"),
        strength=tie["strength"] if tie else None,
        stressful=bool(tie and tie.get("stressful")),
        flow=tie["flow"] if tie else "none",
        receives=_support(roles, str(contact["id"]), "to_client"),
        gives=_support(roles, str(contact["id"]), "from_client"),
        spilmantelzorger=str(contact["id"]) == spil_id,
        contact_mode=contact.get("contact_mode"),
    )


def read_map(data: Mapping[str, Any]) -> Picture:
    """The picture in a map: people sorted by category, then name, then id, so the drawing is always the same."""
    roles = list(data.get("roles") or [])
    spil = data.get("spilmantelzorger")
    spil_id = str(spil["contact_id"]) if spil else None
    people = sorted(
        (_person(c, roles, spil_id) for c in data.get("contacts") or []),
        key=lambda p: (_category_order(p.category), p.name.casefold(), p.name, p.id),
    )
    present = {p.id for p in people}
    pairs = {
        tuple(sorted(str(i) for i in a["contact_ids"]))
        for a in data.get("acquaintances") or []
        if all(str(i) in present for i in a["contact_ids"])
    }
    return Picture(str(data.get("client_name") or ""), tuple(people), tuple(sorted((a, b) for a, b in pairs)))
