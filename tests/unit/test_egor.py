"""egor's three tables: read back as a researcher would (csv), they hold the network whose density, constraint,
effective size and diversity networkx computes to Kring's own figures (docs/research.md defines each)."""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from datetime import date
from typing import Any

import networkx as nx
import pytest

from domain.measures import measure
from domain.network import Network
from services.exchange.egor import egor_tables
from tests.unit.exchange_networks import jansen_with_history, random_network
from tests.unit.test_measures import jansen

DAY = date(2026, 11, 26)
NETWORKS = [jansen, jansen_with_history, *(lambda s=s: random_network(s, 20) for s in range(6))]


def tables(network: Network) -> dict[str, list[dict[str, str]]]:
    return {name: list(csv.DictReader(io.StringIO(text))) for name, text in egor_tables(network, DAY).items()}


def graph_of(found: dict[str, list[dict[str, str]]]) -> tuple[nx.Graph, str, list[str]]:
    """The ego network from the tables: the client tied to every alter with a recorded tie, the alter-alter ties."""
    (ego,) = found["egos.csv"]
    graph = nx.Graph()
    graph.add_node(ego["egoID"])
    alters = [row["alterID"] for row in found["alters.csv"]]
    graph.add_nodes_from(alters)
    graph.add_edges_from((ego["egoID"], row["alterID"]) for row in found["alters.csv"] if row["tie_strength"])
    graph.add_edges_from((row["Source"], row["Target"]) for row in found["aaties.csv"])
    return graph, ego["egoID"], alters


def shannon(values: list[str]) -> float:
    counts = Counter(values)
    return -sum(n / len(values) * math.log(n / len(values)) for n in counts.values())


@pytest.mark.parametrize("make", NETWORKS)
def test_density_constraint_and_diversity_are_networkx_figures_of_the_exported_tables(make: Any) -> None:
    network = make()
    found = tables(network)
    graph, ego, alters = graph_of(found)
    kring = measure(network).measures
    assert kring["density"].value["density"] == pytest.approx(nx.density(graph.subgraph(alters)), abs=5e-4)
    if graph.degree(ego):
        bridging = kring["bonding_bridging"].value
        assert bridging["constraint"] == pytest.approx(nx.constraint(graph, [ego])[ego], abs=5e-4)
        assert bridging["effective_size"] == pytest.approx(nx.effective_size(graph, [ego])[ego], abs=5e-4)
    categories = [row["category"] for row in found["alters.csv"]]
    assert kring["composition"].value["diversity"] == pytest.approx(shannon(categories), abs=5e-4)


@pytest.mark.parametrize("make", NETWORKS)
def test_the_ego_table_carries_kring_s_figures_beside_the_client(make: Any) -> None:
    network = make()
    (ego,) = tables(network)["egos.csv"]
    kring = measure(network).measures
    assert ego["name"] == network.client_name and ego["as_of"] == DAY.isoformat()
    assert ego["kring_density"] == str(kring["density"].value["density"] or "")
    assert ego["kring_diversity"] == str(kring["composition"].value["diversity"])


def test_the_tables_have_egor_s_default_id_columns_and_one_row_per_contact_and_pair() -> None:
    network = jansen_with_history()
    found = tables(network)
    assert list(found["egos.csv"][0])[:1] == ["egoID"]
    assert list(found["alters.csv"][0])[:2] == ["egoID", "alterID"]
    assert list(found["aaties.csv"][0])[:3] == ["egoID", "Source", "Target"]
    assert sorted(row["name"] for row in found["alters.csv"]) == ["Anna", "Kees", "Thuiszorg", "Truus"]
    assert [(row["Source"], row["Target"]) for row in found["aaties.csv"]] == [("anna", "kees")]  # Piet's left
    assert {row["egoID"] for rows in found.values() for row in rows} == {str(network.id)}
