"""The export as a ZIP download: the API's export and the Toegang page's "Exporteer alles" (docs/decisions/0012)."""

from __future__ import annotations

import io
import zipfile
from typing import Any
from uuid import UUID

from flask import Response, current_app

from services.web import schemas

SHAPES = {"events.json": schemas.EventPage(), "map.json": schemas.MapOut()}  # as the API answers them


def export_download(network_id: UUID, files: dict[str, Any]) -> Response:
    """The export's files (services/application/export.py) in one ZIP, JSON as the API writes it."""
    return Response(
        _zipped({name: SHAPES[name].dump(content) if name in SHAPES else content for name, content in files.items()}),
        mimetype="application/zip",
        headers={"Content-Disposition": f'attachment; filename="kring-network-{network_id}.zip"'},
    )


def _zipped(files: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            text = content if isinstance(content, str) else current_app.json.dumps(content, ensure_ascii=False)
            archive.writestr(name, text)
    return buffer.getvalue()
