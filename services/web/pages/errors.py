"""Readable error pages for the web pages; the API keeps its JSON errors."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, render_template, request
from flask_babel import lazy_gettext
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

PAGES: dict[int, tuple[Any, Any]] = {
    400: (
        lazy_gettext("Dit formulier is verlopen"),
        lazy_gettext("Laad de pagina opnieuw en probeer het nog een keer. Er is niets opgeslagen."),
    ),
    403: (
        lazy_gettext("Dit mag u niet doen"),
        lazy_gettext(
            "Uw rol in dit netwerk geeft geen toegang tot deze pagina. Vraag de coördinator als u denkt "
            "dat dit niet klopt."
        ),
    ),
    404: (
        lazy_gettext("Deze pagina bestaat niet"),
        lazy_gettext("Misschien is de link oud, of hoort het netwerk niet bij u. Ga terug naar uw netwerken."),
    ),
    405: (
        lazy_gettext("Dit kan zo niet"),
        lazy_gettext("Gebruik de knoppen op de pagina in plaats van de adresbalk."),
    ),
    409: (
        lazy_gettext("Dit kan nu niet"),
        lazy_gettext("Het netwerk staat deze verandering niet toe. Er is niets opgeslagen."),
    ),
    413: (
        lazy_gettext("Dit is te veel tekst"),
        lazy_gettext("Er is niets opgeslagen. Maak de tekst korter en probeer het nog een keer."),
    ),
    500: (
        lazy_gettext("Er ging iets mis"),
        lazy_gettext(
            "Er is niets opgeslagen. Probeer het zo nog eens; meld het aan de beheerder als het blijft gebeuren."
        ),
    ),
    503: (
        lazy_gettext("Even geduld"),
        lazy_gettext("Kring is nog bezig met verwerken. Laad de pagina over een paar seconden opnieuw."),
    ),
}


def page(status: int) -> tuple[str, int]:
    """The error page for a status, in the page's language."""
    title, text = PAGES.get(status, PAGES[500] if status >= 500 else PAGES[404])
    return render_template("error.html", status=status, title=title, text=text), status


def is_api(path: str) -> bool:
    return path.startswith(("/api/", "/calendar/")) or path == "/api"


def init_app(app: Flask) -> None:
    """HTTP errors on a page path get a readable page; on the API, its JSON as before."""
    api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]

    def handle(error: HTTPException) -> Any:
        if is_api(request.path):
            return api.handle_http_exception(error)
        status = error.code or 500
        if status >= 500:
            log.error("error on page %s", request.url_rule, exc_info=getattr(error, "original_exception", None))
        return page(status)

    app.register_error_handler(HTTPException, handle)
