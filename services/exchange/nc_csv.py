"""An interview read from Network Canvas's CSV export: the ego file, an attribute list per node type and an edge
list per edge type (`<case>_<session>_ego.csv`, `..._attributeList_<Type>.csv`, `..._edgeList_<Type>.csv`).

Columns as Network Canvas writes them: `networkCanvasEgoUUID`, `networkCanvasUUID`, `nodeID`, `from`, `to`,
`networkCanvasSourceUUID`, `networkCanvasTargetUUID`, the session's times, then one column per variable.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from services.exchange.interview import Alter, Interview, InvalidFile, Pair, Where

EGO = re.compile(r"(^|_)ego\.csv$", re.IGNORECASE)
ATTRIBUTES = re.compile(r"(^|_)attributeList_[^/]*\.csv$", re.IGNORECASE)
EDGES = re.compile(r"(^|_)edgeList_[^/]*\.csv$", re.IGNORECASE)
MATRIX = re.compile(r"(^|_)adjacencyMatrix_[^/]*\.csv$", re.IGNORECASE)  # the edge lists hold the same edges
EGO_ID = "networkCanvasEgoUUID"
SESSION_COLUMNS = ("sessionStart", "sessionFinish", "sessionExported")
EGO_COLUMNS = (EGO_ID, "networkCanvasCaseID", "networkCanvasSessionID", "networkCanvasProtocolName", *SESSION_COLUMNS)


def is_network_canvas_csv(name: str) -> bool:
    """Whether a file name is one of the CSV files Network Canvas exports (and Kring reads or skips)."""
    return any(pattern.search(name) for pattern in (EGO, ATTRIBUTES, EDGES, MATRIX))


def read_csv_files(files: list[tuple[str, bytes]]) -> Interview:
    """The interview in a set of Network Canvas CSV files, or InvalidFile naming the file and line."""
    ego_files = [f for f in files if EGO.search(f[0])]
    if len(ego_files) > 1:
        raise InvalidFile("there are several ego files; import one interview at a time.", file=ego_files[1][0])
    interview = Interview(Where(ego_files[0][0] if ego_files else files[0][0], None))
    for name, data in ego_files:
        _read_ego(interview, name, data)
    node_keys: dict[str, str] = {}
    attribute_files = [f for f in files if ATTRIBUTES.search(f[0])]
    if not attribute_files:
        raise InvalidFile("there is no attribute list (…_attributeList_<Type>.csv), so no people to import.")
    for name, data in attribute_files:
        for row, where in _rows(name, data):
            alter = Alter(row.get("networkCanvasUUID") or row.get("nodeID") or "", row, where)
            if not alter.key:
                raise where.refuse("this row has neither a networkCanvasUUID nor a nodeID.")
            node_keys[row.get("nodeID") or alter.key] = alter.key
            interview.alters.append(alter)
    for name, data in files:
        if EDGES.search(name):
            interview.pairs += [_pair(row, where, node_keys) for row, where in _rows(name, data)]
    _one_ego(interview)
    interview.check_size()
    return interview


def _read_ego(interview: Interview, name: str, data: bytes) -> None:
    rows = list(_rows(name, data))
    if len(rows) != 1:
        where = rows[1][1] if rows else Where(name, 1)
        raise where.refuse(f"the ego file holds {len(rows)} egos; import one interview at a time.")
    row, where = rows[0]
    interview.where = where
    interview.session = {column: row[column] for column in SESSION_COLUMNS if row.get(column)}
    interview.ego = {k: v for k, v in row.items() if k not in EGO_COLUMNS}
    interview.ego["networkCanvasUUID"] = row.get(EGO_ID, "")


def _one_ego(interview: Interview) -> None:
    """All rows belong to one interview: one networkCanvasEgoUUID (the ego file's, when there is one)."""
    seen = {interview.ego.get("networkCanvasUUID") or None}
    for alter in interview.alters:
        seen.add(alter.attributes.get(EGO_ID) or None)
        if len(seen - {None}) > 1:
            raise alter.where.refuse("this row is of another interview (networkCanvasEgoUUID); import one at a time.")


def _pair(row: dict[str, str], where: Where, node_keys: dict[str, str]) -> Pair:
    ends = []
    for uuid_column, id_column in (("networkCanvasSourceUUID", "from"), ("networkCanvasTargetUUID", "to")):
        end = row.get(uuid_column) or node_keys.get(row.get(id_column) or "")
        if not end or end not in node_keys.values():
            named = row.get(uuid_column) or row.get(id_column) or ""
            raise where.refuse(f"the edge names person {named!r}, who is in no attribute list.")
        ends.append(end)
    if ends[0] == ends[1]:
        raise where.refuse("the edge joins a person to themselves; an edge joins two people who know each other.")
    return Pair(ends[0], ends[1], where)


def _rows(name: str, data: bytes) -> Iterator[tuple[dict[str, str], Where]]:
    """Each row as {column: cell} with its line, or InvalidFile naming the line that cannot be read."""
    reader = csv.reader(io.StringIO(_text(name, data), newline=""))
    try:
        header = next(reader, None)
        if not header:
            raise InvalidFile("the file is empty; it needs a header row.", file=name, line=1)
        for cells in reader:
            where = Where(name, reader.line_num)
            if len(cells) > len(header):
                raise where.refuse(f"this row has {len(cells)} cells, the header only {len(header)} columns.")
            if any(cells):
                yield dict(zip(header, cells, strict=False)), where
    except csv.Error as error:
        raise Where(name, reader.line_num).refuse(f"not readable as CSV ({error}).") from None


def _text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise Where(name, line).refuse("not UTF-8 text; export the file again as UTF-8 CSV.") from None
