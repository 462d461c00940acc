"""The risks of a network, each defined once: the attention lists, the network page's "Wat aandacht vraagt" and the
quality page all ask these functions (issue 12).

Some risks can be told from a network's counts alone (`Counts`: what the read side keeps in a row per network, so
the lists across many networks can ask them); the others need the whole map (who carries the support, who holds
the network together). Thresholds, in one place:

- small network: fewer than SMALL_BELOW people from the client's own circle (informal contacts); none at all is
  its own risk;
- mostly professional: more than half of the contacts are professionals;
- many stressful ties: more than a third of the ties are stressful;
- no spilmantelzorger: informal care is given (someone from the own circle has a task for the client) and nobody
  is designated to coordinate it;
- support concentrated: one person has more than half of the tasks for the client;
- the spilmantelzorger a single point of failure: without them the network falls apart (they are its only link
  between people), or they carry more than half of the support;
- no respite: there is a spilmantelzorger and nobody gives respite care.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import networkx as nx

from domain.network import Network
from domain.vocabulary import PROFESSIONAL_CATEGORIES
from domain.words import quality as words

SMALL_BELOW = 5
STRESSFUL_MORE_THAN = 1 / 3
MOST = 1 / 2
# The risks the lists across networks (the attention list, Mijn netwerken, the Overzicht) name: the ones that ask
# for action now; a network's own page and its quality page name every risk.
LISTED = frozenset({"no_informal_contacts", "many_stressful_ties", "no_spilmantelzorger"})
CLIENT = "client"


@dataclass(frozen=True)
class Counts:
    """What the read side keeps of a network for the lists across networks (projections/network_map.py)."""

    contacts: int
    informal: int
    tied: int
    stressful: int
    informal_care: int  # tasks for the client by someone from the own circle
    spilmantelzorger_id: str | None


def counts(network: Network) -> Counts:
    """The counts of a network as it is now."""
    contacts = network.active_contacts
    tied = [c for c in contacts if c.tie]
    informal = {c.id for c in contacts if c.category not in PROFESSIONAL_CATEGORIES}
    return Counts(
        contacts=len(contacts),
        informal=len(informal),
        tied=len(tied),
        stressful=sum(1 for c in tied if c.tie and c.tie.stressful),
        informal_care=sum(1 for r in network.active_roles if r.direction == "to_client" and r.contact_id in informal),
        spilmantelzorger_id=network.spilmantelzorger_id,
    )


def signal(code: str, message: Any) -> dict[str, Any]:
    """A risk or reason as the pages and the API show it: its code and its phrase."""
    return {"code": code, "message": message}


def count_risks(c: Counts) -> list[dict[str, Any]]:
    """The risks a network's counts show (what a row of the read side can tell)."""
    found = []
    if c.informal == 0:
        found.append(signal("no_informal_contacts", words.no_informal_contacts()))
    elif c.informal < SMALL_BELOW:
        found.append(signal("small_network", words.small_network(c.informal)))
    if c.informal and c.contacts - c.informal > c.contacts * MOST:  # none from the own circle is said above
        found.append(signal("mostly_professional", words.mostly_professional(c.contacts - c.informal, c.contacts)))
    if c.tied and c.stressful > c.tied * STRESSFUL_MORE_THAN:
        found.append(signal("many_stressful_ties", words.many_stressful_ties(c.stressful, c.tied)))
    if c.informal_care and not c.spilmantelzorger_id:
        found.append(signal("no_spilmantelzorger", words.no_spilmantelzorger()))
    return found


def tasks_for_client(network: Network) -> Counter[str]:
    """How many tasks for the client each contact has."""
    return Counter(r.contact_id for r in network.active_roles if r.direction == "to_client")


def carrier(network: Network) -> tuple[str, int, int] | None:
    """The contact with more than half of the tasks for the client: (id, their tasks, all tasks), if any."""
    load = tasks_for_client(network)
    total = sum(load.values())
    if not load:
        return None
    busiest, mine = load.most_common(1)[0]
    return (busiest, mine, total) if mine > total * MOST else None


def acquainted(network: Network) -> nx.Graph:
    """The active contacts, and who of them know each other."""
    alters = nx.Graph()
    active = {c.id for c in network.active_contacts}
    alters.add_nodes_from(active)
    alters.add_edges_from(
        a.contact_ids for a in network.acquaintance_list if a.contact_ids[0] in active and a.contact_ids[1] in active
    )
    return alters


def holds_together(network: Network, contact_id: str, alters: nx.Graph | None = None) -> bool:
    """Whether the people who know each other fall apart without this contact (an articulation point)."""
    graph = acquainted(network) if alters is None else alters
    return contact_id in graph and contact_id in set(nx.articulation_points(graph))


def single_point(network: Network, alters: nx.Graph | None = None) -> bool:
    """The spilmantelzorger holds the network together, or carries more than half of the support."""
    spil = network.spilmantelzorger_id
    if spil is None:
        return False
    carried = carrier(network)
    return (carried is not None and carried[0] == spil) or holds_together(network, spil, alters)


def structural_risks(network: Network, alters: nx.Graph | None = None) -> list[dict[str, Any]]:
    """Every risk of the network's structure: the counts' and those that need the whole map (`alters`: who know
    each other, if the caller has it already)."""
    found = count_risks(counts(network))
    carried = carrier(network)
    spil = network.spilmantelzorger_id
    if carried is not None:
        who, mine, total = carried
        found.append(signal("support_concentrated", words.carries_most(network.contacts[who].name, mine, total)))
    if spil is not None and single_point(network, alters):
        found.append(signal("spilmantelzorger_single_point", words.single_point(network.contacts[spil].name)))
    if spil is not None and not any(
        r.support_type == "respite" and r.direction == "to_client" for r in network.active_roles
    ):
        found.append(signal("no_respite", words.no_respite(network.contacts[spil].name)))
    return found
