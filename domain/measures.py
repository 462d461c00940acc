"""Quality measures of a network (Kruijswijk et al. 2014; Wilken 2016), computed with networkx.

Pure functions of a Network's state: no I/O, no clock. Each measure has its figures (`value`, for the API) and what
it says about this client (`lines`, phrases: domain/words/quality.py words them). The quality page starts with the
answer: the strengths, and the concerns (the risks of domain/risks.py, and what only the measures see).

Bonding and bridging is said as a judgement a client recognises (Burt's effective size and constraint, and the
efficiency, stay in the value for the API): "vooral één hechte kring" when more than half of the contacts belong to
one group of at least three who all know each other; "veel losse contacten" when more than half of the contacts
know nobody else in the network; "in balans" otherwise; no judgement with fewer than JUDGED_FROM contacts.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from domain import risks
from domain.network import Network
from domain.state import Contact
from domain.vocabulary import CATEGORIES, PROFESSIONAL_CATEGORIES, REMOTE_CONTACT_MODES, SUPPORT_TYPES
from domain.words import Phrase
from domain.words import quality as words

CLIENT = "client"
NEARBY_MINUTES = 30
NEXT_DOOR_MINUTES = 5
FREQUENT = frozenset({"daily", "weekly"})
SERVICES = frozenset({"professional", "adviser"})  # organisations: they are "bereikbaar"; people "wonen"
CLUSTER_FROM = 3  # a group of at least three who all know each other is named
JUDGED_FROM = 3


@dataclass
class Measure:
    """One measure: its figures, and what it says about this client (one or more phrases)."""

    value: dict[str, Any]
    lines: list[Phrase]


@dataclass
class Measures:
    """All measures of one network: the strengths first, the concerns (`signals`: code and phrase), each measure."""

    measures: dict[str, Measure] = field(default_factory=dict)
    signals: list[dict[str, Any]] = field(default_factory=list)
    strengths: list[Phrase] = field(default_factory=list)


def _share(part: int, whole: int) -> float | None:
    return _round(part / whole) if whole else None


def _round(value: float) -> float:
    """Three decimals, and never -0.0 (which JSON would show)."""
    return round(value, 3) + 0.0


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
    value = {"total": len(contacts), "informal": informal, "professional": professional}
    return Measure(value, [words.size(len(contacts), informal, professional)])


def composition(network: Network) -> Measure:
    counts = Counter(c.category for c in network.active_contacts)
    total = sum(counts.values())
    shannon = -sum(n / total * math.log(n / total) for n in counts.values()) if total else 0.0
    groups = sorted(counts, key=lambda k: (-counts[k], CATEGORIES.index(k)))
    value = {
        "per_category": {k: counts.get(k, 0) for k in CATEGORIES},
        "groups": len(counts),
        "diversity": _round(shannon),
        "evenness": _round(shannon / math.log(len(CATEGORIES))),
    }
    return Measure(value, [words.composition(groups)])


def alters_of(network: Network) -> nx.Graph:
    """The contacts and who of them know each other (the client left out)."""
    return ego_graph(network).subgraph([c.id for c in network.active_contacts])


def clusters(network: Network, alters: nx.Graph | None = None) -> list[dict[str, Any]]:
    """The groups of at least three contacts who all know each other (largest first), with their one category."""
    alters = alters_of(network) if alters is None else alters
    found = []
    for clique in sorted(nx.find_cliques(alters), key=lambda c: (-len(c), sorted(c))):
        if len(clique) >= CLUSTER_FROM:
            categories = {network.contacts[i].category for i in clique}
            ids = sorted(clique, key=lambda i: (network.contacts[i].name.lower(), i))
            found.append({"contact_ids": ids, "category": categories.pop() if len(categories) == 1 else None})
    return found


def density(network: Network, alters: nx.Graph | None = None, tight: list[dict[str, Any]] | None = None) -> Measure:
    alters = alters_of(network) if alters is None else alters
    n = alters.number_of_nodes()
    value = _round(nx.density(alters)) if n > 1 else None
    known, possible = alters.number_of_edges(), n * (n - 1) // 2
    tight = clusters(network, alters) if tight is None else tight
    lines = [words.density(known, possible, value)]
    for group in tight:
        lines.append(words.cluster([network.contacts[i].name for i in group["contact_ids"]], group["category"]))
    return Measure({"density": value, "acquaintances": known, "possible": possible, "clusters": tight}, lines)


def _tie_of(network: Network) -> dict[str, tuple[str, bool, str]]:
    return {c.id: (c.tie.strength, c.tie.stressful, c.tie.flow) for c in network.active_contacts if c.tie}


def stability(network: Network, previous: Network | None, basis: str = "review") -> Measure:
    """What changed since `previous`: the network at the last review, on the intake day, or on a chosen day."""
    now = {c.id for c in network.active_contacts}
    then = {c.id for c in previous.active_contacts} if previous else set()
    ties_now, ties_then = _tie_of(network), _tie_of(previous) if previous else {}
    since = previous.as_of if previous else None
    value: dict[str, Any] = {
        "since": since,
        "basis": basis if previous else None,
        "contacts_gained": len(now - then),
        "contacts_lost": len(then - now),
        "ties_gained": len(set(ties_now) - set(ties_then)),
        "ties_lost": len(set(ties_then) - set(ties_now)),
        "ties_changed": sum(1 for k, v in ties_now.items() if k in ties_then and ties_then[k] != v),
    }
    if previous is None:
        return Measure(value, [])
    gained, lost, changed = value["contacts_gained"], value["contacts_lost"], value["ties_changed"]
    return Measure(value, [words.stability(basis, since, gained, lost, changed)])


def _given_support(network: Network) -> dict[str, set[str]]:
    given: dict[str, set[str]] = {}
    for role in network.active_roles:
        if role.direction == "to_client":
            given.setdefault(role.contact_id, set()).add(role.support_type)
    return given


def _skills(network: Network) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for contact in sorted(network.active_contacts, key=lambda c: c.name.lower()):
        for skill in contact.skills:
            found.setdefault(skill, []).append(contact.name)
    return dict(sorted(found.items(), key=lambda item: (-len(item[1]), item[0].lower())))


def role_complexity(network: Network) -> Measure:
    given = _given_support(network)
    types = set().union(*given.values()) if given else set()
    multiplex = sum(1 for kinds in given.values() if len(kinds) > 1)
    talents = _skills(network)
    value = {
        "support_types": len(types),
        "multiplex": multiplex,
        "multiplex_share": _share(multiplex, len(network.active_contacts)),
        "skills": {skill: len(names) for skill, names in talents.items()},
    }
    lines = [words.support_kinds(len(types), multiplex)]
    if talents:
        lines.append(words.skills(talents))
    return Measure(value, lines)


def _band(contact: Contact) -> str:
    """Where someone lives (a service: where it is), from the client: with them, next door, within half an hour,
    further; only digital; or unknown (not far)."""
    if contact.lives_with_client or contact.category == "household":
        return "with_client"
    if contact.contact_mode == "digital" or (contact.contact_mode is None and contact.category == "digital"):
        return "digital"
    if contact.travel_minutes is None:
        return "unknown"
    if contact.travel_minutes <= NEXT_DOOR_MINUTES:
        return "within_5"
    return "within_30" if contact.travel_minutes <= NEARBY_MINUTES else "further"


BANDS = ("with_client", "within_5", "within_30", "further", "digital", "unknown")
NEAR = frozenset({"with_client", "within_5", "within_30"})


def _only_at_a_distance(contact: Contact) -> bool:
    """Contact mostly by phone, video or digitally: they cannot simply come by (an old 'digital' contact too)."""
    return contact.contact_mode in REMOTE_CONTACT_MODES or (
        contact.contact_mode is None and contact.category == "digital"
    )


def reachability(network: Network) -> Measure:
    """How far away people live (services: how far they are), in bands, who lives with the client counted as near;
    an unknown travel time is not "far"; and with how many contact is mostly at a distance."""
    contacts = network.active_contacts
    people = Counter(_band(c) for c in contacts if c.category not in SERVICES)
    services = Counter(_band(c) for c in contacts if c.category in SERVICES)
    nearby = sum(1 for c in contacts if _band(c) in NEAR)
    frequent = sum(1 for c in contacts if c.tie and c.tie.frequency in FREQUENT)
    remote = sum(1 for c in contacts if _only_at_a_distance(c))
    value: dict[str, Any] = {
        "within_30_minutes": _share(nearby, len(contacts)),
        "weekly_contact": _share(frequent, len(contacts)),
        "only_at_a_distance": remote,
        "meets_in_person": sum(1 for c in contacts if c.contact_mode == "in_person"),
        "people": {band: people.get(band, 0) for band in BANDS},
        "services": {band: services.get(band, 0) for band in BANDS},
    }
    lines = words.reach(value["people"], services=False) + words.reach(value["services"], services=True)
    if contacts:
        lines.append(words.often(frequent, len(contacts)))
    if remote:
        lines.append(words.at_a_distance(remote, len(contacts)))
    return Measure(value, lines or [Phrase(words.NOBODY_YET)])


def drained_by(network: Network) -> list[str]:
    """The contacts the client gives to (support flowing from the client, or a task the client does for them) whose
    tie is stressful: being drained, not give-and-take."""
    gives = {r.contact_id for r in network.active_roles if r.direction == "from_client"}
    return [
        c.id
        for c in sorted(network.active_contacts, key=lambda c: (c.name.lower(), c.id))
        if c.tie and c.tie.stressful and (c.tie.flow in ("from_client", "both") or c.id in gives)
    ]


def reciprocity(network: Network) -> Measure:
    tied = [c for c in network.active_contacts if c.tie]
    both = sum(1 for c in tied if c.tie and c.tie.flow == "both")
    healthy = sum(1 for c in tied if c.tie and c.tie.flow == "both" and not c.tie.stressful)
    received = sum(1 for r in network.active_roles if r.direction == "to_client")
    given = sum(1 for r in network.active_roles if r.direction == "from_client")
    drained = drained_by(network)
    value = {
        "mutual_share": _share(both, len(tied)),
        "roles_received": received,
        "roles_given": given,
        "mutual_without_stress": healthy,
        "drained_by": drained,
    }
    lines = [words.exchange(network.client_name, received, given), words.mutual(healthy)]
    if drained:
        lines.append(words.drained(network.client_name, [network.contacts[i].name for i in drained]))
    return Measure(value, lines)


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
    return _round(effective), _round(constraint)


def judgement(network: Network, alters: nx.Graph, tight: list[dict[str, Any]]) -> str:
    """Bonding or bridging in words: "tight", "balanced", "loose", or "too_few" (see the module's docstring)."""
    people = len(network.active_contacts)
    if people < JUDGED_FROM:
        return "too_few"
    largest = max((len(group["contact_ids"]) for group in tight), default=0)
    if largest * 2 > people:
        return "tight"
    alone = sum(1 for c in network.active_contacts if alters.degree(c.id) == 0)
    return "loose" if alone * 2 > people else "balanced"


def bonding_bridging(
    network: Network, graph: nx.Graph | None = None, tight: list[dict[str, Any]] | None = None
) -> Measure:
    graph = ego_graph(network) if graph is None else graph
    alters = graph.subgraph([c.id for c in network.active_contacts])
    ties = graph.degree(CLIENT)
    said = judgement(network, alters, clusters(network, alters) if tight is None else tight)
    value: dict[str, Any] = {"effective_size": None, "constraint": None, "efficiency": None, "judgement": said}
    if ties:
        effective, constraint = _burt(graph, CLIENT)
        value |= {"effective_size": effective, "constraint": constraint, "efficiency": _round(effective / ties)}
    return Measure(value, [Phrase(words.JUDGEMENT[said])])


def concentration(network: Network, alters: nx.Graph | None = None) -> Measure:
    load = risks.tasks_for_client(network)
    total = sum(load.values())
    busiest_id, busiest_load = load.most_common(1)[0] if load else (None, 0)
    share = _share(busiest_load, total)
    spil = network.spilmantelzorger_id
    articulation = spil is not None and risks.holds_together(network, spil, alters)
    value = {
        "busiest_contact_id": busiest_id,
        "busiest_share": share,
        "spilmantelzorger_share": _share(load.get(spil, 0), total) if spil else None,
        "spilmantelzorger_is_articulation_point": articulation,
        "spilmantelzorger_single_point_of_failure": risks.single_point(network, alters),
    }
    if busiest_id is None or share is None:
        return Measure(value, [Phrase(words.NO_TASKS)])
    lines = [words.share_of_tasks(network.contacts[busiest_id].name, busiest_load, total, share)]
    if spil is not None and value["spilmantelzorger_single_point_of_failure"]:
        lines.append(words.single_point(network.contacts[spil].name))
    return Measure(value, lines)


def support_gaps(network: Network) -> Measure:
    given = set().union(*_given_support(network).values()) if network.active_roles else set()
    missing = [t for t in SUPPORT_TYPES if t not in given]
    return Measure({"missing": missing}, [words.gaps(missing, bool(given))])


def _strengths(network: Network, m: dict[str, Measure]) -> list[Phrase]:
    """What is going well, in the order the measures come."""
    found = []
    informal = m["size"].value["informal"]
    if informal >= risks.SMALL_BELOW:
        found.append(words.strong_own_circle(informal))
    if m["composition"].value["groups"] >= 3:
        found.append(words.strong_groups(m["composition"].value["groups"]))
    found += m["density"].lines[1:]  # the tight clusters, named
    stable = m["stability"].value
    if stable["basis"] == "review" and not stable["contacts_lost"] and network.active_contacts:
        found.append(words.strong_stable())
    bands = m["reachability"].value["people"]
    near = sum(n for band, n in bands.items() if band in NEAR)
    if near >= 2:
        found.append(words.strong_nearby(near, bands["with_client"]))
    if m["reciprocity"].value["mutual_without_stress"]:
        found.append(words.mutual(m["reciprocity"].value["mutual_without_stress"]))
    tasks = sum(risks.tasks_for_client(network).values())
    if tasks >= 2 and (m["concentration"].value["busiest_share"] or 0) <= risks.MOST:
        found.append(words.strong_spread())
    if network.active_roles and not m["support_gaps"].value["missing"]:
        found.append(words.strong_every_kind())
    return found


def _concerns(network: Network, m: dict[str, Measure], alters: nx.Graph) -> list[dict[str, Any]]:
    """The risks (domain/risks.py), and what only the measures see: giving to draining ties, one tight circle."""
    found = risks.structural_risks(network, alters)
    drained = m["reciprocity"].value["drained_by"]
    if drained:
        names = [network.contacts[i].name for i in drained]
        found.append(risks.signal("gives_to_stressful_ties", words.drained(network.client_name, names)))
    if m["bonding_bridging"].value["judgement"] == "tight":
        found.append(risks.signal("one_tight_circle", words.tight_circle()))
    return found


def measure(network: Network, previous: Network | None = None, basis: str = "review") -> Measures:
    """Every measure of the network; `previous` is the network stability counts from (the last review, the intake
    day, or a chosen day: `basis` says which)."""
    graph = ego_graph(network)
    alters = graph.subgraph([c.id for c in network.active_contacts])
    tight = clusters(network, alters)
    m = {
        "size": size(network),
        "composition": composition(network),
        "density": density(network, alters, tight),
        "stability": stability(network, previous, basis),
        "role_complexity": role_complexity(network),
        "reachability": reachability(network),
        "reciprocity": reciprocity(network),
        "bonding_bridging": bonding_bridging(network, graph, tight),
        "concentration": concentration(network, alters),
        "support_gaps": support_gaps(network),
    }
    return Measures(m, _concerns(network, m, alters), _strengths(network, m))
