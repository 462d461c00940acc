"""Network Canvas exchange: the export is Network Canvas's GraphML that networkx reads; an export imported into a new
network gives the same map and measures; an interview Network Canvas exported (GraphML, CSV, ZIP) is recorded as
Kring's own events on the interview's day, all or nothing."""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

import networkx as nx
import pytest

from domain.measures import measure
from domain.network import Network
from services.application.importing import import_as_new_network, import_into_network
from services.application.kring import Context, Kring
from services.exchange.interview import InvalidFile, TooLarge
from services.exchange.network_canvas import network_canvas_graphml
from services.exchange.uploads import read_interview
from tests.unit import network_canvas_samples as nc
from tests.unit.exchange_networks import jansen_with_history, random_network

DAY = date(2026, 11, 26)
EXPORTED_AT = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
BEA = Context(by="bea")


def exported(network: Network) -> bytes:
    return network_canvas_graphml(network, DAY, EXPORTED_AT).encode()


def the_map(network: Network) -> dict[str, Any]:
    """The map as a person sees it: by names, without ids or the days things were recorded."""
    names = {c.id: c.name for c in network.contacts.values()}
    return {
        "client": network.client_name,
        "contacts": sorted(
            (c.name, c.category, c.ring, c.known_since, c.travel_minutes, tuple(c.skills))
            + ((c.tie.strength, c.tie.stressful, c.tie.flow, c.tie.frequency) if c.tie else ())
            for c in network.active_contacts
        ),
        "acquaintances": sorted(tuple(sorted(names[i] for i in a.contact_ids)) for a in network.acquaintance_list),
        "roles": sorted(
            (names[r.contact_id], r.support_type, r.direction, r.task, r.rhythm or "") for r in network.active_roles
        ),
        "spilmantelzorger": names.get(network.spilmantelzorger_id or ""),
    }


def the_measures(network: Network) -> dict[str, Any]:
    """The measures but stability (which compares with the last review); people by name (the ids are new in a copy;
    any of several with the same load may be named busiest)."""
    found = {name: m.value for name, m in measure(network).measures.items() if name != "stability"}
    named = {i: c.name for i, c in network.contacts.items()}
    clusters = [{**c, "contact_ids": sorted(named[i] for i in c["contact_ids"])} for c in found["density"]["clusters"]]
    found["density"] = {**found["density"], "clusters": sorted(clusters, key=lambda c: c["contact_ids"])}
    found["reciprocity"] = {
        **found["reciprocity"],
        "drained_by": sorted(named[i] for i in found["reciprocity"]["drained_by"]),
    }
    load = Counter(r.contact_id for r in network.active_roles if r.direction == "to_client")
    top = max(load.values(), default=0)
    busiest = sorted(network.contacts[i].name for i, n in load.items() if n == top)
    found["concentration"] = {**found["concentration"], "busiest_contact_id": busiest}
    return found


def imported(kring: Kring, files: list[tuple[str, bytes]], **given: Any) -> Network:
    done = import_as_new_network(kring, read_interview(files), BEA, "bea", given.get("client_name"))
    assert done.outcome is not None
    return kring.get_network(done.outcome.network_id)


# ------------------------------------------------------------------ export
def test_the_export_is_network_canvas_graphml_that_networkx_reads() -> None:
    network = jansen_with_history()
    graph = nx.read_graphml(io.BytesIO(exported(network)))
    assert graph.graph["name"] == "Mevr. Jansen" and graph.graph["networkCanvasUUID"] == str(network.id)
    people = {data["label"]: data for _, data in graph.nodes(data=True)}
    assert set(people) == {"Anna", "Thuiszorg", "Kees", "Truus"}  # Piet left in September
    assert people["Anna"]["networkCanvasUUID"] == "anna" and people["Anna"]["networkCanvasType"] == "person"
    assert people["Anna"]["spilmantelzorger"] is True and people["Anna"]["support_received_respite"] is True
    assert people["Kees"]["tie_strength"] == "tenuous" and people["Kees"]["tie_frequency"] == "yearly"
    assert people["Truus"]["travel_minutes"] == 1
    edges = [(graph.nodes[a]["label"], graph.nodes[b]["label"], d) for a, b, d in graph.edges(data=True)]
    assert [(a, b, d["networkCanvasType"]) for a, b, d in edges] == [("Anna", "Kees", "acquaintance")]
    assert edges[0][2]["networkCanvasSourceUUID"] == "anna" and edges[0][2]["networkCanvasTargetUUID"] == "kees"


def test_the_export_carries_the_session_of_network_canvas_on_the_graph() -> None:
    interview = read_interview([("kring.graphml", exported(jansen_with_history()))])
    assert interview.day() == DAY
    assert interview.session["sessionExported"] == EXPORTED_AT.isoformat()


# ------------------------------------------------------------------ round trip
@pytest.mark.parametrize("make", [jansen_with_history, *(lambda s=s: random_network(s, 15) for s in range(4))])
def test_an_export_imported_into_a_new_network_gives_the_same_map_and_measures(memory_kring: Kring, make: Any) -> None:
    network = make()
    copy = imported(memory_kring, [("export.graphml", exported(network))])
    assert the_map(copy) == the_map(network)
    assert the_measures(copy) == the_measures(network)
    assert {c.added_on for c in copy.active_contacts} == {DAY}  # dated the session's day


# ------------------------------------------------------------------ Network Canvas's own files
def assert_the_sample_was_recorded(network: Network, zorg: str = "Thuiszorg") -> None:
    people = {c.name: c for c in network.active_contacts}
    assert set(people) == {"Anna", "Piet", "Kees", zorg}
    assert people["Anna"].category == "household" and people["Anna"].tie is not None
    assert people["Anna"].tie.strength == "strong" and people["Anna"].tie.flow == "none"
    assert people["Piet"].category == "neighbour" and people["Piet"].travel_minutes == 2
    assert people["Kees"].category == "acquaintance" and people["Kees"].tie is None  # no tie given: none recorded
    assert people[zorg].category == "professional" and people[zorg].ring == "service"
    pairs = {tuple(sorted(network.contacts[i].name for i in a.contact_ids)) for a in network.acquaintance_list}
    assert pairs == {("Anna", "Piet"), ("Anna", "Kees")}  # the 'helps' edge joins a pair already known
    assert {c.added_on for c in people.values()} == {date(2025, 3, 4)}  # the interview's day in Amsterdam


def test_a_network_canvas_graphml_interview_becomes_a_network(memory_kring: Kring) -> None:
    network = imported(memory_kring, [("interview.graphml", nc.GRAPHML.encode())])
    assert network.client_name == "Mevrouw Jansen" and network.opened_on == date(2025, 3, 4)
    assert_the_sample_was_recorded(network)


def test_network_canvas_csv_files_become_a_network(memory_kring: Kring) -> None:
    assert_the_sample_was_recorded(imported(memory_kring, nc.csv_files()), "Thuiszorg, team Oost")


def test_a_zip_of_network_canvas_csv_files_becomes_a_network(memory_kring: Kring) -> None:
    network = imported(memory_kring, [("export.zip", nc.zipped(nc.csv_files()))], client_name="Ans")
    assert network.client_name == "Ans"
    assert_the_sample_was_recorded(network, "Thuiszorg, team Oost")


def test_the_import_says_which_attributes_it_did_not_read(memory_kring: Kring) -> None:
    done = import_as_new_network(memory_kring, read_interview(nc.csv_files()), BEA, "bea", None)
    assert done.ignored_attributes == ["closeness", "layout_x", "layout_y"]
    assert (done.contacts_added, done.ties_recorded, done.acquaintances_recorded) == (4, 1, 2)


def test_an_interview_imported_into_a_network_adds_its_people_on_the_interview_day(memory_kring: Kring) -> None:
    outcome = memory_kring.open_network("Mevrouw Jansen", "bea", by="bea", effective_on=date(2025, 1, 6))
    memory_kring.add_contact(
        outcome.network_id, Context("bea", date(2025, 1, 6)), name="Bram", category="friend", ring="friend"
    )
    done = import_into_network(memory_kring, outcome.network_id, read_interview(nc.csv_files()), BEA)
    network = memory_kring.get_network(outcome.network_id)
    assert sorted(c.name for c in network.active_contacts) == ["Anna", "Bram", "Kees", "Piet", "Thuiszorg, team Oost"]
    assert done.outcome is not None and done.outcome.version == network.version


# ------------------------------------------------------------------ bad input
def graphml_with(old: str, new: str) -> list[tuple[str, bytes]]:
    assert old in nc.GRAPHML
    return [("interview.graphml", nc.GRAPHML.replace(old, new, 1).encode())]


def line_of(text: str, part: str) -> int:
    return text[: text.index(part)].count("\n") + 1


G = nc.GRAPHML
NODE_1, NODE_3, NODE_4 = (line_of(G, f'<node id="{n}">') for n in (1, 3, 4))
BAD_GRAPHML = [
    (('</node>\n    <node id="2">', '</nod>\n    <node id="2">'), line_of(G, "</node>"), "not well-formed XML"),
    (('source="1" target="3"', 'source="1" target="9"'), line_of(G, '<edge id="2"'), "names node '9'"),
    (('strength">strong', 'strength">sterk'), NODE_1, "'tie_strength': 'sterk' is not one of"),
    (('cat_77aa">true', 'cat_77aa">ja'), NODE_4, "'category_professional': 'ja' is not true or false"),
    (('<data key="label">Kees</data>\n      <data key="1a2b-name">Kees</data>', ""), NODE_3, "no 'name'"),
    (('<data key="5e6f-strength">', '<data key="nope">'), line_of(G, '<data key="5e6f-strength">'), "names no <key>"),
    (("</graph>", "</graph>\n<graph/>"), line_of(G, "</graph>") + 1, "holds 2 graphs"),
    (('<data key="7a8b-minutes">2', '<data key="7a8b-minutes">twee'), line_of(G, '<node id="2">'), "whole number"),
]


@pytest.mark.parametrize(("change", "line", "problem"), BAD_GRAPHML)
def test_a_graphml_file_kring_cannot_read_is_refused_with_its_line_and_the_problem(
    memory_kring: Kring, change: tuple[str, str], line: int, problem: str
) -> None:
    with pytest.raises(InvalidFile) as refused:
        imported(memory_kring, graphml_with(*change))
    assert refused.value.file == "interview.graphml" and refused.value.line == line
    assert problem in refused.value.message
    assert memory_kring.list_network_ids() == []  # nothing recorded


def csv_with(index: int, old: str, new: str) -> list[tuple[str, bytes]]:
    files = nc.csv_files()
    name, data = files[index]
    assert old.encode() in data
    files[index] = (name, data.replace(old.encode(), new.encode(), 1))
    return files


def latin_1_people() -> list[tuple[str, bytes]]:
    files = nc.csv_files()
    files[1] = (files[1][0], files[1][1].replace(b"Piet", "Piët".encode("latin-1")))
    return files


BAD_FILES = [
    (csv_with(1, "Anna,true", "Anna,true,true"), "attributeList_Person.csv", 2, "has 13 cells, the header only 12"),
    (csv_with(1, "Kees,,,", "Kees,true,true,"), "attributeList_Person.csv", 4, "several categories"),
    (csv_with(2, f"{nc.PIET}\r\n", "someone-else\r\n"), "edgeList_knows.csv", 2, "person 'someone-else'"),
    (latin_1_people(), "attributeList_Person.csv", 3, "not UTF-8"),
    (csv_with(0, "Mevrouw Jansen\r\n", "Mevrouw Jansen\r\n{nc.EGO},x,y,z,,,,,,Ans\r\n"), "ego.csv", 3, "2 egos"),
    (csv_with(1, f"4,{nc.EGO}", "4,another-ego"), "attributeList_Person.csv", 5, "another interview"),
    ([("people.xlsx", b"PK")], "people.xlsx", None, "Kring reads Network Canvas's .graphml file or its CSV"),
    ([("export.zip", b"PK\x03\x04 broken")], "export.zip", None, "not a readable ZIP"),
    (nc.csv_files()[:1], "", None, "no attribute list"),
    ([("a.graphml", G.encode()), ("b.graphml", G.encode())], "", None, "one .graphml file"),
]


@pytest.mark.parametrize(("files", "file", "line", "problem"), BAD_FILES)
def test_csv_and_zip_files_kring_cannot_read_are_refused_with_file_line_and_problem(
    memory_kring: Kring, files: list[tuple[str, bytes]], file: str, line: int | None, problem: str
) -> None:
    with pytest.raises(InvalidFile) as refused:
        imported(memory_kring, files)
    assert refused.value.file.endswith(file) and refused.value.line == line
    assert problem in refused.value.message
    assert memory_kring.list_network_ids() == []


def test_a_zip_that_unpacks_to_more_than_the_limit_is_refused_before_it_is_read() -> None:
    bomb = nc.zipped([("big_attributeList_Person.csv", b"0" * 5_000_000)])
    assert len(bomb) < 20_000
    with pytest.raises(TooLarge):
        read_interview([("bomb.zip", bomb)], limit=1_000_000)


def test_a_person_the_domain_refuses_refuses_the_whole_file_and_records_nothing(memory_kring: Kring) -> None:
    outcome = memory_kring.open_network("Mevrouw Jansen", "bea", by="bea", effective_on=date(2025, 1, 6))
    before = memory_kring.get_network(outcome.network_id).version
    people = (
        "nodeID,networkCanvasUUID,name,category,spilmantelzorger\r\n"
        "1,a,Anna,household,\r\n2,b,Bob,friend,\r\n3,z,Thuiszorg,professional,true\r\n"
    )
    interview = read_interview([("x_attributeList_Person.csv", people.encode())])
    with pytest.raises(InvalidFile) as refused:
        import_into_network(memory_kring, outcome.network_id, interview, BEA)
    assert refused.value.code == "professional_spilmantelzorger" and refused.value.line == 4
    assert memory_kring.get_network(outcome.network_id).version == before
    assert memory_kring.get_network(outcome.network_id).active_contacts == []


def test_an_interview_before_the_network_was_opened_is_refused(memory_kring: Kring) -> None:
    outcome = memory_kring.open_network("Mevrouw Jansen", "bea", by="bea", effective_on=date(2025, 6, 1))
    with pytest.raises(InvalidFile) as refused:
        import_into_network(memory_kring, outcome.network_id, read_interview(nc.csv_files()), BEA)
    assert refused.value.code == "date_out_of_order" and "the interview's day" in refused.value.message
    later = Context("bea", effective_on=date(2025, 6, 2))  # the importer gives the day instead
    assert (
        import_into_network(memory_kring, outcome.network_id, read_interview(nc.csv_files()), later).contacts_added == 4
    )


def test_a_network_s_own_export_imported_into_it_again_is_refused(memory_kring: Kring) -> None:
    outcome = memory_kring.open_network("Ans", "bea", by="bea", effective_on=date(2026, 1, 5))
    memory_kring.add_contact(outcome.network_id, Context("bea"), name="Peter", category="household", ring="intimate")
    network = memory_kring.get_network(outcome.network_id)
    with pytest.raises(InvalidFile) as refused:
        import_into_network(memory_kring, network.id, read_interview([("own.graphml", exported(network))]), BEA)
    assert "Peter is in this network already" in refused.value.message and refused.value.line is not None
    assert memory_kring.get_network(network.id).version == network.version
