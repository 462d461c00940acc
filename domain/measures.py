"""Quality measures of a network (Kruijswijk et al. 2014; Wilken 2016), computed with networkx.

Pure functions of a Network's state: no I/O, no clock. Each measure comes with a one-line
explanation in plain Dutch, for the client and the coordinator at the kitchen table.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from domain.network import Network
from domain.state import Contact
from domain.vocabulary import (
    CATEGORIES,
    PROFESSIONAL_CATEGORIES,
    REMOTE_CONTACT_MODES,
    SUPPORT_TYPE_LABELS_NL,
    SUPPORT_TYPES,
)

CLIENT = "client"
NEARBY_MINUTES = 30
FREQUENT = frozenset({"daily", "weekly"})


@dataclass
class Measure:
    """One measure: its values and what they mean, in one Dutch line."""

    value: dict[str, Any]
    explanation: str


@dataclass
class Measures:
    """All measures of one network, and the risk signals they raise."""

    measures: dict[str, Measure] = field(default_factory=dict)
    signals: list[dict[str, str]] = field(default_factory=list)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _pct(share: float | None) -> str:
    return "onbekend" if share is None else f"{round(share * 100)}%"


def ego_graph(network: Network) -> nx.Graph:
    """The client in the centre, a tie to each contact with a current tie, and the contacts' acquaintances."""
    graph = nx.Graph()
    graph.add_node(CLIENT)
    for contact in network.active_contacts:
        graph.add_node(contact.id, category=contact.category)
        if contact.tie is not None:
            graph.add_edge(CLIENT, contact.id, strength=contact.tie.strength)
    active = {c.id for c in network.active_contacts}
    for acquaintance in network.acquaintance_list:
        first, second = acquaintance.contact_ids
        if first in active and second in active:
            graph.add_edge(first, second)
    return graph


def size(network: Network) -> Measure:
    contacts = network.active_contacts
    professional = sum(c.category in PROFESSIONAL_CATEGORIES for c in contacts)
    informal = len(contacts) - professional
    return Measure(
        {"total": len(contacts), "informal": informal, "professional": professional},
        f"{len(contacts)} mensen in het netwerk: {informal} uit de eigen kring en {professional} hulpverleners.",
    )


def composition(network: Network) -> Measure:
    counts = Counter(c.category for c in network.active_contacts)
    total = sum(counts.values())
    shannon = -sum(n / total * math.log(n / total) for n in counts.values()) if total else 0.0
    evenness = shannon / math.log(len(CATEGORIES))
    return Measure(
        {
            "per_category": {k: counts.get(k, 0) for k in CATEGORIES},
            "diversity": round(shannon, 3),
            "evenness": round(evenness, 3),
        },
        f"De mensen komen uit {len(counts)} verschillende groepen (familie, buren, vrienden...); "
        f"spreiding {round(evenness * 100)}% van het maximum.",
    )


def density(network: Network) -> Measure:
    alters = ego_graph(network).subgraph([c.id for c in network.active_contacts])
    n = alters.number_of_nodes()
    value = round(nx.density(alters), 3) if n > 1 else None
    return Measure(
        {"density": value, "acquaintances": alters.number_of_edges(), "possible": n * (n - 1) // 2},
        f"Van alle mensen kent {_pct(value)} elkaar onderling."
        if value is not None
        else "Er zijn te weinig mensen om te zeggen of ze elkaar kennen.",
    )


def stability(network: Network, previous: Network | None) -> Measure:
    now = {c.id for c in network.active_contacts}
    then = {c.id for c in previous.active_contacts} if previous else set()
    ties_now = {c.id: c.tie.strength for c in network.active_contacts if c.tie}
    ties_then = {c.id: c.tie.strength for c in previous.active_contacts if c.tie} if previous else {}
    since = previous.as_of if previous else None
    value = {
        "since": since,
        "contacts_gained": len(now - then),
        "contacts_lost": len(then - now),
        "ties_gained": len(set(ties_now) - set(ties_then)),
        "ties_lost": len(set(ties_then) - set(ties_now)),
        "ties_changed": sum(1 for k, v in ties_now.items() if k in ties_then and ties_then[k] != v),
    }
    when = f"sinds {since.isoformat()}" if since else "sinds het begin"
    return Measure(
        value,
        f"{when.capitalize()}: {value['contacts_gained']} mensen erbij, "
        f"{value['contacts_lost']} mensen weg, {value['ties_changed']} banden veranderd.",
    )


def _given_support(network: Network) -> dict[str, set[str]]:
    given: dict[str, set[str]] = {}
    for role in network.active_roles:
        if role.direction == "to_client":
            given.setdefault(role.contact_id, set()).add(role.support_type)
    return given


def role_complexity(network: Network) -> Measure:
    given = _given_support(network)
    types = set().union(*given.values()) if given else set()
    multiplex = sum(1 for kinds in given.values() if len(kinds) > 1)
    share = _share(multiplex, len(network.active_contacts))
    return Measure(
        {"support_types": len(types), "multiplex_share": share},
        f"Er wordt {len(types)} soorten steun gegeven; {_pct(share)} van de mensen geeft meer dan één soort.",
    )


def _nearby(contact: Contact) -> bool:
    """Living with the client, or at most half an hour away."""
    if contact.lives_with_client or contact.category == "household":
        return True
    return contact.travel_minutes is not None and contact.travel_minutes <= NEARBY_MINUTES


def _only_at_a_distance(contact: Contact) -> bool:
    """Contact by phone, video or only digitally: they cannot simply come by (a 'digital' contact of old too)."""
    return contact.contact_mode in REMOTE_CONTACT_MODES or (
        contact.contact_mode is None and contact.category == "digital"
    )


def reachability(network: Network) -> Measure:
    contacts = network.active_contacts
    nearby = sum(1 for c in contacts if _nearby(c))
    frequent = sum(1 for c in contacts if c.tie and c.tie.frequency in FREQUENT)
    remote = sum(1 for c in contacts if _only_at_a_distance(c))
    in_person = sum(1 for c in contacts if c.contact_mode == "in_person")
    near, often = _share(nearby, len(contacts)), _share(frequent, len(contacts))
    line = (
        f"{_pct(near)} woont bij de cliënt of binnen een half uur reizen; "
        f"met {_pct(often)} is er minstens wekelijks contact."
    )
    if remote:
        line += f" {remote} van de {len(contacts)} spreekt de cliënt alleen op afstand (telefoon, beeld, digitaal)."
    return Measure(
        {
            "within_30_minutes": near,
            "weekly_contact": often,
            "only_at_a_distance": remote,
            "meets_in_person": in_person,
        },
        line,
    )


def reciprocity(network: Network) -> Measure:
    tied = [c for c in network.active_contacts if c.tie]
    both = sum(1 for c in tied if c.tie and c.tie.flow == "both")
    received = sum(1 for r in network.active_roles if r.direction == "to_client")
    given = sum(1 for r in network.active_roles if r.direction == "from_client")
    share = _share(both, len(tied))
    return Measure(
        {"mutual_share": share, "roles_received": received, "roles_given": given},
        f"Met {_pct(share)} van de mensen gaat steun twee kanten op; de cliënt krijgt {received} "
        f"taken en geeft er {given}.",
    )


def _burt(graph: nx.Graph, ego: str) -> tuple[float, float]:
    """Burt's effective size and constraint of one ego in an unweighted graph.

    The same definitions as nx.effective_size and nx.constraint, which take seconds on a 150-contact
    network because they normalise every pair over the whole graph; here only the ego's pairs count.
    """
    alters = list(graph[ego])
    n = len(alters)
    ties_among = graph.subgraph(alters).number_of_edges()
    effective = n - 2 * ties_among / n

    def p(a: str, b: str) -> float:  # a's share of its relations that goes to b
        return 1 / graph.degree(a) if graph.has_edge(a, b) else 0.0

    constraint = sum(
        (p(ego, j) + sum(p(ego, q) * p(q, j) for q in graph[j] if q in graph[ego] and q != j)) ** 2 for j in alters
    )
    return round(effective, 3), round(constraint, 3)


def bonding_bridging(network: Network) -> Measure:
    graph = ego_graph(network)
    if graph.degree(CLIENT) == 0:
        return Measure(
            {"effective_size": None, "constraint": None}, "Er zijn nog geen banden vastgelegd om dit te berekenen."
        )
    effective, constraint = _burt(graph, CLIENT)
    return Measure(
        {"effective_size": effective, "constraint": constraint},
        f"Het netwerk telt {effective} los van elkaar staande contacten (bruggen naar andere kringen); "
        f"hoe hoger de beperking ({constraint}), hoe meer iedereen uit dezelfde hechte kring komt.",
    )


def concentration(network: Network) -> Measure:
    load = Counter(r.contact_id for r in network.active_roles if r.direction == "to_client")
    total = sum(load.values())
    busiest_id, busiest_load = load.most_common(1)[0] if load else (None, 0)
    share = _share(busiest_load, total)
    spil = network.spilmantelzorger_id
    alters = ego_graph(network).subgraph([c.id for c in network.active_contacts])
    articulation = spil is not None and spil in set(nx.articulation_points(alters))
    spil_share = _share(load.get(spil, 0), total) if spil else None
    single_point = bool(spil and (articulation or (spil_share or 0) > 0.5))
    busiest = network.contacts[busiest_id].name if busiest_id else None
    line = f"{busiest} draagt {_pct(share)} van alle taken." if busiest else "Er zijn nog geen taken verdeeld."
    if single_point:
        line += " Zonder de spilmantelzorger valt het netwerk uiteen of valt de meeste steun weg."
    return Measure(
        {
            "busiest_contact_id": busiest_id,
            "busiest_share": share,
            "spilmantelzorger_share": spil_share,
            "spilmantelzorger_is_articulation_point": articulation,
            "spilmantelzorger_single_point_of_failure": single_point,
        },
        line,
    )


def support_gaps(network: Network) -> Measure:
    given = set().union(*_given_support(network).values()) if network.active_roles else set()
    missing = [t for t in SUPPORT_TYPES if t not in given]
    return Measure(
        {"missing": missing},
        "Iedere soort steun wordt door iemand gegeven."
        if not missing
        else f"Niemand geeft: {', '.join(SUPPORT_TYPE_LABELS_NL[t] for t in missing)}.",
    )


def _signals(network: Network, m: dict[str, Measure]) -> list[dict[str, str]]:
    found = []
    contacts: list[Contact] = network.active_contacts
    if m["size"].value["informal"] < 5:
        found.append(("small_network", "Het netwerk is klein: minder dan vijf mensen uit de eigen kring."))
    if contacts and m["size"].value["professional"] > len(contacts) / 2:
        found.append(("mostly_professional", "Het netwerk bestaat vooral uit hulpverleners."))
    stressful = sum(1 for c in contacts if c.tie and c.tie.stressful)
    if contacts and stressful * 3 > len(contacts):
        found.append(("many_stressful_ties", "Meer dan een derde van de banden is belastend."))
    if (m["concentration"].value["busiest_share"] or 0) > 0.5:
        found.append(("support_concentrated", "Eén persoon draagt meer dan de helft van alle steun."))
    if m["concentration"].value["spilmantelzorger_single_point_of_failure"]:
        found.append(("spilmantelzorger_single_point", "De spilmantelzorger is een kwetsbaar middelpunt."))
    if "respite" in m["support_gaps"].value["missing"] and network.spilmantelzorger_id:
        found.append(("no_respite", "Er is geen respijtzorg geregeld voor de mantelzorger."))
    return [{"code": code, "message": message} for code, message in found]


def measure(network: Network, previous: Network | None = None) -> Measures:
    """Every measure of the network; `previous` is the network at the last review (for stability)."""
    m = {
        "size": size(network),
        "composition": composition(network),
        "density": density(network),
        "stability": stability(network, previous),
        "role_complexity": role_complexity(network),
        "reachability": reachability(network),
        "reciprocity": reciprocity(network),
        "bonding_bridging": bonding_bridging(network),
        "concentration": concentration(network),
        "support_gaps": support_gaps(network),
    }
    return Measures(m, _signals(network, m))
