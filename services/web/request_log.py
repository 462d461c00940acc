"""gunicorn's access log without secrets: calendar feed, password and invitation links carry one in their path."""

from __future__ import annotations

import re
from typing import Any

from gunicorn.glogging import Logger

SECRETS = (
    (re.compile(r"/calendar/[^/ ?]+\.ics"), "/calendar/[token].ics"),
    (re.compile(r"/(wachtwoord|uitnodiging)/[^/ ?]+"), r"/\1/[token]"),
)


class RedactingLogger(Logger):
    """Logs `/calendar/[token].ics`, `/wachtwoord/[token]` and `/uitnodiging/[token]` instead of the secret."""

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for key in ("U", "r"):  # the path, and the request line
            if isinstance(atoms.get(key), str):
                for secret, shown in SECRETS:
                    atoms[key] = secret.sub(shown, atoms[key])
        return atoms
