"""The network as a graph with every kind of tie kept apart (for GraphML, Gephi and networkx)."""

from __future__ import annotations

from typing import Any

import networkx as nx

from domain.network import Network

CLIENT = "client"


def _attrs(**values: Any) -> dict[str, Any]:
    """GraphML has no null: leave out what is unknown."""
    return {k: v for k, v in values.items() if v is not None}


def network_graph(network: Network) -> nx.MultiDiGraph:
    """Client and contacts as nodes; ties, acquaintances and support roles as separate edges."""
    graph = nx.MultiDiGraph(name=network.client_name)
    graph.add_node(CLIENT, label=network.client_name, kind="client")
    for c in network.active_contacts:
        graph.add_node(
            c.id,
            **_attrs(
                label=c.name,
                kind="contact",
                category=c.category,
                ring=c.ring,
                travel_minutes=c.travel_minutes,
                skills=", ".join(c.skills) or None,
                spilmantelzorger=c.id == network.spilmantelzorger_id,
            ),
        )
        if c.tie is not None:
            graph.add_edge(
                CLIENT,
                c.id,
                key="tie",
                **_attrs(
                    kind="tie",
                    strength=c.tie.strength,
                    stressful=c.tie.stressful,
                    flow=c.tie.flow,
                    frequency=c.tie.frequency,
                ),
            )
    for a in network.acquaintance_list:
        first, second = a.contact_ids
        if first in graph and second in graph:
            graph.add_edge(first, second, key="acquaintance", kind="acquaintance", since=a.since.isoformat())
    for r in network.active_roles:
        source, target = (r.contact_id, CLIENT) if r.direction == "to_client" else (CLIENT, r.contact_id)
        graph.add_edge(
            source,
            target,
            key=f"role:{r.id}",
            **_attrs(kind="support", support_type=r.support_type, task=r.task, rhythm=r.rhythm),
        )
    return graph
