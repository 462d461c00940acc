"""gunicorn's access log without secrets: calendar feed links carry a token in their path."""

from __future__ import annotations

import re
from typing import Any

from gunicorn.glogging import Logger

SECRET = re.compile(r"/calendar/[^/ ?]+\.ics")


class RedactingLogger(Logger):
    """Logs `/calendar/[token].ics` instead of the secret link."""

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for key in ("U", "r"):  # the path, and the request line
            if isinstance(atoms.get(key), str):
                atoms[key] = SECRET.sub("/calendar/[token].ics", atoms[key])
        return atoms
