"""Network Canvas GraphML: a network written the way Network Canvas exports an interview, and an interview read
from such a file.

The shape follows Network Canvas's exporter: the ego's attributes are `<data>` of the `<graph>` (keys
`for="graph"`), the alters are `<node>`s with `networkCanvasUUID`, `networkCanvasType` and `label`, alter-alter
edges carry `networkCanvasSourceUUID` and `networkCanvasTargetUUID`, and the session's times are `nc:` attributes
of the `<graph>`. networkx's `read_graphml` reads it as well (the ego's attributes become the graph's).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from xml.sax.saxutils import escape, quoteattr

from domain.network import Network
from services.exchange.attributes import ALTER_TYPES, EGO_TYPES, Value, alter_attributes, as_text, ego_attributes
from services.exchange.interview import Alter, Interview, Pair, Where
from services.exchange.xml_lines import Element, read_xml

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
NC_NS = "http://schema.networkcanvas.com/xmlns"
NODE_TYPE = "person"
EDGE_TYPE = "acquaintance"
UUID_KEY, TYPE_KEY = "networkCanvasUUID", "networkCanvasType"
SOURCE_KEY, TARGET_KEY = "networkCanvasSourceUUID", "networkCanvasTargetUUID"
GRAPH_TIMES = {"sessionStartTime": "sessionStart", "sessionFinishTime": "sessionFinish"}
GRAPH_TIMES["sessionExportTime"] = "sessionExported"
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML 1.0 cannot carry


# ------------------------------------------------------------------ writing
def network_canvas_graphml(network: Network, day: date, exported_at: datetime) -> str:
    """The network on `day` as a Network Canvas interview: the client the ego, contacts the alters."""
    contacts = sorted(network.active_contacts, key=lambda c: (c.name, c.id))
    node_ids = {contact.id: str(number) for number, contact in enumerate(contacts, start=1)}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', _root_open(), *_keys(), _graph_open(network, day, exported_at)]
    lines += _data({UUID_KEY: str(network.id), **_prefixed("ego_", ego_attributes(network, day))})
    for contact in contacts:
        attributes: dict[str, Value] = {UUID_KEY: contact.id, TYPE_KEY: NODE_TYPE, "label": contact.name}
        lines.append(f"<node id={quoteattr(node_ids[contact.id])}>")
        lines += [*_data(attributes | alter_attributes(network, contact)), "</node>"]
    for number, pair in enumerate(_pairs(network, node_ids), start=1):
        first, second, since = pair
        edge = {UUID_KEY: str(uuid.uuid5(network.id, f"acquaintance:{first}|{second}")), TYPE_KEY: EDGE_TYPE}
        ends = f"source={quoteattr(node_ids[first])} target={quoteattr(node_ids[second])}"
        lines += [f'<edge id="{number}" {ends}>', *_data(edge | {SOURCE_KEY: first, TARGET_KEY: second})]
        lines += [*_data({"edge_since": since}), "</edge>"]
    lines += ["</graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def _root_open() -> str:
    schema = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
    return (
        f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{schema}" xmlns:nc="{NC_NS}">'
    )


def _keys() -> list[str]:
    keys = [(name, name, "string", "all") for name in ("label", TYPE_KEY, UUID_KEY)]
    keys += [(f"ego_{name}", name, kind, "graph") for name, kind in EGO_TYPES.items()]
    keys += [(name, name, kind, "node") for name, kind in ALTER_TYPES.items()]
    keys += [(TARGET_KEY, TARGET_KEY, "string", "edge"), (SOURCE_KEY, SOURCE_KEY, "string", "edge")]
    keys.append(("edge_since", "since", "string", "edge"))
    return [
        f'<key id="{key}" attr.name="{name}" attr.type="{kind}" for="{target}"/>' for key, name, kind, target in keys
    ]


def _graph_open(network: Network, day: date, exported_at: datetime) -> str:
    session = uuid.uuid5(network.id, f"kring-export:{network.version}:{day.isoformat()}")
    noon = f"{day.isoformat()}T12:00:00.000Z"  # the map's day, read as that same day in any time zone
    attributes = {
        "nc:caseId": str(network.id),
        "nc:sessionUUID": str(session),
        "nc:protocolName": "Kring",
        "nc:sessionExportTime": exported_at.isoformat(),
        "nc:sessionStartTime": noon,
        "nc:sessionFinishTime": noon,
    }
    return '<graph edgedefault="undirected" ' + " ".join(f"{k}={quoteattr(v)}" for k, v in attributes.items()) + ">"


def _prefixed(prefix: str, values: dict[str, Value]) -> dict[str, Value]:
    return {f"{prefix}{name}": value for name, value in values.items()}


def _data(values: Mapping[str, Value]) -> list[str]:
    return [
        f'<data key="{key}">{escape(NOT_IN_XML.sub("", as_text(value)))}</data>'
        for key, value in values.items()
        if value is not None
    ]


def _pairs(network: Network, node_ids: dict[str, str]) -> list[tuple[str, str, str]]:
    pairs = [(*sorted(a.contact_ids), a.since.isoformat()) for a in network.acquaintance_list]
    return sorted((first, second, since) for first, second, since in pairs if first in node_ids and second in node_ids)


# ------------------------------------------------------------------ reading
def read_graphml(data: bytes, file: str) -> Interview:
    """The interview in a Network Canvas GraphML file (one `<graph>`), or InvalidFile naming the line."""
    root = read_xml(data, file)
    if root.name != "graphml":
        raise Where(file, root.line).refuse(f"not a GraphML file: its root element is <{root.name}>, not <graphml>.")
    keys = {key.attributes.get("id", ""): key.attributes.get("attr.name", "") for key in root.all("key")}
    keys = {key: name or key for key, name in keys.items()}
    graphs = root.all("graph")
    if len(graphs) != 1:
        where = Where(file, graphs[1].line if graphs else root.line)
        raise where.refuse(f"the file holds {len(graphs)} graphs; import one interview (one <graph>) at a time.")
    graph = graphs[0]
    interview = Interview(Where(file, graph.line), ego=_values(graph, keys, file))
    times = {ours: graph.attributes.get(theirs) for theirs, ours in GRAPH_TIMES.items()}
    interview.session = {name: value for name, value in times.items() if value}
    node_keys: dict[str, str] = {}
    for node in graph.all("node"):
        alter = _alter(node, keys, file)
        node_keys[node.attributes.get("id", "")] = alter.key
        interview.alters.append(alter)
    interview.pairs = [_pair(edge, node_keys, file) for edge in graph.all("edge")]
    interview.check_size()
    return interview


def _values(element: Element, keys: dict[str, str], file: str) -> dict[str, str]:
    values = {}
    for data in element.all("data"):
        key = data.attributes.get("key", "")
        if key not in keys:
            raise Where(file, data.line).refuse(f"<data key={key!r}> names no <key> declared in the file.")
        values[keys[key]] = data.text
    return values


def _alter(node: Element, keys: dict[str, str], file: str) -> Alter:
    where = Where(file, node.line)
    if not node.attributes.get("id"):
        raise where.refuse("a <node> without an id.")
    values = _values(node, keys, file)
    return Alter(values.get(UUID_KEY) or node.attributes["id"], values, where)


def _pair(edge: Element, node_keys: dict[str, str], file: str) -> Pair:
    where = Where(file, edge.line)
    ends = [edge.attributes.get("source", ""), edge.attributes.get("target", "")]
    for end in ends:
        if end not in node_keys:
            raise where.refuse(f"the edge names node {end!r}, which the file does not have.")
    if ends[0] == ends[1]:
        raise where.refuse(f"the edge joins node {ends[0]!r} to itself; an edge joins two people who know each other.")
    return Pair(node_keys[ends[0]], node_keys[ends[1]], where)
