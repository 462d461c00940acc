"""The network as the three tables of the R package egor (`threefiles_to_egor(egos, alters, aaties)` or
`egor(alters, egos, aaties)`, with egor's default column names egoID, alterID, Source and Target).

egos.csv: the client, with Kring's own density, constraint and diversity beside it (docs/research.md defines
them); alters.csv: one row per current contact, the columns of services/exchange/attributes.py; aaties.csv: the
pairs of contacts who know each other.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

from domain.measures import measure
from domain.network import Network
from services.exchange.attributes import ALTER_TYPES, Value, alter_attributes, as_text, ego_attributes

EGO_ID, ALTER_ID, SOURCE, TARGET = "egoID", "alterID", "Source", "Target"
KRING_MEASURES = ("kring_density", "kring_constraint", "kring_effective_size", "kring_diversity")


def egor_tables(network: Network, day: date) -> dict[str, str]:
    """egos.csv, alters.csv and aaties.csv of the network on `day` (as CSV text, UTF-8, comma-separated)."""
    ego = str(network.id)
    contacts = sorted(network.active_contacts, key=lambda contact: (contact.name, contact.id))
    active = {contact.id for contact in contacts}
    pairs = sorted(
        (*sorted(a.contact_ids), a.since.isoformat()) for a in network.acquaintance_list if set(a.contact_ids) <= active
    )
    return {
        "egos.csv": _csv([EGO_ID, "name", "as_of", *KRING_MEASURES], [[ego, *_ego_row(network, day)]]),
        "alters.csv": _csv(
            [EGO_ID, ALTER_ID, *ALTER_TYPES],
            ([ego, c.id, *_in_order(alter_attributes(network, c))] for c in contacts),
        ),
        "aaties.csv": _csv([EGO_ID, SOURCE, TARGET, "since"], ([ego, *pair] for pair in pairs)),
    }


def _in_order(attributes: dict[str, Value]) -> list[Value]:
    return [attributes[name] for name in ALTER_TYPES]


def _ego_row(network: Network, day: date) -> list[Value]:
    found = measure(network).measures
    bridging = found["bonding_bridging"].value
    return [
        *ego_attributes(network, day).values(),
        found["density"].value["density"],
        bridging["constraint"],
        bridging["effective_size"],
        found["composition"].value["diversity"],
    ]


def _csv(header: Sequence[str], rows: Iterable[Sequence[Value]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([as_text(value) for value in row] for row in rows)
    return buffer.getvalue()
