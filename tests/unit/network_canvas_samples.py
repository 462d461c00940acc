"""Network Canvas exports made here, in the shape Network Canvas's exporter writes them (Fresco's
lib/network-exporters: codebook variable ids as GraphML key ids, a categorical variable as one true/false per
option, a layout variable as _X and _Y, the session's times on the <graph>, and the CSV files of one session)."""

from __future__ import annotations

import io
import zipfile

EGO = "e5a6c8a0-2f4b-4c61-9a43-7f0a1c2d3e4f"
ANNA, PIET, KEES, ZORG = (
    "7d1f6c3e-1111-4a2b-8c3d-000000000001",
    "7d1f6c3e-1111-4a2b-8c3d-000000000002",
    "7d1f6c3e-1111-4a2b-8c3d-000000000003",
    "7d1f6c3e-1111-4a2b-8c3d-000000000004",
)
# 23:30 in London is 00:30 the next day in Amsterdam: the interview was on 4 March
SESSION_START = "2025-03-03T23:30:00.000Z"

GRAPHML = f"""<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
    xmlns:nc="http://schema.networkcanvas.com/xmlns">
  <key id="label" attr.name="label" attr.type="string" for="all"/>
  <key id="0b7e-ego-name" attr.name="name" attr.type="string" for="graph"/>
  <key id="networkCanvasType" attr.name="networkCanvasType" attr.type="string" for="all"/>
  <key id="networkCanvasUUID" attr.name="networkCanvasUUID" attr.type="string" for="all"/>
  <key id="1a2b-name" attr.name="name" attr.type="string" for="node"/>
  <key id="3c4d-cat_3f1a" attr.name="category_household" attr.type="boolean" for="node"/>
  <key id="3c4d-cat_9b2c" attr.name="category_neighbour" attr.type="boolean" for="node"/>
  <key id="3c4d-cat_77aa" attr.name="category_professional" attr.type="boolean" for="node"/>
  <key id="5e6f-strength" attr.name="tie_strength" attr.type="string" for="node"/>
  <key id="7a8b-minutes" attr.name="travel_minutes" attr.type="int" for="node"/>
  <key id="9c0d-closeness" attr.name="closeness" attr.type="int" for="node"/>
  <key id="aa11-layout_X" attr.name="layout_X" attr.type="double" for="node"/>
  <key id="aa11-layout_Y" attr.name="layout_Y" attr.type="double" for="node"/>
  <key id="networkCanvasTargetUUID" attr.name="networkCanvasTargetUUID" attr.type="string" for="edge"/>
  <key id="networkCanvasSourceUUID" attr.name="networkCanvasSourceUUID" attr.type="string" for="edge"/>
  <graph
    edgedefault="undirected"
    nc:caseId="case-17"
    nc:sessionUUID="0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f"
    nc:protocolName="Steunnetwerk"
    nc:protocolUID="p-1"
    nc:codebookHash="abc"
    nc:sessionExportTime="2025-03-10T09:00:00.000Z"
    nc:sessionStartTime="{SESSION_START}"
    nc:sessionFinishTime="2025-03-04T00:45:00.000Z">
    <data key="networkCanvasUUID">{EGO}</data>
    <data key="0b7e-ego-name">Mevrouw Jansen</data>
    <node id="1">
      <data key="networkCanvasUUID">{ANNA}</data>
      <data key="networkCanvasType">Person</data>
      <data key="label">Anna</data>
      <data key="1a2b-name">Anna</data>
      <data key="3c4d-cat_3f1a">true</data>
      <data key="3c4d-cat_9b2c">false</data>
      <data key="3c4d-cat_77aa">false</data>
      <data key="5e6f-strength">strong</data>
      <data key="9c0d-closeness">5</data>
      <data key="aa11-layout_X">0.25</data>
      <data key="aa11-layout_Y">0.5</data>
    </node>
    <node id="2">
      <data key="networkCanvasUUID">{PIET}</data>
      <data key="networkCanvasType">Person</data>
      <data key="label">Piet</data>
      <data key="1a2b-name">Piet</data>
      <data key="3c4d-cat_3f1a">false</data>
      <data key="3c4d-cat_9b2c">true</data>
      <data key="3c4d-cat_77aa">false</data>
      <data key="7a8b-minutes">2</data>
    </node>
    <node id="3">
      <data key="networkCanvasUUID">{KEES}</data>
      <data key="networkCanvasType">Person</data>
      <data key="label">Kees</data>
      <data key="1a2b-name">Kees</data>
    </node>
    <node id="4">
      <data key="networkCanvasUUID">{ZORG}</data>
      <data key="networkCanvasType">Person</data>
      <data key="label">Thuiszorg</data>
      <data key="1a2b-name">Thuiszorg</data>
      <data key="3c4d-cat_77aa">true</data>
    </node>
    <edge id="1" source="1" target="2">
      <data key="networkCanvasUUID">ed6e0001-0000-4000-8000-000000000001</data>
      <data key="networkCanvasType">knows</data>
      <data key="networkCanvasSourceUUID">{ANNA}</data>
      <data key="networkCanvasTargetUUID">{PIET}</data>
    </edge>
    <edge id="2" source="1" target="3">
      <data key="networkCanvasUUID">ed6e0001-0000-4000-8000-000000000002</data>
      <data key="networkCanvasType">knows</data>
      <data key="networkCanvasSourceUUID">{ANNA}</data>
      <data key="networkCanvasTargetUUID">{KEES}</data>
    </edge>
    <edge id="3" source="2" target="1">
      <data key="networkCanvasUUID">ed6e0001-0000-4000-8000-000000000003</data>
      <data key="networkCanvasType">helps</data>
      <data key="networkCanvasSourceUUID">{PIET}</data>
      <data key="networkCanvasTargetUUID">{ANNA}</data>
    </edge>
  </graph>
</graphml>
"""

CASE = f"case-17_{EGO}"
EGO_CSV = (
    "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,networkCanvasProtocolName,sessionStart,"
    "sessionFinish,sessionExported,APP_VERSION,COMMIT_HASH,name\r\n"
    f"{EGO},case-17,0f9e8d7c,Steunnetwerk,{SESSION_START},2025-03-04T00:45:00.000Z,2025-03-10T09:00:00.000Z,"
    "7.0.0,abc123,Mevrouw Jansen\r\n"
)
PEOPLE_CSV = (
    "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,category_household,category_neighbour,"
    "category_professional,tie_strength,travel_minutes,closeness,layout_x,layout_y\r\n"
    f"1,{EGO},{ANNA},Anna,true,false,false,strong,,5,0.25,0.5\r\n"
    f"2,{EGO},{PIET},Piet,false,true,false,,2,,,\r\n"
    f"3,{EGO},{KEES},Kees,,,,,,,,\r\n"
    f'4,{EGO},{ZORG},"Thuiszorg, team Oost",false,false,true,,,,,\r\n'
)
KNOWS_CSV = (
    "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\r\n"
    f"1,1,2,{EGO},ed6e0001-0000-4000-8000-000000000001,{ANNA},{PIET}\r\n"
    f"2,1,3,{EGO},ed6e0001-0000-4000-8000-000000000002,{ANNA},{KEES}\r\n"
)


def csv_files() -> list[tuple[str, bytes]]:
    """The CSV export of the same session: the ego file, the people and the 'knows' edges."""
    return [
        (f"{CASE}_ego.csv", EGO_CSV.encode()),
        (f"{CASE}_attributeList_Person.csv", PEOPLE_CSV.encode()),
        (f"{CASE}_edgeList_knows.csv", KNOWS_CSV.encode()),
    ]


def zipped(files: list[tuple[str, bytes]]) -> bytes:
    """The files in a ZIP, as Network Canvas downloads an export."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(f"networkCanvasExport/{name}", data)
    return buffer.getvalue()
